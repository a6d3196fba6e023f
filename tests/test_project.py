"""The project folder: where content, themes and output are, and which decks there are."""

from __future__ import annotations

from pathlib import Path

from slidegen.project import Project, deck_paths


def test_the_folders_and_the_decks_in_name_order_without_underscored_ones(tmp_path: Path):
    decks = tmp_path / "content" / "decks"
    decks.mkdir(parents=True)
    for name in ("b.yaml", "a.yaml", "_utkast.yaml", "notes.txt"):
        (decks / name).write_text("x", encoding="utf-8")
    (tmp_path / "themes" / "blå").mkdir(parents=True)
    (tmp_path / "themes" / "blå" / "theme.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "themes" / "tom").mkdir()
    project = Project.at(tmp_path)
    assert project.content == tmp_path.resolve() / "content"
    assert project.output == tmp_path.resolve() / "output"
    assert [p.name for p in project.decks()] == ["a.yaml", "b.yaml"]
    assert project.theme_names() == ["blå"]
    assert project.show(decks / "a.yaml") == "content/decks/a.yaml"
    assert deck_paths(project, []) == project.decks()
    assert deck_paths(project, [Path("elsewhere.yaml")]) == [Path.cwd() / "elsewhere.yaml"]
