"""Lesson 09's multi-issue practice counterpart: it never goes at or below its BATNA, bad moves change
nothing (state snapshots), the debrief's "left on the table" is never negative and zero on the frontier,
it answers questions as its level says, learns from what the learner proposes and says, and offers a
post-settlement settlement."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import MultiIssueGame, ScoringSystem, job_offer_case

CASE = job_offer_case()
ANA_BEST = ["$80,000", "$5,000", "In 8 weeks", "4", "25", "Senior data analyst",
            "Moving costs and a month of housing", "$3,000 a year"]


def random_package(system, data, side):
    """A package worth more than the learner's BATNA (the game refuses others), drawn by hypothesis."""
    for _ in range(50):
        choices = [data.draw(st.integers(0, len(issue.options) - 1)) for issue in system.issues]
        if system.package(choices).scores[side] > system.batnas[side]:
            return choices
    return None


points = st.integers(0, 12)
tables = st.dictionaries(st.sampled_from(["Fee", "Start", "Remote", "Title", "Bonus"]),
                         st.lists(st.tuples(points, points), min_size=2, max_size=4), min_size=2, max_size=4)


@st.composite
def games(draw):
    """A game on the job-offer case or a small random table, at either level, on either side."""
    if draw(st.booleans()):
        system = CASE
    else:
        table = draw(tables)
        system = ScoringSystem.from_table(table, parties=("Lee", "the client"),
                                          batnas=(draw(st.integers(0, 10)), draw(st.integers(0, 10))))
    side, level = draw(st.sampled_from([0, 1])), draw(st.sampled_from(["Friendly", "Tough"]))
    try:
        game = MultiIssueGame(system, side=side, level=level, rounds=draw(st.integers(2, 6)),
                              seed=draw(st.integers(0, 1000)))
    except ValueError:  # no package better than its BATNA: nothing to negotiate
        return None
    return game


def play(game, data, moves=8):
    """Random good moves: proposals, questions, priorities, sometimes an acceptance."""
    for _ in range(moves):
        if game.finished:
            break
        move = data.draw(st.sampled_from(["propose", "propose", "propose", "ask", "state", "accept"]))
        try:
            if move == "propose" and not game.at_deadline:
                choices = random_package(game.system, data, game.side)
                if choices is not None:
                    game.propose(choices)
            elif move == "ask":
                game.ask_priorities()
            elif move == "state":
                game.state_priorities([data.draw(st.sampled_from([i.name for i in game.system.issues]))])
            elif move == "accept":
                game.accept()
        except ValueError:
            pass  # a move the game refuses (their package on the table, below your BATNA ...)


@settings(max_examples=120, deadline=None)
@given(game=games(), data=st.data())
def test_the_counterpart_never_proposes_or_accepts_at_or_below_its_batna(game, data):
    if game is None:
        return
    play(game, data)
    them = 1 - game.side
    batna = game.system.batnas[them]
    assert all(offer.scores[them] > batna for offer in game.their_offers)
    if game.deal is not None:
        assert game.deal.scores[them] > batna and game.deal.scores[them] >= min(game.reserve, game.deal.scores[them])
        if game.deal not in game.their_offers:  # it accepted the learner's proposal
            assert game.deal.scores[them] >= game.reserve


def bad_moves(game):
    """Moves every game must refuse, whatever its state."""
    issues = [issue.name for issue in game.system.issues]
    some = {issue.name: issue.options[0] for issue in game.system.issues}
    missing = dict(list(some.items())[1:])
    unknown = {**some, issues[0]: "an option nobody offered"}
    text = {**some, issues[0]: "three"}
    number = {**some, issues[0]: 2.5}
    yield lambda: game.propose(missing)
    yield lambda: game.propose(unknown)
    yield lambda: game.propose(text)
    yield lambda: game.propose(number)
    yield lambda: game.propose(list(some.values())[:-1])
    yield lambda: game.propose("Salary: $80,000")
    yield lambda: game.state_priorities([])
    yield lambda: game.state_priorities(["Pension"])
    yield lambda: game.state_priorities([issues[0], issues[0]])
    yield lambda: game.state_priorities((issues * 4)[:4])
    yield lambda: game.take_post_settlement() if not game.awaiting_post_settlement else game.propose(missing)
    if game.finished:
        yield game.accept
        yield game.walk_away
        yield game.ask_priorities
        yield lambda: game.state_priorities([issues[0]])
    if game.standing_offer is not None and game.standing_offer.scores[game.side] <= game.system.batnas[game.side]:
        yield game.accept  # their package is no better than your BATNA
    if game.at_deadline:
        yield lambda: game.propose(ANA_BEST if game.system is CASE else some)


@settings(max_examples=120, deadline=None)
@given(game=games(), data=st.data(), end=st.sampled_from(["play", "walk", "deal"]))
def test_every_bad_move_leaves_the_game_as_it_was(game, data, end):
    if game is None:
        return
    play(game, data, moves=data.draw(st.integers(0, 6)))
    if end == "walk" and not game.finished:
        game.walk_away()
    for move in bad_moves(game):
        before = game.snapshot()
        with pytest.raises(ValueError) as error:
            move()
        assert str(error.value)[0].isupper() and str(error.value).endswith((".", ":")) or "." in str(error.value)
        assert game.snapshot() == before


def test_named_bad_moves_each_get_a_sentence_and_change_nothing():
    game = MultiIssueGame(level="Friendly", seed=3)
    before = game.snapshot()
    with pytest.raises(ValueError, match="Choose an option for Salary"):
        game.propose({k: v for k, v in zip([i.name for i in CASE.issues], ANA_BEST) if k != "Salary"})
    with pytest.raises(ValueError, match="'three' is not an option of 'Remote days a week'"):
        game.propose({**dict(zip([i.name for i in CASE.issues], ANA_BEST)), "Remote days a week": "three"})
    with pytest.raises(ValueError, match="no better than your BATNA"):
        game.accept()  # its opening gives Ana 10 points, below her BATNA of 30
    assert game.snapshot() == before
    game.walk_away()
    after = game.snapshot()
    with pytest.raises(ValueError, match="already walked away, so you cannot ask a question"):
        game.ask_priorities()
    with pytest.raises(ValueError, match="already walked away"):
        game.walk_away()
    assert game.snapshot() == after


def test_an_accept_with_nothing_on_the_table_is_refused():
    game = MultiIssueGame(level="Friendly", seed=3)
    game.their_offers.clear()  # a state the game never reaches itself: no package of theirs yet
    before = game.snapshot()
    with pytest.raises(ValueError, match="no package of theirs on the table"):
        game.accept()
    assert game.snapshot() == before


@settings(max_examples=100, deadline=None)
@given(game=games(), data=st.data())
def test_left_on_the_table_is_never_negative_and_zero_on_the_frontier(game, data):
    if game is None:
        return
    play(game, data, moves=12)
    if not game.finished:
        game.walk_away()
    debrief = game.debrief()
    assert debrief.left_on_table >= 0
    if debrief.deal is not None:
        on_frontier = game.system.frontier().contains(debrief.deal.scores)
        assert (debrief.left_on_table == 0) == on_frontier
        assert (game.post_settlement is None) == (not game.system.improvements(debrief.deal) or not any(
            p.scores[0] > debrief.deal.scores[0] and p.scores[1] > debrief.deal.scores[1]
            for p in game.system.improvements(debrief.deal)))


def test_a_frontier_deal_leaves_nothing_and_an_inside_deal_says_how_much():
    nash = CASE.nash_point().package
    game = MultiIssueGame(level="Friendly", seed=0)
    for _ in range(8):
        if game.finished:
            break
        game.propose(nash.choices)
    if not game.finished:
        game.accept()
    debrief = game.debrief()
    if debrief.deal == nash:
        assert debrief.left_on_table == 0 and "no joint points were left on the table" in debrief.describe()
    split = CASE.split_difference()  # 20 joint points inside the frontier
    game = MultiIssueGame(level="Friendly", seed=0)
    game.propose(split.choices)
    while not game.finished and not game.at_deadline:
        game.propose(split.choices)
    if game.deal == split:
        assert game.debrief().left_on_table == 20
        assert "20 joint points were left on the table" in game.debrief().describe()


def test_friendly_answers_truthfully_and_tough_overstates_an_issue_it_cares_little_about():
    friendly = MultiIssueGame(level="Friendly", seed=1)
    assert friendly.ask_priorities().text == "Salary matters most to us, then Start date and Training budget."
    tough = MultiIssueGame(level="Tough", seed=1)
    tough.propose(ANA_BEST)
    tough.propose(["$80,000", "$5,000", "In 8 weeks", "4", "25", "Data analyst",
                   "Moving costs and a month of housing", "$3,000 a year"])
    answer = tough.ask_priorities().text
    decoy = tough.overstated[0]
    assert decoy in answer and answer.startswith("Salary matters most to us")
    weights = {issue.name: issue.weights[1] for issue in CASE.issues}
    assert weights[decoy] < sorted(weights.values())[-3]  # not truly among its top three
    tough.walk_away()
    text = tough.debrief().describe()
    assert f"overstated how much {decoy}" in text and "false concession" in text


def test_it_learns_your_priorities_from_proposals_and_statements():
    game = MultiIssueGame(level="Friendly", seed=2)
    assert np.allclose(game.model.weights, 1 / 8)
    game.state_priorities(["Remote days a week", "Salary"])
    assert game.model.top_issues(2) == ("Remote days a week", "Salary")
    game.propose(ANA_BEST)
    values = game.model.values()[3]
    assert values[4] == 1 and values[0] == 0  # four remote days proposed, none never


def test_the_counterpart_concedes_on_its_own_points_and_its_offers_help_you_as_it_learns():
    game = MultiIssueGame(level="Friendly", seed=5, rounds=8)
    game.state_priorities(["Remote days a week", "Salary"])
    for _ in range(3):
        game.propose(ANA_BEST)
    own = [offer.scores[1] for offer in game.their_offers]
    assert own == sorted(own, reverse=True) and own[-1] < own[0]
    assert game.their_offers[-1].labels[3] == "4"  # it gives way on what Ana said matters, and it costs it little


def test_post_settlement_offer_is_better_for_both_and_can_be_taken_or_declined():
    split = CASE.split_difference()
    for take in (True, False):
        game = MultiIssueGame(level="Friendly", seed=0)
        while not game.finished and not game.at_deadline:
            game.propose(split.choices)
        if game.deal != split:
            pytest.skip("the counterpart did not take the split package with this seed")
        better = game.post_settlement
        assert better.scores[0] > split.scores[0] and better.scores[1] > split.scores[1]
        with pytest.raises(ValueError, match="take it or keep your deal"):
            game.propose(split.choices)
        # The same package proposed twice is said plainly (not "I change ;").
        again = [m.text for m in game.moves if m.who == "you" and m.kind == "propose"][1:]
        assert again and all(text == "I propose the same package again." for text in again)
        (game.take_post_settlement if take else game.keep_deal)()
        assert game.debrief().final == (better if take else split)
        # Taken, the debrief ends with the final deal, so it agrees with what the game says it is worth.
        text = game.debrief().describe()
        assert (f"your final deal is worth {better.scores[0]:g} of your points and {better.scores[1]:g} of "
                f"the employer's" in text) == take
        before = game.snapshot()
        with pytest.raises(ValueError, match="already answered"):
            game.take_post_settlement()
        assert game.snapshot() == before


def test_a_seed_makes_a_game_reproducible():
    def run(seed):
        game = MultiIssueGame(level="Tough", seed=seed)
        for _ in range(4):
            game.propose(ANA_BEST)
        return [offer.choices for offer in game.their_offers], game.exponent

    assert run(11) == run(11)


@pytest.mark.parametrize("kwargs, message", [
    ({"level": "Easy"}, "The counterpart is one of Friendly, Tough"),
    ({"rounds": 1}, "from 2 to 30"),
    ({"rounds": "8"}, "from 2 to 30"),
    ({"side": 2}, "side 0 or side 1"),
])
def test_bad_settings_are_explained(kwargs, message):
    with pytest.raises(ValueError, match=message):
        MultiIssueGame(**kwargs)
