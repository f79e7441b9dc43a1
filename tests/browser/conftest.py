"""A real browser (Debian's Chromium driven by Playwright) on the widget served by `make run`."""
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

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


@contextmanager
def widget_page(browser: Browser, servers: Servers, **options: Any) -> Iterator[Page]:
    """The widget page in a fresh browser profile (empty localStorage); options as new_context's."""
    context = browser.new_context(**options)
    opened = context.new_page()
    opened.goto(servers.url + "/webhooks/widget/")
    try:
        yield opened
    finally:
        context.close()


@pytest.fixture
def page(browser: Browser, servers: Servers) -> Page:
    """The widget page at desktop size."""
    with widget_page(browser, servers, viewport={"width": 1280, "height": 800}) as opened:
        yield opened


def screenshot(page: Page, name: str) -> Path:
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
