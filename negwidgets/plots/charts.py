"""The charts of lessons 02-04. Each creates its artists once and moves them on every update."""

from __future__ import annotations

import textwrap

import matplotlib
import numpy as np
from matplotlib.axis import XAxis
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import Bbox

from ..model.money import money_short, percent
from .base import COLOURS, Chart, label
from .stamps import axis_stamps, stamp_layer

__all__ = ["AnchoringChart", "AspirationChart", "DecisionTreeChart", "FirstOfferChart", "LadderChart", "UncertaintyChart",
           "ZoneChart"]

_MONEY_AXIS = FuncFormatter(lambda value, _pos: label(money_short(value)))


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 x 10^k at or above ``value``: axis limits that change rarely."""
    power = 10 ** np.floor(np.log10(max(value, 1e-9)))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= value))


def _outward(low: float, high: float) -> tuple[float, float]:
    """Round a range outwards to half the order of magnitude of its span, so small moves keep the axis."""
    step = 10 ** np.floor(np.log10(max(high - low, 1.0))) / 2
    return float(np.floor(low / step) * step), float(np.ceil(high / step) * step)


def _padded(values, fraction=0.12):
    low, high = min(values), max(values)
    pad = max((high - low) * fraction, abs(high) * 0.02, 1.0)
    return low - pad, high + pad


class ZoneChart(Chart):
    """Both sides' ranges on a number line, the zone between their reservation values shaded.

    With ``x_range`` the axis stays put while the learner moves the values (as in the ZOPA explorer,
    whose sliders span the same range); without it, the axis fits the four values.
    """

    height_in = 2.6

    def __init__(self, x_range: tuple[float, float] | None = None) -> None:
        super().__init__()
        self.x_range = x_range
        ax = self.ax
        self.zone_patch = self.dynamic(ax.add_patch(
            Rectangle((0, -0.55), 0, 2.1, color=COLOURS["zone"], alpha=0.25, hatch="//", linewidth=0)))
        self.bars = {
            "seller": self.dynamic(ax.add_patch(Rectangle((0, 0.8), 0, 0.4, color=COLOURS["you"], alpha=0.85))),
            "buyer": self.dynamic(ax.add_patch(Rectangle((0, -0.2), 0, 0.4, color=COLOURS["them"], alpha=0.85))),
        }
        self.labels = {
            key: self.dynamic(ax.text(0, y, "", ha="center", va=va, fontsize=9))
            for key, y, va in [("seller_r", 1.27, "bottom"), ("seller_a", 1.27, "bottom"),
                               ("buyer_r", -0.27, "top"), ("buyer_a", -0.27, "top")]
        }
        self.zone_label = self.dynamic(ax.text(0, 0.5, "", ha="center", va="center", fontsize=10, weight="bold",
                                               color="#1a5e1a"))
        ax.set_ylim(-0.9, 1.9)
        ax.set_yticks([0, 1])
        ax.spines[["top", "right", "left"]].set_visible(False)
        ax.xaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Salary (US dollars per year)")
        if x_range is not None:
            ax.set_xlim(*x_range)
        self.figure.subplots_adjust(left=0.14, right=0.97, top=0.84, bottom=0.2)

    def static_key(self):
        return super().static_key() + (tuple(t.get_text() for t in self.ax.get_yticklabels()),)

    def update(self, analysis) -> str:
        seller, buyer, zone = analysis.seller, analysis.buyer, analysis.zone
        names = [f"{buyer.name}\n(pays)", f"{seller.name}\n(is paid)"]
        if [t.get_text() for t in self.ax.get_yticklabels()] != names:
            self.ax.set_yticklabels(names)
        for key, party in (("seller", seller), ("buyer", buyer)):
            low, high = sorted((party.reservation, party.aspiration))
            self.bars[key].set_x(low)
            self.bars[key].set_width(high - low)
            for suffix, value, word in (("_r", party.reservation, "limit"), ("_a", party.aspiration, "hope")):
                text = self.labels[key + suffix]
                text.set_position((value, text.get_position()[1]))
                text.set_text(label(f"{word} {money_short(value)}"))
        if self.x_range is None:
            self.ax.set_xlim(*_padded([seller.reservation, seller.aspiration, buyer.reservation, buyer.aspiration]))
        if zone is None:
            self.zone_patch.set_visible(False)
            self.zone_label.set_visible(False)
            self.set_title(f"No zone: the {seller.name.lower()}'s limit is {money_short(analysis.gap)} "
                           f"above the {buyer.name.lower()}'s")
            self.caption = (f"Number line: the {seller.name.lower()} needs at least {money_short(seller.reservation)}, "
                            f"the {buyer.name.lower()} pays at most {money_short(buyer.reservation)}; the ranges do not meet.")
        else:
            self.zone_patch.set_visible(True)
            self.zone_patch.set_x(zone.low)
            self.zone_patch.set_width(zone.surplus)
            self.zone_label.set_visible(True)
            self.zone_label.set_position((zone.midpoint, 0.5))
            self.zone_label.set_text(label(f"ZOPA {money_short(zone.surplus)}"))
            self.set_title(f"A zone from {money_short(zone.low)} to {money_short(zone.high)}: "
                           f"{money_short(zone.surplus)} to divide")
            self.caption = (f"Number line: the zone of possible agreement runs from {money_short(zone.low)} "
                            f"(the {seller.name.lower()}'s limit) to {money_short(zone.high)} (the {buyer.name.lower()}'s limit).")
        return self.caption


class _ArtistLayer:
    """Dynamic artists drawn once over a chart's background and kept as pixels (a table's texts, a tree's branches).

    An artist changed in place (and reported with :meth:`changed`) is drawn again alone, over the background's
    pixels put back in its old and its new box, together with every artist whose box meets those (so none is left
    half erased), in the layer's order: typing in one row of a table then draws that row's text again (2-6 ms), not
    every text of the table.
    """

    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self.artists: list = []   # drawn in this order
        self._pixels = None       # the background with the artists drawn over it
        self._boxes: dict = {}    # id of an artist -> the pixels it may touch, as drawn in the layer
        self._changed: list = []

    def set(self, artists) -> None:
        """A new set of artists: all drawn at the next render."""
        self.artists = list(artists)
        self._pixels = None
        self._boxes = {}

    def __contains__(self, artist) -> bool:
        return any(artist is drawn for drawn in self.artists)

    def changed(self, artist) -> None:
        """Call before or after changing ``artist`` in place (its old box is the one it was drawn in)."""
        self._changed.append(artist)

    @staticmethod
    def _box(artist, renderer) -> tuple[int, int, int, int]:
        """The pixels an artist may touch, x0, y0, x1, y1 from the top: its extent widened by half its line's width
        and four pixels (anti-aliasing, and a text's white box with its pad of 1 point)."""
        if isinstance(artist, XAxis):   # its tick labels and label, and its tick marks (pointing out) under the axes
            ticks = artist.get_major_ticks()[0].tick1line.get_markersize() * renderer.dpi / 72
            below = artist.axes.bbox
            extent = Bbox.union([artist.get_tightbbox(renderer),
                                 Bbox.from_extents(below.x0, below.y0 - ticks, below.x1, below.y0)])
        else:
            extent = artist.get_window_extent(renderer)
        width = artist.get_linewidth() if hasattr(artist, "get_linewidth") and not hasattr(artist, "get_text") else 0
        pad = int(np.ceil(width * renderer.dpi / 72 / 2)) + 4
        height = renderer.height
        return (int(np.floor(extent.x0)) - pad, int(height - np.ceil(extent.y1)) - pad,
                int(np.ceil(extent.x1)) + pad, int(height - np.floor(extent.y0)) + pad)

    def restore(self, background_drawn: bool) -> None:
        """Put the background with the layer's artists on the chart's canvas (:meth:`Chart._background_drawn`'s
        answer says whether the canvas holds a new background)."""
        chart = self.chart
        renderer = chart.canvas.get_renderer()
        if background_drawn or self._pixels is None:
            if not background_drawn:
                chart._restore(chart._background)
            redraw = self.artists
        else:
            chart._restore(self._pixels)
            redraw = self._clear_changed(chart._pixels(), chart._background, renderer)
        self._changed = []
        for artist in redraw:
            if artist.get_visible():
                chart.figure.draw_artist(artist)
            self._boxes[id(artist)] = self._box(artist, renderer)
        if redraw:
            self._pixels = chart._snapshot(self._pixels)   # written over in place when of the same size

    def _clear_changed(self, canvas, background, renderer) -> list:
        changed = {id(artist) for artist in self._changed}
        affected, boxes = set(), []
        for artist in self.artists:
            if id(artist) in changed:
                affected.add(id(artist))
                boxes += [self._boxes[id(artist)], self._box(artist, renderer)]

        def meets(box, other):
            return box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]

        grown = bool(boxes)
        while grown:
            grown = False
            for artist in self.artists:
                box = self._boxes[id(artist)]
                if id(artist) not in affected and any(meets(box, other) for other in boxes):
                    affected.add(id(artist))
                    boxes.append(box)
                    grown = True
        for x0, y0, x1, y1 in boxes:
            rows, columns = slice(max(y0, 0), max(y1, 0)), slice(max(x0, 0), max(x1, 0))
            canvas[rows, columns] = background[rows, columns]
        return [artist for artist in self.artists if id(artist) in affected]


class DecisionTreeChart(Chart):
    """Plan B as a decision tree: a chance node, one branch per outcome, the values in the title.

    The tree's artists are dynamic, over a blank background that depends only on the number of outcomes (the
    figure's height), and kept in a layer (:class:`_ArtistLayer`): typing in a row changes that row's artists in
    place and draws only them again (a name or a number: its label; a chance: the branches it meets), not the
    whole tree; naming a different sure amount changes only the title.
    """

    height_in = 3.0

    def __init__(self) -> None:
        super().__init__()
        self._rows = None
        self._n = None
        self._tree: list = []
        self._branches: list = []   # for each outcome: its line, its chance and its label
        self._layer = _ArtistLayer(self)

    def static_key(self):
        return self._n

    @staticmethod
    def _label(row) -> str:
        sign = "+" if row.adjustment > 0 else "-"
        adjustment = f", {sign}{money_short(abs(row.adjustment))} non-money" if row.adjustment else ""
        return label(f"{row.name}: {money_short(row.value)}{adjustment}")

    def _draw_tree(self, rows) -> None:
        if len(rows) == self._n and self._branches:   # the same outcomes' artists, changed in place
            for row, (line, chance, text) in zip(rows, self._branches):
                for artist, value, get, put in ((line, 1 + 3 * row.probability, line.get_linewidth, line.set_linewidth),
                                                (chance, percent(row.probability), chance.get_text, chance.set_text),
                                                (text, self._label(row), text.get_text, text.set_text)):
                    if get() != value:
                        self._layer.changed(artist)
                        put(value)
            return
        ax = self.ax
        for artist in self._tree:
            self.forget(artist)
        n = len(rows)
        if n != self._n:
            ax.clear()
            ax.set_axis_off()
            # As tall as its branches need: one outcome in a 3-inch figure left it mostly white.
            height = min(self.height_in, 1.3 + 0.38 * n)
            self.figure.set_size_inches(self.width_in, height)
            self.figure.subplots_adjust(left=0.02, right=0.98, bottom=0.04, top=1 - 0.42 / height)
            ax.set_xlim(0, 1)
            ax.set_ylim(0, 1)
            self._n = n
        ys = np.linspace(0.9, 0.1, n) if n > 1 else np.array([0.5])
        root = (0.08, 0.5)
        tree = [*ax.plot(*root, marker="o", markersize=16, color=COLOURS["you"], zorder=3),
                ax.text(root[0], root[1] - 0.12, "Walk away", ha="center", va="top", fontsize=9)]
        self._branches = []
        for row, y in zip(rows, ys):
            (line,) = ax.plot([root[0], 0.55], [root[1], y], color=COLOURS["neutral"], linewidth=1 + 3 * row.probability)
            tree += [line, *ax.plot(0.55, y, marker="s", markersize=8, color=COLOURS["them"], zorder=3)]
            chance = ax.annotate(percent(row.probability), (0.32, (root[1] + y) / 2), xytext=(0, 5),
                                 textcoords="offset points", ha="center", va="bottom", fontsize=9,
                                 bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
            text = ax.text(0.58, y, self._label(row), va="center", fontsize=9)
            tree += [chance, text]
            self._branches.append((line, chance, text))
        # Drawn in the order a full draw would use: by z-order, then in the order made.
        self._tree = [self.dynamic(artist) for artist in sorted(tree, key=lambda artist: artist.get_zorder())]
        self._layer.set(self._tree)

    def render(self) -> np.ndarray:
        """As :meth:`Chart.render`, with the tree drawn over the blank background and kept (its changed artists drawn
        again): a new sure amount (the title alone) then costs what it cost when the tree was in the background."""
        self._layer.restore(self._background_drawn())
        for artist in self._dynamic:
            if artist not in self._layer and artist.get_visible():
                self.figure.draw_artist(artist)
        return self._pixels()

    def update(self, valuation) -> str:
        rows = tuple((r.name, r.value, r.probability, r.adjustment) for r in valuation.alternatives)
        if rows != self._rows:
            self._draw_tree(valuation.alternatives)
            self._rows = rows
        self.set_title(f"Plan B is worth {money_short(valuation.certainty_equivalent)} to you "
                       f"(expected value {money_short(valuation.expected_value)})")
        n = len(rows)
        self.caption = (
            f"Decision tree with {n} outcome{'s' if n != 1 else ''} of walking away; expected value "
            f"{money_short(valuation.expected_value)}, certainty equivalent {money_short(valuation.certainty_equivalent)}."
        )
        return self.caption


class UncertaintyChart(Chart):
    """Your belief about their limit as a density; the part that leaves room for a deal is shaded.

    The density and the axis of limits move with the belief: the density is dynamic and the axis is kept in its own
    stamp (see :class:`~negwidgets.plots.stamps.Stamp`), so a new belief no longer draws the whole figure again.
    """

    shared_background = True   # the same for every chart: the axes that move are stamped
    height_in = 2.8

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        self.stamps = axis_stamps(ax.xaxis)
        stamp_layer(self, self.stamps)   # first: over the background, under the density
        (self.density,) = ax.plot([], [], color=COLOURS["them"], linewidth=2, label="Your belief about their limit")
        self.shade = None
        self.reservation_line = ax.axvline(0, color=COLOURS["you"], linewidth=2, linestyle="--",
                                           label="Your reservation value")
        self.dynamic(self.density)
        self.dynamic(ax.spines["bottom"])   # over the density's tails, as in a full draw
        self.dynamic(self.reservation_line)
        ax.set_yticks([])
        ax.spines[["top", "right", "left"]].set_visible(False)
        ax.xaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Their reservation value (US dollars per year)")
        ax.legend(loc="upper right", fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.04, right=0.97, top=0.86, bottom=0.2)

    def static_key(self):
        return ()   # the same for every chart: the axis of limits is stamped

    def update(self, outlook) -> str:
        ax = self.ax
        low, high = outlook.belief.plot_range()
        r = outlook.you.reservation
        low, high = min(low, r - 0.05 * (high - low)), max(high, r + 0.05 * (high - low))
        xs = np.linspace(low, high, 240)
        ys = outlook.belief.pdf(xs)
        self.density.set_data(xs, ys)
        ax.set_xlim(low, high)
        ax.set_ylim(0, float(ys.max()) * 1.25)
        self.reservation_line.set_xdata([r, r])
        if self.shade is not None:
            self.forget(self.shade)
        region = xs >= r if outlook.you.wants == "more" else xs <= r
        self.shade = self.dynamic(ax.fill_between(xs, 0, ys, where=region, color=COLOURS["zone"], alpha=0.35,
                                                  hatch="//", linewidth=0))
        self.set_title(f"A zone exists with probability {percent(outlook.probability)}")
        self.caption = (
            f"Density of your belief about their limit ({outlook.belief.describe()}); the shaded part, "
            f"{percent(outlook.probability)} of it, lies on the deal side of your reservation value {money_short(r)}."
        )
        return self.caption


class AspirationChart(Chart):
    """Benchmark pay by percentile, the chosen aspiration marked, the reservation value as a floor.

    Every figure typed moves the curve and the salary axis, so neither is in the background: the curve is dynamic,
    and the salary axis is stamped (see :class:`~negwidgets.plots.stamps.Stamp`).
    """

    shared_background = True   # the same for every chart: the axes that move are stamped
    height_in = 2.8

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        (self.curve,) = ax.plot([], [], marker="o", color=COLOURS["neutral"], label="Benchmarks")
        (self.choice,) = ax.plot([], [], marker="*", markersize=16, linestyle="none", color=COLOURS["you"],
                                 label="Your aspiration")
        self.floor = ax.axhline(0, color=COLOURS["risk"], linestyle="--", linewidth=1.5, label="Your reservation value")
        self.stamps = axis_stamps(ax.yaxis)
        stamp_layer(self, self.stamps)   # first: over the background, under the curve
        for artist in (self.curve, self.choice, self.floor):  # in the order a full draw gives them
            self.dynamic(artist)
        ax.set_xlim(0, 100)
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Percentile of pay for the role")
        ax.set_ylabel("Salary (US dollars)")
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper left", fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.13, right=0.97, top=0.86, bottom=0.2)

    def static_key(self):
        return ()   # the same for every chart: the salary axis is stamped

    def update(self, plan) -> str:
        percentiles = [p for p, _ in plan.benchmarks]
        values = [v for _, v in plan.benchmarks]
        self.curve.set_data(percentiles, values)
        self.choice.set_data([plan.percentile], [plan.aspiration])
        shown = list(values)  # the aspiration always lies within the benchmarks
        if plan.reservation is None:
            self.floor.set_visible(False)
        else:
            self.floor.set_visible(True)
            self.floor.set_ydata([plan.reservation, plan.reservation])
            shown.append(plan.reservation)
        limits = _padded(shown)
        self.ax.set_ylim(*limits)
        self.set_title(f"Aim for {money_short(plan.aspiration)}: percentile {plan.percentile:g} of your benchmarks")
        self.caption = (f"Benchmark pay rising from {money_short(values[0])} to {money_short(values[-1])}; "
                        f"your aspiration {money_short(plan.aspiration)} is marked at percentile {plan.percentile:g}.")
        return self.caption


class FirstOfferChart(Chart):
    """Expected gain and chance of no deal for every opening; the best opening and going second marked.

    The openings' and the gains' axes move with the belief and the reservation value: they are kept in their own
    stamps (see :class:`~negwidgets.plots.stamps.Stamp`); the chance-of-no-deal axis (0 to 100%) and the legend are
    the background.
    """

    shared_background = True   # the same for every chart: the axes that move are stamped
    height_in = 3.4

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        self.stamps = axis_stamps(ax.xaxis, ax.yaxis)
        stamp_layer(self, self.stamps)   # first: over the background, under the curves
        self.risk_ax = ax.twinx()
        (self.gain,) = ax.plot([], [], color=COLOURS["you"], linewidth=2.5, label="Expected gain (left axis)")
        (self.impasse,) = self.risk_ax.plot([], [], color=COLOURS["risk"], linewidth=2, linestyle="--",
                                            label="Chance of no deal (right axis)")
        (self.second,) = ax.plot([], [], color=COLOURS["neutral"], linewidth=1.5, linestyle=":",
                                 label="If you let them open")
        self.best_line = ax.axvline(0, color=COLOURS["zone"], linewidth=1.5)
        (self.best_marker,) = ax.plot([], [], marker="*", markersize=15, color=COLOURS["zone"], linestyle="none",
                                      label="Best opening")
        for artist in (self.gain, self.impasse, self.second, self.best_line, self.best_marker):
            self.dynamic(artist)
        ax.xaxis.set_major_formatter(_MONEY_AXIS)
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Your opening (US dollars per year)")
        ax.set_ylabel("Expected gain over your limit")
        self.risk_ax.set_ylim(0, 1)
        self.risk_ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: label(percent(v))))
        self.risk_ax.set_ylabel("Chance of no deal")
        ax.spines[["top"]].set_visible(False)
        self.risk_ax.spines[["top"]].set_visible(False)
        handles = [self.gain, self.impasse, self.second, self.best_marker]
        # Below the axes: the curves move everywhere inside them.
        ax.legend(handles, [h.get_label() for h in handles], loc="upper center", bbox_to_anchor=(0.5, -0.2),
                  ncol=4, fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.12, right=0.88, top=0.88, bottom=0.28)

    def static_key(self):
        return ()   # the openings' and gains' axes are stamped

    def update(self, analysis) -> str:
        xs, gain = analysis.openings, analysis.expected_surplus
        self.gain.set_data(xs, gain)
        self.impasse.set_data(xs, analysis.impasse)
        best = analysis.best_opening
        self.best_line.set_xdata([best, best])
        self.best_marker.set_data([best], [analysis.best_surplus])
        top = max(float(gain.max()), analysis.second_surplus or 0.0, 1.0)
        if analysis.second_surplus is None:
            self.second.set_visible(False)
        else:
            self.second.set_visible(True)
            self.second.set_data([xs.min(), xs.max()], [analysis.second_surplus] * 2)
        # Axes rounded outwards: moving a slider then only redraws the curves, not the whole figure.
        limits = _outward(float(min(xs)), float(max(xs)))
        self.ax.set_xlim(*limits)
        ceiling = _nice_ceiling(top * 1.15)
        self.ax.set_ylim(0, ceiling)
        self.set_title(f"Open at {money_short(best)}: expected gain {money_short(analysis.best_surplus)}, "
                       f"{percent(analysis.best_impasse)} chance of no deal")
        self.caption = (f"Curves over openings from {money_short(xs.min())} to {money_short(xs.max())}: the expected "
                        f"gain peaks at {money_short(best)}; the chance of no deal rises with the opening.")
        return self.caption


class AnchoringChart(Chart):
    """Each simulated pair's first offer against its final agreement, with the fitted line."""

    height_in = 3.2
    width_in = 6.0

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        self.points = self.dynamic(ax.scatter([], [], s=10, alpha=0.55, color=COLOURS["you"], label="One pair"))
        (self.fit,) = ax.plot([], [], color=COLOURS["risk"], linewidth=2, label="Fitted line")
        self.dynamic(self.fit)
        ax.xaxis.set_major_formatter(_MONEY_AXIS)
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("Candidate's first offer (US dollars)")
        ax.set_ylabel("Final agreement")
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper left", fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.15, right=0.97, top=0.86, bottom=0.17)

    def update(self, simulation) -> str:
        x, y = simulation.first_offers, simulation.agreements
        self.points.set_offsets(np.column_stack([x, y]))
        ends = np.array([x.min(), x.max()])
        self.fit.set_data(ends, simulation.intercept + simulation.slope * ends)
        xlim = _padded([float(x.min()), float(x.max())], 0.04)
        ylim = _padded([simulation.reservation, float(simulation.limits.max())], 0.04)  # the same for every strength
        self.ax.set_xlim(*xlim)
        self.ax.set_ylim(*ylim)
        self.set_title(f"Anchoring {simulation.anchoring:.2f}: first offers and deals correlate at "
                       f"r = {simulation.correlation:.2f}")
        self.caption = (f"Scatter of {len(x)} simulated negotiations: the fitted line rises "
                        f"{money_short(1_000 * simulation.slope)} per {money_short(1_000)} of first offer.")
        return self.caption


class LadderChart(Chart):
    """The standards as rungs by value, coloured by strength; the likely zone and the ask marked.

    The rungs' names stand where the y tick labels would, as dynamic texts drawn over the background and kept with
    the x axis (:class:`_ArtistLayer`): typing a standard's name or choosing its strength then draws that name again
    (3-6 ms), and new x limits draw the x axis again (8 ms), not the whole figure (40-90 ms). The background (the
    y ticks, the legend) depends only on the number of rungs, so it is shared by the class's charts.
    """

    height_in = 3.4
    shared_background = True

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        # No hatch: the dashed limits and the legend mark the zone, and hatching a full-height band is slow.
        self.zone = self.dynamic(ax.axvspan(0, 0, color=COLOURS["zone"], alpha=0.2, linewidth=0))
        self.mine = self.dynamic(ax.axvline(0, color=COLOURS["you"], linestyle="--", linewidth=1.5))
        self.theirs = self.dynamic(ax.axvline(0, color=COLOURS["them"], linestyle="--", linewidth=1.5))
        (self.ask,) = ax.plot([], [], marker="*", markersize=20, color=COLOURS["risk"], linestyle="none", zorder=4)
        self.mine.set_label("Your reservation value")
        self.theirs.set_label("Their likely limit")
        self.ask.set_label("Proposed ask")
        ax.legend(handles=[self.mine, self.theirs, self.ask], loc="lower right", fontsize=8, framealpha=0.9)
        self._markers: list = []
        self._names: list = []      # the rungs' names, placed and styled as the y tick labels they replace
        self._layer = _ArtistLayer(self)   # the x axis and the names, drawn over the background and kept
        self.xaxis = self.dynamic(ax.xaxis)
        self._xlim = None
        self._rungs = None
        ax.xaxis.set_major_formatter(_MONEY_AXIS)
        ax.set_xlabel("The number each standard points to (US dollars)")
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="y", labelsize=8, labelleft=False)
        self.figure.subplots_adjust(left=0.3, right=0.97, top=0.88, bottom=0.16)

    def static_key(self):
        return self.ax.get_ylim()   # the x axis is in the kept layer

    def _name_text(self, y: float, text: str):
        tick = self.ax.yaxis.get_major_ticks()[0].label1   # where and how a y tick label is drawn
        return self.dynamic(self.ax.text(0, y, text, transform=tick.get_transform(), ha=tick.get_ha(),
                                         va=tick.get_va(), fontproperties=tick.get_fontproperties(),
                                         color=tick.get_color()))

    def _draw_rungs(self, rungs) -> None:
        colours = matplotlib.colormaps["cividis"]
        n = len(rungs)
        if len(self._markers) != n:   # as many markers and names as rungs; a typed number only moves them
            for artist in self._markers + self._names:
                self.forget(artist)
            self.ax.set_yticks(range(n, 0, -1))
            self.ax.set_ylim(0.4, n + 0.6)
            self._markers = [self.dynamic(self.ax.plot([], [], marker="o", linestyle="none", markeredgewidth=2)[0])
                             for _ in range(n)]  # drawn over the zone's shading
            self._names = [self._name_text(n - index, "") for index in range(n)]
            self._layer.set([self.xaxis, *self._names])
        for index, (rung, marker, name) in enumerate(zip(rungs, self._markers, self._names)):
            c = rung.criterion
            colour = colours((c.strength - 1) / 4)
            marker.set_data([c.value], [n - index])
            marker.set_markersize(6 + 2 * c.strength)
            marker.set_color(colour)
            marker.set_markerfacecolor(colour if rung.defensible else "white")
            lines = textwrap.wrap(f"{c.name} (strength {c.strength})", 34, max_lines=2, placeholder="…")
            text = label("\n".join(lines))
            if name.get_text() != text:
                self._layer.changed(name)   # drawn again alone
                name.set_text(text)
        # The ask is drawn last, over its rung.
        if self.ask in self._dynamic:
            self._dynamic.remove(self.ask)
        self.dynamic(self.ask)

    def render(self) -> np.ndarray:
        """As :meth:`Chart.render`, with the names drawn over the background once and kept; a changed one drawn again."""
        self._layer.restore(self._background_drawn())
        for artist in self._dynamic:
            if artist not in self._layer and artist.get_visible():
                self.figure.draw_artist(artist)
        return self._pixels()

    def update(self, ladder) -> str:
        rungs = tuple((r.criterion.name, r.criterion.value, r.criterion.strength) for r in ladder.rungs)
        values = [r.criterion.value for r in ladder.rungs]
        bounds = [v for v in (ladder.reservation, ladder.their_limit) if v is not None]
        limits = _outward(*_padded(values + bounds, 0.1))
        if limits != self._xlim:
            self._layer.changed(self.xaxis)
            self.ax.set_xlim(*limits)
            self._xlim = limits
        if rungs != self._rungs:
            self._draw_rungs(ladder.rungs)
            self._rungs = rungs
        for line, value in ((self.mine, ladder.reservation), (self.theirs, ladder.their_limit)):
            line.set_visible(value is not None)
            if value is not None:
                line.set_xdata([value, value])
        if ladder.reservation is not None and ladder.their_limit is not None:
            low, high = sorted((ladder.reservation, ladder.their_limit))
            self.zone.set_visible(True)
            self.zone.set_x(low)  # axvspan gives a Rectangle spanning the axes' height
            self.zone.set_width(high - low)
        else:
            self.zone.set_visible(False)
        if ladder.ask is None:
            self.ask.set_data([], [])
            self.set_title("No defensible standard reaches your reservation value")
        else:
            index = next(i for i, r in enumerate(ladder.rungs) if r.criterion is ladder.ask)
            self.ask.set_data([ladder.ask.value], [len(ladder.rungs) - index])
            self.set_title(f"Ask {money_short(ladder.ask.value)}: the strongest defensible standard")
        self.caption = (f"Ladder of {len(values)} standards from {money_short(max(values))} down to "
                        f"{money_short(min(values))}; filled dots are defensible, the star is the proposed ask.")
        return self.caption
