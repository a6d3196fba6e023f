"""`slidegen import`: an existing .pptx as a deck file of slidegen's kinds, its pictures, and optionally its theme.

The stages: open the file safely (package) → read its slides (read) → prepare the pictures (pictures)
→ guess a kind for each slide (kinds) → unique titles (titles) and the meeting block (meeting) → the
deck file's text (yaml_out) → check that it validates and fits (fit) → write everything, or nothing.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Callable

from slidegen.commands.importer.entry import Entry
from slidegen.commands.importer.result import Imported
from slidegen.project import Project

__all__ = ["Imported", "deck_name", "import_deck", "write"]

PICTURE_FOLDER = "bilder"
"""Pictures go to content/bilder/<name>/."""
SCHEMA_LINE = "yaml-language-server: $schema=../schema/deck.schema.json"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def deck_name(path: Path) -> str:
    """The file's name as a deck name: lower case, `-` for spaces, å/ä/ö (and other accents) without their marks."""
    stem = unicodedata.normalize("NFKD", path.stem.lower())
    stem = "".join(ch for ch in stem if not unicodedata.combining(ch))
    stem = re.sub(r"[^a-z0-9_-]+", "-", stem)
    return re.sub(r"-{2,}", "-", stem).strip("-_") or "import"


def import_deck(project: Project, path: Path, name: str | None = None, theme_from_template: bool = False,
                soffice: str | None | Callable[[], str | None] = None, check: bool = True) -> Imported:
    """Everything the import writes, gathered in memory and checked; nothing is written here (see `write`)."""
    from slidegen.commands.importer.kinds import Context, slide_entries
    from slidegen.commands.importer.meeting import meeting_block, presentation_title
    from slidegen.commands.importer.package import open_presentation, refuse, xml_errors
    from slidegen.commands.importer.pictures import prepare
    from slidegen.commands.importer.read import read_deck
    from slidegen.commands.importer.titles import make_unique
    from slidegen.commands.importer.yaml_out import check_reads_back, deck_text

    path = Path(path)
    name = name or deck_name(path)
    _check_name(path, name)
    target = project.content / "decks" / f"{name}.yaml"
    _check_free(project, path, name, theme_from_template)
    prs = open_presentation(path)
    try:
        source = read_deck(prs)
    except xml_errors() as exc:
        raise refuse(path, f"is damaged inside and cannot be read ({type(exc).__name__}: {exc})"[:300]) from None
    if callable(soffice):
        soffice = soffice() if any(_is_drawing(p.content_type) for s in source.slides for p in s.pictures) else None
    pictures = prepare(source, f"{PICTURE_FOLDER}/{name}", soffice)
    ctx = Context(source.language or "sv-SE", pictures)
    entries: list[Entry] = []
    notes: dict[int, tuple[list[str], list[str]]] = {}
    for k, slide in enumerate(source.slides):
        made, parts = slide_entries(slide, ctx, first=not entries and k == 0)
        entries.extend(made)
        notes[slide.number] = (parts.left_out, parts.changes)
    if not entries:
        raise refuse(path, "has no slide with anything slidegen can show (text, tables, charts or pictures)")
    meeting, meeting_comments = meeting_block(source, entries, path.stem)
    presentation_title(entries, meeting)
    renamed = make_unique(entries, meeting["title"])
    lines = []
    written: list[Entry] = []
    for number, (left_out, changes) in notes.items():
        said = [f"left out: {', '.join(left_out)}"] if left_out else []
        said += changes + renamed.get(number, [])
        if said:
            lines.append(f"slide {number}: {'; '.join(said)}")
        made = [e for e in entries if e.source == number]
        if made:
            made[0].comments[1:1] = ([f"left out: {', '.join(left_out)}"] if left_out else []) + changes
        else:  # a slide that became none: the file still says where it was and why
            made = [Entry({}, number, [f"slide {number} of the original", *said])]
        written.extend(made)
    theme_name = name if theme_from_template else "default"
    top: dict[str, Any] = {"meeting": meeting, "theme": theme_name}
    if any(e.kind == "bar_chart" for e in entries):
        top["charts"] = "native"
    header = [SCHEMA_LINE, f"Imported from {path.name} by `slidegen import`: {len(source.slides)} slides of the original "
              f"became {len(entries)} slides here.", "Comments say what each slide comes from and what could not be "
              "carried; search for TODO to find what needs a person's eye."]
    text = _with_meeting_comments(deck_text(header, top, written), meeting_comments)
    deck_data = {**top, "slides": [e.data for e in entries]}
    if not check:
        check_reads_back(text, deck_data)  # with the check, it reads the text back itself (one parse, not two)
    files = {saved.ref: saved.data for saved in pictures.prepared.values() if hasattr(saved, "ref")}
    used = {e.data["picture"] for e in entries if e.kind == "picture"}
    files = {ref: data for ref, data in files.items() if ref in used}
    result = Imported(name, target, text, files, len(source.slides), len(entries), lines, text.count("# TODO"))
    result.origins = {saved.ref: key for key, saved in pictures.prepared.items() if hasattr(saved, "ref") and saved.ref in files}
    if theme_from_template:
        from slidegen.commands.importer.template import theme_files

        result.theme, result.theme_lines = theme_files(prs, source, name)
    if check:
        from slidegen.commands.importer.fit import problems_of

        result.problems = problems_of(project, result, deck_data)
    return result


def _is_drawing(content_type: str) -> bool:
    return any(k in content_type.lower() for k in ("wmf", "emf", "msmetafile"))


def _with_meeting_comments(text: str, comments: dict[str, str]) -> str:
    """The deck text with a comment after each `meeting:` key that has one."""
    out, inside = [], False
    for line in text.split("\n"):
        if line == "meeting:":
            inside = True
        elif inside and not line.startswith("  "):
            inside = False
        match = re.match(r"^  ([a-z_]+):", line) if inside else None
        if match and match.group(1) in comments and " #" not in line and not line.endswith((":", "|-", ">-")):
            line = f"{line}  # {comments[match.group(1)]}"
        out.append(line)
    return "\n".join(out)


def _check_name(path: Path, name: str) -> None:
    from slidegen.commands.importer.package import ImportRefused

    if not _NAME.match(name):
        raise ImportRefused(f"--name {name!r} is not a deck name: use letters a–z, digits, - and _ "
                            "(not starting with - or _); nothing was written")


def _check_free(project: Project, path: Path, name: str, theme: bool) -> None:
    """Refuse to overwrite anything: the deck file, its picture folder, the theme folder."""
    from slidegen.commands.importer.package import ImportRefused

    taken = [p for p in (project.content / "decks" / f"{name}.yaml", project.content / PICTURE_FOLDER / name)
             if p.exists()]
    if theme and (project.themes / name).exists():
        taken.append(project.themes / name)
    if taken:
        listed = " and ".join(project.show(p) for p in taken)
        raise ImportRefused(f"{listed} already exist{'s' if len(taken) == 1 else ''}; nothing was overwritten — "
                            f"import with --name OTHER, or remove {'it' if len(taken) == 1 else 'them'} first")


def write(project: Project, result: Imported) -> list[Path]:
    """Write the pictures, the theme and then the deck file; on a failure remove what this call wrote."""
    from slidegen.output.files import write_atomic

    written: list[Path] = []
    targets = [(project.content / ref, data) for ref, data in result.pictures.items()]
    targets += [(project.themes / result.name / file, data) for file, data in result.theme.items()]
    targets.append((result.deck, result.text.encode("utf-8")))
    made_dirs = [d for d in {t.parent for t, _ in targets} if not d.exists()]
    try:
        for target, data in targets:
            write_atomic(target, data)
            written.append(target)
    except BaseException:
        for target in written:
            target.unlink(missing_ok=True)
        for folder in sorted(made_dirs, key=lambda d: len(d.parts), reverse=True):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    return written
