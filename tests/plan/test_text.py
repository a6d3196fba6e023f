"""Text measurement and pagination: pure Python, no python-pptx, milliseconds."""

from __future__ import annotations

import sys

import pytest

from slidegen.errors import Location
from slidegen.plan.fonts import load_metrics, metrics_for
from slidegen.plan.model import Para, Run, para
from slidegen.plan.text import (
    WIDTH_SAFETY,
    Fonts,
    TooLong,
    balanced,
    count_lines,
    paginate,
    split,
)

FONTS, _ = Fonts.of("Calibri")


def test_calibri_is_measured_with_carlito_metrics():
    metrics, notice = metrics_for("Calibri")
    assert metrics.name == "Carlito Regular"
    assert notice is None
    # Carlito's advance widths in font units (2048 per em): the digits are tabular
    assert metrics.units("0") == metrics.units("9") == 1038
    assert metrics.width("0", 24) == pytest.approx(1038 * 24 / 2048)
    assert metrics.line(20) == pytest.approx(2500 * 20 / 2048)


def test_unknown_family_falls_back_to_wider_metrics_with_a_notice():
    metrics, notice = metrics_for("Comic Neue")
    assert metrics.name == "DejaVu Sans Book"
    assert "Comic Neue" in notice and "wider" in notice
    text = "Länsstyrelsernas miljömålssamordnare"
    assert metrics.units(text) / metrics.units_per_em > load_metrics("carlito-regular").units(text) / 2048


def test_bold_is_wider_than_regular():
    assert FONTS.bold.width("Genomfört", 16) > FONTS.regular.width("Genomfört", 16)


def test_short_text_is_one_line_and_wraps_at_spaces():
    word = "miljömål"
    width = FONTS.regular.width(word, 20) * WIDTH_SAFETY
    assert count_lines(para(word, space_before=0), 20, width + 0.01, FONTS) == 1
    three = " ".join([word] * 3)
    # room for two words and a space, not three
    room = (2 * FONTS.regular.width(word, 20) + FONTS.regular.width(" ", 20)) * WIDTH_SAFETY + 0.5
    assert count_lines(para(three), 20, room, FONTS) == 2


def test_a_word_wider_than_the_line_breaks_inside_it():
    long = "väglednings/metodutvecklingsinsatser"
    full = FONTS.regular.width(long, 20) * WIDTH_SAFETY
    assert count_lines(para(long), 20, full * 0.7, FONTS) == 2
    assert count_lines(para(long), 20, full / 4.5, FONTS) >= 5


def test_explicit_line_breaks_count():
    assert count_lines(para("a\nb\nc"), 20, 500, FONTS) == 3


def test_bullet_indent_takes_width():
    text = "ord " * 30
    plain = Para((Run(text),))
    from slidegen.plan.model import BULLET

    bulleted = Para((Run(text),), marker=BULLET, level=1)
    assert count_lines(bulleted, 20, 300, FONTS) >= count_lines(plain, 20, 300, FONTS)


def test_split_keeps_marked_items_with_the_next():
    hs = [10, 10, 10, 10]
    assert split(hs, 25, [False, False, False, False]) == [[0, 1], [2, 3]]
    assert split(hs, 25, [False, True, False, False]) == [[0], [1, 2], [3]]


def test_balanced_spreads_items_evenly():
    hs = [10] * 10
    assert split(hs, 80, [False] * 10) == [list(range(8)), [8, 9]]
    assert [len(p) for p in balanced(hs, 80, [False] * 10, 2)] == [5, 5]


def test_paginate_shrinks_before_it_continues():
    paras = [para("Ett stycke text som tar lite plats på bilden.") for _ in range(6)]
    one = paginate(paras, 600, 400, FONTS, 24, 14)
    assert len(one.pages) == 1
    assert 14 <= one.size <= 24
    many = paginate(paras * 6, 600, 400, FONTS, 24, 14)
    assert len(many.pages) > 1
    assert sum(len(p) for p in many.pages) == 36


def test_one_paragraph_too_long_even_alone_is_an_error_with_its_source():
    where = Location("content/x.yaml", 7, 5, "items[0]")
    huge = Para((Run("ord " * 2000),), source=where)
    with pytest.raises(TooLong) as err:
        paginate([huge], 600, 300, FONTS, 24, 14)
    assert err.value.source == where
    assert "shorten it by about" in err.value.advice()


def test_plan_modules_import_without_pptx_or_matplotlib():
    import subprocess

    code = (
        "import sys, slidegen.plan.deck, slidegen.plan.text, slidegen.plan.table;"
        "bad=[m for m in ('pptx','matplotlib') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
