"""Lesson 08's widgets driven without a browser: curves, two tactics, and the practice game with its coached
debrief, its rematch and its progress figure."""

import copy
import json

import numpy as np
import pytest

from negwidgets.model import NegotiationPlan, PracticeGame, PracticeHistory, coach, concession_schedule, load_plan, negotiate
from negwidgets.model.coaching import load_practice
from negwidgets.widgets import ConcessionCurves, NegotiationDance, PlanBuilder, PracticeNegotiation


@pytest.fixture(autouse=True)
def own_plan_file(tmp_path, monkeypatch):
    """Each test's games go to its own plan file, never to the session's."""
    path = tmp_path / "plan.json"
    monkeypatch.setenv("NEGWIDGETS_PLAN_FILE", str(path))
    return path


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


def snapshot(game):
    return {k: v.tolist() if isinstance(v, np.ndarray) else copy.deepcopy(v) for k, v in game.__dict__.items()}


def deal_game(**kwargs):
    """Lesson 08's first game, played to a deal: Ana's opening with its reason, then their counter accepted."""
    widget = PracticeNegotiation(difficulty="Friendly", seed=7, **kwargs)
    widget.walk_box.value, widget.target_box.value = "72k", "85k"
    widget.set_limits.click()
    widget.offer_box.value = "81,600"
    widget.reason.value = "Salary survey, 75th percentile for the role and region"
    widget.make_offer.click()
    while not widget.game.finished:
        widget.accept.click() if widget.game.standing_offer is not None else widget.walk.click()
    return widget


def test_the_step_before_the_game_notes_the_limits_and_hides():
    widget = PracticeNegotiation(seed=3)
    assert widget.limits_box.layout.display == "" and "Before you play" in widget.limits_box.children[0].value
    widget.walk_box.value, widget.target_box.value = "74k", "86k"
    widget.set_limits.click()
    assert (widget.game.walk_away_point, widget.game.target) == (74_000, 86_000)
    assert widget.limits_box.layout.display == "none" and "$74,000" in widget.limits_note.value
    skipped = PracticeNegotiation(seed=3)
    skipped.skip_limits.click()
    assert skipped.limits_box.layout.display == "none" and "skipped" in skipped.limits_note.value
    assert skipped.game.walk_away_point is None


@pytest.mark.parametrize("walk, target, message", [
    ("60k", "85k", "is below your BATNA's $70,000"),
    ("75k", "72k", "must be above your walk-away point"),
    ("soon", "85k", "I could not read 'soon'"),
])
def test_bad_limits_show_a_sentence_and_change_nothing(walk, target, message):
    widget = PracticeNegotiation(seed=3)
    state = snapshot(widget.game)
    widget.walk_box.value, widget.target_box.value = walk, target
    widget.set_limits.click()
    assert message in widget.error_text and "role='alert'" in widget.error.value
    assert snapshot(widget.game) == state and widget.limits_box.layout.display == ""
    assert widget.walk_box.value == walk  # what the learner typed stays, to be corrected


def test_a_deal_shows_the_coached_debrief_with_the_top_tips_first(own_plan_file):
    widget = deal_game()
    coaching = coach(widget.game.record())
    tips = coaching.tips()
    assert widget.tips_text == [t.tip for t in tips] and tips
    page = widget.debrief.value
    assert page.index("Coached debrief.") < page.index(tips[0].name) < page.index("Every principle")
    heading = "Your top three tips" if len(tips) == 3 else "Your top tip"
    assert heading in page and page.count("class='nw-tip'") == len(tips)
    assert "Debrief." in page and widget.dance_image.layout.display == ""
    # The close: confirming the terms turns "closing" good, in the debrief and in the saved history.
    assert coaching.score("closing").grade == "could improve" and widget.confirm.layout.display == ""
    widget.confirm.click()
    assert widget.confirm.layout.display == "none" and widget.error_text == ""
    assert widget.coaching.score("closing").grade == "good"
    assert len(widget.history.summaries) == 1 and widget.history.summaries[0].grade("closing") == "good"
    assert load_practice(own_plan_file)[0].grade("closing") == "good"
    assert "Saved 1 game with your plan" in widget.save_text


def test_a_rematch_replays_the_game_with_fresh_numbers_and_the_figure_compares_them(own_plan_file):
    widget = deal_game()
    first = widget.game
    assert widget.rematch.layout.display == ""
    widget.rematch.click()
    again = widget.game
    assert again is not first and again.tactic == first.tactic and again.level == first.level
    assert not again.finished and widget.rematch.layout.display == "none" and widget.debrief.value == ""
    assert "This is a rematch" in widget.brief.value and widget.limits_box.layout.display == ""
    before = widget.progress_image.value
    widget.walk.click()
    assert widget.history.summaries[-1].rematch_of == 1 and len(widget.history.summaries) == 2
    assert widget.progress_image.value != before and widget.progress_image.layout.display == ""
    assert "game 1" in widget.progress_chart.caption and "each principle's grade" in widget.progress_chart.caption
    assert [g.rematch_of for g in load_practice(own_plan_file)] == [None, 1]
    # The same seed gives the same rematch: a class meets the same fresh numbers.
    other = deal_game()
    other.rematch.click()
    assert (other.game.them, other.game.you) == (again.them, again.you)


def test_saved_games_come_back_in_the_next_lesson_and_the_plan_builder_keeps_them(own_plan_file):
    deal_game()
    later = PracticeNegotiation(seed=5)
    assert len(later.history.summaries) == 1 and later.history.loaded
    builder = PlanBuilder(own_plan_file)
    builder.fields["title"].value = "My salary"
    builder.save()
    plan = load_plan(own_plan_file)
    assert plan.title == "My salary" and len(plan.practice_games) == 1


def test_a_damaged_plan_file_is_reported_and_left_alone(own_plan_file):
    own_plan_file.write_text("{ not json")
    before = own_plan_file.read_bytes()
    widget = deal_game()
    assert "damaged" in widget.save_text and "not saved" in widget.save_text and "role='alert'" in widget.saved.value
    assert widget.tips_text  # the debrief is still there
    assert own_plan_file.read_bytes() == before


def test_without_saving_nothing_is_written(own_plan_file):
    widget = deal_game(save=False)
    assert widget.save_text == "" and not own_plan_file.exists() and len(widget.history.summaries) == 1
