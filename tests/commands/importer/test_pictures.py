"""The original's pictures: converted where slides cannot show them, through the picture pipeline (upright, cut as
shown, without metadata), named by the importer, each distinct picture once."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import needs_soffice
from PIL import Image
from pptx.oxml.ns import qn
from pptxfiles import REAL_DECKS, deck, picture, png, save, slide, with_part

from importing import imported
from slidegen.commands.importer.package import open_presentation
from slidegen.commands.importer.pictures import Missing, Saved, prepare
from slidegen.commands.importer.read import read_deck
from slidegen.project import Project


def test_a_gif_becomes_a_png_with_the_same_pixels(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    picture(slide(prs, "title_only", "Logotyp"), png(fmt="GIF"), descr="Länsstyrelsens logotyp")
    result, slides = imported(empty_project, prs, tmp_path)
    (ref, data), = result.pictures.items()
    assert ref == "bilder/in/slide-02-1.png" and data.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(data)) as made, Image.open(io.BytesIO(png(fmt="GIF"))) as original:
        assert made.size == original.size
        assert made.convert("RGB").getpixel((2, 2)) == original.convert("RGB").getpixel((2, 2)) == (10, 10, 10)
    assert "# converted from GIF" in result.text


def test_a_cropped_picture_is_saved_as_the_slide_showed_it(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    pic = picture(slide(prs, "title_only", "Utsnitt"), png(200, 100), descr="Utsnitt av kartan")
    pic.crop_left, pic.crop_top = 0.5, 0.5
    result, _ = imported(empty_project, prs, tmp_path)
    (data,) = result.pictures.values()
    with Image.open(io.BytesIO(data)) as made:
        assert made.size == (100, 50)
        assert made.convert("RGB").getpixel((5, 5)) == (200, 40, 40)  # the dark corner was cut away


def test_a_phone_photo_is_made_upright_and_loses_its_metadata(empty_project: Project, tmp_path: Path):
    image = Image.open(io.BytesIO(png(160, 90)))
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned: the camera was held upright
    exif[0x8825] = {2: (59.0, 19.0, 0.0)}  # a GPS position
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "JPEG", exif=exif, quality=95)
    prs = deck()
    slide(prs, "title", "Möte")
    picture(slide(prs, "title_only", "Foto"), buf.getvalue(), descr="Foto från mötet")
    result, _ = imported(empty_project, prs, tmp_path)
    (data,) = result.pictures.values()
    with Image.open(io.BytesIO(data)) as made:
        assert made.size == (90, 160)
        assert not made.getexif() and "exif" not in made.info


def test_a_picture_on_many_slides_is_carried_once(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    logo = png(40, 20, (0, 60, 120))
    for k in range(1, 4):
        s = slide(prs, "title_only", f"Bild {k}")
        picture(s, logo, x=28, y=16, w=3, descr="Logotyp")
        picture(s, png(100, 100, (k * 60, 100, 0)), descr=f"Diagram {k}")
    result, slides = imported(empty_project, prs, tmp_path)
    assert sorted(result.pictures) == ["bilder/in/slide-02-1.png", "bilder/in/slide-02-2.png", "bilder/in/slide-03-1.png",
                                       "bilder/in/slide-04-1.png"]
    assert [s["alt"] for s in slides if s["kind"] == "picture"] == ["Diagram 1", "Logotyp", "Diagram 2", "Diagram 3"]
    assert ("slide 3: left out: a picture repeated on 3 slides (a logo?), kept once on slide 2; "
            "a theme's logo is the place for it") in result.lines


def test_names_are_the_importers_never_the_packages(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    picture(slide(prs, "title_only", "Bild"), png(), descr="En bild")
    path = save(prs, tmp_path / "hostile.pptx")
    evil = "ppt/media/..%2F..%2F..%2Fevil.png"
    hostile = with_part(path, tmp_path / "hostile2.pptx", "ppt/slides/_rels/slide2.xml.rels",
                        lambda data: data.replace(b"../media/image1.png", b"../media/..%2F..%2F..%2Fevil.png"))
    hostile = with_part(hostile, tmp_path / "hostile3.pptx", evil, lambda _: png())
    from slidegen.commands.importer import import_deck

    result = import_deck(empty_project, hostile)
    assert list(result.pictures) == ["bilder/hostile3/slide-02-1.png"]
    assert all(re.fullmatch(r"bilder/hostile3/slide-\d{2}-\d\.(png|jpg)", ref) for ref in result.pictures)


def test_a_linked_picture_is_reported(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    s = slide(prs, "title_only", "Länkad")
    pic = picture(s, png(), descr="Länkad bild")
    blip = pic._element.find(f".//{qn('a:blip')}")
    blip.set(qn("r:link"), blip.get(qn("r:embed")))
    del blip.attrib[qn("r:embed")]
    result, slides = imported(empty_project, prs, tmp_path)
    assert result.pictures == {}
    assert result.lines == ["slide 2: left out: a linked picture (it is not inside the file)"]
    assert slides[1] == {"kind": "section", "title": "Länkad"}


@pytest.mark.skipif(not REAL_DECKS.is_dir(), reason="../shared/real-decks is not beside the checkout")
def test_wmf_drawings_without_libreoffice_are_left_out_and_said_so():
    source = read_deck(open_presentation(REAL_DECKS / "bug62513.pptx"))
    prepared = prepare(source, "bilder/x", soffice=None)
    drawings = [p for s in source.slides for p in s.pictures if p.content_type == "image/x-wmf"]
    assert len(drawings) == 9
    assert {prepared.get(p) for p in drawings} == {Missing("a WMF drawing (LibreOffice is not installed)")}


@needs_soffice
@pytest.mark.skipif(not REAL_DECKS.is_dir(), reason="../shared/real-decks is not beside the checkout")
def test_wmf_drawings_are_converted_by_libreoffice_and_cut_to_what_is_drawn():
    from slidegen.output.libreoffice import find_soffice

    source = read_deck(open_presentation(REAL_DECKS / "bug62513.pptx"))
    icon = source.slides[12].pictures[0]  # an embedded Word document shown as an icon
    prepared = prepare(source, "bilder/x", soffice=find_soffice()).get(icon)
    assert isinstance(prepared, Saved) and prepared.ref == "bilder/x/slide-13-1.png"
    assert prepared.changes == ("converted from WMF by LibreOffice",)
    with Image.open(io.BytesIO(prepared.data)) as made:
        assert 20 < made.width < 300 and 20 < made.height < 300  # the icon, not an A4 page around it


def test_a_pdf_picture_is_drawn_as_png(empty_project: Project, tmp_path: Path):
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(200, 100)
    buf = io.BytesIO()
    pdf.save(buf)
    prs = deck()
    slide(prs, "title", "Möte")
    pic = picture(slide(prs, "title_only", "PDF"), png(), descr="Ett diagram")
    path = save(prs, tmp_path / "pdf.pptx")
    swapped = with_part(path, tmp_path / "pdf2.pptx", "ppt/media/image1.png", lambda _: buf.getvalue())
    from slidegen.commands.importer import import_deck

    result = import_deck(empty_project, swapped)
    (data,) = result.pictures.values()
    with Image.open(io.BytesIO(data)) as made:
        assert made.width == 417 and made.height in (208, 209)  # 200 × 100 points at 150 dpi
    assert "converted from PDF" in result.text and pic is not None
