"""The watcher: which decks a changed file rebuilds, errors that keep the last good deck, recovery, the loop."""

from __future__ import annotations

import queue
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from slidegen.cli import main
from slidegen.commands.watch import Watcher, describe, run, warm_rebuild_seconds, watch
from slidegen.project import Project

SKYPE = "skype-2016-10-28"
NOBEL = "nobel-2016"

SMALL_DECK = """\
meeting:
  title: Nobelmötet
  date: 2016-11-24
  presenters: [Calle Sanglert]
  organisation: Länsstyrelserna
slides:
  - kind: title
    subtitle: Ett litet möte
  - kind: bullets
    title: Att göra
    items: [Förbereda exempel]
"""
"""A deck that uses no other content file: only its theme."""


def deck_file(project: Project, name: str = SKYPE) -> Path:
    return project.content / "decks" / f"{name}.yaml"


def edit(path: Path, old: str, new: str) -> int:
    """Replace text in a file (it must be there); the line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def kinds(outcomes) -> dict[str, str]:
    return {o.name: o.kind for o in outcomes}


def test_first_rebuild_builds_every_deck_with_titles_and_files(project: Project):
    watcher = Watcher(project)
    outcomes = watcher.rebuild()
    assert kinds(outcomes) == {NOBEL: "built", SKYPE: "built"}
    assert re.fullmatch(rf"built {SKYPE} in \d+\.\d\d s \(15 slides\)", outcomes[1].line())
    nobel, skype = watcher.decks()
    assert skype.ok and skype.good is not None
    assert skype.good.titles[:2] == ("Uppdrag 51 – hur går det?", "Dagordning (kl. 13.00–14.15)")
    assert skype.good.title == "Uppdrag 51 – hur går det?"
    assert sorted(p.relative_to(project.root).as_posix() for p in skype.files) == [
        "content/assignment-51.yaml", "content/conclusions-2015.yaml", f"content/decks/{SKYPE}.yaml",
        "content/guidance-rus.yaml", "content/survey-2015.yaml", "themes/default/theme.yaml",
    ]
    assert skype.folders == frozenset()
    assert project.content / "examples" / "skane-1.yaml" in nobel.files
    assert project.content / "bilder" / "exempelbild.png" in nobel.files
    assert nobel.folders == {project.content / "examples"}
    assert (project.output / f"{SKYPE}.pptx").is_file() and (project.output / f"{NOBEL}.pptx").is_file()


def test_only_decks_that_use_the_changed_file_are_rebuilt(project: Project):
    watcher = Watcher(project)
    watcher.rebuild()
    content = project.content
    both = {NOBEL: "rebuilt", SKYPE: "rebuilt"}
    assert kinds(watcher.rebuild({content / "survey-2015.yaml"})) == both
    assert kinds(watcher.rebuild({project.themes / "default" / "theme.yaml"})) == both
    assert kinds(watcher.rebuild({content / "guidance-rus.yaml"})) == {SKYPE: "rebuilt"}
    assert kinds(watcher.rebuild({deck_file(project)})) == {SKYPE: "rebuilt"}
    assert kinds(watcher.rebuild({content / "examples" / "skane-1.yaml"})) == {NOBEL: "rebuilt"}
    assert kinds(watcher.rebuild({content / "bilder" / "exempelbild.png"})) == {NOBEL: "rebuilt"}
    assert kinds(watcher.rebuild({deck_file(project, NOBEL)})) == {NOBEL: "rebuilt"}
    (content / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    assert watcher.rebuild({content / "notes.yaml"}) == []
    assert watcher.rebuild(set()) == []


def test_a_new_example_rebuilds_the_deck_that_shows_every_example(project: Project):
    watcher = Watcher(project)
    watcher.rebuild()
    new = project.content / "examples" / "gotland-1.yaml"
    new.write_text((project.content / "examples" / "skane-1.yaml").read_text(encoding="utf-8")
                   .replace("county: Skåne", "county: Gotland"), encoding="utf-8")
    assert kinds(watcher.rebuild({new})) == {NOBEL: "rebuilt"}
    assert new in watcher.decks()[0].files


def test_changed_paths_are_compared_as_real_paths(project: Project):
    watcher = Watcher(project)
    watcher.rebuild()
    guidance = project.content / "decks" / ".." / "guidance-rus.yaml"
    assert kinds(watcher.rebuild({guidance})) == {SKYPE: "rebuilt"}


def test_a_new_deck_is_built_and_a_deleted_one_dropped(project: Project):
    watcher = Watcher(project)
    watcher.rebuild()
    new = deck_file(project, "kort")
    new.write_text(SMALL_DECK, encoding="utf-8")
    assert kinds(watcher.rebuild({new})) == {"kort": "built"}
    assert [s.name for s in watcher.decks()] == ["kort", NOBEL, SKYPE]
    new.unlink()
    outcomes = watcher.rebuild({new})
    assert kinds(outcomes) == {"kort": "removed"}
    assert "its deck file is gone" in outcomes[0].line()
    assert [s.name for s in watcher.decks()] == [NOBEL, SKYPE]
    assert (project.output / "kort.pptx").is_file(), "output is never deleted"


def test_decks_given_are_the_only_ones_watched(project: Project):
    deck_file(project, "kort").write_text(SMALL_DECK, encoding="utf-8")
    watcher = Watcher(project, [deck_file(project, "kort")])
    assert kinds(watcher.rebuild()) == {"kort": "built"}
    assert watcher.rebuild({project.content / "survey-2015.yaml"}) == []
    assert kinds(watcher.rebuild({project.themes / "default" / "theme.yaml"})) == {"kort": "rebuilt"}
    assert not (project.output / f"{SKYPE}.pptx").exists()


def test_an_error_keeps_the_last_good_deck_byte_identical_and_recovers(project: Project):
    watcher = Watcher(project, [deck_file(project)])
    watcher.rebuild()
    out = project.output / f"{SKYPE}.pptx"
    before = out.read_bytes()
    survey = project.content / "survey-2015.yaml"
    line = edit(survey, "{done: 72}", "{done: 120}")

    outcomes = watcher.rebuild({survey})
    assert kinds(outcomes) == {SKYPE: "failed"}
    problems, lines = describe(outcomes)
    assert len(problems) == 1 and problems[0].startswith(f"content/survey-2015.yaml:{line}:")
    assert "is more than 100 %" in problems[0]
    assert lines == [f"failed {SKYPE}: 1 error in 1 file; output/{SKYPE}.pptx stays as it was"]
    assert out.read_bytes() == before
    assert sorted(p.name for p in project.output.iterdir() if p.name != ".cache") == [f"{SKYPE}.pptx"]
    (state,) = watcher.decks()
    assert not state.ok and state.good is not None and state.problems

    edit(survey, "{done: 120}", "{done: 72}")
    assert kinds(watcher.rebuild({survey})) == {SKYPE: "rebuilt"}
    assert out.read_bytes() == before
    assert watcher.decks()[0].ok


def test_a_failed_deck_is_retried_on_any_change(project: Project):
    deck = deck_file(project)
    edit(deck, "source: guidance-rus.yaml", "source: guidance-2017.yaml")
    watcher = Watcher(project)
    outcomes = watcher.rebuild()
    assert kinds(outcomes) == {NOBEL: "built", SKYPE: "failed"}
    assert outcomes[1].line() == f"failed {SKYPE}: 1 error in 1 file; nothing was written"
    assert "there is no file content/guidance-2017.yaml" in describe(outcomes)[0][0]
    assert not (project.output / f"{SKYPE}.pptx").exists()

    # The fix is a file the deck could not load yet: no deck depends on it, but the failed deck is retried.
    new = project.content / "guidance-2017.yaml"
    shutil.copy(project.content / "guidance-rus.yaml", new)
    assert kinds(watcher.rebuild({new})) == {SKYPE: "built"}
    assert (project.output / f"{SKYPE}.pptx").is_file()
    assert new.resolve() in watcher.decks()[1].files


def test_an_error_shared_by_two_decks_is_printed_once(project: Project):
    watcher = Watcher(project)
    watcher.rebuild()
    survey = project.content / "survey-2015.yaml"
    edit(survey, "{done: 72}", "{done: 120}")
    outcomes = watcher.rebuild({survey})
    assert kinds(outcomes) == {NOBEL: "failed", SKYPE: "failed"}
    problems, lines = describe(outcomes)
    assert len(problems) == 1 and len(lines) == 2


def test_warm_rebuild_measurement_runs(project: Project):
    seconds = warm_rebuild_seconds(project, deck_file(project), project.content / "survey-2015.yaml", repeat=2)
    assert seconds > 0


def test_the_loop_reports_an_unexpected_error_in_one_line_and_goes_on(project: Project):
    stop = threading.Event()
    calls: list[set[Path] | None] = []
    warnings: list[str] = []

    def handle(changed: set[Path] | None) -> None:
        calls.append(changed)
        if len(calls) == 1:
            (project.content / "touched.yaml").write_text("a: 1\n", encoding="utf-8")
            raise RuntimeError("a bug")
        stop.set()

    thread = threading.Thread(target=run, args=([project.content], handle),
                              kwargs={"stop": stop, "warn": warnings.append})
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert calls[0] is None and calls[1] == {(project.content / "touched.yaml").resolve()}
    assert warnings == ["internal error while rebuilding (RuntimeError: a bug); still watching"]


def test_watch_rebuilds_on_a_real_save(project: Project):
    lines: queue.Queue[str] = queue.Queue()
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(project, [deck_file(project)]),
                              kwargs={"report": lines.put, "warn": lines.put, "stop": stop})
    thread.start()
    try:
        def next_line(prefix: str) -> str:
            while True:
                line = lines.get(timeout=30)
                if line.startswith(prefix):
                    return line

        assert next_line("watching ") == "watching content/, themes/ (Ctrl-C stops)"
        next_line(f"built {SKYPE}")
        before = (project.output / f"{SKYPE}.pptx").read_bytes()
        edit(project.content / "survey-2015.yaml", "{done: 72}", "{done: 71}")
        assert re.fullmatch(rf"rebuilt {SKYPE} in \d+\.\d\d s \(15 slides\)", next_line(f"rebuilt {SKYPE}"))
        assert (project.output / f"{SKYPE}.pptx").read_bytes() != before
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_watch_command_documents_itself():
    result = CliRunner().invoke(main, ["watch", "--help"])
    assert result.exit_code == 0
    assert "rebuild" in result.output and "Ctrl-C" in result.output


def test_help_imports_neither_pptx_nor_matplotlib_nor_watchfiles():
    code = (
        "import sys\n"
        "from slidegen.cli import main\n"
        "for args in (['--help'], ['watch', '--help'], ['serve', '--help']):\n"
        "    try:\n"
        "        main(args, prog_name='slidegen')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('pptx', 'matplotlib', 'watchfiles') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("deck", [None, "given"])
def test_watch_paths_include_a_given_deck_outside_content(project: Project, tmp_path: Path, deck: str | None):
    from slidegen.commands.watch import watch_paths

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    decks = [outside / "x.yaml"] if deck else []
    expected = [project.content, project.themes] + ([outside.resolve()] if deck else [])
    assert watch_paths(project, decks) == expected


def test_ctrl_c_stops_watch_cleanly(project: Project):
    import os
    import signal

    proc = subprocess.Popen(
        [sys.executable, "-m", "slidegen", "--root", str(project.root), "watch"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("watching content/, themes/")
        assert proc.stdout.readline().startswith(f"built {NOBEL} in ")
        assert proc.stdout.readline().startswith(f"built {SKYPE} in ")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert err.strip() == "stopped"
    assert "Traceback" not in out + err


def test_saving_the_answer_sheet_rebuilds_its_deck_reading_only_the_sheet(project: Project, monkeypatch):
    import answers as sample
    from deckread import read_deck

    from slidegen.load import readers

    sample.install(project.content)
    edit(deck_file(project), "survey: survey-2015.yaml", "survey: survey-2016.yaml")
    watcher = Watcher(project)
    watcher.rebuild()
    read: list[str] = []
    for suffix, reader in list(readers.READERS.items()):
        def counting(path, root=None, reader=reader):
            read.append(Path(path).name)
            return reader(path, root)
        monkeypatch.setitem(readers.READERS, suffix, counting)
    drawn = sample.draw()
    drawn["Stockholm"][1] = "not_relevant" if drawn["Stockholm"][1] != "not_relevant" else "done"
    sheet = sample.write_xlsx(project.content / "data" / "enkat-2016.xlsx", sample.rows(drawn))
    assert kinds(watcher.rebuild({sheet})) == {SKYPE: "rebuilt"}  # the Nobel deck does not use the sheet
    assert read == ["enkat-2016.xlsx"]
    shares, n = sample.expected_shares(drawn, 1)
    rows = [row for s in read_deck(project.output / f"{SKYPE}.pptx") for t in s.tables for row in t
            if row[0].startswith("1. ")]
    assert rows[0][1:] == [f"{shares[k]}\u00a0%" for k in ("done", "ongoing", "not_relevant")] + [str(n)]
