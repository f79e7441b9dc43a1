"""A form turns away a message whose intent it ignores before it asks the action server.

Rasa 3.6 predicts an active form before any rule. The form reads the message through its
validation action on the action server, and only rejects it (so that the rules can answer)
when that action extracted nothing. A message whose intent the form's `ignored_intents` lists
(the safety net's intents, "not now", deleting) never fills a slot, but Rasa still asks the
action server; when the action server is down, that call fails, the turn ends in silence and
a crisis message during the step questions was not answered. Here the form rejects such a
message at once, so the rules answer it (the crisis message is a domain response, which
needs no action server). Any other message is validated exactly as in Rasa.
"""

from __future__ import annotations

from functools import wraps
from typing import Any, List, Optional, Text

from rasa.core.actions.action import ActionExecutionRejection
from rasa.core.actions.forms import FormAction
from rasa.shared.constants import IGNORED_INTENTS
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

_rasa_validate = FormAction.validate


def ignored_intent(form: Text, tracker: DialogueStateTracker, domain: Domain) -> Optional[Text]:
    """The latest message's intent when the form ignores it, else None."""
    intent = (tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None
    ignored: List[Text] = domain.forms.get(form, {}).get(IGNORED_INTENTS) or []
    return intent if intent in ignored else None


@wraps(_rasa_validate)
async def validate(self: FormAction, tracker: DialogueStateTracker, domain: Domain, *args: Any):
    """Rasa's validation, after turning away an intent the form ignores."""
    intent = ignored_intent(self.name(), tracker, domain)
    if intent is not None:
        raise ActionExecutionRejection(self.name(), f"the form ignores the intent '{intent}'")
    return await _rasa_validate(self, tracker, domain, *args)


def reject_ignored_intents_first() -> None:
    """Makes every form turn away the intents it ignores without calling the action server."""
    FormAction.validate = validate
