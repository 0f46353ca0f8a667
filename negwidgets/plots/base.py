"""The shared figure machinery: size in CSS pixels, sharp PNG output, the course's colours."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg", force=False)  # charts render off-screen; the widget shows the PNG

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

__all__ = ["COLOURS", "Chart"]

# tab10 colours survive the common colour-vision deficiencies when paired with labels and patterns.
COLOURS = {
    "you": "#1f77b4",  # tab:blue
    "them": "#ff7f0e",  # tab:orange
    "zone": "#2ca02c",  # tab:green
    "risk": "#d62728",  # tab:red
    "neutral": "#7f7f7f",  # tab:grey
}

_CSS_DPI = 100  # one figure inch is 100 CSS pixels on the page
_RENDER_SCALE = 2  # render at twice that for sharp text on high-density screens and in Voila


class Chart:
    """A figure of fixed size whose artists subclasses create once and update on every change.

    Subclasses implement :meth:`update`, which takes a model result and returns a one-line text
    description of the figure for screen readers.
    """

    width_in = 7.0
    height_in = 2.8

    def __init__(self) -> None:
        self.figure = Figure(figsize=(self.width_in, self.height_in), dpi=_CSS_DPI, layout=None)
        FigureCanvasAgg(self.figure)
        self.ax = self.figure.add_subplot()
        self.caption = ""

    @property
    def css_width(self) -> str:
        """The width to give the ``Image`` widget so the PNG is shown at its natural size."""
        return f"{round(self.width_in * _CSS_DPI)}px"

    def update(self, result) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def png(self) -> bytes:
        buffer = io.BytesIO()
        # Fast zlib level: a chart PNG is small and re-sent on every move, so speed beats size here.
        self.figure.savefig(
            buffer, format="png", dpi=_CSS_DPI * _RENDER_SCALE, pil_kwargs={"compress_level": 1}
        )
        return buffer.getvalue()
