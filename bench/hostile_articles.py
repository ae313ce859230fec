"""How claim detection's cost grows on hostile articles, next to ordinary news in the same run.

    python bench/hostile_articles.py [--sizes 0.25 0.5 1] [--budget SECONDS]

Each generator writes an article of the given size (in MB of text) built to push one part of
the detector: one person given thousands of titles, thousands of people, unbalanced quotes,
sentences of numbers or dates, one huge paragraph, text without punctuation, many tiny lines.
For each, the CPU seconds per MB are printed at every size, and the ratio of the largest size's
time to the smallest's: linear work gives a ratio equal to the size ratio (4 for 1 MB against
0.25 MB); a quadratic path shows as a ratio near its square. The last column compares the cost
per MB at the largest size with ordinary news text (generated news-style sentences).

Exit status 1 when a generator's ratio exceeds 1.5 times the size ratio (work that is not
linear) or when an article of the largest size would not fit in the extraction time budget.

Times are CPU time of this process (``time.process_time``), so other load on the machine does
not count; caches of names are cleared before each measurement.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from claims.detection import load_detector  # noqa: E402
from claims.detection.names import forget_cached_names  # noqa: E402

MB = 1_000_000
DEFAULT_BUDGET_SECONDS = 180.0  # EXTRACTION_TIME_BUDGET_SECONDS' default


def _word(index: int) -> str:
    """A distinct capitalised word for every index: Aa, Ab, ... so names never repeat."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters += string.ascii_lowercase[rest]
    return letters.capitalize()


def _fill(size: int, pieces: Iterator[str], separator: str) -> str:
    parts, length = [], 0
    for piece in pieces:
        parts.append(piece)
        length += len(piece) + len(separator)
        if length >= size:
            break
    return separator.join(parts)


def news(size: int) -> str:
    """Ordinary news: varied attributed sentences, three to a paragraph (the baseline)."""
    rng = random.Random(7)
    people = ["Maria Lopez", "John Carter", "Aiko Tanaka", "Sergei Petrov", "Amina Diallo"]
    titles = ["Health Minister", "Sen.", "Gov.", "Dr.", "Finance Secretary"]
    places = ["Texas", "Brazil", "Kenya", "the U.S.", "Germany", "Ohio"]
    templates = [
        "{title} {person} said unemployment in {place} fell to {pct}% in {year}.",
        "According to {person}, the program cost ${money} million last year.",
        "\u201cWe will cut taxes by {pct} percent,\u201d {person} told reporters on Tuesday.",
        "The agency reported {count} new cases in {place} since January.",
        "{person} warned that prices could rise {pct}% by {year}.",
        "Officials in {place} met on Feb. {day}, {year}, to discuss the budget.",
        "It was a long day, and everyone went home early.",
    ]

    def paragraphs() -> Iterator[str]:
        while True:
            yield " ".join(
                rng.choice(templates).format(
                    title=rng.choice(titles),
                    person=rng.choice(people),
                    place=rng.choice(places),
                    pct=round(rng.uniform(1, 40), 1),
                    year=rng.randint(1990, 2024),
                    money=round(rng.uniform(1, 900), 1),
                    count=rng.randint(10, 90000),
                    day=rng.randint(1, 28),
                )
                for _ in range(3)
            )

    return _fill(size, paragraphs(), "\n\n")


def repeated_titles(size: int) -> str:
    """One person given a new title in every paragraph, and "the minister" after each."""
    return _fill(
        size,
        (
            f"{_word(i)} Minister Maria Keller spoke on Monday. The minister said rates fell "
            f"{i % 40}% in 2023. Keller said taxes rose."
            for i in range(10**9)
        ),
        "\n",
    )


def repeated_names(size: int) -> str:
    """Thousands of different people, each quoted by full name, surname and pronoun."""
    return _fill(
        size,
        (
            f"{_word(i)} {_word(i + 7)} said unemployment fell to {i % 30}.5% in 2022. "
            f"{_word(i + 7)} said it would fall again. He said so twice."
            for i in range(10**9)
        ),
        "\n",
    )


def quotes(size: int) -> str:
    """Quotations opened and never closed, nested and closed, attributed after the quote."""
    return _fill(
        size,
        (
            f"\u201cWe will cut taxes by {i % 50} percent,\u201d Ann Lee said. \u201cPrices "
            f'rose {i % 9}% in 2021, \u2018as we said\u2019 and \u201cthey agreed. "Costs fell'
            for i in range(10**9)
        ),
        "\n",
    )


def numbers(size: int) -> str:
    """Sentences made of figures: percentages, money, decimals, thousands."""
    return _fill(
        size,
        (
            "Spending rose "
            + ", ".join(f"{i + j}.{j}% to ${i * 3 + j},{j:03d} million" for j in range(12))
            + ", the office said."
            for i in range(10**9)
        ),
        "\n",
    )


def dates(size: int) -> str:
    """Sentences crowded with dates in every format the date finder reads."""
    months = ["January", "Feb.", "March", "Sept.", "December"]
    return _fill(
        size,
        (
            "The council met on "
            + ", ".join(
                f"{months[j % 5]} {1 + (i + j) % 28}, {1990 + (i * j) % 35} and "
                f"{2000 + j}-{1 + j % 12:02d}-{1 + i % 28:02d}"
                for j in range(8)
            )
            + ", the clerk said last Tuesday."
            for i in range(10**9)
        ),
        "\n",
    )


def huge_paragraph(size: int) -> str:
    """Ordinary news sentences without a single line break."""
    return news(size).replace("\n\n", " ")


def no_punctuation(size: int) -> str:
    """Words and nothing else: no full stop, no line break, no capital."""
    rng = random.Random(11)
    words = ["tax", "rose", "the", "minister", "said", "percent", "budget", "city", "fell"]
    return _fill(size, (rng.choice(words) for _ in range(10**9)), " ")


def tiny_lines(size: int) -> str:
    """A line for every word or two: what a scraped menu or a table dump looks like."""
    return _fill(
        size, (f"{_word(i % 500)} said.\n4%\n\u201c\nMay {1 + i % 28}." for i in range(10**9)), "\n"
    )


GENERATORS: dict[str, Callable[[int], str]] = {
    "ordinary news (baseline)": news,
    "repeated titles": repeated_titles,
    "repeated names": repeated_names,
    "quotes": quotes,
    "numbers": numbers,
    "dates": dates,
    "one huge paragraph": huge_paragraph,
    "no punctuation": no_punctuation,
    "many tiny lines": tiny_lines,
}


def seconds_for(text: str) -> tuple[float, int]:
    detector = load_detector()
    forget_cached_names()
    started = time.process_time()
    found = detector.analyse(text)
    return time.process_time() - started, len(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET_SECONDS)
    arguments = parser.parse_args()
    sizes = sorted(arguments.sizes)
    size_ratio = sizes[-1] / sizes[0]
    load_detector()  # the model loads once, outside every measurement

    print("CPU seconds per MB of article text (Detector.analyse: the whole pipeline)")
    header = "".join(f"{size:>9g} MB" for size in sizes)
    print(
        f"{'generator':<26}{header}   time ratio {sizes[-1]:g}/{sizes[0]:g} MB"
        f" (linear = {size_ratio:g})   vs news   candidates"
    )
    baseline = None
    failed = []
    for name, generate in GENERATORS.items():
        per_mb, last_seconds, last_claims = [], 0.0, 0
        for size in sizes:
            text = generate(int(size * MB))
            last_seconds, last_claims = seconds_for(text)
            per_mb.append(last_seconds / (len(text) / MB))
        ratio = (per_mb[-1] * sizes[-1]) / (per_mb[0] * sizes[0])
        if baseline is None:
            baseline = per_mb[-1]
        cells = "".join(f"{cost:>12.2f}" for cost in per_mb)
        linear = ratio <= 1.5 * size_ratio
        verdict = "" if linear else "   NOT LINEAR"
        print(
            f"{name:<26}{cells}   {ratio:>10.1f}{'':<23}{per_mb[-1] / baseline:>7.1f}x"
            f"   {last_claims:>10,}{verdict}",
            flush=True,
        )
        if not linear:
            failed.append(name)
        # The largest article the API accepts is 10 MB: it must fit in the time budget.
        worst_10mb = per_mb[-1] * 10
        if worst_10mb > arguments.budget:
            print(f"  {name}: a 10 MB article would take ~{worst_10mb:.0f} s, over the budget")
            failed.append(name)
    if failed:
        print(f"\nnot within bounds: {', '.join(dict.fromkeys(failed))}")
        return 1
    print(
        f"\nevery generator is linear; a 10 MB article of any kind fits in {arguments.budget:g} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
