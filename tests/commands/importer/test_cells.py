"""Table cells: numbers where the text is a number beyond doubt in the deck's language, else the text as it is."""

from __future__ import annotations

import pytest

from slidegen.commands.importer.cells import cell_value, header_text


@pytest.mark.parametrize(("text", "language", "value"), [
    ("1 350", "sv-SE", 1350), ("1\u00a0350", "sv-SE", 1350), ("12,5", "sv-SE", 12.5), ("−3", "sv-SE", -3),
    ("45", "sv-SE", 45), ("1,350", "en-US", 1350), ("12.5", "en-US", 12.5), ("-0.25", "en-GB", -0.25),
    ("1.350", "de-DE", 1350), ("", "sv-SE", None), ("  ", "en-US", None),
])
def test_numbers_become_numbers(text: str, language: str, value):
    got = cell_value(text, language)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize(("text", "language"), [
    ("2016", "sv-SE"),        # a year, not 2 016
    ("0.50", "en-US"),        # shown as 0.5 a digit would be lost
    ("007", "sv-SE"),         # a code
    ("12,0", "sv-SE"),        # shown as 12
    ("11008004", "sv-SE"),    # an identity number, not 11 008 004
    ("1,35", "en-US"),        # not a number in English
    ("14 %", "sv-SE"), ("$1.2M", "en-US"), ("–", "sv-SE"), ("Stage 1", "en-AU"), ("1\n2", "sv-SE"),
])
def test_anything_else_stays_text(text: str, language: str):
    assert cell_value(text, language) == text.strip()


def test_an_empty_heading_is_a_dash():
    assert [header_text(h) for h in ("Post", " ", "")] == ["Post", "–", "–"]
