"""`slidegen site`: every county, ready example, method text and seed number on the pages; links, alt texts, escaping."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import copy_project, needs_soffice
from seed import method_rows
from sitedata import HOSTILE_LINE, HOSTILE_TITLE, add_hostile, make_ready
from siteread import PageRead, read_page, read_site, target

from slidegen.build import build
from slidegen.cli import main
from slidegen.commands.site import build_site
from slidegen.errors import ContentError, ToolError, native
from slidegen.models.county import COUNTIES
from slidegen.project import Project

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, chart_cache: Path) -> tuple[Project, Path, dict[str, PageRead]]:
    """The shipped project with Skåne's and Jämtland's examples ready, a hostile Gotland one, and Västra Götaland a draft."""
    project = copy_project(tmp_path_factory.mktemp("site"), chart_cache)
    make_ready(project, "skane-1", "jamtland-1")
    add_hostile(project)
    result = build_site(project, pdf=False)
    assert result.folder == project.output / "site"
    return project, result.folder, read_site(result.folder)


def test_the_pages_there_are(built):
    _, folder, pages = built
    assert {"index.html", "exempel/index.html", "enkat/index.html", "enkat/internal.html", "enkat/external.html",
            "exempel/skane/index.html", "exempel/skane/exempel-1.html", "exempel/jamtland/exempel-1.html",
            "exempel/gotland/exempel-1.html"} <= set(pages)
    assert sum(1 for p in pages if re.fullmatch(r"enkat/metod-\d+\.html", p)) == 32
    assert not any("vastra-gotaland" in p for p in pages), "a draft gets no page without --drafts"
    assert len(pages) == 3 + 2 + 3 * 2 + 32


def test_every_county_in_official_order_and_the_drafts_never_count(built):
    _, _, pages = built
    overview = pages["exempel/index.html"]
    assert "3 av 21 län har lämnat exempel." in overview.text
    positions = [overview.text.index(f"{c.county} –") for c in COUNTIES]
    assert positions == sorted(positions), "the counties stand in the official order"
    for c in COUNTIES:
        status = overview.text.split(f"{c.county} – ", 1)[1]
        expected = "1 exempel" if c.name in ("Gotland", "Skåne", "Jämtland") else "inget ännu"
        assert status.startswith(expected), (c.name, status[:20])
    links = dict((text, href) for href, text in overview.links)
    assert links["Skåne län"] == "skane/index.html" and "Västra Götalands län" not in links
    assert "3 av 21 län har lämnat exempel." in pages["index.html"].text


def test_every_ready_example_is_on_its_page_with_methods_contact_and_picture(built):
    project, folder, pages = built
    skane = pages["exempel/skane/exempel-1.html"]
    assert skane.headings[0] == ("h1", "Exempel: Klimatråd där kommuner och företag åtar sig åtgärder")
    for line in ("Ett råd med kommuner, regionen och näringslivet träffas två gånger per år.",
                 "Varje medlem väljer åtgärder ur åtgärdsprogrammet och rapporterar hur det går."):
        assert line in skane.text
    methods = [(href, text) for href, text in skane.links if text.startswith("Metod ")]
    assert methods == [("../../enkat/metod-23.html", "Metod 23: Miljöråd eller klimatråd"),
                       ("../../enkat/metod-22.html", "Metod 22: Brett förankrat ÅP med åtaganden"),
                       ("../../enkat/metod-24.html", "Metod 24: Årlig uppföljning av andra aktörers arbete")]
    picture = [img for img in skane.images if "bilder/" in (img["src"] or "")]
    assert len(picture) == 1 and picture[0]["alt"] == (
        "Påhittad skiss: klimatrådet i mitten, med kommunerna, regionen, företagen och länsstyrelsen runt omkring.")
    jamtland = pages["exempel/jamtland/exempel-1.html"]
    assert ("mailto:namn.namnsson@example.org", "namn.namnsson@example.org") in jamtland.links
    assert "Namn Namnsson (påhittad)" in jamtland.text
    county = pages["exempel/skane/index.html"]
    assert county.headings[0] == ("h1", "Skåne län")
    assert ("exempel-1.html", "Exempel: Klimatråd där kommuner och företag åtar sig åtgärder") in county.links


def test_each_method_page_lists_the_examples_that_illustrate_it(built):
    _, _, pages = built
    assert ("../exempel/skane/exempel-1.html", "Exempel: Klimatråd där kommuner och företag åtar sig åtgärder") \
        in pages["enkat/metod-23.html"].links
    assert ("../exempel/jamtland/exempel-1.html", "Exempel: Miljömålen i verksamhetsplanens mall") \
        in pages["enkat/metod-4.html"].links
    assert "Inga exempel ännu." in pages["enkat/metod-1.html"].text


def _row(page: PageRead, number: int) -> list[tuple[str, str]]:
    rows = [r for t in page.tables for r in t if r and r[0][1].startswith(f"{number}. ")]
    assert len(rows) == 1, (page.path, number)
    return rows[0]


def test_every_method_text_and_every_seed_number_as_in_the_seed(built):
    _, _, pages = built
    for n, (text, numbers) in method_rows().items():
        method = pages[f"enkat/metod-{n}.html"]
        assert text in method.text, n
        expected = [f"{v}{NBSP}%" for v in numbers] + ["–"] * (3 - len(numbers))
        for page in (method, pages["enkat/internal.html" if n <= 20 else "enkat/external.html"]):
            row = _row(page, n)
            heading = row[0][1]
            assert row[0][0] == "th:row"
            assert heading.endswith(" *") == (0 < len(numbers) < 3), "rows with one or two numbers are marked uncertain"
            assert heading.removesuffix(" *") == f"{n}. {text}"
            assert [cell for _, cell in row[1:]] == expected, (page.path, n)


def test_missing_values_are_shown_as_missing_never_as_zero(built):
    _, _, pages = built
    zero = [n for n in range(1, 33) if f"0{NBSP}%" in [c for _, c in _row(pages[f"enkat/metod-{n}.html"], n)[1:]]]
    assert zero == [3], "the only 0 % the seed gives is method 3's Ej aktuellt"
    seven = pages["enkat/metod-7.html"]
    assert [c for _, c in _row(seven, 7)[1:]] == ["–", "–", "–"]
    assert seven.text.count("uppgift saknas") >= 3, "screen readers hear the words, not a dash"


def test_table_headers_captions_and_the_uncertain_rows_are_marked(built):
    _, _, pages = built
    group = pages["enkat/internal.html"]
    header = group.tables[0][0]
    assert header == [("th:col", "Arbetssätt / metod"), ("th:col", "Genomfört"),
                      ("th:col", "På gång (delvis genomfört el. planeras)"), ("th:col", "Ej aktuellt")]
    raw = (built[1] / "enkat/internal.html").read_text(encoding="utf-8")
    assert raw.count("<caption") == 1
    assert "osäkert vilken kolumn talen hör till" in read_page(built[1], "enkat/metod-1.html").text
    assert "osäkert vilken kolumn" not in read_page(built[1], "enkat/metod-3.html").text


def test_the_survey_charts_are_svg_with_their_numbers_in_text(built):
    _, folder, pages = built
    group = pages["enkat/internal.html"]
    charts = [img for img in group.images if (img["src"] or "").endswith(".svg")]
    assert len(charts) == 1
    alt = charts[0]["alt"] or ""
    assert alt.startswith("Stapeldiagram, andel länsstyrelser per svar.") and f"metod 8, Alla enheter med i nytt åtgärdsprogram: genomfört 57{NBSP}%" in alt
    svg = (folder / "enkat" / (charts[0]["src"] or "")).resolve().read_bytes()
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    survey = pages["enkat/index.html"]
    rows = {r[0][1]: [c for _, c in r[1:]] for r in survey.tables[0][1:]}
    # method 3 (48 / 52 / 0 %) is the only internal one whose numbers tell, method 21 (52 / 38 / 10 %) the only
    # external one; every other row lacks a number or is uncertain
    assert rows == {"Interna arbetssätt (20)": ["0", "1", "0", "19"], "Stöd till kommuner och näringsliv (12)": ["1", "0", "0", "11"]}


def test_every_internal_link_and_image_resolves_and_every_image_has_alt_text(built):
    _, folder, pages = built
    for path, page in pages.items():
        for href, text in page.links:
            assert text, (path, href)
            if href.startswith("mailto:"):
                continue
            found = target(path, href)
            assert found is not None, f"{path}: a link out of the site: {href}"
            file, fragment = found
            assert (folder / file).is_file(), f"{path}: {href} leads nowhere"
            if fragment:
                assert fragment in pages[file].ids, f"{path}: {href} has no such place"
        for img in page.images:
            assert img.get("alt"), f"{path}: an image without alt text: {img}"
            found = target(path, img["src"] or "")
            assert found is not None and (folder / found[0]).is_file(), (path, img["src"])
            assert img.get("width") and img.get("height"), (path, img)


def test_no_page_asks_for_anything_outside_the_folder(built):
    _, folder, _ = built
    for file in folder.rglob("*"):
        if file.suffix in (".html", ".css"):
            text = file.read_text(encoding="utf-8")
            assert not re.search(r"(href|src)=\"(https?:|//|/)", text), file
            assert "url(" not in text and "@import" not in text, file
            assert "<script" not in text, f"{file}: no script is needed to read anything"
        elif file.suffix == ".svg":
            assert not re.search(rb"href=\"(https?:|//)", file.read_bytes()), file


def test_every_page_is_swedish_with_one_h1_landmarks_and_a_skip_link(built):
    _, _, pages = built
    for path, page in pages.items():
        assert page.lang == "sv", path
        assert [h for h in page.headings if h[0] == "h1"] == [page.headings[0]], path
        for tag in ("header", "nav", "main", "footer"):
            assert tag in page.tags, (path, tag)
        assert page.links[0] == ("#innehall", "Hoppa till innehållet") and "innehall" in page.ids, path


def test_hostile_content_stays_text(built):
    _, folder, pages = built
    page = pages["exempel/gotland/exempel-1.html"]
    assert page.headings[0] == ("h1", HOSTILE_TITLE)
    assert HOSTILE_LINE in page.text and "Ett & två < tre" in page.text
    raw = (folder / "exempel/gotland/exempel-1.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in raw
    assert "script" not in page.tags and all((img["src"] or "") != "x" for img in page.images)
    assert not any(href.startswith("javascript:") for href, _ in page.links)
    assert [a for a in page.links if a[0].startswith("mailto:")] == [("mailto:a.b@example.org", "a.b@example.org")]
    for other in ("exempel/index.html", "exempel/gotland/index.html", "enkat/metod-5.html", "index.html"):
        assert "<script>" not in (folder / other).read_text(encoding="utf-8"), other


def test_drafts_are_shown_marked_only_with_drafts_and_never_count(built, tmp_path: Path):
    project, _, _ = built
    result = build_site(project, out_dir=tmp_path / "utkast", drafts=True, pdf=False)
    pages = read_site(result.folder)
    draft = pages["exempel/vastra-gotaland/exempel-1.html"]
    assert draft.headings[0] == ("h1", "Exempel: Checklista för miljöbedömning av medelsansökningar (utkast)")
    overview = pages["exempel/index.html"].text
    assert "3 av 21 län har lämnat exempel." in overview
    assert overview.split("Västra Götalands län – ", 1)[1].startswith("utkast")


def test_the_decks_are_offered_as_built(built, tmp_path: Path):
    project, folder, pages = built
    start = pages["index.html"]
    decks = {b.name: b.path for b in build(project, out_dir=tmp_path / "decks")}
    for name, path in decks.items():
        assert (folder / "moten" / f"{name}.pptx").read_bytes() == path.read_bytes()
        assert any(href == f"moten/{name}.pptx" for href, _ in start.links)
    assert "Uppdrag 51 – hur går det?" in start.text and "28 oktober 2016, kl. 13.00–14.15" in start.text
    assert "a) integrerar arbetet med att nå generationsmålet" not in start.text  # the letters are the list's own
    assert "integrerar arbetet med att nå generationsmålet och miljökvalitetsmålen" in start.text
    assert "Länsstyrelserna ska i årsredovisningarna för 2015 och 2016 redovisa hur de" in start.text


def test_the_look_comes_from_the_theme(built, tmp_path: Path):
    project, folder, _ = built
    css = (folder / "stil.css").read_text(encoding="utf-8")
    assert "--title: #0B3B5B;" in css and "--accent: #1A6A8A;" in css
    assert 'font-family: "Calibri", "Carlito", sans-serif;' in css
    assert "@media print {" in css and ":focus-visible { outline: 3px solid var(--accent);" in css
    kontrast = build_site(project, out_dir=tmp_path / "kontrast", theme="kontrast", pdf=False)
    css = (kontrast.folder / "stil.css").read_text(encoding="utf-8")
    assert "--text: #000000;" in css and 'font-family: "Arial", "Liberation Sans", sans-serif;' in css


def test_the_same_content_gives_the_same_bytes_and_an_unchanged_rebuild_writes_nothing(built, tmp_path: Path):
    project, folder, _ = built
    again = build_site(project, out_dir=tmp_path / "again", pdf=False)
    ours = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    theirs = {p.relative_to(again.folder).as_posix(): p.read_bytes() for p in again.folder.rglob("*") if p.is_file()}
    assert ours == theirs
    before = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in folder.rglob("*")}
    result = build_site(project, pdf=False)
    assert result.changed == 0 and result.files == len(ours)
    assert {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in folder.rglob("*")} == before


def test_a_content_error_leaves_the_previous_site_as_it_was(project: Project):
    folder = build_site(project, pdf=False).folder
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    bad = project.content / "examples" / "skane-1.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("methods: [23, 22, 24]", "methods: [23, 99]"),
                   encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_site(project, pdf=False)
    assert [str(p) for p in err.value.sorted()] == [
        "content/examples/skane-1.yaml:10:15: methods[1]: there is no method 99 in content/survey-2015.yaml (it has 1–32)"]
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_the_command_line(project: Project):
    runner = CliRunner()
    done = runner.invoke(main, ["--root", str(project.root), "site", "--no-pdf", "-q"])
    assert done.exit_code == 0, done.output
    index = re.escape(native("output/site/index.html"))
    assert re.fullmatch(index + r"  \(37 pages, \d+ files, \d+ new or changed\)\n", done.stdout)
    again = runner.invoke(main, ["--root", str(project.root), "site", "--no-pdf", "-q"])
    assert again.stdout.endswith(" files, unchanged)\n")
    deck = project.content / "decks" / "nobel-2016.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("kind: examples\n", "kind: exampels\n"), encoding="utf-8")
    failed = runner.invoke(main, ["--root", str(project.root), "site", "--no-pdf"])
    assert failed.exit_code == 1 and "content/decks/nobel-2016.yaml:" in failed.stderr
    assert "Traceback" not in failed.output


@needs_soffice
def test_with_libreoffice_each_deck_is_offered_as_a_pdf_the_same_bytes_every_time(built, tmp_path: Path):
    import pypdfium2

    project, _, _ = built
    first = build_site(project, out_dir=tmp_path / "pdf1", pdf=True)
    shutil.rmtree(project.output / ".cache" / "pdf")
    second = build_site(project, out_dir=tmp_path / "pdf2", pdf=True)
    for name, slides in (("skype-2016-10-28", 15), ("nobel-2016", None)):
        data = (first.folder / "moten" / f"{name}.pdf").read_bytes()
        assert data == (second.folder / "moten" / f"{name}.pdf").read_bytes(), "converted again, the same bytes"
        if slides:
            assert len(pypdfium2.PdfDocument(data)) == slides
    links = read_page(first.folder, "index.html").links
    assert ("moten/skype-2016-10-28.pdf", "Bildspelet Uppdrag 51 – hur går det? som PDF (N kB)") in [
        (href, re.sub(r"\(\d+\xa0kB\)", "(N kB)", text)) for href, text in links]


def test_a_phone_photo_is_published_upright_small_and_without_its_location(project: Project):
    import io

    from PIL import Image
    from photos import BLUE, RED, colour_at, jpeg_photo, metadata_in, near

    (project.content / "bilder" / "telefon.jpg").write_bytes(jpeg_photo(4032, 3024, orientation=6))
    example = project.content / "examples" / "skane-1.yaml"
    example.write_text(example.read_text(encoding="utf-8").replace("bilder/exempelbild.png", "bilder/telefon.jpg")
                       .replace("status: utkast", "status: klar"), encoding="utf-8")
    folder = build_site(project, pdf=False).folder
    page = read_page(folder, "exempel/skane/exempel-1.html")
    (img,) = [i for i in page.images if "bilder/" in (i["src"] or "")]
    assert (img["src"] or "").endswith(".jpg")
    data = (folder / "exempel" / "skane" / (img["src"] or "")).resolve().read_bytes()
    assert metadata_in(data) == [], "no EXIF (GPS, camera), XMP or other metadata"
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.size == (1280, 960) == (int(img["width"] or 0), int(img["height"] or 0))
        assert near(colour_at(picture, 0.03, 0.03), RED) and near(colour_at(picture, 0.97, 0.03), BLUE), "upright"
    assert len(data) < 400_000


def test_a_folder_that_holds_other_things_is_never_replaced(project: Project, tmp_path: Path):
    mine = tmp_path / "mina-filer"
    mine.mkdir()
    (mine / "viktigt.txt").write_text("behåll mig", encoding="utf-8")
    for folder, message in ((mine, "holds other files, and the site replaces the folder whole"),
                            (project.root, "holds the project's content"),
                            (project.content / "examples", None)):
        if message is None:  # inside content/: it holds no content of its own, but other files
            message = "holds other files"
        with pytest.raises(ToolError, match=message):
            build_site(project, out_dir=folder, pdf=False)
    assert (mine / "viktigt.txt").read_text(encoding="utf-8") == "behåll mig"
    assert (project.content / "decks" / "nobel-2016.yaml").is_file()
    empty = tmp_path / "tom"
    empty.mkdir()
    assert build_site(project, out_dir=empty, pdf=False).folder == empty.resolve()
    assert build_site(project, out_dir=empty, pdf=False).changed == 0, "a site it wrote may be replaced"
