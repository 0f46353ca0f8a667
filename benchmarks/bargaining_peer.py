"""The bargaining engine against the reference peer, NegMAS, like for like on the same seeded tournament.

2,000 single-issue negotiations over a salary, a Conceder seller (the candidate, who opens) against a
Boulware buyer (the employer), reservation values drawn at random (seller $60k-$80k, buyer $70k-$90k),
aspirations $95k and $50k. negwidgets runs them batched (one ``negotiate`` call for all) and one call per
negotiation (as NegMAS is driven); NegMAS (the optional ``negmas`` package: ``pip install -e
".[benchmarks]"``) runs each as an ``SAOMechanism`` with its stock ``ConcederTBNegotiator`` and
``BoulwareTBNegotiator``. Then the outcomes are compared case by case, and plain-Python models of the two
sets of rules, changed from ours into NegMAS's one rule at a time, say which rule causes each difference.
Last, how negwidgets' batched time grows with the number of negotiations and with the rounds.

What NegMAS does (read in its installed source, NegMAS 0.16; paths under ``site-packages/negmas/``):

* Offers. A step of ``SAOMechanism`` asks every negotiator in turn to answer the standing offer and make
  its own (``sao/mechanism.py:693``), so by default ``n_steps=50`` means up to 100 offers, two per step;
  with ``one_offer_per_step=True`` (``sao/mechanism.py:147``, ``:691``) a step is one offer by one side.
  The first step only opens; the offer made in the last step is never answered.
* Clock. ``relative_time = (step + 1) / (n_steps + 1)`` (``mechanisms.py:1932-1938``, with no time limit):
  the opening offer is made at t = 1/(n+1), not 0, and the last at t = n/(n+1), so it never reaches 1.
* Tactics. ``BoulwareTBNegotiator`` and ``ConcederTBNegotiator`` (``gb/negotiators/timebased.py:217-259``)
  use ``PolyAspiration`` with exponents 4 and 0.25 (``negotiators/helpers.py:78-80``): aspiration
  ``1 - t**e`` (``negotiators/helpers.py:209``), scaled from the reserved value to the best outcome
  (``gb/components/inverter.py:134-135, 176-180``), i.e. a price of ``reservation + (aspiration -
  reservation) * (1 - t**e)``. negwidgets' offer is ``reservation + stretch * (1 - t**(1/beta))``
  (``negwidgets/model/engine.py``, ``_Side.offers``), so NegMAS's ``e`` is our ``1/beta``: its Boulware
  (e = 4) is our ``beta = 0.25`` and its Conceder (e = 0.25) our ``beta = 4``. The course's own Boulware
  and Conceder are beta = 0.2 and 5 (e = 5 and 0.2).
* Proposing and accepting. A negotiator proposes the outcome of lowest utility at or above its aspiration
  (``stochastic=False``: ``gb/negotiators/utilbased.py:83``) and accepts an offer whose utility is at or
  above its aspiration at the current time (``gb/negotiators/utilbased.py:137-147``), that is, at least
  as good as the offer it would make next: our AC-next rule. Both use a tolerance ``eps = 1e-4`` of the
  utility range (``gb/negotiators/utilbased.py:68``, ``gb/components/inverter.py:178``): $4.50 here; the
  presorting inverter picks a grid price with a further 1e-6 of the range ($0.045:
  ``preferences/inv_ufun/presorting.py:437``, ``preferences/inv_ufun/_common.py:78``). There is no
  deadline rule: where our responder at the last round accepts anything at least as good as its
  reservation value, NegMAS's last offer goes unanswered.
* The continuous issue. With no inverter given, a negotiator inverts its utility with
  ``AdaptiveInverseUtilityFunction`` (``gb/components/inverter.py:47``), which takes BIDS for a linear
  utility over more than 1,000,000 outcomes (``preferences/inv_ufun/adaptive.py:39, 140-149``), and BIDS
  puts a continuous issue on ``continuous_levels = 10`` points (``preferences/inv_ufun/bids.py:103, 187``;
  ``outcomes/common.py:119``): a $5,000 grid from $50k to $95k. Here each negotiator is given
  ``ufun_inverter=PresortingInverseUtilityFunction(levels=4501)`` (a ``UtilBasedNegotiator`` argument,
  ``gb/negotiators/utilbased.py:65``; ``preferences/inv_ufun/presorting.py:81, 149``): the issue stays
  continuous and offers fall on a $10 grid. The script's grid table shows that a $10 grid ends nearly
  every negotiation as a continuous price would (99.8% at the same offer, every deal or no deal the same),
  while NegMAS's default grid changes half of them and a tenth of the deals; it also prints NegMAS's rate
  at each grid (one pass over the first cases, so rough): a $1 grid costs it several times more to set
  up, while $10, $100 and its default run at about the same rate. (A
  discrete issue of 4,501 values is no cheaper way: ``SAOMechanism.add`` checks each value against the
  issue, ``outcomes/base_issue.py:388-393``, about 0.3 s per negotiator added.)

Like for like, then: both engines make the same 50 offers per negotiation (our ``rounds=50``; NegMAS's
``n_steps=50`` with ``one_offer_per_step=True``, so each offer has its own tick of the clock, as in ours);
the same exponents, NegMAS's stock ones (ours set to ``Tactic("Conceder", beta=4)`` and
``Tactic("Boulware", beta=0.25)``, so NegMAS runs its built-in negotiators unchanged); the same cases and
the same timing protocol for all three runs: the median of ``--repeats`` timed passes (3) over the same
negotiations, the three taking turns pass by pass (so that a change of the machine's load over the minutes
NegMAS takes falls on all three), each pass's outcomes checked identical, in this one process with the
machine's load printed at each pass. What still differs is the clock, the deadline rule and the grid with
its tolerance. The case-by-case table shows what each does: plain-Python models of negwidgets' rules and
of NegMAS's (as read above) must reproduce each engine's outcomes (the script prints how closely they do),
and each difference between the engines is put down to the first of NegMAS's rules, switched on in that
order, from which the model ends as NegMAS did. Target: negwidgets batched at least 100 times NegMAS's
rate (the ratio with one call per negotiation is printed beside it).

    python benchmarks/bargaining_peer.py [--negotiations 2000] [--peer-negotiations 2000] [--repeats 3]
                                         [--grid-check 40]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import time

import numpy as np

from negwidgets.model import negotiate
from negwidgets.model.engine import Tactic

ROUNDS = 50  # offers per negotiation, in both engines
SELLER_RANGE, BUYER_RANGE = (60_000, 80_000), (70_000, 90_000)
SELLER_ASPIRATION, BUYER_ASPIRATION = 95_000, 50_000
# NegMAS's stock exponents: its e is our 1 / beta.
SELLER_TACTIC = Tactic("Conceder", beta=4.0)  # NegMAS ConcederTBNegotiator, e = 0.25
BUYER_TACTIC = Tactic("Boulware", beta=0.25)  # NegMAS BoulwareTBNegotiator, e = 4
GRID = 10.0  # dollars between NegMAS's prices
NEGMAS_EPS = 1e-4  # UtilBasedNegotiator's tolerance, a share of the utility range
TOLERANCE = NEGMAS_EPS * (SELLER_ASPIRATION - BUYER_ASPIRATION)  # $4.50
# The presorting inverter's own slack when it picks the grid price nearest a bound (a share of the range).
SNAP = 1e-6 * (SELLER_ASPIRATION - BUYER_ASPIRATION)  # $0.045


def cases(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(*SELLER_RANGE, n), rng.uniform(*BUYER_RANGE, n)


def load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


# --- negwidgets ------------------------------------------------------------------------------------------

def run_negwidgets(sellers, buyers, rounds=ROUNDS):
    """All negotiations in one vectorised call."""
    return negotiate(SELLER_TACTIC, BUYER_TACTIC, sellers, buyers, SELLER_ASPIRATION, BUYER_ASPIRATION,
                     rounds=rounds)


def outcomes_batched(sellers, buyers, rounds=ROUNDS):
    run = run_negwidgets(sellers, buyers, rounds)
    return run.agreed.copy(), run.price.copy(), run.agreed_round.copy()


def outcomes_each(sellers, buyers, rounds=ROUNDS):
    """One ``negotiate`` call per negotiation, as NegMAS is driven; (agreed, price, accepted offer)."""
    agreed, prices, index = [], [], []
    for s, b in zip(sellers, buyers):
        run = negotiate(SELLER_TACTIC, BUYER_TACTIC, float(s), float(b), SELLER_ASPIRATION, BUYER_ASPIRATION,
                        rounds=rounds)
        agreed.append(bool(run.agreed[0]))
        prices.append(float(run.price[0]))
        index.append(int(run.agreed_round[0]))
    return np.array(agreed), np.array(prices), np.array(index)


# --- NegMAS ----------------------------------------------------------------------------------------------

def run_negmas(sellers, buyers, rounds=ROUNDS, grid=GRID):
    """Each negotiation as a NegMAS ``SAOMechanism`` of ``rounds`` offers with its stock time-based
    negotiators, the continuous issue inverted on a grid of ``grid`` dollars (None: NegMAS's default).
    Returns (agreed, price, index of the accepted offer, -1 without a deal)."""
    from negmas import SAOMechanism, make_issue
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.inv_ufun.presorting import PresortingInverseUtilityFunction
    from negmas.preferences.value_fun import AffineFun
    from negmas.sao import BoulwareTBNegotiator, ConcederTBNegotiator

    low, high = BUYER_ASPIRATION, SELLER_ASPIRATION
    span = high - low
    issues = [make_issue(name="salary", values=(float(low), float(high)))]
    extra = {}
    if grid is not None:
        levels = round(span / grid) + 1
        extra["ufun_inverter"] = lambda ufun: PresortingInverseUtilityFunction(ufun, levels=levels)
    agreed, prices, index = [], [], []
    for s, b in zip(sellers, buyers):
        mechanism = SAOMechanism(issues=issues, n_steps=rounds, one_offer_per_step=True)
        # Utilities scaled to [0, 1] over the issue's range; reserved values are the reservation values.
        seller = LinearAdditiveUtilityFunction(values=[AffineFun(1 / span, bias=-low / span)],
                                               outcome_space=mechanism.outcome_space, reserved_value=(s - low) / span)
        buyer = LinearAdditiveUtilityFunction(values=[AffineFun(-1 / span, bias=high / span)],
                                              outcome_space=mechanism.outcome_space, reserved_value=(high - b) / span)
        mechanism.add(ConcederTBNegotiator(name="seller", **extra), ufun=seller)  # added first: opens
        mechanism.add(BoulwareTBNegotiator(name="buyer", **extra), ufun=buyer)
        state = mechanism.run()
        deal = state.agreement is not None
        agreed.append(deal)
        prices.append(float(state.agreement[0]) if deal else np.nan)
        # The offer made in step k is answered in step k + 1, after which the step count is k + 2.
        index.append(state.step - 2 if deal else -1)
    return np.array(agreed), np.array(prices), np.array(index)


# --- the two sets of rules, in plain Python --------------------------------------------------------------

def model(sellers, buyers, rounds=ROUNDS, *, clock="negwidgets", deadline=True, grid=None, tolerance=0.0):
    """Alternating offers between the two time-based sides, one negotiation at a time.

    ``clock``: offer k is made at t = k / (rounds - 1) ("negwidgets") or (k + 1) / (rounds + 1) ("negmas").
    ``deadline``: the responder to the last offer accepts anything at least as good as its reservation
    value (negwidgets), or the last offer goes unanswered (NegMAS). ``grid``/``tolerance``: a side aims at
    its target less ``tolerance`` dollars (never past its reservation value), offers the nearest grid price
    on its own side of that (within ``SNAP``) and accepts an offer at least that good (NegMAS); without
    them, exactly its target.
    Returns (agreed, price, index of the accepted offer)."""
    high, low = SELLER_ASPIRATION, BUYER_ASPIRATION
    e_seller, e_buyer = 1 / SELLER_TACTIC.beta, 1 / BUYER_TACTIC.beta

    def t(k):
        return k / (rounds - 1) if clock == "negwidgets" else (k + 1) / (rounds + 1)

    agreed, prices, index = [], [], []
    for s, b in zip(sellers, buyers):
        def threshold(seller, k):  # what a side asks for at offer k's time: it accepts at least this
            if seller:
                return max(s, s + (high - s) * (1 - t(k) ** e_seller) - tolerance)
            return min(b, b + (low - b) * (1 - t(k) ** e_buyer) + tolerance)

        def offer(seller, k):
            price = threshold(seller, k)
            if grid is None:
                return price
            if seller:
                return low + grid * math.ceil((price - SNAP - low) / grid)
            return low + grid * math.floor((price + SNAP - low) / grid)

        outcome = (False, np.nan, -1)
        for k in range(rounds):
            seller_offers = k % 2 == 0
            price = offer(seller_offers, k)
            if k == rounds - 1:  # the last offer
                if deadline and (price <= b if seller_offers else price >= s):
                    outcome = (True, price, k)
                break
            limit = threshold(not seller_offers, k + 1)  # the responder's own next offer (AC-next)
            if price <= limit if seller_offers else price >= limit:
                outcome = (True, price, k)
                break
        agreed.append(outcome[0])
        prices.append(outcome[1])
        index.append(outcome[2])
    return np.array(agreed), np.array(prices, dtype=float), np.array(index)


MODELS = [  # ours into NegMAS's, one rule at a time
    ("negwidgets' rules", dict()),
    ("+ NegMAS's clock (k+1)/(n+1)", dict(clock="negmas")),
    ("+ last offer unanswered", dict(clock="negmas", deadline=False)),
    ("+ $10 grid, $4.50 tolerance", dict(clock="negmas", deadline=False, grid=GRID, tolerance=TOLERANCE)),
]
ALONE = [  # each of NegMAS's rules alone in negwidgets' rules
    ("NegMAS's clock alone", dict(clock="negmas")),
    ("last offer unanswered alone", dict(deadline=False)),
    ("$10 grid, tolerance alone", dict(grid=GRID, tolerance=TOLERANCE)),
]
CAUSES = ["clock", "deadline", "grid/tolerance"]


# --- timing and comparison -------------------------------------------------------------------------------

def timed(function, repeats: int):
    """Median seconds of ``repeats`` passes of ``function()``, and every pass's result."""
    times, results = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        results.append(function())
        times.append(time.perf_counter() - start)
    return statistics.median(times), results


def steady(results) -> bool:
    """Whether every pass ended every negotiation the same way."""
    return all(same_outcomes(results[0], r, price_tol=0.0) for r in results[1:])


def same_outcomes(a, b, price_tol=1e-6) -> bool:
    return bool(np.array_equal(a[0], b[0]) and np.array_equal(a[2], b[2])
                and np.allclose(a[1], b[1], atol=price_tol, rtol=0, equal_nan=True))


def matches(a, b) -> np.ndarray:
    """Case by case: the same deal or no deal, at the same offer."""
    return (a[0] == b[0]) & (a[2] == b[2])


def summary(agreed, prices, sellers, buyers) -> str:
    inside = np.all((prices[agreed] >= sellers[agreed] - 1e-6) & (prices[agreed] <= buyers[agreed] + 1e-6))
    with np.errstate(invalid="ignore"):
        share = np.nanmean(np.where(agreed, (prices - sellers) / (buyers - sellers), np.nan))
    return f"agreed {agreed.mean():6.1%}, seller's share {share:5.1%}, deals inside the zone: {inside}"


def compare(ours, theirs, sellers, buyers, rounds) -> dict:
    """The case-by-case table and the cause of each difference."""
    n = len(sellers)
    zone = sellers <= buyers
    both = ours[0] & theirs[0]
    diff = np.abs(ours[1] - theirs[1])[both]
    later = (theirs[2] - ours[2])[both]
    print(f"Outcomes case by case ({n:,} negotiations, a zone in {zone.mean():.1%}):")
    print(f"  negwidgets agreed {ours[0].mean():6.1%}   NegMAS agreed {theirs[0].mean():6.1%}   "
          f"both {both.mean():6.1%}   only negwidgets {(ours[0] & ~theirs[0]).mean():5.1%}   "
          f"only NegMAS {(~ours[0] & theirs[0]).mean():5.1%}")
    if both.any():
        print(f"  where both agreed: the same offer in {np.mean(later == 0):5.1%}; NegMAS's offer index minus "
              f"ours median {np.median(later):+.0f} (range {later.min():+d} to {later.max():+d}); "
              f"|price difference| median ${np.median(diff):,.0f}, max ${diff.max():,.0f}; NegMAS's price "
              f"higher in {np.mean((theirs[1] - ours[1])[both] > 0):.0%}")
    widths = (buyers - sellers)[zone & ours[0] & ~theirs[0]]
    if widths.size:
        print(f"  zones where only negwidgets agreed: ${widths.min():,.0f} to ${widths.max():,.0f} wide "
              f"(median ${np.median(widths):,.0f}; all zones: median ${np.median((buyers - sellers)[zone]):,.0f})")

    print("  plain-Python models, negwidgets' rules changed into NegMAS's one at a time "
          "(same = same deal or no deal at the same offer):")
    print(f"    {'rules':<32}{'agreed':>8}{'= negwidgets':>14}{'= NegMAS':>10}")
    results = []
    for name, options in MODELS:
        result = model(sellers, buyers, rounds, **options)
        results.append(result)
        print(f"    {name:<32}{result[0].mean():8.1%}{matches(result, ours).mean():14.1%}"
              f"{matches(result, theirs).mean():10.1%}")
    for name, options in ALONE:
        result = model(sellers, buyers, rounds, **options)
        print(f"    {name:<32}{result[0].mean():8.1%}{matches(result, ours).mean():14.1%}"
              f"{matches(result, theirs).mean():10.1%}")
    exact_ours = same_outcomes(results[0], ours)
    full = results[-1]
    price_gap = np.abs(full[1] - theirs[1])[full[0] & theirs[0]]
    print(f"    negwidgets' rules reproduce negwidgets exactly (prices within $0.000001): {exact_ours}; "
          f"NegMAS's rules reproduce NegMAS in {matches(full, theirs).mean():.1%} of cases, prices within "
          f"${price_gap.max() if price_gap.size else 0:.2f}")

    # Each case that differs is put down to the first rule after which the model ends as NegMAS did and
    # stays so ("not explained": the model of NegMAS's rules does not end as NegMAS did).
    differ = ~matches(ours, theirs)
    same_from = [matches(r, theirs) for r in results[1:]]
    causes = {c: 0 for c in CAUSES + ["not explained"]}
    agreement_causes = {c: 0 for c in CAUSES + ["not explained"]}
    for i in np.flatnonzero(differ):
        cause = "not explained"
        for j in range(len(CAUSES)):
            if all(same_from[m][i] for m in range(j, len(CAUSES))):
                cause = CAUSES[j]
                break
        causes[cause] += 1
        if ours[0][i] != theirs[0][i]:
            agreement_causes[cause] += 1
    print(f"  differences ({differ.sum():,} cases) by cause, the first rule from which the model ends as NegMAS:")
    print("    " + ", ".join(f"{c} {k:,}" for c, k in causes.items()))
    print(f"  of which a deal in one engine and none in the other ({(ours[0] != theirs[0]).sum():,}):")
    print("    " + ", ".join(f"{c} {k:,}" for c, k in agreement_causes.items()))
    return {"causes": causes, "agreement_causes": agreement_causes,
            "model_reproduces_negwidgets": exact_ours,
            "model_reproduces_negmas": float(matches(full, theirs).mean())}


GRIDS = [  # label, NegMAS's grid (None: its default), the model's grid
    ("none (continuous)", False, None),
    ("$1 (45,001 levels)", 1.0, 1.0),
    (f"${GRID:,.0f} ({round((SELLER_ASPIRATION - BUYER_ASPIRATION) / GRID) + 1:,} levels; used above)", GRID, GRID),
    ("$100 (451 levels)", 100.0, 100.0),
    ("$5,000 (NegMAS's default: 10)", None, 5_000.0),
]


def grid_check(sellers, buyers, count: int) -> None:
    """Does NegMAS's grid bind? The model of NegMAS's rules on every case at each grid, and NegMAS itself on
    the first ``count`` cases (one pass each), checked against the model."""
    print(f"NegMAS's grid: the model of NegMAS's rules on all {len(sellers):,} cases; NegMAS itself on the first "
          f"{count} (one pass each)")
    print(f"    {'grid':<40}{'agreed':>8}{'= continuous':>14}{'NegMAS = model':>16}{'NegMAS negotiations/s':>23}")
    options = dict(clock="negmas", deadline=False, tolerance=TOLERANCE)
    continuous = model(sellers, buyers, **options)
    for label, negmas_grid, model_grid in GRIDS:
        result = model(sellers, buyers, grid=model_grid, **options)
        row = f"    {label:<40}{result[0].mean():8.1%}{matches(result, continuous).mean():14.1%}"
        if negmas_grid is not False and count:
            start = time.perf_counter()
            theirs = run_negmas(sellers[:count], buyers[:count], grid=negmas_grid)
            rate = count / (time.perf_counter() - start)
            check = tuple(x[:count] for x in result)
            row += f"{matches(theirs, check).mean():16.1%}{rate:23.1f}"
        print(row)
    print(f"    [{load()}]")


def main(negotiations: int = 2_000, peer_negotiations: int | None = None, repeats: int = 3,
         grid_cases: int = 40) -> dict:
    peer_negotiations = negotiations if peer_negotiations is None else min(peer_negotiations, negotiations)
    sellers, buyers = cases(negotiations)
    s, b = sellers[:peer_negotiations], buyers[:peer_negotiations]
    n = peer_negotiations
    try:
        import negmas
    except ImportError:
        negmas = None
    engines = {"negwidgets batched": lambda: outcomes_batched(s, b),
               "negwidgets per call": lambda: outcomes_each(s, b)}
    if negmas is not None:
        engines[f"NegMAS {negmas.__version__}"] = lambda: run_negmas(s, b)
    print(f"Tournament: {n:,} negotiations of {ROUNDS} offers each (seller opens), Conceder seller "
          f"(beta = {SELLER_TACTIC.beta:g}, NegMAS e = {1 / SELLER_TACTIC.beta:g}) vs Boulware buyer "
          f"(beta = {BUYER_TACTIC.beta:g}, e = {1 / BUYER_TACTIC.beta:g}); each rate the median of "
          f"{repeats} timed passes, the engines taking turns pass by pass (target: batched >= 100x NegMAS)")
    # The engines take turns, so that a change in the machine's load over the minutes NegMAS takes
    # falls on all of them alike.
    times = {name: [] for name in engines}
    outcomes = {name: [] for name in engines}
    for repeat in range(repeats):
        print(f"  pass {repeat + 1}: {load()}")
        for name, function in engines.items():
            start = time.perf_counter()
            outcomes[name].append(function())
            times[name].append(time.perf_counter() - start)
    print(f"  after:  {load()}")
    rate = {name: n / statistics.median(t) for name, t in times.items()}
    batched = outcomes["negwidgets batched"][0]
    each = outcomes["negwidgets per call"][0]
    for name in engines:
        passes = ", ".join(f"{t:.3g}" for t in times[name])
        first = outcomes[name][0]
        if name == "negwidgets per call":
            note = f"same outcomes as batched: {same_outcomes(each, batched)}"
        else:
            note = summary(first[0], first[1], s, b)
        print(f"  {name:<22}{rate[name]:>11,.1f} negotiations/s  (passes {passes} s)  {note}")
        if not steady(outcomes[name]):
            print(f"  WARNING: {name}'s passes did not all end the same way")
    results = {"negwidgets_batched_per_s": rate["negwidgets batched"],
               "negwidgets_each_per_s": rate["negwidgets per call"]}
    if negotiations > n:
        all_seconds, _ = timed(lambda: outcomes_batched(sellers, buyers), repeats)
        print(f"  negwidgets batched, all {negotiations:,}: {negotiations / all_seconds:,.0f} negotiations/s "
              f"({all_seconds * 1000:.1f} ms; not in the ratios)")
    if negmas is None:
        print("  NegMAS      not installed (pip install -e '.[benchmarks]'): no ratio")
    else:
        theirs_name = f"NegMAS {negmas.__version__}"
        theirs = outcomes[theirs_name][0]
        results.update(negmas_per_s=rate[theirs_name],
                       ratio_batched=rate["negwidgets batched"] / rate[theirs_name],
                       ratio_each=rate["negwidgets per call"] / rate[theirs_name])
        print(f"  ratio, batched        {results['ratio_batched']:>11,.0f} x")
        print(f"  ratio, one call each  {results['ratio_each']:>11,.1f} x")
        results.update(compare(batched, theirs, s, b, ROUNDS))
        grid_check(s, b, min(grid_cases, n))
    growth()
    return results


def growth() -> None:
    print("How negwidgets' batched time grows (median of 3):")
    for count, rounds in [(1_000, 50), (10_000, 50), (100_000, 50), (10_000, 10), (10_000, 200)]:
        gs, gb = cases(count, seed=1)
        elapsed, _ = timed(lambda: run_negwidgets(gs, gb, rounds), 3)
        print(f"  {count:>7,} negotiations x {rounds:>3} rounds: {elapsed * 1000:8.1f} ms  "
              f"({elapsed / (count * rounds) * 1e9:5.1f} ns per negotiation-round)  [{load()}]")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--negotiations", type=int, default=2_000)
    parser.add_argument("--peer-negotiations", type=int, default=None,
                        help="how many of them every engine runs and is timed on (default: all; a pass of "
                             "2,000 takes NegMAS one to three minutes)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes per engine; the median is kept")
    parser.add_argument("--grid-check", type=int, default=40,
                        help="cases on which NegMAS runs once at each grid, checked against the model (0: none)")
    args = parser.parse_args()
    main(args.negotiations, args.peer_negotiations, args.repeats, args.grid_check)
