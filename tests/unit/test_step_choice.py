"""Choosing a step: energy and mode filters, no repeats, smaller steps, running out."""

from actions.content import Step, load_content
from actions.step_choice import choose_step, fits, read_answer, smaller_energy

ANSWERS = load_content().next_step["answers"]


def step(id_, energy, mode):
    return Step(id=id_, text=id_, energy=energy, mode=mode, strategy="strategy.breaks", why="w")


CATALOGUE = [
    step("call", "some", "online"),
    step("text", "low", "online"),
    step("walk", "more", "in-person"),
    step("list", "low", "either"),
    step("cafe", "some", "in-person"),
]


def test_free_text_answers_are_read():
    assert read_answer("pretty drained today tbh", ANSWERS["energy"]) == "low"
    assert read_answer("not much energy", ANSWERS["energy"]) == "low"
    assert read_answer("I've got a bit of energy", ANSWERS["energy"]) == "some"
    assert read_answer("feeling pretty good actually!", ANSWERS["energy"]) == "more"
    assert read_answer("online is easier", ANSWERS["mode"]) == "online"
    assert read_answer("I'd rather meet face to face", ANSWERS["mode"]) == "in-person"
    assert read_answer("either is fine", ANSWERS["mode"]) == "either"
    assert read_answer("banana", ANSWERS["mode"]) is None
    assert read_answer(None, ANSWERS["mode"]) is None


def test_smaller_energy_steps_down_and_stops_at_low():
    assert smaller_energy("more") == "some"
    assert smaller_energy("some") == "low"
    assert smaller_energy("low") == "low"
    assert smaller_energy(None) == "low"


def test_a_step_fits_lower_energy_and_either_mode():
    assert fits(step("x", "low", "either"), "some", "online")
    assert not fits(step("x", "more", "online"), "some", "online")
    assert not fits(step("x", "low", "in-person"), "low", "online")
    assert fits(step("x", "more", "in-person"), None, None)


def test_the_first_choice_matches_the_stated_energy():
    assert choose_step(CATALOGUE, "some", "online", []).id == "call"


def test_no_step_is_offered_twice_and_exhaustion_returns_none():
    offered = []
    while True:
        chosen = choose_step(CATALOGUE, "some", "online", offered)
        if chosen is None:
            break
        assert chosen.id not in offered
        offered.append(chosen.id)
    assert sorted(offered) == ["call", "list", "text"]


def test_a_smaller_step_uses_less_energy():
    chosen = choose_step(CATALOGUE, smaller_energy("some"), "online", ["call"])
    assert chosen.energy == "low"


def test_the_real_catalogue_never_repeats_within_a_conversation():
    steps = load_content().steps
    offered = []
    for _ in range(len(steps)):
        chosen = choose_step(steps, "more", "either", offered)
        assert chosen is not None and chosen.id not in offered
        offered.append(chosen.id)
    assert choose_step(steps, "more", "either", offered) is None
