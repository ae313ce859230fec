"""Production settings pass Django's deployment checks, logins are rate-limited in a store every
web process shares, and secrets stay out of logs and error pages."""

import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from rest_framework.authtoken.models import Token

from core.redaction import MASK, RedactSecretsFilter
from tests.factories import PASSWORD

REPO = Path(__file__).resolve().parents[2]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env() -> dict[str, str]:
    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "claims.example.org",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://claims.example.org",
        "CLAIM_TRACKER_PUBLIC_URL": "https://claims.example.org",
        "CLAIM_TRACKER_ORGANIZATION_URL": "https://claims.example.org/",
    }


def test_production_settings_pass_the_deployment_checks_without_a_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("address", ["CLAIM_TRACKER_PUBLIC_URL", "CLAIM_TRACKER_ORGANIZATION_URL"])
def test_production_refuses_to_run_without_the_addresses_it_publishes(address):
    env = {**production_env(), address: ""}
    result = manage("check", **env)
    assert result.returncode != 0
    assert address in result.stderr


@pytest.mark.parametrize("secret_key", ["", "short-and-guessable"])
def test_production_refuses_to_start_without_a_strong_secret_key(secret_key):
    env = {**production_env(), "DJANGO_SECRET_KEY": secret_key}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_the_admin_login_locks_a_username_out_after_five_wrong_passwords(client, editor):
    codes = [
        client.post("/admin/login/", {"username": editor.username, "password": "nope"}).status_code
        for _ in range(5)
    ]
    assert codes[:4] == [200] * 4  # the login form again, with an error
    locked = client.post("/admin/login/", {"username": editor.username, "password": PASSWORD})
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    # The count lives in the database, which every web process shares.
    attempt = AccessAttempt.objects.get(username=editor.username)
    assert attempt.failures_since_start >= 5
    assert PASSWORD not in str(attempt.post_data)
    assert "nope" not in str(attempt.post_data)


@pytest.mark.django_db
def test_the_api_token_endpoint_is_locked_out_after_five_wrong_passwords(anonymous, editor):
    for _ in range(5):
        anonymous.post(
            "/api/auth/token/", {"username": editor.username, "password": "nope"}, format="json"
        )
    response = anonymous.post(
        "/api/auth/token/", {"username": editor.username, "password": PASSWORD}, format="json"
    )
    assert response.status_code in (400, 403, 429)
    assert "token" not in response.json()
    assert not Token.objects.filter(user=editor).exists()


@pytest.mark.django_db
def test_a_successful_login_is_not_locked_by_earlier_mistakes_below_the_limit(client, editor):
    for _ in range(3):
        client.post("/admin/login/", {"username": editor.username, "password": "nope"})
    response = client.post("/admin/login/", {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 302


def test_log_lines_never_carry_the_secret_key_a_password_or_a_token(settings):
    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactSecretsFilter) for f in handler.filters)
    ]
    assert handlers, "the console handler redacts secrets"
    token = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "Failed: key=%s body=%s auth=%s broker=%s",
        (
            settings.SECRET_KEY,
            '{"username": "ann", "password": "hunter2-secret"}',
            f"Token {token}",
            "redis://:broker-pass-123@cache.internal:6379/0",
        ),
        None,
    )
    assert handlers[0].filter(record)
    line = handlers[0].format(record)
    for secret in (settings.SECRET_KEY, "hunter2-secret", token, "broker-pass-123"):
        assert secret not in line
    assert MASK in line
    assert "ann" in line, "everything else in the line is kept"


@pytest.mark.django_db
def test_error_pages_in_production_show_no_secret(client, anonymous, editor, settings):
    settings.DEBUG = False
    for response in (
        client.get("/no-such-page/"),
        anonymous.get("/api/claims/999999/"),
        anonymous.post(
            "/api/auth/token/",
            {"username": editor.username, "password": "hunter2-secret"},
            format="json",
        ),
        anonymous.generic("POST", "/api/auth/token/", b"{not json", "application/json"),
    ):
        text = response.content.decode(errors="replace")
        assert response.status_code < 500
        assert settings.SECRET_KEY not in text
        assert "hunter2-secret" not in text
        assert "Traceback" not in text
