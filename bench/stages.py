"""One slidegen build timed stage by stage (bench-only wrapper around slidegen.build's steps).

    .venv/bin/python bench/stages.py PROJECT_ROOT DECK_FILE OUT_DIR

Prints JSON: seconds for import, load (read + validate), plan, render (python-pptx, incl. its
save) and write (reproducible zip + atomic write), and the number of slides.
"""

from __future__ import annotations

import json
import sys
import time

T0 = time.perf_counter()

from pathlib import Path  # noqa: E402

from slidegen.build import chart_cache, load, picture_cache, plan  # noqa: E402
from slidegen.output.files import normalise_zip, write_atomic  # noqa: E402
from slidegen.project import Project  # noqa: E402
from slidegen.render.pptx.deck import render_deck  # noqa: E402
from slidegen.stamp import build_time  # noqa: E402


def main(root: str, deck_file: str, out_dir: str) -> dict:
    t1 = time.perf_counter()
    project = Project.at(root)
    (bundle,) = load(project, [Path(deck_file)])
    t2 = time.perf_counter()
    (deck,) = plan([bundle])
    t3 = time.perf_counter()
    data = render_deck(deck, bundle.theme.model, chart_cache(project).png, picture_cache(project).picture)
    t4 = time.perf_counter()
    data = normalise_zip(data, build_time(bundle.deck.model.meeting.date))
    write_atomic(Path(out_dir) / f"{deck.name}.pptx", data)
    t5 = time.perf_counter()
    return {"import": t1 - T0, "load": t2 - t1, "plan": t3 - t2, "render": t4 - t3, "write": t5 - t4,
            "slides": len(deck.slides)}


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))
