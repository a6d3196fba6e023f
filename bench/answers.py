"""Answers from a sheet: reading the 21 × 32 sample sheet and computing the shares, and a watch rebuild after saving it.

    .venv/bin/python bench/answers.py [REPEATS]

Prints JSON: the seconds of each timed run (after an untimed first one, which also imports the
workbook reader) and which files the watch rebuilds read. Uses the kept sample
tests/data/answers/enkat-2016.xlsx (made-up answers), so it needs nothing beyond slidegen itself.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tests"))

import answers as sample  # noqa: E402  (the tests' generator of the fictional survey)

SKYPE = "skype-2016-10-28"


def project(dest: Path) -> Path:
    """A copy of the shipped project whose Skype deck uses the fictional 2016 survey and its sample sheet."""
    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, dest / name)
    (dest / "content" / "survey-2016.yaml").write_text(sample.survey_2016(), encoding="utf-8")
    (dest / "content" / "data").mkdir()
    shutil.copy(sample.SAMPLE / "enkat-2016.xlsx", dest / "content" / "data" / "enkat-2016.xlsx")
    deck = dest / "content" / "decks" / f"{SKYPE}.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("survey: survey-2015.yaml", "survey: survey-2016.yaml"),
                    encoding="utf-8")
    return dest


def read_and_count(root: Path, repeats: int) -> dict[str, object]:
    """The sheet read and its answers counted into shares, as the check stage does it, from a cold file each time."""
    t = time.perf_counter()
    from slidegen.check.answers import answered_survey
    from slidegen.check.library import Library
    from slidegen.load.readers import read_document
    from slidegen.models.survey import Survey
    from slidegen.project import Project

    survey = Library(Project.at(root)).load(root / "content" / "survey-2016.yaml", Survey)
    sheet = root / "content" / "data" / "enkat-2016.xlsx"
    answered_survey(survey, read_document(sheet, root))  # imports the workbook reader
    first = time.perf_counter() - t
    reads, counts = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        doc = read_document(sheet, root)
        t1 = time.perf_counter()
        answered_survey(survey, doc)
        t2 = time.perf_counter()
        reads.append(t1 - t0)
        counts.append(t2 - t1)
    return {"first, with imports": first, "read": reads, "count": counts,
            "total": [a + b for a, b in zip(reads, counts)]}


def watch_rebuilds(root: Path, repeats: int) -> dict[str, object]:
    """Rebuilds as `slidegen watch` does them after a save: of the sheet, and of the deck file for comparison."""
    from slidegen.commands.watch import Watcher
    from slidegen.load import readers
    from slidegen.project import Project

    read: list[str] = []
    for suffix, reader in list(readers.READERS.items()):
        def counting(path, root=None, reader=reader):  # type: ignore[no-untyped-def]
            read.append(Path(path).name)
            return reader(path, root)
        readers.READERS[suffix] = counting
    watcher = Watcher(Project.at(root), [root / "content" / "decks" / f"{SKYPE}.yaml"])
    watcher.rebuild()
    out: dict[str, object] = {}
    for name, touched in (("sheet", root / "content" / "data" / "enkat-2016.xlsx"),
                          ("deck file", root / "content" / "decks" / f"{SKYPE}.yaml")):
        times = []
        read.clear()
        for _ in range(repeats):
            now = time.time_ns()
            os.utime(touched, ns=(now, now))
            t = time.perf_counter()
            outcomes = watcher.rebuild({touched})
            times.append(time.perf_counter() - t)
            assert [o.kind for o in outcomes] == ["rebuilt"], outcomes
        out[name] = {"seconds": times, "files read per rebuild": sorted(set(read)), "reads": len(read) // repeats}
    return out


def main(repeats: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="slidegen-bench-answers-") as tmp:
        root = project(Path(tmp) / "project")
        return {"read and count": read_and_count(root, repeats), "watch": watch_rebuilds(root, max(3, repeats // 4))}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20), indent=1))
