"""The course's own controls and figure, made with anywidget so that their markup is accessible.

ipywidgets' slider handle has no accessible name and is read as "70000"; its toggle buttons announce no
selected state; its Image takes no text alternative. These widgets keep the same Python face (``value``,
``min``, ``max``, ``step``, ``description``, ``disabled``; ``observe(..., names="value")``) and draw:

- :class:`Slider` (and :class:`IntSlider`, :class:`LogSlider`, :class:`RangeSlider`): a visible
  ``<label for>`` tied to a native ``<input type="range">`` (keyboard steps, touch), with
  ``aria-valuetext`` and a visible readout formatted in the browser as the course writes numbers
  ("$70,000", "35%"), so nothing waits for the kernel while it moves;
- :class:`Choice`: a labelled radio group drawn as buttons, each option named with its meaning;
- :class:`Checklist`: several options at once, native checkboxes in a ``<fieldset>`` whose ``<legend>``
  names the group, wrapping into as many columns as fit (one or two on a phone);
- :class:`Figure`: a chart's PNG in a ``<figure>``, its caption as the image's text alternative and as
  the visible "Figure: ..." caption, never shown so small that its text drops below 9 CSS px;
- :class:`Stylesheet`: the course's stylesheet (focus rings, labels above controls on narrow screens),
  carried by every view of the course (see :func:`course_root`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import anywidget
import ipywidgets as widgets
import traitlets as t

from ..model.money import money

__all__ = ["Checklist", "Choice", "Figure", "IntSlider", "LogSlider", "RangeSlider", "Slider", "Stylesheet", "course_root",
           "decimals_for", "readout"]

_STATIC = Path(__file__).with_name("static")
_FIRST = object()   # Choice's default: the first option (as ipywidgets' ToggleButtons); None means none yet


def decimals_for(step: float, kind: str = "number") -> int:
    """How many decimals a readout needs to show every value a step reaches (a percent counts in %).

    >>> decimals_for(1_000, "money"), decimals_for(0.0025, "percent"), decimals_for(0.05), decimals_for(1)
    (0, 2, 2, 0)
    """
    if kind == "money" or step <= 0:
        return 0
    scaled = step * 100 if kind == "percent" else step
    text = f"{scaled:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def readout(value: float, kind: str = "number", decimals: int = 0) -> str:
    """A value as the sliders show it (the browser formats the same way, in JavaScript).

    >>> readout(70_000, "money"), readout(0.35, "percent"), readout(0.0325, "percent", 2), readout(1.5, "number", 1)
    ('$70,000', '35%', '3.25%', '1.5')
    """
    if kind == "money":
        return money(value)
    if kind == "percent":
        return _trim(f"{value * 100:.{decimals}f}") + "%"
    return _trim(f"{value:,.{decimals}f}")


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


class _Slider(anywidget.AnyWidget, widgets.ValueWidget):
    _esm = _STATIC / "slider.js"

    min = t.Float(0.0).tag(sync=True)
    max = t.Float(100.0).tag(sync=True)
    step = t.Float(1.0).tag(sync=True)
    description = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    continuous_update = t.Bool(True).tag(sync=True)
    format = t.Enum(["number", "money", "percent"], "number").tag(sync=True)
    decimals = t.Int(0).tag(sync=True)
    base = t.Float(0.0).tag(sync=True)   # > 0: a logarithmic slider whose min, max and step are exponents

    def __init__(self, value=None, *, format: str = "number", decimals: int | None = None, **kwargs):
        step = kwargs.get("step", self.traits()["step"].default_value)
        super().__init__(format=format, decimals=decimals_for(step, format) if decimals is None else decimals,
                         **kwargs)
        if value is not None:
            self.value = value

    @property
    def readout(self) -> str:
        """What the slider shows (and screen readers say) for its value."""
        return readout(self.value, self.format, self.decimals)

    def _bounds(self) -> tuple[float, float]:
        return (self.min, self.max)

    def _clamp(self, value):
        low, high = self._bounds()
        return min(max(value, low), high)

    @t.observe("min", "max")
    def _bounds_changed(self, change) -> None:
        self.value = self.value   # validated again: clamped into the new bounds


class Slider(_Slider):
    """A slider over numbers; ``format`` is "number", "money" ($70,000) or "percent" (35%).

    A value outside ``min``..``max`` is clamped, as ipywidgets' sliders do.

    >>> s = Slider(70_000, min=40_000, max=120_000, step=1_000, format="money", description="Your reservation value")
    >>> s.value, s.readout
    (70000.0, '$70,000')
    >>> s.value = 200_000
    >>> s.value
    120000.0
    """

    value = t.Float(0.0).tag(sync=True)

    @t.validate("value")
    def _valid_value(self, proposal):
        return float(self._clamp(proposal["value"]))


class IntSlider(_Slider):
    """A slider over whole numbers.

    >>> IntSlider(35, min=1, max=50, description="Career length (years)").value
    35
    """

    value = t.Int(0).tag(sync=True)
    min = t.Int(0).tag(sync=True)
    max = t.Int(100).tag(sync=True)
    step = t.Int(1).tag(sync=True)

    @t.validate("value")
    def _valid_value(self, proposal):
        return int(round(self._clamp(proposal["value"])))


class LogSlider(_Slider):
    """A slider on a logarithmic scale: ``min``, ``max`` and ``step`` are exponents of ``base``.

    >>> s = LogSlider(0.2, min=-1.3, max=1.3, step=0.01, decimals=2, description="Concession exponent beta")
    >>> s.value, s.readout
    (0.2, '0.2')
    """

    value = t.Float(1.0).tag(sync=True)
    base = t.Float(10.0).tag(sync=True)

    def _bounds(self) -> tuple[float, float]:
        return (self.base ** self.min, self.base ** self.max)

    @t.validate("value")
    def _valid_value(self, proposal):
        return float(self._clamp(proposal["value"]))


class RangeSlider(_Slider):
    """Two values, low and high, on one scale (two native range inputs in a labelled group).

    >>> r = RangeSlider((64_000, 80_000), min=30_000, max=150_000, step=500, format="money", description="Pay")
    >>> r.value
    (64000.0, 80000.0)
    >>> r.value = (90_000, 70_000)   # given the wrong way round: put in order
    >>> r.value
    (70000.0, 90000.0)
    """

    value = t.Tuple(t.Float(), t.Float(), default_value=(0.0, 1.0)).tag(sync=True)

    @t.validate("value")
    def _valid_value(self, proposal):
        low, high = sorted(float(self._clamp(v)) for v in proposal["value"])
        return (low, high)

    @property
    def readout(self) -> str:
        return " to ".join(readout(v, self.format, self.decimals) for v in self.value)


class Choice(anywidget.AnyWidget, widgets.ValueWidget):
    """One option among a few, drawn as buttons: a radio group whose selected option screen readers announce.

    ``options`` are labels or ``(label, value)`` pairs, as for ipywidgets' ToggleButtons; ``names`` give
    each option an accessible name where its label alone says too little (a scale's "1" is read as
    "1 (not at all satisfied)"); ``value`` is ``None`` while nothing is chosen.

    >>> c = Choice([("I open", True), ("They open", False)], value=False, description="Who opens")
    >>> c.index, c.labels
    (1, ['I open', 'They open'])
    """

    _esm = _STATIC / "choice.js"

    value = t.Any(None)
    index = t.Int(None, allow_none=True).tag(sync=True)
    labels = t.List(t.Unicode()).tag(sync=True)
    names = t.List(t.Unicode()).tag(sync=True)
    tooltips = t.List(t.Unicode()).tag(sync=True)
    description = t.Unicode("").tag(sync=True)
    help = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    look = t.Enum(["buttons", "list"], "buttons").tag(sync=True)   # a row of buttons, or a list (a question's answers)

    def __init__(self, options: Sequence, value=_FIRST, *, names: Sequence[str] = (), tooltips: Sequence[str] = (),
                 **kwargs):
        pairs = [o if isinstance(o, tuple) else (str(o), o) for o in options]
        self._values = [v for _, v in pairs]
        super().__init__(labels=[label for label, _ in pairs], names=list(names), tooltips=list(tooltips), **kwargs)
        self.value = self._values[0] if value is _FIRST else value

    @property
    def options(self) -> list[tuple[str, object]]:
        return list(zip(self.labels, self._values))

    @t.validate("value")
    def _valid_value(self, proposal):
        value = proposal["value"]
        if value is not None and value not in self._values:
            raise t.TraitError(f"{value!r} is not one of the options of '{self.description}'.")
        return value

    @t.observe("value")
    def _value_changed(self, change) -> None:
        self.index = None if change["new"] is None else self._values.index(change["new"])

    @t.observe("index")
    def _index_changed(self, change) -> None:
        self.value = None if change["new"] is None else self._values[change["new"]]


class Checklist(anywidget.AnyWidget, widgets.ValueWidget):
    """Several options at once: ``value`` is the tuple of options chosen, in the options' order.

    ``options`` are the labels (each is also its value); ``description`` names the group (the fieldset's
    legend, which screen readers announce with each box) and ``help`` says more under it.

    >>> roles = Checklist(["Software", "Methodology", "Validation"], value=("Validation", "Software"),
    ...                   description="Rosa's roles")
    >>> roles.value
    ('Software', 'Validation')
    >>> roles.value = ["Coding"]
    Traceback (most recent call last):
    ...
    traitlets.traitlets.TraitError: 'Coding' is not one of the options of 'Rosa's roles'.
    """

    _esm = _STATIC / "checklist.js"

    value = t.Tuple().tag(sync=True)
    labels = t.List(t.Unicode()).tag(sync=True)
    description = t.Unicode("").tag(sync=True)
    help = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)

    def __init__(self, options: Sequence[str], value: Sequence[str] = (), **kwargs):
        super().__init__(labels=[str(option) for option in options], **kwargs)
        self.value = tuple(value)

    @property
    def options(self) -> list[str]:
        return list(self.labels)

    @t.validate("value")
    def _valid_value(self, proposal):
        chosen = set(proposal["value"])
        unknown = [v for v in proposal["value"] if v not in self.labels]
        if unknown:
            raise t.TraitError(f"{unknown[0]!r} is not one of the options of '{self.description}'.")
        return tuple(label for label in self.labels if label in chosen)


class Figure(anywidget.AnyWidget):
    """A chart's PNG with its caption: ``show(png, caption)`` replaces both in place.

    ``value`` holds the PNG bytes (sent as binary, as ipywidgets' Image does). The chart's natural width
    and its smallest text (CSS px at that width) let the page keep the text readable: the image never
    shrinks below ``min_text_px`` for that text, and with ``fill`` it grows with its box (a projector).
    """

    _esm = _STATIC / "figure.js"

    value = t.Bytes(b"").tag(sync=True)
    caption = t.Unicode("").tag(sync=True)
    before = t.Unicode("").tag(sync=True)   # a sentence shown before "Figure: ..."
    natural_width = t.Int(700).tag(sync=True)
    render_scale = t.Float(2.0).tag(sync=True)
    min_font_px = t.Float(0.0).tag(sync=True)
    min_text_px = t.Float(9.0).tag(sync=True)
    fill = t.Bool(False).tag(sync=True)

    def __init__(self, chart=None, **kwargs):
        if chart is not None:
            kwargs.setdefault("natural_width", chart.natural_width)
            kwargs.setdefault("render_scale", chart.render_scale)
        super().__init__(**kwargs)
        self.chart = chart

    def show(self, png: bytes, caption: str, before: str = "") -> None:
        """The new picture and its caption (and the chart's smallest text, which may have changed)."""
        if self.chart is not None:
            font = self.chart.min_font_px()
            if font != self.min_font_px:
                self.min_font_px = font
        self.value = png
        self.caption = caption
        self.before = before


class Stylesheet(anywidget.AnyWidget):
    """Carries the course's stylesheet into the page; shows nothing."""

    _esm = _STATIC / "stylesheet.js"
    _css = _STATIC / "negwidgets.css"


def course_root(box: widgets.Box, *classes: str) -> None:
    """Make ``box`` a view of the course: its CSS classes and the stylesheet among its children."""
    for name in ("nw-root", *classes):
        box.add_class(name)
    box.children = (*box.children, Stylesheet(layout=widgets.Layout(display="none")))
