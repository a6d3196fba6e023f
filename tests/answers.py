"""Fictional survey answers for tests: a 2016 survey like the 2015 one, its answers generated into an .xlsx sheet.

The answers are made up (a seeded random draw), never real survey results, and live only under tests/.
Run this file to write the sample kept in tests/data/answers/ (the README's picture shows its first rows).
"""

from __future__ import annotations

import random
from fractions import Fraction
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = Path(__file__).resolve().parent / "data" / "answers"
LABELS = {"done": "Genomfört", "ongoing": "På gång", "not_relevant": "Ej aktuellt"}
MISSING = "Gotland"
"""The county that has no row in the generated sheet."""

SHEET = "Svar"
NOTE = "Påhittade svar, genererade för slidegens tester. Inte verkliga enkätsvar."


def survey_2016(sheet: str | None = SHEET, file: str = "data/enkat-2016.xlsx") -> str:
    """The text of survey-2016.yaml: the methods of survey-2015.yaml, no typed shares, answers from the sheet."""
    text = (ROOT / "content" / "survey-2015.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\n\s+(results|columns_uncertain):.*", "", text)
    text = re.sub(r"(?m)^# (?!yaml-language-server).*\n|^#\n", "", text)  # the 2015 file's notes on its source
    text = text.replace("title: RUS enkät", "title: Påhittad uppföljning av RUS enkät", 1)
    answers = f"answers:\n  file: {file}\n" + (f"  sheet: {sheet}\n" if sheet else "")
    return text.replace("\ngroups:\n", f"\nshort: '2016'\n{answers}groups:\n", 1)


def draw(seed: int = 2016) -> dict[str, dict[int, str | None]]:
    """Every county's answer key (or None) per method 1–32, Gotland left out; about one cell in eight empty."""
    from slidegen.models.county import COUNTIES

    rng = random.Random(seed)
    out: dict[str, dict[int, str | None]] = {}
    for county in COUNTIES:
        if county.name == MISSING:
            continue
        row: dict[int, str | None] = {}
        for number in range(1, 33):
            row[number] = None if rng.random() < 0.12 else rng.choice(["done", "done", "ongoing", "ongoing", "not_relevant"])
        out[county.name] = row
    return out


def rows(answers: dict[str, dict[int, str | None]]) -> list[list[Any]]:
    """The sheet's rows: `Län`, Metod 1 … in the first row; each county's name, then its answers as text."""
    numbers = sorted({n for row in answers.values() for n in row})
    table: list[list[Any]] = [["Län", *(f"Metod {n}" for n in numbers)]]
    for name, row in answers.items():
        table.append([name, *(LABELS[row[n]] if row.get(n) else None for n in numbers)])
    return table


def write_xlsx(path: Path, table: list[list[Any]], sheet: str = SHEET, note: bool = True) -> Path:
    """An .xlsx workbook with the rows on `sheet` (and a sheet that says the answers are made up)."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in table:
        ws.append(row)
    ws.column_dimensions["A"].width = 18
    ws.freeze_panes = "B2"
    if note:
        book.create_sheet("Om filen")["A1"] = NOTE
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def install(content: Path, answers: dict[str, dict[int, str | None]] | None = None,
            table: list[list[Any]] | None = None, **survey: Any) -> Path:
    """survey-2016.yaml and data/enkat-2016.xlsx written into a project's content/; the sheet's path."""
    (content / "survey-2016.yaml").write_text(survey_2016(**survey), encoding="utf-8")
    return write_xlsx(content / "data" / "enkat-2016.xlsx", table or rows(answers or draw()))


def expected_shares(answers: dict[str, dict[int, str | None]], number: int) -> tuple[dict[str, int], int]:
    """The shares of one method computed here, apart from slidegen: Hare's largest remainder on whole per cent."""
    given = [row[number] for row in answers.values() if row.get(number)]
    n = len(given)
    exact = {key: Fraction(100 * given.count(key), n) for key in LABELS}
    shares = {key: int(v) for key, v in exact.items()}
    left = 100 - sum(shares.values())
    for key in sorted(LABELS, key=lambda k: (-(exact[k] - shares[k]), -given.count(k), list(LABELS).index(k)))[:left]:
        shares[key] += 1
    return shares, n


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    target = write_xlsx(SAMPLE / "enkat-2016.xlsx", rows(draw()))
    print(f"wrote {target.relative_to(ROOT)}")
