"""The coached debrief of a practice game, and the learner's progress over games.

After a game of lesson 08's practice counterpart (:class:`~negwidgets.model.practice.PracticeGame`), the
coach scores named principles of the game's record, each with a grade, one sentence on what happened, the
rule of thumb and the lesson to revisit, and puts the three tips that matter most first. The principles
follow what negotiation teachers check in a debrief, and the categories of errors that an automated coach
for bargaining detects (Shea et al., 2024): a walk-away point and a target set beforehand, the first
offer, its ambition, the counter-offer, reasons given with offers, the concessions and the close.

Every metric is a pure function of a :class:`GameRecord`: the moves, the walk-away point and target the
learner stated, and the limits revealed at the end. The judgements that depend on what the learner knew
before the game (whether to open first, how ambitious an opening, how strong a counter) ask lesson 05's
model, the same calls that give Ana her opening (:func:`~negwidgets.model.opening.running_example_opening`).

:func:`practice_progress` lines up the games' summaries (:class:`GameSummary`, saved in the learner's plan
file) so that each principle's grade and the share of the zone captured can be compared, before and after.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checks import finite_number
from .criteria import DEFENSIBLE, Criterion, criteria_ladder
from .first_offer import THEIR_ROOM, answer_their_opening, course_anchoring, first_offer_analysis, walk_away_chance
from .money import a_percent, money, percent
from .uncertainty import NormalBelief
from .zone import Party

__all__ = [
    "GRADES", "PRINCIPLES", "Coaching", "ConcessionPattern", "GameRecord", "GameSummary", "PracticeProgress",
    "PrincipleScore", "coach", "concession_pattern", "load_practice", "practice_progress", "save_practice",
]

GOOD, IMPROVE, MISSED, NA = "good", "could improve", "missed", "not applicable"
#: The grades, best first; "not applicable" when the principle had no occasion in the game.
GRADES = (GOOD, IMPROVE, MISSED, NA)
_POINTS = {GOOD: 2, IMPROVE: 1, MISSED: 0}

#: The principles in the order the debrief lists them: (id, name, lesson to revisit).
PRINCIPLES: tuple[tuple[str, str, str], ...] = (
    ("limits", "Walk-away point and target", "02"),
    ("who-opens", "Who opens", "05"),
    ("opening", "Opening ambition", "05"),
    ("counter", "Counter-offer strength", "05"),
    ("concessions", "Concession pattern", "08"),
    ("reasons", "Reasons with offers", "06"),
    ("closing", "Closing on explicit terms", "12"),
    ("no-zone", "Walking away without a zone", "04"),
    ("value", "Value left on the table", "04"),
)
_NAMES = {pid: name for pid, name, _ in PRINCIPLES}
#: Among tips of the same grade, the one that costs most money comes first.
_TIP_ORDER = ("limits", "value", "opening", "counter", "concessions", "no-zone", "reasons", "closing", "who-opens")

#: Share of the zone captured: at least GOOD_SHARE is good, at least FAIR_SHARE could improve, less is missed.
GOOD_SHARE, FAIR_SHARE = 0.6, 0.35
#: At most this many concessions count as "few".
FEW = 4
#: An opening this close to the recommended one (as a share of it) counts as reaching it.
CLOSE = 0.01
#: An ambitious opening whose chance of ending the talk exceeds this is graded as too risky.
RISKY = 0.5


def _lesson(number: str) -> str:
    from ..data import load

    titles = {item["number"]: item["title"] for item in load("course")["lessons"]}
    return f"lesson {number} ({titles[number]})"


@dataclass(frozen=True)
class GameRecord:
    """A practice game as the coach reads it: everything :meth:`PracticeGame.record` hands over."""

    side: str
    difficulty: str
    wants: str  # "more" (the candidate) or "less" (the employer)
    reservation: float  # your BATNA's value
    aspiration: float  # the aspiration the survey supports
    walk_away: float | None  # stated before the game, or None (skipped)
    target: float | None
    their_limit: float  # revealed at the end
    belief: NormalBelief  # what you were told of their limit
    criteria: tuple[Criterion, ...]
    you_open: bool
    moves: tuple  # of practice.Move
    outcome: str | None
    price: float | None
    confirmed: bool = False
    seed: int | None = None
    scale: float = 1.0
    deadline: int | None = None  # the game's rounds (None: not known)

    @property
    def up(self) -> int:
        return 1 if self.wants == "more" else -1

    @property
    def you(self) -> Party:
        return Party("You", self.reservation, self.aspiration, self.wants)

    @property
    def floor(self) -> float:
        """The line you meant to hold: your stated walk-away point, or your BATNA's value."""
        return self.reservation if self.walk_away is None else self.walk_away

    @property
    def your_offers(self) -> list[float]:
        return [m.amount for m in self.moves if m.who == "you" and m.kind == "offer"]

    @property
    def their_offers(self) -> list[float]:
        return [m.amount for m in self.moves if m.who == "them" and m.kind == "offer"]

    @property
    def they_opened(self) -> bool:
        first = next((m for m in self.moves if m.kind == "offer" or m.who == "you"), None)
        return first is not None and first.who == "them"

    @property
    def zone(self) -> tuple[float, float] | None:
        """The zone between your BATNA and their limit, (worst for you, best for you), or None."""
        if self.up * (self.their_limit - self.reservation) < 0:
            return None
        return self.reservation, self.their_limit

    @property
    def share(self) -> float | None:
        """Your share of the zone (None without a deal, or when the zone is a single point)."""
        zone = self.zone
        if self.price is None or zone is None or zone[0] == zone[1]:
            return None
        return max(0.0, min(1.0, (self.price - zone[0]) / (zone[1] - zone[0])))


@dataclass(frozen=True)
class PrincipleScore:
    """One principle's grade in one game, with what happened, the rule of thumb and where to read more."""

    id: str
    name: str
    grade: str
    happened: str
    rule: str
    lesson: str

    def describe(self) -> str:
        """
        >>> PrincipleScore("closing", "Closing on explicit terms", "good", "You confirmed $78,000 in writing.",
        ...                "Restate the terms and ask for them in writing.", "lesson 12 (Closing)").describe()
        'Closing on explicit terms: good. You confirmed $78,000 in writing. Rule of thumb: Restate the terms and ask for them in writing. Revisit lesson 12 (Closing).'
        """
        return f"{self.name}: {self.grade}. {self.happened} Rule of thumb: {self.rule} Revisit {self.lesson}."

    @property
    def tip(self) -> str:
        """The principle as a tip: what happened, then what to do."""
        return f"{self.name} ({self.grade}). {self.happened} {self.rule} Revisit {self.lesson}."


@dataclass(frozen=True)
class ConcessionPattern:
    """The steps of your offers towards the other side, and what their shape says."""

    steps: tuple[float, ...]  # each concession, in dollars (0 where you held)
    unanswered: int  # concessions made while their last offer had not moved towards you

    @property
    def concessions(self) -> tuple[float, ...]:
        return tuple(s for s in self.steps if s > 0.5)

    @property
    def shrinking(self) -> bool:
        c = self.concessions
        return all(b <= a + 0.5 for a, b in zip(c, c[1:]))

    @property
    def growing(self) -> bool:
        c = self.concessions
        return len(c) >= 2 and all(b >= a - 0.5 for a, b in zip(c, c[1:])) and not self.shrinking

    @property
    def erratic(self) -> bool:
        """Steps that grow and shrink by turns: a pattern that says nothing reliable about your limit."""
        return len(self.concessions) >= 3 and not self.shrinking and not self.growing

    @property
    def few(self) -> bool:
        return len(self.concessions) <= FEW


def concession_pattern(yours: list[float] | tuple[float, ...], theirs_before: list[list[float]] | None = None,
                       wants: str = "more") -> ConcessionPattern:
    """Your concessions (each step of your offers towards them) and how many came while they had not moved.

    ``theirs_before[i]`` lists their offers made before your offer ``i + 1`` (to see whether they moved).

    >>> p = concession_pattern([84_000, 81_000, 79_500, 79_000])
    >>> p.concessions, p.shrinking, p.erratic
    ((3000.0, 1500.0, 500.0), True, False)
    >>> concession_pattern([84_000, 83_000, 80_000, 79_500]).erratic
    True
    """
    up = 1 if wants == "more" else -1
    offers = [finite_number(x, "an offer") for x in yours]
    steps = tuple(max(0.0, up * (a - b)) for a, b in zip(offers, offers[1:]))
    unanswered = 0
    if theirs_before is not None:
        for i, step in enumerate(steps):
            seen = theirs_before[i] if i < len(theirs_before) else []
            moved = len(seen) < 2 or up * (seen[-1] - seen[-2]) > 0.5
            if step > 0.5 and not moved:
                unanswered += 1
    return ConcessionPattern(steps, unanswered)


@dataclass(frozen=True)
class Coaching:
    """The coached debrief: every principle's score, the top tips first."""

    record: GameRecord
    scores: tuple[PrincipleScore, ...]

    def score(self, principle: str) -> PrincipleScore:
        return next(s for s in self.scores if s.id == principle)

    def tips(self, n: int = 3) -> tuple[PrincipleScore, ...]:
        """The ``n`` principles to work on first: missed before could-improve, the costliest first."""
        weak = [s for s in self.scores if s.grade in (MISSED, IMPROVE)]
        weak.sort(key=lambda s: (s.grade != MISSED, _TIP_ORDER.index(s.id)))
        return tuple(weak[:n])

    @property
    def headline(self) -> str:
        applied = [s for s in self.scores if s.grade != NA]
        good = sum(s.grade == GOOD for s in applied)
        return f"{good} of {len(applied)} principles went well"

    def describe(self) -> str:
        """The top tips, then every principle that applied."""
        tips = self.tips()
        lines = [f"{self.headline}."]
        if tips:
            lines.append("Top tips: " + " ".join(f"{i}. {t.tip}" for i, t in enumerate(tips, 1)))
        else:
            lines.append("No tips this time: every principle that applied went well.")
        return "\n".join(lines)

    def summary(self, rematch_of: int | None = None) -> GameSummary:
        r = self.record
        width = r.up * (r.their_limit - r.reservation) / r.reservation
        return GameSummary(side=r.side, difficulty=r.difficulty, seed=r.seed, scale=r.scale,
                           outcome=r.outcome or "unfinished", share=r.share, zone_width=round(width, 4),
                           grades=tuple((s.id, s.grade) for s in self.scores), rematch_of=rematch_of)


# -- lesson 05's model, given what the learner knew ---------------------------------------------------------

@functools.lru_cache(maxsize=256)
def _recommended_opening(wants: str, reservation: float, aspiration: float, belief: NormalBelief,
                         criteria: tuple[Criterion, ...]) -> float:
    from .opening import advise_opening

    you = Party("You", reservation, aspiration, wants)
    ladder = criteria_ladder(criteria, reservation=reservation, their_limit=belief.mean, wants=wants)
    return advise_opening(you, aspiration, belief, ceiling=None if ladder.ask is None else ladder.ask.value,
                          anchoring=course_anchoring()).opening


@functools.lru_cache(maxsize=256)
def _value_of_going_first(wants: str, reservation: float, aspiration: float, belief: NormalBelief) -> float:
    you = Party("You", reservation, aspiration, wants)
    return float(first_offer_analysis(you, belief, course_anchoring(), their_room=THEIR_ROOM).value_of_going_first)


@functools.lru_cache(maxsize=256)
def _recommended_counter(wants: str, reservation: float, aspiration: float, belief: NormalBelief,
                         their_opening: float) -> float:
    you = Party("You", reservation, aspiration, wants)
    return answer_their_opening(you, belief, their_opening, course_anchoring()).counter


def recommended_opening(record: GameRecord) -> float:
    """Lesson 05's opening for what the learner knew (Ana's $81,600 in the first game of lesson 08)."""
    return _recommended_opening(record.wants, record.reservation, record.aspiration, record.belief, record.criteria)


# -- the principles -------------------------------------------------------------------------------------------

def _score(pid: str, grade: str, happened: str, rule: str, lesson: str | None = None) -> PrincipleScore:
    number = lesson or next(n for p, _, n in PRINCIPLES if p == pid)
    return PrincipleScore(pid, _NAMES[pid], grade, happened, rule, _lesson(number))


def _worse(up: int) -> str:
    return "below" if up > 0 else "above"


def score_limits(r: GameRecord) -> PrincipleScore:
    """Walk-away point and target: set before the game, and respected."""
    rule = ("Before you negotiate, write down your walk-away point (never worse than your BATNA) and an "
            "ambitious target, and hold to the walk-away point.")
    worse = _worse(r.up)
    if r.walk_away is not None:
        beyond = [x for x in r.your_offers if r.up * (x - r.walk_away) < 0]
        if r.price is not None and r.up * (r.price - r.walk_away) < 0:
            return _score("limits", MISSED, f"You agreed to {money(r.price)}, {worse} the walk-away point of "
                          f"{money(r.walk_away)} you set before the game.", rule)
        if beyond:
            return _score("limits", MISSED, f"You offered {money(beyond[0])}, {worse} the walk-away point of "
                          f"{money(r.walk_away)} you set before the game: they could have taken it.", rule)
    if r.walk_away is None and r.target is None:
        return _score("limits", MISSED, "You skipped setting a walk-away point and a target before the game.", rule)
    if r.walk_away is None:
        return _score("limits", IMPROVE, f"You set a target ({money(r.target)}) but no walk-away point.", rule)
    if r.target is None:
        return _score("limits", IMPROVE, f"You set a walk-away point ({money(r.walk_away)}) but no target.", rule,
                      "03")
    if r.price is not None:
        reach = (r.price - r.walk_away) / (r.target - r.walk_away)
        where = (f"the deal at {money(r.price)} went {percent(max(0.0, reach))} of the way from your walk-away "
                 f"point to your target" if reach < 1 else f"the deal at {money(r.price)} reached your target")
    else:
        where = f"you ended without a deal rather than go {worse} {money(r.walk_away)}"
    return _score("limits", GOOD, f"You set {money(r.walk_away)} as your walk-away point and {money(r.target)} as "
                  f"your target, and kept to them: {where}.", rule)


def score_who_opens(r: GameRecord) -> PrincipleScore:
    """Whether opening first was wise, given what the learner knew of their limit (lesson 05's model)."""
    gap = _value_of_going_first(r.wants, r.reservation, r.aspiration, r.belief)
    knew = f"their limit {r.belief.describe()}"
    rule = ("With a rough idea of their limit, make the first offer: your number anchors the talk. Let them "
            "open only when you know too little to name a number safely.")
    if not r.your_offers and not r.their_offers:
        return _score("who-opens", NA, "No offer was made in this game.", rule)
    if r.they_opened:
        better = (f"opening first would have been worth about {money(gap)} more in lesson 05's model"
                  if gap > 0 else f"letting them open was worth about {money(-gap)} more in lesson 05's model")
        return _score("who-opens", NA, f"They opened, so the choice was not yours in this game; with {knew}, "
                      f"{better}.", rule)
    if gap >= 0:
        return _score("who-opens", GOOD, f"You opened. With {knew}, lesson 05's model says going first is worth "
                      f"about {money(gap)} more than letting them open.", rule)
    return _score("who-opens", IMPROVE, f"You opened, but with {knew}, lesson 05's model says letting them open "
                  f"was worth about {money(-gap)} more.", rule)


def score_opening(r: GameRecord) -> PrincipleScore:
    """Your first offer's ambition, against your target, lesson 05's opening and their revealed limit."""
    ref = recommended_opening(r)
    rule = (f"Open ambitiously but defensibly, with a reason: with what you knew, lesson 05's model opens at "
            f"{money(ref)}. Far beyond their likely limit, an opening risks the talk.")
    if r.they_opened or not r.your_offers:
        return _score("opening", NA, "They made the first offer; see the counter-offer." if r.they_opened
                      else "You made no offer.", rule)
    first, limit = r.your_offers[0], r.their_limit
    overshoot = r.up * (first - limit)
    chance = float(walk_away_chance(overshoot, limit))
    aim = r.target if r.target is not None else r.aspiration
    versus_target = ("at or beyond your target" if r.up * (first - aim) >= 0
                     else f"{money(abs(aim - first))} short of your target of {money(aim)}")
    if overshoot > 0:
        versus_limit = f"{money(overshoot)} beyond their limit of {money(limit)} ({a_percent(chance)} chance of a walk-out)"
    else:
        versus_limit = f"{money(-overshoot)} inside their limit of {money(limit)}"
    happened = f"You opened at {money(first)}, {versus_target} and {versus_limit}."
    if r.outcome == "they walked away":
        return _score("opening", MISSED, happened + " They walked away.", rule)
    if r.up * (first - ref) >= -CLOSE * abs(ref):
        return _score("opening", IMPROVE if chance > RISKY else GOOD, happened, rule)
    if overshoot >= 0:  # short of the recommendation, but still asked for all they could give
        return _score("opening", GOOD, happened, rule)
    midpoint = (r.reservation + ref) / 2
    return _score("opening", MISSED if r.up * (first - midpoint) <= 0 else IMPROVE, happened, rule)


def score_counter(r: GameRecord) -> PrincipleScore:
    """When they opened: did you answer with a reasoned number of your own, or inside their frame?"""
    rule = ("Answer a low opening with your own reasoned number, as ambitious as you would have opened, not "
            "with a small step from theirs.")
    if not r.they_opened:
        return _score("counter", NA, "You made the first offer, so there was no opening of theirs to counter.", rule)
    their_opening = r.their_offers[0]
    ref = _recommended_counter(r.wants, r.reservation, r.aspiration, r.belief, their_opening)
    rule = rule[:-1] + f": here lesson 05's model answers {money(their_opening)} with {money(ref)}."
    if not r.your_offers:
        if any(m.who == "you" and m.kind == "accept" for m in r.moves):
            return _score("counter", MISSED, f"You accepted their first offer of {money(their_opening)} without "
                          "making one of your own.", rule)
        return _score("counter", NA, "You made no counter-offer.", rule)
    first = r.your_offers[0]
    happened = f"They opened at {money(their_opening)}; you answered {money(first)}"
    if r.up * (first - ref) >= -CLOSE * abs(ref):
        return _score("counter", GOOD, happened + ", a strong counter.", rule)
    if r.up * (first - (r.reservation + ref) / 2) <= 0:
        return _score("counter", MISSED, happened + ", close to their frame.", rule)
    return _score("counter", IMPROVE, happened + f", {money(abs(ref - first))} short of a strong counter.", rule)


def _theirs_before(r: GameRecord) -> list[list[float]]:
    """For each of your offers after the first: their offers made before it."""
    seen, theirs, result, yours = [], [], [], 0
    for m in r.moves:
        if m.kind != "offer":
            continue
        if m.who == "them":
            theirs.append(m.amount)
        else:
            yours += 1
            if yours >= 2:
                result.append(list(theirs))
    return result


def score_concessions(r: GameRecord) -> PrincipleScore:
    """Concessions: shrinking, few, reciprocated, never against nothing."""
    rule = ("Concede in few, shrinking steps, each answering a move of theirs or traded for something: "
            "growing or uneven steps say you have plenty of room left.")
    yours = r.your_offers
    if len(yours) < 2:
        return _score("concessions", NA, "You made fewer than two offers, so there was no concession to read.", rule)
    pattern = concession_pattern(yours, _theirs_before(r), r.wants)
    steps = pattern.concessions
    if not steps:
        return _score("concessions", GOOD, f"You held at {money(yours[0])} throughout: no concession at all.", rule)
    listed = ", ".join(money(s) for s in steps)
    problems = []
    if pattern.erratic:
        problems.append("the steps grew and shrank by turns (an erratic pattern)")
    elif pattern.growing:
        problems.append("the steps grew")
    if not pattern.few:
        problems.append(f"{len(steps)} concessions is many")
    if pattern.unanswered:
        problems.append(f"{pattern.unanswered} came while they had not moved")
    happened = f"You made {len(steps)} concession{'s' if len(steps) != 1 else ''} ({listed})"
    if not problems:
        return _score("concessions", GOOD, happened + (", none larger than the one before, each answering a move of "
                                                       "theirs." if len(steps) > 1 else ", answering a move of theirs."),
                      rule)
    grade = MISSED if len(problems) >= 2 else IMPROVE
    return _score("concessions", grade, happened + ": " + "; ".join(problems) + ".", rule)


def score_reasons(r: GameRecord) -> PrincipleScore:
    """Reasons: a defensible standard (strength 3 or more) with the first offer, and with later moves."""
    rule = ("Give every important number with its reason, a standard the other side can check (a survey, a "
            "pay band, a written offer); a personal wish is not a reason.")
    offers = [m for m in r.moves if m.who == "you" and m.kind == "offer"]
    if not offers:
        return _score("reasons", NA, "You made no offer.", rule)
    strong = [m for m in offers if (m.strength or 0) >= DEFENSIBLE]
    weak = [m for m in offers if m.reason is not None and (m.strength or 0) < DEFENSIBLE]
    n = len(offers)
    if (offers[0].strength or 0) >= DEFENSIBLE:
        return _score("reasons", GOOD, f"Your first offer came with a defensible standard ({offers[0].reason.lower()}); "
                      f"{len(strong)} of your {n} offer{'s' if n != 1 else ''} had one.", rule)
    if strong:
        return _score("reasons", IMPROVE, f"{len(strong)} of your {n} offers had a defensible standard, but not your "
                      "first, which anchors the talk.", rule)
    if weak:
        return _score("reasons", IMPROVE, "Your reasons were personal wishes or weak standards, which move nobody.",
                      rule)
    return _score("reasons", MISSED, "Your offer came without a reason." if n == 1
                  else f"None of your {n} offers came with a reason.", rule)


def score_closing(r: GameRecord) -> PrincipleScore:
    """Closing: after a deal, restate the terms and ask for them in writing."""
    rule = "When you agree, restate the terms, ask for a clear yes and for the agreement in writing."
    if r.outcome != "deal":
        return _score("closing", NA, "There was no deal to close.", rule)
    if r.confirmed:
        return _score("closing", GOOD, f"You restated the deal ({money(r.price)}) and asked for it in writing.", rule)
    return _score("closing", IMPROVE, f"You reached a deal at {money(r.price)} but did not restate the terms or ask "
                  "for them in writing.", rule)


def score_no_zone(r: GameRecord) -> PrincipleScore:
    """With no zone between their limit and your walk-away point: leaving without a deal is right."""
    rule = ("When their best offer stays worse than your walk-away point, say so politely and take your BATNA: "
            "no deal beats a bad deal.")
    if r.up * (r.their_limit - r.floor) >= 0:
        return _score("no-zone", NA, f"There was a zone: their limit ({money(r.their_limit)}) reached your "
                      f"walk-away point ({money(r.floor)}).", rule)
    gap = f"their limit ({money(r.their_limit)}) was {_worse(r.up)} your walk-away point ({money(r.floor)})"
    if r.price is not None:
        return _score("no-zone", MISSED, f"There was no zone, since {gap}, yet you agreed to {money(r.price)}.", rule)
    if r.outcome == "deadline":
        return _score("no-zone", IMPROVE, f"There was no zone, since {gap}; you let the deadline end the talk rather "
                      "than name your limit and leave.", rule)
    if r.outcome is None:
        return _score("no-zone", NA, "The game has not ended.", rule)
    who = "You walked away" if r.outcome == "you walked away" else "The talk ended"
    return _score("no-zone", GOOD, f"There was no zone, since {gap}. {who} without a deal: right.", rule)


def score_value(r: GameRecord) -> PrincipleScore:
    """Value left on the table: the share of the zone (between your BATNA and their limit) you captured."""
    rule = ("Aim for most of the zone: an ambitious, reasoned opening, small late concessions, and no yes while "
            "they are still moving keep the deal near their limit.")
    zone = r.zone
    if zone is None or zone[0] == zone[1]:
        return _score("value", NA, "There was no zone to divide.", rule)
    low, high = sorted(zone)
    if r.price is None:
        if r.up * (r.their_limit - r.floor) < 0:
            return _score("value", IMPROVE, f"A zone of {money(low)}-{money(high)} existed, but your walk-away point "
                          f"({money(r.floor)}) was beyond it: was it set higher than your BATNA justified?", rule, "02")
        happened = (f"No deal: a zone of {money(low)}-{money(high)} went unused, up to {money(high - low)} better "
                    "than your BATNA.")
        early = _left_early(r)
        return _score("value", MISSED, f"{happened} {early}" if early else happened, rule, "08" if early else None)
    share = r.share
    left = abs(r.their_limit - r.price)
    happened = (f"You took {percent(share)} of the zone ({money(low)}-{money(high)}), leaving {money(left)} on the "
                "table.")
    grade = GOOD if share >= GOOD_SHARE else IMPROVE if share >= FAIR_SHARE else MISSED
    early = _accepted_early(r)
    if grade != GOOD and early:
        return _score("value", grade, happened + " " + early, rule, "08")
    return _score("value", grade, happened, rule)


def _left_early(r: GameRecord) -> str:
    """Why a game with a zone ended without a deal, when the learner walked away before the deadline."""
    theirs = [m for m in r.moves if m.who == "them" and m.kind == "offer"]
    if r.outcome != "you walked away" or r.deadline is None or not theirs or (theirs[-1].round or 0) >= r.deadline:
        return ""
    return (f"You walked away in round {theirs[-1].round} of {r.deadline}, before their final offer: many "
            "counterparts move most near the deadline, and hearing their last offer costs you nothing.")


def _accepted_early(r: GameRecord) -> str:
    """Why a short deal fell short, when the learner accepted while the counterpart was still conceding."""
    mine = [m for m in r.moves if m.who == "you" and m.kind != "remark"]  # the closing remark comes after
    theirs = [m for m in r.moves if m.who == "them" and m.kind == "offer"]
    if not mine or mine[-1].kind != "accept" or r.deadline is None or not theirs or len(theirs) < 2:
        return ""
    at = theirs[-1].round or 0
    step = abs(theirs[-1].amount - theirs[-2].amount)
    if at >= r.deadline or step == 0:
        return ""
    return (f"You accepted in round {at} of {r.deadline}, while their last step was still {money(step)}: a "
            "counterpart still moving has room left, so a firm counter would likely have brought more.")


_SCORERS = {"limits": score_limits, "who-opens": score_who_opens, "opening": score_opening,
            "counter": score_counter, "concessions": score_concessions, "reasons": score_reasons,
            "closing": score_closing, "no-zone": score_no_zone, "value": score_value}


def coach(record: GameRecord) -> Coaching:
    """Score every principle of a finished (or unfinished) game.

    >>> from negwidgets.model import PracticeGame
    >>> game = PracticeGame("candidate", "Friendly", seed=7)
    >>> game.set_limits("72k", "85k")
    >>> _ = game.offer(81_600, "Salary survey, 75th percentile for the role and region")
    >>> coach(game.record()).score("opening").grade
    'good'
    """
    return Coaching(record, tuple(_SCORERS[pid](record) for pid, _, _ in PRINCIPLES))


# -- progress over games -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GameSummary:
    """What the plan file keeps of one game: its settings, outcome, share of the zone and every grade."""

    side: str
    difficulty: str
    seed: int | None
    scale: float
    outcome: str
    share: float | None
    zone_width: float  # the zone's width as a share of your reservation value
    grades: tuple[tuple[str, str], ...]
    rematch_of: int | None = None  # the number (1 = first) of the game this one repeats with fresh numbers

    def __post_init__(self) -> None:
        if self.side not in ("candidate", "employer"):
            raise ValueError(f"A practice game is played as the 'candidate' or the 'employer', not {self.side!r}.")
        if not isinstance(self.difficulty, str) or not isinstance(self.outcome, str):
            raise ValueError("A practice game's difficulty and outcome are text.")
        for name in ("seed", "rematch_of"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise ValueError(f"A practice game's {name.replace('_', ' ')} is a whole number, not {value!r}.")
        object.__setattr__(self, "scale", finite_number(self.scale, "a practice game's scale"))
        object.__setattr__(self, "zone_width", finite_number(self.zone_width, "a practice game's zone width"))
        if self.share is not None:
            share = finite_number(self.share, "a practice game's share of the zone")
            if not 0 <= share <= 1:
                raise ValueError(f"A share of the zone lies from 0 to 1, not {share!r}.")
            object.__setattr__(self, "share", share)
        if isinstance(self.grades, (str, bytes)) or not isinstance(self.grades, (tuple, list)):
            raise ValueError(f"A practice game's grades are a list of (principle, grade) pairs, not {self.grades!r}.")
        pairs = []
        for pair in self.grades:
            if not isinstance(pair, (tuple, list)) or len(pair) != 2 or pair[0] not in _NAMES or pair[1] not in GRADES:
                raise ValueError(f"A practice game's grade must pair a principle with one of {', '.join(GRADES)}; "
                                 f"{pair!r} does not.")
            pairs.append((pair[0], pair[1]))
        object.__setattr__(self, "grades", tuple(pairs))

    def grade(self, principle: str) -> str:
        return dict(self.grades).get(principle, NA)

    def as_dict(self) -> dict[str, Any]:
        return {"side": self.side, "difficulty": self.difficulty, "seed": self.seed, "scale": self.scale,
                "outcome": self.outcome, "share": self.share, "zone_width": self.zone_width,
                "grades": [list(pair) for pair in self.grades], "rematch_of": self.rematch_of}

    @classmethod
    def from_dict(cls, data: Any) -> GameSummary:
        if isinstance(data, GameSummary):
            return data
        if not isinstance(data, dict):
            raise ValueError(f"A practice game is saved as a set of named fields, not {data!r}.")
        names = ("side", "difficulty", "seed", "scale", "outcome", "share", "zone_width", "grades", "rematch_of")
        missing = [n for n in names if n not in data]
        unknown = sorted(set(data) - set(names))
        if missing or unknown:
            raise ValueError(f"A saved practice game {'lacks' if missing else 'has an unknown field'} "
                             f"{(missing or unknown)[0]!r}.")
        return cls(**data)


@dataclass(frozen=True)
class PracticeProgress:
    """Every game's grades and share of the zone, side by side."""

    games: tuple[GameSummary, ...]

    def points(self, principle: str) -> list[float]:
        """The principle's score in each game: 2 good, 1 could improve, 0 missed, nan not applicable."""
        return [_POINTS.get(g.grade(principle), math.nan) for g in self.games]

    @property
    def shares(self) -> list[float]:
        return [math.nan if g.share is None else g.share for g in self.games]

    def pairs(self) -> list[tuple[int, int]]:
        """(first game, its rematch) as 1-based numbers."""
        return [(g.rematch_of, i) for i, g in enumerate(self.games, 1) if g.rematch_of is not None]

    def changes(self, before: int, after: int) -> tuple[list[str], list[str]]:
        """Principles whose grade rose, and those whose grade fell, from game ``before`` to ``after``."""
        rose, fell = [], []
        for pid, name, _ in PRINCIPLES:
            a, b = self.points(pid)[before - 1], self.points(pid)[after - 1]
            if not (math.isnan(a) or math.isnan(b)):
                (rose if b > a else fell if b < a else []).append(name.lower())
        return rose, fell

    @property
    def headline(self) -> str:
        """A figure title: the latest rematch's share before and after, or the games so far."""
        n = len(self.games)
        if not n:
            return "No practice games yet"
        pairs = self.pairs()
        if pairs:
            before, after = pairs[-1]
            a, b = self.shares[before - 1], self.shares[after - 1]
            if not (math.isnan(a) or math.isnan(b)):
                verb = "rose" if b > a + 0.05 else "fell" if b < a - 0.05 else "held"
                return f"Your share of the zone {verb} in the rematch: {percent(a)} before, {percent(b)} after"
            return f"Game {after} replays game {before} with fresh numbers"
        return f"{n} practice game{'s' if n != 1 else ''}: each principle's grade and your share of the zone"

    def describe(self) -> str:
        """
        >>> practice_progress([]).describe()
        'No practice games yet.'
        """
        if not self.games:
            return "No practice games yet."
        n = len(self.games)
        shares = [f"{percent(s)} in game {i}" for i, s in enumerate(self.shares, 1) if not math.isnan(s)]
        text = f"{n} game{'s' if n != 1 else ''}"
        text += f"; your share of the zone: {', '.join(shares)}" if shares else "; no deal inside a zone yet"
        for before, after in self.pairs()[-1:]:
            rose, fell = self.changes(before, after)
            text += f". From game {before} to its rematch (game {after}): "
            text += (f"better on {', '.join(rose)}" if rose else "no principle better")
            text += f"; worse on {', '.join(fell)}" if fell else ""
        return text + "."


def practice_progress(games) -> PracticeProgress:
    """Progress over the games' summaries (oldest first)."""
    return PracticeProgress(tuple(GameSummary.from_dict(g) for g in games))


# -- the plan file ------------------------------------------------------------------------------------------

def save_practice(games, path: Path | str | None = None) -> Path:
    """Keep the games' summaries in the plan file (the latest :data:`~negwidgets.model.plan.MAX_LINES`), with
    the plan file's atomic save and its refusal to write over a damaged file; every other field stays."""
    from .plan import MAX_LINES
    from .plan_file import change_plan, default_plan_path

    target = Path(path) if path is not None else default_plan_path()
    games = tuple(GameSummary.from_dict(g) for g in games)
    dropped = max(0, len(games) - MAX_LINES)  # the oldest games go first; a rematch keeps its pair if it can
    kept = tuple(dataclasses.replace(g, rematch_of=None if g.rematch_of is None or g.rematch_of <= dropped
                                     else g.rematch_of - dropped) for g in games[dropped:])
    # Under the plan's lock: a calculator saving at the same moment keeps its change too.
    change_plan(lambda plan: plan.replace(practice_games=kept), target)
    return target


def load_practice(path: Path | str | None = None) -> tuple[GameSummary, ...]:
    """The games saved in the plan file (none when there is no plan file). A damaged file raises
    :class:`~negwidgets.model.plan_file.PlanFileError` with a sentence, and is left as it is."""
    from .plan_file import default_plan_path, load_plan

    target = Path(path) if path is not None else default_plan_path()
    if not target.exists():
        return ()
    return load_plan(target).practice_games
