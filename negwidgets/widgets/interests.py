"""The interest map's builder: the other side's positions, the interests you guess behind them, the questions
that test each guess and your options for a package, kept in the plan file."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets

from ..model.interests import (MAX_ROWS, InterestMap, interest_kinds, load_interest_map, save_interest_map,
                               suggested_question)
from ..model.plan_file import default_plan_path
from .base import alert_html, course_root, status_html
from .table import Column, EditableTable, text_column

__all__ = ["InterestMapBuilder"]

_LABEL_WIDTH = "170px"
_WIDE = "600px"
_NO_QUESTION = "Choose a kind of interest to see an open question to start from"


def _kind(value, number: int) -> widgets.Dropdown:
    options = [("Not sure yet", ""), *((kind.name, kind.key) for kind in interest_kinds())]
    return widgets.Dropdown(options=options, value=value or "", description=f"Interest {number}",
                            tooltip="The kind of interest that may lie behind the position",
                            style={"description_width": _LABEL_WIDTH}, layout=widgets.Layout(width="420px",
                                                                                            max_width="100%"))


def _box(key: str, description: str, placeholder: str, lines: int = 1) -> Column:
    """A column of text boxes numbered by row ("Why 2"); a box of two lines or more wraps its words."""
    if lines == 1:
        return text_column(key, description, _WIDE, _LABEL_WIDTH, placeholder, numbered=True)

    def make(value, number: int) -> widgets.Textarea:
        return widgets.Textarea(value="" if value is None else str(value), description=f"{description} {number}",
                                placeholder=placeholder, rows=lines, style={"description_width": _LABEL_WIDTH},
                                layout=widgets.Layout(width=_WIDE, max_width="100%"))
    return Column(key, make)


COLUMNS = [
    _box("position", "Position", "What they ask for, e.g. Start in 2 weeks"),
    Column("kind", _kind),
    _box("why", "Why", "Why they might want it, e.g. a project deadline", lines=2),
    _box("question", "Question", _NO_QUESTION, lines=2),
    _box("options", "Options", "Other ways to meet it, separated by semicolons", lines=3),
]
_KEYS = [column.key for column in COLUMNS]


class InterestMapBuilder(widgets.VBox):
    """Map the other side's positions to the interests behind them; **Save to my plan** keeps the map in the
    plan file (``path``, default the plan lesson 12 opens).

    It starts from ``interest_map`` when given (a lesson may pass Ana's example), else from the map saved in
    the plan file, else from one empty row. Attributes for tests: ``table`` (its ``rows``), ``interest_map``
    (the last map the rows gave), ``result_text``, ``error_text``, ``status_text``.

    >>> from negwidgets.model.interests import example_interest_map
    >>> builder = InterestMapBuilder(example_interest_map(), path="/nonexistent/plan.json")
    >>> builder.interest_map == example_interest_map(), builder.error_text
    (True, '')
    """

    def __init__(self, interest_map: InterestMap | None = None, path: Path | str | None = None):
        self.path = Path(path) if path is not None else default_plan_path()
        self.interest_map = InterestMap()
        self.result_text = self.error_text = self.status_text = ""
        self.error = widgets.HTML("")
        self.result = widgets.HTML("")
        self.status = widgets.HTML("")
        if interest_map is None:
            interest_map = self._saved()
        rows = interest_map.rows() if interest_map else [()]
        self.table = EditableTable(COLUMNS, rows, self.refresh, add_label="Add a row", row_label="row", stacked=True)
        self.save_button = widgets.Button(description="Save to my plan", layout=widgets.Layout(width="160px"),
                                          tooltip="Keep this map in your plan file; lesson 12 shows your whole plan")
        self.save_button.on_click(lambda _button: self.save())
        intro = widgets.HTML("<p style='margin:4px 0'>One row for each interest you guess behind a position. "
                             "Rows with the same position belong together.</p>")
        super().__init__([intro, self.table, self.error, self.result, self.save_button, self.status])
        course_root(self, "negwidgets", "nw-interest-map")
        self.refresh()

    def _saved(self) -> InterestMap:
        try:
            return load_interest_map(self.path)
        except ValueError as error:  # a plan file that cannot be read: say so, and leave it alone
            self._say(str(error), error=True)
            return InterestMap()

    def rows(self) -> list[tuple]:
        return [tuple(row.fields[key].value for key in _KEYS) for row in self.table.rows]

    def refresh(self) -> None:
        for number, row in enumerate(self.table.rows, 1):
            for control in row.fields.values():  # labels follow the rows' order, as the error sentences do
                control.description = f"{control.description.rsplit(' ', 1)[0]} {number}"
            row.remove.tooltip = f"Remove row {number}"
            # The question box suggests an open question for the chosen kind.
            row.question.placeholder = suggested_question(row.kind.value) if row.kind.value else _NO_QUESTION
        self.table.add_button.disabled = len(self.table.rows) >= MAX_ROWS
        try:
            interest_map = InterestMap.from_rows(self.rows())
        except ValueError as error:  # the last good map stays; the sentence goes beside the rows
            self.error_text = str(error)
            self.error.value = alert_html(self.error_text)
            return
        self.interest_map, self.error_text, self.error.value = interest_map, "", ""
        self.result_text = interest_map.describe()
        self.result.value = "".join(f"<p style='margin:4px 0'>{html.escape(line)}</p>"
                                    for line in self.result_text.splitlines())

    def save(self) -> None:
        if self.error_text:
            self._say("Fix the map above first: nothing was saved to your plan.", error=True)
            return
        try:
            target = save_interest_map(self.interest_map, self.path)
        except ValueError as error:
            self._say(f"{error} Nothing was saved.", error=True)
            return
        count = len(self.interest_map.positions)
        self._say(f"Saved to {target.name}: {count} position{'s' if count != 1 else ''} and the interests behind "
                  f"them. Lesson 12 shows your whole plan.")

    def _say(self, message: str, error: bool = False) -> None:
        self.status_text = message
        self.status.value = alert_html(message) if error else status_html(message)
