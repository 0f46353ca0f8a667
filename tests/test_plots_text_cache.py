"""The charts' text cache (negwidgets.plots.text_cache): every chart's pixels are those matplotlib's own renderer
draws, after the caches were filled by other strings at other places, and the cache is really in use."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure

from negwidgets.plots import text_cache
from negwidgets.plots.base import Chart


def _both_ways(chart: Chart) -> tuple[np.ndarray, np.ndarray]:
    """The chart drawn whole (background and dynamic layer) by matplotlib's renderer, then by the caching one."""
    drawn = []
    for caches_text in (False, True):
        chart.canvas.caches_text = caches_text
        assert type(chart.canvas.get_renderer()) is (text_cache._CachingRendererAgg if caches_text else RendererAgg)
        chart._background = None   # the background drawn again, not restored
        drawn.append(np.array(chart.render()))
    return drawn[0], drawn[1]


# Each widget with a chart, made, and a move of one of its controls.
_VIEWS = {
    "ZopaExplorer": (lambda w, _: w.ZopaExplorer(), lambda v: setattr(v.seller_reservation, "value", 71_500)),
    "ZopaUnderUncertainty": (lambda w, _: w.ZopaUnderUncertainty(), lambda v: setattr(v.reservation, "value", 77_000)),
    "BatnaCalculator": (lambda w, _: w.BatnaCalculator(), lambda v: setattr(v.sure, "value", 64_500)),
    "AspirationPlanner": (lambda w, _: w.AspirationPlanner(), lambda v: setattr(v.percentile, "value", 73)),
    "FirstOfferAdvisor": (lambda w, folder: w.FirstOfferAdvisor(plan_path=folder / "plan.json"),
                          lambda v: setattr(v.anchoring, "value", 0.35)),
    "AnchoringSimulator": (lambda w, _: w.AnchoringSimulator(), lambda v: setattr(v.anchoring, "value", 0.8)),
    "CriteriaLadder": (lambda w, _: w.CriteriaLadder(), lambda v: setattr(v.rows[0].value, "value", "93k")),
    "ConcessionCurves": (lambda w, _: w.ConcessionCurves(), lambda v: setattr(v.beta, "value", 3.3)),
    "NegotiationDance": (lambda w, _: w.NegotiationDance(), lambda v: setattr(v.rounds, "value", 17)),
    "ScoringTable": (lambda w, _: w.ScoringTable(), lambda v: setattr(v.choices["Salary"], "value", 3)),
    "SubjectiveValueInventory": (lambda w, _: w.SubjectiveValueInventory(), lambda v: setattr(v.answers[0], "value", 2)),
    "LifetimeEarnings": (lambda w, _: w.LifetimeEarnings(), lambda v: setattr(v.years, "value", 23)),
    "WaitOrAccept": (lambda w, _: w.WaitOrAccept(), lambda v: setattr(v.weekly_cost, "value", 950)),
    "ExplodingOfferCalculator": (lambda w, _: w.ExplodingOfferCalculator(), lambda v: setattr(v.deadline, "value", 9)),
    "InformationExplorer": (lambda w, _: w.InformationExplorer(), lambda v: setattr(v.party, "value", 1 - v.party.value)),
    "ReputationExplorer": (lambda w, _: w.ReputationExplorer(), lambda v: setattr(v.encounters, "value", 41)),
    "CoalitionExplorer": (lambda w, _: w.CoalitionExplorer(), lambda v: setattr(v.values["AB"], "value", "$61,000")),
    "CompensationComparer": (lambda w, folder: w.CompensationComparer(path=folder / "plan.json"),
                             lambda v: setattr(v.years, "value", 7)),
    "StartupPackageBuilder": (lambda w, _: w.StartupPackageBuilder(), lambda v: setattr(v.target, "value", 44)),
}


def test_the_charts_draw_text_through_the_cache():
    assert matplotlib.__version__.startswith("3.11.")   # the version whose text path text_cache replaces
    assert text_cache.caching()
    from negwidgets.widgets import ZopaExplorer

    assert type(ZopaExplorer().chart.canvas.get_renderer()) is text_cache._CachingRendererAgg


@pytest.mark.parametrize("name", _VIEWS)
def test_every_chart_s_pixels_are_matplotlib_s(name, tmp_path):
    from negwidgets import widgets

    make, move = _VIEWS[name]
    view = make(widgets, tmp_path)
    # Before the move, the caches hold this chart's strings at their first places; after it, many of the same
    # glyphs sit at other places and fractions of a pixel.
    plain, cached = _both_ways(view.chart)
    assert np.array_equal(plain, cached), type(view).__name__
    move(view)
    assert not getattr(view, "error_text", "")
    plain, cached = _both_ways(view.chart)
    assert np.array_equal(plain, cached), type(view).__name__


def test_rotated_text_text_in_other_fonts_and_mathtext_are_matplotlib_s():
    figure = Figure(figsize=(4, 2), dpi=200)
    canvas = text_cache.Canvas(figure)
    for i, angle in enumerate((0, 33, 90, -12.5)):
        figure.text(0.1 + 0.2 * i, 0.3 + 0.1 * i, "Offer $71,500 \u2014 f\u00e9e", rotation=angle, fontsize=7 + i)
    figure.text(0.05, 0.85, "Serif, bold", family="serif", weight="bold", fontsize=9)
    figure.text(0.05, 0.7, r"$\sqrt{x^2} = \frac{1}{2}$", fontsize=9)   # mathtext, with rules drawn as boxes
    figure.text(0.6, 0.85, "Not antialiased", fontsize=9, antialiased=False)
    drawn = []
    for caches_text in (False, True, True):   # the second caching draw comes from the caches filled by the first
        canvas.caches_text = caches_text
        canvas.draw()
        assert type(canvas.renderer) is (text_cache._CachingRendererAgg if caches_text else RendererAgg)
        drawn.append(np.array(canvas.buffer_rgba()))
    assert np.array_equal(drawn[0], drawn[1]) and np.array_equal(drawn[0], drawn[2])


def test_the_caches_are_bounded(monkeypatch):
    monkeypatch.setattr(text_cache, "_MOST_GLYPHS", 50)
    monkeypatch.setattr(text_cache, "_MOST_LAYOUTS", 3)
    figure = Figure(figsize=(3, 1), dpi=200)
    canvas = text_cache.Canvas(figure)
    text = figure.text(0.1, 0.5, "")
    for i in range(40):
        text.set_text(f"Offer number {i}: ${1000 * i:,}".replace("$", r"\$"))
        text.set_x(0.1 + i / 997)
        canvas.draw()
        assert len(text_cache._GLYPHS) <= 50 and len(text_cache._LAYOUTS) <= 3


def test_the_games_debrief_charts_are_matplotlib_s():
    from negwidgets.widgets import MultiIssueNegotiation, PracticeNegotiation, ReadTheDance

    practice = PracticeNegotiation(difficulty="Tough", seed=2, save=False)
    practice.offer_box.value = "84k"
    practice.make_offer.click()
    practice.walk.click()
    multi = MultiIssueNegotiation(level="Friendly", seed=1)
    multi.propose.click()
    for chart in (practice.dance_chart, practice.progress_chart, multi.chart, ReadTheDance().chart):
        plain, cached = _both_ways(chart)
        assert np.array_equal(plain, cached), type(chart).__name__
