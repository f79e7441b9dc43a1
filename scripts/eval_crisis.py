"""Recall and false-alarm rate of the crisis matcher on the test corpus; lists every miss.

Usage: python scripts/eval_crisis.py [POSITIVES NEGATIVES]   (exit 1 on any miss or alarm)
"""
import sys
import time
from pathlib import Path

import yaml

from components.crisis_detector import CrisisDetector
from components.safety_matcher import SafetyMatcher


def load(path: str) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))["groups"]


def main() -> int:
    positives_file, negatives_file = sys.argv[1:3] or (
        "tests/crisis/positives.yml", "tests/crisis/negatives.yml")
    matcher = SafetyMatcher.load(Path(CrisisDetector.get_default_config()["spacy_pipeline"]))
    started = time.perf_counter()
    total = checked = 0
    print(f"{'group':24} {'messages':>8} {'detected':>8}")
    misses, alarms = [], []
    for group, messages in load(positives_file).items():
        found = [m for m in messages if matcher.match(m)]
        misses += [(group, m) for m in messages if m not in found]
        total += len(messages)
        print(f"{group:24} {len(messages):8} {len(found):8}")
    for group, messages in load(negatives_file).items():
        alarms += [(group, m, matcher.match(m)) for m in messages if matcher.match(m)]
        checked += len(messages)
    per_message = (time.perf_counter() - started) / (total + checked) * 1000
    for group, message in misses:
        print(f"MISS        [{group}] {message}")
    for group, message, pattern_group in alarms:
        print(f"FALSE ALARM [{group}] {message}  (matched {pattern_group})")
    print(f"recall: {1 - len(misses) / total:.3f} ({total - len(misses)}/{total} positives)")
    print(f"false-alarm rate: {len(alarms) / checked:.3f} ({len(alarms)}/{checked} negatives)")
    print(f"time per message: {per_message:.2f} ms")
    return 1 if misses or alarms else 0


if __name__ == "__main__":
    sys.exit(main())
