"""The test deck of the general slide kinds (tests/data/kinds): a project holding it, and its stress version."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from conftest import ROOT

from slidegen.project import Project

CONTENT = ROOT / "tests" / "data" / "kinds" / "content"
DECK = "uppfoljning-2017"
THEMES = sorted(p.parent.name for p in (ROOT / "themes").glob("*/theme.yaml"))

TRIPLED = {"title", "subtitle", "caption", "text", "by", "heading", "name", "role", "alt", "notes"}
"""The keys whose texts the stress version writes three times."""

STRESS_ROWS = 60


def kinds_project(dest: Path, chart_cache: Path | None = None) -> Project:
    """A project of its own holding the general kinds' test deck and the shipped themes."""
    shutil.copytree(CONTENT, dest / "content")
    shutil.copytree(ROOT / "themes", dest / "themes")
    if chart_cache is not None:
        (dest / "output" / ".cache").mkdir(parents=True)
        (dest / "output" / ".cache" / "charts").symlink_to(chart_cache, target_is_directory=True)
    return Project.at(dest)


def deck_file(project: Project) -> Path:
    return project.content / "decks" / f"{DECK}.yaml"


def deck_data(project: Project) -> dict[str, Any]:
    return yaml.safe_load(deck_file(project).read_text(encoding="utf-8"))


def _tripled(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _tripled(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_tripled(v, key) for v in value]
    if isinstance(value, str) and (key in TRIPLED or key == "items"):
        return " ".join([value] * 3)
    return value


def stress_rows(count: int = STRESS_ROWS) -> list[list[Any]]:
    """Rows of text, numbers and missing values, some with long text that wraps."""
    rows = []
    for n in range(1, count + 1):
        text = f"Post {n}" + (" med en lång beskrivning som måste brytas på flera rader i cellen" if n % 7 == 0 else "")
        rows.append([text, n * 1111, None if n % 5 == 0 else round(n * 12.25, 2), -n if n % 3 == 0 else n])
    return rows


def make_stress(project: Project) -> None:
    """Every text of the deck three times, and its YAML table 60 rows long."""
    data = _tripled(deck_data(project))
    table = next(s for s in data["slides"] if s["kind"] == "table" and "rows" in s)
    table["rows"] = stress_rows()
    deck_file(project).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
