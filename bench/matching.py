"""Claim matching benchmark: quality against plain BM25, then speed and memory at scale.

    python bench/matching.py [--quick]

Quality is measured on the CheckThat! claim-matching collections (MAP@5, MRR, P@1) for the
default matcher and for a plain Okapi BM25 over claim + title computed in the same run. Speed
is measured on indexes of 1k, 10k and 100k real claims: the verified claims (text, title and
subtitle each count as a claim), PolitiFact statements from LIAR and debate sentences from
CheckThat! 2024, cycled through in pairs if the collection is still short.
"""

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claims.matching import ClaimIndex, datasets
from claims.matching.datasets import _rows
from claims.matching.evaluation import Scores, evaluate
from claims.matching.lexical import AnalysedText, BM25FParameters, LexicalIndex
from claims.matching.text import words

SIZES = (1_000, 10_000, 100_000)


class PlainBM25:
    """Okapi BM25 (k1 1.2, b 0.75) over "claim title", lowercased words, nothing else."""

    def __init__(self, documents: list[tuple[int, str, str]]) -> None:
        self._index = LexicalIndex(BM25FParameters(1.2, 0.75, 0.75, 1.0, 0.0, 0.0))
        empty = AnalysedText(Counter(), Counter())
        analysed = [(self._analyse(f"{text} {title}"), empty) for _, text, title in documents]
        self._keys = [key for key, _, _ in documents]
        self._index.extend(analysed)

    @staticmethod
    def _analyse(text: str) -> AnalysedText:
        return AnalysedText(Counter(words(text)), Counter())

    def rank(self, query: str) -> list[int]:
        found = self._index.search(self._analyse(query), 5)
        return [self._keys[slot] for slot in found.slots.tolist()]


def quality(name: str, splits: tuple[str, ...]) -> None:
    benchmark = datasets.load(name)
    documents = benchmark.documents()
    matcher = ClaimIndex.build(documents)
    baseline = PlainBM25(documents)
    print(f"\n== quality on {name} ({len(documents)} verified claims)")
    for split in splits:
        queries, relevant = benchmark.queries[split], benchmark.relevant[split]
        ours = evaluate(lambda q: [m.key for m in matcher.search(q)], queries, relevant)
        plain = evaluate(baseline.rank, queries, relevant)
        print(f"{split:>5} default    {ours}")
        print(f"{split:>5} plain BM25 {plain}")
        print(f"{split:>5} ratio      MAP@5 x{_ratio(ours, plain):.3f}")


def _ratio(ours: Scores, plain: Scores) -> float:
    return ours.map_at_5 / plain.map_at_5 if plain.map_at_5 else float("nan")


def scale_corpus(size: int) -> list[tuple[int, str, str]]:
    texts: list[tuple[str, str]] = []
    for name in ("ct2022_2a_en", "ct2020_task2_en"):
        folder = datasets.claim_matching_dir() / name
        for row in _rows(folder / "vclaims.tsv"):
            texts.append((row["vclaim"], row.get("title") or ""))
            texts.append((row.get("title") or "", ""))
            if row.get("subtitle"):
                texts.append((row["subtitle"], ""))
    texts.extend((statement, "") for statement in datasets.liar_statements())
    debates = datasets.shared_dir() / "data" / "checkworthiness" / "ct24_english.tsv"
    if debates.is_file():
        texts.extend((row["sentence"], "") for row in _rows(debates))
    texts = [(text, title) for text, title in texts if text.strip()]
    documents = [(key, text, title) for key, (text, title) in enumerate(texts[:size])]
    step = 1
    while len(documents) < size:
        for i in range(len(texts) - step):
            if len(documents) >= size:
                break
            combined = f"{texts[i][0]} {texts[i + step][0]}"
            documents.append((len(documents), combined, texts[i][1]))
        step += 1
    return documents


def _rss_bytes() -> int | None:
    status = Path("/proc/self/status")
    if not status.is_file():
        return None
    for line in status.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return None


def speed_at(size: int) -> None:
    """Build, add and look up at one size; run in its own process so memory reads clean."""
    queries = [text for _, text in datasets.load().queries["test"]]
    corpus = scale_corpus(size + 100)
    gc.collect()
    before = _rss_bytes()
    started = time.perf_counter()
    index = ClaimIndex.build(corpus[:size])
    build_seconds = time.perf_counter() - started
    after = _rss_bytes()
    latencies = []
    for query in queries:
        started = time.perf_counter()
        index.search(query)
        latencies.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    for key, text, title in corpus[size:]:
        index.add(key, text, title)
    add_ms = (time.perf_counter() - started) * 1000 / 100
    cuts = statistics.quantiles(latencies, n=100)
    memory = f"{(after - before) / 2**20:.0f} MB RSS" if before and after else "n/a"
    print(
        f"{size:>7} claims: build {build_seconds:.2f} s, add {add_ms:.2f} ms/claim, "
        f"lookup p50 {cuts[49]:.1f} ms p95 {cuts[94]:.1f} ms p99 {cuts[98]:.1f} ms, "
        f"index memory {memory}",
        flush=True,
    )


def speed(sizes: tuple[int, ...]) -> None:
    print("\n== speed (one process per size, ct2022 test queries as lookups)", flush=True)
    for size in sizes:
        subprocess.run([sys.executable, __file__, "--speed-at", str(size)], check=True)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description="Claim matching benchmark")
    parser.add_argument("--quick", action="store_true", help="stop the speed runs at 10k claims")
    parser.add_argument("--speed-at", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.speed_at:
        speed_at(arguments.speed_at)
        return 0
    if not datasets.available():
        print(
            f"skipped: claim-matching data not found under {datasets.claim_matching_dir()} "
            "(set CLAIM_TRACKER_SHARED_DIR)"
        )
        return 0
    print(f"machine: {machine()}")
    quality("ct2022_2a_en", ("dev", "test"))
    if datasets.available("ct2020_task2_en"):
        quality("ct2020_task2_en", ("test",))
    speed(SIZES[:2] if arguments.quick else SIZES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
