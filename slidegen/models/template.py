"""What a template holds, as read from it: slide size, layouts, placeholders and how they set text, what lies behind."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from slidegen.colour import Choice, ratio
from slidegen.errors import Problem, Source
from slidegen.models.theme import Theme
from slidegen.units import Rect


@dataclass(frozen=True)
class Pixels:
    """A picture as the average colour of each cell of a grid, laid over a rectangle of the slide.

    A tiled picture repeats from `rect` (one tile) over the whole area it fills.
    """

    rect: Rect
    columns: int
    rows: int
    colours: tuple[str, ...]
    """Row by row."""
    tiled: bool = False

    def under(self, area: Rect) -> list[tuple[str, float]]:
        """The colours of the cells under an area, each with the share of the area it covers."""
        if self.rect.w <= 0 or self.rect.h <= 0 or area.w <= 0 or area.h <= 0:
            return []
        cw, ch = self.rect.w / self.columns, self.rect.h / self.rows
        out: dict[str, float] = {}
        for c, wx in _spans(area.x, area.right, self.rect.x, cw, self.columns, self.tiled):
            for r, wy in _spans(area.y, area.bottom, self.rect.y, ch, self.rows, self.tiled):
                colour = self.colours[r * self.columns + c]
                out[colour] = out.get(colour, 0.0) + wx * wy / (area.w * area.h)
        return list(out.items())



def _spans(lo: int, hi: int, origin: int, size: float, count: int, tiled: bool) -> list[tuple[int, float]]:
    """(cell index, how much of lo–hi it covers) for the cells a span crosses; a tiled picture repeats its cells."""
    first = math.floor((lo - origin) / size)
    last = math.floor((hi - 1 - origin) / size)
    out = []
    for n in range(first, last + 1):
        if not tiled and not 0 <= n < count:
            continue
        start = origin + n * size
        covered = min(start + size, hi) - max(start, lo)
        if covered > 0:
            out.append((n % count, covered))
    return out



@dataclass(frozen=True)
class Paint:
    """What one layer paints: plain colours (one, or a gradient's stops), a picture's pixels, or unknown."""

    colours: tuple[str, ...] = ()
    pixels: Pixels | None = None
    unknown: str | None = None
    """Why the colours cannot be told (`an EMF picture`), when they cannot."""
    opaque: bool = True

    def under(self, area: Rect) -> list[tuple[str, float]]:
        """The colours this paint shows under an area, each with its share (a gradient's stops share alike)."""
        if self.pixels is not None:
            return self.pixels.under(area)
        return [(c, 1 / len(self.colours)) for c in self.colours]

    @property
    def describe(self) -> str:
        """`#FFFFFF`, `a gradient #112233–#445566`, `a picture`, or why it is unknown."""
        if self.unknown:
            return self.unknown
        if self.pixels is not None:
            return "a picture"
        if len(self.colours) > 1:
            return "a gradient " + "–".join(self.colours)
        return self.colours[0] if self.colours else "nothing"


DEFAULT_INSETS = (91440, 45720, 91440, 45720)
"""A text frame's inner margins when nothing says otherwise (0.1 × 0.05 inch)."""



@dataclass(frozen=True)
class TextStyle:
    """The text of a placeholder as the template sets it (first level), inherited from its master and styles."""

    size: float | None = None
    """Font size in points."""
    colour: str | None = None
    bold: bool = False
    caps: bool = False
    """All capitals (`cap="all"`)."""
    align: str | None = None
    """`l`, `ctr` or `r` (others read as `l`)."""
    anchor: str | None = None
    """`t`, `ctr` or `b`."""
    insets: tuple[int, int, int, int] = DEFAULT_INSETS
    autofit: str = "none"
    """What the template lets the office suite do when text does not fit: `none`, `shrink` the text, `grow` the box."""
    font: str | None = None
    """The typeface when the template names one (`+mj-lt`: the theme's title font)."""


@dataclass(frozen=True)
class Need:
    """A placeholder a layout must have: what slidegen calls it, and the placeholder types (`p:ph/@type`) that serve."""

    name: str
    types: frozenset[str]
    instead: str | None = None
    """What slidegen does when the layout has no such placeholder (None: the layout cannot be used)."""



TITLE = Need("title", frozenset({"title", "ctrTitle"}),
             instead="slidegen places a title of its own in the free area above the body")
"""The slide's title placeholder."""

COVER_ROLES = frozenset({"title", "closing"})
"""The kinds of slide that open or close a deck or a section: set like the title slide, no footer unless the
theme asks for one there."""

PICTURE = Need("picture", frozenset({"pic"}))
"""A picture placeholder: where a picture layout puts its picture."""



@dataclass(frozen=True)
class Placeholder:
    """A placeholder in a layout: its type (`p:ph/@type`, `obj` when absent) and index; where it lies and how it sets text."""

    type: str
    idx: int
    rect: Rect | None = None
    """Its frame on the slide: its own position, else its master placeholder's."""
    style: TextStyle = field(default_factory=TextStyle)
    fill: Paint | None = None
    """What the placeholder itself is filled with (a title band), inherited from the master's."""
    name: str = ""

    def serves(self, need: Need) -> bool:
        """Whether this placeholder can hold what the need names."""
        # the slide's title is found as placeholder 0, so a title placeholder must have that index
        return self.type in need.types and (need is not TITLE or self.idx == 0)

    @property
    def ref(self) -> tuple[str, int]:
        """(type, index): what a slide's placeholder shares with the layout's it inherits from."""
        return (self.type, self.idx)



@dataclass(frozen=True)
class Layer:
    """Something a layout or its master draws under the slide's content: a picture, a filled shape, a group …

    A `backdrop` is decoration that the template's own placeholders sit on (a band behind the
    title, a watermark under the body): text may lie on it. Any other layer is an obstacle that
    slidegen's own boxes keep clear of.
    """

    name: str
    rect: Rect
    paint: Paint | None
    kind: str
    backdrop: bool = False
    master: bool = False
    """Drawn by the master (shown on every layout that does not hide the master's shapes)."""



@dataclass(frozen=True)
class Behind:
    """What lies behind an area of a slide: the colours text there must contrast with, and what paints them."""

    colours: tuple[str, ...]
    layers: tuple[str, ...]
    unknown: tuple[str, ...] = ()
    """Layers whose colours cannot be told (a picture slidegen cannot read), by name and why."""
    shares: tuple[tuple[str, float], ...] = ()
    """Each colour with the share of the area it covers (a colour of a few pixels matters less than a band)."""



@dataclass(frozen=True)
class LayoutInfo:
    """One layout of the template: its name and placeholders, its background and its decoration."""

    name: str
    placeholders: tuple[Placeholder, ...]
    background: Paint | None = None
    """The layout's own background, else its master's."""
    layers: tuple[Layer, ...] = ()
    """Decoration in drawing order: the master's (unless the layout hides them), then the layout's own."""
    width: int = 0
    height: int = 0

    def has(self, need: Need) -> bool:
        """Whether some placeholder of the layout serves the need."""
        return any(ph.serves(need) for ph in self.placeholders)

    def find(self, need: Need) -> Placeholder | None:
        """The placeholder that serves the need: the first of the need's types that has one, the largest of those."""
        for kind in sorted(need.types, key=lambda k: PREFERRED.index(k) if k in PREFERRED else len(PREFERRED)):
            found = [ph for ph in self.placeholders if ph.type == kind and ph.serves(need) and ph.rect is not None]
            if found:
                return max(found, key=lambda ph: ph.rect.w * ph.rect.h if ph.rect else 0)
        return None

    def obstacles(self) -> tuple[Layer, ...]:
        """The decoration slidegen's own boxes keep clear of."""
        return tuple(layer for layer in self.layers if not layer.backdrop)

    def behind(self, area: Rect, placeholder: Placeholder | None = None) -> Behind:
        """What shows behind an area: the background, the decoration under it, the placeholder's own fill."""
        slide = Rect(0, 0, self.width, self.height)
        area = area.intersection(slide) or area
        stack: list[tuple[str, Rect, Paint]] = []
        if self.background is not None:
            stack.append(("background", slide, self.background))
        stack.extend((layer.name, layer.rect, layer.paint) for layer in self.layers if layer.paint is not None)
        if placeholder is not None and placeholder.fill is not None and placeholder.rect is not None:
            stack.append((f"placeholder {placeholder.name or placeholder.type}", placeholder.rect, placeholder.fill))
        shares: dict[str, float] = {}
        names: list[str] = []
        unknown: list[str] = []
        for name, rect, paint in reversed(stack):
            part = rect.intersection(area)
            if part is None:
                continue
            names.append(name)
            if paint.unknown:
                unknown.append(f"{name} ({paint.unknown})")
            share = part.w * part.h / (area.w * area.h)
            for colour, weight in paint.under(part):
                shares[colour] = shares.get(colour, 0.0) + weight * share
            if paint.opaque and share >= COVERS:
                break
        return Behind(tuple(shares), tuple(names), tuple(unknown), tuple(shares.items()))



@dataclass(frozen=True)
class TemplateInfo:
    """What slidegen reads from a template: slide size, layouts, master background, fonts, example slides."""

    width: int
    height: int
    layouts: tuple[LayoutInfo, ...]
    background: str | None
    title_font: str | None
    body_font: str | None
    slides: int

    def layout(self, name: str) -> LayoutInfo | None:
        """The layout of that name (the first, if masters repeat it), or None; `⏎` in the name stands for a line break."""
        wanted = name.replace(LINE_BREAK, "\n")
        return next((lay for lay in self.layouts if lay.name == wanted), None)

    @property
    def names(self) -> list[str]:
        """The layout names as check-theme prints them and theme.yaml may write them (line breaks as ⏎)."""
        return list(dict.fromkeys(shown_name(lay.name) for lay in self.layouts))



LINE_BREAK = "⏎"
"""How a line break in a layout name is shown and written."""



def shown_name(name: str) -> str:
    """A layout name on one line: its line breaks as ⏎."""
    return name.replace("\r\n", LINE_BREAK).replace("\n", LINE_BREAK).replace("\r", LINE_BREAK).replace("\v", LINE_BREAK)



COVERS = 0.98
"""A layer under this share of an area hides what lies beneath it there (edges a few EMU apart do not count)."""



PREFERRED = ("title", "ctrTitle", "subTitle", "obj", "body")
"""Which placeholder type serves first when a layout has several that could."""


BODY = Need("body", frozenset({"body", "obj"}))



SUBTITLE = Need("subtitle or body", frozenset({"subTitle", "body", "obj"}))



NEEDS: dict[str, tuple[Need, ...]] = {
    "title": (TITLE, SUBTITLE),
    "content": (TITLE, BODY),
    "title_only": (TITLE,),
    "picture": (TITLE,),
    "two_content": (TITLE,),
    "quote": (TITLE,),
    "closing": (TITLE,),
}
"""The placeholders each kind of slidegen slide needs in its layout (title first: it is read first)."""



USES = {"title": "title and section slides", "content": "text slides", "title_only": "table and chart slides",
        "picture": "picture slides", "two_content": "column slides", "quote": "quote slides",
        "closing": "closing slides"}



FOOTER_NEEDS = {"footer": "ftr", "date": "dt", "number": "sldNum"}



def unreadable(doc: Source, theme: Theme, layout: LayoutInfo, role: str, what: str, key: str, choice: Choice,
               layers: tuple[str, ...] = ()) -> Problem:
    """The located theme problem of a text that no colour tried makes readable on what lies behind it."""
    shown = ", ".join(layers[:3]) or "the background"
    automatic = theme.template is None or theme.template.fix_colours
    tried = "neither the template's colour nor black or white reaches" if automatic else "it needs"
    if automatic:  # black and white were tried: no colour at all is readable on both its light and dark parts
        fix = (f"no colour can be read on all of it; name another layout for `{role}` under `template: layouts:` "
               "(check-theme lists them), one with a plainer background there")
    else:
        fix = (f"set `template.colours.{role}.{key}` to a colour readable there (or remove `fix_colours: false` "
               "to let slidegen choose one)")
    need = ratio(choice.minimum)
    if choice.needed > choice.minimum:
        need += f" with 3 % to spare ({choice.needed:.2f}:1: the colours behind it are a gradient's or a picture's)"
    return doc.problem(("colours", key), f'on layout "{shown_name(layout.name)}" the {what} text {choice.wanted} has '
                       f"contrast {ratio(choice.wanted_ratio)} with {choice.worst} behind it ({shown}), and {tried} "
                       f"{need}; {fix}")


def alternatives_for(theme: Theme, kind: str, key: str, template_colour: str | None) -> tuple[list[tuple[str | None, str]], bool]:
    """What a text of `key` (title, text …) on a layout mapped for `kind` may take instead of the theme's colour.

    The layout's own colour from theme.yaml first; then, unless the theme says `fix_colours: false`,
    the template's own colour for that text, then black or white. Also whether black or white may be tried.
    """
    template = theme.template
    given = template.colours.get(kind) if template is not None else None
    out: list[tuple[str | None, str]] = [(getattr(given, key) if given is not None else None,
                                          f"template.colours.{kind}.{key}")]
    automatic = template is None or template.fix_colours
    if automatic:
        out.append((template_colour, "the template's"))
    return out, automatic
