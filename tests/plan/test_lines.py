"""Lines as the deck draws them: the planner's wrapping by the office suites' rules, set at their baselines."""

from __future__ import annotations

import pytest

from slidegen.plan.layout import CELL_INSETS, TEXT_INSETS
from slidegen.plan.lines import CELL_SPACING, FRAME_SPACING, marker_text, numbers, set_paragraphs, set_table, set_text
from slidegen.plan.model import BULLET, Cell, Marker, Para, Run, TableBox, TableStyle, TextBox, para
from slidegen.plan.text import DRAWN, FITTING, Fonts, count_lines, drawn_lines, wrap
from slidegen.units import Rect, cm, pt, to_pt

FONTS, _ = Fonts.of("Calibri")
NUMBER = Marker(None, "arabicPeriod", 1)
LETTER = Marker(None, "alphaLcParenR", 1)


def test_the_lines_hold_the_text_in_order_with_its_runs():
    p = Para((Run("Genomfört "), Run("(klar)", bold=True), Run(", ny kurs 2018 och en fortsättning 2019")))
    lines = wrap(p, 20, 200, FONTS)
    assert len(lines) == count_lines(p, 20, 200, FONTS) > 1
    assert " ".join(line.text for line in lines) == p.text
    assert lines[0].spans[:2] == (("Genomfört ", p.runs[0]), ("(klar)", p.runs[1]))
    assert all(line.width <= 200 / FITTING.safety for line in lines)


def test_drawn_lines_are_never_more_than_fitting_counts():
    text = "Länsstyrelsernas miljömålssamordnare arbetar med VP-arbete/process och åtgärdsprogram " * 6
    for width in (120, 200, 333, 517):
        for size in (12, 18, 24):
            p = para(text)
            assert len(drawn_lines(p, size, width, FONTS)) <= count_lines(p, size, width, FONTS)


def test_drawn_lines_use_the_full_width_and_kerning():
    word = "Tavla"
    plain = FONTS.regular.width(word, 20)
    kerned = FONTS.drawn().regular.width(word, 20)
    assert kerned < plain, "Carlito kerns T and a"
    two = f"{word} {word}"
    room = FONTS.regular.width(two, 20) + 0.5  # fits at the full width, not with the safety margin
    assert len(drawn_lines(para(two), 20, room, FONTS)) == 1
    assert count_lines(para(two), 20, room, FONTS) == 2


def test_drawn_lines_may_end_after_a_hyphen_inside_a_word():
    p = para("Direktiv om ordinarie VP-arbete/process")
    room = FONTS.drawn().regular.width("Direktiv om ordinarie VP-", 20) + 1
    assert [line.text for line in drawn_lines(p, 20, room, FONTS)] == ["Direktiv om ordinarie VP-", "arbete/process"]
    assert [line.text for line in wrap(p, 20, room * FITTING.safety, FONTS)] == ["Direktiv om ordinarie", "VP-arbete/process"]
    assert DRAWN.inside and not FITTING.inside


def test_a_word_wider_than_a_line_is_broken_between_characters_when_drawn():
    p = para("miljökvalitetsmålsuppföljningsarbete")
    room = sum(FONTS.drawn().regular.width(ch, 20) for ch in "miljökvalitets") + 0.5  # measured a character at a time
    lines = drawn_lines(p, 20, room, FONTS)
    assert lines[0].text == "miljökvalitets" and "".join(line.text for line in lines) == p.text


def test_numbers_count_on_at_their_level_and_start_again_after_a_break():
    paras = [Para((Run("a"),), marker=NUMBER), Para((Run("b"),), marker=LETTER, level=1),
             Para((Run("c"),), marker=LETTER, level=1), Para((Run("d"),), marker=NUMBER), Para((Run("e"),)),
             Para((Run("f"),), marker=Marker(None, "arabicPeriod", 4))]
    assert numbers(paras) == [1, 1, 2, 2, 1, 4]
    assert [marker_text(NUMBER, 12), marker_text(LETTER, 3), marker_text(BULLET, 1)] == ["12.", "c)", "•"]


def box(paras, anchor="t", size=20.0) -> TextBox:
    return TextBox(Rect(cm(2), cm(3), cm(20), cm(8)), tuple(paras), size, "Calibri", "#000000", "body",
                   TEXT_INSETS, anchor=anchor)


def test_text_box_lines_are_set_as_libreoffice_sets_them():
    b = box([para("Ett", space_before=0.5), para("Två\nTre", space_before=0.5)])
    first, second, third = set_text(b, FONTS)
    top = to_pt(cm(3) + TEXT_INSETS.top)
    assert first.baseline == pytest.approx(top + 20), "one size below the top; no space before the first"
    assert second.baseline - first.baseline == pytest.approx(1.2 * 20 + 0.5 * 20)
    assert third.baseline - second.baseline == pytest.approx(1.2 * 20)
    assert first.x == pytest.approx(to_pt(cm(2) + TEXT_INSETS.left)) and first.align == "l"
    bottom = set_text(box(b.paras, anchor="b"), FONTS)
    assert bottom[-1].baseline == pytest.approx(to_pt(cm(11) - TEXT_INSETS.bottom) - 0.2 * 20)


def test_markers_hang_left_of_the_text_and_centred_lines_are_centred():
    bullet, centred = set_text(box([Para((Run("Punkt"),), marker=BULLET), para("Mitt", align="ctr")]), FONTS)
    left, hang = bullet.para.indent(20)
    assert bullet.marker == "•" and bullet.marker_x == pytest.approx(bullet.x - hang)
    assert centred.marker is None and centred.align == "ctr"
    assert centred.x == pytest.approx(to_pt(cm(2) + TEXT_INSETS.left + (cm(20) - TEXT_INSETS.left - TEXT_INSETS.right) / 2))


def test_table_cells_are_set_with_the_fonts_own_ascent_the_header_in_the_middle():
    style = TableStyle("Calibri", "#000000", "#0B3B5B", "#FFFFFF", "#FFFFFF", "#EDF2F6")
    rows = ((Cell((para("Rubrik"),)), Cell((para("B"),))), (Cell((para("Ett\nTvå"),)), Cell((para("48 %"),))))
    table = TableBox(Rect(cm(1), cm(2), cm(20), cm(4)), (cm(15), cm(5)), rows, (cm(2), cm(2)), 14, style,
                     CELL_INSETS, "Tabell")
    cells = set_table(table, FONTS)
    assert [c.header for c in cells] == [True, True, False, False] and cells[3].frame.x == cm(16)
    one, two = cells[2].lines
    assert one.baseline == pytest.approx(to_pt(cm(4) + CELL_INSETS.top) + 1536 / 2048 * 14)
    assert two.baseline - one.baseline == pytest.approx(2048 / 2048 * 14)
    header = cells[0].lines[0]
    middle = to_pt(cm(2)) + to_pt(cm(2)) / 2
    assert header.baseline - 1536 / 2048 * 14 + 14 / 2 == pytest.approx(middle, abs=0.01)
    assert FRAME_SPACING.pitch(FONTS.regular, 10) == pytest.approx(12) and CELL_SPACING.pitch(FONTS.regular, 10) == 10


def test_italic_text_is_drawn_in_the_italic_face_and_fitted_with_the_upright_one():
    word = "fungerar"
    drawn = FONTS.drawn()
    italic = drawn.pick(Run(word, italic=True))
    assert italic.name == "Carlito Italic" and drawn.pick(Run(word, italic=True, bold=True)).name == "Carlito Bold Italic"
    assert italic.width(word, 30) > drawn.regular.width(word, 30) + 1, "Carlito's italic is wider here"
    assert FONTS.pick(Run(word, italic=True)) is FONTS.regular
