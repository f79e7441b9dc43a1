"""The safety net on a labelled set: what it catches by kind, its false alarms, every miss.

Usage:
  python -m tests.crisis.evaluate               the whole corpus of tests/crisis
  python -m tests.crisis.evaluate --blind FILE  a blind round ({crisis: [{text, kind, tier,
                                                lang}], ordinary: [{text, kind}]}), as
                                                tests/crisis/rounds.md reports it
Exits 1 on any miss or false alarm.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

import yaml

from components.crisis_detector import CrisisDetector
from components.crisis_likeness import corpus_cases
from components.safety_matcher import Finding, SafetyMatcher


def load(path: Path) -> Dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def blind_cases(path: Path) -> Tuple[List[Tuple[str, str, int]], List[Tuple[str, str]]]:
    data = load(path)
    return (
        [(c["kind"], c["text"], c["tier"]) for c in data["crisis"]],
        [(o["kind"], o["text"]) for o in data["ordinary"]],
    )


def report(
    matcher: SafetyMatcher,
    crisis: Iterable[Tuple[str, str, int]],
    ordinary: Iterable[Tuple[str, str]],
    strict_tiers: bool,
) -> int:
    """Prints the table; returns the number of misses and false alarms."""
    caught: Counter = Counter()
    first_tier: Counter = Counter()
    total: Counter = Counter()
    problems: List[str] = []
    for kind, text, tier in crisis:
        finding = matcher.match(text)
        total[kind] += 1
        caught[kind] += finding is not None
        first_tier[kind] += finding is not None and finding.tier == 1
        if finding is None or (strict_tiers and finding.tier > tier):
            problems.append(f"MISS (tier {tier})   [{kind}] {text}  -> {finding}")
    alarms: Counter = Counter()
    checked = 0
    for kind, text in ordinary:
        checked += 1
        finding: Finding = matcher.match(text)
        if finding:
            alarms[finding.tier] += 1
            problems.append(f"ALARM (tier {finding.tier}) [{kind}] {text}  ({finding.group})")
    print(f"{'kind':28} {'caught':>9} {'tier 1':>7}")
    for kind in total:
        print(f"{kind:28} {caught[kind]:4}/{total[kind]:<4} {first_tier[kind]:7}")
    n, c = sum(total.values()), sum(caught.values())
    print(f"caught by tier 1 or 2: {c}/{n} = {c / n:.3f}")
    print(
        f"ordinary messages flagged: tier 1 {alarms[1]}/{checked} = {alarms[1] / checked:.3f}, "
        f"tier 2 {alarms[2]}/{checked} = {alarms[2] / checked:.3f}"
    )
    for problem in problems:
        print(problem)
    return len(problems)


def main(argv: List[str]) -> int:
    matcher = SafetyMatcher.load(Path(CrisisDetector.get_default_config()["spacy_pipeline"]))
    if argv[:1] == ["--blind"] and len(argv) == 2:
        return 1 if report(matcher, *blind_cases(Path(argv[1])), strict_tiers=False) else 0
    if argv:
        print(__doc__)
        return 2
    return 1 if report(matcher, *corpus_cases(), strict_tiers=True) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
