"""Lesson 11's models: the tactic catalogue and its quiz, and the exploding-offer calculator against a
brute-force reference."""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import (OtherProcess, difficult_tactic, exploding_offer, find_tactics, tactic_catalogue,
                              tactic_questions, tactic_scenarios, tactic_situations)

REQUIRED = ["lying", "exploding-offer", "time-pressure", "lowball", "nibble", "good-cop-bad-cop", "take-it-or-leave-it",
            "limited-authority", "silence", "personal-attack", "false-concession", "moving-deadline"]


def test_the_catalogue_covers_the_tactics_the_course_promises():
    ids = [t.id for t in tactic_catalogue()]
    assert len(ids) >= 12 and len(set(ids)) == len(ids)
    assert set(REQUIRED) <= set(ids)


@pytest.mark.parametrize("item", tactic_catalogue(), ids=lambda t: t.id)
def test_every_tactic_says_how_to_recognise_it_why_it_works_and_what_to_say(item):
    assert item.name and item.signature and item.why_it_works and item.say
    assert len(item.recognise) >= 2 and len(item.responses) >= 2
    assert item.situations and set(item.situations) <= set(tactic_situations())
    # Responses protect without torching the relationship: none tells the learner to lie or threaten.
    assert not any(word in " ".join(item.responses).lower() for word in ("lie to", "threaten", "insult"))


def test_every_tactic_has_a_scenario_and_every_scenario_offers_distinct_tactics():
    scenarios = tactic_scenarios()
    assert {s.tactic.id for s in scenarios} == {t.id for t in tactic_catalogue()}
    for scenario in scenarios:
        names = [scenario.tactic.id, *(t.id for t in scenario.confused_with)]
        assert len(names) == len(set(names)) == 4
        assert scenario.situation in tactic_situations()


def test_the_quiz_marks_the_scenarios_tactic_right_and_explains_every_wrong_choice():
    questions = tactic_questions(seed=3)
    assert len(questions) == len(tactic_scenarios())
    for question, scenario in zip(questions, tactic_scenarios()):
        assert scenario.text in question.prompt
        right = question.grade(scenario.tactic.name)
        assert right.correct and scenario.clue in right.message
        for tactic in scenario.confused_with:
            wrong = question.grade(tactic.name)
            assert not wrong.correct
            assert tactic.signature in wrong.message and scenario.tactic.name.lower() in wrong.message


def test_the_quiz_draws_a_sample_in_an_order_set_by_the_seed():
    assert [q.prompt for q in tactic_questions(seed=1, count=5)] == [q.prompt for q in tactic_questions(seed=1, count=5)]
    orders = {tuple(o.text for o in tactic_questions(seed=seed)[0].options) for seed in range(20)}
    assert len(orders) > 1
    salary = tactic_questions(situation="salary")
    assert salary and all(s.situation == "salary" for s in tactic_scenarios() if f"tactic-{s.id}" in {q.id for q in salary})


@pytest.mark.parametrize("item", tactic_catalogue(), ids=lambda t: t.id)
def test_every_tactic_is_found_by_its_name_and_its_sentence(item):
    assert item in find_tactics(item.name.upper())
    assert item in find_tactics(item.say[:30])


def test_search_and_filter():
    assert find_tactics() == list(tactic_catalogue())
    for key, label in tactic_situations().items():
        expected = [t for t in tactic_catalogue() if key in t.situations]
        assert find_tactics("", key) == find_tactics("", label) == expected
    assert find_tactics("zzz-not-a-word") == []
    # Every word must appear; the whole phrase in a tactic's name or aliases ranks first.
    found = find_tactics("final offer")
    assert found[0].id == "take-it-or-leave-it"
    assert all("final" in t.text and "offer" in t.text for t in found)
    assert {t.id for t in find_tactics("Deadline")[:2]} == {"exploding-offer", "moving-deadline"}


@pytest.mark.parametrize("call, message", [
    (lambda: find_tactics("x" * 201), "at most 200 characters"),
    (lambda: find_tactics(42), "as text"),
    (lambda: find_tactics("", "weddings"), "no situation called 'weddings'"),
    (lambda: difficult_tactic("bluster"), "no tactic called 'bluster'"),
    (lambda: tactic_questions(count=0), "whole number of questions"),
    (lambda: tactic_questions(situation="weddings"), "no situation called"),
])
def test_bad_requests_get_a_sentence(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# -- exploding offers ---------------------------------------------------------------------------------------

def reference_value_of_deciding_on(offer, batna, processes, day):
    """Brute force: list every joint outcome; on ``day`` you know the finished processes' outcomes and
    choose the offer or the conditional expectation of the best of everything else."""
    outcomes = list(itertools.product((True, False), repeat=len(processes)))
    chance = {o: math.prod(p.chance if won else 1 - p.chance for p, won in zip(processes, o)) for o in outcomes}
    best = {o: max([batna, *(p.value for p, won in zip(processes, o) if won)]) for o in outcomes}
    known = [i for i, p in enumerate(processes) if p.day <= day]
    total = 0.0
    for seen in itertools.product((True, False), repeat=len(known)):
        group = [o for o in outcomes if all(o[i] == s for i, s in zip(known, seen))]
        weight = sum(chance[o] for o in group)
        if weight == 0:
            continue
        rest = sum(chance[o] * best[o] for o in group) / weight
        total += weight * max(offer, rest)
    return total


process_lists = st.lists(
    st.builds(OtherProcess, name=st.sampled_from(["A", "B", "C"]), chance=st.floats(0, 1),
              value=st.floats(30_000, 120_000), day=st.integers(1, 30)),
    max_size=5,
)


@settings(max_examples=150, deadline=None)
@given(offer=st.floats(30_000, 120_000), batna=st.floats(0, 100_000), processes=process_lists,
       deadline=st.integers(0, 20), extension=st.integers(0, 20), granted=st.floats(0, 1), withdrawn=st.floats(0, 1))
def test_each_strategy_matches_the_brute_force_reference(offer, batna, processes, deadline, extension, granted, withdrawn):
    withdrawn = withdrawn * (1 - granted)
    d = exploding_offer(offer, deadline, processes, batna, extension_days=extension, granted=granted, withdrawn=withdrawn)
    at_deadline = reference_value_of_deciding_on(offer, batna, processes, deadline)
    extended = reference_value_of_deciding_on(offer, batna, processes, deadline + extension)
    expire = reference_value_of_deciding_on(-math.inf, batna, processes, math.inf)
    assert d.at_deadline == pytest.approx(at_deadline, rel=1e-9)
    assert d.with_extension == pytest.approx(extended, rel=1e-9)
    assert d.let_expire == pytest.approx(expire, rel=1e-9)
    assert d.ask_for_extension == pytest.approx(granted * extended + withdrawn * expire
                                                + (1 - granted - withdrawn) * at_deadline, rel=1e-9)
    # Keeping both choices open and learning is never worse than either choice made blind.
    assert d.at_deadline >= max(d.accept_now, d.let_expire) - 1e-6
    assert d.with_extension >= d.at_deadline - 1e-6
    assert d.strategies[d.best] == pytest.approx(max(d.strategies.values()), abs=1e-5)


@settings(max_examples=60, deadline=None)
@given(offer=st.floats(30_000, 120_000), batna=st.floats(0, 100_000), processes=process_lists)
def test_the_value_of_deciding_grows_with_every_day_of_news(offer, batna, processes):
    d = exploding_offer(offer, 0, processes, batna)
    values = [d.value_of_deciding_on(day) for day in range(0, 32)]
    assert all(later >= earlier - 1e-6 for earlier, later in zip(values, values[1:]))
    assert d.value_of_deciding_on(0) == pytest.approx(max(offer, d.let_expire)) or not processes


def test_an_extension_that_brings_no_news_is_not_worth_asking_for():
    d = exploding_offer(72_000, 10, [("Firm C", 0.3, 74_000, 5)], batna=58_000, granted=0.9, withdrawn=0.05)
    assert d.with_extension == d.at_deadline and d.break_even_withdrawal is None
    assert d.best == "Decide at the deadline"
    assert "tell you nothing new" in d.describe()


def test_the_break_even_withdrawal_chance_makes_asking_worth_the_same_as_not_asking():
    base = exploding_offer(70_000, 3, [("The employer", 0.5, 80_000, 10)], batna=50_000, granted=0.3)
    threshold = base.break_even_withdrawal
    assert threshold == pytest.approx(0.3)  # gain 0.3 × $5,000 against a loss of $5,000
    even = exploding_offer(70_000, 3, [("The employer", 0.5, 80_000, 10)], batna=50_000, granted=0.3, withdrawn=threshold)
    assert even.ask_for_extension == pytest.approx(even.at_deadline)
    assert f"stays below {round(threshold * 100)}%" in base.describe()


@pytest.mark.parametrize("call, message", [
    (lambda: exploding_offer(0, 3, []), "must be worth more than \\$0"),
    (lambda: exploding_offer(70_000, 2.5, []), "whole number of days"),
    (lambda: exploding_offer(70_000, -1, []), "whole number of days"),
    (lambda: exploding_offer(70_000, 3, [("X", 0.5, 70_000, 0)]), "above 0 and at most 365"),
    (lambda: exploding_offer(70_000, 3, [("X", -0.1, 70_000, 5)]), "from 0% to 100%"),
    (lambda: exploding_offer(70_000, 3, [("", 0.5, -5, 5)]), "another process must be above \\$0"),
    (lambda: exploding_offer(70_000, 3, [("X", 0.5, 70_000, 5)] * 11), "at most 10 other processes"),
    (lambda: exploding_offer(70_000, 3, [], granted=0.8, withdrawn=0.3), "more than 100% of the time"),
    (lambda: exploding_offer(70_000, 3, [], batna=float("nan")), "Your BATNA is not a number"),
    (lambda: exploding_offer(70_000, 3, [], extension_days=400), "whole number of days from 0 to 365"),
])
def test_bad_exploding_offer_input_gets_a_sentence(call, message):
    with pytest.raises(ValueError, match=message):
        call()
