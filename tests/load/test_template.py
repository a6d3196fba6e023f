"""Reading a template as plain data: placeholders with inherited frames and text, decoration, backgrounds, pixels."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from realtemplates import SHARED

from slidegen.load.template import inspect
from slidegen.models.template import shown_name, TITLE
from slidegen.load.template_paint import ColourContext, colour_of
from slidegen.units import Rect

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"no {SHARED} (the shared templates) beside the checkout")


def _shape(xml: str):
    return etree.fromstring(f'<p:sp xmlns:p="{P}" xmlns:a="{A}">{xml}</p:sp>')


def _rect(name: str, x: int, y: int, w: int, h: int, fill: str, id_: int) -> str:
    return (f'<p:nvSpPr><p:cNvPr id="{id_}" name="{name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr>')


def _png(top: tuple[int, int, int], bottom: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (40, 40), bottom)
    image.paste(top, (0, 0, 40, 20))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def layout(prs, name: str):
    return next(lay for lay in prs.slide_layouts if lay.name == name)


@pytest.fixture
def template(tmp_path: Path) -> Path:
    """python-pptx's default template with a band and a (red) logo on the master, a picture background on "Title Only",
    a gradient on "Title Slide", a title style in capitals, and "Blank" hiding the master's shapes."""
    prs = Presentation()
    master = prs.slide_master
    tree = master._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    band = _rect("Band", 0, 0, 9144000, 1600000, '<a:solidFill><a:schemeClr val="tx2"><a:lumMod val="50000"/>'
                 '</a:schemeClr></a:solidFill>', 90)
    tree.insert(2, _shape(band))
    tree.append(_shape(_rect("Logo", 7900000, 300000, 1000000, 600000, '<a:solidFill><a:srgbClr val="C81E1E"/>'
                             "</a:solidFill>", 91)))
    style = master._element.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    style.set("algn", "r")
    style.find(qn("a:defRPr")).set("cap", "all")
    only = layout(prs, "Title Only")
    picture = only.part.relate_to(_image_part(prs, _png((20, 20, 20), (240, 240, 240))),
                                  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image")
    _background(only, f'<a:blipFill><a:blip r:embed="{picture}"/><a:stretch><a:fillRect/></a:stretch></a:blipFill>')
    _background(layout(prs, "Title Slide"), '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="112233"/></a:gs>'
                '<a:gs pos="100000"><a:srgbClr val="DDEEFF"/></a:gs></a:gsLst></a:gradFill>')
    layout(prs, "Blank")._element.set("showMasterSp", "0")
    content = layout(prs, "Title and Content")
    title = next(ph for ph in content.placeholders if ph.placeholder_format.idx == 0)
    xfrm = title._element.find(f"{qn('p:spPr')}/{qn('a:xfrm')}")
    if xfrm is not None:
        xfrm.getparent().remove(xfrm)
    path = tmp_path / "template.pptx"
    prs.save(str(path))
    return path


def _image_part(prs, data: bytes):
    from pptx.parts.image import ImagePart

    return ImagePart.new(prs.part.package, __import__("pptx").parts.image.Image.from_blob(data))


def _background(lay, fill: str) -> None:
    c_sld = lay._element.find(qn("p:cSld"))
    bg = etree.fromstring(f'<p:bg xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"><p:bgPr>{fill}<a:effectLst/></p:bgPr></p:bg>')
    c_sld.insert(0, bg)


def test_a_layout_placeholder_without_a_position_takes_its_masters(template: Path):
    info = inspect(template)
    master_title = Presentation(str(template)).slide_master.placeholders[0]
    title = info.layout("Title and Content").find(TITLE)
    assert title is not None
    assert title.rect == Rect(master_title.left, master_title.top, master_title.width, master_title.height)


def test_the_title_style_comes_from_the_master_when_the_layout_says_nothing(template: Path):
    title = inspect(template).layout("Title and Content").find(TITLE)
    assert (title.style.size, title.style.caps, title.style.align) == (44.0, True, "r")
    assert title.style.insets == (91440, 45720, 91440, 45720)


def test_scheme_colours_go_through_the_colour_map_and_their_transforms(template: Path):
    info = inspect(template)
    band = next(layer for layer in info.layout("Title and Content").layers if layer.name == "Band")
    # tx2 is dk2 (#1F497D in python-pptx's theme), at half its lightness
    assert band.paint.colours == ("#0F243E",)
    ctx = ColourContext({"dk1": "000000", "lt1": "FFFFFF"}, {"tx1": "dk1", "bg1": "lt1"})
    grey = etree.fromstring(f'<a:schemeClr xmlns:a="{A}" val="tx1"><a:lumMod val="65000"/><a:lumOff val="35000"/>'
                            "</a:schemeClr>")
    assert colour_of(grey, ctx) == "#595959"


def test_decoration_that_text_sits_on_is_a_backdrop_and_a_logo_over_the_title_is_an_obstacle(template: Path):
    layers = {layer.name: layer for layer in inspect(template).layout("Title and Content").layers}
    assert layers["Band"].backdrop and layers["Band"].master  # the master's title lies on the band
    assert not layers["Logo"].backdrop
    assert inspect(template).layout("Blank").layers == ()  # showMasterSp="0" hides the master's


def test_behind_a_text_is_what_a_picture_shows_there(template: Path):
    only = inspect(template).layout("Title Only")
    top = only.behind(Rect(0, 2000000, 9144000, 400000))  # below the band, in the picture's dark half
    bottom = only.behind(Rect(0, 5000000, 9144000, 400000))
    assert top.colours == ("#141414",) and bottom.colours == ("#F0F0F0",)
    assert top.layers == ("background",)


def test_behind_a_text_on_a_band_is_the_band_and_every_stop_of_a_gradient(template: Path):
    info = inspect(template)
    on_band = info.layout("Title Slide").behind(Rect(100000, 100000, 2000000, 500000))
    assert on_band.colours == ("#0F243E",) and on_band.layers == ("Band",)
    below = info.layout("Title Slide").behind(Rect(100000, 3000000, 2000000, 500000))
    assert set(below.colours) == {"#112233", "#DDEEFF"}


def test_a_name_with_a_line_break_is_shown_and_found_with_a_return_sign():
    assert shown_name("Abschnitts-\nüberschrift") == "Abschnitts-⏎überschrift"


@shared
def test_real_templates_sizes_and_backgrounds():
    corp = inspect(SHARED / "corp-60810.pptx")
    assert (corp.width, corp.height) == (9144000, 5143500)
    assert corp.layout("1_Title Slide").background.colours == ("#000000",)  # its own, not the master's white
    lo = inspect(SHARED / "libreoffice-bug60993.pptx")
    assert (lo.width, lo.height) == (12193587, 6858000)
    title = lo.layout("Title, Content").find(TITLE)
    assert (title.style.size, title.style.colour) == (44.0, "#000000")  # LibreOffice formats the prompt text
    depth = inspect(SHARED / "pandoc-depth.pptx").layout("Title and Content")
    grey = depth.behind(Rect(0, 0, 12192000, 500000)).colours
    assert all(c[1:3] == c[3:5] == c[5:7] and 150 < int(c[1:3], 16) < 200 for c in grey)  # 16-bit grey, not white
    nyu = inspect(SHARED / "nyu-shanghai.potx").layout("Title and Content")
    assert nyu.find(TITLE).fill.colours == ("#595959",)  # the title band is the placeholder's own fill
    de = inspect(SHARED / "de-alterman-security.pptx")
    assert de.layout("Abschnitts-⏎überschrift") is not None and "Abschnitts-⏎überschrift" in de.names
