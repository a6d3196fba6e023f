"""Take the README's pictures of the web site: docs/site.png (the start page) and docs/site-example.png (an example).

Usage: .venv/bin/python scripts/site_screenshots.py
Needs Debian's chromium and chromium-driver and selenium (the test extra). Works on a temporary copy
of content/ and themes/ with the shipped (made-up) examples set ready, so nothing in the project
changes but the two pictures.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SHOTS = (("index.html", "site.png", 1400), ("exempel/skane/exempel-1.html", "site-example.png", 900))
"""(page, picture, window height): the start page, and the example with a picture."""


def main() -> int:
    from slidegen.commands.site import build_site
    from slidegen.project import Project

    work = Path(tempfile.mkdtemp(prefix="slidegen-site-shots-"))
    try:
        for name in ("content", "themes"):
            shutil.copytree(ROOT / name, work / name)
        for example in (work / "content" / "examples").glob("[!_]*.yaml"):
            text = example.read_text(encoding="utf-8")
            example.write_text(text.replace("status: utkast", "status: klar"), encoding="utf-8")
        folder = build_site(Project.at(work), pdf=False).folder
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or ""
        for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={work / 'profile'}"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            for page, picture, height in SHOTS:
                driver.set_window_size(1100, height)
                driver.get((folder / page).as_uri())
                driver.save_screenshot(str(DOCS / picture))
                print(DOCS / picture)
        finally:
            driver.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
