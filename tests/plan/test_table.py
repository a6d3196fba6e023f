"""Table planning: narrow number columns, wrapped row heights, header repeated on every page."""

from __future__ import annotations

import pytest

from slidegen.errors import Location
from slidegen.plan.layout import CELL_INSETS
from slidegen.plan.model import Cell, TableStyle, para
from slidegen.plan.table import TableSpec, column_widths, plan_tables, row_height
from slidegen.plan.text import Fonts, TooLong
from slidegen.units import Rect, cm, to_pt

FONTS, _ = Fonts.of("Calibri")
STYLE = TableStyle("Calibri", "#000000", "#000000", "#FFFFFF", "#FFFFFF", "#EEEEEE")


def spec(rows: int, text: str = "En metod med en ganska lång text som ska brytas på flera rader i tabellen.") -> TableSpec:
    header = (Cell((para("Metod", bold=True),)), Cell((para("Genomfört", bold=True),)), Cell((para("Ej aktuellt", bold=True),)))
    body = tuple(
        (Cell((para(f"{i}. {text}"),)), Cell((para("48\u00a0%"),)), Cell((para("–"),))) for i in range(1, rows + 1)
    )
    return TableSpec(header, body, (False, True, True), tuple(Location("s.yaml", i) for i in range(rows)), "Tabell")


def test_number_columns_are_narrow_and_hold_their_longest_word():
    s = spec(5)
    widths = column_widths(s, cm(30), 16, FONTS, CELL_INSETS)
    assert sum(widths) == cm(30)
    assert widths[0] > 3 * widths[1]
    pad = to_pt(CELL_INSETS.left + CELL_INSETS.right)
    assert to_pt(widths[1]) >= FONTS.bold.width("Genomfört", 16) + pad
    assert to_pt(widths[1]) >= FONTS.regular.width("48\u00a0%", 16) + pad  # a no-break space joins the number and %


def test_a_longer_text_makes_a_taller_row():
    s = spec(1)
    widths = column_widths(s, cm(20), 14, FONTS, CELL_INSETS)
    short = row_height(s.rows[0], 14, widths, FONTS, CELL_INSETS)
    long = row_height(spec(1, "ord " * 60).rows[0], 14, widths, FONTS, CELL_INSETS)
    assert long >= short + 2 * FONTS.regular.line(14)


def test_long_table_is_split_with_the_header_on_every_page():
    frame = Rect(0, 0, cm(30), cm(12))
    boxes = plan_tables(spec(30), frame, FONTS, STYLE, CELL_INSETS, 16, 12)
    assert len(boxes) > 1
    assert all(b.rows[0] == spec(30).header for b in boxes)
    numbers = [row[0].paras[0].text.split(".")[0] for b in boxes for row in b.rows[1:]]
    assert numbers == [str(i) for i in range(1, 31)]
    assert len({b.size for b in boxes}) == 1
    for b in boxes:
        assert sum(b.heights) <= frame.h
        assert len(b.heights) == len(b.rows)
    sizes = [len(b.rows) for b in boxes]
    assert max(sizes) - min(sizes) <= 2  # spread evenly, not one full page and a stub


def test_short_table_keeps_the_largest_size():
    boxes = plan_tables(spec(3), Rect(0, 0, cm(30), cm(12)), FONTS, STYLE, CELL_INSETS, 16, 12)
    assert len(boxes) == 1 and boxes[0].size == 16


def test_a_row_that_cannot_fit_a_page_is_an_error_naming_its_source():
    with pytest.raises(TooLong) as err:
        plan_tables(spec(2, "ord " * 900), Rect(0, 0, cm(30), cm(8)), FONTS, STYLE, CELL_INSETS, 16, 12)
    assert err.value.source == Location("s.yaml", 0)
