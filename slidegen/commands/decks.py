"""A new meeting's deck on the command line: a deck file with the meeting block and an example of every slide kind."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from pydantic import ValidationError

from slidegen.commands.schema import SCHEMA_DIR, schema_line
from slidegen.errors import ContentError, Location, Problem, SlidegenError
from slidegen.models.catalog import type_of
from slidegen.models.county import fold
from slidegen.models.deck import Deck, Meeting
from slidegen.models.slides import SLIDE_KINDS
from slidegen.project import Project

ACTIVE = ("title", "agenda", "closing")
"""The slides a new deck starts with; every other kind is there as a commented example."""


def slug(title: str, date: dt.date | None = None) -> str:
    """A file name for a deck: `Uppföljning 2017` and 2017-04-20 → `uppfoljning-2017-2017-04-20`."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-") or "bildserie"
    if date is not None and date.isoformat() not in words:
        words += f"-{date.isoformat()}"
    return words


def _kind(cls: type) -> str:
    return cls.model_fields["kind"].annotation.__args__[0]


def _slide(example: str, active: bool) -> list[str]:
    """A kind's example as lines of the slides list: explanations as `##` comments, the YAML itself
    commented with `# ` (what an editor's "remove line comment" takes away) unless it is active."""
    out = []
    for line in example.rstrip("\n").split("\n"):
        if line.startswith("#"):
            out.append(f"  #{line}")
        else:
            out.append(f"  {line}" if active else f"  # {line}")
    return out


def deck_text(title: str, date: dt.date | None, schema: str) -> str:
    """The text of a new deck file, in Swedish."""
    lines = [
        schema,
        f"# Bildserien för mötet {title}, skapad med `slidegen new deck`.",
        "# Fyll i mötets uppgifter, skriv dagordningen och välj bilder: varje bildtyp har ett exempel nedan.",
        "# Ta bort `# ` framför exemplets rader (i VS Code: markera dem och tryck Ctrl+K Ctrl+U) för att",
        "# använda det. Kontrollera med `slidegen validate` och bygg med `slidegen build`.",
        "meeting:",
        f"  title: {json.dumps(title, ensure_ascii=False)}",
        f"  date: {date.isoformat()}" if date else "  # date: 2017-04-20        # mötets datum",
        '  # start: "13.00"           # tider inom citattecken',
        '  # end: "15.00"',
        "  # presenters: [Förnamn Efternamn]",
        "  organisation: Länsstyrelserna",
        "theme: default                # utseendet: en mapp i themes/ (`slidegen list themes`)",
        "survey: survey-2015.yaml      # enkäten som enkätbilderna använder",
        "agenda:",
        "  - Inledning",
        "  - Läget i länen",
        "  - Övriga frågor",
        "slides:",
    ]
    for cls in SLIDE_KINDS:
        if not cls.example:
            raise SlidegenError(f"the slide kind `{_kind(cls)}` has no example to write; give its model an `example`")
        lines.append("")
        lines.extend(_slide(cls.example, _kind(cls) in ACTIVE))
    return "\n".join(lines) + "\n"


def new_deck(project: Project, title: str, date: dt.date | None = None) -> Path:
    """Write content/decks/<slug>.yaml for a new meeting; refuse to overwrite a deck that exists."""
    title = " ".join(title.split())
    if not title:
        raise SlidegenError("the title is empty; give the meeting's title, e.g. --title \"Uppföljning 2017\"")
    try:  # the meeting's own rules (a plausible date)
        Meeting(title=title, organisation="Länsstyrelserna", date=date)
    except ValidationError as exc:
        raise SlidegenError("; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())) from None
    folder = project.content / "decks"
    target = folder / f"{slug(title, date)}.yaml"
    if target.exists():
        raise ContentError([Problem(Location(project.show(target)), "this deck already exists; open it, or give "
                                    "the new meeting another title or date")])
    folder.mkdir(parents=True, exist_ok=True)
    text = deck_text(title, date, schema_line(target, project.root / SCHEMA_DIR, type_of(Deck)))
    with target.open("x", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return target
