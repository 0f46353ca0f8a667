"""A case for a raise with your current employer: market figures, your results, the ask and what to ask for
instead if the salary budget is fixed, turned into an email draft and the hard questions to prepare for.

The ask is an amount, or the percentile of the market figures you aim for, read off them by lesson 03's
:func:`~negwidgets.model.aspiration.aspiration_from_benchmarks` (the same straight-line reading, never past the
figures given). Everything the draft and the answers say comes from the case: the figures and the percentile as
given, the results as written, the raise computed from them. They never invent an outside offer, a deadline or
a commitment, and whatever the learner says about other employers is true for them in each of the three
situations the case knows (:data:`OUTSIDE_OPTIONS`).

Two judgement calls, made here once:

* **An ask above the highest market figure is a warning, not an error.** A case can be honest there (a role
  that has outgrown its survey, a promotion): the draft then says plainly that the ask is above that
  percentile, and :attr:`RaiseCase.warnings` says that the results, not the figures, must carry it.
* **A case with no results still gives a draft** (the market figures alone), and
  :attr:`RaiseCase.suggestions` asks for one result with a number first.

>>> ana = example_raise_case()
>>> ana.ask, ana.raise_amount, round(ana.raise_percent, 4)
(83000.0, 4000.0, 0.0506)
>>> ana.describe()
'You ask for $83,000: a raise of $4,000 (5.1%) on your $79,000. Your ask is the 75th percentile of your market figures; your salary now sits between the 50th ($72,000) and 75th ($83,000) percentiles.'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..data import load
from .aspiration import _checked_benchmarks, _ordinal, aspiration_from_benchmarks
from .checks import capitalised, finite_number, shown, text_value
from .money import money, percent_precise

__all__ = ["MAX_EVIDENCE", "MAX_PERCENTILES", "OUTSIDE_OPTIONS", "Evidence", "Fallback", "FallbackKind",
           "MarketPosition", "PreparedQuestion", "RaiseCase", "RaiseCaseError", "email_draft", "example_raise_case",
           "fallback_kinds", "justification", "market_position", "parse_percentile", "prepared_questions",
           "questions_to_prepare", "raise_case", "raise_case_text", "raise_percent"]

MAX_PERCENTILES = 12   # market figures in one case
MAX_EVIDENCE = 6       # results in one case: an email cites the best few
MAX_WHAT = 120         # characters in "what you did"
MAX_RESULT = 160       # characters in "what it changed"
MAX_DETAIL = 120       # characters in a fallback's detail
MAX_NAME = 60          # characters in the manager's name
MAX_NOTE = 120         # characters in the timing and the source

#: What the learner can truthfully say about other employers; the answer to "Are you looking elsewhere?"
#: depends on it, and the email never mentions it.
OUTSIDE_OPTIONS: dict[str, str] = {
    "none": "No other offer, and not looking",
    "looking": "Looking, no offer yet",
    "offer": "An offer from another employer",
}

_DEFAULT_SOURCE = "the salary figures I found"
# Numbers written as words count as a number in a result ("saves two days a month").
_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                     r"fifty|hundred|thousand|million|dozen|half|twice|double|triple|tripled|doubled|halved)\b",
                     re.IGNORECASE)


class RaiseCaseError(ValueError):
    """A sentence for the learner, and the part of the case it is about (``field``): ``current_salary``, ``ask``,
    ``market``, ``evidence``, ``fallbacks`` or ``conversation``, so that a form can show it beside that part."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


class _about:
    """Re-raise a ValueError from inside the block as a :class:`RaiseCaseError` about ``field``."""

    def __init__(self, field: str):
        self.field = field

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, ValueError) and not isinstance(error, RaiseCaseError):
            raise RaiseCaseError(str(error), self.field) from None
        return False


def _tidy(value: object, what: str, limit: int) -> str:
    """Text as a sentence quotes it: spaces tidied, no full stop at the end, at most ``limit`` characters."""
    text = " ".join(text_value(value, what).split()).rstrip(".").rstrip()
    if len(text) > limit:
        raise ValueError(f"{capitalised(what)} is {len(text):,} characters long; keep it under {limit} so the "
                         f"email stays short.")
    return text


def _lower_first(text: str) -> str:
    """"Automated the report" -> "automated the report", inside a sentence; "I", "SQL" and "Q3" stay."""
    first = text.split(" ", 1)[0]
    if first == "I" or first[:1] != first[:1].upper() or (len(first) > 1 and not first[1:].islower()):
        return text
    return text[:1].lower() + text[1:]


def _joined(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c" (the course writes lists without a serial comma)."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def parse_percentile(text: object, what: str = "the percentile") -> float:
    """A percentile as people type it: ``75``, ``75th``, ``75%`` or ``62.5``.

    >>> parse_percentile("75th"), parse_percentile(" 90 "), parse_percentile(25)
    (75.0, 90.0, 25.0)
    >>> parse_percentile("top")
    Traceback (most recent call last):
    ...
    ValueError: I could not read 'top' as the percentile: type a number between 1 and 99, such as 75.
    """
    if not isinstance(text, str):
        value = finite_number(text, what)
    else:
        cleaned = text.strip().lower().removesuffix("%").removesuffix("percentile").strip()
        cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)$", "", cleaned)
        if not cleaned:
            raise ValueError(f"{capitalised(what)} is empty: type a number between 1 and 99, such as 75.")
        try:
            value = finite_number(float(cleaned), what)
        except ValueError:
            raise ValueError(f"I could not read {shown(text.strip())} as {what}: type a number between 1 and 99, "
                             f"such as 75.") from None
    if not 0 < value < 100:
        raise ValueError(f"A percentile runs between 0 and 100; {value:g} is outside that range.")
    return value


# -- the parts of a case ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FallbackKind:
    """Something to ask for when the salary budget is fixed, with the words an email uses for it."""

    key: str
    name: str
    description: str
    phrase: str


@functools.lru_cache(maxsize=None)
def fallback_kinds() -> tuple[FallbackKind, ...]:
    """The non-salary asks the course names (``negwidgets/data/raise_fallbacks.yaml``), in the form's order.

    >>> [kind.key for kind in fallback_kinds()]
    ['scope', 'title', 'remote_days', 'training', 'workload', 'review_date']
    """
    kinds = tuple(FallbackKind(k["key"], k["name"], k["description"], k["phrase"]) for k in load("raise_fallbacks")["kinds"])
    if len({kind.key for kind in kinds}) != len(kinds):
        raise ValueError("Two fallback kinds in raise_fallbacks.yaml share a key.")
    return kinds


def _fallback_kind(key: object) -> FallbackKind:
    kinds = {kind.key: kind for kind in fallback_kinds()}
    if key not in kinds:
        names = ", ".join(repr(k) for k in kinds)
        raise ValueError(f"Choose something to ask for that the course knows ({names}), not {shown(key)}.")
    return kinds[key]


@dataclass(frozen=True)
class Evidence:
    """One result: what you did, and what it changed (with a number, where you can).

    >>> Evidence("Automated the monthly report.", "saves the team 2 days a month").has_number
    True
    >>> Evidence("  ", "faster")
    Traceback (most recent call last):
    ...
    ValueError: A result needs what you did, such as 'Automated the monthly report'.
    """

    what: str
    result: str = ""

    def __post_init__(self) -> None:
        what = _tidy(self.what, "what you did", MAX_WHAT)
        if not what:
            raise ValueError("A result needs what you did, such as 'Automated the monthly report'.")
        object.__setattr__(self, "what", what)
        object.__setattr__(self, "result", _tidy(self.result, f"the result of '{what}'", MAX_RESULT))

    @property
    def has_number(self) -> bool:
        """Whether the result (or what you did) holds a number, in digits or in words."""
        return bool(_NUMBER.search(f"{self.what} {self.result}"))

    def phrase(self) -> str:
        """As the email lists it: "automated the monthly report (saves the team 2 days a month)"."""
        what = _lower_first(self.what)
        return f"{what} ({self.result})" if self.result else what


@dataclass(frozen=True)
class Fallback:
    """Something to discuss if the salary budget is fixed: a kind (:func:`fallback_kinds`) and your words for
    it (empty: the kind's own words).

    >>> Fallback("review_date").phrase(), Fallback("training", "a course in cloud data tools.").phrase()
    ('a date to review my salary again', 'a course in cloud data tools')
    """

    kind: str
    detail: str = ""

    def __post_init__(self) -> None:
        name = _fallback_kind(self.kind).name
        object.__setattr__(self, "detail", _tidy(self.detail, f"what you would ask for under '{name}'", MAX_DETAIL))

    @property
    def name(self) -> str:
        return _fallback_kind(self.kind).name

    def phrase(self) -> str:
        return self.detail or _fallback_kind(self.kind).phrase


@dataclass(frozen=True)
class MarketPosition:
    """Where an amount sits among market figures: the figure at or just below it and the one at or just above
    it (``None`` past either end). Said in the figures' own percentiles, never as an estimated percentile.

    >>> market_position({50: 72_000, 75: 83_000, 90: 89_000}, 78_000).describe()
    'between the 50th ($72,000) and 75th ($83,000) percentiles'
    """

    amount: float
    below: tuple[float, float] | None
    above: tuple[float, float] | None

    @property
    def exact(self) -> bool:
        return self.below is not None and self.below == self.above

    def describe(self, amounts: bool = True) -> str:
        def figure(point):
            return f" ({money(point[1])})" if amounts else ""

        if self.exact:
            return f"at the {_ordinal(self.below[0])} percentile{figure(self.below)}"
        if self.below is None:
            return f"below the {_ordinal(self.above[0])} percentile{figure(self.above)}"
        if self.above is None:
            return f"above the {_ordinal(self.below[0])} percentile{figure(self.below)}"
        return (f"between the {_ordinal(self.below[0])}{figure(self.below)} and {_ordinal(self.above[0])}"
                f"{figure(self.above)} percentiles")


def _market_points(market: Mapping[Any, Any] | Iterable[tuple[Any, Any]]) -> tuple[tuple[float, float], ...]:
    pairs = list(market.items()) if isinstance(market, Mapping) else list(market)
    if len(pairs) > MAX_PERCENTILES:
        raise ValueError(f"You gave {len(pairs)} market figures; {MAX_PERCENTILES} are plenty (the 25th, 50th, "
                         f"75th and 90th percentiles are the usual ones).")
    points: dict[float, float] = {}
    for pair in pairs:
        if isinstance(pair, (str, bytes)) or not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise ValueError(f"A market figure is a percentile and a salary, not {shown(pair)}.")
        percentile = parse_percentile(pair[0], "a percentile")
        if percentile in points:
            raise ValueError(f"You gave the {_ordinal(percentile)} percentile twice: keep one figure for it.")
        salary = finite_number(pair[1], f"the {_ordinal(percentile)} percentile figure")
        if salary <= 0:
            raise ValueError(f"The {_ordinal(percentile)} percentile figure is {money(salary)}: a salary is above zero.")
        points[percentile] = salary
    # Lesson 03's checks: at least two figures, and a higher percentile never pays less.
    return tuple(_checked_benchmarks(points))


def market_position(market: Mapping[float, float] | Iterable[tuple[float, float]], amount: float) -> MarketPosition:
    """Where ``amount`` sits among the market figures (percentile -> salary).

    >>> market_position({25: 64_000, 50: 72_000}, 72_000).describe()
    'at the 50th percentile ($72,000)'
    >>> market_position({25: 64_000, 50: 72_000}, 90_000).describe(amounts=False)
    'above the 50th percentile'
    """
    points = _market_points(market)
    value = finite_number(amount, "the amount")
    below = [p for p in points if p[1] <= value]
    above = [p for p in points if p[1] >= value]
    return MarketPosition(value, below[-1] if below else None, above[0] if above else None)


def raise_percent(current_salary: float, ask: float) -> float:
    """The raise an ask means, as a fraction of the current salary.

    >>> round(raise_percent(78_000, 83_000), 4)
    0.0641
    """
    current = finite_number(current_salary, "your current salary")
    if current <= 0:
        raise ValueError(f"Your current salary is {money(current)}: type what you are paid a year, such as 78000.")
    return (finite_number(ask, "your ask") - current) / current


# -- the case ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RaiseCase:
    """Your case for a raise. Give the ask as an amount (``ask_amount``) or as the percentile of the market
    figures you aim for (``target_percentile``), not both; :attr:`ask` is the number either way.

    ``market`` maps percentiles to salaries (kept as sorted pairs); ``outside_option`` is one of
    :data:`OUTSIDE_OPTIONS`. Every field is checked when the case is made: a :class:`RaiseCaseError` names the
    part of the case its sentence is about.
    """

    current_salary: float
    market: Any
    ask_amount: float | None = None
    target_percentile: float | None = None
    evidence: tuple[Evidence, ...] = ()
    fallbacks: tuple[Fallback, ...] = ()
    outside_option: str = "none"
    manager_name: str = ""
    timing: str = ""
    market_source: str = ""
    ask: float = field(init=False)

    def __post_init__(self) -> None:
        def keep(name: str, value: Any) -> None:
            object.__setattr__(self, name, value)

        with _about("current_salary"):
            current = finite_number(self.current_salary, "your current salary")
            if current <= 0:
                raise ValueError(f"Your current salary is {money(current)}: type what you are paid a year, "
                                 f"such as 78000.")
            keep("current_salary", current)
        with _about("market"):
            keep("market", _market_points(self.market))
            keep("market_source", _tidy(self.market_source, "where your market figures come from", MAX_NOTE))
        with _about("ask"):
            keep("ask", self._checked_ask())
        with _about("evidence"):
            evidence = self._entries(self.evidence, Evidence, "result")
            if len(evidence) > MAX_EVIDENCE:
                raise ValueError(f"You listed {len(evidence)} results; keep your best {MAX_EVIDENCE} or fewer, so "
                                 f"the email stays short.")
            keep("evidence", evidence)
        with _about("fallbacks"):
            fallbacks = self._entries(self.fallbacks, Fallback, "thing to ask for")
            kinds = [f.kind for f in fallbacks]
            twice = next((f for f in fallbacks if kinds.count(f.kind) > 1), None)
            if twice is not None:
                raise ValueError(f"You chose '{twice.name}' twice: keep one, and put both ideas in its words.")
            keep("fallbacks", fallbacks)
        with _about("conversation"):
            if self.outside_option not in OUTSIDE_OPTIONS:
                raise ValueError(f"Say whether you have another offer with one of {', '.join(map(repr, OUTSIDE_OPTIONS))}, "
                                 f"not {shown(self.outside_option)}.")
            keep("manager_name", _tidy(self.manager_name, "your manager's name", MAX_NAME))
            keep("timing", _tidy(self.timing, "when you would like to talk", MAX_NOTE))

    def _checked_ask(self) -> float:
        current = self.current_salary
        if (self.ask_amount is None) == (self.target_percentile is None):
            raise ValueError("Give your ask either as an amount or as the percentile of the market you aim for "
                             "(one of the two).")
        if self.target_percentile is not None:
            percentile = parse_percentile(self.target_percentile, "the percentile you aim for")
            object.__setattr__(self, "target_percentile", percentile)
            ask = aspiration_from_benchmarks(dict(self.market), percentile).aspiration   # lesson 03's reading
            if ask <= current:
                raise ValueError(f"At the {_ordinal(percentile)} percentile your ask would be {money(ask)}, "
                                 f"{'the same as' if ask == current else 'below'} your current salary "
                                 f"({money(current)}): aim for a higher percentile.")
            return ask
        ask = finite_number(self.ask_amount, "your ask")
        object.__setattr__(self, "ask_amount", ask)
        if ask == current:
            raise ValueError(f"Your ask ({money(ask)}) is your current salary: a raise asks for more than you earn now.")
        if ask < current:
            raise ValueError(f"Your ask ({money(ask)}) is below your current salary ({money(current)}): a raise "
                             f"asks for more than you earn now.")
        return ask

    @staticmethod
    def _entries(values: Any, kind: type, noun: str) -> tuple:
        if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
            raise ValueError(f"Give each {noun} as an entry of a list, not {shown(values)}.")
        entries = []
        for item in values:
            if not isinstance(item, kind):
                if isinstance(item, (str, bytes)) or not isinstance(item, (tuple, list)) or not 1 <= len(item) <= 2:
                    raise ValueError(f"Each {noun} has one or two parts, not {shown(item)}.")
                item = kind(*item)
            entries.append(item)
        return tuple(entries)

    # -- what follows from the case ------------------------------------------------------------------------

    @property
    def raise_amount(self) -> float:
        return self.ask - self.current_salary

    @property
    def raise_percent(self) -> float:
        """The raise as a fraction of the current salary (0.064 for 6.4%)."""
        return raise_percent(self.current_salary, self.ask)

    @property
    def ask_position(self) -> MarketPosition:
        return market_position(self.market, self.ask)

    @property
    def salary_position(self) -> MarketPosition:
        return market_position(self.market, self.current_salary)

    @property
    def source(self) -> str:
        return self.market_source or _DEFAULT_SOURCE

    @property
    def top(self) -> tuple[float, float]:
        """The highest market figure given: (percentile, salary)."""
        return self.market[-1]

    def _ask_is_interpolated(self) -> bool:
        return self.target_percentile is not None and self.target_percentile not in dict(self.market)

    @property
    def warnings(self) -> tuple[str, ...]:
        """What in the numbers needs care (the draft still works)."""
        percentile, salary = self.top
        if self.ask <= salary:
            return ()
        where = f"above the highest market figure you gave (the {_ordinal(percentile)} percentile, {money(salary)})"
        if self.evidence:
            return (f"Your ask ({money(self.ask)}) is {where}: the figures alone do not support it, so your results "
                    f"must, or find figures for the role you are growing into.",)
        return (f"Your ask ({money(self.ask)}) is {where}, and you have listed no results: nothing in your case "
                f"supports it yet. Add your results, or aim within your figures.",)

    @property
    def suggestions(self) -> tuple[str, ...]:
        """What would make the case stronger, in the order to do it."""
        tips = []
        if not self.evidence:
            tips.append("Add one result with a number: what you did and what it changed, such as 'Automated the "
                        "monthly report: saves the team 2 days a month'.")
        for item in self.evidence:
            if not item.has_number:
                tips.append(f"Give '{item.what}' a number: the hours, the money or the people it changed.")
        if not self.market_source:
            tips.append("Say where your market figures come from (which survey, which year, which region): a "
                        "figure without a source is easy to set aside.")
        if not self.fallbacks:
            tips.append("Choose one or two things to ask for if the budget is fixed this cycle, so that a 'not now' "
                        "on salary can still end with something agreed.")
        return tuple(tips)

    def _ask_place(self) -> tuple[str, str]:
        """Where the ask sits, as the email says it: ("brings me to", "the 75th percentile")."""
        if self.target_percentile is not None:
            about = "about " if self._ask_is_interpolated() else ""
            return "brings me to", f"{about}the {_ordinal(self.target_percentile)} percentile"
        position = self.ask_position
        if position.exact:
            return "brings me to", f"the {_ordinal(position.below[0])} percentile"
        if position.above is None:
            return "takes me", f"above the {_ordinal(position.below[0])} percentile"
        if position.below is None:
            return "still leaves me", f"below the {_ordinal(position.above[0])} percentile"
        return "brings me", f"between the {_ordinal(position.below[0])} and {_ordinal(position.above[0])} percentiles"

    def cited_figures(self) -> tuple[tuple[float, float], ...]:
        """The market figures an email cites: from the one at or below your salary to the one at or above your
        ask (the ends of the figures when either lies past them)."""
        points = self.market
        low = max((i for i, (_, v) in enumerate(points) if v <= self.current_salary), default=0)
        high = min((i for i, (_, v) in enumerate(points) if v >= self.ask), default=len(points) - 1)
        return points[low:high + 1]

    def describe(self) -> str:
        """The case in two sentences: the ask and the raise, and where the ask and your salary sit."""
        if self.target_percentile is not None:
            where = f"the {_ordinal(self.target_percentile)} percentile of your market figures"
            if self._ask_is_interpolated():
                where += f", read {self.ask_position.describe()}"
        else:
            where = f"{self.ask_position.describe()} of your market figures"
        salary = self.salary_position.describe()
        return (f"You ask for {money(self.ask)}: a raise of {money(self.raise_amount)} "
                f"({percent_precise(self.raise_percent)}) on your {money(self.current_salary)}. Your ask is {where}; "
                f"your salary now sits {salary}.")


def raise_case(current_salary: float, market: Mapping[float, float] | Iterable[tuple[float, float]],
               evidence: Iterable[Evidence | tuple[str, str]] = (), *, ask: float | None = None,
               target_percentile: float | None = None, fallbacks: Iterable[Fallback | tuple[str, str]] = (),
               outside_option: str = "none", manager_name: str = "", timing: str = "",
               market_source: str = "") -> RaiseCase:
    """Make and check a case for a raise; results and fallbacks may be given as ``(what, result)`` and
    ``(kind, detail)`` pairs.

    >>> case = raise_case(78_000, {50: 72_000, 75: 83_000}, [("Automated the monthly report", "saves 2 days a month")],
    ...                   target_percentile=75)
    >>> case.ask, case.suggestions[0][:39]
    (83000.0, 'Say where your market figures come from')
    >>> raise_case(78_000, {50: 72_000, 75: 83_000}, ask=75_000)
    Traceback (most recent call last):
    ...
    negwidgets.model.raise_case.RaiseCaseError: Your ask ($75,000) is below your current salary ($78,000): a raise asks for more than you earn now.
    """
    return RaiseCase(current_salary, market, ask, target_percentile, tuple(evidence), tuple(fallbacks),
                     outside_option, manager_name, timing, market_source)


# -- what the case gives ---------------------------------------------------------------------------------------

def _figures_clause(figures: tuple[tuple[float, float], ...]) -> str:
    """"the 50th percentile is $72,000 and the 75th is $83,000"."""
    parts = [f"the {_ordinal(p)} percentile is {money(v)}" if i == 0 else f"the {_ordinal(p)} is {money(v)}"
             for i, (p, v) in enumerate(figures)]
    return _joined(parts)


def _fallback_items(case: RaiseCase, with_review: bool = False) -> list[str]:
    items = [f.phrase() for f in case.fallbacks]
    if with_review and not any(f.kind == "review_date" for f in case.fallbacks):
        items.append(_fallback_kind("review_date").phrase)
    return items


def email_draft(case: RaiseCase) -> str:
    """One paragraph asking your manager for a conversation about your salary: the market figures and the
    percentile as given, your results as written, the ask with its reason, and what you would like to discuss
    if the budget is fixed. It mentions no other employer, no deadline and no commitment.

    >>> print(email_draft(example_raise_case()))
    Hi Sam, I'd like to talk with you about my salary before this year's reviews. According to this year's salary survey for data analysts in our region, the 50th percentile is $72,000 and the 75th is $83,000; my salary is $79,000. What I've delivered: automated the monthly report (saves the team 2 days a month); built the churn dashboard for the sales team (its alerts flagged 31 at-risk accounts last quarter). Given these results, I'd like to ask for $83,000, a raise of $4,000 (5.1%) that brings me to the 75th percentile. If the budget is fixed this cycle, I'd like to discuss leading the reporting for the new product line, the title Senior data analyst and a salary review in six months. When would be a good time for you to talk? Thank you.
    """
    greeting = f"Hi {case.manager_name}," if case.manager_name else "Hello,"
    sentences = [f"{greeting} I'd like to talk with you about my salary{' ' + case.timing if case.timing else ''}."]
    sentences.append(f"According to {case.source}, {_figures_clause(case.cited_figures())}; my salary is "
                     f"{money(case.current_salary)}.")
    if case.evidence:
        sentences.append(f"What I've delivered: {'; '.join(item.phrase() for item in case.evidence)}.")
    lead = "Given these results, I'd" if case.evidence else "I'd"
    sentences.append(f"{lead} like to ask for {money(case.ask)}, a raise of {money(case.raise_amount)} "
                     f"({percent_precise(case.raise_percent)}) that {' '.join(case._ask_place())}.")
    if case.fallbacks:
        sentences.append(f"If the budget is fixed this cycle, I'd like to discuss {_joined(_fallback_items(case))}.")
    sentences.append("When would be a good time for you to talk? Thank you.")
    return " ".join(sentences)


@dataclass(frozen=True)
class PreparedQuestion:
    """A hard question, the short honest answer the case gives you (``answer``, in your words) and why
    (``note``, to you). ``you_ask`` marks a question to ask yourself if your manager does not raise it."""

    question: str
    answer: str
    note: str = ""
    you_ask: bool = False

    def __str__(self) -> str:
        asker = " (ask it yourself)" if self.you_ask else ""
        return f"{self.question}{asker} \u2014 \u201c{self.answer}\u201d"


def _results_list(case: RaiseCase) -> str:
    return _joined([item.phrase() for item in case.evidence])


def prepared_questions(case: RaiseCase) -> tuple[PreparedQuestion, ...]:
    """The hard questions of a raise conversation, each with a short answer built from the case.

    >>> [q.question for q in prepared_questions(example_raise_case())]
    ['Why $83,000?', 'What are you earning compared with your peers?', 'Is there a budget this cycle?', "What if we can't move on salary until next year?", 'Are you looking elsewhere?']
    """
    ask = money(case.ask)
    standard = case._ask_place()[1]
    top_percentile, top_salary = case.top
    if case.ask > top_salary:
        why = f"It's above the {_ordinal(top_percentile)} percentile ({money(top_salary)}) in {case.source}"
        why += f"; my results are why I ask for it: {_results_list(case)}." if case.evidence else "."
        why_note = case.warnings[0]
    else:
        why = f"It's {standard} in {case.source}"
        why += (f", and my results are why I ask for that part of the range: {_results_list(case)}."
                if case.evidence else ".")
        why_note = ("Lead with the standard, then your results: the figures carry the number, your results carry "
                    "your place among them.")
    peers = (f"I can speak to the market: according to {case.source}, {_figures_clause(case.market)}; my salary is "
             f"{money(case.current_salary)}.")
    items = _fallback_items(case, with_review=True)
    budget = (f"Could you tell me how this cycle's budget for raises is set, and when it's decided? If it's already "
              f"fixed, I'd like us to discuss {_joined(items)}.")
    next_year = f"Then I'd like to discuss {_joined(items)}, and to write down what we agree."
    elsewhere = {
        "none": ("No, I'm not looking elsewhere. I'm raising this because of the market figures and "
                 + ("the results I've described." if case.evidence else "what I earn now."),
                 "Say it because it is true: your case rests on the market and your results, not on a threat."),
        "looking": ("I've been looking at what else is out there, and I don't have an offer. I'm raising this with "
                    "you because I'd like to see whether we can make it work here.",
                    "You need not say where you are looking, but do not deny it: a denial you cannot keep costs "
                    "more than the answer."),
        "offer": ("Yes, I have an offer from another employer. I'm raising this with you because I'd like to see "
                  "whether we can make it work here.",
                  "Name the offer only if you would take it, and never as a threat: you asked for a conversation, "
                  "not an ultimatum."),
    }[case.outside_option]
    return (
        PreparedQuestion(f"Why {ask}?", why, why_note),
        PreparedQuestion("What are you earning compared with your peers?", peers,
                         "Answer with the figures you can name. If a colleague told you their pay, ask yourself "
                         "whether they told you in confidence before you use it."),
        PreparedQuestion("Is there a budget this cycle?", budget,
                         "Ask it yourself if your manager does not raise it: the answer tells you whether to press "
                         "on salary now or on the other things.", you_ask=True),
        PreparedQuestion("What if we can't move on salary until next year?", next_year,
                         "A 'not now' is not a 'no': leave with something agreed and a date, and confirm it in "
                         "writing the same day."),
        PreparedQuestion("Are you looking elsewhere?", *elsewhere),
    )


def questions_to_prepare(case: RaiseCase) -> list[str]:
    """The hard questions with their answers, one line each (:func:`prepared_questions` gives their parts).

    >>> questions_to_prepare(example_raise_case())[-1]
    "Are you looking elsewhere? \u2014 \u201cYes, I have an offer from another employer. I'm raising this with you because I'd like to see whether we can make it work here.\u201d"
    """
    return [str(question) for question in prepared_questions(case)]


def justification(case: RaiseCase) -> str:
    """The ask and its reason, as the plan's justification keeps them ("I'm asking for ... because ...").

    >>> justification(example_raise_case())[:84]
    "I'm asking for $83,000 because it's the 75th percentile in this year's salary survey"
    """
    why = prepared_questions(case)[0].answer
    return f"I'm asking for {money(case.ask)} because {why[:1].lower()}{why[1:]}"


def raise_case_text(case: RaiseCase) -> str:
    """The email draft and the questions with their answers, as a plain-text file to keep or print.

    >>> print(raise_case_text(example_raise_case()).splitlines()[2])
    Questions to prepare for
    """
    lines = [email_draft(case), "", "Questions to prepare for", ""]
    for question in prepared_questions(case):
        lines.append(question.question + (" (ask it yourself)" if question.you_ask else ""))
        lines.append(f"  Say: \u201c{question.answer}\u201d")
        if question.note:
            lines.append(f"  Why: {question.note}")
        lines.append("")
    return "\n".join(lines)


def example_raise_case() -> RaiseCase:
    """Ana's case, one year into her job as a data analyst (``negwidgets/data/raise_example.yaml``); her market
    figures are the course's illustrative table for the role (``salary_benchmarks.yaml``).

    >>> dict(example_raise_case().market)
    {25.0: 64000.0, 50.0: 72000.0, 75.0: 83000.0, 90.0: 89000.0}
    """
    from .cases import salary_benchmarks

    data = load("raise_example")
    table = salary_benchmarks(data["role"])
    return raise_case(
        data["current_salary"], {p: table[float(p)] for p in data["percentiles"]},
        [(e["what"], e["result"]) for e in data["evidence"]], target_percentile=data["target_percentile"],
        fallbacks=[(f["kind"], f["detail"]) for f in data["fallbacks"]], outside_option=data["outside_option"],
        manager_name=data["manager_name"], timing=data["timing"], market_source=data["market_source"])
