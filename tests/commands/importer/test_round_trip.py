"""The round trip: both shipped decks, built, imported and built again, give back every seed text and number,
every table cell, every picture's alt text and every note."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from deckread import read_deck
from deckwords import deck_words, kept, missing
from pptx import Presentation
from seed import method_rows, seed_slides

from importing import empty_project
from slidegen.build import build
from slidegen.commands.importer import import_deck, write

SKYPE, NOBEL = "skype-2016-10-28", "nobel-2016"


@pytest.fixture(scope="module")
def round_trip(shipped, tmp_path_factory) -> dict[str, tuple[Path, Path, str]]:
    """Each shipped deck: (built, rebuilt from its import, the imported deck file's text)."""
    project = empty_project(tmp_path_factory.mktemp("round-trip") / "project")
    texts = {}
    for name in (SKYPE, NOBEL):
        result = import_deck(project, shipped[name])
        assert result.problems == []
        write(project, result)
        texts[name] = result.text
    rebuilt = {b.name: b.path for b in build(project)}
    return {name: (shipped[name], rebuilt[name], texts[name]) for name in (SKYPE, NOBEL)}


def _words(text: str) -> set[str]:
    text = text.lower().replace("genom-fört", "genomfört").replace("\u00a0", " ")
    text = re.sub(r"(\d)\s*%", r"\1", text)
    return {w for w in re.split(r"[\s\-–/(),.:!?”\"]+", text) if w}


def test_every_seed_word_and_number_is_in_the_rebuilt_skype_deck(round_trip):
    _, rebuilt, _ = round_trip[SKYPE]
    slides = read_deck(rebuilt)
    shown = _words("\n".join(s.all_text() for s in slides))
    for number, text in seed_slides().items():
        assert not _words(text) - shown, (number, sorted(_words(text) - shown))


def test_every_method_and_percentage_is_in_the_rebuilt_tables(round_trip):
    _, rebuilt, _ = round_trip[SKYPE]
    cells = [row for s in read_deck(rebuilt) for table in s.tables for row in table[1:]]
    by_method = {int(row[0].split(".", 1)[0]): row for row in cells}
    for number, (text, values) in method_rows().items():
        row = by_method[number]
        assert " ".join(row[0].split()).split(" ", 1)[1].startswith(" ".join(text.split())[:40]), number
        shown = [int(v.replace("\u00a0%", "")) for v in row[1:] if v != "–"]
        assert shown == values, number


@pytest.mark.parametrize("name", [SKYPE, NOBEL])
def test_the_rebuilt_deck_says_what_the_built_one_says(round_trip, name: str):
    built, rebuilt, _ = round_trip[name]
    before, after = read_deck(built), read_deck(rebuilt)
    def titles(slides) -> list[str]:  # continued slides (1/2), (2/2) once, by their base title
        bases = [re.sub(r" \(\d+/\d+\)$", "", s.title) for s in slides]
        return [t for k, t in enumerate(bases) if k == 0 or t != bases[k - 1]]

    assert titles(after) == titles(before)
    def cells(slides) -> list[list[list[str]]]:  # a cell's second paragraph comes back as a line break (\v)
        return [[[c.replace("\v", "\n") for c in row] for row in t] for s in slides for t in s.tables]

    assert cells(after) == cells(before)
    assert [alt for s in after for alt in s.charts] == [alt for s in before for alt in s.charts]
    assert kept(deck_words(built), deck_words(rebuilt)) == 1.0, missing(deck_words(built), deck_words(rebuilt))


@pytest.mark.parametrize("name", [SKYPE, NOBEL])
def test_the_notes_come_back(round_trip, name: str):
    built, rebuilt, _ = round_trip[name]

    def notes(path: Path) -> list[str]:
        return [s.notes_slide.notes_text_frame.text for s in Presentation(str(path)).slides if s.has_notes_slide]

    assert [n for n in notes(rebuilt) if n] == [n for n in notes(built) if n]


def test_the_skype_decks_meeting_comes_back(round_trip):
    _, _, text = round_trip[SKYPE]
    assert "  title: Uppdrag 51 – hur går det?\n" in text
    assert "  date: 2016-10-28  # written on the title slide\n" in text
    assert "  presenters: [Magnus Eriksson, Anna-Lena Lövkvist Andersen, Calle Sanglert]" in text
    assert "  language: sv-SE\n" in text
