"""The charts of lessons 09-10: packages against the Pareto frontier, subjective value by factor, the
lifetime cost of not negotiating, and the value of waiting one more week."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter

from ..model.checks import capitalised
from ..model.money import money_short
from ..model.scoring import points_text
from ..model.subjective import FACTORS, LOW_FACTOR, factor_info
from .base import COLOURS, Chart, label
from .charts import _MONEY_AXIS, _nice_ceiling
from .stamps import axis_stamps, stamp_layer

__all__ = ["EarningsChart", "ParetoChart", "SubjectiveValueChart", "WaitChart"]

_MAX_PACKAGES_DRAWN = 200_000  # beyond this the cloud of packages is left out; the frontier is always drawn


def _score_pairs(system) -> tuple[np.ndarray, np.ndarray]:
    """Every distinct score pair of a system's packages (one dot per pair: what the eye can see)."""
    scores = system.all_scores()
    pairs = np.unique(scores[:, 0] + 1j * scores[:, 1])
    return pairs.real, pairs.imag


class ParetoChart(Chart):
    """Every package of a scoring system as a point (one per score pair), the frontier, the chosen package,
    the packages that beat it for both sides, the BATNAs and the Nash and Kalai-Smorodinsky points."""

    height_in = 4.4

    def __init__(self, system, limits=None) -> None:
        """``limits`` (``((x low, x high), (y low, y high))``) fixes the axes; by default they span the frontier."""
        super().__init__()
        ax = self.ax
        first, second = system.parties
        front = system.frontier().scores
        if limits is None:
            low = np.minimum(front.min(axis=0), 0)
            high = front.max(axis=0)
        else:
            low, high = np.array([limits[0][0], limits[1][0]], float), np.array([limits[0][1], limits[1][1]], float)
        pad = 0.04 * (high - low)
        ax.set_xlim(low[0] - pad[0], high[0] + pad[0])
        ax.set_ylim(low[1] - pad[1], high[1] + pad[1])
        self.cloud = None
        if system.package_count <= _MAX_PACKAGES_DRAWN:
            self.cloud = ax.scatter(*_score_pairs(system), s=6, color="#c8c8c8", linewidths=0, label="Other packages",
                                    rasterized=True, zorder=0)
        (self.frontier_line,) = ax.plot(front[:, 0], front[:, 1], color=COLOURS["zone"], linewidth=1.5, marker="o",
                                        markersize=4, label="Pareto frontier")
        self.better = self.dynamic(ax.add_patch(Rectangle((0, 0), 0, 0, color=COLOURS["zone"], alpha=0.12,
                                                          linewidth=0, label="Better for both")))
        self.batna_x = self.dynamic(ax.axvline(0, color=COLOURS["you"], linestyle=":", linewidth=1.2))
        self.batna_y = self.dynamic(ax.axhline(0, color=COLOURS["them"], linestyle=":", linewidth=1.2))
        (self.nash,) = ax.plot([], [], marker="*", markersize=15, color=COLOURS["risk"], linestyle="none",
                               label="Nash point")
        (self.ks,) = ax.plot([], [], marker="D", markersize=8, markerfacecolor="none", markeredgewidth=2,
                             color="#9467bd", linestyle="none", label="Kalai-Smorodinsky point")
        (self.package,) = ax.plot([], [], marker="o", markersize=11, color=COLOURS["you"], markeredgecolor="black",
                                  linestyle="none", label="Your package")
        for artist in (self.nash, self.ks, self.package):
            self.dynamic(artist)
        self.note = self.dynamic(ax.text(0, 0, " BATNAs", fontsize=8, ha="left", va="bottom"))
        ax.set_xlabel(label(f"Points for {first} (on {first}'s own scale)"))
        ax.set_ylabel(label(f"Points for {second}"))
        ax.spines[["top", "right"]].set_visible(False)
        # Below the axes: inside them it hid packages, and the BATNA lines (redrawn on every update) ran through it.
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.1, right=0.97, top=0.91, bottom=0.22)

    def update(self, analysis) -> str:
        package = analysis.package
        x, y = package.scores
        first, second = package.parties
        self.package.set_data([x], [y])
        right, top = self.ax.get_xlim()[1], self.ax.get_ylim()[1]
        self.better.set_bounds(x, y, right - x, top - y)
        self.better.set_visible(not analysis.on_frontier)
        self.batna_x.set_xdata([analysis.batnas[0]] * 2)
        self.batna_y.set_ydata([analysis.batnas[1]] * 2)
        self.note.set_position((analysis.batnas[0], analysis.batnas[1]))
        for marker, point in ((self.nash, analysis.nash), (self.ks, analysis.kalai_smorodinsky)):
            marker.set_data(*(([point.package.scores[0]], [point.package.scores[1]]) if point else ([], [])))
        if analysis.on_frontier:
            self.set_title(f"On the frontier: no package is better for both ({points_text(x)} and {points_text(y)})")
        else:
            self.set_title(f"{points_text(analysis.left_on_table)} joint points left on the table: "
                           f"the shaded area beats this package for both")
        points = [f"Nash point at {points_text(p.package.scores[0])} and {points_text(p.package.scores[1])}"
                  for p in (analysis.nash,) if p]
        self.caption = (f"Scatter of every package's points, {first} across and {second} up, with the Pareto frontier "
                        f"as a line; your package at {points_text(x)} and {points_text(y)} "
                        f"{'lies on the frontier' if analysis.on_frontier else 'lies inside it'}; "
                        f"BATNAs at {points_text(analysis.batnas[0])} and {points_text(analysis.batnas[1])}"
                        f"{'; ' + points[0] if points else '; no package beats both BATNAs'}.")
        return self.caption


class SubjectiveValueChart(Chart):
    """The four SVI factors as bars on the 1-7 scale, the middle of the scale marked."""

    height_in = 2.7

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        names = [factor_info(f)["name"] for f in FACTORS]
        self.bars = [self.dynamic(ax.add_patch(Rectangle((1, i - 0.35), 0, 0.7, color=COLOURS["you"])))
                     for i in range(len(FACTORS))]
        self.values = [self.dynamic(ax.text(1, i, "", va="center", ha="left", fontsize=9)) for i in range(len(FACTORS))]
        ax.axvline(LOW_FACTOR, color=COLOURS["neutral"], linestyle="--", linewidth=1)
        ax.text(LOW_FACTOR, -0.82, " middle of the scale", fontsize=8, color="#555", va="top")
        ax.set_yticks(range(len(FACTORS)), names)
        ax.set_ylim(len(FACTORS) - 0.4, -0.85)
        ax.set_xlim(1, 7.6)
        ax.set_xticks(range(1, 8))
        ax.set_xlabel("Score (1 = low subjective value, 7 = high)")
        ax.spines[["top", "right"]].set_visible(False)
        self.figure.subplots_adjust(left=0.24, right=0.97, top=0.86, bottom=0.2)

    def update(self, result) -> str:
        for bar, text, factor in zip(self.bars, self.values, FACTORS):
            value = result.factors[factor]
            bar.set_width(value - 1)
            bar.set_color(COLOURS["risk"] if value < LOW_FACTOR else COLOURS["you"])
            bar.set_hatch("//" if value < LOW_FACTOR else "")
            text.set_position((value + 0.05, text.get_position()[1]))
            text.set_text(f"{value:.2f}")
        lowest = factor_info(result.lowest)["name"]
        if result.low_factors:
            self.set_title(f"{lowest} is the factor to work on ({result.factors[result.lowest]:.2f} of 7)")
        else:
            self.set_title(f"Every factor at or above the middle; lowest: {lowest.lower()}")
        self.caption = ("Bars of the four subjective value factors on a scale of 1 to 7: " + ", ".join(
            f"{factor_info(f)['name'].lower()} {result.factors[f]:.2f}" for f in FACTORS)
            + f"; a dashed line marks the middle of the scale, {LOW_FACTOR:g}.")
        return self.caption


class EarningsChart(Chart):
    """The extra pay a negotiated start brings, added up year by year, and what saving it grows to."""

    height_in = 3.2
    shared_background = True   # frame, axis titles and legend: the axes, which move with the career, are stamped

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        (self.total,) = ax.plot([], [], color=COLOURS["you"], linewidth=2.5, label="Extra pay, added up")
        (self.saved,) = ax.plot([], [], color=COLOURS["zone"], linewidth=2.5, linestyle="--",
                                label="If you save it: the balance")
        self.dynamic(self.total)
        self.dynamic(self.saved)
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Year of your career")
        ax.set_ylabel("US dollars")
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper left", fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.12, right=0.97, top=0.88, bottom=0.16)
        # The career's length moves both axes (in steps, but ten keys in all, each a whole background): each axis is
        # stamped over the background instead, its pixels kept for each of its limits.
        self.stamps = axis_stamps(ax.xaxis, ax.yaxis)
        stamp_layer(self, self.stamps)   # first: over the background, under the lines

    def static_key(self):
        return ()   # the same for every chart: the axes are stamped

    def update(self, gap) -> str:
        years = np.arange(1, gap.years + 1)
        self.total.set_data(years, np.cumsum(gap.difference))
        top = float(np.sum(gap.difference))
        if gap.savings is not None:
            self.saved.set_data(years, gap.savings)
            top = max(top, float(gap.savings.max()))
        else:
            self.saved.set_data([], [])
        self.ax.set_xlim(0.3, 10 * int(np.ceil(gap.years / 10)) + 0.7)  # in steps of 10 years: the axes rarely move
        self.ax.set_ylim(0, _nice_ceiling(max(top, 1.0) * 1.05))
        self.set_title(f"{money_short(gap.total)} more over {gap.years} years from {money_short(gap.starting_difference)} "
                       "more at the start")
        saving = (f"; saving it grows to {money_short(gap.invested)}" if gap.invested is not None else "")
        self.caption = (f"Line of the extra pay added up over {gap.years} years, rising to {money_short(gap.total)} "
                        f"as each year's extra pay grows from {money_short(gap.starting_difference)} to "
                        f"{money_short(gap.last_year)}{saving}.")
        return self.caption


class WaitChart(Chart):
    """The value of one more week of search for any offer in hand: positive means wait, negative accept."""

    height_in = 3.2
    shared_background = True   # frame and axis titles: the same for every chart (the axes, which move, are stamped)

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        # The zero line moves with the y axis: drawn with the dynamic layer, first, under the curve as before.
        self.zero = ax.axhline(0, color="black", linewidth=0.8)
        (self.curve,) = ax.plot([], [], color=COLOURS["you"], linewidth=2.5)
        self.reservation = self.dynamic(ax.axvline(0, color=COLOURS["zone"], linestyle="--", linewidth=1.5))
        (self.offer,) = ax.plot([], [], marker="o", markersize=10, color=COLOURS["them"], markeredgecolor="black",
                                linestyle="none")
        self.dynamic(self.curve)
        self.dynamic(self.offer)
        self.labels = [self.dynamic(ax.text(0, 0, "", fontsize=8, ha=ha, va="bottom", color="#333"))
                       for ha in ("left", "right")]
        ax.xaxis.set_major_formatter(_MONEY_AXIS)
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Salary of the offer in hand")
        ax.set_ylabel("Value of one more week")
        ax.spines[["top", "right"]].set_visible(False)
        self.figure.subplots_adjust(left=0.13, right=0.97, top=0.88, bottom=0.16)
        # The offer and the range move the x axis and the values the y axis (a background each): each axis is stamped
        # over the one background instead, its pixels kept for each of its limits.
        self.stamps = axis_stamps(ax.xaxis, ax.yaxis)
        stamp_layer(self, self.stamps, self.zero)   # first: over the background, under the lines

    def static_key(self):
        return ()   # the same for every chart: the axes are stamped

    def update(self, decision) -> str:
        low, high = decision.likely_low, decision.likely_high
        left = min(decision.offer, low) - 0.1 * (high - low)
        right = max(decision.offer, high) + 0.05 * (high - low)
        held = np.linspace(left, right, 200)
        values = np.array([decision.one_more_week(h) for h in held])
        self.curve.set_data(held, values)
        self.offer.set_data([decision.offer], [decision.one_more_week()])
        span = _nice_ceiling(max(abs(values).max(), 1.0) * 1.1)
        # The axis runs out to a round step of a tenth of the curve's range or more ($2,000 for the default
        # $64k-$80k), the curve as before: moving the offer or the range within a step keeps the axes and their
        # ticks, so the background is not drawn again.
        step = _nice_ceiling((right - left) / 10)
        self.ax.set_xlim(np.floor(left / step) * step, np.ceil(right / step) * step)
        self.ax.set_ylim(-span if values.min() < 0 else -0.1 * span, span)
        reservation = decision.reservation
        self.reservation.set_visible(reservation is not None)
        top = self.ax.get_ylim()[1]
        for text in self.labels:
            text.set_text("")
        if reservation is not None:
            self.reservation.set_xdata([reservation] * 2)
            self.labels[1].set_position((reservation, 0.75 * top))
            self.labels[1].set_text(label(f"wait below {money_short(reservation)} "))
            self.labels[0].set_position((reservation, 0.75 * top))
            self.labels[0].set_text(label(" accept above"))
        verdict = "accept" if decision.accept_now else "ask for time and keep looking"
        limit = f"accept offers of {money_short(reservation)} or more" if reservation is not None else "no other offer can come"
        self.set_title(f"{capitalised(limit)}: with {money_short(decision.offer)} in hand, {verdict}")
        self.caption = (f"Curve of the value of one more week of search against the salary in hand, falling from "
                        f"{money_short(values[0])} to {money_short(values[-1])}; it crosses zero at "
                        f"{money_short(reservation) if reservation is not None else 'no salary'}; your offer of "
                        f"{money_short(decision.offer)} is marked at {money_short(decision.one_more_week())}.")
        return self.caption
