"""PDF and slide pictures through LibreOffice headless: one run for all decks, checked page by page."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from slidegen.errors import ToolError
from slidegen.output.files import write_atomic

INSTALL_HINT = (
    "LibreOffice is needed for PDFs and previews (the .pptx build itself does not need it); "
    "install it, e.g. `apt-get install libreoffice-impress fonts-crosextra-carlito` on Debian or Ubuntu"
)

TIMEOUT = 300
"""Seconds one LibreOffice run may take for all decks together."""

_CANDIDATES = (
    "soffice",
    "libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice program, if installed (SLIDEGEN_SOFFICE overrides the search)."""
    override = os.environ.get("SLIDEGEN_SOFFICE")
    if override:
        return override if Path(override).is_file() or shutil.which(override) else None
    for candidate in _CANDIDATES:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    return None


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


@dataclass(frozen=True)
class Deck:
    """A built deck to convert: its .pptx file and how many slides it has."""

    pptx: Path
    slides: int


def to_pdf(decks: list[Deck], timeout: float = TIMEOUT) -> dict[Path, bytes]:
    """PDF bytes per deck, from one LibreOffice run with a private profile; checked to have every slide.

    LibreOffice exits 0 even when it could not load a file, so each PDF must exist and have one
    page per slide, or nothing is returned.
    """
    soffice = find_soffice()
    if soffice is None:
        raise ToolError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="slidegen-lo-") as tmp:
        work = Path(tmp)
        profile = (work / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
               "--convert-to", "pdf:impress_pdf_Export", "--outdir", str(work / "pdf"),
               *(str(d.pptx) for d in decks)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ToolError(f"LibreOffice did not finish within {timeout:.0f} s; nothing was converted") from None
        out: dict[Path, bytes] = {}
        for deck in decks:
            pdf = work / "pdf" / (deck.pptx.stem + ".pdf")
            if not pdf.is_file():
                detail = (proc.stderr or proc.stdout).strip().splitlines()
                raise ToolError(
                    f"LibreOffice could not convert {deck.pptx.name} to PDF"
                    + (f" ({detail[-1]})" if detail else "")
                )
            data = pdf.read_bytes()
            pages = page_count(data)
            if pages != deck.slides:
                raise ToolError(f"the PDF of {deck.pptx.name} has {pages} pages for {deck.slides} slides")
            out[deck.pptx] = data
        return out


def slide_pictures(pdf: bytes, width_px: int = 1280, optimize: bool = True) -> list[bytes]:
    """Every page of a PDF as a PNG `width_px` wide.

    `optimize` makes the files a few per cent smaller and takes about four times as long: worth it
    for pictures that are kept, not for a live preview redrawn on every save.
    """
    import io

    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    pictures = []
    try:
        for page in doc:
            scale = width_px / page.get_width()
            image = page.render(scale=scale).to_pil()
            buf = io.BytesIO()
            image.save(buf, format="PNG", optimize=optimize)
            pictures.append(buf.getvalue())
            page.close()
    finally:
        doc.close()
    return pictures


def contact_sheet(pictures: list[bytes], columns: int = 4, thumb_px: int = 400, gap: int = 12) -> bytes:
    """All slides as thumbnails on one picture, in reading order."""
    import io

    from PIL import Image

    thumbs = []
    for data in pictures:
        image = Image.open(io.BytesIO(data)).convert("RGB")
        image.thumbnail((thumb_px, thumb_px * 2))
        thumbs.append(image)
    w = max(t.width for t in thumbs)
    h = max(t.height for t in thumbs)
    rows = -(-len(thumbs) // columns)
    cols = min(columns, len(thumbs))
    sheet = Image.new("RGB", (cols * w + (cols + 1) * gap, rows * h + (rows + 1) * gap), "#8A9299")
    for i, thumb in enumerate(thumbs):
        r, c = divmod(i, columns)
        sheet.paste(thumb, (gap + c * (w + gap), gap + r * (h + gap)))
    buf = io.BytesIO()
    sheet.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def write_slide_pictures(pictures: list[bytes], folder: Path) -> list[Path]:
    """folder/slide-NN.png, one per picture, each replaced atomically; slide pictures beyond them removed."""
    written = []
    for i, data in enumerate(pictures, start=1):
        target = Path(folder) / f"slide-{i:02d}.png"
        write_atomic(target, data)
        written.append(target)
    for stale in Path(folder).glob("slide-*.png"):
        if stale not in written:
            stale.unlink()
    return written


def write_preview(deck: Deck, pdf: bytes, out_dir: Path, width_px: int = 1280) -> list[Path]:
    """output/preview/<deck>/slide-NN.png and output/preview/<deck>-contact.png; old slide pictures removed."""
    pictures = slide_pictures(pdf, width_px)
    written = write_slide_pictures(pictures, Path(out_dir) / deck.pptx.stem)
    sheet = Path(out_dir) / f"{deck.pptx.stem}-contact.png"
    write_atomic(sheet, contact_sheet(pictures))
    return [*written, sheet]
