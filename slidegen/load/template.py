"""Reading an organisation's PowerPoint template (also .potx) without python-pptx: slide size, layouts, placeholders, fonts."""

from __future__ import annotations

import hashlib
import io
import posixpath
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from slidegen.load.template_text import FOOTER_TYPES
from slidegen.models.template import Layer, LayoutInfo, Paint, Placeholder, TemplateInfo
from slidegen.units import Rect

POTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


class TemplateUnreadable(Exception):
    """The file is not a PowerPoint presentation or template that can be opened."""


NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


def qn(tag: str) -> str:
    """`p:ph` → `{namespace}ph`."""
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def as_presentation(data: bytes, path: Path) -> bytes:
    """The package as a presentation: a .potx's main part typed as one (all that tells the two apart), and
    the misspelt core-properties relationship some LibreOffice versions write spelt right (else python-pptx
    adds a second docProps/core.xml)."""
    potx = path.suffix.lower() == ".potx"
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        misspelt = MISSPELT_CORE in src.read("_rels/.rels")
    except (zipfile.BadZipFile, KeyError):
        return data
    if not potx and not misspelt:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml" and potx:
                body = body.replace(POTX_TYPE, PPTX_TYPE)
            if info.filename == "_rels/.rels":
                body = body.replace(MISSPELT_CORE, CORE_PROPERTIES)
            dst.writestr(info, body)
    return out.getvalue()


MISSPELT_CORE = b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
CORE_PROPERTIES = b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


class _Package:
    """A .pptx or .potx read as a zip of XML parts, following relationships by hand."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))

    def xml(self, part: str) -> Any:
        return etree.fromstring(self.zip.read(part))

    def main(self) -> str:
        """The presentation part's name, from the package relationships."""
        rels = self.xml("_rels/.rels")
        for rel in rels.iter(qn("rel:Relationship")):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
        raise KeyError("no presentation part")

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (relationship type, target part name) of a part."""
        folder, name = posixpath.split(part)
        try:
            root = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        except KeyError:
            return {}
        return {
            rel.get("Id"): (rel.get("Type", ""), posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))))
            for rel in root.iter(qn("rel:Relationship"))
        }


def inspect(path: Path) -> TemplateInfo:
    """Read a template's slide size, layouts (placeholders, backgrounds, decoration), master background and fonts."""
    data = Path(path).read_bytes() if Path(path).is_file() else None
    key = (str(Path(path).resolve()), hashlib.sha256(data).hexdigest() if data is not None else "")
    if key in _INSPECTED:
        return _INSPECTED[key]
    try:
        if data is None:
            raise OSError(f"no file {path}")
        info = _inspect(_Package(as_presentation(data, Path(path))))
    except (OSError, zipfile.BadZipFile, KeyError, IndexError, StopIteration, ValueError, AttributeError,
            TypeError, etree.XMLSyntaxError) as exc:
        raise TemplateUnreadable(str(exc) or type(exc).__name__) from None
    if len(_INSPECTED) >= 16:
        _INSPECTED.clear()
    _INSPECTED[key] = info
    return info


_INSPECTED: dict[tuple[str, str], TemplateInfo] = {}
"""Templates read in this process, by path and content: reading pictures takes a moment, and watch rebuilds often."""


def _inspect(pkg: _Package) -> TemplateInfo:
    from slidegen.load import template_shapes as shapes

    main = pkg.main()
    pres = pkg.xml(main)
    rels = pkg.rels(main)
    size = pres.find("p:sldSz", NS)
    width = int(size.get("cx")) if size is not None else 0
    height = int(size.get("cy")) if size is not None else 0
    slide = Rect(0, 0, width, height)
    masters = [rels[m.get(qn("r:id"))][1] for m in pres.iterfind("p:sldMasterIdLst/p:sldMasterId", NS)]
    layouts = []
    first_theme = None
    for master_name in masters:
        master = pkg.xml(master_name)
        master_rels = pkg.rels(master_name)
        theme = pkg.xml(next(target for kind, target in master_rels.values() if kind == THEME_REL))
        first_theme = first_theme if first_theme is not None else theme
        scheme = shapes.theme_scheme(theme)
        fills = list(theme.find(".//a:fillStyleLst", NS)) if theme.find(".//a:fillStyleLst", NS) is not None else []
        master_part = shapes.Part(master, shapes.part_context(scheme, master.find("p:clrMap", NS), pkg.zip.read,
                                                              master_rels), fills)
        # a master without a background of its own shows the office suites' white
        master_bg = shapes.background_of(master, master_part, slide, theme) or Paint(("#FFFFFF",))
        master_drawn = shapes.drawn_shapes(master.find("p:cSld/p:spTree", NS), master_part)
        by_type = shapes.master_placeholders(master)
        for ref in master.iterfind("p:sldLayoutIdLst/p:sldLayoutId", NS):
            layout_name = master_rels[ref.get(qn("r:id"))][1]
            layout = pkg.xml(layout_name)
            override = layout.find("p:clrMapOvr/a:overrideClrMapping", NS)
            clr_map = override if override is not None else master.find("p:clrMap", NS)
            part = shapes.Part(layout, shapes.part_context(scheme, clr_map, pkg.zip.read, pkg.rels(layout_name)), fills)
            layouts.append(_layout(shapes, layout, master, pres, part, master_part, by_type, master_bg, master_drawn,
                                   slide, theme))
    fonts = first_theme.find(".//a:fontScheme", NS)
    return TemplateInfo(
        width=width,
        height=height,
        layouts=tuple(layouts),
        background=master_background(pkg.xml(masters[0]), first_theme),
        title_font=_font(fonts, "a:majorFont"),
        body_font=_font(fonts, "a:minorFont"),
        slides=len(pres.findall("p:sldIdLst/p:sldId", NS)),
    )


def _layout(shapes: Any, layout: Any, master: Any, pres: Any, part: Any, master_part: Any, by_type: dict[str, Any],
            master_bg: Paint | None, master_drawn: list[Any], slide: Rect, theme: Any) -> LayoutInfo:
    """One layout: its placeholders (frames, text styles, fills), background and decoration."""
    raw = shapes.layout_placeholders(layout, by_type, part, master_part)
    placeholders = tuple(
        Placeholder(r.type, r.idx, r.rect, shapes.style_of(r, master, pres, part.colours), r.fill, r.name) for r in raw
    )
    background = shapes.background_of(layout, part, slide, theme) or master_bg
    shows_master = layout.get("showMasterSp", "1") not in ("0", "false")
    drawn = [(d, True) for d in master_drawn] if shows_master else []
    drawn += [(d, False) for d in shapes.drawn_shapes(layout.find("p:cSld/p:spTree", NS), part)]
    frames = [ph.rect for ph in placeholders if ph.rect is not None and ph.type not in FOOTER_TYPES]
    footers = [ph.rect for ph in placeholders if ph.rect is not None and ph.type in FOOTER_TYPES]
    master_frames = [r for kind, sp in by_type.items() if kind not in FOOTER_TYPES
                     for r in [shapes.bounds(sp.find("p:spPr/a:xfrm", NS))] if r]
    slide_area = slide.w * slide.h
    layers = []
    for d, on_master in drawn:
        if d.kind == "outline" and d.rect.w * d.rect.h > shapes.OUTLINE_ONLY_SHARE * slide_area:
            continue  # a frame drawn around the slide: its inside is free
        if d.rect.intersection(slide) is None:
            continue
        # text placeholders make what they lie on a backdrop; footers only bars, never a picture (a logo)
        under = frames + (master_frames if on_master else []) + (footers if d.kind != "picture" else [])
        backdrop = shapes.is_backdrop(d.rect, under, slide)
        layers.append(Layer(d.name, d.rect, d.paint, d.kind, backdrop, on_master))
    name = layout.find("p:cSld", NS).get("name", "")
    return LayoutInfo(name, placeholders, background, tuple(layers), slide.w, slide.h)


def _font(fonts: Any, which: str) -> str | None:
    if fonts is None:
        return None
    latin = fonts.find(f"{qn(which)}/{qn('a:latin')}")
    return latin.get("typeface") if latin is not None else None


def master_background(master: Any, theme: Any) -> str | None:
    """A master's background as `#RRGGBB` when it is one plain colour (None for pictures, gradients …)."""
    bg = master.find(f"{qn('p:cSld')}/{qn('p:bg')}")
    if bg is None:
        return None
    solid = bg.find(f"{qn('p:bgPr')}/{qn('a:solidFill')}")
    colour = solid[0] if solid is not None and len(solid) else bg.find(qn("p:bgRef"))
    if colour is not None and colour.tag == qn("p:bgRef"):
        colour = colour[0] if len(colour) else None
    if colour is None or len(colour):  # no colour, or one changed by tint/shade/lumMod: not a plain colour
        return None
    if colour.tag == qn("a:srgbClr"):
        return "#" + colour.get("val", "").upper()
    if colour.tag == qn("a:schemeClr"):
        slot = master.find(qn("p:clrMap")).get(colour.get("val"), colour.get("val"))
        scheme = theme.find(f".//{qn('a:clrScheme')}/{qn('a:' + slot)}")
        if scheme is not None and len(scheme):
            value = scheme[0].get("val") if scheme[0].tag == qn("a:srgbClr") else scheme[0].get("lastClr")
            return f"#{value.upper()}" if value else None
    return None
