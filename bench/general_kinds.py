"""The general slide kinds at scale: a generated deck of pictures, tables, columns, quotes and closing slides.

    .venv/bin/python bench/general_kinds.py [SLIDES ...]        (default: 30 300)

Prints, per deck size, the median seconds of load, plan and render over three runs (each stage
should grow no faster than the number of slides), and the time to plan one table of 300 rows.
"""

from __future__ import annotations

import copy
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from kinds import deck_data, deck_file, kinds_project, stress_rows  # noqa: E402

from slidegen.build import chart_cache, load, plan  # noqa: E402
from slidegen.cli import GC_THRESHOLD  # noqa: E402
from slidegen.render.pptx.deck import render_deck  # noqa: E402

REPEATS = 3


def generated(project, slides: int) -> None:
    """The test deck's slides (the title slide aside) repeated, with numbered titles, to `slides` slides."""
    data = deck_data(project)
    kinds = [s for s in data["slides"] if s["kind"] != "title"]
    out = [data["slides"][0]]
    n = 0
    while len(out) < slides:
        slide = copy.deepcopy(kinds[n % len(kinds)])
        n += 1
        slide["title"] = f"{slide.get('title', 'Citat')} {n}"  # every title its own
        out.append(slide)
    data["slides"] = out
    deck_file(project).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def timed(project) -> dict[str, float]:
    t0 = time.perf_counter()
    (bundle,) = load(project)
    t1 = time.perf_counter()
    (deck,) = plan([bundle])
    t2 = time.perf_counter()
    render_deck(deck, bundle.theme.model, chart_cache(project).png)
    t3 = time.perf_counter()
    return {"load": t1 - t0, "plan": t2 - t1, "render": t3 - t2, "slides": len(deck.slides)}


def table_of_300(project) -> float:
    data = deck_data(project)
    data["slides"] = [{"kind": "table", "title": "Trehundra rader", "columns": ["Post", "2016", "2017", "Förändring"],
                       "rows": stress_rows(300)}]
    deck_file(project).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (bundle,) = load(project)
    runs = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        plan([bundle])
        runs.append(time.perf_counter() - t0)
    return min(runs)


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="slidegen-kinds-") as tmp:
        print("| slides | load | plan | render |\n|---|---|---|---|")
        for size in sizes:
            project = kinds_project(Path(tmp) / f"p{size}")
            generated(project, size)
            runs = [timed(project) for _ in range(REPEATS)]
            median = {k: statistics.median(r[k] for r in runs) for k in ("load", "plan", "render")}
            print(f"| {runs[0]['slides']} | {median['load']:.3f} s | {median['plan']:.3f} s | {median['render']:.3f} s |")
        print(f"\nplanning one table of 300 rows: {table_of_300(kinds_project(Path(tmp) / 't')) * 1000:.0f} ms")


if __name__ == "__main__":
    gc.set_threshold(*GC_THRESHOLD)  # as the slidegen command sets it
    main([int(a) for a in sys.argv[1:]] or [30, 300])
