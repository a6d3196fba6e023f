"""Reproducible, valid packages: same bytes whatever the clock, zero OOXML findings, properties from the deck."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator
from pptx import Presentation
from pptx.oxml.ns import qn

from conftest import copy_project

BUILD = "import sys; from slidegen.build import build; from slidegen.content import Project; build(Project.at(sys.argv[1]))"


def build_in_subprocess(root: Path, **env: str) -> dict[str, str]:
    subprocess.run([sys.executable, "-c", BUILD, str(root)], check=True, env={**os.environ, **env})
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((root / "output").glob("*.pptx"))}


@pytest.mark.parametrize("charts", ["image", "native"])
def test_same_content_same_bytes_across_time_zones_and_time(tmp_path, chart_cache, charts):
    project = copy_project(tmp_path / "p", chart_cache)
    for deck in (project.content / "decks").glob("*.yaml"):
        deck.write_text(deck.read_text(encoding="utf-8").replace("charts: image", f"charts: {charts}"), encoding="utf-8")
    first = build_in_subprocess(project.root, TZ="UTC")
    time.sleep(2.1)  # past the 2-second resolution of zip time stamps
    second = build_in_subprocess(project.root, TZ="Asia/Tokyo")
    assert first and first == second


def test_zip_entries_carry_the_meeting_date_and_fixed_permissions(shipped):
    with zipfile.ZipFile(shipped["skype-2016-10-28"]) as z:
        infos = z.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert {i.date_time for i in infos} == {(2016, 10, 28, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in infos} == {0o644}


def test_source_date_epoch_overrides_the_meeting_date(tmp_path, chart_cache):
    project = copy_project(tmp_path / "p", chart_cache)
    build_in_subprocess(project.root, SOURCE_DATE_EPOCH="1700000000")
    with zipfile.ZipFile(project.output / "skype-2016-10-28.pptx") as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert b"2023-11-14T22:13:20Z" in z.read("docProps/core.xml")


def test_no_ooxml_findings(shipped, tmp_path, chart_cache):
    validator = OpenXmlValidator(file_format=FileFormat.OFFICE_2016)
    project = copy_project(tmp_path / "p", chart_cache)
    for deck in (project.content / "decks").glob("*.yaml"):
        deck.write_text(deck.read_text(encoding="utf-8").replace("charts: image", "charts: native"), encoding="utf-8")
    build_in_subprocess(project.root)
    decks = [*shipped.values(), *sorted(project.output.glob("*.pptx"))]
    assert len(decks) >= 2
    for path in decks:
        result = validator.validate(path)
        assert [e.description for e in result.errors] == [], path.name
        assert result.is_valid


def test_document_properties_come_from_the_deck(shipped):
    cp = Presentation(str(shipped["skype-2016-10-28"])).core_properties
    assert cp.title == "Uppdrag 51 – hur går det?"
    assert cp.author == "Magnus Eriksson; Anna-Lena Lövkvist Andersen; Calle Sanglert"
    assert cp.subject.startswith("Skype-möte för länsstyrelsernas miljömålssamordnare")
    assert "uppdrag 51" in cp.keywords
    assert cp.language == "sv-SE"
    assert cp.created.isoformat() == cp.modified.isoformat() == "2016-10-28T00:00:00"
    assert cp.comments == "" and cp.last_modified_by != "Steve Canny"
    with zipfile.ZipFile(shipped["skype-2016-10-28"]) as z:
        names = z.namelist()
        assert not any("thumbnail" in n for n in names)
        app = z.read("docProps/app.xml").decode()
        slides = len(Presentation(str(shipped["skype-2016-10-28"])).slides)
        assert f"<Slides>{slides}</Slides>" in app and "<Company>Länsstyrelserna, RUS arbetsgrupp</Company>" in app
        assert "python-pptx" not in z.read("docProps/core.xml").decode()


def test_every_text_in_every_part_is_swedish(shipped):
    with zipfile.ZipFile(shipped["skype-2016-10-28"]) as z:
        xml_parts = [n for n in z.namelist() if n.endswith(".xml")]
        langs = set()
        for name in xml_parts:
            text = z.read(name).decode("utf-8")
            langs.update(__import__("re").findall(r'\blang="([^"]+)"', text))
        assert langs == {"sv-SE"}


def test_speaker_notes_land_in_the_notes_page(shipped):
    prs = Presentation(str(shipped["skype-2016-10-28"]))
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    assert any("Ett streck betyder att uppgift saknas, inte noll." in n for n in notes)
    with zipfile.ZipFile(shipped["skype-2016-10-28"]) as z:
        app = z.read("docProps/app.xml").decode()
        assert f"<Notes>{len(notes)}</Notes>" in app
