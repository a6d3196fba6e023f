"""Fifteen real templates made by other organisations, made into themes as a coordinator would, build both decks
(and the general kinds' test deck: every slide kind on every template).

The templates are in ../shared/real-templates/ beside the checkout (CI puts a copy of shared/
there); each `<name>.json` holds what the coordinator writes (tests/realtemplates.py makes the
theme). Every template is checked with check-theme and built; every deck is audited (openxml-audit,
accessibility). Rendering through LibreOffice takes about five seconds a deck, so the render checks
(no overflowing word, contrast against the pixels behind every text, titles in their layout's
title area, slidegen's own boxes clear of the template's decoration) run on a representative
subset: RENDERED, every unusual slide size among them. `python scripts/real_templates.py OUT`
runs the render checks on all fifteen.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import copy_project, needs_soffice
from kinds import CONTENT as KINDS
from kinds import DECK as KINDS_DECK
from edits import with_native_chart
from openxml_audit import FileFormat, OpenXmlValidator
from overflow import overflow
from pptx import Presentation
from realtemplates import SHARED, RealTemplate, make_theme, real_templates
from templatecheck import blank_copy, check_apart, check_contrast, check_decoration, check_titles

from slidegen.build import build
from slidegen.cli import main
from slidegen.commands.audit import audit
from slidegen.errors import ContentError
from slidegen.load.template import inspect
from slidegen.output.libreoffice import Deck, to_pdf
from slidegen.project import Project

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=f"no {SHARED} (the shared templates) beside the checkout")

UNUSUAL_SIZES = {
    "corp-60810": (9144000, 5143500),  # PowerPoint's On-screen Show (16:9), 25.4 × 14.29 cm
    "fr-mtes-otelo": (9144000, 5143500),
    "aes-maloney": (9906000, 6858000),  # A4, 27.52 × 19.05 cm
    "helvetica-bug65228": (24384000, 13716000),  # a Keynote export, 67.73 × 38.1 cm
    "libreoffice-bug60993": (12193587, 6858000),  # LibreOffice's 16:9, 1587 EMU too wide
    "lo-ececapstone": (10080625, 7559675),  # 28 × 21 cm
}

RENDERED = ("aes-maloney", "corp-60810", "helvetica-bug65228", "libreoffice-bug60993", "nl-antwerpen-bug68703",
            "sv-bug60715")
"""The subset rendered in the suite: every unusual size but one (fr-mtes-otelo has corp's), and the two
templates with the most decoration in slidegen's way (a logo and a gradient bar; bands and no title
placeholder). The other nine are rendered by scripts/real_templates.py."""

LOCATED = re.compile(r"^[\w./-]+\.(yaml|pptx|potx)(:\d+:\d+)?: ")


@pytest.fixture(scope="module")
def project(tmp_path_factory, chart_cache) -> Project:
    """The shipped project and the kinds' test deck, with a theme per shared template, the first chart of each
    shipped deck drawn natively."""
    project = copy_project(tmp_path_factory.mktemp("real-templates"), chart_cache)
    shutil.copytree(KINDS, project.content, dirs_exist_ok=True)
    with_native_chart(project)
    for template in real_templates():
        make_theme(project.themes, template)
    return project


@pytest.fixture(scope="module")
def built(project: Project, tmp_path_factory) -> dict[str, list[Path] | ContentError]:
    """Both decks built on every template, or the error that stopped them."""
    out: dict[str, list[Path] | ContentError] = {}
    for template in real_templates():
        try:
            decks = build(project, theme=template.name, out_dir=tmp_path_factory.mktemp(template.name))
        except ContentError as exc:
            out[template.name] = exc
            continue
        out[template.name] = [d.path for d in decks]
    return out


def test_all_fifteen_shared_templates_are_here():
    names = [t.name for t in real_templates()]
    assert len(names) == 15 and set(UNUSUAL_SIZES) <= set(names) and set(RENDERED) <= set(names)


@pytest.mark.parametrize("template", real_templates(), ids=lambda t: t.name)
def test_check_theme_passes_or_says_what_to_change(project: Project, template: RealTemplate):
    result = CliRunner().invoke(main, ["--root", str(project.root), "check-theme", template.name],
                                catch_exceptions=False)
    out = result.output
    assert "Traceback" not in out
    if result.exit_code == 0:
        assert f"theme {template.name} is ready" in out
        return
    problems = [ln for ln in out.splitlines() if LOCATED.match(ln)]
    assert problems, out
    assert all(re.search(r"set `|remove `|shorten|save it as", ln) for ln in problems), problems


def test_every_template_builds_both_decks_and_every_slide_kind(built):
    failed = {name: str(result) for name, result in built.items() if isinstance(result, ContentError)}
    assert not failed, failed  # the issue asks for at least 14 of 15; all 15 build
    assert all(sorted(p.stem for p in paths) == ["nobel-2016", "skype-2016-10-28", KINDS_DECK]
               for paths in built.values())


@pytest.mark.parametrize("name", sorted(UNUSUAL_SIZES))
def test_decks_keep_the_templates_own_slide_size(built, name: str):
    for path in built[name]:
        prs = Presentation(str(path))
        assert (prs.slide_width, prs.slide_height) == UNUSUAL_SIZES[name]
        for slide in prs.slides:
            for shape in slide.shapes:
                assert shape.left >= 0 and shape.top >= 0, (path.name, shape.name)
                assert shape.left + shape.width <= prs.slide_width + 1, (path.name, shape.name)
                assert shape.top + shape.height <= prs.slide_height + 1, (path.name, shape.name)


def test_every_deck_passes_openxml_audit_and_the_accessibility_audit(built):
    validator = OpenXmlValidator(file_format=FileFormat.OFFICE_2016)
    for name, paths in built.items():
        for path in paths:
            result = validator.validate(path)
            assert result.is_valid and not result.errors, (name, [str(e) for e in result.errors[:5]])
            assert audit(path) == [], name


def test_every_slide_is_on_the_mapped_layout_and_the_examples_stay_out(built):
    for template in real_templates():
        layouts = set(template.config["layouts"].values())
        example_slides = inspect(template.file).slides
        for path in built[template.name]:
            prs = Presentation(str(path))
            assert {s.slide_layout.name for s in prs.slides} <= layouts
            assert len(prs.slides) < 30 and example_slides  # the template's own slides are not among them


def test_a_template_lacking_presentation_and_view_properties_gets_them(built):
    import zipfile

    source = zipfile.ZipFile(SHARED / "libreoffice-bug60993.pptx").namelist()
    assert "ppt/presProps.xml" not in source and "ppt/viewProps.xml" not in source
    for path in built["libreoffice-bug60993"]:
        names = zipfile.ZipFile(path).namelist()
        assert "ppt/presProps.xml" in names and "ppt/viewProps.xml" in names


def test_a_template_without_title_placeholders_gets_title_placeholders_on_its_slides(built):
    for path in built["nl-antwerpen-bug68703"]:
        for slide in Presentation(str(path)).slides:
            title = slide.shapes.title
            assert title is not None and title.text_frame.text.strip()
            assert title.top + title.height <= 1295400  # in the purple band at the top, where the template's heading is
            assert title.left + title.width <= 6551613  # left of the logo


@pytest.fixture(scope="module")
def rendered(built, tmp_path_factory) -> dict[Path, tuple[bytes, bytes]]:
    """The subset's decks and their text-less copies, converted in one LibreOffice run: deck → (PDF, blank PDF)."""
    folder = tmp_path_factory.mktemp("render")
    decks: list[Deck] = []
    pairs: dict[Path, Path] = {}
    for name in RENDERED:
        for path in built[name]:
            copy = folder / f"{name}--{path.name}"
            copy.write_bytes(path.read_bytes())
            blank = blank_copy(copy, folder / f"{name}--{path.stem}--blank.pptx")
            pairs[copy] = blank
            count = len(Presentation(str(copy)).slides)
            decks += [Deck(copy, count), Deck(blank, count)]
    pdfs = to_pdf(decks)
    return {deck: (pdfs[deck], pdfs[blank]) for deck, blank in pairs.items()}


@needs_soffice
def test_no_word_overflows_on_the_rendered_slides(rendered):
    assert len(rendered) == 3 * len(RENDERED)
    for pptx, (pdf, _) in rendered.items():
        assert overflow(pptx, pdf) == [], pptx.name


@needs_soffice
def test_every_text_contrasts_with_the_pixels_behind_it(rendered):
    for pptx, (pdf, blank) in rendered.items():
        assert check_contrast(pptx, pdf, blank) == [], pptx.name


@needs_soffice
def test_every_title_sits_in_its_layouts_title_area(rendered):
    for pptx, (pdf, _) in rendered.items():
        assert check_titles(pptx, pdf) == [], pptx.name


def test_slidegens_own_boxes_keep_clear_of_the_templates_decoration(built):
    for name, paths in built.items():
        for path in paths:
            assert check_decoration(path) == [], (name, path.name)


def test_no_two_boxes_of_a_slide_overlap(built):
    for name, paths in built.items():
        for path in paths:
            assert check_apart(path) == [], (name, path.name)
