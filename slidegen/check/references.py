"""Paths written in content files: resolved safely inside content/, and pictures checked by their bytes."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath
from typing import Any

from slidegen.errors import Problem, suggest
from slidegen.load.document import Document
from slidegen.load.pictures import KINDS, PictureError, read_picture

MAX_PICTURE_BYTES = 50 * 2**20
"""Picture files larger than this are refused (a phone photo is 2 to 15 MiB); what is embedded is made
smaller by the picture pipeline, so the deck stays small enough to mail."""


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


PICTURE_PATTERNS = tuple(f"*.{s}" for suffix in ("png", "jpg", "jpeg", "heic", "heif", "webp")
                         for s in (suffix, suffix.upper()))


def check_picture(content: Path, ref: str, doc: Document, loc: tuple[Any, ...]) -> tuple[Path, tuple[int, int]] | Problem:
    """The picture a reference names and its upright pixel size, when it is inside content/, small enough,
    and really a PNG, JPEG, HEIC or WebP picture whose header can be read (its pixels are decoded by the
    picture pipeline, before anything is written)."""
    found = resolve_reference(content, ref, doc, loc, PICTURE_PATTERNS, example="bilder/karta.png")
    if isinstance(found, Problem):
        return found
    try:
        size = found.stat().st_size
    except OSError as exc:
        return doc.problem(loc, f"`{ref}` cannot be read ({exc.strerror}); check that the file is not open elsewhere")
    if size > MAX_PICTURE_BYTES:
        return doc.problem(
            loc,
            f"`{ref}` is {size / 2**20:.1f} MiB, more than the {MAX_PICTURE_BYTES // 2**20} MiB a picture file may be; "
            "save it smaller (a slide never needs more than about 4000 pixels across)",
        )
    try:
        return found, read_picture(found, KINDS)
    except PictureError as exc:
        return doc.problem(loc, f"`{ref}` {exc}; {exc.advice or 'save it as PNG or JPEG'}")
