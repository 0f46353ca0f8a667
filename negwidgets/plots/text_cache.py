"""Text drawn faster, pixel for pixel the same as matplotlib draws it.

matplotlib's Agg renderer lays out a text (FreeType and HarfBuzz, about 0.6 ms) and rasterises each of its glyphs
(about 35 microseconds each at the charts' 200 dpi) every time it is drawn, although a chart draws the same
strings in the same fonts, frame after frame: on a control's move, text was most of the drawing time. This
renderer keeps both:

- a text's layout, by font, size, resolution, string and shaping options;
- a glyph's bitmap, by font, size, resolution, glyph, angle and the fraction of a pixel its origin falls on (in
  FreeType's 1/64ths). That fraction is all the bitmap depends on: a glyph moved by whole pixels is the same
  bitmap moved, so it is drawn from the cache at its new place.

The layouts and bitmaps are the ones matplotlib makes, so the pixels are identical
(tests/test_plots_text_cache.py draws every chart both ways). It replaces two methods of matplotlib 3.11's
``RendererAgg`` (``draw_text`` and the private ``_draw_text_glyphs_and_boxes``); under another matplotlib, whose
methods may differ, :func:`caching` is False and charts use matplotlib's own renderer unchanged.
"""

from __future__ import annotations

import inspect
import math

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag

__all__ = ["Canvas", "caching"]

_GLYPHS: dict = {}   # (font, size, dpi, glyph, slant, extend, angle, x 1/64ths, y 1/64ths, flags, mode) -> bitmap
_LAYOUTS: dict = {}  # (font, size, dpi, string, flags, features, language) -> the glyphs and their offsets
# Bounds on the caches (then emptied and filled again): a glyph's bitmap is a few hundred bytes, so the glyphs
# take a few MB at most; a kernel's charts draw a few thousand distinct strings.
_MOST_GLYPHS = 20_000
_MOST_LAYOUTS = 4_096


def _supported() -> bool:
    """matplotlib 3.11's text path, whose methods this renderer replaces, and nothing else."""
    from matplotlib.ft2font import FT2Font

    version = tuple(int(part) for part in matplotlib.__version__.split(".")[:2])
    method = getattr(RendererAgg, "_draw_text_glyphs_and_boxes", None)
    return (version == (3, 11) and method is not None and hasattr(FT2Font, "_layout")
            and hasattr(FT2Font, "_render_glyph")
            and list(inspect.signature(method).parameters) == ["self", "gc", "x", "y", "angle", "glyphs", "boxes"])


_SUPPORTED = _supported()


def caching() -> bool:
    """Whether charts draw their text through the caches (False under a matplotlib other than 3.11)."""
    return _SUPPORTED


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


class _CachingRendererAgg(RendererAgg):
    """matplotlib's Agg renderer, with text layouts and glyph bitmaps kept (see the module's docstring)."""

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        # As RendererAgg.draw_text, the layout looked up before it is made.
        if ismath:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        size = prop.get_size_in_points()
        flags = get_hinting_flag()
        font = self._prepare_font(prop)
        key = (font, size, self.dpi, s, flags, _hashable(features), _hashable(language))
        glyphs = _LAYOUTS.get(key)
        if glyphs is None:
            glyphs = tuple((item.ft_object, size, item.glyph_index, 0, 1, item.x, item.y)
                           for item in font._layout(s, flags=flags, features=features, language=language))
            if len(_LAYOUTS) >= _MOST_LAYOUTS:
                _LAYOUTS.clear()
            _LAYOUTS[key] = glyphs
        self._draw_text_glyphs_and_boxes(gc, x, y, angle, glyphs, [])

    def _draw_text_glyphs_and_boxes(self, gc, x, y, angle, glyphs, boxes):
        # As RendererAgg's: each glyph rendered at its origin's fraction of a pixel (or found rendered), then drawn
        # shifted by the whole pixels. Boxes (mathtext's rules) are rare: matplotlib draws those texts itself.
        if boxes:
            return super()._draw_text_glyphs_and_boxes(gc, x, y, angle, glyphs, boxes)
        from matplotlib.ft2font import RenderMode

        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        flags = get_hinting_flag()
        mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
        height = self.height
        draw = self._renderer.draw_text_image
        for font, size, glyph_index, slant, extend, dx, dy in glyphs:  # dy is upwards
            # The glyph's origin in FreeType's 1/64ths of a pixel, y upwards (as matplotlib computes it).
            x64 = round(0x40 * (x + dx * cos - dy * sin))
            y64 = round(0x40 * (height - y + dx * sin + dy * cos))
            key = (font, size, self.dpi, glyph_index, slant, extend, angle, x64 & 63, y64 & 63, flags, mode)
            bitmap = _GLYPHS.get(key)
            if bitmap is None:
                font.set_size(size, self.dpi)
                matrix = 0x10000 * np.array([[cos, -sin], [sin, cos]]) @ [[extend, extend * slant], [0, 1]]
                font._set_transform(matrix.round().astype(int), [x64 & 63, y64 & 63])
                rendered = font._render_glyph(glyph_index, flags, mode)
                buffer = np.array(rendered.buffer)   # a copy: FreeType reuses its own
                if mode is RenderMode.MONO:
                    buffer *= 0xff
                if len(_GLYPHS) >= _MOST_GLYPHS:
                    _GLYPHS.clear()
                bitmap = _GLYPHS[key] = (buffer, rendered.left, rendered.top)
            buffer, left, top = bitmap
            # draw_text_image's y is downwards and names the bitmap's bottom side.
            draw(buffer, left + (x64 >> 6), int(height) - (top + (y64 >> 6)) + buffer.shape[0], 0, gc)


class Canvas(FigureCanvasAgg):
    """An Agg canvas whose renderer keeps text layouts and glyph bitmaps (when :func:`caching`)."""

    #: False: text drawn by matplotlib's own renderer (the tests draw each chart both ways).
    caches_text = True

    def get_renderer(self):
        renderer = super().get_renderer()
        wanted = _CachingRendererAgg if _SUPPORTED and self.caches_text else RendererAgg
        if type(renderer) is not wanted and type(renderer) in (RendererAgg, _CachingRendererAgg):
            renderer.__class__ = wanted   # a subclass adding no state: the renderer made is kept
        return renderer
