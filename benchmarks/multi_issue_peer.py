"""Lesson 09's multi-issue counterpart as an automated agent, against NegMAS's built-in negotiators.

Three domains with different issue structures:

* **job offer**: lesson 09's case, 8 issues (distributive, integrative, compatible), 16,200 packages;
* **haggle**: a purchase with one large distributive issue (price, 11 options), an integrative one
  (warranty, 5) and a compatible one (delivery, 3): 165 packages, little room to trade;
* **ten yes-or-no issues**: 10 binary issues with seeded, integrative weights: 1,024 packages, much room.

(NegMAS 0.16 ships no scenario files, so these are written here as scoring tables; each side's points
run from 0 to 100 and its BATNA is 25 points.)

**Outcomes**, like for like: every agent (ours at each level, and each NegMAS built-in) plays the same
NegMAS opponents in NegMAS's ``SAOMechanism`` (ours wrapped as an ``SAONegotiator``), on each domain,
on both sides, opening and answering, with the same number of steps. For each agent: agreement rate,
mean distance of deals to the Pareto frontier (in points, the shortest distance to a frontier point;
0 on it), its own utility (points over its BATNA share of the room, no deal = 0), and the Nash product of
both sides' gains over their BATNAs (normalised to the Nash point's; no deal = 0).

**Throughput**, same timing protocol: negotiations per second of an agent against a time-based
Boulware opponent, N negotiations of the same number of steps, timed with ``perf_counter`` in this one
process: ours in a plain loop against a Boulware written here; NegMAS's best built-in against NegMAS's
``BoulwareTBNegotiator`` in its mechanism. The machine's load is printed before and after.

    python benchmarks/multi_issue_peer.py [--steps 40] [--seeds 3] [--throughput 200]

NegMAS is an optional benchmark extra (AGPL, used as a separate package, never imported by negwidgets):
`pip install -e ".[benchmarks]"`. Without it the script prints ours alone and says why.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from negwidgets.model import ScoringSystem, job_offer_case
from negwidgets.model.multi_issue import MultiIssueCounterpart

STEPS = 40


def haggle() -> ScoringSystem:
    price = {f"${p:,}": (6 * i, 60 - 6 * i) for i, p in enumerate(range(9_000, 11_001, 200))}
    warranty = {"None": (0, 30), "6 months": (3, 24), "1 year": (6, 16), "2 years": (14, 8), "3 years": (24, 0)}
    delivery = {"Pick up": (0, 0), "Next week": (8, 6), "This week": (16, 10)}
    return ScoringSystem.from_table({"Price": price, "Warranty": warranty, "Delivery": delivery},
                                    parties=("Seller", "Buyer"), batnas=(25, 25), title="Haggle")


def yes_no(seed: int = 7) -> ScoringSystem:
    rng = np.random.default_rng(seed)
    a, b = rng.dirichlet(np.ones(10) * 0.7) * 100, rng.dirichlet(np.ones(10) * 0.7) * 100
    same = rng.random(10) < 0.2  # a fifth of the issues compatible
    table = {f"Issue {i + 1}": {"No": (0.0, 0.0 if same[i] else round(b[i], 2)),
                                "Yes": (round(a[i], 2), round(b[i], 2) if same[i] else 0.0)} for i in range(10)}
    return ScoringSystem.from_table(table, parties=("Side A", "Side B"), batnas=(25, 25), title="Ten yes-or-no issues")


def domains() -> dict[str, ScoringSystem]:
    return {"job offer": job_offer_case(), "haggle": haggle(), "ten yes-or-no": yes_no()}


# --- measures --------------------------------------------------------------------------------------


def frontier_distance(system: ScoringSystem, scores) -> float:
    front = system.frontier().scores
    return float(np.min(np.hypot(front[:, 0] - scores[0], front[:, 1] - scores[1])))


def own_utility(system: ScoringSystem, side: int, scores) -> float:
    """The share of the room between its BATNA and its best package that the agent got (no deal = 0)."""
    if scores is None:
        return 0.0
    top = system.frontier().scores[:, side].max()
    return float((scores[side] - system.batnas[side]) / (top - system.batnas[side]))


def nash_share(system: ScoringSystem, scores) -> float:
    if scores is None:
        return 0.0
    nash = system.nash_point()
    gains = [max(scores[s] - system.batnas[s], 0.0) for s in (0, 1)]
    return float(gains[0] * gains[1] / (nash.gains[0] * nash.gains[1]))


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


# --- ours, in a plain loop -------------------------------------------------------------------------


class Boulware:
    """A time-based opponent as NegMAS's BoulwareTBNegotiator: aspiration 1 - t^(1/0.2) of its range above its
    BATNA; it offers its best package at that level and accepts what reaches its next aspiration."""

    def __init__(self, system: ScoringSystem, side: int, exponent: float = 0.2) -> None:
        self.system, self.side, self.exponent = system, side, exponent
        scores = system.all_scores()
        self.own = scores[:, side]
        order = np.argsort(self.own)
        self.sorted, self.order = self.own[order], order
        self.choices = system._choices_of(np.arange(len(scores)))
        self.batna, self.top = float(system.batnas[side]), float(self.own.max())

    def aspiration(self, t):
        return self.batna + (self.top - self.batna) * (1 - min(t, 1.0) ** (1 / self.exponent))

    def offer(self, t):
        at = np.searchsorted(self.sorted, self.aspiration(t) - 1e-9)
        return tuple(int(c) for c in self.choices[self.order[min(at, len(self.order) - 1)]])

    def accepts(self, scores, t_next):
        return scores[self.side] > self.batna and scores[self.side] >= self.aspiration(t_next) - 1e-9


def run_ours(system, side, level, seed, steps=STEPS, opponent=None):
    """Ours (on ``side``) against a Boulware in alternating offers; ours opens on even seeds. Scores or None."""
    agent = MultiIssueCounterpart(system, side, level, seed=seed)
    other = Boulware(system, 1 - side) if opponent is None else opponent
    ours_turn = seed % 2 == 0
    for step in range(steps):
        t, t_next = step / (steps - 1), min((step + 1) / (steps - 1), 1.0)
        if ours_turn:
            package = agent.offer(t)
            if other.accepts(package.scores, t_next):
                return package.scores
        else:
            choices = other.offer(t)
            package = system._package(choices)
            agent.model.observe(package)
            if agent.accepts(package, t_next, last=step == steps - 1):
                return package.scores
        ours_turn = not ours_turn
    return None


# --- NegMAS -------------------------------------------------------------------------------------------


def negmas_available() -> str:
    try:
        import negmas  # noqa: F401
    except ImportError as error:
        return f"NegMAS is not installed ({error}); install the benchmark extra: pip install -e \".[benchmarks]\""
    return ""


def negmas_setup(system: ScoringSystem):
    """The domain as NegMAS issues and two linear additive utility functions on each side's points / 100."""
    from negmas import make_issue
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.value_fun import TableFun

    issues = [make_issue(name=issue.name, values=len(issue.options)) for issue in system.issues]
    ufuns = [LinearAdditiveUtilityFunction(
        values={issue.name: TableFun({o: float(p[side]) / 100 for o, p in enumerate(issue.points)})
                for issue in system.issues},
        weights={issue.name: 1.0 for issue in system.issues}, issues=issues,
        reserved_value=float(system.batnas[side]) / 100) for side in (0, 1)]
    return issues, ufuns


def ours_as_negmas(system, side, level, seed, steps):
    """Our counterpart wrapped as a NegMAS SAONegotiator (the wrapper lives here, not in negwidgets)."""
    from negmas.gb.common import ResponseType
    from negmas.sao import SAONegotiator

    class Ours(SAONegotiator):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.agent = MultiIssueCounterpart(system, side, level, seed=seed)

        def _t(self, state, ahead=0):
            return min((state.step + ahead) / (steps - 1), 1.0)

        def propose(self, state, dest=None):
            return self.agent.offer(self._t(state)).choices

        def respond(self, state, source=None):
            offer = state.current_offer
            if offer is None:
                return ResponseType.REJECT_OFFER
            package = system._package(tuple(int(v) for v in offer))
            self.agent.model.observe(package)
            last = state.step >= steps - 1
            return ResponseType.ACCEPT_OFFER if self.agent.accepts(package, self._t(state, 1), last) else \
                ResponseType.REJECT_OFFER

    return Ours(name="ours")


def run_negmas(system, setup, side, make_agent, make_opponent, steps, first=True):
    from negmas import SAOMechanism

    issues, ufuns = setup
    mechanism = SAOMechanism(issues=issues, n_steps=steps)
    pair = [(make_agent(), ufuns[side]), (make_opponent(), ufuns[1 - side])]
    for negotiator, ufun in (pair if first else pair[::-1]):
        mechanism.add(negotiator, ufun=ufun)
    state = mechanism.run()
    if state.agreement is None:
        return None
    return system._package(tuple(int(v) for v in state.agreement)).scores


def builtins():
    from negmas import sao

    names = ["AspirationNegotiator", "BoulwareTBNegotiator", "ConcederTBNegotiator", "LinearTBNegotiator",
             "NaiveTitForTatNegotiator", "MiCRONegotiator", "CABNegotiator", "WARNegotiator"]
    return {name: getattr(sao, name) for name in names if hasattr(sao, name)}


OPPONENTS = ["AspirationNegotiator", "BoulwareTBNegotiator", "ConcederTBNegotiator", "LinearTBNegotiator",
             "NaiveTitForTatNegotiator", "MiCRONegotiator"]


def outcomes(steps: int, seeds: int) -> None:
    library = builtins()
    agents = {"ours (Friendly)": "Friendly", "ours (Tough)": "Tough", **{name: library[name] for name in library}}
    opponents = [library[name] for name in OPPONENTS if name in library]
    print(f"\nOutcomes: each agent against {len(opponents)} NegMAS built-ins ({', '.join(OPPONENTS)}), both sides, "
          f"opening and answering, {seeds} seeds, {steps} steps; {load()}")
    table = {}
    for domain, system in domains().items():
        setup = negmas_setup(system)
        for label, agent in agents.items():
            rows = []
            for opponent in opponents:
                for side in (0, 1):
                    for seed in range(seeds):
                        first = seed % 2 == 0
                        if isinstance(agent, str):
                            make = (lambda s=side, sd=seed, lv=agent: ours_as_negmas(system, s, lv, sd, steps))
                        else:
                            make = agent
                        try:
                            scores = run_negmas(system, setup, side, make, opponent, steps, first)
                        except Exception as error:  # a built-in that fails on a domain counts as no deal
                            print(f"  {label} vs {opponent.__name__} on {domain}: {type(error).__name__}: {error}")
                            scores = None
                        rows.append((scores is not None, np.nan if scores is None else frontier_distance(system, scores),
                                     own_utility(system, side, scores), nash_share(system, scores)))
            rows = np.array(rows, dtype=float)
            table[(domain, label)] = (rows[:, 0].mean(), np.nanmean(rows[:, 1]) if rows[:, 0].any() else np.nan,
                                      rows[:, 2].mean(), rows[:, 3].mean())
    print(f"{'domain':<14} {'agent':<26} {'agreed':>7} {'distance':>9} {'own utility':>12} {'Nash product':>13}")
    for (domain, label), (agreed, distance, own, nash) in table.items():
        print(f"{domain:<14} {label:<26} {agreed:>7.0%} {distance:>9.2f} {own:>12.3f} {nash:>13.3f}")
    print("\nCase by case: ours (best level) against the best NegMAS built-in by own utility")
    for domain in domains():
        best = max((v[2], label) for (d, label), v in table.items() if d == domain and not label.startswith("ours"))
        mine = max((v[2], label) for (d, label), v in table.items() if d == domain and label.startswith("ours"))
        b, m = table[(domain, best[1])], table[(domain, mine[1])]
        print(f"  {domain}: {mine[1]} own {m[2]:.3f}, distance {m[1]:.2f}; {best[1]} own {b[2]:.3f}, "
              f"distance {b[1]:.2f}: {'at least as good' if m[2] >= b[2] - 1e-9 and m[1] <= b[1] + 1e-9 else 'worse'}")
    for label in agents:
        rows = [v for (d, lab), v in table.items() if lab == label]
        print(f"  mean over the domains, {label}: own {np.mean([r[2] for r in rows]):.3f}, "
              f"distance {np.nanmean([r[1] for r in rows]):.2f}, agreed {np.mean([r[0] for r in rows]):.0%}")


def throughput(count: int, steps: int, best: str | None) -> None:
    print(f"\nThroughput: {count} negotiations of {steps} steps against a Boulware opponent, per domain; {load()}")
    for domain, system in domains().items():
        system.all_scores(), system.frontier()  # built once per case, as the game does
        start = time.perf_counter()
        deals = sum(run_ours(system, n % 2, "Tough", n, steps) is not None for n in range(count))
        ours = count / (time.perf_counter() - start)
        line = f"  {domain}: ours {ours:,.0f} negotiations/s ({deals} deals)"
        if best is not None:
            from negmas.sao import BoulwareTBNegotiator

            agent = builtins()[best]
            setup = negmas_setup(system)
            peer_count = max(count // 10, 10)
            start = time.perf_counter()
            for n in range(peer_count):
                run_negmas(system, setup, n % 2, agent, BoulwareTBNegotiator, steps, n % 2 == 0)
            peer = peer_count / (time.perf_counter() - start)
            line += f"; NegMAS {best} {peer:,.1f}/s ({peer_count} negotiations); ratio {ours / peer:,.0f}x"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--throughput", type=int, default=200)
    parser.add_argument("--best", default="AspirationNegotiator", help="the NegMAS built-in timed for throughput")
    args = parser.parse_args()
    print(f"Multi-issue counterpart against NegMAS; {load()}")
    missing = negmas_available()
    if missing:
        print(missing)
        throughput(args.throughput, args.steps, None)
        return
    import negmas

    print(f"NegMAS {negmas.__version__}")
    outcomes(args.steps, args.seeds)
    throughput(args.throughput, args.steps, args.best)
    print(f"\nDone; {load()}")


if __name__ == "__main__":
    main()
