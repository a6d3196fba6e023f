"""How a template sets the text of its placeholders: size, colour, case, alignment, anchor, insets, inherited."""

from __future__ import annotations

from typing import Any, Iterable

from slidegen.load.template_paint import A, ColourContext, first_colour
from slidegen.models.template import DEFAULT_INSETS, TextStyle

TITLE_TYPES = frozenset({"title", "ctrTitle"})
FOOTER_TYPES = frozenset({"dt", "ftr", "sldNum"})

AUTOFITS = {f"{{{A}}}noAutofit": "none", f"{{{A}}}normAutofit": "shrink", f"{{{A}}}spAutoFit": "grow"}


def _a(tag: str) -> str:
    return f"{{{A}}}{tag}"


def style_sheet(kind: str) -> str:
    """Which of the master's text styles a placeholder type takes its look from."""
    if kind in TITLE_TYPES:
        return "titleStyle"
    if kind in FOOTER_TYPES:
        return "otherStyle"
    return "bodyStyle"


def _prompt(sp: Any) -> tuple[Any, Any]:
    """The paragraph and run properties of a placeholder's prompt text (its first paragraph)."""
    p = sp.find(f".//{{{_P}}}txBody/{_a('p')}")
    if p is None:
        return None, None
    rpr = p.find(f"{_a('r')}/{_a('rPr')}")
    return p.find(_a("pPr")), rpr if rpr is not None else p.find(_a("endParaRPr"))


def _level1(lst: Any) -> tuple[Any, Any]:
    """The first level's paragraph properties and default run properties of a list style."""
    if lst is None:
        return None, None
    ppr = lst.find(_a("lvl1pPr"))
    return ppr, ppr.find(_a("defRPr")) if ppr is not None else None


ALIGNS = {"l": "l", "ctr": "ctr", "r": "r", "just": "l", "dist": "l", "justLow": "l", "thaiDist": "l"}
ANCHORS = {"t": "t", "ctr": "ctr", "b": "b", "just": "t", "dist": "t"}


def resolve_style(shapes: Iterable[Any], sheets: Iterable[Any], ctx: ColourContext) -> TextStyle:
    """The text style of a placeholder from its own shape, the master placeholder it inherits, then the text styles.

    `shapes` are the `p:sp` elements most specific first (the layout's placeholder, the master's);
    `sheets` are list-style elements after them (the master's title/body/other style, the
    presentation's default text style).
    """
    values: dict[str, Any] = {}
    insets: list[int | None] = [None, None, None, None]
    lists = []
    for sp in shapes:
        if sp is None:
            continue
        body = sp.find(f".//{{{_P}}}txBody/{_a('bodyPr')}")
        if body is not None:
            for i, key in enumerate(("lIns", "tIns", "rIns", "bIns")):
                if insets[i] is None and body.get(key) is not None:
                    insets[i] = int(body.get(key))
            if "anchor" not in values and body.get("anchor"):
                values["anchor"] = ANCHORS.get(body.get("anchor"), "t")
            if "autofit" not in values:
                fit = next((AUTOFITS[c.tag] for c in body if c.tag in AUTOFITS), None)
                if fit:
                    values["autofit"] = fit
        lists.append(sp.find(f".//{{{_P}}}txBody/{_a('lstStyle')}"))
    lists.extend(sheets)
    levels = [_level1(lst) for lst in lists]
    # LibreOffice writes no list styles but formats the prompt text: the first paragraph's, last
    levels += [_prompt(sp) for sp in shapes if sp is not None]
    for ppr, rpr in levels:
        if ppr is not None and "align" not in values and ppr.get("algn"):
            values["align"] = ALIGNS.get(ppr.get("algn"), "l")
        if rpr is None:
            continue
        if "size" not in values and rpr.get("sz"):
            values["size"] = int(rpr.get("sz")) / 100
        if "bold" not in values and rpr.get("b") is not None:
            values["bold"] = rpr.get("b") in ("1", "true")
        if "caps" not in values and rpr.get("cap") is not None:
            values["caps"] = rpr.get("cap") == "all"
        if "colour" not in values:
            fill = rpr.find(_a("solidFill"))
            if fill is not None:
                values["colour"] = first_colour(fill, ctx)
        if "font" not in values:
            latin = rpr.find(_a("latin"))
            if latin is not None and latin.get("typeface"):
                values["font"] = latin.get("typeface")
    found = tuple(v if v is not None else d for v, d in zip(insets, DEFAULT_INSETS))
    return TextStyle(insets=found, **values)


_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
