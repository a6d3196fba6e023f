"""Table cells read back as values: numbers where the text is a number beyond doubt, else the text as it is."""

from __future__ import annotations

import re
from decimal import InvalidOperation

from babel.core import UnknownLocaleError
from babel.numbers import NumberFormatError, parse_decimal

from slidegen.format import decimal

BLANK_HEADING = "–"
"""What a heading the original leaves empty is written as (slidegen's headings are never empty)."""

_NUMERIC = re.compile(r"^[−-]?\d[\d\s\u00a0\u202f.,']*$")
_DIGITS = re.compile(r"\d")


def _locale(language: str) -> str:
    return (language or "sv-SE").replace("-", "_")


def cell_value(text: str, language: str) -> int | float | str | None:
    """A cell as slidegen writes it: None when empty, a number when the text is one in the deck's language
    (`1,350` in English, `1 350` or `12,5` in Swedish) and the table shows every digit of it again (the
    Swedish way: `1 350`, `12,5`), else the text. Years (`2016`), codes and numbers with leading zeros stay text."""
    t = text.strip()
    if not t:
        return None
    if "\n" in t or not _NUMERIC.match(t):
        return t
    plain_digits = t.lstrip("-−").isdigit()
    if plain_digits and (len(t.lstrip("-−")) >= 5 or (len(t) == 4 and 1800 <= int(t) <= 2100)):
        return t
    locale = _locale(language)
    candidate = re.sub(r"[\s\u202f]", "\u00a0", t).replace("−", "-")
    try:
        parsed = parse_decimal(candidate, locale=locale, strict=True)
    except (NumberFormatError, UnknownLocaleError, InvalidOperation, ValueError):
        return t
    value: int | float = int(parsed) if parsed == parsed.to_integral_value() and parsed.as_tuple().exponent >= 0 \
        else float(parsed)
    if isinstance(value, float) and value.is_integer():
        return t  # `12,0`: shown as 12, a digit would be lost
    if _DIGITS.findall(decimal(value)) != _DIGITS.findall(t):
        return t
    return value


def header_text(text: str) -> str:
    """A heading: its text, or `–` where the original leaves it empty."""
    return text.strip() or BLANK_HEADING
