"""The shape every calculator shares: controls, an error line, a result line, one figure, a caption.

A subclass builds its controls, lists the ones to watch, and implements :meth:`ModelView.compute`
(one model call). On every change the base class calls it; a ``ValueError`` is shown as the error
sentence beside the controls while the last good result and figure stay on screen.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

__all__ = ["ModelView", "alert_html", "caption_html", "chart_image", "labelled", "money_slider", "percent_slider",
           "status_html"]

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


def status_html(message: str) -> str:
    """A quiet confirmation line (screen readers announce it politely)."""
    return f"<div role='status' style='{STATUS_STYLE}'>✓ {html.escape(message)}</div>"


def caption_html(caption: str, before: str = "") -> str:
    """A figure's one-line text description, shown under it (ipywidgets' Image takes no alt text)."""
    return f"<div style='color:#444;font-size:0.9em'>{html.escape(before)}Figure: {html.escape(caption)}</div>"


def chart_image(chart, **layout) -> widgets.Image:
    """An Image widget that shows a chart's PNG at its natural size (sharp in Voila too)."""
    return widgets.Image(format="png", layout=widgets.Layout(width=chart.css_width, max_width="100%", height="auto",
                                                             **layout))


def labelled(widget_class, description: str, **kwargs):
    """A control with a visible description (which screen readers announce) and the course's layout."""
    if issubclass(widget_class, widgets.ToggleButtons):
        # Buttons as wide as their labels, on the same line as the description.
        kwargs.setdefault("style", {**_DESCRIPTION_STYLE, "button_width": "auto"})
        kwargs.setdefault("layout", widgets.Layout(width="auto", max_width="100%"))
    kwargs.setdefault("style", _DESCRIPTION_STYLE)
    kwargs.setdefault("layout", widgets.Layout(**_CONTROL_LAYOUT))
    return widget_class(description=description, **kwargs)


def money_slider(description: str, value: float, low: float, high: float, step: float = 1_000) -> widgets.FloatSlider:
    """A slider over amounts of money, read out as $70,000."""
    return labelled(widgets.FloatSlider, description, value=value, min=low, max=high, step=step,
                    readout_format="$,.0f", continuous_update=True)


def percent_slider(description: str, value: float, low: float, high: float, step: float = 0.005) -> widgets.FloatSlider:
    """A slider over a rate or a chance, read out as 3.0%."""
    return labelled(widgets.FloatSlider, description, value=value, min=low, max=high, step=step, readout_format=".1%")


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
            self.image = chart_image(self.chart)
            # The caption is the figure's text description (ipywidgets' Image takes no alt text or tooltip).
            self.caption = widgets.HTML(value="")
            children += [self.image, self.caption]
        super().__init__(children=children, **kwargs)
        self.add_class("negwidgets")
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
            self.image.value = self.chart.png()
            self.caption.value = caption_html(self.chart.caption)

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
