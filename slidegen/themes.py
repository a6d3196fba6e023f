"""Theme folders: theme.yaml validated, its contrast, logo and template checked before any deck uses it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from slidegen.contrast import contrast_problems
from slidegen.errors import Problem
from slidegen.loader import Document
from slidegen.messages import suggest
from slidegen.models.theme import Theme
from slidegen.plan.pictures import image_size

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_LOOKS_LIKE = {
    b"\xff\xd8\xff": "a JPEG picture",
    b"GIF8": "a GIF picture",
    b"<svg": "an SVG drawing",
    b"<?xml": "an XML file (SVG?)",
    b"BM": "a BMP picture",
    b"PK\x03\x04": "a zip file",
}


@dataclass(frozen=True)
class ThemeFiles:
    """The files a theme folder brings besides theme.yaml, found and checked."""

    folder: Path
    logo: Path | None = None
    logo_pixels: tuple[int, int] | None = None
    template: Path | None = None


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height in pixels of PNG bytes, or None when the bytes are not a PNG picture."""
    size = image_size(data) if data.startswith(PNG_SIGNATURE) else None
    return size if size and all(size) else None


def _what_it_is(data: bytes) -> str:
    for start, name in _LOOKS_LIKE.items():
        if data.lstrip()[: len(start)] == start:
            return name
    return "not a PNG picture"


def beside(doc: Document, name: str) -> str:
    """A file in the same folder as theme.yaml, as the user sees it: `themes/mall/template.pptx`."""
    return f"{doc.display.rsplit('/', 1)[0]}/{name}" if "/" in doc.display else name


def _file_in_folder(doc: Document, name: str, loc: tuple[str, ...], problems: list[Problem],
                    suffixes: tuple[str, ...]) -> Path | None:
    """The named file in the theme folder, or a located problem (with a did-you-mean) when it is not there."""
    folder = doc.path.parent
    path = folder / name
    if path.is_file():
        return path
    known = [p.name for p in folder.iterdir() if p.suffix.lower() in suffixes] if folder.is_dir() else []
    problems.append(doc.problem(loc, f"there is no file {beside(doc, name)}{suggest(name, known)}"))
    return None


def check_files(doc: Document, theme: Theme) -> tuple[ThemeFiles, list[Problem]]:
    """Find the logo and template a theme names, and check that the logo is really a PNG picture."""
    folder = doc.path.parent
    problems: list[Problem] = []
    logo = logo_pixels = template = None
    if theme.logo is not None:
        logo = _file_in_folder(doc, theme.logo.file, ("logo", "file"), problems, (".png",))
        if logo is not None:
            with logo.open("rb") as fh:
                head = fh.read(64)
            logo_pixels = png_size(head)
            if logo_pixels is None:
                problems.append(doc.problem(("logo", "file"), f"{theme.logo.file} is {_what_it_is(head)}, not a PNG "
                                            "picture; save the logo as PNG"))
                logo = None
    if theme.template is not None:
        template = _file_in_folder(doc, theme.template.file, ("template", "file"), problems, (".pptx", ".potx"))
    return ThemeFiles(folder, logo, logo_pixels, template), problems


def check_theme(doc: Document, theme: Theme) -> tuple[ThemeFiles, list[Problem]]:
    """Everything checked about a validated theme: contrast, its files, and its template against what slidegen needs."""
    problems = contrast_problems(doc, theme)
    files, file_problems = check_files(doc, theme)
    problems += file_problems
    if files.template is not None:
        from slidegen.template import check_template

        problems += check_template(doc, theme, files.template)
    return files, problems
