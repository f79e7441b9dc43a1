"""Intent accuracy of the trained model on a held-out NLU file (never trained on).

Usage: python -m tests.nlu.heldout_accuracy tests/nlu/heldout.yml [--min 0.90]
Prints accuracy and every miss; exits 1 when accuracy is below --min.
"""

import argparse
import asyncio
import sys
from collections import Counter

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data

from server.bootstrap import apply

# The deletion guard asks before every typed request to delete (components/deletion_guard.py):
# its question is the classifier's delete_conversation, asked about, not a miss.
ASKED_ABOUT = {"confirm_deletion": "delete_conversation"}


async def evaluate(model: str, path: str) -> list:
    apply()  # the model as the server runs it
    agent = Agent.load(model)
    rows = []
    for example in load_data(path).intent_examples:
        parsed = await agent.parse_message(example.get("text"))
        intent = parsed["intent"]["name"]
        rows.append((example.get("text"), example.get("intent"), ASKED_ABOUT.get(intent, intent)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("nlu_file")
    parser.add_argument("--min", type=float, default=0.90, help="lowest accuracy that passes")
    parser.add_argument("--model", default="models/reconnect.tar.gz")
    args = parser.parse_args()
    rows = asyncio.run(evaluate(args.model, args.nlu_file))
    misses = [r for r in rows if r[1] != r[2]]
    accuracy = 1 - len(misses) / len(rows)
    for text, expected, got in misses:
        print(f"  miss: {expected:32} -> {got:32} {text!r}")
    confused = Counter((e, g) for _, e, g in misses).most_common(5)
    print(f"most confused: {confused}")
    print(f"held-out intent accuracy: {accuracy:.3f} ({len(rows) - len(misses)}/{len(rows)})")
    return 0 if accuracy >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
