"""Make the example organisation template of the `mall` theme: themes/mall/template.pptx and logo.png.

Usage: python scripts/make_template.py [OUT_DIR]     (default: themes/mall)

The template stands in for a county board's own: its own master background, a band and a rule
on the master, a bar on the title layout, Swedish layout names, its own theme colours and fonts,
and two example slides (one with speaker notes) grouped in sections, which a build must drop.
It is made from python-pptx's default template, so it is the project's own work, and the same
script always writes the same parts (tests/test_template_script.py checks this).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import sys
import zlib
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from slidegen.output.files import normalise_zip

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 12192000, 6858000
"""16:9, as the mall theme's slide_size says."""

BACKGROUND = "F6F5F1"
GREEN = "1B4731"
LIGHT_GREEN = "8DB5A0"
TEXT = "1E2A24"

SCHEME = {
    "dk1": TEXT, "lt1": "FFFFFF", "dk2": GREEN, "lt2": BACKGROUND,
    "accent1": "346B54", "accent2": "0E3D4D", "accent3": "C2780A",
    "accent4": "3C3733", "accent5": "838A8E", "accent6": LIGHT_GREEN,
    "hlink": "346B54", "folHlink": "4F5A54",
}
FONT = "Arial"

LAYOUTS = {
    "Title Slide": "Rubrikbild",
    "Title and Content": "Rubrik och innehåll",
    "Two Content": "Två innehåll",
    "Title Only": "Endast rubrik",
    "Blank": "Tom",
    "Picture with Caption": "Bild med bildtext",
}
"""The layouts kept, renamed as a Swedish PowerPoint names them; the others are removed."""

SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
MADE = dt.datetime(2016, 1, 1)


def _rescale(prs) -> None:
    """python-pptx's template is 4:3; stretch its master and layout shapes to 16:9."""
    sx, sy = WIDTH / prs.slide_width, HEIGHT / prs.slide_height
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    prs.part._element.find(qn("p:sldSz")).attrib.pop("type", None)  # PowerPoint writes none for 16:9
    master = prs.slide_master
    for shapes in [master.shapes, *(layout.shapes for layout in master.slide_layouts)]:
        for shape in shapes:
            if shape._element.find(f"{qn('p:spPr')}/{qn('a:xfrm')}") is None:
                continue  # inherits its place from the master, which is stretched already
            shape.left, shape.width = round(shape.left * sx), round(shape.width * sx)
            shape.top, shape.height = round(shape.top * sy), round(shape.height * sy)


def _keep_layouts(prs) -> None:
    """Remove the layouts not in LAYOUTS (list entry and relationship) and rename the rest."""
    master = prs.slide_master
    id_lst = master._element.find(qn("p:sldLayoutIdLst"))
    for entry in list(id_lst):
        rId = entry.get(qn("r:id"))
        layout = master.part.related_part(rId)
        name = layout.slide_layout.name
        if name in LAYOUTS:
            layout.slide_layout._element.cSld.set("name", LAYOUTS[name])
        else:
            id_lst.remove(entry)
            master.part.drop_rel(rId)


def _theme(prs) -> None:
    """The template's own colour and font scheme."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    root.set("name", "Exempellänet")
    clr = root.find(f".//{{{A}}}clrScheme")
    clr.set("name", "Exempellänet")
    for tag, value in SCHEME.items():
        slot = clr.find(f"{{{A}}}{tag}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    fonts = root.find(f".//{{{A}}}fontScheme")
    fonts.set("name", "Exempellänet")
    for which in ("majorFont", "minorFont"):
        fonts.find(f"{{{A}}}{which}/{{{A}}}latin").set("typeface", FONT)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _bar(part_element, name: str, x: int, y: int, w: int, h: int, colour: str) -> None:
    """A plain filled rectangle behind everything else on a master or layout (python-pptx adds none there)."""
    tree = part_element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    next_id = max(int(el.get("id")) for el in part_element.iter(qn("p:cNvPr"))) + 1
    sp = etree.fromstring(
        f'<p:sp xmlns:p="{P}" xmlns:a="{A}">'
        f'<p:nvSpPr><p:cNvPr id="{next_id}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        f"<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )
    tree.insert(2, sp)  # after nvGrpSpPr and grpSpPr: drawn first, under the placeholders


def _master(prs) -> None:
    """Background colour, a green band along the top and a light rule along the bottom."""
    master = prs.slide_master
    fill = master.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(BACKGROUND)
    _bar(master._element, "Band", 0, 0, WIDTH, 144000, GREEN)
    _bar(master._element, "Rule", 0, HEIGHT - 72000, WIDTH, 72000, LIGHT_GREEN)
    title_layout = next(lay for lay in master.slide_layouts if lay.name == LAYOUTS["Title Slide"])
    _bar(title_layout._element, "Bar", 0, 0, 216000, HEIGHT, GREEN)


def _examples(prs) -> None:
    """Two example slides, one with speaker notes, in two sections: what a build must not carry over."""
    by_name = {lay.name: lay for lay in prs.slide_layouts}
    first = prs.slides.add_slide(by_name[LAYOUTS["Title Slide"]])
    first.shapes.title.text = "Exempelbild: rubrik"
    first.placeholders[1].text = "Den här bilden följer med mallen men ska inte hamna i några bildspel."
    second = prs.slides.add_slide(by_name[LAYOUTS["Title and Content"]])
    second.shapes.title.text = "Exempelbild: innehåll"
    second.placeholders[1].text = "Punktlista enligt mallen"
    second.notes_slide.notes_text_frame.text = "Talaranteckning i mallen."
    ids = [s.slide_id for s in prs.slides]
    ext_lst = etree.SubElement(prs.part._element, qn("p:extLst"))  # the last child of p:presentation
    ext = etree.SubElement(ext_lst, qn("p:ext"), uri=SECTIONS_EXT)
    sections = etree.SubElement(ext, f"{{{P14}}}sectionLst", nsmap={"p14": P14})
    for n, (name, slide_id) in enumerate(zip(("Inledning", "Innehåll"), ids), start=1):
        section = etree.SubElement(sections, f"{{{P14}}}section", name=name,
                                   id=f"{{6A1B2C3D-0000-4000-8000-00000000000{n}}}")
        lst = etree.SubElement(section, f"{{{P14}}}sldIdLst")
        etree.SubElement(lst, f"{{{P14}}}sldId", id=str(slide_id))


def _properties(prs) -> None:
    cp = prs.core_properties
    cp.title = "Exempelmall för slidegen"
    cp.author = "slidegen"
    cp.last_modified_by = "slidegen"
    cp.comments = "Exempel på en organisations egen mall, gjord av scripts/make_template.py."
    cp.revision = 1
    cp.created = cp.modified = MADE


def template_bytes() -> bytes:
    """The template as .pptx bytes, the same on every run."""
    prs = Presentation()
    _rescale(prs)
    _keep_layouts(prs)
    _theme(prs)
    _master(prs)
    _examples(prs)
    _properties(prs)
    buf = io.BytesIO()
    prs.save(buf)
    return normalise_zip(buf.getvalue(), MADE)


def _png(width: int, height: int, rows: list[bytes]) -> bytes:
    """RGBA rows as PNG bytes (no library needed, so the pixels are exactly these)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 6, 0, 0, 0])
    raw = b"".join(b"\x00" + row for row in rows)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def logo_pixels(size: int = 240) -> tuple[int, int, list[bytes]]:
    """A round green emblem with three light waves (water, land, air), on a transparent background."""
    green = bytes.fromhex(GREEN)
    light = bytes.fromhex("DCE9E1")
    rows = []
    r = size / 2
    for y in range(size):
        row = bytearray()
        for x in range(size):
            dx, dy = x + 0.5 - r, y + 0.5 - r
            d = (dx * dx + dy * dy) ** 0.5
            alpha = max(0.0, min(1.0, r - 2 - d))  # a soft edge of one pixel
            colour = green
            for k in range(3):
                centre = size * (0.34 + 0.16 * k) + size * 0.05 * math.sin(x / size * 2 * math.pi + k)
                if abs(y + 0.5 - centre) < size * 0.035 and d < r - size * 0.12:
                    colour = light
            row += colour + bytes([round(alpha * 255)])
        rows.append(bytes(row))
    return size, size, rows


def write(out_dir: Path) -> list[Path]:
    """Write template.pptx and logo.png into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    template = out_dir / "template.pptx"
    template.write_bytes(template_bytes())
    logo = out_dir / "logo.png"
    logo.write_bytes(_png(*logo_pixels()))
    return [template, logo]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "themes" / "mall"
    for path in write(target):
        print(path)
