"""Input checks shared by the model: each failure is a ValueError with a sentence a learner understands."""

from __future__ import annotations

import math
import re
from numbers import Real

__all__ = ["MAX_AMOUNT", "capitalised", "finite_number", "parse_money", "parse_probability", "shown", "text_value"]


MAX_AMOUNT = 1e15   # a thousand trillion: any larger number is a typing slip, and sums of it stay finite


def finite_number(value: object, what: str) -> float:
    """Return ``value`` as a float, or explain in a sentence why it is not a usable number.

    >>> finite_number(70_000, "your reservation value")
    70000.0
    >>> finite_number(float("nan"), "your reservation value")
    Traceback (most recent call last):
    ...
    ValueError: Your reservation value is not a number (NaN): type a number such as 70000.
    >>> finite_number(10**400, "your reservation value")
    Traceback (most recent call last):
    ...
    ValueError: Your reservation value is too large to calculate with: type a number such as 70000.
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{capitalised(what)} must be a number, not {shown(value)}.")
    try:
        number = float(value)
    except OverflowError:   # an integer beyond the largest float
        raise ValueError(f"{capitalised(what)} is too large to calculate with: type a number such as 70000.") from None
    if math.isnan(number):
        raise ValueError(f"{capitalised(what)} is not a number (NaN): type a number such as 70000.")
    if math.isinf(number):
        raise ValueError(f"{capitalised(what)} is infinite: type a finite number such as 70000.")
    if abs(number) > MAX_AMOUNT:
        # Beyond any amount, rate or count the course uses; refusing it keeps every sum, product and
        # spread of the model finite (1e308 + 1e308 is infinite).
        raise ValueError(f"{capitalised(what)} is too large to calculate with: type a number such as 70000.")
    return number


def text_value(value: object, what: str) -> str:
    """Return ``value`` if it is text, or explain in a sentence that it must be.

    >>> text_value(" Plan B ", "the name of an alternative")
    ' Plan B '
    >>> text_value(5, "the name of an alternative")
    Traceback (most recent call last):
    ...
    ValueError: The name of an alternative must be text, not 5.
    """
    if not isinstance(value, str):
        raise ValueError(f"{capitalised(what)} must be text, not {shown(value)}.")
    return value


def shown(value: object, limit: int = 40) -> str:
    """A value as a sentence quotes it: its repr, cut short if it is long.

    >>> shown(10 ** 400)
    '100000000000000000000000000000000000...'
    """
    try:
        text = repr(value)
    except Exception:   # a repr that fails must not turn a sentence into a traceback
        text = f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit - 3] + "..."


# What people type for an amount, read the same whatever the locale: an optional sign and "$", digits
# grouped in threes by commas, spaces or underscores (or not grouped), an optional decimal point, and an
# optional k or m. Anything a reader could take two ways ("70,5", "70.000,50", "1.500") is refused.
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_MONEY = re.compile(
    r"^(?P<sign>[-+\u2212])?\$?(?P<sign2>[-+\u2212])?"
    r"(?P<whole>\d{1,3}(?:(?P<sep>[, _])\d{3})?(?:(?P=sep)\d{3})*|\d+)?"
    r"(?:\.(?P<fraction>\d*))?(?P<suffix>[km])?$",
    re.IGNORECASE,
)
_AMBIGUOUS = re.compile(r"^[-+\u2212]?\$?[-+\u2212]?\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2}|[.,]\d{3})$")


def parse_money(text: object, what: str = "the amount") -> float:
    """Read an amount of money the way people type it: ``70000``, ``$70,000``, ``70 000``, ``70k``, ``$1.2m``.

    >>> parse_money("$70,000")
    70000.0
    >>> parse_money("72.5k")
    72500.0
    >>> parse_money("seventy")
    Traceback (most recent call last):
    ...
    ValueError: I could not read 'seventy' as the amount: type a number such as 70000, $70,000 or 70k.
    >>> parse_money("70,5")
    Traceback (most recent call last):
    ...
    ValueError: I could not tell what '70,5' means as the amount: commas and dots are read two ways in different countries. Type it without separators, such as 70000 or 70.5.
    """
    return finite_number(text, what) if not isinstance(text, str) else _read_money(text, what)


def _read_money(text: str, what: str) -> float:
    typed = text.strip()
    cleaned = _SPACES.sub(" ", typed)
    if not cleaned:
        raise ValueError(f"{capitalised(what)} is empty: type a number such as 70000.")
    if cleaned.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
        return finite_number(float(cleaned), what)
    compact = cleaned.replace("$ ", "$").replace(" $", "$")
    match = _MONEY.match(compact)
    ambiguous = ValueError(
        f"I could not tell what {shown(typed)} means as {what}: commas and dots are read two ways in different "
        "countries. Type it without separators, such as 70000 or 70.5.")
    if match is None or (match["whole"] is None and not match["fraction"]) or (match["sign"] and match["sign2"]):
        if _AMBIGUOUS.match(compact.replace(" ", "")) or re.search(r"\d,\d{1,2}(?!\d)|\d\.\d{3}[.,]", compact):
            raise ambiguous
        raise ValueError(f"I could not read {shown(typed)} as {what}: type a number such as 70000, $70,000 or 70k.")
    whole, fraction = match["whole"] or "0", match["fraction"] or ""
    if not match["suffix"] and not match["sep"] and len(fraction) == 3 and len(whole) <= 3:
        raise ambiguous   # "1.500" is one and a half in some countries, fifteen hundred in others
    digits = re.sub(r"[, _]", "", whole) + "." + (fraction or "0")
    number = float(digits) * {None: 1, "k": 1_000, "m": 1_000_000}[match["suffix"] and match["suffix"].lower()]
    if not number <= MAX_AMOUNT:
        raise ValueError(f"{capitalised(what)} ({shown(typed)}) is too large to be an amount of money: "
                         "type a number such as 70000.")
    signs = (match["sign"] or "") + (match["sign2"] or "")
    return -number if "-" in signs or "\u2212" in signs else number


def parse_probability(text: object, what: str = "the probability") -> float:
    """Read a probability typed as ``0.35``, ``35%`` or ``35 %``; return it as a fraction.

    >>> parse_probability("35%")
    0.35
    >>> parse_probability("0.5")
    0.5
    """
    if not isinstance(text, str):
        return finite_number(text, what)
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        raise ValueError(f"{capitalised(what)} is empty: type a chance such as 0.35 or 35%.")
    percent = cleaned.endswith("%")
    try:
        number = float(cleaned.rstrip("%"))
    except ValueError:
        raise ValueError(
            f"I could not read {text.strip()!r} as {what}: type a chance such as 0.35 or 35%."
        ) from None
    number = finite_number(number, what)
    return number / 100 if percent else number


def capitalised(text: str) -> str:
    """The text with its first letter in upper case (the rest untouched)."""
    return text[:1].upper() + text[1:]
