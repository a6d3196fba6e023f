"""An organisation's template: check-theme lists needs and haves, and fails naming what is missing; builds fail early."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from edits import replace_once
from pptx import Presentation

from slidegen.build import build
from slidegen.check.library import Library
from slidegen.cli import main
from slidegen.commands.audit import audit
from slidegen.errors import ContentError
from slidegen.load.template import POTX_TYPE, PPTX_TYPE, inspect
from slidegen.project import Project


def run(project: Project, *args: str):
    return CliRunner().invoke(main, ["--root", str(project.root), *args], catch_exceptions=False)


def mall(project: Project) -> Path:
    return project.themes / "mall" / "template.pptx"


def edit_template(project: Project, change) -> None:
    """Open the mall theme's template, change it, save it back."""
    prs = Presentation(str(mall(project)))
    change(prs)
    prs.save(str(mall(project)))


def edit_yaml(project: Project, old: str, new: str) -> int:
    """Change mall's theme.yaml; the line of the change."""
    return replace_once(project.themes / "mall" / "theme.yaml", old, new)


def layout(prs, name: str):
    return next(lay for lay in prs.slide_layouts if lay.name == name)


def drop_body(prs) -> None:
    body = next(ph for ph in layout(prs, "Rubrik och innehåll").placeholders if ph.placeholder_format.idx == 1)
    body._element.getparent().remove(body._element)


def test_check_theme_lists_what_slidegen_needs_and_the_template_has(project: Project):
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 0, result.output
    out = result.output
    assert ('its layouts (6, line breaks shown as ⏎): "Rubrikbild", "Rubrik och innehåll", "Två innehåll", '
            '"Endast rubrik", "Tom", "Bild med bildtext"') in out
    assert "its 2 example slides are left out of every deck" in out
    lines = out.splitlines()
    content = next(ln for ln in lines if ln.strip().startswith("content (text slides)"))
    assert '"Rubrik och innehåll"' in content and "title ✓" in content and "body ✓" in content
    title = next(ln for ln in lines if ln.strip().startswith("title (title and section slides)"))
    assert "subtitle or body ✓" in title
    picture = next(ln for ln in lines if ln.strip().startswith("picture (picture slides)"))
    assert '"Bild med bildtext"' in picture and "title ✓" in picture
    quote = next(ln for ln in lines if ln.strip().startswith("quote (quote slides)"))
    assert "not named" in quote and "built on the title_only layout" in quote
    assert "theme mall is ready: slidegen build --theme mall" in out


def test_missing_body_placeholder_fails_naming_layout_and_placeholder(project: Project):
    edit_template(project, drop_body)
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 1
    assert 'themes/mall/template.pptx: layout "Rubrik och innehåll" has no body placeholder' in result.output
    assert "body ✗" in result.output
    assert "is ready" not in result.output


@pytest.mark.parametrize(("role", "name", "typed", "meant", "column"), [
    ("title_only", "Endast rubrik", "Endast rubriken", "Endast rubrik", 17),  # a typo
    ("picture", "Bild med bildtext", "Bild och bildtext", "Bild med bildtext", 14),
    # a name from another language: a layout that serves, not the likest name (Tom)
    ("title_only", "Endast rubrik", "Title Only", "Endast rubrik", 17),
])
def test_missing_layout_fails_at_its_line_in_theme_yaml_with_a_suggestion(project: Project, role, name, typed, meant,
                                                                          column):
    line = edit_yaml(project, f"{role}: {name}", f"{role}: {typed}")
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 1
    assert (f'themes/mall/theme.yaml:{line}:{column}: template.layouts.{role}: themes/mall/template.pptx has no '
            f'layout "{typed}" — did you mean `{meant}`?') in result.output
    assert "✗ no such layout" in result.output


def test_a_layout_without_a_title_placeholder_gets_a_title_of_its_own(project: Project, tmp_path: Path):
    def drop_title(prs):
        title = next(ph for ph in layout(prs, "Endast rubrik").placeholders if ph.placeholder_format.idx == 0)
        title._element.getparent().remove(title._element)

    edit_template(project, drop_title)
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 0, result.output
    only = next(ln for ln in result.output.splitlines() if ln.strip().startswith("title_only (table and chart"))
    assert "title – slidegen places a title of its own in the free area above the body" in only
    (built,) = build(project, [project.content / "decks" / "skype-2016-10-28.yaml"], theme="mall", out_dir=tmp_path)
    slides = [s for s in Presentation(str(built.path)).slides if s.slide_layout.name == "Endast rubrik"]
    assert slides
    for slide in slides:  # the title is a title placeholder (screen readers find it), first, above the table
        title = slide.shapes.title
        assert title is not None and title.text_frame.text and slide.shapes[0].element is title.element
        content = [s for s in slide.shapes if s.has_table or s.has_chart]
        assert not content or title.top + title.height <= min(s.top for s in content)
    assert any(s.has_table for slide in slides for s in slide.shapes)
    assert audit(built.path) == []


def test_build_with_a_broken_template_fails_before_writing_anything(project: Project, tmp_path: Path):
    edit_template(project, drop_body)
    out = tmp_path / "out"
    with pytest.raises(ContentError) as err:
        build(project, theme="mall", out_dir=out)
    assert 'themes/mall/template.pptx: layout "Rubrik och innehåll" has no body placeholder' in str(err.value)
    assert not out.exists()


def test_a_template_of_another_size_gives_the_decks_its_size(project: Project, tmp_path: Path):
    def to_4_3(prs):
        prs.slide_width = 9144000

    edit_template(project, to_4_3)
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 0, result.output
    assert "25.4 × 19.05 cm (decks take its size)" in result.output
    (built,) = build(project, [project.content / "decks" / "skype-2016-10-28.yaml"], theme="mall", out_dir=tmp_path)
    prs = Presentation(str(built.path))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    assert all(s.left + s.width <= 9144000 for slide in prs.slides for s in slide.shapes)


def test_a_slide_size_that_disagrees_with_the_template_says_both(project: Project):
    line = edit_yaml(project, "template:\n", 'slide_size: "4:3"\ntemplate:\n')
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 1
    assert (f"themes/mall/theme.yaml:{line}:13: slide_size: themes/mall/template.pptx has slides of 33.87 × 19.05 cm "
            "(aspect 1.778), but `slide_size: 4:3` is 25.4 × 19.05 cm (aspect 1.333); remove `slide_size:` (a theme "
            "with a template takes the template's size) or use a template of that shape") in result.output


def test_a_slide_size_of_the_templates_shape_is_fine_even_a_few_emu_off(project: Project):
    def few_off(prs):
        prs.slide_width = 12193587  # as LibreOffice writes 16:9

    edit_template(project, few_off)
    edit_yaml(project, "template:\n", 'slide_size: "16:9"\ntemplate:\n')
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 0, result.output


def test_fonts_must_match_the_template_but_the_background_is_the_templates(project: Project):
    edit_yaml(project, 'background: "#F6F5F1"', 'background: "#FFFFFF"')
    font = edit_yaml(project, "  title: Arial ", "  title: Calibri ")
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 1
    assert "colours.background" not in result.output  # what the template shows is checked, not this colour
    assert f"themes/mall/theme.yaml:{font}:10: fonts.title: the template's title font is Arial" in result.output


def test_a_layout_name_with_a_line_break_is_shown_and_written_with_a_return_sign(project: Project, tmp_path: Path):
    def break_name(prs):
        layout(prs, "Rubrik och innehåll")._element.cSld.set("name", "Rubrik och\ninnehåll")

    edit_template(project, break_name)
    line = edit_yaml(project, "content: Rubrik och innehåll", "content: Rubrik och innehåll")
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 1
    assert '"Rubrik och⏎innehåll"' in result.output
    assert (f'themes/mall/theme.yaml:{line}:14: template.layouts.content: themes/mall/template.pptx has no layout '
            '"Rubrik och innehåll" — did you mean `Rubrik och⏎innehåll`?') in result.output
    edit_yaml(project, "content: Rubrik och innehåll", "content: Rubrik och⏎innehåll")
    assert run(project, "check-theme", "mall").exit_code == 0
    (built,) = build(project, [project.content / "decks" / "skype-2016-10-28.yaml"], theme="mall", out_dir=tmp_path)
    assert "Rubrik och\ninnehåll" in {s.slide_layout.name for s in Presentation(str(built.path)).slides}


def test_a_file_that_is_not_a_presentation_is_reported(project: Project):
    mall(project).write_bytes(b"not a zip at all")
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 1
    assert "themes/mall/template.pptx: cannot be opened as a PowerPoint presentation" in result.output
    assert "Traceback" not in result.output


def test_a_missing_template_file_is_located_with_a_suggestion(project: Project):
    line = edit_yaml(project, "file: template.pptx", "file: templat.pptx")
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 1
    assert (f"themes/mall/theme.yaml:{line}:9: template.file: there is no file themes/mall/templat.pptx "
            "— did you mean `template.pptx`?") in result.output


def test_a_potx_template_is_used_like_a_pptx(project: Project, tmp_path: Path):
    src = zipfile.ZipFile(mall(project))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                assert PPTX_TYPE in body
                body = body.replace(PPTX_TYPE, POTX_TYPE)
            dst.writestr(info, body)
    potx = project.themes / "mall" / "template.potx"
    potx.write_bytes(out.getvalue())
    mall(project).unlink()
    edit_yaml(project, "file: template.pptx", "file: template.potx")
    assert [lay.name for lay in inspect(potx).layouts][:2] == ["Rubrikbild", "Rubrik och innehåll"]
    (built,) = build(project, [project.content / "decks" / "skype-2016-10-28.yaml"], theme="mall", out_dir=tmp_path)
    prs = Presentation(str(built.path))
    assert prs.slides[1].slide_layout.name == "Rubrik och innehåll"
    assert b"presentation.main+xml" in zipfile.ZipFile(built.path).read("[Content_Types].xml")


def test_unknown_theme_is_named_with_the_known_ones(project: Project):
    result = run(project, "check-theme", "kontrst")
    assert result.exit_code == 1
    assert "themes/kontrst: there is no theme `kontrst` (no file themes/kontrst/theme.yaml) — did you mean `kontrast`?" in result.output


def test_layouts_a_theme_does_not_name_fall_back_to_its_content_title_only_and_title_layouts(project: Project):
    edit_yaml(project, "    picture: Bild med bildtext      # bilder med bildtext\n", "")
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if ln.strip().startswith("picture (picture slides)"))
    assert "not named" in line and "built on the content layout" in line
    layouts = Library(project).theme(project.themes / "mall" / "theme.yaml").model.template.layouts
    assert layouts.names(template=True)["picture"] == "Rubrik och innehåll"
    assert layouts.names(template=True)["two_content"] == "Två innehåll"
    assert layouts.names(template=True)["quote"] == "Endast rubrik" and layouts.names(template=True)["closing"] == "Rubrikbild"
    assert layouts.names(template=False)["picture"] == "Picture with Caption"  # slidegen's own master has PowerPoint's


def test_a_centred_body_in_the_template_centres_the_text_slides_bodies(project: Project, tmp_path: Path):
    from pptx.oxml.ns import qn

    def centre_body(prs):
        body = next(ph for ph in layout(prs, "Rubrik och innehåll").placeholders if ph.placeholder_format.idx == 1)
        lst = body.text_frame._txBody.find(qn("a:lstStyle"))
        level = lst.makeelement(qn("a:lvl1pPr"), {"algn": "ctr"})
        lst.insert(0, level)

    edit_template(project, centre_body)
    (built,) = build(project, [project.content / "decks" / "skype-2016-10-28.yaml"], theme="mall", out_dir=tmp_path)
    slides = [s for s in Presentation(str(built.path)).slides if s.slide_layout.name == "Rubrik och innehåll"]
    beside = [s for s in slides if any(sh.name in ("Overview chart", "Chart") for sh in s.shapes)]
    bodies = [s.placeholders[1] for s in slides if s not in beside]
    assert len(bodies) == 6 and len(beside) == 1
    aligns = {p._p.pPr.get("algn") for b in bodies for p in b.text_frame.paragraphs if p._p.pPr is not None}
    assert aligns == {"ctr"}  # text beside a chart is a column of its own: it stays left-aligned


def test_closing_and_picture_layouts_are_checked_only_for_what_their_slides_fill(project: Project):
    from slidegen.check.template import placeholders_used

    theme = Library(project).theme(project.themes / "mall" / "theme.yaml").model
    info = inspect(mall(project))
    closing = [what for what, _, _ in placeholders_used(theme, "closing", info.layout("Rubrikbild"))]
    assert closing == ["title"]  # a cover: no footer; its contacts are no subtitle
    picture = [what for what, _, _ in placeholders_used(theme, "picture", info.layout("Bild med bildtext"))]
    assert picture == ["title", "footer", "date", "slide number"]  # the caption placeholder stays empty
    content = [what for what, _, _ in placeholders_used(theme, "content", info.layout("Rubrik och innehåll"))]
    assert content == ["title", "body", "footer", "date", "slide number"]


def test_check_theme_shows_the_boxes_the_build_uses_beside_the_logo(project: Project):
    from slidegen.build import load, plan
    from slidegen.units import to_cm

    result = run(project, "check-theme", "mall")
    lines = result.output.splitlines()
    start = lines.index('    content: "Rubrik och innehåll"')
    shown = lines[start + 1].split()
    assert shown[:3] == ["title", "placeholder", "title"]
    (bundle,) = load(project, [project.content / "decks" / "skype-2016-10-28.yaml"], theme="mall")
    (deck_plan,) = plan([bundle])
    title = next(s.title for s in deck_plan.slides if s.layout == "content")
    assert float(shown[3]) == round(to_cm(title.frame.w), 2)  # narrower than the placeholder: the logo is beside it
    placeholder = next(ph for ph in inspect(mall(project)).layout("Rubrik och innehåll").placeholders if ph.idx == 0)
    assert title.frame.w < placeholder.rect.w


def test_a_master_without_a_background_of_its_own_is_white(tmp_path: Path):
    from pptx.oxml.ns import qn

    prs = Presentation()
    master = prs.slide_master._element
    bg = master.find(f"{qn('p:cSld')}/{qn('p:bg')}")
    if bg is not None:
        bg.getparent().remove(bg)
    path = tmp_path / "nobg.pptx"
    prs.save(str(path))
    info = inspect(path)
    assert all(lay.background is not None and lay.background.colours == ("#FFFFFF",) for lay in info.layouts)
    assert info.layout("Title and Content").behind(info.layout("Title and Content").placeholders[0].rect).colours \
        == ("#FFFFFF",)
