"""Question banks: well formed, graded correctly, and numeric answers agree with the model."""

from pathlib import Path

import pytest

from negwidgets.model import (
    META_ANALYSIS_R,
    Alternative,
    UniformBelief,
    analyse_zone,
    aspiration_from_benchmarks,
    criteria_ladder,
    cost_of_not_negotiating,
    expected_value,
    job_offer_case,
    load_questions,
    svi_scores,
    wait_or_accept,
    nash_bargaining,
    rubinstein_split,
    running_example,
    running_example_criteria,
    unclaimed_value,
    zone_under_uncertainty,
)
from negwidgets.model import Party, example_exploding_offer
from negwidgets.model.quiz import ChoiceQuestion, NumberQuestion

BANKS = sorted(p.stem for p in (Path(__file__).parent.parent / "negwidgets/data/checks").glob("*.yaml"))


@pytest.mark.parametrize("bank", BANKS)
def test_every_bank_loads_with_unique_ids_and_explanations(bank):
    questions = load_questions(bank)
    assert questions, f"{bank} is empty"
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        if isinstance(q, ChoiceQuestion):
            assert len(q.options) >= 3 and all(option.why for option in q.options), q.id
        else:
            assert q.right and q.wrong, q.id


def _answer(bank, qid):
    return next(q for q in load_questions(bank) if q.id == qid).answer


def test_numeric_answers_are_what_the_model_computes():
    candidate, employer = running_example()
    assert _answer("lesson01", "zopa-width") == analyse_zone(candidate, employer).zone.surplus
    plan_b = [Alternative("B", 72_000, 0.5), Alternative("C", 65_000, 0.3), Alternative("Stay", 58_000, 0.2)]
    assert _answer("lesson02", "worked-ev") == pytest.approx(expected_value(plan_b))
    assert _answer("lesson03", "percentile") == pytest.approx(
        aspiration_from_benchmarks({75: 83_000, 90: 89_000}, 80).aspiration)
    assert _answer("lesson03", "unambitious") == unclaimed_value(75_000, 80_000)
    stronger = Party("Candidate", 75_000, 85_000, "more")
    assert _answer("lesson04", "surplus-after") == analyse_zone(stronger, employer).zone.surplus
    assert _answer("lesson04", "uncertain-probability") == pytest.approx(
        zone_under_uncertainty(candidate, UniformBelief(65_000, 85_000)).probability)
    assert _answer("lesson05", "correlation") == META_ANALYSIS_R
    ladder = criteria_ladder(running_example_criteria(), reservation=70_000, their_limit=80_000)
    assert _answer("lesson06", "strongest-ask") == ladder.ask.value
    assert _answer("lesson08", "rubinstein") == pytest.approx(rubinstein_split(70_000, 80_000, 0.9, 0.9).price, abs=0.01)
    assert _answer("lesson08", "nash") == nash_bargaining(70_000, 80_000).price
    case = job_offer_case()
    assert _answer("lesson09", "max-joint") == case.frontier().max_joint
    assert _answer("lesson09", "best-trade") == sum(case.logrolls(case.split_difference())[0].gains)
    assert _answer("lesson09", "reverse") == svi_scores([4] * 4 + [2] + [4] * 11).factors["self"] * 4 - 12
    assert _answer("lesson10", "lifetime") == round(cost_of_not_negotiating(70_000, 75_180, yearly_raise=0.03, years=35).total)
    assert _answer("lesson10", "reservation") == round(wait_or_accept(65_000, 0.25, 64_000, 80_000, 1_250).reservation)
    assert _answer("lesson11", "extension-value") == round(example_exploding_offer().with_extension)


def test_choice_grading():
    q = next(q for q in load_questions("lesson01") if q.id == "reservation")
    right = next(o for o in q.options if o.correct)
    wrong = next(o for o in q.options if not o.correct)
    assert q.grade(right.text).correct and q.grade(right.text).message.startswith("Correct.")
    assert not q.grade(wrong.text).correct and wrong.why in q.grade(wrong.text).message
    with pytest.raises(ValueError, match="Choose one"):
        q.grade("something else")


@pytest.mark.parametrize("typed, correct", [("10000", True), ("$10,000", True), ("10k", True), ("12k", False)])
def test_numeric_grading_reads_money_as_typed(typed, correct):
    q = NumberQuestion("w", "?", 10_000, 0, "money", "right", "wrong")
    assert q.grade(typed).correct is correct


def test_numeric_grading_explains_unreadable_answers():
    with pytest.raises(ValueError, match="could not read"):
        NumberQuestion("w", "?", 10_000, 0, "money").grade("ten thousand")
    with pytest.raises(ValueError, match="could not read"):
        NumberQuestion("n", "?", 3, 0, "number").grade("three")


def test_percent_answers_accept_both_forms():
    q = NumberQuestion("p", "?", 0.75, 0.01, "percent")
    assert q.grade("75%").correct and q.grade("0.75").correct and not q.grade("70%").correct


def test_a_choice_question_needs_exactly_one_right_answer():
    from negwidgets.model.quiz import Option

    with pytest.raises(ValueError, match="exactly one correct"):
        ChoiceQuestion("x", "?", (Option("a", True), Option("b", True)))
