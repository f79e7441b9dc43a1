"""The intent classifier saved as plain arrays predicts exactly what it predicted when trained."""

from __future__ import annotations

from pathlib import Path
from typing import List

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix

from components.intent_classifier import LinearIntentClassifier

CONFIG = {"solver": "liblinear", "random_state": 42}
INTENTS = ["greet", "thanks", "goodbye"]


def message(intent: str, features: List[float]) -> Message:
    """A message as the featurizers leave it: sentence-level sparse counts."""
    result = Message(data={TEXT: f"{intent} text", INTENT: intent})
    result.add_features(Features(csr_matrix([features]), FEATURE_TYPE_SENTENCE, TEXT, "counts"))
    return result


def examples(seed: int) -> List[Message]:
    """Each intent lights up its own feature, plus noise on the others."""
    rng = np.random.default_rng(seed)
    return [
        message(intent, [3.0 * (i == k) + rng.random() for k in range(len(INTENTS))])
        for i, intent in enumerate(INTENTS)
        for _ in range(10)
    ]


def rankings(messages: List[Message]) -> List[List]:
    return [[(r["name"], r["confidence"]) for r in m.get("intent_ranking")] for m in messages]


@pytest.fixture()
def storage(tmp_path: Path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


def make(storage: LocalModelStorage, load: bool = False) -> LinearIntentClassifier:
    context = ExecutionContext(GraphSchema({}), "test")
    factory = LinearIntentClassifier.load if load else LinearIntentClassifier.create
    return factory(CONFIG, storage, Resource("classifier"), context)


def test_a_loaded_classifier_ranks_exactly_as_the_trained_one(storage):
    trained = make(storage)
    trained.train(TrainingData(examples(seed=1)))
    unseen_by_trained, unseen_by_loaded = examples(seed=2), examples(seed=2)
    trained.process(unseen_by_trained)
    make(storage, load=True).process(unseen_by_loaded)
    assert rankings(unseen_by_loaded) == rankings(unseen_by_trained)
    assert [m.get("intent")["name"] for m in unseen_by_loaded] == [
        m.get(INTENT) for m in examples(seed=2)
    ]


def test_the_saved_model_holds_arrays_only(storage):
    make(storage).train(TrainingData(examples(seed=1)))
    with storage.read_from(Resource("classifier")) as model_dir:
        assert sorted(p.name for p in model_dir.iterdir()) == ["classifier.npz"]
        with np.load(model_dir / "classifier.npz", allow_pickle=False) as arrays:
            assert set(arrays.files) == {"coef_", "intercept_", "classes_"}
            assert list(arrays["classes_"]) == sorted(INTENTS)
