"""The small-next-step conversation over REST, typed and with buttons, from asking for a step
to celebrating it (DESIGN.md, "A small next step")."""

from typing import Dict, List

from actions.content import ENERGY_LEVELS, load_content
from tests.support.replies import new_sender, topics_of
from tests.support.tracker_db import DAY_SECONDS, move_back

STEPS = {s.text: s for s in load_content().steps}
ENERGY_QUESTION = load_content().next_step["questions"]["energy"]["text"]


def step_in(reply: List[Dict]):
    """The catalogue step quoted in a reply."""
    text = " ".join(m.get("text", "") for m in reply)
    found = [s for t, s in STEPS.items() if t in text]
    assert len(found) == 1, reply
    return found[0]


def run_flow(servers, ask, energy, mode, other, smaller, done):
    sender = new_sender()
    assert topics_of(servers.send(sender, ask)) == ["next-step"]
    assert topics_of(servers.send(sender, energy)) == ["next-step"]
    reply = servers.send(sender, mode)
    assert topics_of(reply) == ["next-step"]
    seen = [step_in(reply)]
    for _ in range(3):
        reply = servers.send(sender, other)
        assert topics_of(reply) == ["next-step"]
        seen.append(step_in(reply))
    assert len({s.id for s in seen}) == len(seen)  # never a repeat
    assert all(s.mode in ("online", "either") for s in seen)
    reply = servers.send(sender, smaller)
    smaller_step = step_in(reply)
    assert smaller_step.id not in {s.id for s in seen}
    assert ENERGY_LEVELS.index(smaller_step.energy) <= ENERGY_LEVELS.index("some")
    assert smaller_step.effort < seen[-1].effort
    assert topics_of(servers.send(sender, done)) == ["step.celebrate"]
    return sender


def test_a_typed_conversation_from_asking_to_celebrating(servers):
    run_flow(
        servers,
        "could you give me a small step to try today?",
        "i have a fair bit of energy actually",
        "online is easier for me",
        "something else please",
        "that's too much for me today",
        "i did it!",
    )


def test_the_same_conversation_with_buttons(servers):
    content = load_content().next_step
    energy = content["questions"]["energy"]["buttons"][2]["payload"]  # quite a bit
    mode = content["questions"]["mode"]["buttons"][0]["payload"]  # online
    run_flow(
        servers, "/ask_next_step", energy, mode, "/something_else", "/too_hard", "/report_step_done"
    )


def test_answers_given_once_are_not_asked_again(servers):
    sender = run_flow(
        servers,
        "/ask_next_step",
        "some energy",
        "online",
        "/something_else",
        "/too_hard",
        "/report_step_done",
    )
    reply = servers.send(sender, "give me another small step")
    step_in(reply)  # a step straight away, no question


def test_not_now_ends_the_questions_without_nagging(servers):
    sender = new_sender()
    servers.send(sender, "/ask_next_step")
    assert topics_of(servers.send(sender, "/not_now")) == ["ack"]
    assert topics_of(servers.send(sender, "what are the signs of depression?")) == ["symptoms"]


def test_a_new_session_asks_energy_and_mode_again_and_never_repeats_a_step(servers):
    """Today's energy does not carry over into tomorrow; the steps already offered do."""
    sender = new_sender()
    servers.send(sender, "/ask_next_step")
    servers.send(sender, "pretty drained")
    first = step_in(servers.send(sender, "online"))
    move_back(servers.tracker_db, sender, DAY_SECONDS)  # the same person, a day later
    assert servers.send(sender, "/ask_next_step")[0]["text"] == ENERGY_QUESTION
    servers.send(sender, "pretty drained")
    assert step_in(servers.send(sender, "online")).id != first.id


def test_the_answers_come_in_any_order_and_a_question_in_between_is_answered(servers):
    sender = new_sender()
    assert topics_of(servers.send(sender, "give me a small step")) == ["next-step"]
    assert topics_of(servers.send(sender, "not in person")) == ["next-step"]  # mode first
    reply = servers.send(sender, "what are the signs of depression?")
    assert topics_of(reply) == ["symptoms", "next-step"]
    assert [m["text"] for m in reply if m.get("text")][-1] == ENERGY_QUESTION  # it comes back
    step = step_in(servers.send(sender, "not bad today"))
    assert step.mode in ("online", "either")
