"""Reading numbers the way learners type them, and the course's number formats."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negwidgets.model import money, money_short, parse_money, parse_probability, percent
from negwidgets.model.checks import MAX_AMOUNT, finite_number


@pytest.mark.parametrize(
    "text, value",
    [("70000", 70_000), ("$70,000", 70_000), ("70k", 70_000), ("72.5K", 72_500), ("$1.2m", 1_200_000),
     (" 70 000 ", 70_000), ("-4k", -4_000), ("-$4,000", -4_000), (".5k", 500), (65_000, 65_000),
     ("$70.5k", 70_500), ("70K", 70_000), ("70\u00a0000", 70_000), ("1,234,567.89", 1_234_567.89),
     ("$ 70,000", 70_000), ("70_000", 70_000), ("12.50", 12.5), ("1.500k", 1_500)],
)
def test_money_is_read_as_typed(text, value):
    assert parse_money(text) == value


@pytest.mark.parametrize(
    "text, message",
    [("seventy", "could not read 'seventy'"), ("", "is empty"), ("7o000", "could not read"),
     ("nan", "NaN"), ("inf", "infinite"), ("$$5", "could not read"),
     # Read two ways in different countries: refused with a sentence, never guessed.
     ("70.000,50", "could not tell what '70.000,50' means"), ("70,5", "could not tell"), ("1,2,3", "could not tell"),
     ("70.000", "could not tell"), ("1,5k", "could not tell"),
     ("1" * 400, "too large to be an amount of money"), ("1e400", "could not read"), (10**400, "too large"), (1e16, "too large")],
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


@given(st.text(max_size=40) | st.from_regex(r"\A[-+$ ]{0,2}[\d,. _]{1,30}[kKmM]?\Z"))
def test_any_text_gives_a_finite_amount_or_a_sentence(text):
    """No typed text raises anything but ValueError, and none gives a non-finite or absurd amount."""
    try:
        value = parse_money(text)
    except ValueError as error:
        assert str(error)[:1].isupper() and str(error).endswith(".")
    else:
        assert math.isfinite(value) and abs(value) <= MAX_AMOUNT


@given(st.integers(min_value=-10**12, max_value=10**12), st.sampled_from([",", " ", "\u00a0", "_", ""]))
def test_amounts_grouped_in_threes_by_any_separator_are_read_exactly(amount, separator):
    typed = money(amount).replace(",", separator)
    assert parse_money(typed) == amount


@given(st.one_of(st.integers(), st.floats(), st.none(), st.text(max_size=5), st.booleans()))
def test_finite_number_and_money_give_a_number_or_a_sentence(value):
    for call in (lambda: finite_number(value, "the amount"), lambda: money(value), lambda: percent(value)):
        try:
            result = call()
        except ValueError as error:
            assert str(error).endswith(".")
        else:
            assert "inf" not in result and "nan" not in result if isinstance(result, str) else math.isfinite(result)


BAD_CALLS = {
    "a name that is not text": (lambda m: m.value_batna([m.Alternative(5, 70_000, 1.0)]), "must be text, not 5"),
    "a standard's name that is not text": (lambda m: m.criteria_ladder([m.Criterion(7, 80_000, 3)]), "must be text"),
    "a standard's reason that is not text": (lambda m: m.Criterion("Survey", 80_000, 3, reason=[1]), "must be text"),
    "a process of two parts": (lambda m: m.exploding_offer(72_000, 3, [("Firm C", 0.3)]), "needs four parts"),
    "a process that is a number": (lambda m: m.exploding_offer(72_000, 3, [5]), "needs four parts"),
    "a belief beyond any amount": (lambda m: m.NormalBelief(1e308, 1e308), "too large to calculate with"),
    "a zone beyond any amount": (lambda m: m.bargaining_zone(10**400, 5), "too large to calculate with"),
    "an amount of None": (lambda m: m.money(None), "must be a number, not None"),
    "an infinite amount": (lambda m: m.money(float("inf")), "infinite"),
}


@pytest.mark.parametrize("call, message", BAD_CALLS.values(), ids=BAD_CALLS.keys())
def test_bad_input_to_the_model_is_a_sentence(call, message):
    import negwidgets.model as model

    with pytest.raises(ValueError, match=message):
        call(model)
