"""Lengths: points, centimetres and EMU convert exactly; rectangles split side by side."""

from __future__ import annotations

from slidegen.units import EMU_PER_CM, EMU_PER_PT, SLIDE_SIZES, Rect, cm, pt, pt_to_cm, to_cm, to_pt


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
