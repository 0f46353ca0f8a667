"""Controls for a belief about the other side's limit: a range, or a best guess with a spread."""

from __future__ import annotations

import ipywidgets as widgets

from ..model import NormalBelief, UniformBelief
from .base import choice, labelled

__all__ = ["BeliefControls"]

KINDS = {"A range": "range", "A best guess, give or take": "normal"}


class BeliefControls(widgets.VBox):
    """Choose how to describe the belief and give its numbers; :meth:`belief` builds the model object
    (raising the model's ``ValueError`` for an empty range or a spread that is not positive)."""

    def __init__(self, kind: str = "normal", *, low: float = 70_000, high: float = 90_000,
                 best_guess: float = 78_000, spread: float = 6_000, label: str = "Your belief about their limit"):
        labels = {v: k for k, v in KINDS.items()}
        if kind not in labels:
            raise ValueError("A belief is either a 'range' or 'normal' (a best guess with a spread).")
        self.kind = choice(label, list(KINDS), labels[kind])
        self.low = labelled(widgets.FloatText, "Their limit is at least", value=low)
        self.high = labelled(widgets.FloatText, "… and at most", value=high)
        self.best_guess = labelled(widgets.FloatText, "Best guess of their limit", value=best_guess)
        self.spread = labelled(widgets.FloatText, "Give or take (spread)", value=spread)
        self.range_box = widgets.VBox([self.low, self.high])
        self.normal_box = widgets.VBox([self.best_guess, self.spread])
        self.kind.observe(self._show_kind, names="value")
        self._show_kind()
        super().__init__([self.kind, self.range_box, self.normal_box])

    @property
    def inputs(self) -> list[widgets.Widget]:
        """The controls whose changes alter the belief."""
        return [self.kind, self.low, self.high, self.best_guess, self.spread]

    @property
    def is_range(self) -> bool:
        return KINDS[self.kind.value] == "range"

    def _show_kind(self, change=None) -> None:
        self.range_box.layout.display = None if self.is_range else "none"
        self.normal_box.layout.display = "none" if self.is_range else None

    def belief(self) -> UniformBelief | NormalBelief:
        if self.is_range:
            return UniformBelief(self.low.value, self.high.value)
        return NormalBelief(self.best_guess.value, self.spread.value)
