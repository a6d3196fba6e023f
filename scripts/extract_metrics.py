"""Extract advance widths and line metrics of a font into slidegen's metrics JSON.

Usage: python scripts/extract_metrics.py FONT.ttf NAME
Writes slidegen/data/metrics/NAME.json. The vendored files let slidegen wrap text
identically on every machine, whether or not the font itself is installed.
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
        "widths": widths,
    }


def main() -> None:
    src, name = Path(sys.argv[1]), sys.argv[2]
    out = Path(__file__).resolve().parent.parent / "slidegen" / "data" / "metrics" / f"{name}.json"
    out.write_text(json.dumps(extract(src), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
