"""Scarcity (lesson 10): accept the offer in hand, or ask for time and keep looking?

The model is the classic job-search problem with recall. You hold an offer; for each week you wait, it
costs you ``weekly_cost`` (pay you go without, fees, stress you can put a price on), and with chance
``weekly_chance`` another offer arrives, equally likely anywhere between ``likely_low`` and
``likely_high``. A salary counts for ``years`` years (how long a difference in pay lasts for you).

One more week of search is worth ``p * years * E[max(X - offer, 0)] - weekly_cost``. The **reservation
value** is the offer at which that is zero: accept any offer at or above it, wait below it. With recall
this one-week rule is also the best rule over the whole horizon, so the same number holds every week.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .checks import finite_number
from .money import money, percent

__all__ = ["WaitDecision", "expected_excess", "wait_or_accept"]


def expected_excess(threshold: float, low: float, high: float) -> float:
    """``E[max(X - threshold, 0)]`` for ``X`` uniform between ``low`` and ``high``.

    >>> expected_excess(75_000, 70_000, 80_000)
    1250.0
    """
    if threshold <= low:
        return (low + high) / 2 - threshold
    if threshold >= high:
        return 0.0
    return (high - threshold) ** 2 / (2 * (high - low))


@dataclass(frozen=True)
class WaitDecision:
    """What waiting is worth, the offer worth accepting now, and what searching up to the horizon brings."""

    offer: float
    weekly_chance: float
    likely_low: float
    likely_high: float
    weekly_cost: float
    weeks: int
    years: float

    def one_more_week(self, offer: float | None = None) -> float:
        """The expected value of searching one more week while holding ``offer`` (default: the one in hand)."""
        held = self.offer if offer is None else offer
        return self.weekly_chance * self.years * expected_excess(held, self.likely_low, self.likely_high) - self.weekly_cost

    @property
    def reservation(self) -> float | None:
        """The lowest offer worth accepting now (None when no other offer can come: then waiting only costs)."""
        if self.weekly_chance == 0:
            return None
        k = self.weekly_cost / (self.weekly_chance * self.years)  # the excess one week must bring to pay for itself
        low, high = self.likely_low, self.likely_high
        if k <= (high - low) / 2:
            return high - math.sqrt(2 * (high - low) * k)
        return (low + high) / 2 - k

    @property
    def accept_now(self) -> bool:
        return self.weeks == 0 or self.reservation is None or self.offer >= self.reservation

    @property
    def good_offer_chance(self) -> float:
        """The chance that a week brings an offer at or above the reservation value."""
        reservation = self.reservation
        if reservation is None:
            return 0.0
        above = np.clip((self.likely_high - reservation) / (self.likely_high - self.likely_low), 0, 1)
        return float(self.weekly_chance * above)

    @property
    def chance_of_better(self) -> float:
        """If you search, the chance of an offer at or above the reservation value before the horizon."""
        if self.accept_now:
            return 0.0
        return 1 - (1 - self.good_offer_chance) ** self.weeks

    @property
    def expected_weeks(self) -> float:
        """If you search, the expected number of weeks you wait."""
        if self.accept_now:
            return 0.0
        q = self.good_offer_chance
        return float(self.weeks) if q == 0 else (1 - (1 - q) ** self.weeks) / q

    @property
    def expected_salary(self) -> float:
        """The expected salary you end up with, following the rule (accept now, or search up to the horizon
        and then take the best offer you hold)."""
        if self.accept_now:
            return self.offer
        reservation, low, high = self.reservation, self.likely_low, self.likely_high
        good = (reservation + high) / 2 if reservation > low else (low + high) / 2  # E[X | X >= reservation]
        return self.chance_of_better * good + (1 - self.chance_of_better) * self._best_held_if_no_good_offer()

    def _best_held_if_no_good_offer(self) -> float:
        """E[max(offer, the offers below the reservation value)] given that no good offer came."""
        p, q, low, high = self.weekly_chance, self.good_offer_chance, self.likely_low, self.likely_high
        start, stop = self.offer, self.reservation
        if stop <= start:
            return start
        grid = np.linspace(start, stop, 4001)
        below = np.clip((grid - low) / (high - low), 0, 1)  # P(X <= m)
        # P(best held <= m): every week brings either no offer or one at or below m, given none was good.
        at_most = ((1 - p + p * below) / (1 - q)) ** self.weeks
        above_m = 1 - at_most
        return float(start + np.sum((above_m[1:] + above_m[:-1]) / 2 * np.diff(grid)))  # trapezoid rule

    @property
    def value_of_search(self) -> float:
        """What searching is worth over accepting now, counting the weeks' cost (0 when accepting now)."""
        if self.accept_now:
            return 0.0
        return self.years * (self.expected_salary - self.offer) - self.weekly_cost * self.expected_weeks

    def describe(self) -> str:
        """
        >>> wait_or_accept(65_000, 0.25, 64_000, 80_000, 1_250, weeks=8).describe()[:96]
        'Accept offers of $71,056 or more. The offer in hand ($65,000) is below that: ask for time and ke'
        """
        reservation = self.reservation
        week = self.one_more_week()
        if reservation is None:
            return (f"With no chance of another offer, each week of waiting only costs you {money(self.weekly_cost)}: "
                    f"the offer in hand ({money(self.offer)}) is worth taking if it beats your BATNA.")
        head = f"Accept offers of {money(reservation)} or more."
        if self.weeks == 0:
            return (f"With no time to wait, the offer in hand ({money(self.offer)}) is the one to weigh against your "
                    f"BATNA. With time to search, offers of {money(reservation)} or more would be worth accepting.")
        if self.accept_now:
            return (f"{head} The offer in hand ({money(self.offer)}) clears that: one more week of search is worth "
                    f"{money(week)} on average, so accept (or negotiate it up) rather than wait.")
        return (f"{head} The offer in hand ({money(self.offer)}) is below that: ask for time and keep looking. "
                f"One more week is worth {money(week)} on average; searching up to {self.weeks} weeks finds an offer "
                f"of {money(reservation)} or more with a chance of {percent(self.chance_of_better)}, and is worth "
                f"{money(self.value_of_search)} more than accepting now, after the waiting costs.")


def wait_or_accept(offer: float, weekly_chance: float, likely_low: float, likely_high: float, weekly_cost: float,
                   *, weeks: int = 8, years: float = 2.0) -> WaitDecision:
    """Weigh the offer in hand against searching for up to ``weeks`` more weeks.

    >>> decision = wait_or_accept(65_000, 0.25, 64_000, 80_000, 1_250, weeks=8)
    >>> round(decision.reservation), decision.accept_now
    (71056, False)
    >>> wait_or_accept(65_000, 1.5, 64_000, 80_000, 1_250)
    Traceback (most recent call last):
    ...
    ValueError: The weekly chance of another offer runs from 0% to 100%; 150% is outside.
    """
    held = finite_number(offer, "the offer in hand")
    if held <= 0:
        raise ValueError(f"The offer in hand must be a salary above $0, not {money(held)}.")
    chance = finite_number(weekly_chance, "the weekly chance of another offer")
    if not 0 <= chance <= 1:
        raise ValueError(f"The weekly chance of another offer runs from 0% to 100%; {percent(chance)} is outside.")
    low = finite_number(likely_low, "the low end of a likely offer")
    high = finite_number(likely_high, "the high end of a likely offer")
    if not 0 < low < high:
        raise ValueError(f"A likely offer runs from a lower to a higher salary, both above $0; "
                         f"{money(low)} to {money(high)} does not.")
    cost = finite_number(weekly_cost, "the weekly cost of waiting")
    if cost < 0:
        raise ValueError(f"The weekly cost of waiting is what a week costs you: $0 or more, not {money(cost)}.")
    horizon = finite_number(weeks, "the number of weeks you can wait")
    if horizon != int(horizon) or not 0 <= horizon <= 52:
        raise ValueError(f"Give the weeks you can wait as a whole number from 0 to 52, not {horizon:g}.")
    span = finite_number(years, "the years a salary difference lasts")
    if not 0 < span <= 40:
        raise ValueError(f"The years a difference in pay lasts for you must be above 0 and at most 40, not {span:g}.")
    return WaitDecision(held, chance, low, high, cost, int(horizon), span)
