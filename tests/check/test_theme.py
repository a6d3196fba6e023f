"""Theme folders: the logo found and really a PNG, alt text or decorative, every problem located in theme.yaml."""

from __future__ import annotations

import pytest
from edits import replace_once

from slidegen.check.library import Library
from slidegen.errors import ContentError
from slidegen.project import Project


def edit_yaml(project: Project, old: str, new: str) -> int:
    return replace_once(project.themes / "mall" / "theme.yaml", old, new)


def problems(project: Project) -> list[str]:
    with pytest.raises(ContentError) as err:
        Library(project).theme(project.themes / "mall" / "theme.yaml")
    return [str(p) for p in err.value.sorted()]


def test_shipped_logo_is_found_with_its_size(project: Project):
    files = Library(project).theme(project.themes / "mall" / "theme.yaml").files
    assert files.logo == project.themes / "mall" / "logo.png"
    assert files.logo_pixels == (240, 240)
    assert files.template == project.themes / "mall" / "template.pptx"


def test_a_logo_that_is_a_jpeg_is_rejected_at_its_line(project: Project):
    (project.themes / "mall" / "logo.png").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100))
    line = edit_yaml(project, "file: logo.png", "file: logo.png")
    assert problems(project) == [
        f"themes/mall/theme.yaml:{line}:9: logo.file: logo.png is not a PNG picture (it is a JPEG picture); save the logo as PNG"
    ]


def test_a_missing_logo_is_located_with_a_suggestion(project: Project):
    line = edit_yaml(project, "file: logo.png", "file: Logo.png")
    assert problems(project) == [
        f"themes/mall/theme.yaml:{line}:9: logo.file: there is no file themes/mall/Logo.png — did you mean `logo.png`?"
    ]


def test_a_logo_needs_alt_text_or_to_be_marked_decorative(project: Project):
    edit_yaml(project, "  alt: Länsstyrelsen i Exempellän\n", "")
    text = (project.themes / "mall" / "theme.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("logo:") + 1
    (found,) = problems(project)
    assert found.startswith(f"themes/mall/theme.yaml:{line}:1: logo: the logo needs alt text")
    assert "`decorative: true`" in found


def test_a_logo_cannot_be_both_described_and_decorative(project: Project):
    edit_yaml(project, "  alt: Länsstyrelsen i Exempellän\n", "  alt: Länsstyrelsen i Exempellän\n  decorative: true\n")
    (found,) = problems(project)
    assert "a decorative logo has no alt text" in found


def test_only_file_names_inside_the_theme_folder_are_accepted(project: Project):
    edit_yaml(project, "file: logo.png", "file: ../default/logo.png")
    (found,) = problems(project)
    assert "logo.file: `../default/logo.png` does not have the expected form" in found


def test_unknown_keys_in_a_theme_get_a_suggestion(project: Project):
    edit_yaml(project, "footer:\n", "foter:\n")
    assert any("unknown key `foter` — did you mean `footer`?" in p for p in problems(project))


def test_theme_errors_are_reported_by_validate(project: Project):
    from slidegen.commands.validate import validate_paths

    edit_yaml(project, '\n  text: "#1E2A24"', '\n  text: "#AAAAAA"')
    edit_yaml(project, "  file: template.pptx\n", "  file: template.pptx\n  fix_colours: false\n")
    with pytest.raises(ContentError) as err:
        validate_paths(project, [project.themes / "mall" / "theme.yaml"])
    assert ('colours.text: on layout "Rubrik och innehåll" the body text #AAAAAA has contrast 2.1:1 with #F6F5F1 '
            "behind it (background), and it needs 4.5:1; set `template.colours.content.text` to a colour readable "
            "there (or remove `fix_colours: false` to let slidegen choose one)") in str(err.value)


def test_a_logo_too_wide_for_the_slide_is_a_theme_problem(project: Project):
    from PIL import Image

    Image.new("RGB", (4000, 10), "#123456").save(project.themes / "mall" / "logo.png")
    line = edit_yaml(project, "height: ", "height: ")
    (msg,) = problems(project)
    assert msg.startswith(f"themes/mall/theme.yaml:{line}:") and "logo.height: at " in msg
    assert "more than a third of the slide; set `height:` to at most 0.0" in msg


def test_a_slide_size_of_another_form_is_located_and_names_the_forms(project: Project):
    theme = project.themes / "default" / "theme.yaml"
    line = replace_once(theme, 'slide_size: "16:9"', 'slide_size: "5:4"')
    with pytest.raises(ContentError) as err:
        Library(project).theme(theme)
    assert (f"themes/default/theme.yaml:{line}:13: slide_size: `5:4` is not a slide size; write `16:9`, `16:10`, "
            "`4:3`, `A4` or a size in centimetres such as `25.4 × 14.29 cm`") in str(err.value)
