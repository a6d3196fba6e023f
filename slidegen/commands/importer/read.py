"""Reading a presentation into the importer's slides: every shape's content in reading order, and what cannot be carried."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable

from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapeFactory

from slidegen.commands.importer.chart_data import read_chart
from slidegen.commands.importer.smartart import smartart_paras
from slidegen.commands.importer.source import Box, Picture, SourceDeck, SourceSlide, Table, TextBlock
from slidegen.commands.importer.text import ALTERNATE, alternative, only_fields, paragraphs, plain

ROW_TOLERANCE = 180_000
"""EMU (0.5 cm): shapes whose tops differ by less stand in one row and are read left to right."""

_URI = "http://schemas.openxmlformats.org/drawingml/2006/"
TABLE_URI, CHART_URI, DIAGRAM_URI = _URI + "table", _URI + "chart", _URI + "diagram"
OLE_URI = "http://schemas.openxmlformats.org/presentationml/2006/ole"
_R_ID = qn("r:id")
_R_EMBED, _R_LINK = qn("r:embed"), qn("r:link")
_DM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"

TITLE_TYPES = {"title", "ctrTitle"}
CHROME_TYPES = {"dt", "ftr", "sldNum", "hdr"}
"""Placeholders of the slide's furniture: the date, the footer, the slide number (the theme shows its own)."""

_MEDIA = ("videoFile", "audioFile", "quickTimeFile", "wavAudioFile", "audioCd")


@dataclass(frozen=True)
class Transform:
    """From a group's child coordinates to the slide's: x' = x0 + (x - cx) · sx, and the same for y."""

    origin: tuple[float, float] = (0.0, 0.0)
    child: tuple[float, float] = (0.0, 0.0)
    scale: tuple[float, float] = (1.0, 1.0)

    def box(self, x: int, y: int, w: int, h: int) -> Box:
        (x0, y0), (cx, cy), (sx, sy) = self.origin, self.child, self.scale
        return Box(round(x0 + (x - cx) * sx), round(y0 + (y - cy) * sy), round(w * sx), round(h * sy))

    def inner(self, xfrm: Any) -> "Transform":
        """The transform of a group inside this one, from the group's `a:xfrm`."""
        off, ext = _pair(xfrm, "a:off", "x", "y"), _pair(xfrm, "a:ext", "cx", "cy")
        ch_off, ch_ext = _pair(xfrm, "a:chOff", "x", "y"), _pair(xfrm, "a:chExt", "cx", "cy")
        outer = self.box(off[0], off[1], ext[0], ext[1])
        sx = outer.w / ch_ext[0] if ch_ext[0] else 1.0
        sy = outer.h / ch_ext[1] if ch_ext[1] else 1.0
        return Transform((outer.x, outer.y), ch_off, (sx, sy))


def _pair(xfrm: Any, tag: str, a: str, b: str) -> tuple[int, int]:
    el = xfrm.find(qn(tag)) if xfrm is not None else None
    if el is None:
        return 0, 0
    return int(el.get(a, "0")), int(el.get(b, "0"))


class _SlideReader:
    """Walks one slide's shape tree, filling a SourceSlide; one handler per shape element (SHAPES)."""

    def __init__(self, slide: Any, number: int, deck: SourceDeck) -> None:
        self.slide = slide
        self.part = slide.part
        self.deck = deck
        layout = slide.slide_layout._element.get("type", "cust")
        self.out = SourceSlide(number=number, layout=layout, hidden=slide._element.get("show") == "0")
        self.items: list[tuple[Box, str, Any]] = []
        self.drawn: Counter[str] = Counter()
        self.left_out: dict[str, None] = {}

    def read(self) -> SourceSlide:
        tree = self.slide.shapes._spTree
        for el in tree.iterchildren():
            self.shape(el, None)
        self._order()
        self._slide_level()
        drawn = [f"{n} {what}{'' if n == 1 else 's'}" for what, n in self.drawn.items()]
        if drawn:
            self.note(f"drawn shapes ({', '.join(drawn)})")
        self.out.left_out = list(self.left_out)
        self.out.notes = self._notes()
        return self.out

    def note(self, what: str) -> None:
        self.left_out.setdefault(what, None)

    # one handler per element; `at` is None for the slide's own shapes, else the group's transform
    def shape(self, el: Any, at: Transform | None) -> None:
        handler = SHAPES.get(_local(el.tag))
        if handler is not None:
            handler(self, el, at)
        elif el.tag == ALTERNATE:
            chosen = alternative(el)
            for child in chosen if chosen is not None else []:
                self.shape(child, at)

    def box(self, el: Any, at: Transform | None, xfrm_path: str = "p:spPr/a:xfrm") -> Box:
        own = _xfrm(el, xfrm_path)
        if at is None and own is None:  # a placeholder may take its place from the layout: python-pptx knows how
            try:
                s = SlideShapeFactory(el, self.slide.shapes)
                return Box(s.left or 0, s.top or 0, s.width or 0, s.height or 0)
            except (AttributeError, KeyError, ValueError, TypeError):
                at = Transform()
        (x, y), (w, h) = _pair(own, "a:off", "x", "y"), _pair(own, "a:ext", "cx", "cy")
        return (at or Transform()).box(x, y, w, h)

    def sp(self, el: Any, at: Transform | None) -> None:
        ph = el.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        ph_type = ph.get("type", "obj") if ph is not None else None
        name = _name(el)
        body = el.find(qn("p:txBody"))
        paras = paragraphs(body) if body is not None else []
        fill = el.find(f"{qn('p:spPr')}/{qn('a:blipFill')}")
        if fill is not None:
            self._picture(el, fill, at, alt_el=el.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}"))
        if ph_type in CHROME_TYPES:
            if ph_type == "ftr" and paras:
                self.deck.footers.append(" ".join(p.text for p in paras))
            return
        if body is not None and only_fields(body):
            return  # a slide number or date of the slide's own: the theme shows its own
        if not paras:
            if fill is None and ph is None:
                geometry = el.find(f"{qn('p:spPr')}/{qn('a:custGeom')}")
                self.drawn["freeform" if geometry is not None else "shape"] += 1
            return
        warp = body.find(f"{qn('a:bodyPr')}/{qn('a:prstTxWarp')}")
        if warp is not None and warp.get("prst", "textNoShape") != "textNoShape":
            self.note("WordArt (its text is kept as plain text)")
        role = "title" if ph_type in TITLE_TYPES else "subtitle" if ph_type == "subTitle" else "body" if ph is not None else "text"
        block = TextBlock(role, paras, self.box(el, at), name)
        if role == "title" and self.out.title is None:
            self.out.title = block
        else:
            self.items.append((block.box, "block", block))
        if any(run.find(qn("a:rPr") + "/" + qn("a:hlinkClick")) is not None for run in body.iter(qn("a:r"))):
            self.note("links (their text is kept)")

    def grp(self, el: Any, at: Transform | None) -> None:
        xfrm = el.find(f"{qn('p:grpSpPr')}/{qn('a:xfrm')}")
        inner = (at or Transform()).inner(xfrm)
        before = self.drawn["freeform"]
        for child in el.iterchildren():
            if child.tag != qn("p:nvGrpSpPr") and child.tag != qn("p:grpSpPr"):
                self.shape(child, inner)
        if self.drawn["freeform"] > before:
            self.note("grouped freeform shapes (their text is kept)")

    def cxn(self, el: Any, at: Transform | None) -> None:
        self.drawn["line"] += 1

    def pic(self, el: Any, at: Transform | None) -> None:
        nv = el.find(f"{qn('p:nvPicPr')}/{qn('p:nvPr')}")
        if nv is not None and (any(nv.find(qn(f"a:{m}")) is not None for m in _MEDIA) or _has_media_ext(nv)):
            self.note("embedded video or sound")
            return
        fill = _child(el, "p:blipFill")
        self._picture(el, fill, at, alt_el=el.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}"))

    def _picture(self, el: Any, fill: Any, at: Transform | None, alt_el: Any, source: str = "picture") -> None:
        blip = fill.find(qn("a:blip")) if fill is not None else None
        if blip is None:
            return
        rid = blip.get(_R_EMBED)
        if not rid:
            if blip.get(_R_LINK):
                self.note("a linked picture (it is not inside the file)")
            return
        try:
            part = self.part.related_part(rid)
        except KeyError:
            self.note("a picture whose part is missing")
            return
        crop = fill.find(qn("a:srcRect"))
        cut = tuple(max(0.0, min(int(crop.get(k, "0")) / 100_000, 0.99)) for k in "ltrb") if crop is not None else (0.0,) * 4
        alt = (alt_el.get("descr") or "").strip() if alt_el is not None else ""
        decorative = alt_el is not None and any(
            _local(mark.tag) == "decorative" and mark.get("val") in ("1", "true") for mark in alt_el.iter())
        picture = Picture(part.blob, part.content_type, self.box(el, at), alt, _name(el), cut, source,  # type: ignore[arg-type]
                          decorative)
        self.items.append((picture.box, "picture", picture))

    def frame(self, el: Any, at: Transform | None) -> None:
        data = el.find(f"{qn('a:graphic')}/{qn('a:graphicData')}")
        uri = data.get("uri", "") if data is not None else ""
        box = self.box(el, at, "p:xfrm")
        alt_el = el.find(f"{qn('p:nvGraphicFramePr')}/{qn('p:cNvPr')}")
        alt = (alt_el.get("descr") or "").strip() if alt_el is not None else ""
        FRAMES.get(uri, _SlideReader._unknown_frame)(self, data, box, alt, at)

    def _table(self, data: Any, box: Box, alt: str, at: Transform | None) -> None:
        tbl = data.find(qn("a:tbl"))
        if tbl is None:
            return
        rows = [[plain(tc.find(qn("a:txBody"))) if tc.find(qn("a:txBody")) is not None else ""
                 for tc in tr.iterchildren(qn("a:tc"))] for tr in tbl.iterchildren(qn("a:tr"))]
        pr = tbl.find(qn("a:tblPr"))
        header = pr is not None and pr.get("firstRow") in ("1", "true")
        if rows and any(rows):
            self.items.append((box, "table", Table(rows, box, header, alt)))

    def _chart(self, data: Any, box: Box, alt: str, at: Transform | None) -> None:
        ref = data.find(qn("c:chart"))
        try:
            part = self.part.related_part(ref.get(_R_ID))
            space = part._element
        except (KeyError, AttributeError):
            self.note("a chart whose data is missing")
            return
        chart = read_chart(space, box)
        chart.alt = alt
        if not chart.series:
            self.note("a chart without data")
            return
        self.items.append((box, "chart", chart))

    def _diagram(self, data: Any, box: Box, alt: str, at: Transform | None) -> None:
        ids = data.find(_DM)
        try:
            part = self.part.related_part(ids.get(qn("r:dm")))
            from lxml import etree

            from slidegen.commands.importer.package import xml_errors

            try:
                model = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
            except xml_errors():
                model = None
        except (KeyError, AttributeError):
            model = None
        paras = smartart_paras(model) if model is not None else []
        self.note("SmartArt (its text is kept as bullets)" if paras else "SmartArt")
        if paras:
            self.items.append((box, "block", TextBlock("smartart", paras, box, "SmartArt")))

    def _ole(self, data: Any, box: Box, alt: str, at: Transform | None) -> None:
        objects = list(data.iter(qn("p:oleObj")))
        obj = next((o for o in objects if o.find(qn("p:pic")) is not None), objects[0] if objects else None)
        program = obj.get("progId", "") if obj is not None else ""
        what = _PROGRAMS.get(program.split(".")[0], "an embedded object")
        pic = obj.find(qn("p:pic")) if obj is not None else None
        before = len(self.items)
        if pic is not None:
            self._picture(pic, _child(pic, "p:blipFill"), at, alt_el=None, source="ole")
        if len(self.items) == before:
            self.note(f"{what} (OLE object)")
            return
        _, kind, picture = self.items[-1]
        picture.box, picture.alt = box, alt  # the preview stands where the object stands
        self.items[-1] = (box, kind, picture)
        self.note(f"{what} (OLE object): only its picture is kept")

    def _unknown_frame(self, data: Any, box: Box, alt: str, at: Transform | None) -> None:
        uri = data.get("uri", "") if data is not None else ""
        self.note(f"an object slidegen cannot read ({uri.rsplit('/', 1)[-1] or 'unknown'})")

    def ink(self, el: Any, at: Transform | None) -> None:
        self.note("ink drawing")

    def _order(self) -> None:
        """Sort what was found into reading order: rows from the top, each row from the left."""
        items = sorted(self.items, key=lambda item: (item[0].y, item[0].x))
        rows: list[list[tuple[Box, str, Any]]] = []
        for item in items:
            if rows and item[0].y - rows[-1][0][0].y < ROW_TOLERANCE:
                rows[-1].append(item)
            else:
                rows.append([item])
        for row in rows:
            for box, kind, value in sorted(row, key=lambda item: item[0].x):
                ADD[kind](self.out, value)

    def _slide_level(self) -> None:
        el = self.slide._element
        bg = el.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if bg is not None:
            picture = bg.find(f"{qn('p:bgPr')}/{qn('a:blipFill')}") is not None
            self.note("a background picture of its own" if picture else "a background of its own")
        timing = el.find(qn("p:timing"))
        if timing is not None and any(ctn.get("presetClass") for ctn in timing.iter(qn("p:cTn"))):
            self.note("animations")
        if el.find(qn("p:transition")) is not None or any(
            _local(t.tag) == "transition" for alt in el.iterchildren(ALTERNATE) for t in alt.iter()
        ):
            self.note("a slide transition")
        if self.out.hidden:
            self.note("hidden in the original (it is shown here)")

    def _notes(self) -> str:
        if not self.slide.has_notes_slide:
            return ""
        frame = self.slide.notes_slide.notes_text_frame
        if frame is None:
            return ""
        return "\n".join(p.text for p in paragraphs(frame._txBody))


def _xfrm(el: Any, path: str) -> Any:
    """The shape's own `a:xfrm` (or `p:xfrm` of a frame), None when it takes its place from elsewhere."""
    found = el
    for step in path.split("/"):
        found = found.find(qn(step)) if found is not None else None
    return found if found is not None and found.find(qn("a:off")) is not None else None


def _child(el: Any, tag: str) -> Any:
    """A child element, or the one an `mc:AlternateContent` child offers to readers without extensions."""
    found = el.find(qn(tag))
    if found is None:
        for alt in el.iterchildren(ALTERNATE):
            chosen = alternative(alt)
            found = chosen.find(qn(tag)) if chosen is not None else None
            if found is not None:
                break
    return found


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _name(el: Any) -> str:
    for c_nv in el.iter(qn("p:cNvPr")):
        return c_nv.get("name", "")
    return ""


def _has_media_ext(nv: Any) -> bool:
    return any(_local(child.tag) == "media" for ext in nv.iter(qn("p:ext")) for child in ext)


_PROGRAMS = {
    "Word": "an embedded Word document", "Excel": "an embedded Excel workbook", "PowerPoint": "an embedded presentation",
    "Package": "an embedded file", "AcroExch": "an embedded PDF document", "Equation": "an equation",
    "Visio": "an embedded Visio drawing", "MSGraph": "an old Microsoft Graph chart",
}

SHAPES: dict[str, Callable[[_SlideReader, Any, Transform | None], None]] = {
    "sp": _SlideReader.sp,
    "grpSp": _SlideReader.grp,
    "cxnSp": _SlideReader.cxn,
    "pic": _SlideReader.pic,
    "graphicFrame": _SlideReader.frame,
    "contentPart": _SlideReader.ink,
}
"""The handler of each shape element of a shape tree."""

FRAMES: dict[str, Callable[[_SlideReader, Any, Box, str, Transform | None], None]] = {
    TABLE_URI: _SlideReader._table,
    CHART_URI: _SlideReader._chart,
    DIAGRAM_URI: _SlideReader._diagram,
    OLE_URI: _SlideReader._ole,
}
"""The handler of each kind of graphic frame, by its graphicData URI."""

ADD: dict[str, Callable[[SourceSlide, Any], None]] = {
    "block": lambda s, v: (s.blocks.append(v), s.order.append(v)),
    "table": lambda s, v: (s.tables.append(v), s.order.append(v)),
    "chart": lambda s, v: (s.charts.append(v), s.order.append(v)),
    "picture": lambda s, v: (s.pictures.append(v), s.order.append(v)),
}


def read_deck(prs: Any) -> SourceDeck:
    """Every slide of a python-pptx Presentation, and the deck's document properties and language."""
    props = prs.core_properties
    deck = SourceDeck(
        slides=[],
        title=(props.title or "").strip(),
        author=(props.author or "").strip(),
        subject=(props.subject or "").strip(),
        keywords=[k.strip() for k in (props.keywords or "").replace(";", ",").split(",") if k.strip()],
        width=prs.slide_width or 0,
        height=prs.slide_height or 0,
    )
    deck.company = _company(prs)
    languages: Counter[str] = Counter()
    for number, slide in enumerate(prs.slides, start=1):
        deck.slides.append(_SlideReader(slide, number, deck).read())
        for rpr in slide._element.iter(qn("a:rPr"), qn("a:endParaRPr")):
            lang = rpr.get("lang")
            if lang:
                languages[lang] += 1
    deck.footers = list(dict.fromkeys(deck.footers))
    deck.language = languages.most_common(1)[0][0] if languages else ""
    return deck


def _company(prs: Any) -> str:
    """The Company of docProps/app.xml, when the file has one."""
    from lxml import etree

    for part in prs.part.package.iter_parts():
        if part.content_type.endswith("extended-properties+xml"):
            try:
                root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
            except etree.LxmlError:
                return ""
            company = root.find("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Company")
            return (company.text or "").strip() if company is not None else ""
    return ""
