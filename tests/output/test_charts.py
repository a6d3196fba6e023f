"""The chart cache: a chart is drawn once, then read back, and drawn again when what decides it changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from slidegen.build import load, plan
from slidegen.output import charts
from slidegen.output.charts import ChartCache
from slidegen.plan.model import ChartBox


def _first_chart(project):
    bundles = load(project, [project.content / "decks" / "skype-2016-10-28.yaml"])
    (deck,) = plan(bundles)
    return next(b.chart for s in deck.slides for b in s.boxes if isinstance(b, ChartBox))


def test_a_chart_is_drawn_once_and_then_read_from_the_cache(project, tmp_path: Path, monkeypatch):
    spec = _first_chart(project)
    cache = ChartCache(tmp_path / "charts")
    first = cache.png(spec)
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(list((tmp_path / "charts").glob("*.png"))) == 1
    drawn = []
    import slidegen.render.chart_image as chart_image

    monkeypatch.setattr(chart_image, "draw", lambda *a: drawn.append(a) or b"never")
    assert cache.png(spec) == first and drawn == []
    changed = replace(spec, caption="Ny rubrik")
    assert cache.png(changed) == b"never" and len(drawn) == 1
    assert len(list((tmp_path / "charts").glob("*.png"))) == 2


def test_without_a_folder_nothing_is_kept(project, monkeypatch):
    spec = _first_chart(project)
    import slidegen.output.files as files

    monkeypatch.setattr(files, "write_atomic", lambda *a: (_ for _ in ()).throw(AssertionError("written")))
    assert ChartCache(None).file(spec, "svg").lstrip().startswith(b"<?xml")


def test_a_font_installed_later_changes_what_decides_the_pictures(tmp_path: Path, monkeypatch):
    fonts = tmp_path / "fonts"
    (fonts / "truetype").mkdir(parents=True)
    monkeypatch.setattr(charts, "font_folders", lambda: [fonts])
    before = charts._fonts_state()
    (fonts / "truetype" / "crosextra").mkdir()  # a font package installs its folder
    after = charts._fonts_state()
    assert before != after and len(after) == len(before) + 1
