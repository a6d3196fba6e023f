"""The command line: thin click commands that call build/validate, print, and set the exit code."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any, Callable

import click

from slidegen import __version__
from slidegen.errors import native

HELP = """Build the county boards' meeting decks from the YAML files in content/.

\b
Typical use:
  slidegen build            build every deck in content/decks/ into output/
  slidegen validate         check all content without building a deck
  slidegen list themes      the themes there are
  slidegen check-theme NAME check a theme (and its template) before using it
  slidegen serve            rebuild on every save and show the slides in the browser
  slidegen site             the good examples and the survey as a web site in output/site/

Exit codes: 0 success, 1 content errors (listed as file:line:column), 2 wrong usage.
"""


def _fail(exc: Exception) -> None:
    """Print a slidegen error without a traceback and exit 1."""
    from slidegen.errors import ContentError

    if isinstance(exc, ContentError):
        for problem in exc.sorted():
            click.echo(str(problem), err=True)
        click.echo(exc.summary(), err=True)
    else:
        click.echo(f"error: {exc}", err=True)
    sys.exit(1)


def _run(action: Callable[[], Any]) -> Any:
    from slidegen.errors import SlidegenError

    try:
        return action()
    except SlidegenError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo("stopped; nothing was written", err=True)
        sys.exit(130)


def _require_soffice() -> None:
    """Exit 1 with the install hint before anything is built when LibreOffice is missing."""
    from slidegen.output.libreoffice import INSTALL_HINT, find_soffice

    if find_soffice() is None:
        click.echo(f"error: {INSTALL_HINT}", err=True)
        sys.exit(1)


@click.group(help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="slidegen")
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=".",
    show_default=True,
    help="The project folder holding content/, themes/ and output/.",
)
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    from slidegen.project import Project

    ctx.obj = Project.at(root)


deck_files = click.argument("decks", nargs=-1, type=click.Path(dir_okay=False, exists=True, path_type=Path))


@main.command()
@deck_files
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the .pptx files.  [default: output/]",
)
@click.option("--theme", default=None, help="Use this theme (a folder in themes/) instead of the deck's own.")
@click.option("--pdf", is_flag=True, help="Also write <name>.pdf through LibreOffice.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.pass_obj
def build(project: Any, decks: tuple[Path, ...], out_dir: Path | None, theme: str | None, pdf: bool,
          quiet: bool) -> None:
    """Build decks into .pptx files (and PDFs with --pdf).

    DECKS are deck files (content/decks/*.yaml); without them every deck is built. Nothing is
    written unless every deck builds: on an error the files in output/ stay as they were.
    """
    from slidegen.build import build as run_build

    if pdf:
        _require_soffice()
    report = (lambda _: None) if quiet else (lambda line: click.echo(line, err=True))
    built = _run(lambda: run_build(project, list(decks), out_dir=out_dir, theme=theme, report=report, pdf=pdf))
    for b in built:
        click.echo(f"{project.show(b.path)}  ({b.slides} slides)")
        if pdf:
            click.echo(project.show(b.path.with_suffix(".pdf")))


@main.command()
@deck_files
@click.option("--theme", default=None, help="Use this theme instead of the deck's own.")
@click.option("--width", default=1280, show_default=True, type=click.IntRange(200, 4000),
              help="Width of each slide picture in pixels.")
@click.option("--fast", is_flag=True, help="Draw the slides from the plan as SVG, without LibreOffice.")
@click.pass_obj
def preview(project: Any, decks: tuple[Path, ...], theme: str | None, width: int, fast: bool) -> None:
    """Build decks and write a picture of every slide, and a contact sheet per deck.

    Pictures go to output/preview/<deck>/slide-NN.png, contact sheets to
    output/preview/<deck>-contact.png; this needs LibreOffice. With --fast the slides are drawn
    straight from the plan, at once and without LibreOffice: output/preview/<deck>/slide-NN.svg,
    and output/preview/<deck>-contact.html shows them all.
    """
    from slidegen.build import preview as run_preview

    if not fast:
        _require_soffice()
    files = _run(lambda: run_preview(project, list(decks), theme=theme, width=width, fast=fast,
                                     report=lambda line: click.echo(line, err=True)))
    for path in files:
        if path.name.endswith(("-contact.png", "-contact.html")):
            click.echo(project.show(path))


@main.command()
@deck_files
@click.option("--format", "fmt", type=click.Choice(["png", "svg"]), default="png", show_default=True,
              help="PNG (200 dpi) for documents, SVG for web pages.")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the files.  [default: output/charts/]")
@click.pass_obj
def charts(project: Any, decks: tuple[Path, ...], fmt: str, out_dir: Path | None) -> None:
    """Write each chart of the decks as its own file, for reports and web pages.

    Files are named after the deck and the slide: skype-2016-10-28-slide10.png.
    """
    from slidegen.build import export_charts

    files = _run(lambda: export_charts(project, list(decks), fmt=fmt, out_dir=out_dir,
                                       report=lambda line: click.echo(line, err=True)))
    for path in files:
        click.echo(project.show(path))


@main.command()
@deck_files
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site.  [default: output/site/]")
@click.option("--drafts", is_flag=True, help="Also show good examples with `status: utkast`, marked as drafts.")
@click.option("--theme", default=None, help="Use this theme (a folder in themes/) instead of the first deck's own.")
@click.option("--pdf/--no-pdf", default=None,
              help="Offer each deck as a PDF too.  [default: when LibreOffice is installed]")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.pass_obj
def site(project: Any, decks: tuple[Path, ...], out_dir: Path | None, drafts: bool, theme: str | None,
         pdf: bool | None, quiet: bool) -> None:
    """Write the good examples, the survey and the decks as a static web site.

    The site (output/site/index.html and the pages it links to) needs no server and makes no
    request elsewhere: open it from disk or put the folder on any web server. It is written
    into a temporary folder and swapped in whole, so a failed build leaves the previous site as
    it was, and an unchanged build writes nothing.
    """
    from slidegen.commands.site import build_site

    if pdf:
        _require_soffice()
    report = (lambda _: None) if quiet else (lambda line: click.echo(line, err=True))
    built = _run(lambda: build_site(project, list(decks), out_dir=out_dir, drafts=drafts, theme=theme, pdf=pdf,
                                    report=report))
    change = "unchanged" if built.changed == 0 else f"{built.changed} new or changed"
    click.echo(f"{native(project.show(built.index))}  ({built.pages} pages, {built.files} files, {change})")


@main.group()
def new() -> None:
    """Create content files from their templates."""


@new.command("example")
@click.option("--county", required=True, help='The county, e.g. "Skåne", "Skåne län" or "M".')
@click.pass_obj
def new_example(project: Any, county: str) -> None:
    """Write the county's next good-example file from content/examples/_mall.yaml.

    Prints the new file's path; open it, fill it in, and set `status: klar` when it is ready.
    A county has at most two examples.
    """
    from slidegen.commands.examples import new_example as make

    path = _run(lambda: make(project, county))
    click.echo(project.show(path))


@new.command("deck")
@click.option("--title", required=True, help='The meeting\'s title, e.g. "Uppföljning av uppdrag 51".')
@click.option("--date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The meeting's date, e.g. 2017-04-20 (it is also put in the file name).")
@click.pass_obj
def new_deck(project: Any, title: str, date: Any) -> None:
    """Write a new meeting's deck file, content/decks/<title>-<date>.yaml.

    The file has the meeting block, a short agenda, a title, agenda and closing slide, and a
    commented example of every other slide kind (in Swedish) to take in by removing the `# `.
    It validates as written; prints the new file's path.
    """
    from slidegen.commands.decks import new_deck as make

    path = _run(lambda: make(project, title, date.date() if date else None))
    click.echo(project.show(path))


@main.group("list")
def list_() -> None:
    """Show what the project holds."""


@list_.command("examples")
@click.pass_obj
def list_examples(project: Any) -> None:
    """The example files of every county, in official county order, and which counties have none."""
    from slidegen.commands.examples import overview_lines

    for line in _run(lambda: overview_lines(project)):
        click.echo(line)


def _watching(action: Callable[[], None]) -> None:
    """Run a watch loop: slidegen errors exit 1 without a traceback; Ctrl-C stops it, exit 0."""
    from slidegen.errors import SlidegenError

    try:
        action()
    except SlidegenError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


def _echo(line: str) -> None:
    click.echo(line)


def _warn(line: str) -> None:
    click.echo(line, err=True)


@main.command()
@deck_files
@click.option("--theme", default=None, help="Use this theme instead of the deck's own.")
@click.pass_obj
def watch(project: Any, decks: tuple[Path, ...], theme: str | None) -> None:
    """Build decks, then rebuild them whenever a file they use is saved; Ctrl-C stops.

    Watches content/ and themes/. Only the decks that use a changed file are rebuilt, each with
    one line and the time it took. On an error the located errors are printed and the last good
    deck in output/ stays as it was.
    """
    from slidegen.commands.watch import watch as run_watch

    _watching(lambda: run_watch(project, list(decks), theme=theme, report=_echo, warn=_warn))


@main.command()
@deck_files
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="The port to serve on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to serve on; the default lets only this computer see the page.")
@click.option("--theme", default=None, help="Use this theme instead of the deck's own.")
@click.option("--width", default=1280, show_default=True, type=click.IntRange(200, 4000),
              help="Width of each slide picture in pixels.")
@click.pass_obj
def serve(project: Any, decks: tuple[Path, ...], port: int, host: str, theme: str | None, width: int) -> None:
    """Watch like `watch`, and show the decks on a page in the browser that updates itself.

    The page lists the decks with a picture of every slide (drawn by LibreOffice after each
    rebuild), the slide titles and links to the .pptx and PDF; when a build fails it shows the
    located errors instead. Without LibreOffice it shows the titles only. Ctrl-C stops.
    """
    from slidegen.commands.serve import serve as run_serve

    _watching(lambda: run_serve(project, list(decks), host=host, port=port, theme=theme, width=width,
                                report=_echo, warn=_warn))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.pass_obj
def validate(project: Any, paths: tuple[Path, ...]) -> None:
    """Check content without building a deck.

    PATHS are content files or folders; without them, every deck and every other content file is
    checked. Deck files are checked with everything they refer to, including whether every text
    fits its slide and every picture can be decoded (the pictures are made for their places then
    and kept in output/.cache/pictures/ for the build; nothing else is written). A picture too
    small for its place gets a note.
    """
    from slidegen.commands.validate import validate_paths

    checked = _run(lambda: validate_paths(project, list(paths), report=_warn))
    click.echo(f"{checked} file{'s' if checked != 1 else ''} checked, no problems found")


@main.command()
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the schemas.  [default: content/schema/]")
@click.pass_obj
def schema(project: Any, out_dir: Path | None) -> None:
    """Write a JSON Schema per content file type, for editors.

    Each content file's first line, `# yaml-language-server: $schema=…`, points an editor with
    YAML support (VS Code's YAML extension) at its schema: it then completes keys, shows what each
    key means and marks mistakes while you type. Run this after changing the models.
    """
    from slidegen.commands.schema import SCHEMA_DIR, write_schemas

    for path in _run(lambda: write_schemas(out_dir or project.root / SCHEMA_DIR)):
        click.echo(project.show(path))


@list_.command("themes")
@click.pass_obj
def list_themes(project: Any) -> None:
    """The themes in themes/, with their descriptions."""
    from slidegen.commands.themes import list_themes as themes

    rows = _run(lambda: themes(project))
    width = max((len(name) for name, _ in rows), default=0)
    for name, description in rows:
        click.echo(f"{name:<{width}}  {description}".rstrip())


@main.command("check-theme")
@click.argument("name")
@click.pass_obj
def check_theme(project: Any, name: str) -> None:
    """Check a theme before using it: contrast, logo, and the template's layouts and placeholders.

    NAME is a folder in themes/. Lists the layouts and placeholders slidegen needs and which of them
    the template has; exits 1 naming everything that is missing or wrong.
    """
    from slidegen.commands.themes import check_report
    from slidegen.errors import ContentError

    report = _run(lambda: check_report(project, name))
    for line in report.lines:
        click.echo(line)
    if report.problems:
        _fail(ContentError(report.problems))
    click.echo(f"theme {name} is ready: slidegen build --theme {name}")


@main.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--name", default=None, help="The deck's name: content/decks/NAME.yaml.  [default: the file's name, "
              "in lower case, with - for spaces and without å/ä/ö]")
@click.option("--theme-from-template", is_flag=True,
              help="Also make themes/NAME/ from the file's masters, layouts, colours and fonts, and check it.")
@click.pass_obj
def import_(project: Any, file: Path, name: str | None, theme_from_template: bool) -> None:
    """Make a deck file of slidegen's kinds from an existing PowerPoint file (.pptx).

    Writes content/decks/NAME.yaml and the pictures to content/bilder/NAME/ (never over existing
    files). Each slide's kind is guessed (title, section, bullets, table, bar chart, picture,
    columns, quote); text is kept exactly, speaker notes as notes. One line is printed for every
    slide that could not be carried whole, and the deck file says the same in comments; search it
    for TODO (alt texts to write, titles to give). A file that is no .pptx is refused, nothing written.
    """
    from slidegen.commands.importer import import_deck, write
    from slidegen.commands.importer.package import ImportRefused
    from slidegen.output.libreoffice import find_soffice

    if not file.exists():
        _fail(ImportRefused(f"{file} does not exist; nothing was written"))
    result = _run(lambda: import_deck(project, file, name, theme_from_template, soffice=find_soffice))
    for line in result.lines:
        click.echo(line, err=True)
    for line in result.theme_lines:
        click.echo(line)
    _run(lambda: write(project, result))
    pictures = f", {len(result.pictures)} picture{'s' if len(result.pictures) != 1 else ''} in " \
               f"{project.show(project.content / 'bilder' / result.name)}/" if result.pictures else ""
    click.echo(f"{project.show(result.deck)}  ({result.slides_out} slides from {result.slides_in}{pictures})")
    if result.todo:
        places = f"{result.todo} place{'s' if result.todo != 1 else ''}"
        click.echo(f"  {places} in the file {'say' if result.todo != 1 else 'says'} TODO: what only a person can write "
                   "(alt texts, titles, the meeting)")
    if result.problems:
        for problem in result.problems:
            click.echo(str(problem), err=True)
        click.echo(f"note: the deck does not build yet: fix the {len(result.problems)} problem(s) above in the file", err=True)
    else:
        click.echo(f"  it validates; build it with: slidegen build {project.show(result.deck)}")


GC_THRESHOLD = (100_000, 50, 100)
"""How many new objects the cyclic garbage collector lets pass before it looks (Python's default: 700).

Validating with pydantic makes many objects, and every look goes through them: at the default a
build of the Skype deck spends 45 ms (8 %) in 127 collections, with this setting none. Memory
stays the same; chart drawing collects its own figures (render/chart_image.py).
"""


def run() -> None:
    """The `slidegen` command and `python -m slidegen`: main() in a process of its own."""
    gc.set_threshold(*GC_THRESHOLD)
    main(prog_name="slidegen")


if __name__ == "__main__":  # pragma: no cover
    run()
