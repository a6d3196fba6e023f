"""The starting presentation: an organisation's template without its slides, or python-pptx's resized with the theme's colours and fonts."""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType

from slidegen.models.theme import Theme

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
"""The `p:ext` of presentation.xml that holds PowerPoint's section list."""


def presentation(theme: Theme, width: int, height: int, template: Path | None = None) -> PresentationType:
    """A presentation to add slides to: the template's masters and layouts as they are, or slidegen's own.

    slidegen's own is python-pptx's default template resized, its master carrying the theme's colours
    and fonts. A template keeps its own fonts, colours and background; only its example slides go.
    """
    if template is not None:
        prs = open_template(template)
        remove_slides(prs)
        _drop_thumbnail(prs)
        add_missing_parts(prs)
        return prs
    return Presentation(io.BytesIO(_own(theme, width, height)))


def open_template(path: Path) -> PresentationType:
    """An organisation's template as a presentation; a .potx is read as the presentation it would start."""
    from slidegen.load.template import as_presentation

    return Presentation(io.BytesIO(as_presentation(Path(path).read_bytes(), Path(path))))


_OWN: dict[tuple[str, int, int], bytes] = {}
"""slidegen's own starting presentation as .pptx bytes, by theme and size."""


def _own(theme: Theme, width: int, height: int) -> bytes:
    """slidegen's own starting presentation, prepared once per theme and size in a process.

    Preparing it takes long next to reading it back from bytes, and a watch session rebuilds often.
    """
    key = (theme.model_dump_json(), width, height)
    if key not in _OWN:
        if len(_OWN) >= 8:
            _OWN.clear()
        buf = io.BytesIO()
        _prepare_own(theme, width, height).save(buf)
        _OWN[key] = buf.getvalue()
    return _OWN[key]


def _prepare_own(theme: Theme, width: int, height: int) -> PresentationType:
    """python-pptx's default template resized, with the theme's colours and fonts and without its thumbnail."""
    prs = Presentation()
    scale_x = width / prs.slide_width
    scale_y = height / prs.slide_height
    prs.slide_width, prs.slide_height = width, height
    if width * 3 != height * 4:  # the template says screen4x3; PowerPoint writes no type for other sizes
        prs.part._element.find(qn("p:sldSz")).attrib.pop("type", None)
    master = prs.slide_master
    for shapes in [master.shapes, *(layout.shapes for layout in master.slide_layouts)]:
        for shape in shapes:
            # a layout placeholder without its own position inherits the master's, which is stretched already
            if shape._element.find(f"{qn('p:spPr')}/{qn('a:xfrm')}") is not None:
                shape.left, shape.width = round(shape.left * scale_x), round(shape.width * scale_x)
                shape.top, shape.height = round(shape.top * scale_y), round(shape.height * scale_y)
    fill = master.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(theme.colours.background[1:])
    _theme_part(prs, theme)
    _drop_thumbnail(prs)
    return prs


def _theme_part(prs: PresentationType, theme: Theme) -> None:
    """Write the theme's colours and fonts into the master's theme part (what PowerPoint shows as the theme)."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    c = theme.colours
    scheme = {
        "dk1": c.text, "lt1": c.background, "dk2": c.title, "lt2": c.table_row_alt,
        "accent1": c.accent, "accent2": c.chart.done, "accent3": c.chart.ongoing,
        "accent4": c.chart.not_relevant, "accent5": c.chart.missing, "accent6": c.table_header,
        "hlink": c.accent, "folHlink": c.muted,
    }
    clr = root.find(f".//{{{A}}}clrScheme")
    clr.set("name", theme.name)
    for tag, value in scheme.items():
        slot = clr.find(f"{{{A}}}{tag}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value[1:].upper())
    fonts = root.find(f".//{{{A}}}fontScheme")
    fonts.set("name", theme.name)
    fonts.find(f"{{{A}}}majorFont/{{{A}}}latin").set("typeface", theme.fonts.title)
    fonts.find(f"{{{A}}}minorFont/{{{A}}}latin").set("typeface", theme.fonts.body)
    root.set("name", theme.name)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


P = "http://schemas.openxmlformats.org/presentationml/2006/main"
MISSING_PARTS = (
    (RT.PRES_PROPS, CT.PML_PRES_PROPS, "/ppt/presProps.xml", "presentationPr"),
    (RT.VIEW_PROPS, CT.PML_VIEW_PROPS, "/ppt/viewProps.xml", "viewPr"),
)
"""Parts PowerPoint wants that some templates lack (LibreOffice writes neither): relationship, type, name, root."""


def add_missing_parts(prs: PresentationType) -> None:
    """Add the presentation properties and view properties parts when the template has none."""
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    part = prs.part
    have = {rel.reltype for rel in part.rels.values()}
    names = {str(p.partname) for p in part.package.iter_parts()}
    for reltype, content_type, name, root in MISSING_PARTS:
        if reltype in have or name in names:
            continue
        blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:{root} xmlns:a="{A}" '
                f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="{P}"/>')
        part.relate_to(Part(PackURI(name), content_type, part.package, blob.encode()), reltype)


def remove_slides(prs: PresentationType) -> None:
    """Remove every slide properly: its list entry, its relationship, and any section or custom show naming it."""
    sld_id_lst = prs.slides._sldIdLst
    for sld_id in list(sld_id_lst):
        rId = sld_id.rId
        sld_id_lst.remove(sld_id)
        prs.part.drop_rel(rId)
    root = prs.part._element
    # sections and custom shows list the template's own slides; the deck's slides belong to neither
    for shows in root.findall(qn("p:custShowLst")):
        root.remove(shows)
    ext_lst = root.find(qn("p:extLst"))
    if ext_lst is not None:
        for ext in ext_lst.findall(qn("p:ext")):
            if ext.get("uri") == SECTIONS_EXT:
                ext_lst.remove(ext)
        if not len(ext_lst):
            root.remove(ext_lst)


def _drop_thumbnail(prs: PresentationType) -> None:
    """Remove the template's thumbnail (a picture of an empty slide) from the package."""
    package = prs.part.package
    for rel in list(package.iter_rels()):
        if rel.reltype == RT.THUMBNAIL:
            package.drop_rel(rel.rId)
