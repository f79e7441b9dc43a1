"""Two Rasa instances share every conversation: state in PostgreSQL, turn-taking in Redis."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import List

import requests

from tests.prod.conversation import TOPIC_MESSAGES, check_reply, small_step_conversation
from tests.prod.store import stored_user_texts
from tests.prod.system import ProdSystem
from tests.support.replies import new_sender

SENDERS = 8


def test_a_conversation_alternating_between_the_instances_keeps_its_state(prod: ProdSystem):
    sender = new_sender()
    turns = small_step_conversation("faq.decline-invitations")
    for number, turn in enumerate(turns):
        check_reply(turn, prod.reply(prod.instance_urls[number % 2], sender, turn.message))
    assert stored_user_texts(prod.database, [sender])[sender] == [t.message for t in turns]


def test_two_messages_at_once_on_both_instances_are_handled_one_after_the_other(prod: ProdSystem):
    # Without a lock shared by the instances (or with Rasa's own Redis lock store, whose
    # tickets two instances can both get at once), both would read the same stored
    # conversation, and the one saving last would drop the other's events.
    first, second = TOPIC_MESSAGES["symptoms"], TOPIC_MESSAGES["strategy.professional-help"]

    def both_at_once(sender: str) -> List[requests.Response]:
        with ThreadPoolExecutor(2) as pool:
            on_a = pool.submit(prod.send, prod.instance_urls[0], sender, first)
            on_b = pool.submit(prod.send, prod.instance_urls[1], sender, second)
            return [on_a.result(), on_b.result()]

    senders = [new_sender() for _ in range(SENDERS)]
    with ThreadPoolExecutor(len(senders)) as pool:
        responses = [r for pair in pool.map(both_at_once, senders) for r in pair]
    assert [r.status_code for r in responses] == [200] * len(responses)
    stored = stored_user_texts(prod.database, senders)
    assert all(sorted(stored[s]) == sorted([first, second]) for s in senders), stored
