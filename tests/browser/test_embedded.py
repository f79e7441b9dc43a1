"""The embedded mode: a charity's page on another site (host.py) embeds Reconnect with the
README's snippet, and gets a launcher in a corner that opens the chat over the page."""

import json
from typing import Any, Dict, Iterator, List

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.host import HostSite
from tests.browser.pages import RESULTS, bot, say, screenshot
from tests.support.paths import ROOT

AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
DEFAULT_ACCENT = "rgb(44, 103, 99)"  # #2c6763


def open_host_page(browser: Browser, host: HostSite, page: str = "embed.html", **context: Any):
    opened = browser.new_context(**{"viewport": DESKTOP, **context}).new_page()
    opened.messages = []  # what the page wrote to the console
    opened.on("console", lambda m: opened.messages.append((m.type, m.text)))
    opened.goto(host.url(page))
    return opened


@pytest.fixture
def host_page(browser: Browser, host: HostSite) -> Iterator[Page]:
    opened = open_host_page(browser, host)
    try:
        yield opened
    finally:
        opened.context.close()


def launcher(page: Page):
    return page.get_by_role("button", name="Chat with Reconnect")


def panel(page: Page):
    return page.locator(".rc-frame")


def box(locator) -> Dict[str, float]:
    return locator.bounding_box() or {}


def test_the_page_stays_readable_and_clickable_with_the_chat_open(host_page: Page):
    page = host_page
    socket_requests: List[str] = []
    page.on("request", lambda r: "/socket.io/" in r.url and socket_requests.append(r.url))
    heading = page.get_by_role("heading", name="Hope Street Charity")
    heading_before = box(heading)
    height_before = page.evaluate("document.documentElement.scrollHeight")
    expect(launcher(page)).to_be_visible()
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")
    expect(panel(page)).to_be_hidden()
    page.wait_for_timeout(500)
    assert socket_requests == []  # a visitor who never opens the chat starts no conversation

    launcher(page).click()
    expect(panel(page)).to_be_visible()
    expect(launcher(page)).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_test_id("input")).to_be_focused()
    frame = box(panel(page))
    assert abs(frame["width"] - 380) <= 2 and abs(frame["height"] - 600) <= 2, frame
    assert frame["x"] + frame["width"] > DESKTOP["width"] - 40  # in the bottom-right corner
    assert frame["y"] + frame["height"] > DESKTOP["height"] - 120

    expect(bot(page, "greet")).to_have_count(1)
    say(page, "should i decline this invite?")
    expect(bot(page, "faq.decline-invitations")).to_have_count(1)
    bot(page, "faq.decline-invitations").get_by_test_id("quick-reply").filter(
        has_text="Tell me more"
    ).click()
    expect(bot(page, "faq.decline-invitations")).to_have_count(2)

    # The host page has not moved, grown or been covered where its content is.
    assert page.evaluate("window.scrollY") == 0
    assert page.evaluate("document.documentElement.scrollHeight") == height_before
    assert box(heading) == heading_before
    expect(heading).to_be_visible()
    expect(page.get_by_test_id("host-text")).to_be_in_viewport()
    page.get_by_test_id("host-button").click()  # Playwright checks nothing covers it
    expect(page.get_by_test_id("host-clicks")).to_have_text("1 thanks so far")
    screenshot(page, "embedded-desktop")


def test_close_reopen_reload_and_navigation_keep_the_conversation(host_page: Page):
    page = host_page
    launcher(page).click()
    say(page, "is it ok to take breaks at a party?")
    expect(bot(page, "strategy.breaks")).to_have_count(1)

    page.get_by_role("button", name="Close the chat").click()
    expect(panel(page)).to_be_hidden()
    expect(launcher(page)).to_be_focused()
    page.keyboard.press("Enter")  # the launcher, from the keyboard
    expect(panel(page)).to_be_visible()
    expect(bot(page, "strategy.breaks")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(panel(page)).to_be_hidden()
    expect(launcher(page)).to_be_focused()

    page.reload()
    expect(panel(page)).to_be_hidden()  # it was closed
    launcher(page).click()
    expect(bot(page, "strategy.breaks")).to_have_count(1)

    page.get_by_test_id("host-link").click()  # another page of the host site
    expect(page.get_by_role("heading", name="Our groups")).to_be_visible()
    expect(panel(page)).to_be_visible()  # it was open
    expect(bot(page, "strategy.breaks")).to_have_count(1)
    say(page, "tell me more")  # the server has the same conversation
    expect(bot(page, "strategy.breaks")).to_have_count(2)


def test_need_help_now_is_one_tap_away_in_the_panel_header(host_page: Page):
    page = host_page
    launcher(page).click()
    help_button = page.get_by_role("button", name="Need help now?")
    expect(help_button).to_be_visible()
    header = box(page.locator(".rc-header"))
    assert header["y"] <= box(help_button)["y"] <= header["y"] + header["height"]
    help_button.click()
    expect(page.get_by_test_id("help-panel").locator('a[href="tel:988"]').first).to_be_visible()


def test_no_accessibility_violations_of_any_impact_on_the_host_page(host_page: Page):
    page = host_page
    launcher(page).click()
    expect(bot(page, "greet")).to_have_count(1)
    say(page, "i want to die")
    expect(bot(page, "crisis")).to_have_count(1)
    page.add_script_tag(path=str(AXE))  # the host page has no CSP
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]
    (RESULTS / "axe-embedded.json").write_text(json.dumps(violations, indent=2))
    assert violations == []


def test_a_phone_gets_the_whole_screen_and_focus_goes_back_to_the_launcher(browser, host):
    page = open_host_page(browser, host, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        launcher(page).tap()
        frame = box(panel(page))
        assert (frame["x"], frame["y"], frame["width"], frame["height"]) == (0, 0, 360, 740)
        expect(bot(page, "greet")).to_have_count(1)
        say(page, "how can i socialize when i'm depressed?")
        expect(bot(page, "strategies")).to_have_count(1)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert (
            page.evaluate(
                "document.querySelector('reconnect-chat').shadowRoot"
                ".querySelector('.rc-widget').scrollWidth"
            )
            <= PHONE["width"]
        )
        screenshot(page, "embedded-phone-360")
        page.get_by_role("button", name="Close the chat").tap()
        expect(panel(page)).to_be_hidden()
        expect(launcher(page)).to_be_focused()
    finally:
        page.context.close()


def test_an_accent_colour_that_fails_the_contrast_check_is_refused(browser, host):
    page = open_host_page(browser, host, "embed.html?accentColor=%23f2b705")  # yellow
    try:
        expect(launcher(page)).to_have_css("background-color", DEFAULT_ACCENT)
        warnings = [text for kind, text in page.messages if kind == "warning"]
        assert any("accentColor" in w and "contrast" in w for w in warnings), page.messages
    finally:
        page.context.close()


def test_the_options_title_position_accent_and_open(browser, host):
    page = open_host_page(
        browser,
        host,
        "embed.html?title=Hope%20Street%20chat&position=bottom-left&accentColor=%236b2d7b&open=true",
    )
    try:
        named = page.get_by_role("button", name="Chat with Hope Street chat")
        expect(named).to_have_css("background-color", "rgb(107, 45, 123)")
        assert box(named)["x"] < 100  # bottom left
        expect(panel(page)).to_be_visible()  # opened at start...
        expect(page.get_by_role("heading", name="Hope Street chat")).to_be_visible()
        assert page.evaluate("document.activeElement === document.body")  # ...without the focus
        assert [m for m in page.messages if m[0] == "warning"] == []
    finally:
        page.context.close()


# What a host page's rules could change in the widget, read on each of these elements.
WIDGET_PARTS = [
    ".rc-launcher",
    ".rc-frame",
    ".rc-title",
    ".rc-btn--primary",
    ".rc-input",
    ".rc-log",
]
PROPERTIES = [
    "font-family",
    "font-size",
    "font-style",
    "line-height",
    "letter-spacing",
    "text-transform",
    "color",
    "background-color",
    "border-top-width",
    "padding-top",
    "margin-top",
    "display",
    "box-sizing",
    "position",
    "width",
    "height",
    "transform",
]
READ_STYLES = """([parts, properties]) => {
    const root = document.querySelector('reconnect-chat').shadowRoot;
    return parts.map(part => {
        const style = getComputedStyle(root.querySelector(part));
        return [part, properties.map(p => [p, style.getPropertyValue(p)])];
    });
}"""


def widget_styles(page: Page):
    launcher(page).click()
    expect(page.get_by_test_id("input")).to_be_visible()
    # Connected and greeted, with the typing indicator gone: the log's height depends on
    # what is shown in it, which must be the same on both pages.
    expect(bot(page, "greet")).to_have_count(1)
    page.mouse.move(0, 0)  # no hover effect on the launcher
    page.wait_for_timeout(1000)
    return page.evaluate(READ_STYLES, [WIDGET_PARTS, PROPERTIES])


def test_the_host_pages_styles_do_not_reach_the_widget(browser, host):
    plain = open_host_page(browser, host)
    hostile = open_host_page(browser, host, "hostile.html")
    try:
        assert widget_styles(hostile) == widget_styles(plain)
        host_element = hostile.evaluate(
            "[getComputedStyle(document.querySelector('reconnect-chat')).position,"
            " getComputedStyle(document.querySelector('reconnect-chat')).transform]"
        )
        assert host_element == ["fixed", "none"]
    finally:
        plain.context.close()
        hostile.context.close()


HOST_PARTS = ["body", "h1", "p", "a", "button", "nav", "footer"]
READ_HOST_STYLES = """(parts) => parts.map(part => {
    const style = getComputedStyle(document.querySelector(part));
    return [part, Array.from(style).map(p => [p, style.getPropertyValue(p)])];
})"""


def test_the_widgets_styles_do_not_reach_the_host_page(host_page: Page):
    page = host_page
    before = page.evaluate(READ_HOST_STYLES, HOST_PARTS)
    sheets = page.evaluate("document.styleSheets.length")
    launcher(page).click()
    expect(bot(page, "greet")).to_have_count(1)
    assert page.evaluate(READ_HOST_STYLES, HOST_PARTS) == before
    assert page.evaluate("document.styleSheets.length") == sheets
    assert page.evaluate("document.querySelectorAll('[class^=rc-], [class*=\" rc-\"]').length") == 0
