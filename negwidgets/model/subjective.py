"""Subjective value (lesson 09): how a negotiator feels about the deal, themselves, the process and the
other side, measured with the Subjective Value Inventory (SVI; Curhan, Elfenbein & Xu 2006).

The SVI has 16 questions answered from 1 to 7, four per factor. Two questions are worded so that a high
answer means *low* subjective value ("did you lose face?"); they are reverse-scored as ``8 - answer``.
A factor's score is the mean of its four items, the global score the mean of all 16, and *rapport* the
mean of the eight process and relationship items.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from numbers import Real

from ..data import load

__all__ = ["FACTORS", "LOW_FACTOR", "SubjectiveValue", "SviItem", "svi_items", "svi_scores"]

FACTORS = ("instrumental", "self", "process", "relationship")
LOW_FACTOR = 4.0  # the middle of the 1-7 scale: a factor below it is worth attention


@dataclass(frozen=True)
class SviItem:
    """One question: its number (1-16), wording, factor, whether it is reverse-scored, and the scale's ends."""

    number: int
    text: str
    factor: str
    reverse: bool
    low: str
    high: str


@lru_cache(maxsize=1)
def svi_items() -> tuple[SviItem, ...]:
    """The 16 questions, in the published order.

    >>> items = svi_items()
    >>> len(items), [i.number for i in items if i.reverse]
    (16, [3, 5])
    """
    return tuple(SviItem(n, i["text"], i["factor"], bool(i["reverse"]), i["low"], i["high"])
                 for n, i in enumerate(load("svi")["items"], start=1))


def factor_info(factor: str) -> dict:
    """The factor's name, short name, what it covers and the advice for a low score."""
    return load("svi")["factors"][factor]


@dataclass(frozen=True)
class SubjectiveValue:
    """The scores that follow from one set of answers."""

    answers: tuple[int, ...]
    factors: dict[str, float]

    @property
    def global_score(self) -> float:
        """The mean of all 16 items: with four items per factor, the mean of the factor means."""
        return sum(self.factors.values()) / len(self.factors)

    @property
    def rapport(self) -> float:
        return (self.factors["process"] + self.factors["relationship"]) / 2

    @property
    def lowest(self) -> str:
        """The factor with the lowest score (the first of them on a tie)."""
        return min(FACTORS, key=lambda f: self.factors[f])

    @property
    def low_factors(self) -> tuple[str, ...]:
        return tuple(f for f in FACTORS if self.factors[f] < LOW_FACTOR)

    def advice(self) -> str:
        """What to do about the low factors; if none is low, about the lowest."""
        focus = self.low_factors or (self.lowest,)
        lines = []
        for factor in focus:
            info = factor_info(factor)
            lines.append(f"{info['name']} ({self.factors[factor]:.2f}): {info['low_advice']}")
        return " ".join(lines)

    def describe(self) -> str:
        """
        >>> svi_scores([6, 6, 2, 5, 1, 6, 7, 6, 3, 3, 4, 3, 4, 5, 4, 4]).describe()[:76]
        'Instrumental outcome 5.75, self 6.50, process 3.25, relationship 4.25; globa'
        """
        parts = ", ".join(f"{factor_info(f)['name'] if i == 0 else factor_info(f)['name'].lower()} "
                          f"{self.factors[f]:.2f}" for i, f in enumerate(FACTORS))
        text = f"{parts}; global {self.global_score:.2f}, rapport {self.rapport:.2f} (scale 1 to 7)."
        if self.low_factors:
            names = " and ".join(factor_info(f)["name"].lower() for f in self.low_factors)
            text += f" Below the middle of the scale: {names}."
        else:
            text += f" No factor is below the middle of the scale; the lowest is {factor_info(self.lowest)['name'].lower()}."
        return text


def _scored(answers: Sequence[int]) -> list[int]:
    items = svi_items()
    return [8 - a if item.reverse else a for item, a in zip(items, answers)]


def svi_scores(answers) -> SubjectiveValue:
    """Score the 16 answers (a list in question order, or ``{question number: answer}``).

    >>> result = svi_scores([7] * 16)
    >>> result.factors["instrumental"], result.factors["self"], result.global_score
    (5.5, 5.5, 6.25)
    >>> svi_scores([4] * 15)
    Traceback (most recent call last):
    ...
    ValueError: The inventory has 16 questions and there are 15 answers: answer every question from 1 to 7.
    """
    items = svi_items()
    if isinstance(answers, Mapping):
        unknown = [k for k in answers if k not in range(1, len(items) + 1)]
        if unknown:
            raise ValueError(f"The questions are numbered 1 to {len(items)}; there is no question {unknown[0]!r}.")
        values = [answers.get(n) for n in range(1, len(items) + 1)]
    elif isinstance(answers, (str, bytes)) or not isinstance(answers, Sequence):
        raise ValueError("Give the answers as a list of 16 numbers from 1 to 7, in question order.")
    else:
        values = list(answers)
        if len(values) != len(items):
            raise ValueError(f"The inventory has {len(items)} questions and there "
                             f"{'is' if len(values) == 1 else 'are'} {len(values)} answer{'s' * (len(values) != 1)}: "
                             "answer every question from 1 to 7.")
    checked = []
    for item, value in zip(items, values):
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValueError(f"Question {item.number} has no answer: choose a number from 1 ({item.low.lower()}) "
                             f"to 7 ({item.high.lower()}).")
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if (isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value)
                or value != int(value)):
            raise ValueError(f"Answer question {item.number} with a whole number from 1 to 7, not {value!r}.")
        if not 1 <= value <= 7:
            raise ValueError(f"The answer to question {item.number} is {value:g}, but answers run from 1 "
                             f"({item.low.lower()}) to 7 ({item.high.lower()}).")
        checked.append(int(value))
    scored = _scored(checked)
    factors = {f: sum(s for s, i in zip(scored, items) if i.factor == f) / 4 for f in FACTORS}
    return SubjectiveValue(tuple(checked), factors)
