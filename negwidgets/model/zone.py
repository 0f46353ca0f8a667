"""The ZOPA (zone of possible agreement) between two sides over one number, such as a salary.

A seller (a candidate selling her work) with reservation value ``s`` and a buyer (an employer) with
reservation value ``b`` can agree anywhere in ``[s, b]`` when ``s <= b``; otherwise no deal is possible.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .checks import capitalised, finite_number
from .money import money

__all__ = ["BargainingZone", "Party", "ZoneAnalysis", "analyse_zone", "bargaining_zone"]

Wants = Literal["more", "less"]


@dataclass(frozen=True)
class BargainingZone:
    """A non-empty zone of possible agreement ``[low, high]``.

    >>> zone = BargainingZone(70_000, 80_000)
    >>> zone.surplus, zone.midpoint, zone.contains(75_000)
    (10000.0, 75000.0, True)
    """

    low: float
    high: float

    def __post_init__(self) -> None:
        low = finite_number(self.low, "the bottom of the zone")
        high = finite_number(self.high, "the top of the zone")
        if low > high:
            raise ValueError(f"A zone cannot start at {money(low)} and end lower, at {money(high)}.")
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    @property
    def surplus(self) -> float:
        """The width of the zone: the value the two sides create by agreeing, to be divided between them."""
        return self.high - self.low

    @property
    def midpoint(self) -> float:
        return (self.low + self.high) / 2

    def contains(self, amount: float) -> bool:
        return self.low <= amount <= self.high

    def describe(self) -> str:
        return f"ZOPA: {money(self.low)} to {money(self.high)} (surplus {money(self.surplus)})"


def bargaining_zone(seller_reservation: float, buyer_reservation: float) -> BargainingZone | None:
    """The zone between a seller's minimum and a buyer's maximum, or ``None`` when there is none.

    >>> bargaining_zone(70_000, 80_000)
    BargainingZone(low=70000.0, high=80000.0)
    >>> bargaining_zone(82_000, 80_000) is None
    True
    """
    seller = finite_number(seller_reservation, "the seller's reservation value")
    buyer = finite_number(buyer_reservation, "the buyer's reservation value")
    if seller > buyer:
        return None
    return BargainingZone(seller, buyer)


@dataclass(frozen=True)
class Party:
    """One side's values: the worst deal it accepts (reservation) and the best it hopes for (aspiration).

    ``wants="more"`` is a side that receives the money (a candidate, a seller, a contractor);
    ``wants="less"`` is a side that pays it (an employer, a buyer, a client).

    >>> Party("Candidate", reservation=70_000, aspiration=85_000, wants="more").stretch
    15000.0
    >>> Party("Candidate", reservation=70_000, aspiration=65_000, wants="more")
    Traceback (most recent call last):
    ...
    ValueError: The candidate's aspiration value ($65,000) is below the candidate's reservation value ($70,000): aim at least as high as your walk-away point.
    """

    name: str
    reservation: float
    aspiration: float
    wants: Wants = "more"

    def __post_init__(self) -> None:
        who = f"the {self.name.lower()}'s" if self.name else "the"
        reservation = finite_number(self.reservation, f"{who} reservation value")
        aspiration = finite_number(self.aspiration, f"{who} aspiration value")
        if self.wants not in ("more", "less"):
            raise ValueError(f"A side wants either 'more' or 'less' money, not {self.wants!r}.")
        if self.wants == "more" and aspiration < reservation:
            raise ValueError(
                f"{capitalised(who)} aspiration value ({money(aspiration)}) is below {who} reservation value "
                f"({money(reservation)}): aim at least as high as your walk-away point."
            )
        if self.wants == "less" and aspiration > reservation:
            raise ValueError(
                f"{capitalised(who)} aspiration value ({money(aspiration)}) is above {who} reservation value "
                f"({money(reservation)}): a side that pays hopes to pay less than its limit, not more."
            )
        object.__setattr__(self, "reservation", reservation)
        object.__setattr__(self, "aspiration", aspiration)

    @property
    def stretch(self) -> float:
        """How far the aspiration reaches beyond the reservation value."""
        return abs(self.aspiration - self.reservation)


@dataclass(frozen=True)
class ZoneAnalysis:
    """Both sides' values and the zone between them (``zone`` is ``None`` when there is none)."""

    seller: Party
    buyer: Party
    zone: BargainingZone | None

    @property
    def gap(self) -> float:
        """How far apart the reservation values are when there is no zone (0 when there is one)."""
        return max(0.0, self.seller.reservation - self.buyer.reservation)

    @property
    def seller_best_deal(self) -> float | None:
        """The best deal the seller can reach: the buyer's reservation value (``None`` without a zone)."""
        return None if self.zone is None else self.zone.high

    @property
    def buyer_best_deal(self) -> float | None:
        return None if self.zone is None else self.zone.low

    def describe(self) -> str:
        """
        >>> analyse_zone(Party("Candidate", 70_000, 85_000, "more"),
        ...              Party("Employer", 80_000, 60_000, "less")).describe()
        'ZOPA: $70,000 to $80,000 (surplus $10,000). The candidate can get at most $80,000; the employer pays at least $70,000.'
        """
        seller, buyer = self.seller.name.lower(), self.buyer.name.lower()
        if self.zone is None:
            return (
                f"No zone: the {seller}'s reservation value ({money(self.seller.reservation)}) is "
                f"{money(self.gap)} above the {buyer}'s ({money(self.buyer.reservation)}). No deal is possible "
                "unless one side's alternatives change."
            )
        return (
            f"{self.zone.describe()}. The {seller} can get at most {money(self.zone.high)}; "
            f"the {buyer} pays at least {money(self.zone.low)}."
        )


def analyse_zone(first: Party, second: Party) -> ZoneAnalysis:
    """The zone between two sides given in either order: one must want more, the other less.

    >>> candidate = Party("Candidate", 70_000, 85_000, "more")
    >>> employer = Party("Employer", 80_000, 60_000, "less")
    >>> analyse_zone(candidate, employer) == analyse_zone(employer, candidate)
    True
    """
    if first.wants == second.wants:
        raise ValueError(
            f"Both sides want {first.wants} money: in a negotiation over a price one side receives it and "
            "the other pays it."
        )
    seller, buyer = (first, second) if first.wants == "more" else (second, first)
    return ZoneAnalysis(seller=seller, buyer=buyer, zone=bargaining_zone(seller.reservation, buyer.reservation))

