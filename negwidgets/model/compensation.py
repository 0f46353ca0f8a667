"""Total compensation: what a job package is worth, year by year and in today's dollars, and two compared.

A package is more than its salary. Each year ``t`` (1, 2, ...) of a comparison it pays, on average:

- **salary**: ``salary * (1 + yearly_raise) ** (t - 1)``;
- **bonus**: that year's salary times ``bonus_target`` (the target as a share of salary) times
  ``bonus_chance`` (the chance the bonus is paid; or, for a bonus that is paid in part, the share of the
  target paid on average);
- **equity**: ``equity_grant`` (the grant's value on the day it is granted) times the share of it that
  vests in year ``t`` (``equity_vesting[t - 1]``) times ``equity_chance``, the chance that the equity is
  worth its grant value (otherwise it is taken to be worth nothing: the model knows these two outcomes
  only, so the expected value is their average and the describe() says what each gives);
- **benefits**: a yearly value in dollars (health insurance, say), the same every year;
- **retirement match**: that year's salary times ``retirement_match`` (what the employer pays into your
  pension or retirement plan, as a share of salary);
- **one-off amounts**, in year 1 only: ``signing_bonus``, and ``one_off_costs`` (moving, or what you
  forfeit by leaving) counted as a negative amount.

Vesting is counted year by year: a share vests at the end of its year, and a share that vests after the
last year of the comparison is not counted (you would have left by then). A grant "over four years with a
one-year cliff" (nothing before the first anniversary, a quarter on it, the rest month by month) is
``(0.25, 0.25, 0.25, 0.25)`` counted year by year: the cliff changes what you keep only if you leave
before the first anniversary, which a comparison in whole years never does. A longer cliff moves what
would have vested before it to the cliff's year; :func:`vesting_schedule` writes such schedules.

Every amount of a year counts at the end of that year: its **present value** (what it is worth today) at
a discount rate ``r`` is ``amount / (1 + r) ** t``, as in lesson 10. All amounts are before tax, and the
model counts only what a package states: no refresher grants, no promotions, no change of job within the
years compared.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .checks import capitalised, finite_number, shown, text_value
from .money import money, percent, percent_precise

__all__ = ["COMPONENTS", "MAX_YEARS", "CompensationComparison", "CompensationPackage", "PackageValue", "RaiseOrMove",
           "compare_compensation", "example_raise_or_move", "parse_vesting", "raise_or_move", "value_package",
           "vesting_schedule"]

MAX_YEARS = 10            # years compared; beyond that the package's terms mean little
MAX_DISCOUNT = 0.20       # a discount rate above 20% a year says more about the rate than about the jobs
MAX_RAISE = 0.50          # a yearly raise (or the raise asked for) above 50% is a typing slip
MAX_BONUS = 2.0           # a bonus target of twice the salary: beyond it, type it as a percentage
MAX_NAME = 60             # characters of a package's name: it appears in sentences and on the chart
MAX_MONEY = 1e12          # a trillion dollars: any larger amount is a typing slip
TIE = 0.5                 # amounts within half a dollar are the same to the dollar

#: The parts of a package, in the order of the chart's stacks: (attribute of PackageValue, label).
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("salary", "Salary"),
    ("bonus", "Bonus"),
    ("equity", "Equity"),
    ("benefits", "Benefits"),
    ("retirement_match", "Retirement match"),
    ("signing_bonus", "Signing bonus"),
    ("one_off_costs", "One-off costs"),
)


def _share(value: object, what: str, most: float = 1.0, hint: str = "") -> float:
    """A chance or a rate from 0 to ``most``, or a sentence."""
    number = finite_number(value, what)
    if not 0 <= number <= most:
        raise ValueError(f"{capitalised(what)} runs from 0% to {percent(most)}; {percent(number)} is outside{hint}.")
    return number


def _amount(value: object, what: str) -> float:
    number = finite_number(value, what)
    if number < 0:
        raise ValueError(f"{capitalised(what)} is an amount of money: $0 or more, not {money(number)}.")
    if number > MAX_MONEY:
        raise ValueError(f"{capitalised(what)} of {money(number)} is beyond this calculator: give at most "
                         f"{money(MAX_MONEY)}.")
    return number


def _years(value: object) -> int:
    number = finite_number(value, "the number of years")
    if number != int(number) or not 1 <= number <= MAX_YEARS:
        raise ValueError(f"Compare over a whole number of years from 1 to {MAX_YEARS}, not {number:g}.")
    return int(number)


def _discount(value: object) -> float:
    return _share(value, "the discount rate", MAX_DISCOUNT,
                  ": a rate of 3% to 8% a year is usual (what your savings could earn, or inflation)")


def _vesting(value: object, grant: float, of: str = "") -> tuple[float, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, np.ndarray)):
        raise ValueError(f"Give the equity's vesting as a list of yearly shares, such as (0.25, 0.25, 0.25, 0.25), "
                         f"not {shown(value)}.")
    equity = f"the equity {of}".strip()
    shares = tuple(_share(s, f"the share of {equity} vesting in year {year}")
                   for year, s in enumerate(value, start=1))
    if not shares:
        if grant > 0:
            raise ValueError(f"Say when {equity} vests: a share for each year, such as 25% a year for 4 years.")
        return shares
    if len(shares) > MAX_YEARS:
        raise ValueError(f"The vesting of {equity} runs over {len(shares)} years; this calculator counts at most "
                         f"{MAX_YEARS}.")
    total = math.fsum(shares)
    if abs(total - 1) > 1e-6:
        raise ValueError(f"The yearly shares of {equity} that vest add up to {percent_precise(total)}, not 100%: "
                         f"over the whole schedule all of the grant vests.")
    return shares


def vesting_schedule(years: int = 4, cliff_years: int = 1) -> tuple[float, ...]:
    """The yearly shares of a grant that vests evenly over ``years`` after a cliff of ``cliff_years``:
    nothing vests before the cliff, at the cliff everything due by then vests at once.

    >>> vesting_schedule(4, 1)    # four years, one-year cliff: a quarter at the first anniversary
    (0.25, 0.25, 0.25, 0.25)
    >>> vesting_schedule(4, 2)    # a two-year cliff: nothing in year 1, half at the second anniversary
    (0.0, 0.5, 0.25, 0.25)
    >>> vesting_schedule(3, 4)
    Traceback (most recent call last):
    ...
    ValueError: A cliff of 4 years is longer than the 3 years the grant vests over.
    """
    length = finite_number(years, "the years the grant vests over")
    if length != int(length) or not 1 <= length <= MAX_YEARS:
        raise ValueError(f"A grant vests over a whole number of years from 1 to {MAX_YEARS}, not {length:g}.")
    cliff = finite_number(cliff_years, "the cliff")
    if cliff != int(cliff) or cliff < 0:
        raise ValueError(f"A cliff is a whole number of years, 0 or more, not {cliff:g}.")
    n, c = int(length), max(int(cliff), 1)   # a cliff of 0 or 1 year is the same, counted year by year
    if c > n:
        raise ValueError(f"A cliff of {int(cliff)} years is longer than the {n} years the grant vests over.")
    return tuple(0.0 if year < c else (c / n if year == c else 1 / n) for year in range(1, n + 1))


def parse_vesting(text: object, what: str = "the vesting schedule") -> tuple[float, ...]:
    """Read a vesting schedule typed as yearly percentages or shares: ``25/25/25/25``, ``25%, 25%, 50%``,
    ``0.25 0.25 0.5``. Numbers that add up to more than 1.5 (or carry a ``%``) are percentages.

    >>> parse_vesting("25/25/25/25")
    (0.25, 0.25, 0.25, 0.25)
    >>> parse_vesting("0%, 50%, 25%, 25%")
    (0.0, 0.5, 0.25, 0.25)
    >>> parse_vesting("1")
    (1.0,)
    >>> parse_vesting("25/x")
    Traceback (most recent call last):
    ...
    ValueError: I could not read 'x' in the vesting schedule: type a share for each year, such as 25/25/25/25.
    """
    if not isinstance(text, str):
        return _vesting(text, 1.0) if text is not None else ()
    parts = [p for p in re.split(r"[/,;\s]+", text.strip()) if p]
    numbers = []
    for part in parts:
        try:
            number = float(part.rstrip("%"))
        except ValueError:
            raise ValueError(f"I could not read {shown(part)} in {what}: type a share for each year, such as "
                             f"25/25/25/25.") from None
        numbers.append(finite_number(number, what))
    if any(p.endswith("%") for p in parts) or math.fsum(numbers) > 1.5:
        numbers = [n / 100 for n in numbers]
    return tuple(numbers)


@dataclass(frozen=True)
class CompensationPackage:
    """One job's package. Amounts are yearly dollars unless said; shares and chances are fractions (0.05 = 5%).

    >>> offer = CompensationPackage("The start-up's offer", 88_000, equity_grant=40_000, equity_chance=0.3)
    >>> offer.equity_vesting
    (0.25, 0.25, 0.25, 0.25)
    >>> CompensationPackage("Staying", 79_000, bonus_chance=1.2)
    Traceback (most recent call last):
    ...
    ValueError: The chance that the bonus of staying is paid runs from 0% to 100%; 120% is outside.
    """

    name: str
    salary: float
    bonus_target: float = 0.0           # the bonus if paid in full, as a share of that year's salary
    bonus_chance: float = 1.0           # the chance it is paid (or the share of the target paid on average)
    yearly_raise: float = 0.03          # from year 2 on
    equity_grant: float = 0.0           # the whole grant's value when granted
    equity_vesting: tuple[float, ...] = (0.25, 0.25, 0.25, 0.25)   # the share vesting at the end of each year
    equity_chance: float = 1.0          # the chance it is worth its grant value (else it is worth nothing)
    benefits: float = 0.0               # yearly value of benefits (health insurance, say)
    retirement_match: float = 0.0       # what the employer pays into your retirement plan, a share of salary
    signing_bonus: float = 0.0          # once, in year 1
    one_off_costs: float = 0.0          # once, in year 1 (moving, or what you forfeit by leaving)

    def __post_init__(self) -> None:
        name = text_value(self.name, "a package's name").strip()
        if not name:
            raise ValueError("Give each package a name, such as 'Stay' or 'The offer'.")
        if len(name) > MAX_NAME:
            raise ValueError(f"Keep a package's name under {MAX_NAME} characters; {shown(name[:20] + '...')} has "
                             f"{len(name)}.")
        of = f"of {in_sentence(name)}"
        grant = _amount(self.equity_grant, f"the equity grant {of}")
        values = dict(
            name=name,
            salary=_amount(self.salary, f"the salary {of}"),
            bonus_target=_share(self.bonus_target, f"the bonus target {of}", MAX_BONUS,
                                ": type it as a share of salary, such as 10%"),
            bonus_chance=_share(self.bonus_chance, f"the chance that the bonus {of} is paid"),
            yearly_raise=_share(self.yearly_raise, f"the yearly raise {of}", MAX_RAISE,
                                ": type it as a percentage, such as 3%"),
            equity_grant=grant,
            equity_vesting=_vesting(self.equity_vesting, grant, of),
            equity_chance=_share(self.equity_chance, f"the chance that the equity {of} is worth its grant value"),
            benefits=_amount(self.benefits, f"the yearly value of the benefits {of}"),
            retirement_match=_share(self.retirement_match, f"the retirement match {of}", 1.0,
                                    ": type it as a share of salary, such as 4%"),
            signing_bonus=_amount(self.signing_bonus, f"the signing bonus {of}"),
            one_off_costs=_amount(self.one_off_costs, f"the one-off costs {of}"),
        )
        for key, value in values.items():
            object.__setattr__(self, key, value)

    def replace(self, **changes) -> CompensationPackage:
        """A copy with ``changes`` (checked again)."""
        return dataclasses.replace(self, **changes)

    @property
    def has_uncertain_equity(self) -> bool:
        """Whether the equity may be worth its grant value or nothing: the average hides two outcomes."""
        return self.equity_grant > 0 and 0 < self.equity_chance < 1


@dataclass(frozen=True)
class PackageValue:
    """A package's expected amounts year by year (``years`` long, year 1 first), each component separately;
    ``one_off_costs`` is negative, so the components add up to ``total``."""

    package: CompensationPackage
    years: int
    discount_rate: float
    salary: np.ndarray = field(repr=False, compare=False)
    bonus: np.ndarray = field(repr=False, compare=False)
    equity: np.ndarray = field(repr=False, compare=False)
    benefits: np.ndarray = field(repr=False, compare=False)
    retirement_match: np.ndarray = field(repr=False, compare=False)
    signing_bonus: np.ndarray = field(repr=False, compare=False)
    one_off_costs: np.ndarray = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.package.name

    def component(self, key: str) -> np.ndarray:
        """One component's amounts, year by year (``key`` one of :data:`COMPONENTS`)."""
        if key not in dict(COMPONENTS):
            raise ValueError(f"A package has no part called {shown(key)}; its parts are "
                             f"{', '.join(k for k, _ in COMPONENTS)}.")
        return getattr(self, key)

    @property
    def total(self) -> np.ndarray:
        """The expected total of each year."""
        return sum((getattr(self, key) for key, _ in COMPONENTS), np.zeros(self.years))

    @property
    def discount_factors(self) -> np.ndarray:
        """What a dollar at the end of each year is worth today."""
        return 1 / (1 + self.discount_rate) ** np.arange(1, self.years + 1)

    @property
    def present_value(self) -> float:
        """What the whole package over ``years`` is worth today, on average."""
        return float(np.dot(self.total, self.discount_factors))

    def present_value_of(self, key: str) -> float:
        """What one component over ``years`` is worth today, on average."""
        return float(np.dot(self.component(key), self.discount_factors))

    @property
    def unvested_share(self) -> float:
        """The share of the equity grant that vests after the years compared (not counted)."""
        return float(math.fsum(self.package.equity_vesting[self.years:])) if self.package.equity_grant > 0 else 0.0


def value_package(package: CompensationPackage, years: int = 4, discount_rate: float = 0.05) -> PackageValue:
    """A package's expected amounts over ``years``, and their value today at ``discount_rate``.

    >>> stay = CompensationPackage("Staying", 80_000, bonus_target=0.05, yearly_raise=0.0, benefits=6_000,
    ...                            retirement_match=0.04)
    >>> value = value_package(stay, years=2, discount_rate=0.0)
    >>> value.total.tolist()               # 80,000 + 4,000 bonus + 6,000 benefits + 3,200 match
    [93200.0, 93200.0]
    >>> value.present_value
    186400.0
    """
    if not isinstance(package, CompensationPackage):
        raise ValueError(f"Compare packages made with CompensationPackage(...), not {shown(package)}.")
    n, rate = _years(years), _discount(discount_rate)
    p = package
    salary = p.salary * (1 + p.yearly_raise) ** np.arange(n)
    vesting = np.zeros(n)
    shares = np.asarray(p.equity_vesting[:n], dtype=float)
    vesting[:shares.size] = shares
    once = np.zeros(n)
    once[0] = 1.0
    arrays = dict(
        salary=salary,
        bonus=salary * (p.bonus_target * p.bonus_chance),
        equity=vesting * (p.equity_grant * p.equity_chance),
        benefits=np.full(n, p.benefits),
        retirement_match=salary * p.retirement_match,
        signing_bonus=once * p.signing_bonus,
        one_off_costs=once * -p.one_off_costs,
    )
    for array in arrays.values():
        array.setflags(write=False)
    return PackageValue(p, n, rate, **arrays)


# Words that open a descriptive name ("The offer", "Staying"): written in lower case inside a sentence, while a
# proper name ("Northwind") keeps its capital.
_COMMON_FIRST_WORDS = {"a", "an", "the", "my", "our", "your", "their", "this", "stay", "staying", "move", "moving",
                       "current", "new", "offer", "job", "package", "option", "start-up", "startup"}


def in_sentence(name: str) -> str:
    """A package's name as it reads inside a sentence (``capitalised`` gives it at a sentence's start).

    >>> in_sentence("The start-up's offer"), in_sentence("Staying with a 4% raise"), in_sentence("Northwind")
    ("the start-up's offer", 'staying with a 4% raise', 'Northwind')
    """
    words = name.split()
    first = re.sub(r"['\u2019]s$", "", words[0]) if words else ""
    alone = len(words) == 1 and first.lower() in ("a", "an", "the")   # a package called "A" keeps its capital
    if first.lower() in _COMMON_FIRST_WORDS and first[1:] == first[1:].lower() and not alone:
        return name[:1].lower() + name[1:]
    return name


def _sign(amount: float) -> int:
    return 0 if abs(amount) <= TIE else (1 if amount > 0 else -1)


@dataclass(frozen=True)
class CompensationComparison:
    """Two packages over the same years. Differences are ``second`` minus ``first``: positive when the second
    package pays more."""

    first: PackageValue
    second: PackageValue
    years: int
    discount_rate: float
    # What each package is worth today if every equity grant turns out worth nothing, or worth its grant value.
    if_equity_worthless: tuple[float, float]
    if_equity_worth_grant: tuple[float, float]

    @property
    def difference(self) -> np.ndarray:
        """Year by year, how much more the second package pays than the first (on average)."""
        return self.second.total - self.first.total

    def component_difference(self, key: str) -> np.ndarray:
        """Year by year, how much more of one component the second package pays."""
        return self.second.component(key) - self.first.component(key)

    @property
    def cumulative_difference(self) -> np.ndarray:
        """The difference added up to the end of each year, in today's dollars."""
        return np.cumsum(self.difference * self.first.discount_factors)

    @property
    def present_value_difference(self) -> float:
        """How much more the second package is worth today over all the years (negative: less)."""
        return self.second.present_value - self.first.present_value

    @property
    def leader(self) -> PackageValue | None:
        """The package worth more today over all the years, or None if they are worth the same to the dollar."""
        sign = _sign(self.present_value_difference)
        return None if sign == 0 else (self.second if sign > 0 else self.first)

    @property
    def lead_changes(self) -> tuple[int, ...]:
        """The years at whose end the running total (in today's dollars) changes hands: the other package
        has caught up and is ahead from then on (until a later change)."""
        changes, last = [], 0
        for year, amount in enumerate(self.cumulative_difference, start=1):
            sign = _sign(amount)
            if sign and last and sign != last:
                changes.append(year)
            last = sign or last
        return tuple(changes)

    @property
    def break_even_year(self) -> int | None:
        """The first year by whose end the package behind at first has caught up (None if it never does)."""
        return self.lead_changes[0] if self.lead_changes else None

    def ahead_after(self, year: int) -> PackageValue | None:
        """The package ahead on the running total at the end of ``year`` (through a tie, the one ahead before it;
        None while the two have been level)."""
        sign = 0
        for amount in self.cumulative_difference[:year]:
            sign = _sign(amount) or sign
        return None if sign == 0 else (self.second if sign > 0 else self.first)

    @property
    def salary_to_match(self) -> float | None:
        """The first-year salary at which the package behind would be worth as much today as the one ahead
        (its bonus and match follow its salary; everything else stays); None when neither is behind, or when
        the one behind would need a negative salary."""
        leader = self.leader
        if leader is None:
            return None
        behind = self.first if leader is self.second else self.second
        at_zero = value_package(behind.package.replace(salary=0.0), self.years, self.discount_rate).present_value
        per_dollar = value_package(behind.package.replace(salary=1.0), self.years, self.discount_rate).present_value
        needed = (leader.present_value - at_zero) / (per_dollar - at_zero)   # the value is linear in salary
        return needed if needed >= 0 else None

    @property
    def behind(self) -> PackageValue | None:
        leader = self.leader
        return None if leader is None else (self.first if leader is self.second else self.second)

    def sentences(self) -> dict[str, str]:
        """The sentences of :meth:`describe`, by topic: ``head`` (which is worth more today), ``lead`` (when
        the running total changes hands), ``equity`` (the two outcomes behind an uncertain grant), ``vesting``
        (grants that vest after the years compared) and ``match`` (the salary that would close the gap);
        those that do not apply are empty."""
        n = self.years
        span = f"Over {n} year{'s' * (n != 1)}"
        rate = ("no discount" if self.discount_rate == 0 else
                f"a {percent_precise(self.discount_rate)} discount rate")
        a, b = self.first, self.second
        leader, behind = self.leader, self.behind
        if leader is None:
            head = (f"{span}, in today's dollars ({rate}), {_name(a)} and {_name(b)} are worth the same on "
                    f"average ({money(a.present_value)}).")
        else:
            head = (f"{span}, in today's dollars ({rate}), {_name(leader)} is worth "
                    f"{money(abs(self.present_value_difference))} more than {_name(behind)} on average "
                    f"({money(leader.present_value)} against {money(behind.present_value)}).")
        vesting = " ".join(
            f"{_Name(value)}: {percent(value.unvested_share)} of the equity vests after year {n} and is not counted."
            for value in (a, b) if value.unvested_share > 0)
        match = ""
        if behind is not None:
            needed = self.salary_to_match
            match = (f"For {_name(behind)} to be worth as much, its salary would have to be {money(needed)} in "
                     f"year 1 instead of {money(behind.package.salary)}." if needed is not None else
                     f"{_Name(behind)} would not be worth as much even at a salary of $0.")
        return dict(head=head, lead=self._lead_sentence(), equity=self._equity_sentence(), vesting=vesting,
                    match=match)

    def describe(self) -> str:
        """What the comparison says, in plain words.

        >>> stay = CompensationPackage("Staying", 80_000, yearly_raise=0)
        >>> offer = CompensationPackage("The offer", 84_000, yearly_raise=0, one_off_costs=6_000)
        >>> print(compare_compensation(stay, offer, years=3, discount_rate=0).describe())
        ... # doctest: +NORMALIZE_WHITESPACE
        Over 3 years, in today's dollars (no discount), the offer is worth $6,000 more than staying on average
        ($246,000 against $240,000). Staying is ahead at first; the offer catches up in year 2 and is ahead from
        then on. For staying to be worth as much, its salary would have to be $82,000 in year 1 instead of
        $80,000.
        """
        return " ".join(text for text in self.sentences().values() if text)

    def _lead_sentence(self) -> str:
        changes = self.lead_changes
        if not changes:
            return ""
        first_ahead = self.ahead_after(changes[0] - 1)
        other = self.second if first_ahead is self.first else self.first
        if len(changes) == 1:
            return (f"{_Name(first_ahead)} is ahead at first; {_name(other)} catches up in year {changes[0]} and "
                    f"is ahead from then on.")
        turns = ", ".join(f"{_name(self.ahead_after(year))} from year {year}" for year in changes)
        return f"The lead changes hands: {_name(first_ahead)} is ahead at first, {turns}."

    def _equity_sentence(self) -> str:
        uncertain = [v.package for v in (self.first, self.second) if v.package.has_uncertain_equity]
        gaps = [second - first for first, second in (self.if_equity_worthless, self.if_equity_worth_grant)]
        if not uncertain or abs(gaps[1] - gaps[0]) <= TIE:   # no uncertain equity vests within the years compared
            return ""
        # With one uncertain grant the two outcomes have known chances; with two, their joint chances are unknown.
        worthless = f" (a {percent(1 - uncertain[0].equity_chance)} chance)" if len(uncertain) == 1 else ""
        full = f" (a {percent(uncertain[0].equity_chance)} chance)" if len(uncertain) == 1 else ""
        parts = []
        for gap, outcome in zip(gaps, (f"turns out worth nothing{worthless}", f"is worth its grant value{full}")):
            if _sign(gap) == 0:
                parts.append(f"if the equity {outcome}, the two are worth the same")
            else:
                ahead = self.second if gap > 0 else self.first
                parts.append(f"if the equity {outcome}, {_name(ahead)} is worth {money(abs(gap))} more")
        return f"That is an average of two outcomes: {parts[0]}; {parts[1]}."


def _name(value: PackageValue) -> str:
    return in_sentence(value.name)


def _Name(value: PackageValue) -> str:   # noqa: N802 - the name at the start of a sentence
    return capitalised(in_sentence(value.name))


def compare_compensation(a: CompensationPackage, b: CompensationPackage, years: int = 4,
                         discount_rate: float = 0.05) -> CompensationComparison:
    """Compare two packages over ``years``: year by year, component by component, and in today's dollars.

    >>> stay = CompensationPackage("Staying", 80_000, yearly_raise=0)
    >>> offer = CompensationPackage("The offer", 84_000, yearly_raise=0, one_off_costs=6_000)
    >>> comparison = compare_compensation(stay, offer, years=3, discount_rate=0)
    >>> comparison.difference.tolist()             # 4,000 more a year, less 6,000 once
    [-2000.0, 4000.0, 4000.0]
    >>> comparison.break_even_year, comparison.present_value_difference
    (2, 6000.0)
    >>> compare_compensation(stay, offer, years=11)
    Traceback (most recent call last):
    ...
    ValueError: Compare over a whole number of years from 1 to 10, not 11.
    """
    n, rate = _years(years), _discount(discount_rate)
    first, second = value_package(a, n, rate), value_package(b, n, rate)

    def worth(equity_chance: float) -> tuple[float, float]:
        return tuple(value_package(p.replace(equity_chance=equity_chance), n, rate).present_value for p in (a, b))

    return CompensationComparison(first, second, n, rate, worth(0.0), worth(1.0))


@dataclass(frozen=True)
class RaiseOrMove:
    """Staying with a raise, against an outside offer; ``matching_raise`` is the raise at which staying is
    worth as much today as the offer (negative: a cut would still do; None when the current salary is under
    $1, on which a raise says nothing)."""

    current: CompensationPackage
    raise_pct: float
    offer: CompensationPackage
    comparison: CompensationComparison
    matching_raise: float | None

    @property
    def stay(self) -> CompensationPackage:
        """The current package with the raise."""
        return self.comparison.first.package

    def describe(self) -> str:
        """The comparison's sentences, with the raise that would make staying worth as much as the offer in
        place of the salary that would.

        >>> current = CompensationPackage("Staying", 80_000, yearly_raise=0)
        >>> offer = CompensationPackage("The offer", 88_000, yearly_raise=0)
        >>> raise_or_move(current, 0.04, offer, years=2, discount_rate=0).describe().split(". ")[-1]
        'A raise of 10% (instead of 4%) would make staying worth as much as the offer on average.'
        """
        sentences = self.comparison.sentences()
        m = self.matching_raise
        if m is not None and self.comparison.leader is not None:
            if m <= 0:
                sentences["match"] = "Even without a raise, staying is worth at least as much as the offer on average."
            elif m > 10:
                sentences["match"] = "No raise under 1,000% would make staying worth as much as the offer on average."
            else:
                sentences["match"] = (f"A raise of {percent_precise(m)} (instead of {percent_precise(self.raise_pct)}) "
                                      f"would make staying worth as much as the offer on average.")
        return " ".join(text for text in sentences.values() if text)


def raise_or_move(current: CompensationPackage, raise_pct: float, offer: CompensationPackage, years: int = 4,
                  discount_rate: float = 0.05) -> RaiseOrMove:
    """Stay with a raise of ``raise_pct`` on the current salary (from year 1 of the comparison), or take the
    offer: the comparison, and the raise that would make staying worth as much as the offer.

    >>> current = CompensationPackage("Staying", 80_000, yearly_raise=0)
    >>> offer = CompensationPackage("The offer", 88_000, yearly_raise=0)
    >>> decision = raise_or_move(current, 0.04, offer, years=2, discount_rate=0)
    >>> decision.stay.name, decision.stay.salary, round(decision.matching_raise, 4)
    ('Staying with a 4% raise', 83200.0, 0.1)
    """
    if not isinstance(current, CompensationPackage) or not isinstance(offer, CompensationPackage):
        raise ValueError("Give the current package and the offer as CompensationPackage(...).")
    rise = _share(raise_pct, "the raise", MAX_RAISE, ": type it as a percentage, such as 4%")
    if current.salary * (1 + rise) > MAX_MONEY:
        raise ValueError(f"With a {percent_precise(rise)} raise the salary of {in_sentence(current.name)} would be "
                         f"{money(current.salary * (1 + rise))}, beyond this calculator: it counts at most "
                         f"{money(MAX_MONEY)}.")
    name = f"{current.name} with a {percent_precise(rise)} raise"
    if len(name) > MAX_NAME:
        name = current.name
    stay = current.replace(name=name, salary=current.salary * (1 + rise))
    comparison = compare_compensation(stay, offer, years, discount_rate)
    matching = None
    if current.salary >= 1:   # a raise on a salary of cents says nothing
        n, rate = comparison.years, comparison.discount_rate
        at_zero = value_package(current.replace(salary=0.0), n, rate).present_value
        per_dollar = value_package(current.replace(salary=1.0), n, rate).present_value - at_zero
        matching = (comparison.second.present_value - at_zero) / per_dollar / current.salary - 1
    return RaiseOrMove(current, rise, offer, comparison, matching)


def example_raise_or_move() -> RaiseOrMove:
    """The course's example (``negwidgets/data/compensation.yaml``): Ana, a year into her job as a data
    analyst, weighs a raise against an outside offer. The file gives the salary her manager offers (the top
    of her pay band), and the raise is derived from it, so the salary she would stay at is exactly that.

    >>> example = example_raise_or_move()
    >>> example.current.salary, example.stay.salary, round(example.raise_pct, 4), example.offer.equity_chance
    (79000.0, 80000.0, 0.0127, 0.3)
    """
    from ..data import load

    data = load("compensation")

    def package(entry: dict) -> CompensationPackage:
        entry = dict(entry)
        if "equity_vesting" in entry:
            entry["equity_vesting"] = tuple(entry["equity_vesting"])
        return CompensationPackage(**entry)

    current = package(data["current"])
    rise = (_amount(data["offered_salary"], "the salary offered") - current.salary) / current.salary
    return raise_or_move(current, rise, package(data["offer"]), data["years"], data["discount_rate"])
