"""Lesson 09's multi-issue practice game driven without a browser: it follows the model move by move,
explains a bad move beside the controls without changing the game, and reveals the frontier only at
the end."""

from negwidgets.model import MultiIssueGame
from negwidgets.widgets import MultiIssueNegotiation


def test_the_widget_plays_the_models_game_and_shows_the_debrief_at_the_end():
    widget = MultiIssueNegotiation(level="Friendly", seed=1)
    model = MultiIssueGame(level="Friendly", seed=1)
    assert widget.image.layout.display == "none" and widget.debrief.value == ""
    widget.ask.click()
    assert widget.transcript_text.splitlines()[-1] == "The employer: " + model.ask_priorities().text
    for _ in range(8):
        if widget.game.finished:
            break
        package = [c.value for c in widget.options.values()]
        widget.propose.click()
        if not model.finished:
            model.propose(package)
        assert widget.error_text == "" and widget.game.snapshot() == model.snapshot()
        widget.options["Start date"].value = 0   # give way on what they value more
    if not widget.game.finished:
        widget.accept.click()
    assert widget.game.finished and widget.debrief_text.startswith("Deal:")
    assert widget.image.layout.display == "" and widget.image.value and "the deal at" in widget.chart.caption
    assert widget.propose.disabled and widget.ask.disabled
    if widget.game.awaiting_post_settlement:
        assert widget.after_deal.layout.display == ""
        widget.take_better.click()
        assert widget.game.post_settlement_taken and "You took it: your final deal is worth" in widget.debrief.value
    assert widget.after_deal.layout.display == "none"


def test_a_bad_move_is_a_sentence_beside_the_controls_and_changes_nothing():
    widget = MultiIssueNegotiation(level="Tough", seed=2)
    before = widget.game.snapshot()
    widget.accept.click()   # their opening is worth less than Ana's BATNA
    assert "no better than your BATNA" in widget.error_text and "role='alert'" in widget.error.value
    widget.tell.click()     # no priority chosen
    assert widget.error_text == "Name at least one issue that matters most to you."
    for control in widget.options.values():
        control.value = 0    # every issue their way: worth less than Ana's BATNA to her
    widget.propose.click()
    assert "no better than your BATNA" in widget.error_text
    assert widget.game.snapshot() == before
    widget.priorities[0].value = "Remote days a week"
    widget.tell.click()
    assert widget.error_text == "" and "What matters most to me: Remote days a week." in widget.transcript_text


def test_walking_away_ends_the_game_and_new_game_starts_afresh():
    widget = MultiIssueNegotiation(level="Friendly", seed=3)
    widget.walk.click()
    assert "You walked away" in widget.debrief_text and "No deal" in widget.chart.title.get_text()
    assert "their last package at" in widget.chart.caption
    snapshot = widget.game.snapshot()
    widget.walk.click()   # disabled on the page; a click from code is still refused
    assert "already walked away" in widget.error_text and widget.game.snapshot() == snapshot
    widget.level.value = "Tough"
    widget.new_game.click()
    assert not widget.game.finished and widget.game.level.name == "Tough" and widget.error_text == ""
    assert widget.image.layout.display == "none" and widget.debrief.value == ""
