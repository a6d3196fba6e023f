"""Frames from the theme: the footer and logo take their room from the body and title, nothing overlaps."""

from __future__ import annotations

import datetime as dt

from conftest import ROOT

from slidegen.check.library import Library
from slidegen.errors import Location
from slidegen.models.theme import Footer, Logo, Theme
from slidegen.plan.chrome import add_chrome
from slidegen.plan.layout import GAP, TITLE_HEIGHT, frames_for, title_height
from slidegen.plan.model import PictureBox, SlidePlan, TextBox
from slidegen.plan.text import Fonts
from slidegen.project import Project
from slidegen.units import Rect, cm


def shipped(name: str) -> Theme:
    project = Project.at(ROOT)
    return Library(project).load(project.themes / name / "theme.yaml", Theme).model


DEFAULT = shipped("default")
FONTS, _ = Fonts.of("Calibri")


def themed(**update) -> Theme:
    return DEFAULT.model_copy(update=update)


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_without_footer_the_body_reaches_the_bottom_margin():
    f = frames_for(themed(footer=Footer()))
    assert f.footer is None
    assert f.body.bottom == f.height - cm(DEFAULT.margins.bottom)


def test_the_footer_takes_its_room_from_the_body():
    f = frames_for(themed(footer=Footer(text="Länsstyrelsen", date=True, slide_number=True)))
    assert f.footer is not None
    assert f.footer.text.bottom == f.height - cm(DEFAULT.margins.bottom)
    for part in (f.footer.text, f.footer.date, f.footer.number):
        assert f.body.bottom + GAP <= part.y
        assert f.cover_sub.bottom + GAP <= part.y
    assert f.footer.text.right + GAP <= f.footer.date.x
    assert f.footer.date.right <= f.footer.number.x
    assert f.footer.number.right == f.width - cm(DEFAULT.margins.right)


def test_without_a_date_the_footer_text_may_run_to_the_slide_number():
    f = frames_for(themed(footer=Footer(text="Länsstyrelsen", slide_number=True)))
    assert f.footer.text.right + GAP == f.footer.number.x


def test_a_logo_at_the_top_narrows_the_title_and_keeps_its_aspect():
    logo = Logo(file="logo.png", corner="top-right", height=1.5, alt="Länet")
    f = frames_for(themed(logo=logo), (300, 100))
    assert f.logo == Rect(f.width - cm(1.5) - cm(4.5), cm(DEFAULT.margins.top), cm(4.5), cm(1.5))
    assert f.title.right + GAP <= f.logo.x
    assert not overlaps(f.logo, f.body) and not overlaps(f.logo, f.cover_title)
    left = frames_for(themed(logo=logo.model_copy(update={"corner": "top-left"})), (300, 100))
    assert left.logo.x == cm(DEFAULT.margins.left) and left.title.x >= left.logo.right + GAP


def test_a_tall_logo_at_the_top_pushes_the_body_down():
    logo = Logo(file="logo.png", corner="top-left", height=5, alt="Länet")
    f = frames_for(themed(logo=logo), (100, 100))
    assert f.body.y >= f.logo.bottom + GAP
    assert f.cover_title.y >= f.logo.bottom + GAP


def test_a_logo_at_the_bottom_shares_the_band_with_the_footer():
    logo = Logo(file="logo.png", corner="bottom-right", height=1.4, alt="Länet")
    f = frames_for(themed(logo=logo, footer=Footer(text="Länsstyrelsen", date=True, slide_number=True)), (200, 100))
    assert f.body.bottom + GAP <= f.logo.y
    assert f.footer.number.right + GAP <= f.logo.x
    for part in (f.footer.text, f.footer.date, f.footer.number):
        assert not overlaps(part, f.logo)


def test_large_titles_get_a_taller_title_frame():
    assert title_height(DEFAULT) == TITLE_HEIGHT
    kontrast = shipped("kontrast")
    assert title_height(kontrast) > TITLE_HEIGHT
    f = frames_for(kontrast)
    assert f.body.y == f.title.bottom + GAP


def _slide(layout: str) -> SlidePlan:
    title = TextBox(Rect(0, 0, 10, 10), (), 20, "Calibri", "#000000", "title", None, name="Title")  # type: ignore[arg-type]
    return SlidePlan(layout, title, (), Location("deck.yaml"))  # type: ignore[arg-type]


def test_footer_parts_and_numbers_on_every_slide_but_the_title_slides():
    theme = themed(footer=Footer(text="Länsstyrelsen", date=True, slide_number=True))
    slides = add_chrome([_slide("title"), _slide("content"), _slide("title_only")], theme, frames_for(theme), FONTS,
                        dt.date(2016, 10, 28), None)
    assert slides[0].boxes == ()
    for number, slide in enumerate(slides[1:], start=2):
        parts = {b.name: b for b in slide.boxes}
        assert set(parts) == {"Footer", "Date", "Slide number"}
        assert parts["Footer"].paras[0].text == "Länsstyrelsen"
        assert parts["Date"].paras[0].text == "2016-10-28"
        (run,) = parts["Slide number"].paras[0].runs
        assert (run.text, run.field) == (str(number), "slidenum")
        assert {b.colour for b in slide.boxes} == {theme.colours.muted}
        assert {b.size for b in slide.boxes} == {theme.sizes.small}


def test_footer_on_title_slides_when_asked_and_nothing_when_not_configured():
    theme = themed(footer=Footer(slide_number=True, title_slides=True))
    (slide,) = add_chrome([_slide("title")], theme, frames_for(theme), FONTS, dt.date(2016, 10, 28), None)
    assert [b.name for b in slide.boxes] == ["Slide number"]
    bare = themed(footer=Footer())
    (slide,) = add_chrome([_slide("content")], bare, frames_for(bare), FONTS, dt.date(2016, 10, 28), None)
    assert slide.boxes == ()


def test_the_logo_comes_last_on_every_slide(tmp_path):
    logo = Logo(file="logo.png", corner="top-right", height=1.2, decorative=True)
    theme = themed(logo=logo)
    frames = frames_for(theme, (100, 100))
    path = tmp_path / "logo.png"
    slides = add_chrome([_slide("title"), _slide("content")], theme, frames, FONTS, dt.date(2016, 10, 28), path)
    for slide in slides:
        assert slide.boxes[-1] == PictureBox(frames.logo, path, None, name="Logo")


def test_a_theme_without_a_template_may_name_its_slide_size():
    assert (frames_for(themed(slide_size="A4")).width, frames_for(themed(slide_size="A4")).height) == (9906000, 6858000)
    f = frames_for(themed(slide_size="25.4 × 14.29 cm"))
    assert (f.width, f.height) == (cm(25.4), cm(14.29)) and f.body.right <= f.width


def test_a_footer_part_too_wide_for_its_placeholder_grows_only_into_the_room_beside_it():
    from slidegen.plan.chrome import _spans, _widened
    from slidegen.units import Rect

    parts = {"date": Rect(0, 0, 100, 10), "footer": Rect(100, 0, 200, 10), "number": Rect(300, 0, 100, 10)}
    spans = _spans(parts, 1000)
    assert spans == {"date": (0, 100), "footer": (100, 300), "number": (300, 1000)}
    assert _widened(Rect(150, 0, 100, 10), 400, "ctr", (100, 300)) == Rect(100, 0, 200, 10)  # not over its neighbours
    assert _widened(Rect(300, 0, 100, 10), 250, "l", spans["number"]) == Rect(300, 0, 250, 10)
    assert _widened(Rect(300, 0, 100, 10), 250, "r", spans["number"]) == Rect(300, 0, 100, 10)  # nowhere to grow
