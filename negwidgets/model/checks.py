"""Input checks shared by the model: each failure is a ValueError with a sentence a learner understands."""

from __future__ import annotations

import math
import re
from numbers import Real

__all__ = ["capitalised", "finite_number", "parse_money", "parse_probability"]


def finite_number(value: object, what: str) -> float:
    """Return ``value`` as a float, or explain in a sentence why it is not a usable number.

    >>> finite_number(70_000, "your reservation value")
    70000.0
    >>> finite_number(float("nan"), "your reservation value")
    Traceback (most recent call last):
    ...
    ValueError: Your reservation value is not a number (NaN): type a number such as 70000.
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{capitalised(what)} must be a number, not {value!r}.")
    number = float(value)
    if math.isnan(number):
        raise ValueError(f"{capitalised(what)} is not a number (NaN): type a number such as 70000.")
    if math.isinf(number):
        raise ValueError(f"{capitalised(what)} is infinite: type a finite number such as 70000.")
    return number


_MONEY = re.compile(r"^(?P<sign>-)?\$?(?P<digits>\d+(?:\.\d*)?|\.\d+)(?P<suffix>[km]?)$", re.IGNORECASE)


def parse_money(text: object, what: str = "the amount") -> float:
    """Read an amount of money the way people type it: ``70000``, ``$70,000``, ``70k``, ``$1.2m``.

    >>> parse_money("$70,000")
    70000.0
    >>> parse_money("72.5k")
    72500.0
    >>> parse_money("seventy")
    Traceback (most recent call last):
    ...
    ValueError: I could not read 'seventy' as the amount: type a number such as 70000, $70,000 or 70k.
    """
    if not isinstance(text, str):
        return finite_number(text, what)
    cleaned = text.strip().replace(",", "").replace(" ", "").replace("_", "")
    if cleaned.lower() in {"nan", "inf", "-inf", "infinity"}:
        return finite_number(float(cleaned), what)
    match = _MONEY.match(cleaned)
    if not match:
        if not cleaned:
            raise ValueError(f"{capitalised(what)} is empty: type a number such as 70000.")
        raise ValueError(
            f"I could not read {text.strip()!r} as {what}: type a number such as 70000, $70,000 or 70k."
        )
    number = float(match["digits"]) * {"": 1, "k": 1_000, "m": 1_000_000}[match["suffix"].lower()]
    return -number if match["sign"] else number


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
