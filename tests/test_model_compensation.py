"""Total compensation (negwidgets.model.compensation): packages valued year by year against sums written out by
hand, the comparison's difference, running total, break-even and matching salary against their definitions,
the properties the lesson relies on, the course's example against its YAML numbers, and bad input refused
with a sentence."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from negwidgets.data import load
from negwidgets.model import (CompensationPackage, compare_compensation, example_raise_or_move, parse_vesting,
                              raise_or_move, value_package, vesting_schedule)
from negwidgets.model.compensation import COMPONENTS, MAX_YEARS, in_sentence

FULL = CompensationPackage("Full", 100_000, bonus_target=0.10, bonus_chance=0.5, yearly_raise=0.0,
                           equity_grant=20_000, equity_vesting=(0.5, 0.5), equity_chance=0.5, benefits=5_000,
                           retirement_match=0.04, signing_bonus=3_000, one_off_costs=1_000)


# -- hand-computed examples ----------------------------------------------------------------------------------

def test_every_component_of_a_package_year_by_year():
    value = value_package(FULL, years=3, discount_rate=0)
    # salary 100,000; bonus 10% paid half the time; equity 20,000 over two years, worth it half the time;
    # benefits 5,000; match 4%; signing bonus 3,000 and costs 1,000 in year 1 only.
    assert value.salary.tolist() == [100_000, 100_000, 100_000]
    assert value.bonus.tolist() == [5_000, 5_000, 5_000]
    assert value.equity.tolist() == [5_000, 5_000, 0]
    assert value.benefits.tolist() == [5_000, 5_000, 5_000]
    assert value.retirement_match.tolist() == [4_000, 4_000, 4_000]
    assert value.signing_bonus.tolist() == [3_000, 0, 0]
    assert value.one_off_costs.tolist() == [-1_000, 0, 0]
    assert value.total.tolist() == [121_000, 119_000, 114_000]
    assert value.present_value == 354_000


def test_present_value_at_ten_percent_against_exact_fractions():
    value = value_package(FULL, years=3, discount_rate=0.10)
    exact = Fraction(121_000) / Fraction(11, 10) + Fraction(119_000) / Fraction(11, 10) ** 2 \
        + Fraction(114_000) / Fraction(11, 10) ** 3
    assert value.present_value == pytest.approx(float(exact), rel=1e-12)
    parts = sum(value.present_value_of(key) for key, _ in COMPONENTS)
    assert parts == pytest.approx(value.present_value, rel=1e-12)
    assert value.present_value_of("equity") == pytest.approx(5_000 / 1.1 + 5_000 / 1.21, rel=1e-12)


def test_raises_carry_the_bonus_and_the_match():
    grower = CompensationPackage("Grower", 50_000, bonus_target=0.10, yearly_raise=0.10, retirement_match=0.05)
    value = value_package(grower, years=3, discount_rate=0)
    np.testing.assert_allclose(value.salary, [50_000, 55_000, 60_500])
    np.testing.assert_allclose(value.bonus, [5_000, 5_500, 6_050])
    np.testing.assert_allclose(value.retirement_match, [2_500, 2_750, 3_025])


def test_a_comparison_by_hand_with_its_break_even_and_matching_salary():
    stay = CompensationPackage("Staying", 80_000, yearly_raise=0)
    offer = CompensationPackage("The offer", 84_000, yearly_raise=0, one_off_costs=6_000)
    comparison = compare_compensation(stay, offer, years=3, discount_rate=0)
    assert comparison.difference.tolist() == [-2_000, 4_000, 4_000]
    assert comparison.cumulative_difference.tolist() == [-2_000, 2_000, 6_000]
    assert comparison.lead_changes == (2,) and comparison.break_even_year == 2
    assert comparison.present_value_difference == 6_000
    assert comparison.leader.name == "The offer" and comparison.behind.name == "Staying"
    assert comparison.salary_to_match == pytest.approx(82_000)   # 2,000 more a year for 3 years
    assert comparison.ahead_after(1).name == "Staying" and comparison.ahead_after(3).name == "The offer"
    text = comparison.describe()
    assert text.startswith("Over 3 years, in today's dollars (no discount), the offer is worth $6,000 more than "
                           "staying on average ($246,000 against $240,000).")
    assert "Staying is ahead at first; the offer catches up in year 2 and is ahead from then on." in text


def test_the_break_even_counts_in_todays_dollars():
    # 10,000 less in year 1, 10,400 more in year 2: ahead by 400 in plain dollars, behind in today's at 5%.
    a = CompensationPackage("A", 0, yearly_raise=0, benefits=10_000)
    later = CompensationPackage("Later", 0, yearly_raise=0.0, equity_grant=20_400, equity_vesting=(0, 1))
    comparison = compare_compensation(a, later, years=2, discount_rate=0)
    assert comparison.cumulative_difference.tolist() == [-10_000, 400]
    assert comparison.break_even_year == 2
    discounted = compare_compensation(a, later, years=2, discount_rate=0.05)
    assert discounted.cumulative_difference[-1] == pytest.approx(-10_000 / 1.05 + 10_400 / 1.05 ** 2)
    assert discounted.break_even_year is None and discounted.leader.name == "A"


def test_a_lead_that_changes_hands_twice():
    # B pays 5,000 more once, then 3,000 less a year, then its equity vests: 5,000, 2,000, -1,000, +3,000.
    a = CompensationPackage("A", 60_000, yearly_raise=0)
    b = CompensationPackage("B", 57_000, yearly_raise=0, signing_bonus=8_000, equity_grant=7_000,
                            equity_vesting=(0, 0, 0, 1))
    comparison = compare_compensation(a, b, years=4, discount_rate=0)
    assert comparison.cumulative_difference.tolist() == [5_000, 2_000, -1_000, 3_000]
    assert comparison.lead_changes == (3, 4)
    assert "The lead changes hands: B is ahead at first, A from year 3, B from year 4." in comparison.describe()


# -- vesting and the cliff ---------------------------------------------------------------------------------

def test_vesting_schedules_with_a_cliff():
    assert vesting_schedule(4, 1) == (0.25, 0.25, 0.25, 0.25)
    assert vesting_schedule(4, 0) == vesting_schedule(4, 1)    # year by year a one-year cliff changes nothing
    assert vesting_schedule(4, 3) == (0.0, 0.0, 0.75, 0.25)
    assert vesting_schedule(1, 1) == (1.0,)
    for years in range(1, MAX_YEARS + 1):
        for cliff in range(0, years + 1):
            shares = vesting_schedule(years, cliff)
            assert math.fsum(shares) == pytest.approx(1)
            assert all(s == 0 for s in shares[:max(cliff, 1) - 1])


@given(years=st.integers(1, 6), cliff=st.integers(1, 6), horizon=st.integers(1, MAX_YEARS))
def test_a_cliff_gives_nothing_before_it_and_everything_due_at_it(years, cliff, horizon):
    assume(cliff <= years)
    grant = CompensationPackage("Grant", 0, equity_grant=12_000, equity_vesting=vesting_schedule(years, cliff),
                                equity_chance=0.5)
    equity = np.cumsum(value_package(grant, horizon, 0).equity)
    for year, vested in enumerate(equity, start=1):
        due = 0 if year < cliff else 12_000 * 0.5 * min(year, years) / years
        assert vested == pytest.approx(due)


def test_equity_that_vests_after_the_years_compared_is_left_out_and_said_so():
    offer = CompensationPackage("The offer", 80_000, equity_grant=40_000, equity_vesting=vesting_schedule(4, 2))
    value = value_package(offer, years=1, discount_rate=0)
    assert value.equity.tolist() == [0] and value.unvested_share == 1.0
    text = compare_compensation(CompensationPackage("Staying", 80_000), offer, years=3).describe()
    assert "The offer: 25% of the equity vests after year 3 and is not counted." in text


def test_typed_vesting_schedules():
    assert parse_vesting("25/25/25/25") == (0.25, 0.25, 0.25, 0.25)
    assert parse_vesting("0.5, 0.5") == (0.5, 0.5)
    assert parse_vesting("50% 50%") == (0.5, 0.5)
    assert parse_vesting("") == ()
    with pytest.raises(ValueError, match=r"add up to 75%, not 100%"):
        CompensationPackage("X", 1, equity_grant=1, equity_vesting=parse_vesting("25/25/25"))
    with pytest.raises(ValueError, match=r"^I could not read 'a' in"):
        parse_vesting("25/a")


# -- properties ----------------------------------------------------------------------------------------------

amounts = st.one_of(st.sampled_from([0.0, 1.0, 50_000.0, 1e12]), st.floats(0, 1e12, allow_nan=False))
shares = st.floats(0, 1, allow_nan=False)


@st.composite
def packages(draw, name=st.sampled_from(["A", "Staying", "The offer"]), amounts=amounts):
    length = draw(st.integers(1, MAX_YEARS))
    raw = draw(st.lists(st.integers(0, 100), min_size=length, max_size=length))
    vesting = tuple(r / sum(raw) for r in raw) if sum(raw) else (1.0,) + (0.0,) * (length - 1)
    return CompensationPackage(draw(name), draw(amounts), bonus_target=draw(st.floats(0, 2)),
                               bonus_chance=draw(shares), yearly_raise=draw(st.floats(0, 0.5)),
                               equity_grant=draw(amounts), equity_vesting=vesting, equity_chance=draw(shares),
                               benefits=draw(amounts), retirement_match=draw(shares), signing_bonus=draw(amounts),
                               one_off_costs=draw(amounts))


years = st.integers(1, MAX_YEARS)
rates = st.floats(0, 0.2, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(a=packages(), b=packages(), n=years, rate=rates)
def test_no_finite_input_gives_a_non_finite_result(a, b, n, rate):
    comparison = compare_compensation(a, b, n, rate)
    for value in (comparison.first, comparison.second):
        for key, _ in COMPONENTS:
            assert np.isfinite(value.component(key)).all()
        assert math.isfinite(value.present_value)
    assert np.isfinite(comparison.cumulative_difference).all()
    assert all(map(math.isfinite, comparison.if_equity_worthless + comparison.if_equity_worth_grant))
    assert comparison.salary_to_match is None or math.isfinite(comparison.salary_to_match)
    assert comparison.describe().endswith(".")
    decision = raise_or_move(a.replace(salary=min(a.salary, 9e11)), 0.04, b, n, rate)
    assert decision.matching_raise is None or math.isfinite(decision.matching_raise)
    assert decision.describe().endswith(".")


@settings(max_examples=150, deadline=None)
@given(a=packages(), b=packages(), n=years, rate=rates)
def test_swapping_the_packages_flips_the_difference(a, b, n, rate):
    ab, ba = compare_compensation(a, b, n, rate), compare_compensation(b, a, n, rate)
    np.testing.assert_array_equal(ab.difference, -ba.difference)
    np.testing.assert_array_equal(ab.cumulative_difference, -ba.cumulative_difference)
    assert ab.present_value_difference == -ba.present_value_difference
    assert ab.lead_changes == ba.lead_changes
    assert (ab.leader is None) == (ba.leader is None)
    if ab.leader is not None:
        assert ab.leader.package == ba.leader.package


@settings(max_examples=150, deadline=None)
@given(a=packages(), b=packages(), n=years, rate=rates)
def test_equity_with_no_chance_is_the_same_package_without_equity(a, b, n, rate):
    no_chance = compare_compensation(a.replace(equity_chance=0.0), b, n, rate)
    no_grant = compare_compensation(a.replace(equity_grant=0.0), b, n, rate)
    np.testing.assert_array_equal(no_chance.first.total, no_grant.first.total)
    assert no_chance.present_value_difference == no_grant.present_value_difference
    assert no_chance.lead_changes == no_grant.lead_changes


@settings(max_examples=150, deadline=None)
@given(a=packages(), n=years)
def test_with_no_discount_the_present_value_is_the_sum_of_the_years(a, n):
    value = value_package(a, n, 0.0)
    assert value.present_value == pytest.approx(math.fsum(value.total), rel=1e-12, abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(a=packages(), b=packages(), n=years, rate=rates)
def test_lead_changes_are_where_the_running_total_changes_sign(a, b, n, rate):
    comparison = compare_compensation(a, b, n, rate)
    signs = [0 if abs(x) <= 0.5 else (1 if x > 0 else -1) for x in comparison.cumulative_difference]
    expected, last = [], 0
    for year, sign in enumerate(signs, start=1):
        if sign and last and sign != last:
            expected.append(year)
        if sign:
            last = sign
    assert comparison.lead_changes == tuple(expected)


moderate = st.floats(1_000, 500_000)


def size(comparison) -> float:
    """The largest amount the comparison adds up (the scale of its rounding errors)."""
    return max(1.0, *(abs(value.present_value_of(key)) for value in (comparison.first, comparison.second)
                      for key, _ in COMPONENTS))
modest = packages(amounts=st.floats(0, 100_000))


@settings(max_examples=150, deadline=None)
@given(a=modest, b=modest, n=years, rate=rates, salary_a=moderate, salary_b=moderate)
def test_the_salary_to_match_makes_the_package_behind_worth_as_much(a, b, n, rate, salary_a, salary_b):
    a, b = a.replace(salary=salary_a), b.replace(salary=salary_b)
    comparison = compare_compensation(a, b, n, rate)
    assume(comparison.leader is not None and comparison.salary_to_match is not None)
    behind_is_a = comparison.behind is comparison.first
    fixed = (a.replace(salary=comparison.salary_to_match), b) if behind_is_a else \
        (a, b.replace(salary=comparison.salary_to_match))
    level = compare_compensation(*fixed, n, rate)
    assert abs(level.present_value_difference) <= 1e-9 * size(level)


@settings(max_examples=150, deadline=None)
@given(current=modest, offer=modest, n=years, rate=rates, salary=moderate)
def test_the_matching_raise_makes_staying_worth_as_much_as_the_offer(current, offer, n, rate, salary):
    current = current.replace(salary=salary)
    decision = raise_or_move(current, 0.04, offer, n, rate)
    matching = decision.matching_raise
    assume(matching is not None and matching >= -1)
    # The current package with its salary raised by the matching raise (a cut if it is negative).
    level = compare_compensation(current.replace(salary=salary * (1 + matching)), offer, n, rate)
    assert abs(level.present_value_difference) <= 1e-9 * size(level)


# -- the course's example ------------------------------------------------------------------------------------

def test_the_example_against_its_yaml_numbers_computed_here():
    data = load("compensation")
    cur, offer, offered = data["current"], data["offer"], data["offered_salary"]
    example = example_raise_or_move()
    # Sam offers the top of her band, $80,000: $1,000 (about 1.3%) on her $79,000, and not a dollar above the band.
    assert (cur["salary"], offered, data["band_top"]) == (79_000, 80_000, 80_000) and offered <= data["band_top"]
    assert example.stay.salary == 80_000 and example.stay.salary <= data["band_top"]   # exact, not 79,999.99...
    assert example.raise_pct == pytest.approx(1_000 / 79_000) and round(example.raise_pct, 3) == 0.013
    n, r = data["years"], data["discount_rate"]

    def stay_year(t, salary=offered):   # salary with bonus (target x chance) and match, then the benefits
        salary = salary * (1 + cur["yearly_raise"]) ** (t - 1)
        return salary * (1 + cur["bonus_target"] * cur["bonus_chance"] + cur["retirement_match"]) + cur["benefits"]

    def offer_year(t):
        salary = offer["salary"] * (1 + offer["yearly_raise"]) ** (t - 1)
        equity = offer["equity_grant"] * offer["equity_vesting"][t - 1] * offer["equity_chance"]
        once = -offer["one_off_costs"] if t == 1 else 0
        return salary * (1 + offer["retirement_match"]) + equity + offer["benefits"] + once

    comparison = example.comparison
    np.testing.assert_allclose(comparison.first.total, [stay_year(t) for t in range(1, n + 1)])
    np.testing.assert_allclose(comparison.second.total, [offer_year(t) for t in range(1, n + 1)])
    assert comparison.first.total[0] == pytest.approx(94_200)    # 80,000 + 4% bonus + 5% match + 7,000
    assert comparison.second.total[0] == pytest.approx(94_690)   # 88,000 + 3% match + 3,000 equity + 5,000 - 3,950
    stay_pv = sum(stay_year(t) / (1 + r) ** t for t in range(1, n + 1))
    offer_pv = sum(offer_year(t) / (1 + r) ** t for t in range(1, n + 1))
    assert comparison.present_value_difference == pytest.approx(offer_pv - stay_pv)
    assert round(offer_pv - stay_pv) == 12_519
    assert comparison.leader is comparison.second and comparison.break_even_year is None   # ahead from year 1
    # Even without the equity the offer is ahead; with it at its grant value it is far ahead.
    equity_pv = sum(offer["equity_grant"] * offer["equity_vesting"][t - 1] / (1 + r) ** t for t in range(1, n + 1))
    worthless = offer_pv - offer["equity_chance"] * equity_pv - stay_pv
    assert comparison.if_equity_worthless[1] - comparison.if_equity_worthless[0] == pytest.approx(worthless)
    assert round(worthless) == 1_881
    full = offer_pv + (1 - offer["equity_chance"]) * equity_pv - stay_pv
    assert round(full) == 37_341
    # The raise that makes staying worth as much: the stay's value is linear in its salary.
    at_zero = sum(stay_year(t, 0.0) / (1 + r) ** t for t in range(1, n + 1))
    per_dollar = sum(stay_year(t, 1.0) / (1 + r) ** t for t in range(1, n + 1)) - at_zero
    matching_salary = (offer_pv - at_zero) / per_dollar
    assert example.matching_raise == pytest.approx(matching_salary / cur["salary"] - 1)
    assert round(example.matching_raise, 3) == 0.052 and round(matching_salary, -2) == 83_100
    text = example.describe()
    assert text.startswith("Over 4 years, in today's dollars (a 5% discount rate), the start-up's offer is worth "
                           "$12,519 more than staying with a 1.3% raise on average ($360,160 against $347,641).")
    assert ("if the equity turns out worth nothing (a 70% chance), the start-up's offer is worth $1,881 more; "
            "if the equity is worth its grant value (a 30% chance), the start-up's offer is worth $37,341 more.") in text
    assert text.endswith("A raise of 5.2% (instead of 1.3%) would make staying worth as much as the offer on average.")


def test_names_read_naturally_inside_a_sentence():
    assert in_sentence("The start-up's offer") == "the start-up's offer"
    assert in_sentence("Staying with a 4% raise") == "staying with a 4% raise"
    assert in_sentence("Northwind") == "Northwind" and in_sentence("The BBC") == "the BBC"
    assert in_sentence("NASA") == "NASA" and in_sentence("A") == "A" and in_sentence("A job") == "a job"


# -- bad input -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("changes, message", [
    (dict(salary=-1), r"^The salary of staying is an amount of money: \$0 or more, not -\$1\.$"),
    (dict(salary=float("nan")), r"^The salary of staying is not a number \(NaN\)"),
    (dict(benefits=float("inf")), r"^The yearly value of the benefits of staying is infinite"),
    (dict(bonus_chance=1.5), r"^The chance that the bonus of staying is paid runs from 0% to 100%; 150% is outside\.$"),
    (dict(equity_chance=-0.1), r"^The chance that the equity of staying is worth its grant value runs from 0%"),
    (dict(bonus_target=5), r"^The bonus target of staying runs from 0% to 200%; 500% is outside: type it as"),
    (dict(yearly_raise=3), r"^The yearly raise of staying runs from 0% to 50%; 300% is outside: type it as a "),
    (dict(retirement_match=1.2), r"^The retirement match of staying runs from 0% to 100%"),
    (dict(signing_bonus=-5), r"^The signing bonus of staying is an amount of money"),
    (dict(salary=2e12), r"^The salary of staying of \$2,000,000,000,000 is beyond this calculator"),
    (dict(one_off_costs="3000"), r"^The one-off costs of staying must be a number, not '3000'\.$"),
    (dict(equity_grant=1, equity_vesting=(0.5, 0.4)), r"^The yearly shares of the equity of staying that vest add "
                                                      r"up to 90%, not 100%"),
    (dict(equity_grant=1, equity_vesting=()), r"^Say when the equity of staying vests"),
    (dict(equity_vesting=(0.1,) * 11 + (-0.1,)), r"^The share of the equity of staying vesting in year 12 runs"),
    (dict(equity_vesting=(1 / 11,) * 11), r"^The vesting of the equity of staying runs over 11 years"),
    (dict(equity_vesting="25/25/25/25"), r"^Give the equity's vesting as a list of yearly shares"),
    (dict(name="  "), r"^Give each package a name"),
    (dict(name="x" * 61), r"^Keep a package's name under 60 characters"),
    (dict(name=5), r"^A package's name must be text, not 5\.$"),
])
def test_bad_packages_are_refused_with_a_sentence(changes, message):
    values = {"name": "Staying", "salary": 79_000, **changes}
    with pytest.raises(ValueError, match=message):
        CompensationPackage(**values)


@pytest.mark.parametrize("years, rate, message", [
    (0, 0.05, r"^Compare over a whole number of years from 1 to 10, not 0\.$"),
    (11, 0.05, r"not 11\.$"),
    (2.5, 0.05, r"not 2\.5\.$"),
    (True, 0.05, r"^The number of years must be a number, not True\.$"),
    (4, 0.25, r"^The discount rate runs from 0% to 20%; 25% is outside: a rate of 3% to 8% a year is usual"),
    (4, -0.01, r"^The discount rate runs from 0% to 20%; -1% is outside"),
    (4, float("nan"), r"^The discount rate is not a number"),
])
def test_bad_years_and_rates_are_refused_with_a_sentence(years, rate, message):
    package = CompensationPackage("A", 1)
    with pytest.raises(ValueError, match=message):
        compare_compensation(package, package, years, rate)


def test_raise_or_move_refuses_a_bad_raise_and_non_packages():
    package = CompensationPackage("A", 1)
    with pytest.raises(ValueError, match=r"^The raise runs from 0% to 50%; 400% is outside: type it as a percentage"):
        raise_or_move(package, 4, package)
    with pytest.raises(ValueError, match=r"^Give the current package and the offer as CompensationPackage"):
        raise_or_move({"salary": 1}, 0.04, package)
    with pytest.raises(ValueError, match=r"^Compare packages made with CompensationPackage"):
        compare_compensation(package, "an offer")
    with pytest.raises(ValueError, match=r"^With a 10% raise the salary of staying would be \$1,100,000,000,000, "
                                         r"beyond this calculator"):
        raise_or_move(CompensationPackage("Staying", 1e12), 0.1, package)
    with pytest.raises(ValueError, match=r"^A cliff of 5 years is longer than the 4 years"):
        vesting_schedule(4, 5)


def test_what_raise_or_move_says_in_each_case():
    current = CompensationPackage("Staying", 80_000, yearly_raise=0)
    same = compare_compensation(current, current.replace(name="The offer"), years=2)
    assert same.leader is None and same.lead_changes == () and same.salary_to_match is None
    assert "staying and the offer are worth the same on average ($148,753)" in same.describe()
    lower = raise_or_move(current, 0.04, CompensationPackage("The offer", 70_000, yearly_raise=0), 2, 0)
    assert lower.matching_raise == pytest.approx(70_000 / 80_000 - 1)
    assert lower.describe().endswith("Even without a raise, staying is worth at least as much as the offer on average.")
    close = raise_or_move(current, 0.04, CompensationPackage("The offer", 81_200, yearly_raise=0), 2, 0)
    assert close.comparison.leader.name == "Staying with a 4% raise"
    assert close.describe().endswith("A raise of 1.5% (instead of 4%) would make staying worth as much as the offer "
                                     "on average.")
    far = raise_or_move(CompensationPackage("Staying", 1), 0.04, CompensationPackage("The offer", 100_000), 2, 0)
    assert far.describe().endswith("No raise under 1,000% would make staying worth as much as the offer on average.")
    cents = raise_or_move(CompensationPackage("Staying", 0.5), 0.04, CompensationPackage("The offer", 100_000), 2, 0)
    assert cents.matching_raise is None and "its salary would have to be $100,000 in year 1" in cents.describe()


def test_two_uncertain_grants_give_the_outcomes_without_chances():
    a = CompensationPackage("A", 80_000, equity_grant=10_000, equity_chance=0.5, yearly_raise=0)
    b = CompensationPackage("B", 80_000, equity_grant=30_000, equity_chance=0.2, yearly_raise=0)
    text = compare_compensation(a, b, years=4, discount_rate=0).describe()
    # Nothing: both worth $320,000; full: B worth $20,000 more; on average B 6,000 against A 5,000.
    assert text.startswith("Over 4 years, in today's dollars (no discount), B is worth $1,000 more than A on average")
    assert ("That is an average of two outcomes: if the equity turns out worth nothing, the two are worth the same; "
            "if the equity is worth its grant value, B is worth $20,000 more.") in text
