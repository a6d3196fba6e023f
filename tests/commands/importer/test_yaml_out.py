"""The deck file's text: what YAML would misread is quoted, long and multi-line texts stay readable, and every
text written reads back as itself with slidegen's own loader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slidegen.commands.importer.entry import Entry
from slidegen.commands.importer.yaml_out import WriterBug, check_reads_back, deck_text, plain_ok, scalar
from slidegen.load.yaml_file import parse_document


@pytest.mark.parametrize("text", ["no", "yes", "on", "Off", "~", "null", "13.00", "2016-10-28", "1.5e+3", "0x1F", "12",
                                  "- a", "a: b", "a #b", "#x", "[x]", "{x}", "*ref", "&anchor", "!tag", "@x", "`x`",
                                  "'q'", '"q"', " lead", "trail ", "a\tb", "%x", "|x", ">x", "?x", "<<", "=", ""])
def test_what_yaml_would_read_as_something_else_is_quoted(text: str):
    written = scalar(text)
    assert not plain_ok(text)
    assert parse_document(f"key: {written}\n".encode(), Path("x.yaml"), "x.yaml").data == {"key": text}


@pytest.mark.parametrize("text", ["Uppdrag 51 – hur går det?", "Åtgärder i ÅP", "RUS (2)", "1st Qtr", "x-y"])
def test_ordinary_text_is_written_without_quotes(text: str):
    assert scalar(text) == text


def test_numbers_null_and_dates_are_written_as_yaml_reads_them():
    assert [scalar(v) for v in (1350, -3, 12.5, 1e20, None, True, dt.date(2016, 10, 28))] == \
        ["1350", "-3", "12.5", "1.0e+20", "null", "true", "2016-10-28"]


def test_a_deck_reads_back_with_comments_where_they_belong():
    entries = [
        Entry({"kind": "bullets", "title": "no", "items": ["yes", {"text": "13.00", "items": ["a: b"]}, "rad 1\nrad 2"],
               "notes": "Första stycket.\n\nAndra stycket."}, 1, ["slide 1 of the original", "left out: animations"],
               {"title": "the title is the slide's first line"}),
        Entry({"kind": "table", "title": "T", "columns": ["Post", "2016"], "rows": [["a, b", 1350], ["[x]", None]]}, 2),
    ]
    top = {"meeting": {"title": "Möte: 51", "date": dt.date(2016, 10, 28), "organisation": "X"}, "theme": "default"}
    text = deck_text(["yaml-language-server: $schema=../schema/deck.schema.json"], top, entries)
    check_reads_back(text, {**top, "slides": [e.data for e in entries]})
    assert text.startswith("# yaml-language-server: $schema=../schema/deck.schema.json\nmeeting:\n")
    assert "  # slide 1 of the original\n  # left out: animations\n  - kind: bullets\n" in text
    assert '    title: "no"  # the title is the slide\'s first line\n' in text
    assert "      - |-\n        rad 1\n        rad 2\n" in text
    assert "    notes: |-\n      Första stycket.\n\n      Andra stycket.\n" in text
    assert "    columns: [Post, \"2016\"]\n" in text
    assert '      - ["a, b", 1350]\n' in text


def test_a_long_text_is_folded_and_reads_back_whole():
    long = " ".join(["miljömålssamordnare"] * 30)
    entry = Entry({"kind": "bullets", "title": "T", "items": [long]}, 1)
    text = deck_text([], {"theme": "default"}, [entry])
    assert "      - >-\n" in text and max(len(line) for line in text.splitlines()) <= 100
    check_reads_back(text, {"theme": "default", "slides": [entry.data]})


def test_a_writer_that_would_change_the_data_is_caught():
    with pytest.raises(WriterBug):
        check_reads_back("slides:\n  - kind: title\n", {"slides": [{"kind": "section"}]})


SLIDE_CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") | st.just("\n")
"""What a slide's text can hold (XML allows no other control characters; tabs are read as spaces)."""
TRICKY = st.sampled_from(list("“”„«»‘’‹›\"'#:-– \u00a0\u200b\u2060\ufeffaÅä1.%[]{},|>!&*?@`~=<\n"))
"""The characters YAML and slidegen's loader read specially (quotes, indicators, odd spaces), often."""
TEXT = st.text(SLIDE_CHARACTERS | TRICKY, min_size=1, max_size=60)


@settings(max_examples=600, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=5), TEXT)
def test_any_text_reads_back_as_itself(items: list[str], title: str):
    entry = Entry({"kind": "bullets", "title": title, "items": items, "notes": "\n".join(items)}, 1)
    text = deck_text(["comment"], {"theme": "default"}, [entry])
    check_reads_back(text, {"theme": "default", "slides": [entry.data]})
