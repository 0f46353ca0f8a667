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
from .cases import RolePlayCase
from .packs import PackRecord, PairValues
from .results import NOBODY, Report

__all__ = ["META_ANALYSIS_R", "ClassDebrief", "Fit", "PairOutcome", "class_debrief", "class_r_range", "fit_line"]

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
