"""The contrast a theme's colours must have (WCAG 2.x), as one table, checked when a theme is loaded."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Any, Literal, Sequence

from slidegen.colour import contrast, luminance, readable_on
from slidegen.errors import Problem
from slidegen.load.document import Document
from slidegen.models.theme import Theme

Need = Literal["text", "title", "segment"]

MINIMUM: dict[Need, float] = {"text": 4.5, "title": 3.0, "segment": 3.0}
"""WCAG 2.x: 4.5:1 for text, 3:1 for large text (≥ 18 pt) and for graphics such as chart segments."""

LARGE_TEXT_PT = 18.0
"""Text at least this large counts as large text; titles that may shrink below it need the text minimum."""

WHAT: dict[Need, str] = {"text": "text needs", "title": "titles need", "segment": "chart segments need"}


@dataclass(frozen=True)
class Rule:
    """Two colours (paths under `colours:`) that must contrast, and what the foreground is."""

    fg: str
    bg: str
    need: Need
    relation: str = "on"


RULES: tuple[Rule, ...] = (
    Rule("text", "background", "text"),
    Rule("muted", "background", "text"),
    Rule("accent", "background", "text"),
    Rule("title", "background", "title"),
    Rule("table_header_text", "table_header", "text"),
    Rule("table_text", "table_row", "text"),
    Rule("table_text", "table_row_alt", "text"),
    Rule("chart.done", "background", "segment"),
    Rule("chart.ongoing", "background", "segment"),
    Rule("chart.not_relevant", "background", "segment"),
    Rule("chart.missing", "background", "segment"),
    Rule("chart.ongoing", "chart.done", "segment", "next to"),
    Rule("chart.not_relevant", "chart.ongoing", "segment", "next to"),
    Rule("chart.missing", "chart.not_relevant", "segment", "next to"),
)
"""Every pair checked. Chart segments are drawn in this order, so each one also borders the one before it."""


def palette_rules(theme: Theme) -> tuple[Rule, ...]:
    """The rules of a theme's bar-chart palette: each colour on the background and next to the one before it;
    the first after the last, since they meet when the palette repeats."""
    if not theme.colours.chart.palette:
        return ()  # the palette is `done` and `ongoing`, which RULES checks
    n = len(theme.colours.chart.palette)
    out = [Rule(f"chart.palette.{i}", "background", "segment") for i in range(n)]
    out += [Rule(f"chart.palette.{i}", f"chart.palette.{i - 1}", "segment", "next to") for i in range(1, n)]
    if n > 2:
        out.append(Rule("chart.palette.0", f"chart.palette.{n - 1}", "segment", "after"))
    return tuple(out)


@dataclass(frozen=True)
class Check:
    """One rule applied to a theme: the two colours, their ratio and the minimum."""

    rule: Rule
    fg: str
    bg: str
    ratio: float
    minimum: float

    @property
    def ok(self) -> bool:
        """Whether the pair contrasts enough."""
        return self.ratio >= self.minimum

    def message(self) -> str:
        """`#999999 on background #FFFFFF has contrast 2.8:1; text needs at least 4.5:1`."""
        r = self.rule
        return (
            f"{self.fg} {r.relation} {shown(r.bg)} {self.bg} has contrast {ratio(self.ratio)}; "
            f"{WHAT[r.need]} at least {ratio(self.minimum)}"
        )


def ratio(value: float) -> str:
    """A contrast ratio as people write it, rounded down so a failing ratio never shows as the minimum: `2.8:1`."""
    return f"{math.floor(value * 10 + 1e-9) / 10:g}:1"


def _colour(theme: Theme, path: str) -> str:
    value: Any = theme.colours
    for part in path.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    return str(value).upper()


def shown(path: str) -> str:
    """A colour's path as the theme file writes it: `chart.palette[2]`."""
    return re.sub(r"\.(\d+)", r"[\1]", path)


def minimum(rule: Rule, theme: Theme) -> float:
    """The ratio a rule needs in this theme: titles that may shrink below 18 pt count as normal text."""
    if rule.need == "title" and theme.sizes.title_min < LARGE_TEXT_PT:
        return MINIMUM["text"]
    return MINIMUM[rule.need]


def minimum_title(theme: Theme, size: float) -> float:
    """What a title starting at `size` needs: 3:1 only while it can never shrink below 18 pt."""
    return MINIMUM["title"] if min(size, theme.sizes.title_min) >= LARGE_TEXT_PT else MINIMUM["text"]


def checks(theme: Theme) -> list[Check]:
    """Every rule applied to the theme, in table order."""
    out = []
    panel = theme.colours.chart.background
    for rule in (*RULES, *palette_rules(theme)):
        if rule.need == "segment" and rule.bg == "background" and panel is not None:
            rule = Rule(rule.fg, "chart.background", rule.need, rule.relation)  # charts on a plot area of their own
        fg, bg = _colour(theme, rule.fg), _colour(theme, rule.bg)
        out.append(Check(rule, fg, bg, contrast(fg, bg), minimum(rule, theme)))
    return out


def contrast_problems(doc: Document, theme: Theme, on_template: bool = False) -> list[Problem]:
    """A located problem for every pair of colours below its minimum.

    `on_template`: the pairs with the background and the chart colours are left out; on a
    template, text is checked against what each layout shows and charts take colours that pass.
    """
    return [
        doc.problem(("colours", *(int(p) if p.isdigit() else p for p in check.rule.fg.split("."))), check.message())
        for check in checks(theme)
        if not check.ok and not (on_template and on_background(check.rule))
    ]


def on_background(rule: Rule) -> bool:
    """Whether a rule is about the slide's background or the chart colours (what a template decides)."""
    return rule.bg == "background" or rule.need == "segment"


BLACK, WHITE = "#000000", "#FFFFFF"

INK_TOP, INK_BOTTOM = 0.15, 0.1
"""The share of a line's height above its capitals and below its descenders: no ink there, so not checked."""


def ink(y: int, h: int, line: int) -> tuple[int, int]:
    """The part of a text block (top y, height h; lines `line` high) that glyphs are drawn in."""
    top, bottom = round(line * INK_TOP), round(line * INK_BOTTOM)
    return (y + top, max(1, h - top - bottom)) if h > top + bottom else (y, h)


IGNORED_SHARE = 0.02
"""What may contrast less behind a text: 2 % of its area (the soft edge of a band in a picture)."""

Behind = Sequence["str | tuple[str, float]"]
"""Colours behind a text: plain (each counts alike), or with the share of the area each covers."""


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


def against(colour: str, behind: Behind) -> tuple[float, str | None]:
    """The lowest contrast of a colour with what is behind it (leaving out IGNORED_SHARE of it), and that colour."""
    pairs = [(b, 1.0) if isinstance(b, str) else b for b in behind]
    total = sum(w for _, w in pairs)
    if not pairs or total <= 0:
        return 21.0, None
    ranked = sorted((contrast(colour, c), c, w) for c, w in pairs)
    seen = 0.0
    for r, c, w in ranked:
        seen += w
        if seen > IGNORED_SHARE * total:
            return r, c
    return ranked[-1][0], ranked[-1][1]


@dataclass(frozen=True)
class Choice:
    """The colour a text takes on what lies behind it: the wanted one if readable, else the first readable alternative."""

    wanted: str
    colour: str | None
    """None when no colour tried is readable."""
    source: str
    """Where the colour comes from: `theme`, or the alternative's name (`the template's`, `black` …)."""
    ratio: float
    """The chosen colour's lowest contrast (the wanted one's when none passes)."""
    worst: str | None
    """What behind the text the wanted colour contrasts least with."""
    wanted_ratio: float
    minimum: float

    @property
    def changed(self) -> bool:
        return self.colour is not None and self.colour != self.wanted


def choose_colour(wanted: str, behind: Behind, minimum_ratio: float,
                  alternatives: Sequence[tuple[str | None, str]] = (), black_or_white: bool = True) -> Choice:
    """The wanted colour if it is readable on everything behind, else the first alternative that is, else black or white.

    `alternatives` are (colour, where it comes from); None colours are skipped.
    """
    ratio_wanted, worst = against(wanted.upper(), behind)
    if ratio_wanted >= minimum_ratio or not behind:
        return Choice(wanted, wanted, "theme", ratio_wanted, worst, ratio_wanted, minimum_ratio)
    tried = [*alternatives, *([(BLACK, "black"), (WHITE, "white")] if black_or_white else [])]
    best: tuple[float, str, str] | None = None
    for colour, source in tried:
        if colour is None:
            continue
        r, _ = against(colour.upper(), behind)
        if r >= minimum_ratio and source not in ("black", "white"):
            return Choice(wanted, colour.upper(), source, r, worst, ratio_wanted, minimum_ratio)
        if source in ("black", "white") and r >= minimum_ratio and (best is None or r > best[0]):
            best = (r, colour, source)
    if best is not None:
        return Choice(wanted, best[1], best[2], best[0], worst, ratio_wanted, minimum_ratio)
    return Choice(wanted, None, "", ratio_wanted, worst, ratio_wanted, minimum_ratio)


SEGMENT_ORDER = ("done", "ongoing", "not_relevant", "missing")
"""Chart segments in the order they are drawn: each borders the one before it."""


def palette_passes(palette: Sequence[str], background: str) -> bool:
    """Whether chart colours (in SEGMENT_ORDER) pass the chart rules on a background."""
    need = MINIMUM["segment"]
    if any(contrast(c, background) < need for c in palette):
        return False
    return all(contrast(a, b) >= need for a, b in zip(palette, palette[1:]))


def _with_luminance(colour: str, target: float) -> str:
    """The colour with its hue and saturation, made as light or dark as the target luminance."""
    import colorsys

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, _, s = colorsys.rgb_to_hls(r, g, b)
    lo, hi = 0.0, 1.0
    out = colour
    for _ in range(30):
        mid = (lo + hi) / 2
        rgb = colorsys.hls_to_rgb(h, mid, s)
        out = "#" + "".join(f"{round(c * 255):02X}" for c in rgb)
        if luminance(out) < target:
            lo = mid
        else:
            hi = mid
    rgb = colorsys.hls_to_rgb(h, hi, s)
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgb)


MARGIN = 3.15
"""The ratio aimed at when colours are proposed: a little above 3:1, so rounding never fails them."""


def _targets(background: str) -> list[tuple[float, float]]:
    """Luminances (first segment, second) that alternate at 3:1 and each keep 3:1 from the background."""
    lb = luminance(background)
    out = []
    darker = (lb + 0.05) / MARGIN - 0.05
    lighter = MARGIN * (lb + 0.05) - 0.05
    if darker >= 0 and (darker + 0.05) / MARGIN - 0.05 >= 0:  # all darker than the background: far, near
        out.append(((darker + 0.05) / MARGIN - 0.05, darker))
    if lighter <= 1 and MARGIN * (lighter + 0.05) - 0.05 <= 1:  # all lighter: far, near
        out.append((MARGIN * (lighter + 0.05) - 0.05, lighter))
    if darker >= 0 and lighter <= 1:  # darker and lighter by turns
        out.append((darker, lighter))
    return out


def propose_palette(palette: Sequence[str], background: str) -> list[str] | None:
    """Chart colours near the given ones (same hues) that pass the chart rules on the background, or None if none can."""
    if palette_passes(palette, background):
        return list(palette)
    for order in itertools.permutations(palette):  # the same colours drawn in another order
        if palette_passes(order, background):
            return list(order)
    best: tuple[float, list[str]] | None = None
    for first, second in _targets(background):
        proposal = [_with_luminance(c, first if i % 2 == 0 else second) for i, c in enumerate(palette)]
        if not palette_passes(proposal, background):
            continue
        change = sum(abs(luminance(a) - luminance(b)) for a, b in zip(proposal, palette))
        if best is None or change < best[0]:
            best = (change, proposal)
    return best[1] if best else None


@dataclass(frozen=True)
class ChartLook:
    """How charts are drawn on a background: on it or on a plot area of their own, in which colours."""

    background: str
    palette: tuple[str, ...]
    """In SEGMENT_ORDER."""
    panel: bool
    """Drawn on a plot area of its own colour (not on the slide's background)."""
    text: str
    grid: str
    note: str | None = None
    """What check-theme says about it when the theme's colours could not be used as they are."""


def chart_look(theme: Theme, behind: Sequence[str]) -> ChartLook:
    """The chart colours for a theme on what lies behind its charts (one colour, or several: a picture, a gradient).

    The theme's colours on the slide's own background when they pass there; else colours of the same
    hues that do; else, when no palette can pass there (a mid-dark background), a plot area of its
    own (the theme's `chart.background`, else white) with colours that pass on it.
    """
    c = theme.colours
    configured = [getattr(c.chart, key).upper() for key in SEGMENT_ORDER]
    plain = list(dict.fromkeys(b.upper() for b in behind))
    if c.chart.background is None and len(plain) == 1:
        bg = plain[0]
        proposal = propose_palette(configured, bg)
        if proposal is not None:
            note = None if proposal == configured else (
                f"the chart colours do not all pass on the background {bg}; charts use {', '.join(proposal)} "
                "instead (set `colours.chart` to choose others)")
            return _look(theme, bg, proposal, False, note)
        reason = (f"no palette of chart colours can pass on the background {bg} (each segment needs 3:1 against it "
                  "and against its neighbour)")
    elif c.chart.background is None:
        bg, reason = None, "the background behind charts is not one colour (a picture or gradient)"
    else:
        bg, reason = None, None
    panel = (c.chart.background or (c.background if bg is None else readable_on(bg, WHITE, BLACK))).upper()
    if bg is not None and panel == bg:
        panel = WHITE if bg != WHITE else BLACK
    proposal = propose_palette(configured, panel) or configured
    note = None
    if reason:
        note = f"{reason}; charts are drawn on a plot area of their own, {panel}, in {', '.join(proposal)}"
    return _look(theme, panel, proposal, True, note)


def _look(theme: Theme, background: str, palette: Sequence[str], panel: bool, note: str | None) -> ChartLook:
    c = theme.colours
    text = choose_colour(c.text, [background], MINIMUM["text"]).colour or readable_on(background)
    grid = choose_colour(c.muted, [background], MINIMUM["segment"]).colour or readable_on(background)
    return ChartLook(background, tuple(palette), panel, text, grid, note)
