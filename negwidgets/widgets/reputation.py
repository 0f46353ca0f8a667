"""Honesty over repeated deals: the expected totals of always honest and of a hard tactic that costs trust
when it is caught, and the break-even, as the assumptions move."""

from __future__ import annotations

import html
import math

from ..model import repeated_negotiation
from ..model.reputation import MAX_ENCOUNTERS
from ..plots import ReputationChart
from .base import ModelView, grow_for_projector, int_slider, money_slider, percent_slider

__all__ = ["ReputationExplorer"]

_DEALS_SHOWN = 100   # the deals slider's usual top (a larger number of deals given widens it)


class ReputationExplorer(ModelView):
    """Move the assumptions of the repeated-deals model (``repeated_negotiation``): the chance the tactic is
    caught, what it gains per deal, the chances of another deal with and without trust, your share once
    caught and the number of deals shown. The keyword arguments and their defaults are the model's;
    ``surplus``, ``share`` (your share when trusted) and ``discount`` stay as given.

    A combination the model refuses (a share after being caught above the trusted share, say) shows the
    model's sentence beside the controls and keeps the last figure that worked.

    Attributes for tests: ``result`` (the model's ``RepeatedNegotiation``), ``result_text``, ``error_text``,
    ``caption_text``; the sliders ``detection``, ``gain``, ``repeat``, ``repeat_distrusted``,
    ``share_distrusted`` and ``encounters``.

    >>> explorer = ReputationExplorer()
    >>> explorer.result.break_even
    6
    >>> explorer.share_distrusted.value = 0.6
    >>> explorer.error_text.split(":")[0]
    'After you are caught your share of a deal cannot be larger than with trust'
    >>> explorer.result.break_even   # the last result that worked
    6
    """

    chart_class = ReputationChart

    def __init__(self, encounters: int = 20, *, surplus: float = 10_000, share: float = 0.5, gain: float = 2_000,
                 detection: float = 0.25, repeat: float = 0.9, repeat_distrusted: float = 0.6,
                 share_distrusted: float = 0.4, discount: float = 1.0):
        self.surplus, self.share, self.discount = surplus, share, discount
        most_gain = _most_gain(surplus, share)
        self.detection = percent_slider("Chance the tactic is caught", detection, 0, 1, step=0.05)
        self.gain = money_slider("What the tactic gains per deal", gain, 0, most_gain, step=_money_step(surplus))
        self.repeat = percent_slider("Chance of another deal if trusted", repeat, 0, 1, step=0.05)
        self.repeat_distrusted = percent_slider("Chance of another deal if caught", repeat_distrusted, 0, 1, step=0.05)
        self.share_distrusted = percent_slider("Your share of a deal if caught", share_distrusted, 0, 1, step=0.05)
        self.encounters = int_slider("Number of deals shown", _whole(encounters), 1,
                                     max(_DEALS_SHOWN, min(_whole(encounters), MAX_ENCOUNTERS)))
        self.detection.tooltip = "Each time you use the tactic, the chance the other side finds out"
        self.gain.tooltip = "What the tactic takes on top of your honest share, while it is not caught"
        self.share_distrusted.tooltip = f"Your share when trusted is {round(share * 100):g}% of each deal"
        controls = [self.detection, self.gain, self.repeat, self.repeat_distrusted, self.share_distrusted,
                    self.encounters]
        super().__init__(controls)
        self.add_class("nw-reputation")
        grow_for_projector(self.image)
        self._explain_clamped(dict(encounters=encounters, gain=gain, detection=detection, repeat=repeat,
                                   repeat_distrusted=repeat_distrusted, share_distrusted=share_distrusted))

    def assumptions(self, **changes) -> dict:
        """The model's keyword arguments as the sliders set them (with ``changes`` applied)."""
        values = dict(encounters=self.encounters.value, surplus=self.surplus, share=self.share, gain=self.gain.value,
                      detection=self.detection.value, repeat=self.repeat.value,
                      repeat_distrusted=self.repeat_distrusted.value, share_distrusted=self.share_distrusted.value,
                      discount=self.discount)
        return {**values, **changes}

    def compute(self):
        return repeated_negotiation(**self.assumptions())

    def _explain_clamped(self, requested: dict) -> None:
        """A number given to the constructor that its slider could not hold: the model's sentence for it, and
        where the slider is instead (as ``ModelView.explain_clamped``, with the slider's own readout)."""
        for name, value in requested.items():
            control = getattr(self, name)
            if control.value == value:
                continue
            try:
                repeated_negotiation(**self.assumptions(**{name: value}))
            except ValueError as error:
                self.show_error(f"{error} The slider is set to {control.readout} instead.", stale=False)
                return

    def result_html(self) -> str:
        result = self.result
        text, assumptions = result.describe(), result.assumptions
        findings = text[:-len(assumptions)].strip() if text.endswith(assumptions) else text
        return (f"<div style='font-size:1.05em;margin:4px 0'><b>{html.escape(findings)}</b></div>"
                f"<div style='margin:4px 0;color:#333'>{html.escape(assumptions)}</div>")


def _most_gain(surplus: float, share: float) -> float:
    """The most the tactic can take on top of your share: the rest of the deal (0 when the numbers are unusable:
    the model then explains them)."""
    try:
        rest = float(surplus) * (1 - float(share))
    except (TypeError, ValueError):
        return 0.0
    return rest if math.isfinite(rest) and rest > 0 else 0.0


def _money_step(surplus: float) -> float:
    """A round step of about a hundredth of the surplus ($100 for $10,000)."""
    try:
        size = float(surplus)
    except (TypeError, ValueError):
        return 1.0
    return float(10 ** math.floor(math.log10(size / 100))) if math.isfinite(size) and size >= 100 else 1.0


def _whole(value) -> int:
    """A number of deals the slider can hold (the model explains any other)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 1
    return int(min(max(round(number), 1), MAX_ENCOUNTERS)) if math.isfinite(number) else 1
