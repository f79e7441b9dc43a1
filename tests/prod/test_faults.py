"""Failures in production mode: a Rasa instance killed mid-load, the action server restarted."""

from __future__ import annotations

import re
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List

import requests

from tests.prod.conversation import DEEP_TOPICS, TOPIC_MESSAGES, is_crisis
from tests.prod.store import stored_user_texts
from tests.prod.system import ProdSystem
from tests.support.replies import new_sender, topics_of

CONVERSATIONS, MESSAGES_EACH = 10, 8
KILL_AFTER = 20  # acknowledged messages before the kill: the load is well under way
VICTIM = 1  # index of the instance killed
QUESTIONS = [TOPIC_MESSAGES[t] for t in DEEP_TOPICS]
TOPIC_OF = {TOPIC_MESSAGES[t]: t for t in DEEP_TOPICS}


class Load:
    """Conversations sent through nginx in parallel, each message after the previous reply."""

    def __init__(self, prod: ProdSystem) -> None:
        self.prod = prod
        # Distinct messages within a conversation, so a duplicate in storage shows.
        self.plan = {
            new_sender(): [QUESTIONS[(3 * c + k) % len(QUESTIONS)] for k in range(MESSAGES_EACH)]
            for c in range(CONVERSATIONS)
        }
        self.acknowledged: Dict[str, List[str]] = {s: [] for s in self.plan}
        self.sent_after_kill: Counter = Counter()
        self.acknowledged_after_kill: Counter = Counter()
        self.failures: List[str] = []
        self.killed = threading.Event()
        self.kill_now = threading.Event()
        self._lock = threading.Lock()

    def converse(self, sender: str) -> None:
        """Sends one conversation; a failed message is given up, as a user would move on."""
        for message in self.plan[sender]:
            sent_after_kill = self.killed.is_set()
            with self._lock:
                self.sent_after_kill[sender] += sent_after_kill
            try:
                response = self.prod.send(self.prod.url, sender, message, timeout=120)
            except requests.RequestException as error:
                self.failures.append(f"{message!r}: {error}")
                continue
            if response.status_code != 200 or not response.json():
                self.failures.append(f"{message!r}: {response.status_code} {response.text[:200]}")
                continue
            with self._lock:
                self.acknowledged[sender].append(message)
                self.acknowledged_after_kill[sender] += sent_after_kill
                if sum(map(len, self.acknowledged.values())) >= KILL_AFTER:
                    self.kill_now.set()


def test_killing_an_instance_mid_load_loses_no_acknowledged_message(prod: ProdSystem):
    load = Load(prod)
    log_start = len(prod.access_log())
    with ThreadPoolExecutor(CONVERSATIONS) as pool:
        running = [pool.submit(load.converse, sender) for sender in load.plan]
        assert load.kill_now.wait(180), "the load did not get going"
        prod.kill_instance(VICTIM)
        load.killed.set()
        for conversation in running:
            conversation.result()

    stored = stored_user_texts(prod.database, load.plan)
    counts = {s: Counter(texts) for s, texts in stored.items()}
    sent = CONVERSATIONS * MESSAGES_EACH
    acknowledged = sum(map(len, load.acknowledged.values()))
    duplicates = sum(n - 1 for c in counts.values() for n in c.values() if n > 1)
    # nginx logs "upstream=A, B" for a message it sent to B after A failed.
    failed_over = [
        line
        for line in prod.access_log()[log_start:]
        if "POST" in line and re.search(r"upstream=\S+, ", line)
    ]
    print(
        f"\nkill test: sent {sent}, acknowledged {acknowledged}, "
        f"stored {sum(map(len, stored.values()))} ({duplicates} duplicates), "
        f"{len(failed_over)} resent by nginx to the other instance, failures {load.failures}"
    )
    for sender, messages in load.acknowledged.items():
        assert all(counts[sender][m] >= 1 for m in messages), (sender, messages, stored[sender])
        assert set(counts[sender]) <= set(load.plan[sender])
    # Messages in progress on the killed instance (or sent before nginx noticed) were resent,
    # and every message sent after the kill was answered by the surviving instance. (A
    # conversation may have ended before the kill: the load's pace is the machine's.)
    assert failed_over
    assert not load.failures
    assert sum(load.sent_after_kill.values()) > 0
    assert load.acknowledged_after_kill == load.sent_after_kill
    check_rejoins(prod, load, stored)


def check_rejoins(prod: ProdSystem, load: Load, stored: Dict[str, List[str]]) -> None:
    """The killed instance, started again, answers directly and gets nginx's traffic again."""
    prod.restart_instance(VICTIM)
    sender = next(iter(load.plan))
    topic = TOPIC_OF[stored[sender][-1]]
    reply = prod.reply(prod.instance_urls[VICTIM], sender, "tell me more")
    assert topics_of(reply) == [topic]
    prod.wait_until_nginx_uses(VICTIM)


def test_the_action_server_restarts_and_the_crisis_message_never_needs_it(prod: ProdSystem):
    sender = new_sender()
    question = TOPIC_MESSAGES["barrier.stigma"]
    assert topics_of(prod.reply(prod.url, sender, question)) == ["barrier.stigma"]
    prod.stop_actions()
    try:
        for _ in prod.instance_urls:  # round robin: once through each instance
            assert is_crisis(prod.reply(prod.url, new_sender(), "i want to die"))
        # Every other answer comes from the action server: without it, a 503 that says so.
        unanswered = prod.send(prod.url, new_sender(), "hi")
        assert unanswered.status_code == 503 and unanswered.json().get("error")
    finally:
        prod.start_actions()
    assert topics_of(prod.reply(prod.url, sender, "tell me more")) == ["barrier.stigma"]
    assert topics_of(prod.reply(prod.url, new_sender(), "hi")) == ["greet"]
    assert is_crisis(prod.reply(prod.url, new_sender(), "i want to die"))
