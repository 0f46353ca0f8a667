"""Lesson 05's widgets: the first-offer advisor, the anchoring simulator, and the forms of an offer."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..model import (
    META_ANALYSIS_R,
    Party,
    calibrate_anchoring,
    check_anchoring,
    course_anchoring,
    first_offer_analysis,
    offer_forms,
    parse_money,
    simulate_anchoring,
)
from ..plots import AnchoringChart, FirstOfferChart
from .base import ModelView, choice, labelled, money_slider, number_slider, percent_slider
from .belief import BeliefControls
from .saving import PlanSaver

__all__ = ["AnchoringSimulator", "FirstOfferAdvisor", "OfferForms"]

#: "How much do you know about their limit?" as the spread of a best-guess belief.
KNOWLEDGE = {"No idea": 12_000, "A rough idea": 6_000, "Well informed": 2_000}


class FirstOfferAdvisor(ModelView):
    """For every opening: the expected gain and the chance of no deal; the best opening; and whether
    letting them open would serve you better (their opening tells you about their limit by how far below it
    they usually open).

    >>> advisor = FirstOfferAdvisor(knowledge="Well informed")
    >>> 79_000 < advisor.result.best_opening < 81_000
    True
    """

    chart_class = FirstOfferChart

    def __init__(self, your_reservation: float = 70_000, *, knowledge: str = "A rough idea", best_guess: float = 80_000,
                 anchoring: float | None = None, their_room: float = 0.25, wants: str = "more",
                 slider_range: tuple[float, float] = (40_000, 120_000), plan_path=None):
        if knowledge not in KNOWLEDGE:
            raise ValueError(f"Knowledge is one of: {', '.join(KNOWLEDGE)}.")
        self.wants = wants
        self.reservation = money_slider("Your reservation value", your_reservation, *slider_range)
        self.knowledge = choice("What you know of their limit", list(KNOWLEDGE), knowledge)
        self.belief = BeliefControls("normal", best_guess=best_guess, spread=KNOWLEDGE[knowledge],
                                     low=best_guess - 10_000, high=best_guess + 10_000)
        anchoring = course_anchoring() if anchoring is None else anchoring
        self.anchoring = number_slider("Anchoring strength", anchoring, 0, 1, step=0.01, decimals=2)
        # Ana's employer opens at $60,000 against a limit of $80,000: 25% below it.
        self.their_room = percent_slider("They open below their limit by", their_room, 0, 0.5, step=0.01)
        self.knowledge.observe(self._set_spread, names="value")
        controls = [self.reservation, self.knowledge, self.belief, self.anchoring, self.their_room]
        super().__init__(controls, [self.reservation, *self.belief.inputs, self.anchoring, self.their_room])
        self.explain_clamped(anchoring, self.anchoring, check_anchoring)
        self.plan_saver = PlanSaver(self, "First-offer advisor (lesson 05)", plan_path)
        self.children += (self.plan_saver,)

    def plan_changes(self) -> dict:
        """What "Save to my plan" writes: the best opening for your beliefs, and the numbers behind it."""
        belief = self.result.belief
        return {"wants": self.wants, "opening": float(round(self.result.best_opening, -2)),
                "reservation": self.reservation.value, "their_reservation": float(belief.mean),
                "their_spread": float(getattr(belief, "spread", (belief.top - belief.bottom) / 12 ** 0.5))}

    def _set_spread(self, change) -> None:
        # A preset is a shortcut for a best guess with a spread; the spread's own observer refreshes.
        self.belief.kind.value = "A best guess, give or take"
        self.belief.spread.value = KNOWLEDGE[change["new"]]

    def compute(self):
        you = Party("You", self.reservation.value, self.reservation.value, self.wants)
        return first_offer_analysis(you, self.belief.belief(), self.anchoring.value, their_room=self.their_room.value)


class AnchoringSimulator(ModelView):
    """Many pairs negotiate the running example; move the anchoring strength and watch the correlation.

    >>> sim = AnchoringSimulator()
    >>> sim.calibrate.click()
    >>> round(sim.result.correlation, 1)
    0.6
    """

    chart_class = AnchoringChart

    def __init__(self, anchoring: float = 0.3, pairs: int = 300, seed: int = 0):
        self.pairs, self.seed = pairs, seed
        self.anchoring = number_slider("Anchoring strength", anchoring, 0, 1, step=0.05)
        self.calibrate = widgets.Button(description=f"Match the research (r = {META_ANALYSIS_R})",
                                        tooltip="Set the strength that reproduces the meta-analysis correlation",
                                        layout=widgets.Layout(width="280px"))
        self.calibrate.on_click(self._calibrate)
        super().__init__([self.anchoring, self.calibrate], watched=[self.anchoring])
        self.explain_clamped(anchoring, self.anchoring, check_anchoring)

    def _calibrate(self, _button=None) -> None:
        self.anchoring.value = round(calibrate_anchoring(), 2)

    def compute(self):
        return simulate_anchoring(self.anchoring.value, self.pairs, seed=self.seed)


class OfferForms(ModelView):
    """Your opening said five ways, with what the research says each one does.

    >>> OfferForms("$85,000").result[2].name
    'Bolstering range'
    """

    def __init__(self, opening: float | str = 85_000, wants: str = "more"):
        self.wants = wants
        text = f"{opening:,.0f}" if isinstance(opening, (int, float)) else opening
        self.opening = labelled(widgets.Text, "Your opening", value=text, continuous_update=False)
        super().__init__([self.opening])

    def compute(self):
        return offer_forms(parse_money(self.opening.value, "your opening"), self.wants)

    @property
    def result_text(self) -> str:
        return "" if self.result is None else " ".join(form.describe() for form in self.result)

    def result_html(self) -> str:
        rows = "".join(
            f"<tr><td style='padding:4px 8px'><b>{html.escape(f.name)}</b></td>"
            f"<td style='padding:4px 8px'>{html.escape(f.sentence)}</td>"
            f"<td style='padding:4px 8px'>{html.escape(f.effect)}</td></tr>"
            for f in self.result
        )
        return ("<table style='border-collapse:collapse'><thead><tr><th style='text-align:left;padding:4px 8px'>Form</th>"
                "<th style='text-align:left;padding:4px 8px'>What you say</th><th style='text-align:left;padding:4px 8px'>"
                f"What the research found</th></tr></thead><tbody>{rows}</tbody></table>")
