"""Deleting a conversation from the widget: the transcript the browser keeps goes with the one
on the server, and Start over holds on to the old conversation until the server has deleted it."""

from playwright.sync_api import Page, expect

from tests.browser.pages import bot, say, stored
from tests.support.replies import topics_of

STATUS = "deletion-status"
OLD_QUESTION = "what are the signs of depression?"


def everything_stored(page: Page) -> str:
    return page.evaluate("JSON.stringify(localStorage)")


def start_over(page: Page) -> None:
    page.get_by_test_id("start-over").click()
    page.get_by_test_id("start-over-confirm").click()


def forgotten_by_the_server(servers, session_id: str) -> bool:
    # "tell me more" in a conversation that still remembers the symptoms answer expands it.
    return "symptoms" not in topics_of(servers.send(session_id, "tell me more"))


def test_a_typed_deletion_clears_the_transcript_kept_in_the_browser_and_on_screen(page: Page):
    say(page, OLD_QUESTION)
    expect(bot(page, "symptoms")).to_have_count(1)
    say(page, "delete my conversation")
    expect(bot(page, "privacy.confirm")).to_have_count(1)  # a typed request is asked about
    say(page, "yes")
    expect(bot(page, "privacy.deleted")).to_have_count(1)
    expect(bot(page, "symptoms")).to_have_count(0)
    expect(page.get_by_test_id("user-message")).to_have_count(0)
    kept = everything_stored(page)
    assert "signs of depression" not in kept and "symptoms" not in kept
    page.reload()
    expect(bot(page, "privacy.deleted")).to_have_count(1)
    expect(page.get_by_test_id("bot-message")).to_have_count(1)
    expect(page.get_by_test_id("user-message")).to_have_count(0)


def test_start_over_while_the_server_is_down_deletes_once_it_is_back(page: Page, servers):
    say(page, OLD_QUESTION)
    expect(bot(page, "symptoms")).to_have_count(1)
    old_id = stored(page, "reconnect.session_id")
    servers.stop_rasa()
    try:
        expect(page.get_by_test_id("connection-banner")).to_be_visible(timeout=20_000)
        start_over(page)
        expect(page.get_by_test_id(STATUS)).to_be_visible()
        expect(bot(page, "symptoms")).to_have_count(0)
        # Not confirmed: the id of the conversation to delete is still kept (a reload or a
        # closed tab must not lose it).
        assert old_id in everything_stored(page)
        assert "signs of depression" not in everything_stored(page)
    finally:
        servers.start_rasa()
    expect(page.get_by_test_id(STATUS)).to_be_hidden(timeout=60_000)
    expect(bot(page, "greet")).to_have_count(1, timeout=30_000)
    assert forgotten_by_the_server(servers, old_id)
    assert old_id not in everything_stored(page)


def test_start_over_retries_a_failed_deletion_until_the_server_confirms_it(page: Page, servers):
    say(page, OLD_QUESTION)
    expect(bot(page, "symptoms")).to_have_count(1)
    old_id = stored(page, "reconnect.session_id")
    servers.stop_actions()  # the deletion's turn fails: no confirmation comes
    try:
        start_over(page)
        status = page.get_by_test_id(STATUS)
        expect(status).to_be_visible()
        page.wait_for_timeout(3_000)  # the failure has come back by now
        expect(status).to_be_visible()
        assert old_id in everything_stored(page)
        page.reload()  # still in progress on the next page view
        expect(status).to_be_visible()
        expect(page.get_by_test_id("bot-message")).to_have_count(0)
        assert old_id in everything_stored(page)
    finally:
        servers.start_actions()
    expect(status).to_be_hidden(timeout=60_000)
    expect(bot(page, "greet")).to_have_count(1, timeout=30_000)
    assert forgotten_by_the_server(servers, old_id)
    assert stored(page, "reconnect.session_id") not in (None, old_id)
    assert old_id not in everything_stored(page)


def test_a_stored_id_the_server_did_not_issue_starts_afresh(page: Page):
    expect(bot(page, "greet")).to_have_count(1)
    # What a browser may hold from before ids were signed, or from another server.
    page.evaluate(
        """() => {
        localStorage.setItem('reconnect.session_id', 'an-id-this-server-never-issued');
        localStorage.setItem('reconnect.history', JSON.stringify([
          {id: 'a', from: 'user', text: 'an old question'},
          {id: 'b', from: 'bot', text: 'An answer the server no longer has.', topic: 'symptoms',
           buttons: []}]));
        }"""
    )
    page.reload()
    expect(bot(page, "greet")).to_have_count(1)
    expect(page.get_by_test_id("messages")).not_to_contain_text("no longer has")
    expect(page.get_by_test_id("messages")).not_to_contain_text("an old question")
    assert "no longer has" not in everything_stored(page)
    assert stored(page, "reconnect.session_id") != "an-id-this-server-never-issued"
