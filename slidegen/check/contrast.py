"""The contrast a theme's colours must have (WCAG 2.x), as one table, checked when a theme is loaded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from slidegen.colour import LARGE_TEXT_PT, MINIMUM, contrast, ratio
from slidegen.errors import Problem
from slidegen.load.document import Document
from slidegen.models.theme import Theme

Need = Literal["text", "title", "segment"]


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


