"""Loading a deck with what it refers to: references checked, every problem located in its own file."""

from __future__ import annotations

import os

import pytest

from slidegen.content import Library, Project
from slidegen.errors import ContentError

DECK = "content/decks/skype-2016-10-28.yaml"


def problems(project: Project) -> list[str]:
    with pytest.raises(ContentError) as err:
        Library(project).bundle(project.root / DECK)
    return [str(p) for p in err.value.sorted()]


def edit(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Project, rel: str, needle: str) -> int:
    lines = (project.root / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def slide_index(project: Project, **match: object) -> int:
    """The index of the first slide of the shipped deck whose keys have these values."""
    import yaml

    slides = yaml.safe_load((project.root / DECK).read_text(encoding="utf-8"))["slides"]
    return next(i for i, s in enumerate(slides) if all(s.get(k) == v for k, v in match.items()))


def test_shipped_deck_loads_with_everything_it_refers_to(project: Project):
    bundle = Library(project).bundle(project.root / DECK)
    assert bundle.name == "skype-2016-10-28"
    assert {p.name for p in bundle.files()} == {
        "skype-2016-10-28.yaml", "theme.yaml", "survey-2015.yaml", "assignment-51.yaml", "guidance-rus.yaml",
        "conclusions-2015.yaml",
    }
    assert bundle.survey(None).model.numbers() == list(range(1, 33))


def test_method_range_outside_the_survey(project: Project):
    i = slide_index(project, kind="method_table", methods="21-32")
    edit(project, DECK, "methods: 21-32", "methods: 21-40")
    line = line_of(project, DECK, "methods: 21-40")
    assert problems(project) == [
        f"{DECK}:{line}:14: slides[{i}].methods: methods 33–40 are not in content/survey-2015.yaml (it has 1–32)"
    ]


def test_duplicate_method_number_names_both_lines(project: Project):
    survey = "content/survey-2015.yaml"
    edit(project, survey, "- number: 8\n", "- number: 7\n")
    lines = (project.root / survey).read_text(encoding="utf-8").splitlines()
    first, second = [i for i, line in enumerate(lines, start=1) if "- number: 7" in line]
    got = problems(project)
    assert f"{survey}:{second}:17: groups[0].methods[7].number: method number 7 is used twice " \
        f"(first at line {first}); give each method its own number" in got
    # the deck's table of methods 1–20 now misses method 8: said too, at the deck's line
    assert any(p.startswith(DECK) and "method 8 is not in content/survey-2015.yaml (it has 1–7, 9–32)" in p for p in got)


def test_missing_referenced_file_gets_a_suggestion(project: Project):
    i = slide_index(project, source="assignment-51.yaml")
    edit(project, DECK, "source: assignment-51.yaml", "source: asignment-51.yaml")
    line = line_of(project, DECK, "asignment-51.yaml")
    assert problems(project) == [
        f"{DECK}:{line}:13: slides[{i}].source: there is no file content/asignment-51.yaml — did you mean `assignment-51.yaml`?"
    ]


@pytest.mark.parametrize(
    "ref, says",
    [
        ("/etc/passwd.yaml", "is an absolute path"),
        ("../themes/default/theme.yaml", "leaves the content/ folder"),
    ],
)
def test_references_may_not_leave_content(project: Project, ref: str, says: str):
    i = slide_index(project, source="guidance-rus.yaml")
    edit(project, DECK, "source: guidance-rus.yaml", f"source: {ref}")
    (msg,) = problems(project)
    assert says in msg and f"slides[{i}].source" in msg


def test_a_link_leading_outside_content_is_refused(project: Project, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text((project.content / "guidance-rus.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(outside, project.content / "linked.yaml")
    edit(project, DECK, "source: guidance-rus.yaml", "source: linked.yaml")
    (msg,) = problems(project)
    assert "is a link that leads outside content/" in msg


def test_unknown_theme_gets_a_suggestion(project: Project):
    edit(project, DECK, "theme: default", "theme: defualt")
    line = line_of(project, DECK, "theme: defualt")
    assert problems(project) == [
        f"{DECK}:{line}:8: theme: there is no theme `defualt` (no file themes/defualt/theme.yaml) — did you mean `default`?"
    ]


def test_agenda_point_that_does_not_exist(project: Project):
    i = slide_index(project, kind="agenda_points")
    edit(project, DECK, "items: [4, 5]", "items: [4, 6]")
    (msg,) = problems(project)
    assert msg.endswith(f"slides[{i}].items[1]: there is no agenda item 6; the agenda has 5 items")


def test_errors_in_several_files_come_together(project: Project):
    edit(project, "content/survey-2015.yaml", "done: 48,", "done: 148,")
    edit(project, "content/guidance-rus.yaml", "status: klar 2017", "statsu: klar 2017")
    got = problems(project)
    assert len(got) == 2
    assert got[0].startswith("content/guidance-rus.yaml:")
    assert got[1].startswith("content/survey-2015.yaml:")


def test_library_reuses_unchanged_files(project: Project):
    library = Library(project)
    first = library.bundle(project.root / DECK)
    second = library.bundle(project.root / DECK)
    assert second.survey(None) is first.survey(None)
    edit(project, "content/survey-2015.yaml", "{done: 72}", "{done: 73}")
    third = library.bundle(project.root / DECK)
    assert third.survey(None) is not first.survey(None)
    assert third.survey(None).model.method(26).results.done == 73
