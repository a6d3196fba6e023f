"""A deck of every general slide kind built in every shipped theme, reopened: texts, cells, columns, pictures, alt texts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from deckread import read_deck
from kinds import DECK, THEMES, kinds_project
from openxml_audit import FileFormat, OpenXmlValidator
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from slidegen.build import build
from slidegen.cli import main
from slidegen.commands.audit import audit
from slidegen.project import Project
from slidegen.render.pptx.shapes import description, is_decorative

NB = "\u00a0"
MINUS = "\u2212"

TITLES = [
    "Uppföljning av uppdrag 51",
    "Så sprids de goda exemplen",
    "Trädet som symbol",
    "Bakgrundsbild",
    "Budget för nätverket (tkr)",
    "Goda exempel och kostnader per län",
    "Goda exempel per län",
    "Styrkor och utmaningar",
    "Före, under och efter mötet",
    "Det viktigaste är att vi delar med …",
    "En röst från länen",
    "Tack!",
]

TEXTS = {
    "Uppföljning av uppdrag 51": ["Kim Exempelsson", "Möte för länsstyrelsernas miljömålssamordnare"],
    "Så sprids de goda exemplen": ["Källa: RUS 2017"],
    "Trädet som symbol": ["Broschyrer", "Används i alla trycksaker", "Foto taget i Exempellän", "Symbolen för nätverket",
                          "Webben"],
    "Bakgrundsbild": [],
    "Goda exempel per län": ["–"],  # the missing value, marked over the editable chart
    "Styrkor och utmaningar": ["Engagerade samordnare", "Styrkor", "Svårt att mäta effekter", "Tydligt uppdrag",
                               "Utmaningar"],
    "Före, under och efter mötet": ["Diskussion i grupper", "Efter", "Före", "Korta dragningar", "Minnesanteckningar",
                                    "Samla in goda exempel", "Skicka ut dagordningen", "Under",
                                    "Uppföljning i nätverket"],
    "Det viktigaste är att vi delar med …": ["\u201dDet viktigaste är att vi delar med oss av det som fungerar.\u201d",
                                             "– Namn Namnsson, Länsstyrelsen i Exempellän"],
    "En röst från länen": ["\u201dMiljömålen blir verkliga först när de finns i verksamhetsplanen.\u201d"],
    "Tack!": ["Kim Exempelsson, Miljömålssamordnare", "kim@lansstyrelsen.se · 010-123 45 67",
              "Alex Prov, RUS arbetsgrupp", "alex.prov@lansstyrelsen.se"],
}
"""What each slide says besides its title (in reading order where it is one text box)."""

ORDERED = {"Tack!", "Det viktigaste är att vi delar med …", "En röst från länen", "Så sprids de goda exemplen",
           "Bakgrundsbild", "Goda exempel per län"}

TABLES = {
    "Budget för nätverket (tkr)": [
        ["Post", "2016", "2017", "Förändring"],
        ["Personal", f"1{NB}200", f"1{NB}350", "150"],
        ["Tryck och webb", "45", "–", "–"],
        ["Resor och möten för samordnarna i alla län", "80,5", "60", f"{MINUS}20,5"],
        ["Övrigt", "–", "12,25", "–"],
    ],
    "Goda exempel och kostnader per län": [  # from content/data/exempel.csv
        ["Län", "År", "Goda exempel", "Andel klara", "Kostnad (tkr)"],
        ["Stockholm", "2016", "3", f"12,5{NB}%", f"1{NB}350"],
        ["Uppsala", "2016", "–", f"7{NB}%", "45"],
        ["Västra Götaland", "2017", "12", "–", f"{MINUS}3,5"],
        ["Norrbotten", "2017", "1", f"100{NB}%", "–"],
    ],
}

LAYOUTS = {
    "default": {"picture": "Picture with Caption", "columns": "Two Content", "quote": "Title Only", "closing": "Title Slide"},
    "kontrast": {"picture": "Picture with Caption", "columns": "Two Content", "quote": "Title Only", "closing": "Title Slide"},
    "mall": {"picture": "Bild med bildtext", "columns": "Två innehåll", "quote": "Endast rubrik", "closing": "Rubrikbild"},
}
"""The layout each kind is built on: PowerPoint's own names, or the ones the mall theme names (quotes and the
closing slide, which it names none for, on its title-only and title layouts)."""


@pytest.fixture(scope="module", params=THEMES)
def built(request, tmp_path_factory, chart_cache) -> tuple[str, Project, Path]:
    project = kinds_project(tmp_path_factory.mktemp(f"kinds-{request.param}") / "p", chart_cache)
    (deck,) = build(project, theme=request.param)
    return request.param, project, deck.path


def slide_of(path: Path, title: str):
    prs = Presentation(str(path))
    return next(s for s in prs.slides if s.shapes.title.text_frame.text == title)


def test_every_slide_has_its_title_and_its_texts(built):
    _, _, path = built
    slides = read_deck(path)
    assert [s.title for s in slides] == TITLES
    for s in slides:
        if s.title in TABLES:
            continue
        if s.title in ORDERED:
            assert s.paragraphs == TEXTS[s.title], s.title
        else:  # several boxes, whose order in the file depends on the layout's placeholders
            assert sorted(s.paragraphs) == sorted(TEXTS[s.title]), s.title


def test_every_table_cell_is_written_the_swedish_way_and_numbers_stand_right(built):
    _, _, path = built
    tables = {s.title: s.tables for s in read_deck(path) if s.tables}
    assert tables == {title: [rows] for title, rows in TABLES.items()}
    for title in TABLES:
        (shape,) = [sh for sh in slide_of(path, title).shapes if sh.has_table]
        assert shape.table._tbl.tblPr.get("firstRow") == "1"
        for row in shape.table.rows:
            aligns = [cell.text_frame.paragraphs[0]._p.pPr.get("algn") for cell in row.cells]
            assert aligns[0] == "l" and set(aligns[2:]) == {"r"}  # the label column left, the number columns right
        assert description(shape).startswith(f"Tabell: {title}. 4 rader med kolumnerna ")


def test_the_csv_bar_chart_is_editable_with_the_file_s_values_and_missing_is_not_zero(built):
    _, _, path = built
    (chart,) = [sh for sh in slide_of(path, "Goda exempel per län").shapes if sh.has_chart]
    plot = chart.chart.plots[0]
    assert list(plot.categories) == ["Stockholm", "Uppsala", "Skåne"]
    assert [(s.name, s.values) for s in plot.series] == [("2016", (1.0, 2.0, None)), ("2017", (2.0, 2.0, 1.0))]
    assert description(chart) == (f"Stapeldiagram: Stockholm: 2016 1{NB}st, 2017 2{NB}st; Uppsala: 2016 2{NB}st, "
                                  f"2017 2{NB}st; Skåne: 2016 uppgift saknas, 2017 1{NB}st.")


def test_the_table_carries_its_speaker_notes(built):
    _, _, path = built
    notes = slide_of(path, "Budget för nätverket (tkr)").notes_slide.notes_text_frame.text
    assert notes == "Beloppen är i tusentals kronor; ett streck betyder att uppgift saknas."


def test_columns_stand_side_by_side(built):
    _, _, path = built
    prs = Presentation(str(path))
    for title, count in (("Styrkor och utmaningar", 2), ("Före, under och efter mötet", 3)):
        columns = sorted((sh for sh in slide_of(path, title).shapes if sh.name.startswith("Column")), key=lambda sh: sh.name)
        assert [c.name for c in columns] == [f"Column {k}" for k in range(1, count + 1)]
        assert len({c.top for c in columns}) == 1 and len({c.width for c in columns}) == 1
        for left, right in zip(columns, columns[1:]):
            assert left.left + left.width < right.left
        assert columns[-1].left + columns[-1].width <= prs.slide_width
    first = next(sh for sh in slide_of(path, "Styrkor och utmaningar").shapes if sh.name == "Column 1")
    assert [p.text for p in first.text_frame.paragraphs] == ["Styrkor", "Engagerade samordnare", "Tydligt uppdrag"]


def test_pictures_have_their_alt_texts_crops_and_captions_under_them(built):
    _, _, path = built
    def picture(title: str):
        return next(sh for sh in slide_of(path, title).shapes if sh.name == "Picture")

    flow = picture("Så sprids de goda exemplen")
    assert description(flow) == "Flödesschema i fyra steg, från länens exempel till en gemensam webbsida"
    assert (flow.crop_left, flow.crop_top, flow.crop_right, flow.crop_bottom) == (0, 0, 0, 0)
    assert flow.width / flow.height == pytest.approx(2, rel=0.01)  # the picture's own shape: 800 × 400
    caption = next(sh for sh in slide_of(path, "Så sprids de goda exemplen").shapes if sh.name == "Caption")
    assert caption.top >= flow.top + flow.height and caption.text_frame.text == "Källa: RUS 2017"
    tree = picture("Trädet som symbol")
    assert description(tree) == "Ett grönt lövträd på en gräsmatta"
    # `fit: cover`: the picture pipeline cut the picture's top and bottom from its pixels, so the XML has no crop
    # and what is embedded has the frame's shape, narrower than the 4:3 photo
    assert (tree.crop_left, tree.crop_top, tree.crop_right, tree.crop_bottom) == (0, 0, 0, 0)
    embedded = Image.open(io.BytesIO(tree.image.blob))
    assert embedded.width / embedded.height == pytest.approx(tree.width / tree.height, rel=0.01)
    assert embedded.width / embedded.height > 360 / 640  # trad.jpg: 360 × 640 pixels
    decorative = picture("Bakgrundsbild")
    assert is_decorative(decorative) and description(decorative) == ""
    for title in ("Så sprids de goda exemplen", "Trädet som symbol", "Bakgrundsbild"):
        assert picture(title).shape_type == MSO_SHAPE_TYPE.PICTURE


def test_each_kind_is_built_on_its_layout(built):
    theme, _, path = built
    names = LAYOUTS[theme]
    for title, role in (("Så sprids de goda exemplen", "picture"), ("Trädet som symbol", "picture"),
                        ("Styrkor och utmaningar", "columns"), ("Det viktigaste är att vi delar med …", "quote"),
                        ("Tack!", "closing")):
        assert slide_of(path, title).slide_layout.name == names[role], title


def test_the_closing_slide_has_no_footer_and_the_others_do(built):
    theme, _, path = built
    for slide in Presentation(str(path)).slides:
        numbered = any(sh.name == "Slide number" for sh in slide.shapes)
        cover = slide.shapes.title.text_frame.text in {"Tack!", "Uppföljning av uppdrag 51"}
        assert numbered != cover


def test_the_accessibility_audit_and_openxml_audit_find_nothing(built):
    _, _, path = built
    assert audit(path) == []
    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2016).validate(path)
    assert result.is_valid and not result.errors, [str(e) for e in result.errors[:5]]


BAD_CSV = {
    "a word in a number column": (
        "Län;År;Goda exempel;Andel klara;Kostnad (tkr)\r\nStockholm;2016;3;12,5 %;1 350\r\nUppsala;2016;femtio;7 %;45\r\n"
        "Skåne;2017;2;;\r\n",
        'content/data/exempel.csv:3:3: "femtio" is not a number (column Goda exempel)',
    ),
    "a row with too many cells": (
        "Län;År;Goda exempel\r\nStockholm;2016;3\r\nUppsala;2016;4;5\r\n",
        "content/data/exempel.csv:3:4: this row has 4 cells but the header (line 1) has 3",
    ),
    "a file that is not UTF-8": (
        "Län;År;Goda exempel\r\nGävleborg;2016;3\r\n".encode("cp1252"),
        "content/data/exempel.csv:1:1: the file is not UTF-8 text (it looks like Windows-1252",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CSV))
def test_a_bad_csv_file_is_a_located_error_and_the_last_good_deck_stays(case, tmp_path: Path, chart_cache):
    project = kinds_project(tmp_path / "p", chart_cache)
    runner = CliRunner()
    good = runner.invoke(main, ["--root", str(project.root), "build", "-q"], catch_exceptions=False)
    assert good.exit_code == 0, good.output
    deck = project.output / f"{DECK}.pptx"
    before = deck.read_bytes()
    data, message = BAD_CSV[case]
    csv = project.content / "data" / "exempel.csv"
    csv.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    bad = runner.invoke(main, ["--root", str(project.root), "build", "-q"], catch_exceptions=False)
    assert bad.exit_code == 1
    assert message in bad.output and "Traceback" not in bad.output
    assert bad.output.strip().endswith("nothing was written.")
    assert deck.read_bytes() == before
