"""Lesson 14's ethics sorter: sort statements from real negotiations as honest, misleading or a lie, then read
why, and what the speaker could truthfully say instead."""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets

from ..model.ethics import EthicsStatement, SortResult, ethics_categories, ethics_statements, sort_statements
from .base import alert_html, course_root
from .controls import Choice

__all__ = ["EthicsSorter"]

_CHECK = "Check my answers"


def _paragraph(text: str, css_class: str = "") -> str:
    attribute = f" class='{css_class}'" if css_class else ""
    return f"<p{attribute}>{html.escape(text)}</p>"


def _card_html(number: int, item: EthicsStatement) -> str:
    return (f"<p class='nw-ethics-number'>Statement {number}</p>"
            + _paragraph(item.situation, "nw-ethics-situation")
            + f"<blockquote class='nw-ethics-words'><b>{html.escape(item.speaker)}:</b> "
              f"\u201c{html.escape(item.statement)}\u201d</blockquote>")


def _feedback_html(result: SortResult) -> str:
    """What a card shows after a check: right or wrong, then why and a truthful rewrite (nothing is revealed
    for a statement without a verdict)."""
    if result.status == "unanswered":
        return f"<div class='nw-ethics-mark nw-ethics-unanswered'>{html.escape(result.feedback())}</div>"
    item = result.statement
    mark = "\u2713" if result.correct else "\u2717"
    parts = [f"<div class='nw-ethics-mark nw-ethics-{result.status}'>{mark} {html.escape(result.feedback())}</div>",
             f"<p><b>Why:</b> {html.escape(item.reasoning)}</p>",
             f"<p><b>A truthful way to say it:</b> \u201c{html.escape(item.rewrite)}\u201d</p>"]
    if item.lesson:
        parts.append(_paragraph(item.revisit(), "nw-ethics-revisit"))
    return "".join(parts)


class EthicsSorter(widgets.VBox):
    """For each statement, its situation and words and a choice of verdict ("Verdict 1", ...): honest,
    misleading or lie. **Check my answers** scores them; each card then shows whether it was right, the
    reasoning and a truthful rewrite, under a summary line ("8 of 15 right."). Statements without a verdict
    are named beside the button, and every answer stays as it was.

    ``statements`` chooses some statements by id, in that order (all of them by default). Attributes for
    tests: ``verdicts`` (the choices), ``result`` (the last check's
    :class:`~negwidgets.model.ethics.EthicsSorting`, ``None`` before one), ``result_text``, ``error_text``.

    >>> sorter = EthicsSorter(["invented-offer", "board-policy"])
    >>> sorter.verdicts[0].value = "lie"
    >>> sorter.check()
    >>> sorter.error_text, sorter.result.right
    ('Statement 2 has no verdict yet.', 1)
    """

    def __init__(self, statements: Sequence[str] | None = None):
        self.statements = ethics_statements(statements)
        self.result = None
        self.result_text = ""
        self.error_text = ""
        self._checked_answers: dict[str, str | None] | None = None   # the verdicts at the last check
        options = [(category.name, category.key) for category in ethics_categories()]
        self.verdicts: list[Choice] = []
        self.feedback: list[widgets.HTML] = []
        cards = []
        for number, item in enumerate(self.statements, 1):
            verdict = Choice(options, value=None, description=f"Verdict {number}")
            verdict.add_class("nw-stacked")   # the label above its three buttons, at every width
            verdict.observe(self._changed, names="value")
            feedback = widgets.HTML("")
            card = widgets.VBox([widgets.HTML(_card_html(number, item)), verdict, feedback])
            card.add_class("nw-ethics-card")
            self.verdicts.append(verdict)
            self.feedback.append(feedback)
            cards.append(card)
        self.check_button = widgets.Button(description=_CHECK, tooltip="Score your verdicts and show the reasoning",
                                           layout=widgets.Layout(width="180px", flex="none"))
        self.check_button.on_click(lambda _button: self.check())
        self.error = widgets.HTML("")
        self.error.add_class("nw-ethics-error")
        self.summary = widgets.HTML("")
        bar = widgets.HBox([self.check_button, self.error])
        bar.add_class("nw-ethics-bar")
        super().__init__([widgets.HTML(self._intro_html()), *cards, bar, self.summary])
        course_root(self, "negwidgets", "nw-ethics")

    @staticmethod
    def _intro_html() -> str:
        definitions = "".join(f"<li><b>{html.escape(c.name)}</b>: {html.escape(c.definition)}</li>"
                              for c in ethics_categories())
        return ("<p>Each situation says what is true for the speaker. Is what they say honest, misleading or a "
                "lie? Choose a verdict for each statement, then check your answers.</p>"
                f"<ul class='nw-ethics-definitions'>{definitions}</ul>")

    def answers(self) -> dict[str, str | None]:
        """The verdicts chosen so far, by statement id (``None`` where none is chosen)."""
        return {item.id: verdict.value for item, verdict in zip(self.statements, self.verdicts)}

    def check(self) -> None:
        """Score the verdicts; show each card's feedback, the summary, and any statements left without one."""
        answers = self.answers()
        self.result = sort_statements(answers, [item.id for item in self.statements])
        self._checked_answers = answers
        for result, feedback in zip(self.result.results, self.feedback):
            feedback.value = _feedback_html(result)
        self.result_text = self.result.describe()
        self.summary.value = f"<p role='status' class='nw-ethics-summary'><b>{html.escape(self.result_text)}</b></p>"
        self._show_missing(self.result.missing_text)

    def _changed(self, change) -> None:
        """A verdict changed: its card's feedback (for the old verdict) goes; the sentence beside the button
        follows the statements still without a verdict."""
        if self._checked_answers is None:
            return
        index = self.verdicts.index(change["owner"])
        item = self.statements[index]
        if change["new"] == self._checked_answers.get(item.id):
            self.feedback[index].value = _feedback_html(self.result.results[index])
        else:
            self.feedback[index].value = ("<div class='nw-ethics-mark nw-ethics-unanswered'>Changed since your last "
                                          f"check: press \u201c{_CHECK}\u201d to see how this verdict does.</div>")
        if self.error_text:
            self._show_missing(sort_statements(self.answers(), [s.id for s in self.statements]).missing_text)

    def _show_missing(self, message: str) -> None:
        self.error_text = message
        self.error.value = alert_html(message) if message else ""
