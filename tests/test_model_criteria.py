"""Lesson 06's criteria ladder."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negwidgets.model import Criterion, criteria_ladder

RUNNING = [
    Criterion("Competing offer", 70_000, 4, "I have a written offer at that level"),
    Criterion("Salary survey, 75th percentile", 83_000, 5,
              "analysts with a similar portfolio in this region are paid at that level according to this year's survey"),
    Criterion("Previous holder's pay", 76_000, 3),
    Criterion("Cost-of-living adjustment", 78_500, 2),
    Criterion("What would thrill me", 85_000, 1),
]


def test_ladder_orders_from_the_most_ambitious_and_places_each_rung_against_the_zone():
    ladder = criteria_ladder(RUNNING, reservation=70_000, their_limit=80_000)
    assert [r.criterion.value for r in ladder.rungs] == sorted((c.value for c in RUNNING), reverse=True)
    positions = {r.criterion.name: r.position for r in ladder.rungs}
    assert positions["Salary survey, 75th percentile"] == "beyond their likely limit"
    assert positions["Previous holder's pay"] == "inside the likely zone"
    assert positions["Competing offer"] == "inside the likely zone"


def test_the_ask_is_the_most_ambitious_defensible_standard_with_its_reason():
    ladder = criteria_ladder(RUNNING, reservation=70_000, their_limit=80_000)
    defensible = [c for c in RUNNING if c.strength >= 3 and c.value >= 70_000]
    assert ladder.ask == max(defensible, key=lambda c: c.value)
    assert ladder.sentence == ("I'm asking for $83,000 because analysts with a similar portfolio in this region are "
                               "paid at that level according to this year's survey.")


def test_a_standard_without_a_reason_is_still_said_with_its_source():
    ladder = criteria_ladder([Criterion("Previous holder's pay", 76_000, 3)], reservation=70_000)
    assert ladder.sentence == "I'm asking for $76,000 because Previous holder's pay puts it at $76,000."


def test_no_defensible_ask_is_explained():
    ladder = criteria_ladder([Criterion("Wish", 90_000, 1), Criterion("Old pay", 60_000, 5)], reservation=70_000)
    assert ladder.ask is None and ladder.describe().startswith("None of your standards")


def test_a_paying_side_climbs_the_ladder_the_other_way():
    employer = [Criterion("Budget midpoint", 72_000, 4), Criterion("Internal band minimum", 65_000, 5),
                Criterion("Hope", 60_000, 1)]
    ladder = criteria_ladder(employer, reservation=80_000, their_limit=70_000, wants="less")
    assert [r.criterion.value for r in ladder.rungs] == [60_000, 65_000, 72_000]
    assert ladder.ask.value == 65_000
    assert dict((r.criterion.name, r.position) for r in ladder.rungs)["Internal band minimum"] == "beyond their likely limit"


criteria_lists = st.lists(
    st.tuples(st.integers(min_value=50, max_value=100).map(lambda k: k * 1_000), st.integers(min_value=1, max_value=5)),
    min_size=1, max_size=8,
)


@given(criteria_lists, st.randoms())
def test_the_order_is_stable_under_relabelling(values, rng):
    original = [Criterion(f"standard {i}", v, s) for i, (v, s) in enumerate(values)]
    names = [f"renamed {rng.random():.6f}" for _ in original]
    relabelled = [Criterion(n, c.value, c.strength) for n, c in zip(names, original)]
    def positions(items):  # by identity: equal standards may share a name and number
        return [next(i for i, c in enumerate(items) if c is r.criterion)
                for r in criteria_ladder(items, reservation=60_000).rungs]

    assert positions(original) == positions(relabelled)


@given(criteria_lists)
def test_the_ask_is_never_below_the_reservation_value_nor_weaker_than_defensible(values):
    ladder = criteria_ladder([Criterion(f"s{i}", v, s) for i, (v, s) in enumerate(values)], reservation=70_000)
    if ladder.ask is not None:
        assert ladder.ask.value >= 70_000 and ladder.ask.strength >= 3
        assert all(r.criterion.value <= ladder.ask.value for r in ladder.rungs
                   if r.defensible and r.criterion.value >= 70_000)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: criteria_ladder([]), "The ladder is empty"),
        (lambda: Criterion("Survey", None, 5), "'Survey' has no number"),
        (lambda: Criterion("Survey", "", 5), "'Survey' has no number"),
        (lambda: Criterion("Survey", float("nan"), 5), "NaN"),
        (lambda: Criterion("Survey", 83_000, 7), "from 1 .* to 5"),
        (lambda: criteria_ladder([Criterion("S", 1, 3)], wants="sideways"), "either 'more' or 'less'"),
    ],
)
def test_bad_ladders_are_explained(make, message):
    with pytest.raises(ValueError, match=message):
        make()
