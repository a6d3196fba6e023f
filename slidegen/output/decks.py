"""The deck cache: built .pptx bytes kept under output/.cache/decks/ by everything that decides them.

A deck's bytes follow from its plan (every box, text, size, chart description and picture path
decided), its theme, its build time, the bytes of the pictures and template it names, and the
renderer's code; the key is a hash of all of these, so a cached deck is never a stale one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable

from slidegen.models.theme import Theme
from slidegen.output.files import cached
from slidegen.output.pictures import source_digest
from slidegen.plan.model import DeckPlan, PictureBox

RENDERER_CODE = ("render/pptx", "render/chart_image.py", "render/pictures.py", "output/files.py",
                 "output/charts.py", "output/pictures.py")
"""The parts of slidegen whose code decides a deck's bytes once it is planned."""


@lru_cache(maxsize=1)
def _renderer_state() -> str:
    """The renderer's code and the libraries it writes with: a changed line of either makes every key new."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for part in RENDERER_CODE:
        path = package / part
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(package).as_posix().encode() + b"\0" + file.read_bytes())
    for dist in ("python-pptx", "lxml", "matplotlib", "pillow"):
        digest.update(f"|{dist}={metadata.version(dist)}".encode())
    return digest.hexdigest()


def deck_key(deck_plan: DeckPlan, theme: Theme, when: dt.datetime) -> str:
    """The hash of everything that decides a planned deck's bytes."""
    files = {box.path for slide in deck_plan.slides for box in slide.boxes if isinstance(box, PictureBox)}
    if deck_plan.base.template is not None:
        files.add(deck_plan.base.template)
    digests = sorted(f"{path}={source_digest(path)}" for path in files)
    text = "\n".join([_renderer_state(), repr(deck_plan), repr(theme), when.isoformat(), *digests])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class DeckCache:
    """Built decks kept between builds in a folder (none: always rendered)."""

    folder: Path | None

    def pptx(self, key: str, render: Callable[[], bytes]) -> bytes:
        """The deck with this key from the cache, else rendered (and kept)."""
        return cached(self.folder / f"{key}.pptx" if self.folder else None, render)
