"""The general slide kinds' rules: each mistake a located message that says what to write instead."""

from __future__ import annotations

import pytest
from kinds import kinds_project

from slidegen.check.library import Library
from slidegen.errors import ContentError
from slidegen.project import Project

HEAD = """meeting:
  title: Prov
  organisation: Länsstyrelserna
slides:
"""
FIRST = HEAD.count("\n") + 1
"""The line of the first slide's `- kind:`."""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    return kinds_project(tmp_path_factory.mktemp("models") / "p")


def problems(project: Project, slides: str, name: str = "prov") -> list[str]:
    """Every problem of a deck made of these slides (written as under `slides:`), sorted."""
    path = project.content / "decks" / f"{name}.yaml"
    path.write_text(HEAD + slides, encoding="utf-8")
    try:
        with pytest.raises(ContentError) as err:
            Library(project).bundle(path)
    finally:
        path.unlink()
    return [str(p).removeprefix(f"content/decks/{name}.yaml:") for p in err.value.sorted()]


def test_a_picture_needs_alt_text_unless_decorative_and_not_both(project: Project):
    assert problems(project, """\
  - kind: picture
    title: Utan alt
    picture: bilder/flode.png
  - kind: picture
    title: Båda
    picture: bilder/flode.png
    alt: En bild
    decorative: true
  - kind: picture
    title: Gif
    picture: bilder/flode.gif
    alt: En bild
    fit: fill
""") == [
        '5:5: slides[0]: the picture needs alt text: add `alt:` with a sentence on what it shows (or '
        '`decorative: true` if it only decorates)',
        '8:5: slides[1]: a decorative picture has no alt text; remove `alt:` or `decorative: true`',
        '15:14: slides[2].picture: `bilder/flode.gif` is not a PNG, JPEG, HEIC or WebP file name; write a '
        'path like `bilder/karta.png`',
        '17:10: slides[2].fit: `fill` is not allowed here; use one of: contain, cover',
    ]


def test_a_picture_is_checked_by_the_existing_picture_check(project: Project):
    (project.content / "bilder" / "trasig.png").write_bytes(b"not a picture")
    assert problems(project, """\
  - kind: picture
    title: Saknas
    picture: bilder/flöde.png
    alt: En bild
  - kind: picture
    title: Utanför
    picture: ../bilder/flode.png
    alt: En bild
  - kind: picture
    title: Trasig
    picture: bilder/trasig.png
    alt: En bild
""") == [
        '7:14: slides[0].picture: there is no file content/bilder/flöde.png — did you mean `bilder/flode.png`?',
        "11:14: slides[1].picture: `../bilder/flode.png` leaves the content/ folder ('..'); files must "
        'be inside content/',
        '15:14: slides[2].picture: `bilder/trasig.png` is not a PNG, JPEG, HEIC or WebP picture (its content '
        'is not a picture); save it as PNG or JPEG',
    ]


def test_table_cells_are_numbers_text_or_nothing(project: Project):
    assert problems(project, """\
  - kind: table
    title: Budget
    columns: [Post, 2016]
    rows:
      - [Personal, yes]
      - [Resor, 2016-10-28]
      - [Tryck, [1, 2]]
""") == [
        '9:20: slides[0].rows[0][1]: `yes` is read by YAML as a yes/no value; write it in quotes to '
        'keep it as text: "yes"',
        '10:17: slides[0].rows[1][1]: `2016-10-28` is read by YAML as a date; write it in quotes to '
        'keep it as text: "2016-10-28"',
        '11:17: slides[0].rows[2][1]: a table cell holds one number or text, not a list or mapping',
    ]


def test_a_table_is_written_here_or_read_from_a_file(project: Project):
    assert problems(project, """\
  - kind: table
    title: Båda
    columns: [Post]
    rows: [[Personal]]
    source: data/exempel.csv
  - kind: table
    title: Utan rader
    columns: [Post]
  - kind: table
    title: Fel fil
    source: data/exempel.ods
""") == [
        '5:5: slides[0]: give the table either here (`columns:` and `rows:`) or from a CSV file '
        '(`source:`), not both or neither',
        '10:5: slides[1]: `rows` is missing; a table needs both `columns:` (the header) and `rows:`',
        '15:13: slides[2].source: `data/exempel.ods` is not a CSV or Excel (.xlsx) file name; write a '
        'path like `data/kommuner.csv`',
    ]


def test_each_row_is_checked_against_the_columns_and_each_number_column_cell_by_cell(project: Project):
    assert problems(project, """\
  - kind: table
    title: Budget
    columns: [Post, "2016", "2017"]
    rows:
      - [Personal, 1200, 1350, 10]
      - [Tryck, 45, femtio]
      - [Resor, 80]
      - [Övrigt, –, "12,5"]
""") == [
        '9:9: slides[0].rows[0]: this row has 4 cells but the table has 3 columns; write one cell per '
        'column (null for no value)',
        '11:9: slides[0].rows[2]: this row has 2 cells but the table has 3 columns; write one cell per '
        'column (null for no value)',
    ]
    assert problems(project, """\
  - kind: table
    title: Budget
    columns: [Post, "2016", "2017"]
    rows:
      - [Personal, 1200, 1350]
      - [Tryck, 45, femtio]
      - [Övrigt, –, "12,5"]
""") == [
        f'{FIRST + 5}:21: slides[0].rows[1][2]: "femtio" is not a number (column 2017); write a number like 50, 1 350 '
        "or 12,5, or leave the cell empty where the value is missing (it is then shown as –, never as 0)",
    ]


def test_a_csv_table_s_bad_number_is_located_at_its_line_and_column(project: Project):
    data = project.content / "data" / "fel.csv"
    data.write_text("Län;Antal\nUppsala;3\nSkåne;femtio\n;\n", encoding="utf-8")
    assert problems(project, """\
  - kind: table
    title: Från fil
    source: data/fel.csv
""") == [
        'content/data/fel.csv:3:2: "femtio" is not a number (column Antal); write a number like 50, 1 '
        '350 or 12,5, or leave the cell empty where the value is missing (it is then shown as –, never as 0)',
    ]


def test_columns_are_two_or_three(project: Project):
    assert problems(project, """\
  - kind: columns
    title: En
    columns:
      - {heading: A, items: [x]}
  - kind: columns
    title: Fyra
    columns: [{items: [a]}, {items: [b]}, {items: [c]}, {items: [d]}]
  - kind: columns
    title: Tom
    columns: [{heading: A, items: []}, {heading: B, items: [b]}]
""") == [
        '7:5: slides[0].columns: needs at least 2 entries',
        '11:5: slides[1].columns: has too many entries (at most 3)',
        '14:28: slides[2].columns[0].items: needs at least 1 entries',
    ]


def test_a_quote_needs_its_text_and_a_contact_a_real_address_and_number(project: Project):
    assert problems(project, """\
  - kind: quote
    by: Någon
  - kind: closing
    contacts:
      - {name: Kim, email: kim.lansstyrelsen.se, phone: 0101234567}
      - {name: Alex, phone: "ring mig"}
      - {role: Samordnare}
""") == [
        '5:5: slides[0]: `text` is missing; add a line `text: …`',
        '9:28: slides[1].contacts[0].email: `kim.lansstyrelsen.se` is not an e-mail address; write it '
        'like namn.efternamn@lansstyrelsen.se',
        '9:57: slides[1].contacts[0].phone: `0101234567` is read by YAML as a number; write it in '
        'quotes to keep it as text: "0101234567"',
        '10:29: slides[1].contacts[1].phone: `ring mig` is not a phone number; write digits, spaces and '
        'dashes, like "010-123 45 67"',
        '11:9: slides[1].contacts[2]: `name` is missing; add a line `name: …`',
    ]


def test_unknown_keys_get_a_did_you_mean(project: Project):
    assert problems(project, """\
  - kind: picture
    title: Bild
    picture: bilder/flode.png
    alt: En bild
    captoin: Källa
""") == [
        '9:5: slides[0].captoin: unknown key `captoin` — did you mean `caption`?',
    ]


def test_the_test_deck_itself_is_valid(project: Project):
    bundle = Library(project).bundle(project.content / "decks" / "uppfoljning-2017.yaml")
    assert {p.name for p, _ in bundle.pictures.values()} == {"flode.png", "trad.jpg"}
    assert bundle.files() >= {project.content / "bilder" / "flode.png", project.content / "data" / "exempel.csv"}
