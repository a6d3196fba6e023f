"""Checks of decks built on real templates, on the slides LibreOffice rendered: contrast, title areas, decoration."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from lxml import etree
from overflow import TOLERANCE, shape_boxes
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu

from slidegen.colour import contrast

DPI = 100
TEXT, LARGE = 4.5, 3.0
LARGE_PT = 18.0
WORST_SHARE = 0.02
"""The contrast of a word is that of its worst 2 % of pixels: the edges of a bar's anti-aliasing do not count."""

TITLE_TYPES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
TEXT_TYPES = TITLE_TYPES | {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE}
FOOTER_TYPES = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


@dataclass(frozen=True)
class R:
    """A rectangle in points."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlap(self, other: "R") -> float:
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        return w * h if w > 0 and h > 0 else 0.0

    @property
    def area(self) -> float:
        return max(0.0, self.x1 - self.x0) * max(0.0, self.y1 - self.y0)


def rect_of(shape) -> R:
    x, y = Emu(shape.left or 0).pt, Emu(shape.top or 0).pt
    return R(x, y, x + Emu(shape.width or 0).pt, y + Emu(shape.height or 0).pt)


def blank_copy(pptx: Path, target: Path) -> Path:
    """The deck with every text of its slides made transparent: what LibreOffice draws behind the text."""
    src = zipfile.ZipFile(pptx)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("ppt/slides/slide") and info.filename.endswith(".xml"):
                root = etree.fromstring(data)
                for rpr in root.iter(qn("a:rPr")):  # the text drawn, but transparent: its box and fill stay
                    for fill in rpr.findall(qn("a:solidFill")):
                        rpr.remove(fill)
                    clear = etree.Element(qn("a:solidFill"))
                    etree.SubElement(etree.SubElement(clear, qn("a:srgbClr"), val="000000"), qn("a:alpha"), val="0")
                    rpr.insert(0, clear)
                for ppr in root.iter(qn("a:pPr")):  # no bullets or numbers either
                    for bullet in [c for c in ppr if c.tag in (qn("a:buChar"), qn("a:buAutoNum"))]:
                        ppr.replace(bullet, etree.Element(qn("a:buNone")))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, data)
    target.write_bytes(out.getvalue())
    return target


def _shows_master(layout) -> bool:
    return layout._element.get("showMasterSp", "1") not in ("0", "false")


def _visible(shape) -> bool:
    """Whether a non-placeholder shape draws something: a picture, an object, a group, a fill, a line or text."""
    if shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.GROUP, MSO_SHAPE_TYPE.EMBEDDED_OLE_OBJECT,
                            MSO_SHAPE_TYPE.LINE):
        return True
    el = shape._element
    props = el.find(qn("p:spPr"))
    if props is not None and any(c.tag in (qn("a:solidFill"), qn("a:gradFill"), qn("a:blipFill"), qn("a:pattFill"))
                                 for c in props):
        return True
    ref = el.find(f"{qn('p:style')}/{qn('a:fillRef')}")
    if ref is not None and ref.get("idx", "0") != "0" and (props is None or props.find(qn("a:noFill")) is None):
        return True
    return bool(shape.has_text_frame and shape.text_frame.text.strip())


def decoration(slide) -> list[tuple[str, R]]:
    """The template's decoration on a slide's layout and master that the template's own text does not sit on."""
    layout = slide.slide_layout
    w, h = Emu(slide.part.package.presentation_part.presentation.slide_width).pt, \
        Emu(slide.part.package.presentation_part.presentation.slide_height).pt
    slide_area = w * h
    shapes = list(layout.shapes) + (list(layout.slide_master.shapes) if _shows_master(layout) else [])
    texts = [rect_of(s) for s in layout.placeholders if s.placeholder_format.type in TEXT_TYPES]
    texts += [rect_of(s) for s in layout.slide_master.placeholders if s.placeholder_format.type in TEXT_TYPES]
    footers = [rect_of(s) for s in layout.placeholders if s.placeholder_format.type in FOOTER_TYPES]
    out = []
    for shape in shapes:
        if shape.is_placeholder or not _visible(shape):
            continue
        r = rect_of(shape)
        if r.area >= 0.5 * slide_area or r.area < 1e-4 * slide_area or r.overlap(R(0, 0, w, h)) == 0:
            continue
        under = texts + (footers if shape.shape_type != MSO_SHAPE_TYPE.PICTURE else [])
        if any(r.overlap(t) >= 0.5 * t.area for t in under if t.area):
            continue  # a band or watermark the template's own text sits on
        out.append((shape.name, r))
    return out


def _owner(boxes, word, bbox):
    from overflow import _words

    keys = _words(word)
    for b in boxes:
        if keys and keys <= b.words and b.holds(*bbox):
            return b
    return None


def _pixels(page, clip: R) -> list[tuple[int, int, int]]:
    pix = page.get_pixmap(dpi=DPI, clip=pymupdf.Rect(clip.x0, clip.y0, clip.x1, clip.y1), alpha=False)
    data = pix.samples
    return [tuple(data[i : i + 3]) for i in range(0, len(data), pix.n)]


def word_contrast(colour: str, pixels: list[tuple[int, int, int]]) -> float:
    """The contrast of a text colour with the pixels behind it: its worst WORST_SHARE."""
    if not pixels:
        return 21.0
    ratios = sorted(contrast(colour, "#%02X%02X%02X" % p) for p in set(pixels))
    counts = {}
    for p in pixels:
        counts[p] = counts.get(p, 0) + 1
    weighted = sorted((contrast(colour, "#%02X%02X%02X" % p), n) for p, n in counts.items())
    seen, limit = 0, WORST_SHARE * len(pixels)
    for r, n in weighted:
        seen += n
        if seen > limit:
            return r
    return ratios[-1]


def check_contrast(pptx: Path, pdf: bytes, blank_pdf: bytes) -> list[str]:
    """Every word slidegen wrote, against the pixels the blank render shows behind it."""
    prs = Presentation(str(pptx))
    doc, blank = pymupdf.open(stream=pdf, filetype="pdf"), pymupdf.open(stream=blank_pdf, filetype="pdf")
    problems = []
    for number, (slide, page, back) in enumerate(zip(prs.slides, doc, blank), start=1):
        boxes = shape_boxes(slide)
        title = slide.shapes.title
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    text = span["text"].strip()
                    if not text:
                        continue
                    bbox = span["bbox"]
                    owner = _owner(boxes, text.split()[0], bbox)
                    if owner is None:
                        continue  # the template's own text, or a bullet
                    colour = "#%06X" % span["color"]
                    is_title = title is not None and owner.name == title.name
                    need = LARGE if is_title and span["size"] >= LARGE_PT - 0.05 else TEXT
                    ratio = word_contrast(colour, _pixels(back, R(*bbox)))
                    if ratio < need:
                        problems.append(f"slide {number}: {text[:30]!r} ({owner.name}) {colour} has {ratio:.2f}:1 "
                                        f"against what is behind it; needs {need}:1")
    return problems


def title_area(slide) -> R | None:
    """The layout's own title area: its title placeholder's width, from the slide's top down to the slide's body.

    The body is what the slide shows below the title (its body placeholder, a table, a chart).
    Without a title placeholder: the room above the layout's body placeholder.
    """
    layout = slide.slide_layout
    title = next((s for s in layout.placeholders if s.placeholder_format.type in TITLE_TYPES), None)
    own_title = slide.shapes.title
    below_title = [rect_of(s) for s in slide.shapes
                   if (own_title is None or s.element is not own_title.element)
                   and (s.is_placeholder and s.placeholder_format.type in TEXT_TYPES
                        or getattr(s, "has_chart", False) and s.has_chart
                        or getattr(s, "has_table", False) and s.has_table)]
    if title is None:
        bodies = [rect_of(s) for s in layout.placeholders if s.placeholder_format.type in TEXT_TYPES]
        top_of_body = max((b.y0 for b in bodies), default=None)
        return R(0, 0, Emu(slide.part.package.presentation_part.presentation.slide_width).pt, top_of_body) \
            if top_of_body else None
    t = rect_of(title)
    below = [b.y0 for b in below_title if b.y0 >= t.y0 + TOLERANCE]
    return R(t.x0, 0, t.x1, min(below, default=t.y1 + 3 * (t.y1 - t.y0)))


def check_titles(pptx: Path, pdf: bytes) -> list[str]:
    """Every title's words inside its layout's own title area."""
    prs = Presentation(str(pptx))
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    problems = []
    for number, (slide, page) in enumerate(zip(prs.slides, doc), start=1):
        title = slide.shapes.title
        area = title_area(slide)
        if title is None or area is None:
            problems.append(f"slide {number}: no title, or no title area on layout {slide.slide_layout.name!r}")
            continue
        t = rect_of(title)
        for x0, y0, x1, y1, word, *_ in page.get_text("words"):
            inside_shape = x0 >= t.x0 - TOLERANCE and x1 <= t.x1 + TOLERANCE and y0 >= t.y0 - TOLERANCE \
                and y1 <= t.y1 + TOLERANCE
            if not inside_shape or word.lower() not in title.text_frame.text.lower():
                continue
            t_ = TOLERANCE
            if not (x0 >= area.x0 - t_ and x1 <= area.x1 + t_ and y0 >= area.y0 - t_ and y1 <= area.y1 + t_):
                problems.append(f"slide {number}: title word {word!r} lies outside the layout's title area")
    return problems


def check_decoration(pptx: Path) -> list[str]:
    """No box of slidegen's own (not a placeholder) overlaps the template's decoration."""
    prs = Presentation(str(pptx))
    problems = []
    for number, slide in enumerate(prs.slides, start=1):
        deco = decoration(slide)
        for shape in slide.shapes:
            if shape.is_placeholder:
                continue
            r = rect_of(shape)
            for name, d in deco:
                if r.overlap(d) > 1.0:  # more than a square point
                    problems.append(f"slide {number}: {shape.name} overlaps the template's {name}")
    return problems


def check_apart(pptx: Path) -> list[str]:
    """No two of a slide's boxes (its title, texts, tables, charts, pictures, footer) overlap one another.

    A native chart's marks (the `–` of a missing value) lie over their chart on purpose."""
    prs = Presentation(str(pptx))
    problems = []
    for number, slide in enumerate(prs.slides, start=1):
        shapes = [(s.name, rect_of(s)) for s in slide.shapes]
        for i, (name, r) in enumerate(shapes):
            for other, o in shapes[i + 1:]:
                if {name, other} == {"Chart", "Chart mark"}:
                    continue
                if r.overlap(o) > 1.0:
                    problems.append(f"slide {number}: {name} overlaps {other}")
    return problems


def check_rendered(pptx: Path, pdf: bytes, blank_pdf: bytes) -> list[str]:
    """Every check of a rendered deck, one line per problem."""
    return [*(f"contrast: {p}" for p in check_contrast(pptx, pdf, blank_pdf)),
            *(f"title: {p}" for p in check_titles(pptx, pdf)),
            *(f"decoration: {p}" for p in check_decoration(pptx)),
            *(f"apart: {p}" for p in check_apart(pptx))]
