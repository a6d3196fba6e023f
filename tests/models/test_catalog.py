"""The table of content types: where files lie and which keys tell a type apart."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from slidegen.models.catalog import CONTENT_TYPES, content_type, type_of


@pytest.mark.parametrize(
    "rel, keys, name",
    [
        ("content/decks/skype.yaml", set(), "deck"),
        ("themes/kontrast/theme.yaml", set(), "theme"),
        ("content/survey-2015.yaml", {"title", "categories", "groups"}, "survey"),
        ("content/assignment-51.yaml", {"number", "heading", "lead", "parts"}, "assignment"),
        ("content/guidance-rus.yaml", {"title", "efforts"}, "guidance"),
        ("content/decks/old/skype.yaml", {"title", "efforts"}, "guidance"),  # only directly in decks/
        (None, {"meeting", "slides"}, "deck"),
    ],
)
def test_a_file_is_typed_by_where_it_lies_then_by_its_keys(rel: str | None, keys: set[str], name: str):
    kind = content_type(PurePosixPath(rel) if rel else None, keys)
    assert kind is not None and kind.name == name


def test_a_file_with_no_known_key_has_no_type():
    assert content_type(PurePosixPath("content/notes.yaml"), {"whatever"}) is None


def test_names_and_schema_files_are_unique():
    assert len({k.name for k in CONTENT_TYPES}) == len(CONTENT_TYPES)
    assert [k.schema_file for k in CONTENT_TYPES][:2] == ["deck.schema.json", "survey.schema.json"]


def test_type_of_a_model():
    from slidegen.models.example import Example

    assert type_of(Example).name == "example" and type_of(Example).place == "content/examples/*.yaml"
