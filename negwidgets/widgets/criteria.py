"""Lesson 06's criteria ladder: the standards behind your number, and the ask they support."""

from __future__ import annotations

import html
from collections.abc import Iterable

import ipywidgets as widgets

from ..model import STRENGTHS, Criterion, criteria_ladder, money, parse_money, running_example_criteria
from ..plots import LadderChart
from .base import ModelView, money_slider
from .saving import PlanSaver
from .table import Column, EditableTable, text_column

__all__ = ["CriteriaLadder"]


def _strength(value, number: int) -> widgets.Dropdown:
    return widgets.Dropdown(options=[(f"{k}: {text}", k) for k, text in STRENGTHS.items()],
                            value=3 if value is None else int(value), description="Strength",
                            style={"description_width": "60px"}, layout=widgets.Layout(width="270px"))


COLUMNS = [
    text_column("name", "Standard", "330px", "80px", "e.g. Salary survey, 75th percentile", numbered=True),
    text_column("value", "Number", "160px", "55px", "$83,000"),
    Column("strength", _strength),
    text_column("reason", "Because", "420px", "60px", "…analysts like me earn that here"),
]


def _criterion(row) -> Criterion:
    name = row.name.value.strip() or row.name.description
    number = row.value.value.strip()
    return Criterion(name, parse_money(number, f"the number for '{name}'") if number else None,
                     row.strength.value, row.reason.value)


class CriteriaLadder(ModelView):
    """List your standards, each with its number and strength; see them ordered against the likely zone
    and the most your standards support (the ceiling for your opening), with the sentence that justifies it.

    >>> ladder = CriteriaLadder()
    >>> ladder.result.sentence[:33]
    "I'm asking for $83,000 because an"
    """

    chart_class = LadderChart

    def __init__(self, criteria: Iterable[Criterion] | None = None, *, reservation: float = 70_000,
                 their_limit: float = 80_000, wants: str = "more", slider_range: tuple[float, float] = (40_000, 120_000),
                 plan_path=None):
        self.wants = wants
        rows = [(c.name, money(c.value), c.strength, c.reason)
                for c in (running_example_criteria() if criteria is None else criteria)]
        self.table = EditableTable(COLUMNS, rows, lambda: self.refresh(), add_label="Add a standard",
                                   row_label="standard")
        self.reservation = money_slider("Your reservation value", reservation, *slider_range)
        self.their_limit = money_slider("Their likely limit", their_limit, *slider_range)
        super().__init__([self.table, self.reservation, self.their_limit],
                         watched=[self.reservation, self.their_limit])
        self.plan_saver = PlanSaver(self, "Criteria ladder (lesson 06)", plan_path)
        self.children += (self.plan_saver,)

    def plan_changes(self) -> dict:
        """What "Save to my plan" writes: your standards and the sentence that justifies your ask."""
        return {"wants": self.wants, "criteria": tuple(rung.criterion for rung in self.result.rungs),
                "justification": self.result.sentence, "reservation": self.reservation.value,
                "their_reservation": self.their_limit.value}

    @property
    def rows(self):
        return self.table.rows

    def compute(self):
        return criteria_ladder([_criterion(row) for row in self.rows], reservation=self.reservation.value,
                               their_limit=self.their_limit.value, wants=self.wants)

    def result_html(self) -> str:
        ladder = self.result
        items = "".join(
            f"<li>{html.escape(r.criterion.name)}: {money(r.criterion.value)} "
            f"({html.escape(r.criterion.strength_text)}), {html.escape(r.position)}</li>"
            for r in ladder.rungs
        )
        return (f"<div style='font-size:1.05em;margin:4px 0'><b>{html.escape(ladder.describe())}</b></div>"
                f"<ol style='margin-top:2px'>{items}</ol>")
