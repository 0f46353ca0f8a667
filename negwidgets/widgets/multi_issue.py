"""Lesson 09's multi-issue practice game: negotiate a whole package, then see the frontier."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..model.multi_issue import MULTI_ISSUE_LEVELS, MultiIssueGame
from ..model.scoring import ScoringSystem, points_text
from ..plots.multi_issue import GameParetoChart
from .base import GameMoves, choice, course_root, figure, labelled

__all__ = ["MultiIssueNegotiation"]

_NONE = ""
_BOX = "background:#f3f7fb;border-left:4px solid #1f77b4;padding:6px 10px;margin:6px 0"


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]


class MultiIssueNegotiation(GameMoves, widgets.VBox):
    """Negotiate lesson 09's job offer (or any scoring system) against a counterpart whose points are
    hidden; the debrief shows the deal against the Pareto frontier.

    ``seed`` makes the first game reproducible (each new game adds one).

    >>> game = MultiIssueNegotiation(level="Friendly", seed=1)
    >>> game.ask.click()
    >>> game.transcript_text.splitlines()[-1]
    'The employer: Salary matters most to us, then Start date and Training budget.'
    """

    def __init__(self, system: ScoringSystem | None = None, *, side: int = 0, level: str = "Friendly",
                 rounds: int = 8, seed: int | None = None):
        self.game: MultiIssueGame | None = None
        self.seed, self.side, self.rounds = seed, side, rounds
        self.error_text = ""
        self.level = choice("Counterpart", list(MULTI_ISSUE_LEVELS), level)
        self.new_game = widgets.Button(description="New game", tooltip="Start a new game with this counterpart",
                                       layout=widgets.Layout(width="140px"))
        self.brief = widgets.HTML()
        self.transcript = widgets.HTML()
        self.status = widgets.HTML()
        self.on_table = widgets.HTML()  # their package in full: the transcript says only what moved
        probe = MultiIssueGame(system, side=side, level=level, rounds=rounds, seed=seed)
        self.system = probe.system
        self.options = {
            issue.name: labelled(widgets.Dropdown, issue.name, options=[
                (f"{label} ({points_text(points[side])} points for you)", index)
                for index, (label, points) in enumerate(zip(issue.options, issue.points))])
            for issue in self.system.issues}
        self.propose = widgets.Button(description="Propose this package", button_style="primary",
                                      tooltip="Send the package set above", layout=widgets.Layout(width="190px"))
        self.accept = widgets.Button(description="Accept their package", button_style="success",
                                     tooltip="Accept the package on the table", layout=widgets.Layout(width="190px"))
        self.walk = widgets.Button(description="Walk away", button_style="warning",
                                   tooltip="Leave and take your BATNA", layout=widgets.Layout(width="140px"))
        self.ask = widgets.Button(description="Ask what matters most to them",
                                  tooltip="Ask which issues matter most to them", layout=widgets.Layout(width="260px"))
        names = [("(none)", _NONE)] + [(issue.name, issue.name) for issue in self.system.issues]
        self.priorities = [labelled(widgets.Dropdown, label, options=names)
                           for label in ("Your top issue", "Your second issue")]
        self.tell = widgets.Button(description="Tell them my priorities",
                                   tooltip="Say which issues matter most to you", layout=widgets.Layout(width="220px"))
        self.take_better = widgets.Button(description="Take the better package", button_style="success",
                                          tooltip="Take the package they suggest after the deal",
                                          layout=widgets.Layout(width="200px"))
        self.keep = widgets.Button(description="Keep our deal", tooltip="Keep the deal as agreed",
                                   layout=widgets.Layout(width="160px"))
        self.after_deal = widgets.HBox([self.take_better, self.keep], layout=widgets.Layout(flex_flow="row wrap"))
        self.error = widgets.HTML()
        self.debrief = widgets.HTML()
        self.chart = GameParetoChart(self.system)
        self.image = figure(self.chart, display="none")
        self.new_game.on_click(lambda _b: self._new_game())
        self.propose.on_click(lambda _b: self._move(lambda: self.game.propose(
            [control.value for control in self.options.values()])))
        self.accept.on_click(lambda _b: self._move(self.game.accept))
        self.walk.on_click(lambda _b: self._move(self.game.walk_away))
        self.ask.on_click(lambda _b: self._move(self.game.ask_priorities))
        self.tell.on_click(lambda _b: self._move(lambda: self.game.state_priorities(
            [p.value for p in self.priorities if p.value != _NONE])))
        self.take_better.on_click(lambda _b: self._move(self.game.take_post_settlement))
        self.keep.on_click(lambda _b: self._move(self.game.keep_deal))
        wrap = widgets.Layout(flex_flow="row wrap")
        package = widgets.HTML("<div style='margin:6px 0 2px'><b>Your package</b> (your points beside each option)"
                               "</div>")
        talk = widgets.HTML("<div style='margin:6px 0 2px'><b>Talk about priorities</b></div>")
        super().__init__([self.level, self.new_game, self.brief, self.transcript, self.status, self.on_table, package,
                          *self.options.values(), widgets.HBox([self.propose, self.accept, self.walk], layout=wrap),
                          talk, self.ask, *self.priorities, self.tell, self.error, self.debrief, self.after_deal,
                          self.image])
        course_root(self, "negwidgets", "nw-multi-issue")
        self._start(probe)

    # --- what tests and lessons read ---------------------------------------------------------------

    @property
    def transcript_text(self) -> str:
        who = {"you": "You", "them": _capital(self.game.them)}
        return "\n".join(f"{who[m.who]}: {m.text}" for m in self.game.moves)

    @property
    def debrief_text(self) -> str:
        return self.game.debrief().describe() if self.game.finished else ""

    # --- events ------------------------------------------------------------------------------------

    def _new_game(self) -> None:
        if self.seed is not None:
            self.seed += 1
        try:
            game = MultiIssueGame(self.system, side=self.side, level=self.level.value, rounds=self.rounds,
                                  seed=self.seed)
        except ValueError as error:
            self._show_error(str(error))
            return
        self._start(game)

    def _start(self, game: MultiIssueGame) -> None:
        self.game = game
        best = [max(range(len(issue.options)), key=lambda o: issue.points[o][self.side]) for issue in self.system.issues]
        for control, option in zip(self.options.values(), best):
            control.value = option
        for control in self.priorities:
            control.value = _NONE
        self.brief.value = f"<p style='margin:6px 0'>{html.escape(game.brief())}</p>"
        self.debrief.value = ""
        self.image.layout.display = "none"
        self._show_error("")
        self._render()

    def _render(self) -> None:
        game = self.game
        rows = []
        for move in game.moves:
            colour, name = ("#1f77b4", "You") if move.who == "you" else ("#b35806", _capital(game.them))
            worth = (f" <span style='color:#555'>(worth {points_text(move.package.scores[self.side])} of your "
                     "points)</span>" if move.package is not None and move.kind == "propose" else "")
            rows.append(f"<div style='margin:3px 0'><b style='color:{colour}'>{html.escape(name)}:</b> "
                        f"{html.escape(move.text)}{worth}</div>")
        self.transcript.value = (f"<div role='log' aria-label='The negotiation so far' style='margin:4px 0'>"
                                 f"{''.join(rows)}</div>")
        self.status.value = f"<div role='status' style='font-weight:600;margin:4px 0'>{html.escape(game.status)}</div>"
        self.on_table.value = self._on_table_html(game.standing_offer)
        over = game.finished
        for control in (*self.options.values(), self.propose):
            control.disabled = over or game.at_deadline
        for control in (self.walk, self.ask, *self.priorities, self.tell):
            control.disabled = over
        self.accept.disabled = over or game.standing_offer is None
        self.after_deal.layout.display = "" if game.awaiting_post_settlement else "none"
        if over:
            self._show_debrief()

    def _on_table_html(self, offer) -> str:
        if offer is None:
            return ""
        points = {issue.name: issue.points[choice][self.side] for issue, choice in zip(self.system.issues, offer.choices)}
        rows = "".join(f"<li>{html.escape(issue)}: {html.escape(label)} <span style='color:#555'>"
                       f"({points_text(points[issue])} points for you)</span></li>" for issue, label in zip(offer.issues, offer.labels))
        return (f"<details style='margin:4px 0'><summary>Their package on the table, in full</summary>"
                f"<ul style='margin:2px 0 4px 18px;padding:0'>{rows}</ul></details>")

    def _show_debrief(self) -> None:
        debrief = self.game.debrief()
        better = ""
        if self.game.awaiting_post_settlement:
            change = self.game.post_settlement.changes_from(self.game.deal)
            better = (f"<p style='margin:4px 0'><b>They suggest:</b> {html.escape(change)}, everything else as agreed "
                      f"(worth {points_text(self.game.post_settlement.scores[self.side])} of your points). Your deal "
                      "stands if you decline.</p>")
        text = html.escape(debrief.describe())
        for start in (" What was hidden:", " After the deal,"):  # three paragraphs: the deal, your moves, theirs
            text = text.replace(start, f"</p><p style='margin:4px 0'>{start.strip()}")
        self.debrief.value = (f"<div style='{_BOX}'><p style='margin:4px 0'><b>Debrief.</b> {text}</p>{better}</div>")
        self.chart.update(debrief)
        self.image.show(self.chart.png(), self.chart.caption)
        self.image.layout.display = ""
