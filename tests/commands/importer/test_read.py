"""Reading a presentation: text exactly and in reading order, levels, line breaks, numbers, tables, charts, notes,
pictures, and what cannot be carried named."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Cm
from pptxfiles import REAL_DECKS, bar_chart, body, deck, notes, picture, png, save, slide, table, text_box

from slidegen.commands.importer.package import open_presentation
from slidegen.commands.importer.read import read_deck
from slidegen.commands.importer.source import Para


def read(prs, tmp_path: Path):
    return read_deck(open_presentation(save(prs, tmp_path / "in.pptx")))


def test_text_is_kept_exactly_with_levels_and_swedish_letters(tmp_path: Path):
    prs = deck()
    s = slide(prs, "content", "Åtgärder för miljömålen")
    body(s, ["Länsstyrelsernas arbete", (1, "Övergripande verksamhetsplanering"), (2, "ÅR 2016 – “delvis”"), "Ännu en"])
    (got,) = read(prs, tmp_path).slides
    assert got.title.text == "Åtgärder för miljömålen"
    assert got.blocks[0].paras == [Para("Länsstyrelsernas arbete", 0), Para("Övergripande verksamhetsplanering", 1),
                                   Para("ÅR 2016 – “delvis”", 2), Para("Ännu en", 0)]


def test_a_line_break_inside_a_paragraph_stays_a_line_break(tmp_path: Path):
    prs = deck()
    s = slide(prs, "content", "Rubrik")
    ph = body(s, ["första"])
    p = ph.text_frame.paragraphs[0]
    p.add_line_break()
    p.add_run().text = "andra raden"
    (got,) = read(prs, tmp_path).slides
    assert got.blocks[0].paras == [Para("första\nandra raden", 0)]


ORDERS = {
    "rows from the top, each from the left": (
        [(18, 10, "nere till höger"), (2, 10.2, "nere till vänster"), (2, 2, "överst"), (10, 6, "mitten")],
        ["överst", "mitten", "nere till vänster", "nere till höger"]),  # 2 mm lower is the same row
    "a group in its own order where it stands": (
        [(2, 14, "under gruppen"), (12, 6, "i gruppen, höger", True), (2, 6, "i gruppen, vänster", True), (2, 1, "överst")],
        ["överst", "i gruppen, vänster", "i gruppen, höger", "under gruppen"]),
}


@pytest.mark.parametrize("case", list(ORDERS))
def test_reading_order_is_top_to_bottom_then_left_to_right(tmp_path: Path, case: str):
    boxes, order = ORDERS[case]
    prs = deck()
    s = slide(prs, "blank")
    group = s.shapes.add_group_shape() if any(len(b) > 3 for b in boxes) else None
    for x, y, text, *grouped in boxes:
        text_box(group if grouped else s, x, y, [text])
    (got,) = read(prs, tmp_path).slides
    assert [b.text for b in got.blocks] == order


def test_automatic_numbers_are_written_out_and_count_per_level(tmp_path: Path):
    prs = deck()
    s = slide(prs, "content", "Dagordning")
    ph = body(s, ["Inledning", "Läget", (1, "först"), (1, "sedan"), "Övriga frågor"])
    for k, p in enumerate(ph.text_frame.paragraphs):
        ppr = p._p.get_or_add_pPr()
        ppr.append(etree.SubElement(ppr, qn("a:buAutoNum"), type="alphaLcParenR" if p.level else "arabicPeriod"))
    (got,) = read(prs, tmp_path).slides
    assert [p.text for p in got.blocks[0].paras] == ["1. Inledning", "2. Läget", "a) först", "b) sedan", "3. Övriga frågor"]


def test_the_title_the_subtitle_and_notes(tmp_path: Path):
    prs = deck()
    s = slide(prs, "title", "Uppdrag 51 – hur går det?")
    s.placeholders[1].text_frame.text = "Skype-möte 2016-10-28"
    notes(s, "Hälsa välkommen.\nPresentera dagordningen.")
    (got,) = read(prs, tmp_path).slides
    assert got.layout == "title"
    assert got.title.text == "Uppdrag 51 – hur går det?"
    assert [(b.role, b.text) for b in got.blocks] == [("subtitle", "Skype-möte 2016-10-28")]
    assert got.notes == "Hälsa välkommen.\nPresentera dagordningen."


def test_a_table_keeps_every_cell_and_its_line_breaks(tmp_path: Path):
    prs = deck()
    s = slide(prs, "title_only", "Budget (tkr)")
    table(s, [["Post", "2016", "2017"], ["Personal", "1 200", "1 350"], ["Tryck\noch webb", "45", ""]])
    (got,) = read(prs, tmp_path).slides
    (t,) = got.tables
    assert t.rows == [["Post", "2016", "2017"], ["Personal", "1 200", "1 350"], ["Tryck\noch webb", "45", ""]]
    assert t.header is True


def test_a_chart_gives_its_cached_data(tmp_path: Path):
    prs = deck()
    s = slide(prs, "title_only", "Goda exempel per län")
    bar_chart(s, ["Stockholm", "Uppsala", "Skåne"], {"2016": [1, 2, None], "2017": [2, 2, 1]})
    (got,) = read(prs, tmp_path).slides
    (chart,) = got.charts
    assert (chart.kind, chart.direction, chart.grouping) == ("barChart", "col", "clustered")
    assert chart.categories == ["Stockholm", "Uppsala", "Skåne"]
    assert [(x.name, x.values) for x in chart.series] == [("2016", [1, 2, None]), ("2017", [2, 2, 1])]


@pytest.mark.skipif(not REAL_DECKS.is_dir(), reason="../shared/real-decks is not beside the checkout")
def test_a_3d_chart_python_pptx_cannot_read_is_read_from_its_xml():
    deck_ = read_deck(open_presentation(REAL_DECKS / "aascu-5864.pptx"))
    (chart,) = deck_.slides[4].charts
    assert chart.kind == "bar3DChart"
    assert chart.categories[:3] == ["100 years and over", "95 to 99 years", "90 to 94 years"]
    assert round(chart.series[0].values[0], 4) == 79.6264


@pytest.mark.skipif(not REAL_DECKS.is_dir(), reason="../shared/real-decks is not beside the checkout")
def test_smartart_text_is_read_as_nested_paragraphs():
    got = read_deck(open_presentation(REAL_DECKS / "customGeo.pptx")).slides[6]
    (block,) = got.blocks
    assert block.role == "smartart"
    assert [(p.level, p.text) for p in block.paras] == [
        (0, "Ohio’s New Learning Standards for English Language Arts"), (1, "Reading Strand"), (1, "Writing Strand"),
        (1, "Speaking and Listening Strand"), (1, "Language Strand")]
    assert "SmartArt (its text is kept as bullets)" in got.left_out


def test_pictures_keep_their_bytes_alt_text_and_crop(tmp_path: Path):
    prs = deck()
    s = slide(prs, "title_only", "Karta")
    data = png()
    pic = picture(s, data, descr="Karta över länet")
    pic.crop_left = 0.25
    (got,) = read(prs, tmp_path).slides
    (p,) = got.pictures
    assert p.blob == data and p.content_type == "image/png"
    assert p.alt == "Karta över länet"
    assert p.crop == (0.25, 0.0, 0.0, 0.0)


def test_a_picture_marked_decorative_is_known_as_such(tmp_path: Path):
    prs = deck()
    s = slide(prs, "title_only", "Karta")
    pic = picture(s, png())
    ext_lst = etree.SubElement(pic._element.nvPicPr.cNvPr, qn("a:extLst"))
    ext = etree.SubElement(ext_lst, qn("a:ext"), uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}")
    etree.SubElement(ext, "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative", val="1")
    (got,) = read(prs, tmp_path).slides
    assert got.pictures[0].decorative is True


def test_what_cannot_be_carried_is_named_and_slide_furniture_is_skipped(tmp_path: Path):
    prs = deck()
    s = slide(prs, "content", "Rubrik")
    body(s, ["text"])
    s.shapes.add_connector(1, Cm(1), Cm(1), Cm(5), Cm(5))
    s.shapes.add_shape(1, Cm(20), Cm(2), Cm(3), Cm(3))
    number = text_box(s, 30, 18, ["7"])
    run = number.text_frame.paragraphs[0]._p.r_lst[0]
    fld = etree.SubElement(number.text_frame.paragraphs[0]._p, qn("a:fld"), id="{1}", type="slidenum")
    fld.append(copy.deepcopy(run.find(qn("a:t"))))
    number.text_frame.paragraphs[0]._p.remove(run)
    bg = etree.SubElement(s._element.find(qn("p:cSld")), qn("p:bg"))
    s._element.find(qn("p:cSld")).insert(0, bg)
    etree.SubElement(etree.SubElement(bg, qn("p:bgPr")), qn("a:solidFill"))
    s._element.set("show", "0")
    (got,) = read(prs, tmp_path).slides
    assert [b.text for b in got.blocks] == ["text"]
    assert got.left_out == ["a background of its own", "hidden in the original (it is shown here)",
                            "drawn shapes (1 line, 1 shape)"]


def test_a_picture_inside_alternate_content_is_found_by_its_fallback(tmp_path: Path):
    prs = deck()
    s = slide(prs, "title_only", "Mac")
    pic = picture(s, png(colour=(0, 90, 0)))
    fill = pic._element.find(qn("p:blipFill"))
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    alternate = etree.Element(f"{{{mc}}}AlternateContent")
    fill.addprevious(alternate)
    etree.SubElement(alternate, f"{{{mc}}}Choice", Requires="ma").append(copy.deepcopy(fill))
    etree.SubElement(alternate, f"{{{mc}}}Fallback").append(fill)
    (got,) = read(prs, tmp_path).slides
    assert len(got.pictures) == 1 and got.pictures[0].blob.startswith(b"\x89PNG")


def test_document_properties_and_the_language_of_the_text(tmp_path: Path):
    prs = deck()
    prs.core_properties.title = "Nätverksträff"
    prs.core_properties.author = "Kim Exempelsson"
    prs.core_properties.keywords = "miljömål; RUS"
    s = slide(prs, "content", "Rubrik")
    body(s, ["text"])
    for r in s._element.iter(qn("a:r")):
        r.get_or_add_rPr().set("lang", "sv-SE")
    got = read(prs, tmp_path)
    assert (got.title, got.author, got.keywords, got.language) == ("Nätverksträff", "Kim Exempelsson", ["miljömål", "RUS"], "sv-SE")
    assert (got.width, got.height) == (Cm(33.867), Cm(19.05))


def test_a_real_deck_reads_as_its_slides(tmp_path: Path):
    if not REAL_DECKS.is_dir():
        pytest.skip("../shared/real-decks is not beside the checkout")
    got = read_deck(Presentation(io.BytesIO((REAL_DECKS / "SampleShow.pptx").read_bytes())))
    assert [s.title.text for s in got.slides] == ["Title of the first slide", "This is the second slide"]
    assert got.slides[1].notes == "These are the notes of the 2nd slide\nTHIS LINE IS BOLD"
