"""One story across the lessons: every opening the course recommends for Ana, and every number it says about
that opening, comes from the same model calls (lesson 05's model through ``running_example_opening``).

The recommended opening is computed once here; each lesson, plan example and calculator must agree with it.
"""

import re

import pytest

from negwidgets.model import (
    NegotiationPlan,
    Party,
    UniformBelief,
    NormalBelief,
    answer_their_opening,
    example_plan,
    first_offer_analysis,
    money,
    opening_sensitivity,
    percent,
    running_example,
    running_example_belief,
    running_example_criteria,
    running_example_opening,
)
from negwidgets.model.criteria import criteria_ladder
from negwidgets.model.money import DOLLAR_MARKUP, a_percent

from .conftest import NOTEBOOKS
from .test_notebooks import lesson_prose, outputs_text, stored

ANA = running_example_opening()
CANDIDATE, EMPLOYER = running_example()
BELIEF = running_example_belief()
ANSWER = answer_their_opening(CANDIDATE, BELIEF, 60_000)


def prose(stem: str) -> str:
    return lesson_prose(NOTEBOOKS / "sources" / f"{stem}.md").replace(DOLLAR_MARKUP, "$")


def outputs(stem: str) -> str:
    return "\n".join(outputs_text(stored(stem)))


def test_anas_opening_is_lesson_05s_best_opening_bounded_by_her_strongest_standard():
    best = first_offer_analysis(CANDIDATE, BELIEF).best_opening
    ladder = criteria_ladder(running_example_criteria(), reservation=70_000, their_limit=BELIEF.mean)
    assert ANA.opening == round(min(best, ladder.ask.value), -2)
    assert ANA.reservation < ANA.opening < ANA.target   # her target is beyond what the risk of no deal allows
    assert ANA.target == CANDIDATE.aspiration


# Amounts in Ana's range that a lesson says she opens with, asks for or answers with.
SAID = re.compile(r"(?:I'm asking for|I'm looking for|I was expecting|open(?:s|ing)? at|opening of|answer, about)"
                  r" (?:about |around )?\$(\d{2},\d{3})")


@pytest.mark.parametrize("stem", ["05_first_offers", "06_focal_points", "08_negotiation_dance", "12_closing_and_your_plan"])
def test_no_lesson_recommends_another_opening_for_ana(stem):
    allowed = {ANA.opening, ANSWER.counter, ANA.target}  # the target only as the draft's mistake (lesson 12)
    said = {float(m.replace(",", "")) for m in SAID.findall(prose(stem))}
    said = {amount for amount in said if 70_000 <= amount <= 100_000}
    assert said <= allowed, f"{stem} recommends {sorted(said - allowed)}; lesson 05's model says {money(ANA.opening)}"


def test_lessons_05_06_and_12_name_the_same_opening():
    assert money(ANA.opening) in prose("05_first_offers") and ANA.describe() in outputs("05_first_offers")
    assert f"I'm looking for {money(ANA.opening)}" in prose("05_first_offers")  # "In a real negotiation"
    assert f"I'm asking for {money(ANA.opening)}" in prose("06_focal_points")
    assert f"at {money(ANA.opening)}" in prose("06_focal_points")
    ready = example_plan("ready")
    assert ready.opening == ANA.opening and ready.check() == []
    assert f"I'm asking for {money(ANA.opening)}" in ready.justification
    assert f"- **Opening:** {DOLLAR_MARKUP}{money(ANA.opening)[1:]}" in outputs("12_closing_and_your_plan")


def test_the_plan_check_agrees_with_lesson_05_on_anas_plans():
    draft = example_plan()
    assert draft.opening == ANA.target
    assert f"ends the talk {percent(ANA.target_impasse)} of the time" in draft.check()[0]
    assert f"{money(ANA.opening)} would risk {percent(ANA.impasse)}" in draft.check()[0]
    assert draft.opening_advice() == ANA   # the plan asks the same question with the same numbers


def test_lesson_05s_claims_about_the_opening_are_computed():
    text = prose("05_first_offers")
    # The sensitivity table: every combination between about $80,000 and $83,500, all below the target.
    bests = [row[2] for row in opening_sensitivity(CANDIDATE, BELIEF)]
    assert 79_500 <= min(bests) and max(bests) <= 83_500 and max(bests) < ANA.target
    assert "between about $80,000 and $83,500" in text
    # Answering their $60,000: the counter the lesson quotes, and "less than half" inside their frame.
    assert f"about {money(ANSWER.counter)}" in text and f"I'm asking for {money(ANSWER.counter)}" in text
    assert ANSWER.describe() in outputs("05_first_offers")
    second = first_offer_analysis(CANDIDATE, BELIEF, their_room=0.25).second
    assert second.in_frame < 0.5 * second.reanchor and "less than half" in text
    # Going second pays only with little knowledge and an opening near their limit.
    rough = first_offer_analysis(CANDIDATE, BELIEF, their_room=0.25)
    vague_near = first_offer_analysis(CANDIDATE, UniformBelief(60_000, 100_000), their_room=0.05, their_room_spread=0.03)
    assert rough.value_of_going_first > 0 > vague_near.value_of_going_first
    # The advisor demo's first answer: "no idea" gives this chance of no deal.
    no_idea = first_offer_analysis(CANDIDATE, NormalBelief(80_000, 12_000), their_room=0.25)
    assert f"({a_percent(no_idea.best_impasse)} chance of no deal)" in text
    # Priya's worked example.
    priya = first_offer_analysis(Party("Priya", 900, 900), NormalBelief(1_100, 150), their_room=0.25)
    assert f"about {money(priya.best_opening)}, with {a_percent(priya.best_impasse)}" in text
    assert priya.value_of_going_first > 0


def test_lesson_12s_examples_are_computed():
    text = prose("12_closing_and_your_plan")
    at_72 = example_plan().replace(opening=ANA.opening, their_reservation=72_000)
    problem = at_72.check()[0]
    advice = at_72.opening_advice()
    risk = re.search(r"ends the talk (\d+%)", problem)[1]
    assert f"ends the talk {risk} of the time" in text
    assert f"{money(advice.opening)} would risk {percent(advice.impasse)}" in text
    amara = NegotiationPlan(wants="more", batna="Run the study alone", batna_value=40_000, reservation=45_000,
                            aspiration=65_000, opening=68_000, their_reservation=60_000, walk_away="I'll run it alone.")
    advice = amara.opening_advice()
    amara_risk = re.search(r"(\d+%)", amara.check()[0])[1]
    assert f"would end the talk {amara_risk}" in text
    assert f"{money(advice.opening)}, with {a_percent(advice.impasse)} chance of no deal" in text
    assert amara.replace(opening=advice.opening).check() == []
    # The closing summary's salary is a deal the employer can pay.
    summary = re.search(r"aligned: \$(\d+,\d{3})", text)[1]
    assert CANDIDATE.reservation <= float(summary.replace(",", "")) <= EMPLOYER.reservation


def test_the_walk_away_lines_keep_the_floor_private_unless_the_lesson_says_why():
    ready = example_plan("ready")
    assert money(ready.reservation) not in ready.walk_away
    assert "I can't accept less than $70,000" in prose("12_closing_and_your_plan")
    assert "Expect them to meet it exactly" in prose("12_closing_and_your_plan")


def test_the_checks_about_anas_opening_use_the_same_numbers():
    from negwidgets.model import question

    range_check = question("lesson05", "range")
    right = next(o.text for o in range_check.options if o.correct)
    assert right == f'"{money(ANA.opening)} to {money(ANA.ceiling)}"'   # bolstering, capped by what she can justify
    assert money(ANA.opening) in range_check.prompt and money(ANA.ceiling) in range_check.prompt
    assert f"{money(ANA.opening)} to {money(ANA.ceiling)}" in prose("05_first_offers")
    respond = question("lesson05", "respond")
    assert f"I'm asking for {money(ANSWER.counter)}" in next(o.text for o in respond.options if o.correct)
    plan_check = question("lesson12", "plan-check")
    right = next(o.text for o in plan_check.options if o.correct)
    assert (f"ends the talk {percent(ANA.target_impasse)} of the time, against {percent(ANA.impasse)} for lesson 05's "
            f"recommended {money(ANA.opening)}") in right
    assert example_plan().opening == ANA.target  # the prompt describes the draft


def test_tomas_opens_where_lesson_05_says_not_at_his_ladders_top():
    from negwidgets.model import advise_opening, expected_outcome, rough_belief

    tomas = Party("Tomás", 800, 1_200)
    advice = advise_opening(tomas, 1_200, rough_belief(1_000), ceiling=1_200)
    at_ladder_top, _ = expected_outcome(tomas, rough_belief(1_000), 1_200)
    text = prose("06_focal_points")
    assert f"open at about {money(advice.opening)}" in text and 0.85 <= at_ladder_top < 0.95   # "nine times in ten"
    assert "nine times in ten" in text and f"opens at {money(advice.opening)}" in text


def test_the_practice_counterpart_and_its_coach_agree_with_lesson_05_on_anas_opening():
    """Lesson 08's practice game tells Ana what lesson 05 does about the employer's limit, so the coach's
    opening for her is Ana's opening, and its answer to a $60,000 opening is lesson 05's answer."""
    from negwidgets.model import PracticeGame, coach
    from negwidgets.model.coaching import recommended_opening

    for seed in (7, 15, 16):  # the lesson's three games
        game = PracticeGame("candidate", seed=seed)
        assert game.belief == BELIEF and BELIEF.describe() in game.brief()
        assert recommended_opening(game.record()) == ANA.opening
    game = PracticeGame("candidate", "Tough", seed=16, you_open=False)
    assert game.standing_offer == 60_000
    assert f"answers $60,000 with {money(ANSWER.counter)}" in coach(game.record()).score("counter").rule
    assert f"opens at {money(ANA.opening)}" in coach(PracticeGame(seed=7).record()).score("opening").rule


def test_anas_salary_a_year_on_is_the_one_she_agreed_in_lesson_12():
    """Lesson 12's close agrees her salary; the raise case and the total-compensation example start from it."""
    from negwidgets.model import example_raise_or_move
    from negwidgets.model.raise_case import example_raise_case

    close = (NOTEBOOKS / "sources/12_closing_and_your_plan.md").read_text()
    agreed = int(re.search(r"aligned: <span>&#36;</span>([\d,]+),", close)[1].replace(",", ""))
    assert example_raise_case().current_salary == example_raise_or_move().current.salary == agreed


def test_sams_offer_is_not_above_the_band_lesson_15_states():
    """Lesson 15: the band for Ana's level stops at $80,000 (as lesson 07 found), so Sam offers at most that,
    and her ask of $83,000 needs the next level, whose band reaches $84,000. The band's top is read from the
    example's data (compensation.yaml), the one place that holds it, and checked against both lessons' words."""
    from negwidgets.data import load
    from negwidgets.model import example_raise_or_move
    from negwidgets.model.raise_case import example_raise_case

    case = load("compensation")
    top, next_top = case["band_top"], case["next_band_top"]

    def stated(pattern: str, text: str) -> float:
        found = re.search(pattern, text)
        assert found, pattern
        return float(found[1].replace(",", ""))

    lesson = prose("15_current_employer")
    assert stated(r"the band for her level stops at \$([\d,]+)", lesson) == top
    assert stated(r"means the next level, whose band reaches \$([\d,]+)", lesson) == next_top
    assert stated(r"the employer's band tops out at \$([\d,]+)", prose("07_joint_fact_finding")) == top
    offered = example_raise_or_move().stay.salary
    assert offered <= top, f"Sam offers {money(offered)}, above the top of her band ({money(top)})"
    assert offered == case["offered_salary"] == top   # the most he can give without a promotion
    assert stated(r"Sam has offered her \$([\d,]+), the top of the pay band for her level", lesson) == offered
    ask = example_raise_case().ask
    assert top < ask <= next_top
    assert f"Her case for {money(ask)} is a case that her work meets the next level's description" in lesson
