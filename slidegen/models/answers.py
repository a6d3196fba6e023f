"""A survey's answers counted from a sheet: boards per answer, how many answered (n), shares that add up to 100."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from slidegen.format import listing, ranges
from slidegen.models.county import COUNTIES, County
from slidegen.models.survey import CATEGORY_KEYS, Results

BOARDS = len(COUNTIES)
"""Every county board: 21."""


def largest_remainder(counts: Sequence[int], total: int = 100) -> tuple[int, ...]:
    """Whole shares of `total` in proportion to the counts that add up to exactly `total` (Hare's largest remainder).

    Each share is its exact value rounded down; what is left goes one by one to the largest remainders
    (on a tie, to the larger count, then to the earlier one). All zero when nothing was counted.
    """
    n = sum(counts)
    if n == 0:
        return tuple(0 for _ in counts)
    floors = [c * total // n for c in counts]
    rests = [c * total % n for c in counts]
    order = sorted(range(len(counts)), key=lambda i: (-rests[i], -counts[i], i))
    for i in order[: total - sum(floors)]:
        floors[i] += 1
    return tuple(floors)


@dataclass(frozen=True)
class MethodAnswers:
    """The answers to one method: the answer (a category key) of each board that gave one, by county code."""

    number: int
    answers: Mapping[str, str] = field(default_factory=dict)

    @property
    def n(self) -> int:
        """How many boards answered."""
        return len(self.answers)

    def counts(self) -> tuple[int, ...]:
        """The number of boards per answer, in category order (done, ongoing, not_relevant)."""
        given = list(self.answers.values())
        return tuple(given.count(key) for key in CATEGORY_KEYS)

    def results(self) -> Results:
        """The shares in whole per cent of those who answered, adding up to 100; all unknown when nobody answered."""
        if not self.n:
            return Results()
        return Results(**dict(zip(CATEGORY_KEYS, largest_remainder(self.counts()))))


@dataclass(frozen=True)
class Answers:
    """Every method's answers, read from a sheet; which boards have a row in it."""

    file: str
    """The workbook as the user sees it: `content/data/enkat-2016.xlsx`."""
    sheet: str
    """The sheet's name ('' for a CSV file)."""
    counties: tuple[str, ...]
    """The codes of the counties that have a row, in official order."""
    methods: Mapping[int, MethodAnswers]
    notes: tuple[str, ...] = ()
    """What is worth knowing but not wrong (a county with no row), each located at the sheet."""

    def method(self, number: int) -> MethodAnswers:
        """The answers to a method (none when the sheet has no column for it)."""
        return self.methods.get(number) or MethodAnswers(number)

    def missing(self) -> list[County]:
        """The counties without a row in the sheet, in official order."""
        return [c for c in COUNTIES if c.code not in self.counties]

    def results(self) -> dict[int, Results]:
        """The computed shares of every method in the sheet."""
        return {number: m.results() for number, m in self.methods.items()}

    def partial(self, numbers: Sequence[int]) -> bool:
        """Whether fewer than all boards answered some of these methods."""
        return any(self.method(n).n < BOARDS for n in numbers)

    def summary(self, numbers: Sequence[int]) -> str:
        """One sentence on where the shares come from and how many answered each method (`n = 19 för metod 3`)."""
        by_n: dict[int, list[int]] = {}
        for number in numbers:
            by_n.setdefault(self.method(number).n, []).append(number)
        parts = [f"n = {n} för metod {ranges(nums)}" for n, nums in sorted(by_n.items(), reverse=True)]
        boards = f"svar från {len(self.counties)} av {BOARDS} länsstyrelser"
        missing = self.missing()
        if missing:
            boards += f" ({listing([c.name for c in missing])} saknas)"
        source = f"{self.file}, blad {self.sheet}" if self.sheet else self.file
        return (f"Andelarna är räknade ur {source}: {boards}. "
                f"Antal som svarat per metod: {'; '.join(parts)}.")

    def n_range(self, numbers: Sequence[int]) -> str:
        """The n of the methods as `19–21`, or `21` when all are the same."""
        ns = [self.method(n).n for n in numbers]
        low, high = min(ns, default=0), max(ns, default=0)
        return str(low) if low == high else f"{low}–{high}"
