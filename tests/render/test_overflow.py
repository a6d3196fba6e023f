"""The render check: built decks drawn by LibreOffice keep every word inside its shape and the slide."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, needs_soffice
from overflow import overflow
from pptx import Presentation
from pptx.util import Inches, Pt

from slidegen.build import build
from slidegen.errors import ContentError
from slidegen.output.libreoffice import Deck, to_pdf
from slidegen.project import Project

STRESS = ROOT / "tests" / "data" / "stress" / "content"


def stress_project(dest: Path, chart_cache: Path | None = None) -> Project:
    shutil.copytree(STRESS, dest / "content")
    shutil.copytree(ROOT / "themes", dest / "themes")
    if chart_cache is not None:
        (dest / "output" / ".cache").mkdir(parents=True)
        try:
            (dest / "output" / ".cache" / "charts").symlink_to(chart_cache, target_is_directory=True)
        except OSError:  # Windows without the right to make links
            pass
    return Project.at(dest)


@pytest.fixture(scope="module")
def rendered(shipped, tmp_path_factory, chart_cache) -> dict[Path, bytes]:
    """The shipped decks and the stress deck, converted to PDF in one LibreOffice run."""
    stress = stress_project(tmp_path_factory.mktemp("stress"), chart_cache)
    decks = [*shipped.values(), *(b.path for b in build(stress))]
    return to_pdf([Deck(p, len(Presentation(str(p)).slides)) for p in decks])


@needs_soffice
def test_every_word_stays_inside_its_shape_and_the_slide(rendered):
    assert len(rendered) == 3
    for pptx, pdf in rendered.items():
        assert overflow(pptx, pdf) == [], pptx.name


@needs_soffice
def test_stress_content_was_continued_on_more_slides(rendered):
    stress = next(p for p in rendered if p.name == "stress.pptx")
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(stress)).slides]
    assert any(t.endswith("(3/3)") and t.startswith("Dagordning") for t in titles)
    tables = [t for t in titles if t.startswith("Stresstest: enkät med 60 metoder")]
    assert len(tables) > 3 and tables[-1].endswith(f"({len(tables)}/{len(tables)})")


@needs_soffice
def test_the_check_itself_catches_overflow(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text_frame.text = "Rubrik"
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(3), Inches(0.5))
    box.text_frame.word_wrap = True
    box.text_frame.text = "Alldeles för mycket text för en liten ruta " * 12
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    off = slide.shapes.add_textbox(Inches(9.5), Inches(6), Inches(3), Inches(0.5))
    off.text_frame.text = "utanför bilden"
    path = tmp_path / "broken.pptx"
    prs.save(str(path))
    pdf = to_pdf([Deck(path, 1)])[path]
    found = overflow(path, pdf)
    assert any("lies outside" in f for f in found)
    assert "slide 1: TextBox 3 is off the slide" in found


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_one_bullet_too_long_for_any_slide_is_a_located_error(tmp_path):
    project = stress_project(tmp_path / "p")
    example = project.content / "examples" / "gotland-1.yaml"
    edit_yaml(example, lambda d: d.update(description=[("Ett mycket långt stycke text utan slut. " * 130).strip()]))
    with pytest.raises(ContentError) as err:
        build(project)
    (problem,) = err.value.problems
    assert str(problem).startswith("content/examples/gotland-1.yaml:")
    assert problem.location.path == "description[0]"
    assert "shorten it by about" in problem.message and "characters" in problem.message


def test_a_title_too_long_even_at_the_smallest_size_is_a_located_error(tmp_path):
    project = stress_project(tmp_path / "p")
    deck = project.content / "decks" / "stress.yaml"
    edit_yaml(deck, lambda d: d["slides"].insert(1, {"kind": "bullets", "title": "Lång rubrik " * 60, "items": ["a"]}))
    with pytest.raises(ContentError) as err:
        build(project)
    (problem,) = err.value.problems
    assert problem.location.file == "content/decks/stress.yaml" and problem.location.path == "slides[1]"
    assert "shorten it by about" in problem.message


def test_stress_content_builds_without_libreoffice(tmp_path, chart_cache):
    (built,) = build(stress_project(tmp_path / "p", chart_cache))
    assert len(Presentation(str(built.path)).slides) > 20
