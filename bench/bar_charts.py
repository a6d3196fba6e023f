"""The bar-chart part of the new kinds' benchmark: generated decks of bar charts, stage by stage, and the planner alone.

    .venv/bin/python bench/bar_charts.py [--sizes 30,300] [--reps 3]

A deck of N slides: a title, then bar charts of every layout and direction in turn, their data
written in the deck or read from CSV files (one of them 21 counties long, continued on a second
slide), with missing values; image and native charts alternate. The chart cache is warmed by a
first build (ten distinct pictures per layout and direction, each drawn once), as in bench/run.py's
scaling decks. Prints markdown tables: each stage's time (bench/stages.py, fresh processes,
medians), its cost per slide from one size to the next (1.00 = linear), and the planner alone on
one bar chart of 21 categories. `bar_slides()` gives the slides to a combined deck of the new kinds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from measure import repeat, run  # noqa: E402

PY = sys.executable
COUNTIES = ["Stockholms län", "Uppsala län", "Södermanlands län", "Östergötlands län", "Jönköpings län",
            "Kronobergs län", "Kalmar län", "Gotlands län", "Blekinge län", "Skåne län", "Hallands län",
            "Västra Götalands län", "Värmlands län", "Örebro län", "Västmanlands län", "Dalarnas län",
            "Gävleborgs län", "Västernorrlands län", "Jämtlands län", "Västerbottens län", "Norrbottens län"]
SHAPES = [(layout, direction) for layout in ("grouped", "stacked", "percent") for direction in ("vertical", "horizontal")]
VARIANTS = 10
"""Distinct data sets per layout and direction: the pictures drawn once each, then taken from the cache."""


def write_csvs(content: Path) -> list[str]:
    """The CSV files the generated slides read (Swedish Excel style), relative to content/."""
    folder = content / "data"
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for v in range(VARIANTS):
        rows = ["Län;2016;2017"] + [
            f"{c};{'' if (i + v) % 9 == 0 else (i * 7 + v) % 40};{(i * 3 + v) % 25},5" for i, c in enumerate(COUNTIES)
        ]
        path = folder / f"kommuner-{v}.csv"
        path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8-sig")
        names.append(f"data/kommuner-{v}.csv")
    return names


def bar_slides(count: int, csvs: list[str], start: int = 1) -> list[dict]:
    """`count` bar_chart slides, every layout and direction in turn; every third from a CSV file."""
    out = []
    for i in range(start, start + count):
        layout, direction = SHAPES[i % len(SHAPES)]
        v = (i // len(SHAPES)) % VARIANTS
        slide: dict = {"kind": "bar_chart", "title": f"Stapeldiagram {i}", "layout": layout, "direction": direction,
                       "renderer": "native" if i % 2 else "image"}
        if i % 3 == 0:
            slide["source"] = csvs[v % len(csvs)]
        else:
            slide["categories"] = ["Stockholm", "Uppsala", "Skåne", "Halland", "Gotland"]
            slide["series"] = [
                {"name": str(2015 + j), "values": [None if (k + j + v) % 7 == 0 else float((k * 3 + j + v) % 11 + 1)
                                                   for k in range(5)]}
                for j in range(3)
            ]
            slide["unit"] = "st"
        out.append(slide)
    return out


def make_project(dest: Path, slides: int) -> Path:
    """A project of the shipped themes with content/decks/bars-N.yaml of `slides` slides; the deck's path."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ROOT / "themes", dest / "themes")
    content = dest / "content"
    (content / "decks").mkdir(parents=True)
    deck = {
        "meeting": {"title": f"Stapeldiagram i {slides} bilder", "date": "2017-04-20", "organisation": "Benchmark"},
        "theme": "default",
        "slides": [{"kind": "title", "subtitle": "Genererat innehåll"}, *bar_slides(slides - 1, write_csvs(content))],
    }
    path = content / "decks" / f"bars-{slides}.yaml"
    path.write_text(yaml.safe_dump(deck, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def plan_one(reps: int) -> dict[str, float]:
    """The planner alone on one grouped chart of 21 counties × 2 series (in this process): median ms."""
    from slidegen.check.library import Library
    from slidegen.errors import Location
    from slidegen.models.slides.charts import ChartData, Named, Point
    from slidegen.plan.bars import bar_charts
    from slidegen.plan.text import Fonts
    from slidegen.project import Project
    from slidegen.units import Rect, cm

    project = Project.at(ROOT)
    theme = Library(project).theme(project.themes / "default" / "theme.yaml").model
    fonts, _ = Fonts.of(theme.fonts.body)
    here = Location("bench", 1, 1)
    data = ChartData(tuple(Named(c, here) for c in COUNTIES), (Named("2016", here), Named("2017", here)),
                     tuple(tuple(Point(float((i * k) % 17) or None, here) for i in range(21)) for k in (3, 5)), "st")
    out = {}
    for layout, direction in SHAPES:
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            bar_charts(data, layout, direction, Rect(0, 0, cm(30.8), cm(12.8)), theme, fonts)
            times.append(time.perf_counter() - t0)
        out[f"{layout} {direction}"] = statistics.median(times) * 1000
    return out


def in_process(root: Path, deck: Path, reps: int) -> dict[str, float]:
    """Loading and planning the deck again and again in this process: the fastest of `reps` runs (seconds),
    which a loaded machine disturbs least; a fresh Library each time, so nothing is remembered between runs."""
    from slidegen.build import load, plan
    from slidegen.project import Project

    project = Project.at(root)
    best = {"load": float("inf"), "plan": float("inf")}
    for _ in range(reps):
        t0 = time.perf_counter()
        bundles = load(project, [deck])
        t1 = time.perf_counter()
        plan(bundles)
        t2 = time.perf_counter()
        best = {"load": min(best["load"], t1 - t0), "plan": min(best["plan"], t2 - t1)}
    return best


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="slidegen-bars-"))
    # children run as after a normal install: with a bytecode cache (kept in the temp folder)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": str(tmp / "pycache")}
    stages = ("import", "load", "plan", "render", "write")
    per_slide, rows = {}, []
    try:
        for n in sizes:
            root = tmp / f"bars-{n}"
            deck = make_project(root, n)
            out = tmp / f"bars-{n}-out"
            t0 = time.perf_counter()
            first = json.loads(run([PY, str(BENCH / "stages.py"), str(root), str(deck), str(out)], env, ROOT).out)
            cold = time.perf_counter() - t0
            samples = repeat([PY, str(BENCH / "stages.py"), str(root), str(deck), str(out)], env, args.reps)
            medians = {s: statistics.median(json.loads(x.out)[s] for x in samples) for s in stages}
            slides = first["slides"]
            per_slide[n] = {s: medians[s] / slides for s in ("load", "plan", "render", "write")}
            fastest = in_process(root, deck, args.reps + 2)
            per_slide[n] |= {f"{s} (in process)": fastest[s] / slides for s in fastest}
            rows.append([f"{n - 1} charts → {slides} slides", f"{cold:.2f} s",
                         " · ".join(f"{medians[s] * 1000:.0f}" for s in stages),
                         f"{fastest['load'] * 1000:.0f} · {fastest['plan'] * 1000:.0f}",
                         f"{fastest['plan'] / slides * 1000:.2f} ms"])
        lines = ["| deck | first build (cache empty) | warm, ms: import · load · plan · render · write "
                 "(fresh processes, medians) | in process, ms: load · plan (fastest) | plan per slide |",
                 "|---|---|---|---|---|", *("| " + " | ".join(r) + " |" for r in rows), ""]
        columns = ("load", "plan", "render", "write", "load (in process)", "plan (in process)")
        lines += ["| slides | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
        for a, b in zip(sizes, sizes[1:]):
            lines.append(f"| {a} → {b} | " + " | ".join(f"{per_slide[b][s] / per_slide[a][s]:.2f}" for s in columns) + " |")
        lines += ["", "| one chart of 21 counties × 2 series | planned in (median of 20) |", "|---|---|"]
        lines += [f"| {k} | {v:.1f} ms |" for k, v in plan_one(20).items()]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
