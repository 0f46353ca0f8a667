"""Lesson 12's plan builder: a one-page plan for the learner's own negotiation, checked as it is typed,
saved and loaded as JSON, exported as Markdown or a printable HTML page, and downloadable (on Binder the
session's files vanish when it ends)."""

from __future__ import annotations

import base64
import html
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets

from ..model import (PLAN_FIELDS, InterestMap, NegotiationPlan, export_plan, load_plan, parse_money, plan_html,
                     plan_markdown, plan_to_json, save_plan, tactic_catalogue)
from ..model.money import money
from ..model.plan_file import backup_path, default_plan_path
from .base import alert_html, choice, course_root, labelled, status_html
from .batna import BatnaCalculator
from .batna import _as_text_row as batna_text_row
from .criteria import COLUMNS as CRITERIA_COLUMNS
from .criteria import _criterion
from .table import EditableTable

__all__ = ["PlanBuilder"]

_SECTIONS = [
    ("The negotiation", ["title", "counterpart", "wants", "issues"]),
    ("Your BATNA and your numbers", ["batna", "batna_value", "reservation", "aspiration"]),
    ("Their side", ["their_reservation", "their_spread", "their_aspiration", "their_interests", "focal_points"]),
    ("Criteria and justification", ["criteria", "justification"]),
    ("Opening, questions and concessions", ["opening", "opening_plan", "questions", "concessions"]),
    ("Tactics to expect", ["tactics", "tactic_notes"]),
    ("Walking away and closing", ["walk_away", "closing"]),
]
_LONG_TEXT = {"justification", "opening_plan", "walk_away", "closing"}
_WANTS = [("I am paid or I sell: I want more", "more"), ("I pay or I buy: I want less", "less")]
_SPECS = {spec.key: spec for spec in PLAN_FIELDS}


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


# A link that looks like a button: the browser saves the file itself (works in JupyterLab, Voila and on Binder).
_DOWNLOAD_STYLE = ("display:inline-block;margin:4px 12px 4px 0;padding:4px 12px;border:1px solid #1f77b4;"
                   "border-radius:3px;background:#eef5fb;color:#1f4e79;font-weight:600;text-decoration:none")


def _amount(value: float) -> str:
    """An amount as the form shows it: whole dollars as $70,000, anything else to the cent."""
    return money(value) if value == round(value) else f"{'-' if value < 0 else ''}${abs(value):,.2f}"


def _download(text: str, filename: str, mime: str, label: str) -> str:
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (f"<a download='{html.escape(filename)}' href='data:{mime};charset=utf-8;base64,{data}' "
            f"style='{_DOWNLOAD_STYLE}' title='Download {html.escape(filename)}'>{html.escape(label)}</a>")


class PlanBuilder(widgets.VBox):
    """Build, check, save, load and export your one-page negotiation plan.

    ``path`` is the plan file (default: ``$NEGWIDGETS_PLAN_FILE`` or ``my_negotiation_plan.json`` in the
    notebook's folder); an existing plan there is loaded. ``plan`` starts from a given plan instead.

    Attributes for tests: ``plan`` (the plan as the form stands, the last one that could be read),
    ``problems`` (what does not fit together), ``field_errors`` (field key -> sentence), ``status_text``.

    >>> builder = PlanBuilder(plan=NegotiationPlan(title="My salary", reservation=70_000, aspiration=65_000))
    >>> builder.fields["title"].value, builder.problems[1][:24]
    ('My salary', 'Your target ($65,000) is')
    """

    def __init__(self, path: Path | str | None = None, plan: NegotiationPlan | None = None):
        self.plan = NegotiationPlan()
        self.problems: list[str] = []
        self.field_errors: dict[str, str] = {}
        self.status_text = ""
        self._filling = False
        self._alternatives: tuple = ()
        self._risk_aversion = 0.0
        self._notes: tuple = ()
        self._baseline: tuple = ()   # lesson 00's confidence ratings: not on the form, kept on every save
        self._practice: tuple = ()   # lesson 08's practice games: not on the form either, kept on every save
        self._interest_map = InterestMap()   # the interest map's own builder edits it; kept on every save
        self._collaboration = None   # lesson 16's collaboration agreement: its own builder edits it; kept on every save
        self._unknown_tactics: tuple = ()
        self.fields: dict[str, widgets.Widget] = {}
        self.errors: dict[str, widgets.HTML] = {}

        self.path = labelled(widgets.Text, "Plan file", value=str(path if path is not None else default_plan_path()),
                             continuous_update=False)
        self.status = widgets.HTML("")
        self.checks = widgets.HTML("")
        self.downloads = widgets.HTML("")
        self.save_button = self._button("Save plan", "Save the plan to the plan file (the previous version is kept as a backup)")
        self.load_button = self._button("Load plan", "Load the plan saved in the plan file, replacing this form")
        self.markdown_button = self._button("Export Markdown", "Write the plan as a Markdown page next to the plan file")
        self.html_button = self._button("Export HTML page", "Write the plan as a web page you can print, next to the plan file")
        self.save_button.on_click(lambda _b: self.save())
        self.load_button.on_click(lambda _b: self.load())
        self.markdown_button.on_click(lambda _b: self.export("markdown"))
        self.html_button.on_click(lambda _b: self.export("html"))

        self.batna_calculator = BatnaCalculator()
        self.batna_calculator.plan_saver.layout.display = "none"  # here the form is the plan: one way to save it
        self.use_batna = self._button("Use as my BATNA's value", "Copy the calculator's outcomes and value into the plan",
                                      width="220px")
        self.use_batna.on_click(lambda _b: self.use_calculator())
        self.criteria_table = EditableTable(CRITERIA_COLUMNS, [], lambda: self.refresh(), add_label="Add a standard",
                                            row_label="standard")
        self.notes = widgets.HTML("")

        children = [widgets.HTML("<h3 style='margin:4px 0'>Your plan</h3>"), self.path,
                    widgets.HBox([self.save_button, self.load_button, self.markdown_button, self.html_button]),
                    self.status]
        for heading, keys in _SECTIONS:
            children.append(widgets.HTML(f"<h4 style='margin:12px 0 4px 0'>{html.escape(heading)}</h4>"))
            for key in keys:
                children.append(self._control(key))
                if key == "batna":
                    children += [widgets.HTML("<i>Value an uncertain Plan B with the lesson 02 calculator, then copy "
                                              "its value into the plan:</i>"), self.batna_calculator, self.use_batna]
        children += [widgets.HTML("<h4 style='margin:12px 0 4px 0'>Checks</h4>"), self.checks,
                     widgets.HTML("<h4 style='margin:12px 0 4px 0'>From the course's calculators</h4>"), self.notes,
                     widgets.HTML("<h4 style='margin:12px 0 4px 0'>Download</h4>"), self.downloads]
        super().__init__(children)
        course_root(self, "negwidgets")
        self.path.observe(lambda change: self.refresh(), names="value")

        saved = self._plan_file()
        if plan is not None:
            self.fill(plan)
        elif saved is not None and saved.exists():
            self.load()
        else:
            self.refresh()

    # -- building the form -----------------------------------------------------------------------------------

    @staticmethod
    def _button(description: str, tooltip: str, width: str = "170px") -> widgets.Button:
        return widgets.Button(description=description, tooltip=tooltip, layout=widgets.Layout(width=width))

    def _control(self, key: str) -> widgets.Widget:
        spec = _SPECS[key]
        if spec.kind == "criteria":
            self.fields[key] = self.criteria_table
            self.errors[key] = widgets.HTML("")
            return widgets.VBox([self.criteria_table, self.errors[key]])
        if spec.kind == "choice":
            control = choice(spec.label, _WANTS, "more")
        elif spec.kind == "tactics":
            control = labelled(widgets.SelectMultiple, spec.label, options=[(t.name, t.id) for t in tactic_catalogue()],
                               value=(), rows=7)
        elif spec.kind == "lines" or key in _LONG_TEXT:
            control = labelled(widgets.Textarea, spec.label, placeholder=spec.help, continuous_update=False,
                               layout=widgets.Layout(width="600px", max_width="100%", height="70px"))
        else:
            control = labelled(widgets.Text, spec.label, placeholder=spec.help, continuous_update=False)
        control.observe(lambda change: self.refresh(), names="value")
        self.fields[key] = control
        self.errors[key] = widgets.HTML("")
        return widgets.HBox([control, self.errors[key]])

    def fill(self, plan: NegotiationPlan) -> None:
        """Show ``plan`` in the form."""
        self._filling = True
        try:
            for spec in PLAN_FIELDS:
                value = getattr(plan, spec.key)
                control = self.fields.get(spec.key)
                if spec.kind == "money":
                    control.value = "" if value is None else _amount(value)
                elif spec.kind == "lines":
                    control.value = "\n".join(value)
                elif spec.kind == "tactics":
                    known = {option[1] for option in control.options}
                    control.value = tuple(t for t in value if t in known)
                    self._unknown_tactics = tuple(t for t in value if t not in known)
                elif spec.kind == "criteria":
                    self.criteria_table.set_rows([(c.name, money(c.value), c.strength, c.reason) for c in value])
                elif spec.kind in ("text", "choice"):
                    control.value = value
            self._alternatives, self._risk_aversion, self._notes = plan.alternatives, plan.risk_aversion, plan.calculator_notes
            self._baseline = plan.confidence_baseline
            self._practice = plan.practice_games
            self._interest_map = plan.interest_map
            self._collaboration = plan.collaboration
            if plan.alternatives:
                self.batna_calculator.risk_aversion = plan.risk_aversion
                self.batna_calculator.table.set_rows([batna_text_row(a) for a in plan.alternatives])
        finally:
            self._filling = False
        self.refresh()

    # -- reading the form ------------------------------------------------------------------------------------

    def _read(self) -> tuple[dict, dict[str, str]]:
        values, errors = {}, {}
        for spec in PLAN_FIELDS:
            key, control = spec.key, self.fields.get(spec.key)
            try:
                if spec.kind == "money":
                    text = control.value.strip()
                    values[key] = parse_money(text, spec.label.lower()) if text else None
                elif spec.kind == "lines":
                    values[key] = _lines(control.value)
                elif spec.kind == "text":
                    values[key] = control.value.strip()
                elif spec.kind == "choice":
                    values[key] = control.value
                elif spec.kind == "tactics":
                    values[key] = tuple(control.value) + self._unknown_tactics
                elif spec.kind == "criteria":
                    values[key] = tuple(_criterion(row) for row in self.criteria_table.rows
                                        if row.name.value.strip() or row.value.value.strip())
            except ValueError as error:
                errors[key] = str(error)
        values.update(alternatives=self._alternatives, risk_aversion=self._risk_aversion, calculator_notes=self._notes,
                      confidence_baseline=self._baseline, practice_games=self._practice,
                      interest_map=self._interest_map, collaboration=self._collaboration)
        return values, errors

    def _plan_file(self) -> Path | None:
        text = self.path.value.strip()
        if not text.lower().endswith(".json"):
            return None
        return Path(text).expanduser().absolute()

    def refresh(self, change=None) -> None:
        if self._filling:
            return
        values, errors = self._read()
        if not errors:
            try:
                self.plan = NegotiationPlan(**values)
            except ValueError as error:
                errors["plan"] = str(error)
        target = self._plan_file()
        if target is None:
            errors["path"] = ("Give the plan file a name ending in .json, such as my_negotiation_plan.json. "
                              "Nothing is saved until it has one.")
        self.field_errors = errors
        for key, box in self.errors.items():
            box.value = alert_html(errors[key]) if key in errors else ""
        self.problems = self.plan.check()
        general = [errors[k] for k in ("plan", "path") if k in errors]
        items = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems)
        checks = "".join(alert_html(message) for message in general)
        if errors and not general:
            checks += alert_html("Some fields above cannot be read yet (marked in red): the checks, the downloads and "
                                 "a save use the last plan that could be read.")
        checks += (f"<div role='status'><ul style='color:#7c2d12'>{items}</ul></div>" if items else
                   status_html("The plan hangs together: nothing contradicts anything else."))
        outlook = self.plan.opening_outlook()
        if outlook:   # lesson 05's chance of no deal for this opening, problem or not
            checks += f"<p style='margin:4px 0'>{html.escape(outlook)}</p>"
        self.checks.value = checks
        self.notes.value = ("".join(f"<p style='margin:2px 0'><b>{html.escape(source)}</b>: {html.escape(text)}</p>"
                                    for source, text in self._notes)
                            or "<i>Nothing yet: the calculators of lessons 02, 04, 05 and 06 have a Save to my plan "
                               "button.</i>")
        stem = (target or Path("my_negotiation_plan.json")).stem
        self.downloads.value = (
            _download(plan_markdown(self.plan), f"{stem}.md", "text/markdown", "Download Markdown")
            + _download(plan_html(self.plan), f"{stem}.html", "text/html", "Download HTML page")
            + _download(plan_to_json(self.plan), f"{stem}.json", "application/json", "Download plan file (JSON)")
            + "<p style='color:#444;font-size:0.9em'>On Binder, download your plan before you close the tab: the "
              "session's files are deleted when it ends.</p>"
        )

    # -- actions ---------------------------------------------------------------------------------------------

    def use_calculator(self) -> None:
        """Copy the inline BATNA calculator's outcomes and value into the plan."""
        calculator = self.batna_calculator
        if calculator.result is None or calculator.error_text:
            self._say("Fix the BATNA calculator's input first: nothing was copied.", error=True)
            return
        result = calculator.result
        self._alternatives, self._risk_aversion = result.alternatives, result.risk_aversion
        self._filling = True  # three fields change: check the plan once, after all of them
        self.fields["batna_value"].value = money(result.certainty_equivalent)  # whole dollars: a plan, not a ledger
        if not self.fields["reservation"].value.strip():
            self.fields["reservation"].value = money(result.reservation_value)
        if not self.fields["batna"].value.strip():
            self.fields["batna"].value = "; ".join(a.name for a in result.alternatives)
        self._filling = False
        self.refresh()
        self._say(f"Copied: your BATNA is worth {money(result.certainty_equivalent)}.")

    def _ready(self, action: str) -> Path | None:
        target = self._plan_file()
        if target is None:
            self._say(f"Give the plan file a name ending in .json first: nothing was {action}.", error=True)
            return None
        if self.field_errors and action != "loaded":
            self._say(f"Some fields cannot be read yet (marked in red): fix them first. Nothing was {action}.", error=True)
            return None
        return target

    def save(self) -> None:
        target = self._ready("saved")
        if target is None:
            return
        had_file = target.exists()
        try:
            save_plan(self.plan, target)
        except ValueError as error:
            self._say(str(error), error=True)
            return
        backup = f" The previous version is kept as {backup_path(target).name}." if had_file else ""
        self._say(f"Saved to {target.name} at {datetime.now():%H:%M}.{backup}")

    def load(self) -> None:
        target = self._ready("loaded")
        if target is None:
            return
        try:
            plan = load_plan(target)
        except ValueError as error:
            self.refresh()
            self._say(f"{error} The form below was not changed.", error=True)
            return
        self.fill(plan)
        self._say(f"Loaded your plan from {target.name}.")

    def export(self, kind: str) -> None:
        target = self._ready("exported")
        if target is None:
            return
        suffix = ".md" if kind == "markdown" else ".html"
        try:
            written = export_plan(self.plan, target.with_suffix(suffix), kind)
        except ValueError as error:
            self._say(str(error), error=True)
            return
        self._say(f"Wrote {written.name} next to your plan file. Open it, print it, or use the download links below.")

    def _say(self, message: str, error: bool = False) -> None:
        self.status_text = message
        self.status.value = alert_html(message) if error else status_html(message)
