"""Guessing slidegen's kinds for the original's slides: one table of guesses, tried in order, each making entries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from slidegen.commands.importer.entry import Entry, phrase
from slidegen.commands.importer.pictures import Missing, Pictures, Saved
from slidegen.commands.importer.source import Chart, Para, Picture, SourceSlide, Table, TextBlock, beside
from slidegen.commands.importer.tables import chart_entries, table_entries

REPEATED = 3
"""A picture on this many slides or more (a logo) is carried once, where it first appears."""
SHORT_WORDS, SHORT_CHARS = 15, 110
"""A paragraph this short can serve as a title."""
TITLE_WORDS = 8
"""A title made of the first words of the text has at most this many."""

_OPENING = "“”\"„«»‘’'‚"
_CLOSING = "”\"“»«’'"
_DASH = re.compile(r"^[-–—―]\s*")
_FILE_LIKE = re.compile(r"(\.(png|jpe?g|gif|bmp|tiff?|wmf|emf|svg|pdf)$)|^[a-z]:\\|^https?://|^(picture|image|bild|grafik)[ _]?\d*$",
                        re.IGNORECASE)
"""Alt texts that are no descriptions: file names, paths, addresses, PowerPoint's default names."""


@dataclass
class Context:
    """What the guesses share: the deck's language and its prepared pictures."""

    language: str
    pictures: Pictures
    carried: set[tuple[int, int]] = field(default_factory=set)
    """Pictures already put on a slide (a repeated logo is carried once)."""


@dataclass
class Parts:
    """One original slide taken apart: its title, text and the things slidegen shows on slides of their own."""

    slide: SourceSlide
    first: bool
    title: str | None
    subtitle: list[Para]
    body: list[TextBlock]
    tables: list[Table]
    charts: list[Chart]
    pictures: list[tuple[Picture, Saved]]
    order: list[Any]
    left_out: list[str]
    changes: list[str] = field(default_factory=list)

    @property
    def paras(self) -> list[Para]:
        """All body text, block after block in reading order, each block's levels counted from its own top."""
        return flat(self.body)

    @property
    def objects(self) -> bool:
        return bool(self.tables or self.charts or self.pictures)


def flat(blocks: list[TextBlock]) -> list[Para]:
    out: list[Para] = []
    for block in blocks:
        top = min((p.level for p in block.paras), default=0)
        out.extend(Para(p.text, p.level - top) for p in block.paras)
    return out


def take_apart(slide: SourceSlide, ctx: Context, first: bool) -> Parts:
    """The slide's parts; a text shape named like a title serves as the title when the slide has none."""
    blocks = list(slide.blocks)
    title = slide.title.text if slide.title is not None else None
    if title is None:
        named = next((b for b in blocks if b.role == "text" and re.match(r"(title|rubrik|titel)\b", b.name, re.I)), None)
        if named is not None:
            title = named.text
            blocks.remove(named)
    subtitle = [p for b in blocks if b.role == "subtitle" for p in b.paras]
    body = [b for b in blocks if b.role != "subtitle"]
    left_out = list(slide.left_out)
    pictures: list[tuple[Picture, Saved]] = []
    for picture in slide.pictures:
        prepared = ctx.pictures.get(picture)
        if isinstance(prepared, Missing):
            _add(left_out, prepared.reason)
            continue
        shown_on = ctx.pictures.slides[picture.key]
        if picture.key in ctx.carried:
            if len(shown_on) >= REPEATED:
                _add(left_out, f"a picture repeated on {len(shown_on)} slides (a logo?), kept once on slide {shown_on[0]}; "
                               "a theme's logo is the place for it")
            continue  # the same picture twice on one slide
        ctx.carried.add(picture.key)
        pictures.append((picture, prepared))
    carried = {id(p) for p, _ in pictures}
    order = [x for x in slide.order if not isinstance(x, Picture) or id(x) in carried]
    order = [x for x in order if not (isinstance(x, TextBlock) and x.role == "subtitle") and x is not slide.title]
    order = [x for x in order if not isinstance(x, TextBlock) or x in body]
    return Parts(slide, first, title, subtitle, body, list(slide.tables), list(slide.charts), pictures, order, left_out)


def _add(items: list[str], what: str) -> None:
    if what not in items:
        items.append(what)


def short(p: Para) -> bool:
    return len(p.text.split()) <= SHORT_WORDS and len(p.text) <= SHORT_CHARS


def first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def bullets(paras: list[Para]) -> list[Any]:
    """Paragraphs as slidegen's bullets: text, or `{text, items}` for one with deeper paragraphs below it."""
    root: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(-1, root)]
    for p in paras:
        while len(stack) > 1 and stack[-1][0] >= p.level:
            stack.pop()
        item: dict[str, Any] = {"text": p.text, "items": []}
        stack[-1][1].append(item)
        stack.append((p.level, item["items"]))

    def plain(items: list[dict[str, Any]]) -> list[Any]:
        return [{"text": i["text"], "items": plain(i["items"])} if i["items"] else i["text"] for i in items]

    return plain(root)


def slide_title(parts: Parts, ctx: Context, *, keep_text: bool = False) -> tuple[str, str | None]:
    """The title of a slide and, when the original has none, a comment saying where it came from.

    A short first paragraph becomes the title (and leaves the body, unless `keep_text` or it is the
    only text); a long one lends its first words; a slide without text is called `Bild N`.
    """
    if parts.title:
        return parts.title, None
    titled = [c for c in parts.charts if c.title]
    if titled and not keep_text:
        return titled[0].title, "the title is the chart's own (the original slide has no title)"
    paras = parts.paras
    if paras and short(paras[0]) and (len(paras) > 1 or parts.objects) and not keep_text:
        block = next(b for b in parts.body if b.paras)
        rest = TextBlock(block.role, block.paras[1:], block.box, block.name)
        swap = {id(block): rest}
        parts.body = [swap.get(id(b), b) for b in parts.body if id(b) not in swap or rest.paras]
        parts.order = [swap.get(id(x), x) for x in parts.order if id(x) not in swap or rest.paras]
        return block.paras[0].text, "the title is the slide's first line (the original slide has no title)"
    if paras:
        return first_words(paras[0].text), "the title is the first words of the text (the original slide has no title)"
    return (phrase(ctx.language, "untitled", n=parts.slide.number),
            "TODO: give the slide a title (the original slide has none)")


# --- entries ---------------------------------------------------------------------------------------------------------

def bullets_entry(title: str, paras: list[Para], n: int) -> Entry:
    return Entry({"kind": "bullets", "title": title, "items": bullets(paras)}, n)


def picture_entry(title: str, picture: Picture, saved: Saved, n: int, ctx: Context,
                  items: list[Para] | None = None, caption: str | None = None) -> Entry:
    data: dict[str, Any] = {"kind": "picture", "title": title, "picture": saved.ref}
    entry = Entry(data, n)
    if picture.decorative:
        data["decorative"] = True
    elif picture.alt and not _FILE_LIKE.search(picture.alt):
        data["alt"] = picture.alt
    else:
        data["alt"] = phrase(ctx.language, "alt", n=n)
        was = f" (the original's alt text is the name {picture.alt!r})" if picture.alt else " (the original has none)"
        entry.key_comments["alt"] = f"TODO: say what the picture shows{was}"
    if caption:
        data["caption"] = caption
    if items:
        data["items"] = bullets(items)
    if saved.changes:
        entry.key_comments["picture"] = "; ".join(saved.changes)
    return entry


# --- the guesses -----------------------------------------------------------------------------------------------------

Guess = Callable[[Parts, Context], "list[Entry] | None"]


def guess_title(parts: Parts, ctx: Context) -> list[Entry] | None:
    """The first slide, unless it holds a table, a chart or much text: the deck's title slide."""
    if not parts.first or parts.tables or parts.charts or len(parts.paras) > 8:
        return None
    title = parts.title
    rest = list(parts.subtitle)
    if not title:
        paras = parts.paras
        if not paras and not rest:
            return None
        title = (paras or rest)[0].text
        if paras:
            parts.body = _without_first(parts.body)
        else:
            rest = rest[1:]
    rest += parts.paras
    data: dict[str, Any] = {"kind": "title", "title": title}
    if rest:
        data["subtitle"] = "\n".join(p.text for p in rest)
    data["show_presenters"] = False
    entry = Entry(data, parts.slide.number)
    entry.key_comments["show_presenters"] = "the original's title slide shows its own names, if any"
    return [entry, *_picture_slides(parts, title, ctx)]


def _without_first(blocks: list[TextBlock]) -> list[TextBlock]:
    out, done = [], False
    for b in blocks:
        if not done and b.paras:
            done = True
            b = TextBlock(b.role, b.paras[1:], b.box, b.name)
        if b.paras:
            out.append(b)
    return out


def guess_section(parts: Parts, ctx: Context) -> list[Entry] | None:
    """A divider: a title layout or section header with little text, a title alone, or two short lines."""
    if parts.objects:
        return None
    paras = parts.subtitle + parts.paras
    divider = parts.slide.layout in ("title", "secHead") and len(paras) <= 3
    alone = parts.title is not None and not paras
    lines = parts.title is None and 1 <= len(paras) <= 2 and all(short(p) for p in paras)
    if not (divider or alone or lines):
        return None
    if parts.title is None:
        title, paras = paras[0].text, paras[1:]
    else:
        title = parts.title
    data: dict[str, Any] = {"kind": "section", "title": title}
    if paras:
        data["subtitle"] = "\n".join(p.text for p in paras)
    return [Entry(data, parts.slide.number)]


def guess_quote(parts: Parts, ctx: Context) -> list[Entry] | None:
    """One paragraph in quotation marks, perhaps with who said it under it, and nothing else."""
    paras = parts.paras
    if parts.objects or parts.subtitle or not paras or len(paras) > 3:
        return None
    quote, rest = paras[0].text, paras[1:]
    if len(quote) < 2 or quote[0] not in _OPENING or quote[-1] not in _CLOSING or any(q in quote[1:-1] for q in "“”"):
        return None
    if any(not short(p) or p.text[:1] in _OPENING for p in rest):
        return None
    data: dict[str, Any] = {"kind": "quote", "text": quote[1:-1].strip()}
    if rest:
        data["by"] = "\n".join(_DASH.sub("", p.text) for p in rest)
    if parts.title:
        data["title"] = parts.title
    entry = Entry(data, parts.slide.number)
    entry.key_comments["text"] = "the quotation marks are slidegen's own"
    return [entry]


def guess_columns(parts: Parts, ctx: Context) -> list[Entry] | None:
    """Two or three placeholders of text side by side (a two-content or comparison layout)."""
    blocks = parts.body
    if parts.objects or len(blocks) < 2 or any(b.role != "body" for b in blocks):
        return None
    columns: list[list[TextBlock]] = []
    for block in sorted(blocks, key=lambda b: b.box.x):
        if columns and block.box.x < max(b.box.right for b in columns[-1]):
            columns[-1].append(block)
        else:
            columns.append([block])
    if not 2 <= len(columns) <= 3 or not all(beside(a[0].box, b[0].box) for a, b in zip(columns, columns[1:])):
        return None
    title, why = slide_title(parts, ctx, keep_text=True)
    out = []
    for column in columns:
        column.sort(key=lambda b: b.box.y)
        heading = None
        if len(column) > 1 and len(column[0].paras) == 1 and short(column[0].paras[0]):
            heading, column = column[0].paras[0].text, column[1:]
        items = bullets(flat(column))
        out.append({"heading": heading, "items": items} if heading else {"items": items})
    entry = Entry({"kind": "columns", "title": title, "columns": out}, parts.slide.number)
    if why:
        entry.key_comments["title"] = why
    return [entry]


def guess_objects(parts: Parts, ctx: Context) -> list[Entry] | None:
    """Tables, charts and pictures, each on a slide of its own; the text beside the first picture, or on a
    slide of its own before (or after) the tables and charts."""
    if not parts.objects:
        return None
    n = parts.slide.number
    title, why = slide_title(parts, ctx)
    entries: list[Entry] = []
    paras = parts.paras
    caption = _caption(parts)
    text_used = caption is not None
    if caption is not None:
        paras = []
    if parts.pictures and not (parts.tables or parts.charts):
        picture, saved = parts.pictures[0]
        entries.append(picture_entry(title, picture, saved, n, ctx, paras or None, caption))
        text_used = True
        rest = parts.pictures[1:]
    else:
        rest = parts.pictures
    text_entry = bullets_entry(title, paras, n) if paras and not text_used else None
    text_first = text_entry is not None and _text_comes_first(parts)
    if text_first:
        entries.append(text_entry)
    for item in parts.order:
        if isinstance(item, Table):
            entries.extend(table_entries(title, item, n, ctx.language, parts.changes))
        elif isinstance(item, Chart):
            entries.extend(chart_entries(title, item, n, ctx.language, parts.changes))
    if text_entry is not None and not text_first:
        entries.append(text_entry)
    for picture, saved in rest:
        entries.append(picture_entry(title, picture, saved, n, ctx))
    shown = len(parts.tables) + len(parts.charts) + len(parts.pictures) + (1 if text_entry is not None else 0)
    if shown > 1:
        parts.changes.append(f"its {_things(parts, text_entry is not None)} are on {len(entries)} slides of their own")
    if why:
        entries[0].key_comments["title"] = why
    return entries


def _things(parts: Parts, text: bool) -> str:
    counts = [(len(parts.tables), "table"), (len(parts.charts), "chart"), (len(parts.pictures), "picture"),
              (1 if text else 0, "text")]
    named = [f"{k} {what}s" if k > 1 else what for k, what in counts if k]
    return ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]


def _text_comes_first(parts: Parts) -> bool:
    for item in parts.order:
        if isinstance(item, TextBlock):
            return True
        if isinstance(item, (Table, Chart)):
            return False
    return True


def _caption(parts: Parts) -> str | None:
    """A single short line right under the only picture: its caption."""
    if len(parts.pictures) != 1 or parts.tables or parts.charts or len(parts.body) != 1:
        return None
    block, (picture, _) = parts.body[0], parts.pictures[0]
    if len(block.paras) != 1 or not short(block.paras[0]) or block.role == "smartart":
        return None
    below = block.box.y >= picture.box.bottom - 90_000
    overlaps = block.box.x < picture.box.right and picture.box.x < block.box.right
    return block.paras[0].text if below and overlaps else None


def _picture_slides(parts: Parts, title: str, ctx: Context) -> list[Entry]:
    """The pictures of a slide whose kind shows none (a title or a section), each on a slide of its own."""
    entries = [picture_entry(title, picture, saved, parts.slide.number, ctx) for picture, saved in parts.pictures]
    if entries:
        parts.changes.append(f"its picture{'s are' if len(entries) > 1 else ' is'} on a slide of its own")
    return entries


def guess_bullets(parts: Parts, ctx: Context) -> list[Entry] | None:
    """Anything with text: a title and bullets, with the levels as sub-items."""
    if not parts.paras and not parts.subtitle:
        return None
    title, why = slide_title(parts, ctx)
    paras = parts.subtitle + parts.paras
    if not paras:  # the only line became the title
        return [Entry({"kind": "section", "title": title}, parts.slide.number)]
    entry = bullets_entry(title, paras, parts.slide.number)
    if why:
        entry.key_comments["title"] = why
    if len([b for b in parts.body if b.role == "text"]) > 2:
        parts.changes.append(f"the text of its {len(parts.body)} shapes is one list, in reading order")
    return [entry]


GUESSES: tuple[Guess, ...] = (guess_title, guess_quote, guess_section, guess_columns, guess_objects, guess_bullets)
"""The guesses in the order they are tried; the first that makes entries wins."""


def slide_entries(slide: SourceSlide, ctx: Context, first: bool) -> tuple[list[Entry], Parts]:
    """The entries the original's slide becomes (none when it has nothing to carry), and its parts."""
    parts = take_apart(slide, ctx, first)
    for guess in GUESSES:
        entries = guess(parts, ctx)
        if entries is not None:
            break
    else:
        entries = []
        _add(parts.left_out, "the slide itself (it has nothing else slidegen can show)" if parts.left_out
             else "the slide itself (it is empty)")
    if entries and slide.notes:
        entries[0].data["notes"] = slide.notes
    for k, entry in enumerate(entries):
        entry.comments.insert(0, f"slide {slide.number} of the original" + (f" (continued: part {k + 1})" if k else ""))
    return entries, parts
