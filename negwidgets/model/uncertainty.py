"""The ZOPA when you do not know the other side's reservation value, only a belief about it.

A belief is a uniform range or a normal distribution. For a seller with reservation ``s`` and a belief
``B`` about the buyer's reservation value, a zone exists with probability ``P(B >= s)``, and its expected
width, given that it exists, is ``E[B - s | B >= s]``. Closed forms, no sampling.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .checks import finite_number
from .money import money, percent
from .zone import Party

__all__ = ["Belief", "DiscreteBelief", "NormalBelief", "UniformBelief", "ZoneOutlook", "check_belief", "zone_under_uncertainty"]

_SQRT2 = math.sqrt(2.0)
_SQRT2PI = math.sqrt(2.0 * math.pi)


@dataclass(frozen=True)
class UniformBelief:
    """"Their limit is somewhere between ``low`` and ``high``, any value as likely as another."

    >>> UniformBelief(74_000, 84_000).probability_above(80_000)
    0.4
    """

    low: float
    high: float

    def __post_init__(self) -> None:
        low = finite_number(self.low, "the bottom of your range")
        high = finite_number(self.high, "the top of your range")
        if high <= low:
            raise ValueError(
                f"Your range runs from {money(low)} to {money(high)}: it needs a spread greater than zero, "
                "so make the top higher than the bottom."
            )
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    @property
    def mean(self) -> float:
        return (self.low + self.high) / 2

    def cdf(self, x: float) -> float:
        return min(1.0, max(0.0, (x - self.low) / (self.high - self.low)))

    def probability_above(self, x: float) -> float:
        return 1.0 - self.cdf(x)

    def expected_excess(self, x: float) -> float:
        """``E[max(B - x, 0)]``."""
        if x <= self.low:
            return self.mean - x
        if x >= self.high:
            return 0.0
        return (self.high - x) ** 2 / (2 * (self.high - self.low))

    def expected_shortfall(self, x: float) -> float:
        """``E[max(x - B, 0)]``."""
        return self.expected_excess(x) - (self.mean - x)

    def pdf(self, xs: np.ndarray) -> np.ndarray:
        xs = np.asarray(xs, dtype=float)
        return np.where((xs >= self.low) & (xs <= self.high), 1.0 / (self.high - self.low), 0.0)

    def plot_range(self) -> tuple[float, float]:
        pad = 0.15 * (self.high - self.low)
        return self.low - pad, self.high + pad

    @property
    def top(self) -> float:
        """The highest value the belief allows."""
        return self.high

    @property
    def bottom(self) -> float:
        """The lowest value the belief allows."""
        return self.low

    def quadrature(self, points: int = 801) -> tuple[np.ndarray, np.ndarray]:
        """Values and weights (summing to 1) for taking expectations: the midpoint rule."""
        edges = np.linspace(self.low, self.high, points + 1)
        return (edges[:-1] + edges[1:]) / 2, np.full(points, 1.0 / points)

    def describe(self) -> str:
        return f"between {money(self.low)} and {money(self.high)}, any value equally likely"


@dataclass(frozen=True)
class NormalBelief:
    """"Their limit is about ``mean``, give or take ``spread``" (a normal distribution, ``spread`` = sd).

    >>> NormalBelief(80_000, 5_000).probability_above(80_000)
    0.5
    """

    mean: float
    spread: float

    def __post_init__(self) -> None:
        mean = finite_number(self.mean, "your best guess")
        spread = finite_number(self.spread, "the spread")
        if spread <= 0:
            raise ValueError(
                f"The spread is {money(spread)}: it must be greater than zero. If you are sure of their limit, "
                "use the ZOPA explorer instead."
            )
        object.__setattr__(self, "mean", mean)
        object.__setattr__(self, "spread", spread)

    def cdf(self, x: float) -> float:
        return 0.5 * math.erfc(-(x - self.mean) / (self.spread * _SQRT2))

    def probability_above(self, x: float) -> float:
        return 0.5 * math.erfc((x - self.mean) / (self.spread * _SQRT2))

    def expected_excess(self, x: float) -> float:
        """``E[max(B - x, 0)] = (mu - x) * (1 - Phi(z)) + sd * phi(z)`` with ``z = (x - mu) / sd``."""
        z = (x - self.mean) / self.spread
        density = math.exp(-0.5 * z * z) / _SQRT2PI
        return (self.mean - x) * self.probability_above(x) + self.spread * density

    def expected_shortfall(self, x: float) -> float:
        return self.expected_excess(x) - (self.mean - x)

    def pdf(self, xs: np.ndarray) -> np.ndarray:
        z = (np.asarray(xs, dtype=float) - self.mean) / self.spread
        return np.exp(-0.5 * z * z) / (_SQRT2PI * self.spread)

    def plot_range(self) -> tuple[float, float]:
        return self.mean - 3.5 * self.spread, self.mean + 3.5 * self.spread

    @property
    def top(self) -> float:
        """A practical top: 3.5 spreads above the best guess (0.02% of the belief lies beyond)."""
        return self.mean + 3.5 * self.spread

    @property
    def bottom(self) -> float:
        """A practical bottom: 3.5 spreads below the best guess."""
        return self.mean - 3.5 * self.spread

    def quadrature(self, points: int = 801) -> tuple[np.ndarray, np.ndarray]:
        """Values and weights (summing to 1) from :attr:`bottom` to :attr:`top`, the same extent every
        model uses (the 0.05% of the belief beyond them is left out)."""
        values = np.linspace(self.bottom, self.top, points)
        weights = self.pdf(values)
        return values, weights / weights.sum()

    def describe(self) -> str:
        return f"about {money(self.mean)}, give or take {money(self.spread)}"


@dataclass(frozen=True)
class DiscreteBelief:
    """A belief held as weighted values: what a range or a best guess becomes once evidence has updated it
    (for example their opening, lesson 05). Values in increasing order; weights summing to 1.

    >>> DiscreteBelief((70_000, 80_000), (0.25, 0.75)).mean
    77500.0
    """

    values: tuple[float, ...]
    weights: tuple[float, ...]

    def __post_init__(self) -> None:
        values = np.asarray([finite_number(v, "a value of the belief") for v in self.values], dtype=float)
        weights = np.asarray([finite_number(w, "a weight of the belief") for w in self.weights], dtype=float)
        if len(values) < 2 or len(values) != len(weights):
            raise ValueError("A belief held as values needs at least two values, each with one weight.")
        if np.any(np.diff(values) <= 0) or np.any(weights < 0) or not weights.sum() > 0:
            raise ValueError("A belief's values must increase and its weights be positive.")
        object.__setattr__(self, "values", tuple(values.tolist()))
        object.__setattr__(self, "weights", tuple((weights / weights.sum()).tolist()))

    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return np.asarray(self.values), np.asarray(self.weights)

    @property
    def mean(self) -> float:
        values, weights = self._arrays()
        return float(values @ weights)

    @property
    def spread(self) -> float:
        """The standard deviation of the belief."""
        values, weights = self._arrays()
        return float(np.sqrt(max(((values - self.mean) ** 2) @ weights, 0.0)))

    def cdf(self, x: float) -> float:
        values, weights = self._arrays()
        return float(min(1.0, weights[values <= x].sum()))

    def probability_above(self, x: float) -> float:
        values, weights = self._arrays()
        return float(min(1.0, weights[values > x].sum()))

    def expected_excess(self, x: float) -> float:
        values, weights = self._arrays()
        return float(np.maximum(values - x, 0.0) @ weights)

    def expected_shortfall(self, x: float) -> float:
        values, weights = self._arrays()
        return float(np.maximum(x - values, 0.0) @ weights)

    def pdf(self, xs: np.ndarray) -> np.ndarray:
        values, weights = self._arrays()
        density = weights / np.gradient(values)  # weight per dollar around each value
        return np.interp(np.asarray(xs, dtype=float), values, density, left=0.0, right=0.0)

    def plot_range(self) -> tuple[float, float]:
        return self.bottom, self.top

    @property
    def top(self) -> float:
        """The highest value that holds more than a trace (0.01%) of the belief."""
        values, weights = self._arrays()
        return float(values[np.nonzero(np.cumsum(weights[::-1]) > 1e-4)[0][0] * -1 - 1])

    @property
    def bottom(self) -> float:
        """The lowest value that holds more than a trace (0.01%) of the belief."""
        values, weights = self._arrays()
        return float(values[np.nonzero(np.cumsum(weights) > 1e-4)[0][0]])

    def quadrature(self, points: int = 801) -> tuple[np.ndarray, np.ndarray]:
        """The values and weights themselves (``points`` is ignored: the belief is already discrete)."""
        return self._arrays()

    def describe(self) -> str:
        return f"about {money(self.mean)}, give or take {money(self.spread)}"


Belief = UniformBelief | NormalBelief | DiscreteBelief


def check_belief(belief: object) -> Belief:
    """A belief about the other side's limit, checked to be one the models understand."""
    if not isinstance(belief, (UniformBelief, NormalBelief, DiscreteBelief)):
        raise ValueError("Describe what you know about their limit as a range (UniformBelief) or a best guess "
                         "with a spread (NormalBelief).")
    return belief


@dataclass(frozen=True)
class ZoneOutlook:
    """What a belief about the other side's reservation value says about the zone."""

    you: Party
    belief: Belief
    probability: float
    expected_surplus: float  # E[width of the zone], counting "no zone" as 0

    @property
    def expected_width_if_any(self) -> float | None:
        """The zone's expected width given that it exists (``None`` when it cannot exist)."""
        return self.expected_surplus / self.probability if self.probability > 0 else None

    @property
    def expected_zone(self) -> tuple[float, float] | None:
        """The expected zone given that one exists: from your reservation value to the expected limit."""
        width = self.expected_width_if_any
        if width is None:
            return None
        r = self.you.reservation
        return (r, r + width) if self.you.wants == "more" else (r - width, r)

    def describe(self) -> str:
        """
        >>> candidate = Party("Candidate", 70_000, 85_000, "more")
        >>> zone_under_uncertainty(candidate, UniformBelief(65_000, 85_000)).describe()
        'A zone exists with probability 75%. If it does, expect it to run from $70,000 to $77,500 (surplus $7,500).'
        """
        zone = self.expected_zone
        if zone is None:
            return "No zone is possible under this belief: their limit is always beyond yours."
        return (
            f"A zone exists with probability {percent(self.probability)}. If it does, expect it to run from "
            f"{money(zone[0])} to {money(zone[1])} (surplus {money(zone[1] - zone[0])})."
        )


def zone_under_uncertainty(you: Party, other_reservation: Belief) -> ZoneOutlook:
    """How likely a zone is, and how wide, given your values and a belief about the other side's limit.

    >>> candidate = Party("Candidate", 70_000, 85_000, "more")
    >>> outlook = zone_under_uncertainty(candidate, NormalBelief(80_000, 5_000))
    >>> round(outlook.probability, 4)
    0.9772
    """
    check_belief(other_reservation)
    r = you.reservation
    if you.wants == "more":
        probability = other_reservation.probability_above(r)
        surplus = other_reservation.expected_excess(r)
    else:
        probability = other_reservation.cdf(r)
        surplus = other_reservation.expected_shortfall(r)
    # Rounding in the closed forms can leave a hair below zero far in a tail.
    return ZoneOutlook(you=you, belief=other_reservation, probability=probability, expected_surplus=max(0.0, surplus))
