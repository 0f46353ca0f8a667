"""Lesson 06's criteria ladder driven without a browser."""

import pytest

from negwidgets.model import criteria_ladder, running_example_criteria
from negwidgets.widgets import CriteriaLadder


def test_ladder_starts_on_the_running_example_and_matches_the_model():
    widget = CriteriaLadder()
    expected = criteria_ladder(running_example_criteria(), reservation=70_000, their_limit=80_000)
    assert widget.result.ask == expected.ask
    assert widget.result.sentence == expected.sentence
    assert widget.result_text.startswith("The most your standards support: $83,000, because")
    assert "$83,000" in widget.summary.value
    assert widget.error_text == ""


def test_editing_a_number_or_a_strength_changes_the_ask():
    widget = CriteriaLadder()
    survey = next(row for row in widget.rows if row.name.value.startswith("Salary survey"))
    survey.strength.value = 2  # no longer defensible
    assert widget.result.ask.value == 76_000
    survey.strength.value = 5
    survey.value.value = "$88,000"
    assert widget.result.ask.value == 88_000


def test_moving_the_limits_only_moves_the_zone_not_the_rungs():
    widget = CriteriaLadder()
    background = widget.chart._background
    widget.their_limit.value = 79_000
    assert widget.chart._background is background  # the rungs were not redrawn
    assert "beyond their likely limit" in widget.summary.value


def _keep_one(widget):
    for row in list(widget.rows)[1:]:
        row.remove.click()


@pytest.mark.parametrize(
    "prepare, change, message",
    [
        (lambda w: None, lambda w: setattr(w.rows[0].value, "value", ""), "has no number"),
        (lambda w: None, lambda w: setattr(w.rows[0].value, "value", "a lot"), "could not read 'a lot'"),
        (_keep_one, lambda w: w.rows[0].remove.click(), "The ladder is empty"),
    ],
)
def test_bad_ladders_are_explained_and_the_last_good_result_kept(prepare, change, message):
    widget = CriteriaLadder()
    prepare(widget)
    good = widget.result
    change(widget)
    assert message in widget.error_text and widget.result is good


def test_standards_can_be_added():
    widget = CriteriaLadder()
    widget.table.add_button.click()
    assert "has no number" in widget.error_text
    new = widget.rows[-1]
    new.name.value, new.value.value, new.strength.value = "Union pay scale, top step", "84,500", 5
    assert widget.error_text == "" and widget.result.ask.value == 84_500
