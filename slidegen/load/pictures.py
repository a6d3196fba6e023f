"""Pictures from content and themes: what their bytes say they are, and their upright size, read from their header."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from PIL import Image

KINDS = ("PNG", "JPEG", "HEIC", "WebP")
"""The kinds of picture slidegen reads (HEIC: as iPhones save photos)."""

MAX_PIXELS = 120_000_000
"""Pictures with more pixels are refused before they are decoded (a guard against decompression bombs);
a phone photo has 12 to 50 megapixels, the largest phone cameras 108."""

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"GIF8", 0, "a GIF picture"),
    (b"WEBP", 8, "WebP"),
    (b"BM", 0, "a BMP picture"),
    (b"II*\x00", 0, "a TIFF picture"),
    (b"MM\x00*", 0, "a TIFF picture"),
    (b"%PDF", 0, "a PDF document"),
    (b"<svg", 0, "an SVG drawing"),
    (b"<?xml", 0, "an XML file (an SVG drawing?)"),
    (b"PK\x03\x04", 0, "a zip package (an Office document?)"),
)
"""Magic numbers: what a file's first bytes say it is."""

_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
"""Brands of the ISO media file (`ftyp`) that hold HEVC pictures, as phones save them."""

HEAD = 64
"""How many bytes of a file picture_kind looks at."""


def _iso_media_kind(head: bytes) -> str:
    """HEIC, or in words what else an ISO media file (`ftyp` box) is: AVIF, a video …"""
    size = int.from_bytes(head[:4], "big")
    brands = {head[i : i + 4] for i in range(16, min(size, len(head)) - 3, 4)} | {head[8:12]}
    if brands & {b"avif", b"avis"}:
        return "an AVIF picture"
    if head[8:12] in _HEIF_BRANDS or brands & {b"heic", b"heix"}:
        return "HEIC"
    return "a video or other media file"


def picture_kind(head: bytes) -> str | None:
    """What the first bytes of a file say it is: one of KINDS, another kind in words, or None."""
    if head[4:8] == b"ftyp":
        return _iso_media_kind(head)
    for magic, offset, kind in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return kind
    return None


def _words(kind: str) -> str:
    """`PNG` → `a PNG picture`; kinds already in words stay as they are."""
    return f"a {kind} picture" if kind in KINDS else kind


def kinds_in_words(kinds: tuple[str, ...]) -> str:
    """`PNG, JPEG, HEIC or WebP`."""
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} or {kinds[-1]}"


class PictureError(Exception):
    """A picture that is not of an accepted kind, or cannot be read; the message says which, and `advice`
    what to do when the caller's own advice (save it as …) would not help."""

    def __init__(self, message: str, advice: str | None = None) -> None:
        super().__init__(message)
        self.advice = advice


UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, struct.error)
"""What Pillow's readers raise for damaged bytes (the header: SyntaxError mostly; the body: OSError)."""


def unreadable(kind: str, exc: BaseException) -> PictureError:
    """The error for a picture whose bytes start right but cannot be decoded."""
    why = str(exc) or type(exc).__name__
    if "truncated" in why or "broken data stream" in why:
        why = "the file ends too early: was it copied or downloaded only in part?"
    return PictureError(f"starts like a {kind} picture but cannot be read ({why})")


def _open_png(path: str) -> Image.Image:
    from PIL import PngImagePlugin

    return PngImagePlugin.PngImageFile(path)


def _open_jpeg(path: str) -> Image.Image:
    from PIL import JpegImagePlugin

    return JpegImagePlugin.jpeg_factory(path)  # type: ignore[arg-type]  # a JPEG, or an MPO (several pictures)


def _open_webp(path: str) -> Image.Image:
    from PIL import WebPImagePlugin

    return WebPImagePlugin.WebPImageFile(path)


def _open_heic(path: str) -> Image.Image:
    from pillow_heif.as_plugin import HeifImageFile

    return HeifImageFile(path)


OPENERS: dict[str, Callable[[str], Image.Image]] = {
    "PNG": _open_png,
    "JPEG": _open_jpeg,
    "WebP": _open_webp,
    "HEIC": _open_heic,
}
"""The Pillow reader of each kind, given a path: it reads the header only, and without Pillow's own size
check (slidegen's MAX_PIXELS is checked instead, with a message that gives the size)."""

ORIENTATION = 0x0112
"""The EXIF tag saying how the stored pixels must be turned to stand upright (1 to 8)."""


def orientation(image: Image.Image) -> int:
    """The EXIF orientation of an opened picture (1: upright as stored), read without decoding its pixels.

    HEIC pictures come upright from their reader (it applies the container's rotation), so they say 1.
    """
    from PIL import Image

    raw = image.info.get("exif")
    if not raw:
        return 1
    exif = Image.Exif()
    try:
        exif.load(raw if isinstance(raw, bytes) else bytes(raw))
        value = int(exif.get(ORIENTATION, 1))
    except (SyntaxError, ValueError, TypeError, OSError, IndexError, KeyError):
        return 1  # damaged EXIF data says nothing about the orientation
    return value if 1 <= value <= 8 else 1


def upright(size: tuple[int, int], turn: int) -> tuple[int, int]:
    """The size of stored pixels once turned upright: orientations 5 to 8 swap width and height."""
    return (size[1], size[0]) if turn >= 5 else size


def open_picture(path: Path, kinds: tuple[str, ...] = KINDS) -> tuple[Image.Image, str]:
    """The picture opened (its header read, pixels not yet decoded) and its kind, when its bytes say it is
    one of `kinds` and it is not larger than MAX_PIXELS.

    Raises PictureError with a message like "is not a PNG picture (it is a GIF picture)".
    """
    with path.open("rb") as fh:
        head = fh.read(HEAD)
    kind = picture_kind(head)
    if kind not in kinds:
        what = ("it is empty" if not head else f"it is {_words(kind)}" if kind else "its content is not a picture")
        raise PictureError(f"is not a {kinds_in_words(kinds)} picture ({what})")
    try:
        image = OPENERS[kind](str(path))
    except UNREADABLE as exc:
        raise unreadable(kind, exc) from None
    width, height = image.size
    if not (width and height):
        image.close()
        raise PictureError(f"is a {kind} picture of {width} × {height} pixels")
    if width * height > MAX_PIXELS:
        image.close()
        raise PictureError(f"is {width} × {height} pixels ({width * height / 1e6:.0f} megapixels), more than the "
                           f"{MAX_PIXELS // 1_000_000} megapixels a picture may have",
                           "save it smaller (a slide never needs more than about 4000 pixels across)")
    return image, kind


def read_picture(path: Path, kinds: tuple[str, ...] = KINDS) -> tuple[int, int]:
    """The upright pixel size of a picture whose bytes say it is one of `kinds` (see open_picture).

    Only the header is read; the pixels are decoded, and a damaged body found, by the picture
    pipeline (render/pictures.py) before anything is written.
    """
    image, _ = open_picture(path, kinds)
    with image:
        return upright(image.size, orientation(image))
