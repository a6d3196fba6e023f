"""Take the README's pictures of the preview page: docs/serve.png (slides) and docs/serve-error.png (an error).

Usage: .venv/bin/python scripts/serve_screenshots.py
Needs LibreOffice, Debian's chromium and chromium-driver, and selenium (the test extra). Works on a
temporary copy of content/ and themes/, so nothing in the project changes but the two pictures.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DECK = "skype-2016-10-28"
SHOWN_LOADED = (
    "return [...document.images].filter(i => i.getBoundingClientRect().top < innerHeight)"
    ".every(i => i.complete && i.naturalWidth > 0);"
)
"""JavaScript: whether every picture in the window has been loaded."""


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="slidegen-shots-"))
    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, work / name)
    proc = subprocess.Popen(
        [sys.executable, "-m", "slidegen", "--root", str(work), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True,
    )
    assert proc.stdout is not None
    url = re.search(r"http://\S+/", proc.stdout.readline())
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={work / 'chromium-profile'}", "--window-size=1280,860", "--hide-scrollbars"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        assert url, "slidegen serve did not say where it serves"
        wait = WebDriverWait(browser, 120, poll_frequency=0.2)
        browser.get(url.group(0))
        wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, 'ol.slides[data-view="exakt"]:not(.stale) img')) > 0
                   and b.execute_script(SHOWN_LOADED))
        DOCS.mkdir(exist_ok=True)
        browser.save_screenshot(str(DOCS / "serve.png"))

        deck = work / "content" / "decks" / f"{DECK}.yaml"
        deck.write_text(deck.read_text(encoding="utf-8").replace("kind: agenda\n", "kind: agendaa\n"), encoding="utf-8")
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".errors") and b.execute_script(SHOWN_LOADED))
        browser.save_screenshot(str(DOCS / "serve-error.png"))
    finally:
        browser.quit()
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {DOCS / 'serve.png'} and {DOCS / 'serve-error.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
