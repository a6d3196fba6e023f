"""Rendering the site: each page through its Jinja2 template (autoescaped), with its charts, pictures and decks as files."""

from __future__ import annotations

import hashlib
from typing import Any, Callable

from slidegen.render.site.content import ChartSource, PictureSource, SiteContent
from slidegen.render.site.figures import Figure, css_pixels, group_chart, overview_rows, survey_overview
from slidegen.render.site.pages import Page, Places, site_name, site_pages
from slidegen.render.site.style import stylesheet
from slidegen.render.site.templates import environment

PICTURE_BOX = (1280, 1280)
"""The largest size in pixels a picture is published at: twice the page column, sharp on fine screens."""

class Files:
    """The site's files as they are rendered: relative path → bytes, each asset named by its content."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def add(self, path: str, data: bytes) -> str:
        self.files[path] = data
        return path

    def named(self, folder: str, stem: str, data: bytes, suffix: str) -> str:
        """An asset under a name from its bytes: the same picture or chart is one file, and a changed one a new name."""
        return self.add(f"{folder}/{stem}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}", data)


Extras = Callable[[Page, SiteContent, Files, ChartSource, PictureSource], dict[str, Any]]


def _figure(spec: Any, files: Files, chart: ChartSource, stem: str) -> Figure:
    src = files.named("diagram", stem, chart(spec), ".svg")
    return Figure(src, spec.description, css_pixels(spec.width), css_pixels(spec.height))


def _survey_extras(page: Page, content: SiteContent, files: Files, chart: ChartSource, picture: PictureSource) -> dict[str, Any]:
    assert content.survey is not None
    spec = survey_overview(content.survey, content.theme)
    return {"chart_figure": _figure(spec, files, chart, "oversikt"), "overview": spec, "overview_rows": overview_rows(spec)}


def _group_extras(page: Page, content: SiteContent, files: Files, chart: ChartSource, picture: PictureSource) -> dict[str, Any]:
    assert content.survey is not None
    spec = group_chart(content.survey, page.data["group"], content.theme)
    return {"chart_figure": _figure(spec, files, chart, page.data["group"].id)}


def _example_extras(page: Page, content: SiteContent, files: Files, chart: ChartSource, picture: PictureSource) -> dict[str, Any]:
    ref = page.data["picture"]
    if not ref:
        return {"image": None}
    path, _ = content.pictures[ref]
    pic = picture(path, PICTURE_BOX)
    src = files.named("bilder", "bild", pic.data, pic.suffix)
    return {"image": Figure(src, page.data["example"].picture_alt or "", pic.width, pic.height)}


EXTRAS: dict[str, Extras] = {
    "survey.html": _survey_extras,
    "group.html": _group_extras,
    "example.html": _example_extras,
}
"""What a template needs besides its page's data: the charts and pictures it shows, made into files."""


def render_site(content: SiteContent, chart: ChartSource, picture: PictureSource) -> dict[str, bytes]:
    """Every file of the site, relative path → bytes: pages, stylesheet, charts, pictures and decks."""
    env = environment()
    files = Files()
    files.add("stil.css", stylesheet(content.theme).encode("utf-8"))
    decks = []
    for deck in content.decks:
        pptx = files.add(f"moten/{deck.name}.pptx", deck.pptx)
        pdf = files.add(f"moten/{deck.name}.pdf", deck.pdf) if deck.pdf is not None else None
        decks.append({"deck": deck, "pptx": pptx, "pptx_size": len(deck.pptx), "pdf": pdf,
                      "pdf_size": len(deck.pdf or b"")})
    places = Places(content)
    common = {"site_name": site_name(content), "content": content, "places": places, "deck_files": decks,
              "has_survey": content.survey is not None}
    for page in site_pages(content):
        extras = EXTRAS.get(page.template)
        extra = extras(page, content, files, chart, picture) if extras else {}
        html = env.get_template(page.template).render(page=page, **common, **page.data, **extra)
        files.add(page.path, html.encode("utf-8"))
    return files.files
