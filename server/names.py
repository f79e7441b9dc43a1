"""Names that several layers must agree on: the domain, the NLU components, the channels, the
tracker store and the actions. Each is written here once; the domain and content.yml use the
same strings, and tests/unit/test_names.py checks that they do."""

# The safety net (components/crisis_detector.py) sets these intents; the rules answer them with
# these responses, and so do the channels when a turn cannot run (channels/storage.py).
CRISIS_INTENT = "crisis"
CRISIS_CHECK_INTENT = "crisis_check"
LANGUAGE_UNSUPPORTED_INTENT = "language_unsupported"
CRISIS_RESPONSE = "utter_crisis"
CRISIS_CHECK_RESPONSE = "utter_crisis_check"
# A crisis in another language adds one line in that language, chosen by this slot.
CRISIS_LANGUAGE_RESPONSE = "utter_crisis_language"
LANGUAGE_SLOT = "language"

# Deleting a conversation: the deletion guard (components/deletion_guard.py) turns an unsure
# request into the confirming intent. The delete action only says "deleted"; the tracker store
# (stores/privacy_tracker_store.py) sees it in the turn and deletes instead of saving, so the
# deletion happens even when the reply cannot be sent.
DELETE_INTENT = "delete_conversation"
CONFIRM_DELETION_INTENT = "confirm_deletion"
DELETE_ACTION = "action_delete_conversation"

# Topic ids of the flow (docs/topics.md) that code, not only content, refers to.
CRISIS_TOPIC = "crisis"
CRISIS_CHECK_TOPIC = "crisis.check"
FALLBACK_TOPIC = "fallback"
NEXT_STEP_TOPIC = "next-step"
CELEBRATE_TOPIC = "step.celebrate"
TRIED_TOPIC = "step.tried"
CHECKIN_TOPIC = "step.checkin"
ACK_TOPIC = "ack"
MEDICAL_TOPIC = "medical"
VENT_TOPIC = "feeling.vent"
PRIVACY_CONFIRM_TOPIC = "privacy.confirm"
PRIVACY_DELETED_TOPIC = "privacy.deleted"

# Slots a new session carries over (server/session_carry_over.py): the step someone planned to
# try (asked about in their next session, actions/checkin.py) and the steps already offered.
PLANNED_STEP_SLOT = "planned_step"
OFFERED_STEPS_SLOT = "offered_steps"
CARRIED_OVER_SLOTS = (PLANNED_STEP_SLOT, OFFERED_STEPS_SLOT)
