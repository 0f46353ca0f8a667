"""The aspiration planner: read an ambitious, defensible aspiration off benchmark pay percentiles."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..data import load
from ..model import aspiration_from_benchmarks, money, parse_money, salary_benchmarks
from ..plots import AspirationChart
from .base import ModelView, int_slider, labelled

__all__ = ["AspirationPlanner"]

PERCENTILES = (10, 25, 50, 75, 90)
_OWN = "My own figures"


class AspirationPlanner(ModelView):
    """Benchmark figures (your own, or the course's illustrative table) and the percentile you can
    defend give your aspiration value, checked against your reservation value.

    >>> planner = AspirationPlanner(role="Data analyst", percentile=80, reservation=70_000)
    >>> planner.result.aspiration
    85000.0
    """

    chart_class = AspirationChart

    def __init__(self, role: str = "Data analyst", percentile: float = 75, reservation: float | str = 70_000,
                 benchmarks: dict[float, float] | None = None):
        roles = list(load("salary_benchmarks")["roles"])
        self.source = labelled(widgets.Dropdown, "Benchmark figures", options=[_OWN] + roles,
                               value=_OWN if benchmarks is not None else role)
        self.notice = widgets.HTML()
        self.figures = {
            p: labelled(widgets.Text, f"{p}th percentile pay", placeholder="leave empty if unknown")
            for p in PERCENTILES
        }
        self.percentile = int_slider("Percentile you aim for", int(percentile), 10, 90)
        self.reservation = labelled(widgets.Text, "Your reservation value",
                                    value=money(reservation) if isinstance(reservation, (int, float)) else reservation)
        self.source.observe(self._fill_from_source, names="value")
        self._filling = False
        if benchmarks is not None:
            for p, value in benchmarks.items():
                if int(p) in self.figures:
                    self.figures[int(p)].value = money(value)
        self._fill_from_source()
        controls = [self.source, self.notice, *self.figures.values(), self.percentile, self.reservation]
        super().__init__(controls, watched=[*self.figures.values(), self.percentile, self.reservation])

    def _fill_from_source(self, change=None) -> None:
        if self.source.value == _OWN:
            self.notice.value = "<i>Type the figures you found for your role and region.</i>"
            return
        self.notice.value = f"<i>{html.escape(load('salary_benchmarks')['notice'])}</i>"
        figures = salary_benchmarks(self.source.value)
        self._filling = True  # five boxes change: refresh once, after the last
        try:
            for p, box in self.figures.items():
                box.value = money(figures[p]) if p in figures else ""
        finally:
            self._filling = False
        if change is not None:  # a learner's choice; at construction the base class refreshes
            self.refresh()

    def refresh(self, change=None) -> None:
        if not self._filling:
            super().refresh(change)

    def compute(self):
        benchmarks = {
            p: parse_money(box.value, f"the {p}th percentile figure")
            for p, box in self.figures.items()
            if box.value.strip()
        }
        reservation = self.reservation.value.strip()
        return aspiration_from_benchmarks(
            benchmarks, self.percentile.value,
            reservation=parse_money(reservation, "your reservation value") if reservation else None,
        )
