"""The loader: positions kept, YAML hazards rejected, pydantic errors mapped to file:line:column."""

from __future__ import annotations

from pathlib import Path

import pytest

from slidegen.errors import ContentError
from slidegen.load.messages import validate
from slidegen.load.yaml_file import parse_document
from slidegen.models.deck import Deck
from slidegen.models.guidance import Guidance
from slidegen.models.survey import Survey

SURVEY = """\
title: Enkät
categories:
  done: {label: Genomfört}
  ongoing: {label: På gång}
  not_relevant: {label: Ej aktuellt}
groups:
  - id: internal
    title: Interna
    short: Interna
    methods:
      - number: 1
        text: Metod ett
        short: Ett
        results: {done: 40, ongoing: 60}
      - number: 2
        text: Metod två
        short: Två
        results:
          done: 120
"""


def parse(text: str | bytes, name: str = "content/x.yaml"):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_document(raw, Path(name), name)


def messages(text: str | bytes, model=None) -> list[str]:
    with pytest.raises(ContentError) as err:
        doc = parse(text)
        validate(doc, model)
    return [str(p) for p in err.value.sorted()]


def test_positions_are_kept_for_every_value():
    doc = parse(SURVEY)
    assert doc.location(("groups", 0, "methods", 1, "results", "done")).line == 19
    assert doc.location(("groups", 0, "methods", 1, "results", "done")).column == 17
    assert doc.location(("groups", 0, "title")).line == 8


def test_percentage_above_100_is_located():
    assert messages(SURVEY, Survey) == [
        "content/x.yaml:19:17: groups[0].methods[1].results.done: 120 is more than 100 %"
    ]


def test_all_errors_are_reported_at_once_sorted_by_line():
    text = SURVEY.replace("short: Ett", "shrt: Ett").replace("done: 40", "done: -5")
    got = messages(text, Survey)
    assert [m.split(":")[1] for m in got] == ["13", "14", "19"]
    assert "unknown key `shrt` — did you mean `short`?" in got[0]
    assert "-5 is less than 0 %" in got[1]
    assert "120 is more than 100 %" in got[2]
    # the consequence of the misspelling (`short` is missing) is not reported: the cause says it all
    assert not any("`short` is missing" in m for m in got)


def test_shares_adding_up_to_more_than_100_are_an_error():
    text = SURVEY.replace("done: 120", "done: 50\n          ongoing: 52")
    assert messages(text, Survey) == [
        "content/x.yaml:18:9: groups[0].methods[1].results: the shares add up to 102 %, "
        "more than 100 %; check the numbers against the survey"
    ]


def test_rounding_to_101_is_allowed():
    doc = parse(SURVEY.replace("done: 120", "done: 50\n          ongoing: 51"))
    survey = validate(doc, Survey)
    assert survey.method(2).results.unknown() == 0.0 or survey.method(2).results.not_relevant is None


def test_a_percent_sign_gets_a_hint():
    got = messages(SURVEY.replace("done: 120", 'done: "48 %"'), Survey)
    assert got == ["content/x.yaml:19:17: groups[0].methods[1].results.done: write the number without the % sign: 48"]


def test_duplicate_keys_are_rejected():
    assert messages("title: a\nname: b\ntitle: c\n") == [
        "content/x.yaml:3:1: title: duplicate key `title` (first at line 1); keep only one of them"
    ]


def test_yaml_yes_no_where_text_is_expected_suggests_quotes():
    deck = """meeting:\n  title: no\n  date: 2016-10-28\n  organisation: RUS\nslides:\n  - kind: agenda\n"""
    assert messages(deck, Deck) == [
        'content/x.yaml:2:10: meeting.title: `no` is read by YAML as a yes/no value; '
        'write it in quotes to keep it as text: "no"'
    ]


@pytest.mark.parametrize(
    "value, kind",
    [("on", "a yes/no value"), ("1.10", "a number"), ("2016-10-28", "a date"), ("13:00", "a number")],
)
def test_other_yaml_surprises(value: str, kind: str):
    deck = f"meeting:\n  title: {value}\n  date: 2016-10-28\n  organisation: RUS\nslides:\n  - kind: agenda\n"
    (msg,) = messages(deck, Deck)
    assert f"`{value}` is read by YAML as {kind}" in msg
    assert f'"{value}"' in msg


def test_unknown_slide_kind_gets_a_suggestion():
    deck = "meeting:\n  title: T\n  date: 2016-10-28\n  organisation: RUS\nslides:\n  - kind: bulets\n    title: x\n"
    (msg,) = messages(deck, Deck)
    assert msg.startswith("content/x.yaml:6:11: slides[0].kind: unknown kind `bulets` — did you mean `bullets`?")


def test_unknown_key_inside_a_slide_gets_the_slides_keys():
    deck = (
        "meeting:\n  title: T\n  date: 2016-10-28\n  organisation: RUS\n"
        "slides:\n  - kind: bullets\n    titel: x\n    items: [a]\n"
    )
    got = messages(deck, Deck)
    assert "content/x.yaml:7:5: slides[0].titel: unknown key `titel` — did you mean `title`?" in got


def test_tab_indentation():
    assert messages("title: a\nparts:\n\t- b\n") == [
        "content/x.yaml:3:1: a tab is used for indentation; YAML needs spaces"
    ]


def test_syntax_error_names_the_line():
    (msg,) = messages("title: a\nparts: [b, c\nname: d\n")
    assert msg.startswith("content/x.yaml:3:")
    assert "YAML syntax error" in msg


def test_not_utf8():
    assert messages("title: Sk\u00e5ne\n".encode("latin-1")) == [
        "content/x.yaml:1:10: the file is not UTF-8 (byte 0xE5); save it as UTF-8 in your editor"
    ]


def test_utf8_bom_is_accepted():
    assert parse("\ufefftitle: Skåne\n".encode("utf-8")).data == {"title": "Skåne"}


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n"])
def test_empty_file(text: str):
    (msg,) = messages(text)
    assert "the file is empty" in msg


def test_top_level_must_be_a_mapping():
    (msg,) = messages("- a\n- b\n")
    assert msg == "content/x.yaml:1:1: the top level must be a mapping of keys (like `title: …`), not a list"


def test_binary_file():
    (msg,) = messages(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "not a text file" in msg


def test_file_over_one_mebibyte():
    (msg,) = messages(b"a: " + b"x" * (1024 * 1024))
    assert "larger than 1 MiB" in msg


def test_alias_bomb_fails_fast():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    # 10**30 values if expanded: the loader stops counting at its limit instead (speed is bench/'s business)
    (msg,) = messages("\n".join(lines) + "\n")
    assert "more than 50 aliases" in msg


def test_a_few_aliases_are_fine():
    doc = parse("base: &b {label: Ja}\ndone: *b\nongoing: *b\n")
    assert doc.data["done"] == {"label": "Ja"}


def test_key_that_yaml_reads_as_a_boolean():
    (msg,) = messages("on: 1\n")
    assert msg == 'content/x.yaml:1:1: the key `on` is read by YAML as a yes/no value; put it in quotes: "on":'


def test_deep_nesting_fails_with_a_message_not_a_recursion_error():
    (msg,) = messages("a: " + "[" * 600 + "]" * 600 + "\n")
    # the top-level mapping is the first level, the 39th bracket the 40th: the next one is refused
    assert msg == "content/x.yaml:1:43: the file is nested more than 40 levels deep; check the indentation and brackets"


def test_forty_levels_are_fine():
    value = parse("a: " + "[" * 39 + "]" * 39 + "\n").data["a"]
    depth = 0
    while value != []:
        (value,), depth = value, depth + 1
    assert depth == 38


def test_a_control_character_in_the_file_is_located():
    assert messages("title: ok\nname: a\x07b\n") == [
        "content/x.yaml:2:8: the file contains the control character U+0007, which YAML does not allow; delete it"
    ]


def test_an_unusual_line_break_is_refused_so_line_numbers_agree_with_the_editor():
    assert messages("title: a\u2028b\nname: c\n") == [
        "content/x.yaml:1:9: the file contains the unusual line break U+2028, which YAML reads as a new line; "
        "replace it with a space or a normal line break"
    ]


@pytest.mark.parametrize("escape, code", [("\\0", "0000"), ("\\a", "0007"), ("\\ud800", "D800"), ("\\x1b", "001B")])
def test_escapes_that_cannot_go_on_a_slide_are_refused(escape: str, code: str):
    assert messages(f'title: "a{escape}b"\n') == [
        f"content/x.yaml:1:8: title: the text contains U+{code}, a character that cannot be shown on a slide "
        "(written as an escape starting with a backslash); remove it"
    ]


def test_an_escaped_control_character_in_a_key_is_refused():
    (msg,) = messages('"ti\\ttle\\x01": a\n')
    assert msg.startswith("content/x.yaml:1:1: the key contains U+0001")


@pytest.mark.parametrize("text", ["title: !!binary aGVsbG8=\n", "title: !custom x\n", "title: !!python/name:os.system x\n"])
def test_unusual_tags_are_refused(text: str):
    (msg,) = messages(text)
    tag = text.split()[1]
    assert msg == f"content/x.yaml:1:8: title: the tag `{tag}` is not supported in content files; remove it"


def test_merge_keys_are_refused_at_the_mapping():
    assert messages("base: &b {label: Ja}\ndone:\n  <<: *b\n  explanation: x\n") == [
        "content/x.yaml:3:3: done: merge keys (`<<: *name`) are not supported; write the keys out"
    ]


def test_two_documents_in_one_file():
    assert messages("title: a\n---\ntitle: b\n") == [
        "content/x.yaml:2:1: YAML syntax error: the file holds more than one YAML document (a second `---` line); keep one document per file"
    ]


def test_a_single_document_marker_is_fine():
    assert parse("---\ntitle: a\n").data == {"title": "a"}


def test_too_many_values_fail_while_parsing():
    (msg,) = messages("a: [" + ", ".join(["x"] * 50_001) + "]\n")
    # the mapping, its key and the list are values too: the 49,998th item is the 50,001st value
    assert msg == f"content/x.yaml:1:{4 + 49_997 * 3 + 1}: the file has more than 50000 values; split it or write it out plainly"


def test_long_values_are_cut_in_messages():
    (msg,) = messages("a: 1" + "0" * 5000 + "\n")
    assert msg == "content/x.yaml:1:4: a: `1" + "0" * 58 + "…` cannot be read; put it in quotes if it is text"


def test_a_time_read_as_a_number_suggests_the_expected_form():
    deck = "meeting:\n  title: T\n  date: 2016-10-28\n  start: 13:00\n  organisation: RUS\nslides:\n  - kind: agenda\n"
    assert messages(deck, Deck) == [
        'content/x.yaml:4:10: meeting.start: `13:00` is read by YAML as a number; write it in quotes, like "13.00"'
    ]


def test_a_value_of_the_wrong_form_gets_an_example():
    deck = "meeting:\n  title: T\n  date: 2016-10-28\n  end: '14:15'\n  organisation: RUS\nslides:\n  - kind: agenda\n"
    assert messages(deck, Deck) == [
        "content/x.yaml:4:8: meeting.end: `14:15` does not have the expected form; write it like `14.15`"
    ]


def test_not_a_number_is_not_a_percentage():
    got = messages(SURVEY.replace("done: 120", "done: .nan"), Survey)
    assert got == ["content/x.yaml:19:17: groups[0].methods[1].results.done: write a number from 0 to 100"]


@pytest.mark.parametrize(
    "text, says",
    [
        ("a: 'x\n", "1:4: YAML syntax error: the quote opened here is never closed; add the closing quote: `a: 'x'`"),
        ("title: [a, b\n", "1:8: YAML syntax error: the `[` here is never closed; add the `]`"),
        ("a: b: c\n", '1:4: YAML syntax error: this text contains `: `, so YAML reads it as a key; '
                      'put the whole text in quotes: `a: "b: c"`'),
        ("a: x\nb\nc: d\n", "2:1: YAML syntax error: this line is not a `key: value` line; check the indentation "
                             "of this and the line above, or put the text in quotes"),
        ("efforts:\n  - name: A\n   status: x\n", "3:4: YAML syntax error: `status:` is indented 3 spaces, but `name:` "
                                                 "on line 2 is indented 4 spaces; indent them alike"),
        ("a:\n    b: 1\n c: 2\n", "3:2: YAML syntax error: this does not line up with the lines above "
                                 "(or text follows a closing quote); check the indentation"),
        ('a: "C:\\q"\n', "1:8: YAML syntax error: `\\q` is not an escape YAML knows inside double quotes; "
                          "write `\\\\` for a backslash, or use single quotes"),
        ("a: *nope\n", "1:4: YAML syntax error: `*nope` refers to no anchor `&nope` above it; write the value out instead"),
        ("a: @x\n", "1:4: YAML syntax error: a value cannot start with '@'; put it in quotes"),
    ],
)
def test_syntax_errors_are_said_in_plain_words(text: str, says: str):
    assert messages(text) == [f"content/x.yaml:{says}"]


def test_an_empty_value_says_so_and_warns_about_comments():
    got = messages("title:\nefforts:\n  - name: #Vägledning\n", Guidance)
    assert got == [
        f"content/x.yaml:{line}: {path}: there is no value here; write it after the colon "
        "(text after a `#` is a comment: put a value starting with `#` in quotes)"
        for line, path in (("1:7", "title"), ("3:10", "efforts[0].name"))
    ]


def test_a_number_in_quotes_is_text_and_the_message_says_so():
    survey = SURVEY.replace("done: 120", "done: 12")
    assert messages(survey.replace("- number: 2", '- number: "2"'), Survey) == [
        "content/x.yaml:15:17: groups[0].methods[1].number: `2` is in quotes, so YAML reads it as text; "
        "remove the quotes to make it a number"
    ]
    (msg,) = messages(survey.replace("- number: 2", "- number: två"), Survey)
    assert msg.endswith("groups[0].methods[1].number: expected a whole number, got `två`")


def test_a_value_of_the_wrong_form_without_example_quotes_the_description():
    from conftest import ROOT

    from slidegen.models.theme import Theme

    theme = (ROOT / "themes/default/theme.yaml").read_text(encoding="utf-8")
    line = next(i for i, ln in enumerate(theme.splitlines(), start=1) if ln.strip().startswith('text: "#'))
    (msg,) = messages(theme.replace('text: "#1F2933"', "text: navy", 1), Theme)
    assert msg == (
        f"content/x.yaml:{line}:9: colours.text: `navy` does not have the expected form; "
        "expected: body text: a colour as `#RRGGBB` (in quotes, since # starts a comment)"
    )
