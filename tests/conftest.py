"""Fixtures shared by the Django tests. Pure-Python detector tests need none of this."""

import pytest


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
def _fast_password_hashing(request: pytest.FixtureRequest):
    if request.config.pluginmanager.hasplugin("django"):
        settings = request.getfixturevalue("settings")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
