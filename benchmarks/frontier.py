"""The exact Pareto frontier of a scoring system: negwidgets against a plain numpy brute force and NegMAS.

Each table is solved three ways in this one process, each from scratch (best of ``--repeats``):

- negwidgets: ``ScoringSystem.frontier()``, issue by issue; packages that tie are counted, not listed;
- a plain numpy brute force: every package's two scores as arrays, sorted, the non-dominated kept and the
  ties grouped (the packages reaching each point counted);
- NegMAS's ``pareto_frontier`` (with the optional `negmas` package, ``pip install -e ".[benchmarks]"``) on
  the same case as two linear additive utility functions, on tables of up to ``--negmas-max`` packages and
  100,000 frontier points (on the 18-issue table's 1.3 million it had not finished after 10 minutes).

and the script checks that all find the same frontier: the same points, and (negwidgets and the brute force)
the same number of packages reaching each. The tables: a random one (8 issues of 5 options, whole points
0-40, as scoring sheets use; target: negwidgets under 1 s and at least 10 times faster than NegMAS), the
lesson's job offer, a tiny one, and adversarial ones where many packages tie or every package is on the
frontier: 9 x 5 all ties, 8 x 6 constant-sum, 10 x 5 all ties (9.8 million packages), 18 issues whose
1.3 million packages each reach a point of their own, and (with ``--large``) 12 x 4 with 16.8 million
frontier points, and 18 x 3 with 387 million, too many for the brute force to hold in memory.
Target on every table that fits in memory: negwidgets never slower than the brute force.

Then it prints how negwidgets' time grows with the number of issues. The machine's load is printed beside
each table: compare the figures of one run as ratios.

    python benchmarks/frontier.py [--repeats 3] [--negmas-max 2000000] [--large]
"""

from __future__ import annotations

import argparse
import math
import os
import time

import numpy as np

from negwidgets.model import ScoringSystem, job_offer_case


def random_table(issues: int, options: int, seed: int = 2026) -> dict[str, list[tuple[int, int]]]:
    """Integer points, as scoring sheets use: each issue's options worth 0-40 points to each side."""
    rng = np.random.default_rng(seed)
    return {f"Issue {i + 1}": [tuple(int(v) for v in rng.integers(0, 41, 2)) for _ in range(options)]
            for i in range(issues)}


def all_ties(issues: int, options: int) -> dict[str, list[tuple[int, int]]]:
    """Every option worth the same: one frontier point, reached by every package."""
    return {f"Issue {i + 1}": [(1, 1)] * options for i in range(issues)}


def constant_sum(issues: int, options: int, seed: int = 1) -> dict[str, list[tuple[int, int]]]:
    """On every issue the two sides' points add up to 40: no package beats another, all are on the frontier."""
    rng = np.random.default_rng(seed)
    return {f"Issue {i + 1}": [(int(v), 40 - int(v)) for v in rng.integers(0, 41, options)] for i in range(issues)}


def all_distinct(sizes: list[int]) -> dict[str, list[tuple[int, int]]]:
    """Constant-sum with mixed-radix weights: every package on the frontier at a point of its own."""
    table, weight = {}, 1
    for i, size in enumerate(sizes):
        table[f"Issue {i + 1}"] = [(o * weight, (size - 1 - o) * weight) for o in range(size)]
        weight *= size
    return table


def numpy_brute_force(table) -> tuple[np.ndarray, np.ndarray]:
    """Every package's scores (sums in issue order, rounded to 9 decimals as negwidgets rounds them), sorted
    best for side 0 first, the non-dominated kept, ties grouped: the points and how many packages reach each."""
    points = [np.asarray(options, dtype=float) for options in table.values()]
    columns = []
    for side in (0, 1):
        total = np.zeros(1)
        for issue in points:
            total = np.add.outer(total, issue[:, side]).ravel()
        columns.append(np.round(total, 9))
    first, second = columns
    order = np.lexsort((-second, -first))
    first, second = first[order], second[order]
    new = np.ones(len(first), dtype=bool)
    new[1:] = (first[1:] != first[:-1]) | (second[1:] != second[:-1])
    starts = np.flatnonzero(new)
    best = np.maximum.accumulate(second)
    before = np.full(len(starts), -np.inf)
    before[1:] = best[starts[1:] - 1]
    keep = second[starts] > before  # better for side 1 than every point better for side 0
    counts = np.diff(np.append(starts, len(first)))[keep]
    return np.stack([first[starts][keep], second[starts][keep]], axis=1), counts


def negmas_frontier(table) -> set[tuple[float, float]]:
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


def best_time(function, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def load() -> str:
    return "load " + " ".join(f"{v:.1f}" for v in os.getloadavg())


_NEGMAS_MAX_POINTS = 100_000


def _counts(front) -> np.ndarray:
    """How many packages reach each point (run on the version before issue 21, which listed them all)."""
    if hasattr(front, "counts"):
        return front.counts.astype(np.int64)
    return np.array([len(c) for c in front.choices])


def compare(name: str, table, repeats: int, negmas_max: int, have_negmas: bool) -> None:
    packages = math.prod(len(options) for options in table.values())
    print(f"{name} ({packages:,} packages)  [{load()}]")
    # Alternate the two, so that neither always runs on a cooler machine or on memory the other freed.
    ours = brute = math.inf
    for _ in range(repeats):
        system = ScoringSystem.from_table(table)  # a fresh one, so nothing is cached; its checks not timed
        start = time.perf_counter()
        try:
            front = system.frontier()
        except ValueError as error:
            front = error
        ours = min(ours, time.perf_counter() - start)
        seconds, (points, counts) = best_time(lambda: numpy_brute_force(table), 1)
        brute = min(brute, seconds)
    timing = (f"  negwidgets {ours * 1000:9.1f} ms   numpy brute force {brute * 1000:9.1f} ms   "
              f"brute force / negwidgets = {brute / ours:7.1f}x   ")
    if isinstance(front, ValueError):
        print(f"{timing}negwidgets refused: {front}")
        return
    reaching = _counts(front)
    same = np.array_equal(front.scores, points) and np.array_equal(reaching, counts)
    print(f"{timing}{len(front):,} points, {int(reaching.sum()):,} packages reach them; "
          f"same points and counts: {'yes' if same else 'NO'}")
    if not have_negmas:
        return
    if packages > negmas_max:
        print(f"  NegMAS: not run ({packages:,} packages > --negmas-max {negmas_max:,})")
        return
    if len(front) > _NEGMAS_MAX_POINTS:
        print(f"  NegMAS: not run ({len(front):,} frontier points; on the 18-issue table, 1,327,104, its "
              "pareto_frontier had not finished after 10 minutes)")
        return
    theirs, peer = best_time(lambda: negmas_frontier(table), max(1, repeats // 2))
    same = peer == {tuple(p) for p in front.scores.tolist()}
    print(f"  NegMAS pareto_frontier {theirs * 1000:9.1f} ms   NegMAS / negwidgets = {theirs / ours:,.0f}x   "
          f"same frontier points: {'yes' if same else 'NO'}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--negmas-max", type=int, default=2_000_000, help="largest table given to NegMAS")
    parser.add_argument("--large", action="store_true", help="also 12 x 4 distinct (16.8M) and 18 x 3 (387M)")
    args = parser.parse_args(argv)
    try:
        import negmas  # noqa: F401
    except ImportError:
        have_negmas = False
        print("NegMAS: not installed (pip install -e \".[benchmarks]\") - no NegMAS figures")
    else:
        have_negmas = True
    job = job_offer_case()
    tables = [
        ("Random, 8 issues x 5 options", random_table(8, 5)),
        ("The job offer (lesson 09)", {issue.name: list(issue.points) for issue in job.issues}),
        ("Tiny, 3 issues x 3 options", random_table(3, 3)),
        ("All ties, 9 x 5", all_ties(9, 5)),
        ("Constant-sum, 8 x 6", constant_sum(8, 6)),
        ("All ties, 10 x 5 (past the old 2-million limit)", all_ties(10, 5)),
        ("Constant-sum, 10 x 5", constant_sum(10, 5)),
        ("18 issues (4 of 3 options, 14 of 2), every package a frontier point of its own",
         all_distinct([3] * 4 + [2] * 14)),
    ]
    if args.large:
        tables.append(("12 x 4, every package a frontier point of its own", all_distinct([4] * 12)))
    for name, table in tables:
        compare(name, table, args.repeats, args.negmas_max, have_negmas)
    if args.large:
        table = all_distinct([3] * 18)
        print(f"18 x 3, every package a frontier point of its own (387,420,489 packages)  [{load()}]")
        print("  numpy brute force: not run (its two score columns alone take 6.2 GB, its sort about twice that)")
        start = time.perf_counter()
        try:
            ScoringSystem.from_table(table).frontier()
        except ValueError as error:
            print(f"  negwidgets refuses after {time.perf_counter() - start:.1f} s: {error}")

    print(f"How negwidgets' time grows with the number of issues (random, 5 options each)  [{load()}]:")
    for issues in (4, 8, 12, 16, 20):
        table = random_table(issues, 5)
        seconds, front = best_time(lambda: ScoringSystem.from_table(table).frontier(), 3)
        print(f"  {issues:2d} issues ({5 ** issues:.1e} packages): {seconds * 1000:7.1f} ms, {len(front)} frontier points")


if __name__ == "__main__":
    main()
