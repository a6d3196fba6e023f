"""The floor: the same slides and shapes as slidegen's plan, written with python-pptx directly.

No validation, no layout, no reproducible zip, no atomic write — only what any script that draws
these slides with python-pptx must do. It reads the JSON that bench/dump_plan.py wrote and never
imports slidegen. Image charts are the very PNG files slidegen puts on its slides.

    .venv/bin/python bench/floor.py PLAN.json OUT.pptx [--stages]

With --stages it prints the seconds of each of its stages as JSON on stdout.
"""

from __future__ import annotations

import json
import sys
import time

T0 = time.perf_counter()

from lxml import etree  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.chart.data import CategoryChartData  # noqa: E402
from pptx.dml.color import RGBColor  # noqa: E402
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION  # noqa: E402
from pptx.enum.dml import MSO_PATTERN  # noqa: E402
from pptx.enum.lang import MSO_LANGUAGE_ID  # noqa: E402
from pptx.enum.shapes import PP_PLACEHOLDER  # noqa: E402
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN  # noqa: E402
from pptx.oxml.ns import qn  # noqa: E402
from pptx.util import Emu, Pt  # noqa: E402

ALIGN = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}
ANCHOR = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
LANGUAGES = {"sv-SE": MSO_LANGUAGE_ID.SWEDISH, "en-GB": MSO_LANGUAGE_ID.ENGLISH_UK, "en-US": MSO_LANGUAGE_ID.ENGLISH_US}
BODY = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE}


def rgb(hex_colour):
    return RGBColor.from_string(hex_colour[1:])


def place(shape, frame):
    shape.left, shape.top, shape.width, shape.height = (Emu(v) for v in frame)


def describe(shape, text):
    if text is not None:
        shape._element.find(".//" + qn("p:cNvPr")).set("descr", text)


def write_text(tf, paras, size, family, colour, lang, insets=None, anchor="t"):
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    if insets:
        tf.margin_left, tf.margin_top, tf.margin_right, tf.margin_bottom = (Emu(v) for v in insets)
    tf.vertical_anchor = ANCHOR[anchor]
    tf.clear()
    for i, para in enumerate(paras):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        s = size * para["scale"]
        p.alignment = ALIGN[para["align"]]
        p.level = min(para["level"], 8)
        p.line_spacing = 1.0
        p.space_before = Pt(round(para["space_before"] * s, 1))
        p.space_after = Pt(0)
        pPr = p._p.get_or_add_pPr()
        left, hang = para["indent"]
        pPr.set("marL", str(round(left * 12700)))
        pPr.set("indent", str(-round(hang * 12700)))
        marker = para["marker"]
        if marker is None:
            etree.SubElement(pPr, qn("a:buNone"))
        else:
            clr = etree.SubElement(pPr, qn("a:buClr"))
            etree.SubElement(clr, qn("a:srgbClr"), val=(marker["colour"] or colour)[1:])
            if marker["numbering"]:
                etree.SubElement(pPr, qn("a:buFont"), typeface="+mj-lt")
                etree.SubElement(pPr, qn("a:buAutoNum"), type=marker["numbering"], startAt=str(marker["start"]))
            else:
                etree.SubElement(pPr, qn("a:buFont"), typeface="Arial")
                etree.SubElement(pPr, qn("a:buChar"), char=marker["char"] or "•")
        for run in para["runs"]:
            for j, piece in enumerate(run["text"].split("\n")):
                if j:
                    p.add_line_break()
                if not piece:
                    continue
                r = p.add_run()
                r.text = piece
                f = r.font
                f.size, f.bold, f.italic, f.name = Pt(s), run["bold"], run["italic"], family
                f.color.rgb = rgb(run["colour"] or colour)
                f.language_id = lang


def add_table(slide, box, lang):
    x, y, w, h = box["frame"]
    shape = slide.shapes.add_table(len(box["rows"]), len(box["columns"]), Emu(x), Emu(y), Emu(w), Emu(h))
    shape.name = box["name"]
    describe(shape, box["description"])
    table = shape.table
    table.first_row, table.horz_banding = True, False
    for col, width in zip(table.columns, box["columns"]):
        col.width = Emu(width)
    left, top, right, bottom = box["insets"]
    for r, (cells, height) in enumerate(zip(box["rows"], box["heights"])):
        table.rows[r].height = Emu(height)
        fill = box["header_fill"] if r == 0 else (box["row_fill"] if r % 2 else box["row_alt_fill"])
        text = box["header_text"] if r == 0 else box["text"]
        for c, paras in enumerate(cells):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb(fill)
            cell.margin_left, cell.margin_top, cell.margin_right, cell.margin_bottom = Emu(left), Emu(top), Emu(right), Emu(bottom)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE if r == 0 else MSO_ANCHOR.TOP
            write_text(cell.text_frame, paras, box["size"], box["family"], text, lang)


def add_picture(slide, box):
    x, y, w, h = box["frame"]
    shape = slide.shapes.add_picture(box["file"], Emu(x), Emu(y), Emu(w), Emu(h))
    shape.name = box["name"]
    describe(shape, box["description"])


def add_chart(slide, box):
    data = CategoryChartData()
    data.categories = box["categories"]
    for s in box["series"]:
        data.add_series(s["name"], s["values"])
    kind = XL_CHART_TYPE.BAR_STACKED_100 if box["percent"] else XL_CHART_TYPE.BAR_STACKED
    x, y, w, h = box["frame"]
    frame = slide.shapes.add_chart(kind, Emu(x), Emu(y), Emu(w), Emu(h), data)
    frame.name = box["name"]
    describe(frame, box["description"])
    chart = frame.chart
    chart.font.size, chart.font.name = Pt(box["size"]), box["family"]
    chart.font.color.rgb = rgb(box["text"])
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.TOP
    chart.legend.include_in_layout = False
    chart.has_title = bool(box["caption"])
    if box["caption"]:
        chart.chart_title.text_frame.text = box["caption"]
    plot = chart.plots[0]
    plot.gap_width, plot.overlap = 38, 100
    for series, s in zip(plot.series, box["series"]):
        fill = series.format.fill
        if s["pattern"]:
            fill.patterned()
            fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
            fill.fore_color.rgb, fill.back_color.rgb = rgb(box["grid"]), rgb(s["colour"])
        else:
            fill.solid()
            fill.fore_color.rgb = rgb(s["colour"])
        labels = series.data_labels
        labels.number_format = '0"\u00a0%"' if box["percent"] else "0"
        labels.number_format_is_linked = False
        labels.show_value = True
        labels.position = XL_LABEL_POSITION.CENTER
        labels.font.size = Pt(box["size"])
        labels.font.color.rgb = rgb(s["label_colour"])
    cat, val = chart.category_axis, chart.value_axis
    cat.reverse_order = True
    val.has_major_gridlines = True
    val.maximum_scale = 1.0 if box["percent"] else box["axis_max"]
    val.major_unit = box["axis_step"] / 100 if box["percent"] else box["axis_step"]


def build(plan):
    """The presentation with every slide of the plan."""
    lang = LANGUAGES.get(plan["properties"]["language"])
    prs = Presentation()
    prs.slide_width, prs.slide_height = plan["width"], plan["height"]
    layouts = {role: prs.slide_layouts.get_by_name(name) for role, name in plan["layouts"].items()}
    for s in plan["slides"]:
        slide = prs.slides.add_slide(layouts[s["layout"]])
        title = slide.shapes.title
        free = [ph for ph in slide.placeholders if ph.element is not title.element]
        t = s["title"]
        place(title, t["frame"])
        write_text(title.text_frame, t["paras"], t["size"], t["family"], t["colour"], lang, t["insets"], t["anchor"])
        for box in s["boxes"]:
            if box["type"] == "text":
                ph = next((p for p in free if p.placeholder_format.type in BODY), None) if box["role"] in ("body", "subtitle") else None
                if ph is None:
                    shape = slide.shapes.add_textbox(*(Emu(v) for v in box["frame"]))
                else:
                    free.remove(ph)
                    shape = ph
                    place(shape, box["frame"])
                shape.name = box["name"]
                write_text(shape.text_frame, box["paras"], box["size"], box["family"], box["colour"], lang,
                           box["insets"], box["anchor"])
            elif box["type"] == "table":
                add_table(slide, box, lang)
            elif box["type"] == "picture":
                add_picture(slide, box)
            else:
                add_chart(slide, box)
        for ph in free:
            ph.element.getparent().remove(ph.element)
        if s["notes"]:
            slide.notes_slide.notes_text_frame.text = s["notes"]
    cp = prs.core_properties
    p = plan["properties"]
    cp.title, cp.subject, cp.author, cp.keywords, cp.language = p["title"], p["subject"], p["author"], p["keywords"], p["language"]
    return prs


def main(argv):
    t1 = time.perf_counter()
    with open(argv[0], encoding="utf-8") as fh:
        plan = json.load(fh)
    t2 = time.perf_counter()
    prs = build(plan)
    t3 = time.perf_counter()
    prs.save(argv[1])
    t4 = time.perf_counter()
    if "--stages" in argv:
        print(json.dumps({"import": t1 - T0, "read": t2 - t1, "render": t3 - t2, "save": t4 - t3}))


if __name__ == "__main__":
    main(sys.argv[1:])
