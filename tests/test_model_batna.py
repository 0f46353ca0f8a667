"""BATNA valuation: the textbook reference formulas, properties, and bad input."""

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from negwidgets.model import (
    MAX_RISK_AVERSION,
    Alternative,
    certainty_equivalent,
    expected_value,
    risk_aversion_from_certainty_equivalent,
    value_batna,
)

money_values = st.floats(min_value=-1e6, max_value=1e7, allow_nan=False, allow_infinity=False)


@st.composite
def plans(draw):
    """A Plan B of 1-6 outcomes whose probabilities sum to exactly 1."""
    weights = draw(st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=6))
    assume(sum(weights) > 0)
    values = draw(st.lists(money_values, min_size=len(weights), max_size=len(weights)))
    total = sum(weights)
    return [Alternative(f"outcome {i}", v, w / total) for i, (v, w) in enumerate(zip(values, weights))]


def reference_ce(rows, a):
    """The textbook formula, written out directly (fine for moderate values)."""
    return -(1 / a) * math.log(sum(r.probability * math.exp(-a * r.outcome) for r in rows))


def test_expected_value_is_the_weighted_sum():
    rows = [Alternative("B", 72_000, 0.5), Alternative("C", 65_000, 0.3), Alternative("Stay", 58_000, 0.2)]
    assert expected_value(rows) == pytest.approx(0.5 * 72_000 + 0.3 * 65_000 + 0.2 * 58_000)


def test_adjustment_is_added_to_the_outcome():
    rows = [Alternative("C", 65_000, 0.5, adjustment=-4_000), Alternative("D", 60_000, 0.5)]
    assert expected_value(rows) == pytest.approx(0.5 * 61_000 + 0.5 * 60_000)


@pytest.mark.parametrize("a", [1e-6, 1e-5, 5e-5])
def test_certainty_equivalent_matches_the_formula(a):
    rows = [Alternative("B", 72_000, 0.5), Alternative("C", 65_000, 0.3), Alternative("Stay", 58_000, 0.2)]
    assert certainty_equivalent(rows, a) == pytest.approx(reference_ce(rows, a), rel=1e-12)


def test_certainty_equivalent_is_stable_for_large_amounts():
    # exp(-a * v) underflows to 0 for these values in the naive formula; the shifted form does not.
    rows = [Alternative("Big", 5e7, 0.5), Alternative("Bigger", 6e7, 0.5)]
    ce = certainty_equivalent(rows, MAX_RISK_AVERSION)
    assert 5e7 <= ce <= 5.5e7


@given(plans())
def test_expected_value_lies_between_the_extremes(rows):
    ev = expected_value(rows)
    outcomes = [r.outcome for r in rows if r.probability > 0]
    assert min(outcomes) - 1e-6 * max(1, abs(min(outcomes))) <= ev <= max(outcomes) + 1e-6 * max(1, abs(max(outcomes)))


@given(plans(), st.floats(min_value=1e-9, max_value=MAX_RISK_AVERSION))
def test_certainty_equivalent_never_exceeds_expected_value_when_risk_averse(rows, a):
    ev = expected_value(rows)
    assert certainty_equivalent(rows, a) <= ev + 1e-6 * max(1.0, abs(ev))


@given(plans())
def test_certainty_equivalent_equals_expected_value_at_zero_risk_aversion(rows):
    assert certainty_equivalent(rows, 0) == expected_value(rows)


@given(plans(), st.floats(min_value=1e-7, max_value=MAX_RISK_AVERSION / 2))
def test_more_caution_never_raises_the_certainty_equivalent(rows, a):
    assert certainty_equivalent(rows, 2 * a) <= certainty_equivalent(rows, a) + 1e-6 * max(1.0, abs(expected_value(rows)))


def test_valuation_names_best_and_worst_and_the_risk_premium():
    valuation = value_batna([Alternative("B", 72_000, 0.5), Alternative("Stay", 58_000, 0.5)], 5e-5)
    assert valuation.best.name == "B" and valuation.worst.name == "Stay"
    assert valuation.risk_premium == pytest.approx(valuation.expected_value - valuation.certainty_equivalent)
    assert valuation.reservation_value == valuation.certainty_equivalent
    assert "The risk costs you" in valuation.describe()


@pytest.mark.parametrize(
    "rows, message",
    [
        ([], "The table of alternatives is empty"),
        ([Alternative("A", 1, 0.5), Alternative("B", 2, 0.3)], "add up to 80%, not 100%"),
        ([Alternative("A", 1, 0.7), Alternative("B", 2, 0.7)], "add up to 140%, not 100%"),
    ],
)
def test_bad_tables_are_explained(rows, message):
    with pytest.raises(ValueError, match=message):
        expected_value(rows)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"probability": -0.2}, "is negative"),
        ({"probability": 1.5}, "above 1"),
        ({"value": float("nan")}, r"not a number \(NaN\)"),
        ({"value": float("inf")}, "is infinite"),
        ({"value": "70k"}, "must be a number"),
        ({"adjustment": float("-inf")}, "is infinite"),
    ],
)
def test_bad_rows_are_explained(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Alternative(**{"name": "Offer", "value": 70_000, "probability": 1.0, **kwargs})


@pytest.mark.parametrize("a", [-2 * MAX_RISK_AVERSION, 2 * MAX_RISK_AVERSION, float("nan")])
def test_risk_attitude_outside_its_range_is_explained(a):
    with pytest.raises(ValueError, match="risk attitude"):
        certainty_equivalent([Alternative("A", 1, 1.0)], a)


@settings(max_examples=60, deadline=None)
@given(plans(), st.floats(min_value=-MAX_RISK_AVERSION, max_value=MAX_RISK_AVERSION))
def test_the_sure_amount_you_name_gives_back_the_attitude_that_values_the_gamble_at_it(rows, a):
    """Eliciting the certainty equivalent and valuing with the derived attitude are inverses."""
    sure = certainty_equivalent(rows, a)
    worst, best = min(r.outcome for r in rows), max(r.outcome for r in rows)
    assume(worst + 1 < sure < best - 1 and abs(sure - expected_value(rows)) >= 1)  # a real gamble, a real attitude
    derived = risk_aversion_from_certainty_equivalent(rows, sure)
    assert certainty_equivalent(rows, derived) == pytest.approx(sure, abs=0.01)


@pytest.mark.parametrize("a", [7e-25, -7e-25, 1e-12, -1e-12])
def test_a_tiny_attitude_gives_nearly_the_average_not_the_worst_outcome(a):
    # Found by hypothesis on Python 3.10: exp() then log() rounded the sum to 1 and returned the anchor ($0).
    rows = [Alternative("A", 0, 0.5), Alternative("B", 2, 0.5), Alternative("Never", -2, 0.0)]
    assert certainty_equivalent(rows, a) == pytest.approx(1.0, abs=1e-6)
    big = [Alternative("B", 72_000, 0.5), Alternative("Stay", 58_000, 0.5)]
    assert certainty_equivalent(big, a) == pytest.approx(65_000, abs=0.01)


def test_a_sure_amount_below_the_average_is_caution_and_above_it_a_taste_for_risk():
    rows = [Alternative("B", 72_000, 0.5), Alternative("Stay", 58_000, 0.5)]
    assert risk_aversion_from_certainty_equivalent(rows, 63_000) > 0
    assert risk_aversion_from_certainty_equivalent(rows, 65_000) == 0
    assert risk_aversion_from_certainty_equivalent(rows, 66_000) < 0
    assert "You value the gamble" in value_batna(rows, risk_aversion_from_certainty_equivalent(rows, 66_000)).describe()


@pytest.mark.parametrize("sure, message", [(57_000, "outside this Plan B's outcomes"), (72_000, "outside"),
                                           (58_001, "closer to the worst outcome than the course's model can follow"),
                                           (float("inf"), "infinite"), ("65k", "must be a number")])
def test_an_impossible_sure_amount_is_explained(sure, message):
    rows = [Alternative("B", 72_000, 0.5), Alternative("Stay", 58_000, 0.5)]
    with pytest.raises(ValueError, match=message):
        risk_aversion_from_certainty_equivalent(rows, sure)


@pytest.mark.parametrize("a", [MAX_RISK_AVERSION, 1e-3, -1e-3, -MAX_RISK_AVERSION])
def test_an_outcome_that_cannot_happen_does_not_break_the_sum(a):
    """A row at 0% far below (or above) the rest once made exp() underflow to 0 and log(0) fail: such a row
    counts for nothing, and the value is the same as without it."""
    rows = [Alternative("A", 744_035, 0.5), Alternative("C", 744_930, 0.5)]
    for far in (0, 10_000_000):
        with_it = [Alternative("Never", far, 0.0), *rows]
        assert certainty_equivalent(with_it, a) == pytest.approx(certainty_equivalent(rows, a), abs=1e-6)
