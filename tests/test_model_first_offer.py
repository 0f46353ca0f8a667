"""Lesson 05's models: the first-offer advisor, the anchoring simulation, the forms of an offer."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import (
    META_ANALYSIS_R,
    NormalBelief,
    Party,
    UniformBelief,
    calibrate_anchoring,
    belief_after_their_opening,
    best_counter,
    course_anchoring,
    expected_outcome,
    first_offer_analysis,
    offer_forms,
    running_example,
    simulate_anchoring,
)

CANDIDATE, EMPLOYER = running_example()

beliefs = st.one_of(
    st.builds(lambda mean, spread: NormalBelief(mean, spread),
              st.floats(min_value=50_000, max_value=120_000), st.floats(min_value=200, max_value=20_000)),
    st.builds(lambda low, width: UniformBelief(low, low + width),
              st.floats(min_value=40_000, max_value=110_000), st.floats(min_value=500, max_value=40_000)),
)
fractions = st.floats(min_value=0, max_value=1)


def reference_surplus(s, b_values, weights, x, alpha, tolerance):
    """The model's rule written out one limit at a time, for comparison with the vectorised code."""
    total = 0.0
    for b, w in zip(b_values, weights):
        if b < s:
            continue
        midpoint = (s + b) / 2
        deal = midpoint + alpha * (min(x, b) - midpoint)
        stays = 1 - min(max(x - b, 0) / (tolerance * abs(b)), 1)
        total += w * stays * (deal - s)
    return total


def test_vectorised_model_matches_a_plain_reference():
    belief = NormalBelief(79_000, 5_000)
    analysis = first_offer_analysis(CANDIDATE, belief, 0.6, tolerance=0.15)
    values, weights = belief.quadrature()
    for i in (0, 40, 80, 120, 200):
        expected = reference_surplus(70_000, values, weights, analysis.openings[i], 0.6, 0.15)
        assert analysis.expected_surplus[i] == pytest.approx(expected, rel=1e-9, abs=1e-6)



@settings(max_examples=40, deadline=None)
@given(beliefs, fractions, st.floats(min_value=0.02, max_value=1), st.floats(min_value=40_000, max_value=120_000),
       st.integers(min_value=1, max_value=120), st.sampled_from([1.0, -1.0]))
def test_the_blocked_sums_are_those_of_the_whole_grid(belief, alpha, tolerance, s, points, sign):
    # first_offer_analysis sums its grids of openings a block of rows at a time, in place: the same numbers as
    # the deal and the chance of going on worked out for the whole grid at once (signed, for a paying side).
    from negwidgets.model.first_offer import _first_mover, _first_mover_summaries, _summaries

    values, weights = belief.quadrature()
    b, s = sign * values, sign * s
    x = np.linspace(s, s + sign * 60_000, points)[:, None]
    whole = _summaries(*_first_mover(s, b, alpha, tolerance, x), s, weights)
    blocked = _first_mover_summaries(s, b, alpha, tolerance, x, weights, rows=7)
    for expected, got in zip(whole, blocked):
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-9, equal_nan=True)


def reference_second_move(s, b, weights, alpha, tolerance, room, spread, openings=161, counters=161):
    """Letting them open, written out one opening of theirs at a time (the model's grids of their openings and
    your counters): Bayes' rule for their limit, then each counter's expected gain from the deal formula."""
    scale = np.maximum(np.abs(b), 1.0)
    ys = np.linspace((b - (room + 4 * spread) * scale).min(), (b - (room - 4 * spread) * scale).max(), openings)
    likelihood = np.exp(-0.5 * (((b[:, None] - ys[None, :]) / scale[:, None] - room) / spread) ** 2) / scale[:, None]
    joint = weights[:, None] * likelihood
    joint /= joint.sum()
    top = max(float(b.max()), s)
    xs = np.linspace(s, top + tolerance * max(abs(top), 1.0), counters)
    reanchor = in_frame = 0.0
    for k, y in enumerate(ys):
        p_y = joint[:, k].sum()
        if p_y <= 1e-12:
            continue
        posterior = joint[:, k] / p_y
        theirs = np.clip(y, s, np.maximum(b, s))
        midpoint = (s + b) / 2
        in_frame += p_y * float(np.sum(np.where(b >= s, midpoint + alpha * (theirs - midpoint) - s, 0.0) * posterior))
        best = -np.inf
        for x in xs:
            deal = midpoint + alpha * ((np.minimum(x, b) + theirs) / 2 - midpoint)
            stays = np.where(b >= s, 1 - np.minimum(np.maximum(x - b, 0) / (tolerance * np.maximum(np.abs(b), 1.0)), 1),
                             0.0)
            best = max(best, float(np.sum(stays * (deal - s) * posterior)))
        reanchor += p_y * best
    return reanchor, in_frame


@pytest.mark.parametrize("belief, alpha, room", [(NormalBelief(80_000, 6_000), 0.73, 0.25),
                                                 (UniformBelief(60_000, 100_000), 0.5, 0.05),
                                                 (NormalBelief(66_000, 3_000), 0.9, 0.4)])
def test_the_value_of_going_second_matches_a_plain_reference(belief, alpha, room):
    # The model answers every opening of theirs at once (matrix-vector products); the reference one at a time.
    analysis = first_offer_analysis(CANDIDATE, belief, alpha, tolerance=0.15, their_room=room, their_room_spread=0.05)
    values, weights = belief.quadrature()
    reanchor, in_frame = reference_second_move(70_000, values, weights, alpha, 0.15, room, 0.05)
    assert analysis.second.reanchor == pytest.approx(reanchor, rel=1e-9, abs=1e-6)
    assert analysis.second.in_frame == pytest.approx(in_frame, rel=1e-9, abs=1e-6)

@settings(max_examples=60, deadline=None)
@given(beliefs, fractions, st.floats(min_value=0.02, max_value=1))
def test_impasse_never_falls_as_the_opening_gets_more_extreme(belief, alpha, tolerance):
    analysis = first_offer_analysis(CANDIDATE, belief, alpha, tolerance=tolerance)
    assert np.all(np.diff(analysis.impasse) >= -1e-12)
    assert np.all((analysis.impasse >= -1e-12) & (analysis.impasse <= 1 + 1e-12))


@settings(max_examples=60, deadline=None)
@given(beliefs, fractions)
def test_best_opening_lies_between_your_reservation_value_and_the_top_of_the_belief(belief, alpha):
    analysis = first_offer_analysis(CANDIDATE, belief, alpha)
    step = analysis.openings[1] - analysis.openings[0]
    assert CANDIDATE.reservation <= analysis.best_opening <= max(belief.top, CANDIDATE.reservation) + step


@pytest.mark.parametrize("limit", [72_000, 80_000, 95_000])
@pytest.mark.parametrize("alpha", [0.3, 0.7, 1.0])
def test_with_perfect_information_the_best_opening_approaches_their_limit(limit, alpha):
    errors = []
    for spread in (4_000, 1_000, 100):
        analysis = first_offer_analysis(CANDIDATE, NormalBelief(limit, spread), alpha, points=2_001)
        errors.append(abs(analysis.best_opening - limit))
    assert errors[-1] <= 150 and errors[-1] <= errors[0]


def test_without_anchoring_the_safest_opening_is_best_and_order_does_not_matter():
    analysis = first_offer_analysis(CANDIDATE, UniformBelief(65_000, 90_000), 0.0, their_room=0.25)
    assert analysis.best_opening == CANDIDATE.reservation
    assert analysis.value_of_going_first == pytest.approx(0.0, abs=0.01)  # to the cent


def test_better_information_makes_going_first_worth_more():
    gains = [first_offer_analysis(CANDIDATE, NormalBelief(80_000, spread), 0.7, their_room=0.25).value_of_going_first
             for spread in (12_000, 6_000, 2_000)]
    assert gains[0] < gains[1] < gains[2]


@pytest.mark.parametrize("belief", [UniformBelief(60_000, 100_000), NormalBelief(80_000, 12_000)])
def test_going_second_is_wiser_only_when_you_know_little_and_their_opening_sits_near_their_limit(belief):
    """Their opening is worth learning only if it says much about their limit and does not drag you down."""
    near = first_offer_analysis(CANDIDATE, belief, 0.73, their_room=0.05, their_room_spread=0.03)
    far = first_offer_analysis(CANDIDATE, belief, 0.73, their_room=0.25)
    informed = first_offer_analysis(CANDIDATE, NormalBelief(80_000, 2_000), 0.73, their_room=0.05,
                                    their_room_spread=0.03)
    assert near.value_of_going_first < 0 < far.value_of_going_first
    assert informed.value_of_going_first > 0
    assert "going second is better" in near.describe() and "going first is better" in far.describe()


def test_answering_with_a_reasoned_number_beats_answering_inside_their_frame():
    """Galinsky & Mussweiler (2001): re-anchoring removes the first mover's advantage."""
    second = first_offer_analysis(CANDIDATE, NormalBelief(80_000, 6_000), 0.73, their_room=0.25).second
    assert second.reanchor > second.in_frame > 0


def test_their_opening_updates_the_belief_about_their_limit_by_bayes_rule():
    vague = UniformBelief(60_000, 100_000)
    low, high = (belief_after_their_opening(CANDIDATE, vague, y, room=0.25, room_spread=0.05) for y in (54_000, 66_000))
    assert low.mean < vague.mean < high.mean and max(low.spread, high.spread) < 0.5 * (40_000 / 12 ** 0.5)
    # By hand on a coarse grid: prior weight times the chance that this limit opens at $60,000.
    after = belief_after_their_opening(CANDIDATE, vague, 60_000, room=0.25, room_spread=0.05)
    values, weights = vague.quadrature()
    likelihood = np.exp(-0.5 * (((values - 60_000) / values - 0.25) / 0.05) ** 2) / values
    expected = (values * weights * likelihood).sum() / (weights * likelihood).sum()
    assert after.mean == pytest.approx(expected)
    with pytest.raises(ValueError, match="not one your belief"):
        belief_after_their_opening(CANDIDATE, vague, 10_000, room=0.25, room_spread=0.01)


def test_the_best_counter_is_the_best_reasoned_number_under_the_updated_belief():
    counter, impasse, gain = best_counter(CANDIDATE, NormalBelief(80_000, 6_000), 60_000, 0.73)
    after = belief_after_their_opening(CANDIDATE, NormalBelief(80_000, 6_000), 60_000)
    assert 0 < impasse < 0.5 and gain > 0
    assert abs(counter - after.mean) < 3 * after.spread


def test_a_paying_side_is_the_mirror_image():
    candidate = first_offer_analysis(CANDIDATE, NormalBelief(80_000, 4_000), 0.6, their_room=0.25)
    mirrored_employer = Party("Employer", -70_000, -85_000, "less")
    employer = first_offer_analysis(mirrored_employer, NormalBelief(-80_000, 4_000), 0.6, their_room=0.25)
    assert employer.best_opening == pytest.approx(-candidate.best_opening)
    assert employer.best_surplus == pytest.approx(candidate.best_surplus)
    assert employer.second_surplus == pytest.approx(candidate.second_surplus)


def test_the_best_opening_does_not_depend_on_the_grid():
    coarse, fine = (first_offer_analysis(CANDIDATE, NormalBelief(80_000, 6_000), 0.73, points=n) for n in (121, 2_001))
    assert coarse.best_opening == pytest.approx(fine.best_opening, abs=25)
    impasse, gain = expected_outcome(CANDIDATE, NormalBelief(80_000, 6_000), fine.best_opening, 0.73)
    assert (impasse, gain) == pytest.approx((fine.best_impasse, fine.best_surplus))


def test_the_course_anchoring_is_the_calibrated_strength_to_two_decimals():
    assert course_anchoring() == round(calibrate_anchoring(), 2)
    assert first_offer_analysis(CANDIDATE, NormalBelief(80_000, 6_000)).anchoring == course_anchoring()


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"anchoring": 1.5}, "anchoring strength must lie between 0"),
        ({"anchoring": -0.1}, "anchoring strength must lie between 0"),
        ({"anchoring": float("nan")}, "NaN"),
        ({"tolerance": 0}, "walk-away tolerance"),
        ({"their_room": float("inf")}, "infinite"),
        ({"their_room": 1.2}, "a share between 0"),
        ({"their_room": 0.2, "their_room_spread": 0}, "must lie above 0"),
    ],
)
def test_bad_advisor_input_is_explained(kwargs, message):
    with pytest.raises(ValueError, match=message):
        first_offer_analysis(CANDIDATE, NormalBelief(80_000, 5_000), **{"anchoring": 0.5, **kwargs})


@pytest.mark.parametrize("make", [lambda: UniformBelief(85_000, 75_000), lambda: UniformBelief(80_000, 80_000)])
def test_empty_or_reversed_belief_ranges_are_explained(make):
    with pytest.raises(ValueError, match="spread greater than zero"):
        make()


# --- anchoring simulation ---------------------------------------------------------------------------

def test_calibration_reproduces_the_meta_analysis_correlation():
    alpha = calibrate_anchoring()
    assert 0 < alpha < 1
    assert simulate_anchoring(alpha, pairs=4_000).correlation == pytest.approx(META_ANALYSIS_R, abs=0.01)
    assert simulate_anchoring(alpha, pairs=4_000, seed=11).correlation == pytest.approx(META_ANALYSIS_R, abs=0.03)


def test_stronger_anchoring_means_a_stronger_correlation_and_deals_stay_in_the_zone():
    rs = [simulate_anchoring(a, pairs=2_000).correlation for a in (0.0, 0.3, 0.6, 0.9)]
    assert rs == sorted(rs) and abs(rs[0]) < 0.1
    sim = simulate_anchoring(0.8)
    assert np.all((sim.agreements >= 70_000) & (sim.agreements <= sim.limits))


def test_simulation_is_reproducible_from_its_seed():
    a, b = simulate_anchoring(0.5, seed=3), simulate_anchoring(0.5, seed=3)
    assert np.array_equal(a.agreements, b.agreements)


@pytest.mark.parametrize("anchoring", [-0.2, 1.2])
def test_simulation_rejects_anchoring_outside_zero_one(anchoring):
    with pytest.raises(ValueError, match="between 0"):
        simulate_anchoring(anchoring)


def test_unreachable_calibration_target_is_explained():
    with pytest.raises(ValueError, match="No anchoring strength"):
        calibrate_anchoring(0.99)


# --- offer forms -------------------------------------------------------------------------------------

def test_offer_forms_place_the_point_as_the_research_describes():
    forms = {f.name: f for f in offer_forms(85_000)}
    point = forms["Point offer"].low
    assert forms["Bolstering range"].low == point < forms["Bolstering range"].high
    assert forms["Backdown range"].high == point > forms["Backdown range"].low
    assert forms["Bracketing range"].low < point < forms["Bracketing range"].high
    precise = forms["Precise point offer"].low
    assert precise % 1_000 != 0 and abs(precise - 85_000) <= 250


def test_offer_forms_for_a_paying_side_point_the_other_way():
    forms = {f.name: f for f in offer_forms(60_000, "less")}
    assert forms["Bolstering range"].high == 60_000 > forms["Bolstering range"].low
    assert forms["Bolstering range"].sentence.startswith('"We are thinking of')


@pytest.mark.parametrize("opening, message", [(-5, "positive"), (float("nan"), "NaN"), ("85k", "must be a number")])
def test_bad_openings_are_explained(opening, message):
    with pytest.raises(ValueError, match=message):
        offer_forms(opening)


@settings(max_examples=40, deadline=None)
@given(beliefs, fractions)
def test_expected_gain_is_the_chance_of_a_deal_times_the_expected_deal_above_your_limit(belief, alpha):
    analysis = first_offer_analysis(CANDIDATE, belief, alpha)
    deal = ~np.isnan(analysis.expected_deal)
    expected = (1 - analysis.impasse[deal]) * (analysis.expected_deal[deal] - CANDIDATE.reservation)
    assert np.allclose(analysis.expected_surplus[deal], np.maximum(expected, 0), rtol=1e-9, atol=1e-6)
