"""Editing a copied project's files in tests: replace one exact piece of text and learn its line; native charts."""

from __future__ import annotations

from pathlib import Path


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace `old` (which must occur exactly once) by `new`; the line where `new` starts (0 when it is empty)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    marker = new.strip().splitlines()[0] if new.strip() else None
    return next((i for i, ln in enumerate(text.splitlines(), start=1) if marker and marker in ln), 0)


def with_native_chart(project) -> None:
    """Draw the first chart of each deck natively, so one build per theme covers both chart renderers."""
    changed = 0
    for deck in project.decks():
        text = deck.read_text(encoding="utf-8")
        if "- kind: chart\n" in text:
            deck.write_text(text.replace("- kind: chart\n", "- kind: chart\n    renderer: native\n", 1), encoding="utf-8")
            changed += 1
    assert changed
