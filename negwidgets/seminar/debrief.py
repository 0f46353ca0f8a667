"""The debrief: what a class's reports say, pair by pair and all together.

Each pair's outcome is read from the latest report of each of its two participants. When both reported
and their accounts differ, the later one is used and the pair is flagged, so the instructor can ask.
Pairs appear by code only: nothing here knows a participant's name.

The debrief is for the room's screen, so by default a pair that has not reported is ``hidden``: its private
values are left out of the debrief altogether (not merely left undrawn), and it counts as neither with nor
without a zone. ``reveal=True`` (the instructor's deliberate choice) shows every pair's values.

>>> from negwidgets.seminar.packs import make_pack
>>> from negwidgets.seminar.results import check_report
>>> record = make_pack("used_car", n_pairs=2, seed=1).record()
>>> report = check_report(record, pair="P1", role="buyer", opener="seller", opening=11_500,
...                       outcome="agreement", agreement=record.pairs[0].reservations[0] + 100, rounds=4)
>>> debrief = class_debrief(record, [report])
>>> debrief.reported, debrief.agreements, debrief.agreement_rate
(1, 1, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from ..model.anchoring import META_ANALYSIS_R
from ..model.money import percent
from ..model.scoring import points_text
from .cases import RolePlayCase, in_sentence
from .packs import PackRecord, PairValues
from .results import NOBODY, Report

__all__ = ["META_ANALYSIS_R", "ClassDebrief", "Fit", "FrontierDebrief", "FrontierOutcome", "PairOutcome",
           "class_debrief", "class_r_range", "fit_line", "frontier_debrief"]

# A hidden pair's values: not a number, so nothing can be drawn or computed from them by mistake.
_UNKNOWN = (math.nan, math.nan)

# META_ANALYSIS_R, the figure lesson 05 teaches, comes from the model; this names its source on the charts.
META_ANALYSIS_SOURCE = "Petrowsky et al. 2025, 90 studies"


@dataclass(frozen=True)
class Fit:
    """A least-squares line ``y = slope * x + intercept`` and Pearson's r over ``n`` points."""

    slope: float
    intercept: float
    r: float
    n: int


def class_r_range(n: int, r: float = META_ANALYSIS_R, share: float = 0.95) -> tuple[float, float] | None:
    """Where the correlation of a class of ``n`` agreements lands ``share`` of the time when the true
    correlation is ``r`` (Fisher's z: atanh of a sample r is close to normal, with variance 1 / (n - 3)).

    A small class scatters widely: a class's r far from 0.62 says little on its own.

    >>> low, high = class_r_range(12)
    >>> round(low, 2), round(high, 2)
    (0.07, 0.88)
    >>> class_r_range(3) is None
    True
    """
    if n < 4:
        return None
    half_width = NormalDist().inv_cdf(0.5 + share / 2) / math.sqrt(n - 3)
    centre = math.atanh(r)
    return math.tanh(centre - half_width), math.tanh(centre + half_width)


def fit_line(x: Sequence[float], y: Sequence[float]) -> Fit | None:
    """The fitted line and correlation, or ``None`` with fewer than three points or no spread.

    >>> fit = fit_line([1, 2, 3, 4], [2, 4, 5, 8])
    >>> round(fit.slope, 2), round(fit.r, 3), fit.n
    (1.9, 0.981, 4)
    """
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(xs) < 3 or np.ptp(xs) == 0 or np.ptp(ys) == 0:
        return None
    slope, intercept = np.polyfit(xs, ys, 1)
    return Fit(float(slope), float(intercept), float(np.corrcoef(xs, ys)[0, 1]), len(xs))


@dataclass(frozen=True)
class PairOutcome:
    """One pair's result as the debrief reads it."""

    pair: PairValues
    reports: dict[str, Report]          # the latest report of each participant who reported, by role
    used: Report | None                 # the report the outcome is read from (the later one)
    differ: bool                        # both reported and their accounts differ
    scores: tuple[float, float] | None  # what the agreement is worth to each role
    gains: tuple[float, float]          # each role's gain over its reservation value (0 for an impasse)
    share: float | None                 # the first role's share of the zone (0 to 1), when it can be said
    hidden: bool = False                # still negotiating, values withheld from the room (``pair`` holds none)

    @property
    def status(self) -> str:
        if self.used is None:
            return "not reported"
        return "agreement" if self.used.agreed else "impasse"

    @property
    def beyond_reservation(self) -> bool:
        """An agreement worse than a side's reservation value (possible only by mistake or by choice)."""
        return self.scores is not None and min(self.gains) < -1e-9


def _gains(case: RolePlayCase, reservations: tuple[float, float], scores: tuple[float, float]) -> tuple[float, float]:
    if case.scoring is None:
        value = scores[0]
        return (value - reservations[0], reservations[1] - value)
    return (scores[0] - reservations[0], scores[1] - reservations[1])


def _same_account(a: Report, b: Report) -> bool:
    # Rounds are left out: people count them differently, and nothing in the debrief depends on them.
    return (a.opener, a.opening, a.agreed, a.agreement, a.terms) == (b.opener, b.opening, b.agreed, b.agreement,
                                                                     b.terms)


def _pair_outcome(case: RolePlayCase, pair: PairValues, reports: dict[str, Report]) -> PairOutcome:
    used = max(reports.values(), key=lambda r: r.row_id or 0) if reports else None
    differ = len(reports) == 2 and not _same_account(*reports.values())
    scores = gains = share = None
    if used is not None and used.agreed:
        agreement = used.terms if case.scoring is not None else used.agreement
        scores = case.scores(agreement)
        gains = _gains(case, pair.reservations, scores)
        share = case.zone_share(0, pair.reservations, agreement)
    return PairOutcome(pair, reports, used, differ, scores, gains or (0.0, 0.0), share)


@dataclass(frozen=True)
class ClassDebrief:
    """Every pair's outcome and the class's figures."""

    case: RolePlayCase
    outcomes: tuple[PairOutcome, ...]

    @property
    def reported(self) -> int:
        return sum(o.used is not None for o in self.outcomes)

    @property
    def agreements(self) -> int:
        return sum(o.status == "agreement" for o in self.outcomes)

    @property
    def agreement_rate(self) -> float | None:
        return self.agreements / self.reported if self.reported else None

    @property
    def hidden(self) -> int:
        """Pairs still negotiating whose values are withheld."""
        return sum(o.hidden for o in self.outcomes)

    def counts(self) -> dict[tuple[bool | None, str], int]:
        """Pairs by (has a zone, status); a hidden pair's zone is ``None``: whether it has one is private too."""
        counts: dict[tuple[bool | None, str], int] = {}
        for outcome in self.outcomes:
            key = (None if outcome.hidden else outcome.pair.zone is not None, outcome.status)
            counts[key] = counts.get(key, 0) + 1
        return counts

    def first_offers(self) -> list[tuple[str, float, float, str]]:
        """``(pair, opening, final number, opener)`` of every agreement that had an opening."""
        return [(o.pair.code, o.used.opening, o.used.agreement, o.used.opener) for o in self.outcomes
                if o.status == "agreement" and o.used.opener != NOBODY and o.used.agreement is not None]

    def first_offer_fit(self) -> Fit | None:
        points = self.first_offers()
        return fit_line([p[1] for p in points], [p[2] for p in points])

    def shares_by_opener(self) -> dict[str, list[float]]:
        """The first role's share of the zone in each agreement, grouped by who opened."""
        groups: dict[str, list[float]] = {key: [] for key in self.case.role_keys}
        for o in self.outcomes:
            if o.status == "agreement" and o.share is not None and o.used.opener in groups:
                groups[o.used.opener].append(o.share)
        return groups

    def shares(self) -> list[float]:
        """The first role's share of the zone in every agreement where there was a zone to share."""
        return [o.share for o in self.outcomes if o.status == "agreement" and o.share is not None]

    def subjective(self) -> list[tuple[str, str, float, float]]:
        """``(pair, role, gain over the reservation value, subjective value)`` for every participant who
        answered the survey."""
        rows = []
        for o in self.outcomes:
            for role, report in o.reports.items():
                if report.subjective_value is not None and o.used is not None:
                    rows.append((o.pair.code, role, o.gains[self.case.role_index(role)], report.subjective_value))
        return rows

    def subjective_fit(self) -> Fit | None:
        rows = self.subjective()
        return fit_line([r[2] for r in rows], [r[3] for r in rows])

    def against_frontier(self) -> FrontierDebrief:
        """A multi-issue case's deals against its Pareto frontier; see ``FrontierDebrief``."""
        return frontier_debrief(self)

    def flags(self) -> list[str]:
        """Pairs worth a question in the debrief, each in a sentence."""
        notes = []
        for o in self.outcomes:
            if o.differ:
                notes.append(f"Pair {o.pair.code}: the two reports differ; the later one is shown.")
            if o.beyond_reservation:
                notes.append(f"Pair {o.pair.code}: the agreement is worse than a side's reservation value.")
        return notes

    def describe(self) -> str:
        if not self.reported:
            return f"No results yet: {len(self.outcomes)} pairs are negotiating."
        verb = "has" if self.reported == 1 else "have"
        text = (f"{self.reported} of {len(self.outcomes)} pairs {verb} reported; {self.agreements} agreed "
                f"({percent(self.agreement_rate)}).")
        without = [o for o in self.outcomes if o.pair.zone is None and o.used is not None]
        if without:
            walked = sum(o.status == "impasse" for o in without)
            text += f" Of the {len(without)} reported pairs without a zone, {walked} walked away."
        fit = self.first_offer_fit()
        if fit is not None:
            text += (f" First offers and final agreements correlate r = {fit.r:.2f} here (n = {fit.n}); "
                     f"the meta-analysis found r = {META_ANALYSIS_R} ({META_ANALYSIS_SOURCE}).")
            expected = class_r_range(fit.n)
            if expected is not None:
                text += (f" With {fit.n} agreements, 19 classes in 20 would land between r = {expected[0]:.2f} "
                         f"and {expected[1]:.2f} if the true figure were {META_ANALYSIS_R}.")
        return text


@dataclass(frozen=True)
class FrontierOutcome:
    """One pair's agreement (or impasse) in a multi-issue case, against the case's Pareto frontier."""

    pair: str
    batnas: tuple[float, float]         # the pair's own reservation values: each side's BATNA score
    scores: tuple[float, float] | None  # what the deal is worth to each role; ``None`` for an impasse
    left_on_table: float = 0.0          # joint points between the deal and the best package better for both
    best: tuple[float, float] | None = None   # that package's scores (``None`` on the frontier, or an impasse)
    zone: bool = False                  # an impasse only: some package was at least as good for both as their BATNAs

    @property
    def on_frontier(self) -> bool:
        return self.scores is not None and self.best is None


@dataclass(frozen=True)
class FrontierDebrief:
    """A multi-issue class's deals against the Pareto frontier and the joint value they left on the table.

    A deal leaves on the table the joint points of the best package that is better for both sides than it
    (``PackageAnalysis.left_on_table``): 0 on the frontier. The frontier is the same for every pair (one
    scoring system); each pair has its own BATNAs. While any pair is hidden (``withheld``), nothing is
    computed: the frontier shows what each side's points are worth to the other, which the pairs still
    negotiating must not see, so it waits until every pair has reported or the instructor reveals them.

    >>> from negwidgets.seminar.packs import make_pack
    >>> from negwidgets.seminar.results import check_report
    >>> record = make_pack("job_offer", n_pairs=2, seed=2).record()
    >>> second_options = {issue.name: issue.options[1] for issue in record.case.scoring.issues}
    >>> reports = [check_report(record, pair=p, role="candidate", opener="employer", opening=74_000,
    ...                         outcome="agreement", terms=second_options, rounds=5) for p in ("P1", "P2")]
    >>> frontier = class_debrief(record, reports[:1]).against_frontier()
    >>> frontier.withheld, frontier.deals
    (1, ())
    >>> frontier = class_debrief(record, reports).against_frontier()
    >>> frontier.deals[0].scores, frontier.deals[0].best, frontier.total, frontier.on_frontier
    ((38.0, 60.0), (56.0, 77.0), 70.0, 0)
    """

    names: tuple[str, str]              # the two roles' names, as in a sentence
    pairs: int
    withheld: int                       # pairs still negotiating, hidden: while there are any, nothing is shown
    frontier: np.ndarray | None         # the frontier's score pairs, best for the first role first
    outcomes: tuple[FrontierOutcome, ...] = ()
    not_reported: int = 0               # pairs shown (revealed) that have not reported

    @property
    def deals(self) -> tuple[FrontierOutcome, ...]:
        return tuple(o for o in self.outcomes if o.scores is not None)

    @property
    def impasses(self) -> tuple[FrontierOutcome, ...]:
        return tuple(o for o in self.outcomes if o.scores is None)

    @property
    def on_frontier(self) -> int:
        return sum(d.on_frontier for d in self.deals)

    @property
    def total(self) -> float:
        """Joint points the class's deals left on the table, all together."""
        return float(sum(d.left_on_table for d in self.deals))

    @property
    def mean(self) -> float | None:
        return self.total / len(self.deals) if self.deals else None

    @property
    def shared_batnas(self) -> tuple[float, float] | None:
        """The BATNAs when every pair drawn (every pair that reported) has the same ones, else ``None``."""
        batnas = {o.batnas for o in self.outcomes}
        return batnas.pop() if len(batnas) == 1 else None

    def describe(self) -> str:
        if self.withheld:
            return (f"The frontier and the deals wait until every pair has reported or the instructor reveals every "
                    f"pair's values ({self.withheld} of {self.pairs} pairs still negotiating): until then they "
                    "would tell each side what the other's points are worth.")
        deals = self.deals
        if not deals:
            text = "No agreement reported yet."
        else:
            n = len(deals)
            text = (f"{n} deal{'s' * (n != 1)} left {points_text(round(self.total, 1))} joint points on the table "
                    f"(a mean of {points_text(round(self.mean, 1))} a deal); {self.on_frontier} of {n} "
                    f"{'was' if self.on_frontier == 1 else 'were'} on the frontier.")
            most = max(deals, key=lambda d: d.left_on_table)
            if most.left_on_table > 0:
                text += (f" Most left: pair {most.pair}, {points_text(round(most.left_on_table, 1))} points (the best "
                         f"package better for both gives {self.names[0]} {points_text(most.best[0])} and "
                         f"{self.names[1]} {points_text(most.best[1])}).")
        impasses = self.impasses
        if impasses:
            zones = sum(i.zone for i in impasses)
            if len(impasses) == 1:
                text += f" 1 impasse, with {'a' if zones else 'no'} zone of agreement."
            else:
                text += f" {len(impasses)} impasses, {zones} of them with a zone of agreement."
        if self.not_reported:
            text += f" {self.not_reported} pair{'s' * (self.not_reported != 1)} not reported yet."
        return text


def frontier_debrief(debrief: ClassDebrief) -> FrontierDebrief:
    """Each reported pair's deal against the case's Pareto frontier (``ClassDebrief.against_frontier``).

    A single-issue case has no frontier: a ``ValueError`` says so."""
    case = debrief.case
    if case.scoring is None:
        raise ValueError(f"'{case.title}' has a single issue: only a multi-issue case has a Pareto frontier.")
    names = (in_sentence(case.roles[0].name), in_sentence(case.roles[1].name))
    if debrief.hidden:
        return FrontierDebrief(names, len(debrief.outcomes), debrief.hidden, None)
    outcomes = []
    for o in debrief.outcomes:
        if o.status == "agreement":
            analysis = case.scoring.analyse(o.used.terms, batnas=o.pair.reservations, logrolls=0)
            best = analysis.best_improvement
            outcomes.append(FrontierOutcome(o.pair.code, o.pair.reservations, analysis.package.scores,
                                           float(analysis.left_on_table), None if best is None else best.scores))
        elif o.status == "impasse":
            outcomes.append(FrontierOutcome(o.pair.code, o.pair.reservations, None, zone=o.pair.zone is not None))
    return FrontierDebrief(names, len(debrief.outcomes), 0, case.scoring.frontier().scores, tuple(outcomes),
                           sum(o.status == "not reported" for o in debrief.outcomes))


def class_debrief(record: PackRecord, reports: Sequence[Report], reveal: bool = False) -> ClassDebrief:
    """Read the latest reports of a pack into a debrief (earlier corrections are ignored). Pairs that have
    not reported are hidden unless ``reveal``."""
    case = record.case
    latest: dict[tuple[str, str], Report] = {}
    for report in sorted(reports, key=lambda r: r.row_id or 0):
        if report.pack_id == record.pack_id:
            latest[(report.pair, report.role)] = report
    outcomes = []
    for pair in record.pairs:
        mine = {role: latest[(pair.code, role)] for role in case.role_keys if (pair.code, role) in latest}
        if not mine and not reveal:
            outcomes.append(PairOutcome(PairValues(pair.code, _UNKNOWN, None), {}, None, False, None, (0.0, 0.0),
                                        None, hidden=True))
        else:
            outcomes.append(_pair_outcome(case, pair, mine))
    return ClassDebrief(case, tuple(outcomes))
