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

from claims.detection.shared_data import CT24_RELATIVE, read_tsv, shared_dir
from claims.matching import ClaimIndex
from claims.matching.lexical import AnalysedText, BM25FParameters, LexicalIndex
from claims.matching.text import words
from training import matching_data
from training.evaluation import Scores, evaluate

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
    benchmark = matching_data.load(name)
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


def dense_quality(name: str, splits: tuple[str, ...], cache: Path | None) -> None:
    """The optional dense re-ranker against the default matcher, when its extra is installed."""
    try:
        from claims.matching.dense import DenseReranker, MiniLMEncoder, RememberingEncoder

        encoder = MiniLMEncoder()
    except ImportError as error:
        print(f"\n== dense re-ranker skipped: {error}")
        return
    if cache:
        encoder = RememberingEncoder(encoder, cache)
    benchmark = matching_data.load(name)
    started = time.perf_counter()
    matcher = DenseReranker.build(benchmark.documents(), encoder)
    print(f"\n== dense re-ranker on {name} (embedded in {time.perf_counter() - started:.0f} s)")
    latencies: list[float] = []

    def rank(query: str) -> list[int]:
        started = time.perf_counter()
        keys = [match.key for match in matcher.search(query)]
        latencies.append((time.perf_counter() - started) * 1000)
        return keys

    for split in splits:
        latencies.clear()
        scores = evaluate(rank, benchmark.queries[split], benchmark.relevant[split])
        print(f"{split:>5} dense      {scores}  lookup p50 {statistics.median(latencies):.0f} ms")
    if cache:
        encoder.save()


def _ratio(ours: Scores, plain: Scores) -> float:
    return ours.map_at_5 / plain.map_at_5 if plain.map_at_5 else float("nan")


def scale_corpus(size: int) -> list[tuple[int, str, str]]:
    texts: list[tuple[str, str]] = []
    for name in ("ct2022_2a_en", "ct2020_task2_en"):
        folder = matching_data.claim_matching_dir() / name
        for row in read_tsv(folder / "vclaims.tsv"):
            texts.append((row["vclaim"], row.get("title") or ""))
            texts.append((row.get("title") or "", ""))
            if row.get("subtitle"):
                texts.append((row["subtitle"], ""))
    texts.extend((statement, "") for statement in matching_data.liar_statements())
    debates = shared_dir() / CT24_RELATIVE
    if debates.is_file():
        texts.extend((row["sentence"], "") for row in read_tsv(debates))
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


def _percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=100)
    return f"p50 {cuts[49]:.1f} p95 {cuts[94]:.1f} p99 {cuts[98]:.1f} ms"


def speed_at(size: int) -> None:
    """Build, add and look up at one size; run in its own process so memory reads clean.

    Each step is timed twice: wall clock, and CPU time of this thread, which is what one core
    spends whatever else the machine is doing.
    """
    queries = [text for _, text in matching_data.load().queries["test"]]
    corpus = scale_corpus(size + 100)
    gc.collect()
    before = _rss_bytes()
    started, started_cpu = time.perf_counter(), time.thread_time()
    index = ClaimIndex.build(corpus[:size])
    build_wall = time.perf_counter() - started
    build_cpu = time.thread_time() - started_cpu
    after = _rss_bytes()
    wall, cpu = [], []
    for query in queries:
        started, started_cpu = time.perf_counter(), time.thread_time()
        index.search(query)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    started = time.thread_time()
    for key, text, title in corpus[size:]:
        index.add(key, text, title)
    add_ms = (time.thread_time() - started) * 1000 / 100
    memory = f"{(after - before) / 2**20:.0f} MB RSS" if before and after else "n/a"
    print(
        f"{size:>7} claims: build {build_cpu:.2f} s CPU ({build_wall:.2f} s wall), "
        f"add {add_ms:.2f} ms/claim CPU, index memory {memory}\n"
        f"{'':>16}lookup CPU {_percentiles(cpu)}; wall {_percentiles(wall)}",
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
    parser.add_argument("--dense", action="store_true", help="also measure the dense re-ranker")
    parser.add_argument("--embedding-cache", type=Path, help="an .npz file keeping embeddings")
    parser.add_argument("--skip-speed", action="store_true", help="measure quality only")
    parser.add_argument("--speed-at", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.speed_at:
        speed_at(arguments.speed_at)
        return 0
    if not matching_data.available():
        print(
            f"skipped: claim-matching data not found under {matching_data.claim_matching_dir()} "
            "(set CLAIM_TRACKER_SHARED_DIR)"
        )
        return 0
    print(f"machine: {machine()}")
    quality("ct2022_2a_en", ("dev", "test"))
    if matching_data.available("ct2020_task2_en"):
        quality("ct2020_task2_en", ("test",))
    if arguments.dense:
        dense_quality("ct2022_2a_en", ("dev", "test"), arguments.embedding_cache)
        if matching_data.available("ct2020_task2_en"):
            dense_quality("ct2020_task2_en", ("test",), arguments.embedding_cache)
    if not arguments.skip_speed:
        speed(SIZES[:2] if arguments.quick else SIZES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
