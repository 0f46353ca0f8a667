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

The loop runs over rounds; every negotiation advances at once as numpy arrays, so a tournament of
thousands of negotiations is one call. The tests hold a plain-Python version of the same rules and
compare the two negotiation by negotiation.
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


@dataclass
class _Side:
    """One side of every negotiation as parallel arrays (``sign`` is +1 for the seller, -1 for the buyer)."""

    sign: float
    reservation: np.ndarray
    aspiration: np.ndarray
    beta: np.ndarray
    k: np.ndarray
    imitation: np.ndarray
    weight: np.ndarray
    noise: np.ndarray

    def offers(self, t: float, own_last, theirs_last, theirs_before, draws) -> np.ndarray:
        """Every negotiation's next offer from this side at time ``t``, given the history so far."""
        stretch = self.aspiration - self.reservation
        conceding = self.beta > 0
        with np.errstate(over="ignore"):  # a tiny beta gives an infinite exponent: t ** inf is 0, as it should be
            exponent = 1 / np.where(conceding, self.beta, 1.0)
        f = np.where(conceding, self.k + (1 - self.k) * t ** exponent, self.k)
        time_part = self.reservation + stretch * (1 - f)
        base = np.where(np.isnan(own_last), self.aspiration, own_last)
        seen_two = ~np.isnan(theirs_before)
        with np.errstate(invalid="ignore", divide="ignore"):
            relative = base * theirs_before / theirs_last
        absolute = base + (theirs_before - theirs_last)
        imitated = np.where(seen_two, np.where(self.imitation == 1, relative, absolute), base)
        offer = np.where(self.imitation == 0, time_part, self.weight * time_part + (1 - self.weight) * imitated)
        offer = offer + self.noise * np.abs(stretch) * draws
        return np.clip(offer, np.minimum(self.reservation, self.aspiration),
                       np.maximum(self.reservation, self.aspiration))


def _side(sign: float, who: str, tactics, reservation, aspiration, n: int) -> _Side:
    res = _values(reservation, f"the {who}'s reservation value", n)
    asp = _values(aspiration, f"the {who}'s aspiration value", n)
    if np.any(sign * (asp - res) < 0):
        direction = "below" if sign > 0 else "above"
        raise ValueError(f"The {who}'s aspiration value must not be {direction} its reservation value.")
    if isinstance(tactics, (str, Tactic)):
        tactics = [tactic(tactics)] * n
    else:
        tactics = [tactic(t) for t in tactics]
        if len(tactics) != n:
            raise ValueError(f"Give one tactic for the {who} or one per negotiation ({n}), not {len(tactics)}.")
    unique = {t: i for i, t in enumerate(dict.fromkeys(tactics))}
    index = np.array([unique[t] for t in tactics])
    table = np.array([[t.beta, t.k, _IMITATION_CODES[t.imitation], t.weight, t.noise] for t in unique], dtype=float)
    params = table[index].T
    if np.any(params[2] == 1) and np.any(np.minimum(res, asp) <= 0):
        raise ValueError("Relative tit-for-tat compares prices as ratios: every price must be above zero.")
    return _Side(sign, res, asp, *params)


def next_offer(tactic_: str | Tactic, t: float, reservation: float, aspiration: float,
               own_offers: Sequence[float] = (), their_offers: Sequence[float] = (), draw: float = 0.0) -> float:
    """One side's next offer at time ``t`` under the engine's rules, given the offers so far (the
    practice counterpart plays by this).

    >>> next_offer("Linear", 0.5, 80_000, 60_000)
    70000.0
    >>> next_offer("Absolute tit-for-tat", 0.5, 80_000, 60_000, [60_000], [85_000, 82_000])
    63000.0
    """
    sign = 1.0 if aspiration >= reservation else -1.0
    side = _side(sign, "side", tactic_, reservation, aspiration, 1)

    def nth_last(offers, n):
        return np.array([float(offers[-n]) if len(offers) >= n else np.nan])

    return float(side.offers(t, nth_last(own_offers, 1), nth_last(their_offers, 1), nth_last(their_offers, 2),
                             np.array([float(draw)]))[0])


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
    sizes = {np.size(v) for v in values if np.ndim(v) > 0}
    sizes |= {len(v) for v in values if isinstance(v, Sequence) and not isinstance(v, str)}
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
    offers: np.ndarray  # (n, rounds): the offer made in each round, nan after the end

    def __len__(self) -> int:
        return len(self.agreed)

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
        """Negotiation ``index`` round by round."""
        if not -len(self) <= index < len(self):
            raise ValueError(f"There are {len(self)} negotiations: pick one from 0 to {len(self) - 1}.")
        row = self.offers[index]
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
              seed: int | None = 0) -> Negotiations:
    """Run negotiations between sellers (who want more) and buyers (who want less), all at once.

    Each argument is one value for every negotiation or one per negotiation (tactics as
    :class:`Tactic` objects or names). ``opener`` is ``"seller"``, ``"buyer"``, ``"either"`` (sellers
    open the even-numbered negotiations) or one boolean per negotiation (True: the seller opens).
    ``seed`` fixes the random parts of tactics that have one.

    >>> run = negotiate("Boulware", "Conceder", [70_000, 82_000], 80_000, 85_000, 60_000, rounds=20)
    >>> run.agreed.tolist(), bool(70_000 <= run.price[0] <= 80_000)
    ([True, False], True)
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
    # Random parts: one draw per side, negotiation and round, fixed by the seed (drawn even when unused,
    # so that a negotiation's draws do not depend on the other tactics in the call).
    draws = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(2, n, rounds + 1))
    return _run(seller, buyer, seller_opens, rounds, draws)


def _run(seller: _Side, buyer: _Side, seller_opens: np.ndarray, rounds: int, draws: np.ndarray) -> Negotiations:
    n = len(seller_opens)
    offers = np.full((n, rounds), np.nan)
    price = np.full(n, np.nan)
    agreed_round = np.full(n, -1)
    active = np.ones(n, dtype=bool)
    nan = np.full(n, np.nan)
    last = {"s": nan.copy(), "b": nan.copy()}  # each side's own last offer and the one before
    before = {"s": nan.copy(), "b": nan.copy()}

    # Round 0: the opener's first offer.
    proposal = np.where(seller_opens, seller.offers(0.0, nan, nan, nan, draws[0, :, 0]),
                        buyer.offers(0.0, nan, nan, nan, draws[1, :, 0]))
    for r in range(rounds):
        seller_proposes = (r % 2 == 0) == seller_opens
        offers[active, r] = proposal[active]
        for key, mine in (("s", seller_proposes), ("b", ~seller_proposes)):
            update = active & mine
            before[key] = np.where(update, last[key], before[key])
            last[key] = np.where(update, proposal, last[key])
        # The responder's next offer (what AC-next compares with); after the deadline, its reservation value.
        if r == rounds - 1:
            seller_next, buyer_next = seller.reservation, buyer.reservation
        else:
            t = (r + 1) / (rounds - 1)
            seller_next = seller.offers(t, last["s"], last["b"], before["b"], draws[0, :, r + 1])
            buyer_next = buyer.offers(t, last["b"], last["s"], before["s"], draws[1, :, r + 1])
        seller_accepts = (proposal >= seller_next) & (proposal >= seller.reservation)
        buyer_accepts = (proposal <= buyer_next) & (proposal <= buyer.reservation)
        accepts = active & np.where(seller_proposes, buyer_accepts, seller_accepts)
        price[accepts] = proposal[accepts]
        agreed_round[accepts] = r
        active &= ~accepts
        if not active.any():
            break
        proposal = np.where(seller_proposes, buyer_next, seller_next)
    return Negotiations(rounds, seller_opens, seller.reservation, buyer.reservation, seller.aspiration,
                        buyer.aspiration, agreed_round >= 0, price, agreed_round, offers)


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
