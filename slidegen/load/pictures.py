"""Pictures from content and themes: what their bytes say they are, and their size, read to the end with Pillow."""

from __future__ import annotations

from pathlib import Path

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"GIF8", 0, "a GIF picture"),
    (b"WEBP", 8, "a WebP picture"),
    (b"ftyp", 4, "a HEIC or AVIF picture (as phones save them)"),
    (b"BM", 0, "a BMP picture"),
    (b"II*\x00", 0, "a TIFF picture"),
    (b"MM\x00*", 0, "a TIFF picture"),
    (b"%PDF", 0, "a PDF document"),
    (b"<svg", 0, "an SVG drawing"),
    (b"<?xml", 0, "an XML file (an SVG drawing?)"),
    (b"PK\x03\x04", 0, "a zip package (an Office document?)"),
)
"""Magic numbers: what a file's first bytes say it is."""


def picture_kind(head: bytes) -> str | None:
    """What the first bytes of a file say it is: `PNG`, `JPEG`, another kind in words, or None."""
    for magic, offset, kind in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return kind
    return None


def _words(kind: str) -> str:
    """`PNG` → `a PNG picture`; kinds already in words stay as they are."""
    return f"a {kind} picture" if kind in ("PNG", "JPEG") else kind


class PictureError(Exception):
    """A picture that is not of an accepted kind, or cannot be read; the message says which."""


def read_picture(path: Path, kinds: tuple[str, ...]) -> tuple[int, int]:
    """The pixel size of a picture whose bytes say it is one of `kinds` and which decodes completely.

    Raises PictureError with a message like "is not a PNG picture (it is a GIF picture)".
    """
    with path.open("rb") as fh:
        head = fh.read(16)
    kind = picture_kind(head)
    if kind not in kinds:
        what = ("it is empty" if not head else f"it is {_words(kind)}" if kind else "its content is not a picture")
        raise PictureError(f"is not a {' or '.join(kinds)} picture ({what})")
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.load()  # decode it all: a damaged file fails here, not in the middle of a build
            width, height = image.size
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise PictureError(f"starts like a {kind} picture but cannot be read ({exc})") from None
    if not (width and height):
        raise PictureError(f"is a {kind} picture of {width} × {height} pixels")
    return width, height
