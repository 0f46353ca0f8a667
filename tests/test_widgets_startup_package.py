"""The start-up package builder without a browser: its sliders give the model's result for the weights and target
they show (compared with a model call made here), a slider moved shows the new trades and offers, refused input
shows the model's sentence beside its control and keeps the last good result and figure, and the one figure is
updated in place."""

import html
import re

import pytest

from negwidgets.model import StartupPackageError, example_startup_weights, startup_case
from negwidgets.model.startup_package import startup_package
from negwidgets.widgets import StartupPackageBuilder


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def same_result(shown, expected):
    assert shown.first_offer.package == expected.first_offer.package
    assert [t.describe() for t in shown.trades] == [t.describe() for t in expected.trades]
    assert [p.choices for p in shown.mesos.packages] == [p.choices for p in expected.mesos.packages]
    assert shown.target == expected.target


def test_it_opens_on_farida_s_weights_and_the_default_target():
    builder = StartupPackageBuilder()
    weights = example_startup_weights()
    assert {name: slider.value for name, slider in builder.weights.items()} == weights
    default = startup_package(weights)
    assert builder.target.value == default.target
    expected = startup_package(weights, target=default.target)
    same_result(builder.result, expected)
    assert "(the best trade's score)" in expected.offers_text()
    assert builder.result_text == expected.describe() and builder.error_text == "" and builder.error_field == ""
    shown = " ".join(text_of(builder.summary.value).split())
    assert expected.first_offer_text() in shown
    for trade in expected.trades:
        assert trade.describe() in shown
    assert expected.offers_text() in shown
    for line in expected.email_text().splitlines():
        assert line in shown
    assert builder.email_text == expected.email_text()


def test_every_control_is_labelled():
    builder = StartupPackageBuilder()
    assert [s.description for s in builder.weights.values()] == list(startup_case().issue_names)
    assert all((s.min, s.max) == (0, 10) for s in builder.weights.values())
    assert builder.target.description == "Target for your offers (points)"
    assert (builder.target.min, builder.target.max) == (0, 100)


def test_the_tenure_clock_is_shown_as_not_on_the_table():
    builder = StartupPackageBuilder()
    assert "Tenure clock" not in builder.weights
    page = " ".join(text_of(child.value) for child in builder.children[0].children if hasattr(child, "value")
                    and isinstance(child.value, str))
    assert "Not on the table" in page and "Tenure clock" in page


def test_a_slider_moved_shows_the_model_s_new_trades_and_offers():
    builder = StartupPackageBuilder()
    before = builder.result
    png = builder.image.value
    builder.weights["Teaching in the first two years"].value = 0
    weights = {**example_startup_weights(), "Teaching in the first two years": 0}
    expected = startup_package(weights, target=builder.target.value)
    same_result(builder.result, expected)
    assert builder.result is not before and builder.error_text == ""
    assert all("Teaching in the first two years" not in (t.ask_issue, t.give_issue) for t in builder.result.trades)
    assert expected.trades[0].describe() in " ".join(text_of(builder.summary.value).split())
    assert builder.image.value != png
    builder.target.value = 60
    same_result(builder.result, startup_package(weights, target=60))


def test_all_weights_at_zero_is_explained_beside_the_weights_and_the_last_result_kept():
    builder = StartupPackageBuilder()
    builder.target.value = 60   # reachable with only teaching, lab space and the partner's search left
    kept = ("Teaching in the first two years", "Lab space", "Partner's job search")
    for name, slider in builder.weights.items():
        if name not in kept:
            slider.value = 0
    good, png, summary = builder.result, builder.image.value, builder.summary.value
    assert builder.error_text == "" and len(good.offers) == 3
    for name in kept:
        builder.weights[name].value = 0
    with pytest.raises(StartupPackageError) as caught:
        startup_package(dict.fromkeys(startup_case().issue_names, 0), target=builder.target.value)
    assert builder.error_text == str(caught.value)
    assert builder.error_field == "weights"
    assert str(caught.value) in text_of(builder.weights_error.value)
    assert "The result below is for the last numbers that worked." in text_of(builder.weights_error.value)
    assert builder.target_error.value == "" and builder.error.value == ""
    assert builder.result is good and builder.image.value == png and builder.summary.value == summary
    assert [s.value for s in builder.weights.values()] == [0] * 7   # nothing the learner set is changed
    for name, value in zip(kept, (6, 5, 7)):
        builder.weights[name].value = value
    assert builder.error_text == "" and builder.weights_error.value == ""
    same_result(builder.result, startup_package({**dict.fromkeys(startup_case().issue_names, 0),
                                                 **dict(zip(kept, (6, 5, 7)))}, target=60))


def test_a_target_no_package_reaches_is_explained_beside_the_target():
    builder = StartupPackageBuilder()
    good = builder.result
    builder.target.value = 100
    with pytest.raises(StartupPackageError) as caught:
        startup_package(example_startup_weights(), target=100)
    assert builder.error_field == "target"
    assert str(caught.value) in text_of(builder.target_error.value)
    assert builder.weights_error.value == ""
    assert builder.result is good and builder.target.value == 100
    builder.target.value = 10   # below the BATNA, give or take
    assert "worth less to you than your BATNA" in builder.error_text and builder.error_field == "target"
    builder.target.value = 55
    assert builder.error_text == "" and builder.result.target == 55


def test_the_figure_is_one_figure_updated_in_place():
    builder = StartupPackageBuilder()
    figure = builder.chart.figure
    caption = builder.caption_text
    assert caption == builder.image.caption
    result = builder.result
    assert f"the first offer at {round(result.first_offer.package.scores[0], 1):g}" in caption
    builder.weights["Start-up funds"].value = 3
    assert builder.chart.figure is figure and builder.caption_text != caption
    offsets = builder.chart.cloud.get_offsets()
    every = builder.result.system.all_scores()
    assert len(offsets) == len({(round(a, 6), round(b, 6)) for a, b in every.tolist()})
    assert max(offsets[:, 0]) == pytest.approx(100)


def test_weights_the_sliders_cannot_show_are_explained():
    builder = StartupPackageBuilder({**example_startup_weights(), "Summer salary": 14})
    assert builder.weights["Summer salary"].value == 10
    assert builder.error_text.startswith("The importance of Summer salary is 14; give a number from 0")
    assert "The sliders start at the nearest values they can show." in builder.error_text
    assert builder.result is not None


def test_a_builder_with_its_own_target_and_weights():
    weights = {**example_startup_weights(), "Partner's job search": 10, "Start-up funds": 4}
    builder = StartupPackageBuilder(weights, target=70)
    same_result(builder.result, startup_package(weights, target=70))
    assert builder.error_text == ""
