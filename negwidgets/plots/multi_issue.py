"""The multi-issue practice game's debrief figure: lesson 09's Pareto chart with the game's offers."""

from __future__ import annotations

import numpy as np

from ..model.scoring import points_text
from .base import COLOURS
from .deals import ParetoChart

__all__ = ["GameParetoChart"]


class GameParetoChart(ParetoChart):
    """Every package, the frontier and the BATNAs (as lesson 09's chart), the deal, and the path of the
    offers: the learner's proposals and the counterpart's."""

    def __init__(self, system) -> None:
        super().__init__(system)
        ax = self.ax
        (self.yours,) = ax.plot([], [], marker="x", markersize=7, color=COLOURS["you"], linestyle=":", linewidth=1,
                                label="Your proposals")
        (self.theirs,) = ax.plot([], [], marker="s", markersize=5, markerfacecolor="none", color=COLOURS["them"],
                                 linestyle=":", linewidth=1, label="Their offers")
        self.dynamic(self.yours)
        self.dynamic(self.theirs)
        self.package.set_label("The deal")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=8, frameon=False)
        # What the background shows of the system: the axes' labels, the frontier and the other packages.
        self._drawn = (ax.get_xlabel(), ax.get_ylabel(), self.frontier_line.get_xydata().tobytes(),
                       None if self.cloud is None else np.asarray(self.cloud.get_offsets()).tobytes())

    shared_background = True  # the game's debrief starts from the background drawn by an earlier game's chart

    def static_key(self):
        return super().static_key() + self._drawn

    def update(self, debrief) -> str:
        system = debrief.system
        analysis = debrief.analysis if debrief.analysis is not None else system.analyse(
            debrief.their_offers[-1], logrolls=0)
        super().update(analysis)
        for line, packages in ((self.yours, debrief.your_proposals), (self.theirs, debrief.their_offers)):
            line.set_data([p.scores[0] for p in packages], [p.scores[1] for p in packages])
        first, second = system.parties
        if debrief.deal is None:
            self.package.set_data([], [])
            self.better.set_visible(False)
            self.set_title(f"No deal: {points_text(debrief.left_on_table)} joint points above the BATNAs went unclaimed")
        trail = (f"; your {len(debrief.your_proposals)} proposals and their {len(debrief.their_offers)} offers "
                 "are marked")
        self.caption = self.caption.rstrip(".") + trail + "."
        self.caption = self.caption.replace("your package at", "the deal at" if debrief.deal is not None
                                            else "their last package at")
        return self.caption
