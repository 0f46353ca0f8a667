"""Three parties and one deal: type what each group can make on its own and a proposed split; see whether the
split is in the core, who would block it, the Shapley split with its table, and the triangle of splits."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..model import CoalitionGame, coalition_example, coalition_value, money, parse_money
from ..model.coalitions import COALITIONS, _cents
from ..plots import CoalitionChart
from .base import ModelView, alert_html, grow_for_projector, labelled

__all__ = ["CoalitionExplorer"]

_ENTRY = {"width": "390px", "max_width": "100%"}
_LABEL = {"description_width": "190px"}
_NOTE_STYLE = "margin:4px 0;color:#333"
_CELL = "padding:3px 8px;border-bottom:1px solid #ddd"
_AMOUNT = f"{_CELL};text-align:right;white-space:nowrap"   # an amount never wraps inside itself


def _entry_label(game: CoalitionGame, key: str) -> str:
    """A value's label: "Alone: Amara", "Amara and Bruno together", "All three together"."""
    if len(key) == 1:
        return f"Alone: {game.label(key)}"
    return "All three together" if len(key) == 3 else f"{game.label(key)} together"


class CoalitionExplorer(ModelView):
    """What three parties can make in each group, typed as amounts, and a proposed split of what all three make.

    ``game`` is a :class:`~negwidgets.model.CoalitionGame` (default: the lesson's website bid, where the Shapley
    split lies in the core); ``split`` the proposed split (three shares in the parties' order, or a mapping by
    name; default: a third each). The parties' names label the entries ("Alone: Amara", "Amara and Bruno
    together", "Amara's share").

    An entry that is not an amount, or a value below $0, gets the model's sentence beside it, and the last
    good result and figure stay. Shares that do not add up to what all three make get the sentence beside the
    shares, while the core and the Shapley split follow the values. A game that is not superadditive is
    allowed, and said.

    Attributes for tests: ``result`` (the model's ``CoalitionAnalysis``), ``result_text``, ``error_text``,
    ``caption_text``; the entries ``values`` (by group: "A", "AB", "ABC" ...) and ``shares`` (by party's name).

    >>> explorer = CoalitionExplorer()
    >>> explorer.result.split.in_core, [b.names for b in explorer.result.split.blocks]
    (False, [('Amara', 'Bruno')])
    >>> explorer.values["BC"].value = "75k"   # Bruno and Chen could make nearly all of it without Amara
    >>> explorer.result.core.empty
    True
    >>> explorer.values["AB"].value = "-5000"
    >>> explorer.error_text
    'What Amara and Bruno can make together is $0 or more (doing nothing makes $0), not -$5,000.'
    """

    chart_class = CoalitionChart

    def __init__(self, game: CoalitionGame | None = None, split=None):
        self.game = coalition_example().game if game is None else game
        if not isinstance(self.game, CoalitionGame):
            raise ValueError("Give the explorer a CoalitionGame, such as coalition_example().game.")
        self._where: widgets.HTML | None = None   # the note beside the control whose input is wrong
        self._split_problem = ""
        self.values = {key: labelled(widgets.Text, _entry_label(self.game, key), value=_cents(self.game.value(key)),
                                     continuous_update=False, layout=widgets.Layout(**_ENTRY), style=_LABEL)
                       for key in COALITIONS}
        # A sentence beside an entry wraps within the entry's column, so the two columns stay side by side.
        self.value_notes = {key: widgets.HTML(layout=widgets.Layout(**_ENTRY)) for key in COALITIONS}
        given = self._given_split(split)
        self.shares = {name: labelled(widgets.Text, f"{name}'s share", value=text, continuous_update=False,
                                      layout=widgets.Layout(**_ENTRY), style=_LABEL)
                       for name, text in zip(self.game.names, given)}
        self.share_notes = {name: widgets.HTML(layout=widgets.Layout(**_ENTRY)) for name in self.game.names}
        self.split_note = widgets.HTML(layout=widgets.Layout(**_ENTRY))
        self.shapley_table = widgets.HTML()
        values_box = [widgets.HTML("<b>What each group can make on its own</b>")]
        for key in COALITIONS:
            values_box += [self.values[key], self.value_notes[key]]
        split_box = [widgets.HTML("<b>A proposed split of what all three make</b>")]
        for name in self.game.names:
            split_box += [self.shares[name], self.share_notes[name]]
        split_box.append(self.split_note)
        # Side by side on a laptop; the course's stylesheet puts them one under the other on a narrow screen.
        columns = widgets.HBox([widgets.VBox(values_box, layout=widgets.Layout(margin="0 24px 0 0")),
                                widgets.VBox(split_box)], layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([columns], watched=[*self.values.values(), *self.shares.values()])
        # The figure right under the result lines, the table of orders (the how) after it.
        self.children = (*self.children[:4], self.shapley_table, *self.children[4:])
        self.add_class("nw-coalitions")
        grow_for_projector(self.image)

    def _given_split(self, split) -> list[str]:
        """The split the entries start with, as text (the model checks it with the rest on the first refresh)."""
        if split is None:
            return [_cents(share) for share in self.game.equal_split]
        try:
            return [_cents(share) for share in self.game.split(split)]
        except ValueError:
            values = (list(split.values()) if isinstance(split, dict) else
                      list(split) if isinstance(split, (list, tuple)) else [])
            return [str(v) for v in values[:3]] + [""] * (3 - len(values[:3]))

    # -- reading the entries ----------------------------------------------------------------------------------
    def _read_game(self) -> CoalitionGame:
        amounts = {}
        for key in COALITIONS:
            what = self.game.what(key)
            self._where = self.value_notes[key]
            amounts[key.lower()] = coalition_value(parse_money(self.values[key].value, what), what)
        self._where = None
        return CoalitionGame(**amounts, names=self.game.names)

    def _read_split(self, game: CoalitionGame):
        """The shares as the model takes them, or None with the reason kept for the note beside them."""
        shares = []
        for name in game.names:
            try:
                shares.append(parse_money(self.shares[name].value, f"{name}'s share"))
            except ValueError as error:
                self._split_problem, self._split_where = str(error), self.share_notes[name]
                return None
        try:
            return game.split(shares)
        except ValueError as error:
            self._split_problem, self._split_where = str(error), self.split_note
            return None

    def compute(self):
        game = self._read_game()
        return game.analyse(self._read_split(game))

    def refresh(self, change=None) -> None:
        self._where, self._split_problem, self._split_where = None, "", None
        super().refresh(change)
        if self._split_problem and not self.error_text:
            self._where = self._split_where
            self.show_error(self._split_problem, stale=False)

    def show_error(self, message: str, stale: bool = True) -> None:
        """Show ``message`` beside the control it is about (or under the controls), and clear the others."""
        self.error_text = message
        for note in (*self.value_notes.values(), *self.share_notes.values(), self.split_note, self.error):
            note.value = ""
        if message:
            stale = stale and self.result is not None
            suffix = " The result below is for the last numbers that worked." if stale else ""
            (self._where or self.error).value = alert_html(message + suffix)

    # -- showing the result -----------------------------------------------------------------------------------
    def result_html(self) -> str:
        result = self.result
        parts = []
        if result.split is not None:
            verdict = html.escape(result.split.describe())
            parts.append(f"<div style='font-size:1.05em;margin:4px 0'><b>{verdict}</b></div>")
        parts += [f"<div style='margin:4px 0'>{html.escape(text)}</div>"
                  for text in (result.core.describe(), result.shapley.describe())]
        parts += [f"<div style='{_NOTE_STYLE}'><i>Note:</i> {html.escape(note)}</div>" for note in result.game.notes()]
        self.shapley_table.value = self._table_html()
        return "".join(parts)

    def _table_html(self) -> str:
        shapley, names = self.result.shapley, self.result.game.names
        head = "".join(f"<th scope='col' style='{_CELL};text-align:right'>{html.escape(name)} adds</th>"
                       for name in names)
        rows = "".join(
            f"<tr><th scope='row' style='{_CELL};text-align:left;font-weight:normal'>{html.escape(row.describe())}</th>"
            + "".join(f"<td style='{_AMOUNT}'>{_cents(v)}</td>" for v in row.added) + "</tr>"
            for row in shapley.orders)
        average = (f"<tr><th scope='row' style='{_CELL};text-align:left'>Average: the Shapley split</th>"
                   + "".join(f"<td style='{_AMOUNT};font-weight:bold'>{money(v)}</td>"
                             for v in shapley.shares) + "</tr>")
        return ("<table style='border-collapse:collapse;margin:6px 0'><caption style='text-align:left;"
                "caption-side:top;padding:2px 0'>How the Shapley split is found: in each order in which the three "
                "could come together, what each adds when it joins</caption>"
                f"<thead><tr><th scope='col' style='{_CELL};text-align:left'>Order of joining</th>{head}</tr></thead>"
                f"<tbody>{rows}{average}</tbody></table>")
