"""The explorers' charts (wait or accept, exploding offer, value of information, reputation, coalitions) share
their backgrounds and round their axes out so that small moves keep them: after any series of moves the picture
is that of a fresh chart of the same result, and that of the same widget drawn by matplotlib's own canvas with
nothing kept."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from negwidgets.plots import InformationChart
from negwidgets.widgets import (CoalitionExplorer, ExplodingOfferCalculator, InformationExplorer, ReputationExplorer,
                                WaitOrAccept)
from negwidgets.widgets.controls import _Slider

from .test_plots import _full_walk_min_font

_TYPED = {   # what a learner types in the text entries, some of it refused
    "chance": ["40%", "55%", "70%", "90%", "12%", "abc"],
    "coalition": ["$10,000", "$25k", "40000", "$56,000", "$75k", "$90,000", "-5", "$0"],
}


def _controls(view):
    if isinstance(view, WaitOrAccept):
        return [view.offer, view.weekly_chance, view.likely, view.weekly_cost, view.weeks, view.years]
    if isinstance(view, ExplodingOfferCalculator):
        return [view.offer, view.deadline, view.batna, view.extension_days, view.granted, view.withdrawn,
                ("chance", view.rows[0].chance), ("chance", view.rows[1].chance)]
    if isinstance(view, InformationExplorer):
        return [view.party, view.aim, view.aim]
    if isinstance(view, ReputationExplorer):
        return [view.detection, view.gain, view.repeat, view.repeat_distrusted, view.share_distrusted,
                view.encounters]
    return [("coalition", entry) for entry in [*view.values.values(), *view.shares.values()]]


def _move(view, rng: random.Random) -> None:
    control = rng.choice(_controls(view))
    if isinstance(control, tuple):
        kind, entry = control
        entry.value = rng.choice(_TYPED[kind])
    elif isinstance(control, _Slider):
        k = rng.choice([-8, -3, -1, 1, 2, 5, 9])
        if isinstance(control.value, (tuple, list)):
            low, high = control.value
            control.value = (min(max(low + k * control.step, control.min), high), high)
        else:
            control.value = min(max(control.value + k * control.step, control.min), control.max)
    else:   # the "You are" choice
        control.value = 1 - control.value


def _fresh_chart(view):
    chart = InformationChart(view.system) if isinstance(view, InformationExplorer) else type(view.chart)()
    chart.shared_background = chart.keep_backgrounds = False   # its own background, drawn
    return chart


@pytest.mark.parametrize("make", [WaitOrAccept, ExplodingOfferCalculator, InformationExplorer, ReputationExplorer,
                                  CoalitionExplorer])
def test_after_any_moves_the_chart_shows_what_a_fresh_chart_of_the_same_result_shows(make):
    view, rng = make(), random.Random(make.__name__)
    for i in range(30):
        _move(view, rng)
        fresh = _fresh_chart(view)
        fresh.update(view.result)
        assert np.array_equal(view.chart.render(), fresh.render()), (make.__name__, i, view.caption_text)
        assert view.chart.min_font_px() == _full_walk_min_font(view.chart) == fresh.min_font_px()


def _pixels(image_widget) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(image_widget.value))))


@pytest.mark.parametrize("make", [WaitOrAccept, ExplodingOfferCalculator, InformationExplorer, ReputationExplorer,
                                  CoalitionExplorer])
def test_kept_backgrounds_and_cached_text_give_the_pixels_of_a_plain_drawing(make):
    cached, plain = make(), make()
    plain.chart.canvas = FigureCanvasAgg(plain.chart.figure)   # matplotlib's own canvas: every glyph rasterized
    plain.chart.shared_background = plain.chart.keep_backgrounds = False
    plain.chart._background = None
    plain.refresh()
    seed = f"plain {make.__name__}"
    for widget in (cached, plain):   # the same moves for both
        widget.rng = random.Random(seed)
    for i in range(40):
        for widget in (cached, plain):
            _move(widget, widget.rng)
        assert cached.error_text == plain.error_text
        assert np.array_equal(_pixels(cached.image), _pixels(plain.image)), (make.__name__, i)


def test_small_moves_keep_the_axes_and_the_axes_hold_what_is_drawn():
    wait = WaitOrAccept()
    limits = wait.chart.ax.get_xlim(), wait.chart.ax.get_ylim()
    for offer in (64_500, 65_500, 66_000):   # a step or two of the offer slider
        wait.offer.value = offer
        assert (wait.chart.ax.get_xlim(), wait.chart.ax.get_ylim()) == limits
    for offer in (31_000, 65_000, 149_000):
        wait.offer.value = offer
        left, right = wait.chart.ax.get_xlim()
        assert left <= min(offer, wait.likely.value[0]) and right >= max(offer, wait.likely.value[1])

    exploding = ExplodingOfferCalculator()
    exploding.rows[0].chance.value = "70%"
    limits = exploding.chart.ax.get_ylim()
    for chance in ("66%", "68%", "72%", "75%"):   # half an order of magnitude of the range changed it every time
        exploding.rows[0].chance.value = chance
        assert exploding.chart.ax.get_ylim() == limits
    for offer, batna in ((72_000, 58_000), (150_000, 20_000), (30_000, 100_000)):
        exploding.offer.value, exploding.batna.value = offer, batna
        decision, (low, high) = exploding.result, exploding.chart.ax.get_ylim()
        shown = [*exploding.chart.steps.get_ydata(), decision.offer, decision.let_expire]
        assert low <= min(shown) and max(shown) <= high


def test_the_information_explorer_s_kept_model_gives_the_model_s_results():
    from negwidgets.model import value_of_information

    explorer = InformationExplorer()
    for side in (0, 1, 0):
        explorer.party.value = side
        for aim in (explorer.aim.max, explorer.aim.min, (explorer.aim.min + explorer.aim.max) // 2, explorer.aim.max):
            explorer.aim.value = aim
            assert explorer.result == value_of_information(explorer.system, side, explorer.aim.value)
