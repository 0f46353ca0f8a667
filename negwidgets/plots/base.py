"""The shared figure machinery: size in CSS pixels, sharp PNG output, blitted updates, the course's colours.

A chart is drawn in two layers. The *background* (axes, ticks, labels: most of the text, which is most of
matplotlib's drawing time) is rendered once and cached; it is rendered again only when the chart's
:meth:`Chart.static_key` changes. The *dynamic* artists (title, bars, markers, shading), registered with
:meth:`Chart.dynamic`, are drawn over the cached background on every update. This is matplotlib's
blitting technique, here used to produce PNG frames for an ``Image`` widget.

A chart class whose background is fixed by the class and :meth:`Chart.static_key` alone may set
``shared_background``: its backgrounds are then kept for the class, so that a new chart of it (the practice game's
debrief figures, made anew with each game widget) starts from a background already drawn instead of drawing it.
One whose background is fixed by the chart's :meth:`Chart.static_key` may set ``keep_backgrounds``: its latest
backgrounds are kept, so that going back to an earlier key copies its pixels instead of drawing them again. The
latest eight backgrounds drawn are kept in all.
"""

from __future__ import annotations

import struct
import threading
import weakref
import zlib
from collections import OrderedDict

import numpy as np
from matplotlib.figure import Figure
from matplotlib.text import Text

from .text_cache import Canvas

try:
    # ISA-L's deflate: at level 1, 6-8 times zlib's speed on the course's charts, for a file no larger
    # (benchmarks/png_encoder.py). It installs from wheels (or conda-forge's python-isal) on Linux, macOS and
    # Windows; where it cannot, the standard zlib.
    from isal.isal_zlib import compress as _deflate
except ImportError:  # pragma: no cover - a platform without isal's wheel
    from zlib import compress as _deflate

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
_RENDER_SCALE = 2  # rendered at twice that for sharp text on high-density screens and in Voila


# (chart class or a weak reference to a chart, static key) -> (the background's pixels, their font sizes)
_SHARED: OrderedDict = OrderedDict()
_SHARED_KEPT = 8  # the latest backgrounds kept, of every chart (4 to 6 MB each)


def label(text: str) -> str:
    """Escape dollar signs: two of them in one label would switch matplotlib to maths mode."""
    return text.replace("$", r"\$")


class Chart:
    """A figure of fixed size whose artists subclasses create once and update on every change.

    Subclasses implement :meth:`update`, which takes a model result, moves the artists and returns a
    one-line text description of the figure for screen readers (also kept in ``caption``).
    """

    width_in = 7.0
    height_in = 2.8

    def __init__(self) -> None:
        self.figure = Figure(figsize=(self.width_in, self.height_in), dpi=_CSS_DPI * _RENDER_SCALE)
        self.canvas = Canvas(self.figure)   # text layouts and glyphs kept between frames (text_cache.py)
        # The renderer's pixels made now, with the chart, not on the first move that shows it: a debrief chart made
        # hidden with its game would otherwise allocate and page in 3-6 MB when the game ends.
        self.canvas.get_renderer()
        self.ax = self.figure.add_subplot()
        self.caption = ""
        self._dynamic: list = []
        self._background = None
        self._background_key = None
        self._background_fonts = None   # the font sizes of the background's texts, measured when it is drawn
        # A figure-level title survives ax.clear() and is redrawn with the dynamic layer.
        self.title = self.dynamic(self.figure.text(0.02, 0.97, "", ha="left", va="top", fontsize=11))

    render_scale = _RENDER_SCALE

    #: True when the background depends only on the class and :meth:`static_key` (not on arguments or on a
    #: model object given when the chart was made): the backgrounds drawn are then shared by the class's charts.
    shared_background = False
    #: True when the background depends only on this chart's :meth:`static_key` (everything else in it fixed when
    #: the chart was made): the latest backgrounds drawn are then kept, so that a control moved back to an earlier
    #: value (the "You are" choice, the knowledge presets) finds its background drawn.
    keep_backgrounds = False
    _self_ref = None

    @property
    def natural_width(self) -> int:
        """The figure's width in CSS pixels when its PNG is shown at its natural size."""
        return round(self.width_in * _CSS_DPI)

    @property
    def css_width(self) -> str:
        """The width to give an image widget so the PNG is shown at its natural size."""
        return f"{self.natural_width}px"

    def min_font_px(self) -> float:
        """The smallest text drawn (titles, labels, ticks, legends), in CSS pixels at the natural size: a
        page that shows the figure at width ``w`` shows that text at ``min_font_px() * w / natural_width``."""
        if self._background_fonts is None:
            texts = self.figure.findobj(Text)
        else:
            # The background's texts were measured when it was drawn (they do not change until it is drawn again);
            # only the dynamic artists' texts are looked at, not the whole figure on every move.
            texts = [text for artist in self._dynamic for text in artist.findobj(Text)]
        sizes = [text.get_fontsize() for text in texts
                 if text.get_visible() and text.get_text().strip() and text.get_figure() is not None]
        return round(min([*sizes, *(self._background_fonts or ())], default=0) * _CSS_DPI / 72, 2)

    def _measure_background_fonts(self) -> None:
        dynamic = {id(text) for artist in self._dynamic for text in artist.findobj(Text)}
        self._background_fonts = [text.get_fontsize() for text in self.figure.findobj(Text)
                                  if id(text) not in dynamic and text.get_visible() and text.get_text().strip()
                                  and text.get_figure() is not None]

    def dynamic(self, artist):
        """Register an artist that changes on updates; it is drawn over the cached background."""
        artist.set_animated(True)
        self._dynamic.append(artist)
        return artist

    def forget(self, artist) -> None:
        """Remove a dynamic artist from the figure (e.g. a fill that is recreated on each update)."""
        self._dynamic.remove(artist)
        artist.remove()

    def static_key(self):
        """What the background depends on; when it changes, the background is drawn again."""
        return (self.ax.get_xlim(), self.ax.get_ylim())

    def set_title(self, text: str) -> None:
        self.title.set_text(label(text))

    def update(self, result) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def render(self) -> np.ndarray:
        """Draw the current state and return the RGBA pixels (background cached between updates)."""
        if not self._background_drawn():
            self._restore(self._background)
        for artist in self._dynamic:
            if artist.get_visible():
                self.figure.draw_artist(artist)
        return self._pixels()

    def _pixels(self) -> np.ndarray:
        """The canvas's pixels (height x width x 4), as a view: drawing changes them."""
        return np.asarray(self.canvas.get_renderer().buffer_rgba())

    def _restore(self, layer: np.ndarray) -> None:
        """Put pixels kept by :meth:`_snapshot` back on the canvas."""
        np.copyto(self._pixels(), layer)

    def _snapshot(self, into: np.ndarray | None = None) -> np.ndarray:
        """A copy of the canvas's pixels, written into ``into`` when it is given and of the same size: a new array
        of 3 to 6 MB is paged in as it is first written, which cost more than the copy (up to 5 ms a frame in a
        kernel). ``into`` must be this chart's own, never a background kept for others."""
        pixels = self._pixels()
        if into is None or into.shape != pixels.shape or not into.flags.writeable:
            return np.array(pixels)
        np.copyto(into, pixels)
        return into

    def _background_drawn(self) -> bool:
        """When :meth:`static_key` has changed, put the new background on the canvas (drawn, or copied from one
        kept) and cache it: True. Otherwise False, and the cached background is the caller's to restore."""
        key = self.static_key()
        if self._background is not None and key == self._background_key:
            return False
        kept = self._kept_key(key)
        if kept is not None and kept in _SHARED:  # drawn already (by this chart or one of its class): copied whole
            _SHARED.move_to_end(kept)
            self._background, self._background_fonts = _SHARED[kept]   # read-only, shared: restored, never written
            self._restore(self._background)
        else:
            self.canvas.draw()  # animated (dynamic) artists are left out of this pass
            # A background kept for others is read-only, so _snapshot makes a new array instead of overwriting it.
            self._background = self._snapshot(self._background)
            self._measure_background_fonts()
            if kept is not None:
                self._background.flags.writeable = False
                _SHARED[kept] = (self._background, self._background_fonts)
                while len(_SHARED) > _SHARED_KEPT:
                    _SHARED.popitem(last=False)
        self._background_key = key
        return True

    def png(self) -> bytes:
        return png_rgba(self.render())

    def _kept_key(self, key):
        """Where this background is kept among the latest drawn, or None when it is not kept."""
        if self.shared_background:
            return (type(self), key)
        if self.keep_backgrounds:
            if self._self_ref is None:
                # A weak reference: a chart garbage-collected never lends its backgrounds to a new one at its address.
                self._self_ref = weakref.ref(self)
            return (self._self_ref, key)
        return None


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_rgba(pixels: np.ndarray) -> bytes:
    """``pixels`` (height x width x 4, uint8, as Agg draws them) as a PNG. A chart is re-sent on every move, so
    speed wins: each row unfiltered, copied whole (dropping the opaque figure's alpha channel would copy pixel by
    pixel, which costs more than compressing it), then deflated at level 1 by ISA-L when it is installed (zlib
    otherwise). On the course's charts this is 16-26 times as fast as Pillow's encoder at zlib's level 1, for a
    file no larger: 1.7 ms for a 1400 x 1000 chart (``python benchmarks/png_encoder.py``).

    >>> data = png_rgba(np.zeros((2, 3, 4), np.uint8))
    >>> data[:8], data[16:24]
    (b'\\x89PNG\\r\\n\\x1a\\n', b'\\x00\\x00\\x00\\x03\\x00\\x00\\x00\\x02')
    """
    height, width = pixels.shape[:2]
    with _ROWS_LOCK:
        rows = _rows_buffer(height, width)
        rows[:, 1:] = np.ascontiguousarray(pixels, dtype=np.uint8).reshape(height, 4 * width)
        data = _deflate(rows, 1)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)   # 8 bits a channel, RGBA, no interlace
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


# (height, width) -> the rows of the latest PNG of that size, reused: the 3 to 6 MB of a new buffer are paged in on
# first write, which took 1.5 ms and at times 15 ms, more than the deflating.
_ROWS: OrderedDict = OrderedDict()
_ROWS_KEPT = 4
_ROWS_LOCK = threading.Lock()


def _rows_buffer(height: int, width: int) -> np.ndarray:
    rows = _ROWS.pop((height, width), None)
    if rows is None:
        rows = np.zeros((height, 1 + 4 * width), np.uint8)   # column 0: filter type 0 (none) before each row
    _ROWS[height, width] = rows
    while len(_ROWS) > _ROWS_KEPT:
        _ROWS.popitem(last=False)
    return rows
