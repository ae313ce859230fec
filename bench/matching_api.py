"""Claim matching through the product: ClaimReviews imported, then GET /api/claims/match/.

    python bench/matching_api.py [--split test] [--database-url URL]

Imports the CheckThat! 2022 verified claims as ClaimReview JSON Lines into a temporary
database (SQLite unless --database-url names another), asks the endpoint about every tweet
of the split with Django's test client, and prints MAP@5, MRR and P@1 next to the matcher
library's own figures on the same claims, computed in the same run, with the latency of a
library lookup and of an endpoint request (p50/p95). Skips when the shared data is absent.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.ct2022_to_claimreview import collection_dir, convert, read_tsv  # noqa: E402
from claims.matching import ClaimIndex  # noqa: E402

COLLECTION = "ct2022_2a_en"


@dataclass(frozen=True)
class Scores:
    map_at_5: float
    mrr: float
    precision_at_1: float
    queries: int

    def __str__(self) -> str:
        return (
            f"MAP@5 {self.map_at_5:.4f}  MRR {self.mrr:.4f}  P@1 {self.precision_at_1:.4f}"
            f"  ({self.queries} queries)"
        )


def evaluate(
    rank: Callable[[str], list[int]], queries: list[tuple[str, str]], relevant: dict[str, set[int]]
) -> Scores:
    """MAP@5, MRR and precision at 1 of a ranking function over the judged queries."""
    judged = [(query_id, text) for query_id, text in queries if relevant.get(query_id)]
    ap = rr = p1 = 0.0
    for query_id, text in judged:
        ranked, gold = list(rank(text)), relevant[query_id]
        hits, precision_sum = 0, 0.0
        for position, key in enumerate(ranked[:5], start=1):
            if key in gold:
                hits += 1
                precision_sum += hits / position
        ap += precision_sum / min(len(gold), 5)
        rr += next((1 / n for n, key in enumerate(ranked, start=1) if key in gold), 0.0)
        p1 += 1.0 if ranked and ranked[0] in gold else 0.0
    count = max(len(judged), 1)
    return Scores(ap / count, rr / count, p1 / count, len(judged))


def _quantiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49], cuts[94]


def _setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ["CLAIM_MATCH_ANON_RATE"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def run(split: str, database_url: str, workdir: Path) -> None:
    import json

    from django.core.management import call_command
    from django.test import Client

    from claims.match_index import claim_match_index
    from claims.models import ExternalReview

    folder = collection_dir()
    rows = list(read_tsv(folder / "vclaims.tsv"))
    key_of_vclaim = {row["vclaim_id"]: key for key, row in enumerate(rows)}
    documents = [(key, row["vclaim"] or "", row.get("title") or "") for key, row in enumerate(rows)]
    queries = [
        (row["query_id"], row["text"] or "") for row in read_tsv(folder / f"queries_{split}.tsv")
    ]
    relevant: dict[str, set[int]] = {}
    for row in read_tsv(folder / f"qrels_{split}.tsv"):
        relevant.setdefault(row["query_id"], set()).add(key_of_vclaim[row["vclaim_id"]])
    key_of_url: dict[str, int] = {}
    feed = workdir / "claimreviews.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for vclaim_id, review in convert(folder / "vclaims.tsv"):
            key_of_url[review["url"]] = key_of_vclaim[vclaim_id]
            handle.write(json.dumps(review, ensure_ascii=False) + "\n")

    started = time.perf_counter()
    call_command("import_claimreviews", str(feed), stdout=open(os.devnull, "w"))  # noqa: SIM115
    import_seconds = time.perf_counter() - started
    key_of_claim = {
        claim_id: key_of_url[url]
        for claim_id, url in ExternalReview.objects.values_list("claim_id", "url")
    }

    # The library on the same claims, in the same run.
    library = ClaimIndex.build(documents)
    library_latency: list[float] = []

    def library_rank(text: str) -> list[int]:
        started = time.perf_counter()
        found = library.search(text, limit=5)
        library_latency.append((time.perf_counter() - started) * 1000)
        return [match.key for match in found]

    library_scores = evaluate(library_rank, queries, relevant)

    client = Client()
    started = time.perf_counter()
    first = client.get("/api/claims/match/", {"text": "warm-up", "limit": 5})
    first_ms = (time.perf_counter() - started) * 1000
    assert first.status_code == 200, first.content
    endpoint_latency: list[float] = []

    def endpoint_rank(text: str) -> list[int]:
        started = time.perf_counter()
        response = client.get("/api/claims/match/", {"text": text, "limit": 5})
        endpoint_latency.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content
        return [key_of_claim[result["id"]] for result in response.json()["results"]]

    endpoint_scores = evaluate(endpoint_rank, queries, relevant)

    # A claim saved by another process reaches this one's index on its next lookup.
    extra = workdir / "one-more.jsonl"
    extra.write_text(
        json.dumps(
            {
                "@type": "ClaimReview",
                "url": "https://factcheck.example/one-more",
                "claimReviewed": "A lighthouse keeper counted 4,812 gulls in one morning.",
                "author": {"name": "Example Checks"},
            }
        )
    )
    call_command("import_claimreviews", str(extra), stdout=open(os.devnull, "w"))  # noqa: SIM115
    builds = claim_match_index.builds
    started = time.perf_counter()
    found = client.get("/api/claims/match/", {"text": "gulls counted by a lighthouse keeper"})
    catch_up_ms = (time.perf_counter() - started) * 1000
    assert found.json()["results"][0]["text"].startswith("A lighthouse keeper")
    assert claim_match_index.builds == builds, "the index rebuilt instead of catching up"

    lib_p50, lib_p95 = _quantiles(library_latency)
    api_p50, api_p95 = _quantiles(endpoint_latency)
    print(f"== {COLLECTION} {split}: {len(rows)} ClaimReviews imported")
    print(f"database        {database_url.split(':', 1)[0]}, import {import_seconds:.1f} s")
    print(f"library         {library_scores}")
    print(f"/api/claims/match/ {endpoint_scores}")
    delta = endpoint_scores.map_at_5 - library_scores.map_at_5
    print(f"MAP@5 endpoint - library: {delta:+.4f}")
    print(f"library lookup  p50 {lib_p50:.1f} ms  p95 {lib_p95:.1f} ms")
    print(
        f"endpoint        p50 {api_p50:.1f} ms  p95 {api_p95:.1f} ms  "
        f"(x{api_p50 / lib_p50:.2f} the library at p50)"
    )
    print(f"first request   {first_ms:.0f} ms (builds the index from the database)")
    print(f"after a change  {catch_up_ms:.1f} ms (one claim applied, no rebuild)")


def main() -> int:
    parser = argparse.ArgumentParser(description="Claim matching through the API")
    parser.add_argument("--split", default="test")
    parser.add_argument(
        "--database-url", help="Database to use (it gets migrated); default a temporary SQLite."
    )
    arguments = parser.parse_args()
    if not (collection_dir() / f"queries_{arguments.split}.tsv").is_file():
        print(
            f"skipped: claim-matching data not found under {collection_dir()} "
            "(set CLAIM_TRACKER_SHARED_DIR)"
        )
        return 0
    with tempfile.TemporaryDirectory(prefix="matching-api-") as directory:
        workdir = Path(directory)
        url = arguments.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
        _setup_django(url)
        run(arguments.split, url, workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
