"""The learner's one-page negotiation plan (lesson 12): its fields, its consistency checks, its page.

A :class:`NegotiationPlan` holds what you prepare before a real negotiation: the issues, your BATNA and
numbers, the other side's likely numbers and interests, your criteria, your opening, questions,
concessions, the tactics you expect and the line at which you walk away. :meth:`NegotiationPlan.check`
says in plain words what does not fit together; :func:`plan_markdown` and :func:`plan_html` lay it out
as one page. Saving and loading it is :mod:`negwidgets.model.plan_file`'s job.
"""

from __future__ import annotations

import dataclasses
import functools
import html
from dataclasses import dataclass, field
from typing import Any

from .batna import Alternative
from .checks import finite_number, shown
from .coaching import GameSummary
from .collaboration import CollaborationTerms, summary_sections
from .confidence import SelfAssessment
from .criteria import Criterion
from .interests import InterestMap
from .batna import MAX_RISK_AVERSION
from .money import DOLLAR_MARKUP, a_percent, money, percent

__all__ = ["MAX_LINES", "MAX_TEXT", "PLAN_FIELDS", "NegotiationPlan", "PlanField", "plan_html", "plan_markdown"]

MAX_TEXT = 2_000  # characters in one field: a plan is one page
MAX_LINES = 40  # entries in one list
#: An opening whose chance of no deal exceeds that of lesson 05's best opening by more than this is flagged.
EXTRA_RISK = 0.10
#: An opening short of the best and of your target whose expected gain falls this far below the best is flagged.
GAIN_SHORTFALL = 0.10


@dataclass(frozen=True)
class PlanField:
    key: str
    label: str
    kind: str  # text, money, lines, choice, alternatives, criteria, notes, number, ratings, practice, interests,
    # collaboration
    help: str = ""


#: Every field of a plan in the order of the page, with the label the page and the builder show.
PLAN_FIELDS: tuple[PlanField, ...] = (
    PlanField("title", "What I am negotiating", "text", "e.g. My salary for the analyst role at Northwind"),
    PlanField("counterpart", "With whom", "text", "e.g. Sam Lee, hiring manager"),
    PlanField("wants", "I want", "choice", "more (I am paid or I sell) or less (I pay or I buy)"),
    PlanField("issues", "The issues", "lines", "One per line: salary, start date, remote days, title..."),
    PlanField("batna", "My BATNA (what I do if there is no deal)", "text", "e.g. Stay in my job and keep searching"),
    PlanField("batna_value", "What my BATNA is worth", "money", "e.g. $70,000"),
    PlanField("alternatives", "My Plan B's outcomes", "alternatives"),
    PlanField("risk_aversion", "My attitude to risk (per dollar; 0 = neutral, from the sure amount I named)", "number"),
    PlanField("reservation", "My reservation value (walk-away point)", "money", "e.g. $70,000"),
    PlanField("aspiration", "My target (aspiration value)", "money", "e.g. $85,000"),
    PlanField("their_reservation", "Their likely limit", "money", "e.g. $80,000"),
    PlanField("their_spread", "How sure I am of their limit (give or take)", "money",
              "e.g. $6,000; empty: a rough idea, 7.5% of their limit"),
    PlanField("their_aspiration", "Their likely hope or opening", "money", "e.g. $60,000"),
    PlanField("their_interests", "What they likely value", "lines", "One per line"),
    # The interest map (model.interests): their positions, the interests behind them, questions and options.
    PlanField("interest_map", "Their positions and the interests behind them", "interests"),
    PlanField("focal_points", "Justifications and focal points (theirs and mine)", "lines",
              "One per line: reasons for more or less, and numbers that stand out (a precedent, a round number)"),
    PlanField("criteria", "My criteria", "criteria"),
    PlanField("justification", "My justification", "text", "I'm asking for ... because ..."),
    PlanField("opening", "My opening", "money", "e.g. $86,500"),
    PlanField("opening_plan", "How I open", "text", "Who opens, with what number, in which words"),
    PlanField("questions", "Questions to ask", "lines", "One per line"),
    PlanField("concessions", "Concessions I can trade", "lines", "One per line: give ... for ..."),
    PlanField("tactics", "Tactics I expect", "tactics"),
    PlanField("tactic_notes", "My responses", "lines", "One per line"),
    PlanField("walk_away", "My walk-away line", "text", "What I will say and do if the deal is worse than my BATNA"),
    PlanField("closing", "How I will close", "text", "Summarise, ask for a clear yes, write it down"),
    PlanField("calculator_notes", "From the course's calculators", "notes"),
    # Not on the page: the confidence ratings of lesson 00, which lesson 12 shows beside fresh ones.
    PlanField("confidence_baseline", "My confidence at the start of the course (lesson 00)", "ratings"),
    # Not on the page either: lesson 08's practice games, their grades and shares of the zone (model.coaching).
    PlanField("practice_games", "My practice games (lesson 08)", "practice"),
    # The terms of a collaboration (lesson 16's builder; model.collaboration): a section of its own on the page,
    # since a collaboration is often another negotiation than the plan's.
    PlanField("collaboration", "My collaboration agreement (lesson 16)", "collaboration"),
)
_FIELDS = {f.key: f for f in PLAN_FIELDS}


def _text(value: object, key: str) -> str:
    label = _FIELDS[key].label
    if not isinstance(value, str):
        raise ValueError(f"{label} must be text, not {shown(value)}.")
    if len(value) > MAX_TEXT:
        raise ValueError(f"{label} is {len(value):,} characters long; keep it under {MAX_TEXT:,} so the plan fits on a page.")
    return value


def _lines(value: object, key: str) -> tuple[str, ...]:
    label = _FIELDS[key].label
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError(f"{label} must be a list of entries, not {shown(value)}.")
    if len(value) > MAX_LINES:
        raise ValueError(f"{label} has {len(value)} entries; keep it to {MAX_LINES} or fewer.")
    return tuple(_text(item, key) for item in value)


def _entries(value: object, key: str, kind: type, least: int, most: int) -> tuple:
    """A list field's entries, each one ``kind`` or its ``least`` to ``most`` parts; any other shape is a
    sentence rather than the TypeError that unpacking it would raise."""
    label = _FIELDS[key].label
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError(f"{label} must be a list of entries, not {shown(value)}.")
    entries = []
    for item in value:
        if kind is tuple or not isinstance(item, kind):  # a note is a plain pair: check its length too
            if isinstance(item, str) or not isinstance(item, (list, tuple)) or not least <= len(item) <= most:
                raise ValueError(f"An entry of '{label}' must have {least} to {most} parts, not {shown(item)}."
                                 if least < most else
                                 f"An entry of '{label}' must have {least} parts, not {shown(item)}.")
            item = kind(*item) if kind is not tuple else tuple(item)
        entries.append(item)
    return tuple(entries)


def _money(value: object, key: str) -> float | None:
    return None if value is None else finite_number(value, _FIELDS[key].label.lower())


@dataclass(frozen=True)
class NegotiationPlan:
    """A one-page plan. Money fields are ``None`` until set; lists are tuples of entries.

    >>> plan = NegotiationPlan(title="My salary", batna="A competing offer", reservation=70_000, aspiration=65_000,
    ...                        walk_away="Thank you; I will take the other offer.")
    >>> plan.check()[0][:63]
    'Your target ($65,000) is below your reservation value ($70,000)'
    """

    title: str = ""
    counterpart: str = ""
    wants: str = "more"
    issues: tuple[str, ...] = ()
    batna: str = ""
    batna_value: float | None = None
    alternatives: tuple[Alternative, ...] = ()
    risk_aversion: float = 0.0
    reservation: float | None = None
    aspiration: float | None = None
    their_reservation: float | None = None
    their_spread: float | None = None
    their_aspiration: float | None = None
    their_interests: tuple[str, ...] = ()
    interest_map: InterestMap = InterestMap()   # their positions and the interests behind them: see model.interests
    focal_points: tuple[str, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    justification: str = ""
    opening: float | None = None
    opening_plan: str = ""
    questions: tuple[str, ...] = ()
    concessions: tuple[str, ...] = ()
    tactics: tuple[str, ...] = ()
    tactic_notes: tuple[str, ...] = ()
    walk_away: str = ""
    closing: str = ""
    calculator_notes: tuple[tuple[str, str], ...] = field(default=())
    confidence_baseline: tuple[tuple[str, int], ...] = ()   # (skill, rating 1-7) pairs: see model.confidence
    practice_games: tuple[GameSummary, ...] = ()   # lesson 08's games, oldest first: see model.coaching
    collaboration: CollaborationTerms | None = None   # lesson 16's agreement: see model.collaboration

    def __post_init__(self) -> None:
        for spec in PLAN_FIELDS:
            value = getattr(self, spec.key)
            if spec.kind == "text":
                clean = _text(value, spec.key)
            elif spec.kind == "money":
                clean = _money(value, spec.key)
            elif spec.kind == "number":   # the attitude to risk, the plan's one plain number
                clean = finite_number(value, "your attitude to risk")
                if abs(clean) > MAX_RISK_AVERSION:
                    raise ValueError(f"Your attitude to risk must lie between {-MAX_RISK_AVERSION:g} and "
                                     f"{MAX_RISK_AVERSION:g} per dollar, not {clean:g}: name the sure amount again in "
                                     f"lesson 02's calculator.")
            elif spec.kind in ("lines", "tactics"):
                clean = _lines(value, spec.key)
            elif spec.kind == "choice":
                if value not in ("more", "less"):
                    raise ValueError(f"In a plan you want either 'more' (you are paid or you sell) or 'less' (you "
                                     f"pay or you buy), not {shown(value)}.")
                clean = value
            elif spec.kind == "alternatives":
                clean = _entries(value, spec.key, Alternative, 2, 4)
            elif spec.kind == "criteria":
                clean = _entries(value, spec.key, Criterion, 2, 4)
            elif spec.kind == "ratings":  # empty (none yet) or a rating for every skill
                if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
                    raise ValueError(f"{spec.label} must be a list of (skill, rating) pairs, not {shown(value)}.")
                clean = SelfAssessment(tuple(value)).ratings if value else ()
            elif spec.kind == "interests":  # a map, or its saved form (a dict)
                if not isinstance(value, (InterestMap, dict)):
                    raise ValueError(f"{spec.label} must be an interest map, not {shown(value)}.")
                clean = InterestMap.from_dict(value)
            elif spec.kind == "practice":  # summaries, or their saved form (dicts)
                if isinstance(value, (str, bytes, dict)) or not isinstance(value, (tuple, list)):
                    raise ValueError(f"{spec.label} must be a list of games, not {shown(value)}.")
                if len(value) > MAX_LINES:
                    raise ValueError(f"{spec.label} has {len(value)} games; a plan keeps the latest {MAX_LINES}.")
                clean = tuple(GameSummary.from_dict(item) for item in value)
            elif spec.kind == "collaboration":  # terms, or their saved form (a dict); None until saved
                clean = None if value is None else CollaborationTerms.from_dict(value)
            else:  # notes: (source, text) pairs
                clean = tuple((_text(source, spec.key), _text(text, spec.key))
                              for source, text in _entries(value, spec.key, tuple, 2, 2))
            object.__setattr__(self, spec.key, clean)
        if self.their_spread is not None and self.their_spread <= 0:
            raise ValueError(f"How sure you are of their limit is a give-or-take above zero, not "
                             f"{money(self.their_spread)}: leave it empty for a rough idea.")

    def replace(self, **changes: Any) -> NegotiationPlan:
        """A copy with some fields changed (checked like a new plan)."""
        unknown = sorted(set(changes) - set(_FIELDS))
        if unknown:
            raise ValueError(f"A plan has no field called {unknown[0]!r}.")
        return dataclasses.replace(self, **changes)

    def with_note(self, source: str, text: str) -> NegotiationPlan:
        """A copy with ``text`` as the latest note from ``source`` (a calculator), replacing its older note."""
        notes = tuple((s, t) for s, t in self.calculator_notes if s != source) + ((source, text),)
        return self.replace(calculator_notes=notes)

    # -- consistency -------------------------------------------------------------------------------------

    def check(self) -> list[str]:
        """What does not fit together, in plain words (an empty list when nothing is wrong).

        >>> NegotiationPlan(batna="A competing offer", batna_value=70_000, reservation=70_000,
        ...                 aspiration=85_000, opening=81_600, their_reservation=80_000,
        ...                 walk_away="Thank you; I will take the other offer.").check()
        []
        """
        up = 1 if self.wants == "more" else -1
        below, above = ("below", "above") if up > 0 else ("above", "below")
        problems = []
        if not self.batna.strip() and self.batna_value is None and not self.alternatives:
            problems.append("Your BATNA is missing: write down what you will do if there is no deal, and what that "
                            "is worth. Without it you cannot know when to walk away.")
        if self.reservation is None:
            problems.append("Your reservation value is missing: set the worst deal you would accept (your BATNA's "
                            "value, lesson 02).")
        elif self.batna_value is not None and up * (self.reservation - self.batna_value) < 0:
            problems.append(f"Your reservation value ({money(self.reservation)}) is {below} what your BATNA is worth "
                            f"({money(self.batna_value)}): you would accept a deal worse than walking away.")
        if self.reservation is not None and self.aspiration is not None:
            if up * (self.aspiration - self.reservation) < 0:
                problems.append(f"Your target ({money(self.aspiration)}) is {below} your reservation value "
                                f"({money(self.reservation)}): the deal you hope for is worse than the worst deal you "
                                f"would accept. {'Raise' if up > 0 else 'Lower'} the target, or check the "
                                f"reservation value.")
        if self.opening is not None:
            if self.reservation is not None and up * (self.opening - self.reservation) < 0:
                problems.append(f"Your opening ({money(self.opening)}) is {below} your reservation value "
                                f"({money(self.reservation)}): you would open with a deal you would refuse.")
            else:
                problems.extend(self._opening_problems())
        if (self.reservation is not None and self.their_reservation is not None
                and up * (self.their_reservation - self.reservation) < 0):
            problems.append(f"By your own estimate there is no zone of possible agreement: their likely limit "
                            f"({money(self.their_reservation)}) is {below} your reservation value "
                            f"({money(self.reservation)}). Test that estimate early, and be ready to walk away to "
                            f"your BATNA.")
        if self.reservation is not None and not self.walk_away.strip():
            problems.append("Your walk-away line is missing: write the sentence you will say if the deal is worse "
                            "than your BATNA, so you can leave gracefully.")
        return problems

    def opening_advice(self):
        """Lesson 05's advice for this plan's numbers (:func:`~negwidgets.model.opening.advise_opening`), or
        ``None`` while the reservation value, target or their likely limit is missing or leaves no zone."""
        return self._opening_weighed[0]

    @functools.cached_property
    def _opening_weighed(self) -> tuple:
        """(advice, chance of no deal, expected gain) at this plan's opening, computed once per plan: the
        check and the page both read it. The last two are ``None`` without an opening or advice."""
        from .checks import finite_number
        from .first_offer import expected_outcome
        from .opening import advise_opening, rough_belief
        from .zone import Party

        up = 1 if self.wants == "more" else -1
        if None in (self.reservation, self.aspiration, self.their_reservation):
            return None, None, None
        if up * (self.their_reservation - self.reservation) < 0 or up * (self.aspiration - self.reservation) < 0:
            return None, None, None
        you = Party("You", self.reservation, self.aspiration, self.wants)
        ceiling = [c.value for c in self.criteria if c.strength >= 3 and up * (c.value - self.reservation) >= 0]
        try:
            advice = advise_opening(you, self.aspiration, rough_belief(self.their_reservation, self.their_spread),
                                    ceiling=(max(ceiling) if up > 0 else min(ceiling)) if ceiling else None)
            if self.opening is None:
                return advice, None, None
            impasse, gain = expected_outcome(you, advice.belief, self.opening, advice.anchoring,
                                             tolerance=advice.tolerance)
            for amount in (gain, advice.gain, advice.gain - gain, advice.opening):   # each may be shown as money
                finite_number(amount, "an amount the model gives")
        except ValueError:
            # Amounts each within range whose gaps are not (an opening a thousand trillion from the reservation):
            # the model cannot weigh them, and the plan, its check and its exports go on without its advice.
            return None, None, None
        return advice, impasse, gain

    def opening_outlook(self) -> str:
        """What lesson 05's model says of this plan's opening, in a sentence ("" when it cannot say)."""
        advice, impasse, gain = self._opening_weighed
        if advice is None or impasse is None:
            return ""
        return (f"Lesson 05's model, with their limit {advice.belief.describe()}: opening at {money(self.opening)} "
                f"gives {a_percent(impasse)} chance of no deal and an expected gain of {money(gain)}; the opening it "
                f"recommends is {money(advice.opening)}, with {a_percent(advice.impasse)} chance of no deal.")

    def _opening_problems(self) -> list[str]:
        up = 1 if self.wants == "more" else -1
        advice, impasse, gain = self._opening_weighed
        if advice is None:
            # Without their likely limit the model cannot weigh the risk: the textbook rule stands.
            if (self.their_reservation is None and self.aspiration is not None
                    and up * (self.opening - self.aspiration) < 0):
                return [f"Your opening ({money(self.opening)}) is {'below' if up > 0 else 'above'} your target "
                        f"({money(self.aspiration)}): deals land between the openings, so you would plan to land "
                        f"short of your target."]
            return []
        beyond = up * (self.opening - advice.opening) > 0
        if beyond and impasse > advice.impasse + EXTRA_RISK:
            return [f"Your opening ({money(self.opening)}) ends the talk {percent(impasse)} of the time in lesson "
                    f"05's model (their limit {advice.belief.describe()}); {money(advice.opening)} would risk "
                    f"{percent(advice.impasse)}. Bring it closer, or test your estimate of their limit before you "
                    f"open."]
        short_of_target = up * (self.opening - self.aspiration) < 0
        if not beyond and short_of_target and gain < (1 - GAIN_SHORTFALL) * advice.gain:
            return [f"Your opening ({money(self.opening)}) is short of both your target ({money(self.aspiration)}) "
                    f"and lesson 05's recommended opening ({money(advice.opening)}): you give away "
                    f"{money(advice.gain - gain)} of expected gain before the talk begins."]
        return []

    # -- the page ----------------------------------------------------------------------------------------

    def sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The page as (heading, [(label, text)]) sections; an empty label makes a bullet."""
        from .tactics import tactic_catalogue

        def amount(value: float | None) -> str:
            return "not set" if value is None else money(value)

        catalogue = {t.id: t for t in tactic_catalogue()}
        wants = "more (I am paid or I sell)" if self.wants == "more" else "less (I pay or I buy)"
        sections = [
            ("The negotiation", [("With whom", self.counterpart or "not set"), ("I want", wants),
                                 *(("", issue) for issue in self.issues)]),
            ("My numbers", [
                ("BATNA", self.batna or "not set"), ("What my BATNA is worth", amount(self.batna_value)),
                *(("", f"{a.name}: {money(a.value)} with a chance of {a.probability:.0%}"
                       + (f", {money(a.adjustment)} for what is not money" if a.adjustment else ""))
                  for a in self.alternatives),
                ("Reservation value (walk-away point)", amount(self.reservation)),
                ("Target (aspiration value)", amount(self.aspiration)), ("Opening", amount(self.opening)),
            ]),
            ("Their side", [("Their likely limit", amount(self.their_reservation)),
                            *((("How sure I am of it", f"give or take {money(self.their_spread)}"),)
                              if self.their_spread is not None else ()),
                            ("Their likely hope or opening", amount(self.their_aspiration)),
                            *(("What they value", item) for item in self.their_interests),
                            *(("Justification or focal point", item) for item in self.focal_points)]),
            ("Their positions and the interests behind them", [("", line) for line in self.interest_map.lines()]),
            ("Criteria and justification", [
                *(("", f"{c.name}: {money(c.value)} ({c.strength_text})" + (f", because {c.because}" if c.reason else ""))
                  for c in self.criteria),
                ("What I say", self.justification or "not set")]),
            ("Opening", [("How I open", self.opening_plan or "not set"),
                         *((("What lesson 05's model says", outlook),) if (outlook := self.opening_outlook()) else ())]),
            ("Questions to ask", [("", q) for q in self.questions]),
            ("Concessions I can trade", [("", c) for c in self.concessions]),
            ("Tactics I expect", [
                *((catalogue[t].name, f"say: \u201c{catalogue[t].say}\u201d") if t in catalogue else ("", t)
                  for t in self.tactics),
                *(("", note) for note in self.tactic_notes)]),
            ("Walking away", [("My walk-away line", self.walk_away or "not set")]),
            ("Closing", [("", self.closing or "Summarise what we agreed, issue by issue; ask for a clear yes; "
                                              "write it down and send it the same day.")]),
        ]
        if self.collaboration is not None:
            terms = self.collaboration
            sections.append((f"Collaboration agreement: {terms.project}",
                             [("Partners", "; ".join(str(p) for p in terms.partners))]
                             + [item for _, items in summary_sections(terms) for item in items]))
        if self.calculator_notes:
            sections.append(("From the course's calculators", [(source, text) for source, text in self.calculator_notes]))
        return [(heading, items) for heading, items in sections if items]

    @property
    def heading(self) -> str:
        return f"My negotiation plan: {self.title}" if self.title.strip() else "My negotiation plan"


def markdown_escape(text: str) -> str:
    """The learner's words as written: only characters that would change the Markdown's structure are
    escaped, and a dollar sign is written so that no Markdown viewer with math typesets it.

    >>> print(markdown_escape("Open at $83,000, *then* wait"))
    Open at <span>&#36;</span>83,000, \\*then\\* wait
    """
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.replace("$", DOLLAR_MARKUP).split())


def plan_markdown(plan: NegotiationPlan) -> str:
    """The plan as a one-page Markdown document.

    >>> print(plan_markdown(NegotiationPlan(title="My salary", reservation=70_000)).splitlines()[0])
    # My negotiation plan: My salary
    """
    lines = [f"# {markdown_escape(plan.heading)}", ""]
    problems = plan.check()
    if problems:
        lines += ["## To fix before the meeting", "", *(f"- {markdown_escape(p)}" for p in problems), ""]
    for heading, items in plan.sections():
        lines += [f"## {heading}", ""]
        for label, text in items:
            lines.append(f"- **{markdown_escape(label)}:** {markdown_escape(text)}" if label else f"- {markdown_escape(text)}")
        lines.append("")
    return "\n".join(lines)


PAGE_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #1a1a1a; line-height: 1.4; font-size: 11pt; }
h1 { font-size: 1.5em; border-bottom: 2px solid #1f77b4; padding-bottom: .2em; }
h2 { font-size: 1.1em; margin: 1em 0 .3em; color: #1f4e79; }
ul { margin: .2em 0; padding-left: 1.3em; }
.problems { background: #fdecea; border-left: 4px solid #d62728; padding: .3em 1em; }
@media print { body { margin: 0; font-size: 10pt; } h2 { break-after: avoid; } }
"""


def plan_html(plan: NegotiationPlan) -> str:
    """The plan as a standalone HTML page to print (every word escaped).

    >>> "<script>" in plan_html(NegotiationPlan(title="<script>"))
    False
    """
    title = html.escape(plan.heading)
    body = [f"<h1>{title}</h1>"]
    problems = plan.check()
    if problems:
        items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
        body.append(f"<div class='problems'><h2>To fix before the meeting</h2><ul>{items}</ul></div>")
    for heading, entries in plan.sections():
        items = "".join(f"<li><b>{html.escape(label)}:</b> {html.escape(text)}</li>" if label
                        else f"<li>{html.escape(text)}</li>" for label, text in entries)
        body.append(f"<h2>{html.escape(heading)}</h2><ul>{items}</ul>")
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{title}</title>"
            f"<style>{PAGE_STYLE}</style></head><body>{''.join(body)}</body></html>\n")
