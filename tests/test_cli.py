"""The command line: exit codes, located errors without tracebacks, nothing written on failure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from slidegen import __version__
from slidegen.cli import main
from slidegen.project import Project


def run(project: Project, *args: str):
    return CliRunner().invoke(main, ["--root", str(project.root), *args], catch_exceptions=False)


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"slidegen, version {__version__}"


def test_help_explains_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for word in ("build", "validate", "content/decks/", "Exit codes"):
        assert word in result.output


def test_validate_shipped_content_is_clean(project: Project):
    result = run(project, "validate")
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.output
    assert not list(project.output.glob("*.pptx"))


def test_validate_reports_file_line_and_exit_1(project: Project):
    survey = project.content / "survey-2015.yaml"
    text = survey.read_text(encoding="utf-8").replace("{done: 72}", "{done: 120}")
    survey.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), start=1) if "done: 120" in ln)
    result = run(project, "validate", str(survey))
    assert result.exit_code == 1
    assert f"content/survey-2015.yaml:{line}:" in result.output
    assert "groups[1].methods[5].results.done: 120 is more than 100 %" in result.output
    assert "1 error in 1 file; nothing was written." in result.output
    assert "Traceback" not in result.output


def test_build_writes_every_deck_and_reports(project: Project):
    result = run(project, "build")
    assert result.exit_code == 0, result.output
    out = project.root / "output" / "skype-2016-10-28.pptx"
    assert out.is_file() and out.stat().st_size > 10_000
    assert "output/skype-2016-10-28.pptx" in result.output


def test_build_with_error_keeps_the_last_good_deck(project: Project):
    assert run(project, "build").exit_code == 0
    out = project.root / "output" / "skype-2016-10-28.pptx"
    before = out.read_bytes()
    deck = project.content / "decks" / "skype-2016-10-28.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("kind: agenda\n", "kind: agendaa\n"), encoding="utf-8")
    result = run(project, "build")
    assert result.exit_code == 1
    assert "unknown kind `agendaa` — did you mean `agenda`?" in result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir() if p.name != ".cache") == ["nobel-2016.pptx", "skype-2016-10-28.pptx"]


def test_usage_error_exits_2(project: Project):
    result = run(project, "build", "--no-such-option")
    assert result.exit_code == 2


def test_module_entry_point_runs_without_traceback(project: Project):
    bad = project.content / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "slidegen", "--root", str(project.root), "validate", str(bad)],
        capture_output=True, text=True, encoding="utf-8",
    )
    assert proc.returncode == 1
    assert proc.stderr == (
        "content/bad.yaml:1:8: YAML syntax error: the `[` here is never closed; add the `]`\n"
        "1 error in 1 file; nothing was written.\n"
    )
    assert "Traceback" not in proc.stderr


def test_charts_command_writes_one_file_per_chart(project: Project, tmp_path: Path):
    out = tmp_path / "charts"
    skype = project.content / "decks" / "skype-2016-10-28.yaml"
    result = run(project, "charts", str(skype), "--format", "svg", "--out-dir", str(out))
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 4 and all(f.startswith("skype-2016-10-28-slide") and f.endswith(".svg") for f in files)
    assert all((out / f).read_bytes().startswith(b"<?xml") for f in files)


def test_list_themes_prints_names_and_descriptions(project: Project):
    result = run(project, "list", "themes")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [ln.split()[0] for ln in lines] == ["default", "kontrast", "mall"]
    assert lines[0].startswith("default   Lugnt och lättläst tema")
    assert "[template: template.pptx]" in lines[2]


def test_list_themes_marks_a_broken_theme(project: Project):
    (project.themes / "kontrast" / "theme.yaml").write_text("name: [\n", encoding="utf-8")
    result = run(project, "list", "themes")
    assert result.exit_code == 0
    assert "kontrast  (theme.yaml has errors: run `slidegen check-theme kontrast`)" in result.output


def test_check_theme_passes_on_every_shipped_theme(project: Project):
    for name in project.theme_names():
        result = run(project, "check-theme", name)
        assert result.exit_code == 0, result.output
        assert f"theme {name} is ready" in result.output
        assert "✗" not in result.output


def test_check_theme_finds_a_damaged_logo(project: Project):
    logo = project.themes / "mall" / "logo.png"
    data = logo.read_bytes()
    logo.write_bytes(data[: len(data) // 2])  # the header is whole, the picture cut off
    lines = (project.themes / "mall" / "theme.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("  file: logo.png") + 1
    result = run(project, "check-theme", "mall")
    assert result.exit_code == 1
    assert (f"themes/mall/theme.yaml:{line}:9: logo.file: `themes/mall/logo.png` starts like a PNG picture but cannot be "
            "read (the file ends too early: was it copied or downloaded only in part?); open it in a picture program "
            "and save it again"
            ) in result.output


def test_an_output_folder_that_cannot_be_made_is_a_message_not_a_traceback(project: Project, tmp_path: Path):
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project.root), "build", "--out-dir", str(blocker / "sub")])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("error: cannot write ") and last.endswith("Not a directory")


def test_a_meeting_date_out_of_range_is_located(project: Project):
    deck = project.content / "decks" / "skype-2016-10-28.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("date: 2016-10-28", "date: 3016-10-28"), encoding="utf-8")
    result = run(project, "build", str(deck))
    assert result.exit_code == 1
    assert "meeting.date: 3016-10-28 is not a plausible meeting date" in result.output


def test_an_empty_title_is_refused(project: Project):
    deck = project.content / "decks" / "skype-2016-10-28.yaml"
    text = deck.read_text(encoding="utf-8").replace("title: Tema Nobel, bygga vidare på enkätsvaren (3)", 'title: ""')
    deck.write_text(text, encoding="utf-8")
    result = run(project, "validate", str(deck))
    assert result.exit_code == 1
    assert ".title: must not be empty" in result.output
