"""Is the claims list's compiled verdict query worth keeping? A list request with and without it.

    python bench/list_verdict_cache.py [--claims 3000] [--rounds 8] [--reuse]

PostgreSQL only. Builds its own database `ct_bench_verdict_cache` (dropped and rebuilt unless
--reuse) with the data of bench/api_claims.py, then times the claims list in-process (Django's
test client, 50 claims a page in cursor mode, anonymous) in alternating rounds: with the verdict
query compiled once (`claims.public._compiled_versions_query`) and built on every page. It
prints the share of a request the cache saves; the cache stays while that is above 5%.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.api_claims_data import build, log, recreate_database, use_bench_database  # noqa: E402

DB_NAME = "ct_bench_verdict_cache"
SERVER = use_bench_database(DB_NAME)
# No throttling of the one client (and, below, no query log, as in production).
os.environ["API_ANON_READ_RATE"] = "1000000/min"

KEEP_ABOVE = 0.05
PAGE = "/api/claims/?cursor=&page_size=50"


def median_ms(client: object, requests: int) -> float:
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(PAGE)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise SystemExit(f"the list answered {response.status_code}")
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--requests", type=int, default=150, help="per round and variant")
    parser.add_argument("--reuse", action="store_true", help="keep the database of a last run")
    args = parser.parse_args()
    if not args.reuse:
        log(f"building {DB_NAME} with {args.claims} claims")
        recreate_database(SERVER, DB_NAME)
        build(args.claims)

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.DEBUG = False

    from claims import public

    compiled = public._public_versions

    def built_each_time(claim_ids: list[int]) -> object:
        return iter(public.public_versions_query(claim_ids))

    client = Client()
    median_ms(client, 30)  # warm-up: connections, imports, the cache itself
    results: dict[str, list[float]] = {"compiled once": [], "built each time": []}
    for _ in range(args.rounds):
        public._public_versions = compiled
        results["compiled once"].append(median_ms(client, args.requests))
        public._public_versions = built_each_time  # type: ignore[assignment]
        results["built each time"].append(median_ms(client, args.requests))
    public._public_versions = compiled

    cached = statistics.median(results["compiled once"])
    uncached = statistics.median(results["built each time"])
    saved = (uncached - cached) / uncached
    print(f"load average: {', '.join(f'{value:.2f}' for value in os.getloadavg())}")
    for name, medians in results.items():
        print(
            f"{name:>16}: median {statistics.median(medians):.2f} ms a request (rounds: "
            + ", ".join(f"{value:.1f}" for value in medians)
            + ")"
        )
    verdict = "keep it" if saved > KEEP_ABOVE else "drop it"
    print(f"the cache saves {saved:.1%} of a list request: {verdict} (threshold {KEEP_ABOVE:.0%})")


if __name__ == "__main__":
    main()
