"""Chart pictures checked as drawn: every text inside the picture, no two texts on top of each other."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from slidegen.build import load, plan
from slidegen.plan.model import ChartBox, ChartSpec
from slidegen.render.chart_image import _figure

sys.path.insert(0, str(Path(__file__).resolve().parent / "pptx"))
from test_bar_charts import THEMES, _tripled, bars_project  # noqa: E402

TOLERANCE = 1.0
"""Pixels (at 72 dpi, so points) a text's box may reach past the picture's edge or into another's."""


def texts_of(spec: ChartSpec) -> tuple[list[tuple[str, tuple[float, float, float, float]]], tuple[float, float]]:
    """Every visible text of the drawn chart with its box (x0, y0, x1, y1) in points from the picture's bottom left."""
    fig = _figure(spec, 72)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    out = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        out.append((text.get_text(), (box.x0, box.y0, box.x1, box.y1)))
    return out, (fig.bbox.width, fig.bbox.height)


def charts(project) -> list[ChartSpec]:
    return [b.chart for deck in plan(load(project)) for s in deck.slides for b in s.boxes if isinstance(b, ChartBox)]


@pytest.fixture(scope="module", params=THEMES)
def bar_specs(request, tmp_path_factory) -> list[ChartSpec]:
    specs = []
    for change in (None, _tripled):
        project = bars_project(tmp_path_factory.mktemp(f"specs-{request.param}"), None, "image", change)
        deck = project.content / "decks" / "stapel-2017.yaml"
        deck.write_text(deck.read_text(encoding="utf-8").replace("theme: default", f"theme: {request.param}"), encoding="utf-8")
        specs += charts(project)
    return specs


def _overlap(a, b) -> bool:
    t = TOLERANCE
    return a[0] < b[2] - t and b[0] < a[2] - t and a[1] < b[3] - t and b[1] < a[3] - t


def test_bar_chart_texts_stay_inside_the_picture_and_apart(bar_specs):
    assert len(bar_specs) >= 22  # 10 charts, one continued on a second slide, and their tripled versions
    for spec in bar_specs:
        texts, (w, h) = texts_of(spec)
        assert len(texts) > len(spec.categories)
        for text, (x0, y0, x1, y1) in texts:
            assert x0 >= -TOLERANCE and y0 >= -TOLERANCE and x1 <= w + TOLERANCE and y1 <= h + TOLERANCE, (text, spec.description[:60])
        for (ta, a), (tb, b) in itertools.combinations(texts, 2):
            assert not _overlap(a, b), (ta, tb, spec.description[:60])


def test_survey_chart_texts_stay_inside_the_picture(tmp_path):
    specs = charts(copy_project(tmp_path))
    assert len(specs) >= 8
    for spec in specs:
        texts, (w, h) = texts_of(spec)
        for text, (x0, y0, x1, y1) in texts:
            assert x0 >= -TOLERANCE and y0 >= -TOLERANCE and x1 <= w + TOLERANCE and y1 <= h + TOLERANCE, text


def test_charts_are_drawn_in_the_themes_font_or_its_metric_twin_when_the_system_has_it():
    from matplotlib import font_manager

    from slidegen.render.chart_image import font_file

    system = {Path(p).name for p in font_manager.findSystemFonts()}
    if "Carlito-Regular.ttf" not in system:
        pytest.skip("Carlito is not installed (.ci/run installs it)")
    # also when matplotlib's own list of fonts was made before Carlito was installed
    assert Path(font_file("Calibri")).name == "Carlito-Regular.ttf"
    assert Path(font_file("Calibri", bold=True)).name == "Carlito-Bold.ttf"
    assert Path(font_file("No Such Font")).name == "DejaVuSans.ttf"
