"""The value of information: proposals under each state of knowledge against a plain brute-force reference,
the properties that always hold (full knowledge lands on the frontier, gives the other side most and is
accepted whenever anything is), the ones that do not (a guess can do worse than a cruder guess), the job
offer's numbers, and bad input explained in a sentence."""

import itertools
import math
import re

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from negwidgets.model import (KNOWLEDGE, ScoringSystem, guessed_points, information_table, job_offer_case,
                              value_of_information)
from negwidgets.model.information import MAX_AIMS, _centroid_weights

CASE = job_offer_case()

# --- a plain reference ------------------------------------------------------------------------------


def every_package(table):
    """(choices, (score 0, score 1)) for every package, by plain loops."""
    issues = list(table.values())
    for choices in itertools.product(*(range(len(options)) for options in issues)):
        yield choices, tuple(sum(issues[i][c][s] for i, c in enumerate(choices)) for s in (0, 1))


def reference_guess(table, side, issue_ranking, option_ranking):
    """The centroid guess of the other side's points, written out: weights as the mean of the corners of
    the set of weights in their order, options equally spaced in the order known or guessed."""
    issues, other = list(table.values()), 1 - side
    if issue_ranking:
        ranges = [max(o[other] for o in options) - min(o[other] for o in options) for options in issues]
        levels = sorted(set(ranges), reverse=True)
        corners = []
        for level in levels:  # the issues weighing at least `level` share the weight equally
            top = [r >= level for r in ranges]
            corners.append([1 / sum(top) if t else 0.0 for t in top])
        weights = [sum(corner[i] for corner in corners) / len(corners) for i in range(len(issues))]
    else:
        weights = [1 / len(issues)] * len(issues)
    guess = []
    for weight, options in zip(weights, issues):
        key = [o[other] for o in options] if option_ranking else [-o[side] for o in options]
        order = sorted(set(key))
        guess.append([weight * order.index(k) / (len(order) - 1) if len(order) > 1 else 0.0 for k in key])
    return guess


def reference_proposals(table, side, aim, guess):
    """The packages worth at least `aim` to `side` that it believes give the other side most, and of those
    the best for `side`: every one of them, as (choices, scores)."""
    allowed = [(c, s) for c, s in every_package(table) if s[side] >= aim]
    believed = {c: round(sum(guess[i][o] for i, o in enumerate(c)), 9) for c, _ in allowed}
    top = max(believed[c] for c, _ in allowed)
    chosen = [(c, s) for c, s in allowed if believed[c] == top]
    mine = max(s[side] for _, s in chosen)
    return [(c, s) for c, s in chosen if s[side] == mine]


def reference_left_on_table(table, scores):
    """Joint points of the best package at least as good for both and better for one, minus this one's."""
    better = [a + b for _, (a, b) in every_package(table)
              if a >= scores[0] and b >= scores[1] and (a, b) != tuple(scores)]
    return max(better) - sum(scores) if better else 0.0


points = st.integers(-5, 12)
tables = st.dictionaries(
    st.sampled_from(["Salary", "Start", "Remote", "Title", "Bonus"]),
    st.lists(st.tuples(points, points), min_size=1, max_size=4),
    min_size=1, max_size=4,
)


@st.composite
def cases(draw):
    """A small table, BATNAs, a side and an aim that side can reach above its BATNA."""
    table = draw(tables)
    batnas = (draw(st.integers(-5, 20)), draw(st.integers(-5, 20)))
    side = draw(st.sampled_from([0, 1]))
    mine = sorted({s[side] for _, s in every_package(table) if s[side] > batnas[side]})
    assume(mine)
    aim = draw(st.sampled_from(mine)) - draw(st.sampled_from([0, 0.5]))
    assume(aim > batnas[side])
    return table, batnas, side, aim


# --- against the reference ------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(case=cases())
def test_every_proposal_matches_the_brute_force_reference(case):
    table, batnas, side, aim = case
    system = ScoringSystem.from_table(table, batnas=batnas)
    result = value_of_information(system, side, aim)
    assert [p.knowledge.key for p in result.proposals] == list(KNOWLEDGE)
    for proposal in result.proposals:
        state = proposal.knowledge
        if state.full:
            guess = [[o[1 - side] for o in options] for options in table.values()]
        else:
            guess = reference_guess(table, side, state.issue_ranking, state.option_ranking)
            found = guessed_points(system, side, state.key)
            for mine, theirs in zip(found, guess):
                assert mine.tolist() == pytest.approx(theirs, abs=1e-12)
        expected = reference_proposals(table, side, aim, guess)
        assert proposal.alike == len(expected)
        assert proposal.package.choices == expected[0][0]  # the first of them in the table's order
        theirs = [s[1 - side] for _, s in expected]
        assert proposal.your_points == expected[0][1][side]
        assert proposal.their_points == pytest.approx(np.mean(theirs))
        assert proposal.joint == pytest.approx(np.mean([sum(s) for _, s in expected]))
        assert proposal.left_on_table == pytest.approx(np.mean([reference_left_on_table(table, s)
                                                                for _, s in expected]))
        assert proposal.acceptance == pytest.approx(np.mean([t > batnas[1 - side] for t in theirs]))


@settings(max_examples=100, deadline=None)
@given(weights=st.lists(st.integers(0, 6), min_size=1, max_size=7))
def test_centroid_weights_are_the_mean_of_the_corners(weights):
    found = _centroid_weights(weights)
    levels = sorted(set(weights), reverse=True)
    corners = [[1 / sum(w >= level for w in weights) if w >= level else 0.0 for w in weights] for level in levels]
    assert found.tolist() == pytest.approx(np.mean(corners, axis=0).tolist())
    assert found.sum() == pytest.approx(1)
    # In the order of the weights, ties equal.
    for (a, wa), (b, wb) in itertools.combinations(zip(found, weights), 2):
        assert (a > b) == (wa > wb) and (a == pytest.approx(b)) == (wa == wb)


# --- what always holds ----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(case=cases())
def test_full_knowledge_lands_on_the_frontier_gives_them_most_and_is_accepted_when_anything_is(case):
    table, batnas, side, aim = case
    system = ScoringSystem.from_table(table, batnas=batnas)
    result = value_of_information(system, side, aim)
    full = result.proposal("their points")
    assert full.analysis.on_frontier and full.left_on_table == 0
    assert all(system.frontier().contains(p.scores) for p in [full.package])
    reachable = [s for _, s in every_package(table) if s[side] >= aim]
    anything_accepted = any(s[1 - side] > batnas[1 - side] for s in reachable)
    assert full.acceptance == (1.0 if anything_accepted else 0.0)
    for proposal in result.proposals:
        # The value of full information is never negative, whatever you knew before.
        assert full.left_on_table <= proposal.left_on_table
        assert full.their_points >= proposal.their_points - 1e-9
        assert full.acceptance >= proposal.acceptance
        # Every proposal gives you your aim; every figure is finite and in range.
        assert proposal.your_points >= aim and proposal.alike >= 1
        assert proposal.left_on_table >= 0 and 0 <= proposal.acceptance <= 1
        assert all(math.isfinite(v) for v in (proposal.your_points, proposal.their_points, proposal.joint,
                                              proposal.left_on_table, proposal.acceptance))
        assert proposal.describe()


@settings(max_examples=60, deadline=None)
@given(table=tables, batnas=st.tuples(st.integers(-5, 10), st.integers(-5, 10)), side=st.sampled_from([0, 1]))
def test_the_table_averages_its_rows_and_is_the_same_every_time(table, batnas, side):
    system = ScoringSystem.from_table(table, batnas=batnas)
    mine = sorted({s[side] for _, s in every_package(table) if s[side] > batnas[side]})
    assume(mine)
    result = information_table(system, side)
    assert len(mine) <= MAX_AIMS and result.aims == tuple(mine)  # small tables: every score above the BATNA
    assert [row.aim for row in result.rows] == list(result.aims)
    first = result.summaries[0]
    for index, summary in enumerate(result.summaries):
        column = [row.proposals[index] for row in result.rows]
        assert summary.left_on_table == pytest.approx(np.mean([p.left_on_table for p in column]))
        assert summary.their_points == pytest.approx(np.mean([p.their_points for p in column]))
        assert summary.acceptance == pytest.approx(np.mean([p.acceptance for p in column]))
        assert summary.recovered == pytest.approx(first.left_on_table - summary.left_on_table)
        assert all(math.isfinite(v) for v in (summary.left_on_table, summary.their_points, summary.joint,
                                              summary.acceptance, summary.recovered))
    # Full knowledge wins back everything the first state leaves, and never less than any other state.
    full = result.summary("their points")
    assert full.left_on_table == 0 and full.recovered == pytest.approx(first.left_on_table)
    assert all(full.recovered >= s.recovered - 1e-9 for s in result.summaries)
    assert information_table(system, side) == result  # deterministic


@settings(max_examples=60, deadline=None)
@given(case=cases(), factor=st.sampled_from([0.5, 2, 3]), shift=st.sampled_from([-24, 0, 12, 36]))
def test_the_other_sides_scale_changes_no_proposal(case, factor, shift):
    """A guess uses only orders, and full knowledge a rescaled copy of the same points: no choice moves."""
    table, batnas, side, aim = case
    system = ScoringSystem.from_table(table, batnas=batnas)
    rescaled = system.rescaled(1 - side, factor, shift)
    before, after = value_of_information(system, side, aim), value_of_information(rescaled, side, aim)
    for a, b in zip(before.proposals, after.proposals):
        assert (a.package.choices, a.alike, a.acceptance) == (b.package.choices, b.alike, b.acceptance)


# Each guess is exactly right when the other side's points truly are that guess: the proposal is then the
# one full knowledge makes. (864 makes every guessed point a whole number for tables of up to 4 issues.)
SCALE = 864


def their_points_made_of(table, side, guess):
    return {name: [tuple(o[side] if s == side else round(SCALE * g) for s in (0, 1)) for o, g in zip(options, values)]
            for (name, options), values in zip(table.items(), guess)}


@settings(max_examples=80, deadline=None)
@given(case=cases(), key=st.sampled_from(["own points", "rankings"]))
def test_a_guess_that_is_true_proposes_what_full_knowledge_does(case, key):
    table, batnas, side, aim = case
    system = ScoringSystem.from_table(table, batnas=batnas)
    true_table = their_points_made_of(table, side, guessed_points(system, side, key))
    true_system = ScoringSystem.from_table(true_table, batnas=batnas)
    guess = guessed_points(true_system, side, key)
    assume(all(np.allclose(SCALE * g, [o[1 - side] for o in options])
               for g, options in zip(guess, true_table.values())))  # the orders survived (always, for "own points")
    result = value_of_information(true_system, side, aim, knowledge=[key, "their points"])
    guessed, full = result.proposals
    assert (guessed.your_points, guessed.their_points, guessed.alike) == (full.your_points, full.their_points,
                                                                          full.alike)
    assert guessed.left_on_table == 0


# --- what does not always hold (and the lesson must not claim) ---------------------------------------


def test_knowing_more_is_not_always_better_before_you_know_everything():
    # On the job offer at Ana's midpoint aim, knowing only which issues matter most to the employer (and
    # still guessing it wants the opposite of her on each) gives away the training budget both want.
    result = value_of_information(CASE, aim=65)
    assert result.proposal("issue ranking").left_on_table > result.proposal("own points").left_on_table
    assert result.proposal("issue ranking").package.as_dict()["Training budget"] == "None"
    assert result.proposal("own points").package.as_dict()["Training budget"] == "$3,000 a year"
    # Both rankings can leave more than the fixed-pie guess even on average over every aim (found by search).
    table = {"A": [(11, -4), (8, -2)], "B": [(-1, -5), (-3, -3)], "C": [(-5, 0), (-4, 9)],
             "D": [(2, 3), (8, 3), (7, 10), (1, 2)]}
    summaries = information_table(ScoringSystem.from_table(table, batnas=(1, 3)), side=1)
    assert summaries.summary("rankings").left_on_table > summaries.summary("own points").left_on_table


# --- the job offer: the numbers a lesson quotes ----------------------------------------------------


def test_the_job_offer_numbers():
    result = value_of_information(CASE)
    assert result.aim == 65  # halfway between Ana's BATNA (30) and her best package (100)
    rows = [(p.knowledge.key, p.your_points, p.their_points, p.joint, p.left_on_table, p.accepted)
            for p in result.proposals]
    assert rows == [("own points", 66, 60, 126, 7, True), ("issue ranking", 65, 41, 106, 27, True),
                    ("option ranking", 66, 60, 126, 7, True), ("rankings", 67, 63, 130, 3, True),
                    ("their points", 68, 65, 133, 0, True)]
    table = information_table(CASE)
    assert table.aims == tuple(float(a) for a in range(31, 101) if a != 99)  # no package gives Ana 99
    figures = {s.knowledge.key: (round(s.left_on_table, 1), round(s.recovered, 1), round(s.acceptance, 3))
               for s in table.summaries}
    assert figures == {"own points": (19.4, 0.0, 0.952), "issue ranking": (18.9, 0.5, 0.899),
                       "option ranking": (10.8, 8.6, 0.952), "rankings": (0.7, 18.7, 0.957),
                       "their points": (0.0, 19.4, 0.957)}
    text = table.describe()
    assert "Averaged over the 69 scores Ana could aim for, from 31 to 100" in text
    assert "wins back 18.7 of those 19.4 points" in text
    # From the employer's side the fixed-pie guess costs about as much.
    employer = information_table(CASE, side=1)
    assert round(employer.summary("own points").left_on_table, 1) == 18.1
    assert employer.summary("their points").left_on_table == 0


def test_packages_you_cannot_tell_apart_are_averaged_and_said_so():
    # Aiming for 73, the fixed-pie guess cannot tell three packages apart.
    proposal = value_of_information(CASE, aim=73).proposal("own points")
    assert proposal.alike == 3 and proposal.your_points == 74
    assert proposal.their_points == pytest.approx(163 / 3)
    assert "one of 3 packages Ana cannot tell apart, each worth 74 points to Ana and on average 54.3" in (
        proposal.describe())


def test_a_refused_proposal_is_said_so():
    proposal = value_of_information(CASE, aim=100).proposal("their points")
    assert proposal.acceptance == 0 and not proposal.accepted
    assert "The employer would refuse it: the employer's BATNA, worth 25, is better." in proposal.describe()


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs, message", [
    ({"side": 2}, "The side is 0 (the first party) or 1 (the second)."),
    ({"side": True}, "The side is 0"),
    ({"aim": 30}, "Aim for more than Ana's BATNA (30 points) and at most 100"),
    ({"aim": 101}, "101 is outside that range"),
    ({"aim": float("nan")}, "is not a number (NaN)"),
    ({"aim": float("inf")}, "is infinite"),
    ({"aim": "lots"}, "must be a number"),
    ({"knowledge": ["gossip"]}, "'gossip' is not a state of knowledge; choose from: own points"),
    ({"knowledge": []}, "Name one or more states of knowledge"),
    ({"knowledge": [["rankings"]]}, "is not a state of knowledge"),
    ({"knowledge": "rankings"}, "Name one or more states of knowledge"),
])
def test_bad_input_is_explained(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        value_of_information(CASE, **kwargs)


@pytest.mark.parametrize("aims, message", [
    ([], "Give the aims as a list of scores"),
    ("60", "Give the aims as a list of scores"),
    ([60, float("nan")], "is not a number (NaN)"),
    ([60, 20], "20 is outside that range"),
])
def test_bad_aims_are_explained(aims, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        information_table(CASE, aims=aims)


def test_no_package_above_your_batna_is_explained():
    system = ScoringSystem.from_table({"Fee": [(0, 10), (5, 5)]}, parties=("Lee", "the client"), batnas=(5, 0))
    for call in (lambda: information_table(system), lambda: value_of_information(system)):
        with pytest.raises(ValueError, match="No package gives Lee more than Lee's BATNA"):
            call()
    with pytest.raises(ValueError, match="no proposal made knowing 'gossip'"):
        value_of_information(CASE).proposal("gossip")


def test_custom_aims_are_sorted_and_kept():
    table = information_table(CASE, aims=np.array([80, 40.5]))
    assert table.aims == (40.5, 80.0)
    assert table.rows[0].proposal("their points").your_points == 42


def test_at_most_max_aims_evenly_spread_from_the_lowest_to_your_best():
    table = {f"Issue {i}": [(0, 3), (1.01 * 3 ** i, 0), (2.02 * 3 ** i, 1)] for i in range(5)}  # 243 scores
    system = ScoringSystem.from_table(table)
    result = information_table(system, knowledge=["their points"])
    mine = np.unique(system.all_scores()[:, 0])
    assert len(mine[mine > 0]) > MAX_AIMS and len(result.aims) == MAX_AIMS
    assert result.aims[0] == mine[mine > 0][0] and result.aims[-1] == mine.max()


def test_a_proposal_worth_exactly_their_batna_is_refused_and_said_to_be_as_good():
    # Aim 80 on the job offer: the employer's full points give a package worth exactly its BATNA (25).
    from negwidgets.model import job_offer_case, value_of_information

    case = job_offer_case()
    ties = [p for aim in range(31, 101) for p in value_of_information(case, aim=aim).proposals
            if p.acceptance == 0 and p.alike == 1 and p.their_points == case.batnas[1]]
    assert ties, "no proposal worth exactly the employer's BATNA on the job offer"
    assert all("the employer's BATNA, worth 25, is as good." in p.describe() for p in ties)
    below = [p for aim in range(31, 101) for p in value_of_information(case, aim=aim).proposals
             if p.acceptance == 0 and p.alike == 1 and p.their_points < case.batnas[1]]
    assert all("is better." in p.describe() for p in below)
