"""The exact Pareto frontier of a scoring system: 8 issues of 5 options (390,625 packages).

negwidgets builds the frontier issue by issue, keeping only undominated partial packages. With the
optional `negmas` package installed (`pip install -e ".[benchmarks]"`), the same case is also given to
NegMAS as two linear additive utility functions over the same issues, and its `pareto_frontier` is
timed in this one process; the script checks that both find the same frontier and prints the ratio.
Target: under 1 s for negwidgets, and at least 10 times faster than NegMAS.

Then it prints how negwidgets' time grows with the number of issues.

    python benchmarks/frontier.py [--issues 8] [--options 5] [--repeats 5]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from negwidgets.model import ScoringSystem


def random_table(issues: int, options: int, seed: int = 2026) -> dict[str, list[tuple[int, int]]]:
    """Integer points, as scoring sheets use: each issue's options worth 0-40 points to each side."""
    rng = np.random.default_rng(seed)
    return {f"Issue {i + 1}": [tuple(int(v) for v in rng.integers(0, 41, 2)) for _ in range(options)]
            for i in range(issues)}


def best_time(function, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def negwidgets_frontier(table):
    """A fresh system each time, so nothing is cached between repeats."""
    return ScoringSystem.from_table(table).frontier()


def negmas_frontier(table):
    """The same case in NegMAS: one discrete issue per row, each side's points as a table of values."""
    from negmas import make_issue
    from negmas.preferences import LinearAdditiveUtilityFunction, pareto_frontier
    from negmas.preferences.value_fun import TableFun

    issues = [make_issue(name=name, values=len(options)) for name, options in table.items()]
    ufuns = [
        LinearAdditiveUtilityFunction(
            values={name: TableFun({o: float(points[side]) for o, points in enumerate(options)})
                    for name, options in table.items()},
            weights={name: 1.0 for name in table}, issues=issues)
        for side in (0, 1)
    ]
    utilities, _indices = pareto_frontier(ufuns, issues=issues, sort_by_welfare=False)
    return {(round(a, 9), round(b, 9)) for a, b in utilities}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=8)
    parser.add_argument("--options", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    table = random_table(args.issues, args.options)
    packages = args.options ** args.issues
    ours, front = best_time(lambda: negwidgets_frontier(table), args.repeats)
    print(f"Pareto frontier of {args.issues} issues x {args.options} options ({packages:,} packages), exact:")
    print(f"  negwidgets: {ours * 1000:8.1f} ms  ({len(front)} frontier points, "
          f"{sum(len(c) for c in front.choices)} packages reach them)")
    if packages <= 2_000_000:
        from negwidgets.model.scoring import _undominated

        def brute_force():
            scores = ScoringSystem.from_table(table).all_scores()
            return scores[_undominated(scores)]

        enumerated, points = best_time(brute_force, args.repeats)
        print(f"  for comparison, listing every package with numpy and filtering: {enumerated * 1000:8.1f} ms "
              f"({len({tuple(p) for p in points.tolist()})} frontier points)")
    try:
        import negmas  # noqa: F401
    except ImportError:
        print("  NegMAS: not installed (pip install -e \".[benchmarks]\") - no ratio")
    else:
        theirs, peer = best_time(lambda: negmas_frontier(table), max(1, args.repeats // 2))
        same = peer == {tuple(p) for p in front.scores.tolist()}
        print(f"  NegMAS pareto_frontier: {theirs * 1000:8.1f} ms  ({len(peer)} frontier points)")
        print(f"  same frontier: {'yes' if same else 'NO'}; negwidgets is {theirs / ours:,.0f}x faster")

    print("How negwidgets' time grows with the number of issues (5 options each):")
    for issues in (4, 8, 12, 16, 20):
        seconds, front = best_time(lambda: negwidgets_frontier(random_table(issues, 5)), 3)
        print(f"  {issues:2d} issues ({5 ** issues:.1e} packages): {seconds * 1000:7.1f} ms, {len(front)} frontier points")


if __name__ == "__main__":
    main()
