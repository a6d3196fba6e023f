"""The meeting block: the document's title unless PowerPoint's default, the author, the date on the title slide."""

from __future__ import annotations

import datetime as dt

import pytest

from slidegen.commands.importer.entry import Entry
from slidegen.commands.importer.meeting import find_date, meeting_block
from slidegen.commands.importer.source import SourceDeck


@pytest.mark.parametrize(("text", "date"), [
    ("Skype-möte 2016-10-28 för samordnare", dt.date(2016, 10, 28)),
    ("Nobelmötet 24 november 2016", dt.date(2016, 11, 24)),
    ("Annual Meeting in New Orleans, October 29, 2012", dt.date(2012, 10, 29)),
    ("24th Nov. 2011", dt.date(2011, 11, 24)),
    ("den 3:e maj 2017", dt.date(2017, 5, 3)),
    ("2016-02-30 is no day; 1 mars 2017 is", dt.date(2017, 3, 1)),
    ("Part 1: Scaling Up", None), ("1850-01-01", None),
])
def test_a_date_on_the_title_slide(text: str, date):
    assert find_date(text) == date


def test_powerpoints_default_title_gives_way_to_the_title_slides():
    deck = SourceDeck(slides=[], title="PowerPoint Presentation", author="Andreas Beeker", language="de-DE")
    title = Entry({"kind": "title", "title": "Tabellen", "subtitle": "am 19. November 2015"}, 1)
    meeting, comments = meeting_block(deck, [title], "table_test")
    assert meeting == {"title": "Tabellen", "date": dt.date(2015, 11, 19), "presenters": ["Andreas Beeker"],
                       "organisation": "Andreas Beeker", "language": "de-DE"}
    assert comments["organisation"] == "the document's author (it names no company)"


def test_without_any_title_the_file_name_and_a_todo():
    meeting, comments = meeting_block(SourceDeck(slides=[], title="Slide 1"), [], "gammalt-mote")
    assert meeting["title"] == "gammalt-mote" and comments["title"].startswith("TODO")
    assert meeting["organisation"] == "Okänd" and comments["organisation"].startswith("TODO")
    assert meeting["language"] == "sv-SE"
