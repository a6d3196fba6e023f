"""The text of a SmartArt graphic, from its data part: every node's text, nested as the diagram nests them."""

from __future__ import annotations

from typing import Any

from slidegen.commands.importer.source import Para
from slidegen.commands.importer.text import paragraphs

_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"


def d(tag: str) -> str:
    return f"{{{_DGM}}}{tag}"


def smartart_paras(data_model: Any) -> list[Para]:
    """The nodes' texts in the diagram's order, a level deeper for each step below the document node.

    Points of type `node` (or none) carry text; parent-of connections (`cxn` without a type, or
    `parOf`) give the tree, ordered by `srcOrd`.
    """
    points: dict[str, Any] = {}
    root = None
    for pt in data_model.iterfind(f"{d('ptLst')}/{d('pt')}"):
        kind = pt.get("type", "node")
        model_id = pt.get("modelId", "")
        if kind == "doc":
            root = model_id
        if kind in ("node", "doc"):
            points[model_id] = pt
    children: dict[str, list[tuple[int, str]]] = {}
    for cxn in data_model.iterfind(f"{d('cxnLst')}/{d('cxn')}"):
        if cxn.get("type", "parOf") != "parOf":
            continue
        src, dst = cxn.get("srcId", ""), cxn.get("destId", "")
        if src in points and dst in points:
            children.setdefault(src, []).append((int(cxn.get("srcOrd", "0")), dst))
    out: list[Para] = []
    seen: set[str] = set()

    def visit(model_id: str, level: int) -> None:
        if model_id in seen:
            return
        seen.add(model_id)
        body = points[model_id].find(d("t"))
        texts = paragraphs(body) if body is not None else []
        for para in texts:
            out.append(Para(para.text, min(level + para.level, 8)))
        for _, child in sorted(children.get(model_id, [])):
            visit(child, level + (1 if texts else 0))

    if root is not None:
        for _, child in sorted(children.get(root, [])):
            visit(child, 0)
    for model_id in points:  # nodes no connection reaches, in the order written
        if model_id != root and model_id not in seen:
            visit(model_id, 0)
    return out
