"""An organisation's PowerPoint template checked against what slidegen needs: slide size, layouts, placeholders, colours, fonts."""

from __future__ import annotations

from pathlib import Path

from slidegen.errors import Location, Problem, suggest
from slidegen.load.document import Document
from slidegen.load.template import TITLE, Need, TemplateUnreadable, inspect
from slidegen.models.theme import Theme
from slidegen.units import SLIDE_SIZES, to_cm

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


def _cm(emu: int) -> str:
    return f"{to_cm(emu):.2f}".rstrip("0").rstrip(".")


def check_template(doc: Document, theme: Theme, path: Path) -> list[Problem]:
    """Everything that would make a deck built on the template broken or different from its theme, located."""
    assert theme.template is not None
    shown = doc.beside(path.name)
    try:
        info = inspect(path)
    except TemplateUnreadable as exc:
        return [Problem(Location(shown), f"cannot be opened as a PowerPoint presentation ({exc}); "
                                         "open it in PowerPoint and save it as a .pptx presentation")]
    problems: list[Problem] = []
    if (info.width, info.height) != SLIDE_SIZES[theme.slide_size]:
        sizes = {v: k for k, v in SLIDE_SIZES.items()}
        fits = sizes.get((info.width, info.height))
        advice = (f'set `slide_size: "{fits}"`' if fits else
                  "make it 16:9 (33.87 × 19.05 cm) or 4:3 (25.4 × 19.05 cm) in PowerPoint's Slide Size dialog")
        problems.append(doc.problem(("slide_size",), f"{shown} has slides of {_cm(info.width)} × {_cm(info.height)} cm, "
                                                     f"not {theme.slide_size}; {advice}"))
    names = [lay.name for lay in info.layouts]
    for role, needs in NEEDS.items():
        if theme.template.layouts.fallback(role) is not None:
            continue  # built on the layout of another role, checked there
        name = getattr(theme.template.layouts, role)
        layout = info.layout(name)
        if layout is None:
            hint = suggest(name, names) or f"; its layouts are: {', '.join(names)}"
            problems.append(doc.problem(("template", "layouts", role), f'{shown} has no layout "{name}"{hint}'))
            continue
        for need in needs:
            if not layout.has(need):
                problems.append(Problem(Location(shown), f'layout "{name}" has no {need.name} placeholder'))
    if info.background is not None and info.background != theme.colours.background.upper():
        problems.append(doc.problem(("colours", "background"), f"the template's background is {info.background}; "
                                    f'set `background: "{info.background}"` so contrast is checked against what is shown'))
    for key, font in (("title", info.title_font), ("body", info.body_font)):
        wanted = getattr(theme.fonts, key)
        if font and not font.startswith("+") and font != wanted:
            problems.append(doc.problem(("fonts", key), f"the template's {key} font is {font}; set `{key}: {font}` "
                                        "so text is written and measured in the template's font"))
    return problems
