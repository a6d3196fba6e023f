"""Files that cannot be imported: refused in one line saying what they are and what to do, exit 1, nothing written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptxfiles import deck, ole_file, save, slide, with_part, zip_file

from slidegen.cli import main
from slidegen.commands.importer.package import ImportRefused, open_presentation, read_package
from slidegen.project import Project


def good(tmp_path: Path) -> Path:
    prs = deck()
    slide(prs, "title", "Uppdrag 51 – hur går det?")
    return save(prs, tmp_path / "good.pptx")


def not_a_zip(tmp: Path) -> Path:
    path = tmp / "anteckningar.pptx"
    path.write_text("Det här är en textfil, ingen presentation.\n", encoding="utf-8")
    return path


def ppt(tmp: Path) -> Path:
    return ole_file(tmp / "gammal.ppt", "PowerPoint Document", "Current User", "Pictures")


def protected(tmp: Path) -> Path:
    return ole_file(tmp / "hemlig.pptx", "EncryptionInfo", "EncryptedPackage")


def truncated(tmp: Path) -> Path:
    data = good(tmp).read_bytes()
    path = tmp / "avbruten.pptx"
    path.write_bytes(data[: len(data) // 2])
    return path


def other_zip(tmp: Path) -> Path:
    return zip_file(tmp / "bilder.pptx", {"bild1.png": b"\x89PNG...", "lasmig.txt": b"hej"})


def word(tmp: Path) -> Path:
    types = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             b'wordprocessingml.document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'officeDocument" Target="word/document.xml"/></Relationships>')
    return zip_file(tmp / "rapport.pptx", {"[Content_Types].xml": types, "_rels/.rels": rels, "word/document.xml": b"<w/>"})


def keynote(tmp: Path) -> Path:
    return zip_file(tmp / "möte.key", {"Index/Document.iwa": b"\x00", "Metadata/Properties.plist": b"<plist/>"})


def odp(tmp: Path) -> Path:
    return zip_file(tmp / "möte.odp", {"mimetype": b"application/vnd.oasis.opendocument.presentation",
                                       "content.xml": b"<office:document-content/>"})


def empty(tmp: Path) -> Path:
    path = tmp / "tom.pptx"
    path.write_bytes(b"")
    return path


BAD: dict[str, tuple[object, str]] = {
    "not a zip": (not_a_zip, "anteckningar.pptx is not a PowerPoint presentation (.pptx) (its content is not a zip "
                             "package, as every .pptx is); open it in PowerPoint or LibreOffice and save it as .pptx"),
    "a .ppt": (ppt, "gammal.ppt is a PowerPoint 97–2003 presentation (.ppt), which slidegen cannot read; open it in "
                    "PowerPoint or LibreOffice and save it as .pptx"),
    "password": (protected, "hemlig.pptx is protected with a password; open it in PowerPoint, remove the password "
                            "(File → Info → Protect Presentation) and save it again as .pptx"),
    "truncated": (truncated, "avbruten.pptx is damaged or incomplete (cut off while copying?): its zip package cannot "
                             "be opened (File is not a zip file); copy it again, or open it in PowerPoint and save it again"),
    "a zip of other things": (other_zip, "bilder.pptx is a zip file but not a PowerPoint presentation (it has no "
                                         "[Content_Types].xml); open it in PowerPoint or LibreOffice and save it as .pptx"),
    "a Word document": (word, "rapport.pptx is a Word document, not a presentation; copy its text into a presentation, "
                              "or write the deck file by hand"),
    "Keynote": (keynote, "möte.key is a Keynote presentation, which slidegen cannot read; export it from Keynote as "
                         "PowerPoint (File → Export To → PowerPoint) and import the .pptx"),
    "OpenDocument": (odp, "möte.odp is an OpenDocument presentation (.odp); open it in LibreOffice Impress and save it as .pptx"),
    "empty": (empty, "tom.pptx is empty (0 bytes)"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_file_is_refused_saying_what_it_is(tmp_path: Path, case: str):
    make, message = BAD[case]
    path = make(tmp_path)
    with pytest.raises(ImportRefused) as err:
        open_presentation(path)
    assert str(err.value) == f"{message}; nothing was written"


def _listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.mark.parametrize("case", ["not a zip", "a .ppt", "truncated", "a zip of other things", "password"])
def test_the_command_prints_one_line_exits_1_and_writes_nothing(project: Project, tmp_path: Path, case: str):
    make, message = BAD[case]
    path = make(tmp_path)
    before = _listing(project.root)
    result = CliRunner().invoke(main, ["--root", str(project.root), "import", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"error: {message}; nothing was written\n"
    assert _listing(project.root) == before


def test_a_missing_file_is_one_line_too(project: Project, tmp_path: Path):
    result = CliRunner().invoke(main, ["--root", str(project.root), "import", str(tmp_path / "finns-inte.pptx")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'finns-inte.pptx'} does not exist; nothing was written\n"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path):
    bomb = with_part(good(tmp_path), tmp_path / "bomb.pptx", "ppt/media/image1.png", lambda _: bytes(8 * 2**20))
    assert zipfile.ZipFile(bomb).getinfo("ppt/media/image1.png").compress_size < 2**20
    with pytest.raises(ImportRefused) as err:
        read_package(bomb)
    assert str(err.value).startswith("bomb.pptx has a part (ppt/media/image1.png) that unpacks to 8 MiB from 0.0 MiB "
                                     "(a zip bomb?); it is not imported")


BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n')


def test_xml_with_entity_declarations_is_refused(tmp_path: Path):
    source = good(tmp_path)
    laughs = with_part(source, tmp_path / "laughs.pptx", "ppt/slides/slide1.xml",
                       lambda data: BILLION_LAUGHS + data.split(b"?>", 1)[1])
    with pytest.raises(ImportRefused) as err:
        read_package(laughs)
    assert "has a document type declaration (<!DOCTYPE …>) in ppt/slides/slide1.xml" in str(err.value)


def test_an_entity_declaration_in_utf16_is_found_too(tmp_path: Path):
    source = good(tmp_path)
    body = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><p/>'
    sneaky = with_part(source, tmp_path / "sneaky.pptx", "ppt/slides/slide1.xml",
                       lambda _: b"\xff\xfe" + body.encode("utf-16-le"))
    with pytest.raises(ImportRefused) as err:
        read_package(sneaky)
    assert "document type declaration" in str(err.value)


def test_a_damaged_part_is_said_to_be_damaged(tmp_path: Path):
    source = good(tmp_path)
    broken = with_part(source, tmp_path / "trasig.pptx", "ppt/slides/slide1.xml", lambda data: data[: len(data) // 2])
    with pytest.raises(ImportRefused) as err:
        open_presentation(broken)
    assert str(err.value).startswith("trasig.pptx is damaged inside and cannot be read (")
    assert str(err.value).endswith("; open it in PowerPoint and save it again; nothing was written")


def test_a_slide_show_and_a_template_open_as_presentations(tmp_path: Path):
    source = good(tmp_path)
    for kind in ("slideshow", "template"):
        retyped = with_part(source, tmp_path / f"x.{kind}", "[Content_Types].xml",
                            lambda data: data.replace(b"presentationml.presentation.main", f"presentationml.{kind}.main".encode()))
        prs = open_presentation(retyped)
        assert prs.slides[0].shapes.title.text_frame.text == "Uppdrag 51 – hur går det?"
