"""Takes the README's screenshots of the two ways to embed Reconnect on another site, into
docs/screenshots: Reconnect's own launcher (desktop and phone) and rasa-webchat 1.0.1.

It starts the servers of `make run` on free ports (with the test host site allowed by
CORS_ORIGIN), serves the browser tests' host pages (tests/browser/host) on charity.test, and
drives Debian's Chromium; the PNGs are reduced to a palette of 96 colours to stay small.

Usage: make screenshots   (or: python -m scripts.readme_screenshots)
"""

import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect, sync_playwright

from tests.browser.host import HostSite
from tests.browser.pages import CHROMIUM, CHROMIUM_ARGS, bot, say
from tests.support.paths import ROOT
from tests.support.ports import server_port
from tests.support.servers import Servers

OUT = ROOT / "docs" / "screenshots"
ANSWER_SECONDS = 60_000


def save(page: Page, name: str) -> None:
    page.mouse.move(0, 0)  # no hover effect in the picture
    page.wait_for_timeout(400)
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(colors=96).save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB")


def reconnect_launcher(browser, host: HostSite) -> None:
    for name, viewport in (
        ("embed-launcher-desktop", {"width": 1024, "height": 720}),
        ("embed-launcher-phone", {"width": 360, "height": 720}),
    ):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(host.url("embed.html"))
        page.get_by_test_id("launcher").click()
        expect(bot(page, "greet")).to_have_count(1, timeout=ANSWER_SECONDS)
        say(page, "should i decline this invite?")
        expect(bot(page, "faq.decline-invitations")).to_have_count(1, timeout=ANSWER_SECONDS)
        expect(page.get_by_test_id("typing")).to_be_hidden()
        save(page, name)
        context.close()


def rasa_webchat(browser, host: HostSite, servers: Servers) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 720})
    allowed = (host.origin, servers.url)
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(allowed) else route.abort(),
    )
    page = context.new_page()
    page.goto(host.url("webchat.html"))
    page.locator(".rw-launcher").click()
    expect(page.locator(".rw-response").first).to_be_visible(timeout=ANSWER_SECONDS)
    page.locator(".rw-new-message").fill("should i decline this invite?")
    page.keyboard.press("Enter")
    answer = page.locator(".rw-response").filter(has_text="Looking after your mental health")
    expect(answer).to_have_count(1, timeout=ANSWER_SECONDS)
    expect(page.locator(".rw-reply").first).to_be_visible()
    save(page, "embed-rasa-webchat")
    context.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    port = server_port()
    with tempfile.TemporaryDirectory() as workdir:
        servers = Servers(Path(workdir), CORS_ORIGIN=HostSite(port, "").origin)
        host = HostSite(port, servers.url)
        try:
            servers.start()
            host.start()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                reconnect_launcher(browser, host)
                rasa_webchat(browser, host, servers)
                browser.close()
        finally:
            host.stop()
            servers.stop()


if __name__ == "__main__":
    main()
