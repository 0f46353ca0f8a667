"""The BATNA calculator: a table of what could happen if you walk away, valued for your attitude to risk."""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets

from ..model import MAX_CAUTION, Alternative, parse_money, parse_probability, risk_aversion_for_caution, value_batna
from ..plots import DecisionTreeChart
from .base import ModelView, number_slider
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
    """Value an uncertain Plan B: expected value, certainty equivalent for your caution, a decision tree.

    ``alternatives`` are ``Alternative`` objects or tuples ``(name, value, probability[, adjustment])``.

    >>> calc = BatnaCalculator([("Offer from Firm B", 72_000, 0.5), ("Offer from Firm C", 65_000, 0.3),
    ...                         ("Stay in current job", 58_000, 0.2)])
    >>> calc.result.expected_value
    67100.0
    """

    chart_class = DecisionTreeChart

    def __init__(self, alternatives: Iterable = (("A competing offer", 70_000, 1.0),), caution: float = 0, *,
                 plan_path=None):
        self.table = EditableTable(COLUMNS, [_as_text_row(row) for row in alternatives], lambda: self.refresh(),
                                   add_label="Add an outcome", row_label="outcome")
        self.caution = number_slider("Caution (0 = risk neutral)", min(max(caution, 0), MAX_CAUTION), 0, MAX_CAUTION,
                                     step=0.5, decimals=1)
        super().__init__([self.table, self.caution], watched=[self.caution])
        self.explain_clamped(caution, self.caution, risk_aversion_for_caution)
        self.plan_saver = PlanSaver(self, "BATNA calculator (lesson 02)", plan_path)
        self.children += (self.plan_saver,)

    @property
    def rows(self):
        return self.table.rows

    @property
    def add_button(self) -> widgets.Button:
        return self.table.add_button

    def plan_changes(self) -> dict:
        """What "Save to my plan" writes: the outcomes, the caution, and the value they give."""
        return {"alternatives": self.result.alternatives, "caution": self.caution.value,
                "batna_value": self.result.certainty_equivalent, "reservation": self.result.reservation_value}

    def compute(self):
        return value_batna([_alternative(row) for row in self.rows], risk_aversion_for_caution(self.caution.value))
