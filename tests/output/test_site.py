"""Writing a site: exactly the files given, nothing written when unchanged, the old site whole after a failure."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from slidegen.output import site as site_output
from slidegen.output.site import OLD_SITES_SECONDS, remove_old_sites, write_site


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file's bytes, modification time and inode: what a write that wrote nothing leaves as it was."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[p.relative_to(folder).as_posix()] = (p.read_bytes(), st.st_mtime_ns, st.st_ino)
    return out


FILES = {"index.html": b"<p>start</p>", "exempel/index.html": b"<p>exempel</p>", "bilder/a.png": b"\x89PNG..."}


def test_writes_exactly_the_files_given(tmp_path: Path):
    folder = tmp_path / "site"
    written = write_site(folder, FILES)
    assert (written.files, written.changed) == (3, 3)
    assert {k: v[0] for k, v in snapshot(folder).items()} == FILES
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "no temporary folder is left beside it"


def test_an_unchanged_site_is_not_written_at_all(tmp_path: Path):
    folder = tmp_path / "site"
    write_site(folder, FILES)
    before = snapshot(folder)
    time.sleep(0.01)
    written = write_site(folder, dict(FILES))
    assert written.unchanged and written.changed == 0
    assert snapshot(folder) == before


def test_a_change_swaps_the_whole_folder_and_drops_files_no_longer_there(tmp_path: Path):
    folder = tmp_path / "site"
    write_site(folder, FILES)
    (folder / "stray.txt").write_bytes(b"left by hand")
    before = snapshot(folder)
    files = {**FILES, "index.html": b"<p>ny start</p>"}
    del files["bilder/a.png"]
    written = write_site(folder, files)
    after = snapshot(folder)
    assert {k: v[0] for k, v in after.items()} == files
    assert written.changed == 3  # the changed page, the picture gone, the stray file gone
    unchanged = after["exempel/index.html"]
    assert unchanged[1] == before["exempel/index.html"][1], "an unchanged file keeps its date"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failure_while_writing_leaves_the_old_site_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "site"
    write_site(folder, FILES)
    before = snapshot(folder)

    def broken(new: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(site_output, "_swap", broken)
    from slidegen.errors import ToolError

    with pytest.raises(ToolError, match="cannot write .*site: No space left on device"):
        write_site(folder, {**FILES, "index.html": b"<p>ny</p>"})
    assert snapshot(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "the half-written new site is removed"


@pytest.mark.parametrize("rel", ["../utanfor.html", "/abs.html", "a//b.html", "a/./b.html", "C:x.html", "a\\b.html"])
def test_paths_that_could_leave_the_folder_are_refused(tmp_path: Path, rel: str):
    with pytest.raises(ValueError, match="not a relative path inside the site"):
        write_site(tmp_path / "site", {rel: b"x"})
    assert not (tmp_path / "site").exists()


def test_folders_left_by_a_killed_run_are_removed_once_old(tmp_path: Path):
    old = tmp_path / ".site.abc.new"
    (old / "enkat").mkdir(parents=True)
    fresh = tmp_path / ".site.def.old"
    fresh.mkdir()
    other = tmp_path / ".cache"
    other.mkdir()
    past = time.time() - OLD_SITES_SECONDS - 5
    os.utime(old, (past, past))
    assert remove_old_sites(tmp_path, "site") == [old]
    assert fresh.is_dir() and other.is_dir()
