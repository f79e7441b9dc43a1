"""The chat widget in Chromium: conversation, buttons, reload, crisis, help offline, safety,
accessibility (axe-core), small screens."""

import json

from playwright.sync_api import Page, expect

from tests.browser.pages import RESULTS, bot, say, screenshot, widget_page
from tests.support.paths import ROOT
from tests.support.replies import topics_of

AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"


def test_the_welcome_then_a_typed_question_gets_its_answer_and_section(page: Page):
    expect(bot(page, "greet")).to_have_count(1)
    say(page, "should i decline this invite?")
    answer = bot(page, "faq.decline-invitations")
    expect(answer).to_have_count(1)
    expect(page.get_by_test_id("section").last).to_contain_text("From: FAQ")
    screenshot(page, "desktop-conversation")


def test_a_button_sends_its_choice_and_older_buttons_stay_clickable(page: Page):
    say(page, "why does connection matter for mental health?")
    expect(bot(page, "connection")).to_have_count(1)
    bot(page, "connection").get_by_test_id("quick-reply").filter(has_text="Tell me more").click()
    expect(bot(page, "connection")).to_have_count(2)
    expect(page.get_by_test_id("user-message").last).to_have_text("Tell me more")
    bot(page, "greet").get_by_test_id("quick-reply").first.click()  # an old button
    expect(page.get_by_test_id("user-message")).to_have_count(3)


def test_a_reload_keeps_the_conversation_on_both_sides(page: Page):
    say(page, "is it ok to take breaks at a party?")
    expect(bot(page, "strategy.breaks")).to_have_count(1)
    page.reload()
    expect(bot(page, "strategy.breaks")).to_have_count(1)
    say(page, "tell me more")  # the server remembers the last topic too
    expect(bot(page, "strategy.breaks")).to_have_count(2)


def test_a_crisis_message_is_distinct_and_its_numbers_are_phone_links(page: Page):
    say(page, "i don't want to be alive anymore")
    crisis = bot(page, "crisis")
    expect(crisis).to_have_count(1)
    assert "rc-msg--crisis" in (crisis.get_attribute("class") or "")
    for number in ("tel:988", "tel:116123", "tel:911", "tel:999", "tel:112"):
        expect(crisis.locator(f'a[href="{number}"]').first).to_be_visible()
    screenshot(page, "desktop-crisis")


def test_help_works_with_the_server_stopped_and_nothing_typed_is_lost(page: Page, servers):
    expect(bot(page, "greet")).to_have_count(1)
    servers.stop_rasa()
    try:
        expect(page.get_by_test_id("connection-banner")).to_be_visible(timeout=20_000)
        page.get_by_test_id("help-now").click()
        panel = page.get_by_test_id("help-panel")
        expect(panel).to_be_visible()
        expect(panel.locator('a[href="tel:988"]').first).to_be_visible()
        page.keyboard.press("Escape")
        expect(panel).to_be_hidden()
        say(page, "what are the signs of depression?")  # typed while offline
    finally:
        servers.start_rasa()
    expect(page.get_by_test_id("connection-banner")).to_be_hidden(timeout=60_000)
    expect(bot(page, "symptoms")).to_have_count(1, timeout=30_000)


def test_html_in_a_message_is_shown_as_text(page: Page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    payload = "<img src=x onerror=alert(1)>"
    say(page, payload)
    expect(page.get_by_test_id("user-message").last).to_have_text(payload)
    expect(page.get_by_test_id("messages").locator("img")).to_have_count(0)
    page.wait_for_timeout(500)
    assert dialogs == []


def test_start_over_deletes_the_conversation_on_both_sides(page: Page, servers):
    say(page, "what are the signs of depression?")
    expect(bot(page, "symptoms")).to_have_count(1)
    old_session = page.evaluate("localStorage.getItem('reconnect.session_id')")
    page.get_by_test_id("start-over").click()
    page.get_by_test_id("start-over-confirm").click()
    expect(bot(page, "greet")).to_have_count(1)
    expect(page.get_by_test_id("bot-message")).to_have_count(1)  # nothing of the old chat
    assert page.evaluate("localStorage.getItem('reconnect.session_id')") != old_session
    # The server forgot it too: "tell me more" in the old conversation has no topic to expand.
    assert "symptoms" not in topics_of(servers.send(old_session, "tell me more"))


def test_keyboard_only_use(page: Page):
    expect(bot(page, "greet")).to_have_count(1)
    page.get_by_test_id("input").focus()
    page.keyboard.type("what can you do?")
    page.keyboard.press("Enter")
    expect(bot(page, "help")).to_have_count(1)
    page.keyboard.press("Shift+Tab")  # back from the input into the buttons
    focused = page.evaluate("document.activeElement.getAttribute('data-testid')")
    assert focused == "quick-reply"


def test_no_serious_or_critical_accessibility_violations(browser, servers):
    # The page's CSP forbids injected scripts, as it should; axe is test tooling.
    with widget_page(browser, servers, bypass_csp=True) as page:
        expect(bot(page, "greet")).to_have_count(1)
        say(page, "i want to die")
        expect(bot(page, "crisis")).to_have_count(1)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
        for v in result["violations"]
    ]
    (RESULTS / "axe.json").write_text(json.dumps(violations, indent=2))
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []


def test_usable_at_360_pixels_and_200_percent_zoom(browser, servers):
    for name, viewport in (
        ("mobile-360", {"width": 360, "height": 740}),
        ("zoom-200", {"width": 640, "height": 400}),
    ):
        with widget_page(browser, servers, viewport=viewport) as page:
            expect(bot(page, "greet")).to_have_count(1)
            say(page, "how can i socialize when i'm depressed?")
            expect(bot(page, "strategies")).to_have_count(1)
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            screenshot(page, name)


def test_the_page_makes_no_third_party_requests(browser, servers):
    context = browser.new_context()
    page = context.new_page()
    hosts = set()
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    page.goto(servers.url + "/webhooks/widget/")
    expect(bot(page, "greet")).to_have_count(1)
    context.close()
    assert hosts == {f"127.0.0.1:{servers.rasa_port}"}


def test_a_message_the_server_refuses_is_not_left_silently_unanswered(page: Page):
    expect(bot(page, "greet")).to_have_count(1)
    say(page, "/restart")  # Rasa's own command, which Reconnect's channels refuse
    banner = page.get_by_test_id("connection-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("could not be handled")
    expect(page.get_by_test_id("typing")).to_be_hidden()
