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
_NO_SPACE = re.compile(r"^ *(?:- +)*(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/\\].*)$")
"""`key:value` without the space YAML needs after the colon (not `https://`, `C:\\`, `13:00`)."""


def utf16(raw: bytes) -> bool:
    """Whether the bytes are text saved as UTF-16 (a byte-order mark, or a zero in every other byte)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    sample = raw[:4000] if len(raw) % 2 == 0 else b""
    half = len(sample) // 2
    for zeros, others, encoding in ((sample[1::2], sample[0::2], "utf-16-le"), (sample[0::2], sample[1::2], "utf-16-be")):
        if half >= 4 and zeros.count(0) >= 0.7 * half and others.count(0) <= 0.05 * half:
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                return False
            return True
    return False


def odd_space(lines: list[str]) -> Found | None:
    """A non-breaking (or zero-width) space where YAML needs a normal one: in indentation, after `key:` or `-`."""
    for number, line in enumerate(lines, start=1):
        indent = _ODD_INDENT.match(line)
        if indent:
            return (f"the indentation contains an invisible character ({_named(indent.group(1))}), which YAML does "
                    "not count as a space; delete it and indent with normal spaces"), number, indent.start(1) + 1
        after = _ODD_AFTER.match(line)
        if after:
            mark = f"{after['key']}:" if after["key"] else "-"
            return (f"after `{mark}` comes an invisible character ({_named(after.group(3))}), which YAML does not "
                    f"count as a space; replace it with a normal space: `{mark} `"), number, after.start(3) + 1
    return None


def invisible_in_key(key: str) -> tuple[str, int] | None:
    """The message for a key with an invisible character in it, and the character's index in the key."""
    if key.isascii() and key.isprintable():
        return None
    for index, char in enumerate(key):
        if unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or (unicodedata.category(char) == "Zs" and char != " "):
            visible = "".join(c for c in key if unicodedata.category(c)[0] not in "CZ" or c == " ").strip()
            where = f"after `{key[:index]}`" if key[:index].strip() else f"before `{visible}`"
            return f"the key contains an invisible character ({_named(char)}) {where}; retype the key: `{visible}:`", index
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
    if not inner:
        return f"`{quote}` is a typographic quote; YAML needs straight quotes `\"`; delete it"
    return (f"`{quote}` is a typographic quote; YAML needs straight quotes `\"`: write `{lead}{quoted(inner)}` "
            f"(or, to show `{quote}` on the slide: `{lead}{quoted(value)}`)")


def colon_text_message(text: str, lead: str = "- ") -> str:
    """The message for text with `: ` in it (or ending with `:`), which YAML reads as a key; `lead` goes before the fix."""
    what = "ends with `:`" if text.rstrip().endswith(":") else "contains `: `"
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
    cut, start = limit * 2 // 3, len(text) - limit // 4
    head, tail = text[:cut], text[start:]
    if text[cut] != " " and " " in head:  # not in the middle of a word
        head = head.rsplit(" ", 1)[0]
    if text[start - 1] != " " and " " in tail:
        tail = tail.split(" ", 1)[1]
    return f"{head.rstrip()} … {tail.lstrip()}"


def _named(char: str) -> str:
    """`U+200B ZERO WIDTH SPACE`: a character by its number and Unicode name."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


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
    if scalar.style is not None:
        if _meant_to_open(lines, scalar.end_line, scalar.end_column):
            return _unclosed(lines, scalar.start_line, scalar.start_column, scalar.style, scalar.end_line)
        return None
    for number in range(scalar.start_line + 1, scalar.end_line + 1):
        line = lines[number]
        column = _indent(line)
        if not _DASH.match(line):
            continue
        if scalar.owner == "-":
            return ("this line continues the text of the list item above, because it is indented more than the `-` "
                    f"above it; indent it like that `-` ({_spaces(scalar.owner_column)}) to make it a list item of its own",
                    number + 1, column + 1)
        if scalar.start_line > scalar.owner_line and column == scalar.start_column:
            return _missing_dash(lines[scalar.start_line], "below"), scalar.start_line + 1, scalar.start_column + 1
        return (f"this line is joined onto the text of `{scalar.owner}` above, because it is indented more than "
                f"`{scalar.owner}`; to make a list, put nothing after `{scalar.owner}:` and each item on a line of "
                "its own starting with `- `", number + 1, column + 1)
    return None


def _meant_to_open(lines: list[str], line: int, end_column: int) -> bool:
    """Whether the quote that ends a value at a place comes after `key: ` or `- `: it was meant to open the next value."""
    before = lines[line][: end_column - 1]
    return bool(before.strip()) and _OPENS_VALUE.fullmatch(before) is not None


def _spaces(n: int) -> str:
    return "no spaces" if n == 0 else "1 space" if n == 1 else f"{n} spaces"


def _indented(n: int) -> str:
    return "is not indented" if n == 0 else f"is indented {_spaces(n)}"


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
    if not _meant_to_open(s.lines, token.end_mark.line, token.end_mark.column):
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
    return (f"this `-` is indented more than the `-` on line {above + 1}; indent it like that `-` ({_spaces(spaces)}) "
            "to make it a list item of its own", s.problem.line + 1, _indent(line) + 1)


def _misaligned(s: SyntaxMistake) -> Found | None:
    """A `-` or `key:` a space or two off from the one above it at its level (YAML then cannot tell where it belongs)."""
    if not (s.exc.problem or "").startswith(("expected <block end>", "expected '<document start>'")):
        return None
    if s.problem.line >= len(s.lines):
        return None
    line = s.lines[s.problem.line]
    dash, key = _DASH.match(line), _KEY_LINE.match(line)
    if not (dash or key):
        return None
    column = _indent(line) if dash else len(key["lead"])
    for number in range(s.problem.line - 1, -1, -1):
        other = s.lines[number]
        if _blank(other):
            continue
        if _indent(other) < column - 2:
            return None
        other_key = _KEY_LINE.match(other)
        if dash and _DASH.match(other):
            at, what = _indent(other), f"the `-` on line {number + 1}"
        elif not dash and other_key:
            at, what = len(other_key["lead"]), f"`{other_key['key']}:` on line {number + 1}"
        else:
            continue
        if at == column or abs(at - column) > 2:
            return None
        this = "this `-`" if dash else f"`{key['key']}:`"
        return (f"{this} {_indented(column)}, but {what} {_indented(at)}; indent them alike",
                s.problem.line + 1, column + 1)
    return None


def _no_space_after_colon(s: SyntaxMistake) -> Found | None:
    lines = [m.line for m in (s.context, s.problem) if m is not None]
    if s.last_scalar is not None:
        lines.append(s.last_scalar[0].start_mark.line)  # `- name:Kurs` read as text, which the next line continues
    for number in dict.fromkeys(lines):
        match = _NO_SPACE.match(s.lines[number]) if number < len(s.lines) else None
        if match and not match["key"].isdigit():
            fix = f"{match['key']}: {shorten(match['value'].strip())}"
            return f"a space is needed after the `:` of `{match['key']}`: `{fix}`", number + 1, match.end("key") + 2
    return None


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
    if isinstance(before, yaml.BlockEntryToken):  # a list item's text continued on this line, with `: ` in it
        text = token.value + line[s.problem.column :].split(" #")[0]
        return colon_text_message(text), s.problem.line + 1, _indent(line) + 1
    if not isinstance(key, yaml.ScalarToken):
        return None
    return (f"this line is indented more than `{key.value}:` on line {key.start_mark.line + 1}, so YAML reads it as "
            f"part of that text; indent `{here['key'].strip()}:` like `{key.value}:` ({_spaces(key.start_mark.column)})",
            s.problem.line + 1, _indent(line) + 1)


def _colon_in_text(s: SyntaxMistake) -> Found | None:
    if s.exc.problem != "mapping values are not allowed here" or s.last_scalar is None:
        return None
    token, before, key = s.last_scalar
    if token.style is not None or token.start_mark.line != s.problem.line or not isinstance(before, yaml.ValueToken):
        return None
    line = s.lines[s.problem.line]
    lead, value = line[: token.start_mark.column], line[token.start_mark.column :].split(" #")[0]
    return colon_text_message(value, lead.strip() + " "), s.problem.line + 1, token.start_mark.column + 1


DIAGNOSES: tuple[Callable[[SyntaxMistake], Found | None], ...] = (
    _smart_quote_at_error,
    _unclosed_at_end,
    _unclosed_quote,
    _dash_forgotten,
    _item_too_deep,
    _misaligned,
    _no_space_after_colon,
    _key_too_deep,
    _colon_in_text,
)
"""The mistakes recognised behind a syntax error, most telling first."""
