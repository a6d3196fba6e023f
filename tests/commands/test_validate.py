"""The bad-input corpus: each file in tests/data/bad/ fails `slidegen validate` with exactly its expected message.

Convention: `<name>.yaml` holds one defect; `<name>.expected` beside it holds exactly what
`slidegen validate` prints on stderr for it (the located messages, then the summary line).
A case is checked in a fresh copy of the shipped project, so a deck can refer to the shared
files: the file is placed at `content/<name>.yaml`, or where its first line says, as in
`# place: content/decks/` (a folder: the file keeps its name) or `# place: themes/x/theme.yaml`.
An `.expected` without a `.yaml` is a case whose input is made by GENERATED (too large to commit).
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT, copy_project

from slidegen.cli import main
from slidegen.load.yaml_file import MAX_BYTES
from slidegen.project import Project

BAD = DATA / "bad"
SUMMARY = re.compile(r"^(\d+) errors? in (\d+) files?; nothing was written\.$")

GENERATED: dict[str, Callable[[], bytes]] = {
    "too-large": lambda: b"title: " + b"x" * MAX_BYTES + b"\n",
}


@dataclass(frozen=True)
class Case:
    """One bad file: its bytes, where it goes in the project, and what validate must print."""

    name: str
    data: bytes
    place: str
    expected: str

    def put(self, project: Project) -> Path:
        target = project.root / self.place
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.data)
        return target


def placement(name: str, data: bytes) -> str:
    """Where a case goes, relative to the project: from its `# place:` line, else content/<name>.yaml."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # a file saved as UTF-16 writes its place line in UTF-16 too
        data = data.decode("utf-16").encode("utf-8")
    match = re.match(rb"# place: (\S+)\r?\n", data)
    where = match.group(1).decode() if match else "content/"
    return where + f"{name}.yaml" if where.endswith("/") else where


def load_cases() -> list[Case]:
    cases = []
    for expected in sorted(BAD.glob("*.expected")):
        source = BAD / f"{expected.stem}.yaml"
        data = source.read_bytes() if source.exists() else GENERATED[expected.stem]()
        cases.append(Case(expected.stem, data, placement(expected.stem, data), expected.read_text(encoding="utf-8")))
    return cases


CASES = load_cases()


def validate(project: Project, *paths: Path):
    return CliRunner().invoke(main, ["--root", str(project.root), "validate", *map(str, paths)])


def test_the_corpus_is_complete():
    names = {c.name for c in CASES}
    assert len(CASES) >= 25
    assert {p.stem for p in BAD.glob("*.yaml")} <= names, "every bad file needs its .expected beside it"
    assert set(GENERATED) <= names
    assert {p.suffix for p in BAD.iterdir()} == {".yaml", ".expected"}
    assert len({c.place for c in CASES}) == len(CASES), "two cases are placed at the same path"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_file_fails_with_its_expected_message(case: Case, project: Project):
    path = case.put(project)
    result = validate(project, path)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == case.expected
    *located, summary = case.expected.splitlines()
    count = SUMMARY.match(summary)
    assert count and int(count[1]) == len(located) >= 1 and count[2] == "1"
    assert all(line.startswith(f"{case.place}:") for line in located)
    assert not list(project.output.glob("*.pptx"))


def sort_key(line: str) -> tuple[str, int, int]:
    file, rest = line.split(":", 1)
    numbers = re.match(r"(\d+)(?::(\d+))?:", rest)
    return (file, int(numbers[1]), int(numbers[2] or 0)) if numbers else (file, 0, 0)


def test_the_whole_corpus_at_once_in_a_real_process(tmp_path: Path, chart_cache: Path):
    """All errors of a run at once, sorted by file and line, one summary line, no traceback."""
    project = copy_project(tmp_path / "project", chart_cache)
    paths = [case.put(project) for case in CASES]
    proc = subprocess.run(
        [sys.executable, "-m", "slidegen", "--root", str(project.root), "validate", *map(str, paths)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    *located, summary = proc.stderr.splitlines()
    expected = [line for case in CASES for line in case.expected.splitlines()[:-1]]
    assert sorted(located) == sorted(expected)
    assert [sort_key(line) for line in located] == sorted(sort_key(line) for line in located)
    assert summary == f"{len(expected)} errors in {len(CASES)} files; nothing was written."


README_MISTAKES = {
    "content/decks/skype-2016-10-28.yaml": (
        '      - "Syfte: Sprida goda exempel och få en bättre bild av vilka arbetssätt som faktiskt tillämpas"',
        "      - Syfte: Sprida goda exempel och få en bättre bild av vilka arbetssätt som faktiskt tillämpas",
    ),
    "content/examples/skane-1.yaml": (
        'title: "Exempel: Klimatråd där kommuner och företag åtar sig åtgärder"',
        'title: "Exempel: Klimatråd där kommuner och företag åtar sig åtgärder',
    ),
}
"""The two hand-editing mistakes the README's "When the build says no" shows, made in the shipped files."""


def test_the_readme_shows_what_validate_prints_for_two_hand_editing_mistakes(project: Project):
    for name, (right, wrong) in README_MISTAKES.items():
        path = project.root / name
        text = path.read_text(encoding="utf-8")
        assert text.count(right) == 1
        path.write_text(text.replace(right, wrong), encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project.root), "validate"])
    assert result.exit_code == 1
    *located, summary = result.stderr.splitlines()
    assert [line.split(":")[0] for line in located] == list(README_MISTAKES)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## When the build says no")[1].split("\n## ")[0]
    for line in [*located, summary]:
        assert f"\n{line}\n" in section
