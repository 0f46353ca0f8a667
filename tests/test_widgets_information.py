"""The value-of-information explorer without a browser: the party and aim controls, the figure and text against
an independent model call, the slider's range worked out from the points themselves, re-ranged with the side,
and a side with no proposal worth making explained beside the controls while the last result stays."""

import html
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import ScoringSystem, job_offer_case, value_of_information
from negwidgets.widgets import InformationExplorer

CASE = job_offer_case()


def best_score(system, side):
    """The most any package gives ``side``: the best option of every issue, added up (no frontier needed)."""
    return sum(max(points[side] for points in issue.points) for issue in system.issues)


def shown_bars(explorer):
    """The heights of the bars as drawn: (yours, theirs, left on the table) for each state of knowledge."""
    return [tuple(bar.get_height() for bar in group) for group in explorer.chart.bars]


def model_bars(result):
    return [(p.your_points, p.their_points, p.left_on_table) for p in result.proposals]


def test_it_starts_as_ana_halfway_between_her_batna_and_her_best():
    explorer = InformationExplorer()
    batna, best = CASE.batnas[0], best_score(CASE, 0)
    assert (explorer.aim.min, explorer.aim.max) == (math.floor(batna) + 1, best) == (31, 100)
    assert explorer.aim.value == math.ceil((batna + best) / 2) == 65
    assert explorer.party.value == 0 and [label for label, _ in explorer.party.options] == ["Ana", "The employer"]
    expected = value_of_information(CASE, 0, 65)
    assert explorer.result == expected and explorer.result_text == expected.describe()
    assert explorer.error_text == ""
    # The text under the controls: the model's sentences, one item per state of knowledge.
    for proposal in expected.proposals:
        assert f"<li>{html.escape(proposal.describe())}</li>" in explorer.summary.value
    # The figure: the bars are the model's numbers, refused proposals none, their BATNA under their bars.
    assert shown_bars(explorer) == model_bars(expected) == [(66, 60, 7), (65, 41, 27), (66, 60, 7), (67, 63, 3),
                                                            (68, 65, 0)]
    assert set(explorer.chart.batna.get_ydata()[::3]) == {CASE.batnas[1]}
    assert [t.get_text() for t in explorer.chart.verdicts] == [""] * 5
    # The headline tells what this aim shows, the dip included: knowing only the issues' order costs here.
    title = explorer.chart.title.get_text()
    assert title.startswith("Joint points left on the table: 7 on the fixed-pie guess, none knowing their full")
    assert "knowing only which issues matter most leaves 27" in title
    assert explorer.caption_text == explorer.image.caption
    assert "Dashes across the employer's bars mark the employer's BATNA at 25 points." in explorer.caption_text
    assert explorer.image.value[:8] == b"\x89PNG\r\n\x1a\n"


def test_moving_the_aim_follows_the_model_and_updates_one_figure_in_place():
    explorer = InformationExplorer()
    figure, image, first = explorer.chart.figure, explorer.image, explorer.image.value
    for aim in (31, 50, 80, 100):
        explorer.aim.value = aim
        expected = value_of_information(CASE, 0, aim)
        assert explorer.result == expected
        assert shown_bars(explorer) == model_bars(expected)
        assert explorer.summary.value.count("<li>") == 5
        assert f"at least {aim} points" in explorer.caption_text
    assert explorer.chart.figure is figure and explorer.image is image and image.value != first
    assert explorer.chart.figure.axes == [explorer.chart.ax]   # updated, never a second axes drawn beside it
    # At the lowest aim every step to more knowledge leaves less on the table, and the headline says so.
    explorer.aim.value = 31
    left = [p.left_on_table for p in explorer.result.proposals]
    assert left == sorted(left, reverse=True)
    assert explorer.chart.title.get_text().endswith("The more Ana knows of the employer's points, the less is left "
                                                    "on the table")


def test_changing_side_re_ranges_the_aim_and_relabels_the_figure():
    explorer = InformationExplorer(aim=90)
    explorer.party.value = 1
    batna, best = CASE.batnas[1], best_score(CASE, 1)
    assert (explorer.aim.min, explorer.aim.max, explorer.aim.value) == (26, best, math.ceil((batna + best) / 2))
    expected = value_of_information(CASE, 1, 63)
    assert explorer.result == expected and shown_bars(explorer) == model_bars(expected)
    assert explorer.chart.ax.get_xlabel() == "What the employer knows about Ana's points"
    legend = [t.get_text() for t in explorer.chart.ax.get_legend().get_texts()]
    assert legend[0] == "The employer's points (you)" and legend[1] == "Ana's points"
    assert set(explorer.chart.batna.get_ydata()[::3]) == {CASE.batnas[0]}
    explorer.party.value = 0
    assert (explorer.aim.min, explorer.aim.max, explorer.aim.value) == (31, 100, 65)
    assert explorer.result == value_of_information(CASE, 0, 65)


def test_switching_sides_back_and_forth_shows_the_picture_of_an_explorer_made_for_that_side():
    # The chart keeps its bars, numbers and legend across a change of side and changes only their words and
    # heights: every picture must be that of a new explorer made for the side and aim shown.
    explorer = InformationExplorer()
    for step in range(5):
        explorer.party.value = 1 - explorer.party.value
        if step % 2:
            explorer.aim.value = explorer.aim.max
        fresh = InformationExplorer(side=explorer.party.value, aim=explorer.aim.value)
        assert explorer.caption_text == fresh.caption_text, step
        assert explorer.image.value == fresh.image.value, step


@given(side=st.sampled_from([0, 1]), aim=st.integers(0, 100))
@settings(max_examples=25, deadline=None)
def test_any_aim_the_slider_holds_shows_the_models_proposals(side, aim):
    explorer = InformationExplorer(side=side)
    explorer.aim.value = aim   # clamped into the slider's range, as a learner's drag is
    held = explorer.aim.value
    assert CASE.batnas[side] < held <= best_score(CASE, side)
    expected = value_of_information(CASE, side, held)
    assert explorer.result == expected and explorer.error_text == ""
    assert shown_bars(explorer) == model_bars(expected)


def test_an_aim_outside_the_range_is_explained_and_the_slider_says_where_it_is():
    explorer = InformationExplorer(aim=20)
    with pytest.raises(ValueError) as raised:
        value_of_information(CASE, 0, 20)
    assert explorer.error_text == f"{raised.value} The slider is set to 31 instead."
    assert "role='alert'" in explorer.error.value and explorer.result == value_of_information(CASE, 0, 31)
    # A half point is kept as given, and read out with its decimal.
    half = InformationExplorer(side=1, aim=62.5)
    assert half.result == value_of_information(CASE, 1, 62.5) and half.aim.readout == "62.5" and half.error_text == ""


def test_a_side_with_no_proposal_worth_making_is_explained_and_the_last_result_kept():
    # The employer's BATNA is worth more than any package gives it: switching to the employer has nothing to propose.
    system = ScoringSystem(CASE.issues, CASE.parties, (30, best_score(CASE, 1)))
    explorer = InformationExplorer(system)
    good, picture, bars = explorer.result, explorer.image.value, shown_bars(explorer)
    assert good == value_of_information(system, 0, 65) and explorer.error_text == ""
    explorer.party.value = 1
    with pytest.raises(ValueError) as raised:
        value_of_information(system, 1, explorer.aim.value)
    assert str(raised.value).startswith("No package gives the employer more than the employer's BATNA")
    assert explorer.error_text == f"{raised.value}"
    assert "The result below is for the last numbers that worked." in explorer.error.value
    assert explorer.result is good and explorer.image.value == picture and shown_bars(explorer) == bars
    explorer.party.value = 0
    assert explorer.error_text == "" and explorer.error.value == "" and explorer.result == good


def test_refused_proposals_are_marked_and_the_headline_says_when_nothing_would_be_accepted():
    system = ScoringSystem(CASE.issues, CASE.parties, (30, 62))
    explorer = InformationExplorer(system, aim=65)
    acceptance = [p.acceptance for p in explorer.result.proposals]
    assert acceptance == [0, 0, 0, 1, 1]
    assert [t.get_text() for t in explorer.chart.verdicts] == ["refused"] * 3 + ["", ""]
    assert [group[1].get_hatch() or "" for group in explorer.chart.bars] == ["xx"] * 3 + ["", ""]
    assert explorer.caption_text.count("(the employer would refuse)") == 3
    explorer.aim.value = 80
    # With their full points the proposal gives them the most any package worth 80 to Ana can; refused, then
    # no such package beats their BATNA: checked here over every package, not taken from the model.
    scores = system.all_scores()
    assert not any(theirs > 62 for mine, theirs in scores if mine >= 80)
    assert explorer.chart.title.get_text().endswith("No package worth at least 80 to Ana beats the employer's BATNA")


def test_the_view_is_labelled_for_screen_readers():
    explorer = InformationExplorer()
    assert explorer.party.description == "You are" and explorer.aim.description == "Your aim (points)"
    assert explorer.image.caption.startswith("Bar chart of what Ana proposes aiming for at least 65 points")
    assert "\n" not in explorer.image.caption


def test_packages_alike_that_they_would_partly_accept_are_averaged_and_said_so():
    # Aiming for 94, the fixed-pie guess cannot tell three packages apart; the employer (BATNA 24) takes two.
    system = ScoringSystem(CASE.issues, CASE.parties, (30, 24))
    explorer = InformationExplorer(system, aim=94)
    guess = explorer.result.proposals[0]
    assert guess.alike == 3 and guess.acceptance == pytest.approx(2 / 3)
    assert explorer.chart.verdicts[0].get_text() == "67% accepted" and explorer.chart.verdicts[0].get_visible()
    assert explorer.chart.values[0][1].get_text() == f"{round(guess.their_points, 1):g}"
    assert "(the employer would accept 67% of the packages alike)" in explorer.caption_text
    assert guess.describe() in explorer.result_text
