"""Small presentations made for the import tests: shapes, tables, charts and pictures where a test wants them,
and files that only look like presentations."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Cm, Pt

REAL_DECKS = Path(__file__).resolve().parent.parent.parent / "shared" / "real-decks"
"""The real decks of other people (shared/real-decks beside the checkout, as CI has it)."""

LAYOUT = {"title": 0, "content": 1, "section": 2, "two": 3, "title_only": 5, "blank": 6}
"""python-pptx's default template: the index of each layout used here."""


def deck() -> Presentation:
    """An empty 16:9 presentation on python-pptx's default template."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Cm(33.867), Cm(19.05)
    return prs


def slide(prs: Presentation, layout: str = "content", title: str | None = None):
    s = prs.slides.add_slide(prs.slide_layouts[LAYOUT[layout]])
    if title is not None:
        s.shapes.title.text_frame.text = title
    return s


def text_box(s, x: float, y: float, paragraphs: list[str | tuple[int, str]], w: float = 8, h: float = 2):
    """A text box at (x, y) cm with the paragraphs (`(level, text)` for a deeper one)."""
    box = s.shapes.add_textbox(Cm(x), Cm(y), Cm(w), Cm(h))
    tf = box.text_frame
    for k, para in enumerate(paragraphs):
        level, text = para if isinstance(para, tuple) else (0, para)
        p = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
        p.text = text
        p.level = level
    return box


def body(s, paragraphs: list[str | tuple[int, str]]):
    """The content placeholder of a `content` slide, filled with the paragraphs."""
    ph = s.placeholders[1]
    for k, para in enumerate(paragraphs):
        level, text = para if isinstance(para, tuple) else (0, para)
        p = ph.text_frame.paragraphs[0] if k == 0 else ph.text_frame.add_paragraph()
        p.text = text
        p.level = level
    return ph


def png(width: int = 120, height: int = 80, colour: tuple[int, int, int] = (200, 40, 40), fmt: str = "PNG") -> bytes:
    """A picture of one colour with a dark square in its top-left quarter (so crops and turns show)."""
    image = Image.new("RGB", (width, height), colour)
    for x in range(width // 4):
        for y in range(height // 4):
            image.putpixel((x, y), (10, 10, 10))
    buf = io.BytesIO()
    image.save(buf, fmt)
    return buf.getvalue()


def picture(s, data: bytes, x: float = 2, y: float = 4, w: float = 10, descr: str | None = None):
    pic = s.shapes.add_picture(io.BytesIO(data), Cm(x), Cm(y), Cm(w))
    pic._element.nvPicPr.cNvPr.set("descr", descr or "")
    return pic


def bar_chart(s, categories: list[str], series: dict[str, list[float | None]], kind=XL_CHART_TYPE.COLUMN_CLUSTERED):
    data = CategoryChartData()
    data.categories = categories
    for name, values in series.items():
        data.add_series(name, values)
    return s.shapes.add_chart(kind, Cm(2), Cm(4), Cm(20), Cm(12), data)


def table(s, rows: list[list[str]], x: float = 2, y: float = 4):
    shape = s.shapes.add_table(len(rows), len(rows[0]), Cm(x), Cm(y), Cm(20), Cm(1.2 * len(rows)))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            shape.table.cell(r, c).text = text
    return shape


def notes(s, text: str) -> None:
    s.notes_slide.notes_text_frame.text = text


def save(prs: Presentation, path: Path) -> Path:
    prs.save(str(path))
    return path


def font_size(shape, points: float) -> None:
    for p in shape.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(points)


# --- files that are not presentations -----------------------------------------------------------------------------

def ole_file(path: Path, *stream_names: str) -> Path:
    """A compound (OLE) file, as Office 97–2003 wrote them, whose directory names the given streams."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHH", header, 24, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 30, 9)  # 512-byte sectors
    struct.pack_into("<I", header, 48, 0)  # the directory starts in sector 0
    directory = bytearray()
    for name in ("Root Entry", *stream_names):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[: len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    directory += bytes(-len(directory) % 512)
    path.write_bytes(bytes(header) + bytes(directory))
    return path


def zip_file(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def with_part(source: Path, target: Path, part: str, change) -> Path:
    """A copy of a package with one part's bytes changed by `change(bytes) -> bytes` (or added)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        for name in names:
            data = src.read(name)
            dst.writestr(name, change(data) if name == part else data)
        if part not in names:
            dst.writestr(part, change(b""))
    return target
