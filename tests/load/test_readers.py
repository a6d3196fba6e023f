"""Content files are read by the reader of their type; a type slidegen does not read is a located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from slidegen.errors import ContentError
from slidegen.load.readers import READERS, read_document


def test_yaml_files_are_read_whatever_the_case_of_their_suffix(tmp_path: Path):
    path = tmp_path / "Lista.YML"
    path.write_text("title: Slutsatser\nitems: [Ett, Två]\n", encoding="utf-8")
    doc = read_document(path, tmp_path)
    assert doc.data == {"title": "Slutsatser", "items": ["Ett", "Två"]}
    assert doc.display == "Lista.YML"
    assert str(doc.location(("items", 1))) == "Lista.YML:2:14"


def test_a_file_of_another_type_is_refused_with_what_is_read(tmp_path: Path):
    path = tmp_path / "enkät.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ContentError) as exc:
        read_document(path, tmp_path)
    (problem,) = exc.value.problems
    assert str(problem) == f"enkät.docx: slidegen does not read .docx files; it reads {', '.join(sorted(READERS))}"
