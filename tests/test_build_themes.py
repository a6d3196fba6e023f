"""Every shipped deck in every shipped theme: the theme's colours, fonts, footer, logo and template in the XML."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, copy_project
from deckread import read_deck
from edits import with_native_chart
from openxml_audit import FileFormat, OpenXmlValidator
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from slidegen.build import build
from slidegen.check.library import Library
from slidegen.commands.audit import audit
from slidegen.models.deck import Deck
from slidegen.models.theme import Theme
from slidegen.plan.model import DEFAULT_LAYOUTS
from slidegen.project import Project
from slidegen.render.pptx.shapes import is_decorative

THEMES = sorted(p.parent.name for p in (ROOT / "themes").glob("*/theme.yaml"))
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def test_three_themes_ship_and_one_is_built_on_a_template():
    assert {"default", "kontrast", "mall"} <= set(THEMES)
    project = Project.at(ROOT)
    templates = [t for t in THEMES if Library(project).theme(project.themes / t / "theme.yaml").model.template]
    assert templates == ["mall"]


@pytest.fixture(scope="module", params=THEMES)
def themed(request, tmp_path_factory, chart_cache) -> tuple[Theme, Project, list[Path]]:
    """Every shipped deck built once in one theme: (theme, project, deck files)."""
    project = copy_project(tmp_path_factory.mktemp(f"theme-{request.param}"), chart_cache)
    with_native_chart(project)
    built = build(project, theme=request.param)
    assert len(built) == len(project.decks())
    theme = Library(project).theme(project.themes / request.param / "theme.yaml").model
    return theme, project, [b.path for b in built]


def _hex(colour: str) -> str:
    return colour[1:].upper()


def _fill(rpr) -> str | None:
    clr = rpr.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}") if rpr is not None else None
    return clr.get("val") if clr is not None else None


def _typeface(rpr) -> str | None:
    latin = rpr.find(qn("a:latin")) if rpr is not None else None
    return latin.get("typeface") if latin is not None else None


def test_titles_carry_the_theme_colour_and_title_font(themed):
    theme, _, paths = themed
    for path in paths:
        for slide in Presentation(str(path)).slides:
            runs = slide.shapes.title._element.iter(qn("a:rPr"))
            for rpr in runs:
                assert _fill(rpr) == _hex(theme.colours.title)
                assert _typeface(rpr) == theme.fonts.title


def test_body_text_is_in_the_body_font_and_text_colour(themed):
    theme, _, paths = themed
    seen = 0
    for path in paths:
        for slide in Presentation(str(path)).slides:
            for shape in slide.shapes:
                if shape.name != "Text":
                    continue
                for rpr in shape._element.iter(qn("a:rPr")):
                    assert _typeface(rpr) == theme.fonts.body
                    assert _fill(rpr) in {_hex(c) for c in (theme.colours.text, theme.colours.accent, theme.colours.muted)}
                    seen += 1
    assert seen > 20


def test_table_headers_are_filled_with_the_theme_colour(themed):
    theme, _, paths = themed
    headers = []
    for path in paths:
        for slide in Presentation(str(path)).slides:
            for shape in slide.shapes:
                if shape.has_table:
                    cell = shape.table.cell(0, 0)
                    headers.append(str(cell.fill.fore_color.rgb))
                    text = cell._tc.find(f".//{qn('a:rPr')}")
                    assert _fill(text) == _hex(theme.colours.table_header_text)
    assert headers and set(headers) == {_hex(theme.colours.table_header)}


def test_native_chart_series_carry_the_theme_chart_colours(themed):
    theme, _, paths = themed
    charts = [s.chart for p in paths for slide in Presentation(str(p)).slides for s in slide.shapes if s.has_chart]
    assert charts
    c = theme.colours.chart
    for chart in charts:
        series = list(chart.plots[0].series)
        fills = [str(s.format.fill.fore_color.rgb) for s in series[:3]]
        assert fills == [_hex(c.done), _hex(c.ongoing), _hex(c.not_relevant)]
        assert str(series[3].format.fill.back_color.rgb) == _hex(c.missing)  # hatched: the colour is the back
        for s in series:  # the separator between neighbouring segments
            assert str(s.format.line.color.rgb) == _hex(theme.colours.background)


def test_chart_pictures_are_drawn_in_the_theme_chart_colours(themed):
    theme, _, paths = themed
    pictures = [s for p in paths for slide in Presentation(str(p)).slides for s in slide.shapes
                if s.shape_type == 13 and "chart" in s.name.lower()]
    assert pictures
    wanted = {tuple(int(h[i:i + 2], 16) for i in (1, 3, 5)) for h in (theme.colours.chart.done, theme.colours.chart.ongoing)}
    for picture in pictures:
        image = Image.open(io.BytesIO(picture.image.blob)).convert("RGB")
        colours = {rgb for _, rgb in image.getcolors(maxcolors=1 << 20)}
        assert wanted <= colours, picture.name
        assert image.getpixel((2, 2)) == tuple(int(theme.colours.background[i:i + 2], 16) for i in (1, 3, 5))


def _title_layout(theme: Theme) -> str:
    return theme.template.layouts.title if theme.template else DEFAULT_LAYOUTS["title"]


def test_footer_shows_what_the_theme_asks_for_and_nothing_else(themed):
    theme, project, paths = themed
    f = theme.footer
    for path in paths:
        date = Library(project).load(project.content / "decks" / f"{path.stem}.yaml", Deck).model.meeting.date
        prs = Presentation(str(path))
        for number, (slide, text) in enumerate(zip(prs.slides, read_deck(path)), start=1):
            expected = {}
            if slide.slide_layout.name != _title_layout(theme) or f.title_slides:
                if f.text:
                    expected["Footer"] = f.text
                if f.date and date is not None:  # a meeting whose date is not yet set shows none
                    expected["Date"] = date.isoformat()
                if f.slide_number:
                    expected["Slide number"] = str(number)
            assert text.footer == expected, number
            fields = [fld for fld in slide._element.iter(qn("a:fld"))]
            assert [(fld.get("type"), fld.findtext(qn("a:t"))) for fld in fields] == (
                [("slidenum", str(number))] if "Slide number" in expected else []
            )


def test_logo_is_on_every_slide_with_its_alt_text(themed):
    theme, _, paths = themed
    for path in paths:
        logos = [s.logo for s in read_deck(path)]
        if theme.logo is None:
            assert logos == [None] * len(logos)
        else:
            assert logos == [theme.logo.description] * len(logos)
            assert theme.logo.description.startswith("Logotyp: ")


def test_accessibility_audit_passes(themed):
    _, _, paths = themed
    for path in paths:
        assert audit(path) == [], path.name


def test_openxml_audit_finds_nothing(themed):
    _, _, paths = themed
    validator = OpenXmlValidator(file_format=FileFormat.OFFICE_2016)
    for path in paths:
        result = validator.validate(path)
        assert result.is_valid and not result.errors, [str(e) for e in result.errors[:5]]


def _dangling(path: Path) -> list[tuple[str, str]]:
    """Relationships whose target part is not in the package."""
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    out = []
    for name in names:
        if not name.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(name))
        for target, mode in re.findall(r'Target="([^"]+)"(?: TargetMode="(\w+)")?', z.read(name).decode()):
            if mode == "External":
                continue
            part = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            if part not in names:
                out.append((name, target))
    return out


def test_no_relationship_points_at_a_missing_part(themed):
    _, _, paths = themed
    for path in paths:
        assert _dangling(path) == []


def test_template_theme_builds_on_the_template(themed):
    theme, project, paths = themed
    if theme.template is None:
        pytest.skip(f"{theme.name} has no template")
    template = Presentation(str(project.themes / theme.name / theme.template.file))
    template_layouts = {lay.name for lay in template.slide_layouts}
    example_ids = {s.slide_id for s in template.slides}
    assert example_ids  # the template has example slides, so leaving them out is tested
    for path in paths:
        prs = Presentation(str(path))
        used = {slide.slide_layout.name for slide in prs.slides}
        names = theme.template.layouts.names(template=True)
        assert used == {names[role] for role in ("title", "content", "title_only")}  # what the shipped decks use
        assert used <= template_layouts
        # the template's master is kept: its background colour, its band and rule, its own theme part
        master = prs.slide_master._element
        bg = master.find(f"{qn('p:cSld')}/{qn('p:bg')}//{qn('a:srgbClr')}")
        assert bg.get("val") == _hex(theme.colours.background)
        assert {s.name for s in prs.slide_master.shapes} >= {"Band", "Rule"}
        z = zipfile.ZipFile(path)
        theme_xml = z.read("ppt/theme/theme1.xml").decode()
        assert 'name="Exempellänet"' in theme_xml and f'typeface="{theme.fonts.title}"' in theme_xml
        # its example slides are gone, with their notes and without a trace in lists or sections
        texts = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        assert "Exempelbild" not in texts and "Talaranteckning i mallen" not in texts
        presentation = z.read("ppt/presentation.xml").decode()
        assert "sectionLst" not in presentation and "custShowLst" not in presentation
        assert len(prs.slides) == len(read_deck(path))
        assert not any(n.startswith("docProps/thumbnail") for n in z.namelist())


def test_own_master_carries_the_theme_colours_and_fonts(themed):
    theme, _, paths = themed
    if theme.template is not None:
        pytest.skip(f"{theme.name} keeps its template's theme part")
    z = zipfile.ZipFile(paths[0])
    xml = z.read("ppt/theme/theme1.xml").decode()
    assert f'<a:dk1><a:srgbClr val="{_hex(theme.colours.text)}"/></a:dk1>' in xml
    assert f'<a:lt1><a:srgbClr val="{_hex(theme.colours.background)}"/></a:lt1>' in xml
    assert f'<a:latin typeface="{theme.fonts.title}"/>' in xml
    prs = Presentation(str(paths[0]))
    assert {slide.slide_layout.name for slide in prs.slides} <= set(DEFAULT_LAYOUTS.values())
    master_bg = prs.slide_master._element.find(f"{qn('p:cSld')}/{qn('p:bg')}//{qn('a:srgbClr')}")
    assert master_bg.get("val") == _hex(theme.colours.background)


def test_decorative_logo_has_no_alt_text_and_is_marked(project: Project, tmp_path: Path):
    theme = project.themes / "mall" / "theme.yaml"
    text = theme.read_text(encoding="utf-8")
    theme.write_text(text.replace("  alt: Länsstyrelsen i Exempellän\n", "  decorative: true\n"), encoding="utf-8")
    (built,) = build(project, [project.content / "decks" / "skype-2016-10-28.yaml"], theme="mall", out_dir=tmp_path)
    prs = Presentation(str(built.path))
    logos = [s for slide in prs.slides for s in slide.shapes if s.name == "Logo"]
    assert len(logos) == len(prs.slides)
    for logo in logos:
        assert is_decorative(logo)
        assert logo._element.find(f".//{qn('p:cNvPr')}").get("descr") is None
    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2016).validate(built.path)
    assert not result.errors, [str(e) for e in result.errors[:5]]
    assert audit(built.path) == []
