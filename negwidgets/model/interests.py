"""The interest map: the other side's positions, the interests that may lie behind them, the questions that
test each guess, and the options that could meet an interest in another way than the position.

A *position* is what they ask for ("Start in 2 weeks"); an *interest* is why they might want it (a project
deadline, a short-staffed team). The learner proposes interests of a few kinds (``negwidgets/data/interests.yaml``,
with open questions to start from), writes the question that will test each guess, and lists options for a
package. :class:`InterestMap` checks all of it, says it in plain words (:meth:`InterestMap.describe`) and is
kept in the learner's plan (its ``interest_map`` field) through :meth:`InterestMap.as_dict` and
:meth:`InterestMap.from_dict`.

>>> ana = example_interest_map()
>>> ana.positions[0].text, ana.positions[0].interests[0].kind
('Start in 2 weeks', 'time')
>>> ana.positions[0].interests[0].options[:2]
('Start part-time earlier', 'Start remote for the first weeks')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data import load
from .checks import shown, text_value

__all__ = ["MAX_INTERESTS", "MAX_OPTIONS", "MAX_ROWS", "Interest", "InterestKind", "InterestMap", "Position",
           "example_interest_map", "interest_kinds", "load_interest_map", "save_interest_map", "split_options",
           "suggested_question"]

MAX_ROWS = 12  # interests in one map (a position with none yet counts as one row): a map fits on a page
MAX_INTERESTS = 3  # interests behind one position
MAX_OPTIONS = 5  # options for one interest
MAX_POSITION = 120  # characters
MAX_WHY = 300
MAX_QUESTION = 200
MAX_OPTION = 150


@dataclass(frozen=True)
class InterestKind:
    """A kind of interest in a professional deal, with open questions to start from."""

    key: str
    name: str
    description: str
    questions: tuple[str, ...]


@functools.lru_cache(maxsize=None)
def interest_kinds() -> tuple[InterestKind, ...]:
    """The kinds of interest the course names, in the order the map offers them.

    >>> [kind.key for kind in interest_kinds()][:3]
    ['time', 'money', 'constraints']
    """
    kinds = tuple(InterestKind(k["key"], k["name"], k["description"], tuple(k["questions"]))
                  for k in load("interests")["kinds"])
    for kind in kinds:
        if not 1 <= len(kind.questions) <= 2 or not all(q.endswith("?") for q in kind.questions):
            raise ValueError(f"The interest kind {kind.key!r} needs one or two questions, each ending in '?'.")
    return kinds


def _kinds() -> dict[str, InterestKind]:
    return {kind.key: kind for kind in interest_kinds()}


def suggested_question(kind: str) -> str:
    """An open question to start from when testing an interest of this kind (reword it for your case).

    >>> suggested_question("time")
    'What happens if the start date moves?'
    """
    return _kind(kind).questions[0]


def _kind(key: object) -> InterestKind:
    kinds = _kinds()
    if key not in kinds:
        names = ", ".join(repr(k) for k in kinds)
        raise ValueError(f"Choose a kind of interest the course knows ({names}), not {shown(key)}.")
    return kinds[key]


def _text(value: object, what: str, limit: int, required: bool = False) -> str:
    text = " ".join(text_value(value, what).split())
    if required and not text:
        raise ValueError(f"{what[0].upper()}{what[1:]} is empty: write what they ask for, in their words.")
    if len(text) > limit:
        raise ValueError(f"{what[0].upper()}{what[1:]} is {len(text):,} characters long; keep it under {limit} "
                         f"so the map stays readable.")
    return text


def split_options(text: str) -> tuple[str, ...]:
    """Options typed in one box, separated by semicolons or new lines (empty ones dropped).

    >>> split_options("Start part-time earlier; start remote\\n;")
    ('Start part-time earlier', 'start remote')
    """
    text = text_value(text, "the options")
    return tuple(part.strip() for part in text.replace("\n", ";").split(";") if part.strip())


@dataclass(frozen=True)
class Interest:
    """One guess at why they hold a position: its kind, the reason in your words, the question that will test
    it, and your options for meeting it. Text is kept with its spaces tidied.

    >>> Interest("time", "  A deadline  next month ").why
    'A deadline next month'
    >>> Interest("luck")
    Traceback (most recent call last):
    ...
    ValueError: Choose a kind of interest the course knows ('time', 'money', 'constraints', 'security', 'recognition', 'growth', 'autonomy'), not 'luck'.
    """

    kind: str
    why: str = ""
    question: str = ""
    options: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _kind(self.kind)
        object.__setattr__(self, "why", _text(self.why, "why they might want it", MAX_WHY))
        object.__setattr__(self, "question", _text(self.question, "the question", MAX_QUESTION))
        if isinstance(self.options, (str, bytes)) or not isinstance(self.options, (tuple, list)):
            raise ValueError(f"The options must be a list of entries, not {shown(self.options)}.")
        options = tuple(_text(option, "an option", MAX_OPTION) for option in self.options)
        options = tuple(option for option in options if option)
        if any(";" in option for option in options):
            raise ValueError("An option cannot hold a semicolon, which separates options: write it as two options.")
        if len(options) > MAX_OPTIONS:
            raise ValueError(f"An interest has {len(options)} options; keep the best {MAX_OPTIONS}.")
        object.__setattr__(self, "options", options)

    @property
    def kind_name(self) -> str:
        return _kind(self.kind).name

    @property
    def question_to_ask(self) -> str:
        """Your question, or the course's open question for this kind when you have not written one."""
        return self.question or suggested_question(self.kind)


@dataclass(frozen=True)
class Position:
    """What the other side asks for, with up to :data:`MAX_INTERESTS` interests you guess behind it (none yet
    is allowed: write the positions first)."""

    text: str
    interests: tuple[Interest, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _text(self.text, "a position", MAX_POSITION, required=True))
        if isinstance(self.interests, (str, bytes, Interest)) or not isinstance(self.interests, (tuple, list)):
            raise ValueError(f"The interests behind '{self.text}' must be a list, not {shown(self.interests)}.")
        interests = tuple(self.interests)
        if not all(isinstance(i, Interest) for i in interests):
            raise ValueError(f"An interest behind '{self.text}' must be an Interest.")
        if len(interests) > MAX_INTERESTS:
            raise ValueError(f"The position '{self.text}' has {len(interests)} interests behind it; keep the "
                             f"{MAX_INTERESTS} likeliest.")
        kinds = [i.kind for i in interests]
        for kind in kinds:
            if kinds.count(kind) > 1:
                raise ValueError(f"The position '{self.text}' has the interest '{_kind(kind).name}' twice: put "
                                 f"both reasons in one row.")
        object.__setattr__(self, "interests", interests)


@dataclass(frozen=True)
class InterestMap:
    """The other side's positions and the interests behind them, in the order you wrote them.

    >>> InterestMap((Position("Start in 2 weeks"), Position(" start in 2  WEEKS")))
    Traceback (most recent call last):
    ...
    ValueError: The position 'start in 2 WEEKS' is listed twice: put its interests in one place.
    """

    positions: tuple[Position, ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.positions, (str, bytes, Position)) or not isinstance(self.positions, (tuple, list)):
            raise ValueError(f"An interest map's positions must be a list, not {shown(self.positions)}.")
        positions = tuple(self.positions)
        if not all(isinstance(p, Position) for p in positions):
            raise ValueError("Each entry of an interest map must be a Position.")
        seen = set()
        for position in positions:
            key = position.text.casefold()
            if key in seen:
                raise ValueError(f"The position '{position.text}' is listed twice: put its interests in one place.")
            seen.add(key)
        rows = sum(max(1, len(p.interests)) for p in positions)
        if rows > MAX_ROWS:
            raise ValueError(f"The map has {rows} rows; keep it to {MAX_ROWS}, the positions and interests that "
                             f"matter most.")
        object.__setattr__(self, "positions", positions)

    def __bool__(self) -> bool:
        return bool(self.positions)

    # -- rows, as the builder shows them ---------------------------------------------------------------------

    @classmethod
    def from_rows(cls, rows) -> InterestMap:
        """A map from rows of (position, kind or None, why, question, options text), as the builder's table
        holds them (a kind of ``""`` is none yet): rows with the same position are one position; blank rows are
        skipped.

        >>> m = InterestMap.from_rows([("Start in 2 weeks", "time", "A deadline", "", "Start remote; part-time"),
        ...                            ("", None, "", "", ""), ("start in 2 weeks", "security", "", "", "")])
        >>> len(m.positions), [i.kind for i in m.positions[0].interests], m.positions[0].interests[0].options
        (1, ['time', 'security'], ('Start remote', 'part-time'))
        """
        grouped: dict[str, tuple[str, list[Interest]]] = {}
        for number, (text, kind, why, question, options) in enumerate(rows, 1):
            text, kind = _text(text, f"the position in row {number}", MAX_POSITION), kind or None
            rest = [text_value(v, f"a field of row {number}").strip() for v in (why, question, options)]
            if not text and kind is None and not any(rest):
                continue
            if not text:
                raise ValueError(f"Row {number} has no position: write what they ask for, in their words.")
            if kind is None and any(rest):
                raise ValueError(f"Row {number} ('{text}') needs a kind of interest: choose the likeliest.")
            _, interests = grouped.setdefault(text.casefold(), (text, []))
            if kind is not None:
                try:
                    interests.append(Interest(kind, why, question, split_options(options)))
                except ValueError as error:
                    raise ValueError(f"Row {number} ('{text}'): {error}") from None
        return cls(tuple(Position(text, tuple(interests)) for text, interests in grouped.values()))

    def rows(self) -> list[tuple[str, str | None, str, str, str]]:
        """The map as the builder's rows (the inverse of :meth:`from_rows`)."""
        rows = []
        for position in self.positions:
            if not position.interests:
                rows.append((position.text, None, "", "", ""))
            for i in position.interests:
                rows.append((position.text, i.kind, i.why, i.question, "; ".join(i.options)))
        return rows

    # -- what the learner reads ------------------------------------------------------------------------------

    def questions(self) -> list[tuple[str, str, str, bool]]:
        """For each interest: (position, kind's name, the question to ask, whether it is the course's suggestion
        rather than yours). A suggestion is a starting point: reword it for the person you will ask.

        >>> example_interest_map().questions()[0]
        ('Start in 2 weeks', 'Time', 'What happens if the start date moves?', False)
        >>> InterestMap((Position("Salary at the midpoint", (Interest("constraints"),)),)).questions()[0][2:]
        ('Who else needs to agree to this, and what will they look for?', True)
        """
        return [(p.text, i.kind_name, i.question_to_ask, not i.question) for p in self.positions for i in p.interests]

    def options(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """Your options for a package, per interest that has any: (position, kind's name, options).

        >>> example_interest_map().options()[0][2][0]
        'Start part-time earlier'
        """
        return [(p.text, i.kind_name, i.options) for p in self.positions for i in p.interests if i.options]

    def lines(self) -> list[str]:
        """One plain paragraph per position (the plan's page shows them as bullets)."""
        out = []
        for p in self.positions:
            words = [f"They ask for: {p.text}."]
            if not p.interests:
                words.append("Interest behind it: not guessed yet.")
            for i in p.interests:
                words.append(f"Perhaps {i.kind_name.lower()}" + (f" ({_unstop(i.why)})." if i.why else "."))
                words.append(f"Ask: \u201c{i.question_to_ask}\u201d")
                if i.options:
                    words.append(f"Options: {'; '.join(map(_unstop, i.options))}.")
            out.append(" ".join(words))
        return out

    def describe(self) -> str:
        """The map in plain words.

        >>> InterestMap().describe()
        'No positions yet: write what the other side asks for, one position a row.'
        >>> print(InterestMap((Position("Start in 2 weeks", (Interest("time", "A deadline."),)),)).describe())
        They ask for: Start in 2 weeks. Perhaps time (A deadline). Ask: “What happens if the start date moves?”
        1 position, 1 interest to test, 0 options for a package.
        """
        if not self.positions:
            return "No positions yet: write what the other side asks for, one position a row."
        n_pos = len(self.positions)
        n_int = sum(len(p.interests) for p in self.positions)
        n_opt = sum(len(options) for _, _, options in self.options())
        summary = (f"{n_pos} position{'s' if n_pos != 1 else ''}, {n_int} interest{'s' if n_int != 1 else ''} to "
                   f"test, {n_opt} option{'s' if n_opt != 1 else ''} for a package.")
        return "\n".join([*self.lines(), summary])

    # -- the plan file ---------------------------------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        """The map as plain data for the plan file (read back by :meth:`from_dict`)."""
        return {"positions": [{"text": p.text, "interests": [
            {"kind": i.kind, "why": i.why, "question": i.question, "options": list(i.options)} for i in p.interests]}
            for p in self.positions]}

    @classmethod
    def from_dict(cls, data: Any) -> InterestMap:
        """A map from :meth:`as_dict`'s form; anything else (a hand-edited file) is refused with a sentence.

        >>> InterestMap.from_dict({"positions": [{"text": "Start soon", "interests": [{"kind": "time"}]}]})
        Traceback (most recent call last):
        ...
        ValueError: A saved interest lacks 'why'.
        """
        if isinstance(data, InterestMap):
            return data
        positions = _record(data, ("positions",), "interest map")["positions"]
        if not isinstance(positions, list):
            raise ValueError(f"A saved interest map's positions must be a list, not {shown(positions)}.")
        built = []
        for item in positions:
            record = _record(item, ("text", "interests"), "position")
            if not isinstance(record["interests"], list):
                raise ValueError(f"A saved position's interests must be a list, not {shown(record['interests'])}.")
            interests = []
            for entry in record["interests"]:
                fields = _record(entry, ("kind", "why", "question", "options"), "interest")
                if not isinstance(fields["options"], list):
                    raise ValueError(f"A saved interest's options must be a list, not {shown(fields['options'])}.")
                interests.append(Interest(**fields))
            built.append(Position(record["text"], tuple(interests)))
        return cls(tuple(built))


def _record(data: Any, names: tuple[str, ...], what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError(f"A saved {what} must be a set of named fields, not {shown(data)}.")
    missing = [n for n in names if n not in data]
    if missing:
        raise ValueError(f"A saved {what} lacks {missing[0]!r}.")
    unknown = sorted(set(data) - set(names), key=str)
    if unknown:
        raise ValueError(f"A saved {what} has a field the course does not know ({shown(unknown[0])}).")
    return data


def _unstop(text: str) -> str:
    return text[:-1] if text.endswith(".") else text


@functools.lru_cache(maxsize=None)
def example_interest_map() -> InterestMap:
    """Ana's map of the employer's positions (the running example), from the course data."""
    return InterestMap.from_dict(load("interests")["example"])


def save_interest_map(interest_map: InterestMap, path: Path | str | None = None) -> Path:
    """Keep ``interest_map`` in the plan file (default: the plan lesson 12 opens), replacing the map saved
    there and leaving every other field as it was; a plan file that cannot be read is never saved over."""
    from .plan_file import change_plan, default_plan_path

    target = Path(path) if path is not None else default_plan_path()
    change_plan(lambda plan: plan.replace(interest_map=InterestMap.from_dict(interest_map)), target)
    return target


def load_interest_map(path: Path | str | None = None) -> InterestMap:
    """The map saved in the plan file (an empty map when there is no plan file). A damaged file raises
    :class:`~negwidgets.model.plan_file.PlanFileError` with a sentence, and is left as it is."""
    from .plan_file import default_plan_path, load_plan

    target = Path(path) if path is not None else default_plan_path()
    return load_plan(target).interest_map if target.exists() else InterestMap()
