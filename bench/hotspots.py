"""Where python-pptx grows faster than the deck: slidegen's render of generated decks, profiled.

    .venv/bin/python bench/hotspots.py [N ...]        (default: 300 1000)

For each size the render stage runs twice: with python-pptx's own numbering of new parts
(`prs.slides.add_slide`, `OpcPackage.next_partname`, …) and with slidegen's counted one
(slidegen/render/package.py). It prints the render time (without the profiler) and, from a
cProfile run, the seconds spent in each of python-pptx's scans of the whole package.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from stress import make_project  # noqa: E402

import slidegen.render.pptx.deck as deck_renderer  # noqa: E402
from slidegen.build import build, chart_cache, load, picture_cache, plan  # noqa: E402
from slidegen.project import Project  # noqa: E402

SCANS = {
    "next_partname (notes, charts, workbooks)": ("pptx/opc/package.py", "next_partname"),
    "next_image_partname": ("pptx/package.py", "next_image_partname"),
    "_find_by_sha1 (picture lookup)": ("pptx/package.py", "_find_by_sha1"),
    "_get_matching (slide relationship)": ("pptx/opc/package.py", "_get_matching"),
    "_next_id (slide id)": ("pptx/oxml/presentation.py", "_next_id"),
}
"""python-pptx functions whose cost grows with the package, by what they are for."""

COUNTED = (deck_renderer.count_parts, deck_renderer.add_slide)
STOCK = (lambda prs: None, lambda prs, layout: prs.slides.add_slide(layout))


def use(numbering: tuple) -> None:
    deck_renderer.count_parts, deck_renderer.add_slide = numbering


def scans(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds of each scan in a profile."""
    out = {}
    for label, (path, name) in SCANS.items():
        out[label] = sum(v[3] for (file, _, func), v in stats.stats.items()  # type: ignore[attr-defined]
                         if func == name and file.replace("\\", "/").endswith(path))
    return out


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="slidegen-profile-") as tmp:
        rows = []
        for n in sizes:
            root = Path(tmp) / f"stress-{n}"
            deck = make_project(root, n)
            project = Project.at(root)
            build(project, [deck])  # draws the chart pictures once
            (bundle,) = load(project, [deck])
            (deck_plan,) = plan([bundle])
            for label, numbering in (("python-pptx", STOCK), ("counted", COUNTED)):
                use(numbering)
                start = time.perf_counter()
                deck_renderer.render_deck(deck_plan, bundle.theme.model, chart_cache(project).png, picture_cache(project).picture)
                seconds = time.perf_counter() - start
                profiler = cProfile.Profile()
                profiler.runcall(deck_renderer.render_deck, deck_plan, bundle.theme.model, chart_cache(project).png, picture_cache(project).picture)
                stats = pstats.Stats(profiler)
                total = stats.total_tt  # type: ignore[attr-defined]
                found = scans(stats)
                rows.append((n, label, seconds, total, found))
                print(f"{n} slides, {label}: render {seconds:.2f} s ({seconds / n * 1000:.2f} ms a slide)", file=sys.stderr)
            use(COUNTED)
    print("| slides | numbering | render | per slide | " + " | ".join(SCANS) + " |")
    print("|---|---|---|---|" + "---|" * len(SCANS))
    for n, label, seconds, total, found in rows:
        shares = " | ".join(f"{found[k]:.2f} s ({found[k] / total:.0%})" for k in SCANS)
        print(f"| {n} | {label} | {seconds:.2f} s | {seconds / n * 1000:.2f} ms | {shares} |")
    print("\n(scan columns: seconds under cProfile and their share of the profiled render)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [300, 1000])
