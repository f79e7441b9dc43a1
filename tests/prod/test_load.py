"""Many conversations at once through nginx: every message stored exactly once, in order."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import List

from tests.prod.conversation import DEEP_TOPICS, check_reply, small_step_conversation
from tests.prod.store import stored_user_texts
from tests.prod.system import ProdSystem
from tests.support.replies import new_sender

CONVERSATIONS = 20


def test_twenty_conversations_at_once_are_stored_exactly_once_and_in_order(prod: ProdSystem):
    log_start = len(prod.access_log())
    topics = {new_sender(): topic for topic in DEEP_TOPICS[:CONVERSATIONS]}
    assert len(topics) == CONVERSATIONS

    def converse(sender: str) -> List[str]:
        turns = small_step_conversation(topics[sender])
        for turn in turns:
            check_reply(turn, prod.reply(prod.url, sender, turn.message))
        return [t.message for t in turns]

    with ThreadPoolExecutor(CONVERSATIONS) as pool:
        sent = dict(zip(topics, pool.map(converse, topics)))
    assert stored_user_texts(prod.database, topics) == sent
    # Round robin: both instances answered some of these messages.
    served_by = re.findall(
        r"POST /webhooks/rest/webhook .* upstream=(\S+) ", "\n".join(prod.access_log()[log_start:])
    )
    assert {f"127.0.0.1:{p}" for p in prod.rasa_ports} == set(served_by)
