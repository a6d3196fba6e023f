"""Numbers and lists the Swedish way: grouped by a no-break space, a decimal comma, a real minus, read back the same
way; a no-break space before %, a dash for a missing value, method ranges."""

from __future__ import annotations

import pytest
from babel.numbers import get_minus_sign_symbol

from slidegen.format import MINUS, MISSING, NBSP, decimal, number, parse_number, percent, ranges


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (48, None, "48"), (12.5, None, "12,5"), (1350, None, "1\u00a0350"), (1234567.25, 2, "1\u00a0234\u00a0567,25"),
        (-3, None, "\u22123"), (-1350.5, 1, "\u22121\u00a0350,5"), (12, 1, "12,0"), (0.04, 1, "0,0"), (-0.04, 1, "0,0"),
        (7.25, 0, "7"),
    ],
)
def test_number(value, decimals, text):
    assert number(value, decimals) == text


def test_the_minus_is_the_locale_s_real_minus_and_percent_keeps_its_form():
    assert MINUS == get_minus_sign_symbol("sv_SE") == "\u2212"
    assert percent(48) == "48\u00a0%" and percent(None) == "–"


@pytest.mark.parametrize("text", ["1 350", "1\u00a0350", "12,5", "12.5", "\u22123", "-3", "1 350,5", "1 350.5"])
def test_parse_number_reads_what_number_writes_and_the_english_forms(text):
    value = parse_number(text)
    assert value == {"1 350": 1350, "1\u00a0350": 1350, "12,5": 12.5, "12.5": 12.5, "\u22123": -3, "-3": -3,
                     "1 350,5": 1350.5, "1 350.5": 1350.5}[text]
    assert parse_number(number(value, 1)) == value


@pytest.mark.parametrize("text", ["femtio", "", "1 35", "1,350,5", "NaN", "inf", "12 %", "1.350,5"])
def test_parse_number_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_whole_numbers_have_no_decimals_and_fractions_a_comma():
    assert number(48) == "48"
    assert number(48.0) == "48"
    assert number(12.5) == "12,5"


def test_a_percent_keeps_its_sign_on_the_same_line_and_a_missing_one_is_a_dash_not_zero():
    assert percent(48) == f"48{NBSP}%"
    assert percent(0) == f"0{NBSP}%"
    assert percent(None) == MISSING == "–"


def test_method_numbers_are_written_as_ranges():
    assert ranges([1, 2, 3, 7]) == "1–3, 7"
    assert ranges([7, 3, 2, 1, 3]) == "1–3, 7"
    assert ranges([5]) == "5"
    assert ranges([]) == ""


@pytest.mark.parametrize(
    "value, text",
    [(1350, f"1{NBSP}350"), (12.5, "12,5"), (12.25, "12,25"), (0.125, "0,125"), (-20.5, "\u221220,5"),
     (-3, "\u22123"), (0, "0"), (-0.0, "0"), (1200000, f"1{NBSP}200{NBSP}000"), (0.1, "0,1")],
)
def test_decimal_keeps_every_decimal_written(value, text):
    """What tables show: the number as written, grouped and with a decimal comma; never rounded."""
    assert decimal(value) == text
