"""Three closed forms of bargaining theory, used in lesson 08 and by the bargaining engine.

* :func:`time_dependent_concession`: how far a side has conceded by time ``t`` (Faratin, Sierra &
  Jennings 1998), and :func:`concession_offer`, the offer that follows.
* :func:`rubinstein_share`: the first proposer's share of the surplus when both sides discount the
  future (Rubinstein 1982).
* :func:`nash_bargaining`: the price that maximises the product of the two sides' gains over their
  BATNAs (Nash 1950), optionally with concave (risk-averse) utilities.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .checks import capitalised, finite_number
from .money import money, percent
from .zone import bargaining_zone

__all__ = ["ConcessionSchedule", "NashSolution", "RubinsteinSplit", "rubinstein_split", "check_beta", "check_k", "concession_offer", "concession_schedule", "nash_bargaining", "rubinstein_share",
           "time_dependent_concession"]


def check_beta(beta: float) -> float:
    """A concession exponent ``beta`` (0 for a hardliner, below 1 Boulware, 1 linear, above 1 Conceder).

    >>> check_beta(-1)
    Traceback (most recent call last):
    ...
    ValueError: The concession exponent beta must be 0 or more (0 never concedes, 1 concedes evenly, above 1 concedes early); -1 is not.
    """
    value = finite_number(beta, "the concession exponent beta")
    if value < 0:
        raise ValueError("The concession exponent beta must be 0 or more (0 never concedes, 1 concedes evenly, "
                         f"above 1 concedes early); {value:g} is not.")
    return value


def check_k(k: float) -> float:
    """The share of the stretch conceded at once, before any time passes: from 0 to 1."""
    value = finite_number(k, "the initial concession k")
    if not 0 <= value <= 1:
        raise ValueError(f"The initial concession k is a share of the stretch between 0 (open at your aspiration) "
                         f"and 1 (open at your reservation value); {value:g} is outside.")
    return value


def time_dependent_concession(t, beta: float, k: float = 0.0):
    """The share of its stretch a side has conceded at time ``t`` (0 at the start, 1 at the deadline).

    ``f(t) = k + (1 - k) * t ** (1 / beta)``. ``beta < 1`` is Boulware (holds firm, concedes late),
    ``beta = 1`` linear, ``beta > 1`` Conceder (concedes early). ``beta = 0`` is the hardliner, the limit
    of ever smaller ``beta``: it never moves from ``k``, not even at the deadline.

    >>> float(time_dependent_concession(0.5, beta=1.0))
    0.5
    >>> [round(float(time_dependent_concession(0.5, b)), 3) for b in (0.2, 1.0, 5.0)]
    [0.031, 0.5, 0.871]
    >>> float(time_dependent_concession(0.9, beta=0))
    0.0
    """
    b, k0 = check_beta(beta), check_k(k)
    times = np.asarray(t, dtype=float)
    if not np.all(np.isfinite(times)) or np.any((times < 0) | (times > 1)):
        raise ValueError("Time runs from 0 (the first round) to 1 (the deadline): every t must lie in [0, 1].")
    if b == 0:
        return np.full_like(times, k0) if times.ndim else np.float64(k0)
    return k0 + (1 - k0) * times ** (1 / b)


def concession_offer(t, reservation: float, aspiration: float, beta: float, k: float = 0.0):
    """The offer at time ``t``: ``reservation + (aspiration - reservation) * (1 - f(t))``.

    It works for either side: a candidate's aspiration lies above her reservation value, an
    employer's below its own.

    >>> concession_offer(0.5, 70_000, 85_000, beta=1.0)
    77500.0
    >>> concession_offer(1.0, 80_000, 60_000, beta=0.2)
    80000.0
    """
    r = finite_number(reservation, "the reservation value")
    a = finite_number(aspiration, "the aspiration value")
    offer = r + (a - r) * (1 - time_dependent_concession(t, beta, k))
    return float(offer) if np.ndim(offer) == 0 else offer


def tactic_family(beta: float) -> str:
    """The name of a time-dependent tactic with exponent ``beta``.

    >>> [tactic_family(b) for b in (0, 0.3, 1, 4)]
    ['hardliner', 'Boulware', 'linear', 'Conceder']
    """
    return "hardliner" if beta == 0 else "Boulware" if beta < 1 else "linear" if beta == 1 else "Conceder"


@dataclass(frozen=True)
class ConcessionSchedule:
    """A time-dependent side's offers, one per round from the first (t = 0) to the deadline (t = 1)."""

    beta: float
    k: float
    reservation: float
    aspiration: float
    times: np.ndarray
    offers: np.ndarray

    @property
    def halfway_share(self) -> float:
        """The share of the stretch conceded by the halfway point."""
        return float(time_dependent_concession(0.5, self.beta, self.k))

    def describe(self) -> str:
        """
        >>> concession_schedule(0.2).describe()
        'Boulware (beta = 0.2): by half time 3% of the $15,000 stretch is conceded (an offer of $84,531); the offers run from $85,000 to $70,000, the reservation value.'
        """
        stretch = abs(self.aspiration - self.reservation)
        halfway = concession_offer(0.5, self.reservation, self.aspiration, self.beta, self.k)
        end = ("the reservation value" if self.offers[-1] == self.reservation
               else f"{percent(1 - abs(self.offers[-1] - self.reservation) / stretch)} of the way to the reservation value")
        return (f"{capitalised(tactic_family(self.beta))} (beta = {self.beta:g}): by half time "
                f"{percent(self.halfway_share)} of the {money(stretch)} stretch is conceded (an offer of "
                f"{money(halfway)}); the offers run from {money(self.offers[0])} to {money(self.offers[-1])}, {end}.")


def concession_schedule(beta: float, k: float = 0.0, *, reservation: float = 70_000, aspiration: float = 85_000,
                        rounds: int = 10) -> ConcessionSchedule:
    """The offers of a time-dependent side over ``rounds`` offers (defaults: the running example's candidate).

    >>> concession_schedule(1.0, rounds=4).offers.tolist()
    [85000.0, 80000.0, 75000.0, 70000.0]
    """
    if isinstance(rounds, bool) or not isinstance(rounds, (int, np.integer)) or not 2 <= rounds <= 200:
        raise ValueError(f"The number of offers to the deadline is a whole number from 2 to 200, not {rounds!r}.")
    times = np.linspace(0.0, 1.0, rounds)
    offers = concession_offer(times, reservation, aspiration, beta, k)
    return ConcessionSchedule(check_beta(beta), check_k(k), finite_number(reservation, "the reservation value"),
                              finite_number(aspiration, "the aspiration value"), times, offers)


def rubinstein_share(d1: float, d2: float) -> float:
    """The first proposer's share of the surplus in Rubinstein's alternating-offers game.

    Each side values a deal one round later at ``d`` times its value now (its discount factor, or
    patience). With an infinite horizon the unique equilibrium gives the first proposer
    ``(1 - d2) / (1 - d1 * d2)`` at once; the other side accepts.

    >>> round(rubinstein_share(0.9, 0.9), 4)
    0.5263
    >>> rubinstein_share(0.0, 0.9)  # an impatient proposer still gets what the patient side's wait costs it
    0.09999999999999998
    """
    a = finite_number(d1, "the proposer's discount factor")
    b = finite_number(d2, "the responder's discount factor")
    for name, value in (("proposer's", a), ("responder's", b)):
        if not 0 <= value < 1:
            raise ValueError(f"The {name} discount factor must lie in [0, 1): a deal one round later is worth that "
                             f"share of a deal now (1 would mean waiting costs nothing); {value:g} is outside.")
    return (1 - b) / (1 - a * b)


def _zone_to_split(seller_reservation: float, buyer_reservation: float):
    """The zone a bargaining solution divides, or a sentence saying why there is none."""
    zone = bargaining_zone(seller_reservation, buyer_reservation)
    if zone is None:
        raise ValueError(f"There is no zone: the seller's reservation value ({money(seller_reservation)}) is above "
                         f"the buyer's ({money(buyer_reservation)}), so no price leaves both sides better off than "
                         "their BATNAs.")
    return zone


@dataclass(frozen=True)
class RubinsteinSplit:
    """Rubinstein's equilibrium applied to a zone: the first proposer's share and the price it gives."""

    seller_reservation: float
    buyer_reservation: float
    proposer: str
    share: float  # the proposer's share of the surplus

    @property
    def price(self) -> float:
        surplus = self.buyer_reservation - self.seller_reservation
        if self.proposer == "seller":
            return self.seller_reservation + self.share * surplus
        return self.buyer_reservation - self.share * surplus

    def describe(self) -> str:
        """
        >>> rubinstein_split(70_000, 80_000, 0.9, 0.9).describe()
        'Proposing first, the seller gets 53% of the $10,000 surplus: a price of $75,263.'
        """
        surplus = self.buyer_reservation - self.seller_reservation
        return (f"Proposing first, the {self.proposer} gets {percent(self.share)} of the {money(surplus)} surplus: "
                f"a price of {money(self.price)}.")


def rubinstein_split(seller_reservation: float, buyer_reservation: float, d_proposer: float, d_responder: float,
                     proposer: str = "seller") -> RubinsteinSplit:
    """:func:`rubinstein_share` applied to the zone between two reservation values.

    >>> round(rubinstein_split(70_000, 80_000, 0.9, 0.9, proposer="buyer").price)
    74737
    """
    if proposer not in ("seller", "buyer"):
        raise ValueError(f"The first proposer is the 'seller' or the 'buyer', not {proposer!r}.")
    zone = _zone_to_split(seller_reservation, buyer_reservation)
    return RubinsteinSplit(zone.low, zone.high, proposer, rubinstein_share(d_proposer, d_responder))


@dataclass(frozen=True)
class NashSolution:
    """The Nash bargaining solution over one price between a seller and a buyer."""

    seller_reservation: float
    buyer_reservation: float
    price: float
    seller_exponent: float
    buyer_exponent: float

    @property
    def seller_gain(self) -> float:
        return self.price - self.seller_reservation

    @property
    def buyer_gain(self) -> float:
        return self.buyer_reservation - self.price

    @property
    def seller_share(self) -> float:
        return self.seller_gain / (self.buyer_reservation - self.seller_reservation)

    def describe(self) -> str:
        """
        >>> nash_bargaining(70_000, 80_000).describe()
        'Nash solution: $75,000, the middle of the zone: each side gains $5,000 over its BATNA.'
        """
        if self.seller_exponent == self.buyer_exponent:
            return (f"Nash solution: {money(self.price)}, the middle of the zone: each side gains "
                    f"{money(self.seller_gain)} over its BATNA.")
        return (f"Nash solution: {money(self.price)}: the seller gains {money(self.seller_gain)} "
                f"({percent(self.seller_share)} of the surplus), the buyer {money(self.buyer_gain)}.")


def nash_bargaining(seller_reservation: float, buyer_reservation: float, *, seller_exponent: float = 1.0,
                    buyer_exponent: float = 1.0) -> NashSolution:
    """The price maximising ``(u_seller - d_seller) * (u_buyer - d_buyer)`` over the zone.

    Each side's utility is its gain over its BATNA raised to an exponent in (0, 1]: 1 is linear
    (risk-neutral), smaller is more risk-averse. Maximising ``a_s ln(p - s) + a_b ln(b - p)`` gives the
    closed form ``p = s + a_s / (a_s + a_b) * (b - s)``: with linear utilities, the midpoint of the zone;
    the more risk-averse side gets less.

    >>> nash_bargaining(70_000, 80_000).price
    75000.0
    >>> round(nash_bargaining(70_000, 80_000, seller_exponent=0.5).price)
    73333
    >>> nash_bargaining(82_000, 80_000)
    Traceback (most recent call last):
    ...
    ValueError: There is no zone: the seller's reservation value ($82,000) is above the buyer's ($80,000), so no price leaves both sides better off than their BATNAs.
    """
    zone = _zone_to_split(seller_reservation, buyer_reservation)
    exponents = []
    for who, value in (("seller's", seller_exponent), ("buyer's", buyer_exponent)):
        a = finite_number(value, f"the {who} utility exponent")
        if not 0 < a <= 1:
            raise ValueError(f"The {who} utility exponent must lie in (0, 1]: 1 is risk-neutral, smaller is more "
                             f"risk-averse; {a:g} is outside.")
        exponents.append(a)
    a_s, a_b = exponents
    price = zone.low + a_s / (a_s + a_b) * zone.surplus
    return NashSolution(zone.low, zone.high, price, a_s, a_b)
