"""The charts of lesson 08: concession curves, the negotiation dance, and practice results over games."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..model.money import money_short, percent
from ..model.theory import time_dependent_concession
from .base import COLOURS, Chart, label
from .charts import _MONEY_AXIS, _outward, _padded

__all__ = ["ConcessionChart", "DanceChart", "ProgressChart"]

_REFERENCE = {"Boulware (beta 0.2)": 0.2, "Linear (beta 1)": 1.0, "Conceder (beta 5)": 5.0}


class ConcessionChart(Chart):
    """The chosen tactic's offers by time against the Boulware, linear and Conceder curves."""

    height_in = 3.55

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        t = np.linspace(0, 1, 201)
        for (name, beta), style in zip(_REFERENCE.items(), (":", "--", "-.")):
            # Shares of the stretch still held, drawn in the background: they never change.
            ax.plot(t, 1 - time_dependent_concession(t, beta), color=COLOURS["neutral"], linestyle=style,
                    linewidth=1.2, label=name)
        (self.curve,) = ax.plot([], [], color=COLOURS["you"], linewidth=2.5, label="Your tactic")
        (self.points,) = ax.plot([], [], marker="o", markersize=5, color=COLOURS["you"], linestyle="none",
                                 label="Offers, one per round")
        self.dynamic(self.curve)
        self.dynamic(self.points)
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.03, 1.05)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: label(percent(v))))
        ax.set_xlabel("Time used, from the first offer to the deadline")
        self.money_ax = ax.twinx()
        self.money_ax.yaxis.set_major_formatter(_MONEY_AXIS)
        self.money_ax.set_ylabel("Offer")
        ax.set_ylabel("Stretch still held")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: label(percent(v))))
        ax.spines[["top"]].set_visible(False)
        # Below the axes: inside them it lay over the Conceder curve.
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.19), ncol=3, fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.12, right=0.86, top=0.89, bottom=0.3)

    def static_key(self):
        return super().static_key() + (self.money_ax.get_ylim(),)

    def update(self, schedule) -> str:
        r, a = schedule.reservation, schedule.aspiration
        t = np.linspace(0, 1, 201)
        self.curve.set_data(t, 1 - time_dependent_concession(t, schedule.beta, schedule.k))
        held = (schedule.offers - r) / (a - r) if a != r else np.zeros_like(schedule.offers)
        self.points.set_data(schedule.times, held)
        # The money axis maps the same heights: 0 is the reservation value, 1 the aspiration.
        low, high = self.ax.get_ylim()
        self.money_ax.set_ylim(r + low * (a - r), r + high * (a - r))
        self.set_title(f"Beta {schedule.beta:g}: {percent(schedule.halfway_share)} of the stretch conceded by "
                       "half time")
        self.caption = (f"Curve of the share of the stretch still held over time for beta {schedule.beta:g}, with "
                        f"{len(schedule.offers)} offers from {money_short(schedule.offers[0])} to "
                        f"{money_short(schedule.offers[-1])}, beside the Boulware, linear and Conceder curves.")
        return self.caption


class DanceChart(Chart):
    """Both sides' offers round by round, the zone shaded, the deal starred."""

    height_in = 3.3

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        self.zone = self.dynamic(ax.axhspan(0, 0, color=COLOURS["zone"], alpha=0.2, linewidth=0, label="ZOPA"))
        (self.first,) = ax.plot([], [], marker="o", color=COLOURS["you"], linewidth=2)
        (self.second,) = ax.plot([], [], marker="s", color=COLOURS["them"], linewidth=2)
        (self.deal,) = ax.plot([], [], marker="*", markersize=18, color=COLOURS["risk"], linestyle="none",
                               label="Deal")
        for artist in (self.first, self.second, self.deal):
            self.dynamic(artist)
        self.legend = None
        self._names = None
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("Offer number (both sides alternate)")
        ax.set_ylabel("Salary offered (US dollars)")
        ax.spines[["top", "right"]].set_visible(False)
        self.figure.subplots_adjust(left=0.13, right=0.97, top=0.88, bottom=0.17)

    def static_key(self):
        return super().static_key() + (self._names,)

    def update(self, dance) -> str:
        """Draw a model ``Dance`` (or anything with a ``dance()`` method: a trace, a debrief)."""
        dance = dance.dance() if hasattr(dance, "dance") else dance
        if dance.names != self._names:
            self.first.set_label(dance.names[0])
            self.second.set_label(dance.names[1])
            if self.legend is not None:
                self.legend.remove()
            self.legend = self.ax.legend(handles=[self.first, self.second, self.zone, self.deal], loc="upper right",
                                         fontsize=8, framealpha=0.9)
            self._names = dance.names
        values = []
        for line, offers in zip((self.first, self.second), dance.offers):
            xs = [r + 1 for r, _ in offers]
            ys = [v for _, v in offers]
            line.set_data(xs, ys)
            values += ys
        if dance.zone is not None:
            self.zone.set_visible(True)
            self.zone.set_y(dance.zone.low)
            self.zone.set_height(dance.zone.surplus)
            values += [dance.zone.low, dance.zone.high]
        else:
            self.zone.set_visible(False)
        if dance.price is not None:
            last = max(r for offers in dance.offers for r, _ in offers) + 1
            self.deal.set_data([last], [dance.price])
        else:
            self.deal.set_data([], [])
        # In steps of 5 offers: moving the deadline then redraws only the dance, not the axes.
        self.ax.set_xlim(0.5, 5 * np.ceil(dance.rounds / 5) + 0.5)
        if values:
            self.ax.set_ylim(*_outward(*_padded(values, 0.08)))  # rounded outwards: the axes rarely change
        self.set_title(dance.headline)
        zone = ("no zone" if dance.zone is None
                else f"the zone from {money_short(dance.zone.low)} to {money_short(dance.zone.high)} shaded")
        self.caption = (f"Offers by round: {dance.names[0]} made {len(dance.offers[0])}, {dance.names[1]} made "
                        f"{len(dance.offers[1])}, out of {dance.rounds} before the deadline; {zone}. "
                        f"{dance.headline}.")
        return self.caption


class ProgressChart(Chart):
    """Your share of the surplus in each practice game."""

    height_in = 2.6
    width_in = 6.0

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        self._bars: list = []
        ax.set_ylim(0, 1.05)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: label(percent(v))))
        ax.set_ylabel("Your share of the zone")
        ax.set_xlabel("Game")
        ax.axhline(0.5, color=COLOURS["neutral"], linestyle="--", linewidth=1)
        ax.spines[["top", "right"]].set_visible(False)
        self.figure.subplots_adjust(left=0.14, right=0.97, top=0.86, bottom=0.2)

    def static_key(self):
        return super().static_key() + (tuple(self.ax.get_xticks()),)

    def update(self, history) -> str:
        for artist in self._bars:
            self.forget(artist)
        self._bars = []
        n = len(history)
        self.ax.set_xlim(0.4, max(n, 3) + 0.6)
        self.ax.set_xticks(range(1, max(n, 3) + 1))
        for game, (debrief, share) in enumerate(zip(history.debriefs, history.shares), start=1):
            if np.isnan(share):
                text = "no zone" if debrief.zone is None else "no deal"
                self._bars.append(self.dynamic(self.ax.text(game, 0.04, text, ha="center", fontsize=8)))
            else:
                bar = self.ax.bar([game], [share], color=COLOURS["you"], width=0.6)[0]
                self._bars.append(self.dynamic(bar))
                self._bars.append(self.dynamic(self.ax.text(game, share + 0.02, percent(share), ha="center",
                                                            fontsize=8)))
        self.set_title(history.headline)
        games = f"each of {n} games" if n != 1 else "1 game"
        self.caption = f"Bars of your share of the zone in {games}; the dashed line marks an even split."
        return self.caption
