"""The public claims list at a million claims: the API against a bare Django view.

    python bench/api_claims.py [--claims 1000000] [--duration 10] [--reuse] [--rounds 1]

PostgreSQL only. Builds its own database `ct_bench_api` (dropped and rebuilt unless --reuse)
with COPY: articles, claimants, claims, published verdicts and their sources. Then it starts
one real server: gunicorn with the project's settings (`config/gunicorn.py`) and ONE worker
process of 2 threads, one process of the deployment the README describes (Python runs one
thread at a time, so one core serves every request), and measures with `wrk -t1 -c8 --latency`
on loopback:

- the claims list, 50 per page in cursor mode, for filter combinations that have an index,
  on the first page and at deep cursor positions;
- a bare Django view returning the same rows (same joins, same 50) with `.values()` and
  `json.dumps`, in the same run: the ratio API/bare is the figure to watch (target <= 1.5x);
  on a machine whose load changes, `--rounds N` measures the two in N alternating turns;
- `?q=` full-text search (target p50/p99 under 100 ms).

It prints the machine (CPU model, cores, Python, PostgreSQL) with the table.
"""

import argparse
import json
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.api_claims_data import (  # noqa: E402
    build,
    log,
    recreate_database,
    use_bench_database,
    vocabulary,
)

DB_NAME = "ct_bench_api"
SERVER = use_bench_database(DB_NAME)

# Two threads: one runs Python while the other waits on PostgreSQL. More only queue for the
# interpreter's lock and lengthen the tail (4 threads: p99 up to 56 ms where 2 gave 48 ms).
THREADS = 2
TARGET_RATIO = 1.5
TARGET_P99_MS = 50.0
TARGET_SEARCH_MS = 100.0


# --- The machine ---


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


def load_average() -> str:
    """Other work on the machine slows both servers; the figures mean little above ~1."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


# --- Measuring ---


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.api_claims_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "CLAIM_TRACKER_PUBLIC_URL": "http://127.0.0.1",
        "CLAIM_TRACKER_ORGANIZATION_URL": "http://127.0.0.1/",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_CONN_MAX_AGE": "600",
        # One client sends every request: the anonymous limit is counted, never reached.
        "API_ANON_READ_RATE": "100000000/min",
        "PYTHONPATH": str(REPO),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--config",
            str(REPO / "config" / "gunicorn.py"),
            "--workers",
            "1",
            "--threads",
            str(THREADS),
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(REPO),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            fetch(f"http://127.0.0.1:{port}/api/ratings/")
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not start")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (loopback only)
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
        return response.read()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, duration: int, connections: int = 8) -> dict[str, float]:
    for _ in range(3):
        fetch(url)  # warm the server's connection and the database's cache
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"{url} answered errors under load:\n{output}")
    figures = {}
    for label in ("50%", "99%"):
        match = re.search(rf"^\s+{re.escape(label)}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        figures[label] = float(match.group(1)) * _UNITS[match.group(2)]
    figures["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return figures


def alternating(
    first: str, second: str, duration: int, rounds: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Both URLs measured in turns, `rounds` times each for duration/rounds seconds, so that a
    change in the machine's load weighs on both alike. Requests per second are averaged, p50 is
    the median round's and p99 the worst round's."""
    slice_seconds = max(1, round(duration / rounds))
    measured: tuple[list[dict[str, float]], list[dict[str, float]]] = ([], [])
    for _ in range(rounds):
        for url, results in zip((first, second), measured, strict=True):
            results.append(wrk(url, slice_seconds))

    def combined(results: list[dict[str, float]]) -> dict[str, float]:
        return {
            "50%": sorted(result["50%"] for result in results)[len(results) // 2],
            "99%": max(result["99%"] for result in results),
            "rps": sum(result["rps"] for result in results) / len(results),
        }

    return combined(measured[0]), combined(measured[1])


def scenarios(total_claims: int) -> list[tuple[str, str, str]]:
    """(name, API query, bare-view query) triples on the same rows."""
    import django

    django.setup()
    from django.db.models import Count

    from claims.models import Claim
    from core.api.pagination import _encode

    busiest = (
        Claim.objects.filter(claimant__isnull=False)
        .values("claimant_id")
        .annotate(total=Count("id"))
        .order_by("-total")
        .first()["claimant_id"]
    )
    second_claimant = busiest + 40  # a claimant with a few hundred claims
    base = "/api/claims/?cursor=&page_size=50"
    rows = [
        ("newest first", base, ""),
        ("status=checkable", f"{base}&status=checkable", "status=checkable"),
        ("claimant (busiest)", f"{base}&claimant={busiest}", f"claimant={busiest}"),
        ("claimant (typical)", f"{base}&claimant={second_claimant}", f"claimant={second_claimant}"),
        (
            "min_score=0.8 by score",
            f"{base}&min_score=0.8&ordering=-score",
            "min_score=0.8&order=-score",
        ),
    ]
    deep = total_claims // 2
    newest = Claim.objects.order_by("-created_at", "-id").values("created_at", "id")[deep]
    cursor = quote(_encode([newest["created_at"], newest["id"]]))
    rows.append(
        (
            f"cursor at row {deep:,}",
            f"{base.replace('cursor=', 'cursor=' + cursor)}",
            f"after={quote(newest['created_at'].isoformat())}&after_id={newest['id']}",
        )
    )
    checkable = (
        Claim.objects.filter(status="checkable")
        .order_by("-created_at", "-id")
        .values("created_at", "id")[total_claims // 10]
    )
    cursor = quote(_encode([checkable["created_at"], checkable["id"]]))
    rows.append(
        (
            f"status=checkable, cursor at row {total_claims // 10:,}",
            f"{base.replace('cursor=', 'cursor=' + cursor)}&status=checkable",
            f"status=checkable&after={quote(checkable['created_at'].isoformat())}"
            f"&after_id={checkable['id']}",
        )
    )
    by_score = Claim.objects.order_by("-score", "-id").values("score", "id")[deep]
    cursor = quote(_encode([by_score["score"], by_score["id"]]))
    rows.append(
        (
            f"by score, cursor at row {deep:,}",
            f"{base.replace('cursor=', 'cursor=' + cursor)}&ordering=-score",
            f"order=-score&after={by_score['score']}&after_id={by_score['id']}",
        )
    )
    return rows


def search_terms() -> list[str]:
    rng = random.Random(20260301)
    words = vocabulary(rng)
    return [words[300], words[2000], f"{words[40]} {words[700]}"]


def search_matches(term: str) -> int:
    """How many claims match (all of them are ranked to find the best 50)."""
    import django

    django.setup()

    from claims.models import Claim

    return Claim.objects.all().search(term).count()


def postgres_version() -> str:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres") as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per URL")
    parser.add_argument("--reuse", action="store_true", help="keep an existing bench database")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure the API and the bare view in this many alternating turns (a loaded machine)",
    )
    parser.add_argument("--search-only", action="store_true", help="measure only ?q= search")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install -y wrk")

    about = machine()
    log(
        f"Machine: {about['cpu']}, {about['cores']} cores, {about['os']}, Python "
        f"{about['python']}, PostgreSQL {postgres_version()}"
    )
    log(
        f"Server: gunicorn, 1 worker process of {THREADS} threads (one core); load: wrk -t1 -c8 on "
        "loopback, "
        f"{options.duration} s per URL"
    )
    log(f"Load average before the run (1, 5, 15 min): {load_average()}")
    if not options.reuse:
        started = time.perf_counter()
        log(f"Building {options.claims:,} claims in {DB_NAME} ...")
        recreate_database(SERVER, DB_NAME)
        build(options.claims)
        log(f"Data built in {time.perf_counter() - started:.0f} s")

    port = free_port()
    rows = scenarios(options.claims)
    server = start_server(port)
    root = f"http://127.0.0.1:{port}"
    try:
        header = (
            f"{'claims list, 50 per page':<40} {'API p50':>8} {'p99':>7} {'req/s':>7} "
            f"{'bare p50':>9} {'p99':>7} {'req/s':>7} {'ratio':>6}"
        )
        log("\n" + header + "\n" + "-" * len(header))
        ratios = [0.0]
        for name, api_query, bare_query in [] if options.search_only else rows:
            api_rows = json.loads(fetch(root + api_query))["results"]
            bare_rows = json.loads(fetch(f"{root}/bench/bare-claims/?{bare_query}"))["results"]
            if [row["id"] for row in api_rows] != [row["id"] for row in bare_rows]:
                raise SystemExit(f"{name}: the API and the bare view return different rows")
            api, bare = alternating(
                root + api_query,
                f"{root}/bench/bare-claims/?{bare_query}",
                options.duration,
                options.rounds,
            )
            ratio = bare["rps"] / api["rps"]
            ratios.append(ratio)
            log(
                f"{name:<40} {api['50%']:>6.1f}ms {api['99%']:>5.1f}ms {api['rps']:>7.0f} "
                f"{bare['50%']:>7.1f}ms {bare['99%']:>5.1f}ms {bare['rps']:>7.0f} {ratio:>5.2f}x"
            )
        if not options.search_only:
            log(
                f"\nratio = time per request of the API / of the bare view (from req/s); "
                f"worst {max(ratios):.2f}x, target <= {TARGET_RATIO}x"
            )

        log(
            f"\n{'search ?q= (50 per page)':<28} {'matches':>8} {'-c8 p50':>8} {'p99':>7} "
            f"{'req/s':>6} {'-c1 p50':>8} {'p99':>7}"
        )
        for term in search_terms():
            url = f"{root}/api/claims/?cursor=&page_size=50&q={quote(term)}"
            matches = search_matches(term)
            loaded = wrk(url, options.duration)
            alone = wrk(url, options.duration, connections=1)
            log(
                f"{term!r:<28} {matches:>8} {loaded['50%']:>6.1f}ms {loaded['99%']:>5.1f}ms "
                f"{loaded['rps']:>6.0f} {alone['50%']:>6.1f}ms {alone['99%']:>5.1f}ms"
            )
        log(f"targets: list p99 < {TARGET_P99_MS:.0f} ms, search < {TARGET_SEARCH_MS:.0f} ms")
        log(f"load average at the end: {load_average()}")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
