"""`slidegen new deck`: a new meeting's deck file that validates as written and holds an example of every slide kind."""

from __future__ import annotations

import re
from pathlib import Path

import answers
from click.testing import CliRunner

from slidegen.build import build
from slidegen.check.library import Library
from slidegen.cli import main
from slidegen.commands.decks import slug
from slidegen.models.deck import Deck
from slidegen.models.slides import SLIDE_KINDS
from slidegen.project import Project


def run(project: Project, *args: str):
    return CliRunner().invoke(main, ["--root", str(project.root), *args], catch_exceptions=False)


def kinds() -> list[str]:
    return [cls.model_fields["kind"].annotation.__args__[0] for cls in SLIDE_KINDS]


def uncommented(text: str) -> str:
    """The file with every commented example taken in, as an editor's "remove line comment" does (`## ` stays a comment)."""
    return re.sub(r"(?m)^(\s+)# ", r"\1", text)


def test_file_names_are_the_title_folded_and_the_date():
    import datetime as dt

    assert slug("Uppföljning av uppdrag 51", dt.date(2017, 4, 20)) == "uppfoljning-av-uppdrag-51-2017-04-20"
    assert slug("Nobel 2016: Goda exempel!") == "nobel-2016-goda-exempel"
    assert slug("Möte 2017-04-20", dt.date(2017, 4, 20)) == "mote-2017-04-20"
    assert slug("???") == "bildserie"


def test_a_new_deck_validates_as_written_and_builds(project: Project, tmp_path: Path):
    result = run(project, "new", "deck", "--title", "Uppföljning: uppdrag 51", "--date", "2017-04-20")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "content/decks/uppfoljning-uppdrag-51-2017-04-20.yaml"
    path = project.content / "decks" / "uppfoljning-uppdrag-51-2017-04-20.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/deck.schema.json\n")
    deck = Library(project).load(path, Deck).model
    assert deck.meeting.title == "Uppföljning: uppdrag 51" and deck.meeting.date.isoformat() == "2017-04-20"
    assert [s.kind for s in deck.slides] == ["title", "agenda", "closing"]
    checked = run(project, "validate", str(path))
    assert checked.exit_code == 0, checked.output
    (built,) = build(project, [path], out_dir=tmp_path)
    assert built.titles == ("Uppföljning: uppdrag 51", "Dagordning", "Tack!")


def test_it_has_a_commented_swedish_example_of_every_kind_and_each_builds(project: Project, tmp_path: Path):
    assert run(project, "new", "deck", "--title", "Alla bildtyper").exit_code == 0
    path = project.content / "decks" / "alla-bildtyper.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  # date: 2017-04-20" in text  # no date given: a commented line to fill in
    for kind in kinds():
        assert re.search(rf"(?m)^  (# )?- kind: {kind}$", text), kind
    assert "## En bild med rubrik." in text and "## Två eller tre spalter" in text
    path.write_text(uncommented(text), encoding="utf-8")
    answers.install(project.content)  # the county matrix and comparison examples name a survey with an answer sheet
    deck = Library(project).load(path, Deck).model
    assert [s.kind for s in deck.slides] == kinds()
    assert deck.meeting.start == "13.00"
    (built,) = build(project, [path], out_dir=tmp_path)
    assert built.slides >= len(kinds())
    assert "Tack!" in built.titles and "Styrkor och utmaningar" in built.titles


def test_an_existing_deck_is_never_overwritten(project: Project):
    path = project.content / "decks" / "skype-2016-10-28.yaml"
    original = path.read_bytes()
    again = run(project, "new", "deck", "--title", "Skype", "--date", "2016-10-28")
    assert again.exit_code == 1
    assert "content/decks/skype-2016-10-28.yaml: this deck already exists" in again.output
    assert path.read_bytes() == original


def test_a_wrong_date_is_refused_before_anything_is_written(project: Project):
    before = sorted(p.name for p in (project.content / "decks").iterdir())
    wrong = run(project, "new", "deck", "--title", "Möte", "--date", "20.4.2017")
    assert wrong.exit_code == 2 and "2017" in wrong.output
    odd = run(project, "new", "deck", "--title", "Möte", "--date", "1917-04-20")
    assert odd.exit_code == 1 and "1917-04-20 is not a plausible meeting date" in odd.output
    empty = run(project, "new", "deck", "--title", "  ")
    assert empty.exit_code == 1 and "the title is empty" in empty.output
    assert sorted(p.name for p in (project.content / "decks").iterdir()) == before
