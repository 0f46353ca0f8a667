"""How the course writes money and chances: ``$70,000`` in prose, ``$70k`` in figure labels, ``35%``."""

from __future__ import annotations

import re

from .checks import finite_number

__all__ = ["DOLLAR_MARKUP", "markdown_money", "money", "money_short", "percent", "percent_precise"]

# JupyterLab, Voila, nbconvert's slides and GitHub typeset the text between two dollar signs of a
# paragraph as LaTeX, and the \$ escape does not survive their Markdown renderers. An entity that the
# math finders never see, alone in its element, renders as "$" everywhere (tested in the browser).
DOLLAR_MARKUP = "<span>&#36;</span>"
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)   # fenced blocks and code spans keep their "$"


def money(amount: float) -> str:
    """Format an amount for prose: thousands separators, no cents.

    >>> money(70_000)
    '$70,000'
    >>> money(-2_500.4)
    '-$2,500'
    >>> money(float("inf"))
    Traceback (most recent call last):
    ...
    ValueError: The amount is infinite: type a finite number such as 70000.
    """
    rounded = round(finite_number(amount, "the amount"))
    sign = "-" if rounded < 0 else ""
    return f"{sign}${abs(rounded):,}"


def money_short(amount: float) -> str:
    """Format an amount for a figure label.

    >>> money_short(70_000)
    '$70k'
    >>> money_short(72_500)
    '$72.5k'
    >>> money_short(1_250_000)
    '$1.25M'
    >>> money_short(800)
    '$800'
    """
    amount = finite_number(amount, "the amount")
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    if value >= 1_000_000:
        text = f"{value / 1_000_000:.2f}".rstrip("0").rstrip(".") + "M"
    elif value >= 1_000:
        text = f"{value / 1_000:.1f}".rstrip("0").rstrip(".") + "k"
    else:
        text = f"{value:.0f}"
    return f"{sign}${text}"


def percent(fraction: float) -> str:
    """Format a probability as a whole percentage (one decimal below 1% and above 99%).

    >>> percent(0.35)
    '35%'
    >>> percent(0.004)
    '0.4%'
    """
    value = finite_number(finite_number(fraction, "the chance") * 100, "the chance")   # 1e308 * 100 overflows
    if 0 < value < 1 or 99 < value < 100:
        return f"{value:.1f}%"
    return f"{value:.0f}%"


def a_percent(fraction: float) -> str:
    """A percentage with its article, as it is read aloud: "an 8%", "an 11%", "a 28%".

    >>> a_percent(0.08), a_percent(0.11), a_percent(0.28), a_percent(0.85)
    ('an 8%', 'an 11%', 'a 28%', 'an 85%')
    """
    text = percent(fraction)
    spoken_with_vowel = text.startswith("8") or text.split("%")[0].split(".")[0] in ("11", "18")
    return f"{'an' if spoken_with_vowel else 'a'} {text}"


def percent_precise(fraction: float) -> str:
    """A rate as people state it: one decimal when it is not whole.

    >>> percent_precise(0.074), percent_precise(0.03)
    ('7.4%', '3%')
    """
    return f"{round(finite_number(fraction, 'the rate') * 100, 1):g}%"


def markdown_money(markdown: str) -> str:
    """Markdown whose dollar signs (``$70,000`` or ``\\$70,000``) render as written, never as math.

    >>> markdown_money(r"between \\$70,000 and $80,000, not `$5`")
    'between <span>&#36;</span>70,000 and <span>&#36;</span>80,000, not `$5`'
    >>> markdown_money(markdown_money("$1")) == markdown_money("$1")
    True
    """
    parts = _CODE.split(markdown)
    parts[::2] = [re.sub(r"\\?\$", DOLLAR_MARKUP, prose) for prose in parts[::2]]
    return "".join(parts)
