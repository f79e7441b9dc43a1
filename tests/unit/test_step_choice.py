"""Reading answers and choosing a step: free text in any order with negation, energy and mode
filters, no repeats, smaller steps by effort, no contact needed, running out."""

import pytest

from actions.content import Step, load_content
from actions.step_choice import (
    choose_step,
    fits,
    is_question,
    larger_energy,
    read_answer,
    read_answers,
    says,
    smaller_energy,
)

NEXT_STEP = load_content().next_step
ANSWERS = NEXT_STEP["answers"]
WHEN_ASKED = NEXT_STEP["answers_when_asked"]


def step(id_, energy, mode, needs="nothing", effort=2):
    return Step(
        id=id_,
        text=id_,
        energy=energy,
        mode=mode,
        needs=needs,
        effort=effort,
        strategy="strategy.breaks",
        why="w",
    )


CATALOGUE = [
    step("call", "some", "online", "contact", 3),
    step("text", "low", "online", "contact", 2),
    step("walk", "more", "in-person", "contact", 4),
    step("list", "low", "either", "nothing", 1),
    step("cafe", "some", "in-person", "nothing", 3),
    step("pause", "low", "online", "event", 1),
]


def test_free_text_answers_are_read():
    assert read_answer("pretty drained today tbh", ANSWERS["energy"]) == "low"
    assert read_answer("not much energy", ANSWERS["energy"]) == "low"
    assert read_answer("I've got a bit of energy", ANSWERS["energy"]) == "some"
    assert read_answer("quite a bit of energy today", ANSWERS["energy"]) == "more"
    assert read_answer("online is easier", ANSWERS["mode"]) == "online"
    assert read_answer("I'd rather meet face to face", ANSWERS["mode"]) == "in-person"
    assert read_answer("either is fine", ANSWERS["mode"]) == "either"
    assert read_answer("banana", ANSWERS["mode"]) is None
    assert read_answer(None, ANSWERS["mode"]) is None


@pytest.mark.parametrize(
    "text,mode",
    [
        ("not in person", "online"),
        ("i'd rather not in person", "online"),
        ("not online, i'm sick of screens", "in-person"),
        ("in person i guess", "in-person"),
    ],
)
def test_negation_reverses_the_mode(text, mode):
    assert read_answer(text, ANSWERS["mode"]) == mode


@pytest.mark.parametrize(
    "text,asked,found",
    [
        (
            "energy is low but i could do something online",
            "energy",
            {"energy": "low", "mode": "online"},
        ),
        ("online", "energy", {"mode": "online"}),
        ("not bad today", "energy", {"energy": "some"}),
        ("in person is fine", "mode", {"mode": "in-person"}),
        ("in person is ok, energy is not bad", "mode", {"energy": "some", "mode": "in-person"}),
        ("online, energy is meh", "energy", {"energy": "low", "mode": "online"}),
        ("energy not great", "energy", {"energy": "low"}),
        ("whatever", "mode", {"mode": "either"}),
        ("whatever", "energy", {}),
        ("i have no friends at all", "energy", {}),
    ],
)
def test_both_answers_are_read_in_any_order(text, asked, found):
    assert read_answers(text, ANSWERS, WHEN_ASKED, asked) == found


def test_a_question_is_told_from_an_answer():
    assert is_question("wait is it ok to decline invitations when im depressed")
    assert is_question("btw can i skip my meds today, they make me so tired")
    assert is_question("actually what are the common signs of depression")
    assert not is_question("im pretty tired today and rather not in person")
    assert not is_question("ok energy is kinda medium")


def test_no_one_to_contact_is_heard():
    phrases = NEXT_STEP["no_contact_phrases"]
    assert says("i have no friends at all", phrases)
    assert says("theres nobody to contact anyway", phrases)
    assert says("i mean literally no one", phrases)
    assert not says("no one ever asks how i am", phrases)


def test_energy_moves_one_level_and_stops_at_the_ends():
    assert smaller_energy("more") == "some"
    assert smaller_energy("some") == "low"
    assert smaller_energy("low") == "low"
    assert smaller_energy(None) == "low"
    assert larger_energy("low") == "some"
    assert larger_energy("some") == "more"
    assert larger_energy("more") == "more"


def test_a_step_fits_lower_energy_either_mode_and_no_contact():
    assert fits(step("x", "low", "either"), "some", "online")
    assert not fits(step("x", "more", "online"), "some", "online")
    assert not fits(step("x", "low", "in-person"), "low", "online")
    assert fits(step("x", "more", "in-person"), None, None)
    assert not fits(step("x", "low", "online", "contact"), "low", "online", no_contact=True)
    assert fits(step("x", "low", "online", "event"), "low", "online", no_contact=True)


def test_the_first_choice_matches_the_stated_energy_and_needs_no_event_first():
    assert choose_step(CATALOGUE, "some", "online", []).id == "call"
    assert choose_step(CATALOGUE, "low", "online", ["text"]).id == "list"


def test_no_step_is_offered_twice_and_exhaustion_returns_none():
    offered = []
    while True:
        chosen = choose_step(CATALOGUE, "some", "online", offered)
        if chosen is None:
            break
        assert chosen.id not in offered
        offered.append(chosen.id)
    assert sorted(offered) == ["call", "list", "pause", "text"]


def test_someone_with_no_one_to_contact_gets_no_step_that_needs_one():
    offered = []
    while True:
        chosen = choose_step(CATALOGUE, "more", "either", offered, no_contact=True)
        if chosen is None:
            break
        assert chosen.needs != "contact"
        offered.append(chosen.id)
    assert sorted(offered) == ["cafe", "list", "pause"]


def test_too_much_gives_a_lower_effort_a_little_smaller_first():
    chosen = choose_step(CATALOGUE, smaller_energy("some"), "online", ["call"], below_effort=3)
    assert chosen.id == "text" and chosen.effort < 3
    assert choose_step(CATALOGUE, "low", "online", ["call", "text"], below_effort=2).effort == 1
    assert choose_step(CATALOGUE, "low", "online", [], below_effort=1) is None


def test_the_real_catalogue_never_repeats_within_a_conversation():
    steps = load_content().steps
    offered = []
    for _ in range(len(steps)):
        chosen = choose_step(steps, "more", "either", offered)
        assert chosen is not None and chosen.id not in offered
        offered.append(chosen.id)
    assert choose_step(steps, "more", "either", offered) is None


def test_the_real_catalogue_has_steps_for_someone_with_no_one_at_every_energy_and_mode():
    steps = load_content().steps
    for energy in ("low", "some", "more"):
        for mode in ("online", "in-person"):
            fitting = [s for s in steps if fits(s, energy, mode, no_contact=True)]
            assert len(fitting) >= 5, (energy, mode)
