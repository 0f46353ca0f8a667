"""Total compensation compared: two packages typed in side by side, year by year and in today's dollars."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

import ipywidgets as widgets

from ..model import (CompensationPackage, compare_compensation, example_raise_or_move, money, parse_money,
                     parse_probability, parse_vesting)
from ..model.checks import capitalised, finite_number, shown
from ..model.compensation import COMPONENTS, MAX_DISCOUNT, MAX_YEARS
from ..plots import CompensationChart
from .base import ModelView, grow_for_projector, int_slider, labelled, percent_slider
from .saving import PlanSaver

__all__ = ["CompensationComparer"]

#: How the comparer names itself in the plan's notes from the calculators.
SOURCE = "Total compensation (lesson 15)"


@dataclass(frozen=True)
class _Entry:
    """One typed entry of a package: the model's field, its label, how it is read, an example, a tooltip, and
    what a sentence about it calls it ("the salary" of package A)."""

    key: str
    label: str
    kind: str   # name, money, rate (a percentage of salary), chance, vesting
    example: str
    tooltip: str
    what: str


ENTRIES: tuple[_Entry, ...] = (
    _Entry("name", "Name", "name", "e.g. The offer", "What you call this package", "name"),
    _Entry("salary", "Salary, year 1", "money", "$80,000", "The yearly salary in the first year compared",
           "salary"),
    _Entry("bonus_target", "Bonus target, % of salary", "rate", "10%", "The bonus if it is paid in full",
           "bonus target"),
    _Entry("bonus_chance", "Chance the bonus is paid", "chance", "80%",
           "Or the share of the target paid in an average year", "chance that the bonus is paid"),
    _Entry("yearly_raise", "Yearly raise from year 2", "rate", "3%", "The usual raise each later year",
           "yearly raise"),
    _Entry("equity_grant", "Equity grant, value at grant", "money", "$0",
           "What the whole grant of stock or options is worth on the day it is granted", "equity grant"),
    _Entry("equity_vesting", "Equity vesting, % each year", "vesting", "25/25/25/25",
           "The share of the grant that vests at the end of each year: 25/25/25/25 for four years with a "
           "one-year cliff", "equity's vesting"),
    _Entry("equity_chance", "Chance the equity is worth that", "chance", "100%",
           "The chance it is worth its grant value; otherwise it is counted as worth nothing",
           "chance that the equity is worth its grant value"),
    _Entry("benefits", "Benefits, value a year", "money", "$0",
           "What the employer pays for you a year beyond pay: health insurance, say", "yearly value of the benefits"),
    _Entry("retirement_match", "Retirement match, % of salary", "rate", "4%",
           "What the employer pays into your retirement plan or pension, a share of salary", "retirement match"),
    _Entry("signing_bonus", "Signing bonus", "money", "$0", "Paid once, in year 1", "signing bonus"),
    _Entry("one_off_costs", "One-off costs", "money", "$0",
           "Paid once, in year 1: moving, or what you forfeit by leaving", "one-off costs"),
)
_LETTERS = ("A", "B")
_PERCENT = re.compile(r"^\s*([-+\u2212]?\d+(?:\.\d*)?|[-+\u2212]?\.\d+)\s*(%?)\s*$")


def _parse_rate(text: str, what: str) -> float:
    """A rate typed as ``4%``, ``4 %`` or ``0.04``, as a fraction (the model says whether it is too large)."""
    match = _PERCENT.match(text)
    if match is None:
        stripped = text.strip()
        if not stripped:
            raise ValueError(f"{capitalised(what)} is empty: type a percentage such as 4%, or 0%.")
        raise ValueError(f"I could not read {shown(stripped)} as {what}: type a percentage such as 4%.")
    number = finite_number(float(match[1].replace("\u2212", "-")), what)
    return number / 100 if match[2] else number


def _shown_amount(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"-${text[1:]}" if text.startswith("-") else f"${text}"


def _shown_share(value: float) -> str:
    return f"{round(value * 100, 6):g}%"


def _entry_text(package: CompensationPackage, entry: _Entry) -> str:
    value = getattr(package, entry.key)
    if entry.kind == "name":
        return value
    if entry.kind == "money":
        return _shown_amount(value)
    if entry.kind == "vesting":
        return "/".join(f"{round(share * 100, 6):g}" for share in value)
    return _shown_share(value)


class CompensationComparer(ModelView):
    """Two job packages, A and B, typed in side by side: each year's expected total, where the difference comes
    from, and what each is worth today (:func:`negwidgets.model.compare_compensation`). **Save to my plan**
    writes the comparison into the plan file as a note from this calculator.

    ``a`` and ``b`` are ``CompensationPackage`` objects; without them the course's example: Ana staying at the
    $80,000 her manager offers, the top of her band (A), against the start-up's offer (B). A typed entry the model refuses shows its sentence under
    that package's entries, and the last good result stays on screen.

    Attributes for tests: ``result`` (the model's ``CompensationComparison``), ``result_text``,
    ``error_text``, ``caption_text``; ``entries["A"]["salary"]`` ... (text boxes), ``years``, ``discount_rate``
    (sliders), ``plan_saver`` (its ``button`` and ``status_text``).

    >>> comparer = CompensationComparer()
    >>> comparer.entries["A"]["salary"].value, comparer.result.break_even_year
    ('$80,000', None)
    >>> comparer.entries["B"]["equity_chance"].value = "10%"
    >>> comparer.result.break_even_year   # staying is ahead in year 1, the offer from year 2
    2
    >>> comparer.entries["B"]["equity_chance"].value = "130%"
    >>> comparer.error_text.split(";")[0]
    "The chance that the equity of the start-up's offer is worth its grant value runs from 0% to 100%"
    >>> comparer.result.break_even_year   # the last result that worked
    2
    """

    chart_class = CompensationChart

    def __init__(self, a: CompensationPackage | None = None, b: CompensationPackage | None = None, years: int = 4,
                 path=None, *, discount_rate: float = 0.05):
        if a is None or b is None:
            example = example_raise_or_move()
            a = example.stay if a is None else a
            b = example.offer if b is None else b
        self._failed: str | None = None   # the package whose entries the model refused ("A" or "B"), if any
        self.entries: dict[str, dict[str, widgets.Text]] = {}
        self.column_errors: dict[str, widgets.HTML] = {}
        columns = []
        for letter, package in zip(_LETTERS, (a, b)):
            fields = {entry.key: labelled(widgets.Text, f"{entry.label} ({letter})",
                                          value=_entry_text(package, entry), placeholder=entry.example,
                                          tooltip=entry.tooltip, style={"description_width": "215px"},
                                          layout=widgets.Layout(width="395px", max_width="100%"))
                      for entry in ENTRIES}
            self.entries[letter] = fields
            self.column_errors[letter] = widgets.HTML("")
            heading = widgets.HTML(f"<div style='font-weight:600;margin:4px 0'>Package {letter}</div>")
            columns.append(widgets.VBox([heading, *fields.values(), self.column_errors[letter]],
                                        layout=widgets.Layout(width="400px", max_width="100%",
                                                              margin="0 16px 8px 0")))
        self.packages = widgets.HBox(columns, layout=widgets.Layout(flex_flow="row wrap", max_width="100%"))
        self.years = int_slider("Years compared", _whole_years(years), 1, MAX_YEARS)
        self.discount_rate = percent_slider("Discount rate (today's dollars)", _usable_rate(discount_rate), 0,
                                            MAX_DISCOUNT, step=0.005)
        self.discount_rate.tooltip = "What a dollar a year from now is worth less than one today; 5% is usual"
        watched = [box for fields in self.entries.values() for box in fields.values()]
        super().__init__([self.packages, self.years, self.discount_rate],
                         watched=[*watched, self.years, self.discount_rate])
        self.add_class("nw-compensation")
        grow_for_projector(self.image)
        self.plan_saver = PlanSaver(self, SOURCE, path)
        self.children += (self.plan_saver,)
        if self.years.value != years:
            self.explain_clamped(years, self.years, lambda value: compare_compensation(a, b, value, 0.05))
        elif self.discount_rate.value != discount_rate:
            self.explain_clamped(discount_rate, self.discount_rate,
                                 lambda value: compare_compensation(a, b, 1, value))

    # -- reading the entries ----------------------------------------------------------------------------------

    def package(self, letter: str) -> CompensationPackage:
        """Package ``letter`` ("A" or "B") as its entries say (a ValueError says what is wrong)."""
        values = {}
        for entry in ENTRIES:
            text = self.entries[letter][entry.key].value
            what = f"the {entry.what} of package {letter}"
            if entry.kind == "name":
                values[entry.key] = text.strip() or f"Package {letter}"
            elif entry.kind == "money":
                values[entry.key] = parse_money(text, what) if text.strip() else 0.0
            elif entry.kind == "rate":
                values[entry.key] = _parse_rate(text, what) if text.strip() else 0.0
            elif entry.kind == "chance":
                values[entry.key] = parse_probability(text, what) if text.strip() else 1.0
            else:
                values[entry.key] = parse_vesting(text, what)
        return CompensationPackage(**values)

    def compute(self):
        packages = []
        for letter in _LETTERS:
            try:
                packages.append(self.package(letter))
            except ValueError:
                self._failed = letter
                raise
        self._failed = None
        return compare_compensation(*packages, years=self.years.value, discount_rate=self.discount_rate.value)

    def show_error(self, message: str, stale: bool = True) -> None:
        """The sentence under the package whose entries it is about (or under the sliders), the rest cleared."""
        super().show_error(message, stale)
        where = self._failed if message else None
        for letter, box in self.column_errors.items():
            box.value = self.error.value if letter == where else ""
        if where is not None:
            self.error.value = ""

    # -- the result ------------------------------------------------------------------------------------------

    def plan_changes(self) -> dict:
        """Nothing in the plan's own fields changes: the comparison is saved as this calculator's note."""
        return {}

    def result_html(self) -> str:
        comparison = self.result
        a, b = comparison.first, comparison.second
        cell = "style='text-align:right;padding:2px 8px'"
        rows = []
        for key, name in COMPONENTS:
            first, second = a.present_value_of(key), b.present_value_of(key)
            if abs(first) < 0.5 and abs(second) < 0.5:
                continue
            rows.append(f"<tr><th scope='row' style='text-align:left;padding:2px 8px 2px 0;font-weight:normal'>"
                        f"{html.escape(name)}</th><td {cell}>{money(first)}</td><td {cell}>{money(second)}</td>"
                        f"<td {cell}>{_signed(second - first)}</td></tr>")
        rows.append(f"<tr style='border-top:1px solid #999'><th scope='row' style='text-align:left;padding:2px 8px 2px 0'>"
                    f"Total</th><td {cell}><b>{money(a.present_value)}</b></td><td {cell}><b>"
                    f"{money(b.present_value)}</b></td><td {cell}><b>{_signed(comparison.present_value_difference)}"
                    f"</b></td></tr>")
        n = comparison.years
        table = ("<table style='border-collapse:collapse;margin:6px 0;width:100%;max-width:36em'>"
                 f"<caption style='text-align:left;font-weight:600;padding:2px 0'>What each part is worth today over "
                 f"{n} year{'s' * (n != 1)}, on average</caption>"
                 f"<thead><tr><th scope='col' style='text-align:left;padding:2px 8px 2px 0'>Part</th>"
                 f"<th scope='col' {cell}>A</th><th scope='col' {cell}>B</th><th scope='col' {cell}>B minus A</th>"
                 f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")
        sentences = comparison.sentences()
        head = sentences.pop("head")
        rest = " ".join(text for text in sentences.values() if text)
        return (f"<div style='font-size:1.05em;margin:4px 0'><b>{html.escape(head)}</b> {html.escape(rest)}</div>"
                f"{table}")


def _signed(amount: float) -> str:
    text = money(amount)
    return text if text.startswith("-") or text == "$0" else f"+{text}"


def _whole_years(value) -> int:
    """A number of years the slider can hold (the model explains any other)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 4
    return int(min(max(round(number), 1), MAX_YEARS)) if math.isfinite(number) else 4


def _usable_rate(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.05
    return min(max(number, 0.0), MAX_DISCOUNT) if math.isfinite(number) else 0.05
