"""The bargaining engine before and after issue 21, in one run: time per negotiation-round and memory.

The "before" engine is the one this repository had until issue 21 (commit bde00d8): every negotiation
advanced at once as whole arrays, ~98 array operations per round, every random draw made up front
(2 x negotiations x (rounds + 1) numbers) and every offer kept. Its code is copied below unchanged,
between the BEFORE markers (only renamed, and returning its arrays instead of a Negotiations). The "after"
engine is `negwidgets.model.negotiate`: blocks of a few thousand negotiations that stay in the cache,
each tactic's concession computed once per round, no imitation or random arithmetic for blocks that
have none, finished negotiations dropped, random draws made a block at a time and offers kept only on
request (by default only when negotiations x rounds <= 1,000,000).

For 100,000 negotiations (opener alternating) and 50 and 200 rounds, for Conceder seller vs Boulware
buyer and Mixed seller vs Relative tit-for-tat buyer: nanoseconds per negotiation-round (the best of
--repeats timed passes, the time over negotiations x rounds, alternating before/after so both see the
same load), the ratio (target >= 4x), the load average beside each pair, and whether every outcome
(deal, price, round) and every offer is identical. The random draws are the same documented stream
before and after, so the Mixed tactic's outcomes are compared too.

Then peak memory (the maximum resident set of a fresh process): the after engine at 1,000,000
negotiations x 1,000 rounds without offers (target < 1 GB), and both engines at 100,000 x 200.

    python benchmarks/engine_scaling.py [--negotiations 100000] [--repeats 3] [--skip-memory]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from negwidgets.model import Tactic, negotiate, tactic
from negwidgets.model.engine import _IMITATION_CODES, _values

SELLER_RANGE, BUYER_RANGE = (60_000, 80_000), (70_000, 90_000)
SELLER_ASPIRATION, BUYER_ASPIRATION = 95_000, 50_000
PAIRS = (("Conceder", "Boulware"), ("Mixed", "Relative tit-for-tat"))
ROUNDS = (50, 200)


# ---- BEFORE: the engine until issue 21, copied unchanged -------------------------------------------------

@dataclass
class _OldSide:
    """One side of every negotiation as parallel arrays (``sign`` is +1 for the seller, -1 for the buyer)."""

    sign: float
    reservation: np.ndarray
    aspiration: np.ndarray
    beta: np.ndarray
    k: np.ndarray
    imitation: np.ndarray
    weight: np.ndarray
    noise: np.ndarray

    def offers(self, t: float, own_last, theirs_last, theirs_before, draws) -> np.ndarray:
        """Every negotiation's next offer from this side at time ``t``, given the history so far."""
        stretch = self.aspiration - self.reservation
        conceding = self.beta > 0
        with np.errstate(over="ignore"):  # a tiny beta gives an infinite exponent: t ** inf is 0, as it should be
            exponent = 1 / np.where(conceding, self.beta, 1.0)
        f = np.where(conceding, self.k + (1 - self.k) * t ** exponent, self.k)
        time_part = self.reservation + stretch * (1 - f)
        base = np.where(np.isnan(own_last), self.aspiration, own_last)
        seen_two = ~np.isnan(theirs_before)
        with np.errstate(invalid="ignore", divide="ignore"):
            relative = base * theirs_before / theirs_last
        absolute = base + (theirs_before - theirs_last)
        imitated = np.where(seen_two, np.where(self.imitation == 1, relative, absolute), base)
        offer = np.where(self.imitation == 0, time_part, self.weight * time_part + (1 - self.weight) * imitated)
        offer = offer + self.noise * np.abs(stretch) * draws
        return np.clip(offer, np.minimum(self.reservation, self.aspiration),
                       np.maximum(self.reservation, self.aspiration))


def _old_side(sign: float, who: str, tactics, reservation, aspiration, n: int) -> _OldSide:
    res = _values(reservation, f"the {who}'s reservation value", n)
    asp = _values(aspiration, f"the {who}'s aspiration value", n)
    if np.any(sign * (asp - res) < 0):
        direction = "below" if sign > 0 else "above"
        raise ValueError(f"The {who}'s aspiration value must not be {direction} its reservation value.")
    if isinstance(tactics, (str, Tactic)):
        tactics = [tactic(tactics)] * n
    else:
        tactics = [tactic(t) for t in tactics]
        if len(tactics) != n:
            raise ValueError(f"Give one tactic for the {who} or one per negotiation ({n}), not {len(tactics)}.")
    unique = {t: i for i, t in enumerate(dict.fromkeys(tactics))}
    index = np.array([unique[t] for t in tactics])
    table = np.array([[t.beta, t.k, _IMITATION_CODES[t.imitation], t.weight, t.noise] for t in unique], dtype=float)
    params = table[index].T
    if np.any(params[2] == 1) and np.any(np.minimum(res, asp) <= 0):
        raise ValueError("Relative tit-for-tat compares prices as ratios: every price must be above zero.")
    return _OldSide(sign, res, asp, *params)


def _old_run(seller: _OldSide, buyer: _OldSide, seller_opens: np.ndarray, rounds: int, draws: np.ndarray):
    n = len(seller_opens)
    offers = np.full((n, rounds), np.nan)
    price = np.full(n, np.nan)
    agreed_round = np.full(n, -1)
    active = np.ones(n, dtype=bool)
    nan = np.full(n, np.nan)
    last = {"s": nan.copy(), "b": nan.copy()}  # each side's own last offer and the one before
    before = {"s": nan.copy(), "b": nan.copy()}

    # Round 0: the opener's first offer.
    proposal = np.where(seller_opens, seller.offers(0.0, nan, nan, nan, draws[0, :, 0]),
                        buyer.offers(0.0, nan, nan, nan, draws[1, :, 0]))
    for r in range(rounds):
        seller_proposes = (r % 2 == 0) == seller_opens
        offers[active, r] = proposal[active]
        for key, mine in (("s", seller_proposes), ("b", ~seller_proposes)):
            update = active & mine
            before[key] = np.where(update, last[key], before[key])
            last[key] = np.where(update, proposal, last[key])
        # The responder's next offer (what AC-next compares with); after the deadline, its reservation value.
        if r == rounds - 1:
            seller_next, buyer_next = seller.reservation, buyer.reservation
        else:
            t = (r + 1) / (rounds - 1)
            seller_next = seller.offers(t, last["s"], last["b"], before["b"], draws[0, :, r + 1])
            buyer_next = buyer.offers(t, last["b"], last["s"], before["s"], draws[1, :, r + 1])
        seller_accepts = (proposal >= seller_next) & (proposal >= seller.reservation)
        buyer_accepts = (proposal <= buyer_next) & (proposal <= buyer.reservation)
        accepts = active & np.where(seller_proposes, buyer_accepts, seller_accepts)
        price[accepts] = proposal[accepts]
        agreed_round[accepts] = r
        active &= ~accepts
        if not active.any():
            break
        proposal = np.where(seller_proposes, buyer_next, seller_next)
    return agreed_round >= 0, price, agreed_round, offers  # (was: a Negotiations of these and the inputs)


def old_negotiate(seller_tactic, buyer_tactic, seller_reservation, buyer_reservation, seller_aspiration,
                  buyer_aspiration, *, rounds: int = 50, opener: str = "seller", seed: int | None = 0):
    """The old negotiate(), its input checks shortened: (agreed, price, agreed_round, offers)."""
    n = max(np.size(seller_reservation), np.size(buyer_reservation))
    seller = _old_side(1.0, "seller", seller_tactic, seller_reservation, seller_aspiration, n)
    buyer = _old_side(-1.0, "buyer", buyer_tactic, buyer_reservation, buyer_aspiration, n)
    seller_opens = np.full(n, opener == "seller") if opener != "either" else np.arange(n) % 2 == 0
    draws = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(2, n, rounds + 1))
    return _old_run(seller, buyer, seller_opens, rounds, draws)

# ---- END BEFORE -------------------------------------------------------------------------------------------


def cases(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(*SELLER_RANGE, n), rng.uniform(*BUYER_RANGE, n)


def load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_old(pair, sellers, buyers, rounds):
    return old_negotiate(*pair, sellers, buyers, SELLER_ASPIRATION, BUYER_ASPIRATION, rounds=rounds, opener="either")


def run_new(pair, sellers, buyers, rounds, keep_offers=None):
    return negotiate(*pair, sellers, buyers, SELLER_ASPIRATION, BUYER_ASPIRATION, rounds=rounds, opener="either",
                     keep_offers=keep_offers)


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def same(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.array_equal(a, b, equal_nan=True))


def speed(n: int, repeats: int) -> None:
    sellers, buyers = cases(n)
    print(f"Time per negotiation-round: {n:,} negotiations, opener alternating, best of {repeats} "
          f"(before: every offer kept and every draw made, as it always did; after: default, no offers kept "
          f"at this size; 'after, kept' keeps every offer)")
    print(f"{'seller vs buyer':<32} {'rounds':>6} {'before ns':>10} {'after ns':>9} {'ratio':>6} "
          f"{'after, kept':>11} {'ratio':>6}  identical  load (1, 5, 15 min)")
    for pair in PAIRS:
        for rounds in ROUNDS:
            before, after, kept = [], [], []
            for _ in range(repeats):  # alternate, so that both engines see the same load
                before.append(timed(lambda: run_old(pair, sellers, buyers, rounds)))
                after.append(timed(lambda: run_new(pair, sellers, buyers, rounds)))
                kept.append(timed(lambda: run_new(pair, sellers, buyers, rounds, keep_offers=True)))
            agreed, price, agreed_round, offers = run_old(pair, sellers, buyers, rounds)
            new = run_new(pair, sellers, buyers, rounds, keep_offers=True)
            identical = (same(agreed, new.agreed) and same(price, new.price) and same(agreed_round, new.agreed_round)
                         and same(offers, new.offers))
            scale = 1e9 / (n * rounds)
            b, a, k = min(before) * scale, min(after) * scale, min(kept) * scale
            print(f"{' vs '.join(pair):<32} {rounds:>6} {b:>10.1f} {a:>9.1f} {b / a:>5.1f}x {k:>11.1f} {b / k:>5.1f}x  "
                  f"{'yes' if identical else 'NO':<9}  {load()}", flush=True)


# The child reads its own high-water mark (VmHWM, kB) from /proc: getrusage's ru_maxrss would carry the
# parent's peak over into the child on Linux.
CHILD = """
import sys, time
sys.path.insert(0, {here!r})
import engine_scaling as bench

def peak():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

engine, pair, n, rounds = sys.argv[1], tuple(sys.argv[2].split("|")), int(sys.argv[3]), int(sys.argv[4])
sellers, buyers = bench.cases(n)
bench.run_new(pair, sellers[:10], buyers[:10], 10)  # import everything the call needs before measuring
ready = peak()
start = time.perf_counter()
if engine == "before":
    agreed = bench.run_old(pair, sellers, buyers, rounds)[0]
else:
    agreed = bench.run_new(pair, sellers, buyers, rounds, keep_offers=False).agreed
seconds = time.perf_counter() - start
print(ready, peak(), seconds, agreed.mean())
"""


def peak_memory(engine: str, pair, n: int, rounds: int) -> None:
    code = CHILD.format(here=str(Path(__file__).resolve().parent))
    out = subprocess.run([sys.executable, "-c", code, engine, "|".join(pair), str(n), str(rounds)],
                         capture_output=True, text=True, check=True).stdout.split()
    ready, peak, seconds, rate = int(out[0]), int(out[1]), float(out[2]), float(out[3])
    print(f"{engine:<6} {' vs '.join(pair):<32} {n:>9,} x {rounds:>5,}: peak {peak / 1024:>7,.0f} MB "
          f"(the inputs and the interpreter before the call: {ready / 1024:,.0f} MB), {seconds:.1f} s, "
          f"{rate:.0%} agreed  {load()}", flush=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--negotiations", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args(argv)
    speed(args.negotiations, args.repeats)
    if args.skip_memory:
        return
    print("\nPeak memory (the high-water resident set of a fresh process, VmHWM; no offers kept after):")
    for pair in PAIRS:
        peak_memory("after", pair, 1_000_000, 1_000)
    for pair in PAIRS:
        for engine in ("before", "after"):
            peak_memory(engine, pair, 100_000, 200)


if __name__ == "__main__":
    main()
