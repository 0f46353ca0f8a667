"""Whether to make the first offer, and with what number: a small, explicit model.

Assumptions (each one a visible parameter, stated in lesson 05):

* You know your reservation value ``s``; the other side's, ``b``, you only believe in (a range or a
  best guess with a spread). A deal is possible only when ``b`` is on the far side of ``s``.
* Without any anchoring the deal would land mid-zone, at ``m = (s + b) / 2``.
* A first offer ``x`` pulls the deal towards itself with strength ``anchoring`` (0 to 1):
  ``deal = m + anchoring * (min(x, b) - m)``. An opening beyond their limit pulls no further than
  their limit: they cannot pay more than ``b`` however high you open.
* An opening beyond their limit risks the talk: they walk away with probability
  ``(x - b) / (tolerance * |b|)`` (capped at 1). With ``tolerance = 0.15`` an opening 15% beyond their
  limit always ends the talk, one 7.5% beyond it half the time.
* If you let them open instead, their opening ``y`` pulls the deal towards them in the same way, and
  you risk no walk-away of your own making.

Everything is written for a side that wants more (a candidate); a side that pays is handled by
mirroring the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .anchoring import check_anchoring
from .checks import finite_number
from .money import money, percent
from .uncertainty import Belief, NormalBelief, UniformBelief, check_belief
from .zone import Party

__all__ = ["FirstOfferAnalysis", "first_offer_analysis"]


@dataclass(frozen=True)
class FirstOfferAnalysis:
    """For each possible opening: the chance of impasse, the expected deal and the expected surplus."""

    you: Party
    belief: Belief
    anchoring: float
    tolerance: float
    openings: np.ndarray
    impasse: np.ndarray  # probability that no deal is reached, for each opening
    expected_deal: np.ndarray  # the expected agreement given that there is one (nan if never)
    expected_surplus: np.ndarray  # expected gain over your reservation value, counting impasse as 0
    their_opening: float | None
    second_surplus: float | None  # expected surplus if you let them open at their_opening

    @property
    def best_index(self) -> int:
        return int(np.argmax(self.expected_surplus))

    @property
    def best_opening(self) -> float:
        return float(self.openings[self.best_index])

    @property
    def best_surplus(self) -> float:
        return float(self.expected_surplus[self.best_index])

    @property
    def best_impasse(self) -> float:
        return float(self.impasse[self.best_index])

    @property
    def best_deal(self) -> float:
        """The expected agreement at the best opening, if a deal is reached."""
        return float(self.expected_deal[self.best_index])

    @property
    def value_of_going_first(self) -> float | None:
        """Expected surplus from opening at the best number minus that from letting them open."""
        return None if self.second_surplus is None else self.best_surplus - self.second_surplus

    def describe(self) -> str:
        """
        >>> from negwidgets.model import running_example
        >>> candidate, _ = running_example()
        >>> first_offer_analysis(candidate, UniformBelief(74_000, 86_000), anchoring=0.5).describe()
        'Open at $80,271: expected gain $6,163 over your reservation value, with a 14% chance of no deal (if there is a deal, expect about $77,197).'
        """
        if self.best_surplus <= 0:
            return ("No opening gives you an expected gain: under this belief a deal is unlikely. Improve your "
                    "alternatives or your information first.")
        text = (f"Open at {money(self.best_opening)}: expected gain {money(self.best_surplus)} over your "
                f"reservation value, with a {percent(self.best_impasse)} chance of no deal (if there is a deal, "
                f"expect about {money(self.best_deal)}).")
        if self.second_surplus is not None:
            gap = self.value_of_going_first
            if abs(gap) < 0.5:
                text += f" Letting them open at {money(self.their_opening)} would be worth the same."
            elif gap > 0:
                text += (f" Letting them open at {money(self.their_opening)} is worth {money(self.second_surplus)}: "
                         f"going first is better by {money(gap)}.")
            else:
                text += (f" Letting them open at {money(self.their_opening)} is worth {money(self.second_surplus)}: "
                         f"going second is better by {money(-gap)}.")
        return text


def first_offer_analysis(
    you: Party,
    belief: Belief,
    anchoring: float = 0.5,
    *,
    tolerance: float = 0.15,
    their_opening: float | None = None,
    points: int = 241,
) -> FirstOfferAnalysis:
    """Evaluate every opening from your reservation value to beyond the top of your belief.

    >>> from negwidgets.model import running_example
    >>> candidate, employer = running_example()
    >>> well_informed = first_offer_analysis(candidate, NormalBelief(80_000, 500), anchoring=0.5)
    >>> abs(well_informed.best_opening - 80_000) < 1_000
    True
    """
    check_belief(belief)
    alpha = check_anchoring(anchoring)
    walk = finite_number(tolerance, "the walk-away tolerance")
    if not 0 < walk <= 1:
        raise ValueError(f"The walk-away tolerance must lie above 0 and at most 1 (an opening twice their limit "
                         f"always ends the talk); {walk:g} is outside.")
    their = None if their_opening is None else finite_number(their_opening, "their likely opening")

    # Work as the side that wants more: mirror a paying side's numbers.
    sign = 1.0 if you.wants == "more" else -1.0
    s = sign * you.reservation
    b_values, weights = belief.quadrature()
    b = sign * b_values  # their limits, in your direction
    top = max(belief.top if sign > 0 else -belief.bottom, s)  # the far end of the belief, in your direction
    span = max(top - s, abs(s) * 0.05, 1.0)
    x = np.linspace(s, top + walk * max(abs(top), 1.0) + 0.05 * span, points)[:, None]  # openings, as a column

    zone = b >= s  # a deal is possible at all
    midpoint = (s + b) / 2
    deal = midpoint + alpha * (np.minimum(x, b) - midpoint)
    overshoot = np.maximum(x - b, 0.0) / (walk * np.maximum(np.abs(b), 1.0))
    stays = np.where(zone, 1.0 - np.minimum(overshoot, 1.0), 0.0)

    p_deal = stays @ weights
    surplus = (stays * (deal - s)) @ weights
    with np.errstate(invalid="ignore", divide="ignore"):
        expected_deal = np.where(p_deal > 0, (stays * deal) @ weights / p_deal, np.nan)

    second = None
    if their is not None:
        y = sign * their
        their_deal = midpoint + alpha * (np.clip(y, s, np.maximum(b, s)) - midpoint)
        second = float((np.where(zone, their_deal - s, 0.0)) @ weights)

    return FirstOfferAnalysis(
        you=you, belief=belief, anchoring=alpha, tolerance=walk,
        openings=sign * x[:, 0], impasse=1.0 - p_deal, expected_deal=sign * expected_deal,
        expected_surplus=np.maximum(surplus, 0.0), their_opening=their, second_surplus=second,
    )
