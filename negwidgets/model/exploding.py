"""Exploding offers (lesson 11): accept now, use the days you have, ask for more, or let it expire?

You hold an offer worth ``offer`` that expires in ``deadline`` days. Other processes are running: each
ends in an offer with chance ``chance``, likely worth ``value``, and you will hear by day ``day``. If
everything fails you fall back on your BATNA. The processes are independent, and an offer from one of
them waits while you hear from the rest.

On the day you must decide you know how the processes that finished by then turned out. Keep the
exploding offer, or let it go and take the best of what you hold, what is still running and your
BATNA, whichever is worth more *given what you know then*. The value of deciding on day ``D`` is the
average of that choice over everything that can have happened by ``D``, computed exactly by listing
every combination of outcomes (at most ``MAX_PROCESSES`` processes, so at most 1,024 of them).

Four strategies follow:

* **accept now**: the offer, for certain;
* **decide at the deadline**: the value of deciding on the deadline day. It is never below accepting
  now or letting the offer expire, because you keep both choices and learn in between;
* **ask for an extension** of ``extension_days``: with chance ``granted`` they agree and you decide
  later; with chance ``withdrawn`` the offer is withdrawn because you asked; otherwise you decide at
  the deadline as before;
* **let it expire**: the best of the other processes and your BATNA.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from .checks import finite_number
from .money import money, percent

__all__ = ["MAX_PROCESSES", "ExplodingOfferDecision", "OtherProcess", "exploding_offer"]

MAX_PROCESSES = 10
MAX_DAYS = 365


@dataclass(frozen=True)
class OtherProcess:
    """Another application or negotiation still running: the chance it ends in an offer, that offer's
    likely value, and the day by which you will hear.

    >>> OtherProcess("Firm C", 1.2, 75_000, 5)
    Traceback (most recent call last):
    ...
    ValueError: The chance of an offer from Firm C runs from 0% to 100%; 120% is outside.
    """

    name: str
    chance: float
    value: float
    day: float

    def __post_init__(self) -> None:
        label = self.name.strip() if isinstance(self.name, str) and self.name.strip() else "another process"
        object.__setattr__(self, "name", label)
        chance = finite_number(self.chance, f"the chance of an offer from {label}")
        if not 0 <= chance <= 1:
            raise ValueError(f"The chance of an offer from {label} runs from 0% to 100%; {percent(chance)} is outside.")
        value = finite_number(self.value, f"the likely value of an offer from {label}")
        if value <= 0:
            raise ValueError(f"The likely value of an offer from {label} must be above $0, not {money(value)}.")
        day = finite_number(self.day, f"the day you will hear from {label}")
        if not 0 < day <= MAX_DAYS:
            raise ValueError(f"Give the day you will hear from {label} as a number of days from today, above 0 and "
                             f"at most {MAX_DAYS}; {day:g} is outside.")
        object.__setattr__(self, "chance", chance)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "day", day)


def _expected_best(floor: float, processes: Iterable[OtherProcess]) -> float:
    """E[max(floor, the offers that come)] over independent processes, exactly: the best offer that comes is
    the highest-valued process that succeeds."""
    total, none_above = 0.0, 1.0  # none_above: the chance that no higher-valued process has succeeded
    for process in sorted(processes, key=lambda p: -p.value):
        total += none_above * process.chance * max(process.value, floor)
        none_above *= 1 - process.chance
    return total + none_above * floor


@dataclass(frozen=True)
class ExplodingOfferDecision:
    """The value of each way of handling an exploding offer, and the best one."""

    offer: float
    deadline: int
    batna: float
    processes: tuple[OtherProcess, ...]
    extension_days: int
    granted: float
    withdrawn: float

    def value_of_deciding_on(self, day: float) -> float:
        """The expected value of keeping the offer open until ``day`` and choosing then, knowing how every
        process that ends by ``day`` turned out."""
        known = [p for p in self.processes if p.day <= day]
        running = [p for p in self.processes if p.day > day]
        total = 0.0
        for outcome in itertools.product((True, False), repeat=len(known)):
            chance = math.prod(p.chance if won else 1 - p.chance for p, won in zip(known, outcome))
            if chance == 0:
                continue
            held = max([self.batna, *(p.value for p, won in zip(known, outcome) if won)])
            total += chance * max(self.offer, _expected_best(held, running))
        return total

    @property
    def accept_now(self) -> float:
        return self.offer

    @cached_property  # each of these lists every outcome; the description, table and chart all read them
    def let_expire(self) -> float:
        """Let the offer go: the best of the other processes and the BATNA, on average."""
        return _expected_best(self.batna, self.processes)

    @cached_property
    def at_deadline(self) -> float:
        return self.value_of_deciding_on(self.deadline)

    @cached_property
    def with_extension(self) -> float:
        """Deciding at the deadline pushed back by ``extension_days`` (if they agree)."""
        return self.value_of_deciding_on(self.deadline + self.extension_days)

    @property
    def ask_for_extension(self) -> float:
        refused = 1 - self.granted - self.withdrawn
        return self.granted * self.with_extension + self.withdrawn * self.let_expire + refused * self.at_deadline

    @property
    def strategies(self) -> dict[str, float]:
        """Each strategy's expected value, in the order the lesson discusses them."""
        return {"Accept now": self.accept_now, "Decide at the deadline": self.at_deadline,
                "Ask for an extension": self.ask_for_extension, "Let it expire": self.let_expire}

    @property
    def best(self) -> str:
        """The strategy worth the most (the earlier one on a tie: no point asking for what adds nothing)."""
        values = self.strategies
        return max(values, key=lambda name: (round(values[name], 6), -list(values).index(name)))

    @property
    def break_even_withdrawal(self) -> float | None:
        """The chance of withdrawal at which asking for an extension stops paying (None when asking gains
        nothing even if they never withdraw, or when a withdrawal would cost nothing)."""
        gain = self.granted * (self.with_extension - self.at_deadline)
        loss = self.at_deadline - self.let_expire
        if gain <= 1e-9:
            return None
        if loss <= 1e-9:
            return 1.0
        return min(gain / loss, 1.0)

    def decision_days(self) -> list[float]:
        """Today, and every day on which news arrives (the value of deciding only changes on those days)."""
        return sorted({0.0, *(p.day for p in self.processes)})

    def table(self) -> str:
        """Each strategy and its expected value, one per line, the best marked.

        >>> print(exploding_offer(72_000, 3, [("The employer", 0.6, 78_000, 10)], batna=58_000).table())
        Accept now                $72,000
        Decide at the deadline    $72,000
        Ask for an extension      $74,520  <- best
        Let it expire             $70,000
        """
        best = self.best
        return "\n".join(f"{name:<24} {money(value):>8}" + ("  <- best" if name == best else "")
                         for name, value in self.strategies.items())

    def describe(self) -> str:
        """
        >>> d = exploding_offer(72_000, 3, [OtherProcess("The employer", 0.6, 78_000, 10)], batna=58_000)
        >>> d.describe()[:75]
        'Ask for an extension: worth $74,520 on average, against $72,000 for accepti'
        """
        values = self.strategies
        best = self.best
        text = f"{best}: worth {money(values[best])} on average, against {money(self.offer)} for accepting now"
        if best == "Accept now":
            text = (f"Accept now (or negotiate the offer itself): waiting for the other processes is worth no more "
                    f"than the {money(self.offer)} in hand.")
        elif best == "Let it expire":
            text += f". The other processes and your BATNA are worth more than the offer even unseen."
        else:
            text += f" and {money(self.let_expire)} for letting it expire."
        if self.extension_days and best != "Accept now":
            threshold = self.break_even_withdrawal
            if threshold is None:
                text += f" {self.extension_days} more days would tell you nothing new, so there is no need to ask."
            elif threshold < 1 - self.granted:
                text += (f" Asking for {self.extension_days} more days pays as long as the chance they withdraw the "
                         f"offer because you asked stays below {percent(threshold)}.")
            else:
                text += (f" Asking for {self.extension_days} more days pays even if every refusal meant losing the "
                         f"offer.")
        return text


def _whole_days(value: object, what: str, low: int) -> int:
    days = finite_number(value, what)
    if days != int(days) or not low <= days <= MAX_DAYS:
        raise ValueError(f"Give {what} as a whole number of days from {low} to {MAX_DAYS}, not {days:g}.")
    return int(days)


def _process(row: object) -> OtherProcess:
    if isinstance(row, OtherProcess):
        return row
    if not isinstance(row, (tuple, list)) or len(row) != 4:
        raise ValueError(f"Each other process needs four parts, (name, chance, value, day), not {row!r:.60}.")
    return OtherProcess(*row)


def exploding_offer(offer: float, deadline: int, processes: Iterable[OtherProcess | tuple], batna: float = 0, *,
                    extension_days: int = 7, granted: float = 0.7, withdrawn: float = 0.0) -> ExplodingOfferDecision:
    """Weigh an exploding offer against your other processes and your BATNA.

    ``processes`` are ``OtherProcess`` objects or tuples ``(name, chance, value, day)``.

    >>> d = exploding_offer(72_000, 3, [("The employer", 0.6, 78_000, 10), ("Firm C", 0.3, 74_000, 5)],
    ...                     batna=58_000, extension_days=7, granted=0.7, withdrawn=0.05)
    >>> round(d.at_deadline), round(d.with_extension), round(d.let_expire), d.best
    (72000, 75840, 71920, 'Ask for an extension')
    """
    held = finite_number(offer, "the exploding offer")
    if held <= 0:
        raise ValueError(f"The exploding offer must be worth more than $0, not {money(held)}.")
    days = _whole_days(deadline, "the days until the offer expires", 0)
    rows = tuple(_process(p) for p in processes)
    if len(rows) > MAX_PROCESSES:
        raise ValueError(f"List at most {MAX_PROCESSES} other processes (the most promising ones); you listed {len(rows)}.")
    fallback = finite_number(batna, "your BATNA")
    extension = _whole_days(extension_days, "the extension you ask for", 0)
    yes = finite_number(granted, "the chance they grant an extension")
    no = finite_number(withdrawn, "the chance they withdraw the offer if you ask")
    for chance, what in ((yes, "they grant an extension"), (no, "they withdraw the offer if you ask")):
        if not 0 <= chance <= 1:
            raise ValueError(f"The chance {what} runs from 0% to 100%; {percent(chance)} is outside.")
    if yes + no > 1 + 1e-12:
        raise ValueError(f"They cannot both grant the extension ({percent(yes)}) and withdraw the offer "
                         f"({percent(no)}) more than 100% of the time together: lower one of them.")
    return ExplodingOfferDecision(held, days, fallback, rows, extension, yes, no)
