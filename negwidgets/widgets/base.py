"""The shape every calculator shares: controls, an error line, a result line, one figure with its caption.

A subclass builds its controls, lists the ones to watch, and implements :meth:`ModelView.compute`
(one model call). On every change the base class calls it; a ``ValueError`` is shown as the error
sentence beside the controls while the last good result and figure stay on screen.

Sliders, choices and figures are the course's accessible widgets (:mod:`negwidgets.widgets.controls`);
text boxes, dropdowns and buttons are ipywidgets' own, labelled with :func:`labelled`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets

from .controls import Choice, Figure, IntSlider, LogSlider, RangeSlider, Slider, course_root

__all__ = ["ModelView", "alert_html", "choice", "course_root", "figure", "grow_for_projector", "int_slider", "labelled",
           "log_slider", "money_slider", "number_slider", "percent_slider", "range_slider", "scale", "status_html"]

ERROR_STYLE = (
    "color:#8a1010;background:#fdecea;border-left:4px solid #d62728;padding:4px 10px;"
    "margin:4px 0;font-weight:600"
)
STATUS_STYLE = "color:#14532d;background:#e8f5e9;border-left:4px solid #2ca02c;padding:4px 10px;margin:4px 0"
_DESCRIPTION_STYLE = {"description_width": "240px"}
_CONTROL_LAYOUT = {"width": "600px", "max_width": "100%"}


def alert_html(message: str) -> str:
    """The course's visible error line (screen readers announce it as an alert)."""
    return f"<div role='alert' style='{ERROR_STYLE}'>⚠ {html.escape(message)}</div>"


def show_field_error(view, message: str, field: str, what_is_shown: str) -> None:
    """Show ``message`` beside the control of ``field`` (``view.errors``: one box per field) and clear the others;
    while the view still shows an earlier result, say in ``view.stale`` that ``what_is_shown`` (e.g. "The case and
    the draft below are") is for the last input that worked. An empty message clears both."""
    view.error_text, view.error_field = message, field
    for name, box in view.errors.items():
        box.value = alert_html(message) if name == field and message else ""
    view.stale.value = (alert_html(f"{what_is_shown} for the last input that worked: fix the line marked above to "
                                   "update them.") if message and view.result is not None else "")


def status_html(message: str) -> str:
    """A quiet confirmation line (screen readers announce it politely)."""
    return f"<div role='status' style='{STATUS_STYLE}'>✓ {html.escape(message)}</div>"


class GameMoves:
    """For a game view (lessons 08 and 09): play a move, or show why not beside the controls.

    The view has an ``error`` HTML widget, an ``error_text`` for tests, and a ``_render()`` that redraws
    the transcript; the model refuses a bad move with a ``ValueError`` before changing anything.
    """

    def _move(self, action) -> bool:
        """Play a move; a bad one is explained beside the controls and changes nothing."""
        try:
            action()
        except ValueError as error:
            self._show_error(str(error))
            return False
        self._show_error("")
        self._render()
        return True

    def _show_error(self, message: str) -> None:
        self.error_text = message
        self.error.value = alert_html(message) if message else ""


def figure(chart, **layout) -> Figure:
    """A chart's figure: its PNG at its natural size (never so small that its text is unreadable), with its
    caption as the image's text alternative and as the visible "Figure: ..." line."""
    return Figure(chart, layout=widgets.Layout(**layout)) if layout else Figure(chart)


def grow_for_projector(image: Figure, widest: str = "860px") -> None:
    """Let a figure grow with its box up to ``widest`` (its natural size is 700 CSS px): on a projector's
    1920-px page its smallest text then reaches 14 CSS px, while a laptop shows it only a little larger and
    a phone still scrolls it sideways rather than shrink its text."""
    image.fill = True
    image.layout.max_width = widest


def labelled(widget_class, description: str, **kwargs):
    """An ipywidgets control with a visible description (which screen readers announce) and the course's
    layout (on a narrow screen the course's stylesheet puts the description above the control)."""
    kwargs.setdefault("style", _DESCRIPTION_STYLE)
    kwargs.setdefault("layout", widgets.Layout(**_CONTROL_LAYOUT))
    return widget_class(description=description, **kwargs)


def money_slider(description: str, value: float, low: float, high: float, step: float = 1_000) -> Slider:
    """A slider over amounts of money, read out as $70,000."""
    return Slider(value, min=low, max=high, step=step, format="money", description=description)


def percent_slider(description: str, value: float, low: float, high: float, step: float = 0.005) -> Slider:
    """A slider over a rate or a chance, read out as 35% (or 3.25% when its step needs the decimals)."""
    return Slider(value, min=low, max=high, step=step, format="percent", description=description)


def number_slider(description: str, value: float, low: float, high: float, step: float = 1,
                  decimals: int | None = None) -> Slider:
    """A slider over plain numbers (a strength, a score)."""
    return Slider(value, min=low, max=high, step=step, decimals=decimals, description=description)


def int_slider(description: str, value: int, low: int, high: int) -> IntSlider:
    """A slider over whole numbers (years, days, offers)."""
    return IntSlider(int(value), min=low, max=high, description=description)


def log_slider(description: str, value: float, low_exponent: float, high_exponent: float, step: float = 0.01,
               decimals: int = 2) -> LogSlider:
    """A slider on a logarithmic scale from ``10**low_exponent`` to ``10**high_exponent``."""
    return LogSlider(value, min=low_exponent, max=high_exponent, step=step, decimals=decimals, description=description)


def range_slider(description: str, value: tuple[float, float], low: float, high: float, step: float = 1,
                 kind: str = "number") -> RangeSlider:
    """Two values, the low and the high end of a range, on one scale."""
    return RangeSlider(value, min=low, max=high, step=step, format=kind, description=description)


def choice(description: str, options: Sequence, value=None, **kwargs) -> Choice:
    """One of a few options, drawn as buttons (a radio group): ``options`` as for ipywidgets' ToggleButtons,
    ``value`` the first option unless given."""
    return Choice(options, **({} if value is None else {"value": value}), description=description, **kwargs)


def scale(description: str, low: str, high: str, value: int | None = None, points: int = 7) -> Choice:
    """A rating from 1 to ``points`` (a question above a row of numbered buttons, nothing chosen until
    ``value``): each end says what it means, on screen and to screen readers ("1 (not at all confident)").

    >>> s = scale("1. I know my walk-away point.", "not at all confident", "completely confident")
    >>> s.value, s.labels[0], s.names[0]
    (None, '1', '1 (not at all confident)')
    """
    numbers = list(range(1, points + 1))
    control = Choice([(str(n), n) for n in numbers], value=value, description=description,
                     names=[f"1 ({low})", *map(str, numbers[1:-1]), f"{points} ({high})"],
                     tooltips=[low, *[""] * (points - 2), high], help=f"1 = {low}, {points} = {high}")
    control.add_class("nw-stacked")
    return control


class ModelView(widgets.VBox):
    """Base class of the course's calculators.

    Attributes for tests and lessons: ``result`` (the last good model result), ``result_text``,
    ``error_text`` (empty when the input is fine) and ``caption_text`` (the figure's description).
    """

    chart_class = None  # a negwidgets.plots Chart subclass, or None for a text-only view

    def __init__(self, controls: list[widgets.Widget], watched: list[widgets.Widget] | None = None, *,
                 chart=None, **kwargs):
        self.result = None
        self.error_text = ""
        self.error = widgets.HTML(value="")
        self.summary = widgets.HTML(value="")
        children = [widgets.VBox(controls), self.error, self.summary]
        # A subclass may pass a chart built with options; otherwise its chart_class is used.
        self.chart = chart if chart is not None else (self.chart_class() if self.chart_class else None)
        if self.chart is not None:
            self.image = figure(self.chart)   # ``image.value`` is the PNG, ``image.caption`` its description
            children.append(self.image)
        super().__init__(children=children, **kwargs)
        course_root(self, "negwidgets")
        for control in controls if watched is None else watched:
            self.watch(control)
        self.refresh()

    def watch(self, control: widgets.Widget) -> None:
        control.observe(self.refresh, names="value")

    def compute(self):  # pragma: no cover - abstract
        """Read the controls and return one model result (raise ValueError on bad input)."""
        raise NotImplementedError

    @property
    def result_text(self) -> str:
        return "" if self.result is None else self.result.describe()

    def result_html(self) -> str:
        """The result as shown under the controls (subclasses may show a table)."""
        return f"<div style='font-size:1.05em;margin:4px 0'>{html.escape(self.result_text)}</div>"

    @property
    def caption_text(self) -> str:
        return "" if self.chart is None else self.chart.caption

    def refresh(self, change=None) -> None:
        try:
            result = self.compute()
        except ValueError as error:
            self.show_error(str(error))
            return
        self.result = result
        self.show_error("")
        self.summary.value = self.result_html()
        if self.chart is not None:
            self.chart.update(result)
            self.image.show(self.chart.png(), self.chart.caption)

    def explain_clamped(self, requested: float, control: widgets.Widget, check) -> None:
        """A value given to the constructor may lie outside its slider, which clamps it: show the model's
        sentence for the requested value (``check`` raises it) and say where the slider is instead."""
        try:
            check(requested)
        except ValueError as error:
            self.show_error(f"{error} The slider is set to {control.value:g} instead.", stale=False)

    def show_error(self, message: str, stale: bool = True) -> None:
        """Show ``message`` beside the controls ("" clears it); ``stale`` says the result shown is
        for earlier input."""
        self.error_text = message
        if message:
            suffix = " The result below is for the last numbers that worked." if stale and self.result is not None else ""
            self.error.value = alert_html(message + suffix)
        else:
            self.error.value = ""
