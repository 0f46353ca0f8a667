"""The repeated-deals explorer without a browser: its defaults are the model's, every slider's move gives the
model's result (lines, break-even, text), bad combinations show the model's sentence and keep the last good
figure, and the figure is one figure updated in place."""

import html
import inspect

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negwidgets.model import repeated_negotiation
from negwidgets.widgets import ReputationExplorer

SLIDERS = ["detection", "gain", "repeat", "repeat_distrusted", "share_distrusted", "encounters"]


def model_call(explorer):
    """The model called on the sliders' values, written out here rather than taken from the view."""
    return repeated_negotiation(explorer.encounters.value, surplus=explorer.surplus, share=explorer.share,
                                gain=explorer.gain.value, detection=explorer.detection.value,
                                repeat=explorer.repeat.value, repeat_distrusted=explorer.repeat_distrusted.value,
                                share_distrusted=explorer.share_distrusted.value, discount=explorer.discount)


def assert_shows(explorer, expected):
    assert explorer.result == expected
    np.testing.assert_array_equal(explorer.result.honest, expected.honest)
    np.testing.assert_array_equal(explorer.result.hard, expected.hard)
    x, honest = explorer.chart.honest.get_data()
    _, hard = explorer.chart.hard.get_data()
    np.testing.assert_array_equal(x, np.arange(1, expected.encounters + 1))
    np.testing.assert_array_equal(honest, expected.honest)
    np.testing.assert_array_equal(hard, expected.hard)
    assert explorer.result_text == expected.describe()
    assert html.escape(expected.assumptions) in explorer.summary.value
    on_chart = expected.break_even is not None and expected.break_even <= expected.encounters
    assert explorer.chart.break_even.get_visible() == on_chart
    if on_chart:
        assert list(explorer.chart.break_even.get_xdata()) == [expected.break_even] * 2


def test_the_defaults_are_the_models():
    model = {name: p.default for name, p in inspect.signature(repeated_negotiation).parameters.items()}
    view = {name: p.default for name, p in inspect.signature(ReputationExplorer).parameters.items()}
    assert view == model
    explorer = ReputationExplorer()
    assert_shows(explorer, repeated_negotiation())
    assert explorer.result.break_even == 6 and explorer.error_text == ""
    assert explorer.chart.title.get_text() == "The hard tactic leads at first; honesty catches up by the 6th deal"
    assert "the break-even, at the 6th deal, is marked by a dotted line" in explorer.caption_text
    assert explorer.caption_text == explorer.image.caption


def test_every_slider_follows_the_model_and_the_figure_is_updated_in_place():
    explorer = ReputationExplorer()
    figure, image, ax = explorer.chart.figure, explorer.image, explorer.chart.ax
    pictures = {explorer.image.value}
    moves = [("detection", 0.5), ("gain", 3_500), ("repeat", 0.95), ("repeat_distrusted", 0.3),
             ("share_distrusted", 0.2), ("encounters", 45), ("detection", 0.05), ("encounters", 3)]
    for name, value in moves:
        getattr(explorer, name).value = value
        assert explorer.error_text == "", (name, explorer.error_text)
        assert_shows(explorer, model_call(explorer))
        pictures.add(explorer.image.value)
    assert explorer.detection.value == 0.05 and explorer.encounters.value == 3
    assert len(pictures) == len(moves) + 1
    assert explorer.chart.figure is figure and explorer.image is image and figure.axes == [ax]
    assert len(ax.lines) == 3   # the two totals and the break-even line, never drawn twice


def test_a_break_even_beyond_the_deals_shown_or_never_is_said_in_the_title():
    explorer = ReputationExplorer(encounters=4)
    assert explorer.result.break_even == 6 and not explorer.chart.break_even.get_visible()
    assert explorer.chart.title.get_text() == "Over 4 deals the hard tactic leads; honesty catches up by the 6th deal"
    assert "honesty catches up at the 6th deal, beyond the deals shown" in explorer.caption_text
    explorer.detection.value = 0   # never caught: the tactic never costs trust
    assert explorer.result.break_even is None and not explorer.result.honesty_ever_wins
    assert explorer.chart.title.get_text() == "Under these assumptions honesty never catches up"
    assert "honesty never catches up" in explorer.result_text
    explorer.gain.value = 0   # a tactic that gains nothing is never ahead
    assert explorer.result.break_even == 1
    assert explorer.chart.title.get_text() == "Honesty is never behind: the hard tactic gains nothing here"


def test_a_break_even_after_more_than_the_model_looks_is_said_so():
    # Every deal happens and the tactic is caught one time in a hundred; once caught it costs $100 a deal, while
    # uncaught it gains $2,000 a deal: honesty wins only in the long run, beyond the 1,000 deals the model scans.
    explorer = ReputationExplorer(detection=0.01, repeat=1.0, repeat_distrusted=1.0, share_distrusted=0.49)
    result = explorer.result
    assert result == model_call(explorer)
    assert result.break_even is None and result.honesty_ever_wins
    assert explorer.chart.title.get_text() == "The hard tactic leads for more than 1,000 deals"
    assert "after more than 1,000 deals" in explorer.caption_text and not explorer.chart.break_even.get_visible()


@pytest.mark.parametrize("name, value, earlier", [
    ("share_distrusted", 0.6, "After you are caught your share of a deal cannot be larger than with trust"),
    ("repeat_distrusted", 0.95, "After you are caught the chance of another deal cannot be higher than with trust"),
])
def test_a_bad_combination_shows_the_models_sentence_and_keeps_the_last_figure(name, value, earlier):
    explorer = ReputationExplorer()
    explorer.detection.value = 0.4
    good, picture, caption = explorer.result, explorer.image.value, explorer.caption_text
    getattr(explorer, name).value = value
    with pytest.raises(ValueError) as raised:
        model_call(explorer)
    assert str(raised.value).startswith(earlier)
    assert explorer.error_text == str(raised.value)
    assert "role='alert'" in explorer.error.value and "last numbers that worked" in explorer.error.value
    assert "Traceback" not in explorer.error.value
    assert explorer.result is good and explorer.image.value == picture and explorer.caption_text == caption
    # Another slider moved while the combination is still bad: still the sentence, still the last figure.
    explorer.encounters.value = 30
    assert explorer.error_text == str(raised.value) and explorer.result is good
    getattr(explorer, name).value = 0.3
    assert explorer.error_text == "" and explorer.error.value == ""
    assert_shows(explorer, model_call(explorer))


def test_numbers_given_outside_a_slider_are_explained():
    explorer = ReputationExplorer(detection=1.25)
    with pytest.raises(ValueError) as raised:
        repeated_negotiation(detection=1.25)
    assert explorer.error_text == f"{raised.value} The slider is set to 100% instead."
    assert explorer.result == repeated_negotiation(detection=1.0)
    long = ReputationExplorer(encounters=500)
    assert long.encounters.max == 500 and long.result.encounters == 500 and long.error_text == ""
    # The gain slider ends where the tactic would take the whole rest of the deal.
    explorer = ReputationExplorer(surplus=250_000, share=0.6, gain=10_000)
    assert explorer.gain.max == 100_000 and explorer.gain.step == 1_000
    assert explorer.result == repeated_negotiation(surplus=250_000, share=0.6, gain=10_000)


chances = st.integers(0, 20).map(lambda k: k / 20)


@given(detection=chances, repeat=chances, repeat_distrusted=chances, share_distrusted=chances,
       gain=st.integers(0, 50).map(lambda k: 100 * k), encounters=st.integers(1, 100))
@settings(max_examples=30, deadline=None)
def test_any_slider_positions_give_the_models_result_or_its_sentence(detection, repeat, repeat_distrusted,
                                                                    share_distrusted, gain, encounters):
    explorer = ReputationExplorer()
    last = explorer.result
    for name, value in [("detection", detection), ("repeat", repeat), ("repeat_distrusted", repeat_distrusted),
                        ("share_distrusted", share_distrusted), ("gain", gain), ("encounters", encounters)]:
        getattr(explorer, name).value = value
        try:
            expected = model_call(explorer)
        except ValueError as error:
            assert explorer.error_text == str(error) and explorer.result is last
        else:
            assert explorer.error_text == ""
            assert_shows(explorer, expected)
            assert np.isfinite(explorer.result.honest).all() and np.isfinite(explorer.result.hard).all()
            last = explorer.result


def test_every_slider_is_labelled():
    explorer = ReputationExplorer()
    assert [getattr(explorer, name).description for name in SLIDERS] == [
        "Chance the tactic is caught", "What the tactic gains per deal",
        "Chance of another deal if trusted", "Chance of another deal if caught",
        "Your share of a deal if caught", "Number of deals shown"]
    assert [getattr(explorer, name).readout for name in SLIDERS] == ["25%", "$2,000", "90%", "60%", "40%", "20"]
    # The figure grows with its box on a wide screen (a projector), up to a bound.
    assert explorer.image.fill and explorer.image.layout.max_width == "860px"
