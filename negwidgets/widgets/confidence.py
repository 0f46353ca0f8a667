"""The confidence self-assessment: a baseline in lesson 00 (saved in the plan file) and, in lesson 12, a fresh
rating shown beside it with the change. The arithmetic and the file are :mod:`negwidgets.model.confidence`'s."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets

from ..model.confidence import (HIGHEST, SCALE_HIGH, SCALE_LOW, SKILLS, compare_confidence, load_baseline,
                                save_baseline, self_assessment)
from ..model.plan_file import default_plan_path
from .base import alert_html, course_root, scale, status_html

__all__ = ["ConfidenceBaseline", "ConfidenceRevisit"]


def _scales(values: dict[str, int] | None = None) -> dict[str, widgets.Widget]:
    values = values or {}
    return {skill.key: scale(f"{number}. {skill.text}", SCALE_LOW, SCALE_HIGH, values.get(skill.key))
            for number, skill in enumerate(SKILLS, start=1)}


def _target(path: Path | str | None) -> Path:
    return Path(path) if path is not None else default_plan_path()


class ConfidenceBaseline(widgets.VBox):
    """Lesson 00: rate your confidence in each skill the course teaches, from 1 to 7; **Save my ratings**
    keeps them in the plan file (``path``, default the plan lesson 12 opens) as your baseline.

    Attributes for tests: ``scales`` (skill key -> 1-7 control), ``status_text``, ``error_text``.

    >>> ConfidenceBaseline("/nonexistent/plan.json").answers()["close"] is None
    True
    """

    def __init__(self, path: Path | str | None = None):
        self.path = path
        self.status_text = ""
        self.error_text = ""
        self.status = widgets.HTML("")
        earlier = self._earlier()
        self.scales = _scales(dict(earlier.ratings) if earlier is not None else None)
        self.button = widgets.Button(description="Save my ratings", layout=widgets.Layout(width="170px"),
                                     tooltip="Keep these ratings as your baseline; lesson 12 shows them beside new ones")
        self.button.on_click(lambda _button: self.save())
        super().__init__([*self.scales.values(), self.button, self.status])
        course_root(self, "negwidgets")
        if earlier is not None:
            self._say(f"These are the ratings you saved in {_target(self.path).name}. Saving again replaces them.")

    def _earlier(self):
        try:
            return load_baseline(self.path)
        except ValueError as error:   # a plan file that cannot be read: say so, and leave it alone
            self.error_text = str(error)
            self.status.value = alert_html(str(error))
            return None

    def answers(self) -> dict[str, int | None]:
        return {key: control.value for key, control in self.scales.items()}

    def save(self) -> None:
        try:
            assessment = self_assessment(self.answers())
            target = save_baseline(assessment, self.path)
        except ValueError as error:
            self._say(f"{error} Nothing was saved.", error=True)
            return
        self._say(f"Saved in {target.name}: {assessment.mean:.1f} of {HIGHEST} on average. Lesson 12 shows these "
                  f"ratings beside new ones.")

    def _say(self, message: str, error: bool = False) -> None:
        self.status_text, self.error_text = ("", message) if error else (message, "")
        self.status.value = alert_html(message) if error else status_html(message)


class ConfidenceRevisit(widgets.VBox):
    """Lesson 12: rate the same skills again; once every skill is rated, the baseline from lesson 00 appears
    beside the new ratings, with the change. The baseline is shown only afterwards, so that it does not
    anchor the new rating.

    Attributes for tests: ``baseline`` (or ``None``), ``result`` (the change, once every skill is rated and
    there is a baseline), ``result_text`` and ``error_text``.
    """

    def __init__(self, path: Path | str | None = None):
        self.path = path
        self.result = None
        self.error_text = ""
        self.note = widgets.HTML("")
        self.table = widgets.HTML("")
        try:
            self.baseline = load_baseline(path)
        except ValueError as error:
            self.baseline = None
            self.error_text = str(error)
        name = _target(path).name
        if self.error_text:
            self.note.value = alert_html(f"{self.error_text} Rate yourself now anyway: you will see today's ratings.")
        elif self.baseline is None:
            self.note.value = status_html(f"No ratings from lesson 00 were found in {name}. Rate yourself now: it "
                                          f"is a baseline for the next negotiation you prepare.")
        else:
            self.note.value = status_html(f"Your ratings from lesson 00 are saved in {name}. Rate each skill as you "
                                          f"see it today; they appear side by side once you have rated all "
                                          f"{len(SKILLS)}.")
        self.scales = _scales()
        for control in self.scales.values():
            control.observe(self.refresh, names="value")
        super().__init__([self.note, *self.scales.values(), self.table])
        course_root(self, "negwidgets")
        self.refresh()

    @property
    def result_text(self) -> str:
        return "" if self.result is None else self.result.describe()

    def refresh(self, change=None) -> None:
        answers = {key: control.value for key, control in self.scales.items()}
        rated = sum(value is not None for value in answers.values())
        if rated < len(SKILLS):
            self.result = None
            self.table.value = (f"<p style='color:#444'>{rated} of {len(SKILLS)} skills rated. Rate them all to see "
                                f"{'the change since lesson 00' if self.baseline else 'where you stand'}.</p>")
            return
        now = self_assessment(answers)
        if self.baseline is None:
            self.table.value = status_html(now.describe())
            return
        self.result = compare_confidence(self.baseline, now)
        cell = "style='text-align:center;padding:2px 6px;white-space:nowrap'"
        rows = "".join(
            f"<tr><th scope='row' style='text-align:left;font-weight:normal;padding:2px 8px 2px 0'>"
            f"{html.escape(row.skill.text)}<br><span style='color:#555;font-size:0.9em'>"
            f"{html.escape(row.skill.lessons.capitalize())}</span></th><td {cell}>{row.before}</td><td {cell}>{row.now}"
            f"</td><td {cell}>{f'{row.change:+d}' if row.change else '0'}</td></tr>" for row in self.result.rows)
        self.table.value = (
            "<table style='border-collapse:collapse;margin:8px 0'>"
            "<caption style='text-align:left;font-weight:600;padding:2px 0'>Your confidence, from 1 to 7: at the "
            "start of the course and now</caption>"
            f"<thead><tr><th scope='col' style='text-align:left;padding:2px 8px 2px 0'>Skill (and where it is taught)</th>"
            f"<th scope='col' {cell}>Start</th><th scope='col' {cell}>Now</th><th scope='col' {cell}>Change</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
            f"<div role='status' style='margin:4px 0'>{html.escape(self.result.describe())}</div>")
