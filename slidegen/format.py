"""Numbers and lists written the Swedish way: `1 350`, `12,5`, `−3`, `48 %` with no-break spaces, `a, b och c`."""

from __future__ import annotations

import math
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

NBSP = "\u00a0"
MISSING = "–"
"""Shown where the survey gives no number: never 0."""

LOCALE = "sv_SE"
"""Whose conventions numbers are written and read in: digits grouped by a no-break space, a decimal comma."""

MINUS = "\u2212"
"""The minus sign Swedish writes (the locale data's, U+2212; tests compare): Babel's formatting leaves it to the caller."""


@lru_cache(maxsize=1)
def _swedish() -> "Locale":
    """The locale's data, read once when a number is first written (Babel is imported only then)."""
    from babel import Locale

    return Locale.parse(LOCALE)


@lru_cache(maxsize=None)
def _pattern(decimals: int | None) -> "NumberPattern":
    """Babel's number pattern for a number of decimals (None: up to one), parsed once."""
    from babel.numbers import parse_pattern

    return parse_pattern("#,##0.#" if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else ""))


@lru_cache(maxsize=1 << 14)
def number(value: float, decimals: int | None = None) -> str:
    """1350 → `1 350` (no-break space), 12.5 → `12,5`, −3 → `−3` (a real minus).

    Without `decimals`, up to one decimal is shown and a whole number has none; with it, exactly
    that many (so every label of a chart has the same number of decimals). Remembered: a chart's
    planner writes the same values many times while it tries sizes.
    """
    text = _pattern(decimals).apply(abs(value), _swedish())
    return f"{MINUS}{text}" if value < 0 and text.strip("0,") else text


def parse_number(text: str) -> float:
    """A number as people write it in a Swedish or English CSV file: `1 350`, `12,5`, `12.5`, `−3`.

    Digits may be grouped by spaces (plain, no-break or narrow); the decimal mark is a comma, or a
    point when there is no comma. Raises ValueError when the text is not a number.
    """
    cleaned = text.strip().replace(MINUS, "-")
    for space in (" ", "\u202f"):
        cleaned = cleaned.replace(space, NBSP)  # the group separator the locale data names
    if "." in cleaned and "," not in cleaned:
        cleaned = cleaned.replace(".", ",")
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        value = parse_decimal(cleaned, locale=_swedish(), strict=True)
    except NumberFormatError as exc:
        raise ValueError(text) from exc
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValueError(text)
    result = float(value)
    if not math.isfinite(result):
        raise ValueError(text)
    return result


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


@lru_cache(maxsize=1 << 12)
def decimal(value: float) -> str:
    """A number with every decimal it was written with, the Swedish way: 1350 → `1 350` (no-break space),
    12.25 → `12,25`, −3 → `−3` (a real minus); for tables, which show what was written."""
    digits = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = _pattern(None).apply(abs(digits), _swedish(), decimal_quantization=False)
    return f"{MINUS}{text}" if digits < 0 and text.strip("0,") else text


def listing(items: list[str]) -> str:
    """[a, b, c] → `a, b och c`: a list written out the Swedish way."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]
