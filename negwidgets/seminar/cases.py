"""Role-play cases for seminars, read from ``negwidgets/data/seminar/<key>.yaml``.

A case is either **single-issue** (one number, such as a salary or a price: the first role wants more of
it, the second less, and each role's reservation value is in that number's units) or **multi-issue** (a
scoring system: each role scores a package on its own points, and its reservation value is the score of
its BATNA). Either way each role's reservation value is drawn, pair by pair, from a stated range.

>>> case = load_case("used_car")
>>> case.kind, [role.key for role in case.roles], case.number.name
('single-issue', ['seller', 'buyer'], 'Price')
>>> case.zone((9500, 11000))
(9500.0, 11000.0)
>>> case.zone((10500, 9000)) is None
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..data import load
from ..model.checks import capitalised, finite_number, parse_money
from ..model.money import money
from ..model.scoring import ScoringSystem, points_text

__all__ = ["CASE_KEYS", "Alternative", "NumberSpec", "Role", "RolePlayCase", "ValueRange", "case_catalogue",
           "in_sentence", "load_case"]

# The cases shipped with the course, in the order the instructor's notebook lists them.
CASE_KEYS = ("salary", "used_car", "research_collaboration", "job_offer", "raise")

_AMOUNT = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?")


def in_sentence(name: str) -> str:
    """A role's name inside a sentence: "The buyer" becomes "the buyer"; "Ana (the candidate)" stays."""
    return "the " + name[4:] if name.startswith("The ") else name


@dataclass(frozen=True)
class ValueRange:
    """Where a private value is drawn from: ``low`` to ``high`` in steps of ``step``, or only the listed
    ``values`` (a role whose alternatives differ from pair to pair); ``typical`` when every pair gets the
    same numbers."""

    low: float
    high: float
    typical: float
    step: float = 1.0
    values: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if not self.low <= self.typical <= self.high:
            raise ValueError(f"The typical value {self.typical:g} must lie in its range, {self.low:g} to "
                             f"{self.high:g}.")
        if self.step <= 0:
            raise ValueError("A range's step must be above zero.")
        if self.values and self.typical not in self.values:
            raise ValueError(f"The typical value {self.typical:g} must be one of the values listed.")

    def grid(self) -> np.ndarray:
        """Every value that can be drawn, ``low`` and ``high`` included."""
        if self.values:
            return np.array(sorted(self.values), dtype=float)
        count = int(math.floor((self.high - self.low) / self.step + 1e-9)) + 1
        return self.low + self.step * np.arange(count)


@dataclass(frozen=True)
class NumberSpec:
    """The number openings (and single-issue agreements) are stated in."""

    name: str       # "Salary"
    what: str       # "the annual base salary"
    unit: str       # "money" or "points"
    allowed: tuple[float, float]  # anything reported outside this range is refused as a typo

    def text(self, value: float) -> str:
        return money(value) if self.unit == "money" else f"{points_text(value)} points"

    def parse(self, value: object, what: str) -> float:
        """Read a typed or given number and check it is within the allowed range."""
        number = parse_money(value, what) if self.unit == "money" else finite_number(value, what)
        low, high = self.allowed
        if not low <= number <= high:
            raise ValueError(f"{capitalised(what)} must be between {self.text(low)} and {self.text(high)} in "
                             f"this case; {self.text(number)} looks like a typo.")
        return number


@dataclass(frozen=True)
class Alternative:
    """One of a role's possible BATNAs, drawn pair by pair: its value (the pair's reservation value), a short
    label for the instructor's key, the paragraph it adds to the brief (where the brief says
    ``{alternative}``) and the BATNA line of the sheet."""

    value: float
    label: str
    brief: str
    batna: str


@dataclass(frozen=True)
class Role:
    """One side of a case: who they are, which way they want the number to move, where their reservation
    value is drawn from, and their confidential brief (Markdown with ``{reservation}`` in it).

    A role with ``alternatives`` has a different BATNA from pair to pair (an outside offer, or none): each
    value that can be drawn is one alternative's, and the brief and BATNA line of a pair are that
    alternative's.
    """

    key: str
    name: str
    wants: str              # "more" or "less" (single-issue); "more" points (multi-issue)
    reservation: ValueRange
    brief: str
    batna: str
    alternatives: tuple[Alternative, ...] = ()

    def alternative(self, value: float) -> Alternative | None:
        """The alternative whose value was drawn (``None`` for a role without alternatives)."""
        if not self.alternatives:
            return None
        for alternative in self.alternatives:
            if abs(alternative.value - float(value)) < 1e-9:
                return alternative
        raise ValueError(f"The role {self.key!r} has no alternative worth {float(value):g}; its values are "
                         f"{', '.join(f'{a.value:g}' for a in self.alternatives)}.")

    def brief_text(self, value: float, reservation: str) -> str:
        """The brief for a pair whose reservation value is ``value`` (written as ``reservation``)."""
        alternative = self.alternative(value)
        text = self.brief.replace("{alternative}", alternative.brief if alternative else "")
        # The case files use {alternative} and {reservation} and nothing else; replace() never evaluates.
        return text.replace("{reservation}", reservation)

    def batna_text(self, value: float, reservation: str) -> str:
        """The BATNA line of a pair whose reservation value is ``value``."""
        alternative = self.alternative(value)
        return (alternative.batna if alternative else self.batna).replace("{reservation}", reservation)

    def value_label(self, value: float) -> str:
        """What the instructor's key says beside a value: the alternative's label, or nothing."""
        alternative = self.alternative(value)
        return alternative.label if alternative else ""


@dataclass(frozen=True)
class RolePlayCase:
    """A seminar case: its public facts, its two roles, its number, and for multi-issue cases its scoring
    system and lead issue."""

    key: str
    title: str
    situation: str
    minutes: int
    lessons: tuple[str, ...]
    public: str
    number: NumberSpec
    roles: tuple[Role, Role]
    scoring: ScoringSystem | None = None
    lead_issue: str | None = None

    @property
    def kind(self) -> str:
        return "single-issue" if self.scoring is None else "multi-issue"

    @property
    def role_keys(self) -> tuple[str, str]:
        return (self.roles[0].key, self.roles[1].key)

    def role(self, key: str) -> Role:
        """The role called ``key``, or a sentence naming the case's roles."""
        for role in self.roles:
            if role.key == key:
                return role
        raise ValueError(f"This case has the roles {self.roles[0].key!r} and {self.roles[1].key!r}, "
                         f"not {key!r}.")

    def role_index(self, key: str) -> int:
        return self.role_keys.index(self.role(key).key)

    def value_text(self, value: float) -> str:
        """A reservation value or score as the sheets write it: money, or points."""
        return self.number.text(value) if self.scoring is None else f"{points_text(value)} points"

    # -- the zone and the outcome -------------------------------------------------------------------

    def zone(self, reservations: Sequence[float]) -> tuple[float, float] | None:
        """Where agreement is possible, given both reservation values, or ``None``.

        Single-issue: the numbers between the first role's reservation value and the second's. Multi-issue:
        the scores the *first* role can reach in a package the second role accepts, from its reservation
        value to the best of them.
        """
        first, second = (float(r) for r in reservations)
        if self.scoring is None:
            return (first, second) if first <= second else None
        scores = self._frontier_scores()
        acceptable = scores[(scores[:, 0] >= first - 1e-9) & (scores[:, 1] >= second - 1e-9)]
        if not len(acceptable):
            return None
        return (first, float(acceptable[:, 0].max()))

    def _frontier_scores(self) -> np.ndarray:
        return self.scoring.frontier().scores

    def scores(self, agreement: float | Mapping[str, str]) -> tuple[float, float]:
        """What an agreement is worth to each role: the number itself (single-issue) or each role's points
        for the package (multi-issue: ``agreement`` maps every issue to its option)."""
        if self.scoring is None:
            value = float(agreement)
            return (value, value)
        return self.scoring.package(dict(agreement)).scores

    def lead_value(self, terms: Mapping[str, str]) -> float | None:
        """The number of a multi-issue agreement's lead-issue option: its label read as money, or the first
        amount in it ("$68,000 as Senior planner" is 68,000)."""
        if self.scoring is None or self.lead_issue is None:
            return None
        label = terms[self.lead_issue]
        found = _AMOUNT.search(label)
        return parse_money(found.group(0) if found else label, f"the {self.lead_issue} option")

    def zone_share(self, role: int, reservations: Sequence[float], agreement) -> float | None:
        """How far into the zone a deal went for one role: 0 at its own reservation value, 1 at the best it
        could get from a partner who still accepts. ``None`` when there is no zone or it has no width."""
        zone = self.zone(reservations)
        if zone is None:
            return None
        scores = self.scores(agreement)
        if self.scoring is None:
            low, high = zone
            if high - low <= 0:
                return None
            share = (scores[0] - low) / (high - low)
            return share if role == 0 else 1.0 - share
        best = self._best_for(role, reservations)
        reservation = float(reservations[role])
        if best - reservation <= 0:
            return None
        return (scores[role] - reservation) / (best - reservation)

    def _best_for(self, role: int, reservations: Sequence[float]) -> float:
        scores = self._frontier_scores()
        other = 1 - role
        fine = scores[scores[:, other] >= float(reservations[other]) - 1e-9]
        return float(fine[:, role].max())

    def describe(self) -> str:
        issues = (f"{len(self.scoring.issues)} issues scored in points" if self.scoring is not None
                  else f"one issue, {self.number.what}")
        return (f"{self.title}: {self.roles[0].name} and {in_sentence(self.roles[1].name)} negotiate {issues}; "
                f"about {self.minutes} minutes.")


# -- reading case files ---------------------------------------------------------------------------------

def _alternatives(data: object, where: str, scoring: ScoringSystem | None, index: int) -> tuple[Alternative, ...]:
    """A role's alternatives, each checked: an ``equivalent`` package (and an ``adjust``) must give its value."""
    if not isinstance(data, Sequence) or isinstance(data, str) or not data:
        raise ValueError(f"{where}'s alternatives must be a list, each with a value, a label, a brief and a BATNA.")
    alternatives = []
    for item in data:
        value = finite_number(item["value"], f"{where}'s alternative value")
        if "equivalent" in item:
            if scoring is None:
                raise ValueError(f"{where}: only a multi-issue case can give an alternative an equivalent package.")
            worth = scoring.package(dict(item["equivalent"])).scores[index] + finite_number(item.get("adjust", 0),
                                                                                             f"{where}'s adjust")
            if abs(worth - value) > 1e-9:
                raise ValueError(f"{where}: the alternative '{item['label']}' is worth {worth:g} points by its "
                                 f"equivalent package, not the {value:g} its value says.")
        alternatives.append(Alternative(value, str(item["label"]), str(item["brief"]).strip(), str(item["batna"])))
    values = [a.value for a in alternatives]
    if len(set(values)) != len(values):
        raise ValueError(f"{where}: two alternatives have the same value, so a pair's brief could not be told apart.")
    return tuple(alternatives)


def _range(data: object, where: str, step: float, alternatives: tuple[Alternative, ...] = ()) -> ValueRange:
    if alternatives:
        if not isinstance(data, Mapping) or "typical" not in data:
            raise ValueError(f"{where} needs a 'typical' value, one of its alternatives' values.")
        values = tuple(a.value for a in alternatives)
        return ValueRange(min(values), max(values), finite_number(data["typical"], f"{where}'s typical value"),
                          values=values)
    if not isinstance(data, Mapping) or "range" not in data or "typical" not in data:
        raise ValueError(f"{where} needs a 'range' of two numbers and a 'typical' value.")
    low, high = (finite_number(v, f"{where}'s range") for v in data["range"])
    if low > high:
        raise ValueError(f"{where}'s range runs from {low:g} down to {high:g}: give the low end first.")
    return ValueRange(low, high, finite_number(data["typical"], f"{where}'s typical value"),
                      finite_number(data.get("step", step), f"{where}'s step"))


def case_from_dict(key: str, data: Mapping) -> RolePlayCase:
    """Build a case from its YAML data (the format of ``negwidgets/data/seminar/*.yaml``)."""
    if not isinstance(data, Mapping):
        raise ValueError(f"The case {key!r} must be a mapping with a title, roles and a number.")
    try:
        number_data = data["number"]
        scoring = None
        lead = None
        if "issues" in data or "scoring_case" in data:
            scoring_data = dict(load(data["scoring_case"])) if "scoring_case" in data else dict(data)
            scoring_data["parties"] = [role["name"] for role in data["roles"]]
            scoring = ScoringSystem.from_case(scoring_data)
            leads = [i["name"] for i in scoring_data["issues"] if i.get("lead")]
            lead = data.get("lead_issue") or (leads[0] if leads else None)
            if lead is not None and lead not in {i.name for i in scoring.issues}:
                raise ValueError(f"The case {key!r} names {lead!r} as its lead issue, but has no such issue.")
        step = float(number_data.get("step", 1)) if scoring is None else 1.0
        number = NumberSpec(str(number_data["name"]), str(number_data["what"]), str(number_data.get("unit", "money")),
                            tuple(float(v) for v in number_data["allowed"]))
        roles = []
        for index, role in enumerate(data["roles"]):
            wants = role.get("wants", "more")
            if scoring is None and wants != ("more", "less")[index]:
                raise ValueError(f"In the case {key!r} the first role must want more of the number and the "
                                 "second less (a seller, then a buyer).")
            where = f"The reservation of {role['key']!r}"
            alternatives = (_alternatives(role["reservation"]["alternatives"], where, scoring, index)
                            if isinstance(role["reservation"], Mapping) and "alternatives" in role["reservation"]
                            else ())
            roles.append(Role(str(role["key"]), str(role["name"]), wants,
                              _range(role["reservation"], where, step, alternatives),
                              str(role["brief"]).strip(), str(role["batna"] if not alternatives else ""),
                              alternatives))
            if alternatives and "{alternative}" not in roles[-1].brief:
                raise ValueError(f"In the case {key!r} the brief of {role['key']!r} must say where its alternative "
                                 "goes, with {alternative}.")
        if len(roles) != 2 or roles[0].key == roles[1].key:
            raise ValueError(f"The case {key!r} needs exactly two roles with different keys.")
        return RolePlayCase(key, str(data["title"]), str(data.get("situation", "")), int(data.get("minutes", 20)),
                            tuple(str(lesson) for lesson in data.get("lessons", ())), str(data["public"]).strip(),
                            number, (roles[0], roles[1]), scoring, lead)
    except (KeyError, TypeError) as error:
        raise ValueError(f"The case {key!r} is missing a part or has one of the wrong kind ({error}); "
                         "compare it with negwidgets/data/seminar/salary.yaml.") from None


@lru_cache(maxsize=None)
def load_case(key: str) -> RolePlayCase:
    """One of the course's seminar cases (see ``CASE_KEYS``)."""
    if key not in CASE_KEYS:
        raise ValueError(f"There is no seminar case called {key!r}; choose one of: {', '.join(CASE_KEYS)}.")
    return case_from_dict(key, load(f"seminar/{key}"))


def case_catalogue() -> tuple[RolePlayCase, ...]:
    """Every seminar case shipped with the course."""
    return tuple(load_case(key) for key in CASE_KEYS)
