"""Stamps: parts of a chart drawn over its cached background whose pixels are kept for each thing they show.

The background (see :mod:`negwidgets.plots.base`) is drawn again whenever anything in it changes; a chart whose
axes' limits, ticks or titles change often (a slider that moves an axis, a title that says the amounts) paid a whole
background (40-90 ms) for a few texts. A :class:`Stamp` takes such texts out of the background: they are drawn
over it, in a part of the figure they alone draw in, and their pixels kept for each key (what they show), so that
a key seen again costs a copy of those pixels. A chart's stamps are drawn by a :class:`StampLayer`, its first
dynamic artist: over the background and under the other dynamic artists, as the background's texts were.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from matplotlib.artist import Artist
from matplotlib.transforms import Bbox

__all__ = ["Stamp", "StampLayer", "axis_stamps", "stamp_layer", "tick_marks"]


class Stamp:
    """Artists (a title, a legend, an axis) whose pixels are kept for each ``key()`` (what they show) and pasted
    again instead of drawing their texts (a text costs about a millisecond, a title or a legend 6-9, an axis 7-13).
    A kept stamp is pasted only over the very pixels it was drawn over, so it never hides something else.

    ``reach``, given a renderer, may add boxes the artists draw in beyond their own (an axis's tick marks)."""

    kept = 12

    def __init__(self, artists, key, reach=None, store: OrderedDict | None = None) -> None:
        self.artists = artists
        self.key = key
        self.reach = reach
        for artist in artists:
            artist.set_animated(True)   # left out of the cached background
        # ``store``: kept pixels shared with the same stamp of other charts of a class (the practice game's debrief,
        # made anew with each game), safe because a kept stamp is pasted only over the pixels it was drawn over.
        self._kept: OrderedDict = OrderedDict() if store is None else store

    def draw(self, chart) -> None:
        key = self.key()
        pixels = np.asarray(chart.canvas.buffer_rgba())
        kept = self._kept.get(key)
        if kept is not None:
            rows, columns, under, drawn = kept
            if np.array_equal(pixels[rows, columns], under):
                pixels[rows, columns] = drawn
                self._kept.move_to_end(key)
                return
        renderer = chart.canvas.get_renderer()
        shown = [artist for artist in self.artists if artist.get_visible()]
        boxes = [box for box in (artist.get_tightbbox(renderer) for artist in shown) if box is not None]
        boxes += self.reach(renderer) if self.reach is not None and shown else []
        height, width = pixels.shape[:2]
        pad = 3   # antialiased edges reach a pixel or two beyond the boxes
        rows, columns = slice(0, 0), slice(0, 0)
        if boxes:
            rows = slice(max(int(height - max(box.y1 for box in boxes)) - pad, 0),
                         min(int(height - min(box.y0 for box in boxes)) + pad + 1, height))
            columns = slice(max(int(min(box.x0 for box in boxes)) - pad, 0),
                            min(int(max(box.x1 for box in boxes)) + pad + 1, width))
        under = pixels[rows, columns].copy()
        for rows_, columns_, other, _ in self._kept.values():   # most stamps go over the same pixels: kept once
            if (rows_, columns_) == (rows, columns) and np.array_equal(other, under):
                under = other
                break
        for artist in shown:
            chart.figure.draw_artist(artist)
        self._kept[key] = (rows, columns, under, pixels[rows, columns].copy())
        self._kept.move_to_end(key)
        while len(self._kept) > self.kept:
            self._kept.popitem(last=False)


class StampLayer(Artist):
    """A chart's stamps as one artist, to be registered (``chart.dynamic``) before its other dynamic artists: the
    stamps then go over the pixels of the background alone, the same on every update, and are pasted each time."""

    def __init__(self, chart, stamps) -> None:
        super().__init__()
        self.chart = chart
        self.stamps = tuple(stamps)

    def draw(self, renderer) -> None:
        for stamp in self.stamps:
            stamp.draw(self.chart)


def tick_marks(axis):
    """For a stamp of ``axis`` (an x or y axis, ticks outward): where its tick marks reach, out of its axes (the
    axis's own box holds its labels only)."""
    def reach(renderer):
        length = axis.majorTicks[0].get_tick_padding() * axis.get_figure(root=True).dpi / 72
        box = axis.axes.bbox
        if axis.axis_name == "x":
            return [Bbox.from_extents(box.x0, box.y0 - length, box.x1, box.y0)]
        return [Bbox.from_extents(box.x0 - length, box.y0, box.x0, box.y1)]
    return reach


def axis_stamps(*axes, stores=None) -> tuple[Stamp, ...]:
    """A stamp of each axis (an x or y axis, ticks outward), its pixels kept for each of its limits; ``stores`` maps
    "x" and "y" to stores shared by a class's charts (see :class:`Stamp`)."""
    return tuple(Stamp([axis], lambda axis=axis: tuple(axis.get_view_interval()), reach=tick_marks(axis),
                       store=None if stores is None else stores[axis.axis_name])
                 for axis in axes)


def stamp_layer(chart, stamps, *then) -> StampLayer:
    """Put ``chart``'s stamps first among its dynamic artists (over the background alone, under the rest), followed
    by ``then``, artists to draw next (before those registered already)."""
    layer = StampLayer(chart, stamps)
    for artist in (layer, *then):
        artist.set_animated(True)
    chart._dynamic[:0] = [layer, *then]
    return layer
