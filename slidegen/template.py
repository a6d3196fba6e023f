"""An organisation's PowerPoint template: opened (also as .potx), its layouts and placeholders checked against what slidegen needs."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType

from slidegen.errors import Location, Problem
from slidegen.loader import Document
from slidegen.messages import suggest
from slidegen.models.theme import Theme
from slidegen.plan.geometry import SLIDE_SIZES
from slidegen.themes import beside

POTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


@dataclass(frozen=True)
class Need:
    """A placeholder a layout must have: what slidegen calls it, and the placeholder types (`p:ph/@type`) that serve."""

    name: str
    types: frozenset[str]


TITLE = Need("title", frozenset({"title", "ctrTitle"}))
BODY = Need("body", frozenset({"body", "obj"}))
SUBTITLE = Need("subtitle or body", frozenset({"subTitle", "body", "obj"}))

NEEDS: dict[str, tuple[Need, ...]] = {
    "title": (TITLE, SUBTITLE),
    "content": (TITLE, BODY),
    "title_only": (TITLE,),
}
"""The placeholders each kind of slidegen slide needs in its layout (title first: it is read first)."""

USES = {"title": "title and section slides", "content": "text slides", "title_only": "table and chart slides"}


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


def open_template(path: Path) -> PresentationType:
    """The template as a presentation; a .potx is read as the presentation it would start."""
    data = Path(path).read_bytes()
    try:
        if path.suffix.lower() == ".potx":
            data = _as_presentation(data)
        return Presentation(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, etree.XMLSyntaxError) as exc:
        raise TemplateUnreadable(str(exc) or type(exc).__name__) from None


def _as_presentation(data: bytes) -> bytes:
    """A .potx package with its main part typed as a presentation, which is all that tells the two apart."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(POTX_TYPE, PPTX_TYPE)
            dst.writestr(info, body)
    return out.getvalue()


def inspect(path: Path) -> TemplateInfo:
    """Read a template's slide size, layouts and placeholders, master background and fonts."""
    prs = open_template(path)
    layouts = []
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            phs = tuple(
                Placeholder(ph.get("type", "obj"), int(ph.get("idx", "0")))
                for ph in layout._element.iter(qn("p:ph"))
            )
            layouts.append(LayoutInfo(layout.name, phs))
    theme = _theme_xml(prs)
    fonts = theme.find(f".//{qn('a:fontScheme')}") if theme is not None else None
    return TemplateInfo(
        width=prs.slide_width,
        height=prs.slide_height,
        layouts=tuple(layouts),
        background=master_background(prs),
        title_font=_font(fonts, "a:majorFont"),
        body_font=_font(fonts, "a:minorFont"),
        slides=len(prs.slides),
    )


def _theme_xml(prs: PresentationType) -> Any:
    part = prs.slide_master.part.part_related_by(RT.THEME)
    return etree.fromstring(part.blob)


def _font(fonts: Any, which: str) -> str | None:
    if fonts is None:
        return None
    latin = fonts.find(f"{qn(which)}/{qn('a:latin')}")
    return latin.get("typeface") if latin is not None else None


def master_background(prs: PresentationType) -> str | None:
    """The first master's background as `#RRGGBB` when it is one plain colour (None for pictures, gradients …)."""
    master = prs.slide_master._element
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
        scheme = _theme_xml(prs).find(f".//{qn('a:clrScheme')}/{qn('a:' + slot)}")
        if scheme is not None and len(scheme):
            value = scheme[0].get("val") if scheme[0].tag == qn("a:srgbClr") else scheme[0].get("lastClr")
            return f"#{value.upper()}" if value else None
    return None


def _cm(emu: int) -> str:
    return f"{emu / 360000:.2f}".rstrip("0").rstrip(".")


def check_template(doc: Document, theme: Theme, path: Path) -> list[Problem]:
    """Everything that would make a deck built on the template broken or different from its theme, located."""
    assert theme.template is not None
    shown = beside(doc, path.name)
    try:
        info = inspect(path)
    except TemplateUnreadable as exc:
        return [Problem(Location(shown), f"cannot be opened as a PowerPoint presentation ({exc}); "
                                         "open it in PowerPoint and save it as a .pptx presentation")]
    problems: list[Problem] = []
    if (info.width, info.height) != SLIDE_SIZES[theme.slide_size]:
        sizes = {v: k for k, v in SLIDE_SIZES.items()}
        fits = sizes.get((info.width, info.height))
        advice = (f'set `slide_size: "{fits}"`' if fits else
                  "make it 16:9 (33.87 × 19.05 cm) or 4:3 (25.4 × 19.05 cm) in PowerPoint's Slide Size dialog")
        problems.append(doc.problem(("slide_size",), f"{shown} has slides of {_cm(info.width)} × {_cm(info.height)} cm, "
                                                     f"not {theme.slide_size}; {advice}"))
    names = [lay.name for lay in info.layouts]
    for role, needs in NEEDS.items():
        name = getattr(theme.template.layouts, role)
        layout = info.layout(name)
        if layout is None:
            hint = suggest(name, names) or f"; its layouts are: {', '.join(names)}"
            problems.append(doc.problem(("template", "layouts", role), f'{shown} has no layout "{name}"{hint}'))
            continue
        for need in needs:
            if not layout.has(need):
                problems.append(Problem(Location(shown), f'layout "{name}" has no {need.name} placeholder'))
    if info.background is not None and info.background != theme.colours.background.upper():
        problems.append(doc.problem(("colours", "background"), f"the template's background is {info.background}; "
                                    f'set `background: "{info.background}"` so contrast is checked against what is shown'))
    for key, font in (("title", info.title_font), ("body", info.body_font)):
        wanted = getattr(theme.fonts, key)
        if font and not font.startswith("+") and font != wanted:
            problems.append(doc.problem(("fonts", key), f"the template's {key} font is {font}; set `{key}: {font}` "
                                        "so text is written and measured in the template's font"))
    return problems
