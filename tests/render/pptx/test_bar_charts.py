"""Bar charts in built decks, in every theme and with both renderers: the values of the YAML and CSV files, missing
values missing (never 0), Swedish numbers, the theme's palette, alt texts, valid and accessible files."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, needs_soffice
from deckread import read_deck
from openxml_audit import FileFormat, OpenXmlValidator
from overflow import overflow
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from slidegen.build import build
from slidegen.check.library import Library
from slidegen.commands.audit import audit
from slidegen.models.theme import Theme
from slidegen.output.libreoffice import Deck, to_pdf
from slidegen.project import Project

BARS = ROOT / "tests" / "data" / "bars"
DECK = "stapel-2017"
THEMES = sorted(p.parent.name for p in (ROOT / "themes").glob("*/theme.yaml"))
NB = "\u00a0"
TYPES = {
    (direction, layout): getattr(XL_CHART_TYPE, f"{'COLUMN' if direction == 'vertical' else 'BAR'}_{kind}")
    for direction in ("vertical", "horizontal")
    for layout, kind in (("grouped", "CLUSTERED"), ("stacked", "STACKED"), ("percent", "STACKED_100"))
}
"""The PowerPoint chart each direction and layout must give: columns stand, bars lie."""


def bars_project(dest: Path, chart_cache: Path | None, renderer: str = "image", change=None) -> Project:
    """The test deck of bar charts and its CSV files as a project, its charts drawn by `renderer`."""
    shutil.copytree(BARS, dest / "content")
    shutil.copytree(ROOT / "themes", dest / "themes")
    if chart_cache is not None:
        (dest / "output" / ".cache").mkdir(parents=True)
        (dest / "output" / ".cache" / "charts").symlink_to(chart_cache, target_is_directory=True)
    deck = dest / "content" / "decks" / f"{DECK}.yaml"
    data = yaml.safe_load(deck.read_text(encoding="utf-8"))
    data["charts"] = renderer
    if change:
        change(data)
    deck.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Project.at(dest)


@pytest.fixture(scope="module", params=[(t, r) for t in THEMES for r in ("image", "native")], ids=lambda p: "-".join(p))
def built(request, tmp_path_factory, chart_cache) -> tuple[Theme, str, Project, Path]:
    theme, renderer = request.param
    project = bars_project(tmp_path_factory.mktemp(f"bars-{theme}-{renderer}"), chart_cache, renderer)
    (deck,) = build(project, theme=theme)
    loaded = Library(project).theme(project.themes / theme / "theme.yaml").model
    return loaded, renderer, project, deck.path


def _number(text: str) -> float | None:
    """A number as the test CSV files write it (an independent reading, not slidegen's)."""
    text = text.strip().rstrip("%").strip().replace(" ", "").replace("\u2212", "-").replace(",", ".")
    return float(text) if text else None


def expected_charts(project: Project) -> list[dict]:
    """Every bar_chart slide of the deck with its categories, series names and values, from the YAML or its CSV."""
    deck = yaml.safe_load((project.content / "decks" / f"{DECK}.yaml").read_text(encoding="utf-8"))
    out = []
    for slide in deck["slides"]:
        if slide["kind"] != "bar_chart":
            continue
        chart = {"title": slide["title"], "layout": slide.get("layout", "grouped"),
                 "direction": slide.get("direction", "vertical"), "unit": slide.get("unit")}
        if "source" in slide:
            text = (project.content / slide["source"]).read_text(encoding="utf-8-sig")
            rows = list(csv.reader(io.StringIO(text), delimiter=";" if ";" in text.splitlines()[0] else ","))
            chart["categories"] = [r[0] for r in rows[1:]]
            chart["names"] = rows[0][1:]
            chart["values"] = [[_number(r[j]) for r in rows[1:]] for j in range(1, len(rows[0]))]
            chart["unit"] = chart["unit"] or ("%" if "%" in text else None)
        else:
            chart["categories"] = slide["categories"]
            chart["names"] = [s["name"] for s in slide["series"]]
            chart["values"] = [[None if v is None else float(v) for v in s["values"]] for s in slide["series"]]
        out.append(chart)
    return out


def slides_of(path: Path, title: str) -> list:
    """The slides showing one chart: its title, or its title with (1/2), (2/2) …"""
    return [s for s in Presentation(str(path)).slides
            if re.fullmatch(re.escape(title) + r"( \(\d+/\d+\))?", s.shapes.title.text_frame.text)]


def sv(value: float, decimals: int, unit: str | None) -> str:
    """A value as the charts must write it: `1 350,0 tkr`, `−3,5 tkr` (written independently of slidegen)."""
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = NB.join(groups) + ("," + frac if frac else "")
    return ("\u2212" if value < 0 else "") + text + (f"{NB}{unit}" if unit else "")


def decimals(values: list[list[float | None]]) -> int:
    known = [v for s in values for v in s if v is not None]
    return next(d for d in range(3) if all(abs(v * 10**d - round(v * 10**d)) < 1e-6 for v in known) or d == 2)


def test_the_deck_has_every_kind_of_bar_chart(built):
    _, _, project, path = built
    charts = expected_charts(project)
    assert {(c["direction"], c["layout"]) for c in charts} == set(TYPES)
    for chart in charts:
        assert slides_of(path, chart["title"]), chart["title"]


def test_native_series_values_are_the_yaml_and_csv_values(built):
    theme, renderer, project, path = built
    if renderer != "native":
        pytest.skip("image charts have no series to read")
    palette = theme.colours.chart.series()
    for chart in expected_charts(project):
        frames = [sh for slide in slides_of(path, chart["title"]) for sh in slide.shapes if sh.has_chart]
        assert frames
        categories: list[str] = []
        values: list[list[float | None]] = [[] for _ in chart["names"]]
        for frame in frames:
            assert frame.chart.chart_type == TYPES[(chart["direction"], chart["layout"])], chart["title"]
            plot = frame.chart.plots[0]
            categories += [c.replace("\n", " ") for c in plot.categories]
            assert [s.name for s in plot.series] == chart["names"]
            for j, series in enumerate(plot.series):
                values[j] += list(series.values)
                fill = series.format.fill
                if j < len(palette):
                    assert str(fill.fore_color.rgb) == palette[j][1:].upper()
                else:  # the palette repeats, hatched
                    assert str(fill.back_color.rgb) == palette[j % len(palette)][1:].upper()
        assert categories == chart["categories"], chart["title"]
        assert values == chart["values"], chart["title"]


def test_native_missing_values_are_empty_points_never_zero(built):
    _, renderer, project, path = built
    if renderer != "native":
        pytest.skip("image charts have no points to read")
    for chart in expected_charts(project):
        zeros_expected = sum(v == 0 for s in chart["values"] for v in s)
        zeros = 0
        missing = 0
        for slide in slides_of(path, chart["title"]):
            for frame in (sh for sh in slide.shapes if sh.has_chart):
                space = frame.chart._chartSpace
                assert space.find(".//" + qn("c:dispBlanksAs")).get("val") == "gap"
                count = len(frame.chart.plots[0].categories)
                for val in space.iter(qn("c:val")):
                    points = val.findall(".//" + qn("c:pt"))
                    missing += count - len(points)
                    zeros += sum(float(p.find(qn("c:v")).text) == 0 for p in points)
        assert missing == sum(v is None for s in chart["values"] for v in s), chart["title"]
        assert zeros == zeros_expected, chart["title"]


def test_native_labels_and_axis_write_numbers_the_swedish_way(built):
    _, renderer, project, path = built
    if renderer != "native":
        pytest.skip("image charts draw their labels into the picture")
    budget = next(c for c in expected_charts(project) if c["title"].startswith("Budget"))
    (frame,) = [sh for s in slides_of(path, budget["title"]) for sh in s.shapes if sh.has_chart]
    formats = {e.get("formatCode") for e in frame.chart._chartSpace.iter(qn("c:numFmt"))}
    assert f'#,##0.0"{NB}tkr";"\u2212"#,##0.0"{NB}tkr"' in formats  # grouped digits, a real minus, the unit
    assert '#,##0;"\u2212"#,##0' in formats
    answers = next(c for c in expected_charts(project) if c["title"].startswith("Svar"))
    (frame,) = [sh for s in slides_of(path, answers["title"]) for sh in s.shapes if sh.has_chart]
    formats = {e.get("formatCode") for e in frame.chart._chartSpace.iter(qn("c:numFmt"))}
    assert f'#,##0.0"{NB}%";"\u2212"#,##0.0"{NB}%"' in formats and f'#,##0"{NB}%";"\u2212"#,##0"{NB}%"' in formats


def test_a_missing_value_is_marked_where_its_bar_would_be(built):
    _, renderer, project, path = built
    for chart in expected_charts(project):
        slides = slides_of(path, chart["title"])
        marks = [sh for s in slides for sh in s.shapes if sh.name == "Chart mark"]
        lacking = [i for i in range(len(chart["categories"])) if any(s[i] is None for s in chart["values"])]
        if renderer == "image":
            assert marks == []  # drawn into the picture
            continue
        if chart["layout"] == "grouped":
            assert [m.text_frame.text for m in marks] == ["–"] * sum(v is None for s in chart["values"] for v in s)
        else:
            assert len(marks) == len(lacking), chart["title"]
            assert all("–" in m.text_frame.text for m in marks)
        for slide in slides:
            frame = next(sh for sh in slide.shapes if sh.has_chart)
            for mark in (sh for sh in slide.shapes if sh.name == "Chart mark"):
                assert frame.left <= mark.left and mark.left + mark.width <= frame.left + frame.width
                assert frame.top <= mark.top and mark.top + mark.height <= frame.top + frame.height


def test_a_percent_bar_whose_shares_are_unknown_is_not_drawn_but_keeps_its_values(built):
    _, renderer, project, path = built
    if renderer != "native":
        pytest.skip("the picture simply leaves the bar out")
    chart = next(c for c in expected_charts(project) if c["layout"] == "percent" and c["direction"] == "vertical")
    (frame,) = [sh for s in slides_of(path, chart["title"]) for sh in s.shapes if sh.has_chart]
    skane = chart["categories"].index("Skåne")
    for ser in frame.chart._chartSpace.iter(qn("c:ser")):
        points = {int(d.find(qn("c:idx")).get("val")): d for d in ser.findall(qn("c:dPt"))}
        assert points[skane].find(f"{qn('c:spPr')}/{qn('a:noFill')}") is not None
    marks = [sh.text_frame.text for s in slides_of(path, chart["title"]) for sh in s.shapes if sh.name == "Chart mark"]
    assert marks == ["–"]  # the slot is too narrow for the values; the alt text gives them


def test_alt_texts_carry_every_category_and_value(built):
    _, _, project, path = built
    deck = read_deck(path)
    for chart in expected_charts(project):
        titles = {s.shapes.title.text_frame.text for s in slides_of(path, chart["title"])}
        alts = [alt for s in deck if s.title in titles for alt in s.charts]
        assert len(alts) == len(titles)
        joined = " ".join(alts)
        assert joined.startswith(("Stapeldiagram", "Liggande stapeldiagram"))
        d = decimals(chart["values"])
        several = len(chart["names"]) > 1
        for i, category in enumerate(chart["categories"]):
            said = [
                (f"{name} " if several else "") + ("uppgift saknas" if s[i] is None else sv(s[i], d, chart["unit"]))
                for name, s in zip(chart["names"], chart["values"])
            ]
            if chart["layout"] != "percent":
                assert f"{category}{': ' if several else ' '}{', '.join(said)}" in joined, (chart["title"], category)
            else:
                assert category in joined and all(part in joined for part in said)


def test_image_charts_are_drawn_in_the_theme_palette(built):
    theme, renderer, project, path = built
    if renderer != "image":
        pytest.skip("native charts are checked by their fills")
    first = next(c for c in expected_charts(project) if c["title"] == "Goda exempel per län")
    (picture,) = [sh for s in slides_of(path, first["title"]) for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE
                  and sh.name == "Chart"]
    image = Image.open(io.BytesIO(picture.image.blob)).convert("RGB")
    colours = {rgb for _, rgb in image.getcolors(maxcolors=1 << 20)}
    wanted = {tuple(int(h[i:i + 2], 16) for i in (1, 3, 5)) for h in theme.colours.chart.series()[:2]}
    assert wanted <= colours


def test_accessibility_audit_and_openxml_audit_find_nothing(built):
    _, _, _, path = built
    assert audit(path) == []
    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2016).validate(path)
    assert result.is_valid and not result.errors, [str(e) for e in result.errors[:5]]


def _tripled(data: dict) -> None:
    """Every title and category three times as long: the stress version of the deck."""
    for slide in data["slides"]:
        if slide["kind"] != "bar_chart":
            continue
        slide["title"] = " ".join([slide["title"]] * 3)
        if "categories" in slide:
            slide["categories"] = [" ".join([c] * 3) for c in slide["categories"]]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, chart_cache) -> dict[Path, bytes]:
    """The deck with both renderers in every theme, and its tripled version, converted to PDF in one run."""
    decks = []
    folder = tmp_path_factory.mktemp("rendered")
    for theme in THEMES:
        for renderer in ("image", "native"):
            for change in (None, _tripled):
                name = f"{theme}-{renderer}-{'stress' if change else 'plain'}"
                project = bars_project(tmp_path_factory.mktemp(name), chart_cache, renderer, change)
                (deck,) = build(project, theme=theme)
                decks.append(shutil.copy(deck.path, folder / f"{name}.pptx"))
    return to_pdf([Deck(p, len(Presentation(str(p)).slides)) for p in decks])


@needs_soffice
def test_no_word_overflows_in_any_theme_or_renderer_even_with_tripled_texts(rendered):
    assert len(rendered) == len(THEMES) * 4
    for pptx, pdf in rendered.items():
        assert overflow(pptx, pdf) == [], pptx.name
