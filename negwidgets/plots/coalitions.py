"""The chart of a three-party deal: every split of what the three make together, as a triangle, with the core
shaded, each pair's blocking line, and the Shapley split, the equal split and a proposed split marked.

Why a triangle: a split of one amount among three parties has two free numbers (the third share is the rest),
so every split is one point of a triangle whose corners are "one party gets it all". Every rule of the core is
then a straight line parallel to a side: a party's floor (what it secures alone) and its ceiling (what is left
after the other two keep what they could make as a pair, the pair's blocking line). The core is the region
inside all six lines, so a learner sees at once whether it exists, how large it is and where each proposed split
falls. Bars of each party's range would hide that the three shares move together. To keep the triangle
readable, its corners name the party who gets everything and each blocking line is labelled with its pair and
value just outside the triangle; the amounts of the marked splits are in the text beside the figure and in its
caption (a legend redrawn with them on every change tripled the time of an update).
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon

from ..model.coalitions import PAIRS, SINGLES
from ..model.money import money_short
from .base import COLOURS, Chart, label

__all__ = ["CoalitionChart"]

_HEIGHT = math.sqrt(3) / 2
# Corners of the triangle: the first party at the top, the second bottom left, the third bottom right.
_CORNERS = np.array([[0.5, _HEIGHT], [0.0, 0.0], [1.0, 0.0]])
_SPLIT_COLOUR = "#6a3d9a"   # a purple, apart from tab10's blue and orange markers and the red blocking lines


def _point(shares, total: float) -> np.ndarray:
    """A split as a point of the triangle (its shares as fractions of the total weigh the corners)."""
    weights = np.asarray(shares, dtype=float) / total
    return weights @ _CORNERS


def _share_line(party: int, share: float, total: float) -> np.ndarray | None:
    """The segment of splits that give ``party`` exactly ``share`` (None when it misses the triangle)."""
    if not 0 <= share <= total or total <= 0:
        return None
    j, k = (n for n in range(3) if n != party)
    ends = []
    for other in (j, k):   # one end on each side that meets at the party's corner
        x = np.zeros(3)
        x[party], x[other] = share, total - share
        ends.append(_point(x, total))
    return np.array(ends)


class CoalitionChart(Chart):
    """The triangle of splits: the core shaded green with hatching, each pair's blocking line dashed red and
    labelled with the pair, each party's floor dotted grey, the Shapley split a blue star, the equal split an
    orange circle and a proposed split a purple diamond."""

    height_in = 4.2

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        ax.set_position([0.0, 0.01, 0.62, 0.87])
        ax.set_xlim(-0.27, 1.43)   # room on both sides for the labels of the blocking lines
        ax.set_ylim(-0.2, _HEIGHT + 0.16)
        ax.set_aspect("equal", adjustable="box", anchor="C")
        ax.set_axis_off()
        ax.add_patch(Polygon(_CORNERS, closed=True, facecolor="#fafafa", edgecolor="black", linewidth=1.2))
        self.core = self.dynamic(ax.add_patch(Polygon(_CORNERS, closed=True, facecolor=COLOURS["zone"], alpha=0.35,
                                                      edgecolor=COLOURS["zone"], linewidth=2, hatch="//")))
        # A core that is a segment or a single split has no area: drawn as a thick line or a square instead.
        self.core_line = self.dynamic(ax.plot([], [], color=COLOURS["zone"], linewidth=6, marker="s", markersize=9,
                                              solid_capstyle="round")[0])
        self.floors = [self.dynamic(ax.plot([], [], color=COLOURS["neutral"], linestyle=":", linewidth=1.6)[0])
                       for _ in SINGLES]
        self.pair_lines = [self.dynamic(ax.plot([], [], color=COLOURS["risk"], linestyle="--", linewidth=1.8)[0])
                           for _ in PAIRS]
        self.pair_labels = [self.dynamic(ax.text(0, 0, "", fontsize=8.5, color="#8a1010", va="center",
                                                 linespacing=1.1))
                            for _ in PAIRS]
        self.split_marker = self.dynamic(ax.plot([], [], linestyle="none", marker="D", markersize=12,
                                                 markerfacecolor="none", markeredgecolor=_SPLIT_COLOUR,
                                                 markeredgewidth=2.2)[0])
        self.equal_marker = self.dynamic(ax.plot([], [], linestyle="none", marker="o", markersize=8,
                                                 color=COLOURS["them"], markeredgecolor="black")[0])
        self.shapley_marker = self.dynamic(ax.plot([], [], linestyle="none", marker="*", markersize=15,
                                                   color=COLOURS["you"], markeredgecolor="black")[0])
        self.corner_labels = [
            self.dynamic(ax.text(*_CORNERS[0] + (0, 0.03), "", ha="center", va="bottom", fontsize=9.5)),
            self.dynamic(ax.text(*_CORNERS[1] + (0, -0.03), "", ha="center", va="top", fontsize=9.5)),
            self.dynamic(ax.text(*_CORNERS[2] + (0, -0.03), "", ha="center", va="top", fontsize=9.5)),
        ]
        handles = [
            Patch(facecolor=COLOURS["zone"], alpha=0.35, edgecolor=COLOURS["zone"], hatch="//"),
            Line2D([], [], color=COLOURS["risk"], linestyle="--", linewidth=1.8),
            Line2D([], [], color=COLOURS["neutral"], linestyle=":", linewidth=1.6),
            Line2D([], [], linestyle="none", marker="*", markersize=15, color=COLOURS["you"], markeredgecolor="black"),
            Line2D([], [], linestyle="none", marker="o", markersize=8, color=COLOURS["them"], markeredgecolor="black"),
            Line2D([], [], linestyle="none", marker="D", markersize=11, markerfacecolor="none",
                   markeredgecolor=_SPLIT_COLOUR, markeredgewidth=2.2),
        ]
        labels = ["The core: the splits no pair\nor single party can beat",
                  "A pair's blocking line: splits\nbeyond it, toward the corner,\nare blocked by the pair",
                  "What each secures alone: a\nshare below it is blocked",
                  "The Shapley split", "The equal split (a third each)", "Your proposed split"]
        # Drawn once with the background: the amounts are in the text beside the figure and in its caption.
        self.legend = self.figure.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.63, 0.8), fontsize=9,
                                         frameon=False, labelspacing=1.2, handlelength=2.2, borderaxespad=0)

    def update(self, result) -> str:
        game, core, shapley, split = result.game, result.core, result.shapley, result.split
        names, total = game.names, game.total
        drawable = total > 0
        for i, text in enumerate(self.corner_labels):
            name = "\n".join(textwrap.wrap(names[i], 20))
            text.set_text(label(f"{name}\ngets all {money_short(total)}"))
        # The core: a polygon, a segment or a point (a segment or a point is drawn by its outline alone).
        corners = (np.array([_point(v, total) for v in core.vertices]) if drawable and not core.empty
                   else np.empty((0, 2)))
        self.core.set_visible(len(corners) > 2)
        self.core_line.set_visible(0 < len(corners) <= 2)
        if len(corners) > 2:
            self.core.set_xy(corners)
        elif len(corners):
            self.core_line.set_data(corners[:, 0], corners[:, 1])
            self.core_line.set_marker("s" if len(corners) == 1 else "")
        # Each party's floor, and each pair's blocking line: the pair ij blocks splits that give k more than
        # total - v(ij), the corner side of the line.
        for i, line in enumerate(self.floors):
            segment = _share_line(i, core.floors[i], total) if drawable and core.floors[i] > 0 else None
            line.set_visible(segment is not None)
            if segment is not None:
                line.set_data(segment[:, 0], segment[:, 1])
        for pair, line, text in zip(PAIRS, self.pair_lines, self.pair_labels):
            k = SINGLES.index(next(s for s in SINGLES if s not in pair))
            segment = _share_line(k, core.ceilings[k], total) if drawable and game.value(pair) > 0 else None
            line.set_visible(segment is not None)
            text.set_visible(segment is not None)
            if segment is not None:
                line.set_data(segment[:, 0], segment[:, 1])
                self._place_pair_label(text, segment, k, game.label(pair), game.value(pair))
        self._spread(self.pair_labels)
        for marker, shares in ((self.shapley_marker, shapley.shares), (self.equal_marker, game.equal_split),
                               (self.split_marker, None if split is None else split.shares)):
            marker.set_visible(drawable and shares is not None)
            if drawable and shares is not None:
                x, y = _point(shares, total)
                marker.set_data([x], [y])
        self.set_title("\n".join(textwrap.wrap(self._headline(result), 84)))   # long names: two lines
        self.caption = self._caption(result)
        return self.caption

    @staticmethod
    def _place_pair_label(text, segment: np.ndarray, party: int, pair: str, value: float) -> None:
        """Write the pair just outside the triangle, at the end of its line on a slanted side: the right side
        for the lines that bound the top and the bottom-right corners' shares, the left side for the other, so
        no label crosses a line or a marker inside the triangle. A label is kept below the top corner's name
        (:meth:`_spread` then keeps labels on one side apart)."""
        on_left = party == 1   # the line bounding the bottom-left corner's share ends on the left side
        end = min(segment, key=lambda p: p[0]) if on_left else max(segment, key=lambda p: p[0])
        if end[1] < 0.02:      # the line meets the bottom side there: it is the corner itself (a full share)
            end = max(segment, key=lambda p: p[1])
        y = min(end[1], _HEIGHT - 0.14)
        x = (y / math.sqrt(3) if on_left else 1 - y / math.sqrt(3))   # on the side, at that height
        text.set_position((x - 0.03 if on_left else x + 0.03, y))
        text.set_horizontalalignment("right" if on_left else "left")
        text.set_text(label("\n".join([*textwrap.wrap(pair, 18), money_short(value)])))

    @staticmethod
    def _spread(labels, gap: float = 0.13) -> None:
        """Move labels on the same side of the triangle down until they are ``gap`` apart (a label's two or three
        lines are about 0.1 high), along that side."""
        for side in ("left", "right"):
            shown = sorted((t for t in labels if t.get_visible() and t.get_horizontalalignment() ==
                            ("right" if side == "left" else "left")), key=lambda t: -t.get_position()[1])
            for upper, lower in zip(shown, shown[1:]):
                top = upper.get_position()[1] - gap * (upper.get_text().count("\n") + 1) / 2
                x, y = lower.get_position()
                if y > top:
                    shift = (y - top) / math.sqrt(3)
                    lower.set_position((x - shift if side == "left" else x + shift, top))

    @staticmethod
    def _headline(result) -> str:
        game, core, shapley = result.game, result.core, result.shapley
        if game.total <= 0:
            return "All three together make $0: there is nothing to split"
        if core.empty:
            if "pairs" in core.failures or not core.failures:
                return "No split satisfies every pair: the core is empty"
            party = next((f for f in core.failures if f in SINGLES), None)
            if party is None:
                return "Alone they secure more than together: the core is empty"
            pair = "".join(s for s in SINGLES if s != party)
            need = money_short(game.value(party) + game.value(pair))
            return (f"{game.label(party)} alone and {game.label(pair)} as a pair need {need} of "
                    f"{money_short(game.total)}: the core is empty")
        if shapley.check.in_core:
            return "The Shapley split lies in the core: no one can do better alone"
        first = shapley.check.blocks[0]
        return f"The Shapley split lies outside the core: {game.label(first.coalition)} would block it"

    @staticmethod
    def _caption(result) -> str:
        game, core, shapley, split = result.game, result.core, result.shapley, result.split
        names, total = game.names, game.total
        head = (f"A triangle of every way to split {money_short(total)} among {', '.join(names[:2])} and {names[2]}; "
                "each corner is one of them getting it all.")
        if total <= 0:
            return f"{head} Together they make nothing, so no split is marked."
        if core.empty:
            where = "No region is shaded: the core is empty."
        else:
            ranges = ", ".join(f"{name} {money_short(low)} to {money_short(high)}"
                               for name, (low, high) in zip(names, core.ranges))
            where = f"The shaded core holds the splits no pair or single party can beat on its own: {ranges}."

        def verdict(check, what: str) -> str:
            if check.in_core:
                return f"{what} is inside it"
            return f"{what} is outside it, blocked by {game.label(check.blocks[0].coalition)}"

        marks = [verdict(shapley.check, "the Shapley split (star)"),
                 verdict(game.check_split(game.equal_split), "the equal split (circle)")]
        marks.append(verdict(split, "your split (diamond)") if split is not None else
                     "your split is not marked until its shares add up")
        return f"{head} {where} Dashed lines are the pairs' blocking lines; {'; '.join(marks)}."
