"""Lesson 08's widgets: concession curves, two tactics negotiating, and the practice game."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets

from ..model import DIFFICULTIES, TACTICS, PracticeGame, PracticeHistory, coach, concession_schedule, negotiate
from ..plots import ConcessionChart, DanceChart, ProgressChart
from .base import (GameMoves, ModelView, alert_html, choice, course_root, figure, int_slider, labelled, log_slider, number_slider,
                   status_html)

__all__ = ["ConcessionCurves", "NegotiationDance", "PracticeNegotiation"]


class ConcessionCurves(ModelView):
    """A time-dependent tactic's offers for the running example's candidate: move beta and k.

    >>> curves = ConcessionCurves(beta=0.2)
    >>> curves.result.describe().startswith("Boulware (beta = 0.2)")
    True
    """

    chart_class = ConcessionChart

    def __init__(self, beta: float = 1.0, k: float = 0.0, offers: int = 10, *, reservation: float = 70_000,
                 aspiration: float = 85_000):
        self.reservation, self.aspiration = reservation, aspiration
        self.beta = log_slider("Concession exponent beta", beta, -1.3, 1.3, step=0.01, decimals=2)
        self.k = number_slider("Conceded at the start (k)", k, 0, 0.5, step=0.05)
        self.offers = int_slider("Offers until the deadline", offers, 3, 30)
        super().__init__([self.beta, self.k, self.offers])

    def compute(self):
        return concession_schedule(self.beta.value, self.k.value, reservation=self.reservation,
                                   aspiration=self.aspiration, rounds=self.offers.value)


class NegotiationDance(ModelView):
    """Two tactics negotiate the running example; the dance of their offers, round by round.

    >>> dance = NegotiationDance("Boulware", "Conceder")
    >>> dance.result.describe().startswith("Deal at")
    True
    """

    chart_class = DanceChart

    def __init__(self, seller: str = "Boulware", buyer: str = "Linear", rounds: int = 12, *,
                 seller_values: tuple[float, float] = (70_000, 85_000),
                 buyer_values: tuple[float, float] = (80_000, 60_000), seed: int = 0):
        self.seller_values, self.buyer_values, self.seed = seller_values, buyer_values, seed
        names = list(TACTICS)
        self.seller = labelled(widgets.Dropdown, "Candidate's tactic", options=names, value=seller)
        self.buyer = labelled(widgets.Dropdown, "Employer's tactic", options=names, value=buyer)
        self.rounds = int_slider("Offers until the deadline", rounds, 2, 40)
        self.opener = choice("Who opens", ["Candidate", "Employer"])
        super().__init__([self.seller, self.buyer, self.rounds, self.opener])

    def compute(self):
        (s, sa), (b, ba) = self.seller_values, self.buyer_values
        runs = negotiate(self.seller.value, self.buyer.value, s, b, sa, ba, rounds=self.rounds.value,
                         opener="seller" if self.opener.value == "Candidate" else "buyer", seed=self.seed)
        return runs.trace(0)


class PracticeNegotiation(GameMoves, widgets.VBox):
    """Negotiate the running example against the computer, then read the coached debrief.

    Before the game you may state your walk-away point and target; after it, the coach scores named
    principles (:mod:`negwidgets.model.coaching`), top three tips first. **Play again with fresh numbers**
    starts a parallel rematch, and the progress figure compares every game's grades and share of the zone.

    ``seed`` makes the first game reproducible (each new game adds one); games played share ``history``,
    which may be passed in so that several widgets in a lesson add to one record. With ``save`` the games'
    summaries are read from and written to the plan file (``plan_path``, default: the one lesson 12 opens).

    >>> game = PracticeNegotiation(difficulty="Friendly", seed=4, save=False)
    >>> game.offer_box.value = "81k"
    >>> game.make_offer.click()
    >>> game.transcript_text.splitlines()[0]
    'You: $81,000.'
    """

    def __init__(self, side: str = "candidate", difficulty: str = "Realistic", *, you_open: bool = True,
                 deadline: int = 6, seed: int | None = None, history: PracticeHistory | None = None,
                 save: bool = True, plan_path: Path | str | None = None):
        self.history = PracticeHistory() if history is None else history
        self.seed = seed
        self.save, self.plan_path = save, plan_path
        self.error_text = ""
        self.save_text = ""
        self.side = choice("You play the", [("Candidate", "candidate"), ("Employer", "employer")], side)
        self.difficulty = choice("Counterpart", list(DIFFICULTIES), difficulty)
        self.opens = choice("Who opens", [("I open", True), ("They open", False)], you_open)
        self.deadline = deadline
        self.new_game = widgets.Button(description="New game", tooltip="Start a new game with these settings",
                                       layout=widgets.Layout(width="140px"))
        self.brief = widgets.HTML()
        # The step before the game: a walk-away point and a target, skippable (the debrief scores it).
        self.walk_box = labelled(widgets.Text, "Your walk-away point", placeholder="e.g. 72k", continuous_update=False)
        self.target_box = labelled(widgets.Text, "Your target", placeholder="e.g. 85k", continuous_update=False)
        self.set_limits = widgets.Button(description="Set them", tooltip="Keep these two numbers for the debrief",
                                         layout=widgets.Layout(width="140px"))
        self.skip_limits = widgets.Button(description="Skip this step", tooltip="Play without stating them",
                                          layout=widgets.Layout(width="140px"))
        self.limits_box = widgets.VBox([
            widgets.HTML("<p style='margin:6px 0 2px'><b>Before you play:</b> write down your walk-away point and your "
                         "target. You may skip this step; the debrief scores it.</p>"),
            self.walk_box, self.target_box, widgets.HBox([self.set_limits, self.skip_limits])])
        self.limits_note = widgets.HTML()
        self.status = widgets.HTML()
        self.transcript = widgets.HTML()
        self.offer_box = labelled(widgets.Text, "Your offer", placeholder="e.g. 78,000 or 78k", continuous_update=False)
        self.reason = labelled(widgets.Dropdown, "Your reason (optional)", options=[("No reason given", "")])
        self.make_offer = widgets.Button(description="Make offer", button_style="primary",
                                         tooltip="Send your offer", layout=widgets.Layout(width="140px"))
        self.accept = widgets.Button(description="Accept their offer", button_style="success",
                                     tooltip="Accept the offer on the table", layout=widgets.Layout(width="170px"))
        self.walk = widgets.Button(description="Walk away", button_style="warning",
                                   tooltip="Leave and take your BATNA", layout=widgets.Layout(width="140px"))
        self.confirm = widgets.Button(description="Confirm the terms in writing",
                                      tooltip="Restate the deal and ask for it in writing",
                                      layout=widgets.Layout(width="240px", display="none"))
        self.error = widgets.HTML()
        self.debrief = widgets.HTML()
        self.rematch = widgets.Button(description="Play again with fresh numbers", button_style="primary",
                                      tooltip="The same game with a new zone of the same width",
                                      layout=widgets.Layout(width="260px", display="none"))
        self.saved = widgets.HTML()
        self.dance_chart, self.progress_chart = DanceChart(), ProgressChart()
        self.dance_image = figure(self.dance_chart, display="none")
        self.progress_image = figure(self.progress_chart, display="none")
        self.new_game.on_click(self._new_game)
        self.set_limits.on_click(self._set_limits)
        self.skip_limits.on_click(self._skip_limits)
        self.make_offer.on_click(self._offer)
        self.accept.on_click(lambda _b: self._move(self.game.accept))
        self.walk.on_click(lambda _b: self._move(self.game.walk_away))
        self.confirm.on_click(lambda _b: self._move(self.game.confirm_terms))
        self.rematch.on_click(self._rematch)
        moves = widgets.HBox([self.make_offer, self.accept, self.walk], layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([self.side, self.difficulty, self.opens, self.new_game, self.brief, self.limits_box,
                          self.limits_note, self.transcript, self.status, self.offer_box, self.reason, moves,
                          self.confirm, self.error, self.debrief, self.dance_image, self.rematch, self.progress_image,
                          self.saved])
        course_root(self, "negwidgets")
        self.game: PracticeGame | None = None
        self._recorded: PracticeGame | None = None
        self._number: int | None = None  # the current game's number in the history's summaries
        self._rematch_of: int | None = None
        self._rematches = 0
        self._load_saved()
        self._start()

    # --- what tests and lessons read ---------------------------------------------------------------

    @property
    def transcript_text(self) -> str:
        who = {"you": "You", "them": self.game.them.name}
        return "\n".join(f"{who[m.who]}: {m.text}" for m in self.game.moves)

    @property
    def debrief_text(self) -> str:
        return self.game.debrief().describe() if self.game.finished else ""

    @property
    def coaching(self):
        """The coached debrief of the game (also while it is under way)."""
        return coach(self.game.record())

    @property
    def tips_text(self) -> list[str]:
        """The top tips shown, in order ([] before the game ends)."""
        return [t.tip for t in self.coaching.tips()] if self.game.finished else []

    # --- events ------------------------------------------------------------------------------------

    def _new_game(self, _button=None) -> None:
        if self.seed is not None:
            self.seed += 1
        self._rematch_of = None
        self._start()

    def _rematch(self, _button=None) -> None:
        if self.game is None or not self.game.finished:
            self._show_error("Finish this game first: a rematch replays a finished game with fresh numbers.")
            return
        self._rematches += 1
        seed = None if self.seed is None else 10_000 * self._rematches + self.seed
        previous = self._number
        self._start(self.game.rematch(seed))
        self._rematch_of = previous

    def _start(self, game: PracticeGame | None = None) -> None:
        try:
            self.game = game or PracticeGame(self.side.value, self.difficulty.value, you_open=self.opens.value,
                                             deadline=self.deadline, seed=self.seed)
        except ValueError as error:
            self._show_error(str(error))
            return
        self._number = None
        self.reason.options = [("No reason given", "")] + [
            (f"{c.name} ({c.strength}/5)", c.name) for c in self.game.criteria]
        self.offer_box.value = ""
        again = " This is a rematch: the same game, with fresh numbers." if game is not None else ""
        self.brief.value = f"<p style='margin:6px 0'>{html.escape(self.game.brief() + again)}</p>"
        self.walk_box.value = self.target_box.value = ""
        self.limits_box.layout.display = ""
        self.limits_note.value = ""
        self.debrief.value = ""
        self.dance_image.layout.display = "none"
        self.rematch.layout.display = "none"
        self._show_error("")
        self._render()

    def _set_limits(self, _button=None) -> None:
        if self._move(lambda: self.game.set_limits(self.walk_box.value, self.target_box.value)):
            game = self.game
            parts = []
            if game.walk_away_point is not None:
                parts.append(f"your walk-away point is {_money(game.walk_away_point)}")
            if game.target is not None:
                parts.append(f"your target {_money(game.target)}")
            self.limits_box.layout.display = "none"
            self.limits_note.value = status_html(f"Noted: {' and '.join(parts)}. The debrief holds you to them.")

    def _skip_limits(self, _button=None) -> None:
        self.limits_box.layout.display = "none"
        self.limits_note.value = ("<div style='margin:4px 0'><i>You skipped your walk-away point and target; the "
                                  "debrief will score that.</i></div>")

    def _offer(self, _button=None) -> None:
        if self._move(lambda: self.game.offer(self.offer_box.value, self.reason.value or None)):
            self.offer_box.value = ""
            self.reason.value = ""

    def _render(self) -> None:
        game = self.game
        rows = []
        for move in game.moves:
            colour, name = ("#1f77b4", "You") if move.who == "you" else ("#b35806", game.them.name)
            rows.append(f"<div style='margin:2px 0'><b style='color:{colour}'>{html.escape(name)}:</b> "
                        f"{html.escape(move.text)}</div>")
        self.transcript.value = "".join(rows) or "<div><i>Make your opening offer.</i></div>"
        self.status.value = f"<div style='font-weight:600;margin:4px 0'>{html.escape(game.status)}</div>"
        over = game.finished
        if any(m.who == "you" for m in game.moves) or over:
            self.limits_box.layout.display = "none"  # the step before the game is gone once you move
        for control in (self.offer_box, self.reason, self.make_offer):
            control.disabled = over or game.at_deadline
        self.accept.disabled = over or game.standing_offer is None
        self.walk.disabled = over
        self.confirm.layout.display = "" if game.outcome == "deal" and not game.confirmed else "none"
        if over:
            self._show_debrief()

    # --- the coached debrief and the history -----------------------------------------------------------

    def _show_debrief(self) -> None:
        debrief, coaching = self.game.debrief(), self.coaching
        summary = coaching.summary(self._rematch_of)
        if self._recorded is not self.game:  # each game counts once in the history
            self._number = self.history.add(debrief, summary)
            self._recorded = self.game
        else:  # the same game, scored again (after confirming the terms)
            self.history.summaries[self._number - 1] = summary
        self.debrief.value = coached_html(coaching, debrief.describe())
        self.dance_chart.update(debrief)
        self.dance_image.show(self.dance_chart.png(), self.dance_chart.caption)
        self.dance_image.layout.display = ""
        self.rematch.layout.display = ""
        progress = self.history.progress()
        self.progress_chart.update(progress)
        self.progress_image.show(self.progress_chart.png(), self.progress_chart.caption,
                                 before=f"{progress.describe()} ")
        self.progress_image.layout.display = ""
        self._save()

    def _load_saved(self) -> None:
        if not self.save or self.history.loaded:
            return
        from ..model.coaching import load_practice

        self.history.loaded = True
        try:
            saved = load_practice(self.plan_path)
        except ValueError as error:
            self._say_saved(f"{error} Your games in this lesson are not saved.", error=True)
            return
        self.history.summaries[:0] = list(saved)

    def _save(self) -> None:
        if not self.save:
            return
        from ..model.coaching import save_practice

        try:
            target = save_practice(self.history.summaries, self.plan_path)
        except ValueError as error:
            self._say_saved(f"{error} Your games are kept in this lesson but not saved.", error=True)
            return
        n = len(self.history.summaries)
        self._say_saved(f"Saved {n} game{'s' if n != 1 else ''} with your plan in {target.name}.")

    def _say_saved(self, message: str, error: bool = False) -> None:
        self.save_text = message
        self.saved.value = alert_html(message) if error else status_html(message)


def _money(amount: float) -> str:
    from ..model import money

    return money(amount)


_GRADE_MARK = {"good": ("✓", "#1f5f8b"), "could improve": ("~", "#8a4b08"), "missed": ("✗", "#8a1010"),
               "not applicable": ("–", "#555")}


def _grade(grade: str) -> str:
    mark, colour = _GRADE_MARK[grade]
    return f"<span style='color:{colour};font-weight:600;white-space:nowrap'>{mark} {html.escape(grade)}</span>"


def coached_html(coaching, hidden: str) -> str:
    """The coached debrief as HTML: the top tips first, then every principle, then what was hidden."""
    tips = coaching.tips()
    parts = ["<div class='nw-coach' style='background:#f3f7fb;border-left:4px solid #1f77b4;padding:6px 10px;"
             "margin:6px 0;overflow-wrap:anywhere'>",
             f"<p style='margin:2px 0 6px'><b>Coached debrief.</b> {html.escape(coaching.headline)}.</p>"]
    if tips:
        heading = "Your top three tips" if len(tips) == 3 else f"Your top tip{'s' if len(tips) != 1 else ''}"
        items = "".join(
            f"<li class='nw-tip' style='margin:0 0 6px'><b>{html.escape(t.name)}</b> {_grade(t.grade)}<br>"
            f"{html.escape(t.happened)} <i>Rule of thumb:</i> {html.escape(t.rule)} Revisit {html.escape(t.lesson)}.</li>"
            for t in tips)
        parts.append(f"<p style='margin:4px 0'><b>{heading}</b></p><ol style='margin:0;padding-left:1.4em'>{items}</ol>")
    else:
        parts.append("<p style='margin:4px 0'>No tips this time: every principle that applied went well.</p>")
    rows = "".join(f"<li style='margin:0 0 4px'><b>{html.escape(s.name)}</b> {_grade(s.grade)}: "
                   f"{html.escape(s.happened)}</li>" for s in coaching.scores)
    parts.append(f"<details style='margin:6px 0'><summary>Every principle ({len(coaching.scores)})</summary>"
                 f"<ul style='margin:4px 0;padding-left:1.2em'>{rows}</ul></details>")
    parts.append(f"<p style='margin:4px 0'><b>Debrief.</b> {html.escape(hidden)}</p></div>")
    return "".join(parts)
