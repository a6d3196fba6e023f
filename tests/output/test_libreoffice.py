"""PDF and slide pictures through LibreOffice: one page per slide, checked; a clear message without it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import needs_soffice
from PIL import Image

from slidegen.cli import main
from slidegen.errors import ToolError
from slidegen.output.libreoffice import Deck, page_count, to_pdf
from slidegen.project import Project


def run(project: Project, *args: str):
    return CliRunner().invoke(main, ["--root", str(project.root), *args], catch_exceptions=False)


@needs_soffice
def test_build_pdf_has_one_page_per_slide(project: Project):
    result = run(project, "build", "--pdf", str(project.content / "decks" / "skype-2016-10-28.yaml"))
    assert result.exit_code == 0, result.output
    for pptx in project.output.glob("*.pptx"):
        from pptx import Presentation

        pdf = pptx.with_suffix(".pdf")
        assert page_count(pdf.read_bytes()) == len(Presentation(str(pptx)).slides)


@needs_soffice
def test_preview_writes_a_picture_per_slide_and_a_contact_sheet(project: Project):
    result = run(project, "preview", "--width", "640", str(project.content / "decks" / "skype-2016-10-28.yaml"))
    assert result.exit_code == 0, result.output
    slides = sorted((project.output / "preview" / "skype-2016-10-28").glob("slide-*.png"))
    from pptx import Presentation

    assert len(slides) == len(Presentation(str(project.output / "skype-2016-10-28.pptx")).slides)
    with Image.open(slides[0]) as first:
        assert first.size[0] == 640
    with Image.open(project.output / "preview" / "skype-2016-10-28-contact.png") as sheet:
        assert sheet.size[0] > 640


@needs_soffice
def test_a_file_libreoffice_cannot_read_is_an_error_not_an_empty_pdf(tmp_path):
    bad = tmp_path / "broken.pptx"
    bad.write_bytes(b"PK\x03\x04 this is not a presentation")
    with pytest.raises(ToolError) as err:
        to_pdf([Deck(bad, 3)])
    assert "broken.pptx" in str(err.value)


def test_without_libreoffice_pdf_and_preview_say_how_to_install_it(project: Project, monkeypatch):
    monkeypatch.setenv("SLIDEGEN_SOFFICE", "/nonexistent/soffice")
    for args in (["build", "--pdf"], ["preview"]):
        result = run(project, *args)
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "LibreOffice is needed" in lines[0] and "apt-get install libreoffice-impress" in lines[0]
    assert not list(project.output.glob("*.pptx"))  # nothing was built half-way
    assert run(project, "build").exit_code == 0  # the .pptx build itself never needs it


def test_a_failed_pdf_conversion_leaves_output_as_it_was(project: Project, tmp_path, monkeypatch):
    deck = str(project.content / "decks" / "skype-2016-10-28.yaml")
    assert run(project, "build", deck).exit_code == 0
    pptx = project.output / "skype-2016-10-28.pptx"
    before = pptx.read_bytes()
    deck_file = project.content / "decks" / "skype-2016-10-28.yaml"
    deck_file.write_text(deck_file.read_text(encoding="utf-8").replace("Hur på hemsidan?", "Hur på webben?"),
                         encoding="utf-8")
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")  # says yes, converts nothing
    fake.chmod(0o755)
    monkeypatch.setenv("SLIDEGEN_SOFFICE", str(fake))
    result = run(project, "build", "--pdf", deck)
    assert result.exit_code == 1
    assert "LibreOffice could not convert skype-2016-10-28.pptx to PDF" in result.output
    assert pptx.read_bytes() == before
    assert not pptx.with_suffix(".pdf").exists()
