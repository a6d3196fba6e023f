"""Writing results: reproducible zip bytes and atomic replacement of output files."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

from slidegen.stamp import EPOCH

def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same package with fixed entry dates and permissions, so equal content gives equal bytes.

    Workbooks embedded in native charts are normalised the same way, and their `created` and
    `modified` stamps are set to `when`.
    """
    stamp = max(when, EPOCH).timetuple()[:6]
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.endswith(".xlsx"):
                body = normalise_zip(body, when)
            elif info.filename == "docProps/core.xml" and b"<dcterms:created" in body:
                body = _stamp_core(body, when)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            dst.writestr(entry, body, compresslevel=6)
    return out.getvalue()


_CREATED = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def _stamp_core(body: bytes, when: dt.datetime) -> bytes:
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return _CREATED.sub(lambda m: m.group(1) + iso + m.group(3), body)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that it is either the old or the new one, never half written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
