"""A template's masters and layouts read as plain data: placeholders with their frames and text, decoration, backgrounds."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Callable

from slidegen.load.template_paint import (
    ColourContext,
    colour_map,
    fill_of,
    first_colour,
    part_reader,
    picture_fill,
    theme_scheme,
)
from slidegen.load.template_text import resolve_style, style_sheet
from slidegen.models.template import Paint
from slidegen.units import Rect

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _p(tag: str) -> str:
    return f"{{{P}}}{tag}"


def _a(tag: str) -> str:
    return f"{{{A}}}{tag}"


MASTER_TYPE = {"title": "title", "ctrTitle": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}
"""The master placeholder a layout placeholder inherits from (every other type inherits the master's body)."""

BACKDROP_SHARE = 0.5
"""Decoration under at least this share of a placeholder (or of the slide) is a backdrop that text sits on."""

OUTLINE_ONLY_SHARE = 0.05
"""An unfilled shape with only an outline larger than this share of the slide is a frame, not an obstacle."""


@dataclass(frozen=True)
class Drawn:
    """One shape as drawn: its name, frame, paint and kind (picture, shape, group, object, line, text)."""

    name: str
    rect: Rect
    paint: Paint | None
    kind: str


@dataclass
class Part:
    """A master or layout being read: its XML, colours and pictures."""

    root: Any
    colours: ColourContext
    fills: list[Any]
    """The theme's fill styles (`a:fillStyleLst`), for shapes that take their fill from a style reference."""


def bounds(xfrm: Any) -> Rect | None:
    """The frame of an `a:xfrm`/`p:xfrm`, as the bounding box after rotation."""
    if xfrm is None:
        return None
    off, ext = xfrm.find(_a("off")), xfrm.find(_a("ext"))
    if off is None or ext is None:
        return None
    x, y, w, h = (int(off.get("x", "0")), int(off.get("y", "0")), int(ext.get("cx", "0")), int(ext.get("cy", "0")))
    rot = int(xfrm.get("rot", "0")) / 60000
    if rot % 180:
        angle = math.radians(rot)
        bw = abs(w * math.cos(angle)) + abs(h * math.sin(angle))
        bh = abs(w * math.sin(angle)) + abs(h * math.cos(angle))
        cx, cy = x + w / 2, y + h / 2
        return Rect(round(cx - bw / 2), round(cy - bh / 2), round(bw), round(bh))
    return Rect(x, y, w, h)


def placeholder_of(el: Any) -> Any | None:
    """A shape's `p:ph`, when it is a placeholder."""
    return el.find(f"./*/{_p('nvPr')}/{_p('ph')}")


def _has_text(sp: Any) -> bool:
    return any((t.text or "").strip() for t in sp.iter(_a("t")))


def _shape(sp: Any, part: Part, rect: Rect) -> Drawn | None:
    """A `p:sp`: its fill (its own or its style's), or a line, outline or text that is drawn without one."""
    props = sp.find(_p("spPr"))
    paint = fill_of(props, part.colours, rect)
    has_fill_element = props is not None and any(c.tag.endswith(("Fill", "noFill")) for c in props)
    if paint is None and not has_fill_element:
        ref = sp.find(f"{_p('style')}/{_a('fillRef')}")
        idx = int(ref.get("idx", "0")) if ref is not None else 0
        if 0 < idx <= len(part.fills):
            paint = fill_of([part.fills[idx - 1]], part.colours.with_placeholder(first_colour(ref, part.colours)), rect)
    geometry = props.find(_a("prstGeom")) if props is not None else None
    name = sp.find(f"{_p('nvSpPr')}/{_p('cNvPr')}").get("name", "")
    if geometry is not None and geometry.get("prst") in ("line", "straightConnector1"):
        return Drawn(name, rect, None, "line")
    if paint is not None:
        return Drawn(name, rect, paint, "shape")
    if _has_text(sp):
        return Drawn(name, rect, None, "text")
    line = props.find(_a("ln")) if props is not None else None
    outlined = line is not None and line.find(_a("noFill")) is None and len(line)
    if outlined or (line is None and sp.find(f"{_p('style')}/{_a('lnRef')}") is not None
                    and int(sp.find(f"{_p('style')}/{_a('lnRef')}").get("idx", "0")) > 0):
        return Drawn(name, rect, None, "outline")
    return None


def _picture(pic: Any, part: Part, rect: Rect) -> Drawn:
    name = pic.find(f"{_p('nvPicPr')}/{_p('cNvPr')}").get("name", "")
    blip = pic.find(_p("blipFill"))
    paint = picture_fill(blip, part.colours, rect) if blip is not None else None
    return Drawn(name, rect, paint or Paint(unknown="a picture slidegen cannot read"), "picture")


def _frame(frame: Any, part: Part, rect: Rect) -> Drawn:
    """A graphic frame (an embedded object, chart or table): its fallback picture's pixels where it has one."""
    name = frame.find(f"{_p('nvGraphicFramePr')}/{_p('cNvPr')}").get("name", "")
    fallback = next(iter(frame.iter(_p("pic"))), None)
    if fallback is not None and fallback.find(_p("blipFill")) is not None:
        paint = picture_fill(fallback.find(_p("blipFill")), part.colours, rect)
        return Drawn(name, rect, paint or Paint(unknown="an embedded object"), "object")
    return Drawn(name, rect, Paint(unknown="an embedded object"), "object")


def drawn_shapes(tree: Any, part: Part, transform: Callable[[Rect], Rect] = lambda r: r,
                 prefix: str = "") -> list[Drawn]:
    """Every shape of a shape tree that is not a placeholder, in drawing order; groups read shape by shape."""
    out: list[Drawn] = []
    for el in tree:
        tag = el.tag
        if tag == f"{{{MC}}}AlternateContent":
            choice = el.find(f"{{{MC}}}Fallback") if el.find(f"{{{MC}}}Fallback") is not None else el.find(f"{{{MC}}}Choice")
            out.extend(drawn_shapes(choice if choice is not None else [], part, transform, prefix))
            continue
        if tag not in (_p("sp"), _p("pic"), _p("grpSp"), _p("graphicFrame"), _p("cxnSp")) or placeholder_of(el) is not None:
            continue
        if tag == _p("grpSp"):
            xfrm = el.find(f"{_p('grpSpPr')}/{_a('xfrm')}")
            name = el.find(f"{_p('nvGrpSpPr')}/{_p('cNvPr')}").get("name", "")
            out.extend(drawn_shapes(el, part, _group_transform(xfrm, transform), f"{prefix}{name}/"))
            continue
        xfrm = el.find(_p("xfrm")) if tag == _p("graphicFrame") else el.find(f"{_p('spPr')}/{_a('xfrm')}")
        rect = bounds(xfrm)
        if rect is None:
            continue
        rect = transform(rect)
        reader = {_p("sp"): _shape, _p("cxnSp"): _connector, _p("pic"): _picture, _p("graphicFrame"): _frame}[tag]
        drawn = reader(el, part, rect)
        if drawn is not None:
            out.append(replace(drawn, name=prefix + drawn.name))
    return out


def _connector(el: Any, part: Part, rect: Rect) -> Drawn:
    name = el.find(f"{_p('nvCxnSpPr')}/{_p('cNvPr')}").get("name", "")
    return Drawn(name, rect, None, "line")


def _group_transform(xfrm: Any, outer: Callable[[Rect], Rect]) -> Callable[[Rect], Rect]:
    """Child coordinates of a group mapped onto the slide."""
    if xfrm is None:
        return outer
    off, ext = xfrm.find(_a("off")), xfrm.find(_a("ext"))
    ch_off, ch_ext = xfrm.find(_a("chOff")), xfrm.find(_a("chExt"))
    if None in (off, ext, ch_off, ch_ext):
        return outer
    ox, oy = int(off.get("x", "0")), int(off.get("y", "0"))
    cx, cy = int(ch_off.get("x", "0")), int(ch_off.get("y", "0"))
    sx = int(ext.get("cx", "0")) / max(1, int(ch_ext.get("cx", "1")))
    sy = int(ext.get("cy", "0")) / max(1, int(ch_ext.get("cy", "1")))

    def transform(r: Rect) -> Rect:
        return outer(Rect(round(ox + (r.x - cx) * sx), round(oy + (r.y - cy) * sy), round(r.w * sx), round(r.h * sy)))

    return transform


def background_of(root: Any, part: Part, slide: Rect, theme: Any) -> Paint | None:
    """A master's or layout's own background (`p:bg`): its fill, or the theme's background style it refers to."""
    bg = root.find(f"{_p('cSld')}/{_p('bg')}")
    if bg is None:
        return None
    props = bg.find(_p("bgPr"))
    if props is not None:
        return fill_of(props, part.colours, slide) or Paint(("#FFFFFF",))
    ref = bg.find(_p("bgRef"))
    if ref is None:
        return None
    idx = int(ref.get("idx", "0"))
    colour = first_colour(ref, part.colours)
    styles = theme.find(f".//{_a('bgFillStyleLst')}") if idx >= 1001 else theme.find(f".//{_a('fillStyleLst')}")
    number = idx - 1001 if idx >= 1001 else idx - 1
    if styles is None or not 0 <= number < len(styles):
        return Paint((colour,)) if colour else None
    return fill_of([styles[number]], part.colours.with_placeholder(colour), slide) or (Paint((colour,)) if colour else None)


@dataclass(frozen=True)
class RawPlaceholder:
    """A layout placeholder with the shapes it inherits from, before its style is resolved."""

    type: str
    idx: int
    name: str
    shapes: tuple[Any, ...]
    rect: Rect | None
    fill: Paint | None


def layout_placeholders(layout: Any, master_placeholders: dict[str, Any], part: Part,
                        master_part: Part) -> list[RawPlaceholder]:
    """The layout's placeholders with the frames and fills they have or inherit from the master."""
    out = []
    for sp in layout.find(f"{_p('cSld')}/{_p('spTree')}").iter(_p("sp")):
        ph = placeholder_of(sp)
        if ph is None:
            continue
        kind = ph.get("type", "obj")
        inherited = master_placeholders.get(MASTER_TYPE.get(kind, "body"))
        rect = bounds(sp.find(f"{_p('spPr')}/{_a('xfrm')}"))
        if rect is None and inherited is not None:
            rect = bounds(inherited.find(f"{_p('spPr')}/{_a('xfrm')}"))
        fill = None
        for source, source_part in ((sp, part), (inherited, master_part)):
            props = source.find(_p("spPr")) if source is not None else None
            if props is not None and any(c.tag.endswith(("Fill", "noFill")) for c in props):
                fill = fill_of(props, source_part.colours, rect or Rect(0, 0, 0, 0))
                break
        name = sp.find(f"{_p('nvSpPr')}/{_p('cNvPr')}").get("name", "")
        out.append(RawPlaceholder(kind, int(ph.get("idx", "0")), name, (sp, inherited), rect, fill))
    return out


def master_placeholders(master: Any) -> dict[str, Any]:
    """The master's placeholders by the type layouts inherit through (title, body, dt, ftr, sldNum)."""
    out: dict[str, Any] = {}
    for sp in master.find(f"{_p('cSld')}/{_p('spTree')}").iter(_p("sp")):
        ph = placeholder_of(sp)
        if ph is not None:
            out.setdefault(MASTER_TYPE.get(ph.get("type", "obj"), "body"), sp)
    return out


def text_sheets(master: Any, presentation: Any, kind: str) -> list[Any]:
    """The list styles a placeholder type falls back on: the master's text style for it, then the default."""
    sheets = [master.find(f"{_p('txStyles')}/{_p(style_sheet(kind))}")]
    sheets.append(presentation.find(_p("defaultTextStyle")))
    return [s for s in sheets if s is not None]


def part_context(scheme: dict[str, str], clr_map: Any, zip_read: Callable[[str], bytes],
                 rels: dict[str, tuple[str, str]]) -> ColourContext:
    """How colours resolve in one part."""
    return ColourContext(scheme, colour_map(clr_map), part_reader(zip_read, rels))


def style_of(raw: RawPlaceholder, master: Any, presentation: Any, colours: ColourContext):
    """The resolved text style of a layout placeholder."""
    return resolve_style(raw.shapes, text_sheets(master, presentation, raw.type), colours)


def is_backdrop(rect: Rect, placeholders: list[Rect], slide: Rect) -> bool:
    """Whether decoration lies under most of a placeholder, or of the slide: text is meant to sit on it."""
    area = rect.w * rect.h
    if area >= BACKDROP_SHARE * slide.w * slide.h:
        return True
    for ph in placeholders:
        part = rect.intersection(ph)
        if part is not None and part.w * part.h >= BACKDROP_SHARE * ph.w * ph.h:
            return True
    return False


__all__ = ["theme_scheme", "Drawn", "Part", "drawn_shapes", "background_of", "layout_placeholders",
           "master_placeholders", "part_context", "style_of", "is_backdrop", "bounds", "OUTLINE_ONLY_SHARE"]
