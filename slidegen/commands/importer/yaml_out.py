"""Writing the deck file: block YAML with comments, every scalar quoted where YAML would read it as anything else.

The text is read back with slidegen's own loader before it is used: what it reads must be exactly the
data written, or the writer has a bug (raised, never written).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import yaml

from slidegen.commands.importer.entry import Entry
from slidegen.load.yaml_mistakes import smart_quoted

WIDTH = 100
"""Long texts are folded (`>-`) to lines of about this many characters."""
FLOW_WIDTH = 90
"""A list of scalars shorter than this is written on one line, `[a, b, c]`."""
FLOW_KEYS = frozenset({"columns", "categories", "values", "presenters", "keywords"})
"""Keys whose short lists are written on one line (bullets are always one per line)."""

_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_PLAIN = re.compile(r"^[\w.()/+%–-]+(?: [\w.()/+%–-]+)*$")
"""What may stand unquoted inside `[…]`: words, digits and a few harmless signs (no `:`, `?`, `,` or brackets)."""
_ODD = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]")
"""Spaces YAML does not count as spaces (the loader's odd spaces): never at the start of a block scalar's line."""
_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _is_text(value: str) -> bool:
    """Whether YAML reads the characters, unquoted, as this text (not a number, date, yes/no, null …)."""
    return _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR


def plain_ok(text: str, flow: bool = False) -> bool:
    """Whether the text can be written without quotes (inside `[…]` when `flow`): YAML reads it as this text,
    and slidegen's loader does not take it for a typing mistake (typographic quotes at its ends)."""
    if not text or text != text.strip() or "\n" in text or "\t" in text or _ESCAPE.search(text):
        return False
    if smart_quoted(text):
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and not _FLOW_PLAIN.match(text):
        return False
    return _is_text(text)


def quoted(text: str) -> str:
    """Double-quoted, with JSON's escapes (which YAML shares) and escapes for what YAML files may not hold."""
    body = json.dumps(text, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)


def _block_ok(text: str) -> bool:
    """Whether the text may be a block scalar (`|-`, `>-`): no line starts with a space or an invisible character
    (the loader would take it for indentation), none ends with one, nothing needs an escape."""
    lines = text.split("\n")
    return (not _ESCAPE.search(text) and "\t" not in text
            and all(line == line.rstrip() and not line[:1].isspace() and not _ODD.match(line) for line in lines))


def _literal_ok(text: str) -> bool:
    return "\n" in text.strip("\n") and text == text.strip("\n") and _block_ok(text)


def _fold(text: str, width: int) -> list[str] | None:
    """The text as lines for a folded scalar (`>-`), broken only at single spaces; None when it cannot be folded."""
    if "\n" in text or text != text.strip() or not _block_ok(text):
        return None
    lines, current = [], ""
    for word in re.split(r"(?<=\S) (?=\S)", text):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    if any(line.startswith(" ") or _ODD.match(line) for line in lines):
        return None
    return lines


def scalar(value: Any, flow: bool = False) -> str:
    """A scalar as it is written on one line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if "e" in text:
            mantissa, exponent = text.split("e")
            mantissa += "" if "." in mantissa else ".0"
            text = f"{mantissa}e{'' if exponent[0] in '+-' else '+'}{exponent}"
        return text
    if isinstance(value, str):
        return value if plain_ok(value, flow) else quoted(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as a YAML scalar")


def _comment(text: str) -> str:
    return "# " + " ".join(text.split())


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def mapping(self, data: dict[str, Any], indent: int, comments: dict[str, str] | None = None,
                first_prefix: str | None = None) -> None:
        """The keys of a mapping; the first line may start with `- ` (an item of a list)."""
        comments = comments or {}
        pad = " " * indent
        for k, (key, value) in enumerate(data.items()):
            lead = first_prefix if (k == 0 and first_prefix is not None) else pad
            note = comments.get(key)
            self.value(f"{lead}{key}:", value, indent + 2, note, pad, key in FLOW_KEYS)

    def value(self, head: str, value: Any, indent: int, note: str | None, pad: str, flow: bool = False) -> None:
        """`head` (`key:` or `-`) and the value after it, on that line or below it."""
        tail = f"  {_comment(note)}" if note else ""
        if isinstance(value, dict):
            if note:
                self.lines.append(f"{pad}{_comment(note)}")
            if not value:
                self.lines.append(f"{head} {{}}")
                return
            self.lines.append(head)
            self.mapping(value, indent)
            return
        if isinstance(value, list):
            flat = self._flow(value) if flow else None
            if flat is not None and len(head) + 1 + len(flat) + len(tail) <= WIDTH and len(flat) <= FLOW_WIDTH:
                self.lines.append(f"{head} {flat}{tail}")
                return
            if note:
                self.lines.append(f"{pad}{_comment(note)}")
            self.lines.append(head)
            self.sequence(value, indent)
            return
        if isinstance(value, str) and (not plain_ok(value) or len(head) + 1 + len(value) > WIDTH):
            block = self._block(value, indent)
            if block is not None:
                if note:
                    self.lines.append(f"{pad}{_comment(note)}")
                self.lines.append(f"{head} {block[0]}")
                self.lines.extend(block[1:])
                return
        self.lines.append(f"{head} {scalar(value)}{tail}")

    def _block(self, text: str, indent: int) -> list[str] | None:
        pad = " " * indent
        if _literal_ok(text):
            return ["|-", *(f"{pad}{line}" if line else "" for line in text.split("\n"))]
        if len(text) > WIDTH - indent:
            folded = _fold(text, WIDTH - indent)
            if folded is not None and len(folded) > 1:
                return [">-", *(pad + line for line in folded)]
        return None

    def _flow(self, items: list[Any]) -> str | None:
        if any(isinstance(i, (dict, list)) for i in items):
            return None
        return "[" + ", ".join(scalar(i, flow=True) for i in items) + "]"

    def sequence(self, items: list[Any], indent: int) -> None:
        pad = " " * indent
        for item in items:
            if isinstance(item, dict) and item:
                self.mapping(item, indent + 2, first_prefix=f"{pad}- ")
            elif isinstance(item, list):
                flat = self._flow(item)
                if flat is not None:
                    self.lines.append(f"{pad}- {flat}")
                else:
                    self.lines.append(f"{pad}-")
                    self.sequence(item, indent + 2)
            else:
                self.value(f"{pad}-", item, indent + 2, None, pad)


def deck_text(header: list[str], top: dict[str, Any], entries: list[Entry]) -> str:
    """The deck file: header comments, the top-level keys, then `slides:` with each entry and its comments."""
    w = _Writer()
    w.lines.extend(_comment(line) for line in header)
    w.mapping(top, 0)
    w.lines.append("slides:")
    for entry in entries:
        w.lines.append("")
        w.lines.extend(f"  {_comment(c)}" for c in entry.comments)
        if entry.data:  # an entry without data is a slide of the original that became none: its comments say why
            w.mapping(entry.data, 4, entry.key_comments, first_prefix="  - ")
    return "\n".join(w.lines) + "\n"


class WriterBug(AssertionError):
    """The text written does not read back as the data it was written from."""


def check_reads_back(text: str, expected: dict[str, Any]) -> None:
    """Read the text with slidegen's loader and compare with the data; WriterBug when they differ."""
    from slidegen.load.yaml_file import parse_document

    doc = parse_document(text.encode("utf-8"), Path("import.yaml"), "import.yaml")
    if doc.data != expected:
        raise WriterBug(first_difference(doc.data, expected))


def first_difference(got: Any, want: Any, where: str = "") -> str:
    if isinstance(want, dict) and isinstance(got, dict):
        for key in want:
            if key not in got:
                return f"{where}.{key}: missing"
            if got[key] != want[key]:
                return first_difference(got[key], want[key], f"{where}.{key}")
        return f"{where}: extra keys {sorted(set(got) - set(want))}"
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        for i, (g, w) in enumerate(zip(got, want)):
            if g != w:
                return first_difference(g, w, f"{where}[{i}]")
    return f"{where}: read back as {got!r}, written as {want!r}"
