"""The repeated-deals model (honesty against a hard tactic that costs trust when caught): its expected
totals against a brute-force enumeration of every path and a seeded simulation, the break-even against
its definition, and the properties the lesson's story rests on."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from negwidgets.model import break_even_by_detection, repeated_negotiation
from negwidgets.model.reputation import MAX_ENCOUNTERS, TIE

chances = st.integers(0, 20).map(lambda twentieths: twentieths / 20)


@st.composite
def assumptions(draw, chance=chances):
    """Any consistent set of assumptions: trust, once lost, gives no more deals and no larger share."""
    surplus = draw(st.sampled_from([1_000, 10_000, 250_000]))
    share = draw(chance)
    gain = draw(chance) * (1 - share) * surplus
    repeat = draw(chance)
    return dict(surplus=surplus, share=share, gain=gain, repeat=repeat,
                repeat_distrusted=draw(chance) * repeat, share_distrusted=draw(chance) * share,
                discount=draw(st.sampled_from([1.0, 0.95, 0.8, 0.5, 0.0])))


def brute_force(n, surplus, share, gain, detection, repeat, repeat_distrusted, share_distrusted, discount):
    """The expected hard total over n deals, summed over every path of catches and endings (exact fractions)."""
    surplus, share, gain, detection, repeat, repeat_distrusted, share_distrusted, discount = map(
        Fraction, (surplus, share, gain, detection, repeat, repeat_distrusted, share_distrusted, discount))

    def value(deal, trusted):   # expected value from this deal on, given that it happens
        pay = (share * surplus + gain) if trusted else share_distrusted * surplus
        if deal == n:
            return pay
        later = Fraction(0)
        for caught, p_caught in ((True, detection), (False, 1 - detection)) if trusted else ((False, 1),):
            still = trusted and not caught
            p_next = repeat if still else repeat_distrusted
            if p_caught and p_next:
                later += p_caught * p_next * discount * value(deal + 1, still)
        return pay + later

    return value(1, True)


@given(setup=assumptions(), detection=chances, n=st.integers(1, 6))
@settings(max_examples=60, deadline=None)
def test_the_hard_total_is_the_sum_over_every_path(setup, detection, n):
    result = repeated_negotiation(n, detection=detection, **setup)
    assert result.hard_total == pytest.approx(float(brute_force(n, detection=detection, **setup)), rel=1e-9, abs=1e-6)
    # honest play is the same tree with no tactic: the chance each deal happens, times half the deal
    honest = sum(setup["share"] * setup["surplus"] * (setup["discount"] * setup["repeat"]) ** k for k in range(n))
    assert result.honest_total == pytest.approx(honest, rel=1e-9, abs=1e-6)


def test_the_totals_match_a_seeded_simulation():
    """20,000 simulated relationships of 8 deals: each mean within 4.5 standard errors of the model."""
    n, runs, p, q, q2, h, y, low, d = 8, 20_000, 0.25, 0.9, 0.6, 5_000, 2_000, 4_000, 0.95
    result = repeated_negotiation(n, detection=p, repeat=q, repeat_distrusted=q2, discount=d)
    rng = np.random.default_rng(20250611)
    alive, trusted = np.ones(runs, bool), np.ones(runs, bool)
    hard, honest, honest_alive = np.zeros(runs), np.zeros(runs), np.ones(runs, bool)
    for k in range(n):
        hard += alive * np.where(trusted, h + y, low) * d ** k
        honest += honest_alive * h * d ** k
        trusted &= rng.random(runs) >= p
        alive &= rng.random(runs) < np.where(trusted, q, q2)
        honest_alive &= rng.random(runs) < q
    for model, sample in ((result.hard_total, hard), (result.honest_total, honest)):
        assert abs(sample.mean() - model) <= 4.5 * sample.std(ddof=1) / math.sqrt(runs)


def test_the_default_numbers():
    result = repeated_negotiation()
    assert result.break_even == 6 and result.honesty_ever_wins and result.honesty_ahead
    assert result.hard[4] > result.honest[4] and result.honest[5] >= result.hard[5]
    assert (round(result.honest_total), round(result.hard_total)) == (43_921, 26_137)
    assert list(result.deals) == list(range(1, 21))
    text = result.describe()
    assert text.startswith("Under these assumptions honesty catches up by the 6th deal")
    assert "illustrative" in text and "25% chance" in text and "$2,000 more" in text
    short = repeated_negotiation(3)
    assert not short.honesty_ahead and short.break_even == 6
    assert "6th deal" in short.describe()


def test_one_shot_deals_never_pay_back():
    """With no next deal (or later deals worth nothing) honesty never catches up, and the sentence says why."""
    for result in (repeated_negotiation(repeat=0, repeat_distrusted=0), repeated_negotiation(discount=0)):
        assert result.break_even is None and not result.honesty_ever_wins
        assert "never catches up" in result.describe() and "too unlikely, or count too little" in result.describe()


@given(setup=assumptions())
@settings(max_examples=80, deadline=None)
def test_a_tactic_that_is_never_caught_never_loses(setup):
    result = repeated_negotiation(MAX_ENCOUNTERS, detection=0, **setup)
    assert np.all(result.hard >= result.honest)
    if setup["gain"] > 0 and setup["share"] > 0:
        assert result.break_even is None and not result.honesty_ever_wins


@given(setup=assumptions(), low=chances, high=chances)
@settings(max_examples=80, deadline=None)
def test_a_likelier_catch_never_delays_the_break_even(setup, low, high):
    low, high = sorted((low, high))
    rarely, often = (repeated_negotiation(MAX_ENCOUNTERS, detection=p, **setup) for p in (low, high))
    assert np.all(often.hard <= rarely.hard * (1 + TIE) + 1e-6)
    later = math.inf if rarely.break_even is None else rarely.break_even
    assert (often.break_even or math.inf) <= later
    assert often.honesty_ever_wins or not rarely.honesty_ever_wins


@given(setup=assumptions(), detection=chances)
@settings(max_examples=80, deadline=None)
def test_the_break_even_is_the_first_number_of_deals_where_honesty_is_level_or_ahead(setup, detection):
    result = repeated_negotiation(MAX_ENCOUNTERS, detection=detection, **setup)
    ahead = [n for n, (honest, hard) in enumerate(zip(result.honest, result.hard), 1) if honest >= hard * (1 - TIE)]
    assert result.break_even == (ahead[0] if ahead else None)
    per_deal = np.diff(result.honest - result.hard, prepend=0)   # honesty's edge in each single deal
    scale = 1e-9 * setup["surplus"]
    turned = np.flatnonzero(per_deal > scale)
    if turned.size:   # the edge changes sign at most once: from the tactic's favour to honesty's
        assert np.all(per_deal[turned[0]:] >= -scale)
    if ahead:   # and once level, honesty stays level or ahead
        assert np.all(result.honest[ahead[0] - 1:] >= result.hard[ahead[0] - 1:] * (1 - 1e-6) - 1e-6)
        assert result.honesty_ever_wins


@given(setup=assumptions(chance=st.integers(0, 19).map(lambda twentieths: twentieths / 20)), detection=chances)
@settings(max_examples=80, deadline=None)
def test_whether_honesty_ever_wins_agrees_with_a_long_relationship(setup, detection):
    """With a chance of another deal of at most 95%, deal 1,000 weighs nothing (0.95 ** 1000 < 1e-22), so
    the endless relationship's verdict must be the one found within 1,000 deals."""
    result = repeated_negotiation(MAX_ENCOUNTERS, detection=detection, **setup)
    assert result.honesty_ever_wins == (result.break_even is not None)


def test_an_endless_relationship_pays_back_beyond_the_search():
    """Every deal repeats and the tactic is almost never caught: honesty wins, but after more than 1,000 deals."""
    result = repeated_negotiation(detection=0.0001, repeat=1, repeat_distrusted=0.5)
    assert result.break_even is None and result.honesty_ever_wins
    assert "only after more than 1,000 deals" in result.describe()
    same = repeated_negotiation(detection=0.3, repeat=1, repeat_distrusted=1, share_distrusted=0.5)
    assert same.break_even is None and not same.honesty_ever_wins
    assert "only ends the tactic's extra gain" in same.describe()


def test_honest_play_that_gets_nothing_never_catches_up_even_when_every_deal_repeats():
    """Every deal happens, but honest play gets 0% of each: its total stays $0 while the tactic's grows, so
    honesty never catches up, however often the tactic is caught (it once said "only after 1,000 deals")."""
    for detection in (0.01, 0.25, 1.0):
        result = repeated_negotiation(share=0, share_distrusted=0, repeat=1, repeat_distrusted=0.5,
                                      detection=detection)
        assert result.honest_total == 0 and result.hard_total >= 2_000
        assert result.break_even is None and not result.honesty_ever_wins
        assert "honesty never catches up: honest play gets you nothing from a deal here" in result.describe()


@given(surplus=st.floats(0.01, 1e9), share=st.floats(0, 1), gain_part=st.floats(0, 1), detection=st.floats(0, 1),
       repeat=st.floats(0, 1), repeat_part=st.floats(0, 1), share_part=st.floats(0, 1), discount=st.floats(0, 1),
       n=st.integers(1, MAX_ENCOUNTERS))
@settings(max_examples=60, deadline=None)
def test_finite_input_gives_finite_output(surplus, share, gain_part, detection, repeat, repeat_part, share_part,
                                          discount, n):
    gain = gain_part * (1 - share) * surplus
    assume(share * surplus + gain <= surplus)
    result = repeated_negotiation(n, surplus=surplus, share=share, gain=gain, detection=detection, repeat=repeat,
                                  repeat_distrusted=repeat_part * repeat, share_distrusted=share_part * share,
                                  discount=discount)
    assert np.all(np.isfinite(result.honest)) and np.all(np.isfinite(result.hard))
    assert np.all(np.diff(result.honest) >= 0) and np.all(np.diff(result.hard) >= 0)
    assert result.describe().endswith(".")


@pytest.mark.parametrize("kwargs, message", [
    (dict(detection=float("nan")), "is not a number"),
    (dict(detection=-0.1), "runs from 0% to 100%"),
    (dict(repeat=1.5), "runs from 0% to 100%"),
    (dict(surplus=float("inf")), "is infinite"),
    (dict(surplus=0), "more than $0"),
    (dict(surplus=2e9), "at most $1,000,000,000"),
    (dict(gain=-500), "$0 or more"),
    (dict(gain=6_000), "cannot take more than the whole deal"),
    (dict(repeat_distrusted=0.95), "cannot be higher than with trust"),
    (dict(share_distrusted=0.6), "cannot be larger than with trust"),
    (dict(discount=1.05), "runs from 0% to 100%"),
    (dict(encounters=0), "whole number from 1 to 1,000"),
    (dict(encounters=1_001), "whole number from 1 to 1,000"),
    (dict(encounters=2.5), "whole number from 1 to 1,000"),
    (dict(encounters=True), "must be a number"),
    (dict(share="half"), "must be a number"),
])
def test_bad_input_is_a_sentence(kwargs, message):
    with pytest.raises(ValueError, match=None) as error:
        repeated_negotiation(**kwargs)
    text = str(error.value)
    assert message in text and text[0].isupper() and text.endswith(".")


def test_the_sensitivity_table():
    table = break_even_by_detection()
    assert len(table.detections) == 21 and table.detections[0] == 0 and table.detections[-1] == 1
    assert table.break_evens[:3] == (None, None, 13) and table.break_evens[5] == 6 and table.break_evens[-1] == 2
    for p, n in zip(table.detections, table.break_evens):
        assert repeated_negotiation(detection=p).break_even == n
    known = [n for n in table.break_evens if n is not None]
    assert known == sorted(known, reverse=True)
    text = table.describe()
    assert text.startswith("Under these assumptions, the likelier the tactic is to be caught, the sooner")
    assert "by the 2nd deal at a 100% chance" in text and "by the 13th at 10%" in text
    assert "At 5% or less it does not catch up within 1,000 deals" in text
    assert "25% chance" not in text   # the table's rows, not one chance, are the detection assumption
    assert break_even_by_detection([0.5], repeat=0.9, gain=1_000).break_evens == (
        repeated_negotiation(detection=0.5, gain=1_000).break_even,)
    assert "does not catch up within 1,000 deals at any" in break_even_by_detection([0, 0.05]).describe()


@pytest.mark.parametrize("args, kwargs, message", [
    (([],), {}, "at least one chance"),
    ((0.5,), {}, "as a list of numbers"),
    (([0.5, 2],), {}, "runs from 0% to 100%"),
    ((list(np.linspace(0, 1, 202)),), {}, "at most 201"),
    (([0.5],), dict(detection=0.2), "the table's rows"),
])
def test_bad_sensitivity_input_is_a_sentence(args, kwargs, message):
    with pytest.raises(ValueError) as error:
        break_even_by_detection(*args, **kwargs)
    assert message in str(error.value) and str(error.value).endswith(".")


@pytest.mark.parametrize("assumptions, reason", [
    (dict(detection=0.05), "caught too rarely (a 5% chance each time), and later deals are too unlikely"),
    (dict(repeat=0.7, repeat_distrusted=0.5), "caught too rarely (a 25% chance each time), and later deals"),
    (dict(detection=0.0), "the tactic is never caught"),
])
def test_when_honesty_never_catches_up_the_reason_names_what_holds_it_back(assumptions, reason):
    result = repeated_negotiation(**assumptions)
    assert result.break_even is None and reason in result.describe()
    # The reason is true: a sure catch, or a relationship sure to go on, would let honesty catch up.
    if assumptions.get("detection", 0.25) > 0:
        assert repeated_negotiation(**{**assumptions, "detection": 1.0}).break_even is not None
        assert repeated_negotiation(**{**assumptions, "repeat": 1.0, "encounters": 1_000}).break_even is not None
