"""End to end: a deck whose survey takes its answers from a generated sheet (21 counties × 32 methods, Gotland
missing, some cells empty), built and reopened; every share, n and letter checked against numbers computed here."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import answers as sample
import pytest
from conftest import DATA, copy_project, needs_soffice
from deckread import read_deck
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn

from slidegen.build import build
from slidegen.check.library import Library
from slidegen.format import percent
from slidegen.models.county import COUNTIES
from slidegen.models.survey import Survey
from slidegen.project import Project

DECK = "uppfoljning-2017"
KEYS = ("done", "ongoing", "not_relevant")
LETTERS = {"done": "G", "ongoing": "P", "not_relevant": "E"}


@pytest.fixture(scope="module")
def built(tmp_path_factory, chart_cache) -> tuple[Project, Path]:
    project = copy_project(tmp_path_factory.mktemp("answers"), chart_cache)
    sample.install(project.content)
    shutil.copy(DATA / "answers" / f"{DECK}.yaml", project.content / "decks")
    (deck,) = build(project, [project.content / "decks" / f"{DECK}.yaml"])
    return project, deck.path


@pytest.fixture(scope="module")
def drawn() -> dict[str, dict[int, str | None]]:
    return sample.draw()


def expected(drawn, number: int) -> tuple[dict[str, int], int]:
    return sample.expected_shares(drawn, number)


def test_the_sample_really_has_empty_cells_a_missing_county_and_uneven_n(drawn):
    assert len(drawn) == 20 and sample.MISSING not in drawn
    ns = {expected(drawn, n)[1] for n in range(1, 33)}
    assert len(ns) > 2 and max(ns) <= 20  # some methods have fewer answers than others
    # and shares that need the largest remainder to add up to 100
    assert any(sum(100 * c // n for c in counts) < 100
               for n, counts in ((expected(drawn, m)[1], [sum(1 for row in drawn.values() if row[m] == k) for k in KEYS])
                                 for m in range(1, 33)))


def test_every_share_and_n_in_the_method_tables(built, drawn):
    _, path = built
    rows = [row for slide in read_deck(path) for table in slide.tables if table[0][0] == "Arbetssätt / metod"
            for row in table[1:]]
    header = next(t[0] for s in read_deck(path) for t in s.tables if t[0][0] == "Arbetssätt / metod")
    assert header[4] == "n\n(antal svar)"
    seen = []
    for row in rows:
        number = int(row[0].split(".")[0])
        shares, n = expected(drawn, number)
        assert row[1:] == [percent(shares[k]) for k in KEYS] + [str(n)], number
        seen.append(number)
    assert sorted(seen) == list(range(1, 33))


def test_every_share_in_the_chart_alt_texts(built, drawn):
    _, path = built
    described = " ".join(d for slide in read_deck(path) for d in slide.charts if d.startswith("Stapeldiagram"))
    for number in range(1, 33):
        shares, n = expected(drawn, number)
        spoken = ", ".join(f"{label.lower()} {percent(shares[k])}" for k, label in sample.LABELS.items())
        assert re.search(rf"metod {number}, [^:]+: {re.escape(spoken)} \(n = {n}\)", described), number


def test_every_share_in_the_native_chart(built, drawn):
    _, path = built
    charts = [s.chart for slide in Presentation(str(path)).slides for s in slide.shapes
              if s.has_chart and s.chart.chart_type == XL_CHART_TYPE.BAR_STACKED_100]
    assert charts
    seen = set()
    for chart in charts:
        plot = chart.plots[0]
        for i, category in enumerate(plot.categories):
            number = int(category.split(".")[0])
            shares, _ = expected(drawn, number)
            assert [s.values[i] for s in list(plot.series)[:3]] == [shares[k] for k in KEYS], number
            seen.add(number)
        # shares of those who answered leave nothing unknown: no series for it
        assert [s.name for s in plot.series] == ["Genomfört", "På gång", "Ej aktuellt"]
    assert seen == set(range(21, 33))


def test_the_county_matrix_has_the_right_letter_in_every_cell(built, drawn):
    _, path = built
    tables = [t for slide in read_deck(path) for t in slide.tables if t[0][0] == "Metod"]
    assert tables
    seen = []
    for table in tables:
        assert table[0][1:] == [c.code for c in COUNTIES]
        for row in table[1:]:
            number = int(row[0].split(".")[0])
            for county, cell in zip(COUNTIES, row[1:]):
                answer = drawn.get(county.name, {}).get(number)
                assert cell == (LETTERS[answer] if answer else ""), (number, county.code)
            seen.append(number)
    assert sorted(seen) == list(range(1, 33))


def test_the_matrix_cells_carry_the_answers_colour_and_a_readable_letter(built):
    project, path = built
    from slidegen.colour import readable_on
    from slidegen.models.theme import Theme

    chart = Library(project).load(project.themes / "default" / "theme.yaml", Theme).model.colours.chart
    fills = {"G": chart.done, "P": chart.ongoing, "E": chart.not_relevant}
    checked = 0
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if not shape.has_table or shape.table.cell(0, 0).text != "Metod":
                continue
            for row in list(shape.table.rows)[1:]:
                for cell in list(row.cells)[1:]:
                    fill = cell._tc.tcPr.find(qn("a:solidFill"))[0].get("val")
                    if cell.text:
                        assert "#" + fill == fills[cell.text].upper()
                        run = cell.text_frame.paragraphs[0].runs[0]
                        assert "#" + str(run.font.color.rgb) == readable_on(fills[cell.text]).upper()
                        checked += 1
                    else:
                        assert "#" + fill not in {f.upper() for f in fills.values()}  # no answer: no answer's colour
    assert checked > 500


def test_alt_texts_and_notes_say_how_many_answered(built, drawn):
    _, path = built
    prs = Presentation(str(path))
    slides = read_deck(path)
    notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in prs.slides]
    for slide, note in zip(slides, notes):
        if not (slide.tables or slide.charts):
            continue
        assert "Andelarna är räknade ur content/data/enkat-2016.xlsx, blad Svar: svar från 20 av 21 länsstyrelser " \
               "(Gotland saknas)." in note
        numbers = [int(m) for m in re.findall(r"metod (\d+)", note)] or []
        assert numbers, note
    all_notes = "\n".join(notes)
    for number in range(1, 33):
        _, n = expected(drawn, number)
        pieces = re.findall(rf"n = {n} för metod ([\d–, ]+)", all_notes)
        assert any(_covers(p, number) for p in pieces), (number, n)
    first_table_notes = next(n for s, n in zip(slides, notes) if s.tables)
    assert first_table_notes.startswith("Andel av de länsstyrelser som svarat.\n")  # the deck's own notes come first
    matrix_alt = [shape._element.find(".//" + qn("p:cNvPr")).get("descr") for s in prs.slides for shape in s.shapes
                  if shape.has_table and shape.table.cell(0, 0).text == "Metod"]
    assert matrix_alt and all("(Gotland har inte svarat)" in a and "AB Stockholm" in a and "BD Norrbotten" in a
                              and "G = Genomfört, P = På gång, E = Ej aktuellt, tom ruta = inget svar" in a
                              for a in matrix_alt)


def _covers(ranges_text: str, number: int) -> bool:
    for piece in ranges_text.split(","):
        first, _, last = piece.strip().partition("–")
        if int(first) <= number <= int(last or first):
            return True
    return False


def test_the_missing_county_is_a_note_of_the_build(tmp_path, chart_cache):
    project = copy_project(tmp_path, chart_cache)
    sample.install(project.content)
    shutil.copy(DATA / "answers" / f"{DECK}.yaml", project.content / "decks")
    lines: list[str] = []
    build(project, [project.content / "decks" / f"{DECK}.yaml"], report=lines.append)
    assert "note: content/data/enkat-2016.xlsx:Svar: Gotlands län has no row; counted as not having answered " \
           "(n is at most 20 of 21)" in lines


def test_the_kept_sample_is_what_the_generator_makes():
    from slidegen.load.readers import read_document

    kept = read_document(DATA / "answers" / "enkat-2016.xlsx")
    assert kept.data["Svar"] == sample.rows(sample.draw())
    assert kept.data["Om filen"] == [[sample.NOTE]]


def typed_2015(project: Project) -> Survey:
    return Library(project).load(project.content / "survey-2015.yaml", Survey).model


def test_the_comparison_shows_both_numbers_per_method_and_missing_as_missing(built, drawn):
    project, path = built
    typed = typed_2015(project)
    described = " ".join(d for slide in read_deck(path) for d in slide.charts if d.startswith("Liggande stapeldiagram"))
    for number in range(1, 21):
        method = typed.method(number)
        before = method.results.done
        now, _ = expected(drawn, number)
        star = "*" if method.columns_uncertain else ""
        said = f"{number}. {method.short}{star}: 2015 {percent(before) if before is not None else 'uppgift saknas'}, " \
               f"2016 {percent(now['done'])}"
        assert said in described, number
    assert "uppgift saknas" in described and "2015 0\u00a0%" not in described  # missing is never 0
    assert "* 2015: osäkert vilket svar talet hör till (källan har tappat tomma celler)." in described
    ns = [expected(drawn, n)[1] for n in range(1, 21)]
    assert f"2016: n = {min(ns)}–{max(ns)} länsstyrelser per metod." in described


def test_the_native_comparison_has_both_series_with_missing_values_empty_and_marked(built, drawn):
    project, path = built
    typed = typed_2015(project)
    seen = set()
    for slide in Presentation(str(path)).slides:
        charts = [s.chart for s in slide.shapes if s.has_chart and s.chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED]
        if not charts:
            continue
        (chart,) = charts
        plot = chart.plots[0]
        old, new = list(plot.series)
        assert (old.name, new.name) == ("2015", "2016")
        missing = 0
        for i, category in enumerate(plot.categories):
            number = int(category.split(".")[0])
            before = typed.method(number).results.ongoing
            assert old.values[i] == before, number  # None (an empty point), never 0, where 2015 gives no share
            assert new.values[i] == expected(drawn, number)[0]["ongoing"], number
            missing += before is None
            seen.add(number)
        marks = [s for s in slide.shapes if s.name == "Chart mark"]
        assert len(marks) == missing and all(m.text_frame.text == "–" for m in marks)
    assert seen == set(range(21, 33))


@needs_soffice
def test_every_word_of_the_answers_deck_stays_inside_its_shape_in_two_themes(built, tmp_path):
    from overflow import overflow

    from slidegen.output.libreoffice import Deck, to_pdf

    project, path = built
    (loud,) = build(project, [project.content / "decks" / f"{DECK}.yaml"], theme="kontrast", out_dir=tmp_path)
    kontrast = loud.path.rename(tmp_path / f"{DECK}-kontrast.pptx")  # one LibreOffice run: names must differ
    decks = [Deck(p, len(Presentation(str(p)).slides)) for p in (path, kontrast)]
    for pptx, pdf in to_pdf(decks).items():
        assert overflow(pptx, pdf) == [], pptx
