"""Measuring child processes: wall-clock and CPU seconds and peak memory of each, medians and spread."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Sample:
    """One child process: wall-clock seconds, CPU seconds (user + system), peak RSS in MiB, its stdout."""

    wall: float
    cpu: float
    rss: float
    out: str


@dataclass(frozen=True)
class Stat:
    """Median and spread of repeated measurements."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> "Stat":
        return cls(statistics.median(values), min(values), max(values))

    def s(self) -> str:
        return f"{self.median:.2f} s ({self.low:.2f}–{self.high:.2f})"

    def ms(self) -> str:
        return f"{self.median * 1000:.0f} ms ({self.low * 1000:.0f}–{self.high * 1000:.0f})"


def run(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> Sample:
    """Run one child process and measure it (its own rusage, through wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err.read().decode(errors='replace')}")
        return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read().decode())


def repeat(cmd: list[str], env: dict[str, str], reps: int, before: Callable[[], None] | None = None,
           cwd: Path = ROOT) -> list[Sample]:
    """`reps` runs of one command, each after `before`."""
    samples = []
    for _ in range(reps):
        if before:
            before()
        samples.append(run(cmd, env, cwd))
    return samples


def stats(samples: list[Sample]) -> tuple[Stat, Stat, float]:
    """(wall, cpu, peak RSS) of repeated runs."""
    return Stat.of([s.wall for s in samples]), Stat.of([s.cpu for s in samples]), max(s.rss for s in samples)
