"""Widgets driven without a browser: set controls, read .result, .result_text and .error_text."""

import ipywidgets
import matplotlib.pyplot as plt
import pytest

from negwidgets.data import load
from negwidgets.model import (
    Alternative,
    NormalBelief,
    Party,
    UniformBelief,
    aspiration_from_benchmarks,
    risk_aversion_from_certainty_equivalent,
    salary_benchmarks,
    value_batna,
    zone_under_uncertainty,
)
from negwidgets.seminar import ResultsStore, make_pack
from negwidgets.widgets import (
    DebriefDashboard,
    ParticipantApp,
    ExplodingOfferCalculator,
    PlanBuilder,
    TacticBrowser,
    tactic_quiz,
    AnchoringSimulator,
    LifetimeEarnings,
    MesoBuilder,
    ScoringTable,
    SubjectiveValueInventory,
    WaitOrAccept,
    ConcessionCurves,
    NegotiationDance,
    PracticeNegotiation,
    AspirationPlanner,
    BatnaCalculator,
    Check,
    CourseMap,
    CriteriaLadder,
    FirstOfferAdvisor,
    OfferForms,
    ZopaExplorer,
    ZopaUnderUncertainty,
    check,
    quiz,
)

PLAN_B = [("Offer from Firm B", 72_000, 0.5), ("Offer from Firm C", 65_000, 0.3), ("Stay", 58_000, 0.2)]


# --- ZOPA explorer ---------------------------------------------------------------------------------

def test_zopa_explorer_starts_on_the_running_example():
    explorer = ZopaExplorer()
    assert (explorer.result.zone.low, explorer.result.zone.high) == (70_000, 80_000)
    assert explorer.result_text.startswith("ZOPA: $70,000 to $80,000")
    assert "$70,000 to $80,000" in explorer.summary.value
    assert explorer.error_text == "" and explorer.error.value == ""
    assert explorer.image.value[:8] == b"\x89PNG\r\n\x1a\n"


def test_moving_a_slider_updates_result_text_and_figure_in_place():
    explorer = ZopaExplorer()
    figure, first_png = explorer.chart.figure, explorer.image.value
    explorer.seller_reservation.value = 75_000
    assert explorer.result.zone.low == 75_000
    assert "surplus $5,000" in explorer.result_text
    assert explorer.chart.figure is figure  # the same figure, updated
    assert explorer.image.value != first_png
    assert "$75k" in explorer.caption_text


def test_no_zone_is_shown_as_such():
    explorer = ZopaExplorer()
    explorer.seller_aspiration.value = 95_000
    explorer.seller_reservation.value = 82_000
    assert explorer.result.zone is None
    assert explorer.result_text.startswith("No zone")
    assert explorer.chart.zone_patch.get_visible() is False


def test_bad_input_shows_the_sentence_and_keeps_the_last_good_result_and_figure():
    explorer = ZopaExplorer()
    good_result, good_png = explorer.result, explorer.image.value
    explorer.seller_aspiration.value = 65_000  # below her reservation value
    assert "aspiration value ($65,000) is below" in explorer.error_text
    assert "role='alert'" in explorer.error.value and "$65,000" in explorer.error.value
    assert "last numbers that worked" in explorer.error.value
    assert explorer.result is good_result and explorer.image.value == good_png
    explorer.seller_aspiration.value = 90_000  # fixing it clears the message
    assert explorer.error_text == "" and explorer.error.value == ""
    explorer.buyer_aspiration.value = 85_000  # an employer hoping to pay above its limit
    assert "a side that pays hopes to pay less" in explorer.error_text


def _inputs(widget):
    """Every control a learner operates, however deeply nested in boxes."""
    if isinstance(widget, ipywidgets.Box):
        for child in widget.children:
            yield from _inputs(child)
    elif isinstance(widget, (ipywidgets.ValueWidget, ipywidgets.Button)) and not isinstance(
        widget, (ipywidgets.HTML, ipywidgets.Label, ipywidgets.Image)
    ):
        yield widget


def _seminar_store() -> ResultsStore:
    import tempfile

    store = ResultsStore(f"sqlite:///{tempfile.mkdtemp()}/results.sqlite")
    store.publish(make_pack("job_offer", 2, seed=1).record())
    return store


@pytest.mark.parametrize("make", [ZopaExplorer, ZopaUnderUncertainty, lambda: BatnaCalculator(PLAN_B),
                                  AspirationPlanner, CourseMap, lambda: quiz("lesson01"),
                                  FirstOfferAdvisor, AnchoringSimulator, OfferForms, CriteriaLadder,
                                  ConcessionCurves, NegotiationDance, PracticeNegotiation, ScoringTable,
                                  MesoBuilder, SubjectiveValueInventory, LifetimeEarnings, WaitOrAccept,
                                  TacticBrowser, tactic_quiz, ExplodingOfferCalculator, PlanBuilder,
                                  lambda: ParticipantApp(_seminar_store()), lambda: DebriefDashboard(_seminar_store(), refresh_seconds=0)])
def test_every_control_has_a_description_for_screen_readers(make):
    controls = list(_inputs(make()))
    assert controls
    assert [c for c in controls if not c.description] == []


def test_widgets_never_create_pyplot_figures():
    before = plt.get_fignums()
    explorer = ZopaExplorer()
    for value in range(60_000, 80_000, 1_000):
        explorer.seller_reservation.value = value
    assert plt.get_fignums() == before


# --- ZOPA under uncertainty ------------------------------------------------------------------------

def test_uncertainty_widget_matches_the_model():
    view = ZopaUnderUncertainty(70_000, belief="normal", best_guess=80_000, spread=6_000)
    expected = zone_under_uncertainty(Party("Candidate", 70_000, 70_000), NormalBelief(80_000, 6_000))
    assert view.result.probability == pytest.approx(expected.probability)
    view.belief.kind.value = "A range"
    view.belief.low.value, view.belief.high.value = 65_000, 85_000
    expected = zone_under_uncertainty(Party("Candidate", 70_000, 70_000), UniformBelief(65_000, 85_000))
    assert view.result.probability == pytest.approx(expected.probability)
    assert view.result_text.startswith("A zone exists with probability 75%")
    assert view.belief.normal_box.layout.display == "none" and view.belief.range_box.layout.display is None


@pytest.mark.parametrize("spread", [0, -1_000])
def test_zero_or_negative_spread_is_explained(spread):
    view = ZopaUnderUncertainty()
    view.belief.spread.value = spread
    assert "must be greater than zero" in view.error_text


def test_empty_range_is_explained():
    view = ZopaUnderUncertainty(belief="range", low=70_000, high=90_000)
    view.belief.high.value = 70_000
    assert "spread greater than zero" in view.error_text


# --- BATNA calculator ------------------------------------------------------------------------------

def test_batna_calculator_values_the_worked_example():
    calc = BatnaCalculator(PLAN_B)
    expected = value_batna([Alternative(*row) for row in PLAN_B])
    assert calc.result.expected_value == pytest.approx(expected.expected_value)
    assert "Expected value $67,100" in calc.result_text


def test_the_sure_amount_you_name_is_your_reservation_value_and_sets_your_attitude():
    calc = BatnaCalculator(PLAN_B)
    assert calc.sure.value == 67_100 and (calc.sure.min, calc.sure.max) == (58_000, 72_000)
    calc.sure.value = 65_000
    rows = [Alternative(*row) for row in PLAN_B]
    assert calc.risk_aversion == pytest.approx(risk_aversion_from_certainty_equivalent(rows, 65_000))
    assert calc.result.reservation_value == pytest.approx(65_000, abs=0.01)
    assert calc.result.expected_value == pytest.approx(67_100)   # the average does not move
    assert "The risk costs you $2,100" in calc.result_text


def test_changing_the_outcomes_keeps_the_attitude_and_moves_the_slider_to_what_it_gives():
    calc = BatnaCalculator(PLAN_B, sure_amount=65_000)
    attitude = calc.risk_aversion
    calc.rows[0].value.value = "$80,000"
    rows = [Alternative("B", 80_000, 0.5), Alternative("C", 65_000, 0.3), Alternative("Stay", 58_000, 0.2)]
    assert calc.risk_aversion == attitude and calc.sure.max == 80_000
    assert calc.sure.value == pytest.approx(value_batna(rows, attitude).certainty_equivalent)


def test_typing_in_the_table_recomputes():
    calc = BatnaCalculator(PLAN_B)
    calc.rows[1].adjustment.value = "-4k"
    assert calc.result.expected_value == pytest.approx(0.5 * 72_000 + 0.3 * 61_000 + 0.2 * 58_000)
    calc.rows[0].value.value = "$80,000"
    assert calc.result.best.value == 80_000


@pytest.mark.parametrize(
    "row, field, typed, message",
    [
        (0, "value", "lots", "could not read 'lots' as the value of Offer from Firm B"),
        (0, "probability", "60%", "add up to 110%, not 100%"),
        (0, "probability", "-50%", "is negative"),
        (0, "probability", "half", "could not read 'half'"),
        (2, "value", "nan", "NaN"),
        (2, "value", "inf", "infinite"),
        (1, "value", "", "is empty"),
    ],
)
def test_bad_table_entries_are_explained(row, field, typed, message):
    calc = BatnaCalculator(PLAN_B)
    good = calc.result
    getattr(calc.rows[row], field).value = typed
    assert message in calc.error_text
    assert calc.result is good


def test_rows_can_be_added_and_removed_and_an_empty_table_is_explained():
    calc = BatnaCalculator(PLAN_B)
    calc.add_button.click()
    assert len(calc.rows) == 4 and "is empty" in calc.error_text
    new = calc.rows[-1]
    new.name.value, new.value.value, new.probability.value = "Freelance", "66k", "0%"
    assert calc.error_text == "" and len(calc.result.alternatives) == 4
    for row in list(calc.rows):
        row.remove.click()
    assert calc.rows == [] and "table of alternatives is empty" in calc.error_text
    assert len(calc.result.alternatives) == 4  # the last good result is kept


def test_a_sure_amount_the_model_cannot_follow_is_explained_beside_the_slider():
    calc = BatnaCalculator(PLAN_B)
    good = calc.result
    calc.sure.value = 58_050   # a hair above the worst outcome
    assert "closer to the worst outcome than the course's model can follow" in calc.error_text
    assert calc.result is good
    calc.sure.value = 66_000
    assert calc.error_text == ""


# --- aspiration planner ----------------------------------------------------------------------------

def test_aspiration_planner_reads_the_illustrative_table():
    planner = AspirationPlanner(role="Data analyst", percentile=80, reservation=70_000)
    expected = aspiration_from_benchmarks(salary_benchmarks("Data analyst"), 80, 70_000)
    assert planner.result.aspiration == expected.aspiration
    assert "Illustrative" in planner.notice.value


def test_switching_role_refills_and_recomputes_once():
    planner = AspirationPlanner(role="Data analyst", percentile=75)
    calls = []
    original = planner.compute
    planner.compute = lambda: calls.append(1) or original()
    planner.source.value = "Software engineer"
    assert planner.result.aspiration == salary_benchmarks("Software engineer")[75]
    assert len(calls) == 1


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda p: setattr(p.figures[90], "value", "lots"), "could not read 'lots'"),
        (lambda p: setattr(p.reservation, "value", "$80,000") or setattr(p.percentile, "value", 50),
         "below your reservation value"),
        (lambda p: setattr(p.figures[75], "value", "60k"), "a higher percentile never pays less"),
    ],
)
def test_bad_aspiration_input_is_explained(change, message):
    planner = AspirationPlanner(role="Data analyst", percentile=80, reservation=70_000)
    change(planner)
    assert message in planner.error_text


def test_own_figures_can_leave_percentiles_empty():
    planner = AspirationPlanner(benchmarks={25: 52_000, 50: 56_000, 75: 61_000}, percentile=75, reservation=53_000)
    assert planner.source.value == "My own figures" and planner.figures[90].value == ""
    assert planner.result.aspiration == 61_000
    planner.percentile.value = 90
    assert "outside your data" in planner.error_text


# --- checks and the course map ---------------------------------------------------------------------

def test_choice_check_gives_instant_feedback():
    widget = check("lesson01", "reservation")
    right = next(o.text for o in widget.question.options if o.correct)
    wrong = next(o.text for o in widget.question.options if not o.correct)
    widget.answer.value = wrong
    assert widget.feedback.correct is False and "Not quite" in widget.response.value
    widget.answer.value = right
    assert widget.feedback.correct is True and "Correct" in widget.response.value


def test_numeric_check_explains_unreadable_answers_and_accepts_typed_money():
    widget = check("lesson01", "zopa-width")
    widget.answer.value = "ten"
    assert "could not read" in widget.error_text and widget.feedback is None
    widget.answer.value = "$10,000"
    assert widget.feedback.correct and widget.error_text == ""
    widget.answer.value = "12k"
    widget.button.click()
    assert not widget.feedback.correct


def test_quiz_keeps_score():
    widget = quiz("lesson01")
    assert widget.score_text.startswith("Score: 0 of 6")
    for item in widget.checks:
        q = item.question
        item.answer.value = next(o.text for o in q.options if o.correct) if hasattr(q, "options") else str(q.answer)
    assert widget.score_text == "Score: 6 of 6 right. Well done."


def test_course_map_links_ready_lessons_and_marks_the_rest_coming():
    course_map = CourseMap()
    assert "02_batna.ipynb" in course_map.route.value
    course_map.goal.value = "I want the whole course"
    statuses = {lesson["number"]: lesson["status"] for lesson in load("course")["lessons"]}
    assert course_map.route_numbers == sorted(statuses) and len(statuses) >= 15   # every lesson, in order
    coming = [n for n in course_map.route_numbers if statuses[n] == "coming"]
    assert course_map.route.value.count("(coming soon)") == len(coming)
    assert course_map.route.value.count(".ipynb") == len(course_map.route_numbers) - len(coming)


def test_check_is_a_widget_class():
    assert isinstance(check("lesson00", "try-a-widget"), Check)


def test_probabilities_given_as_fractions_survive_the_table_exactly():
    thirds = [("A", 60_000, 1 / 3), ("B", 70_000, 1 / 3), ("C", 80_000, 1 / 3)]
    calc = BatnaCalculator(thirds)
    assert calc.error_text == ""
    assert calc.result.expected_value == pytest.approx(70_000)
