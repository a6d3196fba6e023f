"""Building in more than one format from one plan, the SVG format's folder of slides, and `slidegen preview --fast`."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation

from slidegen.build import FORMATS, build
from slidegen.cli import main
from slidegen.project import Project

SKYPE = "skype-2016-10-28"


def test_one_build_writes_the_deck_and_its_svg_slides(project: Project):
    (built,) = build(project, [project.content / "decks" / f"{SKYPE}.yaml"], output=["pptx", "svg"])
    folder = project.output / "preview" / SKYPE
    assert built.path == project.output / f"{SKYPE}.pptx" == built.output("pptx")
    assert built.output("svg") == folder and built.output("png") is None
    slides = len(Presentation(str(built.path)).slides)
    assert sorted(p.name for p in folder.iterdir()) == [f"slide-{n:02d}.svg" for n in range(1, slides + 1)]
    assert FORMATS["svg"].target(project.output, SKYPE, {}) == folder
    assert FORMATS["pptx"].target(project.output, SKYPE, b"") == built.path


def test_slides_no_longer_in_the_deck_are_removed_and_other_pictures_stay(project: Project):
    deck = project.content / "decks" / f"{SKYPE}.yaml"
    build(project, [deck], output="svg")
    folder = project.output / "preview" / SKYPE
    (folder / "slide-01.png").write_bytes(b"LibreOffice's picture")
    before = sorted(folder.glob("*.svg"))
    text = deck.read_text(encoding="utf-8")
    deck.write_text(text.replace("  - kind: agenda\n", "", 1), encoding="utf-8")  # one slide fewer
    build(project, [deck], output="svg")
    after = sorted(folder.glob("*.svg"))
    assert len(after) == len(before) - 1 and before[-1] not in after
    assert (folder / "slide-01.png").read_bytes() == b"LibreOffice's picture"
    assert not (project.output / f"{SKYPE}.pptx").exists(), "the svg format alone builds no .pptx"


def test_preview_fast_writes_svg_slides_and_a_contact_page_without_libreoffice(project: Project, monkeypatch):
    monkeypatch.setenv("SLIDEGEN_SOFFICE", str(project.root / "no-soffice"))
    result = CliRunner().invoke(main, ["--root", str(project.root), "preview", "--fast"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["output/preview/nobel-2016-contact.html", f"output/preview/{SKYPE}-contact.html"]
    page = (project.output / "preview" / f"{SKYPE}-contact.html").read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)" alt="([^"]*)"', page)
    assert len(images) == 15 and images[0] == (f"{SKYPE}/slide-01.svg", "Uppdrag 51 – hur går det?")
    assert images[1][1] == "Dagordning (kl. 13.00–14.15)"
    assert all((project.output / "preview" / src).is_file() for src, _ in images)
    assert '<html lang="sv">' in page and "<title>Uppdrag 51 – hur går det?</title>" in page


def test_preview_without_fast_still_needs_libreoffice(project: Project, monkeypatch):
    monkeypatch.setenv("SLIDEGEN_SOFFICE", str(project.root / "no-soffice"))
    result = CliRunner().invoke(main, ["--root", str(project.root), "preview"])
    assert result.exit_code == 1 and "LibreOffice is needed" in result.output
    assert not (project.output / "preview").exists()
