"""Lesson 09's counterpart as an automated agent: many negotiations against a time-based opponent.

``benchmarks/multi_issue_peer.py`` measures the counterpart (:class:`MultiIssueCounterpart`) as an agent
against NegMAS. Two ways of running it give the same outcome, negotiation by negotiation:

* :func:`negotiate`: one negotiation, a plain loop of the counterpart's own methods;
* :func:`negotiate_many`: many negotiations at once as numpy arrays, in chunks (each negotiation keeps its
  own model of the opponent, its own concession exponent and its own random generator; the tests hold
  both to the same outcome on every seed).

The rules. Our agent plays ``side`` of a scoring system against a Boulware on the other side: both
offer in turn for ``steps`` steps, step ``s`` at time ``t = s / (steps - 1)``; ours opens on even seeds.
The Boulware (as NegMAS's ``BoulwareTBNegotiator``) aims at ``batna + (top - batna) * (1 - t ** 5)`` of its
own points, offers its least package reaching that aim and accepts a proposal worth more than its BATNA
and at least its next aim. Ours offers and accepts as in the game (:meth:`MultiIssueCounterpart.offer`,
:meth:`MultiIssueCounterpart.accepts`), and models the opponent from its offers. No acceptance by the
last step: no deal.

>>> from negwidgets.model import job_offer_case
>>> case = job_offer_case()
>>> package, step = negotiate(case, side=1, level="Tough", seed=0, steps=20)
>>> runs = negotiate_many(case, side=1, level="Tough", seeds=[0, 2, 4], steps=20)
>>> runs.package(0) == package, int(runs.steps[0]) == step, runs.agreed.tolist()
(True, True, [True, True, True])
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .multi_issue import (MULTI_ISSUE_LEVELS, MultiIssueCounterpart, PackageTable, _read_only, aspiration,
                          reserve_of, slot_starts)
from .scoring import _DECIMALS, Package, ScoringSystem

__all__ = ["Boulware", "MultiIssueRuns", "negotiate", "negotiate_many"]

OPPONENTS = ("boulware",)
# A chunk's largest arrays hold (negotiations x packages) numbers: at most this many (about 16 MB of floats).
CHUNK_CELLS = 2_000_000


class Boulware:
    """A time-based opponent as NegMAS's ``BoulwareTBNegotiator``: its aim, ``1 - t ** (1 / exponent)`` of
    its room above its BATNA; it offers its least package reaching its aim and accepts a proposal worth
    more than its BATNA and at least its next aim.

    >>> from negwidgets.model import job_offer_case
    >>> boulware = Boulware(job_offer_case(), side=1)
    >>> boulware.offer(0.0).scores[1], boulware.accepts((80.0, 60.0), 0.9)
    (100.0, True)
    """

    def __init__(self, system: ScoringSystem, side: int, exponent: float = 0.2) -> None:
        self.system, self.side, self.exponent = system, side, exponent
        self.table = PackageTable.of(system)
        self.own = self.table.scores[:, side]
        self.sorted, self.order = _ascending(self.table, side)
        self.batna, self.top = float(system.batnas[side]), float(self.own.max())

    def aspiration(self, t: float) -> float:
        return self.batna + (self.top - self.batna) * (1 - min(t, 1.0) ** (1 / self.exponent))

    def pick(self, t: float) -> int:
        """Its offer at ``t`` as a package's index in ``system.all_scores()``."""
        at = self.sorted.searchsorted(self.aspiration(t) - 1e-9)
        return int(self.order[min(at, len(self.order) - 1)])

    def offer(self, t: float) -> Package:
        return self.table.package(self.pick(t))

    def accepts(self, scores: Sequence[float], t_next: float) -> bool:
        return scores[self.side] > self.batna and scores[self.side] >= self.aspiration(t_next) - 1e-9


@dataclass(frozen=True)
class MultiIssueRuns:
    """Negotiations of our agent on ``side``: for each seed, the package agreed (its index in
    ``system.all_scores()``, -1 for no deal) and the step at which it was accepted (-1 for no deal)."""

    system: ScoringSystem = field(repr=False)
    side: int
    seeds: np.ndarray
    deals: np.ndarray
    steps: np.ndarray

    @property
    def agreed(self) -> np.ndarray:
        return self.deals >= 0

    @property
    def scores(self) -> np.ndarray:
        """Each deal's scores for the two sides (negotiations x 2), NaN where there was no deal."""
        scores = np.full((len(self.deals), 2), np.nan)
        scores[self.agreed] = _package_scores(PackageTable.of(self.system))[self.deals[self.agreed]]
        return scores

    def package(self, number: int) -> Package | None:
        """The deal of the ``number``-th negotiation, or None."""
        deal = int(self.deals[number])
        return None if deal < 0 else PackageTable.of(self.system).package(deal)

    def describe(self) -> str:
        agreed = int(self.agreed.sum())
        return (f"{len(self.deals):,} negotiations as {self.system.parties[self.side]}: {agreed:,} deals "
                f"({agreed / max(len(self.deals), 1):.0%}).")


def negotiate(system: ScoringSystem, side: int, level: str, seed: int, steps: int = 40,
              opponent: str = "boulware") -> tuple[Package | None, int]:
    """One negotiation of our agent on ``side`` against the opponent: the package agreed and the step at
    which it was accepted, or ``(None, -1)``."""
    _check(system, side, level, [seed], steps, opponent)
    agent = MultiIssueCounterpart(system, side, level, seed=seed)
    other = Boulware(system, 1 - side)
    ours_turn = seed % 2 == 0
    for step in range(steps):
        t, t_next = step / (steps - 1), min((step + 1) / (steps - 1), 1.0)
        if ours_turn:
            package = agent.offer(t)
            if other.accepts(package.scores, t_next):
                return package, step
        else:
            package = other.offer(t)
            agent.model.observe(package)
            if agent.accepts(package, t_next, last=step == steps - 1):
                return package, step
        ours_turn = not ours_turn
    return None, -1


def negotiate_many(system: ScoringSystem, side: int, level: str, seeds: Sequence[int], steps: int = 40,
                   opponent: str = "boulware", chunk: int | None = None) -> MultiIssueRuns:
    """:func:`negotiate` for every seed at once, with the same outcome for each; ``chunk`` negotiations
    advance together (by default as many as keep a chunk's arrays under ``CHUNK_CELLS`` numbers)."""
    seeds = _check(system, side, level, seeds, steps, opponent)
    table = PackageTable.of(system)
    if chunk is None:
        chunk = max(1, CHUNK_CELLS // len(table.scores))
    elif isinstance(chunk, bool) or not isinstance(chunk, (int, np.integer)) or chunk < 1:
        raise ValueError(f"A chunk is a whole number of negotiations, at least 1, not {chunk!r}.")
    counterpart = MULTI_ISSUE_LEVELS[level]
    # Each negotiation's exponent, drawn first from its own generator as in the loop (the generator itself
    # is made again only if the negotiation comes to a tie: a million kept would take gigabytes).
    exponents = np.array([float(np.random.default_rng(seed).uniform(*counterpart.exponents)) for seed in seeds])
    deals, at = np.full(len(seeds), -1), np.full(len(seeds), -1)
    # Negotiations with close exponents aim alike, so their searches cover similar numbers of packages.
    order = np.argsort(exponents, kind="stable")
    run = _Run(system, table, side, counterpart, steps)
    for start in range(0, len(seeds), chunk):
        rows = order[start:start + chunk]
        deals[rows], at[rows] = run.negotiate(seeds[rows], exponents[rows])
    return MultiIssueRuns(system, side, seeds, deals, at)


class _Run:
    """What every chunk shares: the tables, our agent's fixed numbers, and the opponent's move at each
    step (it depends on time alone, so it is the same in every negotiation)."""

    def __init__(self, system, table, side, level, steps):
        self.table, self.side, self.steps, self.level = table, side, steps, level
        self.batna = float(system.batnas[side])
        self.top = float(-table.descending[side][0])
        self.reserve = reserve_of(level, self.batna, self.top)
        sizes = [len(issue.options) for issue in system.issues]
        self.starts = slot_starts(system)  # each issue's first option in a row of counts
        self.slices = [slice(a, a + n) for a, n in zip(self.starts, sizes)]
        self.slots = table.slots[side]  # each package's options as columns of the counts, best package first
        # Sums over the first m issues, for every combination of their options: one gather from such a table
        # replaces m gathers when many packages are searched (the same additions in the same order).
        self.combinations = np.cumprod(sizes)
        self.prefixes = {m: table.order[side] // (len(table.scores) // self.combinations[m - 1])
                         for m in range(2, len(sizes) + 1)}
        self.ordered = -table.descending[side]  # its scores from its best package down
        self.exact = _package_scores(table)  # the scores a Package carries, which the acceptance rules read
        other = Boulware(system, 1 - side)
        self.times = [step / (steps - 1) for step in range(steps)]
        self.nexts = [min((step + 1) / (steps - 1), 1.0) for step in range(steps)]
        self.their_offers = [other.pick(t) for t in self.times]
        self.they_accept = [(self.exact[:, 1 - side] > other.batna) & (
            self.exact[:, 1 - side] >= other.aspiration(t_next) - 1e-9) for t_next in self.nexts]

    def negotiate(self, seeds, exponents):
        """One chunk: the deal and the step of agreement of each negotiation (-1 for none)."""
        size, issues = len(seeds), len(self.slices)
        opens = seeds % 2 == 0
        rngs = _Generators(seeds, self.level)
        counts = np.zeros((size, self.slices[-1].stop))
        kept = np.zeros((size, issues))
        last = np.full((size, issues), -1)
        deals, at = np.full(size, -1), np.full(size, -1)
        active = np.ones(size, dtype=bool)
        top, reserve = self.top, self.reserve
        for step in range(self.steps):
            ours = active & (opens == (step % 2 == 0))
            theirs = active & ~ours
            if ours.any():
                rows = np.flatnonzero(ours)
                t = self.times[step]
                aims = np.array([aspiration(top, reserve, e, t) for e in exponents[rows].tolist()])
                picks = self._offers(rows, aims, counts, kept, rngs)
                accepted = self.they_accept[step][picks]
                deals[rows[accepted]], at[rows[accepted]] = picks[accepted], step
                active[rows[accepted]] = False
            if theirs.any():
                rows = np.flatnonzero(theirs)
                offer = self.their_offers[step]
                choices = self.table.choices[offer]
                counts[rows[:, None], (choices + self.starts)[None, :]] += 1
                kept[rows] += last[rows] == choices  # no match before the first offer: last is -1
                last[rows] = choices
                own = self.exact[offer, self.side]
                if own > self.batna:
                    t_next = self.nexts[step]
                    aims = np.array([aspiration(top, reserve, e, t_next) for e in exponents[rows].tolist()])
                    accepted = (own >= aims - 1e-9) | (step == self.steps - 1 and own >= reserve)
                    deals[rows[accepted]], at[rows[accepted]] = offer, step
                    active[rows[accepted]] = False
        return deals, at

    def _offers(self, rows, aims, counts, kept, rngs):
        """:meth:`MultiIssueCounterpart.pick` for each of ``rows``, with its model and its aim."""
        table, side = self.table, self.side
        allowed = np.minimum(np.searchsorted(table.descending[side], -(aims - 1e-9), side="right"),
                             table.above[side])
        width = int(allowed.max())
        # The model's option utilities, row by row: issue weight times option value (0.5 before any offer).
        raw = 1 + 0.5 * kept[rows]
        weights = raw / raw.sum(axis=1, keepdims=True)
        utilities = np.empty((len(rows), counts.shape[1]))
        for issue, where in enumerate(self.slices):
            seen = counts[rows, where]
            most = seen.max(axis=1, keepdims=True)
            values = np.divide(seen, most, out=np.full_like(seen, 0.5), where=most > 0)
            utilities[:, where] = weights[:, issue:issue + 1] * values
        guess = self._summed(utilities, width)
        guess[np.arange(width) >= allowed[:, None]] = -np.inf
        best = guess >= guess.max(axis=1, keepdims=True) - 1e-9
        first = best.argmax(axis=1)  # its best package for itself among those the other side may like best
        best &= self.ordered[:width] >= (self.ordered[first] - 1e-9)[:, None]
        picks = table.order[side][first]
        for row in np.flatnonzero(best.sum(axis=1) > 1):  # ties: one at random, as the counterpart draws it
            tied = np.sort(table.order[side][:width][best[row]])
            picks[row] = tied[int(rngs[rows[row]].integers(len(tied)))]
        return picks


    def _summed(self, utilities, width):
        """Each row's modelled utility of its side's first ``width`` packages: each package's option
        utilities added issue by issue, the first m issues read from a table of their sums."""
        issues = len(self.slices)
        # Building the table for m issues costs its size per row; each issue left costs width per row.
        cost = [int(self.combinations[1:m].sum()) + width * (issues - m + 1) for m in range(1, issues + 1)]
        m = 1 + int(np.argmin(cost))
        if m == 1:
            guess = utilities[:, self.slots[0, :width]]
        else:
            sums = utilities[:, self.slices[0]]
            for where in self.slices[1:m]:
                sums = (sums[:, :, None] + utilities[:, None, where]).reshape(len(sums), -1)
            guess = sums[:, self.prefixes[m][:width]]
        for column in self.slots[m:, :width]:
            guess += utilities[:, column]
        return guess


class _Generators(dict):
    """Each negotiation's random generator, made when first needed, where the loop's would then be: after
    the draw of its exponent."""

    def __init__(self, seeds, level):
        super().__init__()
        self.seeds, self.level = seeds, level

    def __missing__(self, row):
        rng = self[row] = np.random.default_rng(int(self.seeds[row]))
        rng.uniform(*self.level.exponents)
        return rng


def _package_scores(table: PackageTable) -> np.ndarray:
    """Every package's scores exactly as :class:`Package` carries them (added issue by issue, then rounded
    by Python's ``round``), which may differ from ``all_scores()`` in the last digit."""
    scores = _EXACT.get(table)
    if scores is None:
        columns = []
        for side in (0, 1):
            total = np.zeros(1)
            for issue in table.system.issues:
                total = np.add.outer(total, issue.column(side)).ravel()
            columns.append([round(x, _DECIMALS) for x in total.tolist()])
        scores = _EXACT[table] = _read_only(np.array(columns).T)
    return scores


def _ascending(table: PackageTable, side: int) -> tuple[np.ndarray, np.ndarray]:
    """A side's scores from its least package up, and that order (sorted once per system and side)."""
    key = _ASCENDING.setdefault(table, {})
    if side not in key:
        own = table.scores[:, side]
        order = np.argsort(own)
        key[side] = (_read_only(own[order]), _read_only(order))
    return key[side]


_EXACT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_ASCENDING: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _check(system, side, level, seeds, steps, opponent) -> np.ndarray:
    if not isinstance(system, ScoringSystem):
        raise ValueError("Give a scoring system (a ScoringSystem) to negotiate over.")
    if isinstance(side, bool) or side not in (0, 1):
        raise ValueError(f"Our agent plays side 0 or side 1 of the case, not {side!r}.")
    if level not in MULTI_ISSUE_LEVELS:
        raise ValueError(f"The counterpart is one of {', '.join(MULTI_ISSUE_LEVELS)}, not {level!r}.")
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 2:
        raise ValueError(f"A negotiation needs at least 2 steps (a whole number), not {steps!r}.")
    if opponent not in OPPONENTS:
        raise ValueError(f"The opponent is one of {', '.join(OPPONENTS)}, not {opponent!r}.")
    if isinstance(seeds, (str, bytes)) or not isinstance(seeds, (Sequence, np.ndarray)):
        raise ValueError("Give the seeds as a list of whole numbers, one per negotiation.")
    if any(isinstance(s, bool) or not isinstance(s, (int, np.integer)) or s < 0 for s in seeds):
        bad = next(s for s in seeds if isinstance(s, bool) or not isinstance(s, (int, np.integer)) or s < 0)
        raise ValueError(f"A seed is a whole number from 0 up, not {bad!r}.")
    return np.asarray(seeds, dtype=np.int64).reshape(-1)
