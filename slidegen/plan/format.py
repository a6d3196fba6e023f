"""Numbers and lists written the Swedish way: `48 %` with a no-break space, `a, b och c`."""

from __future__ import annotations

NBSP = "\u00a0"
MISSING = "–"
"""Shown where the survey gives no number: never 0."""


def number(value: float) -> str:
    """48 → `48`, 12.5 → `12,5` (decimal comma)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def percent(value: float | None) -> str:
    """48 → `48 %` (no-break space); None → `–`."""
    if value is None:
        return MISSING
    return f"{number(value)}{NBSP}%"


def join_sv(items: list[str]) -> str:
    """['a', 'b', 'c'] → `a, b och c`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]
