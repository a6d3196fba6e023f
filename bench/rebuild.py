"""Warm in-process rebuilds, as `slidegen watch` does them: same process, same Library, charts cached.

    .venv/bin/python bench/rebuild.py PROJECT_ROOT OUT_DIR REPEATS [DECK_FILE ...]

Prints JSON: the seconds of each rebuild after a first, untimed one.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from slidegen.build import build
from slidegen.check.library import Library
from slidegen.project import Project


def main(root: str, out_dir: str, repeats: str, *decks: str) -> list[float]:
    project = Project.at(root)
    library = Library(project)
    paths = [Path(d) for d in decks]
    build(project, paths, out_dir=Path(out_dir), library=library)
    times = []
    for _ in range(int(repeats)):
        t = time.perf_counter()
        build(project, paths, out_dir=Path(out_dir), library=library)
        times.append(time.perf_counter() - t)
    return times


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:])))
