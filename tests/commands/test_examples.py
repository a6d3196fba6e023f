"""Good examples: county names checked, at most two per county, the Nobel deck's overview and slides."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from deckread import read_deck

from slidegen.build import build
from slidegen.check.library import Library
from slidegen.cli import main
from slidegen.errors import ContentError
from slidegen.load.messages import validate
from slidegen.load.yaml_file import parse_document
from slidegen.models.county import COUNTIES, find_county
from slidegen.models.example import Example
from slidegen.project import Project

NOBEL = "nobel-2016"


def example_text(county: str = "Skåne", **fields: str) -> str:
    base = {
        "county": county,
        "title": '"Exempel: Ett arbetssätt"',
        "description": "[Det här gör vi]",
        "methods": "[23]",
        "status": "klar",
    }
    base.update(fields)
    return "".join(f"{k}: {v}\n" for k, v in base.items())


def problems(text: str) -> list[str]:
    with pytest.raises(ContentError) as err:
        validate(parse_document(text.encode(), Path("content/examples/x.yaml"), "content/examples/x.yaml"), Example)
    return [str(p) for p in err.value.sorted()]


@pytest.mark.parametrize("written", ["Skåne", "skåne", "Skåne län", "M", "Länsstyrelsen Skåne", "Länsstyrelsen i Skåne län"])
def test_county_can_be_written_several_ways(written):
    assert find_county(written).name == "Skåne"


@pytest.mark.parametrize(
    "written, hint",
    [("Skane", "did you mean `Skåne`?"), ("Västra Götlands", "did you mean `Västra Götaland`?"), ("Jamtland", "did you mean `Jämtland`?")],
)
def test_misspelled_county_gets_a_suggestion(written, hint):
    (msg,) = problems(example_text(written))
    assert msg.startswith("content/examples/x.yaml:1:9: county: ")
    assert f"`{written}` is not one of Sweden's 21 counties — {hint}" in msg


def test_official_order_runs_from_stockholm_to_norrbotten():
    assert len(COUNTIES) == 21
    assert [c.code for c in COUNTIES][:3] == ["AB", "C", "D"]
    assert [c.code for c in COUNTIES][-2:] == ["AC", "BD"]
    assert len({c.code for c in COUNTIES}) == 21


def test_email_syntax_is_checked():
    text = example_text(contact="{name: Anna Andersson, email: anna.andersson-lansstyrelsen.se}")
    (msg,) = problems(text)
    assert "contact.email: `anna.andersson-lansstyrelsen.se` is not an e-mail address" in msg


def test_a_picture_needs_alt_text():
    (msg,) = problems(example_text(picture="bilder/exempelbild.png"))
    assert "a picture needs `picture_alt`" in msg


def add_example(project: Project, name: str, text: str) -> Path:
    path = project.content / "examples" / name
    path.write_text(text, encoding="utf-8")
    return path


def overview(project: Project, tmp_path: Path):
    built = {b.name: b.path for b in build(project, [project.content / "decks" / f"{NOBEL}.yaml"], out_dir=tmp_path / "out")}
    slides = read_deck(built[NOBEL])
    over = next(s for s in slides if s.title == "Goda exempel från länen")
    return slides, over


def test_overview_counts_ready_examples_and_lists_counties_in_official_order(project: Project, tmp_path: Path):
    slides, over = overview(project, tmp_path)
    assert over.paragraphs[0] == "0 av 21 län har lämnat exempel"  # the shipped samples are drafts
    codes = [p.split()[0] for p in over.paragraphs[1:]]
    assert codes == [c.code for c in COUNTIES]
    assert "M  Skåne – utkast" in over.paragraphs

    add_example(project, "norrbotten-1.yaml", example_text("Norrbotten"))
    add_example(project, "stockholm-1.yaml", example_text("AB", title='"Exempel: Ett annat arbetssätt"'))
    slides, over = overview(project, tmp_path)
    assert over.paragraphs[0] == "2 av 21 län har lämnat exempel"
    assert "AB  Stockholm – 1 exempel" in over.paragraphs
    assert "BD  Norrbotten – 1 exempel" in over.paragraphs
    example_titles = [s.title for s in slides if ": Exempel" in s.title]
    assert example_titles == [
        "Stockholm: Exempel: Ett annat arbetssätt",
        "Skåne: Exempel: Klimatråd där kommuner och företag åtar sig åtgärder (utkast)",
        "Västra Götaland: Exempel: Checklista för miljöbedömning av medelsansökningar (utkast)",
        "Jämtland: Exempel: Miljömålen i verksamhetsplanens mall (utkast)",
        "Norrbotten: Exempel: Ett arbetssätt",
    ]


def test_drafts_stay_out_when_the_deck_says_so(project: Project, tmp_path: Path):
    deck = project.content / "decks" / f"{NOBEL}.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("drafts: true", "drafts: false"), encoding="utf-8")
    slides, over = overview(project, tmp_path)
    assert not [s for s in slides if "(utkast)" in s.title]
    assert "M  Skåne – inget ännu" in over.paragraphs


def test_example_slide_shows_methods_as_tags_contact_and_picture(project: Project, tmp_path: Path):
    slides, _ = overview(project, tmp_path)
    skane = next(s for s in slides if s.title.startswith("Skåne: "))
    assert "Metod 23: Miljöråd eller klimatråd" in skane.paragraphs
    assert "Metod 22: Brett förankrat ÅP med åtaganden" in skane.paragraphs
    assert skane.charts == ["Påhittad skiss: klimatrådet i mitten, med kommunerna, regionen, företagen och länsstyrelsen runt omkring."]
    jamtland = next(s for s in slides if s.title.startswith("Jämtland: "))
    assert "Kontakt: Namn Namnsson (påhittad), namn.namnsson@example.org" in jamtland.paragraphs


def test_samples_say_plainly_that_they_are_samples(project: Project):
    library = Library(project)
    for path in project.example_files():
        ex = library.load(path, Example).model
        assert ex.title.startswith("Exempel:")
        assert ex.status == "utkast"
        assert "Påhittat exempel" in ex.description[0]


def test_a_third_example_is_an_error_naming_all_three_files(project: Project):
    add_example(project, "skane-2.yaml", example_text("Skåne"))
    add_example(project, "skane-3.yaml", example_text("M"))
    with pytest.raises(ContentError) as err:
        Library(project).bundle(project.content / "decks" / f"{NOBEL}.yaml")
    (msg,) = [str(p) for p in err.value.problems]
    assert msg.startswith("content/examples/skane-3.yaml:1:9: county: Skåne has 3 examples ")
    for name in ("skane-1.yaml", "skane-2.yaml", "skane-3.yaml"):
        assert f"content/examples/{name}" in msg


def test_a_method_the_survey_lacks_is_located_in_the_example(project: Project):
    add_example(project, "halland-1.yaml", example_text("Halland", methods="[23, 40]"))
    with pytest.raises(ContentError) as err:
        Library(project).bundle(project.content / "decks" / f"{NOBEL}.yaml")
    assert [str(p) for p in err.value.problems] == [
        "content/examples/halland-1.yaml:4:15: methods[1]: there is no method 40 in content/survey-2015.yaml (it has 1–32)"
    ]


@pytest.mark.parametrize(
    "picture, says",
    [
        ("bilder/inte-en-bild.png", "is not a PNG, JPEG, HEIC or WebP picture"),
        ("../README.md", "leaves the content/ folder"),
        ("bilder/saknas.png", "there is no file content/bilder/saknas.png"),
    ],
)
def test_bad_pictures_are_refused(project: Project, picture: str, says: str):
    (project.content / "bilder" / "inte-en-bild.png").write_text("just text", encoding="utf-8")
    add_example(project, "halland-1.yaml", example_text("Halland", picture=picture, picture_alt="En bild"))
    with pytest.raises(ContentError) as err:
        Library(project).bundle(project.content / "decks" / f"{NOBEL}.yaml")
    (msg,) = [str(p) for p in err.value.problems]
    assert msg.startswith("content/examples/halland-1.yaml:6:10: picture: ") and says in msg


def test_nobel_deck_reuses_the_shared_assignment_text(shipped):
    skype = read_deck(shipped["skype-2016-10-28"])
    nobel = read_deck(shipped[NOBEL])
    skype_assignment = next(s for s in skype if s.title == "Uppdrag 51 RB 2015 (1)")
    nobel_assignment = next(s for s in nobel if s.title == "Uppdrag 51 i regleringsbrevet 2015")
    assert skype_assignment.paragraphs == nobel_assignment.paragraphs
    assert any(p.startswith("a) integrerar arbetet") for p in nobel_assignment.paragraphs)


def run(project: Project, *args: str):
    return CliRunner().invoke(main, ["--root", str(project.root), *args], catch_exceptions=False)


def test_new_example_writes_the_next_file_and_refuses_a_third(project: Project):
    result = run(project, "new", "example", "--county", "Skåne län")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "content/examples/skane-2.yaml"
    text = (project.content / "examples" / "skane-2.yaml").read_text(encoding="utf-8")
    assert "county: Skåne\n" in text and "Gott exempel från Skåne" in text and "_mall" not in text
    Library(project).load(project.content / "examples" / "skane-2.yaml", Example)  # the new file is valid as it stands
    third = run(project, "new", "example", "--county", "M")
    assert third.exit_code == 1
    assert "Skåne already has 2 examples (content/examples/skane-1.yaml, content/examples/skane-2.yaml)" in third.output
    assert not (project.content / "examples" / "skane-3.yaml").exists()


def test_new_example_for_an_unknown_county(project: Project):
    result = run(project, "new", "example", "--county", "Skane")
    assert result.exit_code == 1
    assert result.output.strip() == "error: `Skane` is not one of Sweden's 21 counties — did you mean `Skåne`?"


def test_list_examples(project: Project):
    lines = run(project, "list", "examples").output.splitlines()
    assert lines[0] == "3 of 21 counties have example files"
    assert lines[1].split() == ["AB", "Stockholm", "—"]
    assert " M  Skåne            content/examples/skane-1.yaml" in lines
    assert len(lines) == 22


def test_a_new_example_shows_up_in_the_rebuilt_deck(project: Project, tmp_path: Path):
    path = project.root / run(project, "new", "example", "--county", "Gotland").output.strip()
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Kort rubrik på arbetssättet", 'title: "Exempel: Naturvägledning i skolan"')
    text = text.replace("status: utkast", "status: klar")
    path.write_text(text, encoding="utf-8")
    slides, over = overview(project, tmp_path)
    assert over.paragraphs[0] == "1 av 21 län har lämnat exempel"
    assert "I  Gotland – 1 exempel" in over.paragraphs
    assert any(s.title == "Gotland: Exempel: Naturvägledning i skolan" for s in slides)


def test_validating_one_example_checks_it_against_the_decks(project: Project):
    path = add_example(project, "halland-1.yaml", example_text("Halland", methods="[23, 99]"))
    result = run(project, "validate", str(path))
    assert result.exit_code == 1
    assert "content/examples/halland-1.yaml:4:15: methods[1]: there is no method 99" in result.output
    path.write_text(example_text("Halland"), encoding="utf-8")
    add_example(project, "skane-2.yaml", example_text("Skåne"))
    third = add_example(project, "skane-3.yaml", example_text("Skåne"))
    result = run(project, "validate", str(third))
    assert result.exit_code == 1
    assert "Skåne has 3 examples" in result.output
