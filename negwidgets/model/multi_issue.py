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
        self.counts = [np.zeros(len(issue.options)) for issue in system.issues]
        self.kept = np.zeros(len(system.issues))
        self.stated = np.ones(len(system.issues))
        self.last: tuple[int, ...] | None = None

    def observe(self, package: Package) -> None:
        for counts, option in zip(self.counts, package.choices):
            counts[option] += 1
        if self.last is not None:
            self.kept += np.array([a == b for a, b in zip(self.last, package.choices)], dtype=float)
        self.last = package.choices

    def state(self, issues: Sequence[str], belief: float) -> None:
        names = [issue.name for issue in self.system.issues]
        for rank, name in enumerate(issues):
            self.stated[names.index(name)] *= 1 + belief * (MAX_PRIORITIES - rank)

    @property
    def weights(self) -> np.ndarray:
        raw = (1 + 0.5 * self.kept) * self.stated
        return raw / raw.sum()

    def values(self) -> list[np.ndarray]:
        return [counts / counts.max() if counts.max() > 0 else np.full(len(counts), 0.5) for counts in self.counts]

    def utilities(self, choices: np.ndarray) -> np.ndarray:
        """The modelled utility (0 to 1) of every package in ``choices`` (packages x issues)."""
        total = np.zeros(len(choices))
        for i, (weight, values) in enumerate(zip(self.weights, self.values())):
            total += weight * values[choices[:, i]]
        return total

    def top_issues(self, count: int = 2) -> tuple[str, ...]:
        order = np.argsort(-self.weights, kind="stable")
        return tuple(self.system.issues[i].name for i in order[:count])

    def state_key(self) -> tuple:
        return (tuple(c.tobytes() for c in self.counts), self.kept.tobytes(), self.stated.tobytes(), self.last)


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
            decided = {None: "You have not yet decided.", True: "You took it.", False: "You kept your deal."}[
                self.post_settlement_taken]
            parts.append(f"After the deal, {them_name} offered a package better for both (a post-settlement "
                         f"settlement): you +{points_text(gain[0])}, {them_name} +{points_text(gain[1])}. {decided}")
        return " ".join(parts)

    def _index(self, name: str) -> int:
        return [issue.name for issue in self.system.issues].index(name)


class MultiIssueCounterpart:
    """The computer's side of a scoring system: its aspiration over time, its model of the other side, the
    package it offers and the proposals it accepts. :class:`MultiIssueGame` plays it against a learner;
    ``benchmarks/multi_issue_peer.py`` runs it as an automated agent.

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
        scores = system.all_scores()
        self.choices = system._choices_of(np.arange(len(scores)))  # packages x issues
        self.own = scores[:, side]
        self.batna = float(system.batnas[side])
        above = self.own[self.own > self.batna]
        if not len(above):
            raise ValueError(f"No package is better than {system.parties[side]}'s BATNA: there is nothing to "
                             "negotiate.")
        self.top = float(self.own.max())
        self.exponent = float(self.rng.uniform(*self.level.exponents))
        # Its reservation level: a share of the room above its BATNA, never at or below the BATNA itself.
        self.reserve = float(min(self.batna + self.level.margin * (self.top - self.batna), above.max()))
        self.model = OpponentModel(system)

    def aspiration(self, t: float) -> float:
        return max(self.top - (self.top - self.reserve) * min(max(t, 0.0), 1.0) ** (1 / self.exponent), self.reserve)

    def offer(self, t: float) -> Package:
        """The package it believes the other side likes best among those worth its aspiration to it."""
        target = self.aspiration(t)
        allowed = np.flatnonzero((self.own >= target - 1e-9) & (self.own > self.batna))
        guess = self.model.utilities(self.choices[allowed])
        best = allowed[guess >= guess.max() - 1e-9]
        best = best[self.own[best] >= self.own[best].max() - 1e-9]  # ties: the better for itself
        pick = best[int(self.rng.integers(len(best)))] if len(best) > 1 else best[0]
        return self.system._package(tuple(int(c) for c in self.choices[pick]))

    def accepts(self, package: Package, t_next: float, last: bool = False) -> bool:
        """AC-next: a proposal worth at least its next offer's aspiration (at the deadline, its reservation
        level), and always more than its BATNA."""
        own = package.scores[self.side]
        return own > self.batna and (own >= self.aspiration(t_next) - 1e-9 or (last and own >= self.reserve))


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
        self.moves.append(MultiIssueMove("you", "propose", package.terms() + ".", package, self.round))
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
        if opening:
            text = f"Here is our offer: {offer.terms()}."
        elif final:
            text = f"This is our final offer: {offer.terms()}."
        elif len(self.their_offers) > 1 and offer.choices == self.their_offers[-2].choices:
            text = f"We can't move yet: {offer.terms()}."
        else:
            text = f"How about this: {offer.terms()}."
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
                f"us: {self.post_settlement.terms()}.")

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
