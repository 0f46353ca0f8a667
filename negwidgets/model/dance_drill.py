"""Read the dance: from a counterpart's first offers, guess its tactic and estimate its limit.

Each round of the drill is one counterpart of lesson 08's concession family (Faratin, Sierra & Jennings
1998): a side that concedes with time alone, from its aspiration (its first offer) towards its
reservation value (its limit), reached at the deadline. Its offers are the bargaining engine's
(:func:`~negwidgets.model.theory.concession_schedule`, the time-dependent part of
:func:`~negwidgets.model.engine.next_offer`), rounded to the nearest $100 as people name salaries. The
learner sees only the first offers, never the last, and answers two questions:

* **the tactic**: Boulware (steps that grow), linear (equal steps), Conceder (steps that shrink) or
  hardliner (no steps);
* **the limit**: where the counterpart will stop.

The drill is fair to what the offers can say. A round is drawn so that its tactic can be read: the offers
shown fit no other tactic of the drill (:data:`DRILL_TACTICS`, each with its range of ``beta``) with a limit
in the stated range. The limit is judged against what a careful reader could infer: every limit in the
stated range that, with some ``beta`` of the right tactic, gives exactly the offers shown. That range is
narrow after a linear side's equal steps and wide after a Boulware's first offers (which say little) or a
hardliner's (which say nothing); an estimate scores full marks within half its width of the true limit
(and never less than :data:`TOLERANCE`), so the middle of what the offers allow always scores full marks.

A seed makes a drill reproducible. Bad input raises ``ValueError`` with a sentence and changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .checks import capitalised, finite_number, parse_money
from .engine import Tactic
from .money import money, percent
from .theory import concession_schedule

__all__ = ["DRILL_SIDES", "DRILL_TACTICS", "POINTS", "TOLERANCE", "DanceDrill", "DanceRead", "DanceRound",
           "a_tactic", "dance_round", "dance_rounds", "readable_as"]

Side = Literal["employer", "candidate"]

#: The drill's tactics and the range of the concession exponent ``beta`` each is drawn from.
DRILL_TACTICS = {"Boulware": (0.2, 0.5), "Linear": (1.0, 1.0), "Conceder": (2.0, 5.0), "Hardliner": (0.0, 0.0)}
#: Who the counterpart is: where its first offer and its limit are drawn from (the running example's scale).
#: The learner is told the range of limits; an employer's offers rise, a candidate's asks fall.
DRILL_SIDES = {
    "employer": {"first": (55_000, 65_000), "limit": (70_000, 90_000)},
    "candidate": {"first": (85_000, 95_000), "limit": (60_000, 80_000)},
}
UNIT = 100  # offers are rounded to the nearest $100
DRAW_UNIT = 500  # first offers and limits are whole multiples of $500
OFFERS = (8, 10, 12)  # offers until the deadline, the last one at the deadline
#: An estimate this close to the true limit always scores full marks, however narrow the range the offers allow.
TOLERANCE = 1_000
#: Points for reading the tactic right, and at most for the limit.
POINTS = {"tactic": 4, "limit": 6}
_GRID = 241  # values of beta tried across a tactic's range


def _betas(name: str, include: float | None = None) -> np.ndarray:
    low, high = DRILL_TACTICS[name]
    grid = np.array([low]) if low == high else np.geomspace(low, high, _GRID)
    return grid if include is None else np.union1d(grid, [include])


def _fitting_limits(offers: Sequence[float], total: int, betas: np.ndarray, stated: tuple[float, float],
                    rising: bool, slack: float) -> tuple[float, float] | None:
    """The hull of the limits in ``stated`` that, with one of ``betas``, give ``offers`` (the first offers of
    ``total``, ``rising`` towards the limit or falling) within ``slack`` of each, or None when none does."""
    first, seen = offers[0], np.asarray(offers[1:], dtype=float)
    times = np.arange(1, len(offers)) / (total - 1)
    low, high = stated
    # A side never offers beyond its limit: its limit is at or beyond every offer it made.
    bound = (max(low, max(offers) - slack), high) if rising else (low, min(high, min(offers) + slack))
    if bound[0] > bound[1]:
        return None
    lows, highs = [], []
    for beta in betas:
        if beta == 0:  # the hardliner never moves: its offers fit any limit, if they all are its first
            if np.all(np.abs(seen - first) <= slack):
                lows.append(bound[0])
                highs.append(bound[1])
            continue
        shares = times ** (1 / beta)  # the share of the stretch conceded at each offer
        # offer = first + (limit - first) * share, within the slack, for every offer shown
        lo = first + np.max((seen - first - slack) / shares, initial=-math.inf)
        hi = first + np.min((seen - first + slack) / shares, initial=math.inf)
        lo, hi = max(lo, bound[0]), min(hi, bound[1])
        if lo <= hi:
            lows.append(lo)
            highs.append(hi)
    return (float(min(lows)), float(max(highs))) if lows else None


def _hundreds(amount: float) -> float:
    """An amount rounded up to whole $100."""
    return float(UNIT * math.ceil(amount / UNIT))


def _steps_text(steps: Sequence[float]) -> str:
    amounts = [money(abs(s)) for s in steps]
    return amounts[0] if len(amounts) == 1 else f"{', '.join(amounts[:-1])}, then {amounts[-1]}"


@dataclass(frozen=True)
class DanceRound:
    """One counterpart: its side, tactic, first offer, limit and every offer to the deadline, of which the
    learner sees the first ``shown``. Make one with :func:`dance_round`; a drill draws them with
    :func:`dance_rounds`."""

    side: Side
    tactic: Tactic  # the engine's tactic, named after its family, with the beta drawn for it
    aspiration: float  # its first offer
    reservation: float  # its limit
    offers: tuple[float, ...]  # every offer, the last at the deadline
    shown: int  # how many the learner sees
    stated: tuple[float, float]  # the range of limits the learner is told
    readable: tuple[float, float]  # the limits a careful reader could infer from the offers shown

    @property
    def family(self) -> str:
        return self.tactic.name

    @property
    def visible(self) -> tuple[float, ...]:
        return self.offers[:self.shown]

    @property
    def hidden(self) -> tuple[float, ...]:
        return self.offers[self.shown:]

    @property
    def steps(self) -> tuple[float, ...]:
        """The steps between the offers shown (positive: towards the learner)."""
        sign = 1 if self.side == "employer" else -1
        return tuple(sign * (b - a) for a, b in zip(self.visible, self.visible[1:]))

    @property
    def stretch(self) -> float:
        """The distance from its first offer to its limit."""
        return abs(self.reservation - self.aspiration)

    @property
    def tolerance(self) -> float:
        """How far from the limit an estimate may be and still score full marks, in whole $100: half the range
        a careful reader could infer (so its middle always scores full marks), and never less than
        :data:`TOLERANCE` or a tenth of the way the counterpart still had to go from its last offer shown
        (a reader who projects the steps by eye cannot be more precise than that)."""
        return max(TOLERANCE, _hundreds(self.readable_width / 2), _hundreds(self.to_go / 10))

    @property
    def readable_width(self) -> float:
        return self.readable[1] - self.readable[0]

    @property
    def to_go(self) -> float:
        """How far the counterpart still had to go from its last offer shown to its limit."""
        return abs(self.reservation - self.visible[-1])

    def tolerance_reason(self) -> str:
        """Why the tolerance is what it is, in words."""
        tolerance = self.tolerance
        if tolerance == _hundreds(self.readable_width / 2):
            return "half that range, so its middle scored full marks"
        if tolerance == _hundreds(self.to_go / 10):
            return (f"a tenth of the {money(self.to_go)} {self.its} {self.moves} still had to go: steps projected by "
                    "eye cannot be closer")
        return "the least the drill allows"

    @property
    def who(self) -> str:
        return "the employer" if self.side == "employer" else "the candidate"

    @property
    def its(self) -> str:
        """The possessive for the counterpart: an employer's "its", a candidate's "their"."""
        return "its" if self.side == "employer" else "their"

    @property
    def limit_name(self) -> str:
        return "budget" if self.side == "employer" else "minimum"

    @property
    def moves(self) -> str:
        return "offers" if self.side == "employer" else "asks"

    def brief(self) -> str:
        """What the learner is told before answering.

        >>> r = dance_round("employer", "Linear", 1.0, 60_000, 78_000, offers=10, shown=4)
        >>> r.brief()
        "The employer's budget for this role lies between $70,000 and $90,000. Its first 4 of 10 offers before the deadline: $60,000, $62,000, $64,000, $66,000."
        """
        return (f"{capitalised(self.who)}'s {self.limit_name} for this role lies between {money(self.stated[0])} and "
                f"{money(self.stated[1])}. {capitalised(self.its)} first {self.shown} of {len(self.offers)} "
                f"{self.moves} before the deadline: {', '.join(money(o) for o in self.visible)}.")

    def setting(self) -> str:
        """The brief without the offers (a view that lists them beside it).

        >>> dance_round("candidate", "Linear", 1.0, 90_000, 72_000, offers=10, shown=4).setting()
        "The candidate's minimum for this role lies between $60,000 and $80,000. You see their first 4 of 10 asks before the deadline."
        """
        return (f"{capitalised(self.who)}'s {self.limit_name} for this role lies between {money(self.stated[0])} and "
                f"{money(self.stated[1])}. You see {self.its} first {self.shown} of {len(self.offers)} {self.moves} "
                "before the deadline.")

    def tell(self) -> str:
        """One sentence on what gives the tactic away in the offers shown.

        >>> dance_round("employer", "Conceder", 4.0, 60_000, 78_000, offers=10, shown=4).tell()
        'Its steps shrank ($10,400, $2,000, then $1,300): a Conceder gives most of its ground early, so its limit is not far beyond its last offer.'
        >>> dance_round("candidate", "Hardliner", 0, 90_000, 70_000, offers=10, shown=4).tell()
        "Their asks never moved from $90,000: a hardliner's moves say nothing about its limit."
        """
        steps, its = _steps_text(self.steps), capitalised(self.its)
        if self.family == "Boulware":
            return (f"{its} steps grew ({steps}): a Boulware holds firm early and saves its concessions for the "
                    "deadline, so its early offers say little about its limit.")
        if self.family == "Linear":
            same = "the same" if len(set(self.steps)) == 1 else "about the same"
            return (f"{its} steps stayed {same} ({steps}): a linear side concedes evenly, so {self.remaining} more "
                    f"steps like them reach {self.its} limit at the deadline, about {money(self.projection)}.")
        if self.family == "Conceder":
            return (f"{its} steps shrank ({steps}): a Conceder gives most of its ground early, so its limit is not far "
                    "beyond its last offer.")
        return (f"{its} {self.moves} never moved from {money(self.aspiration)}: a hardliner's moves say nothing about "
                "its limit.")

    def reading(self) -> str:
        """What a careful reader who knows the tactic can infer about the limit from the offers shown.

        >>> print(dance_round("candidate", "Linear", 1.0, 90_000, 72_000, offers=10, shown=4).reading())
        From their first 4 asks, a careful reader who knows the tactic could place their minimum between $71,800 and $72,200.
        """
        return (f"From {self.its} first {self.shown} {self.moves}, a careful reader who knows the tactic could place "
                f"{self.its} {self.limit_name} between {money(self.readable[0])} and {money(self.readable[1])}.")

    @property
    def remaining(self) -> int:
        """The offers still to come, the last at the deadline."""
        return len(self.offers) - self.shown

    @property
    def projection(self) -> float:
        """The last offer shown plus the average step so far for every offer still to come (a linear reading),
        to the nearest $100."""
        average = (self.visible[-1] - self.visible[0]) / (self.shown - 1)
        return round(self.visible[-1] + self.remaining * average, -2)

    def score(self, tactic: object, limit: object) -> DanceRead:
        """Judge a read of this counterpart (nothing changes: :meth:`DanceDrill.answer` records it).

        >>> r = dance_round("employer", "Linear", 1.0, 60_000, 78_000, offers=10, shown=4)
        >>> r.score("Linear", 78_000).points, r.score("Conceder", "80k").points
        (10, 4)
        """
        guess = _tactic_name(tactic)
        estimate = _estimate(limit)
        error = abs(estimate - self.reservation)
        tolerance = self.tolerance
        share = 1.0 if error <= tolerance else max(0.0, 1 - (error - tolerance) / (2 * tolerance))
        limit_points = math.floor(POINTS["limit"] * share + 0.5)
        return DanceRead(self, guess, estimate, guess == self.family, error, limit_points)


def _tactic_name(tactic: object) -> str:
    if tactic is None or (isinstance(tactic, str) and not tactic.strip()):
        raise ValueError(f"Choose the tactic you read: {_names()}.")
    name = tactic.name if isinstance(tactic, Tactic) else tactic
    if isinstance(name, str):
        for known in DRILL_TACTICS:
            if name.strip().lower() == known.lower():
                return known
    raise ValueError(f"The counterparts of this drill play {_names()}; {name!r} is not one of them.")


def _names() -> str:
    names = list(DRILL_TACTICS)
    return f"{', '.join(names[:-1])} or {names[-1]}"


def _estimate(limit: object) -> float:
    if isinstance(limit, str) and not limit.strip():
        raise ValueError("Type your estimate of their limit, such as 78000 or 78k.")
    value = parse_money(limit, "your estimate of their limit")
    if value <= 0:
        raise ValueError(f"A limit is a salary above zero; {money(value)} is not. Type an amount such as 78000.")
    return value


@dataclass(frozen=True)
class DanceRead:
    """The learner's read of one counterpart, judged."""

    round: DanceRound
    tactic: str  # the tactic the learner read
    estimate: float  # the learner's estimate of the limit
    tactic_right: bool
    error: float  # the estimate's distance from the true limit
    limit_points: int

    @property
    def points(self) -> int:
        return POINTS["tactic"] * self.tactic_right + self.limit_points

    @property
    def error_share(self) -> float:
        """The error as a share of the counterpart's stretch (its first offer to its limit)."""
        return self.error / self.round.stretch

    @property
    def grade(self) -> str:
        p = self.points
        return "a sharp read" if p == 10 else "a good read" if p >= 7 else "a partial read" if p >= 4 else "a miss"

    @property
    def within_tolerance(self) -> bool:
        return self.limit_points == POINTS["limit"]

    @property
    def headline(self) -> str:
        """The tactic read right or wrong."""
        family = a_tactic(self.round.family)
        return (f"Right: {family}." if self.tactic_right
                else f"Not quite: you read it as {a_tactic(self.tactic)}, but it was {family}.")

    def verdict(self) -> str:
        """The tactic: right or wrong, and the tell."""
        return f"{self.headline} {self.round.tell()}"

    def limit_text(self) -> str:
        """The limit: the error in money and as a share of the stretch, what the offers allowed, the points."""
        r = self.round
        off = ("exactly right" if self.error == 0
               else f"{money(self.error)} off ({percent(self.error_share)} of {r.its} {money(r.stretch)} stretch)")
        low, high = r.readable
        wrong_side = ""
        beyond = max(r.visible) if r.side == "employer" else min(r.visible)
        if (self.estimate < beyond) if r.side == "employer" else (self.estimate > beyond):
            wrong_side = (f" A side never offers beyond its limit, so {r.its} {r.limit_name} could not be "
                          f"{'below' if r.side == 'employer' else 'above'} {r.its} last {r.moves[:-1]} of {money(beyond)}.")
        return (f"{capitalised(r.its)} {r.limit_name} was {money(r.reservation)}; your estimate, "
                f"{money(self.estimate)}, was {off}.{wrong_side} From the {r.moves} you saw, a careful reader could "
                f"place it between {money(low)} and {money(high)}. An estimate scored full marks within "
                f"{money(r.tolerance)} of the {r.limit_name} ({r.tolerance_reason()}) and no points beyond "
                f"{money(3 * r.tolerance)}.")

    def describe(self) -> str:
        """
        >>> r = dance_round("employer", "Linear", 1.0, 60_000, 78_000, offers=10, shown=4)
        >>> print(r.score("Linear", 77_000).describe())
        Right: a linear side. Its steps stayed the same ($2,000, $2,000, then $2,000): a linear side concedes evenly, so 6 more steps like them reach its limit at the deadline, about $78,000. Its budget was $78,000; your estimate, $77,000, was $1,000 off (6% of its $18,000 stretch). From the offers you saw, a careful reader could place it between $77,800 and $78,200. An estimate scored full marks within $1,200 of the budget (a tenth of the $12,000 its offers still had to go: steps projected by eye cannot be closer) and no points beyond $3,600. 4 points for the tactic and 6 for the limit: 10 of 10, a sharp read.
        """
        return (f"{self.verdict()} {self.limit_text()} {self.points_text()}")

    def points_text(self) -> str:
        return (f"{POINTS['tactic'] * self.tactic_right} points for the tactic and {self.limit_points} for the limit: "
                f"{self.points} of {sum(POINTS.values())}, {self.grade}.")


def a_tactic(name: str) -> str:
    """A drill tactic as a sentence names it.

    >>> a_tactic("Linear"), a_tactic("Conceder")
    ('a linear side', 'a Conceder')
    """
    return {"Linear": "a linear side", "Hardliner": "a hardliner"}.get(name, f"a {name}")


def dance_round(side: Side, tactic: str, beta: float, aspiration: float, reservation: float, *, offers: int = 10,
                shown: int = 4) -> DanceRound:
    """A counterpart of the drill: its offers from the concession formula, rounded to $100.

    >>> r = dance_round("candidate", "Boulware", 0.5, 90_000, 70_000, offers=10, shown=5)
    >>> r.visible, r.readable
    ((90000.0, 89800.0, 89000.0, 87800.0, 86000.0), (68000.0, 70100.0))
    """
    if side not in DRILL_SIDES:
        raise ValueError(f"The counterpart is the 'employer' or the 'candidate', not {side!r}.")
    name = _tactic_name(tactic)
    beta = finite_number(beta, "the concession exponent beta")
    low, high = DRILL_TACTICS[name]
    if not low <= beta <= high:
        raise ValueError(f"In this drill a {name} has beta from {low:g} to {high:g}; {beta:g} is outside.")
    stated = tuple(float(v) for v in DRILL_SIDES[side]["limit"])
    a = finite_number(aspiration, "its first offer")
    r = finite_number(reservation, "its limit")
    if not stated[0] <= r <= stated[1]:
        raise ValueError(f"Its limit must lie in the stated range, {money(stated[0])} to {money(stated[1])}; "
                         f"{money(r)} is outside.")
    if (r <= a) if side == "employer" else (r >= a):
        raise ValueError(f"An employer's first offer lies below its budget and a candidate's first ask above their "
                         f"minimum; {money(a)} and {money(r)} do not.")
    if isinstance(offers, bool) or not isinstance(offers, int) or not 4 <= offers <= 40:
        raise ValueError(f"The offers until the deadline are a whole number from 4 to 40, not {offers!r}.")
    if isinstance(shown, bool) or not isinstance(shown, int) or not 2 <= shown <= offers - 2:
        raise ValueError(f"Show from 2 to {offers - 2} of the {offers} offers (never the last two), not {shown!r}.")
    exact = concession_schedule(beta, reservation=r, aspiration=a, rounds=offers).offers
    rounded = tuple(float(round(o / UNIT) * UNIT) for o in exact)
    readable = _fitting_limits(rounded[:shown], offers, _betas(name, beta), stated,
                                side == "employer", UNIT / 2 + 1e-6)
    assert readable is not None and readable[0] <= r <= readable[1], "the true limit fits its own offers"
    # Rounded outwards to whole $100, as the learner reads it, and never beyond the stated range.
    readable = (max(stated[0], float(UNIT * math.floor(readable[0] / UNIT))),
                min(stated[1], float(UNIT * math.ceil(readable[1] / UNIT))))
    return DanceRound(side, Tactic(name, beta=beta), a, r, rounded, shown, stated, readable)


def readable_as(round_: DanceRound, tactic: str) -> bool:
    """Whether the offers shown fit ``tactic`` (some beta of its range and some limit in the stated range),
    allowing a whole $100 of rounding either way.

    >>> r = dance_round("employer", "Linear", 1.0, 60_000, 78_000, offers=10, shown=4)
    >>> [t for t in DRILL_TACTICS if readable_as(r, t)]
    ['Linear']
    """
    return _fitting_limits(round_.visible, len(round_.offers), _betas(_tactic_name(tactic)), round_.stated,
                           round_.side == "employer", UNIT) is not None


def dance_rounds(count: int = 4, seed: int | None = None) -> tuple[DanceRound, ...]:
    """``count`` counterparts for a drill: every tactic once in each four, in a shuffled order, each round
    showing a smaller share of its dance than the one before (about 70% down to 35%), but always enough to
    tell its tactic from every other.

    >>> [r.family for r in dance_rounds(4, seed=1)]
    ['Boulware', 'Linear', 'Conceder', 'Hardliner']
    """
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 20:
        raise ValueError(f"A drill has from 1 to 20 counterparts, not {count!r}.")
    rng = np.random.default_rng(seed)
    families = []
    while len(families) < count:
        block = [str(f) for f in rng.permutation(list(DRILL_TACTICS))]
        if families and block[0] == families[-1]:  # never the same tactic twice in a row
            block[0], block[-1] = block[-1], block[0]
        families += block
    shares = np.linspace(0.7, 0.35, count) if count > 1 else [0.5]
    return tuple(_draw(rng, family, float(share)) for family, share in zip(families, shares))


def _draw(rng: np.random.Generator, family: str, share: float) -> DanceRound:
    low, high = DRILL_TACTICS[family]
    for _ in range(100):
        side = str(rng.choice(list(DRILL_SIDES)))
        total = int(rng.choice(OFFERS))
        first, limit = (DRAW_UNIT * int(rng.integers(lo // DRAW_UNIT, hi // DRAW_UNIT + 1))
                        for lo, hi in (DRILL_SIDES[side]["first"], DRILL_SIDES[side]["limit"]))
        beta = low if low == high else round(float(np.exp(rng.uniform(np.log(low), np.log(high)))), 2)
        for shown in range(max(3, round(share * total)), total - 1):
            candidate = dance_round(side, family, beta, first, limit, offers=total, shown=shown)
            if [t for t in DRILL_TACTICS if readable_as(candidate, t)] == [family]:
                return candidate
    raise RuntimeError(f"no readable {family} round in 100 draws")  # pragma: no cover - never seen


class DanceDrill:
    """A drill of counterparts to read, one after another, with a running score.

    >>> drill = DanceDrill(rounds=2, seed=1)
    >>> drill.current.family
    'Boulware'
    >>> read = drill.answer("Boulware", "75k")
    >>> read.tactic_right, drill.answered, drill.finished
    (True, True, False)
    >>> drill.next().family
    'Linear'
    """

    def __init__(self, rounds: int = 4, seed: int | None = None):
        self.seed = seed
        self.rounds = dance_rounds(rounds, seed)
        self.reads: list[DanceRead] = []
        self.index = 0

    @property
    def current(self) -> DanceRound:
        return self.rounds[self.index]

    @property
    def answered(self) -> bool:
        """Whether the current counterpart's read has been checked."""
        return len(self.reads) > self.index

    @property
    def finished(self) -> bool:
        return len(self.reads) == len(self.rounds)

    @property
    def last_read(self) -> DanceRead | None:
        return self.reads[self.index] if self.answered else None

    @property
    def points(self) -> int:
        return sum(read.points for read in self.reads)

    @property
    def max_points(self) -> int:
        return sum(POINTS.values()) * len(self.reads)

    def answer(self, tactic: object, limit: object) -> DanceRead:
        """Check a read of the current counterpart (once); bad input changes nothing."""
        if self.finished:
            raise ValueError(f"The drill is over: you have read all {len(self.rounds)} counterparts "
                             f"({self.points} of {self.max_points} points). Start a new drill to play again.")
        if self.answered:
            raise ValueError(f"You have already checked your read of counterpart {self.index + 1}: move on to the "
                             "next counterpart.")
        read = self.current.score(tactic, limit)
        self.reads.append(read)
        return read

    def next(self) -> DanceRound:
        """Move on to the next counterpart, once this one is read."""
        if self.finished:
            raise ValueError("The drill is over: start a new drill to read more counterparts.")
        if not self.answered:
            raise ValueError("Check your read of this counterpart before you move on.")
        self.index += 1
        return self.current

    def describe(self) -> str:
        """The running score.

        >>> DanceDrill(rounds=3, seed=1).describe()
        'Counterpart 1 of 3. No reads checked yet.'
        """
        n = len(self.reads)
        if n == 0:
            return f"Counterpart 1 of {len(self.rounds)}. No reads checked yet."
        tactics = sum(r.tactic_right for r in self.reads)
        limits = sum(r.within_tolerance for r in self.reads)
        score = (f"{self.points} of {self.max_points} points ({percent(self.points / self.max_points)}); tactics read "
                 f"right: {tactics} of {n}; limits within full marks: {limits} of {n}.")
        if self.finished:
            return f"Drill over, {len(self.rounds)} counterparts read: {score}"
        return f"Counterpart {self.index + 1} of {len(self.rounds)}. So far {score}"
