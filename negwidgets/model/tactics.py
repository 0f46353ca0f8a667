"""Difficult tactics (lesson 11): the catalogue, a search over it, and the recognition quiz.

The catalogue lives in ``negwidgets/data/tactics.yaml``; this module reads it into dataclasses, finds
tactics by words and situation, and turns its scenarios into multiple-choice questions whose feedback
is written from the catalogue itself (so a tactic's description is kept in one place).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache

from .quiz import ChoiceQuestion, Option

__all__ = ["DifficultTactic", "Scenario", "difficult_tactic", "find_tactics", "tactic_catalogue", "tactic_questions",
           "tactic_scenarios",
           "tactic_situations"]


@dataclass(frozen=True)
class DifficultTactic:
    """One tactic: how to recognise it, why it works, how to respond, and a sentence to say."""

    id: str
    name: str
    aliases: tuple[str, ...]
    situations: tuple[str, ...]
    signature: str
    recognise: tuple[str, ...]
    why_it_works: str
    responses: tuple[str, ...]
    say: str
    keywords: tuple[str, ...]

    @property
    def text(self) -> str:
        """Everything a search looks through, in lower case."""
        parts = [self.name, *self.aliases, self.signature, *self.recognise, self.why_it_works, *self.responses,
                 self.say, *self.keywords]
        return " ".join(parts).lower()

    def describe(self) -> str:
        """
        >>> difficult_tactic("nibble").describe()[:60]
        'The nibble: a small extra demand after the deal seems agreed'
        """
        return f"{self.name}: {self.signature}. Say: \u201c{self.say}\u201d"


@dataclass(frozen=True)
class Scenario:
    """A situation for the recognition quiz: its tactic, the tactics it is easily confused with, the clue."""

    id: str
    situation: str
    text: str
    tactic: DifficultTactic
    confused_with: tuple[DifficultTactic, ...]
    clue: str


def _strings(entry: dict, key: str) -> tuple[str, ...]:
    return tuple(str(item) for item in entry.get(key, ()))


@lru_cache(maxsize=None)
def _catalogue() -> tuple[dict[str, str], tuple[DifficultTactic, ...], tuple[Scenario, ...]]:
    from ..data import load

    data = load("tactics")
    situations = {str(key): str(label) for key, label in data["situations"].items()}
    tactics = tuple(
        DifficultTactic(id=str(t["id"]), name=str(t["name"]), aliases=_strings(t, "aliases"), situations=_strings(t, "situations"),
               signature=str(t["signature"]), recognise=_strings(t, "recognise"), why_it_works=str(t["why_it_works"]),
               responses=_strings(t, "responses"), say=str(t["say"]), keywords=_strings(t, "keywords"))
        for t in data["tactics"]
    )
    by_id = {t.id: t for t in tactics}
    scenarios = tuple(
        Scenario(id=str(s["id"]), situation=str(s["situation"]), text=str(s["text"]), tactic=by_id[s["tactic"]],
                 confused_with=tuple(by_id[other] for other in s["confused_with"]), clue=str(s["clue"]))
        for s in data["scenarios"]
    )
    return situations, tactics, scenarios


def tactic_situations() -> dict[str, str]:
    """Where tactics are common: the catalogue's situations, key to label.

    >>> tactic_situations()["salary"]
    'Salaries and promotions'
    """
    return dict(_catalogue()[0])


def tactic_catalogue() -> tuple[DifficultTactic, ...]:
    """Every tactic in the catalogue, in the catalogue's order.

    >>> len(tactic_catalogue()) >= 12
    True
    """
    return _catalogue()[1]


def tactic_scenarios() -> tuple[Scenario, ...]:
    """Every scenario of the recognition quiz, in the catalogue's order."""
    return _catalogue()[2]


def difficult_tactic(tactic_id: str) -> DifficultTactic:
    """The tactic with this id (``"nibble"``), or a sentence naming the ones there are."""
    for item in tactic_catalogue():
        if item.id == tactic_id:
            return item
    known = ", ".join(item.id for item in tactic_catalogue())
    raise ValueError(f"There is no tactic called {tactic_id!r} in the catalogue; the tactics are: {known}.")


MAX_QUERY = 200


def find_tactics(query: str = "", situation: str | None = None) -> list[DifficultTactic]:
    """The tactics whose text contains every word of ``query`` (any case), common in ``situation``; those
    that contain the whole phrase come first, in their names before anywhere else.

    ``situation`` is a key of the catalogue's situations (``"salary"``, ``"contract"``,
    ``"collaboration"``) or its label, or ``None`` for all.

    >>> [t.id for t in find_tactics("deadline", "collaboration")]
    ['moving-deadline', 'time-pressure']
    >>> find_tactics("", "weddings")
    Traceback (most recent call last):
    ...
    ValueError: There is no situation called 'weddings': choose one of salary, contract, collaboration.
    """
    if not isinstance(query, str):
        raise ValueError(f"Type the words to search for as text, not {query!r}.")
    if len(query) > MAX_QUERY:
        raise ValueError(f"Search for a few words (at most {MAX_QUERY} characters); your search has {len(query)}.")
    situations = tactic_situations()
    key = None
    if situation not in (None, ""):
        labels = {label.lower(): k for k, label in situations.items()}
        key = situation if situation in situations else labels.get(str(situation).lower())
        if key is None:
            raise ValueError(f"There is no situation called {situation!r}: choose one of {', '.join(situations)}.")
    phrase = " ".join(query.lower().split())
    words = re.findall(r"[\w'-]+", phrase)
    found = [t for t in tactic_catalogue()
             if (key is None or key in t.situations) and all(word in t.text for word in words)]

    def relevance(item: DifficultTactic) -> int:
        # The phrase in the tactic's name or aliases first, then the phrase anywhere, then the words anywhere.
        names = " | ".join((item.name, *item.aliases)).lower()
        return 2 if phrase in names else 1 if phrase in item.text else 0

    return sorted(found, key=relevance, reverse=True)  # stable: the catalogue's order within each rank


def _feedback(chosen: DifficultTactic, scenario: Scenario) -> str:
    right = scenario.tactic
    if chosen is right:
        return f"{scenario.clue} A response that protects you: {right.responses[0]}"
    return (f"{chosen.name} is {chosen.signature}. Here, {scenario.clue[0].lower()}{scenario.clue[1:]} "
            f"That is {right.name.lower()}.")


def tactic_questions(seed: int | None = 0, count: int | None = None, situation: str | None = None) -> list[ChoiceQuestion]:
    """The recognition quiz: for each scenario, "which tactic is this?", with the tactic and the ones it is
    confused with as options (in an order set by ``seed``), and feedback for every option.

    >>> questions = tactic_questions(seed=1, count=3)
    >>> len(questions), all(len(q.options) == 4 for q in questions)
    (3, True)
    """
    scenarios = [s for s in tactic_scenarios() if situation in (None, "") or s.situation == situation]
    if situation not in (None, "") and situation not in tactic_situations():
        raise ValueError(f"There is no situation called {situation!r}: choose one of {', '.join(tactic_situations())}.")
    chooser = random.Random(seed)
    if count is not None:
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise ValueError(f"Ask for a whole number of questions, 1 or more, not {count!r}.")
        scenarios = chooser.sample(scenarios, min(count, len(scenarios)))
    questions = []
    for scenario in scenarios:
        choices = [scenario.tactic, *scenario.confused_with]
        chooser.shuffle(choices)
        options = tuple(Option(t.name, t is scenario.tactic, _feedback(t, scenario)) for t in choices)
        questions.append(ChoiceQuestion(f"tactic-{scenario.id}", f"{scenario.text} Which tactic is this?", options))
    return questions
