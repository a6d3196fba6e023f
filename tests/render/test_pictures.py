"""The picture pipeline: what is embedded is upright, no larger than its frame at 200 dpi, sRGB, and carries no metadata."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from photos import (
    BLUE,
    RED,
    cmyk_jpeg,
    colour_at,
    heic_photo,
    jpeg_photo,
    jpeg_segments,
    metadata_in,
    near,
    png_chunks,
    png_picture,
    swapped_profile,
    webp_photo,
)
from PIL import Image

from slidegen.load.pictures import PictureError
from slidegen.plan.model import Crop
from slidegen.render.pictures import Target, embed
from slidegen.units import cm

HALF_SLIDE = Target.of(cm(12.7), cm(14.29))
"""Half of a 16:9 slide (25.4 × 14.29 cm): 1000 × 1125 pixels at 200 dpi."""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_the_target_is_the_frame_at_200_dpi():
    assert (HALF_SLIDE.width, HALF_SLIDE.height) == (1000, 1125)
    assert HALF_SLIDE.size((4032, 3024)) == (1000, 750)  # scaled down to the frame's width
    assert HALF_SLIDE.size((3024, 4032)) == (844, 1125)  # a portrait photo: to its height
    assert HALF_SLIDE.size((640, 480)) == (640, 480)  # never scaled up


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_ends_up_upright(tmp_path, orientation):
    """The photo's marked corners (red top-left, blue top-right of the scene) are where they belong."""
    data = jpeg_photo(640, 480, orientation)
    stored = opened(data)
    assert stored.size == ((640, 480) if orientation < 5 else (480, 640))
    out = opened(embed(write(tmp_path, f"o{orientation}.jpg", data), HALF_SLIDE))
    assert out.size == (640, 480)
    assert near(colour_at(out, 0.03, 0.03), RED), colour_at(out, 0.03, 0.03)
    assert near(colour_at(out, 0.97, 0.03), BLUE), colour_at(out, 0.97, 0.03)
    assert not near(colour_at(out, 0.03, 0.97), RED) and not near(colour_at(out, 0.97, 0.97), BLUE)


def test_a_phone_photo_loses_every_kind_of_metadata(tmp_path):
    data = jpeg_photo(800, 600, 6, icc=swapped_profile())
    assert {m for m, _ in jpeg_segments(data)} >= {0xE1, 0xE2}  # the source has EXIF (GPS), XMP and ICC
    assert b"GPS" in data or b"\x88\x25" in data or b"\x25\x88" in data
    out = embed(write(tmp_path, "gps.jpg", data), HALF_SLIDE)
    assert out[:2] == b"\xff\xd8"
    assert metadata_in(out) == []
    assert b"Ficktelefon" not in out and b"Telefonbolaget" not in out and b"xmpmeta" not in out
    assert opened(out).getexif() == {}


def test_a_png_loses_its_text_chunks_exif_and_profile(tmp_path):
    data = png_picture(400, 300)
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP"} <= set(png_chunks(data))
    out = embed(write(tmp_path, "diagram.png", data), HALF_SLIDE)
    assert png_chunks(out) == [b"IHDR", b"IDAT", b"IEND"]
    assert metadata_in(out) == []
    assert b"Anna Andersson" not in out


def test_a_12_megapixel_photo_on_a_half_slide_frame_is_made_small(tmp_path):
    data = jpeg_photo(4032, 3024, 1)
    out = embed(write(tmp_path, "big.jpg", data), HALF_SLIDE)
    image = opened(out)
    assert image.format == "JPEG"
    assert image.size == (1000, 750)
    assert image.size[0] <= HALF_SLIDE.width and image.size[1] <= HALF_SLIDE.height
    assert len(out) < len(data) / 5
    assert near(colour_at(image, 0.02, 0.02), RED) and near(colour_at(image, 0.98, 0.02), BLUE)


def test_a_photo_fits_both_sides_of_a_wide_frame(tmp_path):
    """A 12.7 × 9 cm frame holds 1000 × 709 pixels at 200 dpi: a 4:3 photo fits it by its height."""
    wide = Target.of(cm(12.7), cm(9))
    out = opened(embed(write(tmp_path, "wide.jpg", jpeg_photo(4032, 3024, 6)), wide))
    assert out.size == (945, 709)  # the scene is landscape, stored portrait and turned by orientation 6
    out = opened(embed(write(tmp_path, "tall.jpg", jpeg_photo(3024, 4032, 6)), wide))
    assert out.size == (532, 709)


def test_photos_are_baseline_jpeg_at_quality_85(tmp_path):
    out = embed(write(tmp_path, "p.jpg", jpeg_photo(640, 480)), HALF_SLIDE)
    markers = [m for m, _ in jpeg_segments(out)]
    assert 0xC0 in markers or 0xC1 in markers  # baseline (or extended) sequential, not progressive (0xC2)
    assert 0xC2 not in markers
    again = embed(write(tmp_path, "p.jpg", jpeg_photo(640, 480)), HALF_SLIDE)
    assert again == out  # the same source gives the same bytes


def test_heic_and_webp_photos_become_jpeg(tmp_path):
    for name, data in (("iphone.heic", heic_photo(640, 480)), ("web.webp", webp_photo(640, 480, orientation=8))):
        out = embed(write(tmp_path, name, data), HALF_SLIDE)
        image = opened(out)
        assert image.format == "JPEG" and image.mode == "RGB" and image.size == (640, 480), name
        assert near(colour_at(image, 0.03, 0.03), RED) and near(colour_at(image, 0.97, 0.03), BLUE), name
        assert metadata_in(out) == [], name


def test_a_cmyk_jpeg_is_embedded_as_rgb(tmp_path):
    data = cmyk_jpeg()
    assert opened(data).mode == "CMYK"
    image = opened(embed(write(tmp_path, "print.jpg", data), HALF_SLIDE))
    assert image.mode == "RGB"
    assert near(colour_at(image, 0.25, 0.5), (0, 255, 255))  # cyan
    assert near(colour_at(image, 0.75, 0.5), (255, 0, 0))  # magenta + yellow


def test_an_embedded_icc_profile_is_converted_to_srgb(tmp_path):
    """In the swapped profile red and green trade places: its pure red is sRGB's green."""
    buf = io.BytesIO()
    Image.new("RGB", (200, 100), (255, 0, 0)).save(buf, format="PNG", icc_profile=swapped_profile())
    image = opened(embed(write(tmp_path, "profiled.png", buf.getvalue()), HALF_SLIDE))
    assert near(colour_at(image, 0.5, 0.5), (0, 255, 0), tolerance=30), colour_at(image, 0.5, 0.5)
    assert "icc_profile" not in image.info


def test_transparency_and_few_colours_stay_png_a_photo_png_becomes_jpeg(tmp_path):
    logo = opened(embed(write(tmp_path, "logo.png", png_picture(300, 200, alpha=True)), HALF_SLIDE))
    assert logo.format == "PNG" and logo.mode == "RGBA"
    assert logo.getpixel((10, 190))[3] == 0 and logo.getpixel((290, 10))[3] == 255
    diagram = opened(embed(write(tmp_path, "diagram.png", png_picture(300, 200)), HALF_SLIDE))
    assert diagram.format == "PNG" and diagram.mode == "RGB"
    photo = opened(embed(write(tmp_path, "photo.png", png_picture(300, 200, photo=True)), HALF_SLIDE))
    assert photo.format == "JPEG"


def test_a_png_is_scaled_down_to_its_frame(tmp_path):
    logo = opened(embed(write(tmp_path, "logo.png", png_picture(1200, 800, alpha=True)), Target.of(cm(3), cm(2))))
    assert logo.size == (236, 157) and logo.format == "PNG"


def test_a_crop_cuts_the_pixels_before_scaling(tmp_path):
    """The right half of the photo, cut away by the crop: the blue corner is then at the right edge,
    the red corner gone; and the picture has the frame's shape at its 200 dpi size."""
    path = write(tmp_path, "p.jpg", jpeg_photo(2000, 1000, 6))
    image = opened(embed(path, Target.of(cm(5.08), cm(5.08), Crop(left=0.5))))
    assert image.size == (400, 400)
    assert near(colour_at(image, 0.97, 0.03), BLUE)
    assert not near(colour_at(image, 0.03, 0.03), RED)


def test_16_bit_grey_is_embedded_as_8_bit(tmp_path):
    ramp = (np.arange(256, dtype=np.uint16)[None, :].repeat(20, 0) * 257)
    buf = io.BytesIO()
    Image.fromarray(ramp).save(buf, format="PNG")
    image = opened(embed(write(tmp_path, "grey.png", buf.getvalue()), HALF_SLIDE))
    assert image.mode == "L" and image.getpixel((0, 0)) == 0 and image.getpixel((255, 0)) == 255
    assert abs(image.getpixel((128, 0)) - 128) <= 1


def test_a_truncated_jpeg_cannot_be_embedded(tmp_path):
    data = jpeg_photo(640, 480)
    with pytest.raises(PictureError) as err:
        embed(write(tmp_path, "cut.jpg", data[: len(data) // 2]), HALF_SLIDE)
    assert str(err.value) == ("starts like a JPEG picture but cannot be read (the file ends too early: was it "
                              "copied or downloaded only in part?)")
