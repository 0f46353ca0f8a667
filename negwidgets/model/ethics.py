"""The ethics sorter (lesson 14): statements from professional negotiations, sorted as honest, misleading or a lie.

Each statement comes with a situation that says what is true for its speaker, so exactly one verdict is right
under the three definitions (:func:`ethics_categories`). After the learner's answers are scored
(:func:`sort_statements`), each statement shows its verdict, the reasoning and a truthful rewrite: the course's
rule is to protect information by choosing what to share, never by inventing it. The statements live in
``negwidgets/data/ethics.yaml``; :func:`validate_ethics_data` checks them, entry by entry, when they are read.

>>> kwame = ethics_statement("invented-offer")
>>> kwame.speaker, kwame.verdict
('Kwame', 'lie')
>>> sort_statements({"invented-offer": "lie", "standard-template": "honest"},
...                 statements=["invented-offer", "standard-template"]).describe().split(".")[0]
'1 of 2 right'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .checks import shown

__all__ = ["VERDICTS", "EthicsBank", "EthicsCategory", "EthicsSorting", "EthicsStatement", "SortResult",
           "ethics_categories", "ethics_statement", "ethics_statements", "sort_statements", "validate_ethics_data"]

VERDICTS = ("honest", "misleading", "lie")
_VERDICT_LIST = "honest, misleading or lie"
_REQUIRED = ("id", "speaker", "situation", "statement", "verdict", "reasoning", "rewrite")
_FIELDS = (*_REQUIRED, "lesson")


def numbered(numbers: Sequence[int]) -> str:
    """Statement numbers as a sentence names them.

    >>> numbered([3]), numbered([3, 7]), numbered([2, 3, 7])
    ('Statement 3', 'Statements 3 and 7', 'Statements 2, 3 and 7')
    """
    words = [str(n) for n in numbers]
    if len(words) == 1:
        return f"Statement {words[0]}"
    return f"Statements {', '.join(words[:-1])} and {words[-1]}"


@dataclass(frozen=True)
class EthicsCategory:
    """One of the three verdicts: its key (``"lie"``), its name as shown (``"Lie"``) and its definition."""

    key: str
    name: str
    definition: str

    def describe(self) -> str:
        """
        >>> ethics_categories()[0].describe()[:60]
        'Honest: everything the speaker states is true for them, and '
        """
        return f"{self.name}: {self.definition[0].lower()}{self.definition[1:]}"


@dataclass(frozen=True)
class EthicsStatement:
    """A statement to sort: who says it, the situation (what is true for them), their words, the verdict, the
    reasoning, a truthful rewrite, and optionally a lesson to revisit (its number, ``"02"``)."""

    id: str
    speaker: str
    situation: str
    statement: str
    verdict: str
    reasoning: str
    rewrite: str
    lesson: str | None = None

    def describe(self) -> str:
        """The situation and the words, as the sorter shows them.

        >>> print(ethics_statement("false-floor").describe())   # doctest: +ELLIPSIS
        Dmitri, an IT consultant, quotes $40,000 ... Dmitri says: \u201cI can't go below $40,000.\u201d
        """
        return f"{self.situation} {self.speaker} says: \u201c{self.statement}\u201d"

    def revisit(self) -> str:
        """The lesson to revisit, as a sentence ("" when there is none).

        >>> ethics_statement("false-floor").revisit()
        'To revisit: lesson 02, BATNA and your reservation value.'
        """
        if self.lesson is None:
            return ""
        from ..data import load

        titles = {lesson["number"]: lesson["title"] for lesson in load("course")["lessons"]}
        return f"To revisit: lesson {self.lesson}, {titles[self.lesson]}."


@dataclass(frozen=True)
class EthicsBank:
    """Everything the sorter reads from its data: the three categories, the statements, and one sentence for
    each kind of mistake (keyed ``(truth, answer)``)."""

    categories: tuple[EthicsCategory, ...]
    statements: tuple[EthicsStatement, ...]
    mistakes: Mapping[tuple[str, str], str]


@dataclass(frozen=True)
class SortResult:
    """One statement as the learner sorted it: ``answer`` is a verdict, or ``None`` when not answered yet."""

    number: int   # its place in the sorter, from 1
    statement: EthicsStatement
    answer: str | None

    @property
    def status(self) -> str:
        """``"right"``, ``"wrong"`` or ``"unanswered"``."""
        if self.answer is None:
            return "unanswered"
        return "right" if self.answer == self.statement.verdict else "wrong"

    @property
    def correct(self) -> bool:
        return self.status == "right"

    def feedback(self) -> str:
        """One sentence on the answer, before the reasoning.

        >>> kwame = ethics_statement("invented-offer")
        >>> SortResult(1, kwame, "lie").feedback()
        'Right: this is a lie.'
        >>> SortResult(1, kwame, "misleading").feedback()
        'Not quite: you said misleading, but this is a lie.'
        """
        truth = _as_verdict_phrase(self.statement.verdict)
        if self.status == "unanswered":
            return "No verdict yet: choose honest, misleading or lie."
        if self.status == "right":
            return f"Right: this is {truth}."
        return f"Not quite: you said {self.answer}, but this is {truth}."


def _as_verdict_phrase(verdict: str) -> str:
    return {"honest": "honest", "misleading": "misleading", "lie": "a lie"}[verdict]


@dataclass(frozen=True)
class EthicsSorting:
    """A set of answers scored: one :class:`SortResult` per statement, in the sorter's order, and the sentences
    the sorter shows after a check."""

    results: tuple[SortResult, ...]
    mistake_notes: tuple[str, ...]   # one sentence for each kind of mistake made, in the order first made

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def right(self) -> int:
        return sum(r.status == "right" for r in self.results)

    @property
    def wrong(self) -> int:
        return sum(r.status == "wrong" for r in self.results)

    @property
    def unanswered(self) -> int:
        return sum(r.status == "unanswered" for r in self.results)

    @property
    def complete(self) -> bool:
        """Whether every statement has a verdict."""
        return self.unanswered == 0

    @property
    def unanswered_numbers(self) -> tuple[int, ...]:
        return tuple(r.number for r in self.results if r.status == "unanswered")

    @property
    def missing_text(self) -> str:
        """The sentence for statements without a verdict ("" when there are none).

        >>> sort_statements({}, statements=["invented-offer", "board-policy"]).missing_text
        'Statements 1 and 2 have no verdict yet.'
        """
        numbers = self.unanswered_numbers
        if not numbers:
            return ""
        return f"{numbered(numbers)} {'has' if len(numbers) == 1 else 'have'} no verdict yet."

    def describe(self) -> str:
        """The score, then one sentence for each kind of mistake.

        >>> ids = ["invented-offer", "standard-template", "board-policy"]
        >>> print(sort_statements({"invented-offer": "lie", "standard-template": "misleading",
        ...                        "board-policy": "honest"}, statements=ids).describe())
        3 of 3 right. Each statement's reasoning and a truthful way to say it are shown with it.
        >>> print(sort_statements({"invented-offer": "misleading"}, statements=ids).describe())
        ... # doctest: +NORMALIZE_WHITESPACE
        0 of 3 right so far; 2 have no verdict yet. A misleading statement contains no false claim: when the words
        themselves are false, or state as settled what is not, it is a lie.
        """
        if self.complete:
            head = f"{self.right} of {self.total} right."
        else:
            head = (f"{self.right} of {self.total} right so far; {self.unanswered} "
                    f"{'has' if self.unanswered == 1 else 'have'} no verdict yet.")
        if self.complete and self.wrong == 0:
            return f"{head} Each statement's reasoning and a truthful way to say it are shown with it."
        return " ".join((head, *self.mistake_notes))


# -- reading and checking the data ------------------------------------------------------------------------------

def _text(entry: Mapping, key: str, name: str) -> str:
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"{name} has no {key}.")
    if not isinstance(value, str):
        raise ValueError(f"{name}: its {key} must be text, not {shown(value)}.")
    return " ".join(value.split())


def _categories(raw: Any) -> tuple[EthicsCategory, ...]:
    if not isinstance(raw, list):
        raise ValueError("The sorter's data needs a list of categories: honest, misleading and lie.")
    categories = []
    for index, entry in enumerate(raw, 1):
        if not isinstance(entry, Mapping):
            raise ValueError(f"Category {index} of the sorter's data is not an entry with a key, a name and a "
                             "definition.")
        key = _text(entry, "key", f"Category {index}")
        categories.append(EthicsCategory(key, _text(entry, "name", f"Category {key!r}"),
                                         _text(entry, "definition", f"Category {key!r}")))
    keys = tuple(c.key for c in categories)
    if keys != VERDICTS:
        raise ValueError(f"The sorter's categories must be honest, misleading and lie, in that order, not "
                         f"{', '.join(keys) or 'none'}.")
    return tuple(categories)


def _mistakes(raw: Any) -> dict[tuple[str, str], str]:
    if not isinstance(raw, Mapping):
        raise ValueError("The sorter's data needs a sentence for each kind of mistake (such as 'lie-as-honest').")
    wanted = {f"{truth}-as-{answer}": (truth, answer) for truth in VERDICTS for answer in VERDICTS if truth != answer}
    unknown = sorted(set(raw) - set(wanted), key=str)
    if unknown:
        raise ValueError(f"The sorter's data has a mistake sentence for {shown(unknown[0])}, which is not a kind "
                         f"of mistake: use names such as 'lie-as-honest'.")
    missing = [key for key in wanted if not isinstance(raw.get(key), str) or not raw[key].strip()]
    if missing:
        raise ValueError(f"The sorter's data has no sentence for the mistake {missing[0]!r}: each kind of mistake "
                         "needs one.")
    return {pair: " ".join(raw[key].split()) for key, pair in wanted.items()}


def _statement(entry: Any, index: int, lessons: Iterable[str]) -> EthicsStatement:
    if not isinstance(entry, Mapping):
        raise ValueError(f"Statement {index} of the sorter's data is not an entry with an id, a situation, the "
                         "words, a verdict, the reasoning and a rewrite.")
    raw_id = entry.get("id")
    if not isinstance(raw_id, str) or not raw_id.strip():
        raise ValueError(f"Statement {index} of the sorter's data has no id.")
    name = f"Statement {raw_id!r}"
    extra = sorted(set(entry) - set(_FIELDS), key=str)
    if extra:
        raise ValueError(f"{name} has a field the sorter does not know: {shown(extra[0])}.")
    values = {key: _text(entry, key, name) for key in _REQUIRED}
    if values["verdict"] not in VERDICTS:
        raise ValueError(f"{name} has the verdict {shown(entry['verdict'])}, which is not one of the three "
                         f"verdicts: {_VERDICT_LIST}.")
    lesson = entry.get("lesson")
    if lesson is not None and (not isinstance(lesson, str) or lesson not in lessons):
        raise ValueError(f"{name} points to lesson {shown(lesson)}, which the course does not have: write its "
                         "number as text, such as \"02\".")
    return EthicsStatement(**values, lesson=lesson)


def validate_ethics_data(data: Any, lessons: Iterable[str] | None = None) -> EthicsBank:
    """Check the sorter's data (as read from its YAML) and return it as dataclasses; any fault is a
    ``ValueError`` whose sentence names the entry. ``lessons`` are the lesson numbers a statement may point to
    (by default, those of the course map).

    >>> entry = {"id": "x", "speaker": "Ana", "situation": "True.", "statement": "Hi.", "verdict": "maybe",
    ...          "reasoning": "Why.", "rewrite": "Hi."}
    >>> from negwidgets.data import load
    >>> validate_ethics_data({**load("ethics"), "statements": [entry]})   # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Statement 'x' has the verdict 'maybe', which is not one of the three verdicts: honest, ...
    """
    if not isinstance(data, Mapping):
        raise ValueError("The sorter's data must be a mapping with categories, mistakes and statements.")
    if lessons is None:
        from ..data import load

        lessons = [lesson["number"] for lesson in load("course")["lessons"]]
    lessons = set(lessons)
    categories = _categories(data.get("categories"))
    mistakes = _mistakes(data.get("mistakes"))
    raw = data.get("statements")
    if not isinstance(raw, list) or not raw:
        raise ValueError("The sorter's data has no statements: it needs a list of them.")
    statements, seen = [], set()
    for index, entry in enumerate(raw, 1):
        item = _statement(entry, index, lessons)
        if item.id in seen:
            raise ValueError(f"Two statements are called {item.id!r}: each needs its own id.")
        seen.add(item.id)
        statements.append(item)
    return EthicsBank(tuple(categories), tuple(statements), mistakes)


@functools.lru_cache(maxsize=None)
def _bank() -> EthicsBank:
    from ..data import load

    return validate_ethics_data(load("ethics"))


def ethics_categories() -> tuple[EthicsCategory, ...]:
    """The three verdicts with their definitions, in the order the sorter offers them.

    >>> [c.name for c in ethics_categories()]
    ['Honest', 'Misleading', 'Lie']
    """
    return _bank().categories


def ethics_statement(statement_id: str) -> EthicsStatement:
    """The statement with this id, or a sentence naming the ones there are.

    >>> ethics_statement("invented-offer").statement
    "I have another offer at $78,000, so you'd need to match it."
    """
    return ethics_statements([statement_id])[0]


def ethics_statements(ids: Sequence[str] | None = None) -> tuple[EthicsStatement, ...]:
    """Every statement of the sorter in its order, or those named in ``ids``, in that order.

    >>> len(ethics_statements()) >= 10
    True
    >>> [s.speaker for s in ethics_statements(["true-batna", "invented-offer"])]
    ['Elif', 'Kwame']
    >>> ethics_statements(["bluff"])   # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: There is no statement called 'bluff' in the ethics sorter; its statements are: invented-offer, ...
    """
    every = _bank().statements
    if ids is None:
        return every
    if isinstance(ids, str) or not isinstance(ids, Sequence):
        raise ValueError(f"Name the statements as a list of ids, such as ['invented-offer', 'true-batna'], not "
                         f"{shown(ids)}.")
    if not ids:
        raise ValueError("Choose at least one statement for the sorter.")
    by_id = {s.id: s for s in every}
    chosen = []
    for statement_id in ids:
        if not isinstance(statement_id, str) or statement_id not in by_id:
            raise ValueError(f"There is no statement called {shown(statement_id)} in the ethics sorter; its "
                             f"statements are: {', '.join(by_id)}.")
        if by_id[statement_id] in chosen:
            raise ValueError(f"The statement {statement_id!r} is chosen twice: name each statement once.")
        chosen.append(by_id[statement_id])
    return tuple(chosen)


def _verdict(value: object, statement_id: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"The verdict for {statement_id!r} must be one of the three verdicts: {_VERDICT_LIST}, "
                         f"not {shown(value)}.")
    verdict = value.strip().lower()
    if verdict not in VERDICTS:
        raise ValueError(f"{shown(value)} is not one of the three verdicts: {_VERDICT_LIST}.")
    return verdict


def sort_statements(answers: Mapping[str, str | None], statements: Sequence[str] | None = None) -> EthicsSorting:
    """Score the learner's ``answers`` (statement id to ``"honest"``, ``"misleading"`` or ``"lie"``; a statement
    left out, or answered ``None``, has no verdict yet) over the sorter's statements, or those named in
    ``statements``, in that order.

    >>> ids = ["invented-offer", "standard-template", "board-policy"]
    >>> sorting = sort_statements({"invented-offer": "lie", "standard-template": "honest"}, statements=ids)
    >>> [r.status for r in sorting.results], sorting.right, sorting.wrong, sorting.unanswered
    (['right', 'wrong', 'unanswered'], 1, 1, 1)
    >>> sorting.missing_text
    'Statement 3 has no verdict yet.'
    >>> sort_statements({"invented-offer": "maybe"})
    Traceback (most recent call last):
    ...
    ValueError: 'maybe' is not one of the three verdicts: honest, misleading or lie.
    """
    if not isinstance(answers, Mapping):
        raise ValueError(f"Give the answers as a mapping from statement id to verdict, such as "
                         f"{{'invented-offer': 'lie'}}, not {shown(answers)}.")
    chosen = ethics_statements(statements)
    ids = {s.id for s in chosen}
    known = {s.id for s in ethics_statements()}
    for statement_id in answers:
        if statement_id not in known:
            raise ValueError(f"There is no statement called {shown(statement_id)} in the ethics sorter, so it cannot "
                             "have a verdict.")
        if statement_id not in ids:
            raise ValueError(f"The statement {statement_id!r} is not among the statements being sorted here.")
    verdicts = {statement_id: _verdict(value, statement_id) for statement_id, value in answers.items()}
    results = tuple(SortResult(number, s, verdicts.get(s.id)) for number, s in enumerate(chosen, 1))
    notes = []
    for result in results:
        if result.status == "wrong":
            note = _bank().mistakes[(result.statement.verdict, result.answer)]
            if note not in notes:
                notes.append(note)
    return EthicsSorting(results, tuple(notes))
