"""A real browser (Debian's Chromium driven by Playwright) on the widget served by `make run`."""
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import ROOT
from tests.http.conftest import Servers, servers  # noqa: F401 (the same servers fixture)

CHROMIUM = "/usr/bin/chromium"
RESULTS = ROOT / "var" / "results" / "browser"
# As the machine's notes advise: no background traffic, which the closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Browser:
    RESULTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, servers: Servers) -> Page:
    """A fresh browser profile (empty localStorage) on the widget page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    opened.goto(servers.url + "/webhooks/widget/")
    yield opened
    context.close()


def screenshot(page: Page, name: str) -> Path:
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
