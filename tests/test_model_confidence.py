"""The confidence self-assessment (lessons 00 and 12): ratings checked with a sentence, the change computed
skill by skill, and the baseline kept in the plan file without touching the rest of the plan."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negwidgets.model import (SKILLS, NegotiationPlan, PlanFileError, compare_confidence, load_baseline, load_plan,
                              save_baseline, save_plan, self_assessment)
from negwidgets.model.confidence import SelfAssessment
from negwidgets.model.plan import PLAN_FIELDS

KEYS = [skill.key for skill in SKILLS]


def ratings(*values):
    return self_assessment(dict(zip(KEYS, values)))


def test_the_skills_are_the_ones_the_course_teaches_a_few_and_unique():
    assert 4 <= len(SKILLS) <= 8 and len(set(KEYS)) == len(KEYS)
    assert all(skill.text.startswith("I ") and skill.text.endswith(".") and "lesson" in skill.lessons for skill in SKILLS)


@pytest.mark.parametrize("bad, message", [
    (0, r"from 1 \(not at all confident\) to 7"), (8, "not 8"), (3.5, "whole number"), (True, "whole number"),
    ("4", "whole number"), (float("nan"), "whole number"),
])
def test_a_bad_rating_gets_a_sentence(bad, message):
    answers = {**dict(zip(KEYS, [4] * len(KEYS))), "walk-away": bad}
    with pytest.raises(ValueError, match=message):
        self_assessment(answers)


def test_missing_unknown_and_repeated_skills_are_explained():
    with pytest.raises(ValueError, match=r"Rate every skill first: one skill is still unrated \(“I can close"):
        self_assessment({**dict(zip(KEYS, [4] * len(KEYS))), "close": None})
    with pytest.raises(ValueError, match="no skill called 'charm'"):
        self_assessment({**dict(zip(KEYS, [4] * len(KEYS))), "charm": 5})
    with pytest.raises(ValueError, match="rated twice"):
        SelfAssessment((("walk-away", 3),) * 2 + tuple((k, 4) for k in KEYS[1:]))


def test_ratings_are_kept_in_the_course_order_as_whole_numbers():
    shuffled = tuple((k, 7.0 - n) for n, k in reversed(list(enumerate(KEYS))))
    assessment = SelfAssessment(shuffled)
    assert [k for k, _ in assessment.ratings] == KEYS
    assert all(type(v) is int for _, v in assessment.ratings)


def test_the_change_is_computed_skill_by_skill_and_described():
    start, end = ratings(2, 3, 2, 4, 3, 5), ratings(6, 5, 5, 4, 5, 4)
    change = compare_confidence(start, end)
    assert [row.change for row in change.rows] == [4, 2, 3, 0, 2, -1]
    assert change.before == pytest.approx(19 / 6) and change.now == pytest.approx(29 / 6)
    text = change.describe()
    assert "from 3.2 to 4.8 out of 7 (+1.6)" in text   # the change of the numbers shown, not +1.7
    assert "rose on 4 of 6 skills, most on \"I know the worst deal" in text and "It fell on 1" in text
    assert "rose on none" in compare_confidence(end, end).describe()


@given(st.lists(st.integers(1, 7), min_size=len(KEYS), max_size=len(KEYS)),
       st.lists(st.integers(1, 7), min_size=len(KEYS), max_size=len(KEYS)))
def test_the_changes_add_up_to_the_change_of_the_means(before, after):
    change = compare_confidence(ratings(*before), ratings(*after))
    assert sum(row.change for row in change.rows) / len(KEYS) == pytest.approx(change.change)
    assert change.describe().startswith("On average your confidence went from")


# -- the baseline in the plan file ----------------------------------------------------------------------------

def test_the_plan_has_a_baseline_field_that_survives_save_and_load(tmp_path):
    assert "confidence_baseline" in {spec.key for spec in PLAN_FIELDS}
    plan = NegotiationPlan(title="Salary", confidence_baseline=[["close", 5], *[[k, 3] for k in KEYS[:-1]]])
    assert plan.confidence_baseline == tuple((k, 5 if k == "close" else 3) for k in KEYS)
    save_plan(plan, tmp_path / "plan.json")
    assert load_plan(tmp_path / "plan.json") == plan
    assert NegotiationPlan().confidence_baseline == ()
    assert "confidence" not in NegotiationPlan(confidence_baseline=plan.confidence_baseline).sections().__repr__()


@pytest.mark.parametrize("bad, message", [("3333", "list of"), ((("close", 9),), "not 9"), ((("close", 5),), "unrated")])
def test_a_plan_refuses_a_baseline_it_cannot_use(bad, message):
    with pytest.raises(ValueError, match=message):
        NegotiationPlan(confidence_baseline=bad)


def test_saving_a_baseline_starts_a_plan_or_keeps_the_one_there(tmp_path):
    path = tmp_path / "plan.json"
    assert load_baseline(path) is None
    first = ratings(2, 3, 2, 4, 3, 5)
    assert save_baseline(first, path) == path
    assert load_baseline(path) == first and load_plan(path).title == ""
    save_plan(load_plan(path).replace(title="My salary", reservation=70_000), path)
    second = ratings(3, 3, 3, 3, 3, 3)
    save_baseline(second, path)
    plan = load_plan(path)
    assert (plan.title, plan.reservation, load_baseline(path)) == ("My salary", 70_000, second)


def test_a_plan_without_a_baseline_has_none(tmp_path):
    save_plan(NegotiationPlan(title="Salary"), tmp_path / "plan.json")
    assert load_baseline(tmp_path / "plan.json") is None


def test_the_default_plan_file_is_the_one_the_environment_names(tmp_path, monkeypatch):
    monkeypatch.setenv("NEGWIDGETS_PLAN_FILE", str(tmp_path / "scratch.json"))
    save_baseline(ratings(1, 2, 3, 4, 5, 6))
    assert load_baseline(tmp_path / "scratch.json") == ratings(1, 2, 3, 4, 5, 6)


def test_a_damaged_plan_file_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("{ not json")
    with pytest.raises(PlanFileError, match="damaged"):
        load_baseline(path)
    with pytest.raises(PlanFileError, match="left it as it is"):
        save_baseline(ratings(4, 4, 4, 4, 4, 4), path)
    assert path.read_text() == "{ not json"


def test_a_hand_edited_baseline_is_explained(tmp_path):
    path = tmp_path / "plan.json"
    save_baseline(ratings(4, 4, 4, 4, 4, 4), path)
    document = json.loads(path.read_text())
    document["plan"]["confidence_baseline"][0][1] = 12
    path.write_text(json.dumps(document))
    with pytest.raises(PlanFileError, match="cannot take.*not 12"):
        load_baseline(path)
