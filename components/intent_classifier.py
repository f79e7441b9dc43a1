"""Rasa's LogisticRegressionClassifier, saved as plain arrays instead of with skops.

Rasa 3.6 saves the classifier with skops, whose import walks every scikit-learn module:
seconds of every server start. A linear model is three arrays, so this subclass
stores them in an .npz file (no pickle, nothing executable) and rebuilds the estimator from
them; training and prediction are Rasa's own.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, Text

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

logger = logging.getLogger(__name__)

ARRAYS = ("coef_", "intercept_", "classes_")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(LogisticRegressionClassifier):
    """Logistic regression on the featurizers' counts, persisted without skops."""

    def persist(self) -> None:
        """Writes the fitted arrays to the model storage."""
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez(
                model_dir / "classifier.npz", **{name: getattr(self.clf, name) for name in ARRAYS}
            )

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        """Rebuilds the fitted estimator from its arrays; untrained if there are none."""
        component = cls.create(config, model_storage, resource, execution_context)
        try:
            with model_storage.read_from(resource) as model_dir:
                with np.load(model_dir / "classifier.npz", allow_pickle=False) as arrays:
                    for name in ARRAYS:
                        setattr(component.clf, name, arrays[name])
        except (ValueError, FileNotFoundError):
            # Rasa's behaviour for a pipeline trained without intent examples.
            logger.debug(f"No trained classifier in resource '{resource.name}'.")
            return component
        component.clf.n_features_in_ = component.clf.coef_.shape[1]
        return component
