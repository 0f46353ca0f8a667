"""How the course writes money and chances: ``$70,000`` in prose, ``$70k`` in figure labels, ``35%``."""

from __future__ import annotations

__all__ = ["money", "money_short", "percent", "percent_precise"]


def money(amount: float) -> str:
    """Format an amount for prose: thousands separators, no cents.

    >>> money(70_000)
    '$70,000'
    >>> money(-2_500.4)
    '-$2,500'
    """
    rounded = round(amount)
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
    value = fraction * 100
    if 0 < value < 1 or 99 < value < 100:
        return f"{value:.1f}%"
    return f"{value:.0f}%"


def percent_precise(fraction: float) -> str:
    """A rate as people state it: one decimal when it is not whole.

    >>> percent_precise(0.074), percent_precise(0.03)
    ('7.4%', '3%')
    """
    return f"{round(fraction * 100, 1):g}%"
