"""A project of N slides for the scaling benchmark: the shipped content plus a generated deck."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

CHART_RANGES = ["1-5", "6-10", "11-15", "16-20", "21-25", "26-32", "1-8", "9-16", "17-24", "25-32"]
"""The method ranges the chart slides cycle through: ten distinct pictures, each drawn once."""

BULLETS = [
    "Miljömålen är en del av verksamhetsplaneringen på länsstyrelsen.",
    "Samordnaren stödjer enheterna när de tar fram sina mål och aktiviteter.",
    "Uppföljningen sker två gånger per år och redovisas i ledningsgruppen.",
    "Kommunerna får stöd genom nätverk, kurser och regionala dialoger.",
]


def _slide(i: int) -> dict:
    """The i-th generated slide: bullets with notes, a method table or a chart, in turn."""
    kind = i % 4
    if kind == 3:
        return {"kind": "chart", "title": f"Diagram {i}", "methods": CHART_RANGES[(i // 4) % len(CHART_RANGES)]}
    if kind == 2:
        first = 1 + (i * 5) % 28
        return {"kind": "method_table", "title": f"Tabell {i}", "methods": f"{first}-{first + 4}"}
    return {
        "kind": "bullets",
        "title": f"Punkt {i}: så arbetar länet",
        "items": [BULLETS[(i + k) % len(BULLETS)] for k in range(3)],
        "notes": f"Talarstöd för bild {i}.",
    }


def make_project(dest: Path, slides: int) -> Path:
    """Copy content/ and themes/ into dest and add content/decks/stress-N.yaml with `slides` slides; its path."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ROOT / "content", dest / "content", ignore=shutil.ignore_patterns("decks"))
    shutil.copytree(ROOT / "themes", dest / "themes")
    deck = {
        "meeting": {"title": f"Skalningstest med {slides} bilder", "date": "2016-10-28",
                    "presenters": ["Testperson Testsson"], "organisation": "Benchmark"},
        "theme": "default",
        "charts": "image",
        "survey": "survey-2015.yaml",
        "slides": [{"kind": "title", "subtitle": "Genererat innehåll för benchmark"},
                   *(_slide(i) for i in range(1, slides))],
    }
    path = dest / "content" / "decks" / f"stress-{slides}.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(deck, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
