"""The chart cache: chart pictures drawn once and kept under output/.cache/charts/ until something that decides them changes."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from slidegen.output.files import cached
from slidegen.plan.model import ChartSpec

DPI = 200
"""Resolution of chart pictures: sharp on a projector and in print."""


def font_folders() -> list[Path]:
    """Where Linux, macOS and Windows keep installed fonts (those that exist here)."""
    home = Path.home()
    found = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local" / "share" / "fonts",
             home / ".fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library" / "Fonts"]
    for variable, below in (("WINDIR", ("Fonts",)), ("LOCALAPPDATA", ("Microsoft", "Windows", "Fonts"))):
        if os.environ.get(variable):
            found.append(Path(os.environ[variable], *below))
    return [f for f in found if f.is_dir()]


def _fonts_state() -> list[str]:
    """The installed fonts' folders as they are now (a font installed or removed changes its folder's time)."""
    out = []
    for top in font_folders():
        for folder, _, _ in os.walk(top):
            try:
                out.append(f"{folder}:{os.stat(folder).st_mtime_ns}")
            except OSError:
                continue
    return out


@lru_cache(maxsize=1)
def _drawing_state() -> str:
    """What besides the chart itself decides its pixels: matplotlib's version, its list of fonts and the fonts
    installed (a chart is drawn in the theme's font or its twin where one is installed, see render/chart_image)."""
    parts = [metadata.version("matplotlib"), *_fonts_state()]
    cache = Path(os.environ.get("MPLCONFIGDIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "matplotlib")
    for fontlist in sorted(cache.glob("fontlist-*.json")):
        st = fontlist.stat()
        parts.append(f"{fontlist.name}:{st.st_mtime_ns}:{st.st_size}")
    return "|".join(parts)


@dataclass(frozen=True)
class ChartCache:
    """Chart pictures kept between builds in a folder (none: always drawn), by what decides their pixels."""

    folder: Path | None

    def png(self, spec: ChartSpec) -> bytes:
        """The chart as a PNG picture."""
        return self.file(spec, "png")

    def file(self, spec: ChartSpec, fmt: str) -> bytes:
        """The chart drawn as PNG or SVG, from the cache when nothing that decides its look has changed.

        matplotlib is imported only when the chart has to be drawn.
        """
        return chart_file(spec, fmt, self.folder)


def chart_file(spec: ChartSpec, fmt: str, cache_dir: Path | None) -> bytes:
    """The chart drawn as PNG or SVG at DPI, read from and kept in cache_dir when one is given."""
    key = hashlib.sha256(f"{spec.key()}|{fmt}|{DPI}|{_drawing_state()}".encode()).hexdigest()[:32]
    path = cache_dir / f"{key}.{fmt}" if cache_dir else None

    def make() -> bytes:
        from slidegen.render.chart_image import draw

        return draw(spec, fmt, DPI)

    return cached(path, make)
