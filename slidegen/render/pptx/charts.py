"""Charts on slides: a cached PNG picture (image) or an editable chart (native), with alt text."""

from __future__ import annotations

import hashlib
import io
import os
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pptx.slide import Slide
from pptx.util import Emu

from slidegen.plan.charts import ChartSpec
from slidegen.plan.model import ChartBox
from slidegen.render.pptx.shapes import set_description

DPI = 200
"""Resolution of chart pictures: sharp on a projector and in print."""


@lru_cache(maxsize=1)
def _drawing_state() -> str:
    """What besides the chart itself decides its pixels: matplotlib's version and its list of fonts."""
    parts = [metadata.version("matplotlib")]
    cache = Path(os.environ.get("MPLCONFIGDIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "matplotlib")
    for fontlist in sorted(cache.glob("fontlist-*.json")):
        st = fontlist.stat()
        parts.append(f"{fontlist.name}:{st.st_mtime_ns}:{st.st_size}")
    return "|".join(parts)


def chart_file(spec: ChartSpec, fmt: str, cache_dir: Path | None) -> bytes:
    """The chart drawn as PNG or SVG, from the cache when nothing that decides its look has changed.

    matplotlib is imported only when the chart has to be drawn.
    """
    key = hashlib.sha256(f"{spec.key()}|{fmt}|{DPI}|{_drawing_state()}".encode()).hexdigest()[:32]
    path = cache_dir / f"{key}.{fmt}" if cache_dir else None
    if path is not None and path.is_file():
        return path.read_bytes()
    from slidegen.render.chart_image import draw

    data = draw(spec, fmt, DPI)
    if path is not None:
        from slidegen.errors import ToolError
        from slidegen.output.files import write_atomic

        try:
            write_atomic(path, data)
        except ToolError:
            pass  # a cache that cannot be written only costs time
    return data


def add_chart(slide: Slide, box: ChartBox, cache_dir: Path | None) -> None:
    """Put a planned chart on a slide, as its renderer says (its language is set with the whole deck's)."""
    f = box.frame
    if box.renderer == "native":
        from slidegen.render.pptx.chart_native import add_native_chart

        shape = add_native_chart(slide, box)
    else:
        png = chart_file(box.chart, "png", cache_dir)
        shape = slide.shapes.add_picture(io.BytesIO(png), Emu(f.x), Emu(f.y), Emu(f.w), Emu(f.h))
    shape.name = box.name
    set_description(shape, box.chart.description)
