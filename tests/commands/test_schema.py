"""Editor schemas: shipped, up to date, pointed at by every content file, and agreeing with the models."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from slidegen.cli import main
from slidegen.commands.schema import SCHEMA_DIR, schema_line, schemas
from slidegen.commands.validate import type_for
from slidegen.load.yaml_file import read_document
from slidegen.models.catalog import CONTENT_TYPES
from slidegen.project import Project

SHIPPED = ROOT / SCHEMA_DIR
PROJECT = Project.at(ROOT)


def content_files() -> list[Path]:
    """Every shipped content file an editor may open."""
    files = [p for p in PROJECT.content.rglob("*.yaml") if SCHEMA_DIR not in p.relative_to(ROOT).as_posix()]
    return sorted(files) + sorted(PROJECT.themes.glob("*/theme.yaml"))


def as_editor_reads_it(path: Path) -> object:
    """The file's data as an editor's YAML 1.2 reading gives it to the schema: dates stay text."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))


@pytest.mark.parametrize("name", sorted(schemas()))
def test_shipped_schema_is_what_the_models_say_now(name: str):
    shipped = SHIPPED / name
    assert shipped.is_file(), f"{SCHEMA_DIR}/{name} is missing; run `slidegen schema`"
    assert shipped.read_text(encoding="utf-8") == schemas()[name], (
        f"{SCHEMA_DIR}/{name} is out of date with the models; run `slidegen schema` and commit the result"
    )


def test_no_stale_schema_is_shipped():
    assert sorted(p.name for p in SHIPPED.iterdir()) == sorted(schemas())
    assert len(schemas()) == len(CONTENT_TYPES) >= 5


def test_every_content_file_points_at_its_schema():
    files = content_files()
    assert len(files) >= 5
    for path in files:
        kind = type_for(PROJECT, path, set(read_document(path, ROOT).data))
        assert kind is not None, path
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        want = schema_line(path, SHIPPED, kind)
        assert first == want, f"{PROJECT.show(path)} should start with the line: {want}"
        assert (path.parent / want.split("=", 1)[1]).resolve() == SHIPPED / kind.schema_file


def test_schema_lines_are_relative_to_the_file():
    deck, theme = (next(k for k in CONTENT_TYPES if k.name == n) for n in ("deck", "theme"))
    assert schema_line(ROOT / "content/decks/x.yaml", SHIPPED, deck) == \
        "# yaml-language-server: $schema=../schema/deck.schema.json"
    assert schema_line(ROOT / "themes/kontrast/theme.yaml", SHIPPED, theme) == \
        "# yaml-language-server: $schema=../../content/schema/theme.schema.json"


def test_every_shipped_content_file_passes_its_schema():
    """What the editor checks while typing must not flag the shipped content (e.g. `methods: 1-20`)."""
    for path in content_files():
        kind = type_for(PROJECT, path, set(read_document(path, ROOT).data))
        schema = json.loads((SHIPPED / kind.schema_file).read_text(encoding="utf-8"))
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(as_editor_reads_it(path)))
        assert [e.message for e in errors] == [], PROJECT.show(path)


def test_the_schema_flags_a_misspelt_key_and_a_bad_selection():
    schema = json.loads((SHIPPED / "deck.schema.json").read_text(encoding="utf-8"))
    deck = as_editor_reads_it(ROOT / "content/decks/skype-2016-10-28.yaml")
    deck["meeting"]["titel"] = deck["meeting"].pop("title")
    table = next(s for s in deck["slides"] if s["kind"] == "method_table")
    table["methods"] = "1-x"
    messages = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(deck))
    assert any("'titel' was unexpected" in m for m in messages)
    assert any("'title' is a required property" in m for m in messages)
    assert len(messages) == 3, messages


def test_schemas_carry_the_field_descriptions():
    deck = json.loads(schemas()["deck.schema.json"])
    meeting = deck["$defs"]["Meeting"]["properties"]
    assert meeting["start"]["description"] == "Start time as `13.00` (in quotes)."
    assert meeting["start"]["examples"] == ["13.00"]
    assert deck["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    survey = json.loads(schemas()["survey.schema.json"])
    assert survey["$defs"]["Results"]["properties"]["done"]["description"].startswith("Per cent of boards")


def test_schema_command_writes_the_same_files_every_time(tmp_path: Path):
    out = tmp_path / "schema"
    runs = []
    for _ in range(2):
        result = CliRunner().invoke(main, ["--root", str(ROOT), "schema", "--out-dir", str(out)])
        assert result.exit_code == 0, result.output
        runs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert runs[0] == runs[1]
    assert {n: b.decode("utf-8") for n, b in runs[0].items()} == schemas()
    assert all(b.endswith(b"}\n") for b in runs[0].values())
    assert sorted(p.name for p in out.iterdir()) == sorted(schemas())  # no temp files left


def test_schema_command_defaults_to_content_schema(project: Project):
    for path in (project.content / "schema").iterdir():
        path.unlink()
    result = CliRunner().invoke(main, ["--root", str(project.root), "schema"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == [f"content/schema/{n}" for n in schemas()]


@pytest.mark.parametrize("args", [["--help"], ["schema", "--out-dir", "{tmp}"], ["validate"]])
def test_light_commands_do_not_load_pptx_or_matplotlib(args: list[str], tmp_path: Path):
    code = (
        "import sys; from slidegen.cli import main\n"
        "try:\n    main(sys.argv[1:], prog_name='slidegen')\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pptx', 'matplotlib'))\n"
        "print('heavy:', heavy)\n"
    )
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    proc = subprocess.run([sys.executable, "-c", code, "--root", str(ROOT), *argv],
                          capture_output=True, text=True, check=True)
    assert proc.stdout.splitlines()[-1] == "heavy: []"


def test_a_new_example_file_points_at_its_schema(project: Project):
    result = CliRunner().invoke(main, ["--root", str(project.root), "new", "example", "--county", "Halland"])
    assert result.exit_code == 0, result.output
    path = project.root / result.output.strip()
    assert path.read_text(encoding="utf-8").split("\n", 1)[0] == \
        "# yaml-language-server: $schema=../schema/example.schema.json"
