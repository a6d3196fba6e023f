"""Planning pictures, tables, columns, quotes and closing slides: measured, side by side, continued, never overflowing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from kinds import CONTENT, DECK, THEMES, deck_data, deck_file, kinds_project, make_stress

from slidegen.build import load, plan
from slidegen.check.library import Library
from slidegen.errors import ContentError, Location
from slidegen.models.deck import Deck
from slidegen.plan.columns import ColumnText, fit_columns, heading_para
from slidegen.plan.kinds.general import quote_title
from slidegen.plan.areas import scaled
from slidegen.plan.layout import CELL_INSETS, Frames, frames_for
from slidegen.plan.model import BULLET, DeckPlan, Para, PictureBox, Run, SlidePlan, TableBox, TextBox, para
from slidegen.plan.pictures import cover_crop
from slidegen.plan.table import TableSpec, measured_widths
from slidegen.plan.text import WIDTH_SAFETY, Fonts, TooLong, heights
from slidegen.project import Project
from slidegen.units import Rect, cm, to_pt

FONTS, _ = Fonts.of("Calibri")
HERE = Location("deck.yaml", 1, 1)


def frames(theme: str) -> Frames:
    """The frames the planner uses in a theme: on a template, its size and the areas of its layouts."""
    loaded = Library(Project.at(ROOT)).theme(ROOT / "themes" / theme / "theme.yaml")
    info = loaded.files.template_info
    model = scaled(loaded.model, info.height) if info is not None else loaded.model
    layouts = model.template.layouts.names(template=True) if model.template is not None else None
    return frames_for(model, loaded.files.logo_pixels, info, layouts)


def planned(project: Project, theme: str) -> DeckPlan:
    (bundle,) = load(project, theme=theme)
    (deck_plan,) = plan([bundle])
    return deck_plan


@pytest.fixture(scope="module", params=THEMES)
def plans(request, tmp_path_factory) -> tuple[str, DeckPlan, DeckPlan]:
    """The test deck and its stress version, planned in one theme: (theme, plan, stress plan)."""
    project = kinds_project(tmp_path_factory.mktemp(f"kinds-{request.param}") / "p")
    normal = planned(project, request.param)
    make_stress(project)
    return request.param, normal, planned(project, request.param)


def by_title(deck_plan: DeckPlan, start: str) -> list[SlidePlan]:
    found = [s for s in deck_plan.slides if s.title.paras[0].text.startswith(start)]
    assert found, start
    return found


def box(slide: SlidePlan, name: str):
    return next(b for b in slide.boxes if b.name == name)


def fits(b: TextBox, fonts: Fonts = FONTS) -> bool:
    width = to_pt(b.frame.w - b.insets.left - b.insets.right)
    room = to_pt(b.frame.h - b.insets.top - b.insets.bottom)
    return sum(heights(list(b.paras), b.size, width, fonts)) <= room + 0.01


def inside(inner: Rect, outer: Rect) -> bool:
    return inner.x >= outer.x and inner.y >= outer.y and inner.right <= outer.right and inner.bottom <= outer.bottom


def test_quote_titles_are_the_first_words():
    assert quote_title("Det viktigaste är att vi delar med oss av det som fungerar.") == "Det viktigaste är att vi delar med …"
    assert quote_title("Kort och gott.") == "Kort och gott"
    assert quote_title("Ett, två, tre, fyra, fem, sex, sju, åtta") == "Ett, två, tre, fyra, fem, sex, sju …"
    assert quote_title("Miljömålsarbetetsamordningsgruppsmötesprotokollsanteckningarna är långa") == (
        "Miljömålsarbetetsamordningsgruppsmötesprotokollsanteckningarna …")


@pytest.mark.parametrize("frame, pixels", [(Rect(0, 0, 1000, 1000), (1600, 800)), (Rect(0, 0, 1600, 900), (300, 600)),
                                           (Rect(0, 0, 1200, 900), (800, 600))])
def test_cover_crops_evenly_to_the_frame_s_shape(frame, pixels):
    crop = cover_crop(frame, pixels)
    assert crop.left == pytest.approx(crop.right) and crop.top == pytest.approx(crop.bottom)
    assert crop.left * crop.top == 0  # only the sides that stick out
    shown_w = pixels[0] * (1 - crop.left - crop.right)
    shown_h = pixels[1] * (1 - crop.top - crop.bottom)
    assert shown_w / shown_h == pytest.approx(frame.w / frame.h)


def _table(rows: list[list[str]], narrow: tuple[bool, ...]) -> TableSpec:
    def cell(text: str, bold: bool = False):
        from slidegen.plan.model import Cell

        return Cell((para(text, bold=bold, space_before=0),))

    header = tuple(cell(f"Kolumn {c + 1}", bold=True) for c in range(len(narrow)))
    body = tuple(tuple(cell(t) for t in row) for row in rows)
    return TableSpec(header, body, narrow, tuple(HERE for _ in rows), "Tabell")


def test_a_table_of_short_cells_is_as_wide_as_its_content_not_the_frame():
    spec = _table([["Personal", "1\u00a0200", "1\u00a0350"], ["Tryck", "45", "–"]], (False, True, True))
    widths = measured_widths(spec, cm(30), FONTS, CELL_INSETS)(16)
    assert sum(widths) < cm(20)
    pad = to_pt(CELL_INSETS.left + CELL_INSETS.right)
    assert to_pt(widths[1]) >= FONTS.regular.width("1\u00a0200", 16) * WIDTH_SAFETY + pad
    assert to_pt(widths[0]) >= FONTS.bold.width("Kolumn 1", 16) * WIDTH_SAFETY + pad


def test_a_table_of_long_text_fills_the_frame_and_keeps_its_number_columns_narrow():
    long = "En lång text om hur arbetet går till i länet, som behöver flera rader i sin cell " * 2
    spec = _table([[long, "12\u00a0345", long]], (False, True, False))
    widths = measured_widths(spec, cm(30), FONTS, CELL_INSETS)(16)
    assert sum(widths) == cm(30)
    pad = to_pt(CELL_INSETS.left + CELL_INSETS.right)
    number = FONTS.regular.width("12\u00a0345", 16) * WIDTH_SAFETY + pad
    heading = FONTS.bold.width("Kolumn 2", 16) * WIDTH_SAFETY + pad + 1  # the most it may want: its header unwrapped
    assert number <= to_pt(widths[1]) <= heading
    assert widths[0] == pytest.approx(widths[2], rel=0.01) and widths[0] > 4 * widths[1]


def _column(n: int, items: int, text: str = "En punkt i spalten") -> ColumnText:
    return ColumnText(heading_para(f"Rubrik {n}", "#1A6A8A", HERE),
                      tuple(Para((Run(f"{text} {k}"),), marker=BULLET, space_before=0.5, source=HERE)
                            for k in range(1, items + 1)))


def test_columns_that_fit_share_one_size_and_one_slide():
    fitted = fit_columns([_column(1, 3), _column(2, 1)], 400, 300, FONTS, 24, 14, HERE)
    assert fitted.size == 24 and len(fitted.pages) == 1
    (page,) = fitted.pages
    assert [p.text for p in page[0]] == ["Rubrik 1", "En punkt i spalten 1", "En punkt i spalten 2", "En punkt i spalten 3"]
    assert [p.text for p in page[1]] == ["Rubrik 2", "En punkt i spalten 1"]


def test_a_long_column_shrinks_then_continues_with_its_heading_marked():
    fitted = fit_columns([_column(1, 40), _column(2, 2)], 400, 300, FONTS, 24, 14, HERE)
    assert fitted.size < 24 and len(fitted.pages) == len(fit_columns([_column(1, 40)], 400, 300, FONTS, 14, 14, HERE).pages)
    assert len(fitted.pages) >= 2
    first, *rest = fitted.pages
    assert first[0][0].text == "Rubrik 1" and first[1][0].text == "Rubrik 2"
    for page in rest:
        assert page[0][0].text == "Rubrik 1 (forts.)"
        assert page[1] == ()  # the short column has ended: nothing continues
    shown = [p.text for page in fitted.pages for p in page[0] if not p.text.startswith("Rubrik")]
    assert shown == [f"En punkt i spalten {k}" for k in range(1, 41)]
    for page in fitted.pages:
        for paras in page:
            assert sum(heights(list(paras), fitted.size, 400, FONTS)) <= 300


def test_a_bullet_too_long_for_a_column_is_an_error_at_its_place():
    with pytest.raises(TooLong) as err:
        fit_columns([_column(1, 1, "ord " * 500), _column(2, 1)], 400, 300, FONTS, 24, 14, HERE)
    assert err.value.source == HERE and err.value.size == 14


def test_no_word_is_broken_when_a_smaller_size_keeps_it_whole():
    word = "Miljömålssamordningsgruppen"
    col = ColumnText(None, (Para((Run(word),), source=HERE),))
    width = FONTS.regular.width(word, 20) * WIDTH_SAFETY + 1  # whole at 20 pt, too wide at 24 pt
    fitted = fit_columns([col, col], width, 500, FONTS, 24, 14, HERE)
    assert fitted.size == 20


def test_every_box_fits_its_frame_and_the_body(plans):
    theme, *both = plans
    for deck_plan in both:
        fonts = {f: Fonts.of(f)[0] for f in ("Calibri", "Arial")}
        for slide in deck_plan.slides:
            for b in slide.boxes:
                if isinstance(b, TextBox) and b.name not in {"Footer", "Date", "Slide number"}:
                    assert fits(b, fonts[b.family]), (theme, slide.title.paras[0].text, b.name)
                if isinstance(b, TableBox):
                    assert sum(b.heights) == b.frame.h and sum(b.columns) == b.frame.w


def test_pictures_lie_in_the_body_with_the_caption_right_under_them(plans):
    theme, deck_plan, stress = plans
    body = frames(theme).area("picture", "body").frame
    for dp in (deck_plan, stress):
        body_slides = [s for s in dp.slides if any(isinstance(b, PictureBox) and b.name == "Picture" for b in s.boxes)]
        assert len(body_slides) == 3
        for slide in body_slides:
            picture = box(slide, "Picture")
            assert inside(picture.frame, body)
            assert slide.layout == "picture"
            captions = [b for b in slide.boxes if b.name == "Caption"]
            for caption in captions:
                assert inside(caption.frame, body)
                assert caption.frame.y >= picture.frame.bottom
                assert caption.frame.y - picture.frame.bottom < cm(0.3)
            texts = [b for b in slide.boxes if isinstance(b, TextBox) and b.name == "Text"]
            for text in texts:  # the bullets stand beside the picture and its caption
                assert text.frame.x >= picture.frame.right
                assert all(text.frame.x >= c.frame.right for c in captions)


def test_cover_fills_its_place_and_contain_keeps_the_picture_s_shape(plans):
    _, deck_plan, _ = plans
    flow = box(by_title(deck_plan, "Så sprids")[0], "Picture")
    assert flow.crop.left == flow.crop.top == 0 and flow.frame.w / flow.frame.h == pytest.approx(800 / 400, rel=0.01)
    assert flow.description.startswith("Flödesschema i fyra steg")
    tree = box(by_title(deck_plan, "Trädet")[0], "Picture")
    assert tree.crop.top > 0 and tree.crop.top == pytest.approx(tree.crop.bottom) and tree.crop.left == 0
    background = box(by_title(deck_plan, "Bakgrundsbild")[0], "Picture")
    assert background.description is None  # decorative
    assert background.crop.left + background.crop.top > 0


def test_number_columns_are_right_aligned_and_swedish(plans):
    _, deck_plan, _ = plans
    (budget,) = by_title(deck_plan, "Budget")
    table = budget.boxes[0]
    texts = [[c.paras[0].text for c in row] for row in table.rows]
    assert texts[1:] == [
        ["Personal", "1\u00a0200", "1\u00a0350", "150"],
        ["Tryck och webb", "45", "–", "–"],
        ["Resor och möten för samordnarna i alla län", "80,5", "60", "\u221220,5"],
        ["Övrigt", "–", "12,25", "–"],
    ]
    assert [c.align for c in table.rows[1]] == ["l", "r", "r", "r"]
    assert [c.align for c in table.rows[0]] == ["l", "r", "r", "r"]  # the headings above their numbers
    assert table.rows[0][0].paras[0].runs[0].bold
    assert budget.notes.startswith("Beloppen är i tusentals kronor")
    assert table.description == ("Tabell: Budget för nätverket (tkr). 4 rader med kolumnerna Post, 2016, 2017, "
                                 "Förändring. – betyder att uppgift saknas.")


def test_a_long_table_continues_between_rows_with_its_header_on_every_slide(plans):
    theme, _, stress = plans
    pages = by_title(stress, "Budget")
    assert len(pages) > 1
    assert [p.title.paras[0].text.rsplit(" ", 1)[1] for p in pages] == [f"({n}/{len(pages)})" for n in range(1, len(pages) + 1)]
    tables = [p.boxes[0] for p in pages]
    assert all(t.rows[0] == tables[0].rows[0] for t in tables)
    assert len({t.size for t in tables}) == 1
    names = [row[0].paras[0].text.split(" med ")[0] for t in tables for row in t.rows[1:]]
    assert names == [f"Post {n}" for n in range(1, 61)]


def test_columns_stand_side_by_side_inside_the_body(plans):
    _, deck_plan, _ = plans
    for title, count in (("Styrkor", 2), ("Före", 3)):
        (slide,) = by_title(deck_plan, title)
        assert slide.layout == "two_content"
        columns = [b for b in slide.boxes if b.name.startswith("Column")]
        assert [c.name for c in columns] == [f"Column {k}" for k in range(1, count + 1)]
        assert len({c.frame.y for c in columns}) == 1 and len({c.frame.w for c in columns}) == 1
        assert len({c.size for c in columns}) == 1
        for left, right in zip(columns, columns[1:]):
            assert left.frame.right < right.frame.x
    (slide,) = by_title(deck_plan, "Styrkor")
    assert [p.text for p in box(slide, "Column 1").paras] == ["Styrkor", "Engagerade samordnare", "Tydligt uppdrag"]
    assert [p.text for p in box(slide, "Column 2").paras] == ["Utmaningar", "Svårt att mäta effekter"]


def test_quotes_carry_their_marks_and_who_said_them(plans):
    _, deck_plan, _ = plans
    (quote,) = by_title(deck_plan, "Det viktigaste är att vi delar med …")
    assert quote.layout == "quote"
    assert [p.text for p in box(quote, "Quote").paras] == [
        "\u201dDet viktigaste är att vi delar med oss av det som fungerar.\u201d",
        "– Namn Namnsson, Länsstyrelsen i Exempellän",
    ]
    (titled,) = by_title(deck_plan, "En röst från länen")
    assert [p.text for p in box(titled, "Quote").paras] == [
        "\u201dMiljömålen blir verkliga först när de finns i verksamhetsplanen.\u201d"]


def test_the_closing_slide_thanks_and_lists_the_contacts_without_a_footer(plans):
    _, deck_plan, _ = plans
    closing = deck_plan.slides[-1]
    assert closing.layout == "closing" and closing.title.paras[0].text == "Tack!"
    assert [p.text for p in box(closing, "Contacts").paras] == [
        "Kim Exempelsson, Miljömålssamordnare", "kim@lansstyrelsen.se · 010-123 45 67",
        "Alex Prov, RUS arbetsgrupp", "alex.prov@lansstyrelsen.se",
    ]
    assert not [b for b in closing.boxes if b.name in {"Footer", "Slide number"}]


def test_many_bullets_beside_a_picture_continue_on_the_next_slide(tmp_path: Path):
    project = kinds_project(tmp_path / "p")
    data = deck_data(project)
    tree = next(s for s in data["slides"] if s.get("title") == "Trädet som symbol")
    tree["items"] = [f"Punkt nummer {n} om trädet" for n in range(1, 41)]
    deck_file(project).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    slides = by_title(planned(project, "default"), "Trädet som symbol")
    assert len(slides) > 1 and slides[0].title.paras[0].text.endswith(f"(1/{len(slides)})")
    assert [b.name for b in slides[0].boxes if b.name in {"Picture", "Caption"}] == ["Picture", "Caption"]
    assert all("Picture" not in {b.name for b in s.boxes} for s in slides[1:])
    shown = [p.text for s in slides for b in s.boxes if b.name == "Text" for p in b.paras]
    assert shown == [f"Punkt nummer {n} om trädet" for n in range(1, 41)]


def test_a_caption_too_long_for_its_place_is_a_located_error(tmp_path: Path):
    project = kinds_project(tmp_path / "p")
    text = deck_file(project).read_text(encoding="utf-8")
    deck_file(project).write_text(text.replace('caption: "Källa: RUS 2017"', "caption: " + "Lång bildtext " * 200, 1),
                                  encoding="utf-8")
    with pytest.raises(ContentError) as err:
        planned(project, "default")
    (problem,) = err.value.problems
    assert problem.location.file == f"content/decks/{DECK}.yaml" and problem.location.path == "slides[1].caption"
    assert "shorten it by about" in problem.message


def test_every_slide_is_on_a_layout_its_kind_declares(plans, tmp_path: Path):
    _, deck_plan, stress = plans
    deck = Library(Project.at(tmp_path)).load(CONTENT / "decks" / f"{DECK}.yaml", Deck).model
    for dp in (deck_plan, stress):
        for slide in dp.slides:
            index = int(slide.source.path[len("slides["):slide.source.path.index("]")])
            assert slide.layout in type(deck.slides[index]).layouts, (deck.slides[index].kind, slide.layout)
