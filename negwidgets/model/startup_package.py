"""An academic offer's start-up package (lesson 16): your weights, the department's first offer, the trades
(logrolls) that raise both scores, and three equivalent offers (MESOs) to send back.

Lesson 09's scoring system does the work (:class:`~negwidgets.model.scoring.ScoringSystem`: its frontier,
``analyse``, ``logrolls`` and ``mesos``); this module builds one from the case and from how much each issue
matters to you, and says what it finds in words a reply to the department can use.

The case (``negwidgets/data/startup_package.yaml``) gives, for every option of every issue:

* its **share** for the candidate: what it is worth as a share of that issue's best option (0 to 1);
* the department's **points**: what it would rather keep, summing to 100 for its best package. These are
  the candidate's *estimate*, from what the chair said and what recent hires received, not known facts.

You give each issue an **importance** from 0 to 10. An option is then worth ``importance x share`` to you,
scaled so that your best package is worth exactly 100 points and your worst 0:
``points = 100 * importance * share / (sum of the importances)``.

Your **BATNA** score (the case's: staying a postdoc one more year) is a score on that 0-100 scale. Terms no one
at the table can change (the tenure clock, set by university policy for everyone) are not issues of the table:
an issue with a single option would take a weight that changes nothing but every package's score.

>>> result = startup_package(example_startup_weights())
>>> result.first_offer.package.scores
(38.888888889, 66.0)
>>> print(result.trades[0].describe())
Ask for two course releases and accept $450,000 of start-up funds instead of $550,000: you gain 11.1 points and the department 12.
>>> result.target, [round(p.scores[1]) for p in result.mesos.packages]
(50.0, [66, 73, 80])
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ..data import load
from .checks import capitalised, finite_number, shown, text_value
from .scoring import Issue, Logroll, MesoSet, Package, PackageAnalysis, ScoringSystem, points_text

__all__ = ["MAX_IMPORTANCE", "MESO_COUNT", "MESO_TOLERANCE", "FixedTerm", "FreeMove", "StartupCase", "StartupIssue",
           "StartupOption", "StartupPackage", "StartupPackageError", "Trade", "example_startup_weights",
           "startup_case", "startup_package"]

MAX_IMPORTANCE = 10    # the importance of an issue runs from 0 (not at all) to 10 (most)
MESO_COUNT = 3         # three offers at once, as lesson 09 makes them
MESO_TOLERANCE = 2     # each offer is worth the target to you, give or take two points
TRADES_SHOWN = 3       # the best trades from the first offer
YOU = "you"


class StartupPackageError(ValueError):
    """A sentence for the learner and what it is about (``field``): ``"weights"`` (all of them), the name of one
    issue (its importance), ``"target"`` or ``"case"``, so that a view can show it beside that control."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


def _shown_points(value: float) -> str:
    """Points as the lesson writes them: one decimal at most (``38.9``, ``50``)."""
    return points_text(round(float(value), 1))


def _points_word(value: float) -> str:
    """``1 point``, ``11.1 points``."""
    shown = _shown_points(value)
    return f"{shown} point" if shown == "1" else f"{shown} points"


def _number_word(n: int) -> str:
    return ("no", "one", "two", "three", "four", "five", "six")[n] if 0 <= n <= 6 else str(n)


def _joined(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c" (the course writes lists without a serial comma)."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# -- the case ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StartupOption:
    """One option of an issue: its label (for tables), its phrase (for sentences: "two course releases"), a short
    form for "instead of ..." ("$550,000"), its share for the candidate (0-1) and the department's points."""

    label: str
    phrase: str
    short: str
    share: float
    department: float


@dataclass(frozen=True)
class StartupIssue:
    """An issue of the offer: its options, and why the two sides care (a sentence)."""

    name: str
    options: tuple[StartupOption, ...]
    why: str = ""

    def option(self, label: str) -> StartupOption:
        for option in self.options:
            if option.label == label:
                return option
        raise ValueError(f"'{label}' is not an option of '{self.name}'; choose one of: "
                         f"{', '.join(o.label for o in self.options)}.")


@dataclass(frozen=True)
class FixedTerm:
    """A term no one at the table can change (university policy), to get in writing rather than to trade."""

    name: str
    terms: str
    why: str

    def describe(self) -> str:
        return f"{self.name}: {self.terms}. {self.why}"


@dataclass(frozen=True)
class StartupCase:
    """The case: the candidate, the department, the open issues, the department's first offer (one option label
    per issue), both BATNA scores with what they are, the example's weights and the terms not on the table."""

    title: str
    candidate: str
    department: str
    issues: tuple[StartupIssue, ...]
    first_offer: tuple[str, ...]
    batnas: tuple[float, float]
    batna_texts: tuple[str, str]
    example_weights: tuple[tuple[str, float], ...]
    not_negotiable: tuple[FixedTerm, ...] = ()
    candidate_full_name: str = ""
    department_full_name: str = ""

    @property
    def issue_names(self) -> tuple[str, ...]:
        return tuple(issue.name for issue in self.issues)

    @property
    def package_count(self) -> int:
        return math.prod(len(issue.options) for issue in self.issues)

    def option_of(self, issue_index: int, choice: int) -> StartupOption:
        return self.issues[issue_index].options[choice]

    def department_range(self) -> tuple[float, float]:
        """The department's points for its worst and its best package."""
        return (sum(min(o.department for o in issue.options) for issue in self.issues),
                sum(max(o.department for o in issue.options) for issue in self.issues))

    @classmethod
    def from_mapping(cls, data: Mapping) -> StartupCase:
        """The case as read from YAML (the format of ``negwidgets/data/startup_package.yaml``), every field checked."""
        try:
            return _case_from(data)
        except StartupPackageError:
            raise
        except ValueError as error:
            raise StartupPackageError(str(error), "case") from None


def _text(value: object, what: str) -> str:
    text = " ".join(text_value(value, what).split())
    if not text:
        raise ValueError(f"{capitalised(what)} is empty.")
    return text


def _case_from(data: Mapping) -> StartupCase:
    if not isinstance(data, Mapping):
        raise ValueError("A start-up case is a mapping with 'issues', a 'first_offer' and 'batnas'.")
    missing = [key for key in ("issues", "first_offer", "batnas") if key not in data]
    if missing:
        raise ValueError(f"The start-up case has no '{missing[0]}'.")
    raw_issues = data["issues"]
    if not isinstance(raw_issues, list) or not raw_issues:
        raise ValueError("The start-up case needs a list of issues, each with a 'name' and its 'options'.")
    issues = []
    for number, raw in enumerate(raw_issues, 1):
        if not isinstance(raw, Mapping) or "name" not in raw:
            raise ValueError(f"Issue {number} of the start-up case has no 'name'.")
        name = _text(raw["name"], f"the name of issue {number}")
        raw_options = raw.get("options")
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            raise ValueError(f"The issue '{name}' needs at least two options, each with a 'label', a 'phrase', the "
                             "candidate's share and the department's points.")
        options = []
        for raw_option in raw_options:
            if not isinstance(raw_option, Mapping) or "label" not in raw_option:
                raise ValueError(f"Every option of '{name}' needs a 'label'.")
            label = _text(raw_option["label"], f"an option's label in '{name}'")
            where = f"the option '{label}' of '{name}'"
            phrase = _text(raw_option.get("phrase", label), f"the phrase of {where}")
            short = _text(raw_option.get("short", phrase), f"the short form of {where}")
            share = finite_number(raw_option.get("candidate"), f"the candidate's share of {where}")
            if not 0 <= share <= 1:
                raise ValueError(f"The candidate's share of {where} is {share:g}; a share runs from 0 (worth nothing) "
                                 "to 1 (the issue's best option).")
            department = finite_number(raw_option.get("department"), f"the department's points of {where}")
            options.append(StartupOption(label, phrase, short, share, department))
        labels = [o.label for o in options]
        if len(set(labels)) != len(labels):
            raise ValueError(f"The issue '{name}' lists an option twice: give each option its own label.")
        if max(o.share for o in options) != 1:
            raise ValueError(f"The best option of '{name}' must have a share of 1 for the candidate (it is worth all "
                             "of what the issue can give).")
        issues.append(StartupIssue(name, tuple(options), " ".join(str(raw.get("why", "")).split())))
    names = [issue.name for issue in issues]
    if len({n.casefold() for n in names}) != len(names):
        raise ValueError("The start-up case lists an issue twice: give each issue its own name.")

    offer = data["first_offer"]
    if not isinstance(offer, Mapping):
        raise ValueError("The department's first offer must give one option for each issue.")
    unknown = [key for key in offer if key not in names]
    if unknown:
        raise ValueError(f"The first offer names an issue the case does not have: '{unknown[0]}'.")
    absent = [n for n in names if n not in offer]
    if absent:
        raise ValueError(f"The first offer gives no option for '{absent[0]}': a package settles every issue.")
    first_offer = tuple(issue.option(str(offer[issue.name])).label for issue in issues)

    batnas = data["batnas"]
    sides = ("candidate", "department")
    if not isinstance(batnas, Mapping) or not all(isinstance(batnas.get(side), Mapping) for side in sides):
        raise ValueError("The start-up case's 'batnas' need a 'candidate' and a 'department', each with a 'score'.")
    scores = tuple(finite_number(batnas[s].get("score"), f"the {s}'s BATNA score") for s in ("candidate", "department"))
    if not 0 <= scores[0] < 100:
        raise ValueError(f"The candidate's BATNA score is {scores[0]:g}; on a scale where her best package is worth "
                         "100 and her worst 0, it must be at least 0 and below 100.")
    texts = tuple(" ".join(str(batnas[s].get("what", "")).split()) for s in ("candidate", "department"))

    candidate, department = data.get("candidate") or {}, data.get("department") or {}
    weights = data.get("example_weights") or {name: 5 for name in names}
    case = StartupCase(
        title=" ".join(str(data.get("title", "")).split()),
        candidate=_text(candidate.get("name", "the candidate"), "the candidate's name"),
        department=_text(department.get("name", "the department"), "the department's name"),
        issues=tuple(issues), first_offer=first_offer, batnas=scores, batna_texts=texts,
        example_weights=(),
        not_negotiable=tuple(FixedTerm(_text(t.get("name"), "the name of a term not on the table"),
                                       _text(t.get("terms"), "the terms not on the table"),
                                       " ".join(str(t.get("why", "")).split()))
                             for t in (data.get("not_negotiable") or [])),
        candidate_full_name=" ".join(str(candidate.get("full_name", "")).split()),
        department_full_name=" ".join(str(department.get("full_name", "")).split()))
    checked = _checked_weights(weights, case)
    return dataclasses.replace(case, example_weights=tuple(checked.items()))


@functools.lru_cache(maxsize=1)
def startup_case() -> StartupCase:
    """Lesson 16's case: Farida's offer of an assistant professorship, seven open issues.

    >>> case = startup_case()
    >>> case.candidate, len(case.issues), case.package_count, case.batnas
    ('Farida', 7, 2187, (15.0, 20.0))
    >>> case.not_negotiable[0].name
    'Tenure clock'
    """
    return StartupCase.from_mapping(load("startup_package"))


def example_startup_weights() -> dict[str, float]:
    """How much each issue matters to Farida, from 0 to 10 (the learner starts from these).

    >>> example_startup_weights()["Start-up funds"], example_startup_weights()["Moving costs"]
    (10.0, 2.0)
    """
    return dict(startup_case().example_weights)


def _checked_weights(weights: object, case: StartupCase) -> dict[str, float]:
    names = case.issue_names
    if not isinstance(weights, Mapping):
        raise StartupPackageError(f"Give the weights as a mapping from each issue to its importance (0 to "
                                  f"{MAX_IMPORTANCE}), such as {{'{names[0]}': 8}}.", "weights")
    for key in weights:
        if key not in names:
            raise StartupPackageError(f"There is no issue called {shown(key)} in this offer; the issues are: "
                                      f"{_joined(list(names))}.", "weights")
    absent = [name for name in names if name not in weights]
    if absent:
        raise StartupPackageError(f"Give an importance to every issue: {_joined(absent)} "
                                  f"{'has' if len(absent) == 1 else 'have'} none (0 means it does not matter to you).",
                                  "weights")
    checked = {}
    for name in names:
        what = f"the importance of {name}"
        try:
            value = finite_number(weights[name], what)
        except ValueError as error:
            raise StartupPackageError(str(error), name) from None
        if not 0 <= value <= MAX_IMPORTANCE:
            raise StartupPackageError(f"{capitalised(what)} is {value:g}; give a number from 0 (does not matter to "
                                      f"you) to {MAX_IMPORTANCE} (matters most).", name)
        checked[name] = value
    if not any(checked.values()):
        raise StartupPackageError("Give at least one issue an importance above 0: with every issue at 0, no package is "
                                  "better for you than another, so there is nothing to trade.", "weights")
    return checked


# -- the results ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Trade:
    """A logroll from the first offer, in words: the department gives way on ``ask_issue`` (from ``ask_from`` to
    ``ask_to``) and you on ``give_issue``; ``gains`` are (yours, the department's), ``package`` the result."""

    ask_issue: str
    ask_from: StartupOption
    ask_to: StartupOption
    give_issue: str
    give_from: StartupOption
    give_to: StartupOption
    gains: tuple[float, float]
    package: Package

    def describe(self) -> str:
        return (f"Ask for {self.ask_to.phrase} and accept {self.give_to.phrase} instead of {self.give_from.short}: "
                f"you gain {_points_word(self.gains[0])} and the department {_shown_points(self.gains[1])}.")


@dataclass(frozen=True)
class FreeMove:
    """One issue changed from the first offer that helps one side and costs neither anything (an issue that does
    not matter to you, or one on which both sides want the same option)."""

    issue: str
    before: StartupOption
    after: StartupOption
    gains: tuple[float, float]
    package: Package

    def describe(self) -> str:
        mine, theirs = (_shown_points(g) for g in self.gains)
        if self.gains[0] > 0 and self.gains[1] > 0:
            return (f"Agree on {self.after.phrase} instead of {self.before.short}: better for both of you "
                    f"(you +{mine}, the department +{theirs}).")
        if self.gains[0] > 0:
            return (f"Ask for {self.after.phrase} instead of {self.before.short}: you gain "
                    f"{_points_word(self.gains[0])} and it costs the department nothing.")
        return (f"Offer {self.after.phrase} instead of {self.before.short}: it costs you nothing and gives the "
                f"department {_points_word(self.gains[1])}.")


@dataclass(frozen=True)
class StartupPackage:
    """What :func:`startup_package` finds: the scoring system built from your weights, the first offer's analysis
    (``first_offer``: its scores and whether it is on the Pareto frontier), the best ``trades`` from it in words,
    the ``free_moves``, and three ``mesos`` worth ``target`` points to you (give or take ``MESO_TOLERANCE``)."""

    case: StartupCase = field(repr=False)
    weights: tuple[tuple[str, float], ...]
    system: ScoringSystem = field(repr=False, compare=False)
    first_offer: PackageAnalysis = field(repr=False, compare=False)
    trades: tuple[Trade, ...]
    free_moves: tuple[FreeMove, ...]
    target: float
    target_is_default: bool
    mesos: MesoSet | None = field(compare=False)   # None when no three offers worth the same to you differ in what you want
    # Whether every offer is at least as good for the department as its first offer (by your estimate); when too
    # few are, the offers are any above its BATNA.
    offers_beat_first_offer: bool = True

    @property
    def best_trade(self) -> Trade | None:
        return self.trades[0] if self.trades else None

    @property
    def offers(self) -> tuple[Package, ...]:
        """The three packages to offer, least good for the department first (none when no three can be made)."""
        return self.mesos.packages if self.mesos is not None else ()

    @property
    def below_first_offer(self) -> bool:
        """Whether your offers are worth less to you than the department's own first offer."""
        return self.mesos is not None and self.target + MESO_TOLERANCE < self.first_offer.package.scores[0]

    def first_offer_text(self) -> str:
        """The first offer's scores and whether anything beats it for both sides."""
        offer = self.first_offer
        mine, theirs = (_shown_points(s) for s in offer.package.scores)
        text = (f"The department's first offer is worth {mine} of your 100 points and {theirs} of its 100 "
                f"(by your estimate of its points).")
        if offer.on_frontier:
            text += " It is on the Pareto frontier: no package is better for both of you."
        else:
            best = offer.best_improvement
            text += (f" It is not on the Pareto frontier: other packages are better for one of you and worse for "
                     f"neither; the one with the most joint points is worth {_shown_points(best.scores[0])} to you and "
                     f"{_shown_points(best.scores[1])} to the department.")
        if offer.package.scores[0] <= self.case.batnas[0]:
            text += (f" It is worth no more to you than your BATNA ({_shown_points(self.case.batnas[0])} points): as "
                     "it stands you would do as well without it.")
        return text

    def offers_text(self) -> str:
        if self.mesos is None:
            return ("With these weights, no three packages are worth the same to you and differ for the department "
                    "in anything you want: they could differ only in what you would ask for and not value. Give more "
                    "of the issues an importance above 0 to make three offers.")
        theirs = [_shown_points(p.scores[1]) for p in self.offers]
        at_best_trade = bool(self.trades) and self.target == round(self.trades[0].package.scores[0])
        origin = " (the best trade's score)" if at_best_trade else ""
        text = (f"{capitalised(_number_word(len(self.offers)))} packages each worth about "
                f"{_shown_points(self.target)} of your points{origin}, give or take {MESO_TOLERANCE}, are worth "
                f"{_joined(theirs)} to the department by your estimate: the one it prefers tells you what matters to "
                "it.")
        first = _shown_points(self.first_offer.package.scores[1])
        if self.offers_beat_first_offer:
            text += f" Each is worth at least as much to the department as its own first offer ({first})."
        else:
            text += (f" Too few packages worth that to you are as good for the department as its first offer "
                     f"({first}), so some of these are worth less to it: it may well refuse those.")
        if self.below_first_offer:
            text += (f" They are worth less to you than the first offer "
                     f"({_shown_points(self.first_offer.package.scores[0])}): raise your target, or the department may "
                     "pick a package worse for you than its own offer.")
        return text

    def email_text(self) -> str:
        """The three offers as a reply could quote them (empty when there are none)."""
        if self.mesos is None:
            return ""
        letters = "ABCDEFGH"
        first = self.first_offer.package
        lines = [f"Thank you again for the offer. Any of these {_number_word(len(self.offers))} packages would work "
                 "well for me; each differs from your offer only as listed, and the rest stays as you offered it:"]
        for letter, package in zip(letters, self.offers):
            changes = [f"{issue}: {label}" for issue, label, before in zip(package.issues, package.labels, first.labels)
                       if label != before]
            lines.append(f"Package {letter}: {'; '.join(changes) if changes else 'your offer as it stands'}.")
        lines.append("Which of them works best for the department? I'm glad to talk through the reasons for each.")
        return "\n".join(lines)

    def describe(self) -> str:
        parts = [self.first_offer_text()]
        if self.trades:
            parts.append(f"The best trade: {self.trades[0].describe()}")
        elif not self.first_offer.on_frontier:
            parts.append("No single trade of two issues helps both of you from the first offer; change more issues "
                         "at once.")
        parts.append(self.offers_text())
        return " ".join(parts)


# -- the model --------------------------------------------------------------------------------------------------

def _system(case: StartupCase, weights: dict[str, float]) -> ScoringSystem:
    total = sum(weights.values())
    # Each issue's share of your 100 points first: 100 / total overflows when the weights are tiny (5e-324).
    issues = [Issue(issue.name, tuple(o.label for o in issue.options),
                    tuple((100 * (weights[issue.name] / total) * o.share, o.department) for o in issue.options),
                    issue.why)
              for issue in case.issues]
    return ScoringSystem(issues, (YOU, case.department), case.batnas, case.title)


def _offer_system(system: ScoringSystem) -> ScoringSystem:
    """The same table without the options an offer should never ask for: on each issue, an option that another
    option of that issue beats for one side and matches for the other (an issue that is worth nothing to you
    keeps only the department's favourite). An offer asking for such an option costs the department something
    and gains you nothing, so it is never one of your three offers."""
    issues = []
    for issue in system.issues:
        kept = [o for o, (mine, theirs) in enumerate(issue.points)
                if not any((m >= mine and t >= theirs and (m > mine or t > theirs)) or ((m, t) == (mine, theirs) and p < o)
                           for p, (m, t) in enumerate(issue.points))]
        issues.append(Issue(issue.name, tuple(issue.options[o] for o in kept), tuple(issue.points[o] for o in kept),
                            issue.note))
    return ScoringSystem(issues, system.parties, system.batnas, system.title)


class _OfferTables(NamedTuple):
    """Where the MESOs are looked for: first among offers at least as good for the department as its first offer
    (``beat_first``, the whole table when that bar is below its BATNA), else anywhere above its BATNA."""

    beat_first: ScoringSystem
    anywhere: ScoringSystem


@functools.lru_cache(maxsize=16)
def _scored(case: StartupCase, weights: tuple[tuple[str, float], ...]):
    """The scoring system for these weights, the first offer's analysis, its trades and free moves: kept for the
    last few weights, so that moving only the target (a view's slider) finds only new offers."""
    system = _system(case, dict(weights))
    analysis = system.analyse(case.first_offer, logrolls=TRADES_SHOWN)
    trades = tuple(_trade(case, roll) for roll in analysis.logrolls)
    free_moves = tuple(_free_move(case, analysis.package, move) for move in analysis.free_moves)
    offers = _offer_system(system)
    # First choice: offers the department should like at least as well as its own first offer (by your estimate).
    floor = analysis.package.scores[1] - 1e-6
    beat_first = offers if floor <= system.batnas[1] else ScoringSystem(offers.issues, offers.parties,
                                                                        (system.batnas[0], floor), offers.title)
    return system, _OfferTables(beat_first, offers), analysis, trades, free_moves


def _trade(case: StartupCase, roll: Logroll) -> Trade:
    names = case.issue_names
    ask, give = case.issues[names.index(roll.issue_for_first)], case.issues[names.index(roll.issue_for_second)]
    return Trade(ask.name, ask.option(roll.change_for_first[0]), ask.option(roll.change_for_first[1]),
                 give.name, give.option(roll.change_for_second[0]), give.option(roll.change_for_second[1]),
                 roll.gains, roll.package)


def _free_move(case: StartupCase, offer: Package, move: Package) -> FreeMove:
    index = next(i for i, (a, b) in enumerate(zip(offer.choices, move.choices)) if a != b)
    issue = case.issues[index]
    gains = tuple(round(after - before, 9) for after, before in zip(move.scores, offer.scores))
    return FreeMove(issue.name, issue.options[offer.choices[index]], issue.options[move.choices[index]], gains, move)


def _mesos_at(system: ScoringSystem, offers: _OfferTables, target: float
              ) -> tuple[MesoSet, bool]:
    """Three offers from the table without never-ask options, as packages of the full table, and whether each is
    at least as good for the department as its first offer: those first, else any above its BATNA."""
    try:
        found, beat_first = offers.beat_first.mesos(target, side=0, count=MESO_COUNT, tolerance=MESO_TOLERANCE), True
    except ValueError:
        found, beat_first = offers.anywhere.mesos(target, side=0, count=MESO_COUNT, tolerance=MESO_TOLERANCE), False
    return (dataclasses.replace(found, packages=tuple(system.package(p.as_dict()) for p in found.packages)),
            beat_first)


def _reachable_targets(system: ScoringSystem, lowest: float) -> list[int]:
    """The whole-number targets from ``lowest`` to 100 at which three offers exist (for the error sentence)."""
    scores = system.all_scores()
    theirs_ok = scores[:, 1] > system.batnas[1]
    reachable = []
    for target in range(math.ceil(lowest), 101):
        near = (np.abs(scores[:, 0] - target) <= MESO_TOLERANCE + 1e-9) & theirs_ok
        if len(np.unique(scores[near, 1])) >= MESO_COUNT:
            reachable.append(target)
    return reachable


def startup_package(weights: Mapping[str, float], case: StartupCase | Mapping | None = None,
                    target: float | None = None) -> StartupPackage:
    """Score the case's packages with your ``weights`` (each issue's importance, 0-10, at least one above 0) and
    find the trades from the department's first offer and three equivalent offers worth ``target`` to you.

    ``case`` is lesson 16's (:func:`startup_case`) unless given (a :class:`StartupCase`, or a mapping in the format
    of its YAML file). Without a ``target``, the offers are worth what the best trade from the first offer is worth
    to you (rounded to a whole point): as much as the best trade gets you, in three shapes the department can choose
    from (or, when too few packages are worth that, the nearest whole score that carries three offers). A target
    must keep every offer, give or take, at or above your BATNA score.

    >>> weights = example_startup_weights()
    >>> result = startup_package(weights)
    >>> print(result.first_offer_text())
    The department's first offer is worth 38.9 of your 100 points and 66 of its 100 (by your estimate of its points). It is not on the Pareto frontier: other packages are better for one of you and worse for neither; the one with the most joint points is worth 71.7 to you and 66 to the department.
    >>> print(startup_package({**weights, "Teaching in the first two years": 0}).trades[0].ask_issue)
    Partner's job search
    >>> startup_package(dict.fromkeys(weights, 0))
    Traceback (most recent call last):
    ...
    negwidgets.model.startup_package.StartupPackageError: Give at least one issue an importance above 0: with every issue at 0, no package is better for you than another, so there is nothing to trade.
    >>> startup_package(weights, target=100)
    Traceback (most recent call last):
    ...
    negwidgets.model.startup_package.StartupPackageError: Too few packages are worth about 100 of your points (give or take 2) to make three offers that differ for the department. Choose a target from 17 to 91.
    """
    if case is None:
        case = startup_case()
    elif isinstance(case, Mapping):
        case = StartupCase.from_mapping(case)
    elif not isinstance(case, StartupCase):
        raise StartupPackageError("Give the case as a StartupCase (see startup_case()) or as a mapping read from its "
                                  "YAML file.", "case")
    checked = _checked_weights(weights, case)
    system, offers, analysis, trades, free_moves = _scored(case, tuple(checked.items()))

    lowest = case.batnas[0] + MESO_TOLERANCE   # every offer, give or take, stays at or above your BATNA
    if target is None:
        anchor = trades[0].package if trades else (analysis.best_improvement or analysis.package)
        target = float(max(round(anchor.scores[0]), math.ceil(lowest)))
        is_default = True
    else:
        try:
            target = finite_number(target, "your target")
        except ValueError as error:
            raise StartupPackageError(str(error), "target") from None
        is_default = False
        if not 0 <= target <= 100:
            raise StartupPackageError(f"Your target is {target:g} of your points; your packages run from 0 (every "
                                      "issue at its worst for you) to 100 (every issue at its best): choose a target "
                                      "in between.", "target")
        if target < lowest:
            raise StartupPackageError(
                f"A target of {target:g} could offer packages worth less to you than your BATNA "
                f"({_shown_points(case.batnas[0])} points, {lowest:g} with the give or take of {MESO_TOLERANCE}): "
                f"the department might accept one you would rather refuse. Choose a target of {math.ceil(lowest)} "
                "or more.", "target")
    try:
        mesos = _mesos_at(system, offers, target)
    except ValueError:
        reachable = _reachable_targets(offers[1], lowest)
        if is_default and reachable:   # the best trade's score cannot carry three offers: the nearest that can
            target = float(min(reachable, key=lambda t: (abs(t - target), t)))
            return StartupPackage(case, tuple(checked.items()), system, analysis, trades, free_moves, target, True,
                                  *_mesos_at(system, offers, target))
        if is_default:   # no target can: the first offer and the trades still stand, without offers
            return StartupPackage(case, tuple(checked.items()), system, analysis, trades, free_moves, target, True,
                                  None)
        if not reachable:
            where = ("No target works with these weights: no three packages are worth the same to you and differ for "
                     "the department in anything you want. Give more of the issues an importance above 0.")
        elif reachable[-1] - reachable[0] + 1 == len(reachable):
            where = f"Choose a target from {reachable[0]} to {reachable[-1]}."
        else:
            nearest = min(reachable, key=lambda t: (abs(t - target), t))
            where = f"Choose a target between {reachable[0]} and {reachable[-1]}, such as {nearest}."
        raise StartupPackageError(
            f"Too few packages are worth about {target:g} of your points (give or take {MESO_TOLERANCE}) to make "
            f"{_number_word(MESO_COUNT)} offers that differ for the department. {where}", "target") from None
    return StartupPackage(case, tuple(checked.items()), system, analysis, trades, free_moves, float(target), is_default,
                          *mesos)
