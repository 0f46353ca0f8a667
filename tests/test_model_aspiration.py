"""Aspiration from benchmarks, and the cost of aiming low."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negwidgets.model import aspiration_from_benchmarks, salary_benchmarks, unclaimed_value


def test_running_example_aspiration_is_the_80th_percentile_of_the_illustrative_analyst_table():
    plan = aspiration_from_benchmarks(salary_benchmarks("Data analyst"), 80, reservation=70_000)
    table = salary_benchmarks("Data analyst")
    expected = table[75] + (table[90] - table[75]) * (80 - 75) / (90 - 75)
    assert plan.aspiration == pytest.approx(expected) == pytest.approx(85_000)
    assert plan.stretch == pytest.approx(expected - 70_000)


@given(st.lists(st.floats(min_value=1, max_value=1e6), min_size=2, max_size=5, unique=True),
       st.floats(min_value=10, max_value=90))
def test_aspiration_lies_between_neighbouring_benchmarks(values, percentile):
    points = dict(zip([10, 25, 50, 75, 90], sorted(values)))
    lowest, highest = min(points), max(points)
    percentile = min(max(percentile, lowest), highest)
    aspiration = aspiration_from_benchmarks(points, percentile).aspiration
    below = max(p for p in points if p <= percentile)
    above = min(p for p in points if p >= percentile)
    assert points[below] - 1e-6 <= aspiration <= points[above] + 1e-6


def test_benchmark_points_are_hit_exactly():
    points = {25: 64_000, 50: 72_000, 75: 83_000}
    for p, v in points.items():
        assert aspiration_from_benchmarks(points, p).aspiration == v


@pytest.mark.parametrize(
    "points, percentile, reservation, message",
    [
        ({50: 72_000}, 50, None, "at least two benchmark figures"),
        ({50: 72_000, 75: 70_000}, 60, None, "a higher percentile never pays less"),
        ({50: 72_000, 75: 83_000}, 90, None, "outside your data"),
        ({0: 1, 75: 83_000}, 50, None, "between 0 and 100"),
        ({50: 72_000, 75: 83_000}, 50, 80_000, "below your reservation value"),
        ({50: float("nan"), 75: 83_000}, 60, None, "NaN"),
    ],
)
def test_bad_benchmarks_are_explained(points, percentile, reservation, message):
    with pytest.raises(ValueError, match=message):
        aspiration_from_benchmarks(points, percentile, reservation)


@given(st.floats(min_value=0, max_value=1e6), st.floats(min_value=0, max_value=1e6))
def test_unclaimed_value_is_what_lies_between_aspiration_and_their_limit(aspiration, limit):
    assert unclaimed_value(aspiration, limit) == max(0.0, limit - aspiration)


def test_unknown_role_is_explained():
    with pytest.raises(ValueError, match="no illustrative figures"):
        salary_benchmarks("Astronaut")
