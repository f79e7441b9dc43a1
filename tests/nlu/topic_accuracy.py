"""Topic accuracy of a blind set of first messages, over REST (tests/nlu/rounds.md).

Usage:
  python -m tests.nlu.topic_accuracy FILE [--url http://127.0.0.1:5005] [--min 0.93]

FILE is a list of {text, topics}: each text is the first message of a new conversation, and
topics every catalogue id that would be a right answer. Each text is sent by a new sender; it
counts as right when its reply carries one of its topics. Without --url the servers are
started as `make run` starts them (on free ports, with their own tracker database) and
stopped afterwards. Prints the accuracy, a table by expected topic and every miss; exits 1
when the accuracy is below --min (0 by default: a measurement, not a test).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Tuple

import requests
import yaml

from tests.support.replies import new_sender, topics_of
from tests.support.servers import Servers

Send = Callable[[str, str], List[Dict]]
Row = Tuple[str, List[str], List[str]]  # text, right topics, topics of the reply


@contextmanager
def sender_to(url: str) -> Iterator[Send]:
    """Sends to a server already running at url."""

    def send(sender: str, message: str) -> List[Dict]:
        response = requests.post(
            url.rstrip("/") + "/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        )
        response.raise_for_status()
        return response.json()

    yield send


@contextmanager
def started_servers() -> Iterator[Send]:
    """Starts both servers for the measurement, and stops them after."""
    with tempfile.TemporaryDirectory(prefix="topic-accuracy-") as workdir:
        servers = Servers(Path(workdir))
        try:
            servers.start()
            yield servers.send
        finally:
            servers.stop()


def score(send: Send, cases: List[Dict]) -> List[Row]:
    """Each case's text sent as the first message of its own conversation."""
    return [
        (case["text"], list(case["topics"]), topics_of(send(new_sender("blind"), case["text"])))
        for case in cases
    ]


def report(rows: List[Row]) -> float:
    """Prints the accuracy, a table by first expected topic and every miss; returns accuracy."""
    right = [bool(set(expected) & set(got)) for _, expected, got in rows]
    total: Counter = Counter(expected[0] for _, expected, _ in rows)
    hits: Counter = Counter(expected[0] for (_, expected, _), ok in zip(rows, right) if ok)
    print(f"{'expected topic':34} {'right':>9}")
    for topic in sorted(total):
        print(f"{topic:34} {hits[topic]:4}/{total[topic]:<4}")
    for (text, expected, got), ok in zip(rows, right):
        if not ok:
            print(f"  miss: {'/'.join(expected):34} -> {'/'.join(got) or '(none)':34} {text!r}")
    accuracy = sum(right) / len(rows)
    print(f"topic accuracy: {accuracy:.3f} ({sum(right)} of {len(rows)})")
    return accuracy


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--url", help="a running Rasa server; started here when not given")
    parser.add_argument("--min", type=float, default=0.0, help="lowest accuracy that passes")
    args = parser.parse_args(argv)
    cases = yaml.safe_load(Path(args.file).read_text(encoding="utf-8"))
    with sender_to(args.url) if args.url else started_servers() as send:
        accuracy = report(score(send, cases))
    return 0 if accuracy >= args.min else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
