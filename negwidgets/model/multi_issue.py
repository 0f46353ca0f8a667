"""The multi-issue practice counterpart (lesson 09): negotiate a whole package against the computer.

The learner plays one side of a scoring system (by default Ana in lesson 09's job-offer case, eight
issues and 16,200 packages); the computer plays the other side, whose points stay hidden until the
debrief. The learner's moves: propose a package, ask which issues matter most to them, state their own
priorities, accept the package on the table, walk away.

The counterpart

* **concedes over time on its own points**: its aspiration falls from its best package towards a
  reservation level above its BATNA, ``top - (top - reserve) * t ** (1 / e)``, with ``t`` the share of
  the rounds gone and ``e`` drawn from the level (above 1 concedes early, below 1 holds until the end);
* **models the learner's preferences** from their proposals and stated priorities (a frequency model,
  as in the automated negotiators of the ANAC competitions): an option the learner keeps proposing is
  worth more to them, and an issue they never move on (or name as a priority) weighs more;
* **proposes** the package it believes the learner likes best among those that reach its aspiration,
  so its offers run near the Pareto frontier when its model of the learner is right;
* **accepts** a proposal worth at least what its next offer would be worth to it (and, at the deadline,
  anything above its reservation level), and never one at or below its BATNA;
* **answers questions** truthfully at the Friendly level; at the Tough level it may *overstate* how much
  an issue matters to it (an issue it cares little about but believes the learner values, to trade it
  later: lesson 11's false concession). It never states a false fact, and the debrief says what it did.

After a deal the computer looks for a package better for both (Raiffa's post-settlement settlement)
and offers it; the learner keeps the deal or takes the better package.

Every move is checked before anything changes: a bad one raises ``ValueError`` with a sentence, and
:meth:`MultiIssueGame.snapshot` is the same before and after. A seed makes a game reproducible.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .cases import job_offer_case
from .checks import capitalised
from .scoring import Package, PackageAnalysis, ScoringSystem, points_text

__all__ = ["MULTI_ISSUE_LEVELS", "CounterpartLevel", "MultiIssueCounterpart", "MultiIssueDebrief", "MultiIssueGame", "MultiIssueMove",
           "OpponentModel"]

MAX_PRIORITIES = 3


@dataclass(frozen=True)
class CounterpartLevel:
    """How a counterpart negotiates: its concession exponents, how much it keeps above its BATNA, and
    whether it answers questions truthfully."""

    name: str
    exponents: tuple[float, float]  # e is drawn uniformly from this range for each game
    margin: float  # share of the room between its BATNA and its best package it keeps at the end
    truthful: bool
    belief: float  # how far it believes what the learner says about their priorities (0 to 1)
    description: str


MULTI_ISSUE_LEVELS = {
    "Friendly": CounterpartLevel("Friendly", (1.5, 2.5), 0.25, True, 1.0,
                                 "concedes early and answers questions truthfully"),
    "Tough": CounterpartLevel("Tough", (0.2, 0.4), 0.4, False, 0.5,
                              "holds firm until late and may overstate what matters to it"),
}


@dataclass(frozen=True)
class MultiIssueMove:
    """One line of the game."""

    who: Literal["you", "them"]
    kind: Literal["propose", "ask", "state", "accept", "walk", "answer", "remark", "post-settlement"]
    text: str
    package: Package | None = None
    round: int | None = None


class OpponentModel:
    """A frequency model of the other side's preferences over a scoring system's options.

    Option values: how often the other side proposed each option (the most proposed is worth 1). Issue
    weights: 1, plus 0.5 for each time the other side kept an issue unchanged between two proposals,
    times ``1 + belief * (3, 2, 1)[rank]`` for the issues it named as its priorities. Before any
    proposal every package looks the same to the model.

    >>> case = job_offer_case()
    >>> model = OpponentModel(case)
    >>> model.observe(case.package(["$80,000", "$5,000", "In 8 weeks", "4", "25", "Senior data analyst",
    ...                             "Moving costs and a month of housing", "$3,000 a year"]))
    >>> model.state(["Remote days a week"], belief=1.0)
    >>> model.top_issues(1)
    ('Remote days a week',)
    """

    def __init__(self, system: ScoringSystem) -> None:
        self.system = system
        sizes = [len(issue.options) for issue in system.issues]
        # Every issue's options side by side in one array ("slots"), so that one numpy call covers all issues.
        self.starts = slot_starts(system)
        self._issue_of = np.repeat(np.arange(len(sizes)), sizes)
        self._counts = np.zeros(sum(sizes))
        self.counts = [self._counts[a:a + n] for a, n in zip(self.starts, sizes)]  # each issue's, as views
        self.kept = np.zeros(len(system.issues))
        self.stated = np.ones(len(system.issues))
        self.last: tuple[int, ...] | None = None

    def observe(self, package: Package) -> None:
        choices = package.choices
        self._counts[self.starts + choices] += 1
        if self.last is not None:
            self.kept += np.equal(self.last, choices)
        self.last = choices

    def state(self, issues: Sequence[str], belief: float) -> None:
        names = [issue.name for issue in self.system.issues]
        for rank, name in enumerate(issues):
            self.stated[names.index(name)] *= 1 + belief * (MAX_PRIORITIES - rank)

    @property
    def weights(self) -> np.ndarray:
        raw = (1 + 0.5 * self.kept) * self.stated
        return raw / raw.sum()

    def _values(self) -> np.ndarray:
        most = np.maximum.reduceat(self._counts, self.starts)[self._issue_of]
        return np.divide(self._counts, most, out=np.full(len(most), 0.5), where=most > 0)

    def values(self) -> list[np.ndarray]:
        """Each issue's option values: how often each option was proposed, the most proposed worth 1 (all
        0.5 before any proposal)."""
        return np.split(self._values(), self.starts[1:])

    def option_utilities(self) -> np.ndarray:
        """Every option's issue weight times its value, in slots (issue after issue, option after option):
        a package's modelled utility is the sum of its options' entries."""
        return self.weights[self._issue_of] * self._values()

    def utilities(self, choices: np.ndarray) -> np.ndarray:
        """The modelled utility (0 to 1) of every package in ``choices`` (packages x issues)."""
        return _summed(self.option_utilities(), (np.asarray(choices) + self.starts).T)

    def top_issues(self, count: int = 2) -> tuple[str, ...]:
        order = np.argsort(-self.weights, kind="stable")
        return tuple(self.system.issues[i].name for i in order[:count])

    def state_key(self) -> tuple:
        return (tuple(c.tobytes() for c in self.counts), self.kept.tobytes(), self.stated.tobytes(), self.last)


def slot_starts(system: ScoringSystem) -> np.ndarray:
    """Where each issue's options start when all issues' options lie side by side in one array.

    >>> slot_starts(job_offer_case()).tolist()
    [0, 5, 8, 12, 17, 20, 22, 25]
    """
    sizes = [len(issue.options) for issue in system.issues]
    return np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)


def _summed(utilities: np.ndarray, slots: np.ndarray) -> np.ndarray:
    """``utilities[slots[0]] + utilities[slots[1]] + ...`` (one row of ``slots`` per issue), added issue by
    issue in that order, so that a package gets the very same float whichever path computes it."""
    total = utilities[slots[0]]  # 0 + x is x: the first addition of a running total from zero
    for row in slots[1:]:
        total += utilities[row]
    return total


class PackageTable:
    """A scoring system's packages laid out once for counterparts to search (built on first use, then
    shared by every counterpart of that system): each package's options and scores in the order of
    :meth:`ScoringSystem.all_scores`, each side's packages from its best down, and the packages as
    :class:`Package` objects once built.

    >>> case = job_offer_case()
    >>> table = PackageTable.of(case)
    >>> table.package(int(table.order[1][0])).scores[1], table.above[1], PackageTable.of(case) is table
    (100.0, 15347, True)
    """

    _tables: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, system: ScoringSystem) -> PackageTable:
        table = cls._tables.get(system)
        if table is None:
            table = cls._tables[system] = cls(system)
        return table

    def __init__(self, system: ScoringSystem) -> None:
        self._system = weakref.ref(system)  # the cache's key: a strong reference would keep it alive forever
        self.scores = system.all_scores()
        self.choices = _read_only(system._choices_of(np.arange(len(self.scores))))  # packages x issues
        starts = slot_starts(system)
        self.order, self.descending, self.slots, self.above = [], [], [], []
        for side in (0, 1):
            own = self.scores[:, side]
            order = np.argsort(-own, kind="stable")  # its best package first
            self.order.append(_read_only(order))
            self.descending.append(_read_only(-own[order]))  # ascending, for searchsorted
            # Each package's options as slots of OpponentModel.option_utilities (issues x packages, best first).
            self.slots.append(_read_only(np.ascontiguousarray((self.choices[order] + starts).T)))
            self.above.append(int(np.count_nonzero(own > system.batnas[side])))
        self._packages: dict[int, Package] = {}

    @property
    def system(self) -> ScoringSystem:
        return self._system()

    def allowed(self, side: int, target: float) -> int:
        """How many of ``side``'s best packages are worth at least ``target - 1e-9`` and more than its
        BATNA: they are the first ones of ``order[side]``."""
        return min(int(self.descending[side].searchsorted(-(target - 1e-9), side="right")), self.above[side])

    def package(self, index: int) -> Package:
        package = self._packages.get(index)
        if package is None:
            package = self._packages[index] = self.system._package(tuple(int(c) for c in self.choices[index]))
        return package


def _read_only(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def _issue_list(names: Sequence[str]) -> str:
    """Issue names as the controls write them, in a sentence: "Salary, Start date and Title"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class MultiIssueDebrief:
    """What happened, with everything that was hidden during the game."""

    system: ScoringSystem
    side: int
    level: str
    exponent: float
    reserve: float  # the lowest score the counterpart would accept, on its own scale
    outcome: Literal["deal", "you walked away", "deadline"]
    deal: Package | None
    analysis: PackageAnalysis | None  # the deal against the frontier, with the case's BATNAs
    post_settlement: Package | None  # the better package the computer offered after the deal
    post_settlement_taken: bool | None  # None: not decided yet
    your_proposals: tuple[Package, ...]
    their_offers: tuple[Package, ...]
    asked: bool
    their_answer: tuple[str, ...]  # the issues it named when asked
    overstated: tuple[str, ...]  # the issues it named that are not among its true top issues
    stated: tuple[str, ...]
    trades: int  # proposals that gave way on an issue they value more than you for one you value more
    used_answer: bool  # after asking, a proposal gave way on an issue they named
    guessed: tuple[str, ...]  # the counterpart's guess of your two top issues at the end

    @property
    def you(self) -> str:
        return self.system.parties[self.side]

    @property
    def them(self) -> str:
        return self.system.parties[1 - self.side]

    @property
    def final(self) -> Package | None:
        """The package both sides end with: the post-settlement package if taken, else the deal."""
        return self.post_settlement if self.post_settlement_taken else self.deal

    @property
    def left_on_table(self) -> float:
        """Joint points the deal left unclaimed against the best package better for both (0 on the frontier);
        without a deal, what the best package both sides prefer to their BATNAs would have added."""
        if self.analysis is not None:
            return max(0.0, float(self.analysis.left_on_table))
        nash = self.system.nash_point()
        if nash is None:
            return 0.0
        front = self.system.frontier().scores
        batnas = np.asarray(self.system.batnas)
        feasible = np.all(front > batnas, axis=1)
        return float(max(0.0, (front[feasible].sum(axis=1) - batnas.sum()).max()))

    def _top_issues(self, side: int, count: int = 2) -> tuple[str, ...]:
        weights = [issue.weights[side] for issue in self.system.issues]
        order = np.argsort(-np.asarray(weights), kind="stable")
        return tuple(self.system.issues[i].name for i in order[:count])

    def describe(self) -> str:
        """The debrief in plain words: the deal against the frontier, what you learned and used, and what
        the counterpart hid."""
        you, them = self.side, 1 - self.side
        batnas = self.system.batnas
        them_name = self.them
        parts = []
        if self.outcome == "deal":
            scores = self.deal.scores
            parts.append(f"Deal: worth {points_text(scores[you])} of your points (your BATNA: "
                         f"{points_text(batnas[you])}) and {points_text(scores[them])} of {them_name}'s "
                         f"(its BATNA: {points_text(batnas[them])}).")
            if self.analysis.on_frontier:
                parts.append("It is on the Pareto frontier: no package is better for both of you, "
                             "so no joint points were left on the table.")
            else:
                best = self.analysis.best_improvement
                parts.append(f"It lies inside the Pareto frontier: {points_text(self.left_on_table)} joint points were "
                             f"left on the table (the best package better for both gives you "
                             f"{points_text(best.scores[you])} and {them_name} {points_text(best.scores[them])}).")
        else:
            what = {"you walked away": "You walked away to your BATNA.",
                    "deadline": "The deadline passed without a deal: both sides take their BATNAs."}[self.outcome]
            parts.append(what + (f" A deal better for both than their BATNAs could have added "
                                 f"{points_text(self.left_on_table)} joint points." if self.left_on_table > 0 else
                                 " No package was better for both than their BATNAs."))
        if self.asked:
            parts.append(f"You asked what matters most to {them_name}; it named {_issue_list(self.their_answer)}.")
            parts.append("You then gave way on an issue it named and values more than you do: you used what you "
                         "learned." if self.used_answer else
                         "You did not then give way on an issue it named and values more than you do.")
        else:
            parts.append(f"You never asked what matters most to {them_name}.")
        mine = self._top_issues(you)
        if self.stated:
            true = "your top issues by your points" if set(self.stated[:2]) <= set(mine) or set(mine) <= set(
                self.stated) else f"your top issues by your points are {_issue_list(mine)}"
            parts.append(f"You said {_issue_list(self.stated)} matter most to you ({true}).")
        parts.append(f"{self.trades} of your proposals traded an issue {them_name} values more than you for one "
                     f"you value more (a logroll)." if self.trades != 1 else
                     f"1 of your proposals traded an issue {them_name} values more than you for one you value "
                     "more (a logroll).")
        theirs = self._top_issues(them, 3)
        parts.append(f"What was hidden: {them_name}'s top issues were {_issue_list(theirs)}; it would accept "
                     f"nothing below {points_text(round(self.reserve))} of its points and conceded "
                     f"{'early' if self.exponent > 1 else 'late'}.")
        if self.overstated:
            worth = ", ".join(f"{name} is worth {points_text(self.system.issues[self._index(name)].weights[them])}"
                              f" of its points" for name in self.overstated)
            parts.append(f"When you asked, it overstated how much {_issue_list(self.overstated)} "
                         f"{'matters' if len(self.overstated) == 1 else 'matter'} to it ({worth}): an issue to "
                         "give up later in exchange for something you value (a false concession).")
        elif self.asked:
            parts.append("Its answer to your question was truthful.")
        parts.append(f"Its guess of your top issues at the end: {_issue_list(self.guessed)} (truly: "
                     f"{_issue_list(mine)}).")
        if self.post_settlement is not None:
            gain = [self.post_settlement.scores[s] - self.deal.scores[s] for s in (you, them)]
            final = self.post_settlement.scores
            after = self.system.analyse(self.post_settlement)
            left = ("none left on the table" if after.on_frontier else
                    f"{points_text(max(0.0, float(after.left_on_table)))} joint points still left on the table")
            decided = {None: "You have not yet decided.", False: "You kept your deal.",
                       True: f"You took it: your final deal is worth {points_text(final[you])} of your points and "
                             f"{points_text(final[them])} of {them_name}'s, with {left}."}[self.post_settlement_taken]
            parts.append(f"After the deal, {them_name} offered a package better for both (a post-settlement "
                         f"settlement): you +{points_text(gain[0])}, {them_name} +{points_text(gain[1])}. {decided}")
        return " ".join(parts)

    def _index(self, name: str) -> int:
        return [issue.name for issue in self.system.issues].index(name)


class MultiIssueCounterpart:
    """The computer's side of a scoring system: its aspiration over time, its model of the other side, the
    package it offers and the proposals it accepts. :class:`MultiIssueGame` plays it against a learner;
    ``multi_issue_batch.py`` runs it as an automated agent, one negotiation or many at once (timed against
    NegMAS by ``benchmarks/multi_issue_peer.py``).

    ``t`` is the share of the negotiation gone (0 at its first offer, 1 at its last).

    >>> agent = MultiIssueCounterpart(job_offer_case(), side=1, level="Tough", seed=0)
    >>> agent.offer(0.0).scores[1], agent.accepts(agent.offer(0.0), 0.5)
    (100.0, True)
    """

    def __init__(self, system: ScoringSystem, side: int, level: str = "Friendly", seed: int | None = None,
                 rng: np.random.Generator | None = None) -> None:
        if level not in MULTI_ISSUE_LEVELS:
            raise ValueError(f"The counterpart is one of {', '.join(MULTI_ISSUE_LEVELS)}, not {level!r}.")
        self.system, self.side = system, side
        self.level = MULTI_ISSUE_LEVELS[level]
        self.rng = np.random.default_rng(seed) if rng is None else rng
        self.table = PackageTable.of(system)
        self.batna = float(system.batnas[side])
        if not self.table.above[side]:
            raise ValueError(f"No package is better than {system.parties[side]}'s BATNA: there is nothing to "
                             "negotiate.")
        self.top = float(-self.table.descending[side][0])
        self.exponent = float(self.rng.uniform(*self.level.exponents))
        # Its reservation level: a share of the room above its BATNA, never at or below the BATNA itself.
        self.reserve = reserve_of(self.level, self.batna, self.top)
        self.model = OpponentModel(system)

    @property
    def choices(self) -> np.ndarray:
        """Every package's options (packages x issues), in the order of ``system.all_scores()``."""
        return self.table.choices

    @property
    def own(self) -> np.ndarray:
        """Every package's score to this side."""
        return self.table.scores[:, self.side]

    def aspiration(self, t: float) -> float:
        return aspiration(self.top, self.reserve, self.exponent, t)

    def offer(self, t: float) -> Package:
        """The package it believes the other side likes best among those worth its aspiration to it."""
        return self.table.package(self.pick(t))

    def pick(self, t: float) -> int:
        """:meth:`offer` as a package's index in ``system.all_scores()``."""
        side, table = self.side, self.table
        # The packages worth its aspiration (and more than its BATNA) are its best ones: a prefix of its order.
        count = table.allowed(side, self.aspiration(t))
        if count == 1:
            return int(table.order[side][0])
        guess = _summed(self.model.option_utilities(), table.slots[side][:, :count])
        best = (guess >= guess.max() - 1e-9).nonzero()[0]
        if len(best) > 1:
            own = table.descending[side][best]  # its scores, negated: the first is its best
            best = best[own <= own[0] + 1e-9]  # ties: the better for itself
            if len(best) > 1:
                best = np.sort(table.order[side][best])
                return int(best[int(self.rng.integers(len(best)))])
        return int(table.order[side][best[0]])

    def accepts(self, package: Package, t_next: float, last: bool = False) -> bool:
        """AC-next: a proposal worth at least its next offer's aspiration (at the deadline, its reservation
        level), and always more than its BATNA."""
        own = package.scores[self.side]
        return own > self.batna and (own >= self.aspiration(t_next) - 1e-9 or (last and own >= self.reserve))


def aspiration(top: float, reserve: float, exponent: float, t: float) -> float:
    """A counterpart's aspiration at ``t`` (0 to 1): from ``top`` down to ``reserve``, as ``t ** (1 / exponent)``.

    >>> aspiration(100.0, 40.0, 2.0, 0.25)
    70.0
    """
    return max(top - (top - reserve) * min(max(t, 0.0), 1.0) ** (1 / exponent), reserve)


def reserve_of(level: CounterpartLevel, batna: float, top: float) -> float:
    """The lowest score a counterpart at ``level`` accepts: a share of the room above its BATNA, and never
    more than its best package."""
    return float(min(batna + level.margin * (top - batna), top))


class MultiIssueGame:
    """One multi-issue negotiation against a computer counterpart whose points are hidden.

    >>> game = MultiIssueGame(level="Friendly", seed=1)
    >>> game.standing_offer.scores   # its opening: every issue its way (the training budget helps Ana too)
    (10.0, 100.0)
    >>> game.ask_priorities().text
    'Salary matters most to us, then Start date and Training budget.'
    """

    def __init__(self, system: ScoringSystem | None = None, *, side: int = 0, level: str = "Friendly",
                 rounds: int = 8, seed: int | None = None) -> None:
        if side not in (0, 1) or isinstance(side, bool):
            raise ValueError(f"Play side 0 or side 1 of the case, not {side!r}.")
        if level not in MULTI_ISSUE_LEVELS:
            raise ValueError(f"The counterpart is one of {', '.join(MULTI_ISSUE_LEVELS)}, not {level!r}.")
        if isinstance(rounds, bool) or not isinstance(rounds, (int, np.integer)) or not 2 <= rounds <= 30:
            raise ValueError(f"The number of rounds is a whole number from 2 to 30, not {rounds!r}.")
        self.system = job_offer_case() if system is None else system
        self.side = int(side)
        self.level = MULTI_ISSUE_LEVELS[level]
        self.rounds = int(rounds)
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.counterpart = MultiIssueCounterpart(self.system, 1 - self.side, level, rng=self.rng)
        self.model = self.counterpart.model
        self.exponent, self.reserve, self.batna = (self.counterpart.exponent, self.counterpart.reserve,
                                                   self.counterpart.batna)
        self.moves: list[MultiIssueMove] = []
        self.your_proposals: list[Package] = []
        self.their_offers: list[Package] = []
        self.outcome: str | None = None
        self.deal: Package | None = None
        self.asked = False
        self.answer: tuple[str, ...] = ()
        self.overstated: tuple[str, ...] = ()
        self.stated: tuple[str, ...] = ()
        self.post_settlement: Package | None = None
        self.post_settlement_taken: bool | None = None
        self._trades, self._used_answer = 0, False
        self._counter(opening=True)

    # --- what the learner sees ----------------------------------------------------------------------

    @property
    def you(self) -> str:
        return self.system.parties[self.side]

    @property
    def them(self) -> str:
        return self.system.parties[1 - self.side]

    @property
    def round(self) -> int:
        """The round now under way: one proposal of yours per round."""
        return min(len(self.your_proposals) + 1, self.rounds)

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def at_deadline(self) -> bool:
        """Their final offer is on the table: you can only accept it or walk away."""
        return not self.finished and len(self.your_proposals) >= self.rounds

    @property
    def standing_offer(self) -> Package | None:
        return None if self.finished or not self.their_offers else self.their_offers[-1]

    @property
    def awaiting_post_settlement(self) -> bool:
        return self.post_settlement is not None and self.post_settlement_taken is None

    def brief(self) -> str:
        issues = ", ".join(issue.name.lower() for issue in self.system.issues)
        return (f"You are {self.you}. Settle {len(self.system.issues)} issues ({issues}) in one package. "
                f"Your points are shown beside each option; your BATNA is worth {points_text(self.system.batnas[self.side])} "
                f"points, so accept nothing worth less. {capitalised(self.them)}'s points are hidden. It is "
                f"{self.level.name.lower()}: it {self.level.description}. You have {self.rounds} proposals.")

    @property
    def status(self) -> str:
        if self.outcome == "deal":
            if self.awaiting_post_settlement:
                return "Deal. They suggest a package better for both of you: take it or keep your deal."
            final = self.post_settlement if self.post_settlement_taken else self.deal
            return f"Deal, worth {points_text(final.scores[self.side])} of your points."
        if self.finished:
            return {"you walked away": "You walked away to your BATNA.",
                    "deadline": "The deadline passed without a deal."}[self.outcome]
        offer = self.standing_offer
        worth = f"Their package on the table is worth {points_text(offer.scores[self.side])} of your points."
        if self.at_deadline:
            return f"Deadline: that was their final offer. {worth} Accept it or walk away."
        return f"Round {self.round} of {self.rounds}. {worth}"

    def snapshot(self) -> tuple:
        """Everything a move may change, as a comparable value (a bad move leaves it as it was)."""
        return (tuple(self.moves), tuple(self.your_proposals), tuple(self.their_offers), self.outcome, self.deal,
                self.asked, self.answer, self.overstated, self.stated, self.post_settlement,
                self.post_settlement_taken, self._trades, self._used_answer, self.model.state_key(),
                repr(self.rng.bit_generator.state))

    # --- the learner's moves ------------------------------------------------------------------------

    def propose(self, choice) -> MultiIssueMove:
        """Propose a package (``{issue: option}``, or one option per issue); return their answer."""
        self._check_open("propose a package")
        if self.at_deadline:
            raise ValueError("That was their final offer: accept it or walk away to your BATNA.")
        package = self._package(choice)
        mine = package.scores[self.side]
        if mine <= self.system.batnas[self.side]:
            raise ValueError(f"That package is worth {points_text(mine)} of your points, no better than your BATNA "
                             f"({points_text(self.system.batnas[self.side])}): propose one worth more to you.")
        if package.choices == self.standing_offer.choices:
            raise ValueError("That is the package they already offer: accept it instead.")
        # Every check passed: from here on the game changes.
        previous = self.your_proposals[-1] if self.your_proposals else None
        text = (f"I propose {package.terms()}." if previous is None else
                "I propose the same package again." if package.choices == previous.choices else
                f"I change {package.changes_from(previous)}; everything else as I proposed before.")
        self.moves.append(MultiIssueMove("you", "propose", text, package, self.round))
        self.your_proposals.append(package)
        self.model.observe(package)
        self._note_trade(previous, package)
        if self.counterpart.accepts(package, self._time(), last=len(self.your_proposals) >= self.rounds):
            return self._agree(package)
        return self._counter()

    def ask_priorities(self) -> MultiIssueMove:
        """Ask which issues matter most to them."""
        self._check_open("ask a question")
        first = not self.asked
        self.moves.append(MultiIssueMove("you", "ask", "Which issues matter most to you?"))
        if first:
            self.asked = True
            self.answer, self.overstated = self._answer()
        names = [n for n in self.answer]
        text = (f"{names[0]} matters most to us, then {_issue_list(names[1:])}."
                if len(names) > 1 else f"{names[0]} matters most to us.")
        if not first:
            text = "As I said: " + text
        return self._say("answer", text)

    def state_priorities(self, issues: Sequence[str]) -> MultiIssueMove:
        """Tell them which issues matter most to you (one to three issue names, most important first)."""
        self._check_open("state your priorities")
        names = self._priorities(issues)
        self.moves.append(MultiIssueMove("you", "state", f"What matters most to me: {_issue_list(names)}."))
        self.stated = names
        self.model.state(names, self.level.belief)
        if self.level.truthful and not self.asked:
            top = self._true_top(1)[0]
            return self._say("answer", f"Thank you, that helps. For us, {top} matters most.")
        return self._say("answer", "Noted.")

    def accept(self) -> MultiIssueMove:
        """Accept the package on the table."""
        self._check_open("accept")
        offer = self.standing_offer
        if offer is None:
            raise ValueError("There is no package of theirs on the table to accept.")
        mine = offer.scores[self.side]
        if mine <= self.system.batnas[self.side]:
            raise ValueError(f"Their package is worth {points_text(mine)} of your points, no better than your BATNA "
                             f"({points_text(self.system.batnas[self.side])}): propose another, or walk away.")
        self.moves.append(MultiIssueMove("you", "accept", "I accept your package.", offer))
        self._end_with_deal(offer)
        return self._say("accept", "Great, we have a deal." + self._post_settlement_text())

    def walk_away(self) -> MultiIssueMove:
        """Leave and take your BATNA."""
        self._check_open("walk away")
        self.moves.append(MultiIssueMove("you", "walk", "I'm going to take my other option. Thank you for your time."))
        self.outcome = "you walked away"
        return self._say("remark", "We understand. Thank you for your time.")

    def take_post_settlement(self) -> MultiIssueMove:
        """Take the better package they suggested after the deal."""
        self._check_post_settlement()
        self.moves.append(MultiIssueMove("you", "accept", "Yes, let's take the better package.", self.post_settlement))
        self.post_settlement_taken = True
        return self._say("remark", "Agreed. We both come out ahead.")

    def keep_deal(self) -> MultiIssueMove:
        """Keep the deal as agreed."""
        self._check_post_settlement()
        self.moves.append(MultiIssueMove("you", "remark", "I'd rather keep our deal as it is."))
        self.post_settlement_taken = False
        return self._say("remark", "Fine: our deal stands.")

    def debrief(self) -> MultiIssueDebrief:
        if not self.finished:
            raise ValueError("The debrief opens when the game ends: reach a deal or walk away.")
        analysis = self.system.analyse(self.deal) if self.deal is not None else None
        return MultiIssueDebrief(
            self.system, self.side, self.level.name, self.exponent, self.reserve, self.outcome, self.deal, analysis,
            self.post_settlement, self.post_settlement_taken, tuple(self.your_proposals), tuple(self.their_offers),
            self.asked, self.answer, self.overstated, self.stated, self._trades, self._used_answer,
            self.model.top_issues(2))

    # --- checks -------------------------------------------------------------------------------------

    def _check_open(self, action: str) -> None:
        if self.outcome == "you walked away":
            raise ValueError(f"You have already walked away, so you cannot {action}: the game is over. "
                             "Start a new game to play again.")
        if self.awaiting_post_settlement:
            raise ValueError("You have a deal. They suggest a package better for both: take it or keep your deal.")
        if self.finished:
            raise ValueError(f"The game is over, so you cannot {action}: start a new game to play again.")

    def _check_post_settlement(self) -> None:
        if not self.awaiting_post_settlement:
            if self.post_settlement is not None:
                raise ValueError("You have already answered their suggestion: the game is over.")
            raise ValueError("There is no better package on the table to take or decline.")

    def _package(self, choice) -> Package:
        if isinstance(choice, Package):
            choice = choice.choices
        if isinstance(choice, Mapping):
            for name, value in choice.items():
                if value is None or (isinstance(value, str) and not value.strip()):
                    raise ValueError(f"Choose an option for {name}: a package settles every issue.")
                if isinstance(value, float) and not isinstance(value, bool):
                    raise ValueError(f"'{value}' is not an option of '{name}': choose one of the listed options.")
        elif isinstance(choice, (str, bytes)) or not isinstance(choice, Sequence):
            raise ValueError("A package picks one option for every issue: choose one in each list.")
        return self.system.package(choice)

    def _priorities(self, issues) -> tuple[str, ...]:
        if isinstance(issues, str):
            issues = [issues]
        if not isinstance(issues, Sequence):
            raise ValueError("Name the issues that matter most to you, most important first.")
        names = [str(n).strip() for n in issues if n is not None and str(n).strip()]
        if not names:
            raise ValueError("Name at least one issue that matters most to you.")
        if len(names) > MAX_PRIORITIES:
            raise ValueError(f"Name at most {MAX_PRIORITIES} issues: priorities are the few that matter most.")
        known = [issue.name for issue in self.system.issues]
        for name in names:
            if name not in known:
                raise ValueError(f"There is no issue called '{name}'; the issues are: {', '.join(known)}.")
        if len(set(names)) != len(names):
            raise ValueError("You named the same issue twice: name each issue once.")
        return tuple(names)

    # --- the counterpart ----------------------------------------------------------------------------

    def _time(self) -> float:
        """Share of the game gone when it makes its next offer (0 at its opening, 1 at its final offer)."""
        return min(len(self.your_proposals) / self.rounds, 1.0)

    def _counter(self, opening: bool = False) -> MultiIssueMove:
        offer = self.counterpart.offer(self._time())
        final = len(self.your_proposals) >= self.rounds
        self.their_offers.append(offer)
        # After the opening, say only what moved since its last offer: eight terms a line hide the dance.
        previous = self.their_offers[-2] if len(self.their_offers) > 1 else None
        moved = "" if previous is None else offer.changes_from(previous)
        if previous is None:
            text = f"Here is our offer: {offer.terms()}."
        elif not moved:
            text = ("This is our final offer: our last package stands." if final else
                    "We can't move yet: our last package stands.")
        else:
            text = f"{'This is our final offer' if final else 'How about this'}: {moved}; everything else as before."
        return self._say("propose", text, offer)

    def _agree(self, package: Package) -> MultiIssueMove:
        self._end_with_deal(package)
        return self._say("accept", "Agreed: we have a deal." + self._post_settlement_text())

    def _end_with_deal(self, package: Package) -> None:
        self.outcome = "deal"
        self.deal = package
        better = [p for p in self.system.improvements(package)
                  if p.scores[0] > package.scores[0] and p.scores[1] > package.scores[1]]
        self.post_settlement = better[0] if better else None

    def _post_settlement_text(self) -> str:
        if self.post_settlement is None:
            return ""
        return (" Before we sign: keeping this deal as a fallback, here is a package I think is better for both of "
                f"us: {self.post_settlement.changes_from(self.deal)}; everything else as agreed.")

    def _true_top(self, count: int) -> tuple[str, ...]:
        weights = np.array([issue.weights[1 - self.side] for issue in self.system.issues])
        order = np.argsort(-weights, kind="stable")
        return tuple(self.system.issues[i].name for i in order[:count])

    def _answer(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The issues it names when asked, and those it overstated (none when truthful)."""
        true = self._true_top(3)
        if self.level.truthful:
            return true, ()
        # Tough: its real top issue, then the issue it cares least about among those it guesses you value most.
        weights = np.array([issue.weights[1 - self.side] for issue in self.system.issues])
        names = [issue.name for issue in self.system.issues]
        candidates = [i for i in np.argsort(-(self.model.weights - weights / max(weights.sum(), 1e-12)), kind="stable")
                      if names[i] not in true[:2]]
        if not candidates:  # too few issues to inflate one
            return true, ()
        decoy = names[candidates[0]]
        if decoy in true:  # the issue it would inflate is truly among its top three: nothing overstated
            return true, ()
        return (true[0], decoy, true[1]), (decoy,)

    def _note_trade(self, previous: Package | None, package: Package) -> None:
        """Count logrolls and whether the learner gave way on an issue the counterpart named."""
        yours, theirs = self.side, 1 - self.side
        if previous is None:  # the first proposal, against your ideal package
            previous = self.system._package(tuple(max(range(len(issue.options)), key=lambda o: issue.points[o][yours])
                                                  for issue in self.system.issues))
        gave, kept = False, True
        for issue, a, b in zip(self.system.issues, previous.choices, package.choices):
            change = issue.points[b][yours] - issue.points[a][yours]
            they_care_more = issue.weights[theirs] > issue.weights[yours]
            if change < 0 and they_care_more and self.asked and issue.name in self.answer:
                self._used_answer = True
            if change < 0 and they_care_more:
                gave = True
            elif change < 0:
                kept = False
        if gave and kept:
            self._trades += 1

    def _say(self, kind: str, text: str, package: Package | None = None) -> MultiIssueMove:
        move = MultiIssueMove("them", kind, text, package, self.round if kind == "propose" else None)
        self.moves.append(move)
        return move
