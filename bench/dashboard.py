"""How long the newsroom dashboard's figures take, and whether its percentiles agree with
PostgreSQL's own percentile_cont.

    python bench/dashboard.py [--claims 200000] [--rounds 7] [--reuse]

PostgreSQL only. Builds the data of bench/api_claims.py in `ct_bench_dashboard` (dropped and rebuilt
unless --reuse; BENCH_DB names another), moved so that the newest claim was found now and each
verdict published between 1 and 1000 hours after its claim. Then it computes the dashboard's
figures (claims/admin/dashboard.py, dashboard_figures: what the page and its JSON serve) in
rounds, and prints the median time, the number of queries, and the wait percentiles beside
percentile_cont's.
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

DB_NAME = os.environ.get("BENCH_DB", "ct_bench_dashboard")
SERVER = use_bench_database(DB_NAME)

SPREAD_WAITS = """
UPDATE claims_verdict AS v
SET published_at = c.created_at + ((v.id * 7919) % 1000 + 1) * interval '1 hour'
FROM claims_claim AS c WHERE c.id = v.claim_id
"""
NOW_IS_NEWEST = """
WITH shift AS (SELECT now() - max(created_at) - interval '1001 hours' AS by FROM claims_claim)
UPDATE claims_claim SET created_at = created_at + (SELECT by FROM shift)
"""
PERCENTILES = """
SELECT count(*),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY v.published_at - c.created_at),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY v.published_at - c.created_at)
FROM claims_verdict v JOIN claims_claim c ON c.id = v.claim_id
WHERE v.version = 1 AND v.status IN ('published', 'superseded') AND v.published_at IS NOT NULL
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="keep the database of a last run")
    args = parser.parse_args()
    if not args.reuse:
        log(f"building {DB_NAME} with {args.claims} claims")
        recreate_database(SERVER, DB_NAME)
        build(args.claims)

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.admin.dashboard import dashboard_figures
    from claims.selectors.dashboard import time_to_verdict

    settings.DEBUG = False
    if not args.reuse:
        with connection.cursor() as cursor:
            cursor.execute(NOW_IS_NEWEST)
            cursor.execute(SPREAD_WAITS)
            cursor.execute("ANALYZE")

    with CaptureQueriesContext(connection) as queries:
        dashboard_figures()
    times = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        dashboard_figures()
        times.append((time.perf_counter() - started) * 1000)

    with connection.cursor() as cursor:
        cursor.execute(PERCENTILES)
        total, median, p90 = cursor.fetchone()
    ours = time_to_verdict()
    print(f"load average: {', '.join(f'{value:.2f}' for value in os.getloadavg())}")
    print(
        f"dashboard figures: median {statistics.median(times):.0f} ms over {args.rounds} rounds "
        f"({', '.join(f'{value:.0f}' for value in times)}), {len(queries)} queries"
    )
    print(f"first verdicts: {ours.verdicts} (percentile_cont counts {total})")
    print(f"median wait: {ours.median} (percentile_cont {median})")
    print(f"90th percentile: {ours.p90} (percentile_cont {p90})")
    agree = ours.verdicts == total and ours.median == median and ours.p90 == p90
    print("the dashboard's percentiles " + ("agree" if agree else "DISAGREE"))
    if not agree:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
