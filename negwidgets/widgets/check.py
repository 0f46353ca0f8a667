"""Check-your-understanding widgets: one question with instant feedback, or a quiz with a score."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..model.quiz import ChoiceQuestion, NumberQuestion, load_questions, question
from .base import alert_html, course_root
from .controls import Choice

__all__ = ["Check", "Quiz", "check", "quiz"]

_RIGHT = "color:#14532d;background:#e8f5e9;border-left:4px solid #2ca02c;padding:4px 10px;margin:4px 0"
_WRONG = "color:#7c2d12;background:#fff4e5;border-left:4px solid #ff7f0e;padding:4px 10px;margin:4px 0"


class Check(widgets.VBox):
    """One question. Multiple choice answers as soon as an option is picked; a number on Enter or "Check".

    ``feedback`` holds the last :class:`~negwidgets.model.quiz.Feedback` (``None`` before an answer). A
    multiple-choice question is a radio group named by its prompt; ``stylesheet=False`` leaves the course's
    stylesheet to a view around it (a quiz).
    """

    def __init__(self, item: ChoiceQuestion | NumberQuestion, on_answer=None, *, stylesheet: bool = True):
        self.question = item
        self.feedback = None
        self.error_text = ""
        self._on_answer = on_answer
        self.response = widgets.HTML("")
        if isinstance(item, ChoiceQuestion):
            self.answer = Choice([option.text for option in item.options], value=None, description=item.prompt,
                                 look="list")
            self.answer.observe(self._grade, names="value")
            controls = [self.answer]
        else:
            prompt = widgets.HTML(f"<b>{html.escape(item.prompt)}</b>")
            self.answer = widgets.Text(description="Your answer", placeholder="type a number, then Enter",
                                       continuous_update=False, style={"description_width": "90px"})
            self.button = widgets.Button(description="Check", tooltip="Check your answer",
                                         layout=widgets.Layout(width="90px"))
            self.answer.observe(self._grade, names="value")
            self.button.on_click(lambda _button: self._grade())
            controls = [prompt, widgets.HBox([self.answer, self.button])]
        super().__init__([*controls, self.response], layout=widgets.Layout(margin="8px 0 12px 0"))
        self.add_class("negwidgets-check")
        if stylesheet:
            course_root(self)
        else:
            self.add_class("nw-root")

    def _grade(self, change=None) -> None:
        if self.answer.value in (None, ""):
            return
        try:
            self.feedback = self.question.grade(self.answer.value)
        except ValueError as error:
            self.error_text = str(error)
            self.response.value = alert_html(str(error))
            return
        self.error_text = ""
        style = _RIGHT if self.feedback.correct else _WRONG
        mark = "✓" if self.feedback.correct else "✗"
        self.response.value = f"<div role='status' style='{style}'>{mark} {html.escape(self.feedback.message)}</div>"
        if self._on_answer is not None:
            self._on_answer()


class Quiz(widgets.VBox):
    """Several checks and a running score."""

    def __init__(self, items):
        self.checks = [Check(item, on_answer=self._update_score, stylesheet=False) for item in items]
        self.score = widgets.HTML()
        super().__init__([*self.checks, self.score])
        course_root(self, "negwidgets-quiz")
        self._update_score()

    @property
    def correct(self) -> int:
        return sum(1 for c in self.checks if c.feedback is not None and c.feedback.correct)

    @property
    def answered(self) -> int:
        return sum(1 for c in self.checks if c.feedback is not None)

    @property
    def score_text(self) -> str:
        total = len(self.checks)
        if self.answered < total:
            return f"Score: {self.correct} of {total} right so far ({total - self.answered} still to answer)."
        return f"Score: {self.correct} of {total} right." + (" Well done." if self.correct == total else
                                                            " Read the explanations, then try the others again.")

    def _update_score(self) -> None:
        self.score.value = f"<p role='status'><b>{html.escape(self.score_text)}</b></p>"


def check(bank: str, question_id: str) -> Check:
    """The check ``question_id`` from the question bank ``bank`` (a file in ``negwidgets/data/checks``)."""
    return Check(question(bank, question_id))


def quiz(bank: str, ids: list[str] | None = None) -> Quiz:
    """A quiz of every question in ``bank``, or of the questions named in ``ids``."""
    items = load_questions(bank)
    if ids is not None:
        items = [item for item in items if item.id in ids]
    return Quiz(items)
