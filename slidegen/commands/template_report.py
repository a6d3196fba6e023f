"""What check-theme says about a theme's template: its layouts, the boxes slidegen uses on each and their contrast."""

from __future__ import annotations

from slidegen.check.contrast import minimum_title
from slidegen.check.template import line_at, size_words
from slidegen.colour import MINIMUM, Choice, choose_colour, ratio
from slidegen.errors import Problem
from slidegen.load.document import Document
from slidegen.models.template import NEEDS, USES, TemplateInfo, alternatives_for, shown_name, unreadable
from slidegen.models.theme import Theme
from slidegen.plan.areas import Area, LayoutAreas, scaled, template_areas
from slidegen.plan.chart_look import chart_look
from slidegen.plan.fonts import METRIC_TWINS, UNKNOWN_LINE_EM
from slidegen.plan.layout import logo_frame
from slidegen.units import to_cm

OK, BAD = "✓", "✗"

PARTS = (("title", "title", "title"), ("body", "text", "body"), ("footer", "muted", "footer"),
         ("date", "muted", "date"), ("number", "muted", "slide number"))
"""The areas of a layout: attribute, the theme colour its text is written in, what check-theme calls it."""


def font_lines(theme: Theme) -> list[str]:
    """Every font the theme writes text in that slidegen has no metrics for, and what it measures it with."""
    unknown = [f for f in dict.fromkeys((theme.fonts.title, theme.fonts.body)) if f.strip().lower() not in METRIC_TWINS]
    if not unknown:
        return ["fonts: slidegen has metrics for every font the theme uses"]
    stand_in = theme.fonts.measure_unknown_as
    return [f"fonts without metrics: {', '.join(unknown)}; measured as {stand_in} with lines "
            f"{UNKNOWN_LINE_EM:g} em high (`fonts.measure_unknown_as` chooses another); check the rendered slides"]


def _where(area: Area) -> str:
    f = area.frame
    kind = f"placeholder {area.placeholder[0]}" if area.placeholder else "own box"
    return f"{kind:<20} {to_cm(f.w):5.2f} × {to_cm(f.h):5.2f} cm at {to_cm(f.x):.2f}, {to_cm(f.y):.2f}"


def area_choice(theme: Theme, role: str, areas: LayoutAreas, area: Area, key: str) -> Choice:
    """The colour one area's text takes on what lies behind its first line: the theme's, the layout's or the template's."""
    wanted = getattr(theme.colours, key)
    size = area.size or (theme.sizes.title if key == "title" else theme.sizes.small if key == "muted"
                         else theme.sizes.body)
    line = line_at(area.frame, (area.insets.left, area.insets.top, area.insets.right, area.insets.bottom),
                   area.anchor, size)
    behind = areas.layout.behind(line, area.source)
    minimum = minimum_title(theme, size) if key == "title" else MINIMUM["text"]
    alternatives, automatic = alternatives_for(theme, role, key, area.colour)
    return choose_colour(wanted, behind.shares, minimum, alternatives, automatic)


def _choice_words(choice: Choice) -> str:
    if choice.colour is None:
        return (f"{BAD} {choice.wanted} {ratio(choice.wanted_ratio)} on {choice.worst}; nothing reaches "
                f"{ratio(choice.minimum)}")
    if choice.changed:
        return (f"{OK} {choice.colour} ({choice.source}) {ratio(choice.ratio)}; the theme's {choice.wanted} is "
                f"{ratio(choice.wanted_ratio)} on {choice.worst}")
    return f"{OK} {choice.colour} {ratio(choice.ratio)}" if choice.worst else f"{OK} {choice.colour}"


def template_lines(doc: Document, theme: Theme, info: TemplateInfo, where: str,
                   logo_pixels: tuple[int, int] | None = None) -> tuple[list[str], list[Problem]]:
    """The template's part of check-theme: its size, layouts, what slidegen needs, and each mapped layout's boxes."""
    assert theme.template is not None
    names = ", ".join(f'"{name}"' for name in info.names)
    lines = [
        f"template: {where}, {size_words(info.width, info.height)} (decks take its size), "
        f"fonts {info.title_font} / {info.body_font}",
        f"  its layouts ({len(info.names)}, line breaks shown as ⏎): {names}",
        f"  its {info.slides} example slide{'s' if info.slides != 1 else ''} are left out of every deck"
        if info.slides else "  it has no example slides",
    ]
    rows = []
    for role, needs in NEEDS.items():
        stand_in = theme.template.layouts.fallback(role)
        if stand_in is not None:
            rows.append((f"{role} ({USES[role]}): not named", f"built on the {stand_in} layout"))
            continue
        name = getattr(theme.template.layouts, role)
        layout = info.layout(name)
        if layout is None:
            has = f"{BAD} no such layout"
        else:
            has = "  ".join(f"{need.name} {OK if layout.has(need) else BAD if need.instead is None else '– ' + need.instead}"
                            for need in needs)
        rows.append((f'{role} ({USES[role]}): "{shown_name(name)}"', has))
    width = max(len(left) for left, _ in rows) + 2
    lines.append(f"  {'slidegen needs':<{width}}the template has")
    lines.extend(f"  {left:<{width}}{has}" for left, has in rows)
    lines_areas, problems = area_lines(doc, theme, info, logo_pixels)
    return lines + lines_areas, problems


def area_lines(doc: Document, theme: Theme, info: TemplateInfo,
               logo_pixels: tuple[int, int] | None = None) -> tuple[list[str], list[Problem]]:
    """Each mapped layout's boxes (as the build places them, clear of the theme's logo): where they are and the
    colour their text takes there, and the charts' colours."""
    assert theme.template is not None
    sized = scaled(theme, info.height)
    logo = logo_frame(sized, logo_pixels, info.width, info.height) if sized.logo and logo_pixels else None
    areas = template_areas(sized, info, theme.template.layouts.names(template=True), logo)
    lines = ["  the boxes slidegen uses on each layout, and the colour of their text there:"]
    problems: list[Problem] = []
    for role, layout_areas in areas.items():
        lines.append(f'    {role}: "{shown_name(layout_areas.layout.name)}"')
        for attr, key, what in PARTS:
            area = getattr(layout_areas, attr)
            if area is None or (role == "title" and attr in ("footer", "date", "number")
                                and not theme.footer.title_slides):
                continue
            shown = "subtitle" if role == "title" and attr == "body" else what
            if role in ("title_only", "picture") and attr == "body":  # their captions are checked where they lie
                lines.append(f"      {'tables, charts' if role == 'title_only' else 'pictures':<13} {_where(area)}")
                continue
            choice = area_choice(sized, role, layout_areas, area, key)
            lines.append(f"      {shown:<13} {_where(area)}  {_choice_words(choice)}")
            if choice.colour is None:
                line = line_at(area.frame, (area.insets.left, area.insets.top, area.insets.right,
                                            area.insets.bottom), area.anchor, area.size or sized.sizes.body)
                problems.append(unreadable(doc, sized, layout_areas.layout, role, shown, key, choice,
                                           layout_areas.layout.behind(line, area.source).layers))
    charts = areas.get("title_only") or areas.get("content")
    if charts is not None:
        look = chart_look(sized, charts.layout.behind(charts.body.frame).colours)
        lines.append(f"  charts: {look.note}" if look.note else
                     f"  charts: on {look.background} in the theme's chart colours (they pass there)")
    return lines, problems
