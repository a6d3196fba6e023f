"""Where text goes on a template's layouts: its placeholders less the decoration over them, own boxes in the free room."""

from __future__ import annotations

import pytest
from conftest import ROOT
from realtemplates import SHARED

from slidegen.check.library import Library
from slidegen.load.template import inspect
from slidegen.models.theme import Theme
from slidegen.plan.areas import scale_of, scaled, template_areas
from slidegen.plan.layout import TEXT_INSETS, frames_for
from slidegen.project import Project
from slidegen.units import Rect

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=f"no {SHARED} (the shared templates) beside the checkout")


def mall() -> Theme:
    project = Project.at(ROOT)
    return Library(project).load(project.themes / "mall" / "theme.yaml", Theme).model


def areas_of(name: str, layouts: dict[str, str], file: str | None = None):
    info = inspect(SHARED / (file or f"{name}.pptx"))
    theme = scaled(mall().model_copy(update={"logo": None}), info.height)
    return info, template_areas(theme, info, layouts)


def overlaps(a: Rect, b: Rect) -> bool:
    return a.intersection(b) is not None


SV = {"title": "Rubrikbild", "content": "Rubrik och innehåll", "title_only": "Endast rubrik"}
NL = {"title": "Antwerpen_pag2_2 lijnen", "content": "Antwerpen_pag3_1 lijn", "title_only": "Antwerpen_pag3_2 lijnen"}


def test_a_title_keeps_clear_of_a_logo_over_its_placeholder():
    info, areas = areas_of("sv-bug60715", SV)
    logo = next(lay.rect for lay in info.layout("Rubrik och innehåll").layers if lay.name == "Picture 3")
    title = areas["content"].title
    assert title.placeholder == ("title", 0)
    assert not overlaps(title.frame, logo) and title.frame.right == logo.x
    assert title.frame.x == 746125  # where the template's title starts


def test_footer_parts_go_into_the_templates_placeholders_and_the_rest_above_its_decoration():
    info, areas = areas_of("sv-bug60715", SV)
    content = areas["content"]
    assert content.date.placeholder == ("dt", 10) and content.number.placeholder == ("sldNum", 11)
    assert content.footer.placeholder is None  # the layout has no footer placeholder: a box of slidegen's own
    bar = next(lay.rect for lay in info.layout("Rubrik och innehåll").layers if lay.name == "Picture 2")
    assert content.footer.frame.bottom <= bar.y and not overlaps(content.footer.frame, content.date.frame)
    assert content.body.frame.bottom <= content.footer.frame.y


def test_without_a_title_placeholder_the_title_takes_the_band_above_the_body():
    info, areas = areas_of("nl-antwerpen-bug68703", NL)
    layout = info.layout("Antwerpen_pag3_1 lijn")
    band = next(lay for lay in layout.layers if lay.name == "Google Shape;25;p6")
    logo = next(lay for lay in layout.layers if lay.name == "Google Shape;26;p6")
    title = areas["content"].title
    assert title.placeholder is None and band.backdrop and not logo.backdrop
    assert band.rect.y <= title.frame.y and title.frame.bottom == band.rect.bottom  # on the band, its whole height
    assert title.frame.right <= logo.rect.x
    assert title.frame.bottom <= areas["content"].body.frame.y


def test_a_body_placeholder_drawn_for_a_line_takes_the_free_room_below_it():
    _, areas = areas_of("nl-antwerpen-bug68703", NL)
    body = areas["content"].body
    assert body.placeholder == ("body", 1) and body.frame.y == 1357200
    assert body.frame.h > 4 * 831600  # the template's placeholder is 831600 EMU high
    assert body.frame.bottom <= areas["content"].footer.frame.y


def test_a_title_drawn_for_one_small_line_grows_to_three_at_the_minimum_size():
    info, areas = areas_of("fr-mtes-otelo", {"title": "TITLE", "content": "Title and Content",
                                             "title_only": "Title Only"})
    title = areas["title_only"].title
    assert title.frame.y == 205741 and title.frame.h > 277000  # the template's: 277000 EMU, one line of 18 pt
    assert areas["title_only"].body.frame.y > title.frame.bottom  # tables and charts below it


def test_a_title_on_a_band_of_its_own_fill_stays_on_the_band():
    info, areas = areas_of("nyu-shanghai", {"title": "Title Slide", "content": "Title and Content",
                                            "title_only": "Title Only"}, "nyu-shanghai.potx")
    title = areas["content"].title
    assert title.frame == Rect(0, 365125, 12191998, 744996) and title.room in (None, title.frame)


def test_sizes_and_margins_follow_the_slides_height():
    theme = mall()
    assert scaled(theme, 6858000) is theme  # 19.05 cm: the sizes as written
    assert scaled(theme, 6858000 + 1587) is theme
    small = scaled(theme, 5143500)  # 25.4 × 14.29 cm
    assert (small.sizes.title, small.sizes.body_min) == (22.5, 10.5) and small.margins.left == pytest.approx(1.2)
    assert scale_of(13716000) == 2.0 and scaled(theme, 13716000).sizes.small == 24


def test_without_a_template_the_frames_are_slidegens_own():
    theme = mall().model_copy(update={"template": None, "logo": None})
    frames = frames_for(theme)
    title, body = frames.area("content", "title"), frames.area("title_only", "body")
    assert (title.frame, title.insets, title.anchor, title.placeholder) == (frames.title, TEXT_INSETS, "b", None)
    assert body.frame == frames.body and frames.area("title", "title").frame == frames.cover_title


def test_a_picture_layout_puts_the_picture_where_its_picture_placeholder_is():
    info = inspect(ROOT / "themes" / "mall" / "template.pptx")
    theme = scaled(mall(), info.height)
    areas = template_areas(theme, info, theme.template.layouts.names(template=True))
    pic = next(ph.rect for ph in info.layout("Bild med bildtext").placeholders if ph.type == "pic")
    body, title = areas["picture"].body, areas["picture"].title
    assert body.placeholder is None and body.frame.x == pic.x and body.frame.w == pic.w and body.frame.y == pic.y
    assert title.placeholder == ("title", 0) and body.frame.bottom <= title.frame.y  # its caption title below it
    assert areas["content"].body.placeholder == ("obj", 1)  # other layouts keep their body placeholders


def test_a_box_of_slidegens_own_takes_the_taller_room_beside_the_title():
    layouts = {"title": "Title Slide", "content": "Title and Content", "title_only": "Title Only",
               "closing": "Title Slide"}
    info, areas = areas_of("pandoc-depth", layouts)
    closing = areas["closing"]
    assert closing.body.placeholder is None  # the contacts are no subtitle: a box of their own
    assert closing.body.frame.bottom < closing.title.frame.y  # the title sits low: the room above it is taller
    assert closing.body.frame.h > 3 * (info.height - closing.title.frame.bottom)
    assert (closing.footer, closing.date, closing.number) == (None, None, None)  # a cover, like the title slide


def test_a_templates_subtitle_meets_the_footer_when_the_theme_shows_footers_on_title_slides():
    info = inspect(SHARED / "corp-60810.pptx")
    theme = scaled(mall().model_copy(update={"logo": None}), info.height)
    theme = theme.model_copy(update={"footer": theme.footer.model_copy(update={"title_slides": True})})
    layouts = {"title": "1_Title Slide", "content": "Title and Content", "title_only": "Title Only"}
    cover = template_areas(theme, info, layouts)["title"]
    subtitle = next(ph.rect for ph in info.layout("1_Title Slide").placeholders if ph.type == "subTitle")
    tops = [a.frame.y for a in (cover.footer, cover.date, cover.number) if a is not None]
    assert tops and cover.body.placeholder == ("subTitle", 1)
    assert cover.body.frame.bottom == min(subtitle.bottom, min(tops))  # as the template drew it, or meeting the footer
