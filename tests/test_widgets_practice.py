"""Lesson 08's widgets driven without a browser: curves, two tactics, and the practice game."""

import pytest

from negwidgets.model import PracticeGame, PracticeHistory, concession_schedule, negotiate
from negwidgets.widgets import ConcessionCurves, NegotiationDance, PracticeNegotiation


def test_concession_curves_follow_the_model_as_the_sliders_move():
    curves = ConcessionCurves()
    curves.beta.value = 0.2
    curves.offers.value = 8
    expected = concession_schedule(curves.beta.value, 0.0, rounds=8)
    assert curves.result.offers.tolist() == pytest.approx(expected.offers.tolist())
    assert curves.result_text.startswith("Boulware (beta = 0.2)")
    first = curves.image.value
    curves.k.value = 0.2
    assert curves.image.value != first and curves.result.offers[0] == pytest.approx(85_000 - 0.2 * 15_000)


def test_negotiation_dance_shows_the_engines_trace():
    dance = NegotiationDance("Hardliner", "Conceder", rounds=10)
    expected = negotiate("Hardliner", "Conceder", 70_000, 80_000, 85_000, 60_000, rounds=10).trace(0)
    assert dance.result == expected and dance.result_text == expected.describe()
    dance.buyer.value = "Hardliner"  # two hardliners never meet
    assert dance.result_text.startswith("No deal in 10 rounds")
    assert "No deal by the deadline" in dance.caption_text


def play(widget, *offers):
    for offer in offers:
        if widget.game.finished or widget.game.at_deadline:
            break
        widget.offer_box.value = offer
        widget.make_offer.click()


def seed_where(predicate, **kwargs):
    return next(s for s in range(500) if predicate(PracticeGame(seed=s, **kwargs)))


def test_a_game_played_through_the_widget_matches_the_model_and_ends_in_the_debrief():
    seed = seed_where(lambda g: g.them.reservation >= 80_000, side="candidate", difficulty="Realistic")
    widget = PracticeNegotiation(difficulty="Realistic", seed=seed)
    model = PracticeGame("candidate", "Realistic", seed=seed)
    for amount in (79_000, 78_000, 77_000, 76_000, 75_000):
        if model.finished or (model.standing_offer or 0) >= 70_000:
            break
        model.offer(amount)
        play(widget, f"{amount / 1000:g}k")
        assert [m.text for m in widget.game.moves] == [m.text for m in model.moves]
        assert widget.accept.disabled is (model.standing_offer is None)
    if not widget.game.finished:
        widget.accept.click()
    assert widget.game.outcome == "deal", widget.error_text
    assert widget.debrief_text.startswith("Deal at $") and "Debrief." in widget.debrief.value
    assert widget.dance_image.value[:4] == b"\x89PNG" and widget.dance_image.layout.display == ""
    assert widget.make_offer.disabled and widget.walk.disabled
    assert len(widget.history) == 1


@pytest.mark.parametrize("typed, message", [
    ("lots", "I could not read 'lots' as your offer"),
    ("-80000", "An offer is an amount above zero"),
    ("50k", "below your reservation value of $70,000"),
])
def test_bad_offers_show_a_sentence_and_keep_the_game(typed, message):
    widget = PracticeNegotiation(seed=3)
    widget.offer_box.value = typed
    widget.make_offer.click()
    assert message in widget.error_text and "role='alert'" in widget.error.value
    assert widget.game.moves == [] and widget.offer_box.value == typed  # nothing lost, nothing played
    widget.offer_box.value = "84k"
    widget.make_offer.click()
    assert widget.error_text == ""


def test_walking_away_ends_the_game_and_a_new_game_keeps_the_history():
    history = PracticeHistory()
    widget = PracticeNegotiation(side="employer", difficulty="Tough", seed=8, history=history)
    widget.walk.click()
    assert widget.game.outcome == "you walked away" and widget.walk.disabled
    widget.walk.click()  # a disabled button in the browser; clicked anyway, it is explained
    assert "already walked away" in widget.error_text
    first_seed = widget.game.seed
    widget.new_game.click()
    assert widget.game.seed == first_seed + 1 and not widget.game.finished
    assert widget.debrief.value == "" and widget.dance_image.layout.display == "none"
    assert widget.error_text == "" and len(history) == 1
    widget.walk.click()
    assert len(history) == 2 and history.describe().startswith("2 games: 0 deals")
    # A second widget adds to the same record.
    other = PracticeNegotiation(seed=30, history=history)
    other.walk.click()
    assert len(history) == 3


def test_settings_apply_to_the_next_game():
    widget = PracticeNegotiation(seed=1)
    widget.side.value = "employer"
    widget.opens.value = False
    widget.new_game.click()
    game = widget.game
    assert game.side == "employer" and not game.you_open and game.standing_offer == 85_000
    assert widget.transcript_text.startswith("Candidate: For this role I'm looking for $85,000.")
    assert "You are the employer" in widget.brief.value
