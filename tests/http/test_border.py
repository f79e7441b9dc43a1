"""The border between the conversation and the safety net over REST, from the one labelled
set both use (tests/crisis/border.yml): a feeling or a medication question without death in
it is answered by the conversation, never by the safety net (which of the conversation's
topics it gets is the classifier's accuracy, measured on held-out sets); with death in it,
the safety net answers, never a feeling."""

from tests.support.paths import load_yaml
from tests.support.replies import new_sender, topics_of

BORDER = load_yaml("tests/crisis/border.yml")
SAFETY_NET = {"crisis", "crisis.check"}


def test_feelings_and_medication_questions_get_the_conversation_not_the_safety_net(servers):
    wrong = []
    for case in BORDER["conversation"]:
        topics = set(topics_of(servers.send(new_sender(), case["text"])))
        if topics & SAFETY_NET or not topics or "fallback" in topics:
            wrong.append((case["text"], case["topics"], sorted(topics)))
    assert wrong == []


def test_with_death_in_them_they_get_the_safety_net(servers):
    wrong = []
    for case in BORDER["safety_net"]:
        topics = topics_of(servers.send(new_sender(), case["text"]))
        expected = {"crisis"} if case["tier"] == 1 else SAFETY_NET
        if not set(topics) & expected or any(t.startswith("feeling.") for t in topics):
            wrong.append((case["text"], topics))
    assert wrong == []
