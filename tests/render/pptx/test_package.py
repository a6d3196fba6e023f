"""Counted part names and constant-time slides: the same package python-pptx's own scans give."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from conftest import ROOT
from pptx import Presentation

import slidegen.render.pptx.deck as deck_renderer
from slidegen.build import chart_cache, load, picture_cache, plan
from slidegen.output.files import normalise_zip
from slidegen.project import Project
from slidegen.render.pptx.deck import render_deck
from slidegen.render.pptx.package import add_slide, count_parts

WHEN = dt.datetime(2016, 10, 28)
PNG = (ROOT / "content" / "bilder" / "exempelbild.png").read_bytes()


def _stock_python_pptx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deck_renderer, "count_parts", lambda prs: None)
    monkeypatch.setattr(deck_renderer, "add_slide", lambda prs, layout: prs.slides.add_slide(layout))


@pytest.mark.parametrize(("charts", "theme"), [("image", None), ("native", None), ("image", "mall")])
def test_rendered_decks_are_byte_for_byte_python_pptx_own(project: Project, monkeypatch, charts, theme):
    """Notes slides, pictures, charts and workbooks are numbered as python-pptx numbers them, also in a template."""
    path = project.content / "decks" / "skype-2016-10-28.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("charts: image", f"charts: {charts}"), encoding="utf-8")
    bundles = load(project, [path], theme=theme)
    plans = plan(bundles)

    def render() -> list[bytes]:
        return [normalise_zip(render_deck(p, b.theme.model, chart_cache(project).png, picture_cache(project).picture), WHEN) for b, p in zip(bundles, plans)]

    ours = render()
    _stock_python_pptx(monkeypatch)
    assert ours == render()


def _pictures(prs) -> list[str]:
    layout = prs.slide_layouts[6]
    for png in (PNG, PNG[:-12] + PNG[-12:], PNG):
        slide = prs.slides.add_slide(layout)
        slide.shapes.add_picture(io.BytesIO(png), 0, 0)
        slide.notes_slide.notes_text_frame.text = "anteckning"
    return sorted(str(p.partname) for p in prs.part.package.iter_parts())


def test_counted_names_and_shared_pictures_equal_python_pptx():
    counted = Presentation()
    count_parts(counted)
    assert _pictures(counted) == _pictures(Presentation())
    images = [p for p in counted.part.package.iter_parts() if str(p.partname).startswith("/ppt/media/")]
    assert len(images) == 1


def test_added_slides_get_python_pptx_ids_names_and_relationships():
    ours, theirs = Presentation(), Presentation()
    for i in range(5):
        layout = i % 3
        a = add_slide(ours, ours.slide_layouts[layout])
        b = theirs.slides.add_slide(theirs.slide_layouts[layout])
        assert (a.slide_id, str(a.part.partname)) == (b.slide_id, str(b.part.partname))
        assert [s.name for s in a.shapes] == [s.name for s in b.shapes]
    ids = lambda prs: [(s.get("id"), s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"))
                       for s in prs.part._element.sldIdLst]
    assert ids(ours) == ids(theirs)
    assert len(ours.slides) == 5 and ours.slides[4].slide_id == 260
