"""Honesty over repeated deals: a lie or a hard tactic gains now and costs trust later.

You and the same counterpart (a freelancer and a repeat client, say) may strike deal after deal. Each
deal creates ``surplus`` to share. Played straight, you get ``share`` of it. A hard tactic (a bluff about a
rival offer, a lie about your costs) takes ``gain`` more, but each time you use it the counterpart
catches it with chance ``detection``. Once caught, trust is gone for good: the tactic gains nothing more,
you get only ``share_distrusted`` of each later deal, and after each deal the next one comes with chance
``repeat_distrusted`` instead of ``repeat``. A deal ``k`` deals from now counts ``discount ** k`` of the
first one. The two plays compared are: always honest, and the hard tactic at every deal.

The expected value of the ``k``-th deal (1, 2, ...) follows from two chances, that the deal happens with
trust intact (``t``) and that it happens after the tactic was caught (``u``):

- honest: ``share * surplus * (discount * repeat) ** (k - 1)``;
- hard: ``t_k * (share * surplus + gain) + u_k * share_distrusted * surplus``, where ``t_1 = 1``,
  ``u_1 = 0``, ``t_(k+1) = discount * repeat * (1 - detection) * t_k`` and
  ``u_(k+1) = discount * repeat_distrusted * (detection * t_k + u_k)``.

The **break-even** is the first number of deals ``n`` after which the honest total is at least the hard
total. Because being caught can only make later deals rarer and smaller, the difference deal by deal
changes sign at most once (from the tactic's favour to honesty's): once honesty has caught up it stays
level or ahead.

The default numbers are illustrative assumptions chosen for the course, not measurements: a deal worth
$10,000 of surplus (the running example's zone), split evenly; a tactic worth $2,000 more; caught one
time in four. The direction of the effect has research behind it: negotiators told that their
counterpart had a reputation for hard, value-claiming bargaining judged the counterpart's intentions
more negatively, bargained harder themselves, and the counterpart's real expertise no longer earned them
more (Tinsley, O'Connor & Sullivan, 2002). The model's sizes are not taken from that study.

Not in the model: honest play that is wrongly suspected, trust that comes back, switching strategy
midway, a tactic that gains more or less over time, and anything the deals are worth beyond money.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .aspiration import _ordinal
from .checks import finite_number
from .money import a_percent, money, percent

__all__ = ["MAX_ENCOUNTERS", "TIE", "DetectionSensitivity", "RepeatedNegotiation", "break_even_by_detection",
           "repeated_negotiation"]

MAX_SURPLUS = 1e9        # a billion a deal: a thousand deals of it stay an amount the course can write
MAX_ENCOUNTERS = 1_000   # a deal a week for about twenty years; the break-even is looked for up to here
MAX_DETECTIONS = 201     # detection chances in one sensitivity table
TIE = 1e-9               # totals equal to nine significant digits are a tie (honesty has caught up)


@dataclass(frozen=True)
class RepeatedNegotiation:
    """The expected totals of honest and hard play over the first ``encounters`` deals, and the break-even."""

    surplus: float
    share: float
    gain: float
    detection: float
    repeat: float
    repeat_distrusted: float
    share_distrusted: float
    discount: float
    encounters: int
    honest: np.ndarray = field(repr=False, compare=False)   # expected total after 1, 2, ... encounters deals
    hard: np.ndarray = field(repr=False, compare=False)
    break_even: int | None   # the first n at most MAX_ENCOUNTERS with honest total >= hard total
    honesty_ever_wins: bool  # whether honesty catches up at some point, however late

    @property
    def deals(self) -> np.ndarray:
        """The numbers of deals the totals are counted over: 1, 2, ... ``encounters`` (a chart's x axis)."""
        return np.arange(1, self.encounters + 1)

    @property
    def honest_total(self) -> float:
        """The expected value of honest play over all ``encounters`` deals."""
        return float(self.honest[-1])

    @property
    def hard_total(self) -> float:
        """The expected value of the hard tactic over all ``encounters`` deals."""
        return float(self.hard[-1])

    @property
    def honesty_ahead(self) -> bool:
        """Whether honesty is ahead (or level) over ``encounters`` deals."""
        return self.break_even is not None and self.break_even <= self.encounters

    @property
    def assumptions(self) -> str:
        """The assumptions in one sentence, with their numbers.

        >>> print(repeated_negotiation().assumptions)   # doctest: +NORMALIZE_WHITESPACE
        Assumed (illustrative numbers): each deal creates $10,000 of surplus, and honest play gets you 50% of
        it ($5,000); the hard tactic takes $2,000 more and is caught with a 25% chance each time it is used;
        once caught it gains nothing more and trust does not come back: you get 40% of each later deal
        ($4,000), and the next deal comes with a 60% chance instead of 90%; later deals count in full.
        """
        return self._assumptions(f"is caught with a {percent(self.detection)} chance each time it is used")

    def _assumptions(self, caught: str) -> str:
        later = ("later deals count in full" if self.discount == 1 else
                 f"each deal counts {percent(self.discount)} of the one before")
        return (f"Assumed (illustrative numbers): each deal creates {money(self.surplus)} of surplus, and honest "
                f"play gets you {percent(self.share)} of it ({money(self.share * self.surplus)}); the hard tactic "
                f"takes {money(self.gain)} more and {caught}; once caught it gains nothing more and trust does not "
                f"come back: you get {percent(self.share_distrusted)} of each later deal "
                f"({money(self.share_distrusted * self.surplus)}), and the next deal comes with a "
                f"{percent(self.repeat_distrusted)} chance instead of {percent(self.repeat)}; {later}.")

    def _why_never(self) -> str:
        if self.share == 0:
            return "honest play gets you nothing from a deal here"
        if self.detection == 0:
            return "the tactic is never caught, so it never costs trust"
        if self.share_distrusted == self.share and self.repeat_distrusted == self.repeat:
            return ("being caught only ends the tactic's extra gain, since later deals are as likely and as "
                    "large as honest ones")
        # Say which assumption holds honesty back: would a sure catch, or a relationship that always goes on,
        # let it catch up?
        terms = (self.share, self.gain / self.surplus, self.detection, self.repeat, self.repeat_distrusted,
                 self.share_distrusted, self.discount)
        caught_fixes = _honesty_ever_wins(*terms[:2], 1.0, *terms[3:])
        future_fixes = _honesty_ever_wins(*terms[:3], 1.0, self.repeat_distrusted, self.share_distrusted, 1.0)
        if caught_fixes and future_fixes:
            return (f"the tactic is caught too rarely ({a_percent(self.detection)} chance each time), and later "
                    "deals are too unlikely, for the trust lost to outweigh what it gains: a likelier catch, or a "
                    "relationship more sure to go on, would change that")
        if caught_fixes:
            return (f"the tactic is caught too rarely ({a_percent(self.detection)} chance each time) for the trust "
                    "lost to outweigh what it gains")
        return ("later deals are too unlikely, or count too little, for the trust lost to outweigh "
                "what the tactic gains")

    def describe(self) -> str:
        """What the totals show, then the assumptions.

        >>> print(repeated_negotiation().describe())   # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
        Under these assumptions honesty catches up by the 6th deal: the hard tactic earns more at first,
        but over 6 deals or more honest play is worth at least as much on average. Over 20 deals honest play
        is worth $43,921 on average, the hard tactic $26,137. Assumed (illustrative numbers): ...
        """
        totals = (f"Over {self.encounters} deal{'s' * (self.encounters != 1)} honest play is worth "
                  f"{money(self.honest_total)} on average, the hard tactic {money(self.hard_total)}.")
        if self.break_even == 1:
            head = ("Under these assumptions honesty is never behind, not even in the first deal: the hard tactic "
                    + ("gains nothing here." if self.gain == 0 else "gains too little here to count."))
        elif self.break_even is not None:
            head = (f"Under these assumptions honesty catches up by the {_ordinal(self.break_even)} deal: the hard "
                    f"tactic earns more at first, but over {self.break_even} deals or more honest play is worth "
                    "at least as much on average.")
        elif self.honesty_ever_wins:
            head = (f"Under these assumptions honesty catches up only after more than {MAX_ENCOUNTERS:,} deals: "
                    f"over any number of deals up to {MAX_ENCOUNTERS:,} the hard tactic is worth more on average.")
        else:
            head = f"Under these assumptions honesty never catches up: {self._why_never()}."
        return f"{head} {totals} {self.assumptions}"


def _probability(value: object, what: str) -> float:
    chance = finite_number(value, what)
    if not 0 <= chance <= 1:
        raise ValueError(f"{what[:1].upper() + what[1:]} runs from 0% to 100%; {percent(chance)} is outside.")
    return chance


def _expected_totals(share: float, gain: float, detection: float, repeat: float, repeat_distrusted: float,
                     share_distrusted: float, discount: float, surplus: float,
                     count: int) -> tuple[np.ndarray, np.ndarray]:
    """The expected honest and hard totals over 1 .. ``count`` deals (the recurrences of the module's doc);
    ``gain`` is a share of the surplus here."""
    honest_deal, hard_deal, tactic_deal = share * surplus, (share + gain) * surplus, share_distrusted * surplus
    honest, hard = np.empty(count), np.empty(count)
    step, kept, lost = discount * repeat, discount * repeat * (1 - detection), discount * repeat_distrusted
    reached, trusted, caught = 1.0, 1.0, 0.0   # chance the k-th deal happens (honest); with trust; after a catch
    for k in range(count):
        honest[k] = reached * honest_deal
        hard[k] = trusted * hard_deal + caught * tactic_deal
        reached *= step
        trusted, caught = trusted * kept, lost * (detection * trusted + caught)
    return np.cumsum(honest), np.cumsum(hard)


def _honesty_ever_wins(share: float, gain: float, detection: float, repeat: float, repeat_distrusted: float,
                       share_distrusted: float, discount: float) -> bool:
    """Whether the honest total ever reaches the hard total, from the totals over an endless relationship
    (per dollar of surplus, ``gain`` a share of it; the sums of the module's doc are geometric)."""
    honest_deal, hard_deal, tactic_deal = share, share + gain, share_distrusted
    a = discount * repeat                      # honest: the weight of each next deal
    b = a * (1 - detection)                    # hard, with trust intact
    c = discount * repeat_distrusted           # hard, after a catch
    if a < 1:                                  # then b, c <= a < 1: every total is finite
        honest = honest_deal / (1 - a)
        hard = hard_deal / (1 - b) + tactic_deal * detection * c / ((1 - b) * (1 - c))
        return honest > hard * (1 + TIE)
    if detection == 0:                         # every deal happens and the tactic always gains
        return gain == 0
    if c < 1:                                  # honesty's total grows without end (unless it gets nothing a
        return honest_deal > 0                 # deal), the tactic's stops
    return tactic_deal < honest_deal or gain == 0   # every deal happens either way: the per-deal pay decides


def repeated_negotiation(encounters: int = 20, *, surplus: float = 10_000, share: float = 0.5,
                         gain: float = 2_000, detection: float = 0.25, repeat: float = 0.9,
                         repeat_distrusted: float = 0.6, share_distrusted: float = 0.4,
                         discount: float = 1.0) -> RepeatedNegotiation:
    """Compare always honest with the hard tactic at every deal, over ``encounters`` possible deals.

    With the default (illustrative) numbers the hard tactic is ahead over the first five deals and
    honesty from the sixth on:

    >>> result = repeated_negotiation()
    >>> result.break_even
    6
    >>> [round(v) for v in result.honest[:6]]
    [5000, 9500, 13550, 17195, 20476, 23428]
    >>> [round(v) for v in result.hard[:6]]
    [7000, 12325, 16279, 19165, 21242, 22722]
    >>> repeated_negotiation(detection=0).break_even is None   # never caught: the tactic never loses
    True
    >>> repeated_negotiation(detection=1.25)
    Traceback (most recent call last):
    ...
    ValueError: The chance that the tactic is caught runs from 0% to 100%; 125% is outside.
    """
    count = finite_number(encounters, "the number of deals")
    if count != int(count) or not 1 <= count <= MAX_ENCOUNTERS:
        raise ValueError(f"Give the number of deals as a whole number from 1 to {MAX_ENCOUNTERS:,}, not {count:g}.")
    size = finite_number(surplus, "the surplus of a deal")
    if size <= 0:
        raise ValueError(f"The surplus of a deal is what the two sides share: more than $0, not {money(size)}.")
    if size > MAX_SURPLUS:
        raise ValueError(f"A deal's surplus of {money(size)} is beyond this model: give at most "
                         f"{money(MAX_SURPLUS)}.")
    honest_share = _probability(share, "your share of a deal when you are trusted")
    extra = finite_number(gain, "what the hard tactic gains")
    if extra < 0:
        raise ValueError(f"What the hard tactic gains is extra money: $0 or more, not {money(extra)}.")
    if honest_share * size + extra > size * (1 + TIE):
        raise ValueError(f"The hard tactic cannot take more than the whole deal: {money(honest_share * size)} "
                         f"plus {money(extra)} is more than the {money(size)} of surplus.")
    caught = _probability(detection, "the chance that the tactic is caught")
    keep = _probability(repeat, "the chance of another deal when you are trusted")
    keep_caught = _probability(repeat_distrusted, "the chance of another deal after you are caught")
    if keep_caught > keep:
        raise ValueError(f"After you are caught the chance of another deal cannot be higher than with trust: "
                         f"{percent(keep_caught)} is above {percent(keep)}.")
    caught_share = _probability(share_distrusted, "your share of a deal after you are caught")
    if caught_share > honest_share:
        raise ValueError(f"After you are caught your share of a deal cannot be larger than with trust: "
                         f"{percent(caught_share)} is above {percent(honest_share)}.")
    weight = _probability(discount, "the weight of each next deal (the discount)")
    assumptions = (honest_share, extra / size, caught, keep, keep_caught, caught_share, weight)
    honest, hard = _expected_totals(*assumptions, size, MAX_ENCOUNTERS)
    ahead = np.flatnonzero(honest >= hard * (1 - TIE))
    break_even = int(ahead[0]) + 1 if ahead.size else None
    ever = break_even is not None or _honesty_ever_wins(*assumptions)
    n = int(count)
    honest, hard = honest[:n].copy(), hard[:n].copy()
    honest.setflags(write=False)
    hard.setflags(write=False)
    return RepeatedNegotiation(size, honest_share, extra, caught, keep, keep_caught, caught_share, weight, n,
                               honest, hard, break_even, ever)


@dataclass(frozen=True)
class DetectionSensitivity:
    """The break-even for each chance that the tactic is caught, the other assumptions held fixed."""

    detections: tuple[float, ...]
    break_evens: tuple[int | None, ...]   # None: honesty does not catch up within MAX_ENCOUNTERS deals
    base: RepeatedNegotiation              # the assumptions (at the first detection chance)

    def describe(self) -> str:
        """
        >>> print(break_even_by_detection().describe())   # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
        Under these assumptions, the likelier the tactic is to be caught, the sooner honesty catches up: by
        the 2nd deal at a 100% chance of being caught, by the 13th at 10%. At 5% or less it does not catch up
        within 1,000 deals. Assumed (illustrative numbers): each deal creates $10,000 of surplus, ...
        """
        assumptions = self.base._assumptions("is caught, each time it is used, with the chance shown")
        pairs = sorted(zip(self.detections, self.break_evens))
        wins = [(p, n) for p, n in pairs if n is not None]
        never = [p for p, n in pairs if n is None]
        if not wins:
            return (f"Under these assumptions honesty does not catch up within {MAX_ENCOUNTERS:,} deals at any of "
                    f"these chances of being caught ({percent(pairs[0][0])} to {percent(pairs[-1][0])}). "
                    f"{assumptions}")
        (low, late), (high, soon) = wins[0], wins[-1]
        if low == high:
            text = (f"Under these assumptions honesty catches up by the {_ordinal(soon)} deal at a "
                    f"{percent(high)} chance of being caught.")
        else:
            text = (f"Under these assumptions, the likelier the tactic is to be caught, the sooner honesty catches "
                    f"up: by the {_ordinal(soon)} deal at a {percent(high)} chance of being caught, by the "
                    f"{_ordinal(late)} at {percent(low)}.")
        if never:
            below = [p for p in never if p < low]
            if below and len(below) == len(never):
                text += f" At {percent(max(below))} or less it does not catch up within {MAX_ENCOUNTERS:,} deals."
            else:
                text += (f" At {', '.join(percent(p) for p in never)} it does not catch up within "
                         f"{MAX_ENCOUNTERS:,} deals.")
        return f"{text} {assumptions}"


def break_even_by_detection(detections: Sequence[float] | None = None, **assumptions: float) -> DetectionSensitivity:
    """The break-even as the chance that the tactic is caught varies (by default 0%, 5%, ... 100%), the
    other assumptions (the keyword arguments of ``repeated_negotiation``) held fixed.

    >>> table = break_even_by_detection([0.1, 0.25, 0.5, 1.0])
    >>> table.break_evens
    (13, 6, 4, 2)
    >>> break_even_by_detection([0.25], repeat=1.0).break_evens   # every deal repeats: honesty wins sooner
    (5,)
    >>> break_even_by_detection([])
    Traceback (most recent call last):
    ...
    ValueError: Give at least one chance of being caught to compare.
    """
    if "detection" in assumptions or "encounters" in assumptions:
        raise ValueError("The detection chances are the table's rows, and the table looks for the break-even "
                         f"up to {MAX_ENCOUNTERS:,} deals: give neither as a separate assumption.")
    chances = np.linspace(0, 1, 21) if detections is None else detections
    if isinstance(chances, (str, bytes)) or not isinstance(chances, (Sequence, np.ndarray)):
        raise ValueError("Give the chances of being caught as a list of numbers, such as [0.1, 0.25, 0.5].")
    if len(chances) == 0:
        raise ValueError("Give at least one chance of being caught to compare.")
    if len(chances) > MAX_DETECTIONS:
        raise ValueError(f"Give at most {MAX_DETECTIONS} chances of being caught, not {len(chances):,}.")
    results = [repeated_negotiation(1, detection=p, **assumptions) for p in chances]
    return DetectionSensitivity(tuple(r.detection for r in results), tuple(r.break_even for r in results),
                                results[0])
