"""Writing results: reproducible zip bytes and atomic replacement of output files."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import struct
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Callable, Mapping

from slidegen.errors import ToolError
from slidegen.stamp import EPOCH


KEPT = (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)
"""Compressions an entry keeps (stored: already compressed pictures); any other is deflated."""


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same package with fixed entry dates and permissions, so equal content gives equal bytes.

    Workbooks embedded in native charts are normalised the same way, and their `created` and
    `modified` stamps are set to `when`. When no entry's content has to change, the dates and
    permissions are written into the zip's headers in place, without unpacking anything.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    if not any(_needs_rewrite(src, info, when) for info in src.infolist()):
        stamped = _restamp(data, max(when, EPOCH))
        if stamped is not None:
            return stamped
    return _rewrite(src, when)


def _needs_rewrite(src: zipfile.ZipFile, info: zipfile.ZipInfo, when: dt.datetime) -> bool:
    if info.filename.endswith(".xlsx"):
        return True
    if info.filename == "docProps/core.xml":
        body = src.read(info.filename)
        return _stamp_core(body, when) != body
    return info.compress_type not in KEPT or info.flag_bits & 0x08 or bool(info.extra)


def _rewrite(src: zipfile.ZipFile, when: dt.datetime) -> bytes:
    """Every entry unpacked and written again with the fixed date and permissions."""
    stamp = max(when, EPOCH).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.endswith(".xlsx"):
                body = normalise_zip(body, when)
            elif info.filename == "docProps/core.xml" and b"<dcterms:created" in body:
                body = _stamp_core(body, when)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = info.compress_type if info.compress_type in KEPT else zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            dst.writestr(entry, body, compresslevel=6)
    return out.getvalue()


def _restamp(data: bytes, when: dt.datetime) -> bytes | None:
    """The zip with every entry's date, system (Unix) and permissions (0644) set in its headers.

    This is what _rewrite gives for a zip written by Python's zipfile (as python-pptx writes it),
    byte for byte, without decompressing and compressing again; None for a zip of another kind.
    """
    buf = bytearray(data)
    end = len(buf) - 22
    if end < 0 or buf[end:end + 4] != b"PK\x05\x06":
        return None
    count, _, offset = struct.unpack_from("<HII", buf, end + 10)
    time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    date = ((when.year - 1980) << 9) | (when.month << 5) | when.day
    pos = offset
    for _ in range(count):
        if buf[pos:pos + 4] != b"PK\x01\x02":
            return None
        names, extra, comment = struct.unpack_from("<HHH", buf, pos + 28)
        local = struct.unpack_from("<I", buf, pos + 42)[0]
        if buf[local:local + 4] != b"PK\x03\x04":
            return None
        buf[pos + 5] = 3
        struct.pack_into("<HH", buf, pos + 12, time, date)
        struct.pack_into("<I", buf, pos + 38, 0o644 << 16)
        struct.pack_into("<HH", buf, local + 10, time, date)
        pos += 46 + names + extra + comment
    return bytes(buf)


_CREATED = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def _stamp_core(body: bytes, when: dt.datetime) -> bytes:
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return _CREATED.sub(lambda m: m.group(1) + iso + m.group(3), body)


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\(D:\d{14}")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")
_PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}")


def normalise_pdf(data: bytes, when: dt.datetime, seed: bytes) -> bytes:
    """A PDF as LibreOffice writes it, with its creation date set to `when`, its ID and checksum made from `seed`.

    Both are replaced by text of the same length, so every offset in the file stays right; the
    same deck then gives the same PDF bytes on every machine and run.
    """
    stamp = when.strftime("%Y%m%d%H%M%S").encode()
    ident = hashlib.sha256(seed).hexdigest()[:32].upper().encode()
    data = _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b"(D:" + stamp, data)
    data = _PDF_CHECKSUM.sub(lambda m: m.group(0)[:-32] + ident, data)
    return _PDF_ID.sub(lambda m: m.group(0).replace(m.group(1), ident).replace(m.group(2), ident), data)


STALE_SECONDS = 60
"""A temporary file untouched this long was left by a killed run (a live write takes well under a second)."""

_TEMP = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
"""The names write_atomic gives its temporary files: `.<name>.<8 random characters>.tmp`."""


LOCKING = os.name == "nt"
"""Windows refuses to replace a file that another program (PowerPoint) has open; elsewhere that never happens."""


class FileLocked(ToolError):
    """The target is open in another program (Windows locks it), so it cannot be replaced; it is left as it was."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"cannot replace {path}: it is open in another program")
        self.path = path


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write a file so that it is either the old or the new one, never half written.

    The data goes to a hidden temporary file in the same folder, is flushed to disk (unless not
    `durable`: a preview picture drawn again on every save need not wait for the disk), and then
    renamed over the target. Temporary files that a killed run left in the folder are removed
    after the next successful write there, once they are older than STALE_SECONDS. A file that
    cannot be written raises ToolError saying which and why.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ToolError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, PermissionError) and LOCKING and path.exists():
            raise FileLocked(path) from None
        if isinstance(exc, OSError):
            raise ToolError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    if durable:
        _sync_folder(path.parent)
    remove_stale_temps(path.parent)


def write_folder(folder: Path, files: Mapping[str, bytes], suffix: str) -> None:
    """A deck's folder of files (its slides' pictures): each file replaced atomically where it changed, and the
    files with `suffix` it no longer has removed (others, such as LibreOffice's pictures beside them, stay)."""
    folder = Path(folder)
    for name, data in files.items():
        target = folder / name
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        write_atomic(target, data, durable=False)
    for stale in folder.glob(f"*{suffix}"):
        if stale.name not in files:
            try:
                stale.unlink()
            except OSError as exc:
                raise ToolError(f"cannot remove {stale}: {exc.strerror or exc}") from None


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk, where the system allows it."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files of killed writes in a folder (older than STALE_SECONDS); returns them."""
    now = time.time() if now is None else now
    removed = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not _TEMP.match(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:  # removed by another run meanwhile, or not ours to remove: leave it
                continue
    return removed


def cached(path: Path | None, make: Callable[[], bytes]) -> bytes:
    """A cache file's bytes when it is there, else made and kept in it (none: always made).

    A cache that cannot be written only costs time: the bytes are returned all the same.
    """
    if path is not None and path.is_file():
        return path.read_bytes()
    data = make()
    if path is not None:
        try:
            write_atomic(path, data)
        except ToolError:
            pass
    return data
