"""How a first offer pulls the final agreement: a simulation with a visible anchoring coefficient.

One case is negotiated by many pairs (as in the studies): the candidate's reservation value is fixed,
each employer's limit differs, each candidate opens differently, and other things (skill, mood,
rapport) add noise. The deal lands at ``m + anchoring * (min(x, b) - m)`` plus noise, kept inside the
zone, where ``m`` is the zone's midpoint (the same rule as lesson 05's first-offer model).

The anchoring coefficient is an assumption, not a measurement. :func:`calibrate_anchoring` chooses it so
that the simulated correlation between first offers and agreements matches a target, by default the
r = 0.62 that the meta-analysis by Petrowsky et al. (2025) reports across 90 studies.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .checks import finite_number
from .money import money

__all__ = ["AnchoringSimulation", "META_ANALYSIS_R", "calibrate_anchoring", "check_anchoring", "simulate_anchoring"]

#: First offer and final agreement correlate r = 0.62 (Petrowsky et al., 2025, OBHDP; 90 studies).
META_ANALYSIS_R = 0.62


def check_anchoring(value: float) -> float:
    """An anchoring strength, checked to lie in [0, 1].

    >>> check_anchoring(1.5)
    Traceback (most recent call last):
    ...
    ValueError: The anchoring strength must lie between 0 (first offers do not move the deal) and 1 (the deal lands where the first offer is); 1.5 is outside.
    """
    alpha = finite_number(value, "the anchoring strength")
    if not 0 <= alpha <= 1:
        raise ValueError(f"The anchoring strength must lie between 0 (first offers do not move the deal) and 1 "
                         f"(the deal lands where the first offer is); {alpha:g} is outside.")
    return alpha


@dataclass(frozen=True)
class AnchoringSimulation:
    anchoring: float
    reservation: float  # the candidate's, the same in every pair
    first_offers: np.ndarray
    agreements: np.ndarray
    limits: np.ndarray  # each employer's reservation value

    @property
    def correlation(self) -> float:
        return float(np.corrcoef(self.first_offers, self.agreements)[0, 1])

    @property
    def slope(self) -> float:
        """Dollars of agreement per extra dollar of first offer (least-squares line)."""
        return float(np.polyfit(self.first_offers, self.agreements, 1)[0])

    @property
    def intercept(self) -> float:
        return float(np.polyfit(self.first_offers, self.agreements, 1)[1])

    def describe(self) -> str:
        return (f"With anchoring strength {self.anchoring:.2f}, first offers and agreements correlate at "
                f"r = {self.correlation:.2f}; each extra {money(1_000)} in the opening adds about "
                f"{money(1_000 * self.slope)} to the deal.")


def simulate_anchoring(
    anchoring: float,
    pairs: int = 400,
    *,
    seed: int = 0,
    reservation: float = 70_000,
    limits: tuple[float, float] = (74_000, 86_000),
    openings: tuple[float, float] = (72_000, 86_000),
    noise: float = 1_000,
) -> AnchoringSimulation:
    """Simulate ``pairs`` negotiations of one salary case (defaults: the running example).

    >>> sim = simulate_anchoring(0.6, seed=1)
    >>> bool(((sim.agreements >= 70_000) & (sim.agreements <= sim.limits)).all())
    True
    """
    alpha = check_anchoring(anchoring)
    if pairs < 3:
        raise ValueError("Simulate at least 3 pairs to measure a correlation.")
    s = finite_number(reservation, "the candidate's reservation value")
    low, high = (finite_number(v, "the employers' limits") for v in limits)
    if not s < low < high:
        raise ValueError("The employers' limits must form a range above the candidate's reservation value.")
    rng = np.random.default_rng(seed)
    b = rng.uniform(low, high, pairs)
    x = rng.uniform(*openings, pairs)
    midpoint = (s + b) / 2
    deal = midpoint + alpha * (np.minimum(x, b) - midpoint) + rng.normal(0.0, noise, pairs)
    return AnchoringSimulation(alpha, s, x, np.clip(deal, s, b), b)


def calibrate_anchoring(target: float = META_ANALYSIS_R, **simulation) -> float:
    """The anchoring strength whose simulated correlation matches ``target`` (bisection on a fixed seed).

    >>> alpha = calibrate_anchoring()
    >>> round(simulate_anchoring(alpha, pairs=4_000).correlation, 2)
    0.62
    """
    goal = finite_number(target, "target correlation")
    simulation.setdefault("pairs", 4_000)  # enough pairs that the seed barely matters
    low, high = 0.0, 1.0
    if not simulate_anchoring(low, **simulation).correlation <= goal <= simulate_anchoring(high, **simulation).correlation:
        raise ValueError(f"No anchoring strength between 0 and 1 gives a correlation of {goal:g} in this setting.")
    for _ in range(40):
        middle = (low + high) / 2
        if simulate_anchoring(middle, **simulation).correlation < goal:
            low = middle
        else:
            high = middle
    return (low + high) / 2
