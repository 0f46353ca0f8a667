"""Lesson 11's chart: what deciding later is worth, day by day, against accepting an exploding offer now."""

from __future__ import annotations

import numpy as np

from ..model.money import money_short
from .base import COLOURS, Chart
from .charts import _MONEY_AXIS, _nice_ceiling
from .stamps import axis_stamps, stamp_layer

__all__ = ["ExplodingOfferChart"]


class ExplodingOfferChart(Chart):
    """A step line of the expected value of deciding on each day (it rises on the days news arrives), the
    offer in hand, the value of letting it expire, the deadline and the extension you might ask for."""

    height_in = 3.4
    shared_background = True   # frame, legend: the same for every chart (the axes, which move, are stamped)

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        (self.steps,) = ax.plot([], [], drawstyle="steps-post", color=COLOURS["you"], linewidth=2.5,
                                label="Decide on this day")
        self.offer = ax.axhline(0, color=COLOURS["them"], linestyle="--", linewidth=1.5, label="Accept now")
        self.expire = ax.axhline(0, color=COLOURS["neutral"], linestyle=":", linewidth=1.8, label="Let it expire")
        self.deadline = ax.axvline(0, color=COLOURS["risk"], linewidth=1.5)
        (self.marks,) = ax.plot([], [], marker="o", markersize=8, color=COLOURS["you"], markeredgecolor="black",
                                linestyle="none")
        self.deadline_text = ax.text(0, 0, "", fontsize=8, ha="left", va="bottom", color=COLOURS["risk"])
        for artist in (self.steps, self.offer, self.expire, self.deadline, self.marks, self.deadline_text):
            self.dynamic(artist)
        # The extension's shaded span, drawn last; moved on each update (not made again).
        self.extension = self.dynamic(ax.axvspan(0, 0, color=COLOURS["zone"], alpha=0.12, linewidth=0))
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Day you decide (days from today)")
        ax.set_ylabel("Expected value")
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="lower right", fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.13, right=0.97, top=0.88, bottom=0.15)
        # The values move the y axis and the days the x axis (a background each): each axis is stamped over the one
        # background instead, its pixels kept for each of its limits.
        self.stamps = axis_stamps(ax.xaxis, ax.yaxis)
        stamp_layer(self, self.stamps)   # first: over the background, under the lines

    def static_key(self):
        return ()   # the same for every chart: the axes are stamped

    def update(self, decision) -> str:
        end_of_extension = decision.deadline + decision.extension_days
        last = max([end_of_extension, *decision.decision_days()]) + 2
        days = [d for d in decision.decision_days() if d <= last] + [last]
        values = [decision.value_of_deciding_on(day) for day in days]
        self.steps.set_data(days, values)
        self.offer.set_ydata([decision.accept_now] * 2)
        self.expire.set_ydata([decision.let_expire] * 2)
        self.deadline.set_xdata([decision.deadline] * 2)
        self.marks.set_data([decision.deadline, end_of_extension], [decision.at_deadline, decision.with_extension])
        shown = [*values, decision.offer, decision.let_expire]
        lowest, highest = min(shown), max(shown)
        # Out to a round step of about a quarter of the range ($2,000 for $6k): typing a chance or moving the offer
        # a little keeps the axes and their ticks, so the background is not drawn again (half an order of
        # magnitude, $500 for $6k, changed it on every other move).
        step = _nice_ceiling(max(highest - lowest, 1.0) / 4)
        low, high = np.floor(lowest / step) * step, np.ceil(highest / step) * step
        pad = 0.08 * max(high - low, 1.0)
        self.ax.set_xlim(-0.5, 5 * np.ceil(last / 5) + 0.5)  # in steps of 5 days: the axis rarely moves
        self.ax.set_ylim(low - pad, high + pad)
        self.extension.set_x(decision.deadline)
        self.extension.set_width(end_of_extension - decision.deadline)
        self.deadline_text.set_position((decision.deadline + 0.2, low - pad * 0.6))
        self.deadline_text.set_text(f"deadline (day {decision.deadline})")
        best = decision.best
        self.set_title(f"{best}: {money_short(decision.strategies[best])} on average "
                       f"(accepting now: {money_short(decision.offer)})")
        self.caption = (
            f"Step line of the expected value of deciding on each day, from {money_short(values[0])} today to "
            f"{money_short(values[-1])} on day {days[-1]:g}; the offer in hand is {money_short(decision.offer)}, letting "
            f"it expire is worth {money_short(decision.let_expire)}; the deadline is day {decision.deadline} and an "
            f"extension would move it to day {end_of_extension}."
        )
        return self.caption
