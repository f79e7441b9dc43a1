"""A real browser (Debian's Chromium driven by Playwright) on the widget served by the servers
of `make run`, and on pages of a host site on another origin that embed it (host.py)."""

from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.host import HostSite
from tests.browser.pages import CHROMIUM, CHROMIUM_ARGS, RESULTS, widget_page
from tests.support.ports import server_port
from tests.support.servers import Servers


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def host_port() -> int:
    return server_port()


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory, host_port: int) -> Iterator[Servers]:
    """The servers of `make run` (tests/conftest.py's), with the host site allowed to embed
    the widget: CORS_ORIGIN is its origin."""
    running = Servers(
        tmp_path_factory.mktemp("servers"),
        CORS_ORIGIN=HostSite(host_port, "").origin,
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def host(servers: Servers, host_port: int) -> Iterator[HostSite]:
    site = HostSite(host_port, servers.url)
    site.start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture
def page(browser: Browser, servers: Servers) -> Iterator[Page]:
    """The widget page at desktop size."""
    with widget_page(browser, servers, viewport={"width": 1280, "height": 800}) as opened:
        yield opened
