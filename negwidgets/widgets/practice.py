"""Lesson 08's widgets: concession curves, two tactics negotiating, and the practice game."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..model import DIFFICULTIES, TACTICS, PracticeGame, PracticeHistory, concession_schedule, negotiate
from ..plots import ConcessionChart, DanceChart, ProgressChart
from .base import ModelView, alert_html, choice, course_root, figure, int_slider, labelled, log_slider, number_slider

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


class PracticeNegotiation(widgets.VBox):
    """Negotiate the running example against the computer, then read the debrief.

    ``seed`` makes the first game reproducible (each new game adds one); games played share ``history``,
    which may be passed in so that several widgets in a lesson add to one record.

    >>> game = PracticeNegotiation(difficulty="Friendly", seed=4)
    >>> game.offer_box.value = "81k"
    >>> game.make_offer.click()
    >>> game.transcript_text.splitlines()[0]
    'You: $81,000.'
    """

    def __init__(self, side: str = "candidate", difficulty: str = "Realistic", *, you_open: bool = True,
                 deadline: int = 6, seed: int | None = None, history: PracticeHistory | None = None):
        self.history = PracticeHistory() if history is None else history
        self.seed = seed
        self.error_text = ""
        self.side = choice("You play the", [("Candidate", "candidate"), ("Employer", "employer")], side)
        self.difficulty = choice("Counterpart", list(DIFFICULTIES), difficulty)
        self.opens = choice("Who opens", [("I open", True), ("They open", False)], you_open)
        self.deadline = deadline
        self.new_game = widgets.Button(description="New game", tooltip="Start a new game with these settings",
                                       layout=widgets.Layout(width="140px"))
        self.brief = widgets.HTML()
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
        self.error = widgets.HTML()
        self.debrief = widgets.HTML()
        self.dance_chart, self.progress_chart = DanceChart(), ProgressChart()
        self.dance_image = figure(self.dance_chart, display="none")
        self.progress_image = figure(self.progress_chart, display="none")
        self.new_game.on_click(self._new_game)
        self.make_offer.on_click(self._offer)
        self.accept.on_click(lambda _b: self._move(self.game.accept))
        self.walk.on_click(lambda _b: self._move(self.game.walk_away))
        moves = widgets.HBox([self.make_offer, self.accept, self.walk])
        super().__init__([self.side, self.difficulty, self.opens, self.new_game, self.brief, self.transcript,
                          self.status, self.offer_box, self.reason, moves, self.error, self.debrief, self.dance_image,
                          self.progress_image])
        course_root(self, "negwidgets")
        self.game: PracticeGame | None = None
        self._recorded: PracticeGame | None = None
        self._start()

    # --- what tests and lessons read ---------------------------------------------------------------

    @property
    def transcript_text(self) -> str:
        who = {"you": "You", "them": self.game.them.name}
        return "\n".join(f"{who[m.who]}: {m.text}" for m in self.game.moves)

    @property
    def debrief_text(self) -> str:
        return self.game.debrief().describe() if self.game.finished else ""

    # --- events ------------------------------------------------------------------------------------

    def _new_game(self, _button=None) -> None:
        if self.seed is not None:
            self.seed += 1
        self._start()

    def _start(self) -> None:
        try:
            self.game = PracticeGame(self.side.value, self.difficulty.value, you_open=self.opens.value,
                                     deadline=self.deadline, seed=self.seed)
        except ValueError as error:
            self._show_error(str(error))
            return
        self.reason.options = [("No reason given", "")] + [
            (f"{c.name} ({c.strength}/5)", c.name) for c in self.game.criteria]
        self.offer_box.value = ""
        self.brief.value = f"<p style='margin:6px 0'>{html.escape(self.game.brief())}</p>"
        self.debrief.value = ""
        self.dance_image.layout.display = "none"
        self._show_error("")
        self._render()

    def _offer(self, _button=None) -> None:
        if self._move(lambda: self.game.offer(self.offer_box.value, self.reason.value or None)):
            self.offer_box.value = ""
            self.reason.value = ""

    def _move(self, action) -> bool:
        """Play a move; a bad one is explained beside the controls and changes nothing."""
        try:
            action()
        except ValueError as error:
            self._show_error(str(error))
            return False
        self._show_error("")
        self._render()
        return True

    def _show_error(self, message: str) -> None:
        self.error_text = message
        self.error.value = alert_html(message) if message else ""

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
        for control in (self.offer_box, self.reason, self.make_offer):
            control.disabled = over or game.at_deadline
        self.accept.disabled = over or game.standing_offer is None
        self.walk.disabled = over
        if over:
            self._show_debrief()

    def _show_debrief(self) -> None:
        debrief = self.game.debrief()
        if self._recorded is not self.game:  # each game counts once in the history
            self.history.add(debrief)
            self._recorded = self.game
        self.debrief.value = ("<div style='background:#f3f7fb;border-left:4px solid #1f77b4;padding:6px 10px;"
                              f"margin:6px 0'><b>Debrief.</b> {html.escape(debrief.describe())}</div>")
        self.dance_chart.update(debrief)
        self.dance_image.show(self.dance_chart.png(), self.dance_chart.caption)
        self.dance_image.layout.display = ""
        self.progress_chart.update(self.history)
        self.progress_image.show(self.progress_chart.png(), self.progress_chart.caption,
                                 before=f"{self.history.describe()} ")
        self.progress_image.layout.display = ""
