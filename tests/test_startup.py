"""Lazy start: commands that write no deck import neither python-pptx nor matplotlib."""

from __future__ import annotations

import subprocess
import sys

import pytest

from slidegen.project import Project

HEAVY = ("pptx", "matplotlib")

PROBE = f"""
import sys
from slidegen.cli import main
try:
    main(sys.argv[1:], prog_name="slidegen")
except SystemExit as exc:
    code = exc.code
print("imported:", *[m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)
sys.exit(code)
"""


def run_cli(*args: str) -> tuple[int, str]:
    """Run the command line in a fresh interpreter; its exit code and the heavy modules it imported."""
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True)
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("imported:"))
    return proc.returncode, line.removeprefix("imported:").strip()


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["build", "--help"]])
def test_help_imports_neither_pptx_nor_matplotlib(args):
    assert run_cli(*args) == (0, "")


def test_validate_imports_neither_pptx_nor_matplotlib(project: Project):
    assert run_cli("--root", str(project.root), "validate") == (0, "")
    deck = project.content / "decks" / "skype-2016-10-28.yaml"
    assert run_cli("--root", str(project.root), "validate", str(deck)) == (0, "")
    # a theme built on an organisation's template is checked without python-pptx too
    deck.write_text(deck.read_text(encoding="utf-8").replace("theme: default", "theme: mall"), encoding="utf-8")
    assert run_cli("--root", str(project.root), "validate", str(deck)) == (0, "")
    assert run_cli("--root", str(project.root), "check-theme", "mall") == (0, "")


def test_the_probe_sees_what_a_build_imports(project: Project):
    """The check can fail: a build imports python-pptx (and matplotlib only to draw new chart pictures)."""
    deck = project.content / "decks" / "skype-2016-10-28.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("charts: image", "charts: native"), encoding="utf-8")
    assert run_cli("--root", str(project.root), "build", "-q", str(deck)) == (0, "pptx")


def test_the_command_looks_for_garbage_less_often_and_only_in_its_own_process():
    code = (
        "import gc, sys; from slidegen.cli import GC_THRESHOLD, run; sys.argv = ['slidegen', '--version']\n"
        "try:\n    run()\nexcept SystemExit:\n    print(gc.get_threshold() == GC_THRESHOLD)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.splitlines()[-1] == "True", proc.stderr
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="slidegen")
    assert script.value == "slidegen.cli:run"
