"""Lesson 16's start-up package figure: lesson 09's chart of packages against the Pareto frontier, with the
department's first offer, the trades from it and your three offers (MESOs). Your weights change your points, so
the cloud of packages and the frontier move with every change; the axes stay put (your points run from 0 to 100,
the department's do not depend on your weights)."""

from __future__ import annotations

import numpy as np

from ..model.scoring import points_text
from .base import COLOURS
from .deals import ParetoChart, _score_pairs

__all__ = ["StartupPackageChart"]


def _shown(value: float) -> str:
    return points_text(round(float(value), 1))


def _count(n: int, noun: str) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six")
    return f"{words[n] if n < len(words) else n} {noun}{'s' * (n != 1)}"


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


class StartupPackageChart(ParetoChart):
    """Every package of the start-up case as a dot (yours across, the department's up), the frontier, the first
    offer and what beats it for both, the trades from it and your three offers; built from one result's system."""

    height_in = 4.0   # lesson 09's is 4.4: a smaller picture is encoded and sent faster on every move

    def __init__(self, system, department_range: tuple[float, float]) -> None:
        low, high = department_range
        self._min_font: float | None = None
        super().__init__(system, limits=((0, 100), (min(0, low), high)))
        ax = self.ax
        # The packages move with your weights: drawn first on every update, under the markers.
        moving = [artist for artist in (self.cloud, self.frontier_line) if artist is not None]
        for artist in moving:
            artist.set_animated(True)
        self._dynamic[:0] = moving
        for marker in (self.nash, self.ks):   # the department's points are an estimate: no bargaining points here
            marker.set_label("_nolegend_")
            marker.set_visible(False)
        self.package.set_color(COLOURS["them"])
        self.package.set_label("The first offer")
        (self.trades,) = ax.plot([], [], marker="^", markersize=9, color=COLOURS["you"], markeredgecolor="black",
                                 linestyle="none", label="Trades from it")
        (self.offers,) = ax.plot([], [], marker="D", markersize=8, color="#9467bd", markeredgecolor="black",
                                 linestyle="none", label="Your three offers")
        self.dynamic(self.trades)
        self.dynamic(self.offers)
        # The title (three possible sentences), the BATNA lines and their note change rarely: drawn with the
        # background, which is drawn again only when one of them changes (static_key), not on every move.
        for artist in (self.title, self.batna_x, self.batna_y, self.note):
            artist.set_animated(False)
            self._dynamic.remove(artist)
        first, second = system.parties
        ax.set_xlabel("Points for you (your weights; 100 = every issue at its best)")
        ax.set_ylabel(f"Points for {second} (estimate)")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.1, right=0.97, top=0.89, bottom=0.27)

    def min_font_px(self) -> float:
        """The smallest text never changes here (no text is hidden or emptied): measured once, not on every move."""
        if self._min_font is None:
            self._min_font = super().min_font_px()
        return self._min_font

    def static_key(self):
        return (*super().static_key(), self.title.get_text(), tuple(self.batna_x.get_xdata()),
                tuple(self.batna_y.get_ydata()))

    def update(self, result) -> str:
        system = result.system
        if self.cloud is not None:
            xs, ys = _score_pairs(system)
            self.cloud.set_offsets(np.column_stack([xs, ys]))
        front = system.frontier().scores
        self.frontier_line.set_data(front[:, 0], front[:, 1])
        analysis = result.first_offer
        super().update(analysis)
        for marker in (self.nash, self.ks):
            marker.set_data([], [])
        trades = [t.package.scores for t in result.trades]
        self.trades.set_data([s[0] for s in trades], [s[1] for s in trades])
        offers = [p.scores for p in result.offers]
        self.offers.set_data([s[0] for s in offers], [s[1] for s in offers])
        x, y = analysis.package.scores
        if analysis.on_frontier:
            self.set_title(f"The first offer is on the frontier: no package is better for both "
                           f"({_shown(x)} and {_shown(y)})")
        elif trades:
            self.set_title("Trades from the first offer reach the shaded area: better for both")
        else:
            self.set_title("The shaded area beats the first offer for both: change several issues at once")
        trade_text = (f"{_count(len(trades), 'trade')} from it marked, the best at {_shown(trades[0][0])} "
                      f"and {_shown(trades[0][1])}" if trades else "no trade of two issues helps both")
        offer_text = (f"your {_count(len(offers), 'offer')} at about {_shown(result.target)} for you and "
                      f"{_listed([_shown(s[1]) for s in offers])} for the department" if offers else
                      "no three offers with these weights")
        self.caption = (
            f"Scatter of every package's points, yours across and the department's up (its points as you estimate "
            f"them), with the Pareto frontier as a line; the first offer at {_shown(x)} and {_shown(y)} "
            f"{'lies on the frontier' if analysis.on_frontier else 'lies inside it'}; {trade_text}; {offer_text}; "
            f"BATNAs at {_shown(analysis.batnas[0])} and {_shown(analysis.batnas[1])}.")
        return self.caption
