"""Fuzz the API from its own OpenAPI schema as an anonymous visitor, a reader, a reviewer and an
editor: no request may get a server error or a response the schema does not describe.

Run alone (`make fuzz`): it builds a fresh database (SQLite in a temporary folder, or the one
FUZZ_DATABASE_URL names), seeds users and a published claim with the demo command, serves the
project with gunicorn on a free loopback port and runs schemathesis against /api/schema/, bounded
by FUZZ_MAX_EXAMPLES per operation and FUZZ_MAX_SECONDS per role.
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
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
GUNICORN = [sys.executable, "-m", "gunicorn", "config.wsgi", "--timeout", "60"]

SEED = """
import json
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from claims.bootstrap import ensure_roles_and_default_scale
from claims.models import Claim
from claims.services import claim_assign, verdict_draft, verdict_publish
from django.core.management import call_command

ensure_roles_and_default_scale(apps)
call_command("setup_demo", stdout=open("/dev/null", "w"))
User = get_user_model()
users = {
    "editor": User.objects.get(username="editor"),
    "reviewer": User.objects.get(username="reviewer"),
    "reader": User.objects.get_or_create(username="reader")[0],
}
claims = list(Claim.objects.order_by("id")[:2])
if claims and claims[0].status == "new":
    claim_assign(claim=claims[0], reviewer=users["reviewer"], actor=users["editor"])
    verdict_draft(claim=claims[0], actor=users["reviewer"], rating="true", summary="Checked.",
                  sources=["https://example.org/source"])
    verdict_publish(claim=claims[0], actor=users["editor"])
if len(claims) > 1 and claims[1].status == "new":
    claim_assign(claim=claims[1], reviewer=users["reviewer"], actor=users["editor"])
print(json.dumps({role: Token.objects.get_or_create(user=user)[0].key
                  for role, user in users.items()}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:3])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def wait_until_serving(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("the server exited before answering")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (loopback URL we built)
                return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within 60 s")


def api_problems(report: Path) -> int:
    """Failed checks in a schemathesis JUnit report. An error inside the fuzzer's own data
    generation is printed but is no fault of the API; one reaching the server is."""
    if not report.is_file():
        return 1
    problems = 0
    for case in ElementTree.parse(report).iter("testcase"):  # noqa: S314 (our own report)
        for outcome in case:
            text = f"{outcome.get('message', '')} {outcome.text or ''}"
            if outcome.tag == "failure":
                problems += 1
            elif outcome.tag == "error":
                reached_server = any(
                    word in text for word in ("Connection", "Timeout", "refused", "Server error")
                )
                problems += reached_server
                if not reached_server:
                    print(f"(fuzzer-internal error in {case.get('name')}: {text.strip()[:200]})")
    return problems


def main() -> int:
    examples = os.environ.get("FUZZ_MAX_EXAMPLES", "15")
    seconds = os.environ.get("FUZZ_MAX_SECONDS", "60")
    with tempfile.TemporaryDirectory(prefix="claim-tracker-fuzz-") as workdir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": os.environ.get("FUZZ_DATABASE_URL")
            or f"sqlite:///{workdir}/fuzz.sqlite3",
            "CELERY_BROKER_URL": "",
            "CACHE_URL": "",
            "DJANGO_DEBUG": "1",
            # The fuzzer reads as fast as it can from one address: the limit is tested elsewhere.
            "API_ANON_READ_RATE": "",
        }
        python = [sys.executable, "manage.py"]
        # SQLite refuses concurrent writers ("database is locked", a 503 here): one at a time.
        sqlite = env["DATABASE_URL"].startswith("sqlite")
        concurrency = ["--workers", "1", "--threads", "1"] if sqlite else ["--workers", "2"]
        fuzz_workers = "1" if sqlite else "2"
        run([*python, "migrate", "--noinput"], env)
        tokens = json.loads(run([*python, "shell", "-c", SEED], env).strip().splitlines()[-1])
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [*GUNICORN, "--bind", f"127.0.0.1:{port}", *concurrency],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(Path(workdir) / "server.log", "w"),  # noqa: SIM115
        )
        failed = []
        try:
            wait_until_serving(f"{base}/api/schema/", server)
            for role in ("anonymous", "reader", "reviewer", "editor"):
                headers = ["-H", f"Authorization: Token {tokens[role]}"] if role in tokens else []
                print(f"== fuzzing the API as {role}", flush=True)
                result = subprocess.run(
                    [
                        str(BIN / "schemathesis"),
                        "run",
                        f"{base}/api/schema/",
                        "--checks",
                        "not_a_server_error,response_schema_conformance",
                        "--max-examples",
                        examples,
                        "--max-time",
                        seconds,
                        "--seed",
                        "20231",
                        "--request-timeout",
                        "30",
                        "--workers",
                        fuzz_workers,
                        "--phases",
                        "examples,fuzzing,stateful",
                        "--report",
                        "junit",
                        "--report-junit-path",
                        str(Path(workdir) / f"{role}.xml"),
                        *headers,
                    ],
                    cwd=REPO,
                    env=env,
                    check=False,
                    timeout=int(seconds) * 3 + 120,
                )
                if result.returncode != 0 and api_problems(Path(workdir) / f"{role}.xml"):
                    failed.append(role)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log = (Path(workdir) / "server.log").read_text(errors="replace")
            if "Traceback" in log:
                print("== server errors\n" + log[-6000:])
    if failed:
        print(f"fuzzing found problems as: {', '.join(failed)}")
        return 1
    print("fuzzing found no server error and no response outside the schema")
    return 0


if __name__ == "__main__":
    sys.exit(main())
