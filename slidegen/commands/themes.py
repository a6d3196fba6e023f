"""What `slidegen check-theme` and `slidegen list themes` show: a theme's template layouts, contrast, logo and footer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from slidegen.check.contrast import checks, on_background, shown
from slidegen.check.library import Library
from slidegen.check.theme import check_theme
from slidegen.colour import ratio
from slidegen.errors import ContentError, Location, Problem, suggest
from slidegen.load.document import Document
from slidegen.models.bundle import ThemeFiles
from slidegen.models.theme import Theme
from slidegen.plan.model import PictureBox
from slidegen.project import Project

OK, BAD = "✓", "✗"


@dataclass
class ThemeReport:
    """The lines `check-theme` prints, and the problems that make it fail."""

    lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def theme_path(project: Project, name: str) -> Path:
    """themes/<name>/theme.yaml, or a ContentError naming the themes there are."""
    path = project.themes / name / "theme.yaml"
    if name not in project.theme_names():  # a name, never a path: the same rule as `build --theme`
        hint = suggest(name, project.theme_names()) or f"; the themes are: {', '.join(project.theme_names())}"
        raise ContentError([Problem(Location(f"themes/{name}"), f"there is no theme `{name}` (no file themes/{name}/theme.yaml){hint}")])
    return path


def check_report(project: Project, name: str) -> ThemeReport:
    """Check a theme folder and describe it; raises ContentError only when theme.yaml itself cannot be read."""
    loaded = Library(project).load(theme_path(project, name), Theme)
    theme, doc = loaded.model, loaded.doc
    files, problems = check_theme(doc, theme)
    if files.logo is not None and theme.logo is not None and not problems:  # decoded as a build would
        from slidegen.build import picture_cache
        from slidegen.plan.layout import frames_for

        frame = frames_for(theme, files.logo_pixels).logo
        if frame is not None:
            logo = PictureBox(frame, files.logo, theme.logo.description, pixels=files.logo_pixels,
                              source=doc.location(("logo", "file")))
            problems = picture_cache(project).check_boxes([logo])
    report = ThemeReport(problems=problems)
    out = report.lines
    out.append(f"theme {theme.name} ({doc.display}): {theme.description or 'no description'}")
    size = "the template's size" if theme.template is not None else theme.slide_size or "16:9"
    out.append(f"  slides {size}; fonts {theme.fonts.title} (titles), {theme.fonts.body} (text)")
    from slidegen.commands.template_report import font_lines

    out.extend(font_lines(theme))
    lines, unreadable = _template_lines(doc, theme, files)
    out.extend(lines)
    known = {p.message for p in problems}
    report.problems.extend(p for p in unreadable if p.message not in known)
    out.extend(_contrast_lines(theme))
    out.extend(_logo_and_footer(theme, files))
    return report


def _template_lines(doc: Document, theme: Theme, files: ThemeFiles) -> tuple[list[str], list[Problem]]:
    if theme.template is None:
        return ["template: none; slides are built on slidegen's own master in the theme's colours and fonts"], []
    from slidegen.commands.template_report import template_lines

    where = doc.beside(theme.template.file)
    if files.template is None:
        return [f"template: {where} is missing"], []
    if files.template_info is None:
        return [f"template: {where} cannot be opened"], []
    return template_lines(doc, theme, files.template_info, where, files.logo_pixels)


def _contrast_lines(theme: Theme) -> list[str]:
    lines = ["contrast (WCAG 2: text 4.5:1, titles ≥ 18 pt and chart segments 3:1):"]
    if theme.template is not None:
        lines[0] = lines[0][:-1] + " (on the template, text on the background is checked layout by layout, above):"
    for c in checks(theme):
        if theme.template is not None and on_background(c.rule):
            continue
        mark = OK if c.ok else BAD
        against = f"{c.rule.relation} {shown(c.rule.bg)}"
        lines.append(f"  {mark} {shown(c.rule.fg):<19} {c.fg} {against:<26} {c.bg} {ratio(c.ratio):>7}  (needs {ratio(c.minimum)})")
    return lines


def _logo_and_footer(theme: Theme, files: ThemeFiles) -> list[str]:
    lines = []
    if theme.logo is None:
        lines.append("logo: none")
    else:
        size = f"{files.logo_pixels[0]} × {files.logo_pixels[1]} px, " if files.logo_pixels else ""
        alt = f'alt text "{theme.logo.description}"' if theme.logo.description else "decorative"
        lines.append(f"logo: {theme.logo.file}, {size}{theme.logo.height:g} cm high, {theme.logo.corner}, {alt}")
    f = theme.footer
    parts = [f'"{f.text}"' if f.text else "", "meeting date" if f.date else "", "slide number" if f.slide_number else ""]
    shown_parts = ", ".join(p for p in parts if p)
    where = " (title slides too)" if f.title_slides else ""
    lines.append(f"footer: {shown_parts}{where}" if shown_parts else "footer: none")
    return lines


def list_themes(project: Project) -> list[tuple[str, str]]:
    """(name, description) of every theme; a theme whose theme.yaml has errors says so."""
    library = Library(project)
    out = []
    for name in project.theme_names():
        try:
            theme = library.load(project.themes / name / "theme.yaml", Theme).model
        except ContentError:
            out.append((name, f"(theme.yaml has errors: run `slidegen check-theme {name}`)"))
            continue
        template = f" [template: {theme.template.file}]" if theme.template else ""
        out.append((name, (theme.description or "") + template))
    return out

