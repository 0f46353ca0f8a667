"""The ZOPA: bargaining_zone, two-party analysis, and the zone under uncertainty."""

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negwidgets.model import (
    BargainingZone,
    NormalBelief,
    Party,
    UniformBelief,
    analyse_zone,
    bargaining_zone,
    first_offer_analysis,
    running_example,
    zone_under_uncertainty,
)

amounts = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False)


def test_running_example_zone_is_70k_to_80k():
    candidate, employer = running_example()
    analysis = analyse_zone(candidate, employer)
    assert (analysis.zone.low, analysis.zone.high) == (70_000, 80_000)
    assert analysis.zone.surplus == 10_000
    assert analysis.describe().startswith("ZOPA: $70,000 to $80,000 (surplus $10,000)")


def test_stronger_batna_shrinks_the_zone_but_raises_the_worst_deal():
    _, employer = running_example()
    before = analyse_zone(Party("Candidate", 70_000, 85_000), employer).zone
    after = analyse_zone(Party("Candidate", 75_000, 85_000), employer).zone
    assert after.surplus < before.surplus and after.low > before.low and after.high == before.high


@given(amounts, amounts)
def test_zone_exists_exactly_when_seller_limit_is_at_most_buyer_limit(s, b):
    zone = bargaining_zone(s, b)
    assert (zone is not None) == (s <= b)
    if zone is not None:
        assert (zone.low, zone.high) == (s, b) and zone.surplus >= 0


@given(amounts, amounts)
def test_zone_is_symmetric_in_how_it_is_asked(s, b):
    """Mirroring the price axis swaps the roles and mirrors the zone."""
    zone, mirrored = bargaining_zone(s, b), bargaining_zone(-b, -s)
    assert (zone is None) == (mirrored is None)
    if zone is not None:
        assert (mirrored.low, mirrored.high) == (-zone.high, -zone.low)


@given(amounts, amounts, st.floats(min_value=0, max_value=1e6), st.floats(min_value=0, max_value=1e6))
def test_analysis_is_the_same_whichever_side_is_named_first(s, b, stretch_s, stretch_b):
    seller = Party("Seller", s, s + stretch_s, "more")
    buyer = Party("Buyer", b, b - stretch_b, "less")
    assert analyse_zone(seller, buyer) == analyse_zone(buyer, seller)
    assert analyse_zone(seller, buyer).zone == bargaining_zone(s, b)


def test_no_zone_reports_the_gap():
    _, employer = running_example()
    analysis = analyse_zone(Party("Candidate", 82_000, 90_000), employer)
    assert analysis.zone is None and analysis.gap == 2_000
    assert analysis.describe().startswith("No zone")
    assert "$2,000 above" in analysis.describe()


@pytest.mark.parametrize(
    "args, message",
    [
        (("Candidate", 70_000, 65_000, "more"), "aspiration value .* is below .* reservation value"),
        (("Employer", 80_000, 85_000, "less"), "aspiration value .* is above .* reservation value"),
        (("Candidate", float("nan"), 85_000, "more"), "NaN"),
        (("Candidate", 70_000, float("inf"), "more"), "infinite"),
        (("Candidate", 70_000, 85_000, "sideways"), "either 'more' or 'less'"),
    ],
)
def test_bad_party_values_are_explained(args, message):
    with pytest.raises(ValueError, match=message):
        Party(*args)


def test_two_sides_wanting_the_same_direction_is_explained():
    with pytest.raises(ValueError, match="Both sides want more"):
        analyse_zone(Party("A", 1, 2, "more"), Party("B", 1, 2, "more"))


def test_inverted_zone_is_refused():
    with pytest.raises(ValueError, match="cannot start"):
        BargainingZone(80_000, 70_000)


# --- uncertainty -----------------------------------------------------------------------------------

def monte_carlo(you, sample, n=200_000, seed=1):
    rng = random.Random(seed)
    draws = [sample(rng) for _ in range(n)]
    r = you.reservation
    gains = [max(d - r, 0.0) if you.wants == "more" else max(r - d, 0.0) for d in draws]
    hits = [d >= r if you.wants == "more" else d <= r for d in draws]
    return sum(hits) / n, sum(gains) / n


@pytest.mark.parametrize("wants", ["more", "less"])
@pytest.mark.parametrize("reservation", [60_000, 70_000, 78_000, 90_000])
def test_normal_belief_closed_form_agrees_with_sampling(wants, reservation):
    you = Party("You", reservation, reservation, wants)
    belief = NormalBelief(78_000, 6_000)
    outlook = zone_under_uncertainty(you, belief)
    p, surplus = monte_carlo(you, lambda rng: rng.gauss(78_000, 6_000))
    assert outlook.probability == pytest.approx(p, abs=0.005)
    assert outlook.expected_surplus == pytest.approx(surplus, abs=60)


@pytest.mark.parametrize("wants", ["more", "less"])
@pytest.mark.parametrize("reservation", [60_000, 70_000, 80_000, 90_000])
def test_uniform_belief_closed_form_agrees_with_sampling(wants, reservation):
    you = Party("You", reservation, reservation, wants)
    outlook = zone_under_uncertainty(you, UniformBelief(65_000, 85_000))
    p, surplus = monte_carlo(you, lambda rng: rng.uniform(65_000, 85_000))
    assert outlook.probability == pytest.approx(p, abs=0.005)
    assert outlook.expected_surplus == pytest.approx(surplus, abs=60)


def test_uniform_worked_example():
    candidate, _ = running_example()
    outlook = zone_under_uncertainty(candidate, UniformBelief(65_000, 85_000))
    assert outlook.probability == pytest.approx(15 / 20)
    assert outlook.expected_zone == pytest.approx((70_000, 70_000 + 15_000 / 2))


@given(st.floats(min_value=-1e6, max_value=1e6), st.floats(min_value=1, max_value=1e5),
       st.floats(min_value=-1e6, max_value=1e6))
def test_normal_probability_is_a_probability_and_expected_surplus_is_nonnegative(mean, spread, r):
    outlook = zone_under_uncertainty(Party("You", r, r, "more"), NormalBelief(mean, spread))
    assert 0 <= outlook.probability <= 1
    assert outlook.expected_surplus >= 0
    width = outlook.expected_width_if_any
    assert width is None or width >= 0


def test_impossible_zone_says_so():
    outlook = zone_under_uncertainty(Party("You", 90_000, 90_000), UniformBelief(65_000, 85_000))
    assert outlook.probability == 0 and outlook.expected_zone is None
    assert outlook.describe().startswith("No zone is possible")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: NormalBelief(78_000, 0), "greater than zero"),
        (lambda: NormalBelief(78_000, -5), "greater than zero"),
        (lambda: UniformBelief(80_000, 80_000), "spread greater than zero"),
        (lambda: UniformBelief(85_000, 65_000), "spread greater than zero"),
        (lambda: NormalBelief(float("nan"), 1), "NaN"),
    ],
)
def test_bad_beliefs_are_explained(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_normal_cdf_matches_erf():
    belief = NormalBelief(0, 1)
    assert belief.cdf(1.0) == pytest.approx(0.5 * (1 + math.erf(1 / math.sqrt(2))))


@pytest.mark.parametrize("call", [lambda b: zone_under_uncertainty(Party("You", 70_000, 70_000), b),
                                  lambda b: first_offer_analysis(Party("You", 70_000, 70_000), b)])
def test_a_belief_that_is_not_a_range_or_a_best_guess_is_explained(call):
    with pytest.raises(ValueError, match="Describe what you know about their limit as a range"):
        call((70_000, 90_000))
