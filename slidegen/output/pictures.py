"""The picture cache: pictures made for their frames once and kept under output/.cache/pictures/, by the
hash of the source's bytes and the size they are made for, until either changes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable

from slidegen.errors import Location, Problem, ToolError, display_path
from slidegen.output.files import write_atomic
from slidegen.plan.model import Crop, DeckPlan, PictureBox

PIPELINE = "1"
"""The version of what render/pictures.py makes: raise it when the same source and target give other bytes."""

SUFFIXES = {b"\xff\xd8": ".jpg", b"\x89P": ".png"}

_digests: dict[tuple[str, int, int], str] = {}
"""The hash of each source file already known in this process, by its path, size and change time."""

_unsaved: dict[str, bytes] = {}
"""Pictures made in this process that could not be kept in a cache folder (or had none), by their key."""

_indexes: set[Path] = set()
"""The cache folders whose index of source hashes this process has read."""

INDEX = "sources.json"
"""The file in the cache folder that remembers each source's hash by its path, size and change time, so an
unchanged rebuild does not read every photo again (an edited file always gets a new change time)."""


@lru_cache(maxsize=1)
def _making_state() -> str:
    """What besides the source and its target decides a picture's bytes: the pipeline's and the libraries' versions."""
    parts = [PIPELINE, metadata.version("pillow")]
    try:
        parts.append(metadata.version("pillow-heif"))
    except metadata.PackageNotFoundError:
        parts.append("-")
    return "|".join(parts)


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path.resolve()), st.st_size, st.st_mtime_ns


def source_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, read again only when its size or change time differ from when it was read."""
    stamp = _stamp(path)
    digest = _digests.get(stamp)
    if digest is None:
        with path.open("rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        if len(_digests) > 4096:
            _digests.clear()
        _digests[stamp] = digest
    return digest


@dataclass(frozen=True)
class PictureCache:
    """Pictures made for their frames, kept between builds in a folder (without one, or when it cannot be
    written, kept in memory for the process); problems name the pictures relative to `root` (the project folder)."""

    folder: Path | None
    root: Path | None = None

    def _read_index(self) -> None:
        """The source hashes an earlier build remembered in this folder, known from now on."""
        if self.folder is None or self.folder in _indexes:
            return
        _indexes.add(self.folder)
        try:
            entries = json.loads((self.folder / INDEX).read_text(encoding="utf-8"))
            _digests.update({(path, size, mtime): digest for path, (size, mtime, digest) in entries.items()})
        except (OSError, ValueError, TypeError, AttributeError):
            pass  # no index yet, or a damaged one: the sources are read again

    def _write_index(self, paths: set[Path]) -> None:
        """Remember the hashes of these sources for the next build (when one differs from what is remembered)."""
        if self.folder is None:
            return
        entries = {}
        for path in sorted(paths):
            try:
                stamp = _stamp(path)
            except OSError:
                continue
            if stamp in _digests:
                entries[stamp[0]] = [stamp[1], stamp[2], _digests[stamp]]
        try:
            old = json.loads((self.folder / INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
        old = old if isinstance(old, dict) else {}
        if all(old.get(k) == v for k, v in entries.items()):
            return
        merged = {**{k: v for k, v in old.items() if Path(k).is_file()}, **entries}  # files gone are forgotten
        try:
            write_atomic(self.folder / INDEX, json.dumps(merged, indent=0, sort_keys=True).encode())
        except ToolError:
            pass  # only costs time

    def picture(self, box: PictureBox) -> bytes:
        """The picture of a box as it is embedded (JPEG or PNG), from the cache when it was made before."""
        from slidegen.render.pictures import Target

        self._read_index()
        target = Target.of(box.frame.w, box.frame.h, box.crop)
        key = hashlib.sha256(
            f"{source_digest(box.path)}|{target.width}x{target.height}|{target.crop}|{_making_state()}".encode()
        ).hexdigest()[:32]
        if self.folder is not None:
            for suffix in SUFFIXES.values():
                path = self.folder / f"{key}{suffix}"
                if path.is_file():
                    return path.read_bytes()
        if key in _unsaved:
            return _unsaved[key]
        from slidegen.render.pictures import embed

        data = embed(box.path, target)
        if self.folder is not None:
            try:
                write_atomic(self.folder / f"{key}{SUFFIXES[data[:2]]}", data)
                return data
            except ToolError:
                pass  # a cache that cannot be written only costs time
        if len(_unsaved) >= 64:
            _unsaved.clear()
        _unsaved[key] = data  # made once per build even so: the build checks every picture, then renders it
        return data

    def check(self, plans: list[DeckPlan]) -> list[Problem]:
        """Make (or find) every picture of the decks; a located problem for each that cannot be read."""
        return self.check_boxes(box for deck_plan in plans for slide in deck_plan.slides for box in slide.boxes
                                if isinstance(box, PictureBox))

    def check_boxes(self, boxes: Iterable[PictureBox]) -> list[Problem]:
        """Make (or find) the picture of each box once; a located problem for each that cannot be read."""
        from slidegen.render.pictures import PictureError

        problems: list[Problem] = []
        done: set[tuple[Path, int, int, Crop]] = set()
        for box in boxes:
            if (box.path, box.frame.w, box.frame.h, box.crop) in done:
                continue
            done.add((box.path, box.frame.w, box.frame.h, box.crop))
            try:
                self.picture(box)
            except PictureError as exc:
                advice = exc.advice or "open it in a picture program and save it again"
                problems.append(self._problem(box, f"{exc}; {advice}"))
            except OSError as exc:
                problems.append(self._problem(box, f"cannot be read ({exc.strerror}); check that the file "
                                                   "is still there and not open elsewhere"))
        self._write_index({path for path, *_ in done})
        return problems

    def _problem(self, box: PictureBox, what: str) -> Problem:
        name = display_path(box.path, self.root)
        return Problem(box.source or Location(name), f"`{name}` {what}")
