"""Whether to make the first offer, and with what number: a small, explicit model.

Assumptions (each one a visible parameter, stated in lesson 05):

* You know your reservation value ``s``; the other side's, ``b``, you only believe in (a range or a
  best guess with a spread). A deal is possible only when ``b`` is on the far side of ``s``.
* Without any anchoring the deal would land mid-zone, at ``m = (s + b) / 2``.
* A first offer ``x`` pulls the deal towards itself with strength ``anchoring`` (0 to 1):
  ``deal = m + anchoring * (min(x, b) - m)``. An opening beyond their limit pulls no further than
  their limit: they cannot pay more than ``b`` however high you open. The course's strength is
  :func:`course_anchoring`, chosen so that simulated pairs reproduce the meta-analysis's correlation
  (lesson 05 says what that assumes).
* An opening beyond their limit risks the talk: they walk away with probability
  ``(x - b) / (tolerance * |b|)`` (capped at 1), :func:`walk_away_chance`. With ``tolerance = 0.15`` an
  opening 15% beyond their limit always ends the talk, one 7.5% beyond it half the time. The number is
  an assumption; lesson 05 shows how the advice moves when it changes.
* If you let them open, their opening tells you something: they usually open some share ``room`` below
  their limit (give or take ``room_spread``), so their number updates your belief about their limit
  (:func:`belief_after_their_opening`). You then answer in one of two ways. *Inside their frame*: their
  opening pulls the deal as yours would have. *Re-anchoring* with a reasoned number ``x`` of your own:
  the two anchors pull equally, ``deal = m + anchoring * ((min(x, b) + y) / 2 - m)``, because when the
  recipient of a first offer focused on the other side's limit or on their own target, the first mover's
  advantage disappeared (Galinsky & Mussweiler, 2001). Their anchor pulls no further than your limit.
  The value of going second is computed before you know their number: averaged over the limits you
  believe in and the openings each limit would give.

Everything is written for a side that wants more (a candidate); a side that pays is handled by
mirroring the numbers.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from .anchoring import calibrate_anchoring, check_anchoring
from .checks import finite_number
from .money import a_percent, money, percent
from .uncertainty import Belief, DiscreteBelief, NormalBelief, UniformBelief, check_belief
from .zone import Party

__all__ = [
    "AnswerToTheirOpening", "FirstOfferAnalysis", "SecondMove", "WALK_TOLERANCE", "answer_their_opening",
    "belief_after_their_opening", "best_counter", "who_should_open",
    "course_anchoring", "expected_outcome", "first_offer_analysis", "walk_away_chance",
]

#: How far beyond their limit an opening can go before it always ends the talk, as a share of the limit.
#: An assumption of the course (lesson 05 shows the advice under other values); the plan's checks and
#: the practice counterpart use the same number.
WALK_TOLERANCE = 0.15

#: How far below their limit the other side usually opens, as a share of it, give or take a spread
#: (the running example's employer opens at $60,000 against a limit of $80,000: 25% below).
THEIR_ROOM, THEIR_ROOM_SPREAD = 0.25, 0.05


@functools.cache
def course_anchoring() -> float:
    """The anchoring strength the course uses: the simulated match to r = 0.62, to two decimals.

    >>> course_anchoring()
    0.73
    """
    return round(calibrate_anchoring(), 2)


def walk_away_chance(overshoot, limit, tolerance: float = WALK_TOLERANCE):
    """The chance that an opening ``overshoot`` beyond their ``limit`` ends the talk (arrays welcome).

    >>> float(walk_away_chance(6_000, 80_000))
    0.5
    >>> float(walk_away_chance(-1_000, 80_000))
    0.0
    """
    reach = tolerance * np.maximum(np.abs(limit), 1.0)
    return np.minimum(np.maximum(overshoot, 0.0) / reach, 1.0)


def _check_tolerance(tolerance: float) -> float:
    walk = finite_number(tolerance, "the walk-away tolerance")
    if not 0 < walk <= 1:
        raise ValueError(f"The walk-away tolerance must lie above 0 and at most 1 (an opening twice their limit "
                         f"always ends the talk); {walk:g} is outside.")
    return walk


def _check_room(room: float, spread: float) -> tuple[float, float]:
    r = finite_number(room, "how far below their limit they open")
    sd = finite_number(spread, "the spread of how far below their limit they open")
    if not 0 <= r < 1:
        raise ValueError(f"How far below their limit they open is a share between 0 (at their limit) and 1; "
                         f"{r:g} is outside.")
    if not 0 < sd <= 0.5:
        raise ValueError(f"The spread of how far below their limit they open must lie above 0 and at most 0.5; "
                         f"{sd:g} is outside.")
    return r, sd


def _first_mover(s: float, b: np.ndarray, alpha: float, walk: float, x: np.ndarray):
    """For openings ``x`` (a column) and limits ``b`` (a row): the chance the talk goes on, and the deal."""
    midpoint = (s + b) / 2
    deal = midpoint + alpha * (np.minimum(x, b) - midpoint)
    stays = np.where(b >= s, 1.0 - walk_away_chance(x - b, b, walk), 0.0)
    return stays, deal


def _reanchored(s: float, b: np.ndarray, alpha: float, walk: float, x: np.ndarray, y: float):
    """As :func:`_first_mover`, for your reasoned counters ``x`` after their opening ``y``: the two anchors
    pull equally, and theirs pulls no further than your limit."""
    midpoint = (s + b) / 2
    theirs = np.clip(y, s, np.maximum(b, s))
    deal = midpoint + alpha * ((np.minimum(x, b) + theirs) / 2 - midpoint)
    stays = np.where(b >= s, 1.0 - walk_away_chance(x - b, b, walk), 0.0)
    return stays, deal


def _summaries(stays: np.ndarray, deal: np.ndarray, s: float, weights: np.ndarray):
    """Chance of a deal, expected gain over ``s`` (no deal counts 0), and the expected deal if any."""
    p_deal = stays @ weights
    surplus = np.maximum((stays * (deal - s)) @ weights, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        expected_deal = np.where(p_deal > 0, (stays * deal) @ weights / np.where(p_deal > 0, p_deal, 1.0), np.nan)
    return p_deal, surplus, expected_deal


def _first_mover_summaries(s: float, b: np.ndarray, alpha: float, walk: float, x: np.ndarray, weights: np.ndarray,
                           rows: int = 32):
    """``_summaries(*_first_mover(s, b, alpha, walk, x), s, weights)``, the same sums, for many openings ``x`` (a
    column): worked out in place, ``rows`` openings at a time, so that the arrays stay in the processor's cache
    and no new ones are made. The whole grids at once (401 openings by 801 limits: a dozen 2.5 MB temporaries)
    took 8-15 ms; this takes 1."""
    zone_weights = np.where(b >= s, weights, 0.0)   # no deal outside the zone: as _first_mover's zero chance
    reach = walk * np.maximum(np.abs(b), 1.0)
    midpoint = (s + b) / 2
    n = len(x)
    p_deal, gain, deal_sum = np.empty(n), np.empty(n), np.empty(n)
    shape = (min(rows, n), len(b))
    stays_block, deal_block, work_block = np.empty(shape), np.empty(shape), np.empty(shape)
    for start in range(0, n, rows):
        xs = x[start:start + rows]
        k = len(xs)
        stays, deal, work = stays_block[:k], deal_block[:k], work_block[:k]
        np.minimum(xs, b, out=deal)
        np.subtract(xs, deal, out=stays)           # the overshoot beyond their limit, max(x - b, 0)
        np.divide(stays, reach, out=stays)         # then walk_away_chance, then the chance the talk goes on
        np.minimum(stays, 1.0, out=stays)
        np.subtract(1.0, stays, out=stays)
        np.subtract(deal, midpoint, out=deal)      # the deal: midpoint + alpha * (min(x, b) - midpoint)
        np.multiply(alpha, deal, out=deal)
        np.add(midpoint, deal, out=deal)
        p_deal[start:start + k] = stays @ zone_weights
        np.subtract(deal, s, out=work)
        np.multiply(stays, work, out=work)
        gain[start:start + k] = work @ zone_weights
        np.multiply(stays, deal, out=work)
        deal_sum[start:start + k] = work @ zone_weights
    with np.errstate(invalid="ignore", divide="ignore"):
        expected_deal = np.where(p_deal > 0, deal_sum / np.where(p_deal > 0, p_deal, 1.0), np.nan)
    return p_deal, np.maximum(gain, 0.0), expected_deal


@dataclass(frozen=True)
class SecondMove:
    """What letting them open is worth, averaged over what they might open with."""

    reanchor: float  # expected gain if you answer their opening with your best reasoned counter
    in_frame: float  # expected gain if you answer inside their frame (their number pulls as yours would)
    room: float
    room_spread: float

    @property
    def best(self) -> float:
        return max(self.reanchor, self.in_frame)


@dataclass(frozen=True)
class FirstOfferAnalysis:
    """For each possible opening: the chance of impasse, the expected deal and the expected surplus."""

    you: Party
    belief: Belief
    anchoring: float
    tolerance: float
    openings: np.ndarray
    impasse: np.ndarray  # probability that no deal is reached, for each opening
    expected_deal: np.ndarray  # the expected agreement given that there is one (nan if never)
    expected_surplus: np.ndarray  # expected gain over your reservation value, counting impasse as 0
    best_opening: float  # the opening with the highest expected gain, found to the dollar
    best_surplus: float
    best_impasse: float
    best_deal: float  # the expected agreement at the best opening, if there is a deal
    second: SecondMove | None

    @property
    def second_surplus(self) -> float | None:
        """Expected gain if you let them open and answer as well as you can (``None`` if not asked)."""
        return None if self.second is None else self.second.best

    @property
    def value_of_going_first(self) -> float | None:
        """Expected gain from opening at the best number minus that from letting them open."""
        return None if self.second is None else self.best_surplus - self.second.best

    def describe(self) -> str:
        """
        >>> from negwidgets.model import running_example
        >>> candidate, _ = running_example()
        >>> first_offer_analysis(candidate, UniformBelief(74_000, 86_000), anchoring=0.5).describe()
        'Open at $80,255: expected gain $6,163 over your reservation value, with a 14% chance of no deal (if there is a deal, expect about $77,191).'
        """
        if self.best_surplus <= 0:
            return ("No opening gives you an expected gain: under this belief a deal is unlikely. Improve your "
                    "alternatives or your information first.")
        text = (f"Open at {money(self.best_opening)}: expected gain {money(self.best_surplus)} over your "
                f"reservation value, with {a_percent(self.best_impasse)} chance of no deal (if there is a deal, "
                f"expect about {money(self.best_deal)}).")
        if self.second is not None:
            gap = self.value_of_going_first
            how = ("answering their number with a reasoned number of your own" if self.second.reanchor >= self.second.in_frame
                   else "answering inside their frame")
            letting = f" Letting them open and {how} is worth {money(self.second.best)}"
            if abs(gap) < 0.5:
                text += letting + ": the same."
            elif gap > 0:
                text += letting + f": going first is better by {money(gap)}."
            else:
                text += letting + f": going second is better by {money(-gap)}."
        return text


def _mirror(you: Party, belief: Belief):
    """Your reservation value and the belief's limits and weights, all in the direction you want to move."""
    sign = 1.0 if you.wants == "more" else -1.0
    values, weights = belief.quadrature()
    return sign, sign * you.reservation, sign * values, weights


def expected_outcome(you: Party, belief: Belief, opening: float, anchoring: float | None = None, *,
                     tolerance: float = WALK_TOLERANCE) -> tuple[float, float]:
    """The chance of no deal and the expected gain over your reservation value if you open at ``opening``.

    >>> from negwidgets.model import running_example
    >>> candidate, _ = running_example()
    >>> impasse, gain = expected_outcome(candidate, NormalBelief(80_000, 6_000), 86_500, 0.73)
    >>> f"{impasse:.0%}"
    '53%'
    """
    check_belief(belief)
    alpha = course_anchoring() if anchoring is None else check_anchoring(anchoring)
    walk = _check_tolerance(tolerance)
    sign, s, b, weights = _mirror(you, belief)
    x = np.array([[sign * finite_number(opening, "your opening")]])
    stays, deal = _first_mover(s, b, alpha, walk, x)
    p_deal, surplus, _ = _summaries(stays, deal, s, weights)
    return float(1.0 - p_deal[0]), float(surplus[0])


def first_offer_analysis(
    you: Party,
    belief: Belief,
    anchoring: float | None = None,
    *,
    tolerance: float = WALK_TOLERANCE,
    their_room: float | None = None,
    their_room_spread: float = THEIR_ROOM_SPREAD,
    points: int = 241,
) -> FirstOfferAnalysis:
    """Evaluate every opening from your reservation value to beyond the top of your belief.

    ``anchoring`` defaults to the course's strength, :func:`course_anchoring`. Give ``their_room`` (how far
    below their limit they usually open, as a share of it) to also value letting them open.

    >>> from negwidgets.model import running_example
    >>> candidate, employer = running_example()
    >>> well_informed = first_offer_analysis(candidate, NormalBelief(80_000, 500), anchoring=0.5)
    >>> abs(well_informed.best_opening - 80_000) < 1_000
    True
    """
    check_belief(belief)
    alpha = course_anchoring() if anchoring is None else check_anchoring(anchoring)
    walk = _check_tolerance(tolerance)
    sign, s, b, weights = _mirror(you, belief)
    top = max(belief.top if sign > 0 else -belief.bottom, s)  # the far end of the belief, in your direction
    span = max(top - s, abs(s) * 0.05, 1.0)
    x = np.linspace(s, top + walk * max(abs(top), 1.0) + 0.05 * span, points)[:, None]  # openings, as a column
    p_deal, surplus, expected_deal = _first_mover_summaries(s, b, alpha, walk, x, weights)

    # The grid finds the peak's neighbourhood; a finer grid inside it finds the best opening to the dollar,
    # so the advice does not depend on how many points were drawn.
    i = int(np.argmax(surplus))
    fine = np.linspace(x[max(i - 1, 0), 0], x[min(i + 1, points - 1), 0], 401)[:, None]
    f_p, f_surplus, f_deal_if = _first_mover_summaries(s, b, alpha, walk, fine, weights)
    j = int(np.argmax(f_surplus))

    second = None
    if their_room is not None:
        second = _second_move(s, b, weights, alpha, walk, *_check_room(their_room, their_room_spread))

    return FirstOfferAnalysis(
        you=you, belief=belief, anchoring=alpha, tolerance=walk,
        openings=sign * x[:, 0], impasse=1.0 - p_deal, expected_deal=sign * expected_deal, expected_surplus=surplus,
        best_opening=float(sign * fine[j, 0]), best_surplus=float(f_surplus[j]), best_impasse=float(1.0 - f_p[j]),
        best_deal=float(sign * f_deal_if[j]), second=second,
    )


def _opening_likelihood(b: np.ndarray, y: np.ndarray, room: float, spread: float) -> np.ndarray:
    """How likely each limit ``b`` (rows) is to produce each opening ``y`` (columns), in your direction:
    they open a share ``r`` of their limit short of it, with ``r`` normal around ``room``."""
    scale = np.maximum(np.abs(b), 1.0)[:, None]
    r = (b[:, None] - y[None, :]) / scale
    return np.exp(-0.5 * ((r - room) / spread) ** 2) / scale


def _second_move(s, b, weights, alpha, walk, room, spread, openings: int = 161, counters: int = 161) -> SecondMove:
    scale = np.maximum(np.abs(b), 1.0)
    y = np.linspace((b - (room + 4 * spread) * scale).min(), (b - (room - 4 * spread) * scale).max(), openings)
    joint = weights[:, None] * _opening_likelihood(b, y, room, spread)
    joint /= joint.sum()
    p_y = joint.sum(axis=0)
    zone = b >= s
    midpoint = (s + b) / 2
    top = max(float(b.max()), s)
    x = np.linspace(s, top + walk * max(abs(top), 1.0), counters)[:, None]  # your counters
    # Every opening of theirs at once (columns k): the posterior over their limit given it, and their anchor,
    # which pulls no further than your limit. A counter's chance of going on does not depend on their opening,
    # and the deal is linear in their anchor, so each counter's expected gain under each opening is two
    # matrix-vector products (the same sums as answering each opening in turn with :func:`_reanchored`). One
    # product per opening rather than one matrix product: a matrix product this size runs on every core, and on
    # a busy machine waiting for them all took ten times as long.
    k = np.nonzero(p_y > 1e-12)[0]
    posterior = joint[:, k] / p_y[k]
    theirs = np.clip(y[k][None, :], s, np.maximum(b, s)[:, None])
    frame_gain = (np.where(zone[:, None], midpoint[:, None] + alpha * (theirs - midpoint[:, None]) - s, 0.0)
                  * posterior).sum(axis=0)
    stays = np.where(zone, 1.0 - walk_away_chance(x - b, b, walk), 0.0)
    own = (1.0 - alpha) * midpoint - s + alpha / 2 * np.minimum(x, b)   # the deal over s, less their anchor's pull
    own_gain, pull = stays * own, alpha / 2 * stays
    counter_gain = np.array([(own_gain @ p + pull @ q).max()
                             for p, q in zip(posterior.T.copy(), (theirs * posterior).T.copy())])
    reanchor = float(p_y[k] @ counter_gain)
    in_frame = float(p_y[k] @ frame_gain)
    return SecondMove(float(reanchor), float(in_frame), room, spread)


def belief_after_their_opening(you: Party, belief: Belief, their_opening: float, *, room: float = THEIR_ROOM,
                               room_spread: float = THEIR_ROOM_SPREAD) -> DiscreteBelief:
    """Your belief about their limit once they have opened at ``their_opening`` (Bayes' rule).

    >>> from negwidgets.model import running_example
    >>> candidate, _ = running_example()
    >>> after = belief_after_their_opening(candidate, UniformBelief(60_000, 100_000), 60_000)
    >>> round(after.mean, -3), round(after.spread, -2)
    (81000.0, 5400.0)
    """
    check_belief(belief)
    r, sd = _check_room(room, room_spread)
    sign, _s, b, weights = _mirror(you, belief)
    y = sign * finite_number(their_opening, "their opening")
    posterior = weights * _opening_likelihood(b, np.array([y]), r, sd)[:, 0]
    if not posterior.sum() > 0:
        raise ValueError(f"An opening of {money(their_opening)} is not one your belief about their limit could "
                         f"produce: widen the belief, or check how far from their limit they usually open.")
    values, posterior = sign * b, posterior / posterior.sum()
    order = np.argsort(values)
    return DiscreteBelief(tuple(values[order]), tuple(posterior[order]))


def best_counter(you: Party, belief: Belief, their_opening: float, anchoring: float | None = None, *,
                 tolerance: float = WALK_TOLERANCE, room: float = THEIR_ROOM,
                 room_spread: float = THEIR_ROOM_SPREAD) -> tuple[float, float, float]:
    """Once they have opened: your best reasoned counter, its chance of no deal and its expected gain,
    under the belief their opening leaves you with (see the module's assumptions).

    >>> from negwidgets.model import running_example
    >>> candidate, _ = running_example()
    >>> counter, impasse, gain = best_counter(candidate, NormalBelief(80_000, 6_000), 60_000, 0.73)
    >>> 78_000 < counter < 84_000
    True
    """
    alpha = course_anchoring() if anchoring is None else check_anchoring(anchoring)
    walk = _check_tolerance(tolerance)
    after = belief_after_their_opening(you, belief, their_opening, room=room, room_spread=room_spread)
    sign, s, b, weights = _mirror(you, after)
    y = sign * finite_number(their_opening, "their opening")
    top = max(float(b.max()), s)
    x = np.linspace(s, top + walk * max(abs(top), 1.0), 2_001)[:, None]
    p_deal, surplus, _ = _summaries(*_reanchored(s, b, alpha, walk, x, y), s, weights)
    i = int(np.argmax(surplus))
    return float(sign * x[i, 0]), float(1.0 - p_deal[i]), float(surplus[i])


@dataclass(frozen=True)
class AnswerToTheirOpening:
    """What their opening tells you, and your best reasoned answer to it."""

    their_opening: float
    before: Belief
    after: DiscreteBelief
    counter: float
    impasse: float
    gain: float

    def describe(self) -> str:
        """
        >>> from negwidgets.model import running_example, running_example_belief
        >>> print(answer_their_opening(running_example()[0], running_example_belief(), 60_000).describe())
        Before their opening of $60,000, their limit was about $80,000, give or take $6,000; after it, about $80,133, give or take $3,980. Your best answer: $80,400, said with its reason (a 15% chance of no deal).
        """
        return (f"Before their opening of {money(self.their_opening)}, their limit was {self.before.describe()}; "
                f"after it, {self.after.describe()}. Your best answer: {money(self.counter)}, said with its reason "
                f"({a_percent(self.impasse)} chance of no deal).")


def answer_their_opening(you: Party, belief: Belief, their_opening: float, anchoring: float | None = None, *,
                         tolerance: float = WALK_TOLERANCE, room: float = THEIR_ROOM,
                         room_spread: float = THEIR_ROOM_SPREAD, step: float = 100) -> AnswerToTheirOpening:
    """:func:`belief_after_their_opening` and :func:`best_counter` together, the counter rounded to ``step``."""
    after = belief_after_their_opening(you, belief, their_opening, room=room, room_spread=room_spread)
    counter, _impasse, _gain = best_counter(you, belief, their_opening, anchoring, tolerance=tolerance, room=room,
                                            room_spread=room_spread)
    said = round(counter / step) * step
    impasse, gain = _counter_outcome(you, after, their_opening, said, anchoring, tolerance)
    return AnswerToTheirOpening(float(their_opening), belief, after, float(said), impasse, gain)


def _counter_outcome(you, after, their_opening, counter, anchoring, tolerance) -> tuple[float, float]:
    alpha = course_anchoring() if anchoring is None else check_anchoring(anchoring)
    sign, s, b, weights = _mirror(you, after)
    x = np.array([[sign * counter]])
    stays, deal = _reanchored(s, b, alpha, _check_tolerance(tolerance), x, sign * their_opening)
    p_deal, surplus, _ = _summaries(stays, deal, s, weights)
    return float(1.0 - p_deal[0]), float(surplus[0])


def who_should_open(you: Party, beliefs: dict[str, Belief], rooms: tuple[float, ...] = (0.25, 0.05),
                    anchoring: float | None = None) -> str:
    """Go first or second, for each belief and each habit of theirs (how far below their limit they open).

    >>> from negwidgets.model import running_example
    >>> print(who_should_open(running_example()[0], {"no idea": UniformBelief(60_000, 100_000)}))
    no idea; they open 25% below their limit: go first (by $1,843 of expected gain)
    no idea; they open 5% below their limit: go second (by $1,198 of expected gain)
    """
    lines = []
    for name, belief in beliefs.items():
        for room in rooms:
            # A habit close to the limit is also a steadier one: their number then says more.
            analysis = first_offer_analysis(you, belief, anchoring, their_room=room,
                                            their_room_spread=THEIR_ROOM_SPREAD if room > 0.1 else 0.03)
            gap = analysis.value_of_going_first
            lines.append(f"{name}; they open {room:.0%} below their limit: {'go first' if gap > 0 else 'go second'} "
                         f"(by {money(abs(gap))} of expected gain)")
    return "\n".join(lines)
