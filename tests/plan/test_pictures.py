"""Pictures in the plan: a frame of the picture's shape, and a note when it has too few pixels for it."""

from __future__ import annotations

from pathlib import Path

from slidegen.errors import Location
from slidegen.plan.model import NO_CROP, Crop, PictureBox
from slidegen.plan.pictures import fit_picture, blurry_note
from slidegen.units import Rect, cm

AT = Location("content/examples/gotland-1.yaml", 9, 10, "picture")


def box(pixels: tuple[int, int] | None, w_cm: float = 10.16, h_cm: float = 7.62, crop: Crop = NO_CROP) -> PictureBox:
    """A picture on a 4 × 3 inch frame (10.16 × 7.62 cm)."""
    return PictureBox(Rect(0, 0, cm(w_cm), cm(h_cm)), Path("/p/content/bilder/foto.jpg"), "Foto", pixels=pixels,
                      crop=crop, source=AT)


def test_the_frame_has_the_upright_pictures_shape():
    assert fit_picture(Rect(0, 0, 1000, 1000), (400, 300)) == Rect(0, 0, 1000, 750)
    assert fit_picture(Rect(0, 0, 1000, 1000), (300, 400)) == Rect(125, 0, 750, 1000)


def test_a_picture_under_100_dpi_gets_a_note_with_the_pixels_it_needs():
    assert blurry_note(box((400, 300))) is None  # exactly 100 dpi
    assert blurry_note(box((399, 299))) == (
        "content/examples/gotland-1.yaml:9:10: picture: `foto.jpg` is 399 × 299 pixels, 99 dpi on its 10.2 × 7.6 cm "
        "frame, and will look blurry; a picture of 800 × 600 pixels would be sharp"
    )
    assert blurry_note(box((200, 150))).startswith(  # type: ignore[union-attr]
        "content/examples/gotland-1.yaml:9:10: picture: `foto.jpg` is 200 × 150 pixels, 50 dpi on its")
    assert blurry_note(box(None)) is None  # a size not known: nothing said


def test_a_crop_counts_only_the_part_shown():
    assert blurry_note(box((800, 300))) is None
    note = blurry_note(box((800, 300), crop=Crop(left=0.25, right=0.25)))  # 400 of the 800 columns shown
    assert note is None
    note = blurry_note(box((600, 300), crop=Crop(left=0.25, right=0.25)))  # 300 columns over 4 inches: 75 dpi
    assert note is not None and "600 × 300 pixels, 75 dpi" in note and "a picture of 1600 × 600 pixels" in note
