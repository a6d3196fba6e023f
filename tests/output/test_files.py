"""Reproducible, valid packages: same bytes whatever the clock, zero OOXML findings, properties from the deck."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import copy_project, posix_only
from openxml_audit import FileFormat, OpenXmlValidator
from pptx import Presentation
from pptx.oxml.ns import qn

from slidegen.output.files import (
    STALE_SECONDS,
    _restamp,
    _rewrite,
    normalise_zip,
    remove_stale_temps,
    write_atomic,
)

BUILD = "import sys; from slidegen.build import build; from slidegen.project import Project; build(Project.at(sys.argv[1]))"


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
    import re

    from lxml import etree

    runs = 0
    with zipfile.ZipFile(shipped["skype-2016-10-28"]) as z:
        for name in (n for n in z.namelist() if n.endswith(".xml")):
            text = z.read(name)
            assert set(re.findall(rb'\blang="([^"]+)"', text)) <= {b"sv-SE"}, name
            root = etree.fromstring(text)
            for run in root.iter(qn("a:r"), qn("a:fld")):  # every run, notes included, carries the language
                runs += 1
                rpr = run.find(qn("a:rPr"))
                assert rpr is not None and rpr.get("lang") == "sv-SE", (name, etree.tostring(run)[:120])
    assert runs > 100


def test_speaker_notes_land_in_the_notes_page(shipped):
    prs = Presentation(str(shipped["skype-2016-10-28"]))
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    assert any("Ett streck betyder att uppgift saknas, inte noll." in n for n in notes)
    with zipfile.ZipFile(shipped["skype-2016-10-28"]) as z:
        app = z.read("docProps/app.xml").decode()
        assert f"<Notes>{len(notes)}</Notes>" in app


def _package(files: dict[str, bytes]) -> bytes:
    """A zip as python-pptx writes one: Python's zipfile, deflated, stamped with the clock."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            z.writestr(name, body)
    return buf.getvalue()


FILES = {
    "[Content_Types].xml": b"<Types/>" * 50,
    "docProps/core.xml": b"<dcterms:created>2016-10-28T00:00:00Z</dcterms:created>",
    "ppt/slides/slide1.xml": "<p:sld>Ä</p:sld>".encode() * 300,
    "ppt/media/image1.png": bytes(range(256)) * 40,
}


def test_restamping_in_place_gives_the_bytes_of_a_full_rewrite():
    when = dt.datetime(2016, 10, 28)
    data = _package(FILES)
    src = zipfile.ZipFile(io.BytesIO(data))
    assert _restamp(data, when) == _rewrite(src, when) == normalise_zip(data, when)
    with zipfile.ZipFile(io.BytesIO(normalise_zip(data, when))) as z:
        assert {i.date_time for i in z.infolist()} == {(2016, 10, 28, 0, 0, 0)}
        assert {n: z.read(n) for n in z.namelist()} == FILES


def test_content_that_must_change_is_rewritten():
    when = dt.datetime(2023, 11, 14, 22, 13, 20)
    data = _package({**FILES, "ppt/embeddings/sheet.xlsx": _package({"docProps/core.xml": FILES["docProps/core.xml"]})})
    with zipfile.ZipFile(io.BytesIO(normalise_zip(data, when))) as z:
        assert b"2023-11-14T22:13:20Z" in z.read("docProps/core.xml")
        inner = zipfile.ZipFile(io.BytesIO(z.read("ppt/embeddings/sheet.xlsx")))
        assert b"2023-11-14T22:13:20Z" in inner.read("docProps/core.xml")
        assert {i.date_time for i in inner.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert _restamp(b"not a zip", when) is None


# --- nothing lost: an interrupted write leaves the old file or the new one, never a broken one ---

KILLABLE_WRITE = r"""
import os, signal, sys
from pathlib import Path
from slidegen.output import files as output

target, stage = Path(sys.argv[1]), sys.argv[2]
new = bytes(range(256)) * (16 * 4096)  # 16 MiB


def stop(where):
    print("at", where, flush=True)
    signal.pause()  # the test kills this process here with SIGKILL


class HalfWriter:
    # writes half the data, then stops: a crash in the middle of writing
    def __init__(self, fh):
        self.fh = fh
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.fh.__exit__(*exc)
    def write(self, data):
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        stop("write")
    def __getattr__(self, name):
        return getattr(self.fh, name)


real = {"fdopen": os.fdopen, "fsync": os.fsync, "replace": os.replace}
if stage == "write":
    os.fdopen = lambda *a, **k: HalfWriter(real["fdopen"](*a, **k))
elif stage in ("fsync", "replace"):
    def pause_then(*a, _name=stage, **k):
        stop(_name)
        return real[_name](*a, **k)
    setattr(os, stage, pause_then)
if stage == "loop":
    other = b"B" * len(new)
    for n in range(1000):
        output.write_atomic(target, new if n % 2 == 0 else other)
        print("wrote", n, flush=True)
else:
    output.write_atomic(target, new)
"""

NEW = bytes(range(256)) * (16 * 4096)
OLD = b"the old deck\n" * 1000


def run_and_kill(target: Path, stage: str, wait_for: int = 1) -> list[str]:
    """Run a write in a child process and kill -9 it after it printed `wait_for` lines."""
    proc = subprocess.Popen([sys.executable, "-c", KILLABLE_WRITE, str(target), stage], stdout=subprocess.PIPE, text=True)
    try:
        lines = [proc.stdout.readline().strip() for _ in range(wait_for)]
        proc.kill()
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == -9
    return lines


def temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))


@posix_only
@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
def test_kill_during_a_write_leaves_the_old_file(tmp_path: Path, stage: str):
    target = tmp_path / "deck.pptx"
    target.write_bytes(OLD)
    assert run_and_kill(target, stage) == [f"at {stage}"]
    assert target.read_bytes() == OLD
    (left,) = temps(tmp_path)  # the killed run's temporary file, hidden, beside the target
    assert left.name.startswith(".deck.pptx.")
    assert left.stat().st_size == (len(NEW) // 2 if stage == "write" else len(NEW))


@posix_only
def test_kill_at_any_moment_of_repeated_writes_leaves_a_whole_file(tmp_path: Path):
    target = tmp_path / "deck.pptx"
    target.write_bytes(OLD)
    lines = run_and_kill(target, "loop", wait_for=3)
    assert lines == ["wrote 0", "wrote 1", "wrote 2"]
    data = target.read_bytes()
    assert data == NEW or data == b"B" * len(NEW)
    assert len(temps(tmp_path)) <= 1


@posix_only
def test_the_next_write_removes_temporary_files_a_killed_run_left(tmp_path: Path):
    target = tmp_path / "deck.pptx"
    target.write_bytes(OLD)
    run_and_kill(target, "replace")
    (left,) = temps(tmp_path)
    other = tmp_path / ".other.pptx.abcd1234.tmp"  # left by a killed write of another file
    other.write_bytes(b"half")
    mine = tmp_path / ".notes.txt"  # a hidden file that is not ours
    mine.write_bytes(b"keep")

    write_atomic(target, b"new")  # a young temporary file may belong to a write in progress: kept
    assert temps(tmp_path) == sorted([left, other])

    an_hour_ago = time.time() - 3600
    for path in (left, other, mine):
        os.utime(path, (an_hour_ago, an_hour_ago))
    write_atomic(target, b"newer")
    assert temps(tmp_path) == []
    assert target.read_bytes() == b"newer" and mine.read_bytes() == b"keep"


def test_stale_temps_are_judged_by_age(tmp_path: Path):
    young, old = tmp_path / ".a.pptx.aaaaaaaa.tmp", tmp_path / ".b.pptx.bbbbbbbb.tmp"
    for path in (young, old):
        path.write_bytes(b"x")
    now = time.time()
    os.utime(old, (now - STALE_SECONDS - 1, now - STALE_SECONDS - 1))
    assert remove_stale_temps(tmp_path, now) == [old]
    assert temps(tmp_path) == [young]


def test_pdfs_get_their_date_id_and_checksum_from_the_deck_keeping_every_offset():
    import datetime as dt

    from slidegen.output.files import normalise_pdf

    pdf = (b"%PDF-1.7\n1 0 obj <</Producer(LibreOffice 7.4)/CreationDate(D:20261201221721Z')>> endobj\n"
           b"trailer\n<</Size 98/Root 96 0 R\n/ID [ <E3947391F5A1E01F35D5FEDC14EF496C>\n<E3947391F5A1E01F35D5FEDC14EF496C> ]\n"
           b"/DocChecksum /4B37674E416112EA24ACF291A1885E69\n>>\nstartxref\n615036\n%%EOF\n")
    one = normalise_pdf(pdf, dt.datetime(2016, 10, 28), b"deck")
    assert len(one) == len(pdf)
    assert b"/CreationDate(D:20161028000000Z')" in one and b"20261201" not in one
    ident = hashlib.sha256(b"deck").hexdigest()[:32].upper().encode()
    assert one.count(ident) == 3 and b"E3947391" not in one and b"4B37674E" not in one
    assert normalise_pdf(pdf.replace(b"20261201221721", b"20270101000000"), dt.datetime(2016, 10, 28), b"deck") == one
