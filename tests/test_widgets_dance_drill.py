"""Lesson 08's "read the dance" drill, driven in the kernel: reads, the reveal, errors beside the controls."""

import html
import re

from negwidgets.model import DanceDrill, money, money_short
from negwidgets.widgets import ReadTheDance


def read(view, tactic, limit):
    view.tactic.value = tactic
    view.limit_box.value = limit
    view.check.click()


def test_a_whole_drill_is_played_and_each_reveal_is_the_models_read():
    view = ReadTheDance(rounds=3, seed=4)
    model = DanceDrill(rounds=3, seed=4)
    chart, image = view.chart, view.image
    assert view.score.value == "" and view.reveal_text == ""
    for i, r in enumerate(model.rounds):
        assert f"Counterpart {i + 1} of 3." in view.heading.value and html.escape(r.setting()) in view.heading.value
        listed = re.findall(r"<li[^>]*>(.*?)</li>", view.offers.value)
        assert len(listed) == r.shown and listed[0] == f"1. {money(r.offers[0])}"  # only the offers so far
        assert f"first {r.shown} of {len(r.offers)}" in view.caption_text and "red line" not in view.caption_text
        assert view.next.layout.display == "none" and not view.check.disabled
        before = image.value
        guess = r.family if i != 1 else "Hardliner" if r.family != "Hardliner" else "Linear"
        estimate = f"{(r.reservation + 1_500) / 1000:g}k"
        read(view, guess, estimate)
        expected = model.answer(guess, estimate)
        assert view.error_text == ""
        assert view.reveal_text == expected.describe()
        for part in (expected.headline, expected.limit_text(), expected.points_text()):
            assert html.escape(part) in view.reveal.value
        assert view.chart is chart and image.value != before  # one figure, redrawn in place
        assert f"All {len(r.offers)} of" in view.caption_text and f"{money_short(r.reservation)}, as a red line" \
            in view.caption_text
        listed = re.findall(r"<li[^>]*>(.*?)</li>", view.offers.value)
        assert len(listed) == len(r.offers) and "revealed" in listed[-1] and "at the deadline" in listed[-1]
        assert view.tactic.disabled and view.limit_box.disabled and view.check.disabled
        assert view.score_text == model.describe() and model.describe() in view.score.value
        if i < 2:
            assert view.next.layout.display == "" and view.new_drill.layout.display == "none"
            view.next.click()
            model.next()
            assert view.tactic.value is None and view.limit_box.value == "" and view.reveal_text == ""
    assert view.score_text.startswith("Drill over, 3 counterparts read:")
    assert view.next.layout.display == "none" and view.new_drill.layout.display == ""
    view.new_drill.click()
    assert view.drill.rounds == DanceDrill(rounds=3, seed=5).rounds
    assert "Counterpart 1 of 3." in view.heading.value and view.score.value == ""


def test_bad_input_is_explained_beside_the_controls_and_changes_nothing():
    view = ReadTheDance(seed=1)
    view.check.click()  # nothing chosen yet
    assert view.error_text.startswith("Choose the tactic you read: Boulware, Linear, Conceder or Hardliner.")
    assert "role='alert'" in view.error.value and view.drill.reads == []
    read(view, "Boulware", "lots")
    assert view.error_text.startswith("I could not read 'lots' as your estimate of their limit")
    read(view, "Boulware", "-70000")
    assert view.error_text.startswith("A limit is a salary above zero")
    assert view.drill.reads == [] and view.reveal_text == "" and not view.check.disabled
    read(view, "Boulware", "85k")
    assert view.error_text == "" and view.error.value == "" and len(view.drill.reads) == 1
    view.check.click()  # a second check of the same read (the button is disabled in the page)
    assert view.error_text.startswith("You have already checked your read of counterpart 1")
    assert len(view.drill.reads) == 1 and view.reveal_text.startswith("Right: a Boulware.")


def test_the_controls_are_labelled_for_screen_readers():
    view = ReadTheDance(seed=0)
    assert view.tactic.description == "Their tactic" and view.tactic.labels == ["Boulware", "Linear", "Conceder",
                                                                               "Hardliner"]
    assert view.limit_box.description == "Their limit (your estimate)"
    assert re.search(r"<ol aria-label='Its offers so far'|<ol aria-label='Their asks so far'", view.offers.value)
    assert view.image.caption == view.caption_text and view.caption_text
    assert "nw-dance-drill" in view._dom_classes
