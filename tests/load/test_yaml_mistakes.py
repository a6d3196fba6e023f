"""Hand-editing mistakes: each said as what to change, on the line of the mistake, with the cause first."""

from __future__ import annotations

from pathlib import Path

import pytest

from slidegen.errors import ContentError
from slidegen.load.messages import validate
from slidegen.load.yaml_file import parse_document
from slidegen.load.yaml_mistakes import quoted, shorten, smart_quoted, utf16
from slidegen.models.deck import Deck
from slidegen.models.example import Example
from slidegen.models.guidance import Guidance

NAME = "content/x.yaml"

DECK = """\
meeting:
  title: Uppföljning
  date: 2016-11-25
  start: "13.00"
  organisation: RUS
  presenters:
    - Anna Andersson
  keywords: [uppdrag 51, miljömål]
slides:
  - kind: bullets
    title: Tema Nobel
    items:
      - "Förslag: Alla berättar om ett exempel."
      - Borde vi göra något mer?
      - Hur på hemsidan?
"""

EXAMPLE = """\
county: Örebro
title: Klimatråd
description:
  - Ett råd med kommuner och näringslivet.
  - Varje medlem väljer åtgärder.
methods: [23]
"""


def parse(text: str | bytes):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_document(raw, Path(NAME), NAME)


def messages(text: str | bytes, model=None) -> list[str]:
    """Every message for a text, as printed but without the file name."""
    with pytest.raises(ContentError) as err:
        doc = parse(text)
        validate(doc, model)
    return [str(p).removeprefix(f"{NAME}:") for p in err.value.sorted()]


def test_the_mistake_free_texts_are_accepted():
    assert validate(parse(DECK), Deck).slides[0].items[1] == "Borde vi göra något mer?"
    assert validate(parse(EXAMPLE), Example).title == "Klimatråd"


MISTAKES = {
    "colon after a key": (
        EXAMPLE.replace("title: Klimatråd", "title: Exempel: Klimatråd"),
        '2:8: YAML syntax error: this text contains `: `, so YAML reads it as a key; '
        'put the whole text in quotes: `title: "Exempel: Klimatråd"`'),
    "dash before the first of plain items": (
        "title: RUS\nefforts:\n  Vägledning\n  - Kurs\n",
        "3:3: efforts: a list item needs `- ` at the start, like the lines below it: `- Vägledning`"),
    "dash before a mapping in a list of mappings": (
        "title: RUS\nefforts:\n  - name: A\n    status: klar\n  name: B\n    status: klar\n",
        "5:3: YAML syntax error: a list item needs `- ` at the start, like the lines above it: `- name: B`"),
    "item deeper than a quoted one": (
        DECK.replace("      - Borde", "       - Borde"),
        "14:8: YAML syntax error: this `-` is indented more than the `-` on line 13; indent it like that `-` "
        "(6 spaces) to make it a list item of its own"),
    "list started on the line of its key": (
        EXAMPLE.replace("description:\n  - Ett råd", "description: Ett råd"),
        "4:3: description: this line is joined onto the text of `description` above, because it is indented more "
        "than `description`; to make a list, put nothing after `description:` and each item on a line of its own "
        "starting with `- `"),
    "key deeper than the one above": (
        "title: RUS\nefforts:\n  - name: A\n     status: klar\n",
        "4:6: YAML syntax error: this line is indented more than `name:` on line 3, so YAML reads it as part of "
        "that text; indent `status:` like `name:` (4 spaces)"),
    "key a space off": (
        "meeting:\n  title: T\n date: 2016-11-25\n",
        "3:2: YAML syntax error: `date:` is indented 1 space, but `title:` on line 2 is indented 2 spaces; indent them alike"),
    "first key indented": (
        " county: Örebro\ntitle: T\n",
        "2:1: YAML syntax error: `title:` is not indented, but `county:` on line 1 is indented 1 space; indent them alike"),
    "no space after a colon": (
        "title: RUS\nefforts:\n  - name:Kurs\n    status: klar\n",
        "3:10: YAML syntax error: a space is needed after the `:` of `name`: `name: Kurs`"),
    "quote not closed, reported where it opens, not where YAML gives up": (
        DECK.replace('start: "13.00"', 'start: "13.00').replace("organisation: RUS", 'organisation: "RUS"'),
        '4:10: YAML syntax error: the quote opened here is not closed on its line, so YAML reads on to the next `"` '
        '(line 5); add the closing quote: `start: "13.00"`'),
    "single quote not closed": (
        "a: 'x\nb: 'y'\n",
        "1:4: YAML syntax error: the quote opened here is not closed on its line, so YAML reads on to the next `'` "
        "(line 2); add the closing quote: `a: 'x'`"),
    "quote never closed inside brackets (no fix to offer)": (
        "keywords: [a, 'b]\n",
        "1:15: YAML syntax error: the quote opened here is never closed; add the closing quote"),
    "quote not closed that YAML accepts": (
        'a: "x\nb: "\n',
        '1:4: a: the quote opened here is not closed on its line, so YAML reads on to the next `"` (line 2); '
        'add the closing quote: `a: "x"`'),
    "typographic quotes around text with a colon": (
        "title: ”Exempel: Klimatråd”\n",
        '1:8: YAML syntax error: `”` is a typographic quote; YAML needs straight quotes `"`: write '
        '`title: "Exempel: Klimatråd"` (or, to show `”` on the slide: `title: "”Exempel: Klimatråd”"`)'),
}
"""Mistakes of form (found before any model looks at the data): the text, and the one message it gets."""


@pytest.mark.parametrize("text, says", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_mistake_is_said_as_what_to_change_on_its_line(text: str, says: str):
    assert messages(text) == [says]


# --- a colon inside a list item's text -------------------------------------------------------------


def test_a_colon_in_a_bullet_asks_for_quotes_instead_of_a_missing_text():
    text = DECK.replace("- Hur på hemsidan?", "- Syfte: Sprida goda exempel")
    assert messages(text, Deck) == [
        '15:9: slides[0].items[2]: this text contains `: `, so YAML reads it as a key; '
        'put the whole text in quotes: `- "Syfte: Sprida goda exempel"`'
    ]


def test_a_colon_in_a_list_of_names_and_in_a_bracket_list():
    text = DECK.replace("- Anna Andersson", "- Anna Andersson: RUS").replace("[uppdrag 51, miljömål]", "[uppdrag 51, mål: miljö]")
    assert messages(text, Deck) == [
        '7:7: meeting.presenters[0]: this text contains `: `, so YAML reads it as a key; '
        'put the whole text in quotes: `- "Anna Andersson: RUS"`',
        '8:26: meeting.keywords[1]: this text contains `: `, so YAML reads it as a key; '
        'put the whole text in quotes: `"mål: miljö"`',
    ]


def test_a_bullet_ending_with_a_colon():
    text = EXAMPLE.replace("- Varje medlem väljer åtgärder.", "- Varje medlem väljer:")
    assert messages(text, Example) == [
        '5:5: description[1]: this text ends with `:`, so YAML reads it as a key; '
        'put the whole text in quotes: `- "Varje medlem väljer:"`'
    ]


def test_a_one_key_list_item_with_a_misspelt_key_is_not_taken_for_text():
    text = "title: RUS\nefforts:\n  - nmae: Vägledning\n"
    assert messages(text, Guidance) == ["3:5: efforts[0].nmae: unknown key `nmae` — did you mean `name`?"]


def test_a_one_key_slide_keeps_its_own_message():
    text = DECK.replace("  - kind: bullets\n", "  - kind: agendaa\n  - kind: bullets\n")
    (message,) = messages(text, Deck)
    assert message.startswith("10:11: slides[0].kind: unknown kind `agendaa` — did you mean `agenda`?")


# --- a forgotten dash ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, says",
    [
        ("      - Borde vi", "      Borde vi",
         "14:7: YAML syntax error: a list item needs `- ` at the start, like the lines around it: "
         "`- Borde vi göra något mer?`"),
        ("      - Hur på", "      Hur på",
         "15:7: YAML syntax error: a list item needs `- ` at the start, like the lines above it: `- Hur på hemsidan?`"),
        ('      - "Förslag', '      "Förslag',
         '13:7: YAML syntax error: a list item needs `- ` at the start, like the lines below it: '
         '`- "Förslag: Alla berättar om ett exempel."`'),
    ],
)
def test_a_forgotten_dash_is_named(old: str, new: str, says: str):
    assert messages(DECK.replace(old, new)) == [says]


# --- a list item indented too deep -----------------------------------------------------------------


def test_an_item_indented_deeper_than_a_plain_one_is_not_joined_onto_it():
    text = EXAMPLE.replace("  - Varje", "   - Varje")
    assert messages(text, Example) == [
        "5:4: description[0]: this line continues the text of the list item above, because it is indented more "
        "than the `-` above it; indent it like that `-` (2 spaces) to make it a list item of its own"
    ]


def test_text_wrapped_onto_more_lines_is_still_fine_unless_it_has_a_colon():
    text = EXAMPLE.replace("  - Varje medlem väljer åtgärder.", "  - Varje medlem väljer\n    åtgärder: tre per år.")
    assert messages(text) == [
        '6:5: YAML syntax error: this text contains `: `, so YAML reads it as a key; put the whole text in quotes: '
        '`- "Varje medlem väljer åtgärder: tre per år."`'
    ]
    wrapped = EXAMPLE.replace("  - Varje medlem väljer åtgärder.", "  - Varje medlem väljer\n    åtgärder - tre per år.")
    assert validate(parse(wrapped), Example).description[1] == "Varje medlem väljer åtgärder - tre per år."
    quoted_text = EXAMPLE.replace("  - Varje medlem väljer åtgärder.", "  - 'Varje medlem väljer\n    Syfte: tre per år.'")
    assert validate(parse(quoted_text), Example).description[1] == "Varje medlem väljer Syfte: tre per år."


# --- quotes ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("quotes", ["”13.00”", "“13.00”", "„13.00“", "”13.00", "’13.00’", "»13.00»"])
def test_typographic_quotes_around_a_value(quotes: str):
    (message,) = messages(DECK.replace('"13.00"', quotes), Deck)
    assert message.startswith(f'4:10: meeting.start: `{quotes[0]}` is a typographic quote; YAML needs straight quotes `"`: '
                              'write `start: "13.00"` (or, to show')


def test_typographic_quotes_in_text_or_inside_straight_quotes_are_text():
    text = EXAMPLE.replace("- Ett råd med kommuner och näringslivet.", "- ”Vi lär oss mycket”, säger en deltagare")
    text = text.replace("title: Klimatråd", "title: '”Klimatråd”'")
    example = validate(parse(text), Example)
    assert example.description[0] == "”Vi lär oss mycket”, säger en deltagare"
    assert example.title == "”Klimatråd”"


# --- the file's encoding and invisible characters --------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_file_saved_as_utf16(encoding: str):
    assert messages(EXAMPLE.encode(encoding)) == [" this file is saved as UTF-16 (Notepad calls it Unicode); save it as UTF-8"]


def test_binary_data_is_not_taken_for_utf16():
    assert not utf16(bytes(range(256)) * 4)
    assert not utf16(b"title: x\n")
    assert messages(b"title: \x00\x01\x02\n") == [" this is not a text file (it contains binary data); content files must be YAML text"]


@pytest.mark.parametrize(
    "key, column, says",
    [
        ("ti\u200btle", 3, "(U+200B ZERO WIDTH SPACE) after `ti`; retype the key: `title:`"),
        ("title\u00a0", 6, "(U+00A0 NO-BREAK SPACE) after `title`; retype the key: `title:`"),
        ('"\u2060title"', 1, "(U+2060 WORD JOINER) before `title`; retype the key: `title:`"),
        ("ti\u00adtle", 3, "(U+00AD SOFT HYPHEN) after `ti`; retype the key: `title:`"),
    ],
)
def test_an_invisible_character_in_a_key_is_named_instead_of_the_missing_key(key: str, column: int, says: str):
    text = EXAMPLE.replace("title: Klimatråd", f"{key}: Klimatråd")
    assert messages(text, Example) == [f"2:{column}: the key contains an invisible character {says}"]


def test_non_breaking_spaces_where_yaml_needs_a_space():
    assert messages(EXAMPLE.replace("county: Örebro", "county:\u00a0Örebro")) == [
        "1:8: after `county:` comes an invisible character (U+00A0 NO-BREAK SPACE), which YAML does not count as a "
        "space; replace it with a normal space: `county: `"
    ]
    assert messages(EXAMPLE.replace("  - Varje", "\u00a0 - Varje")) == [
        "5:1: the indentation contains an invisible character (U+00A0 NO-BREAK SPACE), which YAML does not count as "
        "a space; delete it and indent with normal spaces"
    ]
    assert messages(EXAMPLE.replace("title:", "\ufefftitle:"))[0].startswith(
        "2:1: the indentation contains an invisible character (U+FEFF ZERO WIDTH NO-BREAK SPACE)")
    assert messages(EXAMPLE.replace("  - Varje", "  -\u00a0Varje"))[0].startswith("5:4: after `-` comes an invisible")


# --- cause before consequence ----------------------------------------------------------------------


def test_a_misspelt_key_is_reported_without_the_missing_key_it_causes():
    assert messages(EXAMPLE.replace("title:", "titel:"), Example) == [
        "2:1: titel: unknown key `titel` — did you mean `title`?"
    ]


def test_a_misspelt_key_is_reported_without_the_check_it_fails():
    text = EXAMPLE + "picture: bilder/x.png\npictur_alt: Ett klimatråd\n"
    assert messages(text, Example) == ["8:1: pictur_alt: unknown key `pictur_alt` — did you mean `picture_alt`?"]


def test_a_key_that_is_no_misspelling_keeps_the_missing_key():
    got = messages(EXAMPLE.replace("title:", "rubrik:"), Example)
    assert got[0] == "1:1: `title` is missing; add a line `title: …`"
    assert got[1].startswith("2:1: rubrik: unknown key `rubrik`; the keys here are: ")


# --- the helpers -----------------------------------------------------------------------------------


def test_fixes_are_shortened_in_the_middle_and_quoted_without_escapes():
    long = "Sprida goda exempel och få en bättre bild av vilka arbetssätt som faktiskt tillämpas i länen"
    assert shorten(long) == "Sprida goda exempel och få en bättre bild av … tillämpas i länen"
    assert shorten(long.replace(" tillämpas", " tillämpas_")) == "Sprida goda exempel och få en bättre bild av … i länen"
    assert shorten("kort") == "kort"
    assert quoted("Syfte: x") == '"Syfte: x"'
    assert quoted('Syfte: "x"') == "'Syfte: \"x\"'"
    assert quoted("""it's "x\"""") == '"it\'s \\"x\\""'


def test_smart_quoted_tells_a_quoted_value_from_a_quotation():
    assert smart_quoted("”13.00”") == "”"
    assert smart_quoted("”13.00") == "”"
    assert smart_quoted("13.00”") == "”"
    assert smart_quoted("”Citat”, sa hon") is None
    assert smart_quoted("Hon sa ”citat”") is None
    assert smart_quoted("13.00") is None
