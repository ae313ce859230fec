"""Lighthouse's accessibility and SEO scores of a published fact-check page: `make lighthouse`.

Not a test: it needs npm's `lighthouse` (`npm install --prefix .ci/node lighthouse`) and
Debian's chromium, and takes about a minute. It builds a throw-away SQLite newsroom with one
corrected fact-check, serves it with `manage.py runserver`, runs Lighthouse on the claim page
and prints each category's score; the exit status is 1 when one is below the bar (95).
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / ".ci/node/node_modules/.bin/lighthouse"
CATEGORIES = ("accessibility", "seo")
BAR = 95

SEED = """
from claims.bootstrap import ensure_roles_and_default_scale
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone
from datetime import timedelta
from articles.models import Article
from claims.models import Claim, Claimant
from claims.services import claim_assign, verdict_correct, verdict_draft, verdict_publish
from django.contrib.auth import get_user_model

ensure_roles_and_default_scale(apps)
users = get_user_model().objects
editor = users.create_user("editor")
editor.groups.add(Group.objects.get(name="editors"))
reviewer = users.create_user("reviewer")
reviewer.groups.add(Group.objects.get(name="reviewers"))
text = "The city spent $4.2 million on road repairs in 2023, the mayor said."
article = Article.objects.create(
    title="Council report", url="https://example.org/news/1", outlet="The Example Tribune",
    body=text, published_at=timezone.now() - timedelta(days=3),
)
claim = Claim.objects.create(
    article=article, text="The city spent $4.2 million on road repairs in 2023.",
    start=0, end=51, score=0.9, claimant=Claimant.objects.create(name="Jane Ortiz"),
)
claim_assign(claim=claim, reviewer=reviewer, actor=editor)
verdict_draft(
    claim=claim, actor=reviewer, rating="false",
    summary="Budget records show $2.1 million, half the figure claimed.",
    explanation="The 2023 budget lists road repairs at $2.1 million.",
    sources=["https://city.example.gov/budget-2023"],
)
verdict_publish(claim=claim, actor=editor)
verdict_correct(claim=claim, actor=editor, correction_note="The council revised its accounts.")
verdict_publish(claim=claim, actor=editor)
print(claim.pk)
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, server: subprocess.Popen) -> None:
    for _ in range(60):
        if server.poll() is not None:
            raise SystemExit("the development server stopped before serving")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own loopback server)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} never answered")


def main() -> int:
    chromium = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not LIGHTHOUSE.exists() or not Path(chromium).exists():
        print(f"needs {LIGHTHOUSE} (npm install --prefix .ci/node lighthouse) and {chromium}")
        return 2
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{scratch}/lighthouse.sqlite3",
            "CLAIM_TRACKER_PUBLIC_URL": base,
            "CLAIM_TRACKER_ORGANIZATION_URL": f"{base}/",
            # No broker: the seed's tasks run in-process.
            "CELERY_BROKER_URL": "",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
        seeded = subprocess.run(
            [*manage, "shell", "-c", SEED], env=env, check=True, capture_output=True, text=True
        )
        claim_id = seeded.stdout.strip().splitlines()[-1]
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"{base}/claims/{claim_id}/"
            _wait_until_serving(url, server)
            report = Path(scratch) / "report.json"
            subprocess.run(
                [
                    str(LIGHTHOUSE),
                    url,
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                ],
                env={**env, "CHROME_PATH": chromium},
                check=True,
            )
            result = json.loads(report.read_text())
        finally:
            server.terminate()
            server.wait(timeout=10)
    below = 0
    for name in CATEGORIES:
        category = result["categories"][name]
        score = round(category["score"] * 100)
        below += score < BAR
        print(f"{category['title']}: {score}")
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                print(f"  failed: {audit['title']}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
