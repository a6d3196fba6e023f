"""The seed deck's text (tests/data/seed.txt, the source of truth), split into slides and table rows."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

SEED = Path(__file__).resolve().parent / "data" / "seed.txt"


@lru_cache(maxsize=None)
def seed_slides() -> dict[int, str]:
    """The transcript of each of the seed's 10 slides, without the slide number."""
    text = SEED.read_text(encoding="utf-8")
    body = text.split("Presentationens avskrift:", 1)[1].split("Ladda ner ppt", 1)[0]
    parts = re.split(r"\n\n(\d+) ", "\n\n" + body.strip())
    slides = {int(parts[i]): " ".join(parts[i + 1].split()) for i in range(1, len(parts), 2)}
    assert sorted(slides) == list(range(1, 11)), sorted(slides)
    return slides


def method_rows() -> dict[int, tuple[str, list[int]]]:
    """Method number → (its text in the seed, the percentages the seed gives after it, in order)."""
    rows = {}
    for slide, numbers in ((8, range(1, 21)), (9, range(21, 33))):
        table = seed_slides()[slide]
        starts = []
        pos = 0
        for n in numbers:
            match = re.compile(rf"(?<![\d%]){n}\.? (?=[A-ZÅÄÖ])").search(table, pos)
            assert match, n
            starts.append((n, match.start(), match.end()))
            pos = match.end()
        for k, (n, _, text_start) in enumerate(starts):
            end = starts[k + 1][1] if k + 1 < len(starts) else len(table)
            segment = table[text_start:end].strip()
            tail = re.search(r"((?:\s*\d+%)+)\s*$", segment)
            values = [int(x) for x in re.findall(r"(\d+)%", tail.group(1))] if tail else []
            rows[n] = ((segment[: tail.start()] if tail else segment).strip(), values)
    return rows
