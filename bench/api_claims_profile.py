"""Where a claims list request spends its time: cProfile over in-process requests.

    python bench/api_claims_profile.py ["/api/claims/?cursor=&page_size=50"] [--requests 200]

Runs against the database that bench/api_claims.py builds (`ct_bench_api`; build it first),
through Django's test client with the benchmark server's settings, and prints the functions
with the most cumulative and own time, and the time per request with and without the profiler.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.api_claims_data import use_bench_database  # noqa: E402

use_bench_database("ct_bench_api")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.api_claims_settings"
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", nargs="?", default="/api/claims/?cursor=&page_size=50")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=35)
    options = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    client = Client()

    def run(count: int) -> float:
        started = time.perf_counter()
        for _ in range(count):
            response = client.get(options.url)
            if response.status_code != 200:
                raise SystemExit(f"{options.url} answered {response.status_code}")
        return (time.perf_counter() - started) / count * 1000

    run(20)  # warm the connection, the caches and the database
    plain = run(options.requests)
    profiler = cProfile.Profile()
    profiler.enable()
    profiled = run(options.requests)
    profiler.disable()
    print(f"{options.url}: {plain:.2f} ms per request ({profiled:.2f} ms under the profiler)")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(options.top)
    stats.sort_stats("tottime").print_stats(options.top)


if __name__ == "__main__":
    main()
