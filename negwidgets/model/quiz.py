"""Check-your-understanding questions: multiple choice, or a number with a tolerance.

Grading is logic, so it lives here; the check widget only shows the question and the feedback.
Question banks are YAML files in ``negwidgets/data/checks/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .checks import finite_number, parse_money, parse_probability
from .money import money, percent

__all__ = ["ChoiceQuestion", "Feedback", "NumberQuestion", "Option", "load_questions", "question"]

Unit = Literal["money", "percent", "number"]


@dataclass(frozen=True)
class Feedback:
    correct: bool
    message: str


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False
    why: str = ""


@dataclass(frozen=True)
class ChoiceQuestion:
    """A multiple-choice question; each option explains why it is right or wrong.

    >>> q = ChoiceQuestion("q", "Which sets your reservation value?",
    ...                    (Option("Your BATNA", True, "Plan B is your floor."), Option("Their budget", False, "That is theirs.")))
    >>> q.grade("Their budget")
    Feedback(correct=False, message='Not quite. That is theirs.')
    """

    id: str
    prompt: str
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        if sum(option.correct for option in self.options) != 1:
            raise ValueError(f"Question {self.id!r} must have exactly one correct option.")

    def grade(self, answer: str) -> Feedback:
        for option in self.options:
            if option.text == answer:
                prefix = "Correct." if option.correct else "Not quite."
                return Feedback(option.correct, f"{prefix} {option.why}".strip())
        raise ValueError("Choose one of the answers listed.")


@dataclass(frozen=True)
class NumberQuestion:
    """A question with a numeric answer, accepted within ``tolerance``.

    >>> q = NumberQuestion("w", "How wide is the zone?", 10_000, 0, "money", "80k - 70k.", "Subtract the limits.")
    >>> q.grade("$10,000").correct, q.grade("12k").message
    (True, 'Not quite: you answered $12,000. Subtract the limits.')
    """

    id: str
    prompt: str
    answer: float
    tolerance: float = 0.0
    unit: Unit = "number"
    right: str = ""
    wrong: str = ""

    def _format(self, value: float) -> str:
        if self.unit == "money":
            return money(value)
        if self.unit == "percent":
            return percent(value)
        return f"{value:g}"

    def read(self, text: str) -> float:
        if self.unit == "money":
            return parse_money(text, "your answer")
        if self.unit == "percent":
            return parse_probability(text, "your answer")
        try:
            return finite_number(float(str(text).replace(",", "")), "your answer")
        except ValueError as error:
            if "could not convert" in str(error):
                raise ValueError(f"I could not read {str(text).strip()!r} as a number: type digits such as 42.") from None
            raise

    def grade(self, text: str) -> Feedback:
        value = self.read(text)
        if abs(value - self.answer) <= self.tolerance + 1e-9 * max(1.0, abs(self.answer)):
            return Feedback(True, f"Correct: {self._format(self.answer)}. {self.right}".strip())
        return Feedback(False, f"Not quite: you answered {self._format(value)}. {self.wrong}".strip())


Question = ChoiceQuestion | NumberQuestion


def _build(entry: dict) -> Question:
    if "options" in entry:
        options = tuple(Option(str(o["text"]), bool(o.get("correct", False)), str(o.get("why", ""))) for o in entry["options"])
        return ChoiceQuestion(entry["id"], entry["prompt"], options)
    return NumberQuestion(
        entry["id"], entry["prompt"], float(entry["answer"]), float(entry.get("tolerance", 0)),
        entry.get("unit", "number"), entry.get("right", ""), entry.get("wrong", ""),
    )


def load_questions(bank: str) -> list[Question]:
    """All questions of a bank, in order (``bank`` is a file name in ``negwidgets/data/checks``)."""
    from ..data import load

    return [_build(entry) for entry in load(f"checks/{bank}")["questions"]]


def question(bank: str, question_id: str) -> Question:
    for item in load_questions(bank):
        if item.id == question_id:
            return item
    raise ValueError(f"There is no question {question_id!r} in the bank {bank!r}.")
