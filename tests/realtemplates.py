"""Themes made from the real templates in ../shared/real-templates/ the way a coordinator follows the README."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "real-templates"
"""The shared folder beside the checkout (CI puts a copy of shared/ beside the clone)."""


@dataclass(frozen=True)
class RealTemplate:
    """One shared template and what a coordinator would write for it (`<name>.json`)."""

    name: str
    file: Path
    config: dict[str, Any]


def real_templates(folder: Path = SHARED) -> list[RealTemplate]:
    """Every template in the shared folder that has its `<name>.json`, by name."""
    out = []
    for config_path in sorted(folder.glob("*.json")):
        config = json.loads(config_path.read_text(encoding="utf-8"))
        out.append(RealTemplate(config_path.stem, folder / config["file"], config))
    return out


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for key in parents:
        data = data.setdefault(key, {})
    data[last] = value


def make_theme(themes: Path, template: RealTemplate, base: str = "mall") -> str:
    """themes/<name>/ as the README says: a copy of the mall theme with the template, its layout names and colours.

    The coordinator removes mall's logo (it is not theirs), keeps its footer, and writes what
    `<name>.json` holds: layout names, fonts, colours and, where they gave one, the slide size.
    """
    folder = themes / template.name
    folder.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load((themes / base / "theme.yaml").read_text(encoding="utf-8"))
    data["name"] = template.name
    data["description"] = f"The {template.name} template ({template.file.name})"
    data.pop("logo", None)
    data.pop("slide_size", None)
    shutil.copyfile(template.file, folder / template.file.name)
    config = template.config
    data["template"] = {"file": template.file.name, "layouts": dict(config["layouts"])}
    if "slide_size" in config:
        data["slide_size"] = config["slide_size"]
    for key, value in config.get("fonts", {}).items():
        data.setdefault("fonts", {})[key] = value
    for key, value in config.get("colours", {}).items():
        _set(data.setdefault("colours", {}), key, value)
    (folder / "theme.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return template.name
