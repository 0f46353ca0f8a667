"""Lessons 00 and 12's self-assessment without a browser: rate, save the baseline, rate again, see the change;
the plan builder keeps the baseline when it saves the plan."""

from negwidgets.model import SKILLS, NegotiationPlan, load_baseline, load_plan, save_plan
from negwidgets.widgets import ConfidenceBaseline, ConfidenceRevisit, PlanBuilder
from negwidgets.widgets.controls import Choice


def rate(view, values):
    for control, value in zip(view.scales.values(), values):
        control.value = value


def test_the_scales_are_the_course_s_labelled_1_to_7_choices(tmp_path):
    view = ConfidenceBaseline(tmp_path / "plan.json")
    assert len(view.scales) == len(SKILLS)
    for number, (control, skill) in enumerate(zip(view.scales.values(), SKILLS), start=1):
        assert isinstance(control, Choice) and control.value is None
        assert control.description == f"{number}. {skill.text}" and control.labels == [str(n) for n in range(1, 8)]
        assert control.names[0] == "1 (not at all confident)" and control.names[-1] == "7 (completely confident)"


def test_saving_the_baseline_needs_every_rating_and_then_keeps_it(tmp_path):
    path = tmp_path / "plan.json"
    view = ConfidenceBaseline(path)
    rate(view, [3, 4, None, 2, 5, 4])
    view.button.click()
    assert "one skill is still unrated" in view.error_text and "Nothing was saved" in view.error_text
    assert not path.exists()
    rate(view, [3, 4, 2, 2, 5, 4])
    view.button.click()
    assert view.error_text == "" and "Saved in plan.json: 3.3 of 7" in view.status_text
    assert load_baseline(path).ratings == tuple(zip([s.key for s in SKILLS], [3, 4, 2, 2, 5, 4]))
    again = ConfidenceBaseline(path)   # coming back to lesson 00: the saved ratings, and a warning
    assert [c.value for c in again.scales.values()] == [3, 4, 2, 2, 5, 4] and "replaces them" in again.status_text


def test_a_damaged_plan_file_is_reported_not_overwritten(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("not a plan")
    view = ConfidenceBaseline(path)
    assert "damaged" in view.error_text
    rate(view, [4] * len(SKILLS))
    view.button.click()
    assert "Nothing was saved" in view.error_text and path.read_text() == "not a plan"
    revisit = ConfidenceRevisit(path)
    assert revisit.baseline is None and "damaged" in revisit.error_text


def test_the_revisit_shows_the_baseline_only_after_every_skill_is_rated(tmp_path):
    path = tmp_path / "plan.json"
    baseline = ConfidenceBaseline(path)
    rate(baseline, [2, 3, 2, 4, 3, 5])
    baseline.button.click()
    revisit = ConfidenceRevisit(path)
    assert revisit.baseline is not None and "Your ratings from lesson 00" in revisit.note.value
    rate(revisit, [6, 5, 5, 4, 5, None])
    assert revisit.result is None and "5 of 6 skills rated" in revisit.table.value
    assert "<table" not in revisit.table.value          # the old ratings do not anchor the new ones
    list(revisit.scales.values())[-1].value = 4
    assert [row.change for row in revisit.result.rows] == [4, 2, 3, 0, 2, -1]
    assert "<caption" in revisit.table.value and "<th scope='col'" in revisit.table.value
    assert "from 3.2 to 4.8 out of 7 (+1.6)" in revisit.result_text


def test_without_a_baseline_the_revisit_still_rates_today(tmp_path):
    revisit = ConfidenceRevisit(tmp_path / "plan.json")
    assert revisit.baseline is None and "No ratings from lesson 00" in revisit.note.value
    rate(revisit, [4] * len(SKILLS))
    assert revisit.result is None and "4.0 of 7 on average" in revisit.table.value


def test_the_plan_builder_keeps_the_baseline_when_it_saves(tmp_path):
    path = tmp_path / "plan.json"
    view = ConfidenceBaseline(path)
    rate(view, [2, 3, 2, 4, 3, 5])
    view.button.click()
    builder = PlanBuilder(path)
    builder.fields["title"].value = "My salary"
    builder.save()
    assert load_plan(path).title == "My salary" and load_baseline(path) is not None
    save_plan(NegotiationPlan(title="Other"), tmp_path / "other.json")
    assert load_baseline(tmp_path / "other.json") is None
