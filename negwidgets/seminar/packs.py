"""Role-play packs: each pair's private values, each participant's access code, the instructor's secret.

``make_pack`` draws every pair's reservation values from the case's ranges with a seeded generator (the
same seed gives the same numbers), while access codes and the instructor's secret come from ``secrets``
and are never derived from the seed or the pair numbers.

>>> pack = make_pack("used_car", n_pairs=4, seed=7, no_zone_share=0.25)
>>> [pair.code for pair in pack.pairs]
['P1', 'P2', 'P3', 'P4']
>>> sum(pair.zone is None for pair in pack.pairs)
1
>>> participant = pack.participants[0]
>>> pack.record().participant(participant.pair, participant.access_code) == (participant.pair, participant.role)
True
>>> pack.record().participant(participant.pair, "WRONG-CODE") is None
True
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone

import numpy as np

from ..model.checks import finite_number
from .cases import RolePlayCase, in_sentence, load_case

__all__ = ["CODE_ALPHABET", "MAX_PAIRS", "Pack", "PackRecord", "PairValues", "Participant", "make_pack",
           "normalise_code", "pairs_table", "pairs_text"]

MAX_PAIRS = 200
# Capitals and digits people cannot confuse when copying from paper: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 8             # 25**8 is about 1.5e11 codes
_SECRET_ROUNDS = 200_000    # the instructor's secret is checked rarely: make guessing it slow


def new_access_code() -> str:
    """A random personal access code such as ``K7QF-M3XD``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def new_instructor_secret() -> str:
    """A random secret such as ``K7QF-M3XD-9HTA``: letters that survive Markdown and copying from paper."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(3 * 4))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def normalise_code(text: object) -> str:
    """A code as typed, with spaces, dashes and case ignored: ``" k7qf m3xd "`` -> ``"K7QFM3XD"``."""
    return re.sub(r"[\s\-_.]", "", str(text)).upper()[:64]


def _digest(salt: str, text: str) -> str:
    return hmac.new(bytes.fromhex(salt), text.encode("utf-8"), hashlib.sha256).hexdigest()


def _secret_digest(salt: str, secret: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", secret.encode("utf-8"), bytes.fromhex(salt), _SECRET_ROUNDS).hex()


@dataclass(frozen=True)
class PairValues:
    """One pair: its code, both reservation values (in the order of the case's roles) and its zone."""

    code: str
    reservations: tuple[float, float]
    zone: tuple[float, float] | None

    def as_dict(self) -> dict:
        return {"code": self.code, "reservations": list(self.reservations),
                "zone": list(self.zone) if self.zone is not None else None}


def _find_pair(pairs: tuple[PairValues, ...], code: object) -> PairValues:
    wanted = normalise_code(code)
    for pair in pairs:
        if pair.code == wanted:
            return pair
    raise ValueError(f"There is no pair {str(code)[:20]!r} in this class; the pairs are {pairs[0].code} to "
                     f"{pairs[-1].code}.")


@dataclass(frozen=True)
class Participant:
    """One confidential sheet's owner: the pair, the role, and the personal access code."""

    pair: str
    role: str
    access_code: str = field(repr=False)


@dataclass(frozen=True)
class PackRecord:
    """What the results store keeps of a pack: the values, but only salted digests of the codes and the
    instructor's secret, so the store never holds a code that opens a sheet."""

    pack_id: str
    case_key: str
    created: str
    seed: int
    same_numbers: bool
    no_zone_share: float
    pairs: tuple[PairValues, ...]
    salt: str
    code_digests: Mapping[str, tuple[str, str]] = field(repr=False)   # digest -> (pair, role)
    secret_salt: str = field(repr=False, default="")
    secret_digest: str = field(repr=False, default="")

    @property
    def case(self) -> RolePlayCase:
        return load_case(self.case_key)

    def pair(self, code: str) -> PairValues:
        return _find_pair(self.pairs, code)

    def pair_codes(self) -> tuple[str, ...]:
        return tuple(pair.code for pair in self.pairs)

    def participant(self, pair: object, code: object) -> tuple[str, str] | None:
        """``(pair, role)`` when the pair code and access code belong together, else ``None`` (never
        saying which of the two was wrong)."""
        pair_code = normalise_code(pair)
        found = self.code_digests.get(_digest(self.salt, f"{pair_code}:{normalise_code(code)}"))
        return found if found is not None and found[0] == pair_code else None

    def check_secret(self, secret: object) -> bool:
        """Whether ``secret`` is the instructor's secret of this pack."""
        if not self.secret_digest:
            return False
        given = _secret_digest(self.secret_salt, normalise_code(secret))
        return hmac.compare_digest(given, self.secret_digest)

    def to_json(self) -> str:
        return json.dumps({
            "format": "negotiation-lab-pack", "version": 1, "pack_id": self.pack_id, "case": self.case_key,
            "created": self.created, "seed": self.seed, "same_numbers": self.same_numbers,
            "no_zone_share": self.no_zone_share, "pairs": [p.as_dict() for p in self.pairs], "salt": self.salt,
            "codes": {digest: list(owner) for digest, owner in sorted(self.code_digests.items())},
            "secret_salt": self.secret_salt, "secret_digest": self.secret_digest,
        }, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PackRecord:
        try:
            data = json.loads(text)
            if data.get("format") != "negotiation-lab-pack" or data.get("version") != 1:
                raise ValueError
            pairs = tuple(PairValues(p["code"], tuple(float(r) for r in p["reservations"]),
                                     tuple(float(z) for z in p["zone"]) if p["zone"] is not None else None)
                          for p in data["pairs"])
            return cls(data["pack_id"], data["case"], data["created"], int(data["seed"]), bool(data["same_numbers"]),
                       float(data["no_zone_share"]), pairs, data["salt"],
                       {d: (o[0], o[1]) for d, o in data["codes"].items()}, data["secret_salt"], data["secret_digest"])
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            raise ValueError("This pack's record is damaged or was written by another program; make the "
                             "pack again in the instructor's notebook.") from None


@dataclass(frozen=True)
class Pack:
    """A role-play pack as the instructor makes it: every pair's values and every participant's code.

    Print ``sheet_html`` for each participant (or ``write`` them all to a folder), keep ``key_html`` and
    ``instructor_secret`` to yourself, and publish ``record()`` to the results store.
    """

    pack_id: str
    case: RolePlayCase
    created: str
    seed: int
    same_numbers: bool
    no_zone_share: float
    pairs: tuple[PairValues, ...]
    participants: tuple[Participant, ...]
    instructor_secret: str = field(repr=False)

    def participant(self, pair: str, role: str) -> Participant:
        for participant in self.participants:
            if participant.pair == pair and participant.role == role:
                return participant
        raise ValueError(f"There is no participant {role!r} in pair {pair!r}.")

    def pair(self, code: str) -> PairValues:
        return _find_pair(self.pairs, code)

    def record(self) -> PackRecord:
        """The form the results store keeps: codes and secret only as salted digests (computed once)."""
        cached = self.__dict__.get("_record")
        if cached is None:
            salt = secrets.token_hex(16)
            digests = {_digest(salt, f"{p.pair}:{normalise_code(p.access_code)}"): (p.pair, p.role)
                       for p in self.participants}
            secret_salt = secrets.token_hex(16)
            cached = PackRecord(self.pack_id, self.case.key, self.created, self.seed, self.same_numbers,
                                self.no_zone_share, self.pairs, salt, digests, secret_salt,
                                _secret_digest(secret_salt, normalise_code(self.instructor_secret)))
            object.__setattr__(self, "_record", cached)
        return cached

    def describe(self) -> str:
        without = sum(pair.zone is None for pair in self.pairs)
        numbers = "the same numbers for every pair" if self.same_numbers else "numbers varied from pair to pair"
        return (f"Pack {self.pack_id}: {self.case.title}, {len(self.pairs)} pairs ({2 * len(self.pairs)} "
                f"participants), {numbers}; {without} pair{'s' if without != 1 else ''} without a zone of "
                f"agreement. Seed {self.seed}.")


# -- drawing the values ---------------------------------------------------------------------------------

def _check_share(value: object) -> float:
    share = finite_number(value, "the share of pairs without a zone")
    if not 0 <= share <= 1:
        raise ValueError("The share of pairs without a zone must be between 0 and 1, such as 0.2 for one pair "
                         "in five.")
    return share


def _candidates(case: RolePlayCase, want_zone: bool) -> np.ndarray:
    """Every pair of reservation values on the case's grids with (or without) a zone, shape ``(k, 2)``."""
    first_grid, second_grid = (role.reservation.grid() for role in case.roles)
    pairs = [(first, second) for first in first_grid for second in second_grid
             if (case.zone((first, second)) is not None) == want_zone]
    if not pairs:
        what = "a zone of agreement" if want_zone else "no zone of agreement"
        raise ValueError(f"In the case '{case.title}' no pair of reservation values in its ranges leaves "
                         f"{what}; ask for {'fewer' if not want_zone else 'more'} pairs without a zone.")
    return np.array(pairs, dtype=float)


def make_pack(case: str | RolePlayCase, n_pairs: int, seed: int | None = None, *, same_numbers: bool = False,
              no_zone_share: float = 0.0) -> Pack:
    """Draw a pack for ``n_pairs`` pairs of the case.

    ``same_numbers`` gives every pair with a zone the case's typical values (and every pair without one the
    same values, drawn once), so a class can compare outcomes on equal terms; otherwise each pair's values
    are drawn from the case's ranges. ``no_zone_share`` of the pairs (rounded) get values with no zone of
    agreement, at places the seed chooses, to teach walking away. ``seed`` makes the numbers repeatable
    (one is chosen and recorded when none is given); the access codes are always new and random.
    """
    case = load_case(case) if isinstance(case, str) else case
    if isinstance(n_pairs, bool) or not isinstance(n_pairs, (int, np.integer)) or not 1 <= n_pairs <= MAX_PAIRS:
        raise ValueError(f"The number of pairs must be a whole number from 1 to {MAX_PAIRS}, not {n_pairs!r}.")
    share = _check_share(no_zone_share)
    if seed is None:
        seed = secrets.randbits(31)
    elif isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"The seed must be a whole number of zero or more, such as 2026, not {seed!r}.")
    rng = np.random.default_rng(int(seed))
    without = int(round(share * n_pairs))
    no_zone_places = set(rng.choice(n_pairs, size=without, replace=False).tolist()) if without else set()
    typical = tuple(role.reservation.typical for role in case.roles)
    if same_numbers and case.zone(typical) is None:
        raise ValueError(f"The typical values of '{case.title}' leave no zone; vary the numbers instead.")
    # Uniform over every pair of grid values that has (or lacks) a zone.
    candidates = {want: _candidates(case, want) for want in {True, False}
                  if (want and without < n_pairs and not same_numbers) or (not want and without)}
    shared_no_zone = tuple(candidates[False][rng.integers(len(candidates[False]))]) if same_numbers and without else None
    width = len(str(n_pairs))
    pairs = []
    for index in range(n_pairs):
        want_zone = index not in no_zone_places
        if same_numbers:
            values = typical if want_zone else shared_no_zone
        else:
            values = tuple(candidates[want_zone][rng.integers(len(candidates[want_zone]))])
        pairs.append(PairValues(f"P{index + 1:0{width}d}" if width > 1 else f"P{index + 1}",
                                (float(values[0]), float(values[1])), case.zone(values)))
    codes: set[str] = set()
    participants = []
    for pair in pairs:
        for role in case.role_keys:
            code = new_access_code()
            while code in codes:  # vanishingly rare, but two equal codes would open the wrong sheet
                code = new_access_code()
            codes.add(code)
            participants.append(Participant(pair.code, role, code))
    created = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    return Pack(secrets.token_hex(4), case, created, int(seed), bool(same_numbers), share, tuple(pairs),
                tuple(participants), new_instructor_secret())


def pairs_table(record: PackRecord | Pack) -> list[dict[str, object]]:
    """Every pair's values as rows (for the instructor's key and notebook)."""
    case = record.case
    rows = []
    for pair in record.pairs:
        row: dict[str, object] = {"pair": pair.code}
        for role, value in zip(case.roles, pair.reservations):
            label = role.value_label(value)   # a role whose BATNA differs from pair to pair says which it has
            row[role.key] = case.value_text(value) + (f" ({label})" if label else "")
        if pair.zone is None:
            row["zone"] = "none"
        elif case.scoring is None:
            row["zone"] = f"{case.value_text(pair.zone[0])} to {case.value_text(pair.zone[1])}"
        else:
            row["zone"] = f"{pair.zone[0]:g} to {pair.zone[1]:g} points for {in_sentence(case.roles[0].name)}"
        rows.append(row)
    return rows



def pairs_text(record: PackRecord | Pack) -> str:
    """Every pair's values as a plain-text table (for the instructor's notebook).

    >>> print(pairs_text(make_pack("used_car", n_pairs=2, seed=1)))
    pair  the seller  the buyer  zone of agreement
    P1    $9,300      $9,900     $9,300 to $9,900
    P2    $9,300      $11,900    $9,300 to $11,900
    """
    case = record.case
    rows = [["pair", *(in_sentence(role.name) for role in case.roles), "zone of agreement"]]
    rows += [[row["pair"], *(str(row[key]) for key in case.role_keys), str(row["zone"])] for row in pairs_table(record)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)
