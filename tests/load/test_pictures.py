"""Pictures are judged by their bytes and measured upright from their header, before a build relies on them."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from photos import heic_photo, jpeg_photo, png_header_only, webp_photo
from PIL import Image

from slidegen.load.pictures import MAX_PIXELS, PictureError, picture_kind, read_picture

ACCEPT = ("PNG", "JPEG")


def png(width: int = 30, height: int = 20) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), "#336699").save(buf, format="PNG")
    return buf.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_png_and_jpeg_give_their_pixel_size(tmp_path):
    assert read_picture(write(tmp_path, "a.png", png(30, 20)), ACCEPT) == (30, 20)
    buf = io.BytesIO()
    Image.new("RGB", (64, 48)).save(buf, format="JPEG", icc_profile=bytes(150_000))  # metadata far past 64 KiB
    assert read_picture(write(tmp_path, "b.jpg", buf.getvalue()), ACCEPT) == (64, 48)


@pytest.mark.parametrize("orientation, size", [(1, (64, 48)), (3, (64, 48)), (5, (64, 48)), (6, (64, 48)),
                                               (8, (64, 48))])
def test_the_size_is_the_upright_size(tmp_path, orientation, size):
    """A phone stores a portrait photo as landscape pixels plus orientation 6: the layout needs it upright."""
    data = jpeg_photo(*size, orientation=orientation)
    stored = Image.open(io.BytesIO(data)).size
    assert stored == (size if orientation < 5 else size[::-1])
    assert read_picture(write(tmp_path, "p.jpg", data)) == size


def test_heic_and_webp_are_read(tmp_path):
    assert read_picture(write(tmp_path, "iphone.heic", heic_photo(96, 64))) == (96, 64)
    assert read_picture(write(tmp_path, "web.webp", webp_photo(80, 60, orientation=6))) == (80, 60)


def test_a_header_that_says_zero_pixels_is_refused(tmp_path):
    ihdr = struct.pack(">IIBBBBB", 0, 20, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    data = b"\x89PNG\r\n\x1a\n" + chunk + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    with pytest.raises(PictureError) as err:
        read_picture(write(tmp_path, "zero.png", data), ACCEPT)
    assert "cannot be read" in str(err.value) or "0 × 20 pixels" in str(err.value)


def test_a_damaged_header_is_found(tmp_path):
    data = png(300, 200)
    with pytest.raises(PictureError) as err:
        read_picture(write(tmp_path, "cut.png", data[:20]), ACCEPT)
    assert str(err.value).startswith("starts like a PNG picture but cannot be read")


def test_a_decompression_bomb_is_refused_from_its_header(tmp_path):
    with pytest.raises(PictureError) as err:
        read_picture(write(tmp_path, "bomb.png", png_header_only(30000, 30000)))
    assert str(err.value) == ("is 30000 × 30000 pixels (900 megapixels), more than the 120 megapixels a picture "
                              "may have")
    assert err.value.advice and err.value.advice.startswith("save it smaller")
    side = int(MAX_PIXELS**0.5)
    assert read_picture(write(tmp_path, "large.png", png_header_only(side, side))) == (side, side)


@pytest.mark.parametrize(
    "data, says",
    [
        (b"GIF89a" + bytes(20), "is not a PNG or JPEG picture (it is a GIF picture)"),
        (b"", "is not a PNG or JPEG picture (it is empty)"),
        (b"just some text", "is not a PNG or JPEG picture (its content is not a picture)"),
    ],
)
def test_other_bytes_are_named(tmp_path, data, says):
    with pytest.raises(PictureError) as err:
        read_picture(write(tmp_path, "x.png", data), ACCEPT)
    assert str(err.value) == says


def test_a_heic_name_on_a_text_file(tmp_path):
    with pytest.raises(PictureError) as err:
        read_picture(write(tmp_path, "foto.heic", "Det här är ingen bild.\n".encode()))
    assert str(err.value) == "is not a PNG, JPEG, HEIC or WebP picture (its content is not a picture)"


def test_kind_is_read_from_the_first_bytes_whatever_the_name():
    assert picture_kind(png()) == "PNG"
    assert picture_kind(b"\xff\xd8\xff\xe0") == "JPEG"
    assert picture_kind(b"%PDF-1.7") == "a PDF document"
    assert picture_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "WebP"
    assert picture_kind(heic_photo(32, 32)) == "HEIC"
    assert picture_kind(b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf") == "an AVIF picture"
    assert picture_kind(b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avifmiaf") == "an AVIF picture"
    assert picture_kind(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom") == "a video or other media file"
