"""How well the NLU understands: cross-validation on the training data, held-out accuracy."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import List, Tuple

from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from sklearn.metrics import f1_score

from benchmarks.commands import RASA, ROOT, finish, run, start

NLU_DATA = ROOT / "data" / "nlu"
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
CROSS_VALIDATION = "cross-validation"

# The detector sets `crisis` from patterns, never from examples: it has none to score against.
UNSCORED_INTENT = "crisis"


@dataclass
class Scores:
    """Intent accuracy and macro-F1 over the scored examples of one evaluation."""

    accuracy: float
    macro_f1: float
    examples: int


def start_cross_validation(folds: int, work: Path) -> subprocess.Popen:
    """Starts stratified k-fold cross-validation of our pipeline on our NLU data."""
    return start(
        CROSS_VALIDATION,
        [
            RASA,
            "test",
            "nlu",
            "--cross-validation",
            "--folds",
            str(folds),
            "--config",
            str(ROOT / "config.yml"),
            "-u",
            str(NLU_DATA),
            "--out",
            str(work / CROSS_VALIDATION),
            "--no-plot",
            "--successes",
        ],
        work,
    )


def cross_validation_scores(process: subprocess.Popen, work: Path) -> Scores:
    """Waits for the cross-validation and scores its predictions."""
    finish(CROSS_VALIDATION, process, work)
    return scores(work / CROSS_VALIDATION)


def heldout(model: Path, confusion_png: Path, work: Path) -> Scores:
    """Scores the model on the held-out file and keeps its confusion matrix image."""
    out = work / "heldout"
    run(
        "held-out test",
        [
            RASA,
            "test",
            "nlu",
            "-u",
            str(HELDOUT),
            "--model",
            str(model),
            "--out",
            str(out),
            "--successes",
        ],
        work,
    )
    shutil.copyfile(out / "intent_confusion_matrix.png", confusion_png)
    return scores(out)


def scored_examples(data: Path) -> List[Message]:
    """The examples of an NLU file that a test scores: all but the unscored intent's."""
    return [e for e in load_data(str(data)).intent_examples if e.get("intent") != UNSCORED_INTENT]


def scores(out: Path) -> Scores:
    """Scores from the predictions `rasa test nlu` wrote, without the unscored intent.

    Macro-F1 averages over the intents of the test examples only: a label that is only ever
    predicted (like nlu_fallback) is already paid for in the recall of the true intents.
    """
    pairs = [(gold, predicted) for gold, predicted in predictions(out) if gold != UNSCORED_INTENT]
    gold = [g for g, _ in pairs]
    predicted = [p for _, p in pairs]
    labels = sorted(set(gold))
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    macro_f1 = f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)
    return Scores(accuracy, float(macro_f1), len(pairs))


def predictions(out: Path) -> List[Tuple[str, str]]:
    """(true intent, predicted intent) of every test example, right or wrong."""
    rows = []
    for name in ("intent_successes.json", "intent_errors.json"):
        path = out / name
        if path.exists():  # Rasa writes no errors file when there are no errors
            rows += json.loads(path.read_text())
    return [(row["intent"], (row["intent_prediction"] or {}).get("name") or "") for row in rows]
