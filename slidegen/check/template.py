"""An organisation's PowerPoint template checked against what slidegen needs: slide size, layouts, placeholders, colours, fonts."""

from __future__ import annotations

import difflib
from pathlib import Path

from slidegen.check.contrast import minimum_title
from slidegen.colour import MINIMUM, Choice, choose_colour, ink
from slidegen.errors import Location, Problem
from slidegen.load.document import Document
from slidegen.load.template import TemplateUnreadable, inspect
from slidegen.models.template import (
    BODY,
    COVER_ROLES,
    FOOTER_NEEDS,
    NEEDS,
    SUBTITLE,
    TITLE,
    LayoutInfo,
    Placeholder,
    TemplateInfo,
    alternatives_for,
    shown_name,
    unreadable,
)
from slidegen.models.theme import Theme
from slidegen.units import EMU_PER_PT, Rect, largest_free, ratio_differs, slide_size, to_cm


def _cm(emu: int) -> str:
    return f"{to_cm(emu):.2f}".rstrip("0").rstrip(".")


def size_words(width: int, height: int) -> str:
    """`33.87 × 19.05 cm`."""
    return f"{_cm(width)} × {_cm(height)} cm"


def read_template(doc: Document, path: Path) -> tuple[TemplateInfo | None, list[Problem]]:
    """The template read, or the located problem that it cannot be."""
    try:
        return inspect(path), []
    except TemplateUnreadable as exc:
        return None, [Problem(Location(doc.beside(path.name)), f"cannot be opened as a PowerPoint presentation ({exc}); "
                                                               "open it in PowerPoint and save it as a .pptx presentation")]


def check_template(doc: Document, theme: Theme, path: Path, info: TemplateInfo | None = None) -> list[Problem]:
    """Everything that would make a deck built on the template broken or different from its theme, located."""
    assert theme.template is not None
    shown = doc.beside(path.name)
    if info is None:
        info, problems = read_template(doc, path)
        if info is None:
            return problems
    problems: list[Problem] = []
    if theme.slide_size is not None and ratio_differs((info.width, info.height), slide_size(theme.slide_size)):
        w, h = slide_size(theme.slide_size)
        problems.append(doc.problem(("slide_size",), f"{shown} has slides of {size_words(info.width, info.height)} "
                                    f"(aspect {info.width / info.height:.3f}), but `slide_size: {theme.slide_size}` is "
                                    f"{size_words(w, h)} (aspect {w / h:.3f}); remove `slide_size:` (a theme with a "
                                    "template takes the template's size) or use a template of that shape"))
    for role, needs in NEEDS.items():
        if theme.template.layouts.fallback(role) is not None:
            continue  # built on the layout of another role, checked there
        name = getattr(theme.template.layouts, role)
        layout = info.layout(name)
        if layout is None:
            problems.append(doc.problem(("template", "layouts", role),
                                        f'{shown} has no layout "{shown_name(name)}"{layout_hint(name, role, info)}'))
            continue
        for need in needs:
            if not layout.has(need) and need.instead is None:
                problems.append(Problem(Location(shown), f'layout "{shown_name(layout.name)}" has no {need.name} placeholder'))
        problems.extend(placeholder_contrast(doc, theme, role, layout))
    for key, font in (("title", info.title_font), ("body", info.body_font)):
        wanted = getattr(theme.fonts, key)
        if font and not font.startswith("+") and font != wanted:
            problems.append(doc.problem(("fonts", key), f"the template's {key} font is {font}; set `{key}: {font}` "
                                        "so text is written and measured in the template's font"))
    return problems


def layout_hint(name: str, role: str, info: TemplateInfo) -> str:
    """` — did you mean `X`?` with a layout that has what the kind of slide needs, never the name as written."""
    needs = [n for n in NEEDS.get(role, (TITLE,)) if n.instead is None]
    fits = [lay for lay in info.layouts if all(lay.has(n) for n in needs) and shown_name(lay.name) != name]
    if not fits:
        return f"; its layouts are: {', '.join(info.names)}"
    cover = role in COVER_ROLES

    def rank(lay: LayoutInfo) -> tuple[int, int, int, float]:
        kinds = [ph.type for ph in lay.placeholders]
        lacks = sum(1 for n in NEEDS.get(role, (TITLE,)) if not lay.has(n))
        title_kind = 0 if (("ctrTitle" in kinds) == cover) else 1
        extra = sum(1 for k in kinds if k in ("body", "obj", "subTitle", "pic", "tbl", "chart"))
        similar = difflib.SequenceMatcher(None, name.lower(), lay.name.lower()).ratio()
        return lacks, title_kind, extra if role == "title_only" else 0, -similar

    best = min(fits, key=rank)
    return f" — did you mean `{shown_name(best.name)}`?"


def placeholder_contrast(doc: Document, theme: Theme, role: str, layout: LayoutInfo) -> list[Problem]:
    """A located problem for each placeholder slidegen fills whose text no colour makes readable on what is behind it."""
    problems = []
    for what, key, ph in placeholders_used(theme, role, layout):
        choice = placeholder_choice(theme, role, layout, ph, key, what)
        if choice.colour is None:
            area = first_line(layout, ph, ph.style.size or theme.sizes.body)
            behind = layout.behind(area, ph) if area is not None else None
            problems.append(unreadable(doc, theme, layout, role, what, key, choice, behind.layers if behind else ()))
    return problems


def placeholders_used(theme: Theme, role: str, layout: LayoutInfo) -> list[tuple[str, str, Placeholder]]:
    """(what, colour key, placeholder) for the placeholders of a layout that slidegen writes into."""
    out = []
    title = layout.find(TITLE)
    if title is not None:
        out.append(("title", "title", title))
    cover = role in COVER_ROLES
    if any(need in NEEDS.get(role, (TITLE, BODY)) for need in (BODY, SUBTITLE)):  # as plan/areas.py fills them
        body = layout.find(SUBTITLE if cover else BODY)
        if body is not None:
            out.append(("subtitle" if cover else "body", "text", body))
    f = theme.footer
    shown = {"footer": bool(f.text), "date": f.date, "number": f.slide_number}
    if not cover or f.title_slides:
        for part, kind in FOOTER_NEEDS.items():
            ph = next((p for p in layout.placeholders if p.type == kind and p.rect is not None), None)
            if shown[part] and ph is not None:
                out.append((part if part != "number" else "slide number", "muted", ph))
    return out


LINE_EM = 1.2


def first_line(layout: LayoutInfo, ph: Placeholder, size: float) -> Rect | None:
    """Where the first line of a placeholder's text lies (by its anchor), less decoration over part of it.

    Whatever text a slide puts there covers at least this: a colour unreadable here is unreadable.
    """
    if ph.rect is None:
        return None
    frame = largest_free(ph.rect, [o.rect for o in layout.obstacles()]) or ph.rect
    anchor = ph.style.anchor or ("b" if ph.type in TITLE.types else "t")
    return line_at(frame, ph.style.insets, anchor, size)


def line_at(frame: Rect, insets: tuple[int, int, int, int], anchor: str, size: float) -> Rect:
    """The ink of one line of text at `size` in a frame, placed by the frame's anchor."""
    left, top, right, bottom = insets
    line = round(size * LINE_EM * EMU_PER_PT)
    inner = Rect(frame.x, frame.y + top, frame.w, max(1, frame.h - top - bottom))
    h = min(inner.h, line)
    y = inner.y if anchor == "t" else inner.bottom - h if anchor == "b" else inner.y + (inner.h - h) // 2
    top_ink, height = ink(y, h, line)
    return Rect(frame.x, top_ink, frame.w, height)


def placeholder_choice(theme: Theme, role: str, layout: LayoutInfo, ph: Placeholder, key: str, what: str) -> Choice:
    """The colour a placeholder's text takes: the theme's if readable there, else the layout's or template's own."""
    wanted = getattr(theme.colours, key)
    size = ph.style.size or (theme.sizes.title if key == "title" else theme.sizes.body)
    area = first_line(layout, ph, size)
    behind = layout.behind(area, ph) if area is not None else None
    minimum = minimum_title(theme, size) if key == "title" else MINIMUM["text"]
    alternatives, automatic = alternatives_for(theme, role, key, ph.style.colour)
    return choose_colour(wanted, behind.shares if behind else (), minimum, alternatives, automatic)
