"""Text readable on its template's layouts: the theme's colour where it passes, else the layout's, the template's, black or white."""

from __future__ import annotations

from pathlib import Path

import pytest
from edits import replace_once
from pptx import Presentation
from pptx.oxml.ns import qn

from slidegen.build import build
from slidegen.errors import ContentError
from slidegen.plan.model import TextBox
from slidegen.project import Project

DECK = "skype-2016-10-28.yaml"


def colours_of(shape) -> set[str]:
    return {clr.get("val") for rpr in shape._element.iter(qn("a:rPr")) for clr in rpr.iter(qn("a:srgbClr"))}


def titles_by_layout(path: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for slide in Presentation(str(path)).slides:
        out.setdefault(slide.slide_layout.name, set()).update(colours_of(slide.shapes.title))
    return out


def mall_yaml(project: Project) -> Path:
    return project.themes / "mall" / "theme.yaml"


def test_an_unreadable_title_colour_takes_the_layouts_own_then_the_templates(project: Project, tmp_path: Path):
    replace_once(mall_yaml(project), 'title: "#1B4731"', 'title: "#EEEEEE"')  # nearly the template's background
    replace_once(mall_yaml(project), "  file: template.pptx\n",
                 '  file: template.pptx\n  colours:\n    content: {title: "#7A1F1F"}\n')
    (built,) = build(project, [project.content / "decks" / DECK], theme="mall", out_dir=tmp_path)
    titles = titles_by_layout(built.path)
    assert titles["Rubrik och innehåll"] == {"7A1F1F"}  # theme.yaml's colour for the content layout
    assert titles["Endast rubrik"] == {"1E2A24"}  # the template's own title colour (its dark text colour)


def test_with_fix_colours_off_an_unreadable_colour_is_a_located_theme_error(project: Project, tmp_path: Path):
    replace_once(mall_yaml(project), "  file: template.pptx\n", "  file: template.pptx\n  fix_colours: false\n")
    line = replace_once(mall_yaml(project), 'title: "#1B4731"', 'title: "#EEEEEE"')
    with pytest.raises(ContentError) as err:
        build(project, [project.content / "decks" / DECK], theme="mall", out_dir=tmp_path / "out")
    message = str(err.value)
    assert (f'themes/mall/theme.yaml:{line}:10: colours.title: on layout "Rubrik och innehåll" the title text #EEEEEE '
            "has contrast 1:1 with #F6F5F1 behind it (background)") in message
    assert "set `template.colours.content.title` to a colour readable there" in message
    assert not (tmp_path / "out").exists()


def test_the_footer_goes_into_the_templates_own_placeholders(project: Project, tmp_path: Path):
    (built,) = build(project, [project.content / "decks" / DECK], theme="mall", out_dir=tmp_path)
    prs = Presentation(str(built.path))
    slide = prs.slides[1]
    kinds = {s.name: s.placeholder_format.type for s in slide.placeholders}
    assert {"Footer", "Date", "Slide number"} <= set(kinds)  # placeholders, not text boxes of slidegen's own
    layout = {ph.placeholder_format.type: ph for ph in slide.slide_layout.placeholders}
    for shape in slide.placeholders:
        if shape.name in ("Footer", "Date", "Slide number"):
            assert (shape.left, shape.top) == (layout[kinds[shape.name]].left, layout[kinds[shape.name]].top)
    number = next(s for s in slide.placeholders if s.name == "Slide number")
    assert [f.get("type") for f in number._element.iter(qn("a:fld"))] == ["slidenum"]


def test_messages_name_a_boxs_text_as_people_would():
    from slidegen.plan.model import Insets
    from slidegen.plan.readable import what
    from slidegen.units import Rect

    def box(name: str) -> TextBox:
        return TextBox(Rect(0, 0, 10, 10), (), 12, "Arial", "#000000", "text", Insets(0, 0, 0, 0), name=name)

    assert [what(box(n)) for n in ("Text", "Caption", "Column 2", "Counties 3", "Slide number")] == \
        ["body", "caption", "column", "county list", "slide number"]
