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


def ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] → `1–3, 7`."""
    out: list[str] = []
    numbers = sorted(set(numbers))
    start = prev = None
    for n in numbers + [None]:  # type: ignore[list-item]
        if start is None:
            start = prev = n
        elif n is not None and n == prev + 1:
            prev = n
        else:
            out.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = prev = n
    return ", ".join(out)


def listing(items: list[str]) -> str:
    """[a, b, c] → `a, b och c`: a list written out the Swedish way."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]
