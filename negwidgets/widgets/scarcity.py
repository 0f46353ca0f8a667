"""Lesson 10's widgets: the lifetime cost of not negotiating, and wait or accept under pressure."""

from __future__ import annotations

import ipywidgets as widgets

from ..model import cost_of_not_negotiating, wait_or_accept
from ..model.earnings import MAX_CAREER_YEARS
from ..plots import EarningsChart, WaitChart
from .base import ModelView, int_slider, labelled, money_slider, number_slider, percent_slider, range_slider

__all__ = ["LifetimeEarnings", "WaitOrAccept"]


class LifetimeEarnings(ModelView):
    """Accept the first offer, or negotiate a higher start: the gap over a career, and what saving it grows to.

    >>> calculator = LifetimeEarnings()
    >>> round(calculator.result.total)
    313194
    """

    chart_class = EarningsChart

    def __init__(self, first_offer: float = 70_000, negotiated: float = 75_180, *, yearly_raise: float = 0.03,
                 years: int = 35, savings_return: float | None = 0.05, discount_rate: float = 0.05):
        self.first_offer = money_slider("First offer", first_offer, 20_000, 200_000, step=500)
        self.negotiated = money_slider("Negotiated starting salary", negotiated, 20_000, 220_000, step=10)
        self.yearly_raise = percent_slider("Yearly raise", yearly_raise, 0, 0.1, step=0.0025)
        self.years = int_slider("Career length (years)", years, 1, MAX_CAREER_YEARS)
        self.saving = labelled(widgets.Checkbox, "Save the extra pay", value=savings_return is not None)
        self.savings_return = percent_slider("Return on savings", 0.05 if savings_return is None else savings_return,
                                             0, 0.1, step=0.0025)
        # What the extra pay is worth today: the sums above add dollars of different years.
        self.discount_rate = percent_slider("Discount rate (today's dollars)", discount_rate, 0, 0.1, step=0.0025)
        super().__init__([self.first_offer, self.negotiated, self.yearly_raise, self.years, self.saving,
                          self.savings_return, self.discount_rate])
        self.explain_clamped(years, self.years, lambda value: cost_of_not_negotiating(1, 1, years=value))

    def compute(self):
        self.savings_return.disabled = not self.saving.value
        return cost_of_not_negotiating(self.first_offer.value, self.negotiated.value,
                                       yearly_raise=self.yearly_raise.value, years=self.years.value,
                                       savings_return=self.savings_return.value if self.saving.value else None,
                                       discount_rate=self.discount_rate.value)


class WaitOrAccept(ModelView):
    """You hold an offer, and rent is due: is another week of search worth it? The offer worth accepting
    now follows from the weekly chance of another offer, its likely range and what a week of waiting costs.

    >>> decision = WaitOrAccept()
    >>> round(decision.result.reservation), decision.result.accept_now
    (71056, False)
    """

    chart_class = WaitChart

    def __init__(self, offer: float = 65_000, weekly_chance: float = 0.25, likely: tuple[float, float] = (64_000, 80_000),
                 weekly_cost: float = 1_250, *, weeks: int = 8, years: float = 2):
        self.offer = money_slider("Offer in hand", offer, 30_000, 150_000, step=500)
        self.weekly_chance = percent_slider("Weekly chance of another offer", weekly_chance, 0, 1, step=0.01)
        self.likely = range_slider("A new offer would likely pay", likely, 30_000, 150_000, step=500, kind="money")
        self.weekly_cost = money_slider("What a week of waiting costs you", weekly_cost, 0, 5_000, step=50)
        self.weeks = int_slider("Weeks you can wait", weeks, 0, 52)
        self.years = number_slider("Years a pay difference lasts", years, 0.5, 10, step=0.5)
        super().__init__([self.offer, self.weekly_chance, self.likely, self.weekly_cost, self.weeks, self.years])
        self.explain_clamped(weeks, self.weeks, lambda value: wait_or_accept(1, 0, 1, 2, 0, weeks=value))

    def compute(self):
        low, high = self.likely.value
        return wait_or_accept(self.offer.value, self.weekly_chance.value, low, high, self.weekly_cost.value,
                              weeks=self.weeks.value, years=self.years.value)
