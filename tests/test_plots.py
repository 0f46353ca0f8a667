"""The charts' own PNG encoder (negwidgets.plots.base.png_rgba) against Pillow's decoder: the same pixels back,
with ISA-L's deflate (the default) and with the standard zlib (where isal cannot be installed)."""

from __future__ import annotations

import io
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from negwidgets.plots import base
from negwidgets.plots.base import png_rgba


def test_the_charts_are_deflated_by_isal():
    from isal import isal_zlib

    assert base._deflate is isal_zlib.compress


@pytest.mark.parametrize("deflate", ["isal", "zlib"])
@settings(max_examples=60, deadline=None)
@given(height=st.integers(1, 40), width=st.integers(1, 40), seed=st.integers(0, 2**32 - 1))
def test_any_rgba_image_decodes_to_the_same_pixels(deflate, height, width, seed):
    pixels = np.random.default_rng(seed).integers(0, 256, (height, width, 4), dtype=np.uint8)
    # Mostly-flat pictures too, like a chart's: long runs are where the two compressors' matches differ.
    pixels[: height // 2] = pixels[0, 0]
    kept = base._deflate
    if deflate == "zlib":
        base._deflate = zlib.compress
    try:
        decoded = Image.open(io.BytesIO(png_rgba(pixels)))
    finally:
        base._deflate = kept
    assert decoded.mode == "RGBA" and decoded.size == (width, height)
    assert np.array_equal(np.asarray(decoded), pixels)


def test_a_chart_s_png_is_its_rendered_pixels():
    from negwidgets.widgets import CoalitionExplorer

    chart = CoalitionExplorer().chart
    decoded = np.asarray(Image.open(io.BytesIO(chart.png())))
    assert np.array_equal(decoded, chart.render())


def _full_walk_min_font(chart) -> float:
    """The smallest visible text of the whole figure, in CSS pixels, found by walking every artist."""
    from matplotlib.text import Text

    sizes = [text.get_fontsize() for text in chart.figure.findobj(Text)
             if text.get_visible() and text.get_text().strip() and text.get_figure() is not None]
    return round(min(sizes, default=0) * 100 / 72, 2)


def _typed_views():
    """Views whose typed numbers used to redraw the whole figure, with a series of edits to each."""
    from negwidgets.widgets import (AspirationPlanner, BatnaCalculator, CompensationComparer, CriteriaLadder,
                                    FirstOfferAdvisor, LifetimeEarnings, ZopaUnderUncertainty)

    batna = BatnaCalculator([("Offer from Firm B", 72_000, 0.5), ("Offer from Firm C", 65_000, 0.3), ("Stay", 58_000, 0.2)])
    ladder = CriteriaLadder()
    comparer = CompensationComparer()
    entries = comparer.entries
    earnings = LifetimeEarnings()
    planner = AspirationPlanner()
    advisor = FirstOfferAdvisor()
    uncertain = ZopaUnderUncertainty()
    edits = [
        (batna, lambda: setattr(batna.rows[0].value, "value", "75k")),
        # The tree's artists are changed in place and only they drawn again: a label, then two chances (the lines'
        # widths and the labels on them, which meet the other branches), then a label grown long and short again.
        (batna, lambda: setattr(batna.rows[0].probability, "value", "40%")),   # refused: 90% in all
        (batna, lambda: setattr(batna.rows[1].probability, "value", "40%")),
        (batna, lambda: setattr(batna.rows[2].name, "value", "Stay in my current job, with the promotion they hinted at")),
        (batna, lambda: setattr(batna.rows[2].name, "value", "Stay")),
        (batna, lambda: setattr(batna.rows[1].value, "value", "66k")),
        (batna, lambda: setattr(batna.rows[1].name, "value", "A much longer name for the second outcome")),
        (batna, lambda: setattr(batna.rows[2].adjustment, "value", "-4k")),
        (batna, lambda: batna.rows[2].remove.click()),   # two outcomes left, whose chances no longer add up
        (batna, lambda: setattr(batna.rows[1].probability, "value", "50%")),
        (ladder, lambda: setattr(ladder.rows[0].value, "value", "90k")),
        (ladder, lambda: setattr(ladder.rows[1].strength, "value", 1)),
        (ladder, lambda: setattr(ladder.rows[2].name, "value", "Renamed standard")),
        # Only the changed name is drawn again: a name grown to two lines, typed back, next to a changed one.
        (ladder, lambda: setattr(ladder.rows[3].name, "value", "A standard whose name wraps onto a second line")),
        (ladder, lambda: setattr(ladder.rows[3].name, "value", "A standard whose name wraps")),
        (ladder, lambda: setattr(ladder.rows[4].strength, "value", 5)),
        (ladder, lambda: setattr(ladder.rows[3].strength, "value", 1)),
        (ladder, lambda: setattr(ladder.rows[3].name, "value", "")),
        (ladder, lambda: ladder.table.add_button.click()),
        (ladder, lambda: setattr(ladder.rows[-1].value, "value", "81k")),
        (ladder, lambda: setattr(ladder.rows[-1].name, "value", "A new standard")),
        (ladder, lambda: setattr(ladder.rows[2].value, "value", "50k")),
        (ladder, lambda: ladder.rows[0].remove.click()),
        (ladder, lambda: setattr(ladder.reservation, "value", 85_000)),
        # The comparer pastes its title, names, money axes and years' labels kept from earlier moves.
        (comparer, lambda: setattr(entries["B"]["salary"], "value", "$105,000")),   # other money axes
        (comparer, lambda: setattr(comparer.years, "value", 9)),
        (comparer, lambda: setattr(entries["A"]["name"], "value", "A long name for staying, longer than the legend")),
        (comparer, lambda: setattr(entries["B"]["equity_chance"], "value", "10%")),   # the lead changes hands
        (comparer, lambda: setattr(comparer.years, "value", 2)),
        (comparer, lambda: setattr(entries["B"]["salary"], "value", "$80,000")),
        (comparer, lambda: setattr(entries["A"]["salary"], "value", "$300,000")),   # B far behind: money axes
        (comparer, lambda: setattr(entries["A"]["name"], "value", "")),
        (comparer, lambda: setattr(comparer.years, "value", 9)),
        (comparer, lambda: setattr(entries["A"]["salary"], "value", "$80,000")),
        (comparer, lambda: setattr(entries["B"]["salary"], "value", "$105,000")),   # back where it was
        # The earnings chart pastes each axis kept for its limits.
        (earnings, lambda: setattr(earnings.years, "value", 8)),
        (earnings, lambda: setattr(earnings.years, "value", 47)),
        (earnings, lambda: setattr(earnings.first_offer, "value", 150_000)),
        (earnings, lambda: setattr(earnings.years, "value", 8)),
        (earnings, lambda: setattr(earnings.first_offer, "value", 70_000)),
        (earnings, lambda: setattr(earnings.years, "value", 47)),
        # The x axis is kept with the names: new limits draw it again over the background's pixels under it.
        (ladder, lambda: setattr(ladder.reservation, "value", 45_000)),
        (ladder, lambda: setattr(ladder.their_limit, "value", 115_000)),
        (ladder, lambda: setattr(ladder.rows[0].name, "value", "A standard renamed as the axis moves")),
        (ladder, lambda: setattr(ladder.reservation, "value", 70_000)),
        (ladder, lambda: setattr(ladder.their_limit, "value", 80_000)),
        # The planner's curve and salary axis are drawn over its background: a figure typed moves both.
        (planner, lambda: setattr(planner.figures[90], "value", "$95,000")),
        (planner, lambda: setattr(planner.percentile, "value", 60)),
        (planner, lambda: setattr(planner.source, "value", "Software engineer")),
        (planner, lambda: setattr(planner.reservation, "value", "")),
        (planner, lambda: setattr(planner.figures[10], "value", "")),
        (planner, lambda: setattr(planner.reservation, "value", "$150,000")),
        (planner, lambda: setattr(planner.source, "value", "Data analyst")),
        # Their axes are kept per limits over a background of the class's: limits left and seen again.
        (advisor, lambda: setattr(advisor.knowledge, "value", "No idea")),
        (advisor, lambda: setattr(advisor.reservation, "value", 60_000)),
        (advisor, lambda: setattr(advisor.knowledge, "value", "Well informed")),
        (advisor, lambda: setattr(advisor.reservation, "value", 70_000)),
        (advisor, lambda: setattr(advisor.knowledge, "value", "No idea")),
        (advisor, lambda: setattr(advisor.belief.kind, "value", "A range")),
        (uncertain, lambda: setattr(uncertain.belief.kind, "value", "A range")),
        (uncertain, lambda: setattr(uncertain.reservation, "value", 95_000)),
        (uncertain, lambda: setattr(uncertain.belief.kind, "value", "A best guess, give or take")),
        (uncertain, lambda: setattr(uncertain.belief.spread, "value", 2_000)),
        (uncertain, lambda: setattr(uncertain.reservation, "value", 70_000)),
        (uncertain, lambda: setattr(uncertain.belief.spread, "value", 6_000)),
    ]
    return edits


def test_an_updated_chart_shows_what_a_fresh_chart_of_the_same_result_shows():
    # The background is kept between updates (and the tree's and the ladder's artists are moved, not made
    # again): after each edit the picture must be the one a new chart draws from scratch for the same result.
    for view, edit in _typed_views():
        edit()
        if view.error_text:   # refused: the last good result and its figure stay (checked at the next edit)
            continue
        fresh = type(view.chart)()
        fresh.update(view.result)
        assert np.array_equal(view.chart.render(), fresh.render()), (type(view).__name__, view.caption_text)
        assert view.chart.min_font_px() == _full_walk_min_font(view.chart) == fresh.min_font_px()


def test_the_smallest_text_is_that_of_the_whole_figure_after_every_update():
    # min_font_px measures the background's texts when it is drawn and the dynamic ones on every update.
    from negwidgets.widgets import CompensationComparer, ExplodingOfferCalculator, ReputationExplorer

    for view, control, values in ((ExplodingOfferCalculator(), "deadline", [1, 5, 12, 20]),
                                  (ReputationExplorer(), "encounters", [5, 33, 97]),
                                  (CompensationComparer(path=None), "years", [1, 3, 10])):
        for value in values:
            getattr(view, control).value = value
            view.chart.render()
            assert view.chart.min_font_px() == _full_walk_min_font(view.chart), (type(view).__name__, value)
