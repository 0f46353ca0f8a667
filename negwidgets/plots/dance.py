"""The charts of lesson 08: concession curves, the negotiation dance, and practice results over games."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..model.checks import capitalised
from ..model.dance_drill import a_tactic
from ..model.money import money_short, percent
from ..model.theory import time_dependent_concession
from .base import COLOURS, Chart, label
from .charts import _MONEY_AXIS, _outward, _padded
from .stamps import axis_stamps, stamp_layer

__all__ = ["ConcessionChart", "DanceChart", "ProgressChart", "ReadTheDanceChart"]

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
    shared_background = True  # every chart of the practice game's debrief starts from the backgrounds drawn before
    # Each game's limits move the axes (a whole background each time): the axes are stamped over the background
    # instead, their pixels kept for each of their limits and shared by the class's charts.
    _axis_stamps = {"x": OrderedDict(), "y": OrderedDict()}

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
        self._legend_zone = None  # whether the legend's zone swatch is shown (it copies the zone's visibility)
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("Offer number (both sides alternate)")
        ax.set_ylabel("Salary offered (US dollars)")
        ax.spines[["top", "right"]].set_visible(False)
        self.figure.subplots_adjust(left=0.13, right=0.97, top=0.88, bottom=0.17)
        self.stamps = axis_stamps(ax.xaxis, ax.yaxis, stores=self._axis_stamps)
        stamp_layer(self, self.stamps)   # first: over the background, under the zone and the offers

    def static_key(self):
        return (self._names, self._legend_zone)   # the axes are stamped

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
            self._names, self._legend_zone = dance.names, self.zone.get_visible()
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


_GRADE_STYLE = {  # marker, colour, size: shape and colour both tell the grade
    "good": ("o", COLOURS["you"], 70),
    "could improve": ("^", COLOURS["them"], 70),
    "missed": ("X", COLOURS["risk"], 80),
    "not applicable": (".", COLOURS["neutral"], 20),
}
_SHOWN = 10  # the latest games shown


class ProgressChart(Chart):
    """Practice games side by side: the share of the zone captured (top) and each principle's grade (below)."""

    height_in = 4.6
    width_in = 7.0
    shared_background = True

    def __init__(self) -> None:
        from ..model.coaching import PRINCIPLES

        super().__init__()
        self.figure.clear()
        self._dynamic = []
        self.title = self.dynamic(self.figure.text(0.02, 0.985, "", ha="left", va="top", fontsize=11))
        grid = self.figure.add_gridspec(2, 1, height_ratios=(1, 2.3), hspace=0.12)
        self.ax = self.figure.add_subplot(grid[0])
        self.grades_ax = self.figure.add_subplot(grid[1], sharex=self.ax)
        self._principles = PRINCIPLES
        self._artists: list = []
        self._columns = 0
        ax = self.ax
        ax.set_ylim(0, 1.12)
        ax.set_yticks([0, 0.5, 1])
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: label(percent(v))))
        ax.set_ylabel("Share of\nthe zone", fontsize=9)
        ax.axhline(0.5, color=COLOURS["neutral"], linestyle="--", linewidth=1)
        ax.tick_params(labelbottom=False)
        ax.spines[["top", "right"]].set_visible(False)
        g = self.grades_ax
        g.set_ylim(len(PRINCIPLES) - 0.5, -0.5)
        g.set_yticks(range(len(PRINCIPLES)), [name for _, name, _ in PRINCIPLES], fontsize=8)
        g.set_xlabel("Game (under a rematch: = the game it replays)", fontsize=9)
        # The games' numbers change with every game: they are dynamic texts where the tick labels would be, so a new
        # game draws a few digits instead of the whole axis (its label was most of an update's drawing time). The
        # background keeps the ticks and the axis's label, placed below the numbers' lines (see _place_label).
        g.tick_params(axis="x", labelbottom=False)
        transform, va, ha = g.get_xaxis_text1_transform(g.xaxis.get_major_ticks()[0].get_pad() +
                                                        g.xaxis.get_major_ticks()[0].get_tick_padding())
        self._numbers = [self.dynamic(g.text(0, 0, "", transform=transform, va=va, ha=ha, fontsize=8))
                         for _ in range(_SHOWN)]
        self._lines = 1   # the most lines a game's number takes (two under a rematch)
        g.spines[["top", "right"]].set_visible(False)
        handles = [g.scatter([], [], marker=m, color=c, s=size, label=name) for name, (m, c, size) in _GRADE_STYLE.items()]
        # The grades: one set of marks a grade, moved on each update (the marks never overlap, so their order does
        # not matter; making a scatter for each mark took most of an update's time).
        self._marks = {name: self.dynamic(g.scatter([], [], marker=m, color=c, s=size))
                       for name, (m, c, size) in _GRADE_STYLE.items()}
        g.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.4, -0.24), ncol=4, fontsize=8, frameon=False)
        self.figure.subplots_adjust(left=0.3, right=0.98, top=0.9, bottom=0.2)

    def static_key(self):
        return super().static_key() + (self._columns, self._lines)

    def _place_label(self) -> None:
        """The axis's label below the games' numbers, as matplotlib places it below tick labels: 4 points under
        the lowest of them."""
        renderer = self.canvas.get_renderer()
        spine = self.grades_ax.spines["bottom"].get_window_extent(renderer).y0
        lowest = min((text.get_window_extent(renderer).y0 for text in self._numbers if text.get_text()), default=spine)
        self.grades_ax.xaxis.labelpad = (spine - lowest) * 72 / self.figure.dpi + 4

    def update(self, progress) -> str:
        """Draw a :class:`~negwidgets.model.coaching.PracticeProgress` (or a history with ``progress()``)."""
        progress = progress.progress() if hasattr(progress, "progress") else progress
        for artist in self._artists:
            self.forget(artist)
        self._artists = []
        games = progress.games
        first = max(0, len(games) - _SHOWN)
        shown = list(enumerate(games, 1))[first:]
        columns = max(len(shown), 3)
        xs = list(range(1, columns + 1))
        ticks = [f"{n}" + (f"\n(= {g.rematch_of})" if g.rematch_of else "") for n, g in shown]
        ticks += [""] * (columns - len(ticks))
        self.ax.set_xlim(0.4, columns + 0.6)
        self.grades_ax.set_xticks(xs)
        for x, (number, text) in enumerate(zip(self._numbers, ticks), start=1):
            number.set_text(text)
            number.set_x(x)
            number.set_visible(bool(text))
        lines = 1 + any("\n" in text for text in ticks)
        if (columns, lines) != (self._columns, self._lines):
            self._lines = lines
            self._place_label()
        self._columns = columns
        marks = {grade: [] for grade in _GRADE_STYLE}
        for x, (n, game) in zip(xs, shown):
            if game.share is None:
                text = "no deal" if game.outcome != "deal" else "no zone"
                self._artists.append(self.dynamic(self.ax.text(x, 0.06, text, ha="center", fontsize=8)))
            else:
                bar = self.ax.bar([x], [game.share], color=COLOURS["them"] if game.rematch_of else COLOURS["you"],
                                  width=0.6)[0]
                self._artists.append(self.dynamic(bar))
                self._artists.append(self.dynamic(self.ax.text(x, game.share + 0.03, percent(game.share),
                                                               ha="center", fontsize=8)))
            for row, (pid, _name, _lesson) in enumerate(self._principles):
                marks[game.grade(pid)].append((x, row))
        for grade, scatter in self._marks.items():
            scatter.set_offsets(np.array(marks[grade], float).reshape(-1, 2))
        self.set_title(progress.headline)
        n = len(games)
        shares = ", ".join(f"game {i}: {'no deal' if g.share is None else percent(g.share)}" for i, g in shown)
        self.caption = (f"Top: your share of the zone in {'each of ' if n != 1 else ''}{n} game{'s' if n != 1 else ''} "
                        f"({shares or 'none yet'}). "
                        "Below: each principle's grade in each game (circle good, triangle could improve, cross "
                        "missed, dot not applicable).")
        return self.caption


class ReadTheDanceChart(Chart):
    """Lesson 08's drill: a counterpart's offers so far against the range of limits the learner was told;
    after the read, the rest of its dance to the deadline, its limit, what the first offers allowed and
    the learner's estimate. Update it with a :class:`~negwidgets.model.dance_drill.DanceRound` (before the
    read) or a :class:`~negwidgets.model.dance_drill.DanceRead` (after)."""

    height_in = 3.4

    def __init__(self) -> None:
        super().__init__()
        ax = self.ax
        self.stated = self.dynamic(ax.axhspan(0, 0, color=COLOURS["neutral"], alpha=0.13, linewidth=0,
                                              label="Limits you were told"))
        self.readable = self.dynamic(ax.axhspan(0, 0, color=COLOURS["zone"], alpha=0.28, linewidth=0,
                                                label="What the offers allowed"))
        self.limit = self.dynamic(ax.axhline(0, color=COLOURS["risk"], linewidth=2, label="Their limit"))
        self.estimate = self.dynamic(ax.axhline(0, color=COLOURS["you"], linewidth=2, linestyle=":",
                                                label="Your estimate"))
        (self.seen,) = ax.plot([], [], marker="o", color=COLOURS["them"], linewidth=2, label="Offers you saw")
        (self.rest,) = ax.plot([], [], marker="o", markerfacecolor="white", color=COLOURS["them"], linewidth=1.5,
                               linestyle="--", markevery=slice(1, None), label="Offers after, revealed")
        # (The dashed line starts at the last offer seen, whose filled marker it leaves uncovered.)
        self.deadline = self.dynamic(ax.axvline(0, color=COLOURS["neutral"], linewidth=1, linestyle="-."))
        self.deadline_label = self.dynamic(ax.text(0, 1.0, "deadline", transform=ax.get_xaxis_transform(),
                                                   ha="right", va="bottom", fontsize=8, color="#444"))
        for artist in (self.seen, self.rest):
            self.dynamic(artist)
        self.legend = None
        ax.yaxis.set_major_formatter(_MONEY_AXIS)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("Offer number (the last one comes at the deadline)")
        ax.set_ylabel("Salary (US dollars)")
        ax.spines[["top", "right"]].set_visible(False)
        self.figure.subplots_adjust(left=0.13, right=0.97, top=0.88, bottom=0.3)

    def update(self, shown) -> str:
        """Draw a round before the read, or a read (its round revealed)."""
        read = shown if hasattr(shown, "round") else None
        r = shown.round if read is not None else shown
        total = len(r.offers)
        xs = list(range(1, total + 1))
        self.seen.set_data(xs[:r.shown], r.visible)
        self.stated.set_y(r.stated[0])
        self.stated.set_height(r.stated[1] - r.stated[0])
        self.ax.set_xlim(0.5, total + 0.5)
        self.ax.set_ylim(*_outward(*_padded([r.aspiration, *r.stated], 0.06)))
        self.deadline.set_xdata([total, total])
        self.deadline_label.set_x(total)
        for artist in (self.rest, self.readable, self.limit, self.estimate):
            artist.set_visible(read is not None)
        who, low, high = r.who, money_short(r.stated[0]), money_short(r.stated[1])
        if read is None:
            handles = [self.seen, self.stated]
            self.set_title(f"Read the dance: {r.shown} of {total} {r.moves} so far")
            self.caption = (f"{capitalised(who)}'s first {r.shown} of {total} {r.moves}, {_span(r.visible)}, by "
                            f"number up to the deadline; the range of {r.limit_name}s you were told, {low} to {high}, "
                            "shaded grey.")
        else:
            handles = [self.seen, self.rest, self.limit, self.estimate, self.readable, self.stated]
            self.rest.set_data(xs[r.shown - 1:], r.offers[r.shown - 1:])
            self.readable.set_y(r.readable[0])
            self.readable.set_height(max(r.readable[1] - r.readable[0], 0))
            self.limit.set_ydata([r.reservation] * 2)
            self.estimate.set_ydata([read.estimate] * 2)
            self.set_title(f"{capitalised(a_tactic(r.family))}: {r.its} {r.limit_name} was {money_short(r.reservation)}")
            self.caption = (f"All {total} of {who}'s {r.moves} to the deadline, {_span(r.offers)}, the first "
                            f"{r.shown} filled, the rest hollow; "
                            f"{r.its} {r.limit_name}, {money_short(r.reservation)}, as a red line; what the first "
                            f"{r.shown} allowed, {money_short(r.readable[0])} to {money_short(r.readable[1])}, shaded "
                            f"green inside the grey range you were told ({low} to {high}); your estimate, "
                            f"{money_short(read.estimate)}, dotted.")
        if self.legend is not None:
            self.forget(self.legend)
        self.legend = self.dynamic(self.ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2),
                                                  ncol=3, fontsize=8, frameon=False))
        return self.caption


def _span(offers) -> str:
    """Offers as a caption reads them: "from $60k to $66k", or "all at $60k"."""
    if offers[0] == offers[-1]:
        return f"all at {money_short(offers[0])}"
    return f"from {money_short(offers[0])} to {money_short(offers[-1])}"
