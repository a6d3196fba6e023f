"""Accessibility rules on every built deck, and on a deliberately broken deck that must fail them."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from slidegen.commands.audit import audit
from slidegen.render.pptx.shapes import set_description

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def test_shipped_decks_pass(shipped):
    assert shipped
    for name, path in shipped.items():
        assert audit(path) == [], name


def test_native_chart_deck_passes(tmp_path, chart_cache):
    from conftest import copy_project

    from slidegen.build import build

    project = copy_project(tmp_path / "p", chart_cache)
    for deck in (project.content / "decks").glob("*.yaml"):
        deck.write_text(deck.read_text(encoding="utf-8").replace("charts: image", "charts: native"), encoding="utf-8")
    for built in build(project):
        assert audit(built.path) == []


def broken_deck() -> bytes:
    prs = Presentation()
    blank, title_only = prs.slide_layouts[6], prs.slide_layouts[5]
    prs.slides.add_slide(blank)  # 1: no title at all
    s2 = prs.slides.add_slide(title_only)
    s2.shapes.title.text = "Samma rubrik"
    s3 = prs.slides.add_slide(title_only)
    s3.shapes.title.text = "Samma rubrik"  # 3: repeats slide 2
    pic = s3.shapes.add_picture(io.BytesIO(PNG), Inches(1), Inches(2), Inches(1), Inches(1))
    set_description(pic, "diagram.png")  # a file name is no alt text
    s4 = prs.slides.add_slide(title_only)
    s4.shapes.title.text = "Tabell och diagram"
    table = s4.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(4), Inches(1))
    table.table.first_row = False
    set_description(table, "Tabell: något")
    data = CategoryChartData()
    data.categories = ["a"]
    data.add_series("s", [1])
    s4.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, Inches(1), Inches(4), Inches(4), Inches(2), data)
    s5 = prs.slides.add_slide(title_only)
    s5.shapes.title.text = "Rubriken sist"
    s5.shapes.add_textbox(Inches(1), Inches(2), Inches(2), Inches(1)).text_frame.text = "text"
    s5.shapes._spTree.append(s5.shapes.title._element)  # title moved last in reading order
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def test_broken_deck_fails_every_rule():
    findings = audit(io.BytesIO(broken_deck()))
    assert findings == [
        "slide 1: no title",
        "slide 3: the title 'Samma rubrik' is also the title of slide 2",
        "slide 3: picture 'Picture 2' has a file name as alt text (diagram.png)",
        "slide 4: table 'Table 2' has no header row flagged",
        "slide 4: chart 'Chart 3' has no alt text",
        "slide 5: the title is not first in reading order",
    ]
