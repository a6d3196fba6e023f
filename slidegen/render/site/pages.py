"""The pages of the site and where each lives: start, examples per county and per example, survey per group and method."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from slidegen.models.bundle import Loaded
from slidegen.models.county import COUNTIES, County, find_county
from slidegen.models.example import Example
from slidegen.models.survey import Group, Survey
from slidegen.plan.kinds.examples import tally
from slidegen.render.site.content import SiteContent

START = "index.html"
EXAMPLES = "exempel/index.html"
SURVEY = "enkat/index.html"


@dataclass(frozen=True)
class Page:
    """One HTML page: its path in the site, its template, its heading, where it sits, and what it shows."""

    path: str
    template: str
    title: str
    section: str
    """The part of the site it belongs to, marked in the navigation: `start`, `exempel` or `enkat`."""
    crumbs: tuple[tuple[str, str], ...] = ()
    """The pages above it, from the start page: (label, path)."""
    data: Mapping[str, Any] = field(default_factory=dict)


def site_name(content: SiteContent) -> str:
    """The site's name, from the assignment it is about."""
    if content.assignment is not None:
        return f"Uppdrag {content.assignment.number}: goda exempel och enkät"
    return "Goda exempel och enkät"


@dataclass(frozen=True)
class Places:
    """Where every page of the content lives: one place to decide the site's paths."""

    content: SiteContent

    @staticmethod
    def county(county: County) -> str:
        return f"exempel/{county.slug}/index.html"

    def example(self, ex: Loaded[Example]) -> str:
        county = find_county(ex.model.county)
        assert county is not None  # validated
        k = [e for e in self.content.examples if e.model.county == ex.model.county].index(ex) + 1
        return f"exempel/{county.slug}/exempel-{k}.html"

    @staticmethod
    def group(group: Group) -> str:
        return f"enkat/{group.id}.html"

    @staticmethod
    def method(number: int) -> str:
        return f"enkat/metod-{number}.html"


def _county_rows(content: SiteContent) -> list[dict[str, Any]]:
    """The 21 counties in official order, each with its ready examples and drafts shown."""
    ready, drafts = tally(list(content.examples))
    return [
        {"county": c, "ready": ready.get(c.name, 0), "drafts": drafts.get(c.name, 0),
         "path": Places.county(c) if c.name in ready or c.name in drafts else None}
        for c in COUNTIES
    ]


def _illustrating(content: SiteContent) -> dict[int, list[Loaded[Example]]]:
    """The examples that illustrate each method, by method number."""
    out: dict[int, list[Loaded[Example]]] = {}
    for ex in content.examples:
        for n in ex.model.methods:
            out.setdefault(n, []).append(ex)
    return out


def _group_of(survey: Survey) -> dict[int, Group]:
    return {m.number: g for g in survey.groups for m in g.methods}


def start_pages(content: SiteContent, places: Places) -> list[Page]:
    rows = _county_rows(content)
    ready = sum(1 for r in rows if r["ready"])
    return [
        Page(START, "index.html", site_name(content), "start",
             data={"rows": [r for r in rows if r["path"]], "ready": ready, "decks": content.decks,
                   "assignment": content.assignment, "survey": content.survey}),
        Page(EXAMPLES, "examples.html", "Goda exempel från länen", "exempel", (("Start", START),),
             data={"rows": rows, "ready": ready}),
    ]


def county_pages(content: SiteContent, places: Places) -> list[Page]:
    pages = []
    for row in _county_rows(content):
        county: County = row["county"]
        if row["path"] is None:
            continue
        examples = [ex for ex in content.examples if ex.model.county == county.name]
        pages.append(Page(row["path"], "county.html", county.county, "exempel",
                          (("Start", START), ("Goda exempel", EXAMPLES)),
                          data={"county": county, "examples": examples}))
    return pages


def example_pages(content: SiteContent, places: Places) -> list[Page]:
    methods = {m.number: m for m in content.survey.methods()} if content.survey else {}
    pages = []
    for ex in content.examples:
        m = ex.model
        county = find_county(m.county)
        assert county is not None
        title = m.title + (" (utkast)" if m.draft else "")
        pages.append(Page(places.example(ex), "example.html", title, "exempel",
                          (("Start", START), ("Goda exempel", EXAMPLES), (county.county, Places.county(county))),
                          data={"example": m, "county": county,
                                "methods": [(n, methods.get(n)) for n in m.methods],
                                "picture": m.picture}))
    return pages


def survey_pages(content: SiteContent, places: Places) -> list[Page]:
    survey = content.survey
    if survey is None:
        return []
    examples = _illustrating(content)
    group_of = _group_of(survey)
    up = (("Start", START), ("Enkäten", SURVEY))
    pages = [Page(SURVEY, "survey.html", survey.title, "enkat", (("Start", START),), data={"survey": survey})]
    for g in survey.groups:
        pages.append(Page(Places.group(g), "group.html", g.title, "enkat", up,
                          data={"survey": survey, "group": g}))
    for g in survey.groups:
        for m in g.methods:
            pages.append(Page(Places.method(m.number), "method.html", f"Metod {m.number}: {m.short}", "enkat",
                              (*up, (g.short, Places.group(group_of[m.number]))),
                              data={"survey": survey, "group": g, "method": m,
                                    "examples": examples.get(m.number, [])}))
    return pages


PAGE_BUILDERS: tuple[Callable[[SiteContent, Places], list[Page]], ...] = (
    start_pages,
    county_pages,
    example_pages,
    survey_pages,
)
"""The parts of the site, in order: each gives its pages."""


def site_pages(content: SiteContent) -> list[Page]:
    """Every page of the site."""
    places = Places(content)
    return [page for build in PAGE_BUILDERS for page in build(content, places)]
