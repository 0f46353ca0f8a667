"""The value of information (interests, questions and listening): what asking the other side pays, in points.

You make a proposal on a scoring system (lesson 09): you aim for at least some of your own points and, among
the packages that give you that much, propose the one you believe gives the other side most, so that they
accept (of two you believe equally good for them, the better for you). What you believe depends on what you
know about their points; the package you end up proposing is then judged by their **true** points: its
joint points, whether they would accept it (it beats their BATNA), and the joint points it leaves on the
table (:class:`~negwidgets.model.scoring.PackageAnalysis`: what the best package better for both would add).

The states of knowledge, from least to most (:data:`KNOWLEDGE`):

* ``"own points"``: only your own points. You fall back on the **fixed-pie** guess that lesson 00 warns
  about: on every issue they want the opposite of what you want, and every issue matters to them equally.
  (Equal weights, not the mirror image of your own weights: if every point you gain were a point they
  lose, every package worth the same to you would look the same to them, and the guess would choose nothing.)
* ``"issue ranking"``: you know which issues matter most to them, in order (not by how much); on each issue
  you still guess they want the opposite of you.
* ``"option ranking"``: you know what they want on each issue, the order of its options for them (which
  shows an issue on which you both want the same option), but not which issues matter most.
* ``"rankings"``: both orders: which issues matter most to them and what they want on each, not by how much.
* ``"their points"``: their full points.

A guess fills in what you do not know with the **average of every point table consistent with what you
know** (the centroid). On an issue, the options get equally spaced values from 0 (their worst) to 1 (their
best) in the order known or guessed (options they like equally get equal values). The issues get weights
that sum to 1: equal when you know nothing about their order, and when you know the order, the average of
all weights in that order: with ``n`` issues and no ties, the ``k``-th most important gets
``(1/k + ... + 1/n) / n`` (the rank-order centroid: 0.521, 0.271, 0.146 and 0.062 for four issues). Issues
they weigh the same share their place. The centroid is the guess with the smallest average squared error when
every consistent table is equally likely, and it uses the order alone, as the state says.

Two packages you cannot tell apart (the same points for you, the same guessed points for them) are equally
likely proposals: a result then averages them. With full knowledge such packages are worth the same to both.

What always holds: with their full points your proposal is on the Pareto frontier (it leaves nothing on the
table), gives them at least as much as any other proposal for the same aim, and is accepted whenever any
package worth your aim to you would be. Between the guessed states nothing is guaranteed: knowing only
their ranking of issues can do worse than the fixed-pie guess, as on the job offer below, when you then
give away an issue you both want.

>>> from negwidgets.model import job_offer_case
>>> voi = value_of_information(job_offer_case(), aim=65)
>>> [(p.knowledge.key, p.your_points, p.their_points, p.left_on_table) for p in voi.proposals]
... # doctest: +NORMALIZE_WHITESPACE
[('own points', 66.0, 60.0, 7.0), ('issue ranking', 65.0, 41.0, 27.0), ('option ranking', 66.0, 60.0, 7.0),
 ('rankings', 67.0, 63.0, 3.0), ('their points', 68.0, 65.0, 0.0)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .checks import capitalised, finite_number
from .money import percent
from .scoring import Issue, Package, PackageAnalysis, ScoringSystem, points_text

__all__ = ["KNOWLEDGE", "MAX_AIMS", "InformationSummary", "InformationTable", "InformedProposal", "Knowledge",
           "ValueOfInformation", "guessed_points", "information_table", "proposals_by_aim", "value_of_information"]

_DECIMALS = 9  # as in scoring.py: sums are rounded so that equal sums compare equal
MAX_AIMS = 101  # an information table averages over at most this many aims, evenly spread over your scores


@dataclass(frozen=True)
class Knowledge:
    """One state of knowledge about the other side's points: which of its orders you know."""

    key: str
    template: str  # completes "Knowing ...", with {you} and {them} for the parties
    issue_ranking: bool
    option_ranking: bool
    full: bool = False

    def label(self, parties: Sequence[str], side: int = 0) -> str:
        """What you know, in words: ``"which issues matter most to the employer"``."""
        return self.template.format(you=parties[side], them=parties[1 - side])


KNOWLEDGE: dict[str, Knowledge] = {k.key: k for k in (
    Knowledge("own points", "only {you}'s own points (the fixed-pie guess)", False, False),
    Knowledge("issue ranking", "which issues matter most to {them}", True, False),
    Knowledge("option ranking", "what {them} wants on each issue", False, True),
    Knowledge("rankings", "which issues matter most to {them} and what {them} wants on each", True, True),
    Knowledge("their points", "{them}'s full points", True, True, full=True),
)}


@dataclass(frozen=True)
class InformedProposal:
    """What you would propose, knowing what ``knowledge`` says, and what it is truly worth.

    ``package`` is the first of the ``alike`` packages you cannot tell apart (worth the same to you and, as
    far as you know, to them); ``their_points``, ``joint``, ``left_on_table`` and ``acceptance`` (the share
    of them the other side prefers to its BATNA) average over all of them."""

    knowledge: Knowledge
    side: int
    aim: float
    package: Package
    analysis: PackageAnalysis
    alike: int
    your_points: float
    their_points: float
    joint: float
    left_on_table: float
    acceptance: float

    @property
    def accepted(self) -> bool:
        """Whether the other side prefers the proposal to its BATNA (every package alike, if several)."""
        return self.acceptance == 1.0

    def describe(self) -> str:
        you, them = self.package.parties[self.side], self.package.parties[1 - self.side]
        batna = points_text(self.analysis.batnas[1 - self.side])
        text = f"Knowing {self.knowledge.label(self.package.parties, self.side)}, {you} would propose "
        if self.alike > 1:
            text += (f"one of {self.alike} packages {you} cannot tell apart, each worth "
                     f"{points_text(self.your_points)} points to {you} and on average "
                     f"{_rounded(self.their_points)} to {them}: ")
        else:
            text += (f"a package worth {points_text(self.your_points)} points to {you} and "
                     f"{points_text(self.their_points)} to {them}: ")
        text += f"{_rounded(self.joint)} joint points, "
        text += ("none left on the table." if self.left_on_table == 0 else
                 f"{_rounded(self.left_on_table)} left on the table.")
        if self.accepted:
            text += f" {capitalised(them)} would accept it ({them}'s BATNA is worth {batna})."
        elif self.acceptance == 0:
            # Equal to the BATNA is refused too: a deal must beat walking away.
            better = "is better" if self.their_points < self.analysis.batnas[1 - self.side] else "is as good"
            text += f" {capitalised(them)} would refuse it: {them}'s BATNA, worth {batna}, {better}."
        else:
            text += (f" {capitalised(them)} would accept {percent(self.acceptance)} of them "
                     f"({them}'s BATNA is worth {batna}).")
        return text


@dataclass(frozen=True)
class ValueOfInformation:
    """Your proposal for one aim under each state of knowledge (``proposals``, in the order asked for)."""

    side: int
    aim: float
    best: float  # the most any package gives you
    proposals: tuple[InformedProposal, ...]

    def proposal(self, key: str) -> InformedProposal:
        """The proposal made knowing ``key`` (one of :data:`KNOWLEDGE`)."""
        for proposal in self.proposals:
            if proposal.knowledge.key == key:
                return proposal
        raise ValueError(f"This comparison has no proposal made knowing {key!r}; it has: "
                         f"{', '.join(p.knowledge.key for p in self.proposals)}.")

    def describe(self) -> str:
        you = self.proposals[0].package.parties[self.side]
        head = (f"Aiming for at least {points_text(self.aim)} of {you}'s points (the most any package gives "
                f"{you} is {points_text(self.best)}):")
        return " ".join([head] + [p.describe() for p in self.proposals])


@dataclass(frozen=True)
class InformationSummary:
    """One state of knowledge averaged over every aim of an :class:`InformationTable`: the joint points its
    proposals leave on the table, what they give the other side, how often it accepts, and ``recovered``:
    how many of the first state's joint points left on the table this knowledge wins back."""

    knowledge: Knowledge
    left_on_table: float
    their_points: float
    joint: float
    acceptance: float
    recovered: float


@dataclass(frozen=True)
class InformationTable:
    """The proposals for every aim from just above your BATNA to your best (``rows``), and their averages."""

    side: int
    parties: tuple[str, str]
    aims: tuple[float, ...]
    rows: tuple[ValueOfInformation, ...]
    summaries: tuple[InformationSummary, ...]

    def summary(self, key: str) -> InformationSummary:
        """The averages for one state of knowledge (one of :data:`KNOWLEDGE`)."""
        for summary in self.summaries:
            if summary.knowledge.key == key:
                return summary
        raise ValueError(f"This table has no state of knowledge {key!r}; it has: "
                         f"{', '.join(s.knowledge.key for s in self.summaries)}.")

    def describe(self) -> str:
        you, them = self.parties[self.side], self.parties[1 - self.side]
        first = self.summaries[0]
        if len(self.aims) == 1:
            parts = [f"Aiming for {points_text(self.aims[0])}:"]
        else:
            parts = [f"Averaged over the {len(self.aims)} scores {you} could aim for, from "
                     f"{points_text(self.aims[0])} to {points_text(self.aims[-1])}:"]
        parts.append(f"knowing {first.knowledge.label(self.parties, self.side)}, {you}'s proposal leaves "
                     f"{_rounded(first.left_on_table)} joint points on the table and {them} would accept "
                     f"{percent(first.acceptance)} of them.")
        for summary in self.summaries[1:]:
            what = (f"{_rounded(summary.recovered)} of those {_rounded(first.left_on_table)} points"
                    if summary.recovered >= 0 else f"nothing: it loses {_rounded(-summary.recovered)} more")
            parts.append(f"Knowing {summary.knowledge.label(self.parties, self.side)} wins back {what} "
                         f"(it leaves {_rounded(summary.left_on_table)}; {them} would accept "
                         f"{percent(summary.acceptance)}).")
        return " ".join(parts)


def value_of_information(system: ScoringSystem, side: int = 0, aim: float | None = None,
                         knowledge: Sequence[str] = tuple(KNOWLEDGE)) -> ValueOfInformation:
    """What ``side`` would propose aiming for at least ``aim`` of its points, under each state of knowledge.

    The default aim is halfway between your BATNA and your best package. An aim must be above your BATNA
    (below it you would rather walk away) and at most your best.

    >>> from negwidgets.model import job_offer_case
    >>> voi = value_of_information(job_offer_case(), aim=65, knowledge=["own points", "their points"])
    >>> print(voi.describe())  # doctest: +NORMALIZE_WHITESPACE
    Aiming for at least 65 of Ana's points (the most any package gives Ana is 100): Knowing only Ana's own
    points (the fixed-pie guess), Ana would propose a package worth 66 points to Ana and 60 to the employer:
    126 joint points, 7 left on the table. The employer would accept it (the employer's BATNA is worth 25).
    Knowing the employer's full points, Ana would propose a package worth 68 points to Ana and 65 to the
    employer: 133 joint points, none left on the table. The employer would accept it (the employer's BATNA
    is worth 25).
    >>> value_of_information(job_offer_case(), aim=20)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    ValueError: Aim for more than Ana's BATNA (30 points) and at most 100, the most any package gives Ana;
    20 is outside that range.
    """
    return proposals_by_aim(system, side, knowledge)(aim)


def proposals_by_aim(system: ScoringSystem, side: int = 0,
                     knowledge: Sequence[str] = tuple(KNOWLEDGE)) -> Callable[[float | None], ValueOfInformation]:
    """:func:`value_of_information` for one system and side, as a function of the aim: the packages' scores and
    guesses are listed once, and each package's analysis kept, for a view that asks again on every move of the
    aim (neighbouring aims often choose the same packages).

    >>> from negwidgets.model import job_offer_case
    >>> at = proposals_by_aim(job_offer_case())
    >>> at(65) == value_of_information(job_offer_case(), aim=65), at(None).aim
    (True, 65.0)
    """
    chooser = _Chooser(system, side, knowledge)

    def at(aim: float | None = None) -> ValueOfInformation:
        return chooser.at(chooser.check_aim((chooser.batna + chooser.best) / 2 if aim is None else aim))
    return at


def information_table(system: ScoringSystem, side: int = 0, aims: Sequence[float] | None = None,
                      knowledge: Sequence[str] = tuple(KNOWLEDGE)) -> InformationTable:
    """The proposals under each state of knowledge for many aims, and what each state leaves on the table on
    average. The default aims are every score a package gives you above your BATNA (at most
    :data:`MAX_AIMS` of them, evenly spread from the lowest to your best).

    >>> from negwidgets.model import job_offer_case
    >>> table = information_table(job_offer_case())
    >>> [(s.knowledge.key, round(s.left_on_table, 1), round(s.recovered, 1)) for s in table.summaries]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('own points', 19.4, 0.0), ('issue ranking', 18.9, 0.5), ('option ranking', 10.8, 8.6),
     ('rankings', 0.7, 18.7), ('their points', 0.0, 19.4)]
    >>> print(information_table(job_offer_case(), knowledge=["own points", "rankings"]).describe())
    ... # doctest: +NORMALIZE_WHITESPACE
    Averaged over the 69 scores Ana could aim for, from 31 to 100: knowing only Ana's own points (the
    fixed-pie guess), Ana's proposal leaves 19.4 joint points on the table and the employer would accept 95%
    of them. Knowing which issues matter most to the employer and what the employer wants on each wins back
    18.7 of those 19.4 points (it leaves 0.7; the employer would accept 96%).
    """
    chooser = _Chooser(system, side, knowledge)
    if aims is None:
        levels = np.unique(chooser.mine[chooser.mine > chooser.batna])
        if not len(levels):
            chooser.check_aim(chooser.best)  # explains that no package beats your BATNA
        if len(levels) > MAX_AIMS:
            levels = levels[np.unique(np.round(np.linspace(0, len(levels) - 1, MAX_AIMS)).astype(int))]
        aims = [float(a) for a in levels]
    else:
        if isinstance(aims, np.ndarray):
            aims = aims.tolist()
        if isinstance(aims, (str, bytes)) or not isinstance(aims, Sequence) or not len(aims):
            raise ValueError("Give the aims as a list of scores, such as [40, 60, 80].")
        aims = sorted(chooser.check_aim(a) for a in aims)
    rows = tuple(chooser.at(a) for a in aims)
    summaries = []
    for index, state in enumerate(chooser.states):
        column = [row.proposals[index] for row in rows]
        mean = {name: float(np.mean([getattr(p, name) for p in column]))
                for name in ("left_on_table", "their_points", "joint", "acceptance")}
        summaries.append(InformationSummary(state, **mean, recovered=0.0))
    baseline = summaries[0].left_on_table
    summaries = [InformationSummary(s.knowledge, s.left_on_table, s.their_points, s.joint, s.acceptance,
                                    baseline - s.left_on_table) for s in summaries]
    return InformationTable(side, system.parties, tuple(aims), rows, tuple(summaries))


def guessed_points(system: ScoringSystem, side: int, knowledge: str) -> list[np.ndarray]:
    """What ``side`` believes each option of each issue is worth to the other side, knowing ``knowledge``:
    one array per issue (the centroid guess of the module's docstring; their true points with full knowledge).

    >>> from negwidgets.model import job_offer_case
    >>> [g.round(3).tolist() for g in guessed_points(job_offer_case(), 0, "own points")[:2]]
    [[0.125, 0.094, 0.062, 0.031, 0.0], [0.125, 0.062, 0.0]]
    """
    side = _check_side(side)
    state = _knowledge([knowledge])[0]
    other = 1 - side
    if state.full:
        return [issue.column(other) for issue in system.issues]
    if state.issue_ranking:
        weights = _centroid_weights([issue.weights[other] for issue in system.issues])
    else:
        weights = np.full(len(system.issues), 1 / len(system.issues))
    order = (lambda issue: issue.column(other)) if state.option_ranking else (lambda issue: -issue.column(side))
    return [weight * _equally_spaced(order(issue)) for weight, issue in zip(weights, system.issues)]


# -- the arithmetic --------------------------------------------------------------------------------------


class _Chooser:
    """Every package's true scores and guessed scores for the other side, listed once; then one proposal per
    aim and state (with the package analyses kept, since neighbouring aims often choose the same package)."""

    def __init__(self, system: ScoringSystem, side: int, knowledge: Sequence[str]) -> None:
        self.system, self.side = system, _check_side(side)
        self.states = _knowledge(knowledge)
        scores = system.all_scores()  # read-only, rounded; explains tables too large to list
        self.mine, self.theirs = scores[:, self.side], scores[:, 1 - self.side]
        self.batna, self.their_batna = system.batnas[self.side], system.batnas[1 - self.side]
        self.best = float(self.mine.max())
        self.sizes = [len(issue.options) for issue in system.issues]
        self.guesses = [self.theirs if state.full else _totals(guessed_points(system, self.side, state.key))
                        for state in self.states]
        self._analyses: dict[tuple[int, ...], PackageAnalysis] = {}

    def check_aim(self, aim: object) -> float:
        you = self.system.parties[self.side]
        aim = finite_number(aim, f"the score {you} aims for")
        if not self.batna < self.best:
            raise ValueError(f"No package gives {you} more than {you}'s BATNA ({points_text(self.batna)} points): "
                             "there is no proposal worth making.")
        if not self.batna < aim <= self.best + 1e-9:
            raise ValueError(f"Aim for more than {you}'s BATNA ({points_text(self.batna)} points) and at most "
                             f"{points_text(self.best)}, the most any package gives {you}; {aim:g} is outside "
                             "that range.")
        return aim

    def at(self, aim: float) -> ValueOfInformation:
        return ValueOfInformation(self.side, aim, self.best,
                                  tuple(self._propose(state, guess, aim)
                                        for state, guess in zip(self.states, self.guesses)))

    def _propose(self, state: Knowledge, guess: np.ndarray, aim: float) -> InformedProposal:
        allowed = np.flatnonzero(self.mine >= aim - 1e-9)
        believed = guess[allowed]
        chosen = allowed[believed == believed.max()]
        chosen = chosen[self.mine[chosen] == self.mine[chosen].max()]  # of equal guesses: the better for you
        packages = [self._package(index) for index in chosen]
        analyses = [self._analysis(p) for p in packages]
        theirs = self.theirs[chosen]
        return InformedProposal(state, self.side, aim, packages[0], analyses[0], len(chosen),
                                float(self.mine[chosen[0]]), float(theirs.mean()),
                                float((theirs + self.mine[chosen]).mean()),
                                float(np.mean([a.left_on_table for a in analyses])),
                                float(np.mean(theirs > self.their_batna)))

    def _package(self, index: int) -> Package:
        return self.system.package(tuple(int(c) for c in np.unravel_index(index, self.sizes)))

    def _analysis(self, package: Package) -> PackageAnalysis:
        if package.choices not in self._analyses:
            self._analyses[package.choices] = self.system.analyse(package)
        return self._analyses[package.choices]


def _totals(columns: list[np.ndarray]) -> np.ndarray:
    """Every package's sum of ``columns`` (one array per issue), packages in the order of ``all_scores``."""
    issues = [Issue(f"{i}", tuple(f"{o}" for o in range(len(c))), tuple((v, 0.0) for v in c))
              for i, c in enumerate(columns)]
    return ScoringSystem(issues).all_scores()[:, 0]


def _equally_spaced(points: np.ndarray) -> np.ndarray:
    """Each option's place in the order of ``points``, from 0 (lowest) to 1 (highest); equal points, equal
    places; all 0 when every option is worth the same."""
    levels = np.unique(np.round(points, _DECIMALS))
    if len(levels) == 1:
        return np.zeros(len(points))
    return np.searchsorted(levels, np.round(points, _DECIMALS)) / (len(levels) - 1)


def _centroid_weights(weights: Sequence[float]) -> np.ndarray:
    """The average of all issue weights (summing to 1) in the order of ``weights``, ties kept equal.

    Those weights form a simplex whose corners give the ``g`` most important groups equal weight and the
    others none; its centroid, the mean of the corners, gives group ``g`` ``(1/c_g + ... + 1/c_m) / m``
    per issue, with ``c_k`` the issues in groups 1 to ``k`` and ``m`` groups.

    >>> _centroid_weights([8, 6, 4, 2]).round(3).tolist()
    [0.521, 0.271, 0.146, 0.062]
    >>> _centroid_weights([10, 5, 5, 1]).round(4).tolist()
    [0.5278, 0.1944, 0.1944, 0.0833]
    """
    rounded = np.round(np.asarray(weights, dtype=float), _DECIMALS)
    levels = np.unique(rounded)[::-1]  # most important first
    group = np.searchsorted(-levels, -rounded)
    cumulative = np.cumsum(np.bincount(group, minlength=len(levels)))
    per_group = np.cumsum((1 / cumulative)[::-1])[::-1] / len(levels)
    return per_group[group]


def _check_side(side: object) -> int:
    if isinstance(side, bool) or side not in (0, 1):
        raise ValueError("The side is 0 (the first party) or 1 (the second).")
    return int(side)


def _knowledge(keys: Sequence[str]) -> tuple[Knowledge, ...]:
    if isinstance(keys, str) or not isinstance(keys, Sequence) or not len(keys):
        raise ValueError(f"Name one or more states of knowledge, from: {', '.join(KNOWLEDGE)}.")
    unknown = [k for k in keys if not isinstance(k, str) or k not in KNOWLEDGE]
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not a state of knowledge; choose from: {', '.join(KNOWLEDGE)}.")
    return tuple(KNOWLEDGE[k] for k in keys)


def _rounded(value: float) -> str:
    return points_text(round(value, 1))
