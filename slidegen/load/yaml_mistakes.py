"""The mistakes people make editing YAML by hand, recognised from the text: what to change, on which line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

import yaml

Found = tuple[str, int, int]
"""A message with the line and column (from 1) it belongs to."""

FIX_CHARS = 70
"""Fixes quoted in messages are shortened in the middle to about this many characters."""

SMART_QUOTES = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\uff02"
"""Typographic quotes (as word processors type them): text to YAML, not quotes."""

_ODD_SPACE = "\u00a0\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff"
"""Characters that look like a space (or like nothing) where YAML needs a normal space."""

_ODD_INDENT = re.compile(f"^ *([{_ODD_SPACE}])")
_ODD_AFTER = re.compile(f"^ *(?:- +)*(?:(?P<key>[A-Za-z_][\\w-]*):|(?P<dash>-))([{_ODD_SPACE}])")
_KEY_LINE = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[^\s'\"#\[\]{}][^#]*?):(?:\s|$)")
"""A line (after its dashes) that YAML reads as `key: value`."""
_DASH = re.compile(r"^ *-(?: |$)")
_OPENS_VALUE = re.compile(r" *(?:- +)*(?:[^\s'\"#][^#]*?: +)?")
"""What comes before a quote that opens a value (`  - `, `  key: `): a closing quote there was meant to open one."""
_LEAD = re.compile(r" *(?:- +)*")


def utf16(raw: bytes) -> bool:
    """Whether the bytes are text saved as UTF-16 (a byte-order mark, or a zero in every other byte)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    sample = raw[:4000]
    half = len(sample) // 2
    if half < 4:
        return False
    for zeros, others in ((sample[1::2], sample[0::2]), (sample[0::2], sample[1::2])):
        if zeros.count(0) >= 0.7 * half and others.count(0) <= 0.05 * half:
            return True
    return False


def odd_space(lines: list[str]) -> Found | None:
    """A non-breaking (or zero-width) space where YAML needs a normal one: in indentation, after `key:` or `-`."""
    for number, line in enumerate(lines, start=1):
        indent = _ODD_INDENT.match(line)
        if indent:
            return (f"the indentation contains {_char(indent.group(1))}, which YAML does not count as a space; "
                    "replace it with normal spaces"), number, indent.start(1) + 1
        after = _ODD_AFTER.match(line)
        if after:
            mark = f"{after['key']}:" if after["key"] else "-"
            return (f"after `{mark}` comes {_char(after.group(3))}, which YAML does not count as a space; "
                    f"replace it with a normal space: `{mark} `"), number, after.start(3) + 1
    return None


def invisible_in_key(key: str) -> tuple[str, int] | None:
    """The message for a key with an invisible character in it, and the character's index in the key."""
    if key.isascii() and key.isprintable():
        return None
    for index, char in enumerate(key):
        if unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or (unicodedata.category(char) == "Zs" and char != " "):
            visible = "".join(c for c in key if unicodedata.category(c)[0] not in "CZ" or c == " ").strip()
            where = f"after `{key[:index]}`" if key[:index].strip() else f"before `{visible}`"
            return f"the key contains an invisible character ({_char(char, article=False)}) {where}; retype the key: `{visible}:`", index
    return None


def smart_quoted(value: str) -> str | None:
    """The typographic quote a plain value starts or ends with, when it is meant as YAML's quote.

    A value in typographic quotes, or with a single one at an end, is a mistake; a quotation inside the
    text (`”Citat”, sa hon`) is not.
    """
    if not value:
        return None
    first, last = value[0] in SMART_QUOTES, value[-1] in SMART_QUOTES
    if not (first or last):
        return None
    if (first and last) or sum(value.count(q) for q in SMART_QUOTES) == 1:
        return value[0] if first else value[-1]
    return None


def smart_quote_message(quote: str, lead: str, value: str) -> str:
    """The message for a value in typographic quotes, with both fixes: straight quotes, or the quote kept."""
    inner = value.strip(SMART_QUOTES + " ")
    return (f"`{quote}` is a typographic quote; YAML needs straight quotes `\"`: write `{lead}{quoted(inner)}` "
            f"(or, to show `{quote}` on the slide: `{lead}{quoted(value)}`)")


def colon_text_message(text: str, dash: bool = True) -> str:
    """The message for a list item whose text contains `: ` (or ends with `:`), which YAML reads as a key."""
    what = "ends with `:`" if text.rstrip().endswith(":") else "contains `: `"
    lead = "- " if dash else ""
    return f"this text {what}, so YAML reads it as a key; put the whole text in quotes: `{lead}{quoted(text.strip())}`"


def quoted(text: str) -> str:
    """Text in the YAML quotes that need no escapes, shortened in the middle for a message."""
    text = shorten(text)
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def shorten(text: str, limit: int = FIX_CHARS) -> str:
    """Text cut in the middle at spaces (`start … end`) when it is longer than the limit."""
    if len(text) <= limit:
        return text
    head = text[: limit * 2 // 3].rsplit(" ", 1)[0]
    tail = text[-(limit // 4) :]
    tail = tail.split(" ", 1)[1] if " " in tail[:-1] else tail
    return f"{head} … {tail}"


def _char(char: str, article: bool = True) -> str:
    name = unicodedata.name(char, "UNNAMED CHARACTER")
    if char == "\u00a0":
        text = "a non-breaking space (U+00A0)" if article else "U+00A0 NO-BREAK SPACE"
    else:
        text = f"U+{ord(char):04X} {name}"
        text = f"the character {text}" if article else text
    return text


@dataclass(frozen=True)
class Scalar:
    """A plain or quoted value as the composer saw it: where it starts and ends, and who owns it."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    style: str | None
    owner: str | None
    """`-` for a list item, the key for a mapping value."""
    owner_line: int
    owner_column: int


def joined_lines(lines: list[str], scalar: Scalar) -> Found | None:
    """A value over several lines whose later lines look like a list item or a `key:`: lines YAML joined by mistake."""
    if scalar.style not in (None, '"', "'"):
        return None
    for number in range(scalar.start_line + 1, scalar.end_line + 1):
        line = lines[number]
        column = _indent(line)
        if scalar.style in ('"', "'"):
            if (_DASH.match(line) or _KEY_LINE.match(line)) and _OPENS_VALUE.fullmatch(lines[scalar.end_line][: scalar.end_column - 1]):
                return _unclosed(lines, scalar.start_line, scalar.start_column, scalar.style, scalar.end_line)
            continue
        if not _DASH.match(line):
            continue
        if scalar.owner == "-":
            return ("this line continues the text of the list item above, because it is indented more than the `-` "
                    f"above it; indent it like that `-` ({scalar.owner_column} spaces) to make it a list item of its own",
                    number + 1, column + 1)
        if scalar.start_line > scalar.owner_line and column == scalar.start_column:
            return _missing_dash(lines[scalar.start_line], "below"), scalar.start_line + 1, scalar.start_column + 1
        return (f"this line is joined onto the text of `{scalar.owner}` above, because it is indented more than "
                f"`{scalar.owner}`; to make a list, put nothing after `{scalar.owner}:` and each item on a line of "
                "its own starting with `- `", number + 1, column + 1)
    return None


def _unclosed(lines: list[str], line: int, column: int, quote: str, closed_on: int | None) -> Found:
    """The quote opened at a place is not closed on its line (YAML reads on to a quote on a later line, or to the end)."""
    text = lines[line].rstrip()
    fix = f": `{shorten(text.strip())}{quote}`" if _OPENS_VALUE.fullmatch(text[:column]) else ""
    if closed_on is None:
        return f"the quote opened here is never closed; add the closing quote{fix}", line + 1, column + 1
    return (f"the quote opened here is not closed on its line, so YAML reads on to the next `{quote}` "
            f"(line {closed_on + 1}); add the closing quote{fix}", line + 1, column + 1)


def _missing_dash(line: str, around: str) -> str:
    return f"a list item needs `- ` at the start, like the lines {around} it: `- {shorten(line.strip())}`"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


class SyntaxMistake:
    """A YAML syntax error with the text around it, to recognise the mistake that caused it."""

    def __init__(self, text: str, lines: list[str], exc: yaml.MarkedYAMLError) -> None:
        self.text = text
        self.lines = lines
        self.exc = exc
        self.problem = exc.problem_mark or exc.context_mark
        self.context = exc.context_mark

    @cached_property
    def tokens(self) -> list[yaml.Token]:
        """The tokens up to the error (scanned again: the composer does not keep them)."""
        scanner = yaml.SafeLoader(self.text)
        tokens: list[yaml.Token] = []
        try:
            while scanner.check_token():
                tokens.append(scanner.get_token())
        except yaml.YAMLError:
            tokens.extend(scanner.tokens)
        finally:
            scanner.dispose()
        return [t for t in tokens if t.start_mark.index < self.problem.index]

    @cached_property
    def last_scalar(self) -> tuple[yaml.ScalarToken, yaml.Token | None, yaml.Token | None] | None:
        """The last value before the error, with the two tokens before it (`-`, or a key and its `:`)."""
        for i in range(len(self.tokens) - 1, -1, -1):
            if isinstance(self.tokens[i], yaml.ScalarToken):
                before = self.tokens[i - 1] if i >= 1 else None
                key = self.tokens[i - 2] if i >= 2 and isinstance(before, yaml.ValueToken) else None
                return self.tokens[i], before, key
        return None

    def previous(self, line: int, deeper: bool = False) -> int | None:
        """The line above with content (skipping lines indented more than this one when `deeper`)."""
        for number in range(line - 1, -1, -1):
            if _blank(self.lines[number]):
                continue
            if deeper and _indent(self.lines[number]) > _indent(self.lines[line]):
                continue
            return number
        return None

    def next(self, line: int) -> int | None:
        for number in range(line + 1, len(self.lines)):
            if not _blank(self.lines[number]):
                return number
        return None

    def diagnose(self) -> Found | None:
        """The mistake that caused the error, said as what to change, or None when it is none of the known ones."""
        if self.problem is None:
            return None
        for diagnosis in DIAGNOSES:
            found = diagnosis(self)
            if found:
                return found
        return None


def _smart_quote_at_error(s: SyntaxMistake) -> Found | None:
    for number in dict.fromkeys(m.line for m in (s.context, s.problem) if m is not None):
        line = s.lines[number] if number < len(s.lines) else ""
        lead = (_KEY_LINE.match(line) or _LEAD.match(line)).group(0).rstrip()
        value = line[len(lead) :].strip()
        quote = smart_quoted(value) if value[:1] in SMART_QUOTES else None
        if quote:
            fix = lead.strip() + " " if lead.strip() else ""
            return smart_quote_message(quote, fix, value), number + 1, line.index(value) + 1
    return None


def _unclosed_at_end(s: SyntaxMistake) -> Found | None:
    if s.exc.context != "while scanning a quoted scalar" or s.context is None:
        return None
    quote = s.text[s.context.index]
    return _unclosed(s.lines, s.context.line, s.context.column, quote, None)


def _unclosed_quote(s: SyntaxMistake) -> Found | None:
    token = s.last_scalar[0] if s.last_scalar else None
    if token is None or token.style not in ('"', "'"):
        return None
    if not token.start_mark.line < token.end_mark.line == s.problem.line:
        return None
    return _unclosed(s.lines, token.start_mark.line, token.start_mark.column, token.style, token.end_mark.line)


def _dash_forgotten(s: SyntaxMistake) -> Found | None:
    candidates = [m.line for m in (s.context, s.problem) if m is not None]
    before = s.previous(s.problem.line)
    if before is not None:
        candidates.append(before)
    for number in dict.fromkeys(candidates):
        line = s.lines[number] if number < len(s.lines) else ""
        if _blank(line) or _DASH.match(line):
            continue
        key = _KEY_LINE.match(line)
        around = []
        for other, side in ((s.previous(number, deeper=True), "above"), (s.next(number), "below")):
            if other is None or _indent(s.lines[other]) != _indent(line) or not _DASH.match(s.lines[other]):
                continue
            other_key = _KEY_LINE.match(s.lines[other])
            if key is None or (other_key is not None and other_key["key"] == key["key"]):
                around.append(side)
        if around:
            return _missing_dash(line, "around" if len(around) == 2 else around[0]), number + 1, _indent(line) + 1
    return None


def _item_too_deep(s: SyntaxMistake) -> Found | None:
    line = s.lines[s.problem.line] if s.problem.line < len(s.lines) else ""
    above = s.previous(s.problem.line)
    if not _DASH.match(line) or above is None or not _DASH.match(s.lines[above]):
        return None
    if _indent(s.lines[above]) >= _indent(line):
        return None
    spaces = _indent(s.lines[above])
    return (f"this `-` is indented more than the `-` on line {above + 1}; indent it like that `-` ({spaces} spaces) "
            "to make it a list item of its own", s.problem.line + 1, _indent(line) + 1)


def _key_too_deep(s: SyntaxMistake) -> Found | None:
    if s.exc.problem != "mapping values are not allowed here" or s.last_scalar is None:
        return None
    token, before, key = s.last_scalar
    if token.style is not None or token.start_mark.line == s.problem.line:
        return None
    line = s.lines[s.problem.line]
    here = _KEY_LINE.match(line)
    if here is None:
        return None
    if isinstance(key, yaml.ScalarToken):
        owner, column = f"`{key.value}:`", key.start_mark.column
    elif isinstance(before, yaml.BlockEntryToken):
        owner, column = "the `-`", before.start_mark.column
    else:
        return None
    return (f"this line is indented more than {owner} on line {token.start_mark.line + 1}, so YAML reads it as "
            f"part of that text; indent `{here['key'].strip()}:` like {owner} ({column} spaces)",
            s.problem.line + 1, _indent(line) + 1)


def _colon_in_text(s: SyntaxMistake) -> Found | None:
    if s.exc.problem != "mapping values are not allowed here" or s.last_scalar is None:
        return None
    token, before, key = s.last_scalar
    if token.style is not None or token.start_mark.line != s.problem.line or not isinstance(before, yaml.ValueToken):
        return None
    line = s.lines[s.problem.line]
    lead, value = line[: token.start_mark.column], line[token.start_mark.column :].rstrip()
    return (f"this text contains `: `, so YAML reads it as a key; put the whole text in quotes: "
            f"`{lead.strip()} {quoted(value)}`", s.problem.line + 1, token.start_mark.column + 1)


DIAGNOSES: tuple[Callable[[SyntaxMistake], Found | None], ...] = (
    _smart_quote_at_error,
    _unclosed_at_end,
    _unclosed_quote,
    _dash_forgotten,
    _item_too_deep,
    _key_too_deep,
    _colon_in_text,
)
"""The mistakes recognised behind a syntax error, most telling first."""
