"""Three parties and one deal: who can block a split, what each can guarantee alone, the core and the Shapley split.

A cooperative game of three parties (call them A, B and C) is given by what each group can make on its own:
``v(A)``, ``v(B)``, ``v(C)`` (each alone), ``v(AB)``, ``v(AC)``, ``v(BC)`` (each pair without the third) and
``v(ABC)`` (all three together). The question is how to split ``v(ABC)``.

- A group **blocks** a split when it can make more on its own than the split gives its members.
- The **core** is the set of splits no group blocks. With three parties and ``V = v(ABC)`` it is every split
  that adds up to ``V`` and gives each party ``i`` at least ``v(i)`` (its floor) and at most ``V - v(jk)`` (its
  ceiling: what is left once the other two keep what they could make as a pair), since ``x_i + x_j >= v(ij)``
  is the same as ``x_k <= V - v(ij)`` when the shares add up to ``V``. So the core is a box cut by a plane: it
  is empty exactly when the three floors add up to more than ``V``, when a party's floor is above its ceiling
  (``v(i) + v(jk) > V``), or when the three pairs add up to more than ``2V`` (each pair needs its value, and
  adding the three pair conditions counts every party twice).
- The **Shapley split** gives each party its average *added value*: for each of the six orders in which the
  three could come together, what the party adds to the group that is already there, averaged over the six
  orders (Shapley, 1953).

The two examples of the lesson (``negwidgets/data/coalitions.yaml``) are three freelancers bidding for one
contract: in the first the core is not empty and holds the Shapley split; in the second each pair can make
nearly as much as all three, and no split satisfies every pair.

>>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=65_000, ac=40_000, bc=45_000, abc=90_000,
...                      names=("Amara", "Bruno", "Chen"))
>>> game.shapley().shares
(32500.0, 40000.0, 17500.0)
>>> game.core().ranges
((20000.0, 45000.0), (30000.0, 50000.0), (10000.0, 25000.0))
>>> [block.names for block in game.blocking([30_000, 30_000, 30_000])]
[('Amara', 'Bruno')]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..data import load
from .checks import capitalised, finite_number, shown, text_value
from .money import money

__all__ = ["COALITIONS", "MAX_VALUE", "PAIRS", "SINGLES", "Block", "CoalitionAnalysis", "CoalitionExample",
           "CoalitionGame", "Core", "OrderRow", "ShapleyValue", "SplitCheck", "coalition_example", "coalition_examples", "coalition_value"]

SINGLES = ("A", "B", "C")
PAIRS = ("AB", "AC", "BC")
GRAND = "ABC"
COALITIONS = (*SINGLES, *PAIRS, GRAND)   # the seven groups, in the order the fields and the widget list them
MAX_NAME = 40   # characters in a party's name: it labels controls and the figure's corners
MAX_VALUE = 1e12   # a trillion dollars a group: sums of three values stay amounts the course can write


def _tolerance(total: float) -> float:
    """How far two amounts may differ and still count as equal: half a cent, plus float noise on large sums."""
    return 0.005 + 1e-9 * abs(total)


def _noise(total: float) -> float:
    """How far the core's arithmetic may stray by float rounding alone: the core itself is exact, while a typed
    split is judged to half a cent (:func:`_tolerance`)."""
    return 1e-9 * max(1.0, abs(total))


def _cents(amount: float) -> str:
    """An amount as the course writes it, with cents only when they are not zero ($89,999.60, $90,000).

    >>> _cents(89_999.6), _cents(90_000.001), _cents(-0.25)
    ('$89,999.60', '$90,000', '-$0.25')
    """
    if abs(amount - round(amount)) < 0.005:
        return money(amount)
    return f"{'-' if amount < 0 else ''}${abs(amount):,.2f}"


def _joined(items: Sequence[str]) -> str:
    """Items as prose lists them: "a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _blockers(blocks: Sequence[Block]) -> str:
    """Who would block a split, as a clause: "Chen, who ..., would block it" or "A, who ...; and B, who ...,
    would each block it"."""
    parts = [block.describe() for block in blocks]
    if len(parts) == 1:
        return f"{parts[0]}, would block it"
    return f"{'; '.join(parts[:-1])}; and {parts[-1]}, would each block it"


def coalition_value(value: object, what: str) -> float:
    """A group's value as a number the model can use, or a sentence that says why not (``what`` names the group).

    >>> coalition_value(20_000, "what Amara can secure alone")
    20000.0
    >>> coalition_value(-5_000, "what Amara and Bruno can make together")
    Traceback (most recent call last):
    ...
    ValueError: What Amara and Bruno can make together is $0 or more (doing nothing makes $0), not -$5,000.
    """
    amount = finite_number(value, what)
    if amount < 0:
        raise ValueError(f"{capitalised(what)} is $0 or more (doing nothing makes $0), not {money(amount)}.")
    if amount > MAX_VALUE:
        raise ValueError(f"{capitalised(what)}, {money(amount)}, is beyond this model: give at most "
                         f"{money(MAX_VALUE)}.")
    return amount


@dataclass(frozen=True)
class Block:
    """A group that would block a split: it can make ``can_make`` on its own but the split gives it ``gets``."""

    coalition: str            # its letters: "C" or "AB"
    names: tuple[str, ...]
    can_make: float
    gets: float

    @property
    def by(self) -> float:
        """How much more the group can make on its own than the split gives it."""
        return self.can_make - self.gets

    def describe(self) -> str:
        """Why the group blocks, in plain words.

        >>> Block("AB", ("Amara", "Bruno"), 65_000, 60_000).describe()
        'Amara and Bruno, who get $60,000 between them but can make $65,000 on their own ($5,000 more)'
        >>> Block("C", ("Chen",), 10_000, 5_000).describe()
        'Chen, who gets $5,000 but can secure $10,000 alone ($5,000 more)'
        """
        if len(self.names) == 1:
            return (f"{self.names[0]}, who gets {_cents(self.gets)} but can secure {_cents(self.can_make)} alone "
                    f"({_cents(self.by)} more)")
        return (f"{_joined(self.names)}, who get {_cents(self.gets)} between them but can make "
                f"{_cents(self.can_make)} on their own ({_cents(self.by)} more)")


@dataclass(frozen=True)
class SplitCheck:
    """A proposed split of what all three make, and the groups that would block it."""

    names: tuple[str, str, str]
    shares: tuple[float, float, float]
    blocks: tuple[Block, ...]
    core_empty: bool

    @property
    def in_core(self) -> bool:
        """Whether no pair or single party can do better on its own than this split gives it."""
        return not self.blocks

    def split_text(self) -> str:
        """The split in words: "Amara $30,000, Bruno $30,000 and Chen $30,000"."""
        return _joined([f"{name} {_cents(share)}" for name, share in zip(self.names, self.shares)])

    def describe(self) -> str:
        """Whether the split is in the core and, if not, who would block it and by how much.

        >>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=65_000, ac=40_000, bc=45_000, abc=90_000,
        ...                      names=("Amara", "Bruno", "Chen"))
        >>> print(game.check_split([30_000, 30_000, 30_000]).describe())   # doctest: +NORMALIZE_WHITESPACE
        The split Amara $30,000, Bruno $30,000 and Chen $30,000 is not in the core: Amara and Bruno, who get
        $60,000 between them but can make $65,000 on their own ($5,000 more), would block it.
        >>> print(game.check_split([35_000, 40_000, 15_000]).describe())   # doctest: +NORMALIZE_WHITESPACE
        The split Amara $35,000, Bruno $40,000 and Chen $15,000 is in the core: no pair or single party can do better
        on its own.
        """
        head = f"The split {self.split_text()}"
        if self.in_core:
            return f"{head} is in the core: no pair or single party can do better on its own."
        tail = " No split can satisfy them all here: the core is empty." if self.core_empty else ""
        return f"{head} is not in the core: {_blockers(self.blocks)}.{tail}"


@dataclass(frozen=True)
class Core:
    """The splits no group blocks: whether there are any, each party's least and most share among them, the
    corners of the region (for a figure) and its centre.

    ``floors`` and ``ceilings`` are the bounds each party's share must respect (``v(i)`` and ``V - v(jk)``);
    ``ranges`` are the least and most each party gets in the core (empty when the core is), which can be
    tighter than the bounds because the shares must also add up to ``V``.
    """

    names: tuple[str, str, str]
    total: float
    floors: tuple[float, float, float]
    ceilings: tuple[float, float, float]
    ranges: tuple[tuple[float, float], ...]          # per party (least, most); () when the core is empty
    vertices: tuple[tuple[float, float, float], ...]  # corners of the core, in order around it
    centre: tuple[float, float, float] | None         # the centre of the region (its centroid)
    reasons: tuple[str, ...]                          # why the core is empty, one sentence per failed condition
    failures: tuple[str, ...] = ()                    # which conditions failed: "alone", a party's letter, "pairs"

    @property
    def empty(self) -> bool:
        return not self.ranges

    @property
    def single_point(self) -> bool:
        """Whether exactly one split is in the core."""
        return not self.empty and all(most - least <= _tolerance(self.total) for least, most in self.ranges)

    def contains(self, shares: Sequence[float]) -> bool:
        """Whether a split (one share per party, in the parties' order) is in the core.

        >>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=65_000, ac=40_000, bc=45_000, abc=90_000)
        >>> game.core().contains([30_000, 30_000, 30_000]), game.core().contains([35_000, 40_000, 15_000])
        (False, True)
        """
        if len(shares) != 3:
            return False
        tol = _tolerance(self.total)
        x = [float(s) for s in shares]
        return (abs(sum(x) - self.total) <= tol
                and all(low - tol <= share <= high + tol for share, low, high in zip(x, self.floors, self.ceilings)))

    def describe(self) -> str:
        """What the core is here, in plain words (the rule first).

        >>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=65_000, ac=40_000, bc=45_000, abc=90_000,
        ...                      names=("Amara", "Bruno", "Chen"))
        >>> print(game.core().describe())   # doctest: +NORMALIZE_WHITESPACE
        A split is in the core when no pair or single party can do better on its own. Here that means Amara
        gets between $20,000 and $45,000, Bruno between $30,000 and $50,000 and Chen between $10,000 and
        $25,000, with the shares adding up to $90,000.
        """
        rule = "A split is in the core when no pair or single party can do better on its own."
        if self.empty:
            return f"{rule} Here no split is: the core is empty. {' '.join(self.reasons)}"
        if self.single_point:
            point = _joined([f"{name} {_cents(share)}" for name, share in zip(self.names, self.vertices[0])])
            return f"{rule} Here only one split is: {point}."
        spans = [f"{name} {'gets ' if i == 0 else ''}between {_cents(low)} and {_cents(high)}"
                 if high - low > _tolerance(self.total) else f"{name} {'gets ' if i == 0 else ''}exactly {_cents(low)}"
                 for i, (name, (low, high)) in enumerate(zip(self.names, self.ranges))]
        return f"{rule} Here that means {_joined(spans)}, with the shares adding up to {_cents(self.total)}."


@dataclass(frozen=True)
class OrderRow:
    """One order in which the three could come together, and what each party adds when it joins."""

    order: tuple[str, str, str]          # the parties' names, first to join first
    added: tuple[float, float, float]    # in the parties' order (not the joining order)

    def describe(self) -> str:
        """The order and the added values, as the lesson's table reads.

        >>> OrderRow(("Amara", "Bruno", "Chen"), (20_000, 45_000, 25_000)).describe()
        'Amara, then Bruno, then Chen'
        """
        return ", then ".join(self.order)


@dataclass(frozen=True)
class ShapleyValue:
    """Each party's average added value over the six orders in which the three could come together."""

    names: tuple[str, str, str]
    shares: tuple[float, float, float]
    orders: tuple[OrderRow, ...]
    check: SplitCheck          # the Shapley split against the core

    def table(self) -> list[dict[str, Any]]:
        """The six orders and what each party adds, then the average (the Shapley split): rows for a lesson.

        >>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=65_000, ac=40_000, bc=45_000, abc=90_000,
        ...                      names=("Amara", "Bruno", "Chen"))
        >>> rows = game.shapley().table()
        >>> rows[0]
        {'order': 'Amara, then Bruno, then Chen', 'Amara': 20000.0, 'Bruno': 45000.0, 'Chen': 25000.0}
        >>> rows[-1]
        {'order': 'Average (the Shapley split)', 'Amara': 32500.0, 'Bruno': 40000.0, 'Chen': 17500.0}
        """
        rows = [{"order": row.describe(), **dict(zip(self.names, row.added))} for row in self.orders]
        return rows + [{"order": "Average (the Shapley split)", **dict(zip(self.names, self.shares))}]

    def describe(self) -> str:
        """The Shapley split, what it means in one sentence, and whether it lies in the core.

        >>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=65_000, ac=40_000, bc=45_000, abc=90_000,
        ...                      names=("Amara", "Bruno", "Chen"))
        >>> print(game.shapley().describe())   # doctest: +NORMALIZE_WHITESPACE
        The Shapley split gives Amara $32,500, Bruno $40,000 and Chen $17,500: each party's average added value
        over the six orders in which the group could form. It lies in the core: no pair or single party can do
        better on its own.
        """
        # In whole dollars, as the course writes money: a third of an amount has cents that matter to no one.
        split = _joined([f"{name} {money(share)}" for name, share in zip(self.names, self.shares)])
        head = (f"The Shapley split gives {split}: each party's average added value over the six orders in which "
                "the group could form.")
        if self.check.in_core:
            return f"{head} It lies in the core: no pair or single party can do better on its own."
        if self.check.core_empty:
            return f"{head} Like every split here, it is blocked: {_blockers(self.check.blocks)}."
        return f"{head} It lies outside the core: {_blockers(self.check.blocks)}."


@dataclass(frozen=True)
class CoalitionGame:
    """Three parties and what each group can make on its own (US dollars); ``abc`` is what all three make.

    Build it with keyword arguments, or from a mapping with :meth:`from_mapping`. A group left out can make $0
    (``abc`` must be given). Every value is a finite amount of $0 or more.

    >>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=65_000, ac=40_000, bc=45_000, abc=90_000,
    ...                      names=("Amara", "Bruno", "Chen"))
    >>> game.guarantees
    {'Amara': 20000.0, 'Bruno': 30000.0, 'Chen': 10000.0}
    >>> game.value(("Chen", "Bruno")), game.value("AC")
    (45000.0, 40000.0)
    >>> game.is_superadditive, game.is_essential
    (True, True)
    >>> CoalitionGame(a=20_000)
    Traceback (most recent call last):
    ...
    ValueError: Give what all three can make together: without it there is nothing to split.
    >>> CoalitionGame(ab=float("nan"), abc=90_000)
    Traceback (most recent call last):
    ...
    ValueError: What A and B can make together is not a number (NaN): type a number such as 70000.
    """

    a: float | None = None
    b: float | None = None
    c: float | None = None
    ab: float | None = None
    ac: float | None = None
    bc: float | None = None
    abc: float | None = None
    names: tuple[str, str, str] = ("A", "B", "C")
    _values: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = self.names
        if isinstance(names, (str, bytes)) or not isinstance(names, Iterable):
            raise ValueError(f"Give the three parties' names as a list, such as ['Lab A', 'Lab B', 'Lab C'], not "
                             f"{shown(names)}.")
        names = tuple(" ".join(text_value(name, "a party's name").split()) for name in names)
        if len(names) != 3:
            raise ValueError(f"This model has exactly three parties: give three names, not {len(names)}.")
        if not all(names):
            raise ValueError("Each party needs a name: one of the three names is empty.")
        if len(set(n.casefold() for n in names)) < 3:
            raise ValueError(f"The three parties need different names: {_joined(names)} repeat one.")
        if any(len(name) > MAX_NAME for name in names):
            raise ValueError(f"Keep each party's name under {MAX_NAME} characters: it labels the controls and the "
                             "figure.")
        object.__setattr__(self, "names", names)
        if self.abc is None:
            raise ValueError("Give what all three can make together: without it there is nothing to split.")
        values = {}
        for key in COALITIONS:
            raw = getattr(self, key.lower())
            amount = 0.0 if raw is None else coalition_value(raw, self.what(key))
            object.__setattr__(self, key.lower(), amount)
            values[key] = amount
        object.__setattr__(self, "_values", values)

    # -- building and reading -------------------------------------------------------------------------------
    @classmethod
    def from_mapping(cls, values: Mapping, names: Sequence[str] = ("A", "B", "C")) -> CoalitionGame:
        """A game from a mapping of groups to values; a group is named by its letters ("A", "BC", "ABC", in any
        order) or by its parties' names (one name, or a tuple of names).

        >>> game = CoalitionGame.from_mapping({"Amara": 20_000, ("Amara", "Bruno"): 65_000, "ABC": 90_000},
        ...                                   names=("Amara", "Bruno", "Chen"))
        >>> game.ab, game.b
        (65000.0, 0.0)
        >>> CoalitionGame.from_mapping({"AB": 1, "BA": 2, "ABC": 3})
        Traceback (most recent call last):
        ...
        ValueError: The mapping gives A and B twice: give each group once.
        """
        if not isinstance(values, Mapping):
            raise ValueError(f"Give the groups' values as a mapping such as {{'A': 20000, 'ABC': 90000}}, not "
                             f"{shown(values)}.")
        probe = cls(abc=0, names=tuple(names))   # checks the names before they are used to read the keys
        found: dict[str, Any] = {}
        for group, amount in values.items():
            key = probe.key(group)
            if not key:
                raise ValueError("The empty group makes nothing: leave it out of the mapping.")
            if key in found:
                raise ValueError(f"The mapping gives {probe.label(key)} twice: give each group once.")
            found[key] = amount
        return cls(**{key.lower(): amount for key, amount in found.items()}, names=probe.names)

    def key(self, group: object) -> str:
        """A group's letters ("A", "AB", "ABC"), from its letters or its parties' names ("" for nobody).

        >>> CoalitionGame(abc=1, names=("Lab X", "Lab Y", "Lab Z")).key(["Lab Z", "Lab X"])
        'AC'
        """
        if isinstance(group, str):
            parts: Iterable = [group] if group in self.names else list(group.replace(" ", "").upper())
            if group not in self.names and not set(group.replace(" ", "").upper()) <= set(SINGLES):
                raise ValueError(f"{shown(group)} is not one of the parties ({_joined(self.names)}) nor a group of "
                                 "the letters A, B and C.")
        elif isinstance(group, Iterable):
            parts = list(group)
        else:
            raise ValueError(f"Name a group by its letters (such as 'AB') or its parties' names, not {shown(group)}.")
        letters = set()
        for part in parts:
            if part in self.names:
                letters.add(SINGLES[self.names.index(part)])
            elif isinstance(part, str) and part.upper() in SINGLES:
                letters.add(part.upper())
            else:
                raise ValueError(f"{shown(part)} is not one of the parties: {_joined(self.names)}.")
        return "".join(sorted(letters))

    def value(self, group: object) -> float:
        """What a group can make on its own (nobody makes $0)."""
        key = self.key(group)
        return self._values[key] if key else 0.0

    def members(self, key: str) -> tuple[str, ...]:
        """The names of a group's parties."""
        return tuple(self.names[SINGLES.index(letter)] for letter in key)

    def label(self, key: str) -> str:
        """A group in words: "Amara", "Amara and Bruno", "all three"."""
        return "all three" if len(key) == 3 else _joined(self.members(key))

    def what(self, key: str) -> str:
        """What a group's value means, for sentences and control labels."""
        if len(key) == 1:
            return f"what {self.label(key)} can secure alone"
        return f"what {self.label(key)} can make together"

    @property
    def total(self) -> float:
        """What all three make together: the amount to split."""
        return self.abc

    @property
    def guarantees(self) -> dict[str, float]:
        """What each party can secure alone: the least it would accept in any deal."""
        return {name: self._values[letter] for name, letter in zip(self.names, SINGLES)}

    @property
    def equal_split(self) -> tuple[float, float, float]:
        """A third each."""
        return (self.total / 3,) * 3

    # -- properties of the game ----------------------------------------------------------------------------
    def superadditivity_failures(self) -> tuple[str, ...]:
        """Each place where a group makes less together than its parts make apart, as a sentence.

        >>> CoalitionGame(a=30_000, b=25_000, ab=50_000, ac=30_000, bc=25_000, abc=90_000,
        ...               names=("Amara", "Bruno", "Chen")).superadditivity_failures()
        ('Amara and Bruno can make $50,000 together, less than the $55,000 that Amara and Bruno make apart.',)
        """
        failures = []
        splits = [(pair, (pair[0], pair[1])) for pair in PAIRS]
        splits += [(GRAND, (pair, letter)) for pair in PAIRS for letter in SINGLES if letter not in pair]
        splits += [(GRAND, SINGLES)]
        tol = _tolerance(self.total)
        for whole, parts in splits:
            apart = sum(self._values[part] for part in parts)
            if self._values[whole] < apart - tol:
                together = self.label(whole) if len(whole) < 3 else "All three"
                described = _joined([self.label(part) if len(part) == 1 else f"{self.label(part)} as a pair"
                                     for part in parts])
                failures.append(f"{capitalised(together)} can make {_cents(self._values[whole])} together, less "
                                f"than the {_cents(apart)} that {described} make apart.")
        return tuple(dict.fromkeys(failures))

    @property
    def is_superadditive(self) -> bool:
        """Whether every group makes at least as much together as its parts make apart."""
        return not self.superadditivity_failures()

    @property
    def is_essential(self) -> bool:
        """Whether all three together make more than the three make alone (so there is a gain to share)."""
        return self.total > sum(self._values[s] for s in SINGLES) + _tolerance(self.total)

    # -- splits -----------------------------------------------------------------------------------------------
    def split(self, shares: object) -> tuple[float, float, float]:
        """A proposed split as three shares in the parties' order, from a sequence or a mapping by name or letter.

        Each share is a finite amount of $0 or more, and the shares add up to what all three make.

        >>> game = CoalitionGame(abc=90_000, names=("Amara", "Bruno", "Chen"))
        >>> game.split({"Chen": 10_000, "Amara": 50_000, "Bruno": 30_000})
        (50000.0, 30000.0, 10000.0)
        >>> game.split([30_000, 30_000, 25_000])   # doctest: +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        ValueError: The shares add up to $85,000, but all three together make $90,000: a split shares out exactly
        $90,000, so add $5,000.
        """
        if isinstance(shares, Mapping):
            by_letter = {}
            for who, amount in shares.items():
                key = self.key(who)
                if len(key) != 1:
                    raise ValueError(f"A split gives a share to each party, not to {shown(who)}.")
                by_letter[key] = amount
            missing = [self.names[SINGLES.index(s)] for s in SINGLES if s not in by_letter]
            if missing:
                raise ValueError(f"Give a share for each of {_joined(self.names)}: {_joined(missing)} has none.")
            raw = [by_letter[s] for s in SINGLES]
        elif isinstance(shares, (str, bytes)) or not isinstance(shares, Iterable):
            raise ValueError(f"Give a split as three shares, such as [30000, 30000, 30000], not {shown(shares)}.")
        else:
            raw = list(shares)
            if len(raw) != 3:
                raise ValueError(f"A split gives one share to each of the three parties: give three shares, not "
                                 f"{len(raw)}.")
        amounts = []
        for name, amount in zip(self.names, raw):
            share = finite_number(amount, f"{name}'s share")
            if share > 3 * MAX_VALUE:   # more than any game can make: the sum check would say so less clearly
                raise ValueError(f"{name}'s share, {money(share)}, is more than any group here can make.")
            if share < 0:
                raise ValueError(f"{name}'s share is $0 or more: nobody joins a deal to pay into it, and "
                                 f"{_cents(share)} is below $0.")
            amounts.append(share)
        gap = self.total - sum(amounts)
        if abs(gap) > _tolerance(self.total):
            fix = f"add {_cents(gap)}" if gap > 0 else f"take off {_cents(-gap)}"
            raise ValueError(f"The shares add up to {_cents(sum(amounts))}, but all three together make "
                             f"{_cents(self.total)}: a split shares out exactly {_cents(self.total)}, so {fix}.")
        return tuple(amounts)

    def blocking(self, shares: object) -> tuple[Block, ...]:
        """The groups (single parties and pairs) that can make more on their own than a split gives them, the
        largest shortfall first.

        >>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=65_000, ac=40_000, bc=45_000, abc=90_000)
        >>> [(block.coalition, block.by) for block in game.blocking([50_000, 35_000, 5_000])]
        [('BC', 5000.0), ('C', 5000.0)]
        """
        x = self.split(shares)
        tol = _tolerance(self.total)
        blocks = []
        for key in (*PAIRS, *SINGLES):
            gets = sum(x[SINGLES.index(letter)] for letter in key)
            if self._values[key] > gets + tol:
                blocks.append(Block(key, self.members(key), self._values[key], gets))
        return tuple(sorted(blocks, key=lambda block: -block.by))

    def check_split(self, shares: object) -> SplitCheck:
        """A proposed split, and who would block it (see :meth:`blocking`)."""
        x = self.split(shares)
        return SplitCheck(self.names, x, self.blocking(x), self.core().empty)

    # -- the core and the Shapley split ---------------------------------------------------------------------
    def _reasons(self, floors, ceilings) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Why the core is empty: the failed conditions ("alone", a party's letter, "pairs") and a sentence each."""
        total, tol, reasons, failures = self.total, _noise(self.total), [], []
        alone = sum(floors)
        if alone > total + tol:
            failures.append("alone")
            reasons.append(f"Alone the three can secure {_cents(alone)} between them, more than the "
                           f"{_cents(total)} they make together, so any split leaves someone better off alone.")
        for i, letter in enumerate(SINGLES):
            pair = "".join(s for s in SINGLES if s != letter)
            if floors[i] > ceilings[i] + tol and floors[i] <= total + tol:
                failures.append(letter)
                reasons.append(f"{self.label(pair)} can make {_cents(self._values[pair])} without "
                               f"{self.names[i]}, and {self.names[i]} can secure {_cents(floors[i])} alone: that "
                               f"is {_cents(self._values[pair] + floors[i])}, more than the {_cents(total)} all "
                               f"three make, so any split leaves {self.names[i]} or that pair better off on their "
                               "own.")
        pairs = sum(self._values[p] for p in PAIRS)
        if pairs > 2 * total + tol:
            failures.append("pairs")
            reasons.append(f"Each pair must get at least what it can make on its own, and adding up the three pairs "
                           f"counts every party twice: the three would need at least half of "
                           f"{_cents(pairs)}, that is {_cents(pairs / 2)}, more than the {_cents(total)} they make.")
        return tuple(failures), tuple(reasons)

    def core(self) -> Core:
        """The splits no pair or single party can beat on its own (see the module's doc for the arithmetic).

        >>> glove = CoalitionGame(ab=1, ac=1, abc=1)   # A holds a left glove, B and C right ones
        >>> glove.core().vertices, glove.core().single_point
        (((1.0, 0.0, 0.0),), True)
        >>> majority = CoalitionGame(ab=1, ac=1, bc=1, abc=1).core()   # any two can take it all
        >>> majority.empty, majority.failures
        (True, ('pairs',))
        """
        total, tol = self.total, _noise(self.total)
        floors = tuple(self._values[s] for s in SINGLES)
        ceilings = tuple(total - self._values["".join(t for t in SINGLES if t != s)] for s in SINGLES)
        failures, reasons = self._reasons(floors, ceilings)
        if reasons:
            return Core(self.names, total, floors, ceilings, (), (), None, reasons, failures)
        ranges = []
        for i in range(3):
            j, k = (n for n in range(3) if n != i)
            least = max(floors[i], total - ceilings[j] - ceilings[k])
            most = min(ceilings[i], total - floors[j] - floors[k])
            ranges.append((least, max(least, most)))
        vertices = _core_vertices(total, floors, ceilings, tol)
        return Core(self.names, total, floors, ceilings, tuple(ranges), vertices, _centre(vertices), ())

    def shapley(self) -> ShapleyValue:
        """Each party's average added value over the six orders in which the three could come together.

        >>> game = CoalitionGame(ab=1, ac=1, abc=1)   # the glove game: A's left glove matches B's or C's right one
        >>> [round(share, 4) for share in game.shapley().shares]
        [0.6667, 0.1667, 0.1667]
        >>> row = game.shapley().orders[2]   # B first adds nothing, then A completes a pair, then C adds nothing
        >>> row.order, row.added
        (('B', 'A', 'C'), (1.0, 0.0, 0.0))
        """
        rows = []
        for order in itertools.permutations(range(3)):
            added, before = [0.0, 0.0, 0.0], ""
            for party in order:
                after = "".join(sorted(before + SINGLES[party]))
                added[party] = self._values[after] - (self._values[before] if before else 0.0)
                before = after
            rows.append(OrderRow(tuple(self.names[p] for p in order), tuple(added)))
        shares = tuple(math.fsum(row.added[i] for row in rows) / 6 for i in range(3))
        check = SplitCheck(self.names, shares, self._blocks_of(shares), self.core().empty)
        return ShapleyValue(self.names, shares, tuple(rows), check)

    def _blocks_of(self, shares: tuple[float, float, float]) -> tuple[Block, ...]:
        """The blocks of shares that add up to the total but may be negative (the Shapley split of a game that
        is not superadditive can give a party less than $0)."""
        tol = _tolerance(self.total)
        blocks = [Block(key, self.members(key), self._values[key], sum(shares[SINGLES.index(s)] for s in key))
                  for key in (*PAIRS, *SINGLES)]
        return tuple(sorted((b for b in blocks if b.by > tol), key=lambda block: -block.by))

    # -- in plain words ---------------------------------------------------------------------------------------
    def values_text(self) -> str:
        """What each group can make, in plain words.

        >>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=65_000, ac=40_000, bc=45_000, abc=90_000,
        ...                      names=("Amara", "Bruno", "Chen"))
        >>> print(game.values_text())   # doctest: +NORMALIZE_WHITESPACE
        Together Amara, Bruno and Chen can make $90,000. Alone, Amara can secure $20,000, Bruno $30,000 and Chen
        $10,000. In pairs, Amara and Bruno can make $65,000, Amara and Chen $40,000 and Bruno and Chen $45,000.
        """
        alone = _joined([f"{name}{' can secure' if i == 0 else ''} {_cents(self._values[s])}"
                         for i, (name, s) in enumerate(zip(self.names, SINGLES))])
        pairs = _joined([f"{self.label(p)}{' can make' if i == 0 else ''} {_cents(self._values[p])}"
                         for i, p in enumerate(PAIRS)])
        return (f"Together {_joined(self.names)} can make {_cents(self.total)}. Alone, {alone}. "
                f"In pairs, {pairs}.")

    def notes(self) -> tuple[str, ...]:
        """What is unusual about the game: no gain from working together, or a group worth less than its parts."""
        notes = []
        if not self.is_essential:
            notes.append(f"Working together adds nothing here: alone the three secure "
                         f"{_cents(sum(self._values[s] for s in SINGLES))} between them, and together they make "
                         f"{_cents(self.total)}.")
        failures = self.superadditivity_failures()
        if failures:
            notes.append("This game is not superadditive (a group can make less than its parts): "
                         + " ".join(failures))
        return tuple(notes)

    def describe(self) -> str:
        """The game in plain words: what each group can make, the core, the Shapley split, and any oddity.

        >>> game = CoalitionGame(a=20_000, b=30_000, c=10_000, ab=75_000, ac=55_000, bc=65_000, abc=90_000,
        ...                      names=("Amara", "Bruno", "Chen"))
        >>> print(game.describe())   # doctest: +NORMALIZE_WHITESPACE
        Together Amara, Bruno and Chen can make $90,000. Alone, Amara can secure $20,000, Bruno $30,000 and Chen
        $10,000. In pairs, Amara and Bruno can make $75,000, Amara and Chen $55,000 and Bruno and Chen $65,000.
        A split is in the core when no pair or single party can do better on its own. Here no split is: the core
        is empty. Each pair must get at least what it can make on its own, and adding up the three pairs counts
        every party twice: the three would need at least half of $195,000, that is $97,500, more than the $90,000
        they make. The Shapley split gives Amara $30,000, Bruno $40,000 and Chen $20,000: each party's average
        added value over the six orders in which the group could form. Like every split here, it is blocked: Amara
        and Bruno, who get $70,000 between them but can make $75,000 on their own ($5,000 more); Amara and Chen,
        who get $50,000 between them but can make $55,000 on their own ($5,000 more); and Bruno and Chen, who get
        $60,000 between them but can make $65,000 on their own ($5,000 more), would each block it.
        """
        return " ".join([self.values_text(), self.core().describe(), self.shapley().describe(), *self.notes()])

    def analyse(self, shares: object = None) -> CoalitionAnalysis:
        """The game's core and Shapley split, and a proposed split checked against them (none when ``shares``
        is None)."""
        return CoalitionAnalysis(self, self.core(), self.shapley(),
                                 None if shares is None else self.check_split(shares))


def _core_vertices(total: float, floors, ceilings, tol: float) -> tuple[tuple[float, float, float], ...]:
    """The corners of {x : sum x = total, floors <= x <= ceilings}: points where two shares sit on a bound and
    the third (the rest) lies within its own, in order around the region."""
    points: list[tuple[float, float, float]] = []
    for i, j in itertools.combinations(range(3), 2):
        k = 3 - i - j
        for xi, xj in itertools.product((floors[i], ceilings[i]), (floors[j], ceilings[j])):
            xk = total - xi - xj
            if floors[k] - tol <= xk <= ceilings[k] + tol:
                x = [0.0, 0.0, 0.0]
                x[i], x[j], x[k] = xi, xj, min(max(xk, floors[k]), ceilings[k])
                if not any(all(abs(a - b) <= tol for a, b in zip(x, p)) for p in points):
                    points.append(tuple(x))
    if len(points) > 2:   # in order around the centre, as seen on the triangle of splits
        cx, cy = (sum(_plane(p)[n] for p in points) / len(points) for n in range(2))
        points.sort(key=lambda p: math.atan2(_plane(p)[1] - cy, _plane(p)[0] - cx))
    return tuple(points)


def _plane(x: Sequence[float]) -> tuple[float, float]:
    """A split as a point of the plane (any fixed affine map of the shares keeps centroids and order)."""
    return (x[2] + x[0] / 2, x[0] * math.sqrt(3) / 2)


def _centre(vertices: Sequence[tuple[float, float, float]]) -> tuple[float, float, float] | None:
    """The centroid of the core: of its area, or the midpoint of a segment, or the single point."""
    if not vertices:
        return None
    if len(vertices) > 2:
        area, cx, cy = 0.0, 0.0, 0.0
        for p, q in zip(vertices, vertices[1:] + vertices[:1]):
            cross = p[0] * q[1] - q[0] * p[1]   # in the (A, B) coordinates: the plane's affine image
            area += cross
            cx += (p[0] + q[0]) * cross
            cy += (p[1] + q[1]) * cross
        scale = max(abs(v) for point in vertices for v in point) or 1.0
        if abs(area) > 1e-12 * scale * scale:
            a, b = cx / (3 * area), cy / (3 * area)
            return (a, b, sum(vertices[0]) - a - b)
    far = max(itertools.combinations(vertices, 2), key=lambda pq: sum((u - w) ** 2 for u, w in zip(*pq)),
              default=(vertices[0], vertices[0]))
    return tuple((u + w) / 2 for u, w in zip(*far))


@dataclass(frozen=True)
class CoalitionAnalysis:
    """A game, its core, its Shapley split and (when one was given) a proposed split checked against the core."""

    game: CoalitionGame
    core: Core
    shapley: ShapleyValue
    split: SplitCheck | None

    def describe(self) -> str:
        """The proposed split's verdict first (when there is one), then the game in plain words."""
        verdict = [] if self.split is None else [self.split.describe()]
        return " ".join([*verdict, self.game.values_text(), self.core.describe(), self.shapley.describe(),
                         *self.game.notes()])


@dataclass(frozen=True)
class CoalitionExample:
    """A case of the lesson: a key, a title, a one-line story and its game."""

    key: str
    title: str
    story: str
    game: CoalitionGame


def coalition_examples() -> tuple[CoalitionExample, ...]:
    """The lesson's cases (``negwidgets/data/coalitions.yaml``), each checked as it is read.

    >>> [(example.key, example.game.core().empty) for example in coalition_examples()]
    [('website', False), ('portal', True)]
    """
    examples = []
    for entry in load("coalitions")["examples"]:
        game = CoalitionGame.from_mapping(entry["values"], names=tuple(entry["parties"]))
        examples.append(CoalitionExample(entry["key"], entry["title"], " ".join(entry["story"].split()), game))
    return tuple(examples)


def coalition_example(key: str = "website") -> CoalitionExample:
    """One of the lesson's cases by its key.

    >>> coalition_example().game.shapley().shares
    (32500.0, 40000.0, 17500.0)
    >>> coalition_example("lottery")
    Traceback (most recent call last):
    ...
    ValueError: There is no coalition example called 'lottery': choose 'website' or 'portal'.
    """
    examples = coalition_examples()
    for example in examples:
        if example.key == key:
            return example
    raise ValueError(f"There is no coalition example called {shown(key)}: choose "
                     f"{' or '.join(repr(e.key) for e in examples)}.")
