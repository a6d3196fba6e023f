"""The instant preview: the SVG renderer alone, and a save's way to the page's status in `slidegen serve`.

    .venv/bin/python bench/preview.py [REPEATS]

Works on a copy of the shipped project (charts drawn once first, so the chart cache is warm).
Prints JSON (milliseconds, medians and ranges):

- `svg_render`: the SVG renderer for the Skype deck alone (plan made beforehand), with the drawn
  lines already measured (a rebuild after a save: unchanged paragraphs are remembered) and cold;
- `save_to_status`: `slidegen serve` in this process on a free port, without LibreOffice (its
  pictures come after the status has pointed at the SVGs and do not delay it); the deck file is
  saved with one word changed, and /api/status is polled every 2 ms until the deck's SVG slides
  have a new version; the breakdown: `detect` (save → the watch loop's rebuild starts), `draw`
  (the SVG slides' own build: load, plan, render, write, until the status is published), of it
  `svg` (the SVG renderer), and `notify` (the status published → the poll sees it); `pptx` is the
  deck's own build that follows (not part of the total).
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKYPE = "skype-2016-10-28"
IDLE_S = 1.5
"""Seconds to wait after a save is shown: the watch loop finishes what follows (the .pptx, the web site)."""


def summary(values: list[float]) -> dict[str, float]:
    ms = sorted(v * 1000 for v in values)
    return {"median": round(statistics.median(ms), 1), "min": round(ms[0], 1), "max": round(ms[-1], 1), "n": len(ms)}


def svg_render(project, repeats: int) -> dict:
    from slidegen.build import FORMATS, load, plan
    from slidegen.plan import text

    deck = project.content / "decks" / f"{SKYPE}.yaml"
    (bundle,) = load(project, [deck])
    (deck_plan,) = plan([bundle])
    render = FORMATS["svg"].render
    render(deck_plan, bundle, project)
    warm, cold = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        render(deck_plan, bundle, project)
        warm.append(time.perf_counter() - t)
        text.wrap.cache_clear()
        t = time.perf_counter()
        render(deck_plan, bundle, project)
        cold.append(time.perf_counter() - t)
    return {"warm": summary(warm), "cold": summary(cold)}


def status(port: int) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/api/status")
        return json.loads(conn.getresponse().read())
    finally:
        conn.close()


def fast_url(port: int) -> str:
    decks = status(port)["decks"]
    return decks[0]["fast"][0]["url"] if decks and decks[0]["fast"] else ""


def save_to_status(project, repeats: int) -> dict:
    from slidegen.commands import serve as serving
    from slidegen.commands import watch
    from slidegen.render.svg import deck as svg_deck

    marks: dict[str, float] = {}
    inner_rebuild = serving.Preview.rebuild
    inner_deck_build = watch.Watcher.rebuild
    inner_publish = serving.Preview.publish
    inner_svg = svg_deck.render_deck

    def rebuild(self, changed=None, shown=lambda _: None):  # the watch loop hands a batch on: the change is detected
        marks.setdefault("start", time.perf_counter())
        return inner_rebuild(self, changed, shown)

    def deck_build(self, changed=None):
        t = time.perf_counter()
        out = inner_deck_build(self, changed)
        marks["pptx"] = time.perf_counter() - t
        return out

    def render_deck(*args, **kw):
        t = time.perf_counter()
        out = inner_svg(*args, **kw)
        marks["svg"] = time.perf_counter() - t
        return out

    def publish(self):
        inner_publish(self)
        marks.setdefault("published", time.perf_counter())

    serving.Preview.rebuild, watch.Watcher.rebuild = rebuild, deck_build
    serving.Preview.publish, svg_deck.render_deck = publish, render_deck
    os.environ["SLIDEGEN_SOFFICE"] = str(project.root / "no-soffice")
    lines: list[str] = []
    stop = threading.Event()
    deck = project.content / "decks" / f"{SKYPE}.yaml"
    thread = threading.Thread(target=serving.serve, args=(project, [deck]),
                              kwargs={"port": 0, "report": lines.append, "warn": lines.append, "stop": stop})
    thread.start()
    try:
        while not lines:
            time.sleep(0.01)
        port = int(lines[0].split(":")[2].split("/")[0])
        while not fast_url(port):
            time.sleep(0.05)
        text = deck.read_text(encoding="utf-8")
        rows: dict[str, list[float]] = {k: [] for k in ("total", "detect", "draw", "svg", "notify", "pptx")}
        for i in range(repeats + 1):
            time.sleep(IDLE_S)
            before = fast_url(port)
            marks.clear()
            edited = text.replace("kind: agenda\n", f"kind: agenda\n    title: Dagordning {i}\n")
            t0 = time.perf_counter()
            deck.write_text(edited, encoding="utf-8")
            while fast_url(port) == before:
                time.sleep(0.002)
            t1 = time.perf_counter()
            time.sleep(IDLE_S)  # the deck's own build (.pptx) and the web site follow
            if i == 0:
                continue  # the first save after the first build warms the rebuild path
            rows["total"].append(t1 - t0)
            rows["detect"].append(marks["start"] - t0)
            rows["draw"].append(marks["published"] - marks["start"])
            rows["svg"].append(marks["svg"])
            rows["notify"].append(t1 - marks["published"])
            rows["pptx"].append(marks["pptx"])
    finally:
        stop.set()
        thread.join(timeout=60)
    return {k: summary(v) for k, v in rows.items()}


def main(repeats: int) -> dict:
    from slidegen.build import build
    from slidegen.project import Project

    with tempfile.TemporaryDirectory(prefix="slidegen-preview-bench-") as tmp:
        for name in ("content", "themes"):
            shutil.copytree(ROOT / name, Path(tmp) / name)
        project = Project.at(tmp)
        build(project, output=["pptx", "svg"])  # draws the charts into the chart cache
        return {"svg_render": svg_render(project, repeats), "save_to_status": save_to_status(project, repeats)}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 15), indent=1))
