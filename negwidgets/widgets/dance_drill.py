"""Lesson 08's drill: read a counterpart's dance, name its tactic, estimate its limit, then see it all."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..model.dance_drill import DRILL_TACTICS, DanceDrill
from ..model.money import money
from ..plots import ReadTheDanceChart
from .base import GameMoves, choice, course_root, figure, labelled, status_html

__all__ = ["ReadTheDance"]

_BOX = ("background:#f3f7fb;border-left:4px solid #1f77b4;padding:6px 10px;margin:6px 0;overflow-wrap:anywhere;"
        "line-height:1.45")


class ReadTheDance(GameMoves, widgets.VBox):
    """A drill of counterparts: from each one's first offers, name its tactic and estimate its limit.

    ``seed`` makes the drill reproducible (**New drill** adds one); ``rounds`` is the number of
    counterparts (each four show every tactic once).

    >>> drill = ReadTheDance(seed=1)
    >>> drill.tactic.value = "Boulware"
    >>> drill.limit_box.value = "75k"
    >>> drill.check.click()
    >>> drill.reveal_text.startswith("Right: a Boulware.")
    True
    """

    def __init__(self, rounds: int = 4, *, seed: int | None = None):
        self.seed, self.count = seed, rounds
        self.error_text = ""
        self.drill = DanceDrill(rounds, seed)
        self.heading = widgets.HTML()
        self.offers = widgets.HTML()
        self.chart = ReadTheDanceChart()
        self.image = figure(self.chart)
        self.tactic = choice("Their tactic", list(DRILL_TACTICS), value=None)
        self.limit_box = labelled(widgets.Text, "Their limit (your estimate)", placeholder="e.g. 78,000 or 78k")
        self.check = widgets.Button(description="Check my read", button_style="primary",
                                    tooltip="Score your read and reveal the rest of the dance",
                                    layout=widgets.Layout(width="160px"))
        self.next = widgets.Button(description="Next counterpart", tooltip="Read the next counterpart's dance",
                                   layout=widgets.Layout(width="170px"))
        self.new_drill = widgets.Button(description="New drill", tooltip="Start a drill with new counterparts",
                                        layout=widgets.Layout(width="140px"))
        self.error = widgets.HTML()
        self.reveal = widgets.HTML()
        self.score = widgets.HTML()
        self.check.on_click(lambda _b: self._move(lambda: self.drill.answer(self.tactic.value, self.limit_box.value)))
        self.next.on_click(lambda _b: self._move(self._next))
        self.new_drill.on_click(lambda _b: self._new_drill())
        buttons = widgets.HBox([self.check, self.next, self.new_drill], layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([self.heading, self.offers, self.image, self.tactic, self.limit_box, buttons, self.error,
                          self.reveal, self.score])
        course_root(self, "negwidgets", "nw-dance-drill")
        self._start()

    # --- what tests and lessons read ---------------------------------------------------------------

    @property
    def reveal_text(self) -> str:
        """The explanation shown after a read ("" before)."""
        read = self.drill.last_read
        return "" if read is None else read.describe()

    @property
    def score_text(self) -> str:
        return self.drill.describe()

    @property
    def caption_text(self) -> str:
        return self.chart.caption

    # --- events ------------------------------------------------------------------------------------

    def _next(self) -> None:
        self.drill.next()
        self.tactic.value = None
        self.limit_box.value = ""

    def _new_drill(self) -> None:
        if self.seed is not None:
            self.seed += 1
        self.drill = DanceDrill(self.count, self.seed)
        self._start()

    def _start(self) -> None:
        self.tactic.value = None
        self.limit_box.value = ""
        self._show_error("")
        self._render()

    def _render(self) -> None:
        drill, r = self.drill, self.drill.current
        read = drill.last_read
        self.heading.value = (f"<p style='margin:6px 0'><b>Counterpart {drill.index + 1} of {len(drill.rounds)}.</b> "
                              f"{html.escape(r.setting())}</p>")
        rows = []
        for number, offer in enumerate(r.offers, 1):
            if number > r.shown and read is None:
                break
            move = 0 if number == 1 else offer - r.offers[number - 2]
            step = "" if number == 1 else " (no move)" if move == 0 else f" ({'+' if move > 0 else '−'}{money(abs(move))})"
            later = " <i>revealed</i>" if number > r.shown else ""
            deadline = " <i>at the deadline</i>" if number == len(r.offers) else ""
            rows.append(f"<li style='white-space:nowrap'>{number}. {html.escape(money(offer) + step)}{later}{deadline}</li>")
        label = f"{html.escape(r.its.capitalize())} {r.moves}" + ("" if read else " so far")
        # A numbered list that flows along the line: eight to twelve offers stay a few lines high.
        self.offers.value = (f"<div style='margin:4px 0'><b>{label}:</b><ol aria-label='{label}' style='margin:2px 0 4px;"
                             f"padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:2px 18px'>{''.join(rows)}</ol></div>")
        answered = read is not None
        for control in (self.tactic, self.limit_box, self.check):
            control.disabled = answered
        self.next.layout.display = "" if answered and not drill.finished else "none"
        self.new_drill.layout.display = "" if drill.finished else "none"
        if answered:
            self.reveal.value = (f"<div role='status' class='nw-read' style='{_BOX}'>"
                                 f"<p style='margin:2px 0'><b>{html.escape(read.headline)}</b> {html.escape(read.round.tell())}</p>"
                                 f"<p style='margin:4px 0'>{html.escape(read.limit_text())}</p>"
                                 f"<p style='margin:4px 0'>{html.escape(read.points_text())}</p></div>")
            self.chart.update(read)
        else:
            self.reveal.value = ""
            self.chart.update(r)
        self.image.show(self.chart.png(), self.chart.caption)
        self.score.value = status_html(drill.describe()) if drill.reads else ""
