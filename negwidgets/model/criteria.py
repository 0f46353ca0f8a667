"""Objective criteria: the standards behind a number, ordered into a ladder, and the ask they support.

Each standard (a salary-survey percentile, the previous holder's pay, a competing offer, a cost-of-living
adjustment, ...) points to a number and has a strength from 1 (a personal wish) to 5 (independent
published data). The ladder orders them from the most ambitious down; the proposed ask is the most
ambitious standard that is defensible (strength 3 or more, by default) and not below your reservation
value, said with the reason that justifies it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Real
from typing import Literal

from .checks import finite_number, shown, text_value
from .money import money

__all__ = ["DEFENSIBLE", "STRENGTHS", "Criterion", "CriteriaLadderResult", "Rung", "criteria_ladder"]

STRENGTHS = {
    1: "a personal wish",
    2: "a weak standard",
    3: "a reasonable standard",
    4: "a strong standard",
    5: "independent published data",
}
DEFENSIBLE = 3


@dataclass(frozen=True)
class Criterion:
    """A standard, the number it points to, how strong it is (1-5), and the reason to say aloud.

    >>> Criterion("Salary survey, 75th percentile", 83_000, 5).strength_text
    'independent published data'
    """

    name: str
    value: float
    strength: int = 3
    reason: str = ""

    def __post_init__(self) -> None:
        label = text_value(self.name, "the name of a standard").strip() or "a standard"
        text_value(self.reason, f"the reason for '{label}'")
        if self.value is None or (isinstance(self.value, str) and not self.value.strip()):
            raise ValueError(f"The standard '{label}' has no number: give the figure it points to.")
        object.__setattr__(self, "value", finite_number(self.value, f"the number for '{label}'"))
        # Test the type first: a list is unhashable, so `in STRENGTHS` alone raises TypeError; True == 1.
        strength = self.strength
        if isinstance(strength, bool) or not isinstance(strength, Real) or strength not in STRENGTHS:
            raise ValueError(f"The strength of '{label}' must be a whole number from 1 (a personal wish) to 5 "
                             f"(independent published data), not {shown(strength)}.")
        object.__setattr__(self, "strength", int(strength))  # 3.0 from a file is the strength 3

    @property
    def strength_text(self) -> str:
        return STRENGTHS[self.strength]

    @property
    def because(self) -> str:
        """What follows "because" when this standard justifies a number."""
        reason = self.reason.strip().rstrip(".")
        return reason or f"{self.name.strip() or 'this standard'} puts it at {money(self.value)}"


@dataclass(frozen=True)
class Rung:
    criterion: Criterion
    position: str  # where the number lands against your limit and their likely limit
    defensible: bool


@dataclass(frozen=True)
class CriteriaLadderResult:
    rungs: tuple[Rung, ...]  # the most ambitious first
    ask: Criterion | None
    reservation: float | None
    their_limit: float | None
    wants: Literal["more", "less"]

    @property
    def sentence(self) -> str:
        if self.ask is None:
            return ""
        return f"I'm asking for {money(self.ask.value)} because {self.ask.because}."

    def describe(self) -> str:
        """
        >>> criteria_ladder([Criterion("Survey", 83_000, 5, "analysts like me earn that here"),
        ...                  Criterion("My wish", 90_000, 1)], reservation=70_000).describe()
        'The most your standards support: $83,000, because analysts like me earn that here. Open no higher without a stronger reason.'
        """
        if self.ask is None:
            return ("None of your standards is both defensible (strength 3 or more) and at or beyond your "
                    "reservation value: look for stronger evidence before you name a number.")
        return (f"The most your standards support: {money(self.ask.value)}, because {self.ask.because}. Open no "
                f"higher without a stronger reason.")


def _position(value: float, reservation: float | None, their_limit: float | None, up: int) -> str:
    if reservation is not None and up * (value - reservation) < 0:
        return "below your reservation value" if up > 0 else "above your reservation value"
    if their_limit is not None and up * (value - their_limit) > 0:
        return "beyond their likely limit"
    if reservation is not None and their_limit is not None:
        return "inside the likely zone"
    return "acceptable to you" if reservation is not None else "no limits given"


def criteria_ladder(
    criteria: Iterable[Criterion],
    *,
    reservation: float | None = None,
    their_limit: float | None = None,
    wants: Literal["more", "less"] = "more",
    min_strength: int = DEFENSIBLE,
) -> CriteriaLadderResult:
    """Order standards from the most ambitious down and find the most they support (the strongest defensible ask).

    Ties in value go to the stronger standard, then to the order given: names never decide the
    order, so relabelling a standard cannot move it.

    >>> ladder = criteria_ladder([Criterion("Competing offer", 70_000, 4), Criterion("Survey", 83_000, 5)],
    ...                          reservation=70_000, their_limit=80_000)
    >>> [(r.criterion.name, r.position) for r in ladder.rungs]
    [('Survey', 'beyond their likely limit'), ('Competing offer', 'inside the likely zone')]
    """
    rows = list(criteria)
    if not rows:
        raise ValueError("The ladder is empty: add at least one standard, such as a salary survey figure.")
    if wants not in ("more", "less"):
        raise ValueError(f"A side wants either 'more' or 'less' money, not {wants!r}.")
    up = 1 if wants == "more" else -1
    mine = None if reservation is None else finite_number(reservation, "your reservation value")
    theirs = None if their_limit is None else finite_number(their_limit, "their likely limit")
    order = sorted(range(len(rows)), key=lambda i: (-up * rows[i].value, -rows[i].strength, i))
    rungs = tuple(
        Rung(rows[i], _position(rows[i].value, mine, theirs, up), rows[i].strength >= min_strength) for i in order
    )
    candidates = [r.criterion for r in rungs
                  if r.defensible and (mine is None or up * (r.criterion.value - mine) >= 0)]
    return CriteriaLadderResult(rungs, candidates[0] if candidates else None, mine, theirs, wants)
