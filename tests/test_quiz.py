"""Question banks: well formed, graded correctly, and numeric answers agree with the model."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

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

ROOT = Path(__file__).parent.parent
BANKS = sorted(p.stem for p in (ROOT / "negwidgets/data/checks").glob("*.yaml"))


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
    from negwidgets.model import repeated_negotiation
    assert _answer("lesson14", "break-even") == repeated_negotiation(gain=3_000).break_even
    from negwidgets.model import example_raise_or_move
    import dataclasses

    from negwidgets.model import raise_or_move
    ana = example_raise_or_move()
    rare = raise_or_move(ana.current, ana.raise_pct, dataclasses.replace(ana.offer, equity_chance=0.10))
    assert _answer("lesson15", "matching-raise") == pytest.approx(round(rare.matching_raise, 3))
    # Sam offers $80,000, the top of her band: $1,000 on her $79,000. The matching raise at 10% is still above
    # it, and the feedback compares the two that way round.
    offered = (80_000 - 79_000) / 79_000
    assert ana.stay.salary == 80_000 and ana.raise_pct == pytest.approx(offered) and rare.matching_raise > offered
    right = next(q for q in load_questions("lesson15") if q.id == "matching-raise").right
    assert right.startswith(f"About {rare.matching_raise:.1%}: still more than the {offered:.1%} Sam offered")
    assert "staying at $80,000" in right and "4%" not in right
    from negwidgets.model import coalition_example

    stronger_pair = dataclasses.replace(coalition_example("website").game, ab=70_000)   # Amara and Bruno: $70,000
    assert _answer("lesson17", "chen-most") == stronger_pair.core().ranges[2][1]
    assert _answer("lesson17", "chen-most") == 90_000 - 70_000   # all three, less what the pair keeps without Chen


def test_choice_grading():
    q = next(q for q in load_questions("lesson01") if q.id == "reservation")
    right = next(o for o in q.options if o.correct)
    wrong = next(o for o in q.options if not o.correct)
    assert q.grade(right.text).correct and q.grade(right.text).message.startswith("Correct.")
    assert not q.grade(wrong.text).correct and wrong.why in q.grade(wrong.text).message
    assert q.grade(wrong.text).message == f"Not quite. Tempting, because {wrong.tempts}; but {wrong.why}"
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


# --- every wrong option is a mistake real negotiators make (docs/authoring.md, "Adding a check") -------------

def _raw_choice_questions():
    """(bank, question) for every multiple-choice question, read from the YAML itself (not through the loader,
    which refuses a bank that breaks the rules: these tests say which question does)."""
    for bank in BANKS:
        for entry in yaml.safe_load((ROOT / f"negwidgets/data/checks/{bank}.yaml").read_text())["questions"]:
            if "options" in entry:
                yield bank, entry


def _choice_questions():
    return [(bank, q) for bank in BANKS for q in load_questions(bank) if isinstance(q, ChoiceQuestion)]


def test_every_wrong_option_says_why_it_tempts_and_why_it_fails():
    """The learner who picks a wrong option reads "Tempting, because <tempts>; but <why>": both parts are
    there, and written to fit that sentence."""
    problems = []
    for bank, entry in _raw_choice_questions():
        for option in entry["options"]:
            where = f"{bank}/{entry['id']}: {option['text'][:40]!r}"
            tempts, why = str(option.get("tempts", "")).strip(), str(option.get("why", "")).strip()
            if option.get("correct"):
                if tempts or not why:
                    problems.append(f"{where}: the right option has a 'why' and no 'tempts'")
                continue
            if not tempts or not why:
                problems.append(f"{where}: a wrong option needs 'tempts' (why it tempts) and 'why' (why it fails)")
                continue
            if not tempts[0].islower() or tempts.endswith(".") or re.match(r"(?i)(tempting|because)\b", tempts):
                problems.append(f"{where}: 'tempts' continues \"Tempting, because ...\": lower case, no full stop")
            if re.match(r"(?i)(but|however|tempting)\b", why) or not why.endswith((".", ".)", '."', ".'")):
                problems.append(f"{where}: 'why' continues \"...; but ...\" and ends a sentence")
    assert not problems, "\n".join(problems)


# What no real negotiator would pick: insults, exits in a huff, exclamations, and the absolute words that
# tell a test-wise reader an option is wrong.
STRAWMAN = re.compile(r"(?i)insult|\bI'?m out\b|stupid|ridiculous|\bgreedy\b|\bliar\b|!|\balways\b|\bnever\b|\bguarantee")


def test_no_option_is_a_strawman_in_form():
    flagged = [f"{bank}/{q.id}: {o.text!r}" for bank, q in _choice_questions() for o in q.options
               if STRAWMAN.search(o.text)]
    assert not flagged, "options a learner rejects without thinking:\n" + "\n".join(flagged)


def test_the_options_of_a_question_are_alike_in_length():
    """A one-line distractor beside a carefully qualified answer gives the answer away."""
    uneven = []
    for bank, q in _choice_questions():
        lengths = [len(o.text) for o in q.options]
        if max(lengths) > 2.5 * min(lengths):
            uneven.append(f"{bank}/{q.id}: {lengths}")
    assert not uneven, "options of very different lengths:\n" + "\n".join(uneven)


def test_the_right_option_is_not_given_away_by_its_length():
    """Across every bank, the right option is the longest about as often as chance would make it."""
    questions = _choice_questions()
    longest = 0
    for _bank, q in questions:
        lengths = [len(o.text) for o in q.options]
        right = next(len(o.text) for o in q.options if o.correct)
        longest += right == max(lengths) and lengths.count(right) == 1
    share = longest / len(questions)
    chance = sum(1 / len(q.options) for _bank, q in questions) / len(questions)
    assert abs(share - chance) <= 0.12, f"the right option is the longest in {share:.0%} of questions (chance: {chance:.0%})"


def test_the_right_option_moves():
    """The right option is first, in the middle and last about equally often, and never always in one place."""
    questions = _choice_questions()
    places = Counter()
    for _bank, q in questions:
        at = next(i for i, o in enumerate(q.options) if o.correct)
        places["first" if at == 0 else "last" if at == len(q.options) - 1 else "middle"] += 1
    for place in ("first", "middle", "last"):
        assert 0.2 <= places[place] / len(questions) <= 0.5, f"the right option's places: {dict(places)}"
    for bank in BANKS:
        spots = [next(i for i, o in enumerate(q.options) if o.correct) for b, q in questions if b == bank]
        assert len(spots) < 3 or len(set(spots)) > 1, f"{bank}: the right option is always option {spots[0] + 1}"


# --- every question is shown, and every check call names a question -----------------------------------

def _calls_in_lessons():
    """(lesson number, bank, ids or None for the whole bank) for every check or quiz call in a lesson's code."""
    import jupytext

    from .pages import CHECK_CALL

    calls = []
    for source in sorted((ROOT / "notebooks/sources").glob("[0-9][0-9]_*.md")):
        code = "\n".join(c.source for c in jupytext.read(source).cells if c.cell_type == "code")
        for _kind, bank, one, several in CHECK_CALL.findall(code):
            ids = [one] if one else re.findall(r"[\w-]+", several) if several else None
            calls.append((source.stem[:2], bank, ids))
    return calls


def test_every_check_call_names_a_question_that_exists():
    missing = []
    for lesson, bank, ids in _calls_in_lessons():
        if bank not in BANKS:
            missing.append(f"lesson {lesson}: no bank {bank!r}")
            continue
        known = {q.id for q in load_questions(bank)}
        missing += [f"lesson {lesson}: no question {i!r} in {bank}" for i in ids or () if i not in known]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("bank", BANKS)
def test_every_question_in_a_bank_is_shown_by_its_lesson(bank):
    lesson = re.match(r"lesson(\d\d)", bank)[1]
    shown = set()
    for number, called, ids in _calls_in_lessons():
        if called == bank:
            assert number == lesson, f"lesson {number} shows {bank}, which belongs to lesson {lesson}"
            shown |= {q.id for q in load_questions(bank)} if ids is None else set(ids)
    unshown = [q.id for q in load_questions(bank) if q.id not in shown]
    assert not unshown, f"{bank}: written but never shown in lesson {lesson}: {unshown}"


def test_a_bank_with_a_wrong_option_that_tempts_nobody_does_not_load(monkeypatch):
    from negwidgets.model import quiz as quiz_module

    bank = {"questions": [{"id": "q", "prompt": "?", "options": [
        {"text": "Right", "correct": True, "why": "Because."},
        {"text": "That's insulting. I'm out.", "why": "it ends the talk."}]}]}
    monkeypatch.setattr("negwidgets.data.load", lambda name: bank)
    with pytest.raises(ValueError, match="needs 'tempts'"):
        quiz_module.load_questions("made-up")


@pytest.mark.parametrize("typed, correct", [("3.0%", True), ("3", True), ("0.03", True), ("3.1", False), ("30%", False)])
def test_a_percentage_is_read_with_or_without_its_sign(typed, correct):
    q = next(q for q in load_questions("lesson15") if q.id == "matching-raise")
    assert q.grade(typed).correct is correct

