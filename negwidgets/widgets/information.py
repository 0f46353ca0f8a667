"""The value of information: what you propose on a scoring system under each state of knowledge of the other
side's points, and what each proposal leaves on the table."""

from __future__ import annotations

import html
import math

import ipywidgets as widgets

from ..model import ScoringSystem, job_offer_case, value_of_information
from ..model.information import proposals_by_aim
from ..model.checks import capitalised
from ..plots import InformationChart
from .base import ModelView, grow_for_projector, labelled, number_slider

__all__ = ["InformationExplorer"]


class InformationExplorer(ModelView):
    """Choose which party you are and the score you aim for; see what you would propose knowing nothing of the
    other side's points, parts of them, or all of them, and the joint points each proposal leaves on the table.

    ``system`` is a scoring system (default: lesson 09's job offer), ``side`` the party you are (0 or 1) and
    ``aim`` the least you want of your own points (default: halfway between your BATNA and your best package,
    rounded up to a whole point). The aim slider runs over whole points from just above your BATNA to your
    best package, and is set again (to the halfway aim) when you change side.

    Attributes for tests: ``result`` (the model's ``ValueOfInformation``), ``result_text``, ``error_text``,
    ``caption_text``; the controls ``party`` and ``aim``.

    >>> explorer = InformationExplorer(aim=65)
    >>> [p.left_on_table for p in explorer.result.proposals]
    [7.0, 27.0, 7.0, 3.0, 0.0]
    >>> explorer.aim.min, explorer.aim.max
    (31.0, 100.0)
    """

    def __init__(self, system: ScoringSystem | None = None, side: int = 0, aim: float | None = None):
        self.system = job_offer_case() if system is None else system
        self._syncing = False
        self._by_aim: dict = {}   # side -> the model's proposals as a function of the aim
        self.party = labelled(widgets.Dropdown, "You are",
                              options=[(capitalised(name), index) for index, name in enumerate(self.system.parties)],
                              value=side if side in (0, 1) else 0)
        self.aim = number_slider("Your aim (points)", 0, 0, 1, step=1)
        self.aim.tooltip = "The least you want of your own points; you propose what you believe suits them best"
        self._range(self.party.value)
        if aim is not None:
            self.aim.value = aim
            if self.aim.value != round(self.aim.value):   # a readout of whole points would round it
                self.aim.decimals = 1
        super().__init__([self.party, self.aim], watched=[self.aim], chart=InformationChart(self.system))
        self.add_class("nw-information")
        grow_for_projector(self.image)
        self.party.observe(self._side_changed, names="value")
        if side not in (0, 1):
            self.show_error("The side is 0 (the first party) or 1 (the second); the view starts as "
                            f"{self.system.parties[0]}.", stale=False)
        elif aim is not None:
            self.explain_clamped(aim, self.aim, lambda value: value_of_information(self.system, side, value,
                                                                                     ["their points"]))

    def _bounds(self, side: int) -> tuple[float, float, float]:
        """The slider's range for ``side``: whole points above its BATNA up to its best score, and the
        halfway aim (the model's default) rounded up to a whole point. When no package beats the BATNA the
        range is the best score alone (the model then says there is no proposal worth making)."""
        batna = float(self.system.batnas[side])
        best = float(self.system.frontier().scores[:, side].max())
        low = min(math.floor(batna) + 1, best)
        return low, best, min(max(math.ceil((batna + best) / 2), low), best)

    def _range(self, side: int) -> None:
        low, high, middle = self._bounds(side)
        self._syncing = True
        try:
            # Widen first, so that neither bound is ever set across the other.
            self.aim.min, self.aim.max = min(self.aim.min, low), max(self.aim.max, high)
            self.aim.min, self.aim.max = low, high
            self.aim.value = middle
        finally:
            self._syncing = False

    def _side_changed(self, change) -> None:
        self._range(change["new"])
        self.refresh()

    def refresh(self, change=None) -> None:
        if not self._syncing:
            super().refresh(change)

    def compute(self):
        # One model per side, kept: the packages are listed and analysed once, not on every move of the aim.
        side = self.party.value
        if side not in self._by_aim:
            self._by_aim[side] = proposals_by_aim(self.system, side)
        return self._by_aim[side](self.aim.value)

    def result_html(self) -> str:
        result = self.result
        head = result.describe()[:-len(" ".join(p.describe() for p in result.proposals))].strip()
        items = "".join(f"<li>{html.escape(p.describe())}</li>" for p in result.proposals)
        return (f"<div style='font-size:1.05em;margin:4px 0'><b>{html.escape(head)}</b></div>"
                f"<ul style='margin:2px 0 6px 0;padding-left:1.4em'>{items}</ul>")
