"""Check-your-understanding questions: multiple choice, or a number with a tolerance.

Grading is logic, so it lives here; the check widget only shows the question and the feedback.
Question banks are YAML files in ``negwidgets/data/checks/``.

Every wrong option of a bank is a mistake real negotiators make, never a strawman: a bank gives each one
``tempts`` (why a real negotiator picks it) beside ``why`` (why it fails), and the learner who picks it
reads both ("Tempting, because ...; but ..."). A bank whose wrong option lacks either does not load.
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
    """One answer. ``why`` says why it is right, or why it fails; a wrong option's ``tempts`` says why a
    real negotiator picks it (a clause that follows "Tempting, because")."""

    text: str
    correct: bool = False
    why: str = ""
    tempts: str = ""

    @property
    def feedback(self) -> str:
        """What the learner reads after choosing this option (without "Correct." or "Not quite.").

        >>> Option("Split it at $81,000", why="there is no deal to split.", tempts="splitting feels fair").feedback
        'Tempting, because splitting feels fair; but there is no deal to split.'
        """
        if self.correct or not self.tempts:
            return self.why
        return f"Tempting, because {self.tempts}; but {self.why}"


@dataclass(frozen=True)
class ChoiceQuestion:
    """A multiple-choice question; each option explains why it is right or wrong.

    >>> q = ChoiceQuestion("q", "Which sets your reservation value?",
    ...                    (Option("Your BATNA", True, "Plan B is your floor."),
    ...                     Option("Their budget", False, "it is their limit, not yours.", "it is the number that decides the deal")))
    >>> q.grade("Their budget").message
    'Not quite. Tempting, because it is the number that decides the deal; but it is their limit, not yours.'
    >>> q.grade("Your BATNA").message
    'Correct. Plan B is your floor.'
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
                return Feedback(option.correct, f"{prefix} {option.feedback}".strip())
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
            value = parse_probability(text, "your answer")
            # "5.2" typed for 5.2%: a bare number above 1 is read as a percentage, one of 1 or less as a share.
            return value / 100 if value > 1 and "%" not in str(text) else value
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


def _option(entry: dict, question_id: str) -> Option:
    option = Option(str(entry["text"]), bool(entry.get("correct", False)), str(entry.get("why", "")).strip(),
                    str(entry.get("tempts", "")).strip())
    if not option.why:
        raise ValueError(f"Question {question_id!r}: the option {option.text!r} needs a 'why' (why it is right, or why it fails).")
    if not option.correct and not option.tempts:
        raise ValueError(f"Question {question_id!r}: the wrong option {option.text!r} needs 'tempts', why a real negotiator "
                         f"picks it. An option nobody would pick teaches nothing: replace it with a real mistake.")
    if option.correct and option.tempts:
        raise ValueError(f"Question {question_id!r}: the right option {option.text!r} has 'tempts'; only wrong options tempt.")
    return option


def _build(entry: dict) -> Question:
    if "options" in entry:
        options = tuple(_option(o, entry["id"]) for o in entry["options"])
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
