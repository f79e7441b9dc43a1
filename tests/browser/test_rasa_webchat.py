"""The standard Rasa web widget, rasa-webchat 1.0.1 from npm (its one file, taken by
scripts/vendor_rasa_webchat.py), on a host page of the tests' own, chatting with Reconnect."""

from typing import List

from playwright.sync_api import Browser, Route, expect

from tests.browser.host import WEBCHAT, HostSite
from tests.browser.pages import screenshot
from tests.support.replies import CRISIS_TEXT, new_sender
from tests.support.servers import Servers


def first_text(servers: Servers, *messages: str) -> str:
    """The start of the text Reconnect answers the last message with, over REST."""
    sender = new_sender("webchat")
    for message in messages:
        reply = servers.send(sender, message)
    return next(m["text"] for m in reply if m.get("text"))[:60]


def test_rasa_webchat_shows_every_reply_of_reconnect_with_its_buttons(
    browser: Browser, host: HostSite, servers: Servers
):
    assert WEBCHAT.is_file(), "make .build/rasa-webchat/index.js first (make browser does)"
    greeting = first_text(servers, "/greet")
    answer = first_text(servers, "should i decline this invite?")
    deeper = first_text(servers, "should i decline this invite?", "/tell_more")

    context = browser.new_context(viewport={"width": 1024, "height": 800})
    refused: List[str] = []

    # rasa-webchat asks Google Fonts for a font: the host page's request, refused here (the
    # machine is offline) at once rather than left to time out.
    def only_the_two_sites(route: Route) -> None:
        if route.request.url.startswith((host.origin, servers.url)):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_two_sites)
    page = context.new_page()
    try:
        page.goto(host.url("webchat.html"))
        page.locator(".rw-launcher").click()
        messages = page.locator(".rw-messages-container")
        expect(messages.locator(".rw-response").filter(has_text=greeting)).to_have_count(1)

        page.locator(".rw-new-message").fill("should i decline this invite?")
        page.keyboard.press("Enter")
        expect(messages.locator(".rw-response").filter(has_text=answer)).to_have_count(1)

        buttons = page.locator(".rw-reply")
        expect(buttons.filter(has_text="Tell me more")).to_have_count(1)
        buttons.filter(has_text="Tell me more").click()
        expect(messages.locator(".rw-response").filter(has_text=deeper)).to_have_count(1)

        page.locator(".rw-new-message").fill("i want to die")
        page.keyboard.press("Enter")
        crisis = messages.locator(".rw-response").filter(has_text=CRISIS_TEXT[:60])
        expect(crisis).to_have_count(1)
        expect(crisis).to_contain_text("988")
        expect(crisis).to_contain_text("findahelpline.com")

        # Every reply rendered as what it says: none as the text "undefined".
        expect(messages).not_to_contain_text("undefined")
        assert messages.locator(".rw-response").count() == 4
        screenshot(page, "rasa-webchat")
    finally:
        context.close()
    assert all("fonts.googleapis.com" in url for url in refused), refused
