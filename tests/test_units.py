"""Lengths, rectangles and slide sizes: exact conversions, named sizes and sizes in cm, aspect ratios, free room."""

from __future__ import annotations

import pytest

from slidegen.units import (EMU_PER_CM, EMU_PER_PT, SLIDE_SIZES, Rect, cm, largest_free, pt, pt_to_cm, ratio_differs,
                            slide_size, to_cm, to_pt)


def test_points_and_centimetres_round_trip_through_emu():
    assert pt(1) == EMU_PER_PT == 12700
    assert cm(1) == EMU_PER_CM == 360000
    assert to_pt(pt(18.5)) == 18.5
    assert to_cm(cm(2.54)) == 2.54
    assert round(pt_to_cm(72), 4) == 2.54  # an inch either way


def test_the_two_built_in_slide_sizes_are_powerpoints():
    assert [round(to_cm(v), 3) for v in SLIDE_SIZES["16:9"]] == [33.867, 19.05]
    assert [round(to_cm(v), 3) for v in SLIDE_SIZES["4:3"]] == [25.4, 19.05]


def test_a_rectangle_splits_into_two_with_the_gap_between():
    left, right = Rect(100, 50, 1100, 400).split_h(0.5, 100)
    assert (left.x, left.w, right.x, right.w) == (100, 500, 700, 500)
    assert left.right + 100 == right.x and right.right == 1200
    assert left.bottom == right.bottom == 450


@pytest.mark.parametrize(("text", "size"), [
    ("16:9", (12192000, 6858000)),
    ("4:3", (9144000, 6858000)),
    ("16:10", (9144000, 5715000)),
    ("A4", (9906000, 6858000)),
    ("a4", (9906000, 6858000)),
    ("25.4 × 14.29 cm", (cm(25.4), cm(14.29))),
    ("67,73 x 38,1 cm", (cm(67.73), cm(38.1))),
])
def test_slide_sizes_by_name_or_in_centimetres(text, size):
    assert slide_size(text) == size


@pytest.mark.parametrize("text", ["5:4", "25.4 × 14.29", "1 × 1 cm", "big"])
def test_other_slide_sizes_are_refused_naming_the_forms(text):
    with pytest.raises(ValueError) as err:
        slide_size(text)
    assert str(err.value) == (f"`{text}` is not a slide size; write `16:9`, `16:10`, `4:3`, `A4` or a size in "
                              "centimetres such as `25.4 × 14.29 cm`")


def test_aspect_ratios_a_few_emu_apart_are_the_same():
    assert not ratio_differs((12193587, 6858000), (12192000, 6858000))  # LibreOffice's 16:9
    assert not ratio_differs((9144000, 5143500), (12192000, 6858000))  # PowerPoint's On-screen Show (16:9)
    assert not ratio_differs((10080625, 7559675), (9144000, 6858000))  # 28 × 21 cm is 4:3
    assert ratio_differs((9906000, 6858000), (9144000, 6858000))  # A4 is not 4:3


def test_the_largest_free_rectangle_keeps_clear_of_every_obstacle():
    area = Rect(0, 0, 100, 50)
    logo = Rect(80, 0, 20, 20)
    assert largest_free(area, []) == area
    assert largest_free(area, [logo]) == Rect(0, 0, 80, 50)  # narrower, full height: more room than lower
    bar = Rect(0, 40, 100, 10)
    assert largest_free(area, [logo, bar]) == Rect(0, 0, 80, 40)
    assert largest_free(area, [Rect(0, 0, 100, 50)]) is None
    assert largest_free(area, [Rect(200, 0, 10, 10)]) == area


def test_rectangles_that_only_touch_do_not_overlap():
    assert Rect(0, 0, 10, 10).intersection(Rect(10, 0, 5, 5)) is None
    assert Rect(0, 0, 10, 10).intersection(Rect(5, 5, 10, 10)) == Rect(5, 5, 5, 5)
