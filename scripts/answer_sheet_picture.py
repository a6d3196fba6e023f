#!/usr/bin/env python3
"""Draw the README's picture of an answer sheet's first rows (docs/answer-sheet.png), as a spreadsheet shows them.

    .venv/bin/python scripts/answer_sheet_picture.py

It reads the made-up sample tests/data/answers/enkat-2016.xlsx with slidegen's own reader and draws
its top left corner with Excel's column letters and row numbers, so the README can name cells (D7).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "answers" / "enkat-2016.xlsx"
TARGET = ROOT / "docs" / "answer-sheet.png"
ROWS, COLUMNS = 8, 7


def main() -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from slidegen.load.readers import read_document
    from slidegen.load.xlsx_file import column_name

    rows = read_document(SAMPLE).data["Svar"][:ROWS]
    widths = [1.5] + [1.15] * (COLUMNS - 1)
    fig, ax = plt.subplots(figsize=(sum(widths) + 0.4, (ROWS + 1) * 0.34 + 0.1), dpi=110)
    ax.set_xlim(-0.4, sum(widths))
    ax.set_ylim(ROWS + 1, 0)
    ax.axis("off")

    def cell(x: float, y: float, w: float, text: str, fill: str, bold: bool = False, grey: bool = False) -> None:
        ax.add_patch(plt.Rectangle((x, y), w, 1, facecolor=fill, edgecolor="#B8B8B8", linewidth=0.8))
        ax.text(x + (w / 2 if grey else 0.08), y + 0.55, text, ha="center" if grey else "left", va="center",
                fontsize=9, fontweight="bold" if bold else "normal", color="#555555" if grey else "#000000")

    x = 0.0
    for c, w in enumerate(widths):
        cell(x, 0, w, column_name(c), "#F0F0F0", grey=True)
        x += w
    for r, row in enumerate(rows, start=1):
        cell(-0.4, r, 0.4, str(r), "#F0F0F0", grey=True)
        x = 0.0
        for c, w in enumerate(widths):
            value = row[c] if c < len(row) else None
            text = "" if value is None else str(value)
            cell(x, r, w, text, "#FFFFFF", bold=r == 1 or c == 0)
            x += w
    fig.savefig(TARGET, bbox_inches="tight", pad_inches=0.05)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
