"""Paths written in content files: resolved safely inside content/, and pictures checked by their bytes."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath
from typing import Any

from slidegen.errors import Problem
from slidegen.loader import Document
from slidegen.messages import suggest

MAX_PICTURE_BYTES = 5 * 2**20
"""Pictures larger than this are refused: a slide never needs more, and decks travel by e-mail."""


def resolve_reference(
    content: Path,
    ref: str,
    doc: Document,
    loc: tuple[Any, ...],
    patterns: tuple[str, ...] = ("*.yaml",),
    example: str = "survey-2015.yaml",
) -> Path | Problem:
    """The file a reference names when it is a safe path inside content/ that exists, else the problem.

    Absolute paths, `..` and links leading outside content/ are refused; a missing file gets a
    did-you-mean from the files in content/ matching `patterns`.
    """
    content = content.resolve()
    rel = Path(ref)
    if rel.is_absolute() or ref.startswith(("/", "\\")) or (len(ref) > 1 and ref[1] == ":"):
        return doc.problem(loc, f"`{ref}` is an absolute path; write it relative to content/, e.g. `{example}`")
    if ".." in rel.parts or ".." in PureWindowsPath(ref).parts:
        return doc.problem(loc, f"`{ref}` leaves the content/ folder ('..'); files must be inside content/")
    target = content / rel
    try:
        real = target.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop (RuntimeError before Python 3.13), a NUL
        return doc.problem(loc, f"`{ref}` is a link that leads nowhere (a loop); link to a real file or copy it into content/")
    if not real.is_relative_to(content):
        return doc.problem(loc, f"`{ref}` is a link that leads outside content/; copy the file into content/")
    try:
        exists = target.is_file()
    except OSError:  # e.g. a name longer than the file system allows
        exists = False
    if not exists:
        known = sorted({p.relative_to(content).as_posix() for pattern in patterns for p in content.rglob(pattern)})
        return doc.problem(loc, f"there is no file content/{ref}{suggest(ref, known)}")
    return target


PICTURE_PATTERNS = ("*.png", "*.jpg", "*.jpeg", "*.PNG", "*.JPG", "*.JPEG")


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


def check_picture(content: Path, ref: str, doc: Document, loc: tuple[Any, ...]) -> Path | Problem:
    """The picture a reference names, when it is inside content/, really a PNG or JPEG, and small enough."""
    found = resolve_reference(content, ref, doc, loc, PICTURE_PATTERNS, example="bilder/karta.png")
    if isinstance(found, Problem):
        return found
    try:
        size = found.stat().st_size
        with found.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        return doc.problem(loc, f"`{ref}` cannot be read ({exc.strerror}); check that the file is not open elsewhere")
    if size > MAX_PICTURE_BYTES:
        return doc.problem(
            loc,
            f"`{ref}` is {size / 2**20:.1f} MiB, more than the {MAX_PICTURE_BYTES // 2**20} MiB a picture may be; "
            "save it smaller (a slide needs at most about 2000 pixels across)",
        )
    kind = picture_kind(head)
    if kind in ("PNG", "JPEG"):
        return found
    what = "it is empty" if not head else f"it is {kind}" if kind else "its content is not a picture"
    return doc.problem(loc, f"`{ref}` is not a PNG or JPEG picture ({what}); save it as PNG or JPEG")
