"""The widget's page in Debian's Chromium (driven by Playwright), and where the results go."""

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from playwright.sync_api import Browser, Locator, Page

from tests.support.paths import ROOT
from tests.support.servers import Servers

CHROMIUM = "/usr/bin/chromium"
RESULTS = ROOT / "var" / "results" / "browser"
# As the machine's notes advise: no background traffic, which the closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # The tests' host site (host.py), another site than Reconnect's 127.0.0.1.
    "--host-resolver-rules=MAP charity.test 127.0.0.1",
]


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


def screenshot(page: Page, name: str) -> Path:
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def bot(page: Page, topic: str) -> Locator:
    """The bot messages of one topic (the widget writes each message's topic on it)."""
    return page.locator(f'[data-testid="bot-message"][data-topic="{topic}"]')


def say(page: Page, text: str) -> None:
    """Types a message and sends it with the Send button."""
    page.get_by_test_id("input").fill(text)
    page.get_by_test_id("send").click()


def stored(page: Page, key: str) -> Any:
    """What the widget keeps in the page's localStorage under `key` (None when nothing)."""
    return page.evaluate("key => localStorage.getItem(key)", key)
