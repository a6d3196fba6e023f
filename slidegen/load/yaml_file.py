"""YAML with positions: every hazard rejected with a located message, every value's place kept."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from slidegen.errors import ContentError, Location, Problem, display_path
from slidegen.load.document import Document, Loc, NodeInfo, Suspect, dotted
from slidegen.load.yaml_mistakes import (
    Scalar,
    SyntaxMistake,
    colon_text_message,
    invisible_in_key,
    joined_lines,
    odd_space,
    smart_quote_message,
    smart_quoted,
    utf16,
)

MAX_BYTES = 1024 * 1024
MAX_ALIASES = 50
MAX_NODES = 50_000
MAX_DEPTH = 40
SHOWN_CHARS = 60
"""Values quoted in messages are cut to this many characters."""

_BREAKS = re.compile("\r\n|[\r\n]")
"""Line breaks (the unusual ones YAML also counts are refused, so line numbers agree with editors)."""

_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
"""Line breaks YAML counts but most editors do not show as such."""

_NOT_YAML = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
"""Characters YAML does not allow in a file (control characters)."""

_NOT_XML = re.compile("[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]")
"""Characters that cannot be put on a slide (XML forbids them); they can only come from escapes."""

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
"""The scalar types content files use; others (`!!binary`, `!custom`, merge keys) are refused."""

class _Limit(Exception):
    """A limit of the loader was passed at a place in the file."""

    def __init__(self, mark: yaml.Mark, message: str) -> None:
        self.mark = mark
        self.message = message


class _Loader(yaml.SafeLoader):
    """The safe loader, counting aliases, nodes and depth so hostile input fails before it grows."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0
        self.nodes = 0
        self.depth = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        mark = self.peek_event().start_mark
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _Limit(mark, f"more than {MAX_ALIASES} aliases (*name); write the values out instead")
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Limit(mark, f"the file has more than {MAX_NODES} values; split it or write it out plainly")
        if self.depth >= MAX_DEPTH:
            raise _Limit(mark, f"the file is nested more than {MAX_DEPTH} levels deep; check the indentation and brackets")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


YAML_KINDS = {
    bool: "a yes/no value",
    int: "a number",
    float: "a number",
    dt.date: "a date",
    dt.datetime: "a date and time",
    type(None): "an empty value",
}


def read_document(path: Path, root: Path | None = None) -> Document:
    """Read one YAML content file, rejecting every hazard with a located message."""
    path = Path(path)
    shown = display_path(path, root)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ContentError([Problem(Location(shown), "file not found")]) from None
    except IsADirectoryError:
        raise ContentError([Problem(Location(shown), "this is a folder, not a YAML file")]) from None
    except OSError as exc:
        raise ContentError([Problem(Location(shown), f"cannot be read: {exc.strerror}")]) from None
    return parse_document(raw, path, shown)


def parse_document(raw: bytes, path: Path, shown: str) -> Document:
    """Parse the bytes of a content file into a Document (see read_document)."""

    def fail(message: str, line: int = 0, column: int = 0) -> ContentError:
        return ContentError([Problem(Location(shown, line, column), message)])

    if len(raw) > MAX_BYTES:
        raise fail("the file is larger than 1 MiB; content files are small text files — is this the right file?")
    if utf16(raw):
        raise fail("this file is saved as UTF-16 (Notepad calls it Unicode); save it as UTF-8")
    if b"\x00" in raw:
        raise fail("this is not a text file (it contains binary data); content files must be YAML text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02X}); save it as UTF-8 in your editor",
            line,
            column,
        ) from None
    lines = _BREAKS.split(text)
    for pattern, message in (
        (_NOT_YAML, "the file contains the control character U+{:04X}, which YAML does not allow; delete it"),
        (_ODD_BREAKS, "the file contains the unusual line break U+{:04X}, which YAML reads as a new line; "
                      "replace it with a space or a normal line break"),
    ):
        bad = pattern.search(text)
        if bad:
            raise fail(message.format(ord(bad.group())), *_position(text, bad.start()))
    for number, line_text in enumerate(lines, start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent and line_text.strip():
            raise fail("a tab is used for indentation; YAML needs spaces", number, indent.index("\t") + 1)
    odd = odd_space(lines)
    if odd:
        raise fail(*odd)
    if all(not ln.strip() or ln.lstrip().startswith("#") for ln in lines):
        raise fail("the file is empty; it needs at least the keys of its content type")

    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
    except _Limit as exc:
        raise fail(exc.message, exc.mark.line + 1, exc.mark.column + 1) from None
    except yaml.MarkedYAMLError as exc:
        raise fail(*_syntax(exc, text, lines)) from None
    except yaml.YAMLError as exc:
        raise fail(f"YAML syntax error: {str(exc).splitlines()[0]}") from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        raise fail("the file is empty; it needs at least the keys of its content type")

    doc = Document(path, shown, None)
    builder = _Builder(doc, loader, lines)
    data = builder.build(node, ())
    if builder.problems:
        raise ContentError(builder.problems)
    if not isinstance(data, dict):
        raise fail(
            "the top level must be a mapping of keys (like `title: …`), not "
            + YAML_KINDS.get(type(data), "a list" if isinstance(data, list) else "a single text"),
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        )
    doc.data = data
    return doc


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of a character of the text, counting lines as YAML does."""
    before = _BREAKS.split(text[:index])
    return len(before), len(before[-1]) + 1


_SYNTAX: tuple[tuple[str, bool, str], ...] = (
    # (pattern in "context: problem", point at where the context started, message with {0} from the pattern)
    (r"found unknown escape character '(.+?)'", False,
     "`\\{0}` is not an escape YAML knows inside double quotes; write `\\\\` for a backslash, or use single quotes"),
    (r"flow sequence: expected ',' or '\]', but got '<stream end>'", True, "the `[` here is never closed; add the `]`"),
    (r"flow mapping: expected ',' or '\}', but got '<stream end>'", True, "the `{{` here is never closed; add the `}}`"),
    (r"flow (?:sequence|mapping): expected ',' or .*, but got '(.+?)'", False,
     "`{0}` is not expected inside brackets (is a `[` or `{{` above not closed?); put the text in quotes"),
    (r"mapping values are not allowed here", False,
     "a second `: ` on this line; put the text in quotes if it contains `: `, or check the indentation"),
    (r"expected <block end>", False,
     "this does not line up with the lines above (or text follows a closing quote); check the indentation"),
    (r"could not find expected ':'", True,
     "this line is not a `key: value` line; check the indentation of this and the line above, or put the text in quotes"),
    (r"found character '\\t' that cannot start any token", False, "a tab where YAML does not allow one; use spaces"),
    (r"found character '(.+?)' that cannot start any token", False, "a value cannot start with '{0}'; put it in quotes"),
    (r"found undefined alias '(.+?)'", False, "`*{0}` refers to no anchor `&{0}` above it; write the value out instead"),
    (r"found duplicate anchor '(.+?)'", False, "the anchor `&{0}` is defined twice; give each anchor its own name"),
    (r"found another document", False, "the file holds more than one YAML document (a second `---` line); keep one document per file"),
)
"""PyYAML's messages, said in words a coordinator can act on."""


def _syntax(exc: yaml.MarkedYAMLError, text: str, lines: list[str]) -> tuple[str, int, int]:
    """A YAML syntax error as a message, line and column: the mistake behind it when it is a known one."""
    mistake = SyntaxMistake(text, lines, exc).diagnose()
    if mistake:
        message, line, column = mistake
        return f"YAML syntax error: {message}", line, column
    text = f"{exc.context or ''}: {exc.problem or ''}"
    for pattern, at_context, message in _SYNTAX:
        match = re.search(pattern, text)
        mark = (exc.context_mark if at_context else exc.problem_mark) or exc.problem_mark or exc.context_mark
        if match and mark is not None:
            return f"YAML syntax error: {message.format(*match.groups())}", mark.line + 1, mark.column + 1
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    what = exc.problem or "invalid YAML"
    if exc.context:
        what = f"{exc.context}, {what}"
    return f"YAML syntax error: {what}; check the indentation and quotes on this line", line, column


def shown(value: Any) -> str:
    """A value as a message quotes it: in backticks, cut to SHOWN_CHARS characters."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > SHOWN_CHARS:
        text = text[: SHOWN_CHARS - 1] + "…"
    return f"`{text}`"


class _Builder:
    """Turns composed YAML nodes into plain Python data, recording positions."""

    def __init__(self, doc: Document, loader: _Loader, lines: list[str]) -> None:
        self.doc = doc
        self.loader = loader
        self.lines = lines
        self.nodes = 0
        self.problems: list[Problem] = []

    def _problem(self, mark: yaml.Mark, loc: Loc, message: str) -> None:
        self._problem_at(mark.line + 1, mark.column + 1, loc, message)

    def _problem_at(self, line: int, column: int, loc: Loc, message: str) -> None:
        self.problems.append(Problem(Location(self.doc.display, line, column, dotted(loc)), message))

    def build(self, node: yaml.Node, loc: Loc, key_mark: yaml.Mark | None = None, owner: tuple[str, int, int] | None = None) -> Any:
        """Plain data from a node; `owner` is what the value belongs to: `-` or its key, with its line and column."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self._problem(node.start_mark, loc, "the file expands to too many values (aliases?); write it out plainly")
            raise ContentError(self.problems)
        mark = node.start_mark
        info = dict(line=mark.line + 1, column=mark.column + 1)
        if key_mark is not None:
            info.update(key_line=key_mark.line + 1, key_column=key_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            self.doc.index[loc] = NodeInfo(**info)
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            self.doc.index[loc] = NodeInfo(**info)
            return [self._item(item, (*loc, i), not node.flow_style) for i, item in enumerate(node.value)]
        self.doc.index[loc] = NodeInfo(**info, raw=node.value, plain=node.style is None)
        value = self._scalar(node, loc)
        if isinstance(value, str) and owner is not None:
            self._mistakes(node, loc, value, owner)
        return node.value if value is _UNREADABLE else value

    def _item(self, node: yaml.Node, loc: Loc, block: bool) -> Any:
        """A list item; in a block list (lines starting with `- `), its dash is its owner."""
        dash = self.lines[node.start_mark.line].rfind("-", 0, node.start_mark.column) if block else -1
        if isinstance(node, yaml.MappingNode):
            self._colon_text(node, loc, dash >= 0)
        if dash < 0:
            return self.build(node, loc)
        return self.build(node, loc, owner=("-", node.start_mark.line, dash))

    def _mistakes(self, node: yaml.ScalarNode, loc: Loc, value: str, owner: tuple[str, int, int]) -> None:
        """Text that YAML reads without complaint but that is almost always a mistake: typographic quotes, joined lines."""
        start, end = node.start_mark, node.end_mark
        quote = smart_quoted(value) if node.style is None else None
        if quote:
            column = start.column if value.startswith(quote) else end.column - 1
            lead = "- " if owner[0] == "-" else f"{owner[0]}: "
            self._problem_at(end.line + 1 if column != start.column else start.line + 1, column + 1, loc,
                             smart_quote_message(quote, lead, value))
            return
        if end.line > start.line:
            found = joined_lines(self.lines, Scalar(start.line, start.column, end.line, end.column, node.style, *owner))
            if found:
                self._problem_at(found[1], found[2], loc, found[0])

    def _colon_text(self, node: yaml.MappingNode, loc: Loc, dash: bool) -> None:
        """Remember a list item like `- Syfte: Sprida goda exempel`: text with `: ` that YAML reads as a key."""
        braces = self.lines[node.start_mark.line][node.start_mark.column : node.start_mark.column + 1] == "{"
        if braces or len(node.value) != 1:
            return
        key, value = node.value[0]
        if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
            return
        if key.style is not None or value.style is not None or key.start_mark.line != key.end_mark.line:
            return
        if value.value and value.start_mark.line != key.start_mark.line:
            return
        text = f"{key.value}: {value.value}" if value.value else f"{key.value}:"
        self.doc.suspects[loc] = Suspect(key.value, colon_text_message(text, "- " if dash else ""))

    def _scalar(self, node: yaml.Node, loc: Loc, what: str = "text") -> Any:
        """The value of a scalar node, or _UNREADABLE after recording why it cannot be used."""
        if node.tag not in _SCALAR_TAGS:
            tag = node.tag.replace(_TAG, "!!")
            if tag == "!!merge":
                message = "merge keys (`<<: *name`) are not supported; write the keys out"
            else:
                message = f"the tag `{tag}` is not supported in content files; remove it"
            self._problem(node.start_mark, loc, message)
            return _UNREADABLE
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError, OverflowError):
            self._problem(node.start_mark, loc, f"{shown(node.value)} cannot be read; put it in quotes if it is {what}")
            return _UNREADABLE
        bad = _NOT_XML.search(value) if isinstance(value, str) else None
        if bad:
            self._problem(
                node.start_mark,
                loc,
                f"the {what} contains U+{ord(bad.group()):04X}, a character that cannot be shown on a slide "
                "(written as an escape starting with a backslash); remove it",
            )
            return _UNREADABLE
        return value

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first: dict[str, yaml.Mark] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node.start_mark, loc, "a key must be a plain name, not a list or mapping")
                continue
            key = self._scalar(key_node, loc, "key")
            if key is _UNREADABLE:
                continue
            if not isinstance(key, str):
                kind = YAML_KINDS.get(type(key), "a value that is not text")
                self._problem(
                    key_node.start_mark,
                    loc,
                    f'the key {shown(key_node.value)} is read by YAML as {kind}; put it in quotes: "{key_node.value}":',
                )
                continue
            if key in first:
                self._problem(
                    key_node.start_mark,
                    (*loc, key),
                    f"duplicate key {shown(key)} (first at line {first[key].line + 1}); keep only one of them",
                )
                continue
            invisible = invisible_in_key(key)
            if invisible:
                mark = key_node.start_mark
                single = key_node.style is None and mark.line == key_node.end_mark.line
                self._problem_at(mark.line + 1, mark.column + 1 + (invisible[1] if single else 0), loc, invisible[0])
                continue
            first[key] = key_node.start_mark
            out[key] = self.build(value_node, (*loc, key), key_node.start_mark, (key, key_node.start_mark.line, key_node.start_mark.column))
        return out


_UNREADABLE = object()
"""A scalar that could not be read (the problem is already recorded)."""
