"""The "Save to my plan" action of the earlier lessons' calculators: their result goes into the plan file
that lesson 12's plan builder opens, so the plan fills up as the learner goes."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from ..model import PLAN_FIELDS, money, update_plan
from ..model.plan_file import default_plan_path
from .base import alert_html, status_html

__all__ = ["PlanSaver"]

_LABELS = {spec.key: spec.label for spec in PLAN_FIELDS}
_KINDS = {spec.key: spec.kind for spec in PLAN_FIELDS}


def _summary(changes: dict) -> str:
    parts = []
    for key, value in changes.items():
        label = _LABELS[key]
        label = f" {label[0].lower()}{label[1:]}".replace(" my ", " your ").strip()
        if isinstance(value, (int, float)) and key != "risk_aversion":
            parts.append(f"{label}: {money(value)}")
        elif isinstance(value, tuple):
            parts.append(f"{label}: {len(value)}")
        elif _KINDS[key] == "collaboration":   # lesson 16's terms: named by their project
            parts.append(f"{label}: {value.project}")
    return "; ".join(parts)


class PlanSaver(widgets.VBox):
    """A button that writes ``view.plan_changes()`` into the plan file, and a line saying what happened.

    ``view`` is a calculator with ``result``, ``result_text``, ``error_text`` and ``plan_changes()``;
    ``source`` names it in the plan ("BATNA calculator (lesson 02)").
    """

    def __init__(self, view, source: str, path: Path | str | None = None):
        self.view, self.source, self.path = view, source, path
        self.status_text = ""
        self.button = widgets.Button(description="Save to my plan",
                                     tooltip="Write these numbers into your plan file; lesson 12 builds the whole plan",
                                     layout=widgets.Layout(width="160px"))
        self.status = widgets.HTML("")
        self.button.on_click(self.save)
        super().__init__([self.button, self.status], layout=widgets.Layout(margin="6px 0 0 0"))

    def save(self, _button=None) -> None:
        if self.view.result is None or self.view.error_text:
            self._say("Fix the input above first: nothing was saved to your plan.", error=True)
            return
        changes = self.view.plan_changes()
        target = Path(self.path) if self.path is not None else default_plan_path()
        try:
            update_plan(self.source, self.view.result_text, target, **changes)
        except ValueError as error:
            self._say(str(error), error=True)
            return
        summary = _summary(changes)
        # A calculator that changes no field of the plan (a comparison, say) leaves its sentences as a note only.
        saved = f"Saved to {target.name}: {summary}." if summary else f"Saved to {target.name} as a note from this calculator."
        self._say(f"{saved} Lesson 12 shows your whole plan.")

    def _say(self, message: str, error: bool = False) -> None:
        self.status_text = message
        self.status.value = alert_html(message) if error else status_html(message)
