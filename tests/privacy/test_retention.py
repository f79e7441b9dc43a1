"""The purge's cut-off and the store's "asked to forget" check, without a database."""

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from stores.privacy_tracker_store import DELETE_ACTION, asked_to_forget
from stores.retention import SECONDS_PER_DAY, cutoff, retention_days


def test_the_retention_is_30_days_unless_set():
    now = 1_700_000_000.0
    for unset in ({}, {"RETENTION_DAYS": "  "}):
        assert retention_days(unset) == 30
        # A conversation expires once its latest message is 30 days old.
        assert cutoff(now, retention_days(unset)) == now - 30 * SECONDS_PER_DAY


def test_the_command_line_wins_over_the_environment():
    assert retention_days({"RETENTION_DAYS": "7"}) == 7
    assert retention_days({"RETENTION_DAYS": "7"}, "1.5") == 1.5


@pytest.mark.parametrize("raw", ["0", "-3", "abc", "nan", "inf", "30d"])
def test_a_retention_that_is_not_a_positive_number_is_refused(raw):
    with pytest.raises(ValueError, match="positive number of days"):
        retention_days({"RETENTION_DAYS": raw})


def test_the_cutoff_lies_the_retention_before_now():
    now = 1_700_000_000.0
    assert cutoff(now, 30) == now - 30 * SECONDS_PER_DAY
    assert cutoff(now, 0.5) == now - 12 * 3600


def test_a_conversation_is_forgotten_only_when_its_latest_turn_ran_the_delete_action():
    asked = [
        UserUttered("hi"),
        ActionExecuted("action_answer_topic"),
        BotUttered("hello"),
        ActionExecuted("action_listen"),
        UserUttered("delete my conversation"),
        ActionExecuted(DELETE_ACTION),
        BotUttered("Done."),
        ActionExecuted("action_listen"),
    ]
    assert asked_to_forget(asked)
    # a form ended after the deletion is still the same turn
    assert asked_to_forget(
        asked[:-1]
        + [ActionExecuted("action_deactivate_loop"), SlotSet("requested_slot", None), asked[-1]]
    )
    # a message after the deletion starts a new turn: that one is saved as usual
    assert not asked_to_forget(asked + [UserUttered("hi again"), ActionExecuted("action_listen")])
    assert not asked_to_forget(asked[:4])
    assert not asked_to_forget([])
