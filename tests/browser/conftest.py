"""A real browser (Debian's Chromium driven by Playwright) on the widget served by `make run`
(the `servers` fixture of tests/conftest.py)."""

from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.pages import CHROMIUM, CHROMIUM_ARGS, RESULTS, widget_page
from tests.support.servers import Servers


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, servers: Servers) -> Iterator[Page]:
    """The widget page at desktop size."""
    with widget_page(browser, servers, viewport={"width": 1280, "height": 800}) as opened:
        yield opened
