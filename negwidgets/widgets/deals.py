"""Lesson 09's widgets: the scoring table, the MESO builder and the Subjective Value Inventory."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from ..model import ScoringSystem, job_offer_case, svi_items, svi_scores
from ..model.checks import capitalised
from ..model.scoring import points_text
from ..plots import ParetoChart, SubjectiveValueChart
from .base import ModelView, int_slider, labelled, number_slider

__all__ = ["MesoBuilder", "ScoringTable", "SubjectiveValueInventory"]

_KIND_NOTE = {"distributive": "distributive", "integrative": "integrative: trade it", "compatible": "compatible"}
_TABLE = "border-collapse:collapse;margin:4px 0"
_CELL = "padding:2px 10px;border-bottom:1px solid #ddd;text-align:left"


def _option_label(label: str, points: tuple[float, float]) -> str:
    return f"{label}   ({points_text(points[0])} / {points_text(points[1])})"


class ScoringTable(ModelView):
    """Pick an option for each issue; see both sides' scores, where the package stands against the Pareto
    frontier, the trades (logrolls) that would make both sides better off, and the Nash and
    Kalai-Smorodinsky points for the BATNAs you set.

    >>> table = ScoringTable()
    >>> table.result.on_frontier, table.result.left_on_table
    (False, 20.0)
    >>> table.apply(table.result.logrolls[0].package)
    >>> table.result.package.scores
    (67.0, 60.0)
    """

    def __init__(self, system: ScoringSystem | None = None, package=None, *,
                 batnas: Sequence[float] | None = None):
        self.system = job_offer_case() if system is None else system
        start = self.system.split_difference() if package is None else self.system.package(package)
        first, second = self.system.parties
        self.choices = {
            issue.name: labelled(widgets.Dropdown, issue.name, value=choice,
                                 options=[(_option_label(o, p), i) for i, (o, p) in enumerate(zip(issue.options, issue.points))])
            for issue, choice in zip(self.system.issues, start.choices)
        }
        best = self.system.frontier().scores.max(axis=0)  # the most any package gives each side
        batnas = self.system.batnas if batnas is None else batnas
        self.batnas = [number_slider(f"BATNA score of {name}", value, 0, float(top), step=1)
                       for name, value, top in zip(self.system.parties, batnas, best)]
        self.trade = widgets.Button(description="Make the best trade", tooltip="Apply the first suggested trade",
                                    layout=widgets.Layout(width="220px"))
        self.trade.on_click(lambda _button: self._make_best_trade())
        self._applying = False
        header = widgets.HTML(f"<div style='margin:2px 0'>Each option shows its points as "
                              f"<b>({html.escape(first)} / {html.escape(second)})</b>.</div>")
        super().__init__([header, *self.choices.values(), *self.batnas, self.trade],
                         watched=[*self.choices.values(), *self.batnas], chart=ParetoChart(self.system))
        for name, value, slider in zip(self.system.parties, batnas, self.batnas):
            if value != slider.value:  # the slider clamped it: say so rather than change it silently
                self.show_error(f"The BATNA score of {name} ({points_text(value)}) lies outside the scores any package "
                                f"gives (0 to {points_text(slider.max)}). The slider is set to "
                                f"{points_text(slider.value)} instead.", stale=False)

    def compute(self):
        return self.system.analyse([control.value for control in self.choices.values()],
                                   batnas=[slider.value for slider in self.batnas])

    def refresh(self, change=None) -> None:
        if not self._applying:
            super().refresh(change)

    def apply(self, package) -> None:
        """Set every issue to the package's options (a Package, a dict or a list), then update once."""
        package = self.system.package(package.choices if hasattr(package, "choices") else package)
        self._applying = True
        try:
            for control, choice in zip(self.choices.values(), package.choices):
                control.value = choice
        finally:
            self._applying = False
        self.refresh()

    def _make_best_trade(self) -> None:
        if self.result is not None and self.result.logrolls:
            self.apply(self.result.logrolls[0].package)

    def result_html(self) -> str:
        analysis = self.result
        first, second = analysis.package.parties
        rows = "".join(
            f"<tr><td style='{_CELL}'>{html.escape(issue.name)}</td><td style='{_CELL}'>{html.escape(label)}</td>"
            f"<td style='{_CELL}'>{points_text(issue.points[choice][0])}</td>"
            f"<td style='{_CELL}'>{points_text(issue.points[choice][1])}</td>"
            f"<td style='{_CELL};color:#555'>{_KIND_NOTE[issue.kind]}</td></tr>"
            for issue, label, choice in zip(self.system.issues, analysis.package.labels, analysis.package.choices))
        total = (f"<tr><td style='{_CELL}'><b>Total</b></td><td style='{_CELL}'></td>"
                 f"<td style='{_CELL}'><b>{points_text(analysis.package.scores[0])}</b></td>"
                 f"<td style='{_CELL}'><b>{points_text(analysis.package.scores[1])}</b></td><td style='{_CELL}'></td></tr>")
        table = (f"<table style='{_TABLE}'><tr><th style='{_CELL}'>Issue</th><th style='{_CELL}'>Option</th>"
                 f"<th style='{_CELL}'>{html.escape(capitalised(first))}</th><th style='{_CELL}'>{html.escape(capitalised(second))}</th>"
                 f"<th style='{_CELL}'>Kind</th></tr>{rows}{total}</table>")
        suggestions = [roll.describe() for roll in analysis.logrolls]
        suggestions += [f"Free improvement: {move.terms()}" for move in analysis.free_moves[:1]]
        trades = ("<div>Trades that help both sides:</div><ol style='margin-top:2px'>"
                  + "".join(f"<li>{html.escape(s)}</li>" for s in suggestions) + "</ol>") if suggestions else (
            "<div>No single trade of two issues helps both sides from here.</div>")
        points = " ".join(html.escape(p.describe()) for p in (analysis.nash, analysis.kalai_smorodinsky) if p) or (
            "No package beats both BATNAs: there is no deal to be had.")
        return (f"{table}<div style='font-size:1.05em;margin:4px 0'><b>{html.escape(analysis.describe())}</b></div>"
                f"{trades}<div style='color:#333'>{points}</div>")


class MesoBuilder(ModelView):
    """Multiple equivalent simultaneous offers: choose what a package must be worth to you, and see
    packages worth that to you that differ as much as possible for the other side.

    >>> builder = MesoBuilder(target=60)
    >>> [p.scores[0] for p in builder.result.packages]
    [60.0, 60.0, 60.0]
    """

    def __init__(self, system: ScoringSystem | None = None, *, side: int = 0, target: float = 60, count: int = 3):
        self.system = job_offer_case() if system is None else system
        self.side = side
        scores = self.system.frontier().scores
        name = self.system.parties[side]
        self.target = int_slider(f"Worth to {name} (points)", int(target), 0, int(scores[:, side].max()))
        self.count = int_slider("Number of offers", count, 2, 5)
        self.tolerance = int_slider("Give or take (points)", 2, 0, 10)
        super().__init__([self.target, self.count, self.tolerance])

    def compute(self):
        return self.system.mesos(self.target.value, side=self.side, count=self.count.value,
                                 tolerance=self.tolerance.value)

    def result_html(self) -> str:
        mesos = self.result
        header = "".join(f"<th style='{_CELL}'>Offer {n}</th>" for n in range(1, len(mesos.packages) + 1))
        rows = "".join(
            f"<tr><td style='{_CELL}'>{html.escape(issue)}</td>"
            + "".join(f"<td style='{_CELL}'>{html.escape(p.labels[i])}</td>" for p in mesos.packages) + "</tr>"
            for i, issue in enumerate(mesos.packages[0].issues))
        for side in (mesos.side, 1 - mesos.side):
            rows += (f"<tr><td style='{_CELL}'><b>Worth to {html.escape(mesos.packages[0].parties[side])}</b></td>"
                     + "".join(f"<td style='{_CELL}'><b>{points_text(p.scores[side])}</b></td>" for p in mesos.packages)
                     + "</tr>")
        return (f"<div style='font-size:1.05em;margin:4px 0'><b>{html.escape(mesos.describe())}</b></div>"
                f"<table style='{_TABLE}'><tr><th style='{_CELL}'>Issue</th>{header}</tr>{rows}</table>")


# Ana after the job-offer negotiation: a good deal, but she felt rushed and unheard.
EXAMPLE_ANSWERS = (6, 5, 3, 5, 2, 5, 6, 5, 3, 3, 2, 3, 4, 4, 4, 4)


def _usable_answer(value) -> int:
    """An answer for a slider: the nearest whole number from 1 to 7, or 4 when there is none."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 4
    return 4 if number != number else int(min(7, max(1, round(number))))


class SubjectiveValueInventory(ModelView):
    """The 16 questions of the Subjective Value Inventory (Curhan, Elfenbein & Xu 2006): answer each from 1
    to 7 about a negotiation you remember; see your four factor scores and what to do about a low one.

    >>> svi = SubjectiveValueInventory()
    >>> svi.result.lowest
    'process'
    """

    chart_class = SubjectiveValueChart

    def __init__(self, answers: Sequence[int] | Mapping[int, int] | None = None):
        given = EXAMPLE_ANSWERS if answers is None else answers
        try:
            svi_scores(given)
            problem = ""
        except ValueError as error:  # shown once the sliders exist; they start at the nearest usable answers
            problem = f"{error} The sliders start at 4 (or the nearest answer from 1 to 7) where an answer was unusable."
        if isinstance(given, Mapping):
            given = [given.get(n) for n in range(1, 17)]
        self.answers = []
        rows = []
        for item, value in zip(svi_items(), list(given)[:16] + [None] * (16 - len(given))):
            value = _usable_answer(value)
            question = widgets.HTML(f"<div style='margin-top:6px'><b>{item.number}.</b> {html.escape(item.text)}"
                                    f" <span style='color:#555'>(1 = {html.escape(item.low.lower())}, 7 = "
                                    f"{html.escape(item.high.lower())})</span></div>")
            slider = int_slider(f"Answer to question {item.number}", int(value), 1, 7)
            self.answers.append(slider)
            rows += [question, slider]
        super().__init__(rows, watched=self.answers)
        if problem:
            self.show_error(problem, stale=False)

    def compute(self):
        return svi_scores([slider.value for slider in self.answers])

    def result_html(self) -> str:
        result = self.result
        return (f"<div style='font-size:1.05em;margin:4px 0'><b>{html.escape(result.describe())}</b></div>"
                f"<div style='margin:4px 0'>{html.escape(result.advice())}</div>")
