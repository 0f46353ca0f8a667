"""The chart of honesty over repeated deals: the expected totals of always honest and of the hard tactic,
deal after deal, and the break-even."""

from __future__ import annotations

import math

import numpy as np
from matplotlib import patheffects
from matplotlib.ticker import MaxNLocator

from ..model.aspiration import _ordinal
from ..model.money import money_short
from ..model.reputation import MAX_ENCOUNTERS
from .base import COLOURS, Chart, label
from .charts import _MONEY_AXIS
from .outlines import keep_text_outlines
from .stamps import axis_stamps, stamp_layer

__all__ = ["ReputationChart"]

_OUTLINE = [patheffects.withStroke(linewidth=3, foreground="white")]
_STEPS = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def _ceiling(value: float) -> float:
    """A round top for the money axis: the next of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten
    at or above ``value``, so the axis moves only in steps and wastes little room.

    >>> _ceiling(44_000), _ceiling(126_000), _ceiling(0.5)
    (50000.0, 150000.0, 0.5)
    """
    power = 10 ** np.floor(np.log10(value))
    return float(next(m * power for m in _STEPS if m * power >= value))


def _axis_end(deals: int) -> int:
    """The last deal on the x axis: the deals shown, rounded up to a step of 5, 10 or 50 deals, so that moving
    the deals slider redraws the axes only now and then.

    >>> [_axis_end(n) for n in (1, 5, 6, 20, 21, 45, 100, 101, 1000)]
    [1, 5, 10, 20, 25, 50, 100, 150, 1000]
    """
    if deals <= 5:
        return deals
    step = 5 if deals <= 30 else 10 if deals <= 100 else 50
    return math.ceil(deals / step) * step


class ReputationChart(Chart):
    """Two lines of expected totals against the number of deals (honest: solid with dots; the hard tactic:
    dashed with squares), and the break-even marked by a dotted line with a note; when honesty catches up
    only beyond the deals shown, or never, the title says so."""

    height_in = 3.6
    shared_background = True   # frame, legend: the same for every chart (the axes, which move, are stamped)

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        (self.honest,) = ax.plot([], [], color=COLOURS["you"], linewidth=2.5, marker="o", markersize=4,
                                 label="Always honest")
        (self.hard,) = ax.plot([], [], color=COLOURS["risk"], linewidth=2.5, linestyle="--", marker="s",
                               markersize=4, label="The hard tactic at every deal")
        self.break_even = ax.axvline(0, color="black", linestyle=":", linewidth=1.5)
        self.note = ax.text(0, 0, "", fontsize=9, ha="left", va="top", path_effects=_OUTLINE)
        keep_text_outlines(self)   # the note's outline found once per text, not on every move
        for artist in (self.honest, self.hard, self.break_even, self.note):
            self.dynamic(artist)
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
        ax.set_xlabel("Number of deals so far")
        ax.set_ylabel("Expected total, US dollars")
        ax.spines[["top", "right"]].set_visible(False)
        # Below the axes: inside them the lines, the break-even and its note would run through it.
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=9, frameon=False)
        self.figure.subplots_adjust(left=0.13, right=0.97, top=0.9, bottom=0.27)
        # The deals shown and the totals move both axes (a background each, drawn again when the deals slider went
        # past a step): each axis is stamped over the one background instead, its pixels kept for each of its limits.
        self.stamps = axis_stamps(ax.xaxis, ax.yaxis)
        # Every x axis of the deals slider's usual 1 to 100 (17 ends, about 0.45 MB each), not the latest 12.
        self.stamps[0].kept = 20
        stamp_layer(self, self.stamps)   # first: over the background, under the lines

    def static_key(self):
        return ()   # the same for every chart: the axes are stamped

    def update(self, result) -> str:
        deals = result.deals
        n = result.encounters
        self.honest.set_data(deals, result.honest)
        self.hard.set_data(deals, result.hard)
        small = n <= 40   # markers on every deal while they stay apart
        self.honest.set_marker("o" if small else "")
        self.hard.set_marker("s" if small else "")
        top = _ceiling(max(float(result.honest.max()), float(result.hard.max()), 1.0) * 1.08)
        self.ax.set_xlim(0.5, _axis_end(n) + 0.5)
        self.ax.set_ylim(0, top)
        be = result.break_even
        shown = be is not None and be <= n   # otherwise the title says where (or that) honesty catches up
        self.break_even.set_visible(shown)
        self.note.set_visible(shown)
        if shown:
            self.break_even.set_xdata([be] * 2)
            right = be > 0.6 * n   # the note goes on the side of the line with room for it
            self.note.set_position((be - 0.01 * n if right else be + 0.01 * n, 0.97 * top))
            self.note.set_horizontalalignment("right" if right else "left")
            self.note.set_text(f"Break-even: honesty level or\nahead from the {_ordinal(be)} deal on"
                               if be > 1 else "Honesty is never behind")
        self.set_title(self._headline(result))
        where = (f"the break-even, at the {_ordinal(be)} deal, is marked by a dotted line" if shown else
                 self._beyond(result))
        self.caption = (f"Two lines of expected totals over 1 to {n} deal{'s' * (n != 1)}: always honest ends at "
                        f"{money_short(result.honest_total)}, the hard tactic at {money_short(result.hard_total)}; "
                        f"{where}.")
        return self.caption

    @staticmethod
    def _beyond(result) -> str:
        """Where the break-even is when it is not on the chart (for the caption)."""
        if result.break_even is not None:
            return f"honesty catches up at the {_ordinal(result.break_even)} deal, beyond the deals shown"
        if result.honesty_ever_wins:
            return f"honesty catches up only after more than {MAX_ENCOUNTERS:,} deals"
        return "honesty never catches up"

    @staticmethod
    def _headline(result) -> str:
        be, n = result.break_even, result.encounters
        if be == 1:
            return ("Honesty is never behind: the hard tactic gains "
                    + ("nothing here" if result.gain == 0 else "too little here to count"))
        if be is not None and be <= n:
            return f"The hard tactic leads at first; honesty catches up by the {_ordinal(be)} deal"
        if be is not None:
            return f"Over {n} deal{'s' * (n != 1)} the hard tactic leads; honesty catches up by the {_ordinal(be)} deal"
        if result.honesty_ever_wins:
            return f"The hard tactic leads for more than {MAX_ENCOUNTERS:,} deals"
        return "Under these assumptions honesty never catches up"
