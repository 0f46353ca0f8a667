"""The chart of the value of information: what you propose under each state of knowledge of the other side's
points, and the joint points it leaves on the table."""

from __future__ import annotations

from matplotlib import patheffects
from matplotlib.patches import Patch, Rectangle

from ..model.checks import capitalised
from ..model.scoring import points_text
from .base import COLOURS, Chart, label
from .outlines import keep_text_outlines

__all__ = ["InformationChart", "KNOWLEDGE_SHORT"]

# Each state of knowledge in a few words, for the x axis (the axis label says whose points they are).
KNOWLEDGE_SHORT = {
    "own points": "Nothing\n(fixed-pie guess)",
    "issue ranking": "Which issues\nmatter most",
    "option ranking": "What they want\non each issue",
    "rankings": "Both\nrankings",
    "their points": "Their full\npoints",
}
# Knowing more never means knowing less: each state, and the states it adds to (for the "the more you know"
# headline, which the chart states only when the numbers bear it out).
_ADDS_TO = {"issue ranking": ("own points",), "option ranking": ("own points",),
            "rankings": ("issue ranking", "option ranking"), "their points": ("rankings",)}
# The same in words, after "knowing" (a title's lines).
_KNOWING = {"own points": "nothing of theirs", "issue ranking": "only which issues matter most to them",
            "option ranking": "only what they want on each issue", "rankings": "both rankings",
            "their points": "their full points"}
# The same, short enough for a title's line.
_ON = {"own points": "on the fixed-pie guess", "issue ranking": "knowing only which issues matter most",
       "option ranking": "knowing only what they want on each issue", "rankings": "knowing both rankings",
       "their points": "knowing their full points"}
_OUTLINE = [patheffects.withStroke(linewidth=3, foreground="white")]
_WIDTH = 0.26
_LEFT = "#c7c7c7"   # tab:grey, light: the points nobody gets, hatched so it never relies on colour


def _rounded(value: float) -> str:
    return points_text(round(value, 1))


def _verdict(proposal, them: str) -> str:
    """Nothing when they would accept the proposal; otherwise, in brackets, that they would not (or how often)."""
    if proposal.accepted:
        return ""
    if proposal.acceptance == 0:
        return f" ({them} would refuse)"
    return f" ({them} would accept {round(proposal.acceptance * 100)}% of the packages alike)"


class InformationChart(Chart):
    """For each state of knowledge (across), three bars: your points, their points (hatched when they would
    refuse) and the joint points left on the table; their BATNA as a dashed line.

    The axes are fixed by the scoring system (both sides' best scores), so moving the aim moves only the bars.
    """

    height_in = 4.2
    keep_backgrounds = True  # the background is fixed by static_key(): a key seen again reuses its pixels

    def __init__(self, system) -> None:
        super().__init__()
        keep_text_outlines(self)   # their outlined numbers' outlines found once per number, not on every move
        ax = self.ax
        self.parties = tuple(system.parties)
        self.side = None
        top = float(system.frontier().scores.max())
        self.top = top
        ax.set_ylim(0, top * 1.16)
        ax.set_ylabel("Points (each side's own scale)")
        ax.spines[["top", "right"]].set_visible(False)
        self.keys: tuple[str, ...] = ()
        self.bars: list[tuple[Rectangle, Rectangle, Rectangle]] = []
        self.values: list[tuple] = []
        self.verdicts: list = []
        # Their BATNA is drawn over their bars only: it is what their points must beat, not yours.
        (self.batna,) = ax.plot([], [], color="black", linestyle="--", linewidth=1.6)
        self.dynamic(self.batna)
        self.figure.subplots_adjust(left=0.09, right=0.98, top=0.84, bottom=0.3)

    def static_key(self):
        return super().static_key() + (self.side, self.keys)

    def _layout(self, side: int, keys: tuple[str, ...]) -> None:
        """The bars, their numbers, the x axis and the legend for this side and these states. The bars and their
        numbers are made again only when the number of states changes, the ticks only when the states change:
        switching sides changes only the words (the axis label and the legend's)."""
        ax = self.ax
        if len(keys) != len(self.keys):
            self._make_bars(len(keys))
        if keys != self.keys:
            ax.set_xlim(-0.6, len(keys) - 0.4)
            ax.set_xticks(range(len(keys)), [KNOWLEDGE_SHORT[k] for k in keys], fontsize=9)
        you, them = self.parties[side], self.parties[1 - side]
        ax.set_xlabel(label(f"What {you} knows about {them}'s points"))
        words = [label(f"{capitalised(you)}'s points (you)"), label(f"{capitalised(them)}'s points"),
                 "Joint points left on the table",
                 label(f"{capitalised(them)}'s BATNA: a proposal at or below it is refused")]
        self.batna.set_label(words[-1])
        legend = ax.get_legend()
        if legend is None:
            handles = [Patch(facecolor=COLOURS["you"], edgecolor="black", label=words[0]),
                       Patch(facecolor=COLOURS["them"], edgecolor="black", label=words[1]),
                       Patch(facecolor=_LEFT, edgecolor="#555555", hatch="///", label=words[2]),
                       self.batna]
            ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.27), ncol=2, fontsize=9,
                      frameon=False)
        else:   # the same legend, its words changed (it lays itself out again when drawn)
            for text, words_ in zip(legend.get_texts(), words):
                text.set_text(words_)
        self.side, self.keys = side, keys

    def _make_bars(self, count: int) -> None:
        """``count`` groups of three bars with their numbers and a verdict above each (replacing any before)."""
        ax = self.ax
        for group in self.bars + self.values:
            for artist in group:
                self.forget(artist)
        for text in self.verdicts:
            self.forget(text)
        self.bars, self.values, self.verdicts = [], [], []
        for i in range(count):   # your bar, theirs and what is left, side by side around i
            group = (
                Rectangle((i - 1.5 * _WIDTH, 0), _WIDTH, 0, facecolor=COLOURS["you"], edgecolor="black",
                          linewidth=0.6),
                Rectangle((i - 0.5 * _WIDTH, 0), _WIDTH, 0, facecolor=COLOURS["them"], edgecolor="black",
                          linewidth=0.6),
                Rectangle((i + 0.5 * _WIDTH, 0), _WIDTH, 0, facecolor=_LEFT, edgecolor="#555555", hatch="///",
                          linewidth=0.6),
            )
            self.bars.append(tuple(self.dynamic(ax.add_patch(bar)) for bar in group))
        # Drawn in this order: the bars, their BATNA over their bars, then the numbers (outlined in white).
        self._dynamic.remove(self.batna)
        self._dynamic.append(self.batna)
        for i, group in enumerate(self.bars):
            # Only their number can meet the BATNA's dash: it alone is outlined in white (an outline costs a
            # second drawing of the text on every update).
            self.values.append(tuple(self.dynamic(ax.text(bar.get_x() + _WIDTH / 2, 0, "", ha="center",
                                                          va="bottom", fontsize=9,
                                                          path_effects=_OUTLINE if k == 1 else None))
                                     for k, bar in enumerate(group)))
            self.verdicts.append(self.dynamic(ax.text(i, self.top * 1.1, "", ha="center", va="bottom", fontsize=9,
                                                      color="#8a1010", weight="bold")))

    def update(self, result) -> str:
        proposals = result.proposals
        keys = tuple(p.knowledge.key for p in proposals)
        if (result.side, keys) != (self.side, self.keys):
            self._layout(result.side, keys)
        you, them = self.parties[result.side], self.parties[1 - result.side]
        their_batna = proposals[0].analysis.batnas[1 - result.side]
        xs, ys = [], []
        for i in range(len(proposals)):   # one dash over each of their bars, centred on it
            xs += [i - 0.6 * _WIDTH, i + 0.6 * _WIDTH, float("nan")]
            ys += [their_batna, their_batna, float("nan")]
        self.batna.set_data(xs, ys)
        for proposal, bars, texts, verdict in zip(proposals, self.bars, self.values, self.verdicts):
            heights = (proposal.your_points, proposal.their_points, proposal.left_on_table)
            for k, (bar, text, height) in enumerate(zip(bars, texts, heights)):
                bar.set_height(height)
                y = height + self.top * 0.01
                if k == 1 and y - self.top * 0.01 <= their_batna <= y + self.top * 0.06:
                    y = their_batna + self.top * 0.01   # their number would sit on the dash: just above it
                text.set_position((text.get_position()[0], y))
                text.set_text(_rounded(height))
            bars[1].set_hatch("" if proposal.accepted else "xx")
            verdict.set_text("" if proposal.accepted else
                             "refused" if proposal.acceptance == 0 else f"{round(proposal.acceptance * 100)}% accepted")
            verdict.set_visible(not proposal.accepted)   # an empty text is not drawn at all
        self.set_title(self._headline(result, you, them))
        states = "; ".join(
            f"knowing {_KNOWING[p.knowledge.key]}: {you} {_rounded(p.your_points)}, "
            f"{them} {_rounded(p.their_points)}, left on the table {_rounded(p.left_on_table)}{_verdict(p, them)}"
            for p in proposals)
        self.caption = (f"Bar chart of what {you} proposes aiming for at least {_rounded(result.aim)} points, for each "
                        f"state of knowledge of {them}'s points, with three bars each ({you}'s points, {them}'s points "
                        f"and the joint points left on the table): {states}. Dashes across {them}'s bars mark "
                        f"{them}'s BATNA at {_rounded(their_batna)} points.")
        return self.caption

    def _headline(self, result, you: str, them: str) -> str:
        """Two lines: what the first and last states leave on the table, then whether knowing more helped
        (said only when every step to more knowledge left as much or less on the table)."""
        left = {p.knowledge.key: p.left_on_table for p in result.proposals}
        first, last = result.proposals[0], result.proposals[-1]
        if max(left.values()) == 0:
            return f"Aiming for {_rounded(result.aim)}: every proposal leaves nothing on the table"

        def amount(p):
            return "none" if p.left_on_table == 0 else _rounded(p.left_on_table)
        head = (f"Joint points left on the table: {amount(first)} {_ON[first.knowledge.key]}, "
                f"{amount(last)} {_ON[last.knowledge.key]}")
        if last.knowledge.full and last.acceptance == 0:   # the model: then no package worth the aim is accepted
            return f"{head}\nNo package worth at least {_rounded(result.aim)} to {you} beats {them}'s BATNA"
        worse = [(left[key], key) for key, before in _ADDS_TO.items() if key in left
                 if any(b in left and left[key] > left[b] + 1e-9 for b in before)]
        if worse:
            value, key = max(worse)
            return f"{head}\nA little knowledge can cost: {_ON[key]} leaves {_rounded(value)}"
        return f"{head}\nThe more {you} knows of {them}'s points, the less is left on the table"
