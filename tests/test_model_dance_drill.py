"""Lesson 08's "read the dance" drill: its rounds, its scoring, its fairness and its bad input."""

import copy
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import DRILL_TACTICS, DanceDrill, dance_round, dance_rounds, money, next_offer
from negwidgets.model.dance_drill import DRILL_SIDES, OFFERS, POINTS, TOLERANCE, UNIT, readable_as
from negwidgets.model.quiz import question


seeds = st.integers(min_value=0, max_value=2**32 - 1)
FULL = sum(POINTS.values())


def a_round(seed, index):
    rounds = dance_rounds(4, seed)
    return rounds[index % len(rounds)]


def snapshot(drill):
    return copy.deepcopy(drill.__dict__)


# --- the rounds ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("family, beta", [("Boulware", 0.3), ("Linear", 1.0), ("Conceder", 4.0), ("Hardliner", 0.0)])
@pytest.mark.parametrize("side, first, limit", [("employer", 60_000, 80_000), ("candidate", 90_000, 70_000)])
def test_a_rounds_offers_are_the_engines_offers_rounded_to_100(family, beta, side, first, limit):
    r = dance_round(side, family, beta, first, limit, offers=10, shown=4)
    tactic = r.tactic
    assert tactic.name == family and tactic.beta == beta
    engine = [next_offer(tactic, i / 9, limit, first) for i in range(10)]
    assert r.offers == tuple(round(o / 100) * 100 for o in engine)
    assert r.visible == r.offers[:4] and r.hidden == r.offers[4:]
    if family != "Hardliner":
        assert r.offers[-1] == limit  # the deadline offer is the limit


def test_the_tell_names_the_pattern_of_the_steps():
    tells = {f: dance_round("employer", f, b, 60_000, 78_000, offers=10, shown=6).tell()
             for f, b in (("Boulware", 0.5), ("Linear", 1.0), ("Conceder", 3.0), ("Hardliner", 0.0))}
    assert tells["Boulware"].startswith("Its steps grew ($")
    assert tells["Linear"].startswith("Its steps stayed the same ($2,000, $2,000") and "about $78,000" in tells["Linear"]
    assert tells["Conceder"].startswith("Its steps shrank ($")
    assert tells["Hardliner"] == "Its offers never moved from $60,000: a hardliner's moves say nothing about its limit."
    candidate = dance_round("candidate", "Linear", 1.0, 90_000, 72_000, offers=10, shown=4)
    assert candidate.brief().endswith("Their first 4 of 10 asks before the deadline: $90,000, $88,000, $86,000, $84,000.")
    assert "6 more steps like them reach their limit at the deadline, about $72,000" in candidate.tell()


def test_a_linear_sides_limit_is_read_to_within_rounding_and_a_hardliners_not_at_all():
    linear = dance_round("candidate", "Linear", 1.0, 90_000, 72_000, offers=10, shown=4)
    assert linear.readable == (71_800, 72_200)
    assert linear.projection == 72_000 and linear.tolerance == 1_200  # a tenth of the $12,000 to go
    assert linear.reading() == ("From their first 4 asks, a careful reader who knows the tactic could place their "
                                "minimum between $71,800 and $72,200.")
    hardliner = dance_round("employer", "Hardliner", 0.0, 60_000, 78_000, offers=10, shown=6)
    assert hardliner.readable == DRILL_SIDES["employer"]["limit"]  # every limit you were told of fits
    assert hardliner.tolerance == 10_000


def test_the_tolerance_is_half_the_readable_range_a_tenth_of_the_way_to_go_or_the_floor():
    boulware = dance_round("employer", "Boulware", 0.3, 60_000, 80_000, offers=10, shown=5)
    assert boulware.readable_width / 2 <= boulware.tolerance < boulware.readable_width / 2 + UNIT
    assert "half that range" in boulware.tolerance_reason()
    linear = dance_round("employer", "Linear", 1.0, 60_000, 78_000, offers=10, shown=4)
    assert linear.tolerance == 1_200 and linear.to_go == 12_000 and "a tenth of the $12,000" in linear.tolerance_reason()
    conceder = dance_round("employer", "Conceder", 4.0, 60_000, 78_000, offers=10, shown=6)
    assert conceder.tolerance == TOLERANCE and conceder.tolerance_reason() == "the least the drill allows"


def test_same_seed_same_drill_and_other_seeds_other_drills():
    assert dance_rounds(6, seed=3) == dance_rounds(6, seed=3)
    assert DanceDrill(seed=11).rounds == DanceDrill(seed=11).rounds
    assert len({dance_rounds(4, seed=s) for s in range(10)}) == 10


@settings(max_examples=40, deadline=None)
@given(seeds, st.integers(min_value=1, max_value=9))
def test_every_round_is_consistent_with_its_tactic_and_readable_by_reasoning(seed, count):
    rounds = dance_rounds(count, seed)
    assert len(rounds) == count
    for i, r in enumerate(rounds):
        low, high = DRILL_SIDES[r.side]["limit"]
        assert low <= r.reservation <= high and r.stated == (low, high)
        assert len(r.offers) in OFFERS and 3 <= r.shown <= len(r.offers) - 2  # the last offers stay hidden
        sign = 1 if r.side == "employer" else -1
        moves = np.diff(r.offers) * sign
        assert np.all(moves >= 0), f"{r.side} moves away from the learner: {r.offers}"
        assert all(sign * (r.reservation - o) >= 0 for o in r.offers), "an offer beyond the limit"
        lo_beta, hi_beta = DRILL_TACTICS[r.family]
        assert lo_beta <= r.tactic.beta <= hi_beta
        # The tactic can be read: the offers shown fit it and no other; the limit lies in what they allow.
        assert [t for t in DRILL_TACTICS if readable_as(r, t)] == [r.family]
        assert r.readable[0] <= r.reservation <= r.readable[1]
        assert low <= r.readable[0] and r.readable[1] <= high
        steps = r.steps
        if r.family == "Hardliner":
            assert set(steps) == {0}
        elif r.family == "Linear":
            assert max(steps) - min(steps) <= UNIT
        elif r.family == "Boulware":
            assert steps[-1] > steps[0]
        else:
            assert steps[-1] < steps[0]
        if i:
            assert r.family != rounds[i - 1].family  # never the same tactic twice in a row
    for start in range(0, count - 3, 4):  # every four counterparts show every tactic once
        assert {r.family for r in rounds[start:start + 4]} == set(DRILL_TACTICS)


def test_the_rounds_vary_in_difficulty():
    rounds = dance_rounds(4, seed=0)
    widths = sorted(r.readable_width for r in rounds)
    assert widths[-1] >= 20 * max(widths[0], UNIT)  # a hardliner's range against a linear side's
    shares = [r.shown / len(r.offers) for r in dance_rounds(8, seed=5)]
    assert max(shares) - min(shares) >= 0.25


# --- the scoring ---------------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(seeds, st.integers(min_value=0, max_value=3))
def test_the_true_answer_and_the_middle_of_what_the_offers_allow_score_full_marks(seed, index):
    r = a_round(seed, index)
    true = r.score(r.family, r.reservation)
    assert true.points == FULL and true.error == 0 and true.grade == "a sharp read"
    middle = r.score(r.family.lower(), sum(r.readable) / 2)
    assert middle.points == FULL, "a careful reader's best guess must not lose points"


@settings(max_examples=80, deadline=None)
@given(seeds, st.integers(min_value=0, max_value=3), st.floats(min_value=0, max_value=60_000),
       st.floats(min_value=0, max_value=60_000), st.booleans(), st.booleans(), st.sampled_from(list(DRILL_TACTICS)))
def test_a_farther_estimate_never_scores_better_than_a_nearer_one(seed, index, d1, d2, up1, up2, tactic):
    r = a_round(seed, index)
    near, far = sorted((d1, d2))
    e_near = r.reservation + (near if up1 else -near)
    e_far = r.reservation + (far if up2 else -far)
    if min(e_near, e_far) <= 0:
        return
    a, b = r.score(tactic, e_near), r.score(tactic, e_far)
    assert a.limit_points >= b.limit_points and a.points >= b.points
    assert 0 <= b.points <= FULL


def test_points_fall_from_full_marks_at_the_tolerance_to_none_at_three_times_it():
    r = dance_round("employer", "Linear", 1.0, 60_000, 78_000, offers=10, shown=4)
    t = r.tolerance
    assert [r.score("Linear", 78_000 + d).limit_points for d in (0, t, 2 * t, 3 * t, 10 * t)] == [6, 6, 3, 0, 0]
    wrong = r.score("Conceder", 78_000)
    assert (wrong.points, wrong.grade, wrong.tactic_right) == (6, "a partial read", False)
    read = r.score("Linear", 74_400)
    assert read.error == 3_600 and read.error_share == pytest.approx(0.2)
    text = read.describe()
    assert text.startswith("Right: a linear side. Its steps stayed the same")
    assert "your estimate, $74,400, was $3,600 off (20% of its $18,000 stretch)" in text
    assert "4 points for the tactic and 0 for the limit: 4 of 10, a partial read." in text


def test_an_estimate_behind_their_last_offer_is_explained():
    r = dance_round("employer", "Conceder", 4.0, 60_000, 78_000, offers=10, shown=4)
    text = r.score("Conceder", 70_000).limit_text()
    assert "its budget could not be below its last offer of $73,700" in text
    assert "could not be" not in r.score("Conceder", 76_000).limit_text()
    assert r.score("Hardliner", 80_000).headline == "Not quite: you read it as a hardliner, but it was a Conceder."


def test_a_drill_adds_up_its_reads():
    drill = DanceDrill(rounds=3, seed=2)
    assert drill.describe() == "Counterpart 1 of 3. No reads checked yet."
    totals = []
    for i, r in enumerate(drill.rounds):
        read = drill.answer(r.family, r.reservation if i != 1 else r.reservation + 10 * r.tolerance)
        totals.append(read.points)
        if i < 2:
            assert drill.next() is drill.rounds[i + 1]
    assert totals == [10, 4, 10] and drill.finished
    assert drill.points == 24 and drill.max_points == 30
    assert drill.describe() == ("Drill over, 3 counterparts read: 24 of 30 points (80%); tactics read right: 3 of 3; "
                                "limits within full marks: 2 of 3.")


# --- bad input changes nothing -------------------------------------------------------------------------

@pytest.mark.parametrize("tactic, limit, message", [
    ("Tit-for-tat", 78_000, "play Boulware, Linear, Conceder or Hardliner; 'Tit-for-tat' is not one of them"),
    (None, 78_000, "Choose the tactic you read"),
    ("", 78_000, "Choose the tactic you read"),
    (3, 78_000, "3 is not one of them"),
    ("Linear", "seventy-eight", "could not read 'seventy-eight' as your estimate of their limit"),
    ("Linear", "", "Type your estimate of their limit"),
    ("Linear", "-5k", "A limit is a salary above zero; -$5,000 is not"),
    ("Linear", 0, "A limit is a salary above zero"),
    ("Linear", float("nan"), "not a number"),
    ("Linear", "inf", "infinite"),
    ("Linear", float("-inf"), "infinite"),
    ("Linear", [78_000], "must be a number"),
])
def test_a_bad_read_is_refused_with_a_sentence_and_changes_nothing(tactic, limit, message):
    drill = DanceDrill(seed=1)
    before = snapshot(drill)
    with pytest.raises(ValueError, match=re.escape(message)):
        drill.answer(tactic, limit)
    assert snapshot(drill) == before


def test_answering_twice_moving_on_early_and_answering_after_the_end_are_refused():
    drill = DanceDrill(rounds=2, seed=1)
    with pytest.raises(ValueError, match="Check your read of this counterpart before you move on."):
        drill.next()
    drill.answer("Boulware", 80_000)
    before = snapshot(drill)
    with pytest.raises(ValueError, match="You have already checked your read of counterpart 1: move on to the next"):
        drill.answer("Linear", 81_000)
    assert snapshot(drill) == before
    drill.next()
    drill.answer("Linear", 75_000)
    before = snapshot(drill)
    with pytest.raises(ValueError, match=r"The drill is over: you have read all 2 counterparts \(\d+ of 20 points\)"):
        drill.answer("Linear", 75_000)
    with pytest.raises(ValueError, match="The drill is over: start a new drill"):
        drill.next()
    assert snapshot(drill) == before


@pytest.mark.parametrize("kwargs, message", [
    ({"side": "buyer"}, "'employer' or the 'candidate'"),
    ({"tactic": "Mixed"}, "'Mixed' is not one of them"),
    ({"beta": 0.9}, "a Boulware has beta from 0.2 to 0.5; 0.9 is outside"),
    ({"beta": float("nan")}, "not a number"),
    ({"reservation": 95_000}, "must lie in the stated range, $70,000 to $90,000"),
    ({"aspiration": 85_000}, "An employer's first offer lies below its budget"),
    ({"offers": 3}, "whole number from 4 to 40"),
    ({"shown": 9}, "Show from 2 to 8 of the 10 offers"),
])
def test_a_round_that_cannot_be_built_is_explained(kwargs, message):
    args = {"side": "employer", "tactic": "Boulware", "beta": 0.3, "aspiration": 60_000, "reservation": 80_000,
            "offers": 10, "shown": 4} | kwargs
    with pytest.raises(ValueError, match=re.escape(message)):
        dance_round(**args)


@pytest.mark.parametrize("count", [0, 21, 2.5, True, "4"])
def test_a_drill_of_a_strange_length_is_refused(count):
    with pytest.raises(ValueError, match="A drill has from 1 to 20 counterparts"):
        DanceDrill(rounds=count)


# --- what lesson 08 says -------------------------------------------------------------------------------

def test_the_lessons_check_on_shrinking_steps_agrees_with_the_model():
    q = question("lesson08", "limit-from-steps")
    r = dance_round("employer", "Conceder", 4.0, 60_000, 78_000, offers=10, shown=4)
    shown = ", ".join(money(o) for o in r.visible[:-1]) + f", then {money(r.visible[-1])}"
    assert f"offers go {shown}, with six more offers to come" in q.prompt and r.remaining == 6
    right = next(o for o in q.options if o.correct)
    assert right.text.startswith(f"About {money(r.reservation)}:") and r.readable[0] <= 78_000 <= r.readable[1]
    assert f"the last {money(r.steps[-1])}" in right.text
    assert f"about {money(r.to_go)}" in right.why
    naive = r.visible[-1] + r.remaining * r.steps[-1]  # the last step projected to the deadline
    assert any(o.text.startswith(f"About {money(naive)}:") for o in q.options)
    assert any(f"about {money(r.to_go)}, not {money(naive - r.visible[-1])}" in o.why for o in q.options)
