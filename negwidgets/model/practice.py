"""The practice counterpart: the learner negotiates the running example against the computer.

The learner plays the candidate or the employer. The computer plays the other side with a reservation
value drawn from a stated range (and hidden until the debrief) and a tactic drawn from the difficulty
level; it plays by the bargaining engine's rules (:func:`negwidgets.model.engine.next_offer`, AC-next
acceptance, the deadline). Two reactions follow the research on first offers (lesson 05):

* **Anchoring.** The learner's first offer pulls the counterpart's starting point towards it, by the
  difficulty's ``pull`` times the distance (an opening beyond its limit pulls no further than the limit).
* **Walking away.** A first offer beyond its limit ends the talk with probability
  ``(overshoot) / (15% of the limit)``, capped at 1: the same rule as lesson 05's first-offer model.

A justification from lesson 06 attached to an offer moves a receptive counterpart a little more: a
defensible standard (strength 3 or more) that supports the number moves its starting point towards its
limit by ``receptiveness * (strength - 2)`` of its stretch, once per standard.

The counterpart's hidden limit is drawn from the belief the learner is told (lesson 05's "about $80,000,
give or take $6,000" for Ana), so lesson 05's model, given what the learner knows, recommends the same
opening as for Ana in every lesson: :func:`~negwidgets.model.opening.running_example_opening`.

Before the game the learner may state a walk-away point and a target (:meth:`PracticeGame.set_limits`);
after a deal, confirm the terms (:meth:`PracticeGame.confirm_terms`). :meth:`PracticeGame.record` hands
the whole game to the coach (:mod:`negwidgets.model.coaching`), and :meth:`PracticeGame.rematch` starts a
parallel game with fresh numbers.

A seed makes a game reproducible. Every move is checked first; a bad move raises ``ValueError`` with a
sentence and changes nothing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Literal

import numpy as np

from .cases import running_example, running_example_belief, running_example_criteria
from .checks import capitalised, parse_money
from .criteria import DEFENSIBLE, Criterion
from .engine import BOULWARE, CONCEDER, LINEAR, Dance, Tactic, next_offer
from .first_offer import WALK_TOLERANCE, walk_away_chance
from .money import a_percent, money, money_short, percent
from .uncertainty import NormalBelief
from .zone import BargainingZone, Party, bargaining_zone

__all__ = ["DIFFICULTIES", "REMATCH_SCALES", "ZONE_BAND", "Debrief", "Difficulty", "Move", "PracticeGame",
           "PracticeHistory", "their_belief"]

Side = Literal["candidate", "employer"]


@dataclass(frozen=True)
class Difficulty:
    """A level of the practice game: the counterpart's possible tactics and how it reacts."""

    name: str
    tactics: tuple[Tactic, ...]  # one is drawn at random for each game
    pull: float  # how far the learner's first offer pulls its starting point (share of the distance)
    receptiveness: float  # share of its stretch a justification moves it, per strength point above 2
    description: str


DIFFICULTIES = {
    "Friendly": Difficulty(
        "Friendly", (CONCEDER, Tactic("Steady conceder", beta=2.0)), pull=0.4, receptiveness=0.06,
        description="concedes early and listens to good reasons"),
    "Realistic": Difficulty(
        "Realistic", (LINEAR, Tactic("Matcher", beta=1.0, imitation="absolute", weight=0.5, noise=0.03)),
        pull=0.3, receptiveness=0.04,
        description="concedes steadily, or matches your concessions"),
    "Tough": Difficulty(
        "Tough", (BOULWARE, Tactic("Stonewaller", beta=0.1, imitation="relative", weight=0.5)), pull=0.2,
        receptiveness=0.02,
        description="holds firm until the deadline and moves only when you do"),
}

#: The counterpart's hidden reservation value is drawn from a belief stated to the learner, "about M, give or
#: take S" (a normal distribution cut at two spreads either side): the employer's budget when you play the
#: candidate (Ana's belief of lesson 05, from ``running_example.yaml``), the candidate's minimum when you
#: play the employer. At ``scale`` 1 the limits lie within these ranges.
_EMPLOYER_VIEW = (72_000.0, 6_000.0)  # what the employer believes of the candidate's minimum
TRUNCATION = 2.0  # spreads either side of the best guess
THEIR_LIMITS = {"candidate": (68_000, 92_000), "employer": (60_000, 84_000)}

#: A rematch plays the same game at another salary level: every amount times a factor drawn from this range.
REMATCH_SCALES = (0.85, 1.2)
#: ... and a zone as wide, as a share of your reservation value, as the first game's, give or take this much.
ZONE_BAND = 0.02


def their_belief(side: Side, scale: float = 1.0) -> NormalBelief:
    """What the learner is told of the counterpart's limit.

    >>> their_belief("candidate").describe()
    'about $80,000, give or take $6,000'
    """
    if side == "candidate":
        base = running_example_belief()
        mean, spread = base.mean, base.spread
    else:
        mean, spread = _EMPLOYER_VIEW
    return NormalBelief(round(mean * scale, -2), round(spread * scale, -2))


@dataclass(frozen=True)
class Move:
    """One line of the game: an offer, an acceptance, a walk-away or a remark."""

    who: Literal["you", "them"]
    kind: Literal["offer", "accept", "walk", "remark"]
    text: str
    amount: float | None = None
    round: int | None = None  # the game round (1 = the first), for offers
    reason: str | None = None  # the standard given with an offer (its name), if any
    strength: int | None = None  # that standard's strength, 1-5


@dataclass(frozen=True)
class Debrief:
    """What happened, with everything that was hidden during the game."""

    side: Side
    difficulty: str
    outcome: Literal["deal", "you walked away", "they walked away", "deadline"]
    price: float | None
    you: Party
    them: Party
    tactic: Tactic
    starting_point: float  # the counterpart's aspiration after your opening and justifications
    deadline: int
    your_offers: tuple[tuple[int, float], ...]  # (engine round, amount); two engine rounds per game round
    their_offers: tuple[tuple[int, float], ...]
    effects: tuple[str, ...]

    @property
    def zone(self) -> BargainingZone | None:
        seller, buyer = (self.you, self.them) if self.side == "candidate" else (self.them, self.you)
        return bargaining_zone(seller.reservation, buyer.reservation)

    @property
    def gain(self) -> float:
        """Your gain over your reservation value (0 without a deal: you take your BATNA)."""
        if self.price is None:
            return 0.0
        return self.price - self.you.reservation if self.side == "candidate" else self.you.reservation - self.price

    @property
    def share(self) -> float | None:
        """Your share of the surplus, when there was a zone and a deal."""
        zone = self.zone
        if self.price is None or zone is None or zone.surplus == 0:
            return None
        return self.gain / zone.surplus

    def dance(self) -> Dance:
        zone = self.zone
        if self.price is not None and self.share is None:
            headline = f"Deal at {money_short(self.price)}, where both limits meet"
        elif self.price is not None:
            headline = f"Deal at {money_short(self.price)}: you took {percent(self.share)} of the zone"
        elif zone is None:
            headline = "No zone: no deal could beat your BATNA"
        else:
            headline = f"No deal: a zone of {money_short(zone.low)}-{money_short(zone.high)} went unused"
        names = (f"You ({self.you.name.lower()})", f"Them ({self.them.name.lower()})")
        return Dance(names, (self.your_offers, self.their_offers), zone, self.price, 2 * self.deadline, headline)

    def describe(self) -> str:
        """The debrief in plain words: the outcome, the zone, their values and tactic, your share."""
        them = self.them.name.lower()
        zone = self.zone
        if self.outcome == "deal":
            outcome = f"Deal at {money(self.price)}: {money(self.gain)} better than your reservation value."
        else:
            outcome = {"you walked away": "You walked away to your BATNA.",
                       "they walked away": f"The {them} walked away after your first offer.",
                       "deadline": "The deadline passed without a deal: both sides take their BATNAs."}[self.outcome]
        if zone is None:
            side = "below" if self.side == "candidate" else "above"
            verdict = (f" There was no zone: the {them}'s limit ({money(self.them.reservation)}) was {side} your "
                       f"reservation value ({money(self.you.reservation)}), so no deal could beat your BATNA.")
        elif self.price is not None and zone.surplus == 0:
            verdict = (f" Both limits were {money(zone.low)}: the zone was a single point, with nothing to divide, "
                       "and the deal is as good as your BATNA.")
        elif self.share is not None:
            verdict = (f" The zone ran from {money(zone.low)} to {money(zone.high)}; you took "
                       f"{percent(self.share)} of its {money(zone.surplus)}.")
        else:
            verdict = (f" The zone ran from {money(zone.low)} to {money(zone.high)}: a deal up to "
                       f"{money(zone.surplus)} better than your BATNA was possible.")
        if zone is not None:
            verdict += f" The {them}'s limit was {money(self.them.reservation)}."
        tactic = f" Its tactic: {self.tactic.describe()}."
        return outcome + verdict + tactic + "".join(f" {e}" for e in self.effects)


class PracticeGame:
    """One negotiation of the running example against a computer counterpart.

    >>> game = PracticeGame("candidate", "Realistic", seed=0)
    >>> game.offer("$78,000").text
    'I could do $65,673.'
    >>> game.finished, game.round
    (False, 2)
    """

    def __init__(self, side: Side = "candidate", difficulty: str = "Realistic", *, you_open: bool = True,
                 deadline: int = 6, seed: int | None = None, scale: float = 1.0, their_limit: float | None = None,
                 tactic: Tactic | None = None) -> None:
        if side not in THEIR_LIMITS:
            raise ValueError(f"Play the 'candidate' or the 'employer', not {side!r}.")
        if difficulty not in DIFFICULTIES:
            raise ValueError(f"The difficulty is one of {', '.join(DIFFICULTIES)}, not {difficulty!r}.")
        if isinstance(deadline, bool) or not isinstance(deadline, int) or not 2 <= deadline <= 20:
            raise ValueError(f"The deadline is a whole number of rounds from 2 to 20, not {deadline!r}.")
        if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not 0.5 <= scale <= 2:
            raise ValueError(f"The scale of a game's amounts lies from 0.5 to 2, not {scale!r}.")
        self.side: Side = side
        self.level = DIFFICULTIES[difficulty]
        self.deadline = deadline
        self.you_open = bool(you_open)
        self.seed = seed
        self.scale = float(scale)
        rng = np.random.default_rng(seed)

        def scaled(amount: float) -> float:
            return float(round(amount * self.scale, -2))

        candidate, employer = running_example()
        you, base = (candidate, employer) if side == "candidate" else (employer, candidate)
        self.you = Party(you.name, scaled(you.reservation), scaled(you.aspiration), you.wants)
        self.belief = their_belief(side, self.scale)
        cut = NormalDist().cdf(TRUNCATION)
        drawn = self.belief.mean + self.belief.spread * NormalDist().inv_cdf(float(rng.uniform(1 - cut, cut)))
        limit = float(round(drawn, -2)) if their_limit is None else float(parse_money(their_limit, "their limit"))
        self.them = Party(base.name, limit, scaled(base.aspiration), base.wants)
        drawn_tactic = self.level.tactics[int(rng.integers(len(self.level.tactics)))]
        self.tactic = drawn_tactic if tactic is None else tactic
        self._draws = rng.uniform(-1.0, 1.0, 2 * deadline)  # the tactic's random part, one per engine round
        self._walk_draw = float(rng.random())
        self.criteria = [dataclasses.replace(c, value=scaled(c.value)) for c in running_example_criteria(side)]
        self.walk_away_point: float | None = None  # stated before the game (set_limits), or None
        self.target: float | None = None
        self.confirmed = False  # the terms of a deal restated and put in writing (confirm_terms)
        self.starting_point = self.them.aspiration  # moved by your opening and your justifications
        self.effects: list[str] = []
        self._used: set[str] = set()
        self.moves: list[Move] = []
        self.your_offers: list[tuple[int, float]] = []
        self.their_offers: list[tuple[int, float]] = []
        self.outcome: str | None = None
        self.price: float | None = None
        self._round = 0  # the engine round of the next offer: two per game round
        if not self.you_open:
            self._counter(opening=True)

    # --- what the learner sees ----------------------------------------------------------------------

    @property
    def up(self) -> int:
        """+1 when you want more (the candidate), -1 when you want less (the employer)."""
        return 1 if self.you.wants == "more" else -1

    @property
    def rounds(self) -> int:
        """Engine rounds: one offer each per game round."""
        return 2 * self.deadline

    @property
    def round(self) -> int:
        """The game round now under way (1 to the deadline)."""
        return min(self._round // 2 + 1, self.deadline)

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def at_deadline(self) -> bool:
        """Their final offer is on the table: you can only accept it or walk away."""
        return not self.finished and self._round >= self.rounds

    @property
    def standing_offer(self) -> float | None:
        """Their offer on the table, which you may accept."""
        if self.finished or not self.their_offers or self._round != self.their_offers[-1][0] + 1:
            return None
        return self.their_offers[-1][1]

    @property
    def status(self) -> str:
        """One line for the learner: where the game stands."""
        if self.outcome == "deal":
            return f"Deal at {money(self.price)}."
        if self.finished:
            return {"you walked away": "You walked away to your BATNA.",
                    "they walked away": f"The {self.them.name.lower()} walked away.",
                    "deadline": "The deadline passed without a deal."}[self.outcome]
        if self.at_deadline:
            return f"Deadline: their final offer is {money(self.standing_offer)}. Accept it or walk away."
        text = f"Round {self.round} of {self.deadline}."
        if self.standing_offer is not None:
            text += f" Their offer on the table: {money(self.standing_offer)}."
        return text

    @property
    def limit_range(self) -> tuple[float, float]:
        """Where the counterpart's limit can lie: two spreads either side of the best guess."""
        b = self.belief
        return b.mean - TRUNCATION * b.spread, b.mean + TRUNCATION * b.spread

    def brief(self) -> str:
        """What the learner knows before the game: their own values, the counterpart's range, the deadline."""
        low, high = self.limit_range
        them = self.them.name.lower()
        limit = "budget for the role" if self.side == "candidate" else "lowest acceptable salary"
        batna = "a competing offer" if self.side == "candidate" else "another candidate"
        return (f"You are the {self.you.name.lower()}. Your BATNA is {batna} worth {money(self.you.reservation)}, so "
                f"your reservation value is {money(self.you.reservation)}; the aspiration the survey supports is "
                f"{money(self.you.aspiration)}. The {them}'s {limit} is hidden: {self.belief.describe()} (never "
                f"below {money(low)} or above {money(high)}). The {them} is {self.level.name.lower()}: it "
                f"{self.level.description}. Deadline: {self.deadline} rounds; "
                f"{'you open' if self.you_open else 'they open'}.")

    def set_limits(self, walk_away=None, target=None) -> None:
        """State your walk-away point and your target before your first move (typed like an offer). Skipping
        this step is allowed; the coach scores it."""
        if self.your_offers or any(m.who == "you" for m in self.moves):
            raise ValueError("Set your walk-away point and target before your first move; the game is under way.")
        self._check_open()
        walk = None if walk_away in (None, "") else parse_money(walk_away, "your walk-away point")
        aim = None if target in (None, "") else parse_money(target, "your target")
        if walk is None and aim is None:
            raise ValueError("Type a walk-away point and a target, or skip this step.")
        floor = self.you.reservation
        worse, better = ("below", "above") if self.up > 0 else ("above", "below")
        if walk is not None and self.up * (walk - floor) < 0:
            raise ValueError(f"A walk-away point of {money(walk)} is {worse} your BATNA's {money(floor)}: a deal there "
                             f"is worse than your alternative. Set it at {money(floor)} or {better}.")
        if aim is not None and self.up * (aim - (floor if walk is None else walk)) <= 0:
            what = "your BATNA" if walk is None else "your walk-away point"
            raise ValueError(f"Your target ({money(aim)}) must be {better} {what} ({money(floor if walk is None else walk)}): "
                             "it is the ambitious deal you aim for.")
        self.walk_away_point, self.target = walk, aim

    def confirm_terms(self) -> Move:
        """After a deal: restate the terms and ask for them in writing (lesson 12's explicit close)."""
        if self.outcome != "deal":
            raise ValueError("There is no deal to confirm: terms are confirmed once both sides have agreed.")
        if self.confirmed:
            raise ValueError("You have already confirmed the terms; the game is over.")
        writer = "you send the written offer" if self.side == "candidate" else "I send the written offer"
        self.moves.append(Move("you", "remark", f"To confirm what we agreed: a salary of {money(self.price)}. Could "
                               f"{writer} today? I'll reply the same day."))
        self.confirmed = True
        return self._say("remark", f"Yes: {money(self.price)}, as agreed. It will be in writing today.")

    def rematch(self, seed: int | None = None) -> PracticeGame:
        """The same game with fresh numbers: the same side, counterpart, tactic, deadline and who opens, at
        another salary level (every amount times a factor from :data:`REMATCH_SCALES`), with a new limit for
        the counterpart whose zone is as wide, as a share of your reservation value, as this game's, give or
        take :data:`ZONE_BAND`.

        >>> first = PracticeGame("candidate", "Realistic", seed=2)
        >>> again = first.rematch(seed=102)
        >>> again.tactic == first.tactic, abs(again.zone_width - first.zone_width) <= ZONE_BAND
        (True, True)
        """
        rng = np.random.default_rng(seed)
        scale = round(float(rng.uniform(*REMATCH_SCALES)), 2)
        reservation = round(self.you.reservation / self.scale * scale, -2)
        width = self.zone_width + float(rng.uniform(-ZONE_BAND, ZONE_BAND))
        limit = round(reservation * (1 + self.up * width), -2)
        # Their limit never passes their own opening aim (a side cannot aim below what it would accept). The first
        # game's limit was on the right side of it, so stopping there keeps the zone within the band.
        their_aim = round(self.them.aspiration / self.scale * scale, -2)
        if self.up * (limit - their_aim) < 0:
            limit = their_aim
        return PracticeGame(self.side, self.level.name, you_open=self.you_open, deadline=self.deadline, seed=seed,
                            scale=scale, their_limit=limit, tactic=self.tactic)

    @property
    def zone_width(self) -> float:
        """The zone's width as a share of your reservation value (negative: how far apart the limits are)."""
        return self.up * (self.them.reservation - self.you.reservation) / self.you.reservation

    def record(self):
        """The game so far as the coach reads it (:class:`~negwidgets.model.coaching.GameRecord`)."""
        from .coaching import GameRecord

        return GameRecord(
            side=self.side, difficulty=self.level.name, wants=self.you.wants, reservation=self.you.reservation,
            aspiration=self.you.aspiration, walk_away=self.walk_away_point, target=self.target,
            their_limit=self.them.reservation, belief=self.belief, criteria=tuple(self.criteria),
            you_open=self.you_open, moves=tuple(self.moves), outcome=self.outcome, price=self.price,
            confirmed=self.confirmed, seed=self.seed, scale=self.scale, deadline=self.deadline)

    # --- the learner's moves ------------------------------------------------------------------------

    def offer(self, amount, justification: str | Criterion | None = None) -> Move:
        """Make an offer (typed as ``"$74,000"``, ``"74k"`` or a number), optionally with a justification
        (the name of one of :attr:`criteria`); return the counterpart's answer."""
        self._check_open()
        if self.at_deadline:
            raise ValueError("That was their final offer at the deadline: accept it or walk away to your BATNA.")
        value = parse_money(amount, "your offer")
        if value <= 0:
            raise ValueError(f"An offer is an amount above zero, not {money(value)}.")
        if self.up * (value - self.you.reservation) < 0:
            worse = "below" if self.up > 0 else "above"
            raise ValueError(f"{money(value)} is {worse} your reservation value of {money(self.you.reservation)}: a "
                             "deal there is worse than your BATNA. Offer at least that, or walk away.")
        if self.your_offers and self.up * (value - self.your_offers[-1][1]) > 0:
            previous = money(self.your_offers[-1][1])
            raise ValueError(f"You offered {previous} last time: asking for {'more' if self.up > 0 else 'less'} now "
                             f"goes back on your word and costs trust. Offer {previous} or a step towards them.")
        standing = self.standing_offer
        if standing is not None and self.up * (standing - value) >= 0:
            raise ValueError(f"They already offer {money(standing)}, at least as good for you as {money(value)}: "
                             "accept their offer instead.")
        criterion = self._criterion(justification)

        # Every check passed: from here on the game changes.
        first = not self.your_offers
        text = f"{money(value)}" + (f", because {criterion.because}." if criterion else ".")
        self.moves.append(Move("you", "offer", text, value, self.round, criterion.name if criterion else None,
                               criterion.strength if criterion else None))
        self.your_offers.append((self._round, value))
        self._round += 1
        remarks = []
        if first:
            remarks += self._react_to_opening(value)
            if self.finished:
                return self.moves[-1]
        if criterion is not None:
            remarks.append(self._react_to_reason(criterion, value))
        return self._respond(value, remarks)

    def accept(self) -> Move:
        """Accept their offer on the table."""
        self._check_open()
        standing = self.standing_offer
        if standing is None:
            raise ValueError("There is no offer of theirs on the table yet: make an offer, or wait for theirs.")
        if self.up * (standing - self.you.reservation) < 0:
            raise ValueError(f"Their offer of {money(standing)} is worse than your reservation value of "
                             f"{money(self.you.reservation)}: accepting it leaves you worse off than your BATNA. "
                             "Make an offer, or walk away.")
        if self.your_offers and self._round + 1 < self.rounds:  # they would have had another turn
            # What holding firm one more round would have brought: their next offer, had you repeated yours.
            held = self.your_offers[-1][1]
            following = self._their_next(self._round + 1, [a for _, a in self.your_offers] + [held])
            rounds_left = self.deadline - self.round + 1
            self.effects.append(f"You accepted with {rounds_left} round{'s' if rounds_left != 1 else ''} left: had you "
                                f"held at {money(held)} one more round, their next offer would have been about "
                                f"{money(following)}.")
        self.moves.append(Move("you", "accept", f"I accept {money(standing)}.", standing))
        self._end("deal", standing)
        return self._say("accept", f"Great, we have a deal at {money(standing)}. Let's put it in writing.", standing)

    def walk_away(self) -> Move:
        """Leave the negotiation and take your BATNA."""
        self._check_open()
        self.moves.append(Move("you", "walk", "I'm going to take my other option. Thank you for your time."))
        self._end("you walked away")
        return self._say("remark", "We understand. Thank you for your time, and good luck.")

    def debrief(self) -> Debrief:
        """Everything that was hidden, once the game has ended."""
        if not self.finished:
            raise ValueError("The debrief opens when the game ends: reach a deal, walk away, or play to the deadline.")
        return Debrief(self.side, self.level.name, self.outcome, self.price, self.you, self.them, self.tactic,
                       self.starting_point, self.deadline, tuple(self.your_offers), tuple(self.their_offers),
                       tuple(self.effects))

    # --- the counterpart ----------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self.outcome == "you walked away":
            raise ValueError("You have already walked away: the game is over. Start a new game to play again.")
        if self.finished:
            raise ValueError("The game is over: start a new game to play again.")

    def _criterion(self, justification) -> Criterion | None:
        if justification is None or justification == "":
            return None
        if isinstance(justification, Criterion):
            return justification
        for criterion in self.criteria:
            if criterion.name == justification:
                return criterion
        raise ValueError(f"There is no standard called {justification!r}: pick one from the list, or none.")

    def _react_to_opening(self, value: float) -> list[str]:
        limit, aspiration = self.them.reservation, self.them.aspiration
        overshoot = self.up * (value - limit)
        if overshoot > 0:
            chance = float(walk_away_chance(overshoot, limit))  # lesson 05's rule, the same function
            self.effects.append(f"Your first offer was {money(overshoot)} beyond their limit: {a_percent(chance)} "
                                "chance that they would walk away.")
            if self._walk_draw < chance:
                self._end("they walked away")
                other_way = "we'll look for another candidate" if self.side == "candidate" else "I'll take my other option"
                self._say("walk", f"That is far beyond anything I can do. I don't think we can bridge this gap; {other_way}.")
                return []
        reach = value if overshoot <= 0 else limit  # beyond their limit it pulls no further than the limit
        if self.up * (reach - aspiration) > 0:
            moved = self.level.pull * (reach - aspiration)
            self.starting_point = aspiration + moved
            self.effects.append(f"Your first offer pulled their starting point from {money(aspiration)} to "
                                f"{money(self.starting_point)}.")
        return ["That is well beyond what I expected." if overshoot > 0 else ""]

    def _react_to_reason(self, criterion: Criterion, value: float) -> str:
        if criterion.name in self._used:
            return "You mentioned that already."
        self._used.add(criterion.name)
        if criterion.strength < DEFENSIBLE:
            return "I hear you, but that is not a standard I can work with."
        if self.up * (criterion.value - value) < -0.02 * value:
            return f"That standard points to {money(criterion.value)}, not to your number."
        share = self.level.receptiveness * (criterion.strength - 2)
        moved = share * (self.them.reservation - self.starting_point)
        if self.up * moved > 0:  # nothing left to move once they start at their limit
            self.starting_point += moved
            self.effects.append(f"Your reason ({criterion.name.lower()}) moved them a further {money(abs(moved))}.")
        return f"That is a fair point about the {criterion.name.lower()}."

    def _their_next(self, engine_round: int, yours: list[float] | None = None) -> float:
        """Their offer in ``engine_round`` given your offers so far (or ``yours``, to ask "what if")."""
        t = engine_round / (self.rounds - 1)
        own = [amount for _, amount in self.their_offers]
        yours = [amount for _, amount in self.your_offers] if yours is None else yours
        return next_offer(self.tactic, t, self.them.reservation, self.starting_point, own, yours,
                          self._draws[engine_round])

    def _respond(self, value: float, remarks: list[str]) -> Move:
        """AC-next: accept an offer at least as good as their next one and within their limit; else counter."""
        limit = self.them.reservation
        within = self.up * (limit - value) >= 0  # at most their limit, for them
        prefix = " ".join(r for r in remarks if r)
        if self._round >= self.rounds:  # your offer was the last one before the deadline
            if within:
                return self._agree(value, prefix)
            self._end("deadline")
            return self._say("remark", _join(prefix, f"I can't do {money(value)}, and we are out of time. "
                                                     "This is where we part."))
        following = self._their_next(self._round)
        if within and self.up * (following - value) >= 0:
            return self._agree(value, prefix)
        return self._counter(prefix=prefix, amount=following)

    def _agree(self, value: float, prefix: str) -> Move:
        self._end("deal", value)
        return self._say("accept", _join(prefix, f"Agreed: {money(value)}. Let's put it in writing."), value)

    def _counter(self, *, opening: bool = False, prefix: str = "", amount: float | None = None) -> Move:
        amount = self._their_next(self._round) if amount is None else amount
        previous = self.their_offers[-1][1] if self.their_offers else None
        final = self._round == self.rounds - 1
        if opening:
            text = (f"For this role we had {money(amount)} in mind." if self.side == "candidate"
                    else f"For this role I'm looking for {money(amount)}.")
        elif final:
            text = f"This is my final offer, at the deadline: {money(amount)}."
        elif previous is None:
            text = f"I could do {money(amount)}."
        elif abs(amount - previous) < 1:
            text = f"I'm holding at {money(amount)}."
        elif abs(amount - previous) < 0.05 * self.them.stretch:
            text = f"I can move a little, to {money(amount)}."
        else:
            text = f"I can go to {money(amount)}."
        self.their_offers.append((self._round, amount))
        move = self._say("offer", _join(prefix, text), amount, self.round)
        self._round += 1
        return move

    def _say(self, kind: str, text: str, amount: float | None = None, round_: int | None = None) -> Move:
        move = Move("them", kind, text, amount, round_)
        self.moves.append(move)
        return move

    def _end(self, outcome: str, price: float | None = None) -> None:
        self.outcome = outcome
        self.price = price


def _join(prefix: str, text: str) -> str:
    return f"{prefix} {text}" if prefix else capitalised(text)


@dataclass
class PracticeHistory:
    """Several games in a row: the learner's results, to see them improve (or not).

    ``debriefs`` are this session's games; ``summaries`` every game's coached summary
    (:class:`~negwidgets.model.coaching.GameSummary`), those saved in the plan file first, for the progress
    figure. ``loaded`` says whether the saved ones were read.
    """

    debriefs: list[Debrief] = field(default_factory=list)
    summaries: list = field(default_factory=list)
    loaded: bool = False

    def add(self, debrief: Debrief, summary=None) -> int | None:
        """Record a finished game; return the number (1 = the first) of its summary, if one is given."""
        self.debriefs.append(debrief)
        if summary is None:
            return None
        self.summaries.append(summary)
        return len(self.summaries)

    def progress(self):
        """Every summarised game's grades and share of the zone (:func:`~negwidgets.model.coaching.practice_progress`)."""
        from .coaching import practice_progress

        return practice_progress(self.summaries)

    def __len__(self) -> int:
        return len(self.debriefs)

    @property
    def gains(self) -> np.ndarray:
        return np.array([d.gain for d in self.debriefs], dtype=float)

    @property
    def shares(self) -> np.ndarray:
        """Your share of the surplus in each game (nan where there was no deal or no zone)."""
        return np.array([np.nan if d.share is None else d.share for d in self.debriefs], dtype=float)

    @property
    def headline(self) -> str:
        """A figure title: how your share of the zone moved over the games."""
        shares = [s for s in self.shares if not np.isnan(s)]
        if not shares:
            return f"{len(self)} game{'s' if len(self) != 1 else ''}, no deal in a zone yet"
        if len(shares) == 1:
            return f"Your share of the zone: {percent(shares[0])}"
        verb = "rose" if shares[-1] > shares[0] + 0.05 else "fell" if shares[-1] < shares[0] - 0.05 else "held"
        return f"Your share of the zone {verb}: {percent(shares[0])} first, {percent(shares[-1])} last"

    def describe(self) -> str:
        """
        >>> PracticeHistory().describe()
        'No games finished yet.'
        """
        if not self.debriefs:
            return "No games finished yet."
        n = len(self.debriefs)
        deals = sum(d.outcome == "deal" for d in self.debriefs)
        right_walks = sum(d.outcome != "deal" and d.zone is None for d in self.debriefs)
        text = f"{n} game{'s' if n != 1 else ''}: {deals} deal{'s' if deals != 1 else ''}"
        if right_walks:
            text += f", {right_walks} rightly without a deal (no zone)"
        shares = [s for s in self.shares if not np.isnan(s)]
        if shares:
            text += f"; your share of the surplus: {', '.join(percent(s) for s in shares)}"
            if len(shares) >= 2:
                trend = shares[-1] - shares[0]
                text += (" (rising)" if trend > 0.05 else " (falling)" if trend < -0.05 else " (steady)")
        return text + "."
