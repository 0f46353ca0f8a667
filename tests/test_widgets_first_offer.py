"""Lesson 05's widgets driven without a browser."""

import pytest

from negwidgets.model import (
    META_ANALYSIS_R,
    NormalBelief,
    Party,
    UniformBelief,
    calibrate_anchoring,
    first_offer_analysis,
    offer_forms,
    simulate_anchoring,
)
from negwidgets.widgets import AnchoringSimulator, FirstOfferAdvisor, OfferForms
from negwidgets.widgets.first_offer import KNOWLEDGE

YOU = Party("You", 70_000, 70_000, "more")


def test_advisor_matches_the_model_and_says_whether_to_go_first():
    advisor = FirstOfferAdvisor()
    expected = first_offer_analysis(YOU, NormalBelief(80_000, KNOWLEDGE["A rough idea"]), 0.73, their_room=0.25)
    assert advisor.result.best_opening == pytest.approx(expected.best_opening)
    assert advisor.result.best_surplus == pytest.approx(expected.best_surplus)
    assert advisor.result_text.startswith("Open at $") and "going first is better" in advisor.result_text
    assert advisor.image.value[:4] == b"\x89PNG"


def test_knowledge_presets_set_the_spread_and_better_knowledge_lowers_the_risk():
    advisor = FirstOfferAdvisor(knowledge="No idea")
    vague_risk = advisor.result.best_impasse
    advisor.knowledge.value = "Well informed"
    assert advisor.belief.spread.value == KNOWLEDGE["Well informed"]
    assert advisor.result.best_impasse < vague_risk
    assert 79_000 < advisor.result.best_opening < 81_000


def test_advisor_accepts_a_range_belief():
    advisor = FirstOfferAdvisor()
    advisor.belief.kind.value = "A range"
    advisor.belief.low.value, advisor.belief.high.value = 60_000, 100_000
    expected = first_offer_analysis(YOU, UniformBelief(60_000, 100_000), 0.73, their_room=0.25)
    assert advisor.result.best_opening == pytest.approx(expected.best_opening)


def _reversed_range(advisor):
    advisor.belief.kind.value = "A range"
    advisor.belief.high.value = advisor.belief.low.value - 20_000


def _zero_spread(advisor):
    advisor.belief.spread.value = 0


@pytest.mark.parametrize("change, message", [(_reversed_range, "spread greater than zero"),
                                             (_zero_spread, "must be greater than zero")])
def test_bad_beliefs_in_the_advisor_are_explained(change, message):
    advisor = FirstOfferAdvisor()
    change(advisor)
    assert message in advisor.error_text
    assert "last numbers that worked" in advisor.error.value


@pytest.mark.parametrize("make, clamped", [(lambda: FirstOfferAdvisor(anchoring=1.5), "1"),
                                           (lambda: AnchoringSimulator(anchoring=-0.2), "0")])
def test_anchoring_outside_zero_one_is_explained_in_the_widget(make, clamped):
    widget = make()
    assert "anchoring strength must lie between 0" in widget.error_text
    assert f"The slider is set to {clamped} instead." in widget.error_text
    assert widget.result is not None  # the widget works at the clamped value
    widget.anchoring.value = 0.5
    assert widget.error_text == ""


def test_simulator_follows_its_slider_and_calibrates_to_the_research():
    sim = AnchoringSimulator(anchoring=0.0)
    assert abs(sim.result.correlation) < 0.15
    sim.anchoring.value = 0.9
    assert sim.result.correlation == pytest.approx(simulate_anchoring(0.9, 300, seed=0).correlation)
    sim.calibrate.click()
    assert sim.anchoring.value == round(calibrate_anchoring(), 2)
    assert sim.result.correlation == pytest.approx(META_ANALYSIS_R, abs=0.06)  # 300 pairs: sampling noise
    assert "r = 0." in sim.caption_text or "per $1k" in sim.caption_text


def test_offer_forms_view_shows_a_table_and_explains_bad_input():
    view = OfferForms("$85,000")
    assert [f.name for f in view.result] == [f.name for f in offer_forms(85_000)]
    assert "<table" in view.summary.value and "Bolstering range" in view.summary.value
    view.opening.value = "lots"
    assert "could not read 'lots'" in view.error_text
    view.opening.value = "-5"
    assert "positive" in view.error_text
    view.opening.value = "90k"
    assert view.error_text == "" and view.result[0].low == 90_000
