"""The bargaining engine: many bilateral alternating-offers negotiations over a price, run at once.

The rules (lesson 08 states them in plain words):

* A seller (a candidate) and a buyer (an employer) each have a reservation value, an aspiration value
  and a :class:`Tactic`. Rounds are numbered ``0 .. rounds - 1``; the opener proposes in even rounds,
  the other side in odd ones. Round ``r`` happens at time ``t = r / (rounds - 1)``, so the last round is
  the deadline, ``t = 1``.
* A side's offer mixes a time-dependent part (Faratin's family, :func:`concession_offer`) and an
  imitative part (tit-for-tat), plus an optional random part, and always stays between its aspiration
  and its reservation value.
* The responder accepts an offer at least as good as what it would offer next (the AC-next rule) and
  never one worse than its reservation value. After the last round there is no next offer, only the
  BATNA, so there the responder accepts anything at least as good as its reservation value.
* No acceptance by the deadline means no deal: both sides take their BATNAs.

The loop runs over rounds, and the negotiations advance together as numpy arrays, a block of a few
thousand at a time so that a block's arrays stay in the processor's cache: a tournament of thousands
of negotiations is one call. Only the responder's next offer is computed in a round; each tactic's
time-dependent concession is computed once per round for the whole call; the imitation and random
parts are skipped in blocks where no tactic has them; finished negotiations are dropped from their
block. Memory grows with the number of negotiations only, unless offers are kept (``keep_offers``).
The tests hold a plain-Python version of the same rules and compare the two negotiation by
negotiation; ``benchmarks/engine_scaling.py`` times the engine against its earlier whole-array form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .checks import finite_number
from .money import money, money_short, percent
from .theory import check_beta, check_k
from .zone import BargainingZone, bargaining_zone

__all__ = ["ABSOLUTE_TFT", "BOULWARE", "CONCEDER", "HARDLINER", "LINEAR", "MIXED", "RELATIVE_TFT", "TACTICS",
           "Dance", "Negotiations", "Tactic", "Tournament", "Trace", "negotiate", "next_offer", "tactic", "tournament"]

Imitation = Literal["relative", "absolute"]
_IMITATION_CODES = {None: 0, "relative": 1, "absolute": 2}


@dataclass(frozen=True)
class Tactic:
    """How a side makes its offers: ``weight`` on the time-dependent part (``beta``, ``k``), the rest on
    imitating the other side (``imitation``), plus a random part of up to ``noise`` times its stretch.

    >>> Tactic("Boulware", beta=0.2).describe()
    'Boulware: holds firm and concedes late (beta = 0.2)'
    >>> Tactic("Copycat", imitation="relative", weight=0).describe()
    'Copycat: matches each concession of the other side in proportion'
    """

    name: str
    beta: float = 1.0
    k: float = 0.0
    imitation: Imitation | None = None
    weight: float = 1.0
    noise: float = 0.0

    def __post_init__(self) -> None:
        check_beta(self.beta)
        check_k(self.k)
        if self.imitation not in _IMITATION_CODES:
            raise ValueError(f"A tactic imitates the other side 'relative'ly, 'absolute'ly or not at all (None), "
                             f"not {self.imitation!r}.")
        weight = finite_number(self.weight, "the weight of the time-dependent part")
        if not 0 <= weight <= 1:
            raise ValueError(f"The weight of the time-dependent part lies between 0 and 1; {weight:g} is outside.")
        if self.imitation is None and weight != 1:
            raise ValueError("A tactic that imitates nobody puts all its weight (1) on the time-dependent part.")
        noise = finite_number(self.noise, "the random part")
        if not 0 <= noise <= 1:
            raise ValueError(f"The random part is a share of the stretch between 0 and 1; {noise:g} is outside.")

    def describe(self) -> str:
        if self.imitation is not None and self.weight == 0 and self.noise == 0:
            how = "in proportion" if self.imitation == "relative" else "dollar for dollar"
            return f"{self.name}: matches each concession of the other side {how}"
        if self.beta == 0:
            time = "never concedes with time"
        elif self.beta < 1:
            time = f"holds firm and concedes late (beta = {self.beta:g})"
        elif self.beta == 1:
            time = "concedes evenly over time (beta = 1)"
        else:
            time = f"concedes early (beta = {self.beta:g})"
        if self.imitation is None:
            text = time
        else:
            text = f"{percent(self.weight)} time: {time}; {percent(1 - self.weight)} {self.imitation} tit-for-tat"
        if self.noise:
            text += f"; random moves of up to {percent(self.noise)} of its stretch"
        return f"{self.name}: {text}"


BOULWARE = Tactic("Boulware", beta=0.2)
LINEAR = Tactic("Linear", beta=1.0)
CONCEDER = Tactic("Conceder", beta=5.0)
HARDLINER = Tactic("Hardliner", beta=0.0)
RELATIVE_TFT = Tactic("Relative tit-for-tat", imitation="relative", weight=0.0)
ABSOLUTE_TFT = Tactic("Absolute tit-for-tat", imitation="absolute", weight=0.0)
MIXED = Tactic("Mixed", beta=0.5, imitation="absolute", weight=0.5, noise=0.05)
#: The course's named tactics, by name.
TACTICS = {t.name: t for t in (BOULWARE, LINEAR, CONCEDER, HARDLINER, RELATIVE_TFT, ABSOLUTE_TFT, MIXED)}


def tactic(name_or_tactic: str | Tactic) -> Tactic:
    """A tactic by its name (as in :data:`TACTICS`), or the tactic itself."""
    if isinstance(name_or_tactic, Tactic):
        return name_or_tactic
    try:
        return TACTICS[name_or_tactic]
    except (KeyError, TypeError):
        raise ValueError(f"There is no tactic called {name_or_tactic!r}: choose one of "
                         f"{', '.join(TACTICS)}.") from None


_RATIOS_NEED_POSITIVE_PRICES = "Relative tit-for-tat compares prices as ratios: every price must be above zero."


@dataclass
class _Side:
    """One side of every negotiation (``sign`` is +1 for the seller, -1 for the buyer): its values per
    negotiation, and its tactics as a short table (``index`` picks each negotiation's row of ``tactics``)."""

    sign: float
    reservation: np.ndarray
    aspiration: np.ndarray
    tactics: tuple[Tactic, ...]
    index: np.ndarray

    def remaining(self, rounds: int) -> np.ndarray:
        """(rounds, tactics): the share of its stretch each tactic still holds back in each round, ``1 - f(t)``."""
        return _remaining(self.tactics, np.arange(rounds) / (rounds - 1))


def _remaining(tactics: Sequence[Tactic], times: np.ndarray) -> np.ndarray:
    """``1 - f(t)`` for every time (rows) and tactic (columns): the time-dependent part of each offer is
    ``reservation + stretch * (1 - f(t))``. Every negotiation of a call shares the round's time, so the
    engine computes this once per tactic and round rather than once per negotiation and round."""
    # One spare column: numpy computes a power with a single exponent by a shortcut (t * t for 2) that
    # can differ from its general power in the last digit; the spare keeps every call on the general one.
    beta = np.array([t.beta for t in tactics] + [1.0], dtype=float)
    k = np.array([t.k for t in tactics] + [0.0], dtype=float)
    conceding = beta > 0
    with np.errstate(over="ignore"):  # a tiny beta gives an infinite exponent: t ** inf is 0, as it should be
        exponent = 1 / np.where(conceding, beta, 1.0)
        f = np.where(conceding, k + (1 - k) * np.power(times[:, None], exponent), k)
    return 1 - f[:, :-1]


def _side(sign: float, who: str, tactics, reservation, aspiration, n: int) -> _Side:
    res = _values(reservation, f"the {who}'s reservation value", n)
    asp = _values(aspiration, f"the {who}'s aspiration value", n)
    if np.any(sign * (asp - res) < 0):
        direction = "below" if sign > 0 else "above"
        raise ValueError(f"The {who}'s aspiration value must not be {direction} its reservation value.")
    if isinstance(tactics, (str, Tactic)):
        unique, index = (tactic(tactics),), np.zeros(n, dtype=np.intp)
    else:
        tactics = [tactic(t) for t in tactics]
        if len(tactics) != n:
            raise ValueError(f"Give one tactic for the {who} or one per negotiation ({n}), not {len(tactics)}.")
        # Tactics repeat: number them by identity (quick), then merge equal ones (few).
        same = {id(t): t for t in tactics}
        numbers = {t: i for i, t in enumerate(dict.fromkeys(same.values()))}
        by_id = {key: numbers[t] for key, t in same.items()}
        unique = tuple(numbers)
        index = np.fromiter((by_id[id(t)] for t in tactics), dtype=np.intp, count=n)
    return _Side(sign, res, asp, unique, index)


def next_offer(tactic_: str | Tactic, t: float, reservation: float, aspiration: float,
               own_offers: Sequence[float] = (), their_offers: Sequence[float] = (), draw: float = 0.0) -> float:
    """One side's next offer at time ``t`` under the engine's rules, given the offers so far (the
    practice counterpart plays by this). It gives exactly the offers :func:`negotiate` makes.

    >>> next_offer("Linear", 0.5, 80_000, 60_000)
    70000.0
    >>> next_offer("Absolute tit-for-tat", 0.5, 80_000, 60_000, [60_000], [85_000, 82_000])
    63000.0
    """
    chosen = tactic(tactic_)
    res = finite_number(reservation, "the side's reservation value")
    asp = finite_number(aspiration, "the side's aspiration value")
    time = finite_number(t, "the time t")
    if not 0 <= time <= 1:
        raise ValueError(f"Time runs from 0 (the first round) to 1 (the deadline); t = {time:g} is outside.")
    if chosen.imitation == "relative" and min(res, asp) <= 0:
        raise ValueError(_RATIOS_NEED_POSITIVE_PRICES)
    # The same operations as the engine's blocks, on plain floats (which round exactly as numpy's do).
    stretch = asp - res
    time_part = res + stretch * float(_remaining((chosen,), np.array([time]))[0, 0])
    if chosen.imitation is None:
        offer = time_part
    else:
        own = float(own_offers[-1]) if len(own_offers) else asp
        imitated = own
        if len(their_offers) >= 2:
            before, last = float(their_offers[-2]), float(their_offers[-1])
            if chosen.imitation == "relative":
                if min(own, before, last) <= 0:
                    raise ValueError(_RATIOS_NEED_POSITIVE_PRICES)
                imitated = own * before / last
            else:
                imitated = own + (before - last)
        offer = chosen.weight * time_part + (1 - chosen.weight) * imitated
    offer = offer + chosen.noise * abs(stretch) * float(draw)
    return min(max(offer, min(res, asp)), max(res, asp))


def _values(values, what: str, n: int) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    if array.ndim == 0:
        finite_number(float(array), what)
        return np.full(n, float(array))
    if array.shape != (n,):
        raise ValueError(f"Give {what} as one number or one per negotiation ({n}), not {array.size}.")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"Every {what.removeprefix('the ')} must be a finite number.")
    return array


def _count(*values) -> int:
    sizes = {len(v) for v in values if isinstance(v, Sequence) and not isinstance(v, str)}
    sizes |= {np.size(v) for v in values if not isinstance(v, (Sequence, str, Tactic)) and np.ndim(v) > 0}
    if len(sizes) > 1:
        raise ValueError(f"Every per-negotiation list must have the same length, not {sorted(sizes)}.")
    return sizes.pop() if sizes else 1


@dataclass(frozen=True)
class Dance:
    """Both sides' offers by round, ready to plot as the negotiation dance."""

    names: tuple[str, str]
    offers: tuple[tuple[tuple[int, float], ...], tuple[tuple[int, float], ...]]  # per side: (round, amount)
    zone: BargainingZone | None
    price: float | None
    rounds: int  # offers until the deadline
    headline: str


@dataclass(frozen=True)
class Trace:
    """One negotiation's offers, round by round, and its outcome (for the dance plot)."""

    seller_reservation: float
    buyer_reservation: float
    seller_aspiration: float
    buyer_aspiration: float
    rounds: int
    seller_offers: list[tuple[int, float]]  # (round, offer)
    buyer_offers: list[tuple[int, float]]
    price: float | None
    agreed_round: int | None
    accepted_by: str | None  # "seller" or "buyer"

    def dance(self) -> Dance:
        if self.price is None:
            headline = f"No deal by the deadline (round {self.rounds})"
        else:
            headline = f"Deal at {money_short(self.price)} in round {self.agreed_round + 1} of {self.rounds}"
        return Dance(("Seller", "Buyer"), (tuple(self.seller_offers), tuple(self.buyer_offers)),
                     bargaining_zone(self.seller_reservation, self.buyer_reservation), self.price, self.rounds,
                     headline)

    def describe(self) -> str:
        """
        >>> run = negotiate("Linear", "Linear", 70_000, 80_000, 85_000, 60_000, rounds=10)
        >>> run.trace(0).describe()
        'Deal at $75,000 in round 7 of 10, accepted by the buyer. The seller gained $5,000 over her reservation value, the buyer $5,000.'
        """
        if self.price is None:
            return f"No deal in {self.rounds} rounds: both sides take their BATNAs."
        return (f"Deal at {money(self.price)} in round {self.agreed_round + 1} of {self.rounds}, accepted by the "
                f"{self.accepted_by}. The seller gained {money(self.price - self.seller_reservation)} over her "
                f"reservation value, the buyer {money(self.buyer_reservation - self.price)}.")


@dataclass(frozen=True)
class Negotiations:
    """The outcome of every negotiation of one :func:`negotiate` call, as parallel arrays."""

    rounds: int
    seller_opens: np.ndarray
    seller_reservation: np.ndarray
    buyer_reservation: np.ndarray
    seller_aspiration: np.ndarray
    buyer_aspiration: np.ndarray
    agreed: np.ndarray  # bool
    price: np.ndarray  # nan where no deal
    agreed_round: np.ndarray  # -1 where no deal
    kept: np.ndarray  # the negotiations whose offers were kept (indices, ascending)
    kept_offers: np.ndarray  # (len(kept), rounds): their offer in each round, nan after the end

    def __len__(self) -> int:
        return len(self.agreed)

    @property
    def offers(self) -> np.ndarray:
        """(n, rounds): every negotiation's offer in each round, nan after the end; only when every
        negotiation's offers were kept (see ``keep_offers`` in :func:`negotiate`).

        >>> negotiate("Linear", "Linear", 70_000, 80_000, 85_000, 60_000, rounds=4).offers.shape
        (1, 4)
        >>> negotiate("Linear", "Linear", 70_000, 80_000, 85_000, 60_000, rounds=4, keep_offers=False).offers
        Traceback (most recent call last):
        ...
        ValueError: The offers of 1 of the 1 negotiations were not kept: run negotiate(..., keep_offers=True) to keep every offer.
        """
        if len(self.kept) != len(self):
            raise ValueError(f"The offers of {len(self) - len(self.kept):,} of the {len(self):,} negotiations were "
                             "not kept: run negotiate(..., keep_offers=True) to keep every offer.")
        return self.kept_offers

    @property
    def zone_exists(self) -> np.ndarray:
        return self.seller_reservation <= self.buyer_reservation

    @property
    def seller_gain(self) -> np.ndarray:
        """Each seller's gain over her reservation value (0 without a deal: she takes her BATNA)."""
        return np.where(self.agreed, self.price - self.seller_reservation, 0.0)

    @property
    def buyer_gain(self) -> np.ndarray:
        return np.where(self.agreed, self.buyer_reservation - self.price, 0.0)

    @property
    def seller_share(self) -> np.ndarray:
        """The seller's share of the surplus in each deal (nan without a deal or without a surplus)."""
        surplus = self.buyer_reservation - self.seller_reservation
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.agreed & (surplus > 0), (self.price - self.seller_reservation) / surplus, np.nan)

    @property
    def agreement_rate(self) -> float:
        return float(self.agreed.mean())

    def describe(self) -> str:
        """
        >>> negotiate("Boulware", "Conceder", 70_000, 80_000, 85_000, 60_000, rounds=20).describe()
        '1 negotiation: 100% agreed (all of those with a zone), in round 16 on average; the seller took 91% of the surplus on average.'
        """
        n = len(self)
        with_zone = int(self.zone_exists.sum())
        head = f"{n:,} negotiation{'s' if n != 1 else ''}: {percent(self.agreement_rate)} agreed"
        if with_zone == 0:
            return head + " (no pair had a zone)."
        head += (" (all of those with a zone)" if self.agreed.sum() == with_zone
                 else f" ({percent(self.agreed.sum() / with_zone)} of those with a zone)")
        if not self.agreed.any():
            return head + "."
        head += f", in round {np.mean(self.agreed_round[self.agreed]) + 1:.0f} on average"
        shares = self.seller_share[~np.isnan(self.seller_share)]
        if not shares.size:  # every deal sat on a zone of zero width
            return head + "."
        return f"{head}; the seller took {percent(shares.mean())} of the surplus on average."

    def trace(self, index: int = 0) -> Trace:
        """Negotiation ``index`` round by round (its offers must have been kept: ``keep_offers``).

        >>> runs = negotiate("Linear", "Boulware", [70_000, 72_000], 80_000, 85_000, 60_000, keep_offers=[1])
        >>> runs.trace(1).price is not None
        True
        >>> runs.trace(0)
        Traceback (most recent call last):
        ...
        ValueError: The offers of negotiation 0 were not kept: run negotiate(..., keep_offers=[0]) to keep them, or keep_offers=True for every negotiation.
        """
        if isinstance(index, bool) or not isinstance(index, (int, np.integer)) or not -len(self) <= index < len(self):
            raise ValueError(f"There are {len(self)} negotiations: pick one from 0 to {len(self) - 1}.")
        index = int(index) % len(self)
        at = int(np.searchsorted(self.kept, index))
        if at == len(self.kept) or self.kept[at] != index:
            raise ValueError(f"The offers of negotiation {index} were not kept: run negotiate(..., "
                             f"keep_offers=[{index}]) to keep them, or keep_offers=True for every negotiation.")
        row = self.kept_offers[at]
        seller_first = bool(self.seller_opens[index])
        offers = {"seller": [], "buyer": []}
        for r, value in enumerate(row):
            if np.isnan(value):
                break
            offers["seller" if (r % 2 == 0) == seller_first else "buyer"].append((r, float(value)))
        agreed = bool(self.agreed[index])
        last = int(self.agreed_round[index])
        accepted_by = None
        if agreed:
            accepted_by = "buyer" if (last % 2 == 0) == seller_first else "seller"
        return Trace(float(self.seller_reservation[index]), float(self.buyer_reservation[index]),
                     float(self.seller_aspiration[index]), float(self.buyer_aspiration[index]), self.rounds,
                     offers["seller"], offers["buyer"], float(self.price[index]) if agreed else None,
                     last if agreed else None, accepted_by)


def negotiate(seller_tactic, buyer_tactic, seller_reservation, buyer_reservation, seller_aspiration,
              buyer_aspiration, *, rounds: int = 50, opener: str | Sequence[bool] = "seller",
              seed: int | None = 0, keep_offers: bool | Sequence[int] | None = None) -> Negotiations:
    """Run negotiations between sellers (who want more) and buyers (who want less), all at once.

    Each argument is one value for every negotiation or one per negotiation (tactics as
    :class:`Tactic` objects or names). ``opener`` is ``"seller"``, ``"buyer"``, ``"either"`` (sellers
    open the even-numbered negotiations) or one boolean per negotiation (True: the seller opens).

    ``seed`` fixes the random parts of tactics that have one, and so every outcome: side ``s`` (0 the
    seller, 1 the buyer) of negotiation ``i`` adds ``noise x |stretch| x`` draw ``[s, i, r]`` to its
    offer in round ``r``, where the draws are ``np.random.default_rng(seed).uniform(-1, 1, (2, n,
    rounds + 1))``. A negotiation's draws depend on its position, the number of negotiations and the
    rounds, never on the other negotiations' tactics; they are made a block at a time, and only for
    blocks where some tactic has a random part, so they never take memory for the whole call.

    ``keep_offers`` says whose offers to keep for :attr:`Negotiations.offers` and
    :meth:`Negotiations.trace`: ``True`` (every negotiation's: ``rounds`` numbers each), ``False``
    (none: the memory then grows only with the number of negotiations), or a list of negotiation
    indices. By default every offer is kept when negotiations x rounds is at most 1,000,000 (8 MB),
    none beyond.

    >>> run = negotiate("Boulware", "Conceder", [70_000, 82_000], 80_000, 85_000, 60_000, rounds=20)
    >>> run.agreed.tolist(), bool(70_000 <= run.price[0] <= 80_000)
    ([True, False], True)
    >>> big = negotiate("Boulware", "Conceder", np.linspace(60_000, 80_000, 20_000), 75_000, 90_000, 50_000,
    ...                 rounds=100)
    >>> len(big.kept), len(negotiate("Boulware", "Conceder", 70_000, 80_000, 85_000, 60_000).kept)
    (0, 1)
    """
    if isinstance(rounds, bool) or not isinstance(rounds, (int, np.integer)) or rounds < 2:
        raise ValueError(f"A negotiation needs a deadline of at least 2 rounds (a whole number), not {rounds!r}.")
    n = _count(seller_tactic, buyer_tactic, seller_reservation, buyer_reservation, seller_aspiration,
               buyer_aspiration, opener)
    seller = _side(1.0, "seller", seller_tactic, seller_reservation, seller_aspiration, n)
    buyer = _side(-1.0, "buyer", buyer_tactic, buyer_reservation, buyer_aspiration, n)
    if isinstance(opener, str):
        if opener not in ("seller", "buyer", "either"):
            raise ValueError(f"The opener is 'seller', 'buyer' or 'either', not {opener!r}.")
        seller_opens = np.full(n, opener == "seller") if opener != "either" else np.arange(n) % 2 == 0
    else:
        seller_opens = np.asarray(opener, dtype=bool)
    # A relative tit-for-tat side multiplies by its own prices and divides by the other side's: all must be positive.
    sides = (seller, buyer)
    if (any(t.imitation == "relative" for side in sides for t in side.tactics)
            and any(np.any(np.minimum(side.reservation, side.aspiration) <= 0) for side in sides)):
        raise ValueError(_RATIOS_NEED_POSITIVE_PRICES)
    return _run(seller, buyer, seller_opens, int(rounds), seed, _kept(keep_offers, n, rounds))


def _kept(keep_offers, n: int, rounds: int) -> np.ndarray:
    """The negotiations whose offers to keep, as ascending indices."""
    if keep_offers is None:
        keep_offers = n * rounds <= _KEEP_ALL_UP_TO
    if isinstance(keep_offers, (bool, np.bool_)):
        return np.arange(n) if keep_offers else np.arange(0)
    if isinstance(keep_offers, str) or not isinstance(keep_offers, (Sequence, np.ndarray)):
        raise ValueError(f"keep_offers is True (every negotiation's offers), False (none) or a list of "
                         f"negotiation indices, not {keep_offers!r}.")
    chosen = np.asarray(keep_offers).ravel()
    if chosen.size and (chosen.dtype.kind not in "iu" or chosen.min() < -n or chosen.max() >= n):
        raise ValueError(f"keep_offers lists negotiations by index: whole numbers from 0 to {n - 1}.")
    return np.unique(chosen.astype(np.intp) % n) if chosen.size else np.arange(0)


_BLOCK = 4096  # negotiations advanced together: a block's arrays stay in the processor's cache
_DRAWS_PER_BLOCK = 1 << 22  # random draws made at once for a block (32 MB), which caps a block when tactics are random
_KEEP_ALL_UP_TO = 1_000_000  # by default every offer is kept while negotiations x rounds is at most this (8 MB)


class _Plan:
    """One side's part of a block of negotiations: what it needs to make its offers, for the negotiations
    still running (rows are dropped as negotiations end). Parameters shared by the whole block are plain
    numbers; the imitation and random parts are left out when no tactic in the block has them."""

    def __init__(self, side: _Side, rows: np.ndarray, table: np.ndarray, draws: np.ndarray | None):
        self.seller = side.sign > 0
        res, asp = side.reservation[rows], side.aspiration[rows]
        self.res, self.asp, self.stretch = res, asp, asp - res
        self.lo, self.hi = np.minimum(res, asp), np.maximum(res, asp)
        index = side.index[rows]
        used = np.unique(index)
        tactics = [side.tactics[u] for u in used]
        self.uniform = len(used) == 1
        if self.uniform:
            only = tactics[0]
            self.table, self.index = table[:, used[0]].tolist(), None
            self.imitation = only.imitation
            self.weight, self.rest = only.weight, 1 - only.weight
            self.pure = only.imitation is not None and only.weight == 0  # 0 * time part + 1 * imitated is the imitated
            self.relative = None
            noise = only.noise
        else:
            self.table, self.index = np.ascontiguousarray(table), index
            kinds = {t.imitation for t in tactics}
            self.imitation = kinds.pop() if len(kinds) == 1 else "mixed"
            weight = np.array([t.weight for t in side.tactics])[index]
            self.weight, self.rest = weight, 1 - weight
            self.pure = False
            # A tactic without imitation has weight 1: its offer is 1 x time part + 0 x imitated (finite:
            # relative tit-for-tat needs every price above zero), the time part exactly.
            codes = np.array([_IMITATION_CODES[t.imitation] for t in side.tactics])[index]
            self.relative = codes == 1 if self.imitation == "mixed" else None
            noise = np.array([t.noise for t in side.tactics])[index]
        self.amplitude = noise * np.abs(self.stretch) if draws is not None else None
        self.draws = draws  # (its rounds, block): the draw for each of its offers, by original position in the block
        self._buffers(len(rows))

    def _buffers(self, m: int) -> None:
        self.time_part, self.imitated, self.scratch = np.empty(m), np.empty(m), np.empty(m)

    def drop(self, keep: np.ndarray) -> None:
        """Keep only the rows of ``keep`` (a boolean mask)."""
        for name in ("res", "asp", "stretch", "lo", "hi", "index", "weight", "rest", "relative", "amplitude"):
            value = getattr(self, name)
            if isinstance(value, np.ndarray):
                setattr(self, name, value[keep])
        self._buffers(int(np.count_nonzero(keep)))

    def offer(self, q: int, own, last, before, position, out: np.ndarray) -> None:
        """Write into ``out`` this side's offers in round ``q``: ``own`` is its last offer (None before its
        first), ``last`` and ``before`` the other side's last two (``before`` None until it made two)."""
        if self.uniform:
            g = self.table[q]
        else:
            g = self.table[q].take(self.index)
        time_part = out if self.imitation is None else self.time_part
        if not self.pure:
            np.multiply(self.stretch, g, out=time_part)
            np.add(self.res, time_part, out=time_part)
        if self.imitation is not None:
            base = self.asp if own is None else own
            imitated = self.imitated
            if before is None:
                imitated = base
            elif self.imitation == "absolute":
                np.subtract(before, last, out=imitated)
                np.add(base, imitated, out=imitated)
            elif self.imitation == "relative":
                np.multiply(base, before, out=imitated)
                np.divide(imitated, last, out=imitated)  # every price is above zero (negotiate checks)
            else:  # relative for some negotiations, absolute for the others
                np.subtract(before, last, out=imitated)
                np.add(base, imitated, out=imitated)
                np.multiply(base, before, out=self.scratch)
                np.divide(self.scratch, last, out=self.scratch)
                np.copyto(imitated, self.scratch, where=self.relative)
            if self.pure:
                np.copyto(out, imitated)
            else:
                np.multiply(self.weight, time_part, out=out)
                np.multiply(self.rest, imitated, out=self.scratch)
                np.add(out, self.scratch, out=out)
        if self.amplitude is not None:
            draws = self.draws[q // 2] if position is None else self.draws[q // 2].take(position)
            np.multiply(self.amplitude, draws, out=self.scratch)
            np.add(out, self.scratch, out=out)
        np.maximum(out, self.lo, out=out)
        np.minimum(out, self.hi, out=out)


def _block(first: _Plan, second: _Plan, rows: np.ndarray, rounds: int, price: np.ndarray,
           agreed_round: np.ndarray, trace: np.ndarray | None) -> None:
    """Negotiate the negotiations ``rows`` (one opener: ``first``), writing their outcomes into ``price``
    and ``agreed_round`` and, when ``trace`` is given, their offers into it (rounds x rows)."""
    m = len(rows)
    plans = (first, second)
    cur, nxt, prev, prev2 = np.empty(m), np.empty(m), np.empty(m), np.empty(m)
    accepts = np.empty(m, dtype=bool)
    alive = np.ones(m, dtype=bool)
    left = m
    position = None  # where each remaining row was in the block (None while none has been dropped)
    first.offer(0, None, None, None, None, cur)
    for r in range(rounds):
        if trace is not None:
            if position is None:
                trace[r] = cur
            else:
                trace[r, position] = cur
        responder = plans[(r + 1) % 2]
        # The responder's next offer (what AC-next compares with); after the deadline, its reservation value.
        if r == rounds - 1:
            following = responder.res
        else:
            responder.offer(r + 1, prev if r >= 1 else None, cur, prev2 if r >= 2 else None, position, nxt)
            following = nxt
        # An offer within its range is never worse than its reservation value, so AC-next alone decides.
        (np.greater_equal if responder.seller else np.less_equal)(cur, following, out=accepts)
        if left < len(alive):
            np.logical_and(accepts, alive, out=accepts)
        if accepts.any():
            hit = np.flatnonzero(accepts)
            price[rows[hit]] = cur[hit]
            agreed_round[rows[hit]] = r
            alive[hit] = False
            left -= len(hit)
            if not left:
                break
            if 2 * left <= len(alive):  # drop the finished negotiations once they are half of the block
                rows = rows[alive]
                position = np.flatnonzero(alive) if position is None else position[alive]
                for plan in plans:
                    plan.drop(alive)
                cur, nxt, prev = cur[alive], nxt[alive], prev[alive]  # the next offers are made already
                prev2 = np.empty(left)  # free until the next round
                accepts = np.empty(left, dtype=bool)
                alive = np.ones(left, dtype=bool)
        cur, prev, prev2, nxt = nxt, cur, prev, prev2


def _run(seller: _Side, buyer: _Side, seller_opens: np.ndarray, rounds: int, seed, kept: np.ndarray) -> Negotiations:
    n = len(seller_opens)
    price = np.full(n, np.nan)
    agreed_round = np.full(n, -1)
    offers = np.full((len(kept), rounds), np.nan)
    every = len(kept) == n
    sides = (seller, buyer)
    tables = [side.remaining(rounds) for side in sides]
    noisy = [np.array([t.noise > 0 for t in side.tactics]) for side in sides]
    random = any(flags.any() for flags in noisy)
    if random:
        state = np.random.default_rng(seed).bit_generator.state
    both = 0 < np.count_nonzero(seller_opens) < n
    span = (2 if both else 1) * _BLOCK
    if random:  # a block's draws: (negotiations, rounds + 1) per side
        span = max(1, min(span, _DRAWS_PER_BLOCK // (rounds + 1)))
    for start in range(0, n, span):
        stop = min(n, start + span)
        chunks = {}
        for opens in (True, False):
            local = np.flatnonzero(seller_opens[start:stop] == opens)
            if not local.size:
                continue
            rows = start + local
            plans = []
            for s, side in enumerate(sides):
                draws = None
                if noisy[s][side.index[rows]].any():
                    if s not in chunks:  # the documented draws of these negotiations, made in place
                        generator = np.random.PCG64()
                        generator.state = state
                        generator.advance((s * n + start) * (rounds + 1))
                        chunks[s] = np.random.Generator(generator).uniform(-1.0, 1.0, size=(stop - start, rounds + 1))
                    # This side offers in even rounds when it opens, odd rounds otherwise.
                    parity = 0 if (s == 0) == opens else 1
                    draws = np.ascontiguousarray(chunks[s][local, parity:rounds:2].T)
                plans.append(_Plan(side, rows, tables[s], draws))
            first, second = plans if opens else plans[::-1]
            if every:
                wanted, targets = slice(None), rows
            elif len(kept):
                at = np.searchsorted(kept, rows)
                found = np.flatnonzero(kept[np.minimum(at, len(kept) - 1)] == rows)
                wanted, targets = found if found.size else None, at[found]
            else:
                wanted = None
            trace = None if wanted is None else np.full((rounds, len(rows)), np.nan)
            _block(first, second, rows, rounds, price, agreed_round, trace)
            if trace is not None:
                ended = agreed_round[rows]
                trace[np.arange(rounds)[:, None] > np.where(ended < 0, rounds, ended)] = np.nan
                offers[targets] = trace[:, wanted].T
    return Negotiations(rounds, seller_opens, seller.reservation, buyer.reservation, seller.aspiration,
                        buyer.aspiration, agreed_round >= 0, price, agreed_round, kept, offers)


@dataclass(frozen=True)
class Tournament:
    """Every pair of tactics negotiated many times on the same random cases."""

    tactics: tuple[Tactic, ...]
    per_pair: int
    runs: Negotiations  # ordered by (seller tactic, buyer tactic, case)

    def _pair(self, stat: np.ndarray) -> np.ndarray:
        size = len(self.tactics)
        return stat.reshape(size, size, self.per_pair)

    @property
    def agreement(self) -> np.ndarray:
        """Agreement rate for [seller tactic, buyer tactic]."""
        return self._pair(self.runs.agreed).mean(axis=2)

    @property
    def seller_gain(self) -> np.ndarray:
        """The seller's mean gain over her reservation value for [seller tactic, buyer tactic]."""
        return self._pair(self.runs.seller_gain).mean(axis=2)

    @property
    def buyer_gain(self) -> np.ndarray:
        return self._pair(self.runs.buyer_gain).mean(axis=2)

    @property
    def mean_gain(self) -> np.ndarray:
        """Each tactic's mean gain over both roles and every opponent."""
        return (self.seller_gain.mean(axis=1) + self.buyer_gain.mean(axis=0)) / 2

    def table(self) -> str:
        """The results as a text table: each tactic's mean gain and agreement rate, best first."""
        names = [t.name for t in self.tactics]
        agreement = (self.agreement.mean(axis=1) + self.agreement.mean(axis=0)) / 2
        width = max(len(name) for name in names)
        lines = [f"{'Tactic':<{width}}  Mean gain  Deals  As seller  As buyer"]
        for i in np.argsort(-self.mean_gain, kind="stable"):
            lines.append(f"{names[i]:<{width}}  {money(self.mean_gain[i]):>9}  {percent(agreement[i]):>5}  "
                         f"{money(self.seller_gain[i].mean()):>9}  {money(self.buyer_gain[:, i].mean()):>8}")
        return "\n".join(lines)

    def describe(self) -> str:
        best = int(np.argmax(self.mean_gain))
        worst = int(np.argmin(self.mean_gain))
        return (f"{len(self.runs):,} negotiations ({self.per_pair} per pair of tactics): "
                f"{self.tactics[best].name} earned most on average ({money(self.mean_gain[best])} over its "
                f"reservation value), {self.tactics[worst].name} least ({money(self.mean_gain[worst])}).")


def tournament(tactics: Sequence[str | Tactic] = tuple(TACTICS), *, per_pair: int = 200, rounds: int = 20,
               seller_reservation: tuple[float, float] = (62_000, 78_000),
               buyer_reservation: tuple[float, float] = (72_000, 88_000), seller_aspiration: float = 90_000,
               buyer_aspiration: float = 55_000, opener: str = "either", seed: int = 0) -> Tournament:
    """Every tactic against every tactic, as seller and as buyer, on the same ``per_pair`` random cases.

    Reservation values are drawn uniformly from the given ranges (the same draws for every pair, so
    that pairs differ only by their tactics); the defaults make a zone likely but not certain.

    >>> small = tournament(["Boulware", "Conceder"], per_pair=50)
    >>> small.agreement.shape, bool(small.seller_gain[0, 1] > small.seller_gain[1, 0])
    ((2, 2), True)
    """
    chosen = tuple(dict.fromkeys(tactic(t) for t in tactics))
    if not chosen:
        raise ValueError("Give at least one tactic for the tournament.")
    if isinstance(per_pair, bool) or not isinstance(per_pair, (int, np.integer)) or per_pair < 1:
        raise ValueError(f"Run at least one negotiation per pair (a whole number), not {per_pair!r}.")
    rng = np.random.default_rng(seed)
    ranges = []
    for who, (low, high) in (("seller", seller_reservation), ("buyer", buyer_reservation)):
        low = finite_number(low, f"the bottom of the {who}'s reservation range")
        high = finite_number(high, f"the top of the {who}'s reservation range")
        if low > high:
            raise ValueError(f"The {who}'s reservation range runs from {money(low)} down to {money(high)}: "
                             "give the lower number first.")
        ranges.append(rng.uniform(low, high, per_pair))
    size = len(chosen)
    pairs = size * size
    seller_tactics = [t for t in chosen for _ in range(size * per_pair)]
    buyer_tactics = [t for _ in chosen for t in chosen for _ in range(per_pair)]
    opens = opener
    if opener == "either":
        opens = np.tile(np.arange(per_pair) % 2 == 0, pairs)
    runs = negotiate(seller_tactics, buyer_tactics, np.tile(ranges[0], pairs), np.tile(ranges[1], pairs),
                     seller_aspiration, buyer_aspiration, rounds=rounds, opener=opens, seed=seed)
    return Tournament(chosen, per_pair, runs)
