"""The picture cache: pictures made for their frames once and kept under output/.cache/pictures/, by the
hash of the source's bytes and the size they are made for, until either changes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from slidegen.errors import Location, Problem, ToolError
from slidegen.load.pictures import PictureError
from slidegen.output.files import write_atomic
from slidegen.plan.model import DeckPlan, PictureBox

PIPELINE = "1"
"""The version of what render/pictures.py makes: raise it when the same source and target give other bytes."""

SUFFIXES = {b"\xff\xd8": ".jpg", b"\x89P": ".png"}

_digests: dict[tuple[Path, int, int], str] = {}
"""The hash of each source file already read in this process, by its path, size and change time."""


@lru_cache(maxsize=1)
def _making_state() -> str:
    """What besides the source and its target decides a picture's bytes: the pipeline's and the libraries' versions."""
    parts = [PIPELINE, metadata.version("pillow")]
    try:
        parts.append(metadata.version("pillow-heif"))
    except metadata.PackageNotFoundError:
        parts.append("-")
    return "|".join(parts)


def source_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, read once per process while its size and change time stay the same."""
    st = path.stat()
    stamp = (path.resolve(), st.st_size, st.st_mtime_ns)
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
    """Pictures made for their frames, kept between builds in a folder (none: always made)."""

    folder: Path | None

    def picture(self, box: PictureBox) -> bytes:
        """The picture of a box as it is embedded (JPEG or PNG), from the cache when it was made before."""
        from slidegen.render.pictures import Target

        target = Target.of(box.frame.w, box.frame.h, box.crop)
        key = hashlib.sha256(
            f"{source_digest(box.path)}|{target.width}x{target.height}|{target.crop}|{_making_state()}".encode()
        ).hexdigest()[:32]
        if self.folder is not None:
            for suffix in SUFFIXES.values():
                path = self.folder / f"{key}{suffix}"
                if path.is_file():
                    return path.read_bytes()
        from slidegen.render.pictures import embed

        data = embed(box.path, target)
        if self.folder is not None:
            try:
                write_atomic(self.folder / f"{key}{SUFFIXES[data[:2]]}", data)
            except ToolError:
                pass  # a cache that cannot be written only costs time
        return data

    def check(self, plans: list[DeckPlan]) -> list[Problem]:
        """Make (or find) every picture of the decks; a located problem for each that cannot be read."""
        problems: list[Problem] = []
        done: set[tuple[Path, int, int, tuple[float, ...] | None]] = set()
        for deck_plan in plans:
            for slide in deck_plan.slides:
                for box in slide.boxes:
                    if not isinstance(box, PictureBox) or (box.path, box.frame.w, box.frame.h, box.crop) in done:
                        continue
                    done.add((box.path, box.frame.w, box.frame.h, box.crop))
                    try:
                        self.picture(box)
                    except PictureError as exc:
                        problems.append(_problem(box, f"{exc}; {exc.advice or 'save it again as PNG or JPEG'}"))
                    except OSError as exc:
                        problems.append(_problem(box, f"cannot be read ({exc.strerror}); check that the file is "
                                                      "still there and not open elsewhere"))
        return problems


def _problem(box: PictureBox, what: str) -> Problem:
    return Problem(box.source or Location(box.path.as_posix()), f"`{box.path.name}` {what}")
