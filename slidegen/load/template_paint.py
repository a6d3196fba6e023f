"""What a template paints, read from its XML: colours (scheme, transforms), fills, gradients and picture pixels."""

from __future__ import annotations

import colorsys
import io
import posixpath
from dataclasses import dataclass, field
from typing import Any, Callable

from slidegen.models.template import Paint, Pixels
from slidegen.units import Rect

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

PRESET_COLOURS = {
    "black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000", "blue": "0000FF",
    "yellow": "FFFF00", "gray": "808080", "grey": "808080", "darkGray": "A9A9A9", "lightGray": "D3D3D3",
    "navy": "000080", "silver": "C0C0C0", "orange": "FFA500", "purple": "800080",
}
"""The preset colours (`a:prstClr`) templates use; others read as unknown."""

SYSTEM_COLOURS = {"window": "FFFFFF", "windowText": "000000"}

GRID = 96
"""A picture is kept as the average colour of each cell of a GRID × GRID grid."""


def _a(tag: str) -> str:
    return f"{{{A}}}{tag}"


@dataclass
class ColourContext:
    """What colours resolve against: the theme's scheme, the master's colour map and the part's picture reader."""

    scheme: dict[str, str]
    mapping: dict[str, str]
    picture: Callable[[str], bytes | None] = field(default=lambda rid: None)
    placeholder: str | None = None
    """The colour `phClr` stands for (in a style reference)."""

    def with_placeholder(self, colour: str | None) -> "ColourContext":
        return ColourContext(self.scheme, self.mapping, self.picture, colour)


def theme_scheme(theme: Any) -> dict[str, str]:
    """The theme's colour scheme: slot (dk1, lt1, accent1 …) → `RRGGBB`."""
    scheme = theme.find(f".//{_a('clrScheme')}")
    out: dict[str, str] = {}
    if scheme is None:
        return out
    for slot in scheme:
        if len(slot):
            el = slot[0]
            value = el.get("val") if el.tag == _a("srgbClr") else el.get("lastClr") or SYSTEM_COLOURS.get(el.get("val", ""))
            if value:
                out[slot.tag.split("}")[1]] = value.upper()
    return out


MAP_DEFAULT = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}


def colour_map(clr_map: Any, base: dict[str, str] | None = None) -> dict[str, str]:
    """A `p:clrMap` (or a layout's override) as logical name → scheme slot."""
    out = dict(base or MAP_DEFAULT)
    if clr_map is not None:
        for key in ("bg1", "tx1", "bg2", "tx2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
                    "hlink", "folHlink"):
            if clr_map.get(key):
                out[key] = clr_map.get(key)
    return out


COLOUR_TAGS = {_a(t) for t in ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")}


def colour_of(el: Any, ctx: ColourContext) -> str | None:
    """A colour element (`a:srgbClr`, `a:schemeClr` …) with its transforms, as `#RRGGBB`; None when unknown."""
    if el is None:
        return None
    tag = el.tag
    base: str | None = None
    if tag == _a("srgbClr"):
        base = el.get("val")
    elif tag == _a("schemeClr"):
        name = el.get("val", "")
        if name == "phClr":
            base = ctx.placeholder[1:] if ctx.placeholder else None
        else:
            slot = ctx.mapping.get(name, name)
            base = ctx.scheme.get(slot)
    elif tag == _a("sysClr"):
        base = el.get("lastClr") or SYSTEM_COLOURS.get(el.get("val", ""))
    elif tag == _a("prstClr"):
        base = PRESET_COLOURS.get(el.get("val", ""))
    elif tag == _a("scrgbClr"):
        rgb = [_linear_to_srgb(int(el.get(k, "0")) / 100000) for k in ("r", "g", "b")]
        base = "".join(f"{round(c * 255):02X}" for c in rgb)
    elif tag == _a("hslClr"):
        h, s, lum = int(el.get("hue", "0")) / 21600000, int(el.get("sat", "0")) / 100000, int(el.get("lum", "0")) / 100000
        base = "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(h, lum, s))
    if not base or len(base) != 6:
        return None
    return "#" + _transform(base.upper(), el)


def _srgb_to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _linear_to_srgb(c: float) -> float:
    c = min(1.0, max(0.0, c))
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def _transform(hex_rgb: str, el: Any) -> str:
    """Apply a colour's transforms (lumMod, lumOff, tint, shade, satMod) the way the office suites roughly do."""
    r, g, b = (int(hex_rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    for child in el:
        name = child.tag.split("}")[1]
        value = int(child.get("val", "100000")) / 100000
        if name in ("lumMod", "lumOff", "satMod"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            if name == "lumMod":
                lum *= value
            elif name == "lumOff":
                lum += value
            else:
                s *= value
            r, g, b = colorsys.hls_to_rgb(h, min(1.0, max(0.0, lum)), min(1.0, max(0.0, s)))
        elif name == "tint":  # towards white
            r, g, b = (_linear_to_srgb(_srgb_to_linear(c) * value + (1 - value)) for c in (r, g, b))
        elif name == "shade":  # towards black
            r, g, b = (_linear_to_srgb(_srgb_to_linear(c) * value) for c in (r, g, b))
    return "".join(f"{round(min(1.0, max(0.0, c)) * 255):02X}" for c in (r, g, b))


def _alpha(el: Any) -> float:
    found = el.find(_a("alpha")) if el is not None else None
    return int(found.get("val")) / 100000 if found is not None else 1.0


def first_colour(parent: Any, ctx: ColourContext) -> str | None:
    """The colour of the first colour element under a fill or reference element."""
    if parent is None:
        return None
    for child in parent:
        if child.tag in COLOUR_TAGS:
            return colour_of(child, ctx)
    return None


def fill_of(props: Any, ctx: ColourContext, rect: Rect) -> Paint | None:
    """The paint of the first fill element in shape or background properties; None for no fill."""
    if props is None:
        return None
    for child in props:
        paint = _FILLS.get(child.tag)
        if paint is not None:
            return paint(child, ctx, rect)
    return None


def _solid(el: Any, ctx: ColourContext, rect: Rect) -> Paint | None:
    colour_el = next((c for c in el if c.tag in COLOUR_TAGS), None)
    colour = colour_of(colour_el, ctx)
    alpha = _alpha(colour_el)
    if alpha < 0.05:
        return None
    if colour is None:
        return Paint(unknown="a colour slidegen cannot read")
    return Paint((colour,), opaque=alpha >= 0.95)


def _gradient(el: Any, ctx: ColourContext, rect: Rect) -> Paint | None:
    stops = []
    for gs in el.iterfind(f"{_a('gsLst')}/{_a('gs')}"):
        colour = first_colour(gs, ctx)
        if colour is None:
            return Paint(unknown="a gradient with a colour slidegen cannot read")
        stops.append(colour)
    if not stops:
        return None
    return Paint(tuple(dict.fromkeys(stops)))


def _pattern(el: Any, ctx: ColourContext, rect: Rect) -> Paint | None:
    colours = [first_colour(el.find(_a(k)), ctx) for k in ("fgClr", "bgClr")]
    if None in colours:
        return Paint(unknown="a pattern with a colour slidegen cannot read")
    return Paint(tuple(dict.fromkeys(c for c in colours if c)))


def picture_fill(el: Any, ctx: ColourContext, rect: Rect) -> Paint | None:
    """A picture fill (`a:blipFill`, or a picture's `p:blipFill`): its pixels over the rectangle it fills."""
    blip = el.find(_a("blip"))
    rid = blip.get(f"{{{R}}}embed") if blip is not None else None
    data = ctx.picture(rid) if rid else None
    if data is None:
        return Paint(unknown="a picture slidegen cannot read")
    alpha = blip.find(_a("alphaModFix"))
    opacity = int(alpha.get("amt", "100000")) / 100000 if alpha is not None else 1.0
    tile = el.find(_a("tile"))
    pixels = read_pixels(data, rect, tile)
    if pixels is None:
        return Paint(unknown="a picture slidegen cannot read (not PNG, JPEG, GIF or BMP)")
    if opacity < 0.95:
        pixels = _faded(pixels, opacity)
    return Paint(pixels=pixels, opaque=opacity >= 0.95)


_FILLS: dict[str, Callable[[Any, ColourContext, Rect], Paint | None]] = {
    _a("noFill"): lambda el, ctx, rect: None,
    _a("solidFill"): _solid,
    _a("gradFill"): _gradient,
    _a("pattFill"): _pattern,
    _a("blipFill"): picture_fill,
}
"""The reader of each kind of fill element."""


def read_pixels(data: bytes, rect: Rect, tile: Any = None) -> Pixels | None:
    """A picture's pixels as extremes per grid cell, stretched over `rect` or tiled from it at its own size."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    if image.format not in ("PNG", "JPEG", "GIF", "BMP", "TIFF"):
        return None
    dpi = image.info.get("dpi", (96, 96))
    width_px, height_px = image.size
    if image.mode.startswith("I"):  # 16-bit grey: scaled down, not clipped to white
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    if image.mode in ("RGBA", "LA", "P", "PA"):  # transparency shows white (the usual slide background)
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    image = image.convert("RGB")
    small = image.resize((GRID, GRID), Image.Resampling.BOX)
    colours = tuple("#%02X%02X%02X" % small.getpixel((c, r)) for r in range(GRID) for c in range(GRID))
    if tile is not None:
        sx, sy = int(tile.get("sx", "100000")) / 100000, int(tile.get("sy", "100000")) / 100000
        w = round(width_px / (dpi[0] or 96) * 914400 * sx)
        h = round(height_px / (dpi[1] or 96) * 914400 * sy)
        origin = Rect(rect.x + int(tile.get("tx", "0")), rect.y + int(tile.get("ty", "0")), w, h)
        return Pixels(origin, GRID, GRID, colours, tiled=True)
    return Pixels(rect, GRID, GRID, colours)


def _faded(pixels: Pixels, opacity: float) -> Pixels:
    """A picture drawn with some transparency over white: its colours mixed with white."""

    def mix(hex_colour: str) -> str:
        rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
        return "#" + "".join(f"{round(c * opacity + 255 * (1 - opacity)):02X}" for c in rgb)

    return Pixels(pixels.rect, pixels.columns, pixels.rows, tuple(map(mix, pixels.colours)), pixels.tiled)


def part_reader(zip_read: Callable[[str], bytes], rels: dict[str, tuple[str, str]]) -> Callable[[str], bytes | None]:
    """A reader of the pictures a part refers to by relationship id."""

    def read(rid: str) -> bytes | None:
        found = rels.get(rid)
        if found is None or not found[0].endswith("/image"):
            return None
        try:
            return zip_read(posixpath.normpath(found[1]))
        except KeyError:
            return None

    return read
