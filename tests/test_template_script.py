"""scripts/make_template.py makes the mall theme's template and logo: the committed files are exactly its output."""

from __future__ import annotations

import runpy
import zipfile
import zlib
from pathlib import Path

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "make_template.py"
MALL = ROOT / "themes" / "mall"


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _png_pixels(path: Path) -> tuple[bytes, bytes]:
    """The IHDR header and the decompressed image data of a PNG (its compressed bytes depend on zlib's build)."""
    data = path.read_bytes()
    pos, header, idat = 8, b"", b""
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return header, zlib.decompress(idat)


def test_the_script_regenerates_the_committed_template_and_logo(tmp_path: Path):
    script = runpy.run_path(str(SCRIPT))
    written = script["write"](tmp_path)
    assert sorted(p.name for p in written) == ["logo.png", "template.pptx"]
    # part by part, byte for byte: compressed zip bytes would also depend on the zlib build
    assert _parts(tmp_path / "template.pptx") == _parts(MALL / "template.pptx")
    assert _png_pixels(tmp_path / "logo.png") == _png_pixels(MALL / "logo.png")


def test_the_script_is_deterministic():
    script = runpy.run_path(str(SCRIPT))
    assert script["template_bytes"]() == script["template_bytes"]()
