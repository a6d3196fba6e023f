"""Numbers and lists written the Swedish way: `48 %` with a no-break space, `1 350`, `−3`, `a, b och c`."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal, get_minus_sign_symbol

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


def decimal(value: float, language: str = "sv-SE") -> str:
    """A number as written in the language, with every digit it was given: 1350 → `1 350` (no-break space),
    12.5 → `12,5`, −3 → `−3` (a real minus sign, U+2212)."""
    locale = language.replace("-", "_")
    digits = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = format_decimal(abs(digits), locale=locale, decimal_quantization=False)
    return get_minus_sign_symbol(locale) + text if digits < 0 else text
