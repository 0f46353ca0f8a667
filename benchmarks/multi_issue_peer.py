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

**Throughput**, equal work and the same timing protocol: negotiations per second of an agent against a
time-based Boulware opponent, every negotiation of the same number of steps, each set of negotiations
timed as a whole with ``perf_counter`` in this one process, the machine's load printed before and after:

* ours in a plain loop, one negotiation after another (``negotiate`` in
  ``negwidgets/model/multi_issue_batch.py``: our counterpart and a Boulware as NegMAS's, both sides
  alternating, ours opening on even seeds);
* ours batched: the same negotiations (same seeds, sides and openers) advanced together as numpy arrays
  (``negotiate_many``), each with its own model of the opponent and its own random generator; the script
  checks that every one ends as in the loop, with the same package at the same step;
* NegMAS's best built-in against NegMAS's ``BoulwareTBNegotiator`` in its ``SAOMechanism``, on a tenth of
  the count by default (``--peer``; it is slow), sides and openers alternating in the same way.

Each rate is the median of ``--repeat`` timed passes (3), the same for all three.

Tables built once per case and shared by every negotiation, as the game builds them (the list of packages,
each side's packages in order of its points, the frontier; NegMAS's issues and utility functions) are
built before the clock starts; their time is printed.

    python benchmarks/multi_issue_peer.py [--steps 40] [--seeds 3] [--throughput 2000] [--peer 200] [--repeat 3]

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
from negwidgets.model.multi_issue_batch import negotiate, negotiate_many

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


# --- ours -------------------------------------------------------------------------------------------


def run_ours(system, side, level, seed, steps=STEPS):
    """Ours (on ``side``) against a Boulware in alternating offers; ours opens on even seeds. Scores or None."""
    package, _ = negotiate(system, side, level, seed, steps)
    return None if package is None else package.scores


def prepare(system: ScoringSystem) -> float:
    """Build the tables every negotiation on this case shares (once, as the game does); seconds taken."""
    start = time.perf_counter()
    system.all_scores(), system.frontier()
    negotiate_many(system, 0, "Tough", [0, 1], 2), negotiate_many(system, 1, "Tough", [0, 1], 2)
    return time.perf_counter() - start


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


def rate(count: int, run, repeat: int) -> tuple[float, object]:
    """Negotiations per second of ``run()`` (``count`` negotiations), the median of ``repeat`` timed passes,
    and what the last pass returned."""
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        rates.append(count / (time.perf_counter() - start))
    return float(np.median(rates)), result


def throughput(count: int, steps: int, best: str | None, peer: int | None = None, repeat: int = 3) -> None:
    peer = max(count // 10, 10) if peer is None else peer
    print(f"\nThroughput: {count:,} negotiations of {steps} steps against a Boulware opponent per domain, ours on "
          f"side 0 in the even ones (opening) and on side 1 in the odd ones (answering)"
          + (f"; NegMAS's {best} on {peer:,} negotiations alike" if best else "")
          + f"; each rate the median of {repeat} timed passes; {load()}")
    print(f"{'domain':<14} {'tables':>7} {'deals':>6} {'loop /s':>9} {'batched /s':>11} {'same outcome':>14}"
          + (f" {'NegMAS /s':>10} {'its tables':>11} {'loop ratio':>11} {'batched ratio':>14}" if best else ""))
    seeds = np.arange(count)
    for domain, system in domains().items():
        tables = prepare(system)
        ours, loop = rate(count, lambda: [negotiate(system, n % 2, "Tough", n, steps) for n in range(count)], repeat)
        batched, runs = rate(count, lambda: [negotiate_many(system, side, "Tough", seeds[side::2], steps)
                                             for side in (0, 1)], repeat)
        # Case by case: the batch ends every negotiation as the loop does (the same package at the same step).
        same = sum(runs[n % 2].package(n // 2) == package and runs[n % 2].steps[n // 2] == step
                   for n, (package, step) in enumerate(loop))
        deals = sum(package is not None for package, _ in loop)
        line = (f"{domain:<14} {tables * 1000:>5.0f}ms {deals:>6,} {ours:>9,.0f} {batched:>11,.0f} "
                f"{f'{same:,} of {count:,}':>14}")
        if best is not None:
            from negmas.sao import BoulwareTBNegotiator

            agent = builtins()[best]
            start = time.perf_counter()
            setup = negmas_setup(system)
            theirs_tables = time.perf_counter() - start
            theirs, _ = rate(peer, lambda: [run_negmas(system, setup, n % 2, agent, BoulwareTBNegotiator, steps,
                                                       n % 2 == 0) for n in range(peer)], repeat)
            line += (f" {theirs:>10,.1f} {theirs_tables * 1000:>9.0f}ms {ours / theirs:>10,.0f}x "
                     f"{batched / theirs:>13,.0f}x")
        print(line)
    print(f"after: {load()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--throughput", type=int, default=2000, help="negotiations of ours, in a loop and batched")
    parser.add_argument("--peer", type=int, default=None, help="negotiations of NegMAS (default: a tenth, at least 10)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes of each; the median rate is shown")
    parser.add_argument("--best", default="AspirationNegotiator", help="the NegMAS built-in timed for throughput")
    args = parser.parse_args()
    print(f"Multi-issue counterpart against NegMAS; {load()}")
    missing = negmas_available()
    if missing:
        print(missing)
        throughput(args.throughput, args.steps, None, args.peer, args.repeat)
        return
    import negmas

    print(f"NegMAS {negmas.__version__}")
    outcomes(args.steps, args.seeds)
    throughput(args.throughput, args.steps, args.best, args.peer, args.repeat)
    print(f"\nDone; {load()}")


if __name__ == "__main__":
    main()
