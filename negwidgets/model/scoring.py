"""Multi-issue deals (lesson 09): a scoring system, its Pareto frontier, logrolls and MESOs.

A **scoring system** lists the issues of a negotiation; each issue has options, and each option is worth
some points to each of the two sides. A **package** picks one option per issue; a side's score is the
sum of its points. Points are each side's *own* scale: they say what that side prefers, and comparing
one side's total with the other's says nothing about who "won".

The **Pareto frontier** is the set of packages no other package beats for both sides. It is computed
exactly, issue by issue: a package whose first issues already lose to another choice of those issues
for both sides can never reach the frontier, so after each issue only the undominated score pairs of
the partial packages are kept. Partial packages that tie (the same pair) continue alike, so each pair
keeps only a count of the packages reaching it and how it was reached; the packages themselves are
listed on request (``Frontier.choices``), so a table where millions of packages tie costs no more than
one where none do.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import reduce
from itertools import combinations
from pathlib import Path

import numpy as np

from .checks import capitalised, finite_number

__all__ = ["DISTRIBUTIVE_SIMILARITY", "MAX_PACKAGES_LISTED", "BargainingPoint", "Frontier", "Issue", "Logroll", "MesoSet", "Package",
           "PackageAnalysis", "ReachingPackages", "ScoringSystem", "load_scoring_case"]

# An issue the sides both care about, in opposite directions, is distributive when its smaller point range
# is at least this share of the larger one (equally weighted, give or take); below it, trading pays.
DISTRIBUTIVE_SIMILARITY = 0.8
# Lists of every package (for MESOs and the cloud in the figure) stop here: 5^9 packages fit, 5^10 do not.
MAX_PACKAGES_LISTED = 2_000_000
# The frontier is built issue by issue; each step compares every kept score pair plus every option of the
# next issue, about 120 bytes each at the peak (measured: 2.1 GB for 16.7 million, as much as listing that
# many packages whole takes). Ties cost nothing (they are counted, not listed), so only a table with this
# many *different* undominated pairs to compare, about 4 GB, is refused; one with no more packages never is.
MAX_FRONTIER_CANDIDATES = 32_000_000
_BYTES_PER_CANDIDATE = 120
_BLOCK = 1024  # the first issues are listed whole up to this many packages (measured: benchmarks/frontier.py)
_DECIMALS = 9  # sums are rounded so that the same points added in another order compare equal


def points_text(value: float) -> str:
    """Points as people write them: ``12``, ``12.5``."""
    return f"{value:g}" if abs(value - round(value)) > 1e-9 else f"{round(value)}"


@dataclass(frozen=True)
class Issue:
    """One issue: its options and what each option is worth to each side, ``points[o] = (side 0, side 1)``.

    >>> issue = Issue("Start date", ("In 2 weeks", "In 8 weeks"), ((0, 20), (6, 0)))
    >>> issue.kind, issue.weights
    ('integrative', (6.0, 20.0))
    """

    name: str
    options: tuple[str, ...]
    points: tuple[tuple[float, float], ...]
    note: str = ""  # why the sides care as they do, in a sentence

    def __post_init__(self) -> None:
        name = str(self.name).strip()
        if not name:
            raise ValueError("Every issue needs a name, such as 'Salary' or 'Start date'.")
        object.__setattr__(self, "name", name)
        if not self.options:
            raise ValueError(f"The issue '{name}' has no options: give it at least one (two, to leave a choice).")
        labels = tuple(str(o).strip() for o in self.options)
        if len(set(labels)) != len(labels):
            twice = sorted({o for o in labels if labels.count(o) > 1})
            raise ValueError(f"The issue '{name}' lists the option '{twice[0]}' twice: give each option its own name.")
        if len(self.points) != len(labels):
            raise ValueError(f"The issue '{name}' has {len(labels)} options but points for {len(self.points)}: "
                             "give a pair of points for every option.")
        checked = tuple(_pair(p, name, label) for p, label in zip(self.points, labels))
        object.__setattr__(self, "options", labels)
        object.__setattr__(self, "points", checked)

    def column(self, side: int) -> np.ndarray:
        """The points of every option for one side (0 or 1)."""
        return np.array([p[side] for p in self.points], dtype=float)

    @property
    def weights(self) -> tuple[float, float]:
        """How much the issue matters to each side: the spread between its best and worst option."""
        return tuple(float(np.ptp(self.column(s))) for s in (0, 1))

    @property
    def kind(self) -> str:
        """``compatible`` (one option is best for both), ``distributive`` (opposed, equally weighted) or
        ``integrative`` (opposed, weighted differently, so trading it against another issue pays)."""
        first, second = self.column(0), self.column(1)
        if np.any((first == first.max()) & (second == second.max())):
            return "compatible"
        small, large = sorted(self.weights)
        return "distributive" if small >= DISTRIBUTIVE_SIMILARITY * large else "integrative"


def _pair(pair: object, issue: str, option: str) -> tuple[float, float]:
    where = f"the option '{option}' of '{issue}'"
    if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence):
        raise ValueError(f"{capitalised(where)} needs two scores, one for each side, such as (10, 0); "
                         f"it has {pair!r}.")
    if len(pair) != 2:
        raise ValueError(f"{capitalised(where)} has {len(pair)} score{'s' * (len(pair) != 1)}; give two, "
                         "one for each side, such as (10, 0).")
    scores = []
    for side, value in enumerate(pair):
        if value is None:
            raise ValueError(f"{capitalised(where)} has no score for side {side + 1}: give a number of points.")
        scores.append(finite_number(value, f"the score of {where} for side {side + 1}"))
    return scores[0], scores[1]


@dataclass(frozen=True)
class Package:
    """One option for every issue, and what the package is worth to each side."""

    choices: tuple[int, ...]
    labels: tuple[str, ...]
    issues: tuple[str, ...]
    scores: tuple[float, float]
    parties: tuple[str, str]

    @property
    def joint(self) -> float:
        return self.scores[0] + self.scores[1]

    def as_dict(self) -> dict[str, str]:
        return dict(zip(self.issues, self.labels))

    def terms(self) -> str:
        return "; ".join(f"{issue}: {label}" for issue, label in zip(self.issues, self.labels))

    def changes_from(self, earlier: Package) -> str:
        """The issues on which this package differs from ``earlier``, as "Salary from $75,000 to $78,000"
        ("" when they are the same package); a transcript line that repeats every term hides what moved.

        >>> from negwidgets.model import job_offer_case
        >>> case = job_offer_case()
        >>> a = case.package(["$80,000", "$5,000", "In 8 weeks", "4", "25", "Senior data analyst",
        ...                   "Moving costs and a month of housing", "$3,000 a year"])
        >>> b = case.package(["$80,000", "$5,000", "In 8 weeks", "2", "25", "Senior data analyst",
        ...                   "Moving costs and a month of housing", "$3,000 a year"])
        >>> b.changes_from(a)
        'Remote days a week from 4 to 2'
        """
        if earlier.issues != self.issues:
            raise ValueError("Compare two packages of the same scoring system.")
        return "; ".join(f"{issue} from {before} to {after}" for issue, before, after
                         in zip(self.issues, earlier.labels, self.labels) if before != after)

    def describe(self) -> str:
        return (f"{self.terms()}. Worth {points_text(self.scores[0])} points to {self.parties[0]} "
                f"and {points_text(self.scores[1])} to {self.parties[1]}.")


@dataclass(frozen=True)
class _Stage:
    """How the frontier's score pairs after one or more issues are reached: edges (kept pair after the issues
    before, option of these issues), grouped by the pair they reach: pair ``p`` owns the edges ``starts[p]``
    to ``starts[p + 1]`` (``starts`` is None when each pair has one edge, edge ``p``). With several issues
    at once (``shape``, their numbers of options), an option is a package of them, numbered in the order
    of ``itertools.product``."""

    parent: np.ndarray
    option: np.ndarray
    starts: np.ndarray | None
    shape: tuple[int, ...] = ()

    def choices(self, option: int) -> tuple[int, ...]:
        return (int(option),) if not self.shape else tuple(int(c) for c in np.unravel_index(option, self.shape))

    def edges(self, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The edges of the given pairs, and for each edge the position of its pair in ``pairs``."""
        if self.starts is None:
            return pairs, np.arange(len(pairs))
        low, high = self.starts[pairs], self.starts[pairs + 1]
        sizes = high - low
        edges = np.repeat(low - np.cumsum(np.append(0, sizes[:-1])), sizes) + np.arange(sizes.sum())
        return edges, np.repeat(np.arange(len(pairs)), sizes)


class ReachingPackages(Sequence):
    """The packages that reach one frontier point, as tuples of option indices in the order of
    ``itertools.product`` (the first is the one the lessons show). Only the count is stored: the packages
    are worked out when asked for, so a point reached by millions of tied packages costs no memory.

    >>> front = ScoringSystem.from_table({"A": [(1, 1), (1, 1)], "B": [(0, 2), (2, 0), (1, 1)]}).frontier()
    >>> reaching = front.choices[1]
    >>> front.scores[1].tolist(), reaching.count, reaching[0], list(reaching)
    ([2.0, 2.0], 2, (0, 2), [(0, 2), (1, 2)])
    """

    def __init__(self, stages: tuple[_Stage, ...], point: int, count: int) -> None:
        self._stages = stages
        self._point = point
        self.count = count
        self._tree: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] | None = None

    def __len__(self) -> int:
        return self.count  # Python refuses lengths past 2**63; ``count`` has no limit

    def __repr__(self) -> str:
        plural = "s" * (self.count != 1)
        return f"<{self.count:,} package{plural} reaching frontier point {self._point}, first {self[0]}>"

    def first(self) -> tuple[int, ...]:
        """The first package reaching the point, in the order of ``itertools.product``."""
        if self.count != 1:
            return self[0]
        point, choices = self._point, []  # one package: a single edge at every step back
        for stage in reversed(self._stages):
            edge = point if stage.starts is None else stage.starts[point]
            choices.extend(reversed(stage.choices(stage.option[edge])))
            point = stage.parent[edge]
        return tuple(reversed(choices))

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self.count)))
        if isinstance(index, bool) or not isinstance(index, (int, np.integer)):
            raise TypeError("Packages are numbered with whole numbers.")
        index = int(index) + (self.count if index < 0 else 0)
        if not 0 <= index < self.count:
            raise IndexError(f"This frontier point is reached by {self.count:,} packages; there is no number {index}.")
        if index == 0 and self.count == 1:
            return self.first()
        choices, node = [], 0
        for stage, (stage_edges, stage_starts, stage_child, after) in zip(self._stages, self._paths()):
            for edge in range(stage_starts[node], stage_starts[node + 1]):
                child = stage_child[edge]
                if index < after[child]:
                    choices.extend(stage.choices(stage_edges[edge]))
                    node = child
                    break
                index -= int(after[child])
        return tuple(choices)

    def __iter__(self) -> Iterator[tuple[int, ...]]:
        paths = self._paths()
        depth = len(paths)
        prefix: list[tuple[int, ...]] = []
        stack = [(0, paths[0][1][0], paths[0][1][1])]  # (stage, next edge, end) from the start
        while stack:
            stage, edge, end = stack[-1]
            if edge == end:
                stack.pop()
                if prefix:
                    prefix.pop()
                continue
            stack[-1] = (stage, edge + 1, end)
            options, starts, child, _ = paths[stage]
            choices = self._stages[stage].choices(options[edge])
            if stage + 1 == depth:
                yield sum(prefix, ()) + choices
                continue
            prefix.append(choices)
            node = child[edge]
            following = paths[stage + 1][1]
            stack.append((stage + 1, following[node], following[node + 1]))

    def _paths(self) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
        """The part of the record that leads to this point, issue by issue from the first: for each step,
        its edges ordered by (partial package, option) as options, where each partial package's edges
        start, the partial package each edge leads to, and how many packages each of those completes to."""
        if self._tree is None:
            nodes, steps = np.array([self._point]), []
            for stage in reversed(self._stages):
                edges, child = stage.edges(nodes)
                nodes, parent = np.unique(stage.parent[edges], return_inverse=True)
                steps.append((parent, stage.option[edges], child, len(nodes)))
            tree, after = [], np.ones(1, dtype=object)
            for parent, option, child, size in steps:  # from the last issue back to the first
                order = np.lexsort((option, parent))
                starts = np.searchsorted(parent[order], np.arange(size + 1))
                tree.append((option[order], starts, child[order], after))
                before = np.zeros(size, dtype=object)
                np.add.at(before, parent, after[child])
                after = before
            self._tree = tree[::-1]
        return self._tree


class _Choices(Sequence):
    """``Frontier.choices``: for each frontier point, the packages reaching it (made when asked for)."""

    def __init__(self, frontier: Frontier) -> None:
        self._frontier = frontier

    def __len__(self) -> int:
        return len(self._frontier)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        return self._frontier.reaching_packages(index)


@dataclass(frozen=True, eq=False)
class Frontier:
    """The Pareto frontier: its score pairs (best for side 0 first), how many packages reach each
    (``counts``), and the packages themselves on request (``choices[i]``, in the order of ``itertools.product``)."""

    scores: np.ndarray = field(repr=False)
    counts: np.ndarray = field(repr=False)
    parties: tuple[str, str]
    package_count: int
    stages: tuple[_Stage, ...] = field(repr=False, default=())
    _asked: dict = field(repr=False, default_factory=dict)  # the points whose packages were asked for

    def __len__(self) -> int:
        return len(self.scores)

    @property
    def choices(self) -> Sequence[ReachingPackages]:
        """For each frontier point, the packages reaching it: ``choices[i][0]`` is the first in the order
        of ``itertools.product``, ``choices[i].count`` how many there are, iterating lists them all."""
        return _Choices(self)

    def reaching_packages(self, index: int) -> ReachingPackages:
        """The packages reaching frontier point ``index`` (kept once asked for: their order is worked out once)."""
        index = range(len(self))[index]
        if index not in self._asked:
            self._asked[index] = ReachingPackages(self.stages, index, int(self.counts[index]))
        return self._asked[index]

    @property
    def reaching(self) -> int:
        """How many packages are on the frontier, ties included."""
        return int(sum(int(c) for c in self.counts)) if self.counts.dtype == object else int(self.counts.sum())

    @property
    def max_joint(self) -> float:
        """The largest joint score of any package (always reached on the frontier)."""
        return float(self.scores.sum(axis=1).max())

    def contains(self, scores: tuple[float, float]) -> bool:
        target = np.round(np.asarray(scores, dtype=float), _DECIMALS)
        return bool(np.any(np.all(self.scores == target, axis=1)))

    def describe(self) -> str:
        return (f"{len(self)} score pairs make the Pareto frontier, reached by {self.reaching:,} of the "
                f"{self.package_count:,} packages; the largest joint score is {points_text(self.max_joint)}.")


@dataclass(frozen=True)
class Logroll:
    """A trade of two issues: side 0 gains on ``issue_for_first``, side 1 on ``issue_for_second``, and both
    end up better off."""

    issue_for_first: str
    change_for_first: tuple[str, str]
    issue_for_second: str
    change_for_second: tuple[str, str]
    gains: tuple[float, float]
    package: Package

    def describe(self) -> str:
        first, second = self.package.parties
        return (f"{capitalised(second)} gives way on {self.issue_for_first} ({self.change_for_first[0]} → "
                f"{self.change_for_first[1]}) and {first} on {self.issue_for_second} ({self.change_for_second[0]} → "
                f"{self.change_for_second[1]}): {first} +{points_text(self.gains[0])}, "
                f"{second} +{points_text(self.gains[1])}.")


@dataclass(frozen=True)
class BargainingPoint:
    """A package chosen by a bargaining solution (Nash or Kalai-Smorodinsky) given both sides' BATNAs."""

    solution: str
    package: Package
    batnas: tuple[float, float]

    @property
    def gains(self) -> tuple[float, float]:
        return tuple(s - b for s, b in zip(self.package.scores, self.batnas))

    def describe(self) -> str:
        first, second = self.package.parties
        return (f"{self.solution}: {first} {points_text(self.package.scores[0])} points "
                f"(+{points_text(self.gains[0])} over the BATNA), {second} {points_text(self.package.scores[1])} "
                f"(+{points_text(self.gains[1])}).")


@dataclass(frozen=True)
class PackageAnalysis:
    """A package against the frontier: is it efficient, what beats it for both sides, which trades help."""

    package: Package
    on_frontier: bool
    improvements: tuple[Package, ...]
    logrolls: tuple[Logroll, ...]
    free_moves: tuple[Package, ...]
    batnas: tuple[float, float]
    nash: BargainingPoint | None
    kalai_smorodinsky: BargainingPoint | None
    max_joint: float

    @property
    def best_improvement(self) -> Package | None:
        """The improvement with the largest joint score (ties: the most even gains)."""
        return self.improvements[0] if self.improvements else None

    @property
    def left_on_table(self) -> float:
        """Joint points the package leaves unclaimed compared with the best package that beats it for both."""
        best = self.best_improvement
        return 0.0 if best is None else best.joint - self.package.joint

    @property
    def acceptable(self) -> tuple[bool, bool]:
        """Whether each side does better than its BATNA with this package."""
        return tuple(s > b for s, b in zip(self.package.scores, self.batnas))

    def describe(self) -> str:
        first, second = self.package.parties
        a, b = (points_text(s) for s in self.package.scores)
        text = f"{first} {a} points, {second} {b}."
        if self.on_frontier:
            text += " This package is on the Pareto frontier: no package is better for both sides."
        else:
            best = self.best_improvement
            text += (f" {len(self.improvements)} frontier score pair{'s' * (len(self.improvements) != 1)} beat it "
                     f"for both sides; the best adds {points_text(self.left_on_table)} joint points "
                     f"({first} {points_text(best.scores[0])}, {second} {points_text(best.scores[1])}).")
        refusing = [name for name, ok in zip(self.package.parties, self.acceptable) if not ok]
        if refusing:
            text += f" {' and '.join(refusing)} would do as well or better with the BATNA."
        return text


@dataclass(frozen=True)
class MesoSet:
    """Multiple equivalent simultaneous offers: packages worth about the same to one side, spread for the other."""

    side: int
    target: float
    tolerance: float
    packages: tuple[Package, ...]
    candidates: int

    def describe(self) -> str:
        parties = self.packages[0].parties
        mine, theirs = parties[self.side], parties[1 - self.side]
        values = ", ".join(points_text(p.scores[1 - self.side]) for p in self.packages)
        return (f"{len(self.packages)} offers each worth {points_text(self.target)} points to {mine} "
                f"(give or take {points_text(self.tolerance)}), worth {values} to {theirs}: "
                "the one they prefer tells you what matters to them.")


class ScoringSystem:
    """The issues of a negotiation and what each option is worth to each side.

    >>> system = ScoringSystem.from_table(
    ...     {"Salary": [(0, 10), (5, 5), (10, 0)], "Start date": [(0, 8), (2, 0)], "Team": [(4, 4), (0, 0)]},
    ...     parties=("Ana", "the employer"))
    >>> [issue.kind for issue in system.issues]
    ['distributive', 'integrative', 'compatible']
    >>> system.frontier().max_joint
    26.0
    """

    def __init__(self, issues: Sequence[Issue], parties: Sequence[str] = ("You", "Them"),
                 batnas: Sequence[float] = (0.0, 0.0), title: str = "") -> None:
        issues = tuple(issues)
        if not issues:
            raise ValueError("A scoring system needs at least one issue.")
        names = [issue.name for issue in issues]
        for name in names:
            if sum(n.casefold() == name.casefold() for n in names) > 1:
                raise ValueError(f"The issue '{name}' appears twice: give each issue its own name, or merge "
                                 "their options into one issue.")
        parties = tuple(str(p).strip() for p in parties)
        if len(parties) != 2 or not all(parties) or parties[0] == parties[1]:
            raise ValueError("Name the two sides, each differently, such as ('Ana', 'the employer').")
        self.issues = issues
        self.parties: tuple[str, str] = parties
        self.batnas = self._check_batnas(batnas)
        self.title = title
        self._points = [np.stack([issue.column(0), issue.column(1)]) for issue in issues]  # each (2, options)
        self._frontier: Frontier | None = None
        self._all_scores: np.ndarray | None = None

    # -- building -------------------------------------------------------------------------------------

    @classmethod
    def from_table(cls, table, parties: Sequence[str] = ("You", "Them"), batnas: Sequence[float] = (0.0, 0.0),
                   title: str = "") -> ScoringSystem:
        """Build from ``{issue: options}``; ``options`` is a list of ``(points_0, points_1)`` pairs (named
        "Option 1", "Option 2" ...) or a mapping ``{option name: (points_0, points_1)}``. The table may
        also be a list of ``(issue, options)`` pairs."""
        items = list(table.items()) if isinstance(table, Mapping) else list(table)
        issues = []
        for item in items:
            if not (isinstance(item, Sequence) and len(item) == 2):
                raise ValueError("Give the table as {issue: options}, or as a list of (issue, options) pairs.")
            name, options = item
            if isinstance(options, Mapping):
                labels, points = list(options.keys()), list(options.values())
            elif isinstance(options, Sequence) and not isinstance(options, str):
                labels, points = [f"Option {i + 1}" for i in range(len(options))], list(options)
            else:
                raise ValueError(f"The options of '{name}' must be a list of point pairs, such as [(10, 0), (0, 10)].")
            issues.append(Issue(name, tuple(labels), tuple(points)))
        return cls(issues, parties, batnas, title)

    @classmethod
    def from_case(cls, case: Mapping) -> ScoringSystem:
        """Build from a case as read from YAML: ``parties``, ``batnas`` and a list of ``issues``, each with a
        ``name`` and ``options`` (each a ``label`` and its ``points`` for the two sides)."""
        if not isinstance(case, Mapping) or "issues" not in case:
            raise ValueError("A scoring case needs a list of 'issues', each with a 'name' and its 'options'.")
        issues = []
        for number, issue in enumerate(case["issues"] or [], start=1):
            if not isinstance(issue, Mapping) or "name" not in issue:
                raise ValueError(f"Issue {number} of the case has no 'name'.")
            options = issue.get("options") or []
            if any(not isinstance(o, Mapping) or "label" not in o for o in options):
                raise ValueError(f"Every option of '{issue['name']}' needs a 'label' and its 'points'.")
            issues.append(Issue(issue["name"], tuple(o["label"] for o in options),
                                tuple(o.get("points") for o in options), issue.get("why", "")))
        return cls(issues, case.get("parties", ("You", "Them")), case.get("batnas", (0.0, 0.0)),
                   case.get("title", ""))

    def _check_batnas(self, batnas: Sequence[float]) -> tuple[float, float]:
        if isinstance(batnas, (str, bytes)) or not isinstance(batnas, Sequence) or len(batnas) != 2:
            raise ValueError("Give two BATNA scores, one for each side, such as (40, 35).")
        return tuple(finite_number(b, f"the BATNA score of {p}") for b, p in zip(batnas, self.parties))

    def rescaled(self, side: int, factor: float, shift: float = 0.0) -> ScoringSystem:
        """The same preferences with one side's points multiplied by ``factor > 0`` and shifted: the
        frontier's packages do not change, which is why comparing totals across sides means nothing."""
        factor = finite_number(factor, "the scale factor")
        if factor <= 0:
            raise ValueError("The scale factor must be above 0: a negative one would turn preferences around.")
        per_issue = shift / len(self.issues)

        def scaled(points):
            pair = list(points)
            pair[side] = pair[side] * factor + per_issue
            return tuple(pair)

        issues = [Issue(i.name, i.options, tuple(scaled(p) for p in i.points), i.note) for i in self.issues]
        batnas = list(self.batnas)
        batnas[side] = batnas[side] * factor + shift
        return ScoringSystem(issues, self.parties, batnas, self.title)

    # -- packages ------------------------------------------------------------------------------------

    @property
    def package_count(self) -> int:
        return math.prod(len(issue.options) for issue in self.issues)

    def package(self, choice) -> Package:
        """A package from ``{issue: option label}`` or a sequence of option labels or indices, one per issue."""
        if isinstance(choice, Mapping):
            unknown = [name for name in choice if name not in {i.name for i in self.issues}]
            if unknown:
                raise ValueError(f"There is no issue called '{unknown[0]}'; the issues are: "
                                 f"{', '.join(i.name for i in self.issues)}.")
            missing = [i.name for i in self.issues if i.name not in choice]
            if missing:
                raise ValueError(f"Choose an option for {', '.join(missing)}: a package settles every issue.")
            values = [choice[i.name] for i in self.issues]
        else:
            values = list(choice)
            if len(values) != len(self.issues):
                raise ValueError(f"A package picks one option for each of the {len(self.issues)} issues; "
                                 f"this one has {len(values)}.")
        indices = []
        for issue, value in zip(self.issues, values):
            if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
                if not 0 <= value < len(issue.options):
                    raise ValueError(f"'{issue.name}' has options 0 to {len(issue.options) - 1}; {value} is not one.")
                indices.append(int(value))
            elif str(value) in issue.options:
                indices.append(issue.options.index(str(value)))
            else:
                raise ValueError(f"'{value}' is not an option of '{issue.name}'; choose one of: "
                                 f"{', '.join(issue.options)}.")
        return self._package(tuple(indices))

    def _package(self, choices: tuple[int, ...]) -> Package:
        scores = [0.0, 0.0]
        for points, option in zip(self._points, choices):
            scores[0] += points[0, option]
            scores[1] += points[1, option]
        return Package(tuple(int(c) for c in choices), tuple(i.options[c] for i, c in zip(self.issues, choices)),
                       tuple(i.name for i in self.issues), (round(float(scores[0]), _DECIMALS),
                                                            round(float(scores[1]), _DECIMALS)), self.parties)

    def all_scores(self) -> np.ndarray:
        """Every package's scores, shape ``(packages, 2)``, packages in the order of ``itertools.product``
        (computed once, then kept read-only: the figure and every MESO request use the same list)."""
        if self._all_scores is None:
            self._all_scores = self._list_scores()
        return self._all_scores

    def _list_scores(self) -> np.ndarray:
        if self.package_count > MAX_PACKAGES_LISTED:
            raise ValueError(f"This table has {self.package_count:,} packages, too many to list one by one "
                             f"(the limit is {MAX_PACKAGES_LISTED:,}); the frontier still works.")
        columns = []
        for side in (0, 1):
            total = np.zeros(1)
            for points in self._points:
                total = np.add.outer(total, points[side]).ravel()
            columns.append(np.round(total, _DECIMALS))
        scores = np.stack(columns, axis=1)
        scores.flags.writeable = False
        return scores

    def _choices_of(self, flat_indices: np.ndarray) -> np.ndarray:
        sizes = [len(issue.options) for issue in self.issues]
        return np.stack(np.unravel_index(flat_indices, sizes), axis=1)

    # -- the frontier and the bargaining points ------------------------------------------------------

    def frontier(self) -> Frontier:
        """The exact Pareto frontier and every package that reaches it (computed once, then kept)."""
        if self._frontier is None:
            self._frontier = self._compute_frontier()
        return self._frontier

    def _compute_frontier(self) -> Frontier:
        issues, sizes = self.issues, [len(issue.options) for issue in self.issues]
        # Whole points add up exactly (below 2**52): every comparison is exact, and a pair tied after some
        # issues stays tied whatever follows. Other points are compared rounded to _DECIMALS, as every score
        # is, which only the last sums allow: before, a pair is set aside only when another beats it by a
        # margin no rounding can undo, and only pairs equal to the last bit are merged.
        total = sum(max(abs(v) for pair in issue.points for v in pair) for issue in issues)
        exact = total < 2.0 ** 52 and all(v.is_integer() for issue in issues for pair in issue.points for v in pair)
        margin = 1.5 * 10.0 ** -_DECIMALS + 2 * len(issues) * math.ulp(total)
        # The first issues, up to _BLOCK packages of them, are listed whole: one step instead of several.
        block = max(1, max(b for b in range(len(sizes) + 1) if math.prod(sizes[:b]) <= _BLOCK))
        sums = []
        for side in (0, 1):
            column = self._points[0][side]
            for points in self._points[1:block]:
                column = np.add.outer(column, points[side]).ravel()  # in issue order, as everywhere else
            sums.append(column)
        # The kept score pairs, best for side 0 first, hold the sums of the first package reaching each.
        counts = np.ones(1, dtype=np.int64 if math.prod(sizes) < 2 ** 62 else object)
        kept, useful, stages = 1, np.arange(len(sums[0])), []
        for number in range(block - 1, len(issues)):
            if number >= block:
                points = self._points[number]
                # An option another option of the issue beats for both sides never helps.
                useful = np.flatnonzero(_undominated(points.T) if exact else _clearly_undominated(*points, margin))
                kept, size = len(first), len(first) * len(useful)
                if size > MAX_FRONTIER_CANDIDATES:
                    raise ValueError(
                        f"The Pareto frontier of these {len(issues)} issues ({self.package_count:,} packages) is "
                        f"too large to work out here: after the first {number} issues, {kept:,} different score "
                        f"pairs are still undominated, and with the {len(useful)} options of "
                        f"'{issues[number].name}' that makes {size:,} to compare, more than the "
                        f"{MAX_FRONTIER_CANDIDATES:,} this function compares at once (about "
                        f"{MAX_FRONTIER_CANDIDATES * _BYTES_PER_CANDIDATE / 1e9:.2g} GB of memory). Fewer issues or "
                        "options keep it smaller.")
                sums = [np.add.outer(points[side, useful], (first, second)[side]).ravel() for side in (0, 1)]
            if exact or number == len(issues) - 1:
                edges, starts = _frontier_step(sums, exact)
            else:
                edges, starts = _cautious_step(sums, margin)
            option, parent = np.divmod(edges, kept)
            option, parent = useful[option].astype(np.int32), parent.astype(np.int32)  # both below the cap
            at = edges if starts is None else edges[starts]
            first, second = sums[0][at], sums[1][at]
            counts = counts[parent] if starts is None else np.add.reduceat(counts[parent], starts)
            stages.append(_Stage(parent, option, None if starts is None else np.append(starts, len(edges)),
                                 tuple(sizes[:block]) if number == block - 1 and block > 1 else ()))
        scores = np.round(np.stack([first, second], axis=1), _DECIMALS)
        return Frontier(scores, counts, self.parties, self.package_count, tuple(stages))

    def batnas_or(self, batnas: Sequence[float] | None) -> tuple[float, float]:
        return self.batnas if batnas is None else self._check_batnas(batnas)

    def _point(self, solution: str, index: int, batnas) -> BargainingPoint:
        front = self.frontier()
        return BargainingPoint(solution, self._package(front.choices[index].first()), batnas)

    def _acceptable(self, batnas) -> np.ndarray:
        front = self.frontier().scores
        return np.flatnonzero((front[:, 0] > batnas[0]) & (front[:, 1] > batnas[1]))

    def nash_point(self, batnas: Sequence[float] | None = None) -> BargainingPoint | None:
        """The package maximising the product of both sides' gains over their BATNAs (None if no package
        is better than both BATNAs). Ties go to the larger joint score."""
        batnas = self.batnas_or(batnas)
        feasible = self._acceptable(batnas)
        if not len(feasible):
            return None
        gains = self.frontier().scores[feasible] - np.asarray(batnas)
        best = feasible[_argmax(gains[:, 0] * gains[:, 1], gains.sum(axis=1))]
        return self._point("Nash point", best, batnas)

    def kalai_smorodinsky_point(self, batnas: Sequence[float] | None = None) -> BargainingPoint | None:
        """The package where each side's gain over its BATNA is the largest equal share of its ideal gain
        (the most it could gain from any package the other side would accept): on a finite table, the
        package maximising the smaller of the two shares; ties go to the larger sum of shares."""
        batnas = self.batnas_or(batnas)
        feasible = self._acceptable(batnas)
        if not len(feasible):
            return None
        gains = self.frontier().scores[feasible] - np.asarray(batnas)
        shares = gains / gains.max(axis=0)
        best = feasible[_argmax(np.round(shares.min(axis=1), _DECIMALS), shares.sum(axis=1))]
        return self._point("Kalai-Smorodinsky point", best, batnas)

    # -- one package ---------------------------------------------------------------------------------

    def improvements(self, package: Package) -> tuple[Package, ...]:
        """Frontier packages that are at least as good for both sides and better for one: best joint first."""
        front = self.frontier()
        mine = np.asarray(package.scores)
        better = np.all(front.scores >= mine, axis=1) & np.any(front.scores > mine, axis=1)
        indices = np.flatnonzero(better)
        gains = front.scores[indices] - mine
        order = np.lexsort((-gains.min(axis=1), -gains.sum(axis=1)))
        return tuple(self._package(front.choices[i].first()) for i in indices[order])

    def logrolls(self, package: Package, limit: int | None = None) -> tuple[Logroll, ...]:
        """Trades of one issue for another that raise both scores: side 1 gives way on one issue (it gets
        worse for side 1, better for side 0), side 0 on another. Best joint gain first."""
        current = package.choices
        deltas = [points - points[:, [c]] for points, c in zip(self._points, current)]  # (2, options) each
        found = []
        for i, j in ((i, j) for a, b in combinations(range(len(self.issues)), 2) for i, j in ((a, b), (b, a))):
            for_first = np.flatnonzero((deltas[i][0] > 0) & (deltas[i][1] < 0))
            for_second = np.flatnonzero((deltas[j][1] > 0) & (deltas[j][0] < 0))
            if not len(for_first) or not len(for_second):
                continue
            gain = deltas[i][:, for_first, None] + deltas[j][:, None, for_second]  # (2, first, second)
            for a, b in zip(*np.nonzero((gain[0] > 1e-9) & (gain[1] > 1e-9))):
                choices = list(current)
                choices[i], choices[j] = int(for_first[a]), int(for_second[b])
                new = self._package(tuple(choices))
                found.append(Logroll(
                    self.issues[i].name, (self.issues[i].options[current[i]], self.issues[i].options[choices[i]]),
                    self.issues[j].name, (self.issues[j].options[current[j]], self.issues[j].options[choices[j]]),
                    (round(float(gain[0, a, b]), _DECIMALS), round(float(gain[1, a, b]), _DECIMALS)), new))
        found.sort(key=lambda r: (-(r.gains[0] + r.gains[1]), -min(r.gains)))
        return tuple(found[:limit] if limit is not None else found)

    def free_moves(self, package: Package) -> tuple[Package, ...]:
        """Changes of a single issue that make one side better off and neither worse (compatible issues)."""
        moves = []
        for index, (points, c) in enumerate(zip(self._points, package.choices)):
            delta = points - points[:, [c]]
            for option in np.flatnonzero(np.all(delta >= 0, axis=0) & np.any(delta > 0, axis=0)):
                choices = list(package.choices)
                choices[index] = int(option)
                moves.append(self._package(tuple(choices)))
        return tuple(sorted(moves, key=lambda p: -p.joint))

    def analyse(self, choice, batnas: Sequence[float] | None = None, logrolls: int = 3) -> PackageAnalysis:
        """Everything lesson 09's scoring table shows about one package."""
        package = choice if isinstance(choice, Package) else self.package(choice)
        batnas = self.batnas_or(batnas)
        front = self.frontier()
        return PackageAnalysis(package, front.contains(package.scores), self.improvements(package),
                               self.logrolls(package, logrolls), self.free_moves(package), batnas,
                               self.nash_point(batnas), self.kalai_smorodinsky_point(batnas), front.max_joint)

    def split_difference(self) -> Package:
        """Meeting in the middle issue by issue: on each issue, the option where the side that does worse
        still gets the largest share of its range (ties: the larger joint points)."""
        choices = []
        for points in self._points:
            low = points.min(axis=1, keepdims=True)
            span = np.ptp(points, axis=1, keepdims=True)
            shares = np.divide(points - low, span, out=np.ones_like(points), where=span > 0)
            choices.append(_argmax(np.round(shares.min(axis=0), _DECIMALS), points.sum(axis=0)))
        return self._package(tuple(choices))

    # -- MESOs ---------------------------------------------------------------------------------------

    def mesos(self, target: float, side: int = 0, count: int = 3, tolerance: float | None = None,
              above_their_batna: bool = True) -> MesoSet:
        """``count`` packages worth ``target`` points (give or take ``tolerance``) to ``side``, as different
        as possible for the other side: its scores spread evenly from the lowest to the highest available.
        The default tolerance is 2% of the side's range of scores. With ``above_their_batna`` only packages
        the other side prefers to its BATNA count: an offer they must refuse teaches you nothing."""
        if side not in (0, 1):
            raise ValueError("The side is 0 (the first party) or 1 (the second).")
        if isinstance(count, bool) or not isinstance(count, (int, np.integer)) or count < 2:
            raise ValueError("Multiple offers means at least two packages; three is usual.")
        target = finite_number(target, f"the target score for {self.parties[side]}")
        scores = self.all_scores()
        mine = scores[:, side]
        if tolerance is None:
            tolerance = 0.02 * float(np.ptp(mine))
        tolerance = finite_number(tolerance, "the tolerance")
        if tolerance < 0:
            raise ValueError("The tolerance is how far from the target a package may be: 0 or more.")
        near = np.abs(mine - target) <= tolerance + 1e-9
        if above_their_batna:
            near &= scores[:, 1 - side] > self.batnas[1 - side]
        near = np.flatnonzero(near)
        theirs = scores[near, 1 - side]
        distinct = np.unique(theirs)
        if len(distinct) < count:
            allowed = scores[:, 1 - side] > self.batnas[1 - side] if above_their_batna else np.ones(len(mine), bool)
            low, high = (mine[allowed].min(), mine[allowed].max()) if allowed.any() else (mine.min(), mine.max())
            about = f"worth about {target:g} points to {self.parties[side]}"
            if above_their_batna:
                about += f" that {self.parties[1 - side]} prefers to their BATNA"
            if not len(distinct):
                found = f"No package is {about}."
            else:
                found = (f"The packages {about} have only {len(distinct)} different score"
                         f"{'s' * (len(distinct) != 1)} for {self.parties[1 - side]}; {count} offers need {count}.")
            raise ValueError(f"{found} Choose a target between {low:g} and {high:g}, widen the tolerance, "
                             "or make fewer offers.")
        # Evenly spaced targets for the other side; the nearest distinct score to each, never the same twice.
        wanted = np.linspace(distinct[0], distinct[-1], count)
        picked: list[float] = []
        for value in wanted:
            remaining = distinct[~np.isin(distinct, picked)]
            picked.append(float(remaining[np.argmin(np.abs(remaining - value))]))
        packages = []
        for value in sorted(picked):
            at = near[theirs == value]
            # Of the packages with that score, the one closest to the target for the offering side.
            best = at[np.argmin(np.abs(mine[at] - target))]
            packages.append(self._package(tuple(int(c) for c in self._choices_of(np.array([best]))[0])))
        return MesoSet(side, target, tolerance, tuple(packages), len(near))

    # -- text ----------------------------------------------------------------------------------------

    def describe(self) -> str:
        kinds = {kind: [i.name for i in self.issues if i.kind == kind]
                 for kind in ("distributive", "integrative", "compatible")}
        parts = [f"{kind}: {', '.join(names)}" for kind, names in kinds.items() if names]
        return (f"{len(self.issues)} issues, {self.package_count:,} possible packages. "
                f"{capitalised('; '.join(parts))}.")


def _undominated(scores: np.ndarray) -> np.ndarray:
    """Mask of the rows of ``scores`` (n, 2) that no other row beats for both (ties are all kept)."""
    n = len(scores)
    order = np.lexsort((-scores[:, 1], -scores[:, 0]))  # best for side 0 first; among ties, best for side 1
    ordered = scores[order]
    starts = _run_starts(ordered)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, n)))
    running = np.maximum.accumulate(ordered[:, 1])
    # The best side-1 score among all strictly earlier (lexicographically better) pairs.
    before = np.full(len(starts), -np.inf)
    before[1:] = running[starts[1:] - 1]
    keep_group = ordered[starts, 1] > before
    mask = np.empty(n, dtype=bool)
    mask[order] = keep_group[group]
    return mask


def _frontier_step(sums: list[np.ndarray], exact: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """The candidates (sums of a kept pair and an option, option by option) that reach the frontier, as
    compared (rounded, unless ``exact``): their indices grouped by the pair they reach, best for side 0
    first, and where each pair's group starts (None when each pair is reached by one candidate)."""
    size = len(sums[0])
    key = _compared(sums[0], exact)
    key = -key if exact else np.negative(key, out=key)  # side 0 best first (a rounded copy is negated in place)
    value = _compared(sums[1], exact)
    # Option by option the kept pairs keep their order, so this stable sort only merges those runs.
    order = np.argsort(key, kind="stable")
    ahead, behind = key[order], value[order]
    del key, value
    new = np.empty(size, dtype=bool)
    new[0] = True
    np.not_equal(ahead[1:], ahead[:-1], out=new[1:])
    if new.all():  # no two candidates share a side-0 score: no ties, one candidate per pair reached
        best = np.maximum.accumulate(behind)
        keep = np.empty(size, dtype=bool)
        keep[0] = True
        np.greater(behind[1:], best[:-1], out=keep[1:])  # it beats every candidate better for side 0
        return order[keep], None
    group = np.cumsum(new) - 1  # runs of the same side-0 score
    top = np.maximum.reduceat(behind, np.flatnonzero(new))
    before = np.empty_like(top)
    before[0] = -np.inf
    before[1:] = np.maximum.accumulate(top)[:-1]
    # A candidate survives if it is its run's best for side 1 and beats every run better for side 0.
    keep = (top > before)[group] & (behind == top[group])
    reached = group[keep]
    starts = np.flatnonzero(np.append(True, reached[1:] != reached[:-1]))
    return order[keep], (None if len(starts) == len(reached) else starts)


def _cautious_step(sums: list[np.ndarray], margin: float) -> tuple[np.ndarray, np.ndarray | None]:
    """As ``_frontier_step``, for unrounded sums with issues still to come: a candidate is set aside only
    when another is at least as good for both and better by ``margin`` for one (rounding the final sums
    cannot make them tie then), and only candidates equal to the last bit are merged."""
    order = np.argsort(-sums[0], kind="stable")
    ahead, behind = sums[0][order], sums[1][order]
    below = -ahead  # ascending, for searchsorted
    best = np.maximum.accumulate(behind)
    # Better for side 0 by the margin, and at least as good for side 1?
    clear = np.searchsorted(below, below - margin, side="right")
    beaten = (clear > 0) & (best[np.maximum(clear - 1, 0)] >= behind)
    # At least as good for side 0 (ties included), and better by the margin for side 1?
    level = np.searchsorted(below, below, side="right")
    beaten |= best[level - 1] >= behind + margin
    keep = np.flatnonzero(~beaten)
    ahead, behind = ahead[keep], behind[keep]
    if not np.any(ahead[1:] == ahead[:-1]):
        return order[keep], None
    resort = np.argsort(-behind, kind="stable")
    resort = resort[np.argsort(-ahead[resort], kind="stable")]  # side 0 best first, then side 1
    keep, ahead, behind = keep[resort], ahead[resort], behind[resort]
    starts = np.flatnonzero(np.append(True, (ahead[1:] != ahead[:-1]) | (behind[1:] != behind[:-1])))
    return order[keep], (None if len(starts) == len(keep) else starts)


def _clearly_undominated(first: np.ndarray, second: np.ndarray, margin: float) -> np.ndarray:
    """Mask of the options no other option beats for both sides by ``margin`` for one (few: plain loops)."""
    return np.array([not any(a >= x and b >= y and (a >= x + margin or b >= y + margin)
                             for j, (a, b) in enumerate(zip(first, second)) if j != i)
                     for i, (x, y) in enumerate(zip(first, second))], dtype=bool)


def _compared(sums: np.ndarray, exact: bool) -> np.ndarray:
    """Sums as compared: rounded to ``_DECIMALS`` (scaled by ``10**_DECIMALS``, which keeps their order and
    equality and saves a division); whole points' sums as they are."""
    if exact:
        return sums
    scaled = np.multiply(sums, 10.0 ** _DECIMALS)
    return np.rint(scaled, out=scaled)


def _run_starts(ordered: np.ndarray) -> np.ndarray:
    """Where each run of equal rows starts in ``ordered`` (n, 2), rows sorted so that equal ones are adjacent."""
    new = np.ones(len(ordered), dtype=bool)
    new[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    return np.flatnonzero(new)


def _argmax(primary: np.ndarray, secondary: np.ndarray) -> int:
    """The index of the largest ``primary``; ties broken by the largest ``secondary``, then the first."""
    return int(np.lexsort((-np.asarray(secondary), -np.asarray(primary)))[0])


def load_scoring_case(path: str | Path) -> ScoringSystem:
    """Read a scoring case from a YAML file of your own (the format of ``negwidgets/data/job_offer.yaml``)."""
    import yaml  # deferred: importing negwidgets stays cheap

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ValueError(f"I could not read the case file {path.name}: {error.strerror}.") from None
    try:
        case = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" near line {mark.line + 1}" if mark is not None else ""
        raise ValueError(f"The case file {path.name} is not valid YAML{where}; check its indentation.") from None
    return ScoringSystem.from_case(case)
