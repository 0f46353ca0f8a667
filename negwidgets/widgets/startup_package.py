"""Lesson 16's start-up package builder: how much each issue of an academic offer matters to you, the trades
from the department's first offer and three equivalent offers (MESOs) a reply can quote."""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as widgets

from ..model import StartupCase, StartupPackageError, example_startup_weights, startup_case
from ..model.startup_package import MAX_IMPORTANCE, MESO_TOLERANCE, startup_package
from ..model.scoring import points_text
from ..plots import StartupPackageChart
from .base import ModelView, alert_html, int_slider

__all__ = ["StartupPackageBuilder"]

_PROSE = "line-height:1.45;max-width:46em"
_NOTE = "color:#444;font-size:0.92em;margin:2px 0 6px 0;line-height:1.45;max-width:52em"
# The table keeps words whole (a label broken mid-word is hard to read): on a phone it scrolls sideways in its own
# region, which the keyboard can reach, and the page itself never does.
_TABLE = "border-collapse:collapse;margin:0;line-height:1.35;font-size:0.95em;overflow-wrap:normal;word-break:normal"
_CELL = ("padding:3px 8px 3px 0;border-bottom:1px solid #ddd;text-align:left;vertical-align:top;min-width:5.5em;"
         "overflow-wrap:normal")   # the course's phone stylesheet lets result cells break anywhere; here they scroll
_EMAIL = ("box-sizing:border-box;max-width:46em;margin:4px 0;padding:8px 12px;border:1px solid #c4c4c4;"
          "border-left:4px solid #1f5fa8;background:#f7f9fc;line-height:1.5;overflow-wrap:anywhere")


def _shown(value: float) -> str:
    return points_text(round(float(value), 1))


def _heading(text: str) -> widgets.HTML:
    return widgets.HTML(f"<h4 style='margin:14px 0 4px 0'>{html.escape(text)}</h4>")


def _whole(value, low: int, high: int, fallback: int) -> int:
    """A usable starting value for a slider: the nearest whole number from ``low`` to ``high`` (``fallback`` if the
    value is not a number)."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return fallback
    if number != number:
        return fallback
    return int(round(min(high, max(low, number))))


class StartupPackageBuilder(ModelView):
    """Set how much each issue of the offer matters to you (0-10) and the target for your three offers; see the
    department's first offer scored for both sides, the best trades from it in words, and three packages worth
    your target to you that differ for the department, written as a reply could quote them.

    Without arguments: lesson 16's case and Farida's weights. The department's points are your estimate, and the
    view says so. A weight or target the model refuses shows its sentence beside the control it is about, and the
    last good result stays on screen. Attributes for tests: ``result`` (a
    :class:`~negwidgets.model.startup_package.StartupPackage`), ``result_text``, ``error_text``, ``error_field``,
    ``caption_text``, ``email_text``; ``weights[issue]`` and ``target`` are the sliders.

    >>> builder = StartupPackageBuilder()
    >>> builder.result.target, builder.result.trades[0].ask_issue
    (50.0, 'Teaching in the first two years')
    >>> for slider in builder.weights.values():
    ...     slider.value = 0
    >>> builder.error_field, builder.result.target   # the last good result stays
    ('weights', 50.0)
    """

    def __init__(self, weights: Mapping[str, float] | None = None, target: float | None = None,
                 case: StartupCase | Mapping | None = None):
        if isinstance(case, Mapping):
            case = StartupCase.from_mapping(case)
        self.case = startup_case() if case is None else case
        given = dict(self.case.example_weights) if weights is None else dict(weights)
        self.error_field = ""
        self._failed: str | None = None
        self.weights = {name: int_slider(name, _whole(given.get(name, 0), 0, MAX_IMPORTANCE, 0), 0, MAX_IMPORTANCE)
                        for name in self.case.issue_names}
        shown = {name: slider.value for name, slider in self.weights.items()}
        try:
            first = startup_package(shown, self.case)
        except StartupPackageError:   # every weight at 0: the chart starts from equal weights, the error is shown
            first = startup_package(dict.fromkeys(self.case.issue_names, 1), self.case)
        self.target = int_slider("Target for your offers (points)",
                                 _whole(first.target if target is None else target, 0, 100, 50), 0, 100)
        self.weights_error = widgets.HTML("")
        self.target_error = widgets.HTML("")
        fixed = "".join(f"<li><b>{html.escape(term.name)}</b>: {html.escape(term.terms)}. {html.escape(term.why)}</li>"
                        for term in self.case.not_negotiable)
        not_on_table = widgets.HTML(
            f"<div style='{_NOTE}'><b>Not on the table</b> (get it in writing rather than trade for it):"
            f"<ul style='margin:2px 0;padding-left:1.3em'>{fixed}</ul></div>"
            if fixed else "")
        controls = [
            _heading("How much each issue matters to you"),
            widgets.HTML(f"<p style='{_NOTE}'>0 = not at all, {MAX_IMPORTANCE} = matters most. How good each option "
                         f"is within an issue comes from {html.escape(self.case.candidate)}'s case; your weights set "
                         "how much each issue counts, and your best package is worth 100 points.</p>"),
            *self.weights.values(), self.weights_error,
            _heading("Your three offers"),
            widgets.HTML(f"<p style='{_NOTE}'>Each package you offer is worth this many of your points, give or take "
                         f"{MESO_TOLERANCE}; your BATNA is worth {_shown(self.case.batnas[0])}.</p>"),
            self.target, self.target_error,
            not_on_table,
        ]
        chart = StartupPackageChart(first.system, self.case.department_range())
        super().__init__(controls, watched=[*self.weights.values(), self.target], chart=chart)
        self.add_class("nw-startup-package")
        moved = [name for name, slider in self.weights.items() if given.get(name) != slider.value]
        if moved or (target is not None and target != self.target.value):
            try:   # a value the sliders cannot show: the model's sentence for it, and where the slider is instead
                startup_package(given, self.case, target)
            except StartupPackageError as error:
                self._failed = "target" if error.field == "target" else "weights"
                self.show_error(f"{error} The sliders start at the nearest values they can show.", stale=False)

    # -- reading the controls --------------------------------------------------------------------------------

    def compute(self):
        weights = {name: slider.value for name, slider in self.weights.items()}
        try:
            result = startup_package(weights, self.case, target=self.target.value)
        except StartupPackageError as error:
            self._failed = error.field
            raise
        self._failed = None
        return result

    def show_error(self, message: str, stale: bool = True) -> None:
        """The sentence beside the control it is about: the target, or the importances."""
        super().show_error(message, stale)
        where = self._failed if message else None
        self.error_field = where or ""
        self.target_error.value = self.error.value if where == "target" else ""
        self.weights_error.value = self.error.value if where not in (None, "target") else ""
        if where is not None:
            self.error.value = ""

    # -- showing the result ----------------------------------------------------------------------------------

    @property
    def email_text(self) -> str:
        return "" if self.result is None else self.result.email_text()

    def result_html(self) -> str:
        result = self.result
        parts = ["<div class='nw-startup-result'>",
                 "<h4 style='margin:14px 0 4px 0'>The department's first offer</h4>",
                 f"<p style='margin:4px 0;{_PROSE}'><b>{html.escape(result.first_offer_text())}</b></p>"]
        parts.append("<h4 style='margin:14px 0 4px 0'>Trades that raise both scores</h4>")
        if result.trades:
            items = "".join(f"<li style='margin:0 0 4px 0'>{html.escape(t.describe())}</li>" for t in result.trades)
            parts.append(f"<ol class='nw-startup-trades' style='margin:4px 0;padding-left:1.4em;{_PROSE}'>{items}</ol>"
                         f"<p style='{_NOTE}'>Each trade starts from the first offer, so trades that give up the same "
                         "thing are alternatives. The department's points are your estimate: treat a trade as a "
                         "question to ask.</p>")
        else:
            parts.append(f"<p class='nw-startup-trades' style='margin:4px 0;{_PROSE}'>No trade of two issues raises "
                         "both scores from the first offer.</p>")
        if result.free_moves:
            moves = "".join(f"<li>{html.escape(m.describe())}</li>" for m in result.free_moves)
            parts.append(f"<p style='margin:6px 0 2px 0'>Changes that cost one side nothing:</p>"
                         f"<ul style='margin:2px 0;padding-left:1.4em;{_PROSE}'>{moves}</ul>")
        parts.append("<h4 style='margin:14px 0 4px 0'>Your three offers (MESOs)</h4>")
        parts.append(f"<p style='margin:4px 0;{_PROSE}'>{html.escape(result.offers_text())}</p>")
        if result.offers:
            parts.append(self._offers_table())
            body = "<br>".join(html.escape(line) for line in result.email_text().splitlines())
            parts.append(f"<p style='margin:8px 0 2px 0'>For your reply (select the text to copy it):</p>"
                         f"<div class='nw-startup-email' style='{_EMAIL}'>{body}</div>")
        parts.append("</div>")
        return "".join(parts)

    def _offers_table(self) -> str:
        result = self.result
        offer = result.first_offer.package
        packages = result.offers
        head = ("<th scope='col' style='{0}'>Issue</th><th scope='col' style='{0}'>First offer</th>".format(_CELL)
                + "".join(f"<th scope='col' style='{_CELL}'>Package {letter}</th>" for letter in "ABC"[:len(packages)]))
        rows = []
        for index, issue in enumerate(offer.issues):
            cells = [f"<td style='{_CELL};color:#555'>{html.escape(offer.labels[index])}</td>"]
            for package in packages:
                label = html.escape(package.labels[index])
                changed = package.choices[index] != offer.choices[index]
                cells.append(f"<td style='{_CELL}'>{f'<b>{label}</b>' if changed else label}</td>")
            rows.append(f"<tr><th scope='row' style='{_CELL};font-weight:normal'>{html.escape(issue)}</th>"
                        f"{''.join(cells)}</tr>")
        for side, name in ((0, "Worth to you"), (1, "Worth to the department (your estimate)")):
            cells = "".join(f"<td style='{_CELL}'><b>{_shown(p.scores[side])}</b></td>" for p in (offer, *packages))
            rows.append(f"<tr><th scope='row' style='{_CELL}'>{name}</th>{cells}</tr>")
        caption = "The first offer and your three packages; in bold, what differs from the first offer"
        # The caption above the scrolling region, so that it wraps to a phone's width.
        return (f"<p style='{_NOTE}'>{html.escape(caption)}:</p><div class='nw-scroll' role='region' tabindex='0' "
                f"aria-label='{html.escape(caption)}' style='margin:2px 0 4px 0;max-width:52em'><table "
                f"class='nw-startup-offers' style='{_TABLE}'><thead><tr>{head}</tr></thead><tbody>"
                f"{''.join(rows)}</tbody></table></div>")

