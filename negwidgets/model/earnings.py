"""The cost of not negotiating (lesson 10): a difference in starting pay, carried by every later raise.

Year 1 pays the starting salary; every later year pays the year before plus the yearly raise. Two careers
that differ only in the starting salary therefore differ by ``D * (1 + g) ** (y - 1)`` in year ``y``, and
over ``n`` years by ``D * ((1 + g) ** n - 1) / g`` in total. Saving that difference each year at a
return ``r`` grows it to ``D * ((1 + r) ** n - (1 + g) ** n) / (r - g)`` by the end of the career.

Both are sums of dollars of different years (nominal, before tax). What the stream is worth *today* is
its present value at a discount rate ``d``, each year's difference paid at the end of its year:
``sum(D * (1 + g) ** (y - 1) / (1 + d) ** y)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .checks import finite_number
from .money import money, percent, percent_precise

__all__ = ["EarningsGap", "MAX_CAREER_YEARS", "cost_of_not_negotiating"]

MAX_CAREER_YEARS = 60


@dataclass(frozen=True)
class EarningsGap:
    """Two careers side by side: accepting the first offer, and negotiating a higher start."""

    first_offer: float
    negotiated: float
    yearly_raise: float
    years: int
    savings_return: float | None
    saved_share: float
    discount_rate: float | None
    difference: np.ndarray = field(repr=False, compare=False)  # year by year, year 1 first (follows from the rest)
    savings: np.ndarray | None = field(repr=False, compare=False)  # the balance at the end of each year, if saving

    @property
    def starting_difference(self) -> float:
        return self.negotiated - self.first_offer

    @property
    def starting_gain(self) -> float:
        """The negotiated raise on the first offer, as a fraction."""
        return self.starting_difference / self.first_offer

    @property
    def total(self) -> float:
        """Extra pay over the whole career (before tax, not invested)."""
        return float(self.difference.sum())

    @property
    def last_year(self) -> float:
        return float(self.difference[-1])

    @property
    def present_value(self) -> float | None:
        """What the extra pay is worth today at ``discount_rate`` (None without a rate)."""
        if self.discount_rate is None:
            return None
        years = np.arange(1, self.years + 1)
        return float((self.difference / (1 + self.discount_rate) ** years).sum())

    @property
    def invested(self) -> float | None:
        """What saving the extra pay grows to by the end of the career (None if not saving)."""
        return None if self.savings is None else float(self.savings[-1])

    def describe(self) -> str:
        """
        >>> cost_of_not_negotiating(70_000, 75_000, yearly_raise=0.03, years=30).describe()[:100]
        'Negotiating $5,000 more at the start (7.1%) adds $237,877 of pay over 30 years: the gap grows from $'
        """
        text = (f"Negotiating {money(self.starting_difference)} more at the start ({percent_precise(self.starting_gain)}) "
                f"adds {money(self.total)} of pay over {self.years} year{'s' * (self.years != 1)}")
        if self.yearly_raise == 0 or self.years == 1:
            text += f": {money(self.starting_difference)} a year."
        else:
            text += (f": the gap {'grows' if self.yearly_raise > 0 else 'shrinks'} from {money(self.starting_difference)} "
                     f"in year 1 to {money(self.last_year)} in year {self.years} with "
                     f"{percent_precise(self.yearly_raise)} raises.")
        if self.invested is not None:
            share = "the extra pay" if self.saved_share == 1 else f"{percent(self.saved_share)} of the extra pay"
            text += (f" Saving {share} at {percent_precise(self.savings_return)} a year grows to "
                     f"{money(self.invested)} by the end.")
        if self.present_value is not None:
            text += (f" Counted in today's dollars (a {percent_precise(self.discount_rate)} discount rate), "
                     f"the extra pay is worth {money(self.present_value)} now.")
        return text


def cost_of_not_negotiating(first_offer: float, negotiated: float, *, yearly_raise: float = 0.03,
                            years: int = 35, savings_return: float | None = None,
                            saved_share: float = 1.0, discount_rate: float | None = None) -> EarningsGap:
    """Compare a career that starts at ``first_offer`` with one that starts at ``negotiated``.

    >>> gap = cost_of_not_negotiating(70_000, 75_180, yearly_raise=0.03, years=35, discount_rate=0.05)
    >>> round(gap.total), round(gap.present_value)
    (313194, 126877)
    >>> cost_of_not_negotiating(70_000, 75_000, years=-5)
    Traceback (most recent call last):
    ...
    ValueError: A career lasts at least 1 year; -5 years is not a career length.
    """
    offer = finite_number(first_offer, "the first offer")
    better = finite_number(negotiated, "the negotiated salary")
    if offer <= 0:
        raise ValueError(f"The first offer must be a salary above $0, not {money(offer)}.")
    if better < offer:
        raise ValueError(f"The negotiated salary ({money(better)}) is below the first offer ({money(offer)}): "
                         "negotiating starts from the offer, so give a number at or above it.")
    growth = finite_number(yearly_raise, "the yearly raise")
    if not -0.2 <= growth <= 0.5:
        raise ValueError(f"A yearly raise of {percent(growth)} is outside what this calculator handles "
                         "(-20% to 50%); typical raises are 2% to 5%, typed as 0.03 or 3%.")
    length = finite_number(years, "the career length")
    if length != int(length):
        raise ValueError(f"Give the career length in whole years, not {length:g}.")
    if length < 1:
        raise ValueError(f"A career lasts at least 1 year; {length:g} years is not a career length.")
    if length > MAX_CAREER_YEARS:
        raise ValueError(f"A career of {length:g} years is longer than this calculator handles "
                         f"({MAX_CAREER_YEARS} at most).")
    length = int(length)
    difference = (better - offer) * (1 + growth) ** np.arange(length)
    savings = None
    if savings_return is not None:
        rate = finite_number(savings_return, "the return on savings")
        if not -0.5 < rate <= 0.3:
            raise ValueError(f"A yearly return of {percent(rate)} is outside what this calculator handles "
                             "(above -50%, at most 30%); long-run returns of 3% to 7% are typical.")
        share = finite_number(saved_share, "the share of the extra pay you save")
        if not 0 <= share <= 1:
            raise ValueError(f"The share of the extra pay you save runs from 0% to 100%; {percent(share)} is outside.")
        savings_return, saved_share = rate, share
        balances = np.empty(length)
        balance = 0.0
        for year, extra in enumerate(difference):  # a year's saving earns interest from the next year on
            balance = balance * (1 + rate) + share * extra
            balances[year] = balance
        savings = balances
    discount = None
    if discount_rate is not None:
        discount = finite_number(discount_rate, "the discount rate")
        if not 0 <= discount <= 0.3:
            raise ValueError(f"A discount rate of {percent(discount)} is outside what this calculator handles "
                             "(0% to 30%); 3% to 7% is typical.")
    return EarningsGap(offer, better, growth, length, savings_return, float(saved_share), discount, difference,
                       savings)
