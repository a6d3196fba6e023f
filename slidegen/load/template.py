"""Reading an organisation's PowerPoint template (also .potx) without python-pptx: slide size, layouts, placeholders, fonts."""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

POTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


@dataclass(frozen=True)
class Need:
    """A placeholder a layout must have: what slidegen calls it, and the placeholder types (`p:ph/@type`) that serve."""

    name: str
    types: frozenset[str]


TITLE = Need("title", frozenset({"title", "ctrTitle"}))
"""The slide's title placeholder."""


@dataclass(frozen=True)
class Placeholder:
    """A placeholder in a layout: its type (`p:ph/@type`, `obj` when absent) and index."""

    type: str
    idx: int

    def serves(self, need: Need) -> bool:
        """Whether this placeholder can hold what the need names."""
        # the slide's title is found as placeholder 0, so a title placeholder must have that index
        return self.type in need.types and (need is not TITLE or self.idx == 0)


@dataclass(frozen=True)
class LayoutInfo:
    """One layout of the template: its name and placeholders."""

    name: str
    placeholders: tuple[Placeholder, ...]

    def has(self, need: Need) -> bool:
        """Whether some placeholder of the layout serves the need."""
        return any(ph.serves(need) for ph in self.placeholders)


@dataclass(frozen=True)
class TemplateInfo:
    """What slidegen reads from a template: slide size, layouts, master background, fonts, example slides."""

    width: int
    height: int
    layouts: tuple[LayoutInfo, ...]
    background: str | None
    title_font: str | None
    body_font: str | None
    slides: int

    def layout(self, name: str) -> LayoutInfo | None:
        """The layout of that name (the first, if masters repeat it), or None."""
        return next((lay for lay in self.layouts if lay.name == name), None)


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
    """A .potx package with its main part typed as a presentation, which is all that tells the two apart."""
    if path.suffix.lower() != ".potx":
        return data
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(POTX_TYPE, PPTX_TYPE)
            dst.writestr(info, body)
    return out.getvalue()


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
    """Read a template's slide size, layouts and placeholders, master background and fonts."""
    try:
        pkg = _Package(as_presentation(Path(path).read_bytes(), Path(path)))
        main = pkg.main()
        pres = pkg.xml(main)
        rels = pkg.rels(main)
        masters = [rels[m.get(qn("r:id"))][1] for m in pres.iterfind("p:sldMasterIdLst/p:sldMasterId", NS)]
        layouts = []
        for master in masters:
            master_rels = pkg.rels(master)
            for ref in pkg.xml(master).iterfind("p:sldLayoutIdLst/p:sldLayoutId", NS):
                layout = pkg.xml(master_rels[ref.get(qn("r:id"))][1])
                phs = tuple(
                    Placeholder(ph.get("type", "obj"), int(ph.get("idx", "0"))) for ph in layout.iter(qn("p:ph"))
                )
                layouts.append(LayoutInfo(layout.find("p:cSld", NS).get("name", ""), phs))
        first = pkg.xml(masters[0])
        theme_part = next(target for kind, target in pkg.rels(masters[0]).values() if kind == THEME_REL)
        theme = pkg.xml(theme_part)
        size = pres.find("p:sldSz", NS)
    except (OSError, zipfile.BadZipFile, KeyError, IndexError, StopIteration, ValueError, AttributeError,
            etree.XMLSyntaxError) as exc:
        raise TemplateUnreadable(str(exc) or type(exc).__name__) from None
    fonts = theme.find(".//a:fontScheme", NS)
    return TemplateInfo(
        width=int(size.get("cx")) if size is not None else 0,
        height=int(size.get("cy")) if size is not None else 0,
        layouts=tuple(layouts),
        background=master_background(first, theme),
        title_font=_font(fonts, "a:majorFont"),
        body_font=_font(fonts, "a:minorFont"),
        slides=len(pres.findall("p:sldIdLst/p:sldId", NS)),
    )


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
