"""The charts' own PNG encoder (negwidgets.plots.base.png_rgba) against Pillow's decoder: the same pixels back."""

from __future__ import annotations

import io

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from negwidgets.plots.base import png_rgba


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(0, 2**32 - 1))
def test_any_rgba_image_decodes_to_the_same_pixels(height, width, seed):
    pixels = np.random.default_rng(seed).integers(0, 256, (height, width, 4), dtype=np.uint8)
    decoded = Image.open(io.BytesIO(png_rgba(pixels)))
    assert decoded.mode == "RGBA" and decoded.size == (width, height)
    assert np.array_equal(np.asarray(decoded), pixels)


def test_a_chart_s_png_is_its_rendered_pixels():
    from negwidgets.widgets import CoalitionExplorer

    chart = CoalitionExplorer().chart
    decoded = np.asarray(Image.open(io.BytesIO(chart.png())))
    assert np.array_equal(decoded, chart.render())
