"""Extract advance widths, line metrics and kerning of a font into slidegen's metrics JSON.

Usage: python scripts/extract_metrics.py FONT.ttf NAME [--kerning]
Writes slidegen/data/metrics/NAME.json, and with --kerning only NAME-kern.json (the font's pair
kerning between the characters measured, which the SVG preview's lines are measured with). The
vendored files let slidegen wrap text identically on every machine, whether or not the font itself
is installed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

RANGES = [
    (0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x2027), (0x2030, 0x203A),
    (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2190, 0x2193), (0x2212, 0x2212),
    (0x2264, 0x2265), (0x25A0, 0x25A1), (0x25CF, 0x25CF),
]


USE_TYPO_METRICS = 1 << 7
"""The bit of OS/2 fsSelection that tells renderers to take the typographic ascender and descender."""


def line_metrics(font: TTFont) -> dict:
    """Where LibreOffice puts a line's baseline and the next line at single spacing: the hhea ascender and
    descender (the typographic ones when the font asks for them), without the line gap."""
    os2, hhea = font["OS/2"], font["hhea"]
    if os2.fsSelection & USE_TYPO_METRICS:
        return {"line_ascent": os2.sTypoAscender, "line_descent": -os2.sTypoDescender}
    return {"line_ascent": hhea.ascent, "line_descent": -hhea.descent}


def extract(path: Path) -> dict:
    font = TTFont(path, lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    hhea = font["hhea"]
    os2 = font["OS/2"]
    widths = {}
    for lo, hi in RANGES:
        for cp in range(lo, hi + 1):
            glyph = cmap.get(cp)
            if glyph is not None:
                widths[chr(cp)] = hmtx[glyph][0]
    return {
        "family": font["name"].getDebugName(1),
        "style": font["name"].getDebugName(2),
        "units_per_em": font["head"].unitsPerEm,
        "ascent": os2.usWinAscent,
        "descent": os2.usWinDescent,
        # single line spacing as office suites compute it: the larger of the
        # Windows metrics and the hhea metrics including the line gap
        "line_height": max(os2.usWinAscent + os2.usWinDescent,
                           hhea.ascent - hhea.descent + hhea.lineGap),
        **line_metrics(font),
        "widths": widths,
    }


def _characters(font: TTFont) -> dict[str, list[str]]:
    """The characters measured, by the glyph that draws them."""
    cmap = font.getBestCmap()
    out: dict[str, list[str]] = {}
    for lo, hi in RANGES:
        for cp in range(lo, hi + 1):
            if cp in cmap:
                out.setdefault(cmap[cp], []).append(chr(cp))
    return out


def _pair_values(font: TTFont, glyphs: set[str]) -> dict[tuple[str, str], int]:
    """Every pair adjustment of the font's `kern` feature (GPOS, else the old kern table) between the glyphs."""
    out: dict[tuple[str, str], int] = {}
    if "GPOS" in font:
        gpos = font["GPOS"].table
        indices = sorted({i for fr in gpos.FeatureList.FeatureRecord if fr.FeatureTag == "kern"
                          for i in fr.Feature.LookupListIndex})
        for index in indices:
            lookup = gpos.LookupList.Lookup[index]
            for sub in lookup.SubTable:
                sub = sub.ExtSubTable if lookup.LookupType == 9 else sub
                if getattr(sub, "LookupType", 2) != 2:
                    continue
                for pair, value in _subtable_pairs(sub, glyphs):
                    out.setdefault(pair, value)  # the first lookup that has a pair decides it
    if not out and "kern" in font:
        for table in font["kern"].kernTables:
            for (g1, g2), value in table.kernTable.items():
                if g1 in glyphs and g2 in glyphs:
                    out.setdefault((g1, g2), value)
    return out


def _subtable_pairs(sub, glyphs: set[str]):
    """The (pair, x-advance adjustment) of one GPOS pair-positioning subtable (format 1 or 2)."""
    def advance(record) -> int:
        return getattr(record, "XAdvance", 0) or 0 if record is not None else 0

    if sub.Format == 1:
        for first, pairs in zip(sub.Coverage.glyphs, sub.PairSet):
            if first in glyphs:
                for record in pairs.PairValueRecord:
                    if record.SecondGlyph in glyphs and advance(record.Value1):
                        yield (first, record.SecondGlyph), advance(record.Value1)
    elif sub.Format == 2:
        first_class, second_class = sub.ClassDef1.classDefs, sub.ClassDef2.classDefs
        for first in sub.Coverage.glyphs:
            if first not in glyphs:
                continue
            row = sub.Class1Record[first_class.get(first, 0)].Class2Record
            for second in glyphs:
                value = advance(row[second_class.get(second, 0)].Value1)
                if value:
                    yield (first, second), value


def kerning(path: Path) -> dict[str, int]:
    """The font's pair kerning between the measured characters: two characters → font units (negative: closer)."""
    font = TTFont(path)
    chars = _characters(font)
    out = {}
    for (g1, g2), value in _pair_values(font, set(chars)).items():
        for a in chars[g1]:
            for b in chars[g2]:
                out[a + b] = value
    return out


def main() -> None:
    src, name = Path(sys.argv[1]), sys.argv[2]
    folder = Path(__file__).resolve().parent.parent / "slidegen" / "data" / "metrics"
    if "--kerning" in sys.argv[3:]:
        out, data = folder / f"{name}-kern.json", kerning(src)
    else:
        out, data = folder / f"{name}.json", extract(src)
    out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
