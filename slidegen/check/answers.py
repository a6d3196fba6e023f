"""A survey's answer sheet read against the survey: counties, method numbers and answers checked, cell by cell."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from slidegen.errors import ContentError, Problem, Source, gather, suggest, suggest_from
from slidegen.format import ranges
from slidegen.load.document import Document
from slidegen.models.answers import Answers, MethodAnswers
from slidegen.models.bundle import Loaded
from slidegen.models.county import COUNTIES, County, county_names, find_county
from slidegen.models.survey import CATEGORY_KEYS, Survey

SHOWN_CHARS = 40
"""A cell's text is quoted in messages up to this many characters."""

_HEADER = re.compile(r"^(?:metod|method|nr\.?)?\s*(\d{1,3})(?:\s*[.:)]?(?:\s+.*)?)?$", re.IGNORECASE | re.DOTALL)
"""A method column's heading: `7`, `Metod 7`, `7. Uppdaterad miljöanalys`."""


def _key(text: str) -> str:
    """Case and spaces do not matter: `  på  GÅNG ` is `på gång`."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def quoted(value: Any) -> str:
    """A cell's value as a message quotes it: `"Genomfort"`, cut when long."""
    text = str(value).strip()
    if len(text) > SHOWN_CHARS:
        text = text[: SHOWN_CHARS - 1] + "…"
    return f'"{text}"'


@dataclass
class _Reading:
    """What reading one sheet has found so far."""

    doc: Source
    prefix: tuple[str, ...]
    """Where the sheet's rows are in the document's data: `("Svar",)` in a workbook, `()` in a CSV file."""
    survey: Loaded[Survey]
    problems: list[Problem]

    def problem(self, row: int, column: int, message: str) -> None:
        self.problems.append(self.doc.problem((*self.prefix, row, column), message))

    def where(self, row: int, column: int) -> str:
        """A cell as a message names it: `in A4` (a workbook), `on line 4` (a CSV file)."""
        at = self.doc.location((*self.prefix, row, column))
        return f"in {at.cell.split('!')[-1]}" if at.cell else f"on line {at.line}"


def _sheet(doc: Document, survey: Loaded[Survey]) -> tuple[tuple[str, ...], str, list[list[Any]]]:
    """The survey's sheet: where its rows are in the document, its name ('' in a CSV file), its rows (empty cells None)."""
    sheet = survey.model.answers
    assert sheet is not None
    if isinstance(doc.data, list):  # a CSV file: one sheet
        if sheet.sheet is not None:
            raise ContentError([survey.doc.problem(("answers", "sheet"), f"{doc.display} is a CSV file, which has no "
                                                   "sheets; remove `sheet:`")])
        return (), "", _cells(doc.data)
    names = list(doc.data)
    name = sheet.sheet
    if name is None:
        if not names:
            raise ContentError([doc.problem((), "the workbook has no sheets")])
        name = names[0]
    elif name not in names:
        near = {s.casefold(): s for s in names}.get(name.casefold())
        hint = f" — the sheet is called `{near}`" if near else suggest_from(name, names, "; its sheets are: ")
        raise ContentError([survey.doc.problem(("answers", "sheet"), f"there is no sheet `{name}` in {doc.display}{hint}")])
    return (name,), name, _cells(doc.data[name])


def _cells(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows with every empty cell (nothing, or only spaces) as None, as they look."""
    return [[None if v is None or (isinstance(v, str) and not v.strip()) else v for v in row] for row in rows]


def check_survey_answers(survey: Loaded[Survey]) -> list[Problem]:
    """A survey computed from a sheet has no typed shares: neither `results:` nor `columns_uncertain:` of its own."""
    if survey.model.answers is None:
        return []
    problems = []
    for gi, group in enumerate(survey.model.groups):
        for mi, method in enumerate(group.methods):
            at = ("groups", gi, "methods", mi)
            if "results" in method.model_fields_set:
                problems.append(survey.doc.problem((*at, "results"), "this survey's shares are computed from its "
                                                   f"answers ({survey.model.answers.file}); remove `results:`", key=True))
            if "columns_uncertain" in method.model_fields_set:
                problems.append(survey.doc.problem((*at, "columns_uncertain"), "`columns_uncertain` does not apply to "
                                                   "shares computed from answers; remove it", key=True))
    return problems


def answered_survey(survey: Loaded[Survey], doc: Document) -> tuple[Loaded[Survey], Loaded[Answers]]:
    """The survey with its shares computed from the answers in the sheet, and the answers; every problem at once."""
    problems = check_survey_answers(survey)
    answers = gather(problems, read_answers, doc, survey)
    if problems or answers is None:
        raise ContentError(problems)
    return Loaded(survey.doc, survey.model.with_results(answers.results())), Loaded(doc, answers)  # type: ignore[type-var]


def read_answers(doc: Document, survey: Loaded[Survey]) -> Answers:
    """Every board's answer to every method, from the sheet the survey names; ContentError with every problem."""
    prefix, name, rows = _sheet(doc, survey)
    if not rows or all(v is None for v in rows[0][1:]):
        raise ContentError([doc.problem(prefix, "the sheet has no method numbers in its first row; row 1 holds the "
                                        "method numbers (1, 2 … or Metod 1 …) from column B, column A the counties")])
    reading = _Reading(doc, prefix, survey, [])
    columns, numbered = _columns(reading, rows)
    counties = _counties(reading, rows)
    labels = {_key(c.label): key for key, c in zip(CATEGORY_KEYS, survey.model.categories.ordered())}
    answers: dict[int, dict[str, str]] = {number: {} for number in columns.values()}
    listed = ", ".join(c.label for c in survey.model.categories.ordered())
    for r, county in counties.items():
        for c, value in enumerate(rows[r]):
            if c not in numbered or value is None:
                continue  # a column without a method number is not read (its heading's problem says so)
            key = labels.get(_key(value)) if isinstance(value, str) else None
            if key is None:
                reading.problem(r, c, f"{quoted(value)} is not an answer; write one of {listed}, "
                                "or leave the cell empty")
            elif c in columns and county is not None:
                answers[columns[c]][county.code] = key
    if reading.problems:
        raise ContentError(reading.problems)
    codes = {county.code for county in counties.values() if county is not None}
    return Answers(
        file=doc.display,
        sheet=name,
        counties=tuple(c.code for c in COUNTIES if c.code in codes),
        methods={n: MethodAnswers(n, answers[n]) for n in sorted(answers)},
        notes=tuple(_notes(reading, columns, codes)),
    )


def _columns(reading: _Reading, rows: list[list[Any]]) -> tuple[dict[int, int], set[int]]:
    """The method number of each column (from index 1) that is in the survey, once: column → number;
    and every column headed by a number at all (its cells are checked even when the number is wrong)."""
    survey = reading.survey
    known = set(survey.model.numbers())
    seen: dict[int, int] = {}
    numbered: set[int] = set()
    for c, heading in enumerate(rows[0]):
        if c == 0:
            continue
        if heading is None:
            if any(row[c] is not None for row in rows[1:]):
                reading.problem(0, c, "this column has answers but no method number; write the method's number "
                                "in row 1 (like 7 or Metod 7)")
            continue
        match = _HEADER.match(str(heading).strip()) if isinstance(heading, (str, int)) else None
        if match is None or isinstance(heading, bool):
            reading.problem(0, c, f"{quoted(heading)} is not a method number; write the method's number, "
                            "like 7 or Metod 7")
            continue
        number = int(match[1])
        numbered.add(c)
        if number not in known:
            reading.problem(0, c, f"method {number} is not in {survey.doc.display} (it has {ranges(sorted(known))})")
        elif number in seen.values():
            first = next(k for k, v in seen.items() if v == number)
            reading.problem(0, c, f"method {number} is here a second time (first {reading.where(0, first)}); "
                            "keep one column per method")
        else:
            seen[c] = number
    return seen, numbered


def _counties(reading: _Reading, rows: list[list[Any]]) -> dict[int, County | None]:
    """The county of each row that has anything in it (None where it is wrong): row → county."""
    out: dict[int, County | None] = {}
    first: dict[str, int] = {}
    for r in range(1, len(rows)):
        name = rows[r][0]
        if all(v is None for v in rows[r]):
            continue
        out[r] = None
        if name is None:
            reading.problem(r, 0, "this row has answers but no county; write the county in column A "
                            "(like Skåne, Skåne län or M)")
            continue
        county = find_county(name) if isinstance(name, str) else None
        if county is None:
            reading.problem(r, 0, f"{quoted(name)} is not one of Sweden's 21 counties"
                            + suggest(str(name).strip(), county_names()))
        elif county.code in first:
            reading.problem(r, 0, f"{county.county} is here a second time (first {reading.where(first[county.code], 0)}); "
                            "keep one row per county")
        else:
            first[county.code] = r
            out[r] = county
    return out


def _notes(reading: _Reading, columns: dict[int, int], codes: set[str]) -> list[str]:
    """What is worth knowing but not wrong: counties with no row, methods with no column."""
    where = str(reading.doc.location(reading.prefix))
    notes = []
    missing = [c for c in COUNTIES if c.code not in codes]
    if missing:
        names = ", ".join(c.county for c in missing)
        notes.append(f"{where}: {names} {'has' if len(missing) == 1 else 'have'} no row; counted as not having "
                     f"answered (n is at most {len(codes)} of {len(COUNTIES)})")
    absent = [n for n in reading.survey.model.numbers() if n not in columns.values()]
    if absent:
        one = len(absent) == 1
        notes.append(f"{where}: method{'' if one else 's'} {ranges(absent)} {'has' if one else 'have'} no column; "
                     f"{'its' if one else 'their'} shares are shown as not given")
    return notes
