"""The SVG slides against LibreOffice's PDF: the same words on every line, each baseline within 3 pt.

Both shipped decks and the deck of the general kinds (tests/data/kinds; with them every slide kind)
in every shipped theme, converted in one LibreOffice run. This is also a check of
the planner's measuring: the lines are the planner's wrapping (plan/text.drawn_lines).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, needs_soffice
from kinds import kinds_project
from overflow import Word, page_words

from slidegen.build import build, load, plan
from slidegen.output.libreoffice import Deck, to_pdf
from slidegen.plan.lines import SetLine, set_table, set_text
from slidegen.plan.model import DeckPlan, TableBox, TextBox
from slidegen.plan.text import Fonts
from slidegen.project import Project
from slidegen.units import Rect, to_pt

THEMES = sorted(p.parent.name for p in (ROOT / "themes").glob("*/theme.yaml"))
BASELINE_PT = 3.0
SHARE = 0.98
"""The share of lines that must be LibreOffice's (98.2 % of 1,655 when this was written). The lines that
differ have a last word within 0.2 % of the width, where LibreOffice's glyph positions, rounded to its
layout grid, come out a little narrower or wider than the fonts' advance widths; twenty of the 29 are one
table header, repeated on every page of a table in the kontrast theme."""


@dataclass(frozen=True)
class Compared:
    """One planned line and what LibreOffice drew nearest its baseline inside the same box."""

    where: str
    want: tuple[str, ...]
    got: tuple[str, ...]
    offset: float | None

    @property
    def same(self) -> bool:
        return self.want == self.got and self.offset is not None and abs(self.offset) <= BASELINE_PT


def planned_lines(deck: DeckPlan, project: Project, theme: str) -> list[list[tuple[str, Rect, SetLine]]]:
    """Every line of every slide where the SVG draws it: (box name, its frame, the line)."""
    bundle = load(project, theme=theme)[0]
    unknown = bundle.theme.model.fonts.measure_unknown_as
    out = []
    for slide in deck.slides:
        lines = []
        for box in (slide.title, *slide.boxes):
            if isinstance(box, TextBox):
                lines += [(box.name, box.frame, line) for line in set_text(box, Fonts.of(box.family, unknown)[0])]
            elif isinstance(box, TableBox):
                for cell in set_table(box, Fonts.of(box.style.family, unknown)[0]):
                    lines += [(f"{box.name} row {cell.row}", cell.frame, line) for line in cell.lines]
        out.append(lines)
    return out


def compare(where: str, frame: Rect, line: SetLine, words: list[Word]) -> Compared:
    """The planned line against the words LibreOffice drew inside the frame on the baseline nearest the line's."""
    x0, x1 = to_pt(frame.x) - 2, to_pt(frame.right) + 2
    y0, y1 = to_pt(frame.y) - 4, to_pt(frame.bottom) + 8
    inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= w.baseline <= y1
              and not (line.marker and w.text == line.marker and w.x1 <= line.x + 1)]
    want = tuple(line.line.text.split())
    if not inside:
        return Compared(where, want, (), None)
    nearest = min(inside, key=lambda w: abs(w.baseline - line.baseline))
    got = tuple(w.text for w in sorted((w for w in inside if abs(w.baseline - nearest.baseline) < 0.6), key=lambda w: w.x0))
    return Compared(where, want, got, nearest.baseline - line.baseline)


@pytest.fixture(scope="module")
def compared(tmp_path_factory, chart_cache) -> dict[str, list[Compared]]:
    """Every planned line of the decks in every theme, compared with LibreOffice's PDF of the built deck."""
    projects = [copy_project(tmp_path_factory.mktemp("lines"), chart_cache),
                kinds_project(tmp_path_factory.mktemp("kinds"), chart_cache)]
    decks, plans = [], {}
    for project in projects:
        for theme in THEMES:
            for b in build(project, out_dir=project.output / theme, theme=theme):
                named = b.path.replace(project.output / f"{theme}-{b.path.name}")  # one folder of PDFs: names apart
                decks.append(Deck(named, b.slides))
            for deck_plan in plan(load(project, theme=theme)):
                plans[project.output / f"{theme}-{deck_plan.name}.pptx"] = (project, theme, deck_plan)
    pdfs = to_pdf(decks)
    result: dict[str, list[Compared]] = {}
    for pptx, pdf in pdfs.items():
        project, theme, deck_plan = plans[pptx]
        key = f"{theme}/{deck_plan.name}"
        result[key] = []
        for n, (lines, words) in enumerate(zip(planned_lines(deck_plan, project, theme), page_words(pdf)), start=1):
            result[key] += [compare(f"{key} slide {n} {name}", frame, line, words) for name, frame, line in lines]
    return result


@needs_soffice
def test_the_lines_are_libreoffices_lines(compared):
    lines = [c for cs in compared.values() for c in cs]
    assert len(compared) == 3 * len(THEMES) and len(lines) > 1000
    differ = [c for c in lines if not c.same]
    share = 1 - len(differ) / len(lines)
    report = "\n".join(f"{c.where}: {' '.join(c.want)!r} / LibreOffice {' '.join(c.got)!r} "
                       f"({'no words' if c.offset is None else f'{c.offset:+.1f} pt'})" for c in differ)
    assert share >= SHARE, f"{share:.1%} of {len(lines)} lines are LibreOffice's:\n{report}"


@needs_soffice
def test_the_baselines_are_where_libreoffice_puts_them(compared):
    """Where the words agree, the baseline is LibreOffice's, within 3 pt (in fact much closer)."""
    agreeing = [c for cs in compared.values() for c in cs if c.want == c.got]
    assert all(abs(c.offset) <= BASELINE_PT for c in agreeing), [c for c in agreeing if abs(c.offset) > BASELINE_PT]
    assert sorted(abs(c.offset) for c in agreeing)[len(agreeing) // 2] < 0.5, "the median is under half a point"
