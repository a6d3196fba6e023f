"""Counting words for the import tests: the words of a deck's text shapes, tables and notes, with repeats."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn

_WORD = re.compile(r"\w+", re.UNICODE)
CHROME = {"dt", "ftr", "sldNum", "hdr"}
"""Placeholders of the slide's furniture (date, footer, slide number): not the deck's words."""


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(unicodedata.normalize("NFC", text))]


def _paragraph_text(p) -> str:
    """A paragraph's text, a line break counting as a space."""
    return "".join(" " if el.tag == qn("a:br") else el.text or "" for el in p.iter(qn("a:t"), qn("a:br")))


def deck_words(path: Path) -> Counter[str]:
    """Every word of every text shape (in groups too; not the date, footer and slide-number placeholders),
    every table cell and every speaker note of a .pptx, counted with repeats."""
    counts: Counter[str] = Counter()
    for slide in Presentation(str(path)).slides:
        for sp in slide.shapes._spTree.iter(qn("p:sp")):
            ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
            if ph is not None and ph.get("type") in CHROME:
                continue
            if sp.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").get("name") in ("Slide number", "Footer", "Date"):
                continue  # slidegen's own footer boxes
            for p in sp.iter(qn("a:p")):
                counts.update(words(_paragraph_text(p)))
        for tc in slide.shapes._spTree.iter(qn("a:tc")):
            for p in tc.iter(qn("a:p")):
                counts.update(words(_paragraph_text(p)))
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            counts.update(words(slide.notes_slide.notes_text_frame.text))
    return counts


def kept(original: Counter[str], rebuilt: Counter[str]) -> float:
    """The share of the original's words (with repeats) that the rebuilt deck has."""
    total = sum(original.values())
    return sum(min(n, rebuilt[w]) for w, n in original.items()) / total if total else 1.0


def missing(original: Counter[str], rebuilt: Counter[str]) -> Counter[str]:
    """The original's words the rebuilt deck has fewer of, and how many fewer."""
    return Counter({w: n - rebuilt[w] for w, n in original.items() if rebuilt[w] < n})
