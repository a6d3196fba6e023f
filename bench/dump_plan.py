"""Write slidegen's plan of one deck as JSON (and its chart pictures and pictures as files) for bench/floor.py.

This is the untimed preparation step: it imports slidegen, so floor.py does not have to.

    .venv/bin/python bench/dump_plan.py PROJECT_ROOT DECK_FILE OUT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from slidegen.build import chart_cache, load, picture_cache, plan
from slidegen.output.charts import chart_file
from slidegen.output.pictures import PictureCache
from slidegen.plan.model import ChartBox, DeckPlan, Para, PictureBox, TableBox, TextBox
from slidegen.project import Project


def _para(p: Para, size: float) -> dict:
    left, hang = p.indent(size)
    marker = p.marker
    return {
        "runs": [{"text": r.text, "bold": r.bold, "italic": r.italic, "colour": r.colour} for r in p.runs],
        "level": p.level, "scale": p.scale, "space_before": p.space_before, "align": p.align,
        "indent": [left, hang],
        "marker": None if marker is None else {"char": marker.char, "numbering": marker.numbering,
                                               "start": marker.start, "colour": marker.colour},
    }


def _frame(r) -> list[int]:
    return [r.x, r.y, r.w, r.h]


def _text(box: TextBox) -> dict:
    i = box.insets
    return {"type": "text", "frame": _frame(box.frame), "size": box.size, "family": box.family, "colour": box.colour,
            "role": box.role, "insets": [i.left, i.top, i.right, i.bottom], "anchor": box.anchor, "name": box.name,
            "paras": [_para(p, box.size) for p in box.paras]}


def _table(box: TableBox) -> dict:
    i, st = box.insets, box.style
    return {"type": "table", "frame": _frame(box.frame), "columns": list(box.columns), "heights": list(box.heights),
            "size": box.size, "family": st.family, "text": st.text, "header_fill": st.header_fill,
            "header_text": st.header_text, "row_fill": st.row_fill, "row_alt_fill": st.row_alt_fill,
            "insets": [i.left, i.top, i.right, i.bottom], "description": box.description, "name": box.name,
            "rows": [[[_para(p, box.size) for p in cell.paras] for cell in row] for row in box.rows]}


def _chart(box: ChartBox, out: Path, cache: Path, pictures: dict[str, str]) -> dict:
    spec = box.chart
    if box.renderer == "image":
        key = spec.key()
        if key not in pictures:
            pictures[key] = str(out / f"chart-{len(pictures) + 1}.png")
            Path(pictures[key]).write_bytes(chart_file(spec, "png", cache))
        return {"type": "picture", "frame": _frame(box.frame), "file": pictures[key],
                "description": spec.description, "name": box.name}
    return {"type": "chart", "frame": _frame(box.frame), "categories": list(spec.categories), "percent": spec.percent,
            "series": [{"name": s.name, "colour": s.colour, "values": list(s.values), "pattern": s.pattern,
                        "label_colour": s.label_colour} for s in spec.series],
            "size": spec.size, "family": spec.family, "text": spec.text, "grid": spec.grid, "caption": spec.caption,
            "axis_step": spec.axis_step, "axis_max": spec.axis_max,
            "description": spec.description, "name": box.name}


def _picture(box: PictureBox, out: Path, made: PictureCache, pictures: dict[str, str]) -> dict:
    """A picture as the floor embeds it: the very bytes slidegen's picture pipeline made for its frame."""
    data = made.picture(box)
    key = f"{box.path}|{box.frame.w}|{box.frame.h}"
    if key not in pictures:
        suffix = ".jpg" if data.startswith(b"\xff\xd8") else ".png"
        pictures[key] = str(out / f"picture-{len(pictures) + 1}{suffix}")
        Path(pictures[key]).write_bytes(data)
    return {"type": "picture", "frame": _frame(box.frame), "file": pictures[key],
            "description": box.description, "name": box.name}  # None: decorative


def dump(deck: DeckPlan, out: Path, cache: Path, made: PictureCache | None = None) -> dict:
    """The deck plan as plain JSON data; chart pictures and pictures written next to it."""
    pictures: dict[str, str] = {}
    slides = []
    for s in deck.slides:
        boxes = []
        for box in s.boxes:
            if isinstance(box, TextBox):
                boxes.append(_text(box))
            elif isinstance(box, TableBox):
                boxes.append(_table(box))
            elif isinstance(box, ChartBox):
                boxes.append(_chart(box, out, cache, pictures))
            elif isinstance(box, PictureBox):
                boxes.append(_picture(box, out, made or PictureCache(None), pictures))
        slides.append({"layout": s.layout, "title": _text(s.title), "boxes": boxes, "notes": s.notes})
    p = deck.properties
    return {"name": deck.name, "width": deck.width, "height": deck.height, "slides": slides,
            "layouts": dict(deck.base.layouts),
            "properties": {"title": p.title, "subject": p.subject, "author": p.author, "keywords": p.keywords,
                           "language": p.language}}


def main(root: str, deck_file: str, out_dir: str) -> Path:
    project = Project.at(root)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (deck,) = plan(load(project, [Path(deck_file)]))
    target = out / f"{deck.name}.json"
    target.write_text(json.dumps(dump(deck, out, chart_cache(project).folder, picture_cache(project)), ensure_ascii=False),
                      encoding="utf-8")
    return target


if __name__ == "__main__":
    print(main(*sys.argv[1:4]))
