"""Tables made to fit slidegen's: one header row, columns of numbers holding numbers, at most 12 columns."""

from __future__ import annotations

from slidegen.commands.importer.source import NOWHERE, Table
from slidegen.commands.importer.tables import table_entries


def entries(rows: list[list[str]], language: str = "sv-SE"):
    changes: list[str] = []
    made = table_entries("Tabell", Table(rows, NOWHERE), 4, language, changes)
    return [(e.data["columns"], e.data["rows"]) for e in made], changes, made


def test_a_caption_row_above_the_headings_joins_them():
    got, changes, _ = entries([["Skola ett (N=356)", "", ""], ["", "Kontroll", "Omsorg"], ["A", "1", "2"], ["B", "3", "4"]])
    assert got == [(["Skola ett (N=356)", "Kontroll", "Omsorg"], [["A", 1, 2], ["B", 3, 4]])]
    assert changes == []


def test_headings_inside_the_table_start_a_table_of_their_own():
    got, changes, _ = entries([["Län", "2016", "2017"], ["AB", "1", "2"], ["Län", "Mål", "Utfall"], ["C", "5", "6"]])
    assert got == [(["Län", "2016", "2017"], [["AB", 1, 2]]), (["Län", "Mål", "Utfall"], [["C", 5, 6]])]
    assert changes == ["its table is split in 2 tables where its headings change"]


def test_a_single_text_among_numbers_is_no_value_and_said():
    got, changes, made = entries([["Post", "2016"], ["Personal", "1 200"], ["Tryck", "uppgift saknas"], ["Resor", "45"]])
    assert got == [(["Post", "2016"], [["Personal", 1200], ["Tryck", None], ["Resor", 45]])]
    assert changes == ["1 text cell among numbers shown as –"]
    assert "'uppgift saknas'" in made[0].key_comments["rows"]


def test_a_column_of_years_without_heading_is_headed_ar():
    got, _, _ = entries([["", "Antal"], ["2015", "3"], ["2016", "5"]])
    assert got == [(["År", "Antal"], [["2015", 3], ["2016", 5]])]
    got, _, _ = entries([["", "Count"], ["2015", "3"]], "en-US")
    assert got[0][0] == ["Year", "Count"]


def test_a_table_wider_than_twelve_columns_is_split_with_its_first_column_repeated():
    header = ["Län", *(f"K{k}" for k in range(1, 15))]
    got, _, made = entries([header, ["AB", *(str(k) for k in range(1, 15))]])
    assert [len(cols) for cols, _ in got] == [12, 4]
    assert got[1] == (["Län", "K12", "K13", "K14"], [["AB", 12, 13, 14]])
    assert made[1].comments == ["columns 13–15 of the original's table of 15 columns (the first column is repeated)"]
