"""What a template draws under a slide's content, as SVG: its layout's background, decoration and placeholder fills."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from slidegen.models.template import LayoutInfo, Paint, Pixels, TemplateInfo
from slidegen.render.svg.markup import attrs, data_uri, esc, frame_attrs
from slidegen.units import Rect


@lru_cache(maxsize=8)
def template_info(path: Path, _mtime: int, _size: int) -> TemplateInfo:
    """A template as read for planning, read once per version of the file."""
    from slidegen.load.template import inspect

    return inspect(path)


def info_of(path: Path) -> TemplateInfo:
    """The template's description, re-read when the file changes."""
    stat = path.stat()
    return template_info(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _picture(pixels: Pixels) -> str:
    """A picture as the average colour of each cell of its grid, as a PNG data URI (a preview's blur of it)."""
    from PIL import Image

    image = Image.new("RGB", (pixels.columns, pixels.rows))
    image.putdata([tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in pixels.colours])
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=False)
    return data_uri(buf.getvalue())


def paint(rect: Rect, fill: Paint, key: str) -> str:
    """One painted rectangle: a colour, a gradient of its stops (drawn top to bottom), or a picture's pixels.

    `key` names the gradient it defines (unique within the slide). A paint whose colours are unknown
    (an EMF picture) is left out.
    """
    box = frame_attrs(rect)
    if fill.pixels is not None and not fill.pixels.tiled:
        at = frame_attrs(fill.pixels.rect)
        return (f'<image{attrs(**at, preserveAspectRatio="none")} xlink:href="{esc(_picture(fill.pixels))}"/>')
    colours = fill.colours or (tuple(_mean(fill.pixels.colours)) if fill.pixels is not None else ())
    if not colours:
        return ""
    if len(colours) == 1:
        return f"<rect{attrs(**box, fill=colours[0])}/>"
    step = 1 / (len(colours) - 1)
    stops = "".join(f'<stop{attrs(offset=round(i * step, 3), stop_color=c)}/>' for i, c in enumerate(colours))
    return (f'<defs><linearGradient{attrs(id=key, x1="0", y1="0", x2="0", y2="1")}>{stops}</linearGradient></defs>'
            f"<rect{attrs(**box, fill=f'url(#{key})')}/>")


def _mean(colours: tuple[str, ...]) -> list[str]:
    """The average of colours (a tiled picture, drawn as its tile's mean colour)."""
    rgb = [[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in colours]
    return ["#" + "".join(f"{round(sum(ch) / len(rgb)):02X}" for ch in zip(*rgb))]


def layout_backdrop(layout: LayoutInfo) -> str:
    """The layout's background and its decoration (the master's unless it hides them, then its own), in order."""
    out = []
    if layout.background is not None:
        out.append(paint(Rect(0, 0, layout.width, layout.height), layout.background, "bg"))
    for n, layer in enumerate(layout.layers):
        if layer.paint is not None:
            out.append(paint(layer.rect, layer.paint, f"layer{n}"))
    return "".join(out)


def placeholder_fills(layout: LayoutInfo, refs: set[tuple[str, int]]) -> str:
    """The fills of the layout's placeholders that a slide fills (a title band): drawn only when the slide has them."""
    return "".join(paint(ph.rect, ph.fill, f"ph{n}") for n, ph in enumerate(layout.placeholders)
                   if ph.ref in refs and ph.fill is not None and ph.rect is not None)
