"""Numbers and lists the Swedish way: decimal comma, a no-break space before %, a dash for a missing value."""

from __future__ import annotations

from slidegen.format import MISSING, NBSP, number, percent, ranges


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
