"""Lesson 11's widgets: the browsable tactic catalogue, the recognition quiz, the exploding-offer calculator."""

from __future__ import annotations

import html
from collections.abc import Iterable

import ipywidgets as widgets

from ..model import OtherProcess, exploding_offer, find_tactics, money, parse_money, parse_probability
from ..model import tactic_catalogue, tactic_questions, tactic_situations
from ..plots import ExplodingOfferChart
from .base import ModelView, alert_html, course_root, int_slider, labelled, money_slider, percent_slider
from .check import Quiz
from .table import EditableTable, text_column

__all__ = ["ExplodingOfferCalculator", "TacticBrowser", "tactic_quiz"]

_ALL = "Every situation"


def _tactic_html(item) -> str:
    def bullets(items: Iterable[str]) -> str:
        return "".join(f"<li>{html.escape(text)}</li>" for text in items)

    situations = ", ".join(tactic_situations()[key].lower() for key in item.situations)
    return (
        f"<details style='margin:6px 0;border-left:3px solid #1f77b4;padding-left:8px'>"
        f"<summary><b>{html.escape(item.name)}</b>: {html.escape(item.signature)}</summary>"
        f"<p style='margin:4px 0'><i>Common in: {html.escape(situations)}.</i></p>"
        f"<p style='margin:4px 0'><b>How to recognise it</b></p><ul>{bullets(item.recognise)}</ul>"
        f"<p style='margin:4px 0'><b>Why it works</b>: {html.escape(item.why_it_works)}</p>"
        f"<p style='margin:4px 0'><b>Responses that protect you</b></p><ul>{bullets(item.responses)}</ul>"
        f"<p style='margin:4px 0'><b>What you could say</b>: \u201c{html.escape(item.say)}\u201d</p>"
        f"</details>"
    )


class TacticBrowser(widgets.VBox):
    """Search the catalogue of difficult tactics by words and filter it by situation; each tactic opens to
    show how to recognise it, why it works, responses and a sentence to say.

    >>> browser = TacticBrowser()
    >>> browser.search.value = "deadline"
    >>> [t.id for t in browser.matches][:2]
    ['exploding-offer', 'moving-deadline']
    """

    def __init__(self, query: str = "", situation: str | None = None):
        labels = tactic_situations()
        self.matches = list(tactic_catalogue())
        self.error_text = ""
        self.search = labelled(widgets.Text, "Search the tactics", value=query, placeholder="e.g. deadline, final offer",
                               continuous_update=True)
        self.situation = labelled(widgets.Dropdown, "Situation", options=[(_ALL, "")] + [(v, k) for k, v in labels.items()],
                                  value=situation or "")
        self.error = widgets.HTML("")
        self.count = widgets.HTML("")
        self.listing = widgets.HTML("")
        super().__init__([self.search, self.situation, self.error, self.count, self.listing])
        course_root(self, "negwidgets")
        for control in (self.search, self.situation):
            control.observe(self.refresh, names="value")
        self.refresh()

    def refresh(self, change=None) -> None:
        try:
            found = find_tactics(self.search.value, self.situation.value or None)
        except ValueError as error:
            self.error_text = str(error)
            self.error.value = alert_html(self.error_text + " The list below is for your last search that worked.")
            return
        self.error_text, self.error.value, self.matches = "", "", found
        total = len(tactic_catalogue())
        if found:
            self.count.value = (f"<p role='status'>{len(found)} of {total} tactics match. "
                                "Open one to see how to respond.</p>")
        else:
            self.count.value = ("<p role='status'>No tactic matches: try fewer or other words, or choose every "
                                "situation.</p>")
        self.listing.value = "".join(_tactic_html(item) for item in found)


def tactic_quiz(count: int | None = None, seed: int | None = 0, situation: str | None = None) -> Quiz:
    """The recognition quiz: "which tactic is this?" for scenarios from the catalogue, with feedback per answer.

    >>> quiz = tactic_quiz(count=4)
    >>> len(quiz.checks)
    4
    """
    return Quiz(tactic_questions(seed=seed, count=count, situation=situation))


PROCESS_COLUMNS = [
    text_column("name", "Process", "290px", "70px", "e.g. Interview at Firm C", numbered=True),
    text_column("chance", "Chance", "130px", "55px", "60%", "The chance this process ends in an offer"),
    text_column("value", "Likely offer", "190px", "85px", "$78,000"),
    text_column("day", "Hear by day", "150px", "85px", "10", "Days from today until you will know"),
]


def _process(row) -> OtherProcess:
    name = row.name.value.strip() or row.name.description.lower()
    day_text = row.day.value.strip()
    try:
        day = float(day_text)
    except ValueError:
        raise ValueError(f"I could not read {day_text!r} as the day you will hear from {name}: type a number of days "
                         f"such as 10.") from None
    return OtherProcess(name, parse_probability(row.chance.value, f"the chance of an offer from {name}"),
                        parse_money(row.value.value, f"the likely offer from {name}"), day)


def _as_text_row(item) -> tuple[str, str, str, str]:
    if isinstance(item, OtherProcess):
        item = (item.name, item.chance, item.value, item.day)
    name, chance, value, day = item
    return (str(name), f"{chance * 100:g}%" if isinstance(chance, (int, float)) else str(chance),
            f"{value:,.0f}" if isinstance(value, (int, float)) else str(value), f"{day:g}" if isinstance(day, (int, float)) else str(day))


class ExplodingOfferCalculator(ModelView):
    """An offer that expires in a few days, against your other processes and your BATNA: what accepting now,
    deciding at the deadline, asking for an extension and letting it expire are each worth.

    ``processes`` are ``OtherProcess`` objects or tuples ``(name, chance, likely value, day you hear)``.

    >>> calculator = ExplodingOfferCalculator()
    >>> calculator.result.best, round(calculator.result.ask_for_extension)
    ('Ask for an extension', 74684)
    """

    chart_class = ExplodingOfferChart

    def __init__(self, offer: float = 72_000, deadline: int = 3,
                 processes: Iterable = (("The employer", 0.6, 78_000, 10), ("Firm C", 0.3, 74_000, 5)),
                 batna: float = 58_000, *, extension_days: int = 7, granted: float = 0.7, withdrawn: float = 0.05):
        self.offer = money_slider("The exploding offer", offer, 20_000, 200_000, step=500)
        self.deadline = int_slider("Days until it expires", deadline, 0, 30)
        self.batna = money_slider("Your BATNA if all else fails", batna, 0, 200_000, step=500)
        self.table = EditableTable(PROCESS_COLUMNS, [_as_text_row(p) for p in processes], lambda: self.refresh(),
                                   add_label="Add a process", row_label="process")
        self.extension_days = int_slider("Extension you ask for (days)", extension_days, 0, 30)
        self.granted = percent_slider("Chance they grant it", granted, 0, 1, step=0.05)
        self.withdrawn = percent_slider("Chance they withdraw the offer", withdrawn, 0, 1, step=0.01)
        controls = [self.offer, self.deadline, self.batna, widgets.HTML("<b>Your other processes</b>"), self.table,
                    self.extension_days, self.granted, self.withdrawn]
        super().__init__(controls, watched=[self.offer, self.deadline, self.batna, self.extension_days, self.granted,
                                            self.withdrawn])
        for requested, control in ((deadline, self.deadline), (extension_days, self.extension_days)):
            self.explain_clamped(requested, control, lambda value, control=control: self._check_days(value, control))

    @staticmethod
    def _check_days(value, control) -> None:
        if not control.min <= value <= control.max:
            raise ValueError(f"{control.description} runs from {control.min} to {control.max} days here, not {value:g}.")

    @property
    def rows(self):
        return self.table.rows

    def compute(self):
        return exploding_offer(self.offer.value, self.deadline.value, [_process(row) for row in self.rows],
                               self.batna.value, extension_days=self.extension_days.value, granted=self.granted.value,
                               withdrawn=self.withdrawn.value)

    def result_html(self) -> str:
        decision = self.result
        rows = "".join(
            f"<tr><td style='padding:2px 10px'>{'<b>' if name == decision.best else ''}{html.escape(name)}"
            f"{'</b>' if name == decision.best else ''}</td><td style='padding:2px 10px;text-align:right'>"
            f"{money(value)}</td></tr>"
            for name, value in decision.strategies.items()
        )
        return (f"<table style='border-collapse:collapse;margin:4px 0'><thead><tr><th style='text-align:left;"
                f"padding:2px 10px'>Strategy</th><th style='text-align:right;padding:2px 10px'>Expected value</th>"
                f"</tr></thead><tbody>{rows}</tbody></table>"
                f"<div style='font-size:1.05em;margin:4px 0'>{html.escape(decision.describe())}</div>")

