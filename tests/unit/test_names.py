"""The names in server/names.py are the ones the domain, the pipeline and the catalogue use."""

from server import names
from tests.support.catalogue import catalogue
from tests.support.paths import load_yaml

DOMAIN = load_yaml("domain.yml")
CONFIG = load_yaml("config.yml")


def test_every_shared_intent_is_in_the_domain():
    intents = {
        names.CRISIS_INTENT,
        names.CRISIS_CHECK_INTENT,
        names.LANGUAGE_UNSUPPORTED_INTENT,
        names.DELETE_INTENT,
        names.CONFIRM_DELETION_INTENT,
    }
    assert intents <= set(DOMAIN["intents"])


def test_every_shared_response_action_and_slot_is_in_the_domain():
    responses = {names.CRISIS_RESPONSE, names.CRISIS_CHECK_RESPONSE, names.CRISIS_LANGUAGE_RESPONSE}
    assert responses <= set(DOMAIN["responses"])
    assert names.DELETE_ACTION in DOMAIN["actions"]
    assert names.LANGUAGE_SLOT in DOMAIN["slots"] and names.LANGUAGE_SLOT in DOMAIN["entities"]


def test_every_shared_topic_is_in_the_catalogue():
    topics = {
        names.CRISIS_TOPIC,
        names.CRISIS_CHECK_TOPIC,
        names.FALLBACK_TOPIC,
        names.NEXT_STEP_TOPIC,
        names.CELEBRATE_TOPIC,
        names.TRIED_TOPIC,
        names.CHECKIN_TOPIC,
        names.ACK_TOPIC,
        names.MEDICAL_TOPIC,
        names.VENT_TOPIC,
        names.PRIVACY_CONFIRM_TOPIC,
        names.PRIVACY_DELETED_TOPIC,
    }
    assert topics <= set(catalogue())


def test_the_pipeline_keeps_the_components_default_names():
    """config.yml could rename an intent for one component only; it must not."""
    for component in CONFIG["pipeline"]:
        for key in ("intent", "check_intent", "unsure_intent", "language_intent"):
            assert key not in component, component
