"""Reading numbers the way learners type them, and the course's number formats."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negwidgets.model import money, money_short, parse_money, parse_probability, percent


@pytest.mark.parametrize(
    "text, value",
    [("70000", 70_000), ("$70,000", 70_000), ("70k", 70_000), ("72.5K", 72_500), ("$1.2m", 1_200_000),
     (" 70 000 ", 70_000), ("-4k", -4_000), ("-$4,000", -4_000), (".5k", 500), (65_000, 65_000)],
)
def test_money_is_read_as_typed(text, value):
    assert parse_money(text) == value


@pytest.mark.parametrize(
    "text, message",
    [("seventy", "could not read 'seventy'"), ("", "is empty"), ("7o000", "could not read"),
     ("nan", "NaN"), ("inf", "infinite"), ("$$5", "could not read")],
)
def test_money_that_cannot_be_read_is_explained(text, message):
    with pytest.raises(ValueError, match=message):
        parse_money(text)


@pytest.mark.parametrize("text, value", [("35%", 0.35), ("0.35", 0.35), ("100 %", 1.0), ("1", 1.0), (0.2, 0.2)])
def test_probabilities_are_read_as_typed(text, value):
    assert parse_probability(text) == pytest.approx(value)


@pytest.mark.parametrize("text, message", [("half", "could not read 'half'"), ("", "is empty"), ("nan%", "NaN")])
def test_probabilities_that_cannot_be_read_are_explained(text, message):
    with pytest.raises(ValueError, match=message):
        parse_probability(text)


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_money_formatting_round_trips_through_parsing(amount):
    assert parse_money(money(amount)) == amount


def test_formats_follow_the_lesson_guide():
    assert money(70_000) == "$70,000"
    assert money_short(70_000) == "$70k"
    assert percent(0.35) == "35%"
