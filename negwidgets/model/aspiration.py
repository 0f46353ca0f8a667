"""Setting an aspiration value from research: salary benchmarks by percentile.

The learner gives a few benchmark points (say the 25th, 50th, 75th and 90th percentiles of pay for the
role) and picks the percentile she can defend; the aspiration is read off by straight-line
interpolation between the two nearest points. Nothing is extrapolated beyond the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .checks import finite_number
from .money import money

__all__ = ["AspirationPlan", "aspiration_from_benchmarks", "unclaimed_value"]


def _ordinal(n: float) -> str:
    n = int(n) if float(n).is_integer() else n
    if isinstance(n, float):
        return f"{n:g}th"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _checked_benchmarks(benchmarks: Mapping[float, float]) -> list[tuple[float, float]]:
    points = []
    for percentile, value in benchmarks.items():
        p = finite_number(percentile, "a percentile")
        if not 0 < p < 100:
            raise ValueError(f"A percentile runs between 0 and 100; {p:g} is outside that range.")
        points.append((p, finite_number(value, f"the {_ordinal(p)} percentile figure")))
    if len(points) < 2:
        raise ValueError("Give at least two benchmark figures (for example the 50th and 75th percentiles).")
    points.sort()
    for (p_low, v_low), (p_high, v_high) in zip(points, points[1:]):
        if v_high < v_low:
            raise ValueError(
                f"The {_ordinal(p_high)} percentile ({money(v_high)}) is below the {_ordinal(p_low)} "
                f"({money(v_low)}): a higher percentile never pays less, so check the figures."
            )
    return points


@dataclass(frozen=True)
class AspirationPlan:
    """An aspiration read off benchmark data, checked against your reservation value."""

    benchmarks: tuple[tuple[float, float], ...]
    percentile: float
    aspiration: float
    reservation: float | None = None

    @property
    def stretch(self) -> float | None:
        """How far the aspiration reaches above the reservation value."""
        return None if self.reservation is None else self.aspiration - self.reservation

    def describe(self) -> str:
        """
        >>> aspiration_from_benchmarks({50: 72_000, 75: 83_000, 90: 89_000}, 80, reservation=70_000).describe()
        'The 80th percentile of your benchmarks is $85,000: that is your aspiration value, $15,000 above your reservation value.'
        """
        text = f"The {_ordinal(self.percentile)} percentile of your benchmarks is {money(self.aspiration)}: that is your aspiration value"
        if self.stretch is not None:
            text += f", {money(self.stretch)} above your reservation value"
        return text + "."


def aspiration_from_benchmarks(
    benchmarks: Mapping[float, float], percentile: float, reservation: float | None = None
) -> AspirationPlan:
    """Read an aspiration value off benchmark percentiles.

    >>> aspiration_from_benchmarks({25: 64_000, 50: 72_000, 75: 83_000, 90: 89_000}, 80).aspiration
    85000.0
    """
    points = _checked_benchmarks(benchmarks)
    p = finite_number(percentile, "the percentile you aim for")
    lowest, highest = points[0][0], points[-1][0]
    if not lowest <= p <= highest:
        raise ValueError(
            f"The {_ordinal(p)} percentile is outside your data ({_ordinal(lowest)} to {_ordinal(highest)}): "
            "pick one within it, or add a benchmark figure that covers it."
        )
    for (p_low, v_low), (p_high, v_high) in zip(points, points[1:]):
        if p_low <= p <= p_high:
            aspiration = v_low + (v_high - v_low) * (p - p_low) / (p_high - p_low)
            break
    reserve = None if reservation is None else finite_number(reservation, "your reservation value")
    if reserve is not None and aspiration < reserve:
        raise ValueError(
            f"At the {_ordinal(p)} percentile your aspiration would be {money(aspiration)}, below your reservation "
            f"value ({money(reserve)}): aim higher, since you would walk away from anything below {money(reserve)}."
        )
    return AspirationPlan(tuple(points), p, aspiration, reserve)


def unclaimed_value(aspiration: float, other_reservation: float) -> float:
    """Money left on the table by aiming too low: you never ask above your aspiration, so everything
    between it and the other side's limit stays with them.

    >>> unclaimed_value(75_000, 80_000)
    5000.0
    >>> unclaimed_value(85_000, 80_000)
    0.0
    """
    mine = finite_number(aspiration, "your aspiration value")
    theirs = finite_number(other_reservation, "their reservation value")
    return max(0.0, theirs - mine)
