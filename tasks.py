#!/usr/bin/env python3
"""Set up and run slidegen with nothing but Python 3.11+.

    python3 tasks.py decks [slidegen build options]   install into .venv, build every deck into output/
    python3 tasks.py site [slidegen site options]     install into .venv, build the web site into output/site/
    python3 tasks.py test [pytest options]            install into .venv (with test tools), run every test
    python3 tasks.py bench [bench/run.py options]     install into .venv, measure (docs/benchmarks.md)

The virtual environment .venv/ is created on first use and reinstalled only when pyproject.toml
changes, so repeated runs start at once. `test` also installs the site's page checkers (axe-core,
vnu-jar) into tests/browser/node_modules/ with `npm ci` when npm is there, again only when
tests/browser/package-lock.json changes; without npm those tests are skipped.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".slidegen-installed"
CHECKERS = ROOT / "tests" / "browser"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure(extras: str) -> Path:
    """A .venv with slidegen installed (editable) with the given extras; created or updated as needed."""
    if sys.version_info < (3, 11):
        sys.exit(f"slidegen needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    wanted = f"{digest} {extras}"
    python = venv_python()
    if not python.exists():
        print("creating .venv …", file=sys.stderr, flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    installed = STAMP.read_text().split("\n") if STAMP.exists() else []
    if wanted not in installed and not (extras == "" and f"{digest} test" in installed):
        print(f"installing slidegen{f'[{extras}]' if extras else ''} into .venv …", file=sys.stderr, flush=True)
        target = f".[{extras}]" if extras else "."
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target],
            cwd=ROOT, check=True,
        )
        STAMP.write_text("\n".join([*installed, wanted]))
    return python


def ensure_checkers() -> None:
    """The site tests' checkers from npm, installed with `npm ci` (when npm is there) whenever the lock file changed."""
    npm = shutil.which("npm")
    if npm is None:
        print("note: npm is not installed, so the site's axe-core and Nu Html Checker tests are skipped", file=sys.stderr)
        return
    lock = CHECKERS / "package-lock.json"
    stamp = CHECKERS / "node_modules" / ".slidegen-installed"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()[:16]
    if stamp.exists() and stamp.read_text() == digest:
        return
    print("installing the page checkers (npm ci in tests/browser/) …", file=sys.stderr, flush=True)
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=CHECKERS)
    if done.returncode != 0:
        if os.environ.get("CI"):
            sys.exit("npm ci in tests/browser/ failed")
        print("note: npm ci in tests/browser/ failed; the site's checker tests are skipped", file=sys.stderr)
        return
    stamp.write_text(digest)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"decks", "site", "test", "bench"}:
        print(__doc__, file=sys.stderr)
        return 2
    task, rest = argv[0], argv[1:]
    if task == "decks":
        python = ensure("")
        return subprocess.run([str(python), "-m", "slidegen", "build", *rest], cwd=ROOT).returncode
    if task == "site":
        python = ensure("")
        return subprocess.run([str(python), "-m", "slidegen", "site", *rest], cwd=ROOT).returncode
    if task == "bench":
        python = ensure("")
        return subprocess.run([str(python), str(ROOT / "bench" / "run.py"), *rest], cwd=ROOT).returncode
    python = ensure("test")
    ensure_checkers()
    return subprocess.run([str(python), "-m", "pytest", *rest], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
