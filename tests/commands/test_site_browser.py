"""The site in a real browser, opened from disk: clicking through, the keyboard, 320 px, axe-core, the Nu Html Checker."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from browsing import AXE, JAVA, VNU, chromium, needs_axe, needs_chromium, needs_vnu
from conftest import copy_project
from sitedata import add_hostile, make_ready

from slidegen.commands.site import build_site
from slidegen.project import Project

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""The WCAG 2.1 A and AA rules of axe-core."""

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(r => done(r.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(" ")).join(", ")})`)))
  .catch(e => done([`axe failed: ${e}`]));
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, chart_cache: Path) -> Path:
    """A site with ready examples (one with a picture), a hostile one, and the drafts shown too (every template used)."""
    project = copy_project(tmp_path_factory.mktemp("site-browser"), chart_cache)
    make_ready(project, "skane-1", "jamtland-1")
    add_hostile(project)
    return build_site(project, drafts=True, pdf=False).folder


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture
def browser(tmp_path: Path):
    with chromium(tmp_path / "profile") as driver:
        yield driver


def h1(browser) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.TAG_NAME, "h1").text


@needs_chromium
def test_start_county_example_method_and_back_by_clicking(site: Path, browser):
    from selenium.webdriver.common.by import By

    browser.get((site / "index.html").as_uri())
    assert h1(browser) == "Uppdrag 51: goda exempel och enkät"
    browser.find_element(By.LINK_TEXT, "Skåne län").click()
    assert h1(browser) == "Skåne län"
    browser.find_element(By.LINK_TEXT, "Exempel: Klimatråd där kommuner och företag åtar sig åtgärder").click()
    assert h1(browser) == "Exempel: Klimatråd där kommuner och företag åtar sig åtgärder"
    picture = browser.find_element(By.CSS_SELECTOR, "figure.picture img")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth;", picture) > 0
    browser.find_element(By.LINK_TEXT, "Metod 23: Miljöråd eller klimatråd").click()
    assert h1(browser) == "Metod 23: Miljöråd eller klimatråd"
    assert browser.current_url.endswith("/enkat/metod-23.html")
    browser.back()
    assert h1(browser) == "Exempel: Klimatråd där kommuner och företag åtar sig åtgärder"
    browser.find_element(By.LINK_TEXT, "Goda exempel").click()
    assert h1(browser) == "Goda exempel från länen"
    browser.find_element(By.LINK_TEXT, "Enkäten").click()
    chart = browser.find_element(By.CSS_SELECTOR, "figure.chart img")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth;", chart) > 0


@needs_chromium
def test_the_keyboard_reaches_the_skip_link_first_and_it_moves_to_the_content(site: Path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get((site / "enkat" / "internal.html").as_uri())
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.text == "Hoppa till innehållet"
    assert browser.execute_script("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", active), \
        "the skip link shows when it has focus"
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle;", active)
    assert outline == "solid", "focus is visible"
    active.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "innehall"


@needs_chromium
@pytest.mark.parametrize("width", [320, 640])
def test_every_page_reads_narrow_without_scrolling_sideways(site: Path, tmp_path: Path, width: int):
    """320 CSS pixels is a phone, and a 1280 px window at 400 % zoom; 640 is that window at 200 %."""
    with chromium(tmp_path / "narrow", width=width, height=800) as browser:
        for page in pages(site):
            browser.get(page.as_uri())
            wide = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            assert wide <= 0, f"{page.relative_to(site)} is {wide} px too wide at {width} px"


@needs_chromium
@needs_axe
def test_axe_finds_no_wcag_21_a_or_aa_violation_on_any_page(site: Path, browser):
    script = AXE.read_text(encoding="utf-8")
    browser.set_script_timeout(60)
    found = {}
    checked = 0
    for page in pages(site):
        browser.get(page.as_uri())
        browser.execute_script(script)
        violations = browser.execute_async_script(AXE_RUN, AXE_TAGS)
        checked += 1
        if violations:
            found[page.relative_to(site).as_posix()] = violations
    assert checked == 45
    assert found == {}


@needs_vnu
def test_the_nu_html_checker_finds_no_error_on_any_page_or_the_stylesheet(site: Path):
    files = [str(p) for p in pages(site)] + [str(site / "stil.css")]
    done = subprocess.run([JAVA or "java", "-jar", str(VNU), "--errors-only", "--also-check-css", "--format", "json", *files],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert errors == []
    assert len(files) == 46


@needs_chromium
@needs_axe
@pytest.mark.parametrize("theme", ["kontrast", "mall"])
def test_the_other_themes_pass_axe_too(theme: str, site: Path, tmp_path: Path, browser):
    project = Project.at(site.parent.parent)
    folder = build_site(project, out_dir=tmp_path / theme, theme=theme, drafts=True, pdf=False).folder
    script = AXE.read_text(encoding="utf-8")
    browser.set_script_timeout(60)
    found = {}
    for page in ("index.html", "exempel/index.html", "exempel/skane/exempel-1.html", "enkat/internal.html",
                 "enkat/metod-3.html"):
        browser.get((folder / page).as_uri())
        browser.execute_script(script)
        violations = browser.execute_async_script(AXE_RUN, AXE_TAGS)
        if violations:
            found[page] = violations
    assert found == {}
