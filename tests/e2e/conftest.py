"""Debian's chromium driven through the `playwright` package (never a downloaded browser)."""

import shutil
from pathlib import Path

import pytest

from tests.factories import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")


def chromium_path() -> str | None:
    if CHROMIUM.exists():
        return str(CHROMIUM)
    return shutil.which("chromium")


needs_chromium = pytest.mark.skipif(
    chromium_path() is None,
    reason="Debian's chromium is not installed (apt-get install chromium); .ci/run installs it",
)


@pytest.fixture
def browser(monkeypatch):
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the playwright package is not installed (pip install -e .[dev])",
    )
    # Playwright's synchronous API keeps an event loop in this thread; the ORM calls the test
    # makes between browser steps are still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


# The commonest laptop screen, which the desk's pages are made to fit.
LAPTOP = {"width": 1366, "height": 768}


def signed_in(browser, live_server, user, *, viewport=None, permissions=()):
    """A new browser page with the user signed in to the admin (in a window of ``viewport``,
    with the browser ``permissions`` granted to the site, such as the clipboard's)."""
    context = browser.new_context(viewport=viewport) if viewport else browser.new_context()
    if permissions:
        context.grant_permissions(list(permissions), origin=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state()
    return page
