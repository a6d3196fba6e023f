"""Writing a web site: every file into a temporary folder beside the target, then the folder swapped in whole."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Mapping

from slidegen.errors import ToolError

OLD_SITES_SECONDS = 60
"""A left-over temporary or replaced site folder older than this was left by a killed run, and is removed."""


@dataclass(frozen=True)
class Written:
    """What writing a site did: its folder, how many files it has, and how many of them are new or changed."""

    folder: Path
    files: int
    changed: int

    @property
    def unchanged(self) -> bool:
        """Whether the folder already held exactly these files (then nothing was written)."""
        return self.changed == 0


def _checked(rel: str) -> PurePosixPath:
    """A site file's relative path, refused if it could leave the folder (a bug, never content)."""
    parts = rel.split("/")
    if any(p in ("", ".", "..") or "\\" in p or ":" in p for p in parts):
        raise ValueError(f"not a relative path inside the site: {rel!r}")
    return PurePosixPath(*parts)


def _current(folder: Path) -> dict[str, Path]:
    """The files a site folder holds now, by relative path."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def write_site(folder: Path, files: Mapping[str, bytes]) -> Written:
    """Make `folder` hold exactly `files` (relative path → bytes), the old site or the new one, never half of each.

    When the folder already holds exactly these files, nothing is written. Otherwise the site is
    written into a hidden temporary folder beside it (files that did not change are linked or
    copied from the old site, keeping their dates), flushed, and swapped in with two renames; the
    old folder is removed afterwards. A failure before the swap leaves the old site untouched.
    """
    folder = Path(folder)
    wanted = {_checked(rel).as_posix(): data for rel, data in files.items()}
    old = _current(folder)
    changed = [rel for rel, data in wanted.items() if rel not in old or not _same(old[rel], data)]
    if not changed and set(old) == set(wanted):
        return Written(folder, len(wanted), 0)
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".new", dir=parent))
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; a web server must read the site
    except OSError as exc:
        raise ToolError(f"cannot write {folder}: {exc.strerror or exc}") from None
    fresh = set(changed)
    try:
        for rel, data in sorted(wanted.items()):
            target = tmp.joinpath(*PurePosixPath(rel).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            if rel not in fresh and _reuse(old[rel], target):
                continue
            with open(target, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        _swap(tmp, folder)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise ToolError(f"cannot write {folder}: {exc.strerror or exc}") from None
        raise
    remove_old_sites(parent, folder.name)
    return Written(folder, len(wanted), len(changed) + len(set(old) - set(wanted)))


def _reuse(source: Path, target: Path) -> bool:
    """An unchanged file into the new site: a hard link where the system allows it, else a copy with its dates."""
    try:
        os.link(source, target)
        return True
    except OSError:
        pass
    try:
        shutil.copy2(source, target)
        return True
    except OSError:
        return False


def _swap(new: Path, folder: Path) -> None:
    """Put the new folder in the place of the old one: the old one is renamed aside first, then removed."""
    if not folder.exists():
        os.replace(new, folder)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
    os.rmdir(aside)
    os.replace(folder, aside)
    try:
        os.replace(new, folder)
    except OSError:
        os.replace(aside, folder)  # put the old site back: it stays as it was
        raise
    shutil.rmtree(aside, ignore_errors=True)


def remove_old_sites(parent: Path, name: str, now: float | None = None) -> list[Path]:
    """Remove the temporary and replaced site folders that killed runs left beside the site (older than a minute)."""
    now = time.time() if now is None else now
    removed = []
    for path in parent.glob(f".{name}.*"):
        if path.suffix not in (".new", ".old") or not path.is_dir():
            continue
        try:
            if now - path.stat().st_mtime > OLD_SITES_SECONDS:
                shutil.rmtree(path)
                removed.append(path)
        except OSError:
            continue
    return removed
