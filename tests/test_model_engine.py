"""The bargaining engine and the closed forms of lesson 08, against the formulas and a plain reference."""

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import (
    TACTICS,
    Tactic,
    concession_offer,
    nash_bargaining,
    negotiate,
    rubinstein_share,
    time_dependent_concession,
    tournament,
)

# --- closed forms ----------------------------------------------------------------------------------

betas = st.floats(0.05, 20)
ks = st.floats(0, 1)
times = st.floats(0, 1)


@given(t=times, beta=betas, k=ks)
def test_concession_curve_matches_faratins_formula(t, beta, k):
    assert time_dependent_concession(t, beta, k) == pytest.approx(k + (1 - k) * math.pow(t, 1 / beta), abs=1e-12)


@given(t=times, beta=betas, k=ks, reservation=st.floats(10_000, 200_000), stretch=st.floats(-50_000, 50_000))
def test_concession_offer_runs_from_aspiration_to_reservation(t, beta, k, reservation, stretch):
    aspiration = reservation + stretch
    offer = concession_offer(t, reservation, aspiration, beta, k)
    f = k + (1 - k) * math.pow(t, 1 / beta)
    assert offer == pytest.approx(reservation + (aspiration - reservation) * (1 - f), abs=1e-6)
    assert concession_offer(1.0, reservation, aspiration, beta, k) == pytest.approx(reservation)
    assert concession_offer(0.0, reservation, aspiration, beta, 0.0) == pytest.approx(aspiration)


def test_concession_curve_is_vectorised_and_orders_the_family():
    t = np.linspace(0, 1, 101)
    boulware, linear, conceder = (time_dependent_concession(t, b) for b in (0.2, 1.0, 5.0))
    assert np.allclose(linear, t)
    inner = slice(1, -1)
    assert np.all(boulware[inner] < linear[inner]) and np.all(linear[inner] < conceder[inner])
    assert np.all(time_dependent_concession(t, 0.0, 0.1) == 0.1)  # the hardliner never moves


@pytest.mark.parametrize("bad, message", [
    (dict(t=1.5, beta=1.0), "every t must lie in [0, 1]"),
    (dict(t=0.5, beta=-1.0), "beta must be 0 or more"),
    (dict(t=0.5, beta=1.0, k=2.0), "between 0 (open at your aspiration) and 1"),
    (dict(t=float("nan"), beta=1.0), "every t must lie in [0, 1]"),
])
def test_concession_bad_input_is_explained(bad, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        time_dependent_concession(**bad)


@given(d1=st.floats(0, 0.999), d2=st.floats(0, 0.999))
def test_rubinstein_share_is_the_formula_and_a_share(d1, d2):
    share = rubinstein_share(d1, d2)
    assert share == pytest.approx((1 - d2) / (1 - d1 * d2))
    assert 0 <= share <= 1 + 1e-12


def test_rubinstein_first_mover_advantage_shrinks_with_patience():
    shares = [rubinstein_share(d, d) for d in (0.5, 0.9, 0.99, 0.999)]
    assert shares == sorted(shares, reverse=True)
    assert all(s > 0.5 for s in shares) and shares[-1] == pytest.approx(0.5, abs=1e-3)
    assert rubinstein_share(0.5, 0.5) == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match="must lie in \\[0, 1\\)"):
        rubinstein_share(1.0, 0.9)


@given(s=st.floats(40_000, 100_000), width=st.floats(1_000, 40_000), a_s=st.floats(0.1, 1), a_b=st.floats(0.1, 1))
@settings(max_examples=50)
def test_nash_solution_maximises_the_product_of_gains(s, width, a_s, a_b):
    b = s + width
    solution = nash_bargaining(s, b, seller_exponent=a_s, buyer_exponent=a_b)
    grid = np.linspace(s, b, 20_001)
    product = (grid - s) ** a_s * (b - grid) ** a_b
    assert solution.price == pytest.approx(grid[np.argmax(product)], abs=width / 10_000)
    assert s <= solution.price <= b


def test_nash_solution_of_the_running_example_is_the_midpoint():
    solution = nash_bargaining(70_000, 80_000)
    assert solution.price == 75_000 and solution.seller_gain == solution.buyer_gain == 5_000
    with pytest.raises(ValueError, match="There is no zone"):
        nash_bargaining(82_000, 80_000)
    with pytest.raises(ValueError, match="utility exponent must lie in \\(0, 1\\]"):
        nash_bargaining(70_000, 80_000, seller_exponent=0)


# --- the engine against a plain reference ----------------------------------------------------------

def reference(seller_tactic, buyer_tactic, s, b, sa, ba, rounds, seller_opens, draws):
    """One negotiation under the engine's rules, written plainly: (agreed, price, round, offers)."""
    sides = {
        "seller": dict(tactic=seller_tactic, res=s, asp=sa, draws=draws[0]),
        "buyer": dict(tactic=buyer_tactic, res=b, asp=ba, draws=draws[1]),
    }
    history = {"seller": [], "buyer": []}

    def offer(who, r):
        side, other = sides[who], "buyer" if who == "seller" else "seller"
        tactic, res, asp = side["tactic"], side["res"], side["asp"]
        t = r / (rounds - 1)
        f = tactic.k if tactic.beta == 0 else tactic.k + (1 - tactic.k) * t ** (1 / tactic.beta)
        time_part = res + (asp - res) * (1 - f)
        own = history[who][-1] if history[who] else asp
        theirs = history[other]
        if len(theirs) >= 2:
            imitated = own * theirs[-2] / theirs[-1] if tactic.imitation == "relative" else own + (theirs[-2] - theirs[-1])
        else:
            imitated = own
        value = time_part if tactic.imitation is None else tactic.weight * time_part + (1 - tactic.weight) * imitated
        value += tactic.noise * abs(asp - res) * side["draws"][r]
        return min(max(value, min(res, asp)), max(res, asp))

    proposer = "seller" if seller_opens else "buyer"
    offers = []
    for r in range(rounds):
        responder = "buyer" if proposer == "seller" else "seller"
        x = offer(proposer, r)
        offers.append(x)
        history[proposer].append(x)
        following = sides[responder]["res"] if r == rounds - 1 else offer(responder, r + 1)
        if responder == "seller":
            accepts = x >= following and x >= s
        else:
            accepts = x <= following and x <= b
        if accepts:
            return True, x, r, offers
        proposer = responder
    return False, None, -1, offers


def compare_with_reference(seller_tactics, buyer_tactics, n, rounds, seed):
    rng = np.random.default_rng(seed + 100)
    s, b = rng.uniform(60_000, 80_000, n), rng.uniform(70_000, 90_000, n)
    opens = rng.random(n) < 0.5
    runs = negotiate(seller_tactics, buyer_tactics, s, b, 95_000, 50_000, rounds=rounds, opener=opens, seed=seed)
    # The engine's documented draws: one per side, negotiation and round, from the seed.
    draws = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(2, n, rounds + 1))
    seller_list = seller_tactics if isinstance(seller_tactics, list) else [seller_tactics] * n
    buyer_list = buyer_tactics if isinstance(buyer_tactics, list) else [buyer_tactics] * n
    for i in range(n):
        agreed, price, r, offers = reference(seller_list[i], buyer_list[i], s[i], b[i], 95_000, 50_000, rounds,
                                             opens[i], draws[:, i])
        assert bool(runs.agreed[i]) == agreed and runs.agreed_round[i] == r, i
        if agreed:
            assert runs.price[i] == pytest.approx(price, rel=1e-12)
        recorded = runs.offers[i][~np.isnan(runs.offers[i])]
        assert recorded == pytest.approx(offers, rel=1e-12)
    return runs


def test_boulware_against_conceder_agrees_with_the_reference_negotiation_by_negotiation():
    runs = compare_with_reference(TACTICS["Conceder"], TACTICS["Boulware"], 400, 50, seed=1)
    assert 0.5 < runs.agreement_rate < 1  # some cases have no zone


def test_every_pair_of_tactics_agrees_with_the_reference():
    names = list(TACTICS)
    pairs = [(a, b) for a in names for b in names]
    per = 12
    sellers = [TACTICS[a] for a, _ in pairs for _ in range(per)]
    buyers = [TACTICS[b] for _, b in pairs for _ in range(per)]
    compare_with_reference(sellers, buyers, len(sellers), 20, seed=7)


def test_time_dependent_offers_follow_the_concession_curve_round_by_round():
    rounds = 30
    runs = negotiate("Boulware", "Hardliner", 70_000, 60_000, 85_000, 50_000, rounds=rounds)  # no zone: no deal
    trace = runs.trace(0)
    assert trace.price is None and len(trace.seller_offers) == rounds // 2
    for r, value in trace.seller_offers:
        assert value == pytest.approx(concession_offer(r / (rounds - 1), 70_000, 85_000, 0.2))
    assert all(value == 50_000 for _, value in trace.buyer_offers)


imitating = st.builds(Tactic, name=st.just("Random"), beta=st.floats(0, 10), k=st.floats(0, 1),
                      imitation=st.sampled_from(["relative", "absolute"]), weight=st.floats(0, 1),
                      noise=st.floats(0, 0.3))
timed = st.builds(Tactic, name=st.just("Random"), beta=st.floats(0, 10), k=st.floats(0, 1), noise=st.floats(0, 0.3))
tactic_strategy = imitating | timed | st.sampled_from(list(TACTICS.values()))


@given(seller=tactic_strategy, buyer=tactic_strategy, s=st.floats(40_000, 100_000), b=st.floats(40_000, 100_000),
       stretch=st.floats(0, 30_000), rounds=st.integers(2, 40), seller_opens=st.booleans(), seed=st.integers(0, 99))
@settings(max_examples=200, deadline=None)
def test_no_deal_outside_the_zone_and_none_without_one(seller, buyer, s, b, stretch, rounds, seller_opens, seed):
    runs = negotiate(seller, buyer, s, b, s + stretch, b - stretch, rounds=rounds,
                     opener="seller" if seller_opens else "buyer", seed=seed)
    if s > b:
        assert not runs.agreed[0]
    if runs.agreed[0]:
        assert s <= runs.price[0] <= b
        assert runs.seller_gain[0] >= 0 and runs.buyer_gain[0] >= 0
    offers = runs.offers[0][~np.isnan(runs.offers[0])]
    assert len(offers) == (runs.agreed_round[0] + 1 if runs.agreed[0] else rounds)


@given(s=st.floats(60_000, 80_000), b=st.floats(60_000, 80_000), rounds=st.integers(2, 40))
def test_at_the_deadline_any_deal_in_the_zone_beats_none(s, b, rounds):
    """Two time-dependent sides always agree when there is a zone: at the deadline each accepts its limit."""
    runs = negotiate("Linear", "Boulware", s, b, 90_000, 50_000, rounds=rounds)
    assert bool(runs.agreed[0]) == (s <= b)


def test_tournament_runs_every_pair_on_the_same_cases():
    result = tournament(["Boulware", "Linear", "Conceder"], per_pair=40, rounds=20)
    assert result.agreement.shape == (3, 3) and len(result.runs) == 9 * 40
    # Same random cases for every pair: the reservation values repeat pair after pair.
    sellers = result.runs.seller_reservation.reshape(9, 40)
    assert np.all(sellers == sellers[0])
    # Against any opponent, the patient Boulware seller earns more than the Conceder seller.
    assert np.all(result.seller_gain[0] > result.seller_gain[2])
    assert "Boulware earned most on average" in result.describe()
    assert result.table().splitlines()[1].startswith("Boulware")


@pytest.mark.parametrize("call, message", [
    (lambda: negotiate("Boulware", "Sneaky", 70_000, 80_000, 85_000, 60_000), "no tactic called 'Sneaky'"),
    (lambda: negotiate("Boulware", "Linear", 70_000, 80_000, 65_000, 60_000), "must not be below its reservation"),
    (lambda: negotiate("Boulware", "Linear", 70_000, 80_000, 85_000, 90_000), "must not be above its reservation"),
    (lambda: negotiate("Boulware", "Linear", 70_000, 80_000, 85_000, 60_000, rounds=1), "at least 2 rounds"),
    (lambda: negotiate("Boulware", "Linear", [70_000, 71_000], [80_000] * 3, 85_000, 60_000), "same length"),
    (lambda: negotiate("Boulware", "Linear", float("nan"), 80_000, 85_000, 60_000), "not a number"),
    (lambda: negotiate("Boulware", "Linear", 70_000, 80_000, 85_000, 60_000, opener="me"), "'seller', 'buyer'"),
    (lambda: Tactic("Odd", imitation="mirror"), "'relative'ly, 'absolute'ly"),
    (lambda: Tactic("Odd", weight=0.5), "puts all its weight"),
    (lambda: tournament(["Boulware"], per_pair=0), "at least one negotiation per pair"),
    (lambda: tournament(seller_reservation=(80_000, 60_000)), "give the lower number first"),
])
def test_engine_bad_input_is_explained(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


# --- the engine's blocks, kept offers and draws (issue 21) --------------------------------------------------

from negwidgets.model import engine as engine_module  # noqa: E402
from negwidgets.model import next_offer  # noqa: E402


@given(tactics=st.lists(st.tuples(tactic_strategy, tactic_strategy), min_size=1, max_size=4),
       n=st.integers(1, 40), rounds=st.integers(2, 25), block=st.integers(1, 9), draws=st.integers(1, 200),
       opener=st.sampled_from(["seller", "buyer", "either", "random"]), seed=st.integers(0, 50))
@settings(max_examples=150, deadline=None)
def test_blocks_of_any_size_agree_with_the_reference(tactics, n, rounds, block, draws, opener, seed):
    """Tiny blocks put block boundaries, dropped negotiations, both openers in one block and random
    parts made a block at a time into every example; the outcome is the plain reference's, negotiation
    by negotiation."""
    rng = np.random.default_rng(seed)
    pairs = [tactics[i] for i in rng.integers(0, len(tactics), n)]
    sellers, buyers = [p[0] for p in pairs], [p[1] for p in pairs]
    s, b = rng.uniform(60_000, 80_000, n), rng.uniform(70_000, 90_000, n)
    opens = {"seller": np.ones(n, bool), "buyer": np.zeros(n, bool), "either": np.arange(n) % 2 == 0,
             "random": rng.random(n) < 0.5}[opener]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine_module, "_BLOCK", block)
        patch.setattr(engine_module, "_DRAWS_PER_BLOCK", draws * (rounds + 1))
        runs = negotiate(sellers, buyers, s, b, 95_000, 50_000, rounds=rounds, opener=list(opens), seed=seed)
        lean = negotiate(sellers, buyers, s, b, 95_000, 50_000, rounds=rounds, opener=list(opens), seed=seed,
                         keep_offers=False)
    drawn = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(2, n, rounds + 1))
    for i in range(n):
        agreed, price, r, offers = reference(sellers[i], buyers[i], s[i], b[i], 95_000, 50_000, rounds, opens[i],
                                             drawn[:, i])
        assert bool(runs.agreed[i]) == agreed and runs.agreed_round[i] == r, i
        if agreed:
            assert runs.price[i] == pytest.approx(price, rel=1e-12)
        recorded = runs.offers[i][~np.isnan(runs.offers[i])]
        assert recorded == pytest.approx(offers, rel=1e-12)
    # Keeping no offers changes nothing else.
    assert np.array_equal(lean.price, runs.price, equal_nan=True) and np.array_equal(lean.agreed_round,
                                                                                      runs.agreed_round)


@given(seller=tactic_strategy, buyer=tactic_strategy, s=st.floats(40_000, 100_000), b=st.floats(40_000, 100_000),
       stretch=st.floats(0, 30_000), rounds=st.integers(2, 30), seller_opens=st.booleans(), seed=st.integers(0, 99))
@settings(max_examples=100, deadline=None)
def test_next_offer_makes_exactly_the_engines_offers(seller, buyer, s, b, stretch, rounds, seller_opens, seed):
    """The practice counterpart (next_offer, one offer at a time) and the engine make the same offers."""
    runs = negotiate(seller, buyer, s, b, s + stretch, b - stretch, rounds=rounds,
                     opener="seller" if seller_opens else "buyer", seed=seed)
    drawn = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(2, 1, rounds + 1))
    made = runs.offers[0][~np.isnan(runs.offers[0])]
    history = {"seller": [], "buyer": []}
    for r, value in enumerate(made):
        who = "seller" if (r % 2 == 0) == seller_opens else "buyer"
        other = "buyer" if who == "seller" else "seller"
        chosen, res, asp = (seller, s, s + stretch) if who == "seller" else (buyer, b, b - stretch)
        expected = next_offer(chosen, r / (rounds - 1), res, asp, history[who], history[other],
                              drawn[0 if who == "seller" else 1, 0, r])
        assert value == expected, r
        history[who].append(value)


def test_a_negotiations_outcome_does_not_depend_on_the_others_tactics():
    """Draws belong to a negotiation's position: changing every other negotiation's tactics (random or
    not) leaves a random negotiation's offers unchanged, whatever the blocks."""
    n, rounds = 300, 40
    s, b = np.full(n, 70_000.0), np.full(n, 80_000.0)
    noisy = TACTICS["Mixed"]
    for block in (4, 64, 4096):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(engine_module, "_BLOCK", block)
            calm = negotiate([noisy if i == 150 else TACTICS["Linear"] for i in range(n)], "Boulware", s, b,
                             95_000, 50_000, rounds=rounds, seed=3, keep_offers=[150])
            busy = negotiate([noisy if i % 3 == 0 else TACTICS["Conceder"] for i in range(n)], "Mixed", s, b,
                             95_000, 50_000, rounds=rounds, seed=3, keep_offers=[150])
            alone = negotiate([noisy if i == 150 else TACTICS["Hardliner"] for i in range(n)], "Boulware", s, b,
                              95_000, 50_000, rounds=rounds, seed=3, keep_offers=[150])
        assert calm.trace(150) == alone.trace(150)
        assert calm.trace(150).seller_offers != busy.trace(150).seller_offers  # the buyer differs there
    # And the random part did move the offers: without it the seller's offers differ.
    plain = Tactic("Mixed without noise", beta=0.5, imitation="absolute", weight=0.5)
    quiet = negotiate(plain, "Boulware", 70_000, 80_000, 95_000, 50_000, rounds=rounds, seed=3)
    assert quiet.trace(0).seller_offers != calm.trace(150).seller_offers


def test_kept_offers_are_the_same_offers_and_the_rest_explain_themselves():
    n, rounds = 50, 30
    s = np.linspace(60_000, 80_000, n)
    every = negotiate("Mixed", "Relative tit-for-tat", s, 78_000, 95_000, 50_000, rounds=rounds, opener="either",
                      keep_offers=True)
    some = negotiate("Mixed", "Relative tit-for-tat", s, 78_000, 95_000, 50_000, rounds=rounds, opener="either",
                     keep_offers=[7, -1, 7, 30])
    assert some.kept.tolist() == [7, 30, 49]
    for i in (7, 30, 49):
        assert some.trace(i) == every.trace(i)
    assert np.array_equal(some.kept_offers, every.offers[[7, 30, 49]], equal_nan=True)
    with pytest.raises(ValueError, match=re.escape("The offers of negotiation 8 were not kept")):
        some.trace(8)
    with pytest.raises(ValueError, match=re.escape("The offers of 47 of the 50 negotiations were not kept")):
        some.offers
    with pytest.raises(ValueError, match="pick one from 0 to 49"):
        some.trace(50)
    # By default offers are kept up to a million numbers, and not beyond.
    assert len(negotiate("Linear", "Linear", s, 80_000, 95_000, 50_000, rounds=20_000).kept) == n
    assert len(negotiate("Linear", "Linear", s, 80_000, 95_000, 50_000, rounds=20_001).kept) == 0


@pytest.mark.parametrize("keep, message", [
    ("all", "True (every negotiation's offers), False (none) or a list"),
    (3, "True (every negotiation's offers), False (none) or a list"),
    ([0, 5], "whole numbers from 0 to 4"),
    ([0.5], "whole numbers from 0 to 4"),
])
def test_bad_keep_offers_is_explained(keep, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        negotiate("Linear", "Linear", [70_000] * 5, 80_000, 95_000, 50_000, keep_offers=keep)


def test_relative_tit_for_tat_refuses_a_price_of_zero_on_either_side():
    with pytest.raises(ValueError, match="every price must be above zero"):
        negotiate("Relative tit-for-tat", "Linear", 70_000, 80_000, 95_000, 0)
    with pytest.raises(ValueError, match="every price must be above zero"):
        next_offer("Relative tit-for-tat", 0.5, 70_000, 95_000, [90_000], [0, 0])
    with pytest.raises(ValueError, match="t = 1.5 is outside"):
        next_offer("Linear", 1.5, 70_000, 95_000)
