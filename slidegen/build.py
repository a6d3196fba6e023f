"""The stages in order — load, validate, plan, render, write — the one place that shows the whole flow."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence, Union

from slidegen.check.library import Library
from slidegen.errors import ContentError, Location, Problem, ToolError, native
from slidegen.models.bundle import Bundle
from slidegen.plan.model import DeckPlan, SlidePlan
from slidegen.stamp import build_time

if TYPE_CHECKING:
    from slidegen.output.charts import ChartCache
    from slidegen.output.pictures import PictureCache
from slidegen.project import Project, deck_paths

Report = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@dataclass(frozen=True)
class Built:
    """One deck written: where, how many slides, how long it took, and what it was built from."""

    name: str
    path: Path
    slides: int
    seconds: float
    title: str = ""
    """The deck's title (its document title)."""
    titles: tuple[str, ...] = ()
    """The title of every slide, in order."""
    files: frozenset[Path] = frozenset()
    """Every file the deck was built from: the deck file, its theme and the content files it refers to."""
    folders: frozenset[Path] = frozenset()
    """Folders the deck was built from whole (a file added to one changes the deck)."""
    language: str = "sv-SE"
    """The deck's language."""
    outputs: tuple[tuple[str, Path], ...] = ()
    """What was written in each output format asked for (`path` is the first's): (format, file or folder)."""

    def output(self, fmt: str) -> Path | None:
        """Where the deck's output in a format went, if it was built in that format."""
        return dict(self.outputs).get(fmt)


def slide_title(slide: SlidePlan) -> str:
    """A slide's title as one line of plain text."""
    return " ".join(p.text.replace("\n", " ") for p in slide.title.paras).strip()


def chart_cache(project: Project) -> ChartCache:
    """The chart pictures kept between builds, under output/.cache/charts/."""
    from slidegen.output.charts import ChartCache

    return ChartCache(project.output / ".cache" / "charts")


def picture_cache(project: Project) -> PictureCache:
    """The pictures made for their frames, kept between builds under output/.cache/pictures/."""
    from slidegen.output.pictures import PictureCache

    return PictureCache(project.output / ".cache" / "pictures", project.root)


def make_pictures(project: Project, plans: list[DeckPlan]) -> None:
    """Make every picture of the planned decks for its frame (or find it in the cache): the picture pipeline,
    between planning and rendering; a picture that cannot be decoded is a located problem, raised with the others."""
    problems = picture_cache(project).check(plans)
    if problems:
        raise ContentError(problems)


Rendered = Union[bytes, Mapping[str, bytes]]
"""What a renderer gives for a deck: the bytes of its one file, or the files of its folder by their names."""


@dataclass(frozen=True)
class Format:
    """An output format: the suffix of its files, the renderer that turns a planned deck into them, and where they go.

    A renderer gives the bytes of one file, `<name><suffix>` (pptx), or the files of a folder of the
    deck's own, `<name>/`, by their names (svg: slide-01.svg …), in the folder `place` of the output
    folder ('' for the output folder itself).
    """

    suffix: str
    render: Callable[[DeckPlan, Bundle, Project], Rendered]
    place: str = ""

    def target(self, out_dir: Path, name: str, rendered: Rendered) -> Path:
        """Where a rendered deck goes: its file, or its folder."""
        folder = out_dir / self.place if self.place else out_dir
        return folder / name if isinstance(rendered, Mapping) else folder / f"{name}{self.suffix}"


def _pptx(deck_plan: DeckPlan, bundle: Bundle, project: Project) -> bytes:
    """A PowerPoint package, zipped reproducibly (the same content gives the same bytes)."""
    from slidegen.output.files import normalise_zip
    from slidegen.render.pptx.deck import render_deck

    data = render_deck(deck_plan, bundle.theme.model, chart_cache(project).png, picture_cache(project).picture)
    return normalise_zip(data, build_time(bundle.deck.model.meeting.date))


def _svg(deck_plan: DeckPlan, bundle: Bundle, project: Project) -> dict[str, bytes]:
    """A picture of every slide drawn from the plan (no LibreOffice): the instant preview."""
    from slidegen.render.svg.deck import render_deck

    return render_deck(deck_plan, bundle.theme.model, chart_cache(project).png, picture_cache(project).picture)


FORMATS: dict[str, Format] = {
    "pptx": Format(".pptx", _pptx),
    "svg": Format(".svg", _svg, place="preview"),
}
"""The renderer of each output format, by its name."""


def load(project: Project, paths: list[Path] | None = None, *, theme: str | None = None,
         library: Library | None = None) -> list[Bundle]:
    """Load and validate the decks (every deck in content/decks/ when none are given)."""
    library = library or Library(project)
    files = deck_paths(project, list(paths or []))
    if not files:
        raise ContentError([Problem(Location(project.show(project.content / "decks")), "there are no deck files (*.yaml) here")])
    bundles = library.bundles(files, theme)
    seen: dict[str, Path] = {}
    problems = []
    for b in bundles:
        if b.name in seen:
            problems.append(Problem(Location(project.show(b.path)), f"two decks are named {b.name!r} (also {project.show(seen[b.name])}); rename one"))
        seen[b.name] = b.path
    if problems:
        raise ContentError(problems)
    return bundles


def plan(bundles: list[Bundle]) -> list[DeckPlan]:
    """Plan every deck; the problems of all decks are raised together."""
    from slidegen.plan.deck import plan_deck

    plans, problems = [], []
    for bundle in bundles:
        try:
            plans.append(plan_deck(bundle))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return plans


def build(
    project: Project,
    paths: list[Path] | None = None,
    *,
    out_dir: Path | None = None,
    theme: str | None = None,
    report: Report = _quiet,
    library: Library | None = None,
    pdf: bool = False,
    output: str | Sequence[str] = "pptx",
) -> list[Built]:
    """Build decks into out_dir (output/ by default). Nothing is written unless every deck succeeds.

    `output` names the format (or formats, each deck planned once and rendered in each) in FORMATS.
    With `pdf`, each deck is also converted to <name>.pdf through LibreOffice (one run for all),
    before anything is written: a failed conversion leaves output/ as it was.
    """
    from slidegen.output.files import FileLocked, write_atomic, write_folder

    formats = [(name, FORMATS[name]) for name in ([output] if isinstance(output, str) else output)]
    start = time.perf_counter()
    bundles = load(project, paths, theme=theme, library=library)
    plans = plan(bundles)
    for notice in dict.fromkeys(n for p in plans for n in p.notices):
        report(f"note: {notice}")
    make_pictures(project, plans)
    rendered = []
    for bundle, deck_plan in zip(bundles, plans):
        t0 = time.perf_counter()
        report(f"rendering {deck_plan.name} ({len(deck_plan.slides)} slides) …")
        data = {name: fmt.render(deck_plan, bundle, project) for name, fmt in formats}
        rendered.append((bundle, deck_plan, data, time.perf_counter() - t0))
    out_dir = Path(out_dir) if out_dir else project.output
    pdfs = convert_pdfs([(deck_plan.name, len(deck_plan.slides), data["pptx"]) for _, deck_plan, data, _ in rendered
                         if isinstance(data.get("pptx"), bytes)], report) if pdf else {}
    built, locked = [], []
    for bundle, deck_plan, data, seconds in rendered:
        outputs = []
        try:
            for name, fmt in formats:
                target = fmt.target(out_dir, deck_plan.name, data[name])
                files = data[name]
                if isinstance(files, Mapping):
                    write_folder(target, files, fmt.suffix)
                else:
                    write_atomic(target, files)
                outputs.append((name, target))
            if deck_plan.name in pdfs:
                write_atomic(dict(outputs)["pptx"].with_suffix(".pdf"), pdfs[deck_plan.name])
        except FileLocked as exc:
            locked.append(exc.path)  # the other decks are still written
            continue
        titles = tuple(slide_title(s) for s in deck_plan.slides)
        built.append(Built(deck_plan.name, outputs[0][1], len(deck_plan.slides), seconds, deck_plan.properties.title,
                           titles, frozenset(bundle.files()), frozenset(bundle.folders),
                           deck_plan.properties.language, tuple(outputs)))
    if locked:
        raise ToolError("; ".join(f"close {native(project.show(p))} in PowerPoint (or the program that has it open) "
                                  "and build again" for p in locked)
                        + (" (the other decks were written)" if built else ""))
    report(f"done in {time.perf_counter() - start:.2f} s")
    return built


def convert_pdfs(decks: list[tuple[str, int, bytes]], report: Report) -> dict[str, bytes]:
    """The PDF of each rendered deck, converted from a private folder before anything is written to output/."""
    import tempfile

    from slidegen.output.libreoffice import Deck, to_pdf

    report(f"converting {len(decks)} deck{'s' if len(decks) != 1 else ''} to PDF with LibreOffice …")
    with tempfile.TemporaryDirectory(prefix="slidegen-pdf-") as tmp:
        files = []
        for name, slides, data in decks:
            path = Path(tmp) / f"{name}.pptx"
            path.write_bytes(data)
            files.append(Deck(path, slides))
        converted = to_pdf(files)
        return {deck.pptx.stem: converted[deck.pptx] for deck in files}


def preview(
    project: Project,
    paths: list[Path] | None = None,
    *,
    theme: str | None = None,
    width: int = 1280,
    report: Report = _quiet,
    library: Library | None = None,
    fast: bool = False,
) -> list[Path]:
    """Build the decks, then write a picture per slide and a contact sheet per deck under output/preview/.

    The pictures are LibreOffice's (PNG); with `fast`, the slides drawn from the plan as SVG, with an
    HTML page as the contact sheet, without LibreOffice (and without building the .pptx).
    """
    if fast:
        return _fast_preview(project, paths, theme=theme, report=report, library=library)
    from slidegen.output.libreoffice import Deck, to_pdf, write_preview

    built = build(project, paths, theme=theme, report=report, library=library)
    decks = [Deck(b.path, b.slides) for b in built]
    report("rendering slide pictures with LibreOffice …")
    pdfs = to_pdf(decks)
    written: list[Path] = []
    for deck in decks:
        written.extend(write_preview(deck, pdfs[deck.pptx], project.output / "preview", width))
    return written


def _fast_preview(project: Project, paths: list[Path] | None, *, theme: str | None, report: Report,
                  library: Library | None) -> list[Path]:
    """output/preview/<deck>/slide-NN.svg and output/preview/<deck>-contact.html."""
    from slidegen.output.files import write_atomic
    from slidegen.render.svg.contact import contact_page

    written: list[Path] = []
    for b in build(project, paths, theme=theme, report=report, library=library, output="svg"):
        folder = b.output("svg")
        assert folder is not None
        slides = sorted(folder.glob("slide-*.svg"))
        written.extend(slides)
        page = folder.parent / f"{b.name}-contact.html"
        write_atomic(page, contact_page(b.title or b.name, b.language, [(f"{b.name}/{s.name}", t) for s, t in
                                                                         zip(slides, b.titles)], 480, 270))
        written.append(page)
    return written


def export_charts(
    project: Project,
    paths: list[Path] | None = None,
    *,
    fmt: str = "png",
    out_dir: Path | None = None,
    report: Report = _quiet,
) -> list[Path]:
    """Write every chart of the decks as its own PNG or SVG file: <deck>-slide<NN>.<fmt>."""
    from slidegen.output.files import write_atomic
    from slidegen.plan.model import ChartBox

    plans = plan(load(project, paths))
    cache = chart_cache(project)
    out_dir = Path(out_dir) if out_dir else project.output / "charts"
    files: list[tuple[Path, bytes]] = []
    for deck_plan in plans:
        for number, slide in enumerate(deck_plan.slides, start=1):
            charts = [b for b in slide.boxes if isinstance(b, ChartBox)]
            for k, box in enumerate(charts, start=1):
                suffix = f"-{k}" if len(charts) > 1 else ""
                target = out_dir / f"{deck_plan.name}-slide{number:02d}{suffix}.{fmt}"
                report(f"drawing {target.name} …")
                files.append((target, cache.file(box.chart, fmt)))
    for target, data in files:
        write_atomic(target, data)
    return [t for t, _ in files]
