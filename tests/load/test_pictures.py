"""Pictures are judged by their bytes and decoded to the end before a build relies on them."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from slidegen.load.pictures import PictureError, picture_kind, read_picture

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


def test_a_header_that_says_zero_pixels_is_refused(tmp_path):
    ihdr = struct.pack(">IIBBBBB", 0, 20, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    data = b"\x89PNG\r\n\x1a\n" + chunk + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    with pytest.raises(PictureError) as err:
        read_picture(write(tmp_path, "zero.png", data), ACCEPT)
    assert "cannot be read" in str(err.value) or "0 × 20 pixels" in str(err.value)


def test_a_damaged_body_is_found_before_the_build(tmp_path):
    data = png(300, 200)
    with pytest.raises(PictureError) as err:
        read_picture(write(tmp_path, "cut.png", data[: len(data) // 2]), ACCEPT)
    assert str(err.value).startswith("starts like a PNG picture but cannot be read")


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


def test_kind_is_read_from_the_first_bytes_whatever_the_name():
    assert picture_kind(png()) == "PNG"
    assert picture_kind(b"\xff\xd8\xff\xe0") == "JPEG"
    assert picture_kind(b"%PDF-1.7") == "a PDF document"
