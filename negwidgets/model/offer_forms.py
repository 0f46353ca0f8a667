"""The same opening said five ways: a point, a precise number, and three kinds of range.

What the research found (cited in lesson 05): a "bolstering" range whose bottom is your point offer
anchors higher than the point alone without hurting the relationship (Ames & Mason, 2015); a
"backdown" range concedes before the talk begins, since the other side can take its bottom (the course's
reasoning, not a finding); precise numbers anchor more than round
ones (Mason et al., 2013; Janiszewski & Uy, 2008), but too much precision backfires with experts
(Loschelder et al., 2016).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .checks import finite_number
from .money import money

__all__ = ["OfferForm", "offer_forms"]

_RANGE = 0.05  # a range spans 5% of the opening
_PRECISE_SHIFT = 150  # a precise figure sits a little inside a round one, like $84,850 for $85,000


def _round_to(amount: float, step: float) -> float:
    return float(round(amount / step) * step)


@dataclass(frozen=True)
class OfferForm:
    name: str
    low: float
    high: float
    sentence: str
    effect: str

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    def describe(self) -> str:
        return f"{self.name}: {self.sentence} {self.effect}"


def offer_forms(opening: float, wants: Literal["more", "less"] = "more") -> list[OfferForm]:
    """Five ways to state ``opening`` for a side that wants more money (or less, when it pays).

    >>> [(f.name, f.low, f.high) for f in offer_forms(85_000)][:3]
    [('Point offer', 85000.0, 85000.0), ('Precise point offer', 84850.0, 84850.0), ('Bolstering range', 85000.0, 89000.0)]
    """
    x = finite_number(opening, "your opening")
    if x <= 0:
        raise ValueError(f"Your opening must be a positive amount, not {money(x)}.")
    if wants not in ("more", "less"):
        raise ValueError(f"A side wants either 'more' or 'less' money, not {wants!r}.")
    up = 1 if wants == "more" else -1  # the ambitious direction
    step = 1_000 if x >= 20_000 else 100
    point = _round_to(x, step)
    width = max(_round_to(_RANGE * point, step), step)
    precise = _round_to(x, 50)
    if precise % 1_000 == 0:
        precise -= up * _PRECISE_SHIFT
    ambitious_end, modest_end = point + up * width, point - up * width
    half = max(_round_to(width / 2, step), step)

    def span(a: float, b: float) -> tuple[float, float]:
        return (min(a, b), max(a, b))

    lead = "I'm looking for" if wants == "more" else "We are thinking of"

    def said(low: float, high: float) -> str:
        amount = money(low) if low == high else f"{money(low)} to {money(high)}"
        return f'"{lead} {amount}."'

    forms = [
        ("Point offer", (point, point), "Clear and easy to remember: the baseline the others are compared with."),
        ("Precise point offer", (precise, precise),
         "A precise figure suggests you did the research, so the other side tends to adjust less from it; "
         "keep it plausible, since very precise numbers can look naive to an expert."),
        ("Bolstering range", span(point, ambitious_end),
         "Your point offer is the less ambitious end: the range anchors beyond it without sounding "
         "unreasonable, and the research found no cost to the relationship."),
        ("Bracketing range", span(point - half, point + half),
         "Your point offer is the middle: expect the other side to aim for the end that suits them."),
        ("Backdown range", span(point, modest_end),
         "Your point offer is the ambitious end: the other end is a concession made before the talk "
         "begins, and the other side can simply take it. Avoid it."),
    ]
    return [OfferForm(name, low, high, said(low, high), effect) for name, (low, high), effect in forms]
