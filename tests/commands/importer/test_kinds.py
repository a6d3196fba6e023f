"""Each slide's kind guessed from what it holds, and written with the keys slidegen's kinds have."""

from __future__ import annotations

from pathlib import Path

from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Cm
from pptxfiles import bar_chart, body, deck, notes, picture, png, slide, table, text_box

from slidegen.project import Project
from importing import imported


def test_the_first_slide_is_the_title_slide_and_the_meeting_comes_from_it(empty_project: Project, tmp_path: Path):
    prs = deck()
    prs.core_properties.author = "Magnus Eriksson; Calle Sanglert"
    s = slide(prs, "title", "Uppdrag 51 – hur går det?")
    s.placeholders[1].text_frame.text = "Skype-möte 28 oktober 2016 för miljömålssamordnare"
    slide(prs, "section", "Bakgrund")
    result, slides = imported(empty_project, prs, tmp_path)
    assert slides[0] == {"kind": "title", "subtitle": "Skype-möte 28 oktober 2016 för miljömålssamordnare",
                         "show_presenters": False}
    assert slides[1] == {"kind": "section", "title": "Bakgrund"}
    assert "meeting:\n  title: Uppdrag 51 – hur går det?  # the title slide's" in result.text
    assert "  date: 2016-10-28  # written on the title slide\n" in result.text
    assert '  presenters: [Magnus Eriksson, Calle Sanglert]  # the document\'s author\n' in result.text


def test_bullets_keep_levels_as_sub_items_and_notes_as_notes(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    s = slide(prs, "content", "Många goda exempel i redovisningen!")
    body(s, ["I årsredovisningsgranskningen identifierades:", (1, "20 metoder"), (1, "12 metoder"), "Enkät skickades ut"])
    notes(s, "Berätta om enkäten.")
    _, slides = imported(empty_project, prs, tmp_path)
    assert slides[1] == {
        "kind": "bullets", "title": "Många goda exempel i redovisningen!",
        "items": [{"text": "I årsredovisningsgranskningen identifierades:", "items": ["20 metoder", "12 metoder"]},
                  "Enkät skickades ut"],
        "notes": "Berätta om enkäten.",
    }


def test_a_table_with_numbers_as_numbers_and_the_text_beside_it_on_a_slide_of_its_own(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    s = slide(prs, "title_only", "Budget för nätverket (tkr)")
    table(s, [["Post", "2016", "2017", ""], ["Personal", "1 200", "1 350", "12,5"], ["Tryck och webb", "45", "", "–"]], y=4)
    text_box(s, 2, 16, ["Källa: RUS 2017"])
    result, slides = imported(empty_project, prs, tmp_path)
    assert slides[1] == {"kind": "table", "title": "Budget för nätverket (tkr)", "columns": ["Post", "2016", "2017", "–"],
                         "rows": [["Personal", 1200, 1350, 12.5], ["Tryck och webb", 45, None, "–"]]}
    assert slides[2] == {"kind": "bullets", "title": "Budget för nätverket (tkr) (2)", "items": ["Källa: RUS 2017"]}
    assert "slide 2: its table and text are on 2 slides of their own" in result.lines


def test_a_column_chart_is_a_bar_chart_with_its_own_data(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    s = slide(prs, "title_only", "Goda exempel per län")
    bar_chart(s, ["Stockholm", "Uppsala", "Skåne"], {"2016": [1, 2, None], "2017": [2, 2, 1]})
    s = slide(prs, "title_only", "Andel klara")
    bar_chart(s, ["Intern", "Extern"], {"Klara": [0.25, 0.5]}, XL_CHART_TYPE.BAR_STACKED_100)
    s.shapes[-1].chart.plots[0].series[0].values  # noqa: B018 (the chart is made)
    result, slides = imported(empty_project, prs, tmp_path)
    assert slides[1] == {"kind": "bar_chart", "title": "Goda exempel per län", "categories": ["Stockholm", "Uppsala", "Skåne"],
                         "series": [{"name": "2016", "values": [1, 2, None]}, {"name": "2017", "values": [2, 2, 1]}]}
    assert slides[2]["layout"] == "percent" and slides[2]["direction"] == "horizontal"
    assert "charts: native" in result.text


def test_a_pie_chart_becomes_a_table_of_its_data_and_says_so(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    s = slide(prs, "title_only", "Fördelning")
    bar_chart(s, ["Genomfört", "På gång"], {"Andel": [40, 60]}, XL_CHART_TYPE.PIE)
    result, slides = imported(empty_project, prs, tmp_path)
    assert slides[1] == {"kind": "table", "title": "Fördelning", "columns": ["–", "Andel"],
                         "rows": [["Genomfört", 40], ["På gång", 60]]}
    assert "slide 2: the pie chart is shown as a table of its data (slidegen draws bar charts only)" in result.lines


def test_a_picture_with_text_beside_it_and_an_alt_text_to_write(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    s = slide(prs, "title_only", "Så sprids de goda exemplen")
    picture(s, png(), x=2, y=4, w=12, descr="bild1.png")
    text_box(s, 16, 4, ["Kort punkt", "En till"])
    s = slide(prs, "title_only", "Karta")
    picture(s, png(colour=(0, 0, 200)), x=2, y=4, w=12, descr="Karta över länets kommuner")
    text_box(s, 2, 13, ["Källa: Lantmäteriet"])
    result, slides = imported(empty_project, prs, tmp_path)
    assert slides[1] == {"kind": "picture", "title": "Så sprids de goda exemplen", "picture": "bilder/in/slide-02-1.png",
                         "alt": "Bild från bild 2 i den ursprungliga presentationen", "items": ["Kort punkt", "En till"]}
    assert "TODO: say what the picture shows (the original's alt text is the name 'bild1.png')" in result.text
    assert slides[2] == {"kind": "picture", "title": "Karta", "picture": "bilder/in/slide-03-1.png",
                         "alt": "Karta över länets kommuner", "caption": "Källa: Lantmäteriet"}
    assert sorted(result.pictures) == ["bilder/in/slide-02-1.png", "bilder/in/slide-03-1.png"]


def test_two_placeholders_side_by_side_are_columns(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    s = slide(prs, "two", "Styrkor och utmaningar")
    s.placeholders[1].text_frame.text = "Engagerade samordnare"
    s.placeholders[2].text_frame.text = "Svårt att mäta effekter"
    _, slides = imported(empty_project, prs, tmp_path)
    assert slides[1] == {"kind": "columns", "title": "Styrkor och utmaningar",
                         "columns": [{"items": ["Engagerade samordnare"]}, {"items": ["Svårt att mäta effekter"]}]}


def test_an_obvious_quote_is_a_quote(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    s = slide(prs, "blank")
    text_box(s, 3, 4, ["”Det viktigaste är att vi delar med oss av det som fungerar.”"], w=24)
    text_box(s, 3, 10, ["– Namn Namnsson, Länsstyrelsen i Exempellän"], w=24)
    _, slides = imported(empty_project, prs, tmp_path)
    assert slides[1] == {"kind": "quote", "text": "Det viktigaste är att vi delar med oss av det som fungerar.",
                         "by": "Namn Namnsson, Länsstyrelsen i Exempellän"}


def test_a_slide_without_title_takes_its_first_line_and_repeated_titles_are_numbered(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    for _ in range(2):
        s = slide(prs, "content", "Tio principer")
        body(s, ["en", "två"])
    s = slide(prs, "blank")
    text_box(s, 2, 1, ["Frågor och svar"])
    text_box(s, 2, 5, ["Fråga: Hur?", "Svar: Så."])
    result, slides = imported(empty_project, prs, tmp_path)
    assert [s["title"] for s in slides[1:]] == ["Tio principer", "Tio principer (2)", "Frågor och svar"]
    assert "title: Tio principer (2)  # the title 'Tio principer' is also the original slide 2's; (2) added" in result.text
    assert "slide 3: title 'Tio principer' written as 'Tio principer (2)'" in result.lines
    assert slides[3]["items"] == ["Fråga: Hur?", "Svar: Så."]


def test_an_empty_slide_is_left_out_and_said_so(empty_project: Project, tmp_path: Path):
    prs = deck()
    slide(prs, "title", "Möte")
    s = slide(prs, "blank")
    s.shapes.add_shape(1, Cm(2), Cm(2), Cm(4), Cm(4))
    result, slides = imported(empty_project, prs, tmp_path)
    assert len(slides) == 1
    assert result.lines == ["slide 2: left out: drawn shapes (1 shape), the slide itself (it has nothing else slidegen can show)"]
