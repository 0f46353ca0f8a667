"""The chart of two compensation packages: each year's expected total, and where the difference comes from.

Top: each year's expected total of the two packages, side by side (A dark, B light), starting at $0 so
their sizes compare honestly. Bottom: each year's difference, B minus A, split by component (salary, bonus,
equity ...; a part B pays more of stacks above zero, a part it pays less of below), and the running total of
the difference in today's dollars, whose crossing of zero is the break-even. Components are told apart by
colour and hatching, packages by lightness, so no colour has to be seen to read the chart.
"""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib import patheffects
from matplotlib.lines import TICKDOWN, Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

from ..model.compensation import MAX_YEARS, in_sentence
from ..model.money import money_short
from .base import Chart, label
from .charts import _MONEY_AXIS
from .stamps import Stamp, stamp_layer, tick_marks

__all__ = ["CompensationChart"]

_OUTLINE = [patheffects.withStroke(linewidth=3, foreground="white")]
_STEPS = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
_COARSE = (1, 1.5, 2, 3, 4, 6, 8, 10)

# The chart's parts: the model's components, with the signing bonus and the one-off costs shown as one part
# (both happen once, in year 1). tab10 colours, each with its own hatching.
PARTS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("Salary", ("salary",), "#1f77b4", ""),
    ("Bonus", ("bonus",), "#ff7f0e", "//"),
    ("Equity (expected)", ("equity",), "#2ca02c", ".."),
    ("Benefits", ("benefits",), "#9467bd", "\\\\"),
    ("Retirement match", ("retirement_match",), "#8c564b", "xx"),
    ("One-off (signing bonus less costs)", ("signing_bonus", "one_off_costs"), "#7f7f7f", "--"),
)
# Told apart by lightness (dark and light grey), which every colour vision sees; a hatch would cost more to draw.
_PACKAGE_STYLE = {"A": dict(facecolor="#4d4d4d"), "B": dict(facecolor="#c7c7c7")}
_WIDTH = 0.38   # of a year, for each package's bar on top


def _ceiling(value: float, steps: tuple[float, ...] = _STEPS) -> float:
    """A round end for a money axis: the next of ``steps`` (1, 1.5, 2 ... 10) times a power of ten at or above
    ``value``.

    >>> _ceiling(108_000), _ceiling(3_900), _ceiling(0.4), _ceiling(25_000, _COARSE)
    (150000.0, 4000.0, 0.4, 30000.0)
    """
    power = 10 ** np.floor(np.log10(value))
    return float(next(m * power for m in steps if m * power >= value))


def _short_name(name: str, most: int = 32) -> str:
    return name if len(name) <= most else name[:most - 1].rstrip() + "\u2026"


def _bars(lefts, bottoms, width: float, heights) -> Path:
    """Bars as one path of rectangles: one patch, hatched in one pass, instead of a patch a bar (a hatched patch
    costs a third of a millisecond or more to draw, whatever its size)."""
    lefts, bottoms, heights = (np.asarray(values, float) for values in (lefts, bottoms, heights))
    if not len(lefts):
        return Path(np.zeros((1, 2)), [Path.MOVETO])
    rights, tops = lefts + width, bottoms + heights
    corners = np.stack([np.column_stack(corner) for corner in ((lefts, bottoms), (rights, bottoms), (rights, tops),
                                                               (lefts, tops), (lefts, bottoms))], axis=1)
    codes = np.tile([Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], len(lefts))
    return Path(corners.reshape(-1, 2), codes)


def bar_rectangles(patch) -> list[tuple[float, float, float, float]]:
    """The (left, bottom, width, height) of each bar drawn by a patch made with :func:`_bars` (for tests)."""
    vertices = patch.get_path().vertices
    return [(float(x0), float(y0), float(x1 - x0), float(y1 - y0))
            for (x0, y0), (x1, _), (_, y1) in zip(vertices[0::5], vertices[1::5], vertices[2::5])]


class CompensationChart(Chart):
    """Two panels over the years compared: the two packages' expected totals (bars), and B minus A by
    component (stacked bars) with its running total in today's dollars (a line); a dotted line marks each
    year in which the running total changes hands."""

    height_in = 5.0
    shared_background = True  # the background (frames, axis titles, parts' legend) is the same for every chart

    def __init__(self) -> None:
        super().__init__()
        figure = self.figure
        figure.delaxes(self.ax)
        grid = figure.add_gridspec(2, 1, height_ratios=(1, 1.75), hspace=0.45, left=0.13, right=0.97, top=0.82,
                                   bottom=0.21)
        self.totals_ax = figure.add_subplot(grid[0])
        self.ax = figure.add_subplot(grid[1], sharex=self.totals_ax)
        top, ax = self.totals_ax, self.ax
        # Moved with the money axis, drawn first, under the bars.
        self.zero_line = self.dynamic(ax.axhline(0, color="black", linewidth=0.8))
        # One patch for each package's bars and one for each part's (see _bars).
        self.total_bars = {key: self.dynamic(top.add_patch(PathPatch(_bars([], [], _WIDTH, []), edgecolor="black",
                                                                     linewidth=0.6, **style)))
                           for key, style in _PACKAGE_STYLE.items()}
        self.total_labels = {key: [self.dynamic(top.text(0, 0, "", fontsize=8, ha="center", va="bottom"))
                                   for _ in range(MAX_YEARS)] for key in _PACKAGE_STYLE}
        self.part_bars = [self.dynamic(ax.add_patch(PathPatch(_bars([], [], 2 * _WIDTH, []), facecolor=colour,
                                                              hatch=hatch, edgecolor="white", linewidth=0.5)))
                          for _, _, colour, hatch in PARTS]
        (self.running,) = ax.plot([], [], color="black", linewidth=2, marker="o", markersize=5,
                                  path_effects=_OUTLINE)
        self.dynamic(self.running)
        self.lead_lines = [self.dynamic(ax.axvline(0, color="black", linestyle=":", linewidth=1.5))
                           for _ in range(MAX_YEARS)]
        self.lead_notes = [self.dynamic(ax.text(0, 0, "", fontsize=8, ha="left", va="top", path_effects=_OUTLINE))
                           for _ in range(MAX_YEARS)]
        for axes in (top, ax):
            axes.yaxis.set_major_formatter(_MONEY_AXIS)
            axes.spines[["top", "right"]].set_visible(False)
            axes.tick_params(labelsize=8)
        top.set_ylabel("Each year", fontsize=9)
        ax.set_ylabel("B minus A", fontsize=9)
        ax.set_xlabel("Year", fontsize=9)
        self._year_axis()
        handles = [Patch(facecolor=colour, hatch=hatch, edgecolor="white", label=name)
                   for name, _, colour, hatch in PARTS]
        handles.append(Line2D([], [], color="black", linewidth=2, marker="o", markersize=5,
                              label="Running total of B minus A, today's dollars"))
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.45, -0.2), ncol=3, fontsize=8,
                  frameon=False, columnspacing=1.2, handlelength=1.8)
        self._names: tuple[str, str] | None = None
        handles = [Patch(edgecolor="black", linewidth=0.6, label=key, **style) for key, style in _PACKAGE_STYLE.items()]
        names = top.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 1.32), ncol=2, fontsize=8,
                           frameon=False, handlelength=1.8)
        # What changes with the years, the names and the amounts typed (the title, the names' legend, the money axes,
        # the years' labels) is stamped over the background (see Stamp), which is then the same for every chart.
        self._dynamic.remove(self.title)
        self._title = Stamp([self.title], lambda: self.title.get_text())
        self._names_legend = Stamp([names], lambda: self._names)
        self._money_axes = [Stamp([axes.yaxis], axes.get_ylim, reach=tick_marks(axes.yaxis)) for axes in (top, ax)]
        self._years = Stamp(self.year_labels,
                            lambda: (self.ax.get_xlim(), tuple(label.get_text() for label in self.year_labels)))
        self.stamps = (self._title, self._names_legend, *self._money_axes, self._years)
        stamp_layer(self, self.stamps)   # first: over the background, under the bars, as the texts were

    def _year_axis(self) -> None:
        """The years' ticks and labels, drawn as matplotlib draws an axis's (same marks, fonts and places) but over
        the background, so that the number of years, which moves the axes' limits and ticks, does not redraw it."""
        top, ax = self.totals_ax, self.ax
        # Where matplotlib puts the axis label under labels of this font: a fixed place, as no tick is left.
        renderer = self.canvas.get_renderer()
        tick = ax.xaxis.majorTicks[0]
        transform, va, ha = ax.get_xaxis_text1_transform(tick.get_pad() + tick.get_tick_padding())
        self.year_labels = [ax.text(0, 0, "", fontsize=tick.label1.get_fontsize(), color=tick.label1.get_color(),
                                    transform=transform, va=va, ha=ha) for _ in range(MAX_YEARS)]
        self.year_labels[0].set_text("1")
        under = self.year_labels[0].get_window_extent(renderer).y0 - ax.xaxis.labelpad * self.figure.dpi / 72
        ax.xaxis.set_label_coords(0.5, (under - ax.bbox.y0) / ax.bbox.height)
        self.year_ticks = []
        for axes in (top, ax):
            tick = axes.xaxis.majorTicks[0].tick1line
            self.year_ticks.append(self.dynamic(axes.plot([], [], linestyle="none", marker=TICKDOWN,
                                                          markersize=tick.get_markersize(),
                                                          markeredgewidth=tick.get_markeredgewidth(),
                                                          color=tick.get_color(), clip_on=False,
                                                          transform=axes.get_xaxis_transform(which="tick1"))[0]))
            axes.set_xticks([])

    def static_key(self):
        # The same for every chart: all that changes is drawn over the background (dynamic, or stamped).
        return ()

    def _name_legend(self, first: str, second: str) -> None:
        """The packages' names in the top panel's legend (its texts changed in place: the legend, stamped, is laid
        out again when drawn)."""
        self._names = (first, second)
        for key, name, text in zip(_PACKAGE_STYLE, self._names, self.totals_ax.get_legend().get_texts()):
            text.set_text(label(f"{key}: {_short_name(name)}"))

    def update(self, comparison) -> str:
        n = comparison.years
        years = np.arange(1, n + 1)
        a, b = comparison.first, comparison.second
        self._name_legend(a.name, b.name)

        # Top: each year's expected totals, labelled while there is room.
        highest = max(float(a.total.max()), float(b.total.max()), 1.0)
        top = _ceiling(highest * 1.15)   # in steps, so that the cached axes are seldom drawn again
        for key, value, shift in (("A", a, -_WIDTH), ("B", b, 0.0)):
            amounts = value.total[:n].astype(float)
            self.total_bars[key].set_path(_bars(years + shift, np.minimum(amounts, 0.0), _WIDTH, np.abs(amounts)))
            for year, text in enumerate(self.total_labels[key], start=1):
                text.set_visible(year <= n <= 4)   # beyond four years neighbouring labels collide
                if year <= n <= 4:
                    amount = float(amounts[year - 1])
                    text.set_position((year + shift + _WIDTH / 2, max(amount, 0.0) + 0.02 * top))
                    text.set_text(label(money_short(amount)))
        low_total = min(float(a.total.min()), float(b.total.min()), 0.0)
        self.totals_ax.set_ylim(-_ceiling(-low_total * 1.1) if low_total < 0 else 0, top)

        # Bottom: B minus A by part, stacked away from zero, and the running total in today's dollars.
        above, below = np.zeros(n), np.zeros(n)
        for bars, (_, keys, _, _) in zip(self.part_bars, PARTS):
            amounts = np.asarray(sum(comparison.component_difference(key) for key in keys), float)[:n]
            shown = np.abs(amounts) > 0.5   # no sliver for a part both pay alike
            positive = amounts > 0
            bottoms = np.where(positive, above, below + amounts)
            bars.set_path(_bars(years[shown] - _WIDTH, bottoms[shown], 2 * _WIDTH, np.abs(amounts[shown])))
            bars.set_visible(bool(shown.any()))
            above += np.where(shown & positive, amounts, 0.0)
            below += np.where(shown & ~positive, amounts, 0.0)
        running = comparison.cumulative_difference
        self.running.set_data(years, running)
        # Each side of zero reaches as far as its bars or the running total, in coarse steps (typing a number then
        # seldom redraws the axes); a side with nothing on it keeps a sliver, so zero never sits on the frame.
        high = max(float(above.max()), float(running.max()), 0.0)
        low = max(float(-below.min()), float(-running.min()), 0.0)
        scale = max(high, low, 1.0)
        top = _ceiling(high * 1.15, _COARSE) if high > 0.05 * scale else 0.1 * _ceiling(scale, _COARSE)
        bottom = _ceiling(low * 1.15, _COARSE) if low > 0.05 * scale else 0.1 * _ceiling(scale, _COARSE)
        self.ax.set_ylim(-bottom, top)
        self.ax.set_xlim(0.4, max(n, 4) + 0.6)   # at least four years wide, so one year's bars stay slim
        for ticks in self.year_ticks:
            ticks.set_data(years, np.zeros(n))
        for year, text in enumerate(self.year_labels, start=1):
            text.set_visible(year <= n)
            text.set_position((year, 0))
            text.set_text(str(year) if year <= n else "")

        changes = comparison.lead_changes
        for index, (line, note) in enumerate(zip(self.lead_lines, self.lead_notes)):
            shown = index < len(changes)
            line.set_visible(shown)
            note.set_visible(shown)
            if shown:
                # Where the running total's line crosses zero, between the year before the change and its year.
                year = changes[index]
                before, after = float(running[year - 2]), float(running[year - 1])
                where = year - 1 + abs(before) / (abs(before) + abs(after))
                line.set_xdata([where] * 2)
                note.set_position((where + 0.05, self.ax.get_ylim()[1] * 0.97))
                note.set_text(f"{'B' if after > 0 else 'A'} ahead\nfrom year {year}")

        self.set_title(self._headline(comparison))
        self.caption = self._caption(comparison)
        return self.caption

    def set_title(self, text: str) -> None:
        super().set_title("\n".join(textwrap.wrap(text, 84)))

    @staticmethod
    def _headline(comparison) -> str:
        """Which package is worth more, and when it leads (the amounts are in the caption and the text)."""
        n = comparison.years
        leader = comparison.leader
        if leader is None:
            return f"The two packages are worth the same over {n} year{'s' * (n != 1)}, on average"
        key = "B" if leader is comparison.second else "A"
        text = (f"On average {key} ({_short_name(in_sentence(leader.name))}) is worth more over {n} "
                f"year{'s' * (n != 1)}, in today's dollars")
        changes = comparison.lead_changes
        if len(changes) == 1:
            year = changes[0]
            first = "A" if comparison.ahead_after(year - 1) is comparison.first else "B"
            other = "B" if first == "A" else "A"
            until = "in year 1" if year == 2 else f"in years 1-{year - 1}"
            text += f"; {first} leads {until}, {other} from year {year}"
        elif changes:
            text += f"; the lead changes hands in years {', '.join(map(str, changes))}"
        return text

    @staticmethod
    def _caption(comparison) -> str:
        a, b = comparison.first, comparison.second
        n = comparison.years

        def span(value) -> str:
            first, last = money_short(float(value.total[0])), money_short(float(value.total[-1]))
            return f"{first} a year" if n == 1 or first == last else f"from {first} in year 1 to {last} in year {n}"

        running = float(comparison.cumulative_difference[-1])
        sign = "+" if running > 0 else ""
        changes = comparison.lead_changes
        if len(changes) == 1:
            ahead = "B" if comparison.ahead_after(changes[0]) is b else "A"
            lead = f"; {ahead} is ahead from year {changes[0]} on, where a dotted line marks the crossing"
        elif changes:
            lead = (f"; the lead changes hands in years {', '.join(map(str, changes))}, each marked by a dotted "
                    "line")
        else:
            lead = ""
        return (f"Top: each year's expected total, A ({a.name}) {span(a)}, B ({b.name}) {span(b)}. Bottom: each "
                f"year's difference, B minus A, stacked by part, and its running total in today's dollars, which "
                f"ends at {sign}{money_short(running)}{lead}.")
