"""The BATNA calculator: a table of what could happen if you walk away, valued for your attitude to risk."""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets

from ..model import (Alternative, parse_money, parse_probability, risk_aversion_from_certainty_equivalent,
                     value_batna)
from ..plots import DecisionTreeChart
from .base import ModelView, money_slider
from .saving import PlanSaver
from .table import EditableTable, text_column

__all__ = ["BatnaCalculator"]

COLUMNS = [
    text_column("name", "Outcome", "300px", "80px", "e.g. Offer from Firm B", numbered=True),
    text_column("value", "Value", "170px", "45px", "$70,000"),
    text_column("probability", "Chance", "130px", "55px", "50%"),
    text_column("adjustment", "Non-money ±", "200px", "100px", "0",
                "What the non-money side is worth to you, e.g. -4k for a long commute"),
]


def _alternative(row) -> Alternative:
    label = row.name.value.strip() or row.name.description.lower()
    adjustment = row.adjustment.value.strip()
    return Alternative(
        name=label,
        value=parse_money(row.value.value, f"the value of {label}"),
        probability=parse_probability(row.probability.value, f"the chance of {label}"),
        adjustment=parse_money(adjustment, f"the adjustment for {label}") if adjustment else 0.0,
    )


def _as_text_row(item) -> tuple[str, str, str, str]:
    if isinstance(item, Alternative):
        item = (item.name, item.value, item.probability, item.adjustment)
    name, value, probability, *rest = item
    adjustment = rest[0] if rest else 0
    return (str(name), f"{value:,.0f}" if isinstance(value, (int, float)) else str(value),
            f"{probability * 100:g}%" if isinstance(probability, (int, float)) else str(probability),
            (f"{adjustment:,.0f}" if adjustment else "") if isinstance(adjustment, (int, float)) else str(adjustment))


class BatnaCalculator(ModelView):
    """Value an uncertain Plan B: expected value, the sure amount you would take instead (its certainty
    equivalent), and a decision tree.

    ``alternatives`` are ``Alternative`` objects or tuples ``(name, value, probability[, adjustment])``.
    ``sure_amount`` answers "what sure amount would you take instead of this Plan B?"; from it the
    calculator derives your attitude to risk, and keeps that attitude when you change the outcomes.

    >>> calc = BatnaCalculator([("Offer from Firm B", 72_000, 0.5), ("Offer from Firm C", 65_000, 0.3),
    ...                         ("Stay in current job", 58_000, 0.2)])
    >>> calc.result.expected_value, calc.sure.value
    (67100.0, 67100.0)
    """

    chart_class = DecisionTreeChart

    def __init__(self, alternatives: Iterable = (("A competing offer", 70_000, 1.0),), sure_amount: float | None = None,
                 *, risk_aversion: float = 0.0, plan_path=None):
        self.table = EditableTable(COLUMNS, [_as_text_row(row) for row in alternatives], lambda: self.refresh(),
                                   add_label="Add an outcome", row_label="outcome")
        self.risk_aversion = float(risk_aversion)
        self._syncing = False
        self.sure = money_slider("A sure amount I'd take instead", 0, 0, 1, step=100)
        super().__init__([self.table, self.sure], watched=[])
        self.sure.observe(self._sure_moved, names="value")
        self.plan_saver = PlanSaver(self, "BATNA calculator (lesson 02)", plan_path)
        self.children += (self.plan_saver,)
        if sure_amount is not None:
            self._answer(sure_amount)

    def _answer(self, sure_amount: float) -> None:
        """Take "I would swap this Plan B for a sure ``sure_amount``" as the learner's attitude to risk."""
        try:
            rows = [_alternative(row) for row in self.rows]
            self.risk_aversion = risk_aversion_from_certainty_equivalent(rows, sure_amount)
        except ValueError as error:
            self.show_error(str(error))
            return
        self.refresh()

    def _sure_moved(self, change) -> None:
        if not self._syncing:
            self._answer(change["new"])

    @property
    def rows(self):
        return self.table.rows

    @property
    def add_button(self) -> widgets.Button:
        return self.table.add_button

    def plan_changes(self) -> dict:
        """What "Save to my plan" writes: the outcomes, your attitude to risk, and the value they give."""
        return {"alternatives": self.result.alternatives, "risk_aversion": self.result.risk_aversion,
                "batna_value": self.result.certainty_equivalent, "reservation": self.result.reservation_value}

    def compute(self):
        result = value_batna([_alternative(row) for row in self.rows], self.risk_aversion)
        # The outcomes may have changed: the slider spans the new ones and shows what the same attitude
        # makes of them (without taking that as a new answer).
        worst, best = result.worst.outcome, result.best.outcome
        self._syncing = True
        try:
            self.sure.max = max(best, worst + 1, self.sure.min)
            self.sure.min = worst
            self.sure.max = max(best, worst + 1)
            self.sure.value = result.certainty_equivalent
        finally:
            self._syncing = False
        return result
