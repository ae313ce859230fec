"""Fixtures shared by the Django tests. Pure-Python detector tests need none of this."""

import os

import pytest

# Every test client and every server a test starts reads from 127.0.0.1: the anonymous read
# limit would count the whole suite as one reader. The tests of that limit set their own.
os.environ["API_ANON_READ_RATE"] = ""


@pytest.fixture(autouse=True)
def _tasks_run_in_process(request: pytest.FixtureRequest):
    """Tasks run at commit time in the test's own process unless a test starts a real worker."""
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _test_settings(request: pytest.FixtureRequest):
    if request.config.pluginmanager.hasplugin("django"):
        settings = request.getfixturevalue("settings")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        settings.API_ANON_READ_RATE = ""


@pytest.fixture
def newsroom(db: None) -> None:
    """The roles and default rating scale, which transactional tests flush away."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    from claims.bootstrap import ensure_roles_and_default_scale
    from claims.models import Rating

    if Group.objects.filter(name="editors").exists() and Rating.objects.exists():
        return
    ensure_roles_and_default_scale(apps)


@pytest.fixture
def editor(newsroom: None):
    from tests.factories import EditorFactory

    return EditorFactory()


@pytest.fixture
def reviewer(newsroom: None):
    from tests.factories import ReviewerFactory

    return ReviewerFactory()


@pytest.fixture
def sample_article_text() -> str:
    from tests.shared_data import sample_article_text

    return sample_article_text()
