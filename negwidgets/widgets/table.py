"""An editable table: rows of controls, a Remove button on each row, an Add button below."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import ipywidgets as widgets

__all__ = ["Column", "EditableTable", "Row", "text_column"]


@dataclass(frozen=True)
class Column:
    """One column: ``make(value, number)`` builds the control for row ``number`` holding ``value``."""

    key: str
    make: Callable[[object, int], widgets.ValueWidget]


def text_column(key: str, description: str, width: str, label_width: str, placeholder: str = "",
                tooltip: str = "", numbered: bool = False) -> Column:
    """A column of text boxes; ``numbered`` labels them "Outcome 1", "Outcome 2" ..."""
    def make(value, number: int) -> widgets.Text:
        return widgets.Text(value="" if value is None else str(value),
                            description=f"{description} {number}" if numbered else description,
                            placeholder=placeholder, tooltip=tooltip, style={"description_width": label_width},
                            layout=widgets.Layout(width=width))
    return Column(key, make)


@dataclass
class Row:
    """A row's controls by column key (``row.name``, ``row.value`` ...) and its Remove button; a ``stacked`` row
    puts its controls one under another (for rows too wide for one line)."""

    fields: dict[str, widgets.ValueWidget]
    remove: widgets.Button
    stacked: bool = False
    box: widgets.Box = field(init=False)

    def __post_init__(self) -> None:
        if self.stacked:
            self.box = widgets.VBox([*self.fields.values(), self.remove], layout=widgets.Layout(
                border_left="3px solid #9ecae1", padding="2px 0 6px 8px", margin="6px 0"))
        else:
            self.box = widgets.HBox([*self.fields.values(), self.remove])

    def __getattr__(self, key: str):
        try:
            return self.__dict__["fields"][key]
        except KeyError:
            raise AttributeError(key) from None


class EditableTable(widgets.VBox):
    """Rows the learner edits, adds and removes; ``on_change()`` runs after every such change."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence], on_change: Callable[[], None], *,
                 add_label: str = "Add a row", row_label: str = "row", stacked: bool = False):
        self.columns, self.rows, self.row_label, self.stacked = list(columns), [], row_label, stacked
        self._on_change = lambda change=None: None  # quiet while the first rows are built
        self.add_button = widgets.Button(description=add_label, tooltip=f"Add a {row_label} to the table",
                                         layout=widgets.Layout(width="180px"))
        self.add_button.on_click(lambda _button: self.add_row())
        self.body = widgets.VBox()
        self.set_rows(rows)
        super().__init__([self.body, self.add_button])
        self._on_change = lambda change=None: on_change()

    def add_row(self, *values) -> Row:
        number = len(self.rows) + 1
        padded = list(values) + [None] * (len(self.columns) - len(values))
        fields = {column.key: column.make(value, number) for column, value in zip(self.columns, padded)}
        remove = widgets.Button(description="Remove", tooltip=f"Remove {self.row_label} {number}",
                                layout=widgets.Layout(width="80px"))
        row = Row(fields, remove, stacked=self.stacked)
        for control in fields.values():
            control.observe(lambda change: self._on_change(), names="value")
        remove.on_click(lambda _button, row=row: self.remove_row(row))
        self.rows.append(row)
        self._show()
        return row

    def set_rows(self, rows: Sequence[Sequence]) -> None:
        """Replace every row, with one change notification rather than one per row."""
        notify, self._on_change = self._on_change, lambda change=None: None
        try:
            self.rows = []
            for values in rows:
                self.add_row(*values)
        finally:
            self._on_change = notify
        self._show()

    def remove_row(self, row: Row) -> None:
        self.rows.remove(row)
        self._show()

    def _show(self) -> None:
        self.body.children = [row.box for row in self.rows]
        self._on_change()
