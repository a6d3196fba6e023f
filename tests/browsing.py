"""Headless Chromium for the browser tests, and the page checkers from npm (tests/browser/): where each is, or why not."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHECKERS = Path(__file__).resolve().parent / "browser" / "node_modules"
AXE = CHECKERS / "axe-core" / "axe.min.js"
VNU = CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")

needs_chromium = pytest.mark.skipif(CHROMIUM is None or not CHROMEDRIVER.is_file(),
                                    reason="chromium and chromium-driver are not installed; .ci/run installs them")
needs_axe = pytest.mark.skipif(not AXE.is_file(),
                               reason="axe-core is not installed; `python3 tasks.py test` installs it with npm")
needs_vnu = pytest.mark.skipif(JAVA is None or not VNU.is_file(),
                               reason="Java or vnu-jar is missing; .ci/run installs Java, `python3 tasks.py test` vnu-jar")


@contextmanager
def chromium(profile: Path, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """Headless Chromium through /usr/bin/chromedriver, with a fresh profile and no network of its own."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
