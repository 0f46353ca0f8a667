"""ZOPA widgets: both sides' values on a number line, and the zone under uncertainty."""

from __future__ import annotations

import ipywidgets as widgets

from ..model import Party, analyse_zone, zone_under_uncertainty
from ..plots import UncertaintyChart, ZoneChart
from .base import ModelView, money_slider
from .belief import BeliefControls
from .saving import PlanSaver

__all__ = ["ZopaExplorer", "ZopaUnderUncertainty"]

class ZopaExplorer(ModelView):
    """Move both sides' reservation and aspiration values; see the zone, the surplus, or that there is none.

    >>> explorer = ZopaExplorer()
    >>> explorer.result.zone.low, explorer.result.zone.high
    (70000.0, 80000.0)
    """

    def __init__(
        self,
        candidate_reservation: float = 70_000,
        candidate_aspiration: float = 85_000,
        employer_reservation: float = 80_000,
        employer_aspiration: float = 60_000,
        *,
        low: float = 40_000,
        high: float = 120_000,
        step: float = 1_000,
        seller: str = "Candidate",
        buyer: str = "Employer",
        plan_path=None,
    ):
        self.seller_name, self.buyer_name = seller, buyer
        you, them = seller.lower(), buyer.lower()
        self.seller_reservation = money_slider(f"{seller}'s reservation value", candidate_reservation, low, high, step)
        self.seller_aspiration = money_slider(f"{seller}'s aspiration value", candidate_aspiration, low, high, step)
        self.buyer_reservation = money_slider(f"{buyer}'s reservation value", employer_reservation, low, high, step)
        self.buyer_aspiration = money_slider(f"{buyer}'s aspiration value", employer_aspiration, low, high, step)
        self.seller_reservation.tooltip = f"The least the {you} accepts: set by the {you}'s BATNA"
        self.buyer_reservation.tooltip = f"The most the {them} pays: set by the {them}'s BATNA or budget"
        super().__init__([self.seller_reservation, self.seller_aspiration, self.buyer_reservation, self.buyer_aspiration],
                         chart=ZoneChart(x_range=(low, high)))  # the axis spans the sliders and stays put
        self.plan_saver = PlanSaver(self, "ZOPA explorer (lesson 04)", plan_path)
        self.children += (self.plan_saver,)

    def plan_changes(self) -> dict:
        """What "Save to my plan" writes: you are the first side (the one who wants more)."""
        return {"wants": "more", "reservation": self.seller_reservation.value, "aspiration": self.seller_aspiration.value,
                "their_reservation": self.buyer_reservation.value, "their_aspiration": self.buyer_aspiration.value}

    def compute(self):
        return analyse_zone(
            Party(self.seller_name, self.seller_reservation.value, self.seller_aspiration.value, "more"),
            Party(self.buyer_name, self.buyer_reservation.value, self.buyer_aspiration.value, "less"),
        )


class ZopaUnderUncertainty(ModelView):
    """Your belief about the other side's limit, as a range or a best guess with a spread, gives the
    probability that a zone exists and the zone to expect.

    >>> view = ZopaUnderUncertainty(belief="range", low=65_000, high=85_000)
    >>> round(view.result.probability, 2)
    0.75
    """

    chart_class = UncertaintyChart

    def __init__(
        self,
        your_reservation: float = 70_000,
        *,
        belief: str = "normal",
        low: float = 70_000,
        high: float = 90_000,
        best_guess: float = 78_000,
        spread: float = 6_000,
        you: str = "Candidate",
        wants: str = "more",
        slider_range: tuple[float, float] = (40_000, 120_000),
    ):
        self.you_name, self.wants = you, wants
        self.reservation = money_slider("Your reservation value", your_reservation, *slider_range, 1_000)
        self.belief = BeliefControls(belief, low=low, high=high, best_guess=best_guess, spread=spread)
        super().__init__([self.reservation, self.belief], [self.reservation, *self.belief.inputs])

    def compute(self):
        you = Party(self.you_name, self.reservation.value, self.reservation.value, self.wants)
        return zone_under_uncertainty(you, self.belief.belief())
