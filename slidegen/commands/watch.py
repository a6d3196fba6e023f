"""Watching content/ and themes/: rebuild, in this process, only the decks a changed file affects."""

from __future__ import annotations

import os
import statistics
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Literal

from slidegen.build import FORMATS, Built, Report, build
from slidegen.check.library import Library
from slidegen.errors import ContentError, Location, Problem, SlidegenError
from slidegen.project import Project, deck_paths

TICK_MS = 200
"""How often the watch loop wakes when nothing changes; the first wake-up starts the first build."""

STEP_MS = 50
"""Changes are handed on once no new change has come for this long (an editor's save is one batch)."""

DEBOUNCE_MS = 1600
"""The longest a batch of changes is held back while changes keep coming."""


@dataclass
class DeckState:
    """What the watcher knows of one deck: its last good build and the errors of its last attempt."""

    path: Path
    good: Built | None = None
    files: frozenset[Path] = frozenset()
    """The files of the last good build, resolved."""
    folders: frozenset[Path] = frozenset()
    """The folders the last good build read whole, resolved."""
    problems: tuple[Problem, ...] = ()
    when: float = 0.0
    """Wall-clock time (time.time()) of the last attempt."""
    seconds: float = 0.0
    """How long the last attempt took."""

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def ok(self) -> bool:
        """Whether the last attempt built the deck."""
        return self.good is not None and not self.problems

    def depends_on(self, changed: set[Path]) -> bool:
        """Whether any of the changed files went into the last good build, or lies in a folder it read whole."""
        return not self.files.isdisjoint(changed) or any(path.parent in self.folders for path in changed)


Kind = Literal["built", "rebuilt", "failed", "removed"]


@dataclass(frozen=True)
class Outcome:
    """One deck handled in a rebuild: built, failed (with its problems), or removed with its file."""

    name: str
    kind: Kind
    seconds: float = 0.0
    slides: int = 0
    problems: tuple[Problem, ...] = ()
    kept: str | None = None
    """For a failed deck: the last good output (as the user sees the path) that was left untouched."""

    def line(self) -> str:
        """The one line the watcher prints for this deck."""
        if self.kind in ("built", "rebuilt"):
            return f"{self.kind} {self.name} in {self.seconds:.2f} s ({self.slides} slides)"
        if self.kind == "removed":
            return f"removed {self.name} from the watch: its deck file is gone (its output is left as it was)"
        summary = ContentError(list(self.problems)).summary().removesuffix(" nothing was written.")
        kept = f"{self.kept} stays as it was" if self.kept else "nothing was written"
        return f"failed {self.name}: {summary} {kept}"


def describe(outcomes: list[Outcome]) -> tuple[list[str], list[str]]:
    """(the located errors, each once and in order; one line per deck) for printing a rebuild."""
    problems = sorted({p for o in outcomes for p in o.problems})
    return [str(p) for p in problems], [o.line() for o in outcomes]


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


class Watcher:
    """Rebuilds decks in this process, reusing one Library so unchanged files are not read again.

    Which decks to rebuild is decided from the changed files: a deck is rebuilt when a file it was
    built from changed, or any file in a folder it read whole (a new example); a deck whose last
    attempt failed is retried on any change (the fix may be in a file it could not load yet); the
    deck files themselves are listed afresh every time, so a new deck is built and a deleted one
    dropped.
    """

    def __init__(self, project: Project, decks: list[Path] | None = None, *, theme: str | None = None,
                 report: Report | None = None) -> None:
        self.project = project
        self.theme = theme
        self.given = [Path(p) for p in decks or []]
        self.library = Library(project)
        self.report = report or (lambda _: None)
        self.states: dict[Path, DeckState] = {}
        self._notes: set[str] = set()

    def _note(self, line: str) -> None:
        """Pass on the build's notes (not its progress lines), each once per watch."""
        if line.startswith("note: ") and line not in self._notes:
            self._notes.add(line)
            self.report(line)

    def deck_files(self) -> list[Path]:
        """The deck files being watched: those given, else every deck in content/decks/ right now."""
        return [_resolved(p) for p in deck_paths(self.project, self.given)]

    def decks(self) -> list[DeckState]:
        """Every watched deck, in name order."""
        return sorted(self.states.values(), key=lambda s: (s.name, str(s.path)))

    def affected(self, changed: set[Path] | None) -> list[Path]:
        """The deck files to rebuild for these changed files (all of them when `changed` is None)."""
        files = self.deck_files()
        if changed is None:
            return files
        changed = {_resolved(p) for p in changed}
        out = []
        for path in files:
            state = self.states.get(path)
            if state is None or not state.ok or path in changed or state.depends_on(changed):
                out.append(path)
        return out

    def rebuild(self, changed: Iterable[Path] | None = None) -> list[Outcome]:
        """Rebuild the decks the changed files affect (every deck when None); the last good output stays on errors."""
        files = self.deck_files()
        gone = [path for path in self.states if path not in files]
        outcomes = [Outcome(self.states.pop(path).name, "removed") for path in gone]
        for path in self.affected(None if changed is None else set(changed)):
            outcomes.append(self._build_one(path))
        return outcomes

    def _build_one(self, path: Path) -> Outcome:
        state = self.states.setdefault(path, DeckState(path))
        state.when = time.time()
        start = time.perf_counter()
        try:
            built = build(self.project, [path], theme=self.theme, library=self.library, report=self._note)[0]
        except ContentError as exc:
            state.problems = tuple(exc.sorted())
        except SlidegenError as exc:  # the output could not be written, or the like: located at the deck
            state.problems = (Problem(Location(self.project.show(path)), str(exc)),)
        else:
            again = state.good is not None
            state.good, state.problems = built, ()
            state.files = frozenset(_resolved(f) for f in built.files)
            state.folders = frozenset(_resolved(f) for f in built.folders)
            state.seconds = time.perf_counter() - start
            return Outcome(built.name, "rebuilt" if again else "built", state.seconds, built.slides)
        state.seconds = time.perf_counter() - start
        target = self.project.output / f"{state.name}{FORMATS['pptx'].suffix}"
        kept = self.project.show(target) if target.is_file() else None
        return Outcome(state.name, "failed", state.seconds, problems=state.problems, kept=kept)


def watch_paths(project: Project, decks: list[Path]) -> list[Path]:
    """The folders to watch: content/ and themes/, and the folder of any given deck outside them."""
    roots = [project.content, project.themes]
    for deck in decks:
        folder = _resolved(Path(deck).parent)
        if not any(folder.is_relative_to(r) for r in roots):
            roots.append(folder)
    return [r for r in dict.fromkeys(roots) if r.is_dir()]


Handler = Callable[[set[Path] | None], None]


def run(paths: list[Path], handle: Handler, *, stop: threading.Event | None = None,
        warn: Report = lambda _: None) -> None:
    """Call handle(None) once the file watch is live, then handle(changed files) per batch, until stopped.

    The first build runs only once the watch is live, so a save during it is not lost. An unexpected
    error in one rebuild is reported in one line and the watch goes on. KeyboardInterrupt ends it.
    """
    import watchfiles

    first = True
    for changes in watchfiles.watch(*paths, step=STEP_MS, debounce=DEBOUNCE_MS, rust_timeout=TICK_MS,
                                    yield_on_timeout=True, stop_event=stop):
        if not first and not changes:
            continue
        batch = None if first else {Path(p) for _, p in changes}
        first = False
        try:
            handle(batch)
        except Exception as exc:  # the loop boundary: a bug in one rebuild must not end the watch
            warn(f"internal error while rebuilding ({type(exc).__name__}: {exc}); still watching")


def print_outcomes(outcomes: list[Outcome], report: Report, warn: Report) -> None:
    """Print a rebuild: the located errors (to `warn`), then one line per deck."""
    problems, lines = describe(outcomes)
    for line in problems:
        warn(line)
    for outcome, line in zip(outcomes, lines):
        (warn if outcome.kind == "failed" else report)(line)


def watch(project: Project, decks: list[Path], *, theme: str | None = None, report: Report,
          warn: Report, stop: threading.Event | None = None) -> None:
    """`slidegen watch`: build the decks, then rebuild those a saved file affects, until Ctrl-C or `stop`."""
    watcher = Watcher(project, decks, theme=theme, report=warn)
    paths = watch_paths(project, decks)
    shown = ", ".join(f"{project.show(p)}/" for p in paths)
    report(f"watching {shown} (Ctrl-C stops)")
    run(paths, lambda changed: print_outcomes(watcher.rebuild(changed), report, warn), stop=stop, warn=warn)


def warm_rebuild_seconds(project: Project, deck: Path, touch: Path | None = None, repeat: int = 9,
                         clock: Callable[[], float] = time.perf_counter) -> float:
    """The median time of a warm rebuild of one deck in watch mode (for the benchmark; nothing is asserted).

    A first build warms everything up (imports, chart pictures); then, `repeat` times, `touch` (the
    deck file by default) gets a new modification time, so the Library reads and validates it again,
    and the watcher rebuilds the deck as it would after a save. `clock` is wall time by default;
    time.process_time measures the CPU time alone, steadier on a busy machine.
    """
    watcher = Watcher(project, [deck])
    touch = Path(touch or deck)
    first = watcher.rebuild()
    if any(o.kind == "failed" for o in first):
        raise ContentError([p for o in first for p in o.problems])
    times = []
    for _ in range(repeat):
        now = time.time_ns()
        os.utime(touch, ns=(now, now))
        start = clock()
        watcher.rebuild({touch})
        times.append(clock() - start)
    return statistics.median(times)
