"""The bargaining engine against the reference peer, NegMAS, on the same seeded tournament.

2,000 single-issue negotiations over a salary, 50 rounds, a Conceder seller (the candidate) against a
Boulware buyer (the employer), reservation values drawn at random (seller $60k-$80k, buyer $70k-$90k),
aspirations $95k and $50k. negwidgets runs them in one vectorised call; NegMAS (when the optional
`negmas` package is installed: `pip install -e ".[benchmarks]"`) runs each as an `SAOMechanism` with
`ConcederTBNegotiator` and `BoulwareTBNegotiator` over a continuous issue. Both are timed in this one
process, so the ratio is fair on a noisy machine. Target: negwidgets at least 100 times faster.

Then it prints how negwidgets' time grows with the number of negotiations and with the rounds.

    python benchmarks/bargaining_peer.py [--negotiations 2000] [--peer-negotiations 2000]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from negwidgets.model import negotiate

ROUNDS = 50
SELLER_RANGE, BUYER_RANGE = (60_000, 80_000), (70_000, 90_000)
SELLER_ASPIRATION, BUYER_ASPIRATION = 95_000, 50_000


def cases(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(*SELLER_RANGE, n), rng.uniform(*BUYER_RANGE, n)


def run_negwidgets(sellers, buyers, rounds=ROUNDS):
    return negotiate("Conceder", "Boulware", sellers, buyers, SELLER_ASPIRATION, BUYER_ASPIRATION, rounds=rounds)


def best_time(function, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def run_negmas(sellers, buyers, rounds=ROUNDS):
    """Each negotiation as a NegMAS SAOMechanism; returns (agreed, prices)."""
    from negmas import SAOMechanism, make_issue
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.value_fun import AffineFun
    from negmas.sao import BoulwareTBNegotiator, ConcederTBNegotiator

    low, high = BUYER_ASPIRATION, SELLER_ASPIRATION
    span = high - low
    issues = [make_issue(name="salary", values=(float(low), float(high)))]
    agreed, prices = [], []
    for s, b in zip(sellers, buyers):
        mechanism = SAOMechanism(issues=issues, n_steps=rounds)
        # Utilities scaled to [0, 1] over the issue's range; reserved values are the reservation values.
        seller = LinearAdditiveUtilityFunction(values=[AffineFun(1 / span, bias=-low / span)],
                                               outcome_space=mechanism.outcome_space, reserved_value=(s - low) / span)
        buyer = LinearAdditiveUtilityFunction(values=[AffineFun(-1 / span, bias=high / span)],
                                              outcome_space=mechanism.outcome_space, reserved_value=(high - b) / span)
        mechanism.add(ConcederTBNegotiator(name="seller"), ufun=seller)
        mechanism.add(BoulwareTBNegotiator(name="buyer"), ufun=buyer)
        state = mechanism.run()
        agreed.append(state.agreement is not None)
        prices.append(state.agreement[0] if state.agreement is not None else np.nan)
    return np.array(agreed), np.array(prices, dtype=float)


def summary(agreed, prices, sellers, buyers) -> str:
    zone = sellers <= buyers
    inside = np.all((prices[agreed] >= sellers[agreed] - 1e-6) & (prices[agreed] <= buyers[agreed] + 1e-6))
    share = np.nanmean(np.where(agreed, (prices - sellers) / (buyers - sellers), np.nan))
    return (f"agreed {agreed.mean():5.1%} (zone in {zone.mean():.1%}), seller's share of the surplus "
            f"{share:5.1%}, every deal inside the zone: {inside}")


def main(negotiations: int = 2_000, peer_negotiations: int | None = None) -> dict:
    peer_negotiations = negotiations if peer_negotiations is None else peer_negotiations
    sellers, buyers = cases(negotiations)
    print(f"Tournament: {negotiations:,} negotiations, {ROUNDS} rounds, Conceder seller vs Boulware buyer "
          "(target: negwidgets >= 100x NegMAS)")
    seconds = best_time(lambda: run_negwidgets(sellers, buyers))
    ours = negotiations / seconds
    runs = run_negwidgets(sellers, buyers)
    print(f"  negwidgets  {ours:>12,.0f} negotiations/s  ({seconds * 1000:.1f} ms, best of 5)   "
          f"{summary(runs.agreed, runs.price, sellers, buyers)}")
    results = {"negwidgets_per_s": ours}
    try:
        import negmas  # noqa: F401
    except ImportError:
        print("  NegMAS      not installed (pip install -e '.[benchmarks]'): no ratio")
    else:
        start = time.perf_counter()
        agreed, prices = run_negmas(sellers[:peer_negotiations], buyers[:peer_negotiations])
        peer_seconds = time.perf_counter() - start
        theirs = peer_negotiations / peer_seconds
        results.update(negmas_per_s=theirs, ratio=ours / theirs)
        print(f"  NegMAS {negmas.__version__:<5}{theirs:>12,.1f} negotiations/s  ({peer_negotiations:,} in "
              f"{peer_seconds:.1f} s)   {summary(agreed, prices, sellers[:peer_negotiations], buyers[:peer_negotiations])}")
        print(f"  ratio       {ours / theirs:>12,.0f} x")

    print("How negwidgets' time grows (best of 3):")
    for n, rounds in [(1_000, 50), (10_000, 50), (100_000, 50), (10_000, 10), (10_000, 200)]:
        s, b = cases(n, seed=1)
        elapsed = best_time(lambda: run_negwidgets(s, b, rounds), repeats=3)
        print(f"  {n:>7,} negotiations x {rounds:>3} rounds: {elapsed * 1000:8.1f} ms  "
              f"({elapsed / (n * rounds) * 1e9:5.1f} ns per negotiation-round)")
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--negotiations", type=int, default=2_000)
    parser.add_argument("--peer-negotiations", type=int, default=None,
                        help="how many of them NegMAS runs (default: all; it takes about a minute for 2,000)")
    args = parser.parse_args()
    main(args.negotiations, args.peer_negotiations)
