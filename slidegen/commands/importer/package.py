"""Opening a file to import: what it is, refused in one line unless it is a presentation that is safe to unpack."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from slidegen.errors import SlidegenError

MAX_FILE = 512 * 2**20
"""Bytes a file to import may have (a deck with films can be large; more is not a meeting deck)."""
MAX_UNPACKED = 2 * 2**30
"""Bytes all parts may unpack to together."""
MAX_PART = 512 * 2**20
"""Bytes one part may unpack to."""
MAX_XML_PART = 64 * 2**20
"""Bytes one XML part may unpack to (a slide's XML is kilobytes; a 64 MiB one is an attack)."""
MAX_RATIO = 200
"""How many times larger than its packed size a part of more than a mebibyte may unpack to (text packs ~10×)."""
MAX_ENTRIES = 20_000
"""Parts a package may have."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
SAVE_AS = "open it in PowerPoint or LibreOffice and save it as .pptx"

_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": "",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": "slide show (.ppsx)",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": "slide show (.ppsm)",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": "template (.potx)",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": "template (.potm)",
}
"""Content types of a presentation's main part; python-pptx opens only the first two, the others are retyped."""
PRESENTATION_TYPE = next(iter(_MAIN_TYPES))

_OTHER_OFFICE = (
    ("word/", "a Word document", "copy its text into a presentation, or write the deck file by hand"),
    ("xl/", "an Excel workbook", "make a presentation of it first, or put its tables in CSV files under content/"),
)
_KEYNOTE = ("Index.zip", "index.apxl", "index.apxl.gz", "Index/Document.iwa")
_KEYNOTE_HINT = "export it from Keynote as PowerPoint (File → Export To → PowerPoint) and import the .pptx"


class ImportRefused(SlidegenError):
    """The file cannot be imported; the message says what it is and what to do, in one line."""


def refuse(path: Path, what: str) -> ImportRefused:
    """`NAME what`: the error for a file that cannot be imported."""
    return ImportRefused(f"{path.name} {what}; nothing was written")


def read_package(path: Path) -> tuple[zipfile.ZipFile, bytes]:
    """The file's zip package, when it is a presentation whose parts may be unpacked safely.

    Refuses (ImportRefused) folders, empty files, old binary Office files (.ppt, password-protected
    files), Keynote and OpenDocument files, other zips, damaged or truncated zips, zip bombs and XML
    with document type declarations (where entity expansion attacks live).
    """
    path = Path(path)
    if path.is_dir():
        hint = _KEYNOTE_HINT if path.suffix.lower() == ".key" else "give the .pptx file inside it"
        raise refuse(path, f"is a folder, not a file (a Keynote package?); {hint}")
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise refuse(path, f"is {size / 2**20:.0f} MiB, more than the {MAX_FILE // 2**20} MiB a deck to import may be")
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise refuse(path, "is empty (0 bytes)")
    if data.startswith(_OLE):
        raise refuse(path, _ole_kind(data))
    if not data.startswith(_ZIP):
        raise refuse(path, f"is not a PowerPoint presentation (.pptx){_sniff(data)}; {SAVE_AS}")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise refuse(path, f"is damaged or incomplete (cut off while copying?): its zip package cannot be opened ({exc}); "
                           "copy it again, or open it in PowerPoint and save it again") from None
    _check_sizes(path, entries)
    names = {info.filename for info in entries}
    main = _main_type(path, package, names)
    _check_xml(path, package, entries)
    return package, _retyped(package, main) if main != PRESENTATION_TYPE else data


def _ole_kind(data: bytes) -> str:
    """What an old binary Office (OLE compound) file is, in words, with what to do."""
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return ("is protected with a password; open it in PowerPoint, remove the password "
                "(File → Info → Protect Presentation) and save it again as .pptx")
    if "PowerPoint Document".encode("utf-16-le") in data:
        return f"is a PowerPoint 97–2003 presentation (.ppt), which slidegen cannot read; {SAVE_AS}"
    if "WordDocument".encode("utf-16-le") in data:
        return "is an old Word document (.doc), not a presentation"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "is an old Excel workbook (.xls), not a presentation"
    return f"is an old binary Office file, not a PowerPoint presentation (.pptx); {SAVE_AS}"


_SNIFFS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"<?xml", "an XML file"),
    (b"<", "an HTML or XML file"),
)


def _sniff(data: bytes) -> str:
    """` (it is a PDF document)`, or ` (its content is not a zip package)` when it is nothing known."""
    head = data[:16].lstrip()
    for magic, kind in _SNIFFS:
        if head.startswith(magic):
            return f" (it is {kind})"
    return " (its content is not a zip package, as every .pptx is)"


def _check_sizes(path: Path, entries: list[zipfile.ZipInfo]) -> None:
    """Refuse packages that would unpack to more than is sane: too many parts, too large parts, too much in all.

    zipfile stops unpacking a part at its declared size (and fails on the checksum), so the declared
    sizes bound what reading can produce.
    """
    if len(entries) > MAX_ENTRIES:
        raise refuse(path, f"has {len(entries)} parts, more than a presentation ever has ({MAX_ENTRIES}); it is not imported")
    total = 0
    for info in entries:
        limit = MAX_XML_PART if _is_xml(info.filename) else MAX_PART
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limit or (info.file_size > 2**20 and ratio > MAX_RATIO):
            raise refuse(path, f"has a part ({info.filename[:80]}) that unpacks to {info.file_size / 2**20:.0f} MiB "
                               f"from {info.compress_size / 2**20:.1f} MiB (a zip bomb?); it is not imported")
        total += info.file_size
    if total > MAX_UNPACKED:
        raise refuse(path, f"unpacks to {total / 2**30:.1f} GiB, more than {MAX_UNPACKED // 2**30} GiB (a zip bomb?); it is not imported")


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml")) or name == "[Content_Types].xml"


_DEFAULT = re.compile(rb'<Default\s[^>]*Extension="([^"]+)"[^>]*ContentType="([^"]+)"', re.IGNORECASE)
_OVERRIDE = re.compile(rb'<Override\s[^>]*PartName="([^"]+)"[^>]*ContentType="([^"]+)"', re.IGNORECASE)
_OVERRIDE_REVERSED = re.compile(rb'<Override\s[^>]*ContentType="([^"]+)"[^>]*PartName="([^"]+)"', re.IGNORECASE)
_MAIN_REL = re.compile(rb'<Relationship\s[^>]*Type="[^"]*/officeDocument"[^>]*>', re.IGNORECASE)
_TARGET = re.compile(rb'Target="([^"]+)"', re.IGNORECASE)


def _main_type(path: Path, package: zipfile.ZipFile, names: set[str]) -> str:
    """The content type of the package's main part, when it is a presentation; else what the zip is."""
    if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
        raise refuse(path, _other_zip(package, names))
    try:
        rels = package.read("_rels/.rels")
        types = package.read("[Content_Types].xml")
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise refuse(path, f"is damaged: its zip package cannot be unpacked ({exc}); open it in PowerPoint and save it again") from None
    rel = _MAIN_REL.search(rels)
    target = _TARGET.search(rel.group(0)) if rel else None
    if target is None:
        raise refuse(path, f"is a zip package without a main document, not a presentation; {SAVE_AS}")
    part = "/" + target.group(1).decode("utf-8", "replace").lstrip("/")
    overrides = {m[0].decode("utf-8", "replace"): m[1].decode("utf-8", "replace") for m in _OVERRIDE.findall(types)}
    overrides.update({m[1].decode("utf-8", "replace"): m[0].decode("utf-8", "replace") for m in _OVERRIDE_REVERSED.findall(types)})
    main = overrides.get(part, "")
    if main not in _MAIN_TYPES:
        for prefix, kind, hint in _OTHER_OFFICE:
            if any(n.startswith(prefix) for n in names):
                raise refuse(path, f"is {kind}, not a presentation; {hint}")
        raise refuse(path, f"is an Office package but not a presentation (its main part is {main or 'of no known type'}); {SAVE_AS}")
    if part.lstrip("/") not in names:
        raise refuse(path, f"is damaged: its main part {part} is missing; open it in PowerPoint and save it again")
    return main


def _other_zip(package: zipfile.ZipFile, names: set[str]) -> str:
    """What a zip that is no Office package is, with what to do."""
    if any(n in names or n.rstrip("/") in names for n in _KEYNOTE) or any(n.startswith("Index/") for n in names):
        return f"is a Keynote presentation, which slidegen cannot read; {_KEYNOTE_HINT}"
    if "mimetype" in names:
        try:
            mimetype = package.read("mimetype")[:100].decode("ascii", "replace")
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            mimetype = ""
        if "opendocument.presentation" in mimetype:
            return "is an OpenDocument presentation (.odp); open it in LibreOffice Impress and save it as .pptx"
        if "opendocument" in mimetype:
            return "is an OpenDocument file, not a presentation"
    return f"is a zip file but not a PowerPoint presentation (it has no [Content_Types].xml); {SAVE_AS}"


_DOCTYPE = ("<!DOCTYPE", "<!ENTITY")
PROLOG_BYTES = 64 * 1024
"""How much of each XML part is searched for a document type declaration (it must come before the first element)."""


def _check_xml(path: Path, package: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> None:
    """Refuse XML parts with a document type declaration: PowerPoint never writes one, and entity expansion
    ("billion laughs") and external entities need one."""
    for info in entries:
        if not _is_xml(info.filename) or info.is_dir():
            continue
        try:
            with package.open(info) as fh:
                head = fh.read(PROLOG_BYTES)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise refuse(path, f"is damaged: the part {info.filename[:80]} cannot be unpacked ({exc}); "
                               "open it in PowerPoint and save it again") from None
        text = _decode(head)
        if any(marker in text for marker in _DOCTYPE):
            raise refuse(path, f"has a document type declaration (<!DOCTYPE …>) in {info.filename[:80]}, which PowerPoint "
                               "never writes and which XML attacks (entity expansion) use; it is not imported")


def _decode(head: bytes) -> str:
    """The start of an XML part as text, whether it is UTF-8 or UTF-16 (with or without a byte-order mark)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "replace")
    if head[:2] == b"<\x00":
        return head.decode("utf-16-le", "replace")
    if head[:2] == b"\x00<":
        return head.decode("utf-16-be", "replace")
    return head.decode("utf-8", "replace")


def _retyped(package: zipfile.ZipFile, main: str) -> bytes:
    """The package with its main part typed as a presentation (slide shows and templates differ only in that)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in package.infolist():
            body = package.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(main.encode(), PRESENTATION_TYPE.encode())
            dst.writestr(info, body)
    return out.getvalue()


READ_ERRORS: tuple[type[BaseException], ...] = (
    KeyError, ValueError, TypeError, AttributeError, IndexError, zipfile.BadZipFile, EOFError, OSError,
    NotImplementedError, RecursionError,
)
"""What python-pptx raises on a package that is damaged inside (missing parts, bad XML, broken streams)."""


def xml_errors() -> tuple[type[BaseException], ...]:
    """READ_ERRORS with lxml's and zlib's errors (imported when needed)."""
    import zlib

    from lxml import etree

    return (*READ_ERRORS, etree.LxmlError, zlib.error)


def open_presentation(path: Path) -> Any:
    """A python-pptx Presentation of the file, or ImportRefused saying why it cannot be imported."""
    from pptx import Presentation

    _, data = read_package(path)
    try:
        return Presentation(io.BytesIO(data))
    except xml_errors() as exc:
        raise refuse(path, f"is damaged inside and cannot be read ({_short(exc)}); open it in PowerPoint and save it again") from None


def _short(exc: BaseException) -> str:
    """An exception as a few words on one line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"
