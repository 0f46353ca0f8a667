"""Text outlines kept by font and string, for charts whose texts have a white outline.

A white outline is a path effect, and matplotlib draws a text with a path effect from the text's outline, which it
finds again (glyph by glyph, from the font) on every draw: about 1 ms a short number and 2.5 ms a two-line note at
the charts' resolution, most of drawing them. The outlines are the ones matplotlib finds, so the pixels are the same.
"""

from __future__ import annotations

import numpy as np
from matplotlib.textpath import TextToPath

__all__ = ["keep_text_outlines"]

_MOST = 512   # outlines kept a chart (then emptied and filled again): numbers and notes, a few kB each


class _KeptTextPaths(TextToPath):
    def __init__(self) -> None:
        super().__init__()
        self._kept: dict = {}

    def get_text_path(self, prop, s, ismath=False, *, features=None, language=None):
        key = (tuple(prop.get_family()), prop.get_style(), prop.get_variant(), prop.get_weight(), prop.get_stretch(),
               prop.get_size_in_points(), prop.get_file(), prop.get_math_fontfamily(), s, ismath, repr(features),
               language)
        if key not in self._kept:
            if len(self._kept) >= _MOST:
                self._kept.clear()
            verts, codes = super().get_text_path(prop, s, ismath=ismath, features=features, language=language)
            self._kept[key] = (np.array(verts, float).reshape(-1, 2), np.array(codes, np.uint8))
        return self._kept[key]


def keep_text_outlines(chart) -> None:
    """Have ``chart``'s renderer (made with the chart and kept while its size is) draw path effects' text from
    outlines kept by font and string. A renderer made again (a new size) finds them afresh, as matplotlib does."""
    chart.canvas.get_renderer()._text2path = _KeptTextPaths()
