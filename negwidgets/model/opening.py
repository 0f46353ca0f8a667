"""Your opening: your target plus room to concede, bounded by the risk of no deal and by what you can justify.

The course's one vocabulary (lessons 03, 05, 06 and 12):

* your **reservation value** is the worst deal you would accept (lesson 02);
* your **target** (the textbooks' aspiration value) is the best outcome you can justify: ambitious, with a
  reason you can say aloud (lesson 03);
* your **opening** is the first number you name. Deals land between the openings, so it sits above your
  target by some room to concede, unless the risk of no deal bounds it lower: lesson 05's model gives the
  opening with the highest expected gain under your belief about their limit, and an opening beyond it
  trades more risk of no deal for less. Nor should it pass the strongest standard you can defend
  (lesson 06): an opening you cannot justify is the kind that angers.

:func:`advise_opening` applies the rule; :func:`running_example_opening` is the one call every lesson, check,
plan example and test uses for Ana.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .checks import finite_number
from .first_offer import WALK_TOLERANCE, course_anchoring, expected_outcome, first_offer_analysis
from .money import a_percent, money, percent
from .uncertainty import Belief, NormalBelief, check_belief
from .zone import Party

__all__ = ["ROUGH_SPREAD", "OpeningAdvice", "advise_opening", "opening_sensitivity", "rough_belief", "running_example_opening"]

#: "A rough idea" of their limit: give or take 7.5% of your best guess ($6,000 on $80,000, lesson 05).
ROUGH_SPREAD = 0.075


def rough_belief(their_limit: float, spread: float | None = None) -> NormalBelief:
    """Your best guess of their limit with its spread; "a rough idea" (7.5% of it) when no spread is given.

    >>> rough_belief(80_000).describe()
    'about $80,000, give or take $6,000'
    """
    guess = finite_number(their_limit, "their likely limit")
    if spread is None:
        spread = ROUGH_SPREAD * max(abs(guess), 1.0)
    return NormalBelief(guess, finite_number(spread, "how sure you are of their limit (give or take)"))


@dataclass(frozen=True)
class OpeningAdvice:
    """The recommended opening and the numbers behind it."""

    wants: str
    reservation: float
    target: float
    belief: Belief
    anchoring: float
    tolerance: float
    best: float  # lesson 05's best opening: the highest expected gain under the belief
    best_impasse: float
    best_gain: float
    ceiling: float | None  # the strongest standard you can defend (lesson 06), if given
    opening: float  # the recommendation, rounded to a number you can say
    impasse: float  # chance of no deal at the recommended opening
    gain: float  # expected gain over your reservation value at the recommended opening
    target_impasse: float  # chance of no deal if you opened at your target
    target_reachable: float  # chance that their limit reaches your target

    @property
    def room(self) -> float:
        """How far the opening reaches beyond the target (negative: the target is beyond the opening)."""
        return (self.opening - self.target) * (1 if self.wants == "more" else -1)

    @property
    def bound(self) -> str:
        """What sets the opening: ``"risk"`` (lesson 05's best) or ``"justification"`` (your strongest standard)."""
        up = 1 if self.wants == "more" else -1
        return "justification" if self.ceiling is not None and up * (self.ceiling - self.best) < 0 else "risk"

    def describe(self) -> str:
        """
        >>> print(running_example_opening().describe())  # doctest: +NORMALIZE_WHITESPACE
        Open at $81,600: a 28% chance of no deal and an expected gain of $6,554 over your reservation value.
        Your target, $85,000, lies beyond what the risk of no deal allows: opening there would end the talk
        45% of the time, and there is a 20% chance that their limit reaches it. Keep it as the outcome you
        aim for and test your estimate of their limit early; open at $81,600.
        """
        text = (f"Open at {money(self.opening)}: {a_percent(self.impasse)} chance of no deal and an expected gain "
                f"of {money(self.gain)} over your reservation value.")
        if self.room >= 0:
            text += (f" That is your target, {money(self.target)}, plus {money(self.room)} of room to concede"
                     + (", and your strongest standard supports it." if self.bound == "justification" else "."))
        else:
            text += (f" Your target, {money(self.target)}, lies beyond what the risk of no deal allows: opening "
                     f"there would end the talk {percent(self.target_impasse)} of the time, and there is "
                     f"{a_percent(self.target_reachable)} chance that their limit reaches it. Keep it as the outcome "
                     f"you aim for and test your estimate of their limit early; open at {money(self.opening)}.")
        return text


def advise_opening(you: Party, target: float, belief: Belief, *, ceiling: float | None = None,
                   anchoring: float | None = None, tolerance: float = WALK_TOLERANCE, step: float = 100) -> OpeningAdvice:
    """The course's rule for an opening (see the module): lesson 05's best opening, no further than your
    strongest defensible standard, rounded to the nearest ``step``.

    >>> from negwidgets.model import running_example
    >>> candidate, _ = running_example()
    >>> advise_opening(candidate, 75_000, rough_belief(80_000)).opening
    81600.0
    """
    check_belief(belief)
    aim = finite_number(target, "your target")
    up = 1 if you.wants == "more" else -1
    if up * (aim - you.reservation) < 0:
        raise ValueError(f"Your target ({money(aim)}) is worse than your reservation value ({money(you.reservation)}): "
                         f"aim for a deal you would accept.")
    analysis = first_offer_analysis(you, belief, anchoring, tolerance=tolerance)
    opening = analysis.best_opening
    if ceiling is not None:
        top = finite_number(ceiling, "your strongest defensible standard")
        opening = min(opening, top) if up > 0 else max(opening, top)
    unit = finite_number(step, "the rounding step")
    opening = max(round(opening / unit) * unit, you.reservation) if up > 0 else min(round(opening / unit) * unit, you.reservation)
    impasse, gain = expected_outcome(you, belief, opening, analysis.anchoring, tolerance=analysis.tolerance)
    target_impasse, _ = expected_outcome(you, belief, aim, analysis.anchoring, tolerance=analysis.tolerance)
    reachable = belief.probability_above(aim) if up > 0 else 1.0 - belief.probability_above(aim)
    return OpeningAdvice(
        wants=you.wants, reservation=you.reservation, target=aim, belief=belief, anchoring=analysis.anchoring,
        tolerance=analysis.tolerance, best=analysis.best_opening, best_impasse=analysis.best_impasse,
        best_gain=analysis.best_surplus, ceiling=None if ceiling is None else float(ceiling), opening=float(opening),
        impasse=impasse, gain=gain, target_impasse=target_impasse, target_reachable=float(reachable),
    )


@functools.cache
def running_example_opening() -> OpeningAdvice:
    """Ana's opening, from her numbers in ``running_example.yaml``: the one call lessons 05, 06 and 12 use.

    >>> running_example_opening().opening
    81600.0
    """
    from .cases import running_example, running_example_belief, running_example_criteria
    from .criteria import criteria_ladder

    candidate, _employer = running_example()
    belief = running_example_belief()
    ladder = criteria_ladder(running_example_criteria(), reservation=candidate.reservation, their_limit=belief.mean)
    return advise_opening(candidate, candidate.aspiration, belief,
                          ceiling=None if ladder.ask is None else ladder.ask.value, anchoring=course_anchoring())


def opening_sensitivity(you: Party, belief: Belief, *, anchorings: tuple[float, ...] | None = None,
                        tolerances: tuple[float, ...] = (0.10, WALK_TOLERANCE, 0.25)) -> list[tuple[float, float, float, float]]:
    """Lesson 05's best opening under other assumptions: (anchoring, tolerance, best opening, chance of no deal).

    >>> from negwidgets.model import running_example
    >>> rows = opening_sensitivity(running_example()[0], rough_belief(80_000))
    >>> len(rows), min(r[2] for r in rows) > 79_000
    (9, True)
    """
    strengths = (0.5, course_anchoring(), 0.9) if anchorings is None else anchorings
    rows = []
    for alpha in strengths:
        for walk in tolerances:
            analysis = first_offer_analysis(you, belief, alpha, tolerance=walk)
            rows.append((analysis.anchoring, analysis.tolerance, analysis.best_opening, analysis.best_impasse))
    return rows
