"""Backgrounds kept between charts (``shared_background``) or between a chart's updates (``keep_backgrounds``):
every frame's pixels are those of the same widget driven alike with nothing kept (each background drawn afresh
whenever its key changes), and the kept backgrounds are really used (fewer full draws)."""

from __future__ import annotations

import io
from collections import OrderedDict
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from negwidgets.plots.base import Chart


def _pixels(image_widget) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(image_widget.value))))


def _nothing_kept(*charts: Chart) -> None:
    for chart in charts:   # instance attributes: the class's own stay as they are for the other widget
        chart.shared_background = chart.keep_backgrounds = False
        for stamp in getattr(chart, "stamps", ()):   # the compensation chart's texts pasted from earlier draws
            stamp._kept = OrderedDict()   # its own, not a store the class's other charts share
            stamp.kept = 0


def _count_draws(*charts: Chart) -> list[int]:
    draws = [0]
    for chart in charts:
        draw = chart.canvas.draw

        def counted(draw=draw):
            draws[0] += 1
            draw()
        chart.canvas.draw = counted
    return draws


def test_a_control_moved_back_gives_the_pixels_of_a_fresh_drawing():
    from negwidgets.widgets import CompensationComparer, FirstOfferAdvisor, InformationExplorer

    def pair(make):
        kept, fresh = make(), make()
        _nothing_kept(fresh.chart)
        return kept, fresh

    cases = [
        (pair(InformationExplorer), lambda w, i: setattr(w.party, "value", i % 2) if i % 3 else
         setattr(w.aim, "value", (w.aim.min, w.aim.max)[i % 2])),
        (pair(lambda: FirstOfferAdvisor(plan_path=Path(tempfile.mkdtemp()) / "plan.json")),
         lambda w, i: setattr(w.knowledge, "value", list(w.knowledge.options)[i % 3][1]
                              if isinstance(list(w.knowledge.options)[0], tuple) else list(w.knowledge.options)[i % 3])),
        (pair(lambda: CompensationComparer(path=Path(tempfile.mkdtemp()) / "plan.json")),
         lambda w, i: setattr(w.years, "value", (1, 4, 8)[i % 3])),
    ]
    for (kept, fresh), move in cases:
        draws = _count_draws(kept.chart)
        for i in range(9):
            for widget in (kept, fresh):
                move(widget, i)
            assert np.array_equal(_pixels(kept.image), _pixels(fresh.image)), (type(kept).__name__, i)
        assert draws[0] <= 4, (type(kept).__name__, draws[0])   # the keys seen again were not drawn again


def _play(game) -> None:
    for step, offer in enumerate(["88k", "84k", "81k", "79k", "77k", "75k", "73k", None]):
        standing = game.game.standing_offer
        if step >= 2 and standing is not None and standing >= game.game.you.reservation:
            game.accept.click()
        elif offer is None or game.game.at_deadline:
            game.walk.click()
        else:
            game.offer_box.value = offer
            game.make_offer.click()
        if game.game.finished:
            return


def test_a_new_practice_game_s_charts_give_the_pixels_of_fresh_ones():
    from negwidgets.widgets import PracticeNegotiation

    for n, seed in enumerate((5, 8, 5)):   # a game played again in a new widget finds its backgrounds drawn
        kept = PracticeNegotiation(difficulty="Friendly", seed=seed, save=False)
        fresh = PracticeNegotiation(difficulty="Friendly", seed=seed, save=False)
        _nothing_kept(fresh.dance_chart, fresh.progress_chart)
        draws = _count_draws(kept.dance_chart, kept.progress_chart)
        for game in (kept, fresh):
            _play(game)
            game.rematch.click()
            _play(game)   # a rematch in the same widget: more games on the progress chart
        assert kept.game.finished and fresh.game.finished
        for image in ("dance_image", "progress_image"):
            assert np.array_equal(_pixels(getattr(kept, image)), _pixels(getattr(fresh, image))), (seed, image)
    assert draws[0] < 4   # the last widget drew fewer backgrounds than its four renders


def test_a_new_multi_issue_game_s_chart_gives_the_pixels_of_a_fresh_one():
    from negwidgets.widgets import MultiIssueNegotiation

    for seed in (3, 3, 4):
        kept = MultiIssueNegotiation(level="Tough", seed=seed)
        fresh = MultiIssueNegotiation(level="Tough", seed=seed)
        _nothing_kept(fresh.chart)
        draws = _count_draws(kept.chart)
        for step in range(8):
            for game in (kept, fresh):
                if not (game.game.finished or game.game.at_deadline):
                    game.options["Salary"].value = max(4 - step, 1)
                    game.options["Start date"].value = max(3 - step, 0)
                    game.propose.click()
        assert kept.game.finished == fresh.game.finished
        assert np.array_equal(_pixels(kept.image), _pixels(fresh.image)), seed
    assert draws[0] == 0   # the last game's background was drawn by an earlier one


def test_a_new_dance_chart_pastes_the_axes_an_earlier_one_drew():
    from negwidgets.plots.dance import DanceChart
    from negwidgets.widgets import NegotiationDance

    first, second = DanceChart(), DanceChart()
    dance = NegotiationDance(rounds=23).result   # limits no other test's chart has, drawn by the first chart
    first.update(dance)
    first.render()
    drawn = []
    draw_artist = second.figure.draw_artist
    second.figure.draw_artist = lambda artist: (drawn.append(artist), draw_artist(artist))
    second.update(dance)
    assert np.array_equal(second.render(), first.render())
    assert not {second.ax.xaxis, second.ax.yaxis} & set(drawn)   # pasted from the first chart's, not drawn
