"""The live preview page: the watcher's decks drawn from the plan at once (SVG) and by LibreOffice after, and the web site, served on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

from slidegen.build import Report
from slidegen.commands.watch import (
    DeckState,
    Outcome,
    Watcher,
    print_outcomes,
    run,
    watch_paths,
)
from slidegen.errors import ContentError, Problem, SlidegenError, ToolError
from slidegen.project import Project

SERVED = {
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}
"""The only kinds of file served from output/, with their content types."""

SITE_SERVED = {
    **SERVED,
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".jpg": "image/jpeg",
}
"""The kinds of file served from the web site (output/site/, under /site/)."""

LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}
"""Host names a page served on loopback may be asked for (anything else may be DNS rebinding)."""

HEARTBEAT_S = 15.0
"""Seconds between keep-alive comments on an idle event stream."""


@dataclass(frozen=True)
class Pictures:
    """The slide pictures last drawn for a deck: the .pptx they show (by digest) and the slide titles."""

    digest: str
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Fast:
    """A deck's slides as last drawn from its plan: their version (which their addresses carry) and titles."""

    version: str
    titles: tuple[str, ...]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _problem(p: Problem) -> dict[str, str]:
    loc = p.location
    return {"where": str(loc), "path": loc.path, "message": p.message, "text": str(p)}


class Preview:
    """What the page shows, kept up to date from the watch loop; read by the request threads.

    Every change bumps `version` and wakes the event streams. The status is built in the loop's
    thread and handed over whole, so request threads never see a rebuild half done.
    """

    def __init__(self, watcher: Watcher, soffice: str | None, width: int = 1280) -> None:
        self.watcher = watcher
        self.project = watcher.project
        self.soffice = soffice
        self.width = width
        self.pictures: dict[str, Pictures] = {}
        self.fast: dict[str, Fast] = {}
        """Each deck's slides drawn from the plan (SVG), by the deck's name."""
        self.behind: set[str] = set()
        """Decks whose LibreOffice pictures are older than their SVG slides (the exact view waits for new ones)."""
        self.drawing: set[str] = set()
        self.picture_errors: dict[str, str] = {}
        self._cond = threading.Condition()
        self._version = 0
        self._status: dict[str, Any] = {}
        self.ready = False
        """Whether the first build has run (until then the page says it is building)."""
        self.site: str | None = None
        """Where the web site is served, once it has been built."""
        self.closed = False
        self.publish()

    # -- the loop's side ----------------------------------------------------------------------

    def rebuild(self, changed: set[Path] | None, shown: Callable[[list[Outcome]], None] = lambda _: None) -> list[str]:
        """Rebuild what the change affects and show it at once (`shown` too), then draw the changed decks' pictures.

        The slides drawn from the plan come first: a build of their own, written and shown before the
        .pptx is rendered. Returns the lines to print about the pictures: how long they took, or why
        there are none.
        """
        self.draw_fast(changed)
        outcomes = self.watcher.rebuild(changed)
        self.ready = True
        names = {s.name for s in self.watcher.decks()}
        for shown_before in (self.pictures, self.fast):
            for gone in [n for n in shown_before if n not in names]:
                del shown_before[gone]
        todo = self._needs_pictures(outcomes)
        self.drawing = {s.name for s in todo}
        self.behind &= self.drawing  # the others' pictures show the deck as it is (its .pptx did not change)
        self.publish()
        shown(outcomes)
        site = [self.rebuild_site()] if any(o.kind != "failed" for o in outcomes) else []
        return site + (self.draw(todo) if todo else [])

    def draw_fast(self, changed: set[Path] | None) -> None:
        """Draw the slides of the decks the change affects from their plan (SVG, no LibreOffice) and show them.

        A deck that does not build draws nothing here: the deck's own build that follows says why.
        """
        from slidegen.build import build

        drew = False
        for path in self.watcher.affected(changed):
            try:
                (built,) = build(self.project, [path], theme=self.watcher.theme, library=self.watcher.library,
                                 output="svg")
            except SlidegenError:
                continue
            self.fast[built.name] = Fast(f"{time.time_ns() // 1_000_000:x}", built.titles)
            self.behind.add(built.name)
            drew = True
        if drew:
            self.publish()

    def rebuild_site(self) -> str:
        """Build the web site into output/site/ from the decks just built (no PDFs: the page has them); one line on how it went."""
        from slidegen.commands.site import build_site

        start = time.perf_counter()
        pptx = {}
        for state in self.watcher.decks():
            if state.good is not None:
                try:
                    pptx[state.name] = state.good.path.read_bytes()
                except OSError:
                    pass  # built again by the site
        try:
            built = build_site(self.project, self.watcher.given, theme=self.watcher.theme, pdf=False,
                               library=self.watcher.library, pptx=pptx)
        except ContentError as exc:
            summary = exc.summary().removesuffix(" nothing was written.")
            return f"failed the site: {summary} output/site/ stays as it was"
        except SlidegenError as exc:
            return f"failed the site: {exc}; output/site/ stays as it was"
        self.site = "/site/index.html"
        what = "unchanged" if built.changed == 0 else f"{built.pages} pages"
        return f"rebuilt the site in {time.perf_counter() - start:.2f} s ({what}): /site/"

    def _needs_pictures(self, outcomes: list[Outcome]) -> list[DeckState]:
        """Decks just built whose .pptx differs from the one their pictures show (none without LibreOffice)."""
        if self.soffice is None:
            return []
        built = {o.name for o in outcomes if o.kind in ("built", "rebuilt")}
        out = []
        for state in self.watcher.decks():
            if state.name in built and state.good is not None:
                known = self.pictures.get(state.name)
                if known is None or known.digest != _digest(state.good.path):
                    out.append(state)
        return out

    def draw(self, states: list[DeckState]) -> list[str]:
        """Convert the decks to PDF in one LibreOffice run, write <name>.pdf and a picture per slide.

        The pictures go where `slidegen preview` puts them, output/preview/<name>/slide-NN.png.
        """
        from slidegen.output.files import write_atomic
        from slidegen.output.libreoffice import (
            Deck,
            slide_pictures,
            to_pdf,
            write_slide_pictures,
        )

        start = time.perf_counter()
        goods = [s.good for s in states if s.good is not None]
        decks = [Deck(b.path, b.slides) for b in goods]
        digests = [_digest(d.pptx) for d in decks]
        try:
            pdfs = to_pdf(decks)
            for good, deck, digest in zip(goods, decks, digests):
                write_atomic(deck.pptx.with_suffix(".pdf"), pdfs[deck.pptx])
                pictures = slide_pictures(pdfs[deck.pptx], self.width, optimize=False)
                write_slide_pictures(pictures, self.project.output / "preview" / good.name)
                self.pictures[good.name] = Pictures(digest, good.titles)
                self.picture_errors.pop(good.name, None)
                self.behind.discard(good.name)
        except SlidegenError as exc:
            for good in goods:
                self.picture_errors[good.name] = str(exc)
            return [f"no slide pictures for {', '.join(g.name for g in goods)}: {exc}"]
        finally:
            self.drawing = set()
            self.publish()
        names = ", ".join(g.name for g in goods)
        return [f"drew the slides of {names} with LibreOffice in {time.perf_counter() - start:.1f} s"]

    def publish(self) -> None:
        """Take a new snapshot of the status and wake every event stream."""
        with self._cond:
            self._version += 1
            self._status = self._snapshot(self._version)
            self._cond.notify_all()

    def close(self) -> None:
        """End every event stream."""
        with self._cond:
            self.closed = True
            self._cond.notify_all()

    # -- the request threads' side --------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """The latest snapshot (see `_snapshot`)."""
        with self._cond:
            return self._status

    def wait(self, seen: int, timeout: float) -> dict[str, Any] | None:
        """The status once its version differs from `seen`, or None after `timeout` seconds or on close."""
        with self._cond:
            self._cond.wait_for(lambda: self.closed or self._version != seen, timeout)
            return None if self.closed or self._version == seen else self._status

    def _snapshot(self, version: int) -> dict[str, Any]:
        """Everything the page shows, as JSON-ready data."""
        return {
            "version": version,
            "project": self.project.root.name,
            "soffice": self.soffice is not None,
            "ready": self.ready,
            "site": self.site,
            "decks": [self._deck(s) for s in self.watcher.decks()],
        }

    def _deck(self, state: DeckState) -> dict[str, Any]:
        good = state.good
        out = self.project.output
        pptx = out / f"{state.name}.pptx"
        pdf = out / f"{state.name}.pdf"
        pics = self.pictures.get(state.name)
        version = pics.digest[:12] if pics else ""
        fast = self.fast.get(state.name)
        return {
            "name": state.name,
            "source": self.project.show(state.path),
            "title": good.title if good else "",
            "ok": state.ok,
            "built": bool(good),
            "when": time.strftime("%H:%M:%S", time.localtime(state.when)) if state.when else "",
            "seconds": round(state.seconds, 3) if state.when else None,
            "titles": list(good.titles) if good else [],
            "errors": [_problem(p) for p in state.problems],
            "pptx": f"/output/{pptx.name}" if pptx.is_file() else None,
            "pdf": f"/output/{pdf.name}" if pics and pdf.is_file() else None,
            "pictures": [
                {"url": f"/output/preview/{state.name}/slide-{i:02d}.png?v={version}", "title": title}
                for i, title in enumerate(pics.titles if pics else (), start=1)
            ],
            "fast": [
                {"url": f"/output/preview/{state.name}/slide-{i:02d}.svg?v={fast.version}", "title": title}
                for i, title in enumerate(fast.titles if fast else (), start=1)
            ],
            "exact": bool(pics) and state.name not in self.behind and pptx.is_file() and pics.digest == _digest(pptx),
            "drawing": state.name in self.drawing,
            "picture_error": self.picture_errors.get(state.name),
        }


class Refused(Exception):
    """A request for a path that is not served: 404 (not there or not allowed) or 403 (leads out)."""

    def __init__(self, status: HTTPStatus) -> None:
        super().__init__(status.phrase)
        self.status = status


def output_file(output: Path, rel: str, served: dict[str, str] = SERVED) -> Path:
    """The file in output/ that a decoded URL path (below /output/) names, or Refused.

    Only the kinds in `served` (.pptx, .pdf, .png and .svg) are served; no part may be empty, `.`, `..` or start with
    a dot (no hidden files, no cache, no half-written temporary files); and the file, with every link
    followed, must still lie inside output/.
    """
    parts = rel.split("/")
    if any(not p or p.startswith(".") or "\\" in p or "\0" in p or ":" in p for p in parts):
        raise Refused(HTTPStatus.NOT_FOUND)
    target = output.joinpath(*parts)
    if target.suffix.lower() not in served:
        raise Refused(HTTPStatus.NOT_FOUND)
    real = target.resolve()
    if not real.is_relative_to(output.resolve()):
        raise Refused(HTTPStatus.FORBIDDEN)
    if not real.is_file():
        raise Refused(HTTPStatus.NOT_FOUND)
    return real


def page() -> bytes:
    """The preview page: one static HTML file with its script and style inline."""
    return resources.files("slidegen").joinpath("data/serve/index.html").read_bytes()


class Handler(BaseHTTPRequestHandler):
    """GET /, /api/status, /events (server-sent events), files under /output/ and the site under /site/; nothing else."""

    server: "PreviewServer"
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:  # noqa: N802 (the name http.server looks for)
        if not self._host_allowed():
            self._error(HTTPStatus.FORBIDDEN)
            return
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            self._send(page(), "text/html; charset=utf-8")
        elif path == "/api/status":
            self._send(json.dumps(self.server.preview.status(), ensure_ascii=False).encode(), "application/json")
        elif path == "/events":
            self._events()
        elif path.startswith("/output/"):
            self._file(unquote(path[len("/output/"):]))
        elif path == "/site":
            self._redirect("/site/")
        elif path.startswith("/site/"):
            rel = unquote(path[len("/site/"):])
            self._file(rel + "index.html" if rel == "" or rel.endswith("/") else rel, site=True)
        else:
            self._error(HTTPStatus.NOT_FOUND)

    def _host_allowed(self) -> bool:
        """On loopback, only requests addressed to a loopback name (a guard against DNS rebinding)."""
        if not self.server.loopback:
            return True
        host = (self.headers.get("Host") or "").strip()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.strip("[]").lower() in LOOPBACK_NAMES

    def _send(self, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: HTTPStatus) -> None:
        body = f"{status.value} {status.phrase}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _file(self, rel: str, site: bool = False) -> None:
        output = self.server.preview.project.output
        served = SITE_SERVED if site else SERVED
        try:
            path = output_file(output / "site" if site else output, rel, served)
            body = path.read_bytes()
        except Refused as exc:
            self._error(exc.status)
            return
        except OSError:
            self._error(HTTPStatus.NOT_FOUND)
            return
        extra = {}
        if path.suffix == ".pptx":
            extra["Content-Disposition"] = f'attachment; filename="{path.name}"'
        self._send(body, served[path.suffix.lower()], extra)

    def _events(self) -> None:
        """A stream of `status` events, one per change, with a comment now and then to keep it open."""
        preview = self.server.preview
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = -1
        try:
            while not preview.closed:
                status = preview.wait(seen, HEARTBEAT_S)
                if status is None:
                    if preview.closed:
                        break
                    self.wfile.write(b": still here\n\n")
                else:
                    seen = status["version"]
                    data = json.dumps(status, ensure_ascii=False)
                    self.wfile.write(f"event: status\ndata: {data}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's name)
        pass  # requests are not logged; the watcher's lines are what matters


class PreviewServer(ThreadingHTTPServer):
    """The HTTP server of a Preview; one thread per request, none of them keeping the process alive."""

    daemon_threads = True

    def __init__(self, preview: Preview, host: str, port: int, warn: Report = lambda _: None) -> None:
        self.preview = preview
        self.loopback = host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")
        self.warn = warn
        super().__init__((host, port), Handler)

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Report an error in one request in one line (http.server would print a traceback)."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, (BrokenPipeError, ConnectionResetError)):
            self.warn(f"internal error while answering a request ({type(exc).__name__}: {exc})")


def serve(project: Project, decks: list[Path], *, host: str = "127.0.0.1", port: int = 8000,
          theme: str | None = None, width: int = 1280, report: Report, warn: Report,
          stop: threading.Event | None = None) -> None:
    """`slidegen serve`: the preview page on host:port, rebuilt as files are saved, until Ctrl-C or `stop`."""
    from slidegen.output.libreoffice import INSTALL_HINT, find_soffice

    soffice = find_soffice()
    preview = Preview(Watcher(project, decks, theme=theme, report=warn), soffice, width)
    try:
        server = PreviewServer(preview, host, port, warn)
    except OSError as exc:
        reason = exc.strerror or exc
        raise ToolError(f"cannot serve on {host}:{port} ({reason}); choose another port with --port") from None
    thread = threading.Thread(target=server.serve_forever, name="slidegen-serve", daemon=True)
    thread.start()
    report(f"serving {server.url} (Ctrl-C stops)")
    if soffice is None:
        warn(f"note: no slide pictures from LibreOffice; the page shows the slides drawn from the plan. {INSTALL_HINT}")

    def handle(changed: set[Path] | None) -> None:
        for line in preview.rebuild(changed, lambda outcomes: print_outcomes(outcomes, report, warn)):
            report(line)

    try:
        run(watch_paths(project, decks), handle, stop=stop, warn=warn)
    finally:
        preview.close()
        server.shutdown()
        server.server_close()
