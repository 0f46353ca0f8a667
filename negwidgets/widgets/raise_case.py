"""The raise case builder: your salary, the market figures, your results, the ask and what to ask for if the
budget is fixed, turned into an email draft and the hard questions to prepare for, kept in the plan file."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets

from ..model import parse_money
from ..model.money import money
from ..model.raise_case import (MAX_EVIDENCE, MAX_PERCENTILES, OUTSIDE_OPTIONS, Evidence, Fallback, RaiseCase,
                                RaiseCaseError, email_draft, example_raise_case, fallback_kinds, justification,
                                parse_percentile, prepared_questions, raise_case_text)
from .base import choice, course_root, labelled, show_field_error
from .plan import _download
from .saving import PlanSaver
from .table import EditableTable, text_column

__all__ = ["RaiseCaseBuilder"]

_ASK_FROM = [("A percentile of the market", "percentile"), ("An amount", "amount")]
_FIELDS = ("current_salary", "ask", "market", "evidence", "fallbacks", "conversation")
# ipywidgets gives an HTML widget the line height of one control: prose sets its own, or its lines stand far apart.
_PROSE = "line-height:1.45;max-width:46em"
_NOTE_STYLE = "color:#444;font-size:0.92em;margin:2px 0 6px 0;line-height:1.45;max-width:52em"
_EMAIL_STYLE = ("box-sizing:border-box;max-width:46em;margin:4px 0;padding:8px 12px;border:1px solid #c4c4c4;"
                "border-left:4px solid #1f5fa8;background:#f7f9fc;line-height:1.5;white-space:normal;"
                "overflow-wrap:anywhere")
_WARNING_STYLE = f"color:#7c2d12;background:#fff4e5;border-left:4px solid #ff7f0e;padding:4px 10px;margin:4px 0;{_PROSE}"

MARKET_COLUMNS = [
    text_column("percentile", "Percentile", "200px", "90px", "e.g. 75", numbered=True),
    text_column("salary", "Salary", "260px", "70px", "e.g. $83,000", numbered=True),
]
EVIDENCE_COLUMNS = [
    text_column("what", "What you did", "600px", "170px", "e.g. Automated the monthly report", numbered=True),
    text_column("result", "Result", "600px", "170px", "What it changed, with a number: e.g. saves 2 days a month",
                numbered=True),
]


def _heading(text: str) -> widgets.HTML:
    return widgets.HTML(f"<h4 style='margin:14px 0 4px 0'>{html.escape(text)}</h4>")


def _note(text: str) -> widgets.HTML:
    return widgets.HTML(f"<p style='{_NOTE_STYLE}'>{html.escape(text)}</p>")


class _FallbackChoice(widgets.VBox):
    """One kind of non-salary ask: a checkbox, what it means, and your words for it."""

    def __init__(self, kind, chosen: bool, detail: str):
        self.kind = kind
        self.chosen = widgets.Checkbox(value=chosen, description=kind.name, indent=False,
                                       layout=widgets.Layout(width="auto", min_width="150px"))
        self.detail = labelled(widgets.Text, f"{kind.name}: your words", value=detail,
                               placeholder=f"e.g. {kind.phrase}")
        about = widgets.HTML(f"<div style='color:#444;{_PROSE}'>{html.escape(kind.description)}</div>",
                             layout=widgets.Layout(flex="1 1 260px", min_width="0"))
        super().__init__([widgets.HBox([self.chosen, about], layout=widgets.Layout(align_items="center")),
                          self.detail], layout=widgets.Layout(margin="2px 0 6px 0"))


class RaiseCaseBuilder(widgets.VBox):
    """Build your case for a raise: the email draft and the questions to prepare for follow every change, and
    **Save to my plan** keeps the ask, its reason, the draft and the things to discuss in the plan file
    (``path``, default the plan lesson 12 opens).

    It starts from ``case`` when given, else from Ana's example. Bad input is explained beside the part of the
    form it is about, and the draft shown stays the last one that worked; nothing typed is changed.
    Attributes for tests: ``result`` (the last good :class:`~negwidgets.model.raise_case.RaiseCase`),
    ``result_text``, ``error_text``, ``error_field``, ``draft_text``, ``questions``, ``plan_saver``.

    >>> builder = RaiseCaseBuilder(path="/nonexistent/plan.json")
    >>> builder.result.ask, builder.error_text
    (83000.0, '')
    """

    def __init__(self, case: RaiseCase | None = None, path: Path | str | None = None):
        case = example_raise_case() if case is None else case
        self.result: RaiseCase | None = None
        self.error_text = self.error_field = ""
        self.draft_text = ""
        self.questions: tuple = ()
        self._quiet = True   # no refresh while the form is built
        self.errors = {name: widgets.HTML("") for name in _FIELDS}

        self.current_salary = labelled(widgets.Text, "Your current salary (a year)", value=money(case.current_salary),
                                       placeholder="e.g. $78,000")
        self.ask_from = choice("Set your ask from", _ASK_FROM,
                               "percentile" if case.target_percentile is not None else "amount")
        self.target_percentile = labelled(
            widgets.Text, "Percentile you aim for", placeholder="e.g. 75",
            value=f"{case.target_percentile:g}" if case.target_percentile is not None else "75")
        self.ask_amount = labelled(widgets.Text, "Your ask (a year)", value=money(case.ask), placeholder="e.g. $83,000")

        self.market_source = labelled(widgets.Text, "Where the figures come from", value=case.market_source,
                                      placeholder="e.g. this year's salary survey for data analysts in our region")
        self.market = EditableTable(MARKET_COLUMNS, [(f"{p:g}", money(v)) for p, v in case.market], self.refresh,
                                    add_label="Add a percentile", row_label="market figure")
        self.evidence = EditableTable(EVIDENCE_COLUMNS, [(e.what, e.result) for e in case.evidence] or [()],
                                      self.refresh, add_label="Add a result", row_label="result", stacked=True)

        chosen = {f.kind: f.detail for f in case.fallbacks}
        self.fallbacks = [_FallbackChoice(kind, kind.key in chosen, chosen.get(kind.key, "")) for kind in fallback_kinds()]

        self.manager_name = labelled(widgets.Text, "Your manager's name", value=case.manager_name, placeholder="e.g. Sam")
        self.timing = labelled(widgets.Text, "When you'd like to talk", value=case.timing,
                               placeholder="e.g. before this year's reviews")
        self.outside_option = choice(
            "Other employers", [(label, key) for key, label in OUTSIDE_OPTIONS.items()], case.outside_option,
            help="Choose what is true for you. It shapes your answer to \u201cAre you looking elsewhere?\u201d; "
                 "the email never mentions it.")

        self.summary = widgets.HTML("")
        self.email = widgets.HTML("")
        self.download = widgets.HTML("")
        self.answers = widgets.HTML("")
        self.stale = widgets.HTML("")
        self.plan_saver = PlanSaver(self, "Raise case builder", path)

        for control in (self.current_salary, self.ask_from, self.target_percentile, self.ask_amount,
                        self.market_source, self.manager_name, self.timing, self.outside_option,
                        *(part for f in self.fallbacks for part in (f.chosen, f.detail))):
            control.observe(self.refresh, names="value")

        super().__init__([
            _heading("Your pay and your ask"),
            self.current_salary, self.errors["current_salary"],
            self.ask_from, self.target_percentile, self.ask_amount, self.errors["ask"],
            _heading("The market"),
            _note("Salaries for your role and region by percentile: the 75th percentile is the pay that 75% of "
                  "people in the role earn or less."),
            self.market_source, self.market, self.errors["market"],
            _heading("Your results"),
            _note("What you did, and what it changed, with a number where you can."),
            self.evidence, self.errors["evidence"],
            _heading("If the budget is fixed this cycle"),
            _note("Tick what you would like to discuss instead of (or as well as) salary, and say it in your words."),
            *self.fallbacks, self.errors["fallbacks"],
            _heading("The conversation"),
            self.manager_name, self.timing, self.outside_option, self.errors["conversation"],
            self.stale,
            _heading("Your case"), self.summary,
            _heading("Your email draft"), self.email, self.download,
            _heading("Questions to prepare for"), self.answers,
            self.plan_saver,
        ])
        course_root(self, "negwidgets", "nw-raise-case")
        self._quiet = False
        self.refresh()

    # -- reading the form ------------------------------------------------------------------------------------

    @staticmethod
    def _about(field: str, read):
        """``read()``, with a ValueError's sentence kept as the error of ``field``."""
        try:
            return read()
        except RaiseCaseError:
            raise
        except ValueError as error:
            raise RaiseCaseError(str(error), field) from None

    def _market(self) -> list[tuple[float, float]]:
        points = []
        for number, row in enumerate(self.market.rows, 1):
            percentile, salary = row.percentile.value.strip(), row.salary.value.strip()
            if not percentile and not salary:
                continue   # an empty row waits to be filled
            points.append((parse_percentile(percentile, f"the percentile in row {number} of the market figures"),
                           parse_money(salary, f"the salary in row {number} of the market figures")))
        return points

    def _evidence(self) -> list[Evidence]:
        items = []
        for number, row in enumerate(self.evidence.rows, 1):
            what, result = row.what.value, row.result.value
            if not what.strip() and not result.strip():
                continue
            if not what.strip():
                raise ValueError(f"'What you did {number}' is empty: write what you did, such as 'Automated the "
                                 f"monthly report'.")
            items.append(Evidence(what, result))
        return items

    def _read(self) -> RaiseCase:
        current = self._about("current_salary", lambda: parse_money(self.current_salary.value, "your current salary"))
        market = self._about("market", self._market)
        by_percentile = self.ask_from.value == "percentile"
        ask = None if by_percentile else self._about("ask", lambda: parse_money(self.ask_amount.value, "your ask"))
        target = (self._about("ask", lambda: parse_percentile(self.target_percentile.value, "the percentile you aim for"))
                  if by_percentile else None)
        evidence = self._about("evidence", self._evidence)
        fallbacks = self._about("fallbacks", lambda: [Fallback(f.kind.key, f.detail.value) for f in self.fallbacks
                                                      if f.chosen.value])
        return RaiseCase(current, market, ask, target, tuple(evidence), tuple(fallbacks), self.outside_option.value,
                         self.manager_name.value, self.timing.value, self.market_source.value)

    # -- showing it ------------------------------------------------------------------------------------------

    @property
    def result_text(self) -> str:
        return "" if self.result is None else self.result.describe()

    def refresh(self, change=None) -> None:
        if self._quiet:
            return
        self._renumber()
        by_percentile = self.ask_from.value == "percentile"
        # The box not in use is hidden, not cleared: switching back finds what was typed there.
        self.target_percentile.layout.display = None if by_percentile else "none"
        self.ask_amount.layout.display = "none" if by_percentile else None
        try:
            case = self._read()
        except RaiseCaseError as error:
            self._show_error(str(error), error.field)
            return
        self.result = case
        self._show_error("", "")
        self.draft_text = email_draft(case)
        self.questions = prepared_questions(case)
        self.summary.value = self._summary_html(case)
        self.email.value = f"<div class='nw-raise-email' style='{_EMAIL_STYLE}'>{html.escape(self.draft_text)}</div>"
        self.download.value = (
            f"<p style='{_NOTE_STYLE}'>To copy it, select the text above; or download it with the questions "
            f"below.</p>" + _download(raise_case_text(case), "my_raise_case.txt", "text/plain",
                                      "Download the draft and the questions"))
        self.answers.value = self._answers_html()

    def _renumber(self) -> None:
        """Labels follow the rows' order, as the error sentences do; the Add buttons stop at the limits."""
        for table in (self.market, self.evidence):
            for number, row in enumerate(table.rows, 1):
                for control in row.fields.values():
                    control.description = f"{control.description.rsplit(' ', 1)[0]} {number}"
                row.remove.tooltip = f"Remove {table.row_label} {number}"
        self.market.add_button.disabled = len(self.market.rows) >= MAX_PERCENTILES
        self.evidence.add_button.disabled = len(self.evidence.rows) >= MAX_EVIDENCE

    def _show_error(self, message: str, field: str) -> None:
        show_field_error(self, message, field, "The case, the draft and the questions below are")

    @staticmethod
    def _summary_html(case: RaiseCase) -> str:
        parts = [f"<p style='margin:4px 0;{_PROSE}'><b>{html.escape(case.describe())}</b></p>"]
        parts += [f"<div style='{_WARNING_STYLE}'>{html.escape(w)}</div>" for w in case.warnings]
        if case.suggestions:
            tips = "".join(f"<li>{html.escape(t)}</li>" for t in case.suggestions)
            parts.append(f"<div style='{_PROSE}'><p style='margin:6px 0 2px 0'>To make your case stronger:</p>"
                         f"<ul style='margin:2px 0'>{tips}</ul></div>")
        return "".join(parts)

    def _answers_html(self) -> str:
        items = []
        for q in self.questions:
            asker = " <span style='color:#444;font-weight:normal'>(ask it yourself)</span>" if q.you_ask else ""
            items.append(f"<li style='margin:0 0 8px 0'><b>{html.escape(q.question)}</b>{asker}<br>"
                         f"You: \u201c{html.escape(q.answer)}\u201d"
                         + (f"<br><span style='color:#444;font-size:0.92em'>{html.escape(q.note)}</span>" if q.note else "")
                         + "</li>")
        return f"<ol style='margin:4px 0;padding-left:1.4em;max-width:46em;line-height:1.45'>{''.join(items)}</ol>"

    # -- the plan ------------------------------------------------------------------------------------------

    def plan_changes(self) -> dict:
        """What "Save to my plan" writes: the ask as your target, its reason, the email as how you open, and
        salary with the things to discuss as the issues (and your manager, when named)."""
        case = self.result
        changes = {"wants": "more", "aspiration": case.ask, "justification": justification(case),
                   "opening_plan": email_draft(case),
                   "issues": ("Salary", *(f"{f.name}: {f.phrase()}" for f in case.fallbacks))}
        if case.manager_name:
            changes["counterpart"] = case.manager_name
        return changes
