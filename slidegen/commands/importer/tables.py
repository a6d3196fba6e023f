"""The original's tables and charts as slidegen's `table` and `bar_chart` entries: numbers as numbers, a table
split where its headings change, any chart that is no bar chart as a table of its data."""

from __future__ import annotations

import re
from typing import Any

from slidegen.commands.importer.cells import cell_value, header_text
from slidegen.commands.importer.entry import Entry, phrase
from slidegen.commands.importer.source import Chart, Table

MAX_COLUMNS = 12
"""slidegen's tables have at most this many columns; wider ones are split with the first column repeated."""


Cell = Any
"""A cell as the deck file writes it: a number, text, or None for no value."""


def table_entries(title: str, table: Table, n: int, language: str, changes: list[str]) -> list[Entry]:
    """A table as entries: one, or one per part where its headings change (slidegen's tables have one header row,
    and a column of numbers holds only numbers), each split side by side when wider than slidegen shows."""
    rows = [list(r) for r in table.rows]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    head = [str(h) for h in rows[0]] if len(rows) > 1 else [""] * width
    body = [[cell_value(c, language) if isinstance(c, str) else c for c in r] for r in (rows[1:] if len(rows) > 1 else rows)]
    parts, strays = _parts(head, body)
    if len(parts) > 1:
        changes.append(f"its table is split in {len(parts)} tables where its headings change")
    out = []
    for header, part_rows in parts:
        named = _year_headings(header, part_rows, language)
        made = _entries(title, named, part_rows, n, width)
        if named != header:
            for entry in made:
                entry.key_comments["columns"] = (f"{phrase(language, 'year')} heads a column of years the original "
                                                 "leaves without a heading (so they are shown as written)")
        out += made
    if strays:
        listed = ", ".join(repr(text) for text in strays[:5]) + (" …" if len(strays) > 5 else "")
        out[0].key_comments["rows"] = f"– stands for text among numbers, which a column of numbers cannot show: {listed}"
        changes.append(f"{len(strays)} text cell{'s' if len(strays) != 1 else ''} among numbers shown as –")
    return out


def _year_headings(head: list[str], body: list[list[Cell]], language: str) -> list[str]:
    """The headings, with `År` (`Year`) over a column of years the original leaves without one: slidegen's
    tables show the years of such a column as they are written (`2016`, not `2 016`)."""
    out = list(head)
    for k, heading in enumerate(head):
        filled = [str(row[k]).strip() for row in body if not _empty(row[k])]
        if not heading.strip() and filled and all(_YEAR.match(c) for c in filled):
            out[k] = phrase(language, "year")
    return out


_YEAR = re.compile(r"^(18|19|20)\d\d$")


def _entries(title: str, head: list[str], body: list[list[Cell]], n: int, width: int) -> list[Entry]:
    blank = [k for k, h in enumerate(head) if not h.strip()]
    out = []
    spans = [list(range(width))] if width <= MAX_COLUMNS else [
        [0, *range(start, min(start + MAX_COLUMNS - 1, width))] for start in range(1, width, MAX_COLUMNS - 1)]
    for cols in spans:
        data = {"kind": "table", "title": title, "columns": [header_text(head[k]) for k in cols],
                "rows": [[row[k] for k in cols] for row in body]}
        entry = Entry(data, n)
        if any(k in blank for k in cols):
            entry.key_comments["columns"] = "– stands for a heading the original leaves empty"
        if len(spans) > 1:
            entry.comments.append(f"columns {cols[1] + 1}–{cols[-1] + 1} of the original's table of {width} columns "
                                  "(the first column is repeated)")
        out.append(entry)
    return out


def _number(cell: Cell) -> bool:
    """Whether slidegen's table reads the cell as a number (text like `45 %` or `1 350` too)."""
    from slidegen.models.data import cell_value as read

    return isinstance(cell, (int, float)) or (isinstance(cell, str) and isinstance(read(cell)[0], float))


def _empty(cell: Cell) -> bool:
    from slidegen.models.slides.table import DASHES

    return cell is None or (isinstance(cell, str) and (not cell.strip() or cell.strip() in DASHES))


def _numeric(column: list[Cell]) -> bool:
    """The table's own rule: a column holds numbers when at least half of its filled cells are numbers."""
    filled = [c for c in column if not _empty(c)]
    numbers = sum(1 for c in filled if _number(c))
    return numbers > 0 and numbers * 2 >= len(filled)


def _texts_among_numbers(row: list[Cell], numeric: list[bool]) -> list[int]:
    return [k for k, c in enumerate(row) if numeric[k] and not _empty(c) and not _number(c)]


def _parts(head: list[str], body: list[list[Cell]]) -> tuple[list[tuple[list[str], list[list[Cell]]]], list[str]]:
    """The table in parts, each with its header: a row with text in two or more columns of numbers is a header
    row of the part below it (a header row right below another is joined to it, line by line). A single text
    cell left among numbers becomes no value (returned, to be said)."""
    parts = [(head, body)]
    for _ in range(8):  # each round splits where the parts' own columns of numbers have header rows
        split: list[tuple[list[str], list[list[Cell]]]] = []
        changed = False
        for header, rows in parts:
            numeric = [_numeric([r[k] for r in rows]) for k in range(len(header))]
            starts = [i for i, r in enumerate(rows) if len(_texts_among_numbers(r, numeric)) >= 2]
            if not starts:
                split.append((header, rows))
                continue
            changed = True
            pieces = [(header, rows[: starts[0]])]
            pieces += [([str(c) if c is not None else "" for c in rows[s]], rows[s + 1 : e])
                       for s, e in zip(starts, [*starts[1:], len(rows)])]
            merged: list[tuple[list[str], list[list[Cell]]]] = []
            pending: list[str] | None = None
            for h, r in pieces:
                h = h if pending is None else ["\n".join(x for x in (a.strip(), b.strip()) if x) for a, b in zip(pending, h)]
                if r:
                    merged.append((h, r))
                    pending = None
                else:
                    pending = h
            if pending is not None:  # header rows at the very end: kept as rows of the part above
                merged[-1] = (merged[-1][0], [*merged[-1][1], pending])  # type: ignore[list-item]
            split.extend(merged)
        parts = split
        if not changed:
            break
    strays: list[str] = []
    cleaned = []
    for header, rows in parts:
        numeric = [_numeric([r[k] for r in rows]) for k in range(len(header))]
        fixed = []
        for r in rows:
            bad = set(_texts_among_numbers(r, numeric))
            strays += [str(r[k]) for k in sorted(bad)]
            fixed.append([None if k in bad else c for k, c in enumerate(r)])
        cleaned.append((header, fixed))
    return cleaned, strays


_BAR_LAYOUTS = {"clustered": "grouped", "standard": "grouped", "stacked": "stacked", "percentStacked": "percent"}


def chart_entries(title: str, chart: Chart, n: int, language: str, changes: list[str]) -> list[Entry]:
    """A bar or column chart as `bar_chart` with its own data; any other chart as a table of its data."""
    scale = 100 if chart.percent_format else 1
    series = [{"name": s.name or phrase(language, "series", n=k),
               "values": [None if v is None else _clean(v * scale) for v in s.values]}
              for k, s in enumerate(chart.series, start=1)]
    categories = [c or "–" for c in chart.categories]
    if chart.kind in ("barChart", "bar3DChart"):
        data: dict[str, Any] = {"kind": "bar_chart", "title": title, "categories": categories, "series": series}
        layout = _BAR_LAYOUTS.get(chart.grouping, "grouped")
        if layout != "grouped":
            data["layout"] = layout
        if chart.direction == "bar":
            data["direction"] = "horizontal"
        if chart.percent_format:
            data["unit"] = "%"
        entry = Entry(data, n)
        if chart.percent_format:
            entry.key_comments["series"] = "per cent: the original stores them as fractions (0.25 for 25 %)"
        if chart.title and chart.title != title:
            changes.append(f"the chart's own title {chart.title!r} is not shown (slidegen's charts have the slide's title)")
        if any(not s.name for s in chart.series):
            entry.key_comments["series"] = "TODO: name the series (the original's chart does not)"
        return [entry]
    what = _CHART_NAMES.get(chart.kind, "chart")
    changes.append(f"the {what} is shown as a table of its data (slidegen draws bar charts only)")
    table = Table([["", *(s["name"] for s in series)],
                   *([c, *(s["values"][i] for s in series)] for i, c in enumerate(categories))], chart.box)
    return table_entries(title, table, n, language, changes)


_CHART_NAMES = {"lineChart": "line chart", "line3DChart": "line chart", "pieChart": "pie chart", "pie3DChart": "pie chart",
                "doughnutChart": "doughnut chart", "areaChart": "area chart", "area3DChart": "area chart",
                "scatterChart": "scatter chart", "radarChart": "radar chart", "bubbleChart": "bubble chart",
                "stockChart": "stock chart", "surfaceChart": "surface chart", "ofPieChart": "pie chart",
                "mixed": "combined chart"}


def _clean(value: float) -> float | int:
    """A cached number without the float noise of its binary form (8.200000000000001 → 8.2)."""
    cleaned = float(f"{value:.15g}")
    return int(cleaned) if cleaned.is_integer() and abs(cleaned) < 2**53 else cleaned
