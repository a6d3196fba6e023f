"""Good examples on the command line: a new file from the template, and who has sent what."""

from __future__ import annotations

import re
from pathlib import Path

from slidegen.check.library import Library
from slidegen.commands.schema import SCHEMA_DIR, schema_line
from slidegen.errors import ContentError, Location, Problem, SlidegenError, suggest
from slidegen.load.readers import read_document
from slidegen.models.catalog import type_of
from slidegen.models.county import COUNTIES, County, county_names, find_county
from slidegen.models.example import MAX_PER_COUNTY, Example
from slidegen.project import Project

TEMPLATE = "_mall.yaml"


def county_of(library: Library, path: Path) -> County | None:
    """The county an example file belongs to, even when the file has other mistakes."""
    try:
        return find_county(library.load(path, Example).model.county)
    except ContentError:
        pass
    try:  # the file is read as any content file is; only its county is looked at
        written = read_document(path, library.project.root).data.get("county")
    except ContentError:
        written = None
    found = find_county(written) if isinstance(written, str) else None
    return found or next((c for c in COUNTIES if path.stem.rsplit("-", 1)[0] == c.slug), None)


def by_county(project: Project) -> dict[County, list[Path]]:
    """Example files per county, in official county order (counties without examples included)."""
    library = Library(project)
    out: dict[County, list[Path]] = {c: [] for c in COUNTIES}
    for path in project.example_files():
        county = county_of(library, path)
        if county is not None:
            out[county].append(path)
    return out


def new_example(project: Project, county_text: str) -> Path:
    """Write the county's next example file from the template; refuse a third one."""
    county = find_county(county_text)
    if county is None:
        raise SlidegenError(f"`{county_text}` is not one of Sweden's 21 counties{suggest(county_text, county_names())}")
    existing = by_county(project)[county]
    if len(existing) >= MAX_PER_COUNTY:
        files = ", ".join(project.show(p) for p in existing)
        raise ContentError([Problem(Location(project.show(existing[-1])),
                                    f"{county.name} already has {len(existing)} examples ({files}); at most "
                                    f"{MAX_PER_COUNTY} per county — edit one of them instead")])
    folder = project.content / "examples"
    template = folder / TEMPLATE
    if not template.is_file():
        raise SlidegenError(f"the template {project.show(template)} is missing; restore it from git")
    n = 1
    while (folder / f"{county.slug}-{n}.yaml").exists():
        n += 1
    target = folder / f"{county.slug}-{n}.yaml"
    text = template.read_text(encoding="utf-8").split("\n\n", 1)[-1]  # the template's own header goes
    header = (
        schema_line(target, project.root / SCHEMA_DIR, type_of(Example)) + "\n"
        f"# Gott exempel från {county.name}. Fyll i fälten nedan (förklaringarna står vid varje fält)\n"
        "# och sätt status: klar när exemplet är färdigt att visas.\n\n"
    )
    text, count = re.subn(r"(?m)^county:.*$", f"county: {county.name}", header + text, count=1)
    if count != 1:
        raise SlidegenError(f"the template {project.show(template)} has no `county:` line; restore it from git")
    with target.open("x", encoding="utf-8") as fh:
        fh.write(text)
    return target


def overview_lines(project: Project) -> list[str]:
    """One line per county in official order: its example files, or that none has come in."""
    groups = by_county(project)
    sent = sum(1 for files in groups.values() if files)
    lines = [f"{sent} of {len(COUNTIES)} counties have example files"]
    for county, files in groups.items():
        shown = ", ".join(project.show(p) for p in files) if files else "—"
        lines.append(f"{county.code:>2}  {county.name:<16} {shown}")
    return lines
