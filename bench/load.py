"""The tracker under a mixed read/write load, with a real worker extracting claims.

    python bench/load.py [--seconds 60] [--users 20] [--baseline-seconds 15]

Serves the project with gunicorn (2 processes x 2 threads) on a loopback port, against
PostgreSQL (BENCH_DATABASE_URL, default database ct_bench, created if missing) and a Celery
worker on Redis (BENCH_BROKER_URL, default redis://127.0.0.1:6379/7), then runs locust headless:

- a baseline of reads only (claims list, claim, ClaimReview), for --baseline-seconds;
- the mixed workload for --seconds: the same reads, plus editors posting new articles that the
  worker extracts while the load goes on.

Prints requests/s, p50 and p99 of each run, their ratio to the baseline, the number of failed
requests (the run fails unless it is zero) and how many articles per second the worker
extracted. Every request goes to 127.0.0.1 and the run stops by itself.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ct_bench")
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/7")

GUNICORN = [sys.executable, "-m", "gunicorn", "-c", str(REPO / "config" / "gunicorn.py")]
GUNICORN += ["config.wsgi", "--workers", "2", "--threads", "2"]
WORKER = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork"]
WORKER += ["--concurrency=1", "--loglevel=WARNING"]

LOCUSTFILE = """
import itertools, json, os, random, uuid
from locust import HttpUser, between, task

FIXTURE = json.loads(os.environ["BENCH_FIXTURE"])
WRITES = os.environ.get("BENCH_WRITES") == "1"
counter = itertools.count()

class Newsroom(HttpUser):
    wait_time = between(0.05, 0.3)

    @task(6)
    def claims_list(self):
        self.client.get("/api/claims/?page_size=20", name="GET /api/claims/")

    @task(4)
    def claim_detail(self):
        claim = random.choice(FIXTURE["claims"])
        self.client.get(f"/api/claims/{claim}/", name="GET /api/claims/{id}/")

    @task(2)
    def claimreview(self):
        claim = random.choice(FIXTURE["published"])
        self.client.get(f"/api/claims/{claim}/claimreview/", name="GET /api/claims/{id}/claimreview/")

    @task(1)
    def post_article(self):
        if not WRITES:
            return
        n = next(counter)
        tag = uuid.uuid4().hex[:8]
        body = (
            f"The county spent ${n % 90 + 1}.{n % 10} million on roads in 2023, the council said. "
            f"Unemployment rose to {n % 9 + 1}.{n % 7} percent in March, the labour office said. "
            f"Reference {tag}."
        )
        self.client.post(
            "/api/articles/",
            json={"title": f"Load {tag}", "body": body, "outlet": "Bench Tribune"},
            headers={"Authorization": f"Token {FIXTURE['token']}"},
            name="POST /api/articles/",
        )
"""

SEED = """
import json
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from articles.models import Article, body_digest
from claims.bootstrap import ensure_roles_and_default_scale
from claims.models import Claim
from claims.services import article_extract_claims, claim_assign, verdict_draft, verdict_publish

ensure_roles_and_default_scale(apps)
User = get_user_model()
editor, _ = User.objects.get_or_create(username="bench-editor")
editor.groups.add(Group.objects.get(name="editors"))
reviewer, _ = User.objects.get_or_create(username="bench-reviewer")
reviewer.groups.add(Group.objects.get(name="reviewers"))
if not Claim.objects.exists():
    for n in range(40):
        body = (f"The city spent ${n}.5 million on parks in 2022, the mayor said. "
                f"Crime fell by {n + 3} percent last year, police figures show.")
        article = Article.objects.create(title=f"Seed {n}", body=body, body_hash=body_digest(body))
        article_extract_claims(article_id=article.pk)
    for claim in Claim.objects.order_by("id")[:20]:
        claim_assign(claim=claim, reviewer=reviewer, actor=editor)
        verdict_draft(claim=claim, actor=reviewer, rating="true", summary="Checked.",
                      sources=["https://example.org/source"])
        verdict_publish(claim=claim, actor=editor)
print(json.dumps({
    "token": Token.objects.get_or_create(user=editor)[0].key,
    "claims": list(Claim.objects.values_list("id", flat=True)[:200]),
    "published": list(Claim.objects.filter(status="published").values_list("id", flat=True)),
}))
"""

COUNT_DONE = """
from articles.models import Article
print(Article.objects.filter(outlet="Bench Tribune", status="done").count(),
      Article.objects.filter(outlet="Bench Tribune").count())
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def ensure_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def wait_until_serving(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (our loopback server)
                return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within 60 s")


def run_locust(
    host: str, fixture: dict, *, seconds: int, users: int, writes: bool, workdir: Path
) -> dict:
    locustfile = workdir / "locustfile.py"
    locustfile.write_text(LOCUSTFILE)
    prefix = workdir / f"run-{'mixed' if writes else 'reads'}"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "locust"),
            "-f",
            str(locustfile),
            "--headless",
            "--host",
            host,
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--stop-timeout",
            "10",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=workdir,
        env={
            **os.environ,
            "BENCH_FIXTURE": json.dumps(fixture),
            "BENCH_WRITES": "1" if writes else "0",
        },
        check=False,
        timeout=seconds + 120,
    )
    with Path(f"{prefix}_stats.csv").open() as stats:
        rows = list(csv.DictReader(stats))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    per_endpoint = {
        row["Name"]: int(row["Request Count"]) for row in rows if row["Name"] != "Aggregated"
    }
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "rps": float(total["Requests/s"]),
        "p50": float(total["50%"]),
        "p99": float(total["99%"]),
        "per_endpoint": per_endpoint,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--baseline-seconds", type=int, default=15)
    parser.add_argument("--users", type=int, default=20)
    options = parser.parse_args()

    ensure_database()
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": DATABASE_URL,
        "CELERY_BROKER_URL": BROKER_URL,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DJANGO_LOG_LEVEL": "WARNING",
        # Every simulated reader comes from 127.0.0.1: the anonymous limit would refuse them.
        "API_ANON_READ_RATE": "",
    }
    manage(env, "migrate", "--noinput")
    fixture = json.loads(manage(env, "shell", "-c", SEED))
    processed_before = [int(n) for n in manage(env, "shell", "-c", COUNT_DONE).split()]

    port = free_port()
    host = f"http://127.0.0.1:{port}"
    processes = []
    with tempfile.TemporaryDirectory(prefix="claim-tracker-load-") as tmp:
        workdir = Path(tmp)
        try:
            processes.append(
                subprocess.Popen(
                    [*GUNICORN, "--bind", f"127.0.0.1:{port}"],
                    cwd=REPO,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=(workdir / "web.log").open("w"),
                )
            )
            processes.append(
                subprocess.Popen(
                    [*WORKER, "-Q", queue],
                    cwd=REPO,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=(workdir / "worker.log").open("w"),
                )
            )
            wait_until_serving(f"{host}/api/ratings/")
            print(f"baseline: reads only, {options.users} users, {options.baseline_seconds} s")
            baseline = run_locust(
                host,
                fixture,
                seconds=options.baseline_seconds,
                users=options.users,
                writes=False,
                workdir=workdir,
            )
            print(f"mixed: reads and article posts, {options.users} users, {options.seconds} s")
            started = time.monotonic()
            mixed = run_locust(
                host,
                fixture,
                seconds=options.seconds,
                users=options.users,
                writes=True,
                workdir=workdir,
            )
            elapsed = time.monotonic() - started
            done, posted = (
                int(n) - before
                for n, before in zip(
                    manage(env, "shell", "-c", COUNT_DONE).split(), processed_before, strict=True
                )
            )
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()

    def line(name: str, figures: dict) -> str:
        return (
            f"{name:<9} {figures['rps']:>8.1f} req/s   p50 {figures['p50']:>6.0f} ms   "
            f"p99 {figures['p99']:>6.0f} ms   {figures['requests']:>6} requests   "
            f"{figures['failures']} failed"
        )

    print()
    print(line("baseline", baseline))
    print(line("mixed", mixed))
    print(
        f"ratios    mixed/baseline: req/s x{mixed['rps'] / max(baseline['rps'], 1e-9):.2f}   "
        f"p50 x{mixed['p50'] / max(baseline['p50'], 1e-9):.2f}   "
        f"p99 x{mixed['p99'] / max(baseline['p99'], 1e-9):.2f}"
    )
    print(f"per endpoint (mixed): {json.dumps(mixed['per_endpoint'])}")
    print(
        f"articles: {posted} posted, {done} extracted by the worker during the run "
        f"({done / elapsed:.2f} articles/s)"
    )
    failures = baseline["failures"] + mixed["failures"]
    if failures:
        print(f"FAILED: {failures} requests failed")
        return 1
    print("zero errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
