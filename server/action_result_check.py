"""Rasa's check of the action server's replies, with its JSON-schema validator built once.

Rasa 3.6 checks every reply of the action server with `jsonschema.validate()`, which first
checks the schema itself against its meta-schema, on every call: under load, most of a turn's
time in the Rasa server's profile (benchmarks/RESULTS.md). The check below is
the same (same schema, same error, same message), with the validator made once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Text

import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _validator() -> Any:
    """The validator of RemoteAction's reply schema, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    """RemoteAction._validate_action_result, with the cached validator."""
    error = jsonschema.exceptions.best_match(_validator().iter_errors(result))
    if error is not None:
        error.message += (
            f". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def check_action_results_with_one_validator() -> None:
    """Makes every RemoteAction use the cached validator."""
    RemoteAction._validate_action_result = _validate_action_result
