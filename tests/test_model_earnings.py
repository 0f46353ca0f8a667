"""Lesson 10's models: the lifetime cost of not negotiating against its closed forms, and the
wait-or-accept search rule against its definition and a simulation."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import cost_of_not_negotiating, wait_or_accept
from negwidgets.model.waiting import expected_excess


# Rates in steps of 0.1%, as people state them (the closed forms lose precision when r and g are 1e-7 apart).
rates = st.integers(-50, 120).map(lambda tenths: tenths / 1000)


@given(offer=st.floats(20_000, 200_000), extra=st.floats(0, 30_000), growth=rates,
       years=st.integers(1, 60), rate=rates, share=st.floats(0, 1))
def test_compounding_matches_the_closed_forms(offer, extra, growth, years, rate, share):
    gap = cost_of_not_negotiating(offer, offer + extra, yearly_raise=growth, years=years, savings_return=rate,
                                  saved_share=share)
    d = gap.starting_difference
    total = d * years if growth == 0 else d * ((1 + growth) ** years - 1) / growth
    assert gap.total == pytest.approx(total, rel=1e-9, abs=1e-6)
    assert gap.last_year == pytest.approx(d * (1 + growth) ** (years - 1), rel=1e-9, abs=1e-6)
    if rate == growth:
        invested = share * d * years * (1 + rate) ** (years - 1)
    else:
        invested = share * d * ((1 + rate) ** years - (1 + growth) ** years) / (rate - growth)
    assert gap.invested == pytest.approx(invested, rel=1e-8, abs=1e-6)


@given(extra=st.floats(100, 30_000), growth=rates, years=st.integers(1, 60),
       discount=st.integers(0, 120).map(lambda tenths: tenths / 1000))
def test_the_present_value_is_the_savings_balance_brought_back_to_today(extra, growth, years, discount):
    """Saving every year's extra pay at the discount rate and discounting the final balance back gives
    the present value again; and with no discounting the present value is the plain total."""
    gap = cost_of_not_negotiating(70_000, 70_000 + extra, yearly_raise=growth, years=years,
                                  savings_return=discount, discount_rate=discount)
    assert gap.present_value == pytest.approx(gap.invested / (1 + discount) ** years, rel=1e-9)
    assert gap.present_value <= gap.total + 1e-6
    if discount == 0:
        assert gap.present_value == pytest.approx(gap.total)


def test_the_lessons_example():
    """Babcock & Laschever's 7.4% gain on a $70,000 first offer, 3% raises, 35 years, saved at 5%."""
    gap = cost_of_not_negotiating(70_000, 70_000 * 1.074, yearly_raise=0.03, years=35, savings_return=0.05)
    assert gap.starting_difference == pytest.approx(5_180)
    assert gap.total == pytest.approx(5_180 * (1.03 ** 35 - 1) / 0.03)
    assert gap.invested == pytest.approx(5_180 * (1.05 ** 35 - 1.03 ** 35) / 0.02)
    assert gap.invested is not None and cost_of_not_negotiating(70_000, 75_000).invested is None
    # In today's dollars, at 5%: about $127,000, not the $313,194 of nominal pay.
    now = cost_of_not_negotiating(70_000, 70_000 * 1.074, yearly_raise=0.03, years=35, discount_rate=0.05)
    q = 1.03 / 1.05
    assert now.present_value == pytest.approx(5_180 / 1.05 * (1 - q ** 35) / (1 - q))
    assert round(now.present_value, -3) == 127_000 and "worth $126,877 now" in now.describe()


@pytest.mark.parametrize("kwargs, message", [
    ({"years": -5}, "A career lasts at least 1 year; -5 years is not a career length."),
    ({"years": 0}, "A career lasts at least 1 year"),
    ({"years": 12.5}, "Give the career length in whole years, not 12.5."),
    ({"years": 80}, "longer than this calculator handles (60 at most)"),
    ({"negotiated": 65_000}, "is below the first offer ($70,000)"),
    ({"first_offer": 0}, "The first offer must be a salary above $0"),
    ({"yearly_raise": 0.9}, "A yearly raise of 90% is outside what this calculator handles"),
    ({"savings_return": 0.5}, "A yearly return of 50% is outside"),
    ({"savings_return": 0.05, "saved_share": 1.5}, "runs from 0% to 100%; 150% is outside"),
    ({"negotiated": float("nan")}, "The negotiated salary is not a number (NaN)"),
    ({"discount_rate": 0.5}, "A discount rate of 50% is outside"),
])
def test_a_bad_career_is_explained(kwargs, message):
    arguments = {"first_offer": 70_000, "negotiated": 75_000, **kwargs}
    with pytest.raises(ValueError) as error:
        cost_of_not_negotiating(arguments.pop("first_offer"), arguments.pop("negotiated"), **arguments)
    assert message in str(error.value)


# --- wait or accept -----------------------------------------------------------------------------------

@given(threshold=st.floats(40_000, 100_000), low=st.floats(40_000, 80_000), width=st.floats(1_000, 40_000))
def test_expected_excess_matches_numerical_integration(threshold, low, width):
    high = low + width
    grid = np.linspace(low, high, 200_001)
    numeric = np.mean(np.maximum(grid - threshold, 0))
    assert expected_excess(threshold, low, high) == pytest.approx(numeric, rel=1e-4, abs=1e-2)


@given(chance=st.floats(0.01, 1), cost=st.floats(0, 5_000), low=st.floats(40_000, 70_000),
       width=st.floats(2_000, 30_000), years=st.floats(0.5, 10))
def test_the_reservation_value_makes_one_more_week_worth_nothing(chance, cost, low, width, years):
    decision = wait_or_accept(60_000, chance, low, low + width, cost, weeks=8, years=years)
    reservation = decision.reservation
    assert decision.one_more_week(reservation) == pytest.approx(0, abs=1e-6 * years * width + 1e-6)
    # Below it a week pays; above it, it does not.
    assert decision.one_more_week(reservation - 100) >= -1e-6
    assert decision.one_more_week(reservation + 100) <= 1e-6
    assert decision.accept_now == (60_000 >= reservation)


def simulate(decision, runs, rng):
    """Follow the rule week by week: stop at an offer at or above the reservation value, or at the horizon
    with the best offer held; count the weeks waited."""
    held = np.full(runs, decision.offer)
    waited = np.zeros(runs)
    searching = np.ones(runs, dtype=bool)
    for _week in range(decision.weeks):
        waited[searching] += 1
        arrives = searching & (rng.random(runs) < decision.weekly_chance)
        value = rng.uniform(decision.likely_low, decision.likely_high, runs)
        held = np.where(arrives, np.maximum(held, value), held)
        searching &= held < decision.reservation
    return held, waited


@pytest.mark.parametrize("offer, chance, cost, weeks", [(65_000, 0.25, 1_250, 8), (60_000, 0.1, 800, 12),
                                                        (66_000, 0.5, 400, 4)])
def test_the_search_outcome_matches_a_simulation(offer, chance, cost, weeks):
    decision = wait_or_accept(offer, chance, 64_000, 80_000, cost, weeks=weeks)
    assert not decision.accept_now
    held, waited = simulate(decision, 400_000, np.random.default_rng(7))
    assert decision.expected_salary == pytest.approx(held.mean(), rel=2e-3)
    assert decision.expected_weeks == pytest.approx(waited.mean(), rel=1e-2)
    assert decision.chance_of_better == pytest.approx(np.mean(held >= decision.reservation), abs=5e-3)
    value = decision.years * (held - offer) - cost * waited
    assert decision.value_of_search == pytest.approx(value.mean(), rel=2e-2)


def test_accepting_now_and_the_limits():
    rich = wait_or_accept(75_000, 0.25, 64_000, 80_000, 1_250, weeks=8)
    assert rich.accept_now and rich.value_of_search == 0 and rich.expected_salary == 75_000
    assert "clears that" in rich.describe()
    assert wait_or_accept(65_000, 0.0, 64_000, 80_000, 1_250).reservation is None
    assert "With no chance of another offer" in wait_or_accept(65_000, 0.0, 64_000, 80_000, 1_250).describe()
    assert wait_or_accept(65_000, 0.25, 64_000, 80_000, 0).reservation == 80_000  # free waiting: hold out for the top
    # Scarcity: a higher cost of waiting lowers the offer worth accepting.
    costs = [wait_or_accept(65_000, 0.25, 64_000, 80_000, c).reservation for c in (200, 1_000, 3_000, 8_000)]
    assert costs == sorted(costs, reverse=True)


@pytest.mark.parametrize("args, kwargs, message", [
    ((65_000, 1.5, 64_000, 80_000, 1_250), {}, "The weekly chance of another offer runs from 0% to 100%; 150% is outside."),
    ((65_000, 0.2, 80_000, 64_000, 1_250), {}, "A likely offer runs from a lower to a higher salary"),
    ((65_000, 0.2, 64_000, 80_000, -5), {}, "The weekly cost of waiting is what a week costs you: $0 or more"),
    ((65_000, 0.2, 64_000, 80_000, 1_250), {"weeks": -1}, "whole number from 0 to 52, not -1."),
    ((65_000, 0.2, 64_000, 80_000, 1_250), {"years": 0}, "must be above 0 and at most 40"),
    ((-1, 0.2, 64_000, 80_000, 1_250), {}, "The offer in hand must be a salary above $0"),
])
def test_a_bad_search_is_explained(args, kwargs, message):
    with pytest.raises(ValueError) as error:
        wait_or_accept(*args, **kwargs)
    assert message in str(error.value)
