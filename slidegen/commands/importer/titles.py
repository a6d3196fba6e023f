"""Titles made unique as a person would: a repeated title gets `(2)`, `(3)` … and the comment says so."""

from __future__ import annotations

from slidegen.commands.importer.entry import Entry


def shown_title(entry: Entry, meeting_title: str) -> str | None:
    """The title the entry's slide will show: its own, the meeting's (a title slide), or a quote's first words."""
    if entry.title is not None:
        return entry.title
    if entry.kind == "title":
        return meeting_title
    if entry.kind == "quote":
        from slidegen.plan.kinds.general import quote_title

        return quote_title(str(entry.data["text"]))
    return None


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def make_unique(entries: list[Entry], meeting_title: str) -> dict[int, list[str]]:
    """Give each repeated title a number, `Title (2)`; returns what was changed, by the original's slide number."""
    seen: dict[str, int] = {}
    changed: dict[int, list[str]] = {}
    for entry in entries:
        title = shown_title(entry, meeting_title)
        if title is None:
            continue
        if _key(title) in seen:
            k = 2
            while _key(f"{title} ({k})") in seen:
                k += 1
            new = f"{title} ({k})"
            entry.data["title"] = new
            if "title" in entry.data and list(entry.data)[-1] == "title" and len(entry.data) > 1:
                entry.data = _title_after_kind(entry.data)
            first = seen[_key(title)]
            where = "slide's" if first == entry.source else f"slide {first}'s"
            note = f"the title {' '.join(title.split())!r} is also the original {where}; ({k}) added"
            entry.key_comments["title"] = "; ".join(filter(None, [entry.key_comments.get("title"), note]))
            if first != entry.source:  # a slide split in several is said so already
                changed.setdefault(entry.source, []).append(f"title {' '.join(title.split())!r} written as {new!r}")
            title = new
        seen[_key(title)] = entry.source
    return changed


def _title_after_kind(data: dict[str, object]) -> dict[str, object]:
    """The mapping with `title` moved right after `kind` (where a reader looks for it)."""
    out = {"kind": data["kind"], "title": data["title"]}
    out.update((k, v) for k, v in data.items() if k not in out)
    return out
