"""Loading a deck with what it refers to: references checked, every problem located in its own file."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from conftest import posix_only

from slidegen.check.library import Library
from slidegen.check.references import MAX_PICTURE_BYTES, check_picture
from slidegen.errors import ContentError, Problem
from slidegen.load.yaml_file import parse_document
from slidegen.project import Project

DECK = "content/decks/skype-2016-10-28.yaml"


def problems(project: Project) -> list[str]:
    with pytest.raises(ContentError) as err:
        Library(project).bundle(project.root / DECK)
    return [str(p) for p in err.value.sorted()]


def edit(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Project, rel: str, needle: str) -> int:
    lines = (project.root / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def slide_index(project: Project, **match: object) -> int:
    """The index of the first slide of the shipped deck whose keys have these values."""
    import yaml

    slides = yaml.safe_load((project.root / DECK).read_text(encoding="utf-8"))["slides"]
    return next(i for i, s in enumerate(slides) if all(s.get(k) == v for k, v in match.items()))


def test_shipped_deck_loads_with_everything_it_refers_to(project: Project):
    bundle = Library(project).bundle(project.root / DECK)
    assert bundle.name == "skype-2016-10-28"
    assert {p.name for p in bundle.files()} == {
        "skype-2016-10-28.yaml", "theme.yaml", "survey-2015.yaml", "assignment-51.yaml", "guidance-rus.yaml",
        "conclusions-2015.yaml",
    }
    assert bundle.survey(None).model.numbers() == list(range(1, 33))


def test_method_range_outside_the_survey(project: Project):
    i = slide_index(project, kind="method_table", methods="21-32")
    edit(project, DECK, "methods: 21-32", "methods: 21-40")
    line = line_of(project, DECK, "methods: 21-40")
    assert problems(project) == [
        f"{DECK}:{line}:14: slides[{i}].methods: methods 33–40 are not in content/survey-2015.yaml (it has 1–32)"
    ]


def test_duplicate_method_number_names_both_lines(project: Project):
    survey = "content/survey-2015.yaml"
    edit(project, survey, "- number: 8\n", "- number: 7\n")
    lines = (project.root / survey).read_text(encoding="utf-8").splitlines()
    first, second = [i for i, line in enumerate(lines, start=1) if "- number: 7" in line]
    got = problems(project)
    assert f"{survey}:{second}:17: groups[0].methods[7].number: method number 7 is used twice " \
        f"(first at line {first}); give each method its own number" in got
    # the deck's table of methods 1–20 now misses method 8: said too, at the deck's line
    assert any(p.startswith(DECK) and "method 8 is not in content/survey-2015.yaml (it has 1–7, 9–32)" in p for p in got)


def test_missing_referenced_file_gets_a_suggestion(project: Project):
    i = slide_index(project, source="assignment-51.yaml")
    edit(project, DECK, "source: assignment-51.yaml", "source: asignment-51.yaml")
    line = line_of(project, DECK, "asignment-51.yaml")
    assert problems(project) == [
        f"{DECK}:{line}:13: slides[{i}].source: there is no file content/asignment-51.yaml — did you mean `assignment-51.yaml`?"
    ]


@pytest.mark.parametrize(
    "ref, says",
    [
        ("/etc/passwd.yaml", "is an absolute path"),
        ("../themes/default/theme.yaml", "leaves the content/ folder"),
    ],
)
def test_references_may_not_leave_content(project: Project, ref: str, says: str):
    i = slide_index(project, source="guidance-rus.yaml")
    edit(project, DECK, "source: guidance-rus.yaml", f"source: {ref}")
    (msg,) = problems(project)
    assert says in msg and f"slides[{i}].source" in msg


@posix_only
def test_a_link_leading_outside_content_is_refused(project: Project, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text((project.content / "guidance-rus.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(outside, project.content / "linked.yaml")
    edit(project, DECK, "source: guidance-rus.yaml", "source: linked.yaml")
    (msg,) = problems(project)
    assert "is a link that leads outside content/" in msg


def test_unknown_theme_gets_a_suggestion(project: Project):
    edit(project, DECK, "theme: default", "theme: defualt")
    line = line_of(project, DECK, "theme: defualt")
    assert problems(project) == [
        f"{DECK}:{line}:8: theme: there is no theme `defualt` (no file themes/defualt/theme.yaml) — did you mean `default`?"
    ]


def test_agenda_point_that_does_not_exist(project: Project):
    i = slide_index(project, kind="agenda_points")
    edit(project, DECK, "items: [4, 5]", "items: [4, 6]")
    (msg,) = problems(project)
    assert msg.endswith(f"slides[{i}].items[1]: there is no agenda item 6; the agenda has 5 items")


def test_errors_in_several_files_come_together(project: Project):
    edit(project, "content/survey-2015.yaml", "done: 48,", "done: 148,")
    edit(project, "content/guidance-rus.yaml", "status: klar 2017", "statsu: klar 2017")
    got = problems(project)
    assert len(got) == 2
    assert got[0].startswith("content/guidance-rus.yaml:")
    assert got[1].startswith("content/survey-2015.yaml:")


def test_library_reuses_unchanged_files(project: Project):
    library = Library(project)
    first = library.bundle(project.root / DECK)
    second = library.bundle(project.root / DECK)
    assert second.survey(None) is first.survey(None)
    edit(project, "content/survey-2015.yaml", "{done: 72}", "{done: 73}")
    third = library.bundle(project.root / DECK)
    assert third.survey(None) is not first.survey(None)
    assert third.survey(None).model.method(26).results.done == 73


def _picture_bytes(fmt: str) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "#336699").save(buf, format=fmt)
    return buf.getvalue()


PNG = _picture_bytes("PNG")
JPEG = _picture_bytes("JPEG")


def picture_problem(project: Project, ref: str) -> str | Path:
    """check_picture for `picture: <ref>` written on line 2 of content/example.yaml."""
    doc = parse_document(f"title: Exempel\npicture: '{ref}'\n".encode(), project.content / "example.yaml",
                         "content/example.yaml")
    found = check_picture(project.content, ref, doc, ("picture",))
    if isinstance(found, Problem):
        return str(found)
    path, size = found
    assert size == (40, 30)
    return path


@pytest.fixture
def pictures(project: Project) -> Path:
    folder = project.content / "bilder"
    folder.mkdir(exist_ok=True)
    (folder / "karta.png").write_bytes(PNG)
    (folder / "foto.jpg").write_bytes(JPEG)
    return folder


def test_a_real_png_and_a_real_jpeg_are_accepted(project: Project, pictures: Path):
    assert picture_problem(project, "bilder/karta.png") == pictures / "karta.png"
    assert picture_problem(project, "bilder/foto.jpg") == pictures / "foto.jpg"


def test_the_bytes_decide_not_the_name(project: Project, pictures: Path):
    (pictures / "foto.png").write_bytes(JPEG)  # a JPEG saved under a .png name still is a picture
    assert picture_problem(project, "bilder/foto.png") == pictures / "foto.png"
    (pictures / "text.png").write_text("this is not a picture\n", encoding="utf-8")
    assert picture_problem(project, "bilder/text.png") == (
        "content/example.yaml:2:10: picture: `bilder/text.png` is not a PNG, JPEG, HEIC or WebP picture "
        "(its content is not a picture); save it as PNG or JPEG"
    )


@pytest.mark.parametrize(
    "data, what",
    [
        (b"GIF89a" + b"\x00" * 20, "it is a GIF picture"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", "it is an AVIF picture"),
        (b"%PDF-1.7\n", "it is a PDF document"),
        (b"", "it is empty"),
    ],
)
def test_other_kinds_of_file_are_named(project: Project, pictures: Path, data: bytes, what: str):
    (pictures / "bild.png").write_bytes(data)
    assert picture_problem(project, "bilder/bild.png") == (
        f"content/example.yaml:2:10: picture: `bilder/bild.png` is not a PNG, JPEG, HEIC or WebP picture ({what}); "
        "save it as PNG or JPEG"
    )


@pytest.mark.parametrize(
    "data, kind",
    [(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP"), (b"\x00\x00\x00\x18ftypheic", "HEIC")],
)
def test_a_heic_or_webp_header_alone_cannot_be_read(project: Project, pictures: Path, data: bytes, kind: str):
    (pictures / "bild.png").write_bytes(data)
    assert picture_problem(project, "bilder/bild.png").startswith(  # type: ignore[union-attr]
        f"content/example.yaml:2:10: picture: `bilder/bild.png` starts like a {kind} picture but cannot be read ("
    )


def test_a_picture_over_the_limit_is_refused(project: Project, pictures: Path):
    big = pictures / "stor.png"
    big.write_bytes(PNG)
    with big.open("r+b") as fh:
        fh.truncate(MAX_PICTURE_BYTES)
    assert picture_problem(project, "bilder/stor.png") == big
    with big.open("r+b") as fh:
        fh.truncate(MAX_PICTURE_BYTES + 1)
    assert picture_problem(project, "bilder/stor.png") == (
        "content/example.yaml:2:10: picture: `bilder/stor.png` is 50.0 MiB, more than the 50 MiB a picture file may "
        "be; save it smaller (a slide never needs more than about 4000 pixels across)"
    )


def test_a_missing_picture_gets_a_suggestion(project: Project, pictures: Path):
    assert picture_problem(project, "bilder/krta.png") == (
        "content/example.yaml:2:10: picture: there is no file content/bilder/krta.png — did you mean `bilder/karta.png`?"
    )


@pytest.mark.parametrize(
    "ref, says",
    [
        ("/tmp/karta.png", "`/tmp/karta.png` is an absolute path; write it relative to content/, e.g. `bilder/karta.png`"),
        ("C:/bilder/karta.png", "`C:/bilder/karta.png` is an absolute path"),
        ("../themes/karta.png", "`../themes/karta.png` leaves the content/ folder ('..'); files must be inside content/"),
        ("bilder\\..\\..\\karta.png", "leaves the content/ folder"),
    ],
)
def test_a_picture_outside_content_is_refused(project: Project, pictures: Path, ref: str, says: str):
    (project.themes / "karta.png").write_bytes(PNG)
    got = picture_problem(project, ref)
    assert isinstance(got, str) and says in got


@posix_only
def test_a_link_to_a_picture_outside_content_is_refused(project: Project, pictures: Path, tmp_path: Path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(PNG)
    os.symlink(outside, pictures / "lank.png")
    os.symlink(pictures / "karta.png", pictures / "inne.png")
    assert picture_problem(project, "bilder/lank.png") == (
        "content/example.yaml:2:10: picture: `bilder/lank.png` is a link that leads outside content/; copy the file into content/"
    )
    assert picture_problem(project, "bilder/inne.png") == pictures / "inne.png"  # a link inside content/ is fine


@posix_only
def test_a_link_loop_is_a_message_not_a_crash(project: Project, pictures: Path):
    os.symlink(pictures / "b.png", pictures / "a.png")
    os.symlink(pictures / "a.png", pictures / "b.png")
    assert picture_problem(project, "bilder/a.png") == (
        "content/example.yaml:2:10: picture: `bilder/a.png` is a link that leads nowhere (a loop); "
        "link to a real file or copy it into content/"
    )


def test_names_too_long_for_the_file_system_are_messages_not_crashes(project: Project):
    long = "x" * 300
    edit(project, DECK, "theme: default", f"theme: {long}")
    edit(project, DECK, "source: guidance-rus.yaml", f"source: {long}.yaml")
    got = problems(project)
    assert len(got) == 2
    assert got[0].endswith(f"theme: there is no theme `{long}` (no file themes/{long}/theme.yaml); "
                           "the known names are: default, kontrast, mall")
    assert f"there is no file content/{long}.yaml" in got[1]
