"""The preview page in headless Chromium: slide pictures, a located error after a bad save, and recovery;
the slides drawn from the plan at once, LibreOffice's swapped in, the toggle between them, and the page without LibreOffice."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browsing import chromium, needs_chromium
from conftest import needs_soffice

from slidegen.project import Project

SKYPE = "skype-2016-10-28"
WAIT = 90
"""Seconds any one wait may take at most (the first LibreOffice run is the slow step)."""

pytestmark = [needs_chromium, needs_soffice]

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the test extra has it)")


@pytest.fixture
def server(project: Project) -> Iterator[tuple[str, subprocess.Popen[str], queue.Queue[str]]]:
    """`slidegen serve --port 0` on the project in its own process group: URL, process, its output lines."""
    with serving(project) as running:
        yield running


@contextmanager
def serving(project: Project, **env: str) -> Iterator[tuple[str, subprocess.Popen[str], queue.Queue[str]]]:
    """`slidegen serve --port 0` (with `env` added to its environment) until the block ends."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "slidegen", "--root", str(project.root), "serve", "--port", "0", "--width", "800"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1", **env}, start_new_session=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None
    first = proc.stdout.readline()
    match = re.match(r"serving (http://127\.0\.0\.1:\d+/)", first)
    reader = threading.Thread(target=lambda: [lines.put(line.rstrip("\n")) for line in proc.stdout], daemon=True)  # type: ignore[union-attr]
    reader.start()
    try:
        assert match, first
        yield match.group(1), proc, lines
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        reader.join(timeout=10)
        proc.stdout.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator["webdriver.Chrome"]:
    """Headless Chromium through /usr/bin/chromedriver, with a fresh profile and no network of its own."""
    with chromium(tmp_path / "chromium-profile") as driver:
        yield driver


def test_page_shows_slides_then_the_located_error_then_the_slides_again(project: Project, server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url, proc, lines = server
    deck = project.content / "decks" / f"{SKYPE}.yaml"
    text = deck.read_text(encoding="utf-8")
    line = text[: text.index("kind: agenda\n")].count("\n") + 1
    section = f'section[data-deck="{SKYPE}"]'
    wait = WebDriverWait(browser, WAIT, poll_frequency=0.2)

    def pictures(stale: bool = False) -> list:
        return browser.find_elements(By.CSS_SELECTOR, f"{section} ol.slides{'.stale' if stale else ':not(.stale)'} img")

    browser.get(url)
    wait.until(lambda _: len(browser.find_elements(By.CSS_SELECTOR, f'{section} ol.slides[data-view="exakt"] img')) == 15)
    assert [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#decks a")] == ["nobel-2016", SKYPE]
    images = pictures()
    assert images[0].get_attribute("alt") == "Uppdrag 51 – hur går det?"
    assert images[1].get_attribute("alt") == "Dagordning (kl. 13.00–14.15)"
    for number, img in enumerate(images, start=1):
        assert f"/output/preview/{SKYPE}/slide-{number:02d}.png?v=" in img.get_attribute("src")
    loaded = "const i = arguments[0]; return i.complete && i.naturalWidth > 0;"
    wait.until(lambda _: browser.execute_script(loaded, images[0]))
    assert browser.execute_script("return arguments[0].naturalWidth;", images[0]) == 800
    links = {a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, f"{section} .links a")}
    assert links == {"Ladda ner .pptx": f"{url}output/{SKYPE}.pptx", "Ladda ner PDF": f"{url}output/{SKYPE}.pdf"}

    deck.write_text(text.replace("kind: agenda\n", "kind: agendaa\n"), encoding="utf-8")
    where = f"content/decks/{SKYPE}.yaml:{line}:"
    errors = f'#problems .errors[data-deck="{SKYPE}"]'
    wait.until(lambda _: any(e.text.startswith(where) for e in browser.find_elements(By.CSS_SELECTOR, f"{errors} .where")))
    error = browser.find_element(By.CSS_SELECTOR, errors)
    assert f"{SKYPE}: bygget misslyckades, 1 fel i 1 fil" in error.text and "unknown kind `agendaa`" in error.text
    assert browser.execute_script("return arguments[0].getBoundingClientRect().top < innerHeight;", error), \
        "the error is at the top of the page"
    assert len(pictures(stale=True)) == 15, "the last good slides stay on the page, greyed"

    deck.write_text(text, encoding="utf-8")
    wait.until(lambda _: not browser.find_elements(By.CSS_SELECTOR, "#problems") and len(pictures()) == 15)
    wait.until(lambda _: browser.find_elements(By.CSS_SELECTOR, f'{section} ol.slides[data-view="exakt"]'))
    assert browser.find_element(By.ID, "live").text == "uppdateras direkt"

    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(timeout=30) == 0
    printed: list[str] = []
    while not printed or printed[-1] != "stopped":
        printed.append(lines.get(timeout=10))
    output = "\n".join(printed)
    assert f"failed {SKYPE}: 1 error in 1 file; output/{SKYPE}.pptx stays as it was" in output
    assert f"rebuilt {SKYPE} in " in output and output.rstrip().endswith("stopped")
    assert "Traceback" not in output


SHOWN = """
const list = document.querySelector(`section[data-deck="${arguments[0]}"] ol.slides`);
return list ? [list.dataset.view, [...list.querySelectorAll("img")].map((i) => [i.src, i.alt])] : ["", []];
"""


def shown_slides(browser, deck: str) -> tuple[str, list[tuple[str, str]]]:
    """The view a deck's slides are shown in (`snabb`, `exakt`) and each picture's address and alt text.

    Read in one script: the page draws itself anew with every status.
    """
    view, slides = browser.execute_script(SHOWN, deck)
    return view, [tuple(s) for s in slides]


def text_of(browser, selector: str) -> str:
    """The text of the first element a selector finds ('' when none), read in one script."""
    return browser.execute_script("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';",
                                  selector)


def test_a_save_shows_the_slides_drawn_from_the_plan_at_once_then_libreoffices(project: Project, server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url, _, _ = server
    deck = project.content / "decks" / f"{SKYPE}.yaml"
    text = deck.read_text(encoding="utf-8")
    wait = WebDriverWait(browser, WAIT, poll_frequency=0.1)
    browser.get(url)
    wait.until(lambda _: shown_slides(browser, SKYPE)[0] == "exakt")
    assert browser.find_element(By.ID, "view-exakt").get_attribute("aria-pressed") == "true"
    exact = shown_slides(browser, SKYPE)[1]
    assert len(exact) == 15 and all(f"/output/preview/{SKYPE}/slide-" in src and ".png?v=" in src for src, _ in exact)

    deck.write_text(text.replace("  - kind: agenda\n", "  - kind: agenda\n    title: Dagordningen\n"), encoding="utf-8")
    wait.until(lambda _: shown_slides(browser, SKYPE)[0] == "snabb")
    view, fast = shown_slides(browser, SKYPE)
    assert fast[1][1] == "Dagordningen (kl. 13.00–14.15)", "the fast view shows the slides as saved"
    assert all(f"/output/preview/{SKYPE}/slide-{n:02d}.svg?v=" in src for n, (src, _) in enumerate(fast, start=1))
    note = text_of(browser, f'section[data-deck="{SKYPE}"] p.view')
    assert note.startswith("Snabbvisning: bilderna är ritade direkt från planen.")
    svg = browser.execute_script("return fetch(arguments[0]).then((r) => r.text());", fast[1][0])
    assert "<title>Dagordningen (kl. 13.00–14.15)</title>" in svg and ">Dagordningen (kl. 13.00–14.15)<" in svg

    wait.until(lambda _: shown_slides(browser, SKYPE)[0] == "exakt")
    view, swapped = shown_slides(browser, SKYPE)
    assert swapped[1][1] == "Dagordningen (kl. 13.00–14.15)"
    assert all(".png?v=" in src for src, _ in swapped) and swapped[0][0] != exact[0][0], "LibreOffice's new pictures"
    assert text_of(browser, f'section[data-deck="{SKYPE}"] p.view').startswith("Exakt visning")

    browser.find_element(By.ID, "view-snabb").click()
    assert shown_slides(browser, SKYPE)[0] == "snabb"
    assert browser.find_element(By.ID, "view-snabb").get_attribute("aria-pressed") == "true"
    browser.refresh()  # the choice is kept
    wait.until(lambda _: shown_slides(browser, SKYPE)[0] == "snabb")
    browser.find_element(By.ID, "view-exakt").click()
    assert shown_slides(browser, SKYPE)[0] == "exakt"


def test_without_libreoffice_the_page_shows_the_slides_drawn_from_the_plan(project: Project, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with serving(project, SLIDEGEN_SOFFICE=str(project.root / "no-soffice")) as (url, _, _):
        wait = WebDriverWait(browser, WAIT, poll_frequency=0.2)
        browser.get(url)
        wait.until(lambda _: len(shown_slides(browser, SKYPE)[1]) == 15)
        view, slides = shown_slides(browser, SKYPE)
        assert view == "snabb" and slides[0][1] == "Uppdrag 51 – hur går det?"
        assert all(".svg?v=" in src for src, _ in slides)
        width = f"const i = document.querySelector('section[data-deck=\"{SKYPE}\"] ol.slides img'); " \
                "return i && i.complete ? i.naturalWidth : 0;"
        wait.until(lambda _: browser.execute_script(width) > 0)
        assert browser.execute_script(width) == 1280, "the SVG's own size: the slide at 96 pixels an inch"
        section = f'section[data-deck="{SKYPE}"]'
        assert "den exakta visningen kräver LibreOffice" in text_of(browser, f"{section} .hint")
        assert text_of(browser, f"{section} p.view").endswith("Den exakta visningen kräver LibreOffice.")
        exact = browser.find_element(By.ID, "view-exakt")
        assert exact.get_attribute("disabled") == "true"
        assert browser.find_element(By.ID, "view-snabb").get_attribute("aria-pressed") == "true"
