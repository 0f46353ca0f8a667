"""Valuing your BATNA (best alternative to a negotiated agreement) when Plan B is uncertain.

The outcomes of "what happens if I walk away" are listed as :class:`Alternative` rows, each with a
probability. Their expected value is ``sum(p_i * v_i)``; a learner who dislikes risk values the same
gamble at its certainty equivalent (constant absolute risk aversion ``a``):
``CE = -(1/a) * ln(sum(p_i * exp(-a * v_i)))``, which is the expected value when ``a = 0``.

Nobody can say their ``a``. Everybody can answer "what sure amount would you take instead of this
gamble?": :func:`risk_aversion_from_certainty_equivalent` turns that answer into ``a`` (negative for a
person who prefers the gamble to its average), so the same attitude can value other gambles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .checks import finite_number, text_value
from .money import money, percent

__all__ = [
    "Alternative",
    "BatnaValuation",
    "MAX_RISK_AVERSION",
    "certainty_equivalent",
    "expected_value",
    "risk_aversion_from_certainty_equivalent",
    "value_batna",
]

#: Risk aversion is per dollar; 1e-3 means an extra $1,000 at stake already feels very risky, and -1e-3
#: that it already feels very tempting.
MAX_RISK_AVERSION = 1e-3

# Probabilities typed by people rarely add to exactly 1 (0.333 three times): accept this slack.
_PROBABILITY_SLACK = 1e-6


@dataclass(frozen=True)
class Alternative:
    """One outcome of walking away: its name, money value, chance, and a money-equivalent adjustment
    for what is not money (a longer commute, a better title).

    >>> Alternative("Offer from Firm B", 72_000, 0.5).outcome
    72000.0
    >>> Alternative("Relocate for Firm C", 65_000, 0.3, adjustment=-4_000).outcome
    61000.0
    """

    name: str
    value: float
    probability: float = 1.0
    adjustment: float = 0.0

    def __post_init__(self) -> None:
        label = text_value(self.name, "the name of an alternative").strip() or "an alternative"
        object.__setattr__(self, "value", finite_number(self.value, f"the value of {label}"))
        object.__setattr__(self, "adjustment", finite_number(self.adjustment, f"the adjustment for {label}"))
        probability = finite_number(self.probability, f"the probability of {label}")
        if probability < 0:
            raise ValueError(
                f"The probability of {label} is negative ({probability:g}): a chance runs from 0 to 1 (0% to 100%)."
            )
        if probability > 1 + _PROBABILITY_SLACK:
            raise ValueError(
                f"The probability of {label} is {probability:g}, above 1: a chance runs from 0 to 1 (0% to 100%)."
            )
        object.__setattr__(self, "probability", probability)

    @property
    def outcome(self) -> float:
        """The value this outcome is worth to you, money plus the non-money adjustment."""
        return self.value + self.adjustment


def _checked(alternatives: Iterable[Alternative]) -> tuple[Alternative, ...]:
    rows = tuple(alternatives)
    if not rows:
        raise ValueError("The table of alternatives is empty: add at least one thing you could do if this negotiation fails.")
    for row in rows:
        if not isinstance(row, Alternative):
            raise ValueError(f"Each row must be an Alternative, not {row!r}.")
    total = math.fsum(row.probability for row in rows)
    if abs(total - 1) > 1e-3:
        raise ValueError(
            f"The probabilities add up to {percent(total)}, not 100%: the outcomes of walking away must "
            "cover every case exactly once, so adjust them until they sum to 100%."
        )
    return rows


def expected_value(alternatives: Iterable[Alternative]) -> float:
    """The probability-weighted average outcome, ``sum(p_i * v_i)``.

    >>> expected_value([Alternative("B", 72_000, 0.5), Alternative("C", 65_000, 0.3),
    ...                 Alternative("Stay", 58_000, 0.2)])
    67100.0
    """
    rows = _checked(alternatives)
    # Normalise away the rounding slack so the result is a true weighted average.
    total = math.fsum(row.probability for row in rows)
    return math.fsum(row.probability * row.outcome for row in rows) / total


def certainty_equivalent(alternatives: Iterable[Alternative], risk_aversion: float) -> float:
    """The sure amount worth as much to you as the uncertain Plan B, for constant absolute risk
    aversion ``risk_aversion`` per dollar (0 = risk neutral, which gives the expected value; negative for a
    person who prefers the gamble to its average).

    >>> rows = [Alternative("B", 72_000, 0.5), Alternative("Stay", 58_000, 0.5)]
    >>> certainty_equivalent(rows, 0) == expected_value(rows)
    True
    >>> round(certainty_equivalent(rows, 5e-5))
    63799
    """
    rows = _checked(alternatives)
    a = finite_number(risk_aversion, "the risk attitude")
    if abs(a) > MAX_RISK_AVERSION:
        raise ValueError(
            f"The risk attitude must lie between {-MAX_RISK_AVERSION:g} (loves risk) and {MAX_RISK_AVERSION:g} per "
            f"dollar (very cautious); {a:g} is outside that range."
        )
    if a == 0:
        return expected_value(rows)
    total = math.fsum(row.probability for row in rows)
    # Shift by the outcome that keeps every exponent at or below zero, so exp() never overflows; taken among the
    # outcomes that can happen, so that one's term is exp(0) and the sum never underflows to zero either.
    possible = [row.outcome for row in rows if row.probability > 0]
    anchor = min(possible) if a > 0 else max(possible)
    # Summed as (weighted - 1) with expm1 and undone with log1p: for a tiny attitude every term is a hair below 1,
    # and exp() then log() would round the sum to 1 and return the anchor instead of (nearly) the average.
    excess = math.fsum(row.probability / total * math.expm1(-a * (row.outcome - anchor))
                       for row in rows if row.probability > 0)
    return anchor - math.log1p(excess) / a


def risk_aversion_from_certainty_equivalent(alternatives: Iterable[Alternative], sure_amount: float) -> float:
    """The risk attitude ``a`` of a person who would swap this Plan B for exactly ``sure_amount`` (the
    inverse of :func:`certainty_equivalent`, found by bisection: the certainty equivalent falls as ``a`` grows).

    >>> rows = [Alternative("B", 72_000, 0.5), Alternative("Stay", 58_000, 0.5)]
    >>> a = risk_aversion_from_certainty_equivalent(rows, 63_799)
    >>> round(a * 1e5, 2)
    5.0
    >>> risk_aversion_from_certainty_equivalent(rows, 65_000)
    0.0
    """
    rows = _checked(alternatives)
    sure = finite_number(sure_amount, "the sure amount you would take instead")
    worst, best = min(row.outcome for row in rows), max(row.outcome for row in rows)
    average = expected_value(rows)
    if worst == best:
        if abs(sure - worst) > 0.5:
            raise ValueError(f"This Plan B is a sure {money(worst)}: the sure amount worth the same is {money(worst)}.")
        return 0.0
    if abs(sure - average) < 0.5:   # a dollar's precision: the answer people give
        return 0.0
    if not worst < sure < best:
        raise ValueError(
            f"A sure {money(sure)} lies outside this Plan B's outcomes ({money(worst)} to {money(best)}): nobody would "
            f"take less for sure than the worst outcome, or refuse more than the best. Name an amount in between."
        )
    low, high = -MAX_RISK_AVERSION, MAX_RISK_AVERSION
    for a, side in ((high, "cautious"), (low, "fond of risk")):
        reach = certainty_equivalent(rows, a)
        if (side == "cautious" and sure < reach) or (side == "fond of risk" and sure > reach):
            raise ValueError(
                f"A sure {money(sure)} is closer to the {'worst' if side == 'cautious' else 'best'} outcome than the "
                f"course's model can follow (it reaches {money(reach)}): is the amount right? If it is, use it as your "
                f"reservation value directly."
            )
    for _ in range(200):   # bisection to well below a cent of certainty equivalent
        middle = (low + high) / 2
        if certainty_equivalent(rows, middle) > sure:
            low = middle
        else:
            high = middle
        if high - low < 1e-15:
            break
    return (low + high) / 2


@dataclass(frozen=True)
class BatnaValuation:
    """What an uncertain Plan B is worth: expected value, certainty equivalent, and their gap."""

    alternatives: tuple[Alternative, ...]
    risk_aversion: float
    expected_value: float
    certainty_equivalent: float

    @property
    def risk_premium(self) -> float:
        """How much the uncertainty costs you: expected value minus certainty equivalent."""
        return self.expected_value - self.certainty_equivalent

    @property
    def reservation_value(self) -> float:
        """The walk-away point this Plan B sets: its certainty equivalent (the expected value when risk neutral)."""
        return self.certainty_equivalent

    @property
    def best(self) -> Alternative:
        return max(self.alternatives, key=lambda row: row.outcome)

    @property
    def worst(self) -> Alternative:
        return min(self.alternatives, key=lambda row: row.outcome)

    def describe(self) -> str:
        """One line for the learner.

        >>> value_batna([Alternative("Offer", 70_000)]).describe()
        'Expected value $70,000; certainty equivalent $70,000: your reservation value is $70,000.'
        """
        text = (
            f"Expected value {money(self.expected_value)}; certainty equivalent "
            f"{money(self.certainty_equivalent)}: your reservation value is {money(self.reservation_value)}."
        )
        if round(self.risk_premium) > 0:
            text += f" The risk costs you {money(self.risk_premium)}."
        elif round(self.risk_premium) < 0:
            text += (f" You value the gamble {money(-self.risk_premium)} above its average: be sure of that before "
                     f"you refuse deals that beat its average.")
        return text


def value_batna(alternatives: Sequence[Alternative], risk_aversion: float = 0.0) -> BatnaValuation:
    """Value an uncertain Plan B in one call.

    >>> v = value_batna([Alternative("B", 72_000, 0.5), Alternative("C", 65_000, 0.3),
    ...                  Alternative("Stay", 58_000, 0.2)])
    >>> v.expected_value, v.best.name, v.worst.name
    (67100.0, 'B', 'Stay')
    """
    rows = _checked(alternatives)
    return BatnaValuation(
        alternatives=rows,
        risk_aversion=float(risk_aversion),
        expected_value=expected_value(rows),
        certainty_equivalent=certainty_equivalent(rows, risk_aversion),
    )
