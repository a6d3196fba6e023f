"""The SVG slides of the shipped decks and the deck of the general kinds (tests/data/kinds) in every theme:
valid SVG 1.1, every text of the slide, alt texts, crops and colours."""

from __future__ import annotations

import base64
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, copy_project
from kinds import kinds_project
from realtemplates import SHARED, make_theme, real_templates
from lxml import etree
from pptx import Presentation

from slidegen.build import build
from slidegen.load.template import inspect
from slidegen.render.svg.markup import esc, num
from slidegen.render.svg.text import font_list
from slidegen.units import to_pt

THEMES = sorted(p.parent.name for p in (ROOT / "themes").glob("*/theme.yaml"))
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
DTD = Path("/usr/share/xml/w3c-sgml-lib/schema/dtd/REC-SVG11-20110816/svg11.dtd")
"""The W3C's SVG 1.1 DTD, from Debian's w3c-sgml-lib (.ci/run installs it)."""
_WORD = re.compile(r"\S+")


@pytest.fixture(scope="module")
def built(tmp_path_factory, chart_cache) -> dict[str, tuple[Path, Path]]:
    """theme/deck → (the .pptx, the folder of its SVG slides), built from one plan."""
    projects = [copy_project(tmp_path_factory.mktemp("svg"), chart_cache),
                kinds_project(tmp_path_factory.mktemp("kinds"), chart_cache)]
    out = {}
    for project in projects:
        for theme in THEMES:
            for b in build(project, out_dir=project.output / theme, theme=theme, output=["pptx", "svg"]):
                out[f"{theme}/{b.name}"] = (b.path, b.output("svg"))
    return out


def slides(folder: Path) -> list[etree._ElementTree]:
    return [etree.parse(str(f), etree.XMLParser(no_network=True, huge_tree=True)) for f in sorted(folder.glob("*.svg"))]


def shown_words(svg: etree._ElementTree) -> Counter[str]:
    """The words of every text the SVG shows, bullets and automatic numbers left out (a word broken after its
    hyphen at the end of a line counted whole)."""
    words: Counter[str] = Counter()
    for text in svg.iter(f"{SVG}text"):
        joined = ""
        for line in text:
            if line.get("class") != "marker":
                last = joined.rsplit(" ", 1)[-1]
                broken = len(last) > 1 and last.endswith(("-", "‐", "–"))
                joined += ("" if broken else " ") + "".join(line.itertext())
        words.update(_WORD.findall(joined))
    return words


def deck_words(slide) -> Counter[str]:
    """The words of every text box and table cell of a .pptx slide."""
    words: Counter[str] = Counter()
    for shape in slide.shapes:
        if shape.has_text_frame:
            words.update(_WORD.findall(shape.text_frame.text))
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    words.update(_WORD.findall(cell.text))
    return words


def test_every_theme_and_deck_has_one_svg_per_slide(built):
    assert len(built) == 3 * len(THEMES)
    for key, (pptx, folder) in built.items():
        names = sorted(f.name for f in folder.glob("*.svg"))
        assert names == [f"slide-{n:02d}.svg" for n in range(1, len(Presentation(str(pptx)).slides) + 1)], key


@pytest.mark.skipif(not DTD.is_file(), reason="the SVG 1.1 DTD is not installed (Debian: w3c-sgml-lib; .ci/run installs it)")
def test_every_svg_is_valid_svg_1_1(built):
    dtd = etree.DTD(str(DTD))
    for key, (_, folder) in built.items():
        for n, svg in enumerate(slides(folder), start=1):
            assert dtd.validate(svg), f"{key} slide {n}: {dtd.error_log.filter_from_errors()[:3]}"


def test_every_svg_is_a_standalone_svg_document(built):
    """What the DTD says, at the XML level (runs where the DTD is not installed too)."""
    for key, (_, folder) in built.items():
        for f in sorted(folder.glob("*.svg")):
            head = f.read_bytes()[:200].decode()
            assert head.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"')
            root = etree.parse(str(f)).getroot()
            assert root.tag == f"{SVG}svg" and root.get("version") == "1.1", f
            assert root.get("viewBox") == "0 0 960 540" and (root.get("width"), root.get("height")) == ("1280", "720")
            assert root[0].tag == f"{SVG}title" and root[0].text, f
            for image in root.iter(f"{SVG}image"):
                assert image.get(XLINK_HREF).startswith(("data:image/png;base64,", "data:image/jpeg;base64,")), f


def test_every_svg_shows_every_text_of_its_slide(built):
    for key, (pptx, folder) in built.items():
        for n, (slide, svg) in enumerate(zip(Presentation(str(pptx)).slides, slides(folder)), start=1):
            assert shown_words(svg) == deck_words(slide), f"{key} slide {n}"


def test_titles_alt_texts_and_language(built):
    pptx, folder = built["default/skype-2016-10-28"]
    svgs = slides(folder)
    prs = Presentation(str(pptx))
    assert [s.getroot()[0].text for s in svgs] == [s.shapes.title.text_frame.text for s in prs.slides]
    assert all(s.getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == "sv-SE" for s in svgs)
    descriptions = [d.text for s in svgs for d in s.iter(f"{SVG}desc")]
    tables = [d for d in descriptions if d.startswith("Tabell: metod ")]
    assert len(tables) == 4 and tables[0].startswith("Tabell: metod 1–20 med andel länsstyrelser per svar (Genomfört")
    charts = [d for d in descriptions if d.startswith("Stapeldiagram, ")]
    assert len(charts) == 4 and charts[1].startswith("Stapeldiagram, andel länsstyrelser per svar. metod 1, ")
    nobel = slides(built["mall/nobel-2016"][1])
    logos = [i for s in nobel for i in s.iter(f"{SVG}image") if i.find(f"{SVG}desc") is not None
             and i.find(f"{SVG}desc").text == "Logotyp: Länsstyrelsen i Exempellän"]
    assert len(logos) == len(nobel), "the theme's logo on every slide, with its alt text"


def test_fonts_colours_and_background_are_the_themes(built):
    svg = slides(built["default/skype-2016-10-28"][1])[1].getroot()  # the agenda
    texts = list(svg.iter(f"{SVG}text"))
    assert texts[0].get("font-family") == "Calibri, Carlito, sans-serif" and texts[0].get("fill") == "#0B3B5B"
    assert svg.find(f"{SVG}rect").get("fill") == "#FFFFFF"
    markers = [t for t in svg.iter(f"{SVG}tspan") if t.get("class") == "marker"]
    assert [m.text for m in markers] == ["1.", "2.", "3.", "4.", "5."] and {m.get("fill") for m in markers} == {"#1A6A8A"}
    mall = slides(built["mall/skype-2016-10-28"][1])[0].getroot()
    assert mall.find(f"{SVG}rect").get("fill") == "#F6F5F1", "the template's background"
    assert next(mall.iter(f"{SVG}text")).get("font-family") == "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif"
    table = slides(built["kontrast/skype-2016-10-28"][1])[10].getroot()
    fills = Counter(r.get("fill") for r in table.iter(f"{SVG}rect"))
    assert fills["#000000"] == 4 and fills["#E6E6E6"] > 0, "the header row's cells and the alternate rows"


def test_text_is_escaped_and_fonts_listed_with_their_stand_ins():
    assert esc('A & B <c> "d"\x0b') == "A &amp; B &lt;c&gt; &quot;d&quot;"
    assert font_list("Arial") == "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif"
    assert font_list("Georgia") == "Georgia, sans-serif"


def test_pictures_are_the_pipelines_with_their_alt_texts(built):
    """The SVG embeds the very picture the .pptx does: made upright, cut and scaled by the picture pipeline."""
    pptx, folder = built["default/uppfoljning-2017"]
    prs = Presentation(str(pptx))
    svgs = slides(folder)
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    for title, mime in (("Så sprids de goda exemplen", "image/png"), ("Trädet som symbol", "image/jpeg"),
                        ("Bakgrundsbild", "image/png")):
        n = titles.index(title)
        (image,) = [i for i in svgs[n].getroot().iter(f"{SVG}image")]
        head, data = image.get(XLINK_HREF).split(",", 1)
        assert head == f"data:{mime};base64"
        (shape,) = [sh for sh in prs.slides[n].shapes if sh.shape_type == 13]
        assert base64.b64decode(data) == shape.image.blob, title
    flow = svgs[titles.index("Så sprids de goda exemplen")].getroot()
    assert next(flow.iter(f"{SVG}image")).find(f"{SVG}desc").text == \
        "Flödesschema i fyra steg, från länens exempel till en gemensam webbsida"
    background = svgs[titles.index("Bakgrundsbild")].getroot()
    assert all(i.find(f"{SVG}desc") is None for i in background.iter(f"{SVG}image")), "a decorative picture has none"


def _rects(svg: etree._ElementTree) -> set[tuple[str, str, str, str, str | None]]:
    return {(r.get("x"), r.get("y"), r.get("width"), r.get("height"), r.get("fill")) for r in svg.iter(f"{SVG}rect")}


def _expected(rect, fill: str) -> tuple[str, str, str, str, str]:
    return (num(to_pt(rect.x)), num(to_pt(rect.y)), num(to_pt(rect.w)), num(to_pt(rect.h)), fill)


def test_on_a_template_every_slide_shows_its_layouts_background_and_decoration(built):
    pptx, folder = built["mall/skype-2016-10-28"]
    info = inspect(ROOT / "themes" / "mall" / "template.pptx")
    layouts = [s.slide_layout.name for s in Presentation(str(pptx)).slides]
    drawn = slides(folder)
    assert len(drawn) == len(layouts)
    for n, (svg, name) in enumerate(zip(drawn, layouts), start=1):
        layout = info.layout(name)
        plain = [layer for layer in layout.layers if layer.paint is not None and len(layer.paint.colours) == 1]
        assert len(plain) >= 2, name  # mall's green band at the top and the rule at the bottom, the title slide's own
        for layer in plain:
            assert _expected(layer.rect, layer.paint.colours[0]) in _rects(svg), (n, layer.name)


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"no {SHARED} (the shared templates) beside the checkout")
def test_a_templates_pictures_and_title_band_are_drawn_under_the_text(tmp_path, chart_cache):
    project = copy_project(tmp_path / "p", chart_cache)
    chosen = {t.name: t for t in real_templates()}
    for name in ("sv-bug60715", "nyu-shanghai"):
        make_theme(project.themes, chosen[name])
    deck = project.content / "decks" / "skype-2016-10-28.yaml"
    (sv,) = build(project, [deck], theme="sv-bug60715", out_dir=tmp_path / "sv", output="svg")
    agenda = slides(sv.output("svg"))[1]
    pictures = [i for i in agenda.iter(f"{SVG}image") if i.get(XLINK_HREF).startswith("data:image/png;base64,")]
    info = inspect(chosen["sv-bug60715"].file)
    logo = next(lay for lay in info.layout("Rubrik och innehåll").layers if lay.name == "Picture 3")
    at = [(i.get("x"), i.get("y"), i.get("width"), i.get("height")) for i in pictures]
    assert _expected(logo.paint.pixels.rect, "")[:4] in at, "the logo, drawn from the colours read for contrast"
    (nyu,) = build(project, [deck], theme="nyu-shanghai", out_dir=tmp_path / "nyu", output="svg")
    svg = slides(nyu.output("svg"))[1]
    band = next(ph for ph in inspect(chosen["nyu-shanghai"].file).layout("Title and Content").placeholders
                if ph.type == "title")
    assert _expected(band.rect, band.fill.colours[0]) in _rects(svg), "the title's band, under the white title"
    title = next(svg.iter(f"{SVG}text"))
    assert title.get("fill") == "#FFFFFF"
