"""The BATNA calculator: a table of what could happen if you walk away, valued for your attitude to risk."""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets

from ..model import MAX_CAUTION, Alternative, parse_money, parse_probability, risk_aversion_for_caution, value_batna
from ..plots import DecisionTreeChart
from .base import ModelView, labelled

__all__ = ["BatnaCalculator"]

_CELL = {"width": "170px"}


class _Row:
    """One editable row of the table: name, value, probability, non-money adjustment, remove button."""

    def __init__(self, number: int, name: str, value: str, probability: str, adjustment: str):
        self.name = widgets.Text(value=name, description=f"Outcome {number}", placeholder="e.g. Offer from Firm B",
                                 style={"description_width": "80px"}, layout=widgets.Layout(width="300px"))
        self.value = widgets.Text(value=value, placeholder="$70,000", description="Value",
                                  style={"description_width": "45px"}, layout=widgets.Layout(**_CELL))
        self.probability = widgets.Text(value=probability, placeholder="50%", description="Chance",
                                        style={"description_width": "55px"}, layout=widgets.Layout(width="130px"))
        self.adjustment = widgets.Text(value=adjustment, placeholder="0", description="Non-money ±",
                                       style={"description_width": "100px"}, layout=widgets.Layout(width="200px"),
                                       tooltip="What the non-money side is worth to you, e.g. -4k for a long commute")
        self.remove = widgets.Button(description="Remove", tooltip=f"Remove outcome {number}",
                                     layout=widgets.Layout(width="80px"))
        self.box = widgets.HBox([self.name, self.value, self.probability, self.adjustment, self.remove])

    @property
    def inputs(self) -> list[widgets.Text]:
        return [self.name, self.value, self.probability, self.adjustment]

    def alternative(self) -> Alternative:
        label = self.name.value.strip() or self.name.description.lower()
        adjustment = self.adjustment.value.strip()
        return Alternative(
            name=label,
            value=parse_money(self.value.value, f"the value of {label}"),
            probability=parse_probability(self.probability.value, f"the chance of {label}"),
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

    def __init__(self, alternatives: Iterable = (("A competing offer", 70_000, 1.0),), caution: float = 0):
        self.rows: list[_Row] = []
        self.table = widgets.VBox()
        self.add_button = widgets.Button(description="Add an outcome", tooltip="Add a row to the table",
                                         layout=widgets.Layout(width="160px"))
        self.add_button.on_click(lambda _button: self.add_row())
        self.caution = labelled(widgets.FloatSlider, "Caution (0 = risk neutral)", value=min(max(caution, 0), MAX_CAUTION),
                                min=0, max=MAX_CAUTION, step=0.5, readout_format=".1f")
        self._building = True
        for row in alternatives:
            self.add_row(*_as_text_row(row))
        self._building = False
        super().__init__([self.table, self.add_button, self.caution], watched=[self.caution])
        try:  # a caution beyond the scale was clamped by the slider: say so
            risk_aversion_for_caution(caution)
        except ValueError as error:
            self.show_error(f"{error} The slider is set to {self.caution.value:g} instead.", stale=False)

    def add_row(self, name: str = "", value: str = "", probability: str = "", adjustment: str = "") -> None:
        row = _Row(len(self.rows) + 1, name, value, probability, adjustment)
        for control in row.inputs:
            control.observe(self.refresh, names="value")
        row.remove.on_click(lambda _button, row=row: self.remove_row(row))
        self.rows.append(row)
        self._show_rows()

    def remove_row(self, row: _Row) -> None:
        self.rows.remove(row)
        self._show_rows()

    def _show_rows(self) -> None:
        self.table.children = [row.box for row in self.rows]
        if not self._building:
            self.refresh()

    def compute(self):
        return value_batna([row.alternative() for row in self.rows], risk_aversion_for_caution(self.caution.value))
