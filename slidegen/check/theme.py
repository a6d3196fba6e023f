"""Theme folders: theme.yaml validated, its contrast, logo and template checked before any deck uses it."""

from __future__ import annotations

from pathlib import Path

from slidegen.check.contrast import contrast_problems
from slidegen.errors import Problem, suggest
from slidegen.load.document import Document
from slidegen.load.pictures import PictureError, read_picture
from slidegen.models.bundle import ThemeFiles
from slidegen.models.theme import Theme
from slidegen.units import to_cm


def _file_in_folder(doc: Document, name: str, loc: tuple[str, ...], problems: list[Problem],
                    suffixes: tuple[str, ...]) -> Path | None:
    """The named file in the theme folder, or a located problem (with a did-you-mean) when it is not there."""
    folder = doc.path.parent
    path = folder / name
    if path.is_file():
        return path
    known = [p.name for p in folder.iterdir() if p.suffix.lower() in suffixes] if folder.is_dir() else []
    problems.append(doc.problem(loc, f"there is no file {doc.beside(name)}{suggest(name, known)}"))
    return None


def check_files(doc: Document, theme: Theme) -> tuple[ThemeFiles, list[Problem]]:
    """Find the logo and template a theme names, and check that the logo is really a PNG picture."""
    folder = doc.path.parent
    problems: list[Problem] = []
    logo = logo_pixels = template = None
    if theme.logo is not None:
        logo = _file_in_folder(doc, theme.logo.file, ("logo", "file"), problems, (".png",))
        if logo is not None:
            try:
                logo_pixels = read_picture(logo, ("PNG",))
            except PictureError as exc:
                problems.append(doc.problem(("logo", "file"), f"{theme.logo.file} {exc}; {exc.advice or 'save the logo as PNG'}"))
                logo = None
    info = None
    if theme.template is not None:
        template = _file_in_folder(doc, theme.template.file, ("template", "file"), problems, (".pptx", ".potx"))
        if template is not None:
            from slidegen.check.template import read_template

            info, unreadable = read_template(doc, template)
            problems.extend(unreadable)
    if logo_pixels is not None:
        problems.extend(_logo_width(doc, theme, logo_pixels, info.width if info else theme.size[0]))
    return ThemeFiles(folder, logo, logo_pixels, template, info), problems


MAX_LOGO_SHARE = 1 / 3
"""A logo may take at most this share of the slide's width."""


def _logo_width(doc: Document, theme: Theme, pixels: tuple[int, int], slide_width: int) -> list[Problem]:
    """A logo so wide that it would crowd out the titles is a theme problem, said at the logo's height."""
    assert theme.logo is not None
    width_cm = theme.logo.height * pixels[0] / pixels[1]
    slide_cm = to_cm(slide_width)
    if width_cm <= slide_cm * MAX_LOGO_SHARE:
        return []
    fits = slide_cm * MAX_LOGO_SHARE * pixels[1] / pixels[0]
    return [doc.problem(("logo", "height"), f"at {theme.logo.height:g} cm high the logo ({pixels[0]} × {pixels[1]} "
                        f"pixels) would be {width_cm:.1f} cm wide, more than a third of the slide; set `height:` "
                        f"to at most {fits:.1f} or use a less wide picture")]


def check_theme(doc: Document, theme: Theme) -> tuple[ThemeFiles, list[Problem]]:
    """Everything checked about a validated theme: contrast, its files, and its template against what slidegen needs."""
    # on a template, what text lies on is the template's: checked there, layout by layout
    problems = contrast_problems(doc, theme, on_template=theme.template is not None)
    files, file_problems = check_files(doc, theme)
    problems += file_problems
    if files.template_info is not None and files.template is not None:
        from slidegen.check.template import check_template

        problems += check_template(doc, theme, files.template, files.template_info)
    return files, problems
