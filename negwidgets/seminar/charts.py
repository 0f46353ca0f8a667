"""The debrief dashboard's charts, drawn with the course's chart machinery (``negwidgets.plots``).

Each chart draws a ``ClassDebrief`` onto its one figure; a refresh redraws that same figure (results arrive
every few seconds at most, so each refresh draws everything again rather than moving artists).

The charts are read from the back of a room: no text is smaller than 10 pt (14 CSS px at the chart's
natural size, larger where the dashboard lets the chart grow with a projector's page). The room sees them
while pairs negotiate, so a hidden pair (``PairOutcome.hidden``) is drawn as "still negotiating" only.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator, PercentFormatter

from matplotlib.patches import Patch

from ..model.scoring import points_text
from ..plots.base import COLOURS, Chart, label
from ..plots.charts import _MONEY_AXIS
from .cases import RolePlayCase, in_sentence
from .debrief import META_ANALYSIS_R, META_ANALYSIS_SOURCE, ClassDebrief, class_r_range

__all__ = ["AgreementChart", "DEBRIEF_CHARTS", "FirstOfferVsFinalChart", "FrontierChart", "OpenerChart",
           "OutcomeZoneChart", "SubjectiveValueChart", "SurplusSplitChart", "debrief_charts"]

_ROLE_COLOURS = (COLOURS["you"], COLOURS["them"])
SMALL = 10   # the smallest text on a debrief chart, in points
_WAITING = "waiting for results"
NEGOTIATING = "still negotiating"


class _DebriefChart(Chart):
    width_in = 5.6
    height_in = 3.4

    def __init__(self) -> None:
        super().__init__()
        self._version = 0
        self.figure.subplots_adjust(left=0.16, right=0.97, top=0.82, bottom=0.17)

    def static_key(self):
        return self._version

    def update(self, debrief: ClassDebrief) -> str:
        self.ax.clear()
        self._version += 1
        self.caption = self.draw(debrief)
        return self.caption

    def draw(self, debrief: ClassDebrief) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def _empty(self, title: str, why: str = _WAITING) -> str:
        self.set_title(title)
        self.ax.set_axis_off()
        self.ax.text(0.5, 0.5, why, ha="center", va="center", color=COLOURS["neutral"], transform=self.ax.transAxes)
        return f"{title}: {why}."

    def _number_axis(self, axis, debrief: ClassDebrief) -> None:
        if debrief.case.number.unit == "money":
            axis.set_major_formatter(_MONEY_AXIS)


class AgreementChart(_DebriefChart):
    """Pairs by outcome, for pairs with a zone and pairs without one."""

    def draw(self, debrief: ClassDebrief) -> str:
        counts = debrief.counts()
        rate = debrief.agreement_rate
        title = ("Agreement rate: " + (f"{rate:.0%} ({debrief.agreements} of {debrief.reported} reported pairs)"
                                       if rate is not None else "no results yet"))
        self.set_title(title)
        self.figure.subplots_adjust(left=0.2)
        rows = [("pairs with\na zone", True), ("pairs without\na zone", False)]
        if debrief.hidden:
            rows.append((NEGOTIATING.replace(" ", "\n"), None))   # whether they have a zone is private
        statuses = [("agreement", COLOURS["zone"], "agreement"), ("impasse", COLOURS["risk"], "impasse"),
                    ("not reported", "#d9d9d9", "not reported yet")]
        for y, (_, has_zone) in enumerate(rows):
            left = 0
            for status, colour, name in statuses:
                count = counts.get((has_zone, status), 0)
                if count:
                    self.ax.barh(y, count, left=left, color=colour, edgecolor="white")
                    self.ax.text(left + count / 2, y, str(count), ha="center", va="center", fontsize=10)
                    left += count
        handles = [Patch(color=colour, label=name) for _, colour, name in statuses]
        self.ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=SMALL,
                       frameon=False)
        self.ax.set_yticks(range(len(rows)), [r[0] for r in rows])
        self.ax.set_ylim(-0.5, len(rows) - 0.5)   # every row its own band, even an empty one (else it sat on the axis)
        self.ax.invert_yaxis()
        self.ax.set_xlabel("pairs")
        self.ax.xaxis.set_major_locator(MaxNLocator(integer=True))   # whole pairs: no tick at 0.5 of a pair
        self.ax.set_xlim(0, max(1, len(debrief.outcomes)))
        return title + "."


class OutcomeZoneChart(_DebriefChart):
    """Each pair's zone as a bar and its agreement as a dot; for pairs without a zone, the gap."""

    def __init__(self, n_pairs: int = 20) -> None:
        self.height_in = max(3.4, 0.9 + 0.18 * n_pairs)
        super().__init__()
        self.figure.subplots_adjust(left=0.12, bottom=max(0.05, 0.5 / self.height_in), top=1 - 0.55 / self.height_in)

    def draw(self, debrief: ClassDebrief) -> str:
        case = debrief.case
        multi = case.scoring is not None
        first = in_sentence(case.roles[0].name)
        title = (f"Outcomes against each pair's zone ({first}'s points)" if multi
                 else f"Outcomes against each pair's zone ({case.number.name.lower()})")
        self.set_title(title)
        inside = 0
        for y, outcome in enumerate(debrief.outcomes):
            pair = outcome.pair
            if outcome.hidden:
                self.ax.text(0.01, y, NEGOTIATING, transform=self.ax.get_yaxis_transform(), va="center",
                             fontsize=SMALL, color=COLOURS["neutral"])
                continue
            if pair.zone is not None:
                low, high = pair.zone
                self.ax.barh(y, max(high - low, 1e-9), left=low, height=0.6, color=COLOURS["zone"], alpha=0.35)
            elif not multi:
                high, low = pair.reservations   # the seller's floor is above the buyer's ceiling
                self.ax.barh(y, high - low, left=low, height=0.6, color=COLOURS["risk"], alpha=0.25, hatch="//")
            else:
                self.ax.plot([pair.reservations[0]], [y], "|", color=COLOURS["risk"], markersize=10)
            if outcome.status == "agreement":
                x = outcome.scores[0]
                self.ax.plot([x], [y], "o", color="black", markersize=5)
                inside += pair.zone is not None and pair.zone[0] - 1e-9 <= x <= pair.zone[1] + 1e-9
            elif outcome.status == "impasse":
                anchor = pair.zone[0] if pair.zone is not None else pair.reservations[0]
                self.ax.plot([anchor], [y], "x", color=COLOURS["risk"], markersize=7)
        self.ax.set_yticks(range(len(debrief.outcomes)), [o.pair.code for o in debrief.outcomes],
                           fontsize=10)
        if debrief.hidden == len(debrief.outcomes):
            # Nothing drawn yet: the case's public range (or the points' 0 to 100), not matplotlib's 0 to 1.
            self.ax.set_xlim(*(case.number.allowed if not multi else (0, 100)))
        self.ax.set_ylim(-0.5, len(debrief.outcomes) - 0.5)
        self.ax.invert_yaxis()
        if not multi:
            self._number_axis(self.ax.xaxis, debrief)
        else:
            self.ax.set_xlabel(f"{first}'s points")
        self.ax.plot([], [], "o", color="black", label="agreement")
        self.ax.plot([], [], "x", color=COLOURS["risk"], label="impasse")
        self.ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=SMALL, frameon=False)
        agreements = debrief.agreements
        hidden = debrief.hidden
        return (f"{title}: {agreements} agreement{'s' if agreements != 1 else ''}, {inside} inside the pair's zone; "
                "green bars are zones, hatched red bars the gap where there is none"
                + (f"; {hidden} pair{'s' if hidden != 1 else ''} {NEGOTIATING}, {'their' if hidden != 1 else 'its'} "
                   "values hidden until they report." if hidden else "."))


class FrontierChart(_DebriefChart):
    """A multi-issue case: every deal against the Pareto frontier, in both sides' points, with the pairs'
    BATNAs and the joint points left on the table (``ClassDebrief.against_frontier``).

    Nothing is drawn while a pair is hidden: the frontier and the deals show what each side's points are
    worth to the other, which the pairs still negotiating must not see."""

    height_in = 4.7

    def __init__(self) -> None:
        super().__init__()
        self.figure.subplots_adjust(left=0.14, right=0.97, top=0.9, bottom=0.35)

    def draw(self, debrief: ClassDebrief) -> str:
        title = "Deals against the Pareto frontier"
        if debrief.case.scoring is None:
            return self._empty(title, "a single-issue case has no frontier")
        result = debrief.against_frontier()
        if result.withheld:
            self._empty(title, "shown once every pair has reported,\nor when you reveal every pair's values:\n"
                               "until then it would tell each side\nwhat the other's points are worth")
            return f"{title}. {result.describe()}"
        ax = self.ax
        first, second = result.names
        scores = debrief.case.scoring.all_scores()
        cloud = np.unique(scores[:, 0] + 1j * scores[:, 1])   # one dot per score pair: what the eye can see
        ax.scatter(cloud.real, cloud.imag, s=5, color="#d0d0d0", linewidths=0, rasterized=True, zorder=0,
                   label="other packages")
        front = result.frontier
        ax.plot(front[:, 0], front[:, 1], color=COLOURS["zone"], linewidth=2, marker="o", markersize=4, zorder=2,
                label="Pareto frontier")
        shared = result.shared_batnas
        if shared is not None:
            ax.axvline(shared[0], color=COLOURS["you"], linestyle=":", linewidth=1.5, label=f"{first}'s BATNA")
            ax.axhline(shared[1], color=COLOURS["them"], linestyle=":", linewidth=1.5, label=f"{second}'s BATNA")
        else:
            for o in result.outcomes:   # each pair's own BATNAs, joined to its deal
                ax.plot([o.batnas[0]], [o.batnas[1]], "s", color=COLOURS["neutral"], markerfacecolor="none",
                        markersize=5, zorder=3)
                if o.scores is not None:
                    ax.plot([o.batnas[0], o.scores[0]], [o.batnas[1], o.scores[1]], color=COLOURS["neutral"],
                            linewidth=0.6, alpha=0.45, zorder=1)
            if result.outcomes:
                ax.plot([], [], "s", color=COLOURS["neutral"], markerfacecolor="none", label="a pair's BATNAs")
        for d in result.deals:
            if d.best is not None:
                ax.annotate("", xy=d.best, xytext=d.scores, zorder=3,
                            arrowprops=dict(arrowstyle="->", color=COLOURS["risk"], linestyle=":", linewidth=1.2))
        deals = {}
        for d in result.deals:   # pairs that reached the same scores share one dot, its count beside it
            deals.setdefault(d.scores, []).append(d)
        for (x, y), same in deals.items():
            inside = same[0].best is not None
            ax.plot([x], [y], "o", color="black", markerfacecolor="white" if inside else "black", markeredgewidth=1.5,
                    markersize=6 + 2 * min(len(same) - 1, 3), zorder=4)
            if len(same) > 1:
                ax.annotate(f"×{len(same)}", (x, y), xytext=(6, 4), textcoords="offset points", fontsize=SMALL,
                            zorder=5)
        impasses = result.impasses
        if impasses:
            ax.plot([i.batnas[0] for i in impasses], [i.batnas[1] for i in impasses], "x", color=COLOURS["risk"],
                    markersize=8, markeredgewidth=2, zorder=4)
        ax.plot([], [], "o", color="black", label="deal on the frontier")
        ax.plot([], [], "o", color="black", markerfacecolor="white", label="deal inside it")
        ax.plot([], [], color=COLOURS["risk"], linestyle=":", label="to the best package\nbetter for both")
        ax.plot([], [], "x", color=COLOURS["risk"], markeredgewidth=2, label="impasse (at its BATNAs)")
        high = np.max([*front, *(o.batnas for o in result.outcomes)], axis=0)   # a BATNA may lie beyond every deal
        ax.set_xlim(-0.04 * high[0], 1.04 * high[0])
        ax.set_ylim(-0.04 * high[1], 1.04 * high[1])
        ax.set_xlabel(f"{first}'s points")
        ax.set_ylabel(f"{second}'s points")
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=SMALL, frameon=False)
        if result.deals:
            self.set_title(f"{title}: {points_text(round(result.total, 1))} joint points left on the table")
        else:
            self.set_title(title)
        if not result.outcomes:
            batnas = ""
        elif shared is not None:
            batnas = " The dotted lines are the BATNAs, the same for every pair drawn."
        else:
            batnas = " Each pair's own BATNAs are a grey square joined to its deal."
        return f"{title} ({first}'s points across, {second}'s up): {result.describe()}{batnas}"


class FirstOfferVsFinalChart(_DebriefChart):
    """First offer against final agreement, with the class's fitted line and r beside the meta-analysis.

    The legend sits above the axes and the note on r below them: inside, each covered a pair's point."""

    height_in = 4.1

    def __init__(self) -> None:
        super().__init__()
        self.figure.subplots_adjust(left=0.16, right=0.97, top=0.79, bottom=0.31)

    def draw(self, debrief: ClassDebrief) -> str:
        points = debrief.first_offers()
        title = f"First offer and final {debrief.case.number.name.lower()}"
        if not points:
            return self._empty(title)
        self.set_title(title)
        case = debrief.case
        for index, role in enumerate(case.roles):
            mine = [p for p in points if p[3] == role.key]
            if mine:
                self.ax.scatter([p[1] for p in mine], [p[2] for p in mine], color=_ROLE_COLOURS[index], s=28,
                                label=f"{in_sentence(role.name)} opened", zorder=3)
        fit = debrief.first_offer_fit()
        xs = np.array([p[1] for p in points])
        if fit is not None:
            line = np.linspace(xs.min(), xs.max(), 2)
            self.ax.plot(line, fit.slope * line + fit.intercept, color=COLOURS["neutral"], linewidth=1.5)
            note = f"this class: r = {fit.r:.2f} (n = {fit.n})\nmeta-analysis: r = {META_ANALYSIS_R} ({META_ANALYSIS_SOURCE})"
            expected = class_r_range(fit.n)
            if expected is not None:
                note += (f"\nclasses of {fit.n}, if the truth is {META_ANALYSIS_R}: "
                         f"{expected[0]:.2f} to {expected[1]:.2f} (19 in 20)")
        else:
            note = f"r needs three agreements with different numbers\nmeta-analysis: r = {META_ANALYSIS_R}"
        self.ax.text(0.0, -0.27, label(note), transform=self.ax.transAxes, va="top", fontsize=SMALL)
        self._number_axis(self.ax.xaxis, debrief)
        self._number_axis(self.ax.yaxis, debrief)
        self.ax.set_xlabel("first offer")
        self.ax.set_ylabel("final agreement")
        self.ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=SMALL, frameon=False)
        r_text = f"r = {fit.r:.2f} over {fit.n} agreements" if fit is not None else "too few agreements for r"
        return f"{title}: {r_text}, beside r = {META_ANALYSIS_R} in the meta-analysis."


class OpenerChart(_DebriefChart):
    """The first role's share of the zone, by who opened: each agreement a dot, the mean a bar."""

    def draw(self, debrief: ClassDebrief) -> str:
        case = debrief.case
        first = in_sentence(case.roles[0].name)
        title = "Outcomes by who opened"
        groups = debrief.shares_by_opener()
        if not any(groups.values()):
            return self._empty(title)
        self.set_title(title)
        parts = []
        for index, role in enumerate(case.roles):
            shares = groups[role.key]
            if shares:
                mean = float(np.mean(shares))
                self.ax.bar(index, mean, color=_ROLE_COLOURS[index], alpha=0.35, width=0.6)
                jitter = np.linspace(-0.15, 0.15, len(shares)) if len(shares) > 1 else [0.0]
                self.ax.scatter(index + np.asarray(jitter), shares, color=_ROLE_COLOURS[index], s=18, zorder=3)
                parts.append(f"when {in_sentence(role.name)} opened, {first} took {mean:.0%} on average "
                             f"({len(shares)} agreements)")
        self.ax.set_xticks([0, 1], [f"{in_sentence(r.name)}\nopened" for r in case.roles], fontsize=SMALL)
        self.ax.set_xlim(-0.6, 1.6)   # both sides' columns, even when only one side has opened so far
        self.ax.set_ylim(-0.05, 1.05)
        self.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        self.ax.set_ylabel(f"{first}'s share\nof the zone", fontsize=SMALL)
        self.ax.axhline(0.5, color=COLOURS["neutral"], linewidth=0.8, linestyle=":")
        return f"{title}: " + "; ".join(parts) + "."


class SurplusSplitChart(_DebriefChart):
    """How the zone was split: the first role's share in each agreement, as a histogram."""

    def draw(self, debrief: ClassDebrief) -> str:
        first = in_sentence(debrief.case.roles[0].name)
        title = "How the zone was split"
        shares = debrief.shares()
        if not shares:
            return self._empty(title)
        self.set_title(title)
        self.ax.hist(np.clip(shares, 0, 1), bins=np.linspace(0, 1, 11), color=COLOURS["zone"], alpha=0.7,
                     edgecolor="white")
        self.ax.axvline(0.5, color=COLOURS["neutral"], linestyle=":", linewidth=1)
        # Above the axes: inside, the label lay over the bar of even splits.
        self.ax.text(0.5, 1.01, "even split", transform=self.ax.get_xaxis_transform(), ha="center", va="bottom",
                     fontsize=SMALL, color=COLOURS["neutral"])
        self.ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        self.ax.set_xlabel(f"{first}'s share of the zone\n(0% = at {first}'s reservation value)", fontsize=SMALL)
        self.figure.subplots_adjust(bottom=0.24)   # room for the label's two lines
        self.ax.set_ylabel("agreements")
        median = float(np.median(shares))
        return f"{title}: {first} took a median {median:.0%} of the zone over {len(shares)} agreements."


class SubjectiveValueChart(_DebriefChart):
    """Each participant's subjective value (1 to 7) against their gain over their reservation value."""

    def draw(self, debrief: ClassDebrief) -> str:
        case = debrief.case
        title = "How they feel against how they did"
        rows = debrief.subjective()
        if not rows:
            return self._empty(title)
        self.set_title(title)
        for index, role in enumerate(case.roles):
            mine = [r for r in rows if r[1] == role.key]
            if mine:
                self.ax.scatter([r[2] for r in mine], [r[3] for r in mine], color=_ROLE_COLOURS[index], s=24,
                                label=in_sentence(role.name), zorder=3)
        fit = debrief.subjective_fit()
        note = f"r = {fit.r:.2f} (n = {fit.n})" if fit is not None else "r needs more answers"
        self.set_title(f"{title} ({note})")   # in the title: inside the axes the note covered answers
        if case.scoring is None:
            self._number_axis(self.ax.xaxis, debrief)
        self.ax.set_xlabel("gain over own reservation value" + (" (points)" if case.scoring is not None else ""))
        self.ax.set_ylabel("subjective value (1-7)")
        self.ax.set_ylim(0.8, 7.2)
        self.ax.axvline(0, color=COLOURS["neutral"], linewidth=0.8)
        self.ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=SMALL, frameon=False)
        return f"{title}: {len(rows)} answers; {note}."


DEBRIEF_CHARTS = (AgreementChart, OutcomeZoneChart, FirstOfferVsFinalChart, OpenerChart, SurplusSplitChart,
                  SubjectiveValueChart)
"""The charts of every case; a multi-issue case adds ``FrontierChart`` after the zone chart."""


def debrief_charts(case: RolePlayCase, n_pairs: int) -> list[_DebriefChart]:
    """The dashboard's charts for a case, in order: ``DEBRIEF_CHARTS``, and for a multi-issue case the
    Pareto frontier after the zone chart."""
    classes = list(DEBRIEF_CHARTS)
    if case.scoring is not None:
        classes.insert(classes.index(OutcomeZoneChart) + 1, FrontierChart)
    return [cls(n_pairs) if cls is OutcomeZoneChart else cls() for cls in classes]
