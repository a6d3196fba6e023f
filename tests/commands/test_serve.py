"""The preview server: only output/ files are served, the status and its event stream, the no-LibreOffice mode."""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path

import pytest
from conftest import needs_soffice

from slidegen.commands.serve import Preview, PreviewServer, Refused, output_file, serve
from slidegen.commands.watch import Watcher
from slidegen.errors import ToolError
from slidegen.project import Project

SKYPE = "skype-2016-10-28"


@contextmanager
def running(preview: Preview, host: str = "127.0.0.1") -> Iterator[PreviewServer]:
    """A PreviewServer on a free port, answering in a background thread."""
    server = PreviewServer(preview, host, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        preview.close()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def get(server: PreviewServer, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET a raw path (sent exactly as given, no normalising): status, headers, body."""
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def status(server: PreviewServer) -> dict:
    code, _, body = get(server, "/api/status")
    assert code == 200
    return json.loads(body)


def skype(project: Project) -> Path:
    return project.content / "decks" / f"{SKYPE}.yaml"


@pytest.fixture
def built(project: Project) -> Preview:
    """A Preview without LibreOffice of the Skype deck, built."""
    preview = Preview(Watcher(project, [skype(project)]), soffice=None)
    preview.rebuild(None)
    return preview


# -- which paths are served ---------------------------------------------------------------------


@pytest.fixture
def output(tmp_path: Path) -> Path:
    """An output/ folder with a deck, a preview picture, hidden files, and links out of it."""
    out = tmp_path / "output"
    (out / "preview" / "deck").mkdir(parents=True)
    (out / "deck.pptx").write_bytes(b"pptx")
    (out / "preview" / "deck" / "slide-01.png").write_bytes(b"png")
    (out / ".cache" / "charts").mkdir(parents=True)
    (out / ".cache" / "charts" / "a.png").write_bytes(b"png")
    (out / ".deck.pptx.123.tmp").write_bytes(b"half")
    (out / "notes.txt").write_text("no")
    if os.name == "nt":
        pytest.skip("the served folder holds symbolic links, which Windows makes only with special rights")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "key.png").write_bytes(b"secret")
    (out / "link.png").symlink_to(secret / "key.png")
    (out / "outside").symlink_to(secret, target_is_directory=True)
    (out / "inside.png").symlink_to(out / "preview" / "deck" / "slide-01.png")
    return out


@pytest.mark.parametrize("rel", ["deck.pptx", "preview/deck/slide-01.png", "inside.png"])
def test_files_inside_output_are_served(output: Path, rel: str):
    assert output_file(output, rel).read_bytes() in (b"pptx", b"png")


@pytest.mark.parametrize(
    ("rel", "status"),
    [
        ("../secret/key.png", HTTPStatus.NOT_FOUND),
        ("preview/../../secret/key.png", HTTPStatus.NOT_FOUND),
        ("/etc/passwd", HTTPStatus.NOT_FOUND),
        ("preview//deck/slide-01.png", HTTPStatus.NOT_FOUND),
        ("./deck.pptx", HTTPStatus.NOT_FOUND),
        (".cache/charts/a.png", HTTPStatus.NOT_FOUND),
        (".deck.pptx.123.tmp", HTTPStatus.NOT_FOUND),
        ("notes.txt", HTTPStatus.NOT_FOUND),
        ("missing.pptx", HTTPStatus.NOT_FOUND),
        ("preview", HTTPStatus.NOT_FOUND),
        ("..\\secret\\key.png", HTTPStatus.NOT_FOUND),
        ("deck.pptx\0.png", HTTPStatus.NOT_FOUND),
        ("C:/secret/key.png", HTTPStatus.NOT_FOUND),
        ("link.png", HTTPStatus.FORBIDDEN),
        ("outside/key.png", HTTPStatus.FORBIDDEN),
    ],
)
def test_anything_else_is_refused(output: Path, rel: str, status: HTTPStatus):
    with pytest.raises(Refused) as refused:
        output_file(output, rel)
    assert refused.value.status == status


REFUSED = [
    ("/output/../content/survey-2015.yaml", 404),
    ("/output/%2e%2e/content/survey-2015.yaml", 404),
    ("/output/%2E%2E%2Fcontent%2Fsurvey-2015.yaml", 404),
    ("/output/%252e%252e/content/survey-2015.yaml", 404),
    ("/output//etc/passwd", 404),
    ("/output/%2Fetc%2Fpasswd", 404),
    ("/output/..%5c..%5cetc%5cpasswd", 404),
    ("/content/survey-2015.yaml", 404),
    ("/../content/survey-2015.yaml", 404),
    ("/etc/passwd", 404),
    ("/output/.cache/charts", 404),
    ("/output/escape.png", 403),
]
"""Raw request paths (sent as they are, not normalised) and the status each must get."""


def test_the_server_refuses_paths_outside_output(project: Project, built: Preview, tmp_path: Path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"secret")
    (project.output / "escape.png").symlink_to(secret)
    with running(built) as server:
        answers = {path: get(server, path) for path, _ in REFUSED}
    assert {path: code for path, (code, _, _) in answers.items()} == dict(REFUSED)
    assert not any(b"secret" in body or b"groups" in body for _, _, body in answers.values())


def test_the_server_serves_the_deck_and_the_page(project: Project, built: Preview):
    with running(built) as server:
        code, headers, body = get(server, f"/output/{SKYPE}.pptx")
        assert code == 200
        assert body == (project.output / f"{SKYPE}.pptx").read_bytes()
        assert headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        assert headers["Content-Disposition"] == f'attachment; filename="{SKYPE}.pptx"'
        code, headers, body = get(server, "/")
        assert code == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert b'<html lang="sv">' in body and b"/events" in body and b"/api/status" in body


def test_on_loopback_only_loopback_host_names_are_answered(built: Preview):
    hosts = {"127.0.0.1:8000": 200, "localhost:8000": 200, "[::1]:8000": 200, "LOCALHOST": 200,
             "evil.example:8000": 403, "evil.example": 403, "127.0.0.1.evil.example": 403}
    with running(built) as server:
        assert {host: get(server, "/api/status", {"Host": host})[0] for host in hosts} == hosts


# -- the status and its event stream ------------------------------------------------------------


def test_status_lists_decks_titles_and_downloads_without_libreoffice(project: Project, built: Preview):
    with running(built) as server:
        got = status(server)
    assert got["soffice"] is False and got["ready"] is True
    (deck,) = got["decks"]
    assert deck["name"] == SKYPE and deck["ok"] is True and deck["errors"] == []
    assert deck["title"] == "Uppdrag 51 – hur går det?"
    assert deck["source"] == f"content/decks/{SKYPE}.yaml"
    assert len(deck["titles"]) == 15 and deck["titles"][1] == "Dagordning (kl. 13.00–14.15)"
    assert deck["pptx"] == f"/output/{SKYPE}.pptx"
    assert deck["pdf"] is None and deck["pictures"] == [] and deck["drawing"] is False
    assert [f["title"] for f in deck["fast"]] == deck["titles"] and deck["exact"] is False
    assert re.fullmatch(rf"/output/preview/{SKYPE}/slide-15\.svg\?v=[0-9a-f]+", deck["fast"][-1]["url"])
    assert re.fullmatch(r"\d\d:\d\d:\d\d", deck["when"]) and deck["seconds"] > 0


def test_before_the_first_build_the_status_says_so(project: Project):
    preview = Preview(Watcher(project), soffice=None)
    assert preview.status()["ready"] is False and preview.status()["decks"] == []
    preview.rebuild(None)
    assert preview.status()["ready"] is True
    assert [d["name"] for d in preview.status()["decks"]] == ["nobel-2016", SKYPE]


def read_event(response: http.client.HTTPResponse) -> dict:
    """The next `status` event of an event stream (keep-alive comments skipped)."""
    lines = []
    while True:
        line = response.fp.readline().decode()
        if line.startswith(":"):
            continue
        if line in ("\n", ""):
            if lines:
                break
            continue
        lines.append(line.rstrip("\n"))
    assert lines[0] == "event: status"
    return json.loads(lines[1].removeprefix("data: "))


def test_events_push_the_located_error_and_the_recovery(project: Project, built: Preview):
    deck = project.content / "decks" / f"{SKYPE}.yaml"
    text = deck.read_text(encoding="utf-8")
    line = text[: text.index("kind: agenda\n")].count("\n") + 1
    with running(built) as server:
        conn = http.client.HTTPConnection(*server.server_address[:2], timeout=20)
        conn.request("GET", "/events")
        response = conn.getresponse()
        assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
        first = read_event(response)
        assert first["decks"][0]["ok"] is True

        deck.write_text(text.replace("kind: agenda\n", "kind: agendaa\n"), encoding="utf-8")
        built.rebuild({deck})
        failed = read_event(response)
        assert failed["version"] > first["version"]
        (state,) = failed["decks"]
        assert state["ok"] is False and state["built"] is True
        (error,) = state["errors"]
        assert error["where"].startswith(f"content/decks/{SKYPE}.yaml:{line}:")
        assert error["path"] == "slides[1].kind"
        assert "unknown kind `agendaa`" in error["message"]
        assert len(state["titles"]) == 15, "the last good titles stay"
        assert state["pptx"] == f"/output/{SKYPE}.pptx", "the last good deck can still be downloaded"

        deck.write_text(text, encoding="utf-8")
        built.rebuild({deck})
        drawn = read_event(response)  # the slides drawn from the plan come first, before the .pptx is rebuilt
        assert drawn["decks"][0]["fast"][0]["url"] != failed["decks"][0]["fast"][0]["url"]
        fixed = read_event(response)
        assert fixed["decks"][0]["ok"] is True and fixed["decks"][0]["errors"] == []
        assert fixed["decks"][0]["fast"] == drawn["decks"][0]["fast"]
        conn.close()


def test_closing_the_preview_ends_the_event_streams(built: Preview):
    with running(built) as server:
        conn = http.client.HTTPConnection(*server.server_address[:2], timeout=20)
        conn.request("GET", "/events")
        response = conn.getresponse()
        read_event(response)
        built.close()
        assert response.read() == b""
        conn.close()


def test_a_port_in_use_is_a_clear_error(project: Project, built: Preview):
    with running(built) as server:
        port = server.server_address[1]
        with pytest.raises(ToolError, match=rf"cannot serve on 127.0.0.1:{port} .*choose another port with --port"):
            serve(project, [], port=port, report=lambda _: None, warn=lambda _: None)


# -- serve() end to end, in this process ---------------------------------------------------------


@contextmanager
def serving(project: Project) -> Iterator[tuple[str, queue.Queue[str]]]:
    """serve() of the Skype deck on a free port in a thread: its URL and the lines it prints."""
    lines: queue.Queue[str] = queue.Queue()
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(project, [skype(project)]),
                              kwargs={"port": 0, "report": lines.put, "warn": lines.put, "stop": stop})
    thread.start()
    try:
        first = lines.get(timeout=30)
        match = re.fullmatch(r"serving (http://127\.0\.0\.1:\d+/) \(Ctrl-C stops\)", first)
        assert match, first
        yield match.group(1), lines
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive()


def wait_for_line(lines: queue.Queue[str], prefix: str) -> str:
    while True:
        line = lines.get(timeout=120)
        if line.startswith(prefix):
            return line


def fetch_status(url: str) -> dict:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("GET", "/api/status")
        return json.loads(conn.getresponse().read())
    finally:
        conn.close()


def test_serve_without_libreoffice_shows_the_slides_drawn_from_the_plan_and_says_why(project: Project, monkeypatch):
    monkeypatch.setenv("SLIDEGEN_SOFFICE", "/nonexistent/soffice")
    with serving(project) as (url, lines):
        note = wait_for_line(lines, "note: no slide pictures")
        assert "drawn from the plan" in note and "LibreOffice is needed" in note
        wait_for_line(lines, f"built {SKYPE}")
        got = fetch_status(url)
    assert got["soffice"] is False
    (deck,) = got["decks"]
    assert len(deck["titles"]) == 15 and deck["pictures"] == [] and deck["pdf"] is None and deck["exact"] is False
    assert [p["title"] for p in deck["fast"]] == deck["titles"]
    assert re.fullmatch(rf"/output/preview/{SKYPE}/slide-01\.svg\?v=[0-9a-f]+", deck["fast"][0]["url"])
    folder = project.output / "preview" / SKYPE
    assert [p.name for p in sorted(folder.iterdir())] == [f"slide-{n:02d}.svg" for n in range(1, 16)]


@needs_soffice
def test_serve_draws_a_picture_per_slide_and_redraws_only_when_the_deck_changed(project: Project):
    survey = project.content / "survey-2015.yaml"
    with serving(project) as (url, lines):
        wait_for_line(lines, f"built {SKYPE}")
        assert wait_for_line(lines, "drew the slides of").startswith(f"drew the slides of {SKYPE} with LibreOffice in ")
        got = fetch_status(url)
        (deck,) = got["decks"]
        assert got["soffice"] is True and deck["drawing"] is False and deck["picture_error"] is None
        assert [p["title"] for p in deck["pictures"]] == deck["titles"] and len(deck["titles"]) == 15
        assert deck["pictures"][0]["url"].startswith(f"/output/preview/{SKYPE}/slide-01.png?v=")
        assert deck["exact"] is True, "the pictures show the deck as it is now"
        assert [p["title"] for p in deck["fast"]] == deck["titles"]
        assert deck["pdf"] == f"/output/{SKYPE}.pdf"
        pictures = sorted((project.output / "preview" / SKYPE).glob("slide-*.png"))
        assert len(pictures) == 15

        os.utime(survey)  # saved without a change: the deck is rebuilt to the same bytes, not redrawn
        wait_for_line(lines, f"rebuilt {SKYPE}")
        assert fetch_status(url)["decks"][0]["pictures"] == deck["pictures"]
    assert not any(line.startswith("drew") for line in list(lines.queue))


# -- the web site under /site/ ------------------------------------------------------------------


def test_the_site_is_rebuilt_with_the_decks_and_served_under_site(project: Project):
    preview = Preview(Watcher(project), soffice=None)
    lines = preview.rebuild(None)
    assert len(lines) == 1 and re.fullmatch(r"rebuilt the site in \d+\.\d\d s \(37 pages\): /site/", lines[0])
    example = project.content / "examples" / "skane-1.yaml"
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("status: utkast", "status: klar").replace(
        "Exempel: Klimatråd där", "Exempel: Nytt klimatråd där"), encoding="utf-8")
    lines = preview.rebuild({example})
    assert len(lines) == 1 and lines[0].startswith("rebuilt the site in ") and "(39 pages)" in lines[0]  # a county page and an example page more
    with running(preview) as server:
        assert status(server)["site"] == "/site/index.html"
        code, headers, body = get(server, "/site/")
        assert code == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert b"1 av 21 l\xc3\xa4n har l\xc3\xa4mnat exempel." in body
        code, _, body = get(server, "/site/exempel/skane/exempel-1.html")
        assert code == 200 and "<h1>Exempel: Nytt klimatråd där".encode() in body
        assert get(server, "/site/stil.css")[1]["Content-Type"] == "text/css; charset=utf-8"
        code, headers, _ = get(server, "/site")
        assert code == 301 and headers["Location"] == "/site/"
        pptx = get(server, f"/site/moten/{SKYPE}.pptx")
        assert pptx[0] == 200 and pptx[2] == (project.output / f"{SKYPE}.pptx").read_bytes()
        assert get(server, "/site/../nobel-2016.pptx")[0] == 404
        assert get(server, "/site/exempel/.hidden.html")[0] == 404


def test_a_broken_save_leaves_the_served_site_as_it_was(project: Project):
    preview = Preview(Watcher(project), soffice=None)
    preview.rebuild(None)
    before = {p: p.read_bytes() for p in (project.output / "site").rglob("*") if p.is_file()}
    example = project.content / "examples" / "skane-1.yaml"
    example.write_text(example.read_text(encoding="utf-8").replace("county: Skåne", "county: Skane"), encoding="utf-8")
    lines = preview.rebuild({example})
    assert lines == []  # the deck that shows the examples failed, so the site is not tried
    deck = project.content / "decks" / f"{SKYPE}.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("Hur på hemsidan?", "Hur på webben?"), encoding="utf-8")
    lines = preview.rebuild({deck})
    assert lines == ["failed the site: 1 error in 1 file; output/site/ stays as it was"]
    assert {p: p.read_bytes() for p in (project.output / "site").rglob("*") if p.is_file()} == before
