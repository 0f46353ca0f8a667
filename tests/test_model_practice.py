"""The practice game driven from tests: scripted moves, the counterpart's rules, and bad input."""

import copy
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import LINEAR, PracticeGame, PracticeHistory, concession_offer, money
from negwidgets.model.practice import THEIR_LIMITS, WALK_TOLERANCE
from negwidgets.model import practice, walk_away_chance
from negwidgets.model.money import a_percent

SURVEY = "Salary survey, 75th percentile for the role and region"


def snapshot(game):
    return {k: v.tolist() if isinstance(v, np.ndarray) else copy.deepcopy(v) for k, v in game.__dict__.items()}


def game_where(predicate, **kwargs):
    """The first seeded game that satisfies ``predicate`` (so the test does not depend on one seed's draws)."""
    for seed in range(500):
        game = PracticeGame(seed=seed, **kwargs)
        if predicate(game):
            return game
    raise AssertionError("no seed gives such a game")


def test_scripted_moves_give_the_counter_offers_of_the_concession_formula():
    game = game_where(lambda g: g.tactic == LINEAR and g.them.reservation >= 78_000, side="candidate",
                      difficulty="Realistic")
    limit, rounds = game.them.reservation, game.rounds
    answer = game.offer(77_000)  # inside their limit: no walk-away risk
    # The opening pulls their starting point 30% of the way from $60,000 towards it.
    start = 60_000 + 0.3 * (77_000 - 60_000)
    assert game.starting_point == pytest.approx(start)
    assert answer.amount == pytest.approx(concession_offer(1 / (rounds - 1), limit, start, beta=1.0))
    second = game.offer(76_000)
    assert second.amount == pytest.approx(concession_offer(3 / (rounds - 1), limit, start, beta=1.0))
    assert game.round == 3 and game.standing_offer == second.amount


def test_same_seed_same_game_and_the_same_answers():
    answers = []
    for _ in range(2):
        game = PracticeGame("employer", "Tough", seed=42)
        answers.append([game.offer(m).text for m in [62_000, 64_000, 66_000] if not game.finished])
    assert answers[0] == answers[1]


def test_a_justification_moves_a_receptive_counterpart_once():
    def play(with_reason):
        game = game_where(lambda g: g.tactic == LINEAR and g.them.reservation >= 80_000, side="candidate",
                          difficulty="Realistic")
        return game, game.offer(80_000, SURVEY if with_reason else None)

    plain_game, plain = play(False)
    reasoned_game, reasoned = play(True)
    assert reasoned.amount > plain.amount
    moved = 0.04 * (5 - 2) * (reasoned_game.them.reservation - plain_game.starting_point)
    assert reasoned_game.starting_point == pytest.approx(plain_game.starting_point + moved)
    before = reasoned_game.starting_point
    again = reasoned_game.offer(79_000, SURVEY)
    assert "mentioned that already" in again.text and reasoned_game.starting_point == before


def test_a_weak_reason_moves_nothing():
    game = game_where(lambda g: g.them.reservation >= 80_000, side="candidate", difficulty="Friendly")
    answer = game.offer(79_000, "What would thrill me")
    assert "not a standard" in answer.text
    start = game.starting_point
    assert start == pytest.approx(60_000 + game.level.pull * (79_000 - 60_000))


def test_an_absurd_opening_ends_the_talk_and_the_debrief_says_why():
    game = game_where(lambda g: g.them.reservation < 70_000, side="candidate", difficulty="Realistic")
    answer = game.offer(90_000)  # more than 15% beyond any limit below $70,000: a certain walk-away
    assert answer.kind == "walk" and game.outcome == "they walked away"
    debrief = game.debrief()
    assert debrief.zone is None and debrief.gain == 0
    assert "There was no zone" in debrief.describe() and "100% chance that they would walk away" in debrief.describe()


@given(seed=st.integers(0, 10_000), side=st.sampled_from(["candidate", "employer"]),
       difficulty=st.sampled_from(["Friendly", "Realistic", "Tough"]), you_open=st.booleans(),
       steps=st.lists(st.floats(0, 1), min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_any_game_ends_within_the_zone_or_without_a_deal(seed, side, difficulty, you_open, steps):
    game = PracticeGame(side, difficulty, you_open=you_open, seed=seed)
    reservation, aspiration = game.you.reservation, game.you.aspiration
    last = aspiration
    for step in steps:
        if game.finished:
            break
        # Concede a random part of what is left; stop offering once their offer is as good as ours.
        offer = last + step * 0.5 * (reservation - last)
        standing = game.standing_offer
        acceptable = standing is not None and game.up * (standing - reservation) >= 0
        if game.at_deadline:  # their final offer: take it if it beats the BATNA
            game.accept() if acceptable else game.walk_away()
            break
        if acceptable and game.up * (standing - offer) >= 0:
            game.accept()
            break
        game.offer(offer)
        last = offer
    if not game.finished:
        game.walk_away()
    debrief = game.debrief()
    if debrief.price is not None:
        zone = debrief.zone
        assert zone is not None and zone.low - 1e-6 <= debrief.price <= zone.high + 1e-6
        assert debrief.gain >= 0
        if zone.surplus == 0:  # both limits meet: nothing to divide
            assert debrief.share is None and "single point" in debrief.describe()
        else:
            assert 0 <= debrief.share <= 1 + 1e-9
        assert debrief.dance().headline.startswith("Deal at")
    low, high = THEIR_LIMITS[side]
    assert low <= game.them.reservation <= high


def test_a_deal_where_both_limits_meet_is_debriefed_without_a_share():
    game = PracticeGame("candidate", "Friendly", seed=3, their_limit=70_000)
    while not game.finished:  # hold at $70,000 until they agree or offer it
        if (game.standing_offer or 0) >= 70_000:
            game.accept()
        else:
            game.offer(70_000)
    debrief = game.debrief()
    assert debrief.price == 70_000 and debrief.gain == 0 and debrief.share is None
    assert "the zone was a single point" in debrief.describe()
    assert debrief.dance().headline == "Deal at $70k, where both limits meet"


def test_the_counterpart_never_walks_from_an_opening_inside_its_limit():
    for seed in range(40):
        game = PracticeGame("candidate", "Tough", seed=seed)
        game.offer(max(game.you.reservation, game.them.reservation - 1))
        assert game.outcome != "they walked away"


def test_walk_away_chance_follows_lesson_05s_rule():
    assert WALK_TOLERANCE == 0.15
    game = game_where(lambda g: g.them.reservation > 80_000, side="candidate", difficulty="Friendly")
    overshoot = 2_000
    game.offer(game.them.reservation + overshoot)
    chance = overshoot / (0.15 * game.them.reservation)
    assert f"{a_percent(chance)} chance" in game.effects[0] and practice.walk_away_chance is walk_away_chance


@pytest.mark.parametrize("move, message", [
    (lambda g: g.offer("seventy"), "I could not read 'seventy' as your offer"),
    (lambda g: g.offer("-5000"), "An offer is an amount above zero"),
    (lambda g: g.offer("65k"), "below your reservation value of $70,000"),
    (lambda g: g.offer("90k"), "goes back on your word"),
    (lambda g: g.offer("80k", "A rumour"), "There is no standard called 'A rumour'"),
])
def test_bad_moves_are_explained_and_change_nothing(move, message):
    game = game_where(lambda g: g.them.reservation >= 86_000, side="candidate", difficulty="Realistic")
    game.offer("85k")
    state = snapshot(game)
    with pytest.raises(ValueError, match=re.escape(message)):
        move(game)
    assert snapshot(game) == state


def test_offering_less_than_their_standing_offer_is_explained():
    game = game_where(lambda g: g.them.reservation >= 86_000, side="candidate", difficulty="Friendly")
    counter = game.offer("85k").amount
    with pytest.raises(ValueError, match="accept their offer instead"):
        game.offer(counter - 1_000)


def test_moves_after_the_end_and_walking_away_twice_are_explained():
    game = PracticeGame("employer", "Friendly", seed=5)
    game.walk_away()
    state = snapshot(game)
    with pytest.raises(ValueError, match="You have already walked away"):
        game.walk_away()
    with pytest.raises(ValueError, match="You have already walked away"):
        game.offer("70k")
    assert snapshot(game) == state
    deal = game_where(lambda g: g.them.reservation >= 78_000, side="candidate", difficulty="Friendly")
    deal.offer(77_000)
    if not deal.finished:
        deal.accept()
    assert deal.outcome == "deal"
    for move in (deal.accept, deal.walk_away, lambda: deal.offer("75k")):
        with pytest.raises(ValueError, match="The game is over"):
            move()


def test_accepting_with_nothing_on_the_table_or_below_your_limit_and_an_early_debrief_are_explained():
    game = PracticeGame("candidate", "Realistic", seed=1)
    with pytest.raises(ValueError, match="no offer of theirs on the table"):
        game.accept()
    opened = PracticeGame("candidate", "Tough", seed=1, you_open=False)  # they open at $60,000
    with pytest.raises(ValueError, match="worse than your reservation value of \\$70,000"):
        opened.accept()
    with pytest.raises(ValueError, match="The debrief opens when the game ends"):
        game.debrief()


def test_the_deadline_ends_the_game_and_only_accept_or_walk_remain():
    game = game_where(lambda g: g.them.reservation >= 80_000, side="candidate", difficulty="Tough", deadline=3)
    for _ in range(3):
        game.offer(80_000 if not game.your_offers else game.your_offers[-1][1])
        if game.finished:
            break
    if not game.finished:
        with pytest.raises(ValueError, match="That was their final offer at the deadline"):
            game.offer(79_000)
        assert "Deadline" in game.status
        game.accept()
    assert game.finished


@pytest.mark.parametrize("kwargs, message", [
    (dict(side="boss"), "Play the 'candidate' or the 'employer'"),
    (dict(difficulty="Impossible"), "The difficulty is one of Friendly, Realistic, Tough"),
    (dict(deadline=1), "from 2 to 20"),
])
def test_bad_game_settings_are_explained(kwargs, message):
    with pytest.raises(ValueError, match=message):
        PracticeGame(**kwargs)


def test_history_reports_shares_across_games():
    history = PracticeHistory()
    for seed in range(40):
        game = PracticeGame("candidate", "Friendly", seed=seed)
        if game.them.reservation < 78_000:
            continue
        game.offer(77_000)
        if not game.finished:
            game.accept()
        history.add(game.debrief())
        if len(history) == 3:
            break
    assert len(history) == 3
    text = history.describe()
    assert text.startswith("3 games: 3 deals; your share of the surplus: ")
    shares = [d.share for d in history.debriefs]
    assert history.shares.tolist() == pytest.approx(shares)


def test_accepting_early_reports_what_holding_one_more_round_would_have_brought():
    def counter_is_acceptable(game):
        answer = PracticeGame("candidate", "Friendly", seed=game.seed).offer(79_000)
        return answer.kind == "offer" and answer.amount >= 70_000

    seed = game_where(counter_is_acceptable, side="candidate", difficulty="Friendly").seed
    accepted, held = (PracticeGame("candidate", "Friendly", seed=seed) for _ in range(2))
    accepted.offer(79_000)
    held.offer(79_000)
    accepted.accept()
    following = held.offer(79_000).amount  # what actually happens when you hold
    assert f"their next offer would have been about {money(following)}" in accepted.debrief().describe()
