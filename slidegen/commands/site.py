"""`slidegen site`: the decks' content as a static web site in output/site/, gathered first, then swapped in whole."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from slidegen.build import FORMATS, Report, chart_cache, load, make_pictures, plan
from slidegen.check.crossrefs import example_methods
from slidegen.check.library import Library
from slidegen.errors import ContentError, Problem, ToolError
from slidegen.models.bundle import Bundle
from slidegen.output.site import Written, write_site
from slidegen.plan.model import DeckPlan
from slidegen.project import Project
from slidegen.render.site.content import DeckFile, Picture, PictureSource, SiteContent, gather, site_survey
from slidegen.stamp import build_time
from slidegen.units import EMU_PER_INCH, Rect


@dataclass(frozen=True)
class SiteBuilt:
    """A site written (or found unchanged): its folder, how many pages and files, how many changed, how long it took."""

    folder: Path
    pages: int
    files: int
    changed: int
    seconds: float

    @property
    def index(self) -> Path:
        return self.folder / "index.html"


def web_pictures(project: Project) -> PictureSource:
    """Pictures through the decks' picture pipeline (upright, no larger than needed, sRGB, no metadata), cached alike."""
    from slidegen.build import picture_cache
    from slidegen.plan.model import PictureBox
    from slidegen.render.pictures import DPI

    cache = picture_cache(project)

    def make(path: Path, box: tuple[int, int]) -> Picture:
        frame = Rect(0, 0, round(box[0] * EMU_PER_INCH / DPI), round(box[1] * EMU_PER_INCH / DPI))
        data = cache.picture(PictureBox(frame, path, None))
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            suffix = ".png" if image.format == "PNG" else ".jpg"
        return Picture(data, suffix, width, height)

    return make


def made_pictures(content: SiteContent, source: PictureSource) -> tuple[dict[Path, Picture], list[Problem]]:
    """Every picture the site shows, made for the page; a problem at the example's `picture:` for each that cannot be."""
    from slidegen.load.pictures import PictureError
    from slidegen.render.site.html import PICTURE_BOX

    made: dict[Path, Picture] = {}
    problems: list[Problem] = []
    for ex in content.examples:
        ref = ex.model.picture
        if not ref:
            continue
        path = content.pictures[ref][0]
        if path in made:
            continue
        try:
            made[path] = source(path, PICTURE_BOX)
        except PictureError as exc:
            problems.append(ex.doc.problem(("picture",), f"`{ref}` {exc}; save it again as PNG or JPEG"))
        except OSError as exc:
            problems.append(ex.doc.problem(("picture",), f"`{ref}` cannot be read ({exc.strerror}); check that the "
                                                       "file is still there and not open elsewhere"))
    return made, problems


def slide_count(pptx: bytes) -> int:
    """How many slides a built deck has (its package's slide parts)."""
    import zipfile
    from io import BytesIO

    with zipfile.ZipFile(BytesIO(pptx)) as z:
        return sum(1 for n in z.namelist() if n.startswith("ppt/slides/slide") and n.endswith(".xml"))


SITE_MARKS = ("index.html", "stil.css")
"""Files every site slidegen writes has at its top: a folder holding them may be replaced by a new site."""


def site_folder(project: Project, out_dir: Path | None) -> Path:
    """Where the site goes: --out-dir, else output/site/; refused when replacing it would lose other files.

    The folder is replaced whole, so it must be new, empty, or a site slidegen wrote (SITE_MARKS), and
    must not hold the project's content.
    """
    folder = Path(out_dir).resolve() if out_dir else project.output / "site"
    shown = project.show(folder)
    if any(p.is_relative_to(folder) for p in (project.content.resolve(), project.themes.resolve())):
        raise ToolError(f"{shown} holds the project's content; choose a folder of its own for the site, "
                        "like output/site")
    if folder.exists() and not folder.is_dir():
        raise ToolError(f"{shown} is a file; choose a folder for the site")
    if folder.is_dir() and any(folder.iterdir()) and not all((folder / m).is_file() for m in SITE_MARKS):
        raise ToolError(f"{shown} holds other files, and the site replaces the folder whole; choose a new or "
                        "empty folder, or one slidegen wrote a site into")
    return folder


def build_site(
    project: Project,
    paths: list[Path] | None = None,
    *,
    out_dir: Path | None = None,
    drafts: bool = False,
    theme: str | None = None,
    pdf: bool | None = None,
    report: Report | None = None,
    library: Library | None = None,
    picture: PictureSource | None = None,
    pptx: Mapping[str, bytes] | None = None,
) -> SiteBuilt:
    """Build the site from the decks (every deck by default) and content/examples/; nothing is written on an error.

    The site takes its look from the first deck's theme (or `theme`). `pdf`: offer each deck as a PDF
    too (None: when LibreOffice is installed); PDFs are kept in output/.cache/pdf/ by the deck's bytes.
    `pptx`: decks already built (name → bytes, as `slidegen serve` has them), offered as they are.
    `picture`: how a picture is made for the web (by default the decks' picture pipeline, web_pictures).
    """
    from slidegen.render.site.html import render_site

    start = time.perf_counter()
    report = report or (lambda _: None)
    folder = site_folder(project, out_dir)
    library = library or Library(project)
    bundles = load(project, paths, theme=theme, library=library)
    problems: list[Problem] = []
    examples = library.examples(problems)
    survey, notes = site_survey(bundles)
    if survey is not None:
        problems.extend(example_methods(examples, survey))
    if problems:
        raise ContentError(problems)
    given = dict(pptx or {})
    plans = {p.name: p for p in plan([b for b in bundles if b.name not in given])}
    for notice in dict.fromkeys([*notes, *(n for p in plans.values() for n in p.notices)]):
        report(f"note: {notice}")
    make_pictures(project, list(plans.values()))
    dates = {b.name: build_time(b.deck.model.meeting.date) for b in bundles}
    decks = {b.name: given[b.name] if b.name in given else _deck(project, b, plans[b.name], dates[b.name])
             for b in bundles}
    pdfs = _pdfs(project, decks, dates, pdf, report)
    files = [DeckFile(b.name, b.deck.model.meeting, decks[b.name], pdfs.get(b.name)) for b in bundles]
    content = gather(bundles, files, examples, library.pictures, bundles[0].theme.model, drafts)
    made, problems = made_pictures(content, picture or web_pictures(project))
    if problems:
        raise ContentError(problems)
    cache = chart_cache(project)
    site = render_site(content, lambda spec: cache.file(spec, "svg"), lambda path, _: made[path])
    written: Written = write_site(folder, site)
    pages = sum(1 for rel in site if rel.endswith(".html"))
    return SiteBuilt(folder, pages, written.files, written.changed, time.perf_counter() - start)


def _deck(project: Project, bundle: Bundle, deck_plan: DeckPlan, when: dt.datetime) -> bytes:
    """A deck's .pptx, from output/.cache/decks/ when nothing that decides its bytes has changed."""
    from slidegen.output.decks import DeckCache, deck_key

    cache = DeckCache(project.output / ".cache" / "decks")
    key = deck_key(deck_plan, bundle.theme.model, when)
    return cache.pptx(key, lambda: FORMATS["pptx"].render(deck_plan, bundle, project))


def _pdfs(project: Project, decks: Mapping[str, bytes], dates: Mapping[str, dt.datetime], wanted: bool | None,
          report: Report) -> dict[str, bytes]:
    """Each deck's PDF: from the cache when its .pptx is unchanged, else converted in one LibreOffice run.

    A converted PDF carries the deck's build time and an ID from its bytes (the same deck, the same PDF).
    """
    from slidegen.build import convert_pdfs as convert
    from slidegen.output.files import normalise_pdf, write_atomic
    from slidegen.output.libreoffice import find_soffice

    if wanted is False or (wanted is None and find_soffice() is None):
        return {}
    folder = project.output / ".cache" / "pdf"
    keys = {name: hashlib.sha256(data).hexdigest()[:32] for name, data in decks.items()}
    out: dict[str, bytes] = {}
    for name, key in keys.items():
        cached = folder / f"{key}.pdf"
        if cached.is_file():
            out[name] = cached.read_bytes()
    todo = [(name, slide_count(data), data) for name, data in decks.items() if name not in out]
    if todo:
        for name, data in convert(todo, report).items():
            data = out[name] = normalise_pdf(data, dates[name], decks[name])
            try:
                write_atomic(folder / f"{keys[name]}.pdf", data)
            except ToolError:
                pass  # a cache that cannot be written only costs time
    return out
