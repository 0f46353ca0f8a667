"""The charts of lessons 02-04. Each creates its artists once and moves them on every update."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter

from ..model.money import money_short, percent
from .base import COLOURS, Chart

__all__ = ["AspirationChart", "DecisionTreeChart", "UncertaintyChart", "ZoneChart"]

_MONEY_AXIS = FuncFormatter(lambda value, _pos: money_short(value))


def _label(text: str) -> str:
    """Escape dollar signs: two of them in one label would switch matplotlib to maths mode."""
    return text.replace("$", r"\$")


def _padded(values, fraction=0.12):
    low, high = min(values), max(values)
    pad = max((high - low) * fraction, abs(high) * 0.02, 1.0)
    return low - pad, high + pad


class ZoneChart(Chart):
    """Both sides' ranges on a number line, the zone between their reservation values shaded."""

    height_in = 2.6

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        self.zone_patch = ax.add_patch(
            Rectangle((0, -0.55), 0, 2.1, color=COLOURS["zone"], alpha=0.25, hatch="//", linewidth=0)
        )
        self.bars = {
            "seller": ax.add_patch(Rectangle((0, 0.8), 0, 0.4, color=COLOURS["you"], alpha=0.85)),
            "buyer": ax.add_patch(Rectangle((0, -0.2), 0, 0.4, color=COLOURS["them"], alpha=0.85)),
        }
        self.labels = {
            key: ax.text(0, y, "", ha="center", va=va, fontsize=9)
            for key, y, va in [
                ("seller_r", 1.27, "bottom"),
                ("seller_a", 1.27, "bottom"),
                ("buyer_r", -0.27, "top"),
                ("buyer_a", -0.27, "top"),
            ]
        }
        self.zone_label = ax.text(0, 0.5, "", ha="center", va="center", fontsize=10, weight="bold",
                                  color="#1a5e1a")
        ax.set_ylim(-0.9, 1.9)
        ax.set_yticks([0, 1])
        ax.spines[["top", "right", "left"]].set_visible(False)
        ax.xaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Salary (US dollars per year)")
        self.figure.subplots_adjust(left=0.14, right=0.97, top=0.86, bottom=0.2)

    def update(self, analysis) -> str:
        seller, buyer, zone = analysis.seller, analysis.buyer, analysis.zone
        self.ax.set_yticklabels([f"{buyer.name}\n(pays)", f"{seller.name}\n(is paid)"])
        for key, party in (("seller", seller), ("buyer", buyer)):
            low, high = sorted((party.reservation, party.aspiration))
            self.bars[key].set_x(low)
            self.bars[key].set_width(high - low)
            self.labels[f"{key}_r"].set_position((party.reservation, self.labels[f"{key}_r"].get_position()[1]))
            self.labels[f"{key}_r"].set_text(_label(f"limit {money_short(party.reservation)}"))
            self.labels[f"{key}_a"].set_position((party.aspiration, self.labels[f"{key}_a"].get_position()[1]))
            self.labels[f"{key}_a"].set_text(_label(f"hope {money_short(party.aspiration)}"))
        values = [seller.reservation, seller.aspiration, buyer.reservation, buyer.aspiration]
        self.ax.set_xlim(*_padded(values))
        if zone is None:
            self.zone_patch.set_visible(False)
            self.zone_label.set_text("")
            title = (f"No zone: the {seller.name.lower()}'s limit is {money_short(analysis.gap)} "
                     f"above the {buyer.name.lower()}'s")
            self.caption = (f"Number line: the {seller.name.lower()} needs at least {money_short(seller.reservation)}, "
                            f"the {buyer.name.lower()} pays at most {money_short(buyer.reservation)}; the ranges do not meet.")
        else:
            self.zone_patch.set_visible(True)
            self.zone_patch.set_x(zone.low)
            self.zone_patch.set_width(max(zone.surplus, 1e-9))
            self.zone_label.set_position((zone.midpoint, 0.5))
            self.zone_label.set_text(_label(f"ZOPA {money_short(zone.surplus)}"))
            title = f"A zone from {money_short(zone.low)} to {money_short(zone.high)}: {money_short(zone.surplus)} to divide"
            self.caption = (f"Number line: the zone of possible agreement runs from {money_short(zone.low)} "
                            f"(the {seller.name.lower()}'s limit) to {money_short(zone.high)} (the {buyer.name.lower()}'s limit).")
        self.ax.set_title(_label(title), fontsize=11, loc="left")
        return self.caption


class DecisionTreeChart(Chart):
    """Plan B as a decision tree: a chance node, one branch per outcome, expected value at the root.

    The number of branches changes as the learner adds rows, so the tree's artists are redrawn
    on the same figure (never a new one).
    """

    height_in = 3.0

    def update(self, valuation) -> str:
        ax = self.ax
        ax.clear()
        ax.set_axis_off()
        rows = valuation.alternatives
        n = len(rows)
        ys = np.linspace(0.9, 0.1, n) if n > 1 else np.array([0.5])
        root = (0.08, 0.5)
        ax.plot(*root, marker="o", markersize=16, color=COLOURS["you"], zorder=3)
        ax.text(root[0], root[1] - 0.12, "Walk away", ha="center", va="top", fontsize=9)
        for row, y in zip(rows, ys):
            ax.plot([root[0], 0.55], [root[1], y], color=COLOURS["neutral"], linewidth=1 + 3 * row.probability)
            ax.plot(0.55, y, marker="s", markersize=8, color=COLOURS["them"], zorder=3)
            ax.text(0.32, (root[1] + y) / 2 + 0.03, percent(row.probability), ha="center", va="bottom", fontsize=9,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
            adjustment = f" ({'+' if row.adjustment > 0 else '-'}{money_short(abs(row.adjustment))})" if row.adjustment else ""
            ax.text(0.58, y, _label(f"{row.name}: {money_short(row.value)}{adjustment}"), va="center", fontsize=9)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_title(
            _label(f"Plan B is worth {money_short(valuation.certainty_equivalent)} to you "
                   f"(expected value {money_short(valuation.expected_value)})"),
            fontsize=11, loc="left",
        )
        self.caption = (
            f"Decision tree with {n} outcome{'s' if n != 1 else ''} of walking away; expected value "
            f"{money_short(valuation.expected_value)}, certainty equivalent {money_short(valuation.certainty_equivalent)}."
        )
        return self.caption


class UncertaintyChart(Chart):
    """Your belief about their limit as a density; the part that leaves room for a deal is shaded."""

    height_in = 2.8

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        (self.density,) = ax.plot([], [], color=COLOURS["them"], linewidth=2, label="Your belief about their limit")
        self.shade = None
        self.reservation_line = ax.axvline(0, color=COLOURS["you"], linewidth=2, linestyle="--",
                                           label="Your reservation value")
        ax.set_yticks([])
        ax.spines[["top", "right", "left"]].set_visible(False)
        ax.xaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Their reservation value (US dollars per year)")
        ax.legend(loc="upper right", fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.04, right=0.97, top=0.86, bottom=0.2)

    def update(self, outlook) -> str:
        ax = self.ax
        low, high = outlook.belief.plot_range()
        r = outlook.you.reservation
        low, high = min(low, r - 0.05 * (high - low)), max(high, r + 0.05 * (high - low))
        xs = np.linspace(low, high, 240)
        ys = outlook.belief.pdf(xs)
        self.density.set_data(xs, ys)
        self.reservation_line.set_xdata([r, r])
        if self.shade is not None:
            self.shade.remove()
        region = xs >= r if outlook.you.wants == "more" else xs <= r
        self.shade = ax.fill_between(xs, 0, ys, where=region, color=COLOURS["zone"], alpha=0.35, hatch="//",
                                     linewidth=0)
        ax.set_xlim(low, high)
        ax.set_ylim(0, float(ys.max()) * 1.25)
        ax.set_title(f"A zone exists with probability {percent(outlook.probability)}", fontsize=11, loc="left")
        self.caption = (
            f"Density of your belief about their limit ({outlook.belief.describe()}); the shaded part, "
            f"{percent(outlook.probability)} of it, lies on the deal side of your reservation value {money_short(r)}."
        )
        return self.caption


class AspirationChart(Chart):
    """Benchmark pay by percentile, the chosen aspiration marked, the reservation value as a floor."""

    height_in = 2.8

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        (self.curve,) = ax.plot([], [], marker="o", color=COLOURS["neutral"], label="Benchmarks")
        (self.choice,) = ax.plot([], [], marker="*", markersize=16, linestyle="none", color=COLOURS["you"],
                                 label="Your aspiration")
        self.floor = ax.axhline(0, color=COLOURS["risk"], linestyle="--", linewidth=1.5, label="Your reservation value")
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Percentile of pay for the role")
        ax.set_ylabel("Salary (US dollars)")
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper left", fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.13, right=0.97, top=0.86, bottom=0.2)

    def update(self, plan) -> str:
        percentiles = [p for p, _ in plan.benchmarks]
        values = [v for _, v in plan.benchmarks]
        self.curve.set_data(percentiles, values)
        self.choice.set_data([plan.percentile], [plan.aspiration])
        shown = values + [plan.aspiration]
        if plan.reservation is None:
            self.floor.set_visible(False)
        else:
            self.floor.set_visible(True)
            self.floor.set_ydata([plan.reservation, plan.reservation])
            shown.append(plan.reservation)
        self.ax.set_xlim(0, 100)
        self.ax.set_ylim(*_padded(shown))
        self.ax.set_title(_label(f"Aim for {money_short(plan.aspiration)}: percentile {plan.percentile:g} of your benchmarks"),
                          fontsize=11, loc="left")
        self.caption = (f"Benchmark pay rising from {money_short(values[0])} to {money_short(values[-1])}; "
                        f"your aspiration {money_short(plan.aspiration)} is marked at percentile {plan.percentile:g}.")
        return self.caption
