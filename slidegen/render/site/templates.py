"""The site's Jinja2 templates (package data under data/site/): autoescaped HTML, relative links, Swedish dates and sizes."""

from __future__ import annotations

import datetime as dt
import posixpath
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape

from slidegen.format import MISSING, number, percent
from slidegen.models.survey import CATEGORY_KEYS

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")


def swedish_date(day: dt.date) -> str:
    """2016-10-28 → `28 oktober 2016`."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def file_size(size: int) -> str:
    """A file's size the Swedish way: `812 kB`, `1,4 MB`."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))}\u00a0kB"
    return f"{number(round(size / 1e6, 1))}\u00a0MB"


@pass_context
def _url(ctx: Any, target: str) -> str:
    """A link from the page being rendered to another file of the site, relative so the folder works anywhere."""
    here = posixpath.dirname(ctx["page"].path) or "."
    return posixpath.relpath(target, here)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment: the package's templates, autoescaping on for HTML, unknown names an error."""
    env = Environment(
        loader=PackageLoader("slidegen", "data/site"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(url=_url, CATEGORY_KEYS=CATEGORY_KEYS, MISSING=MISSING)
    env.filters.update(percent=percent, swedish_date=swedish_date, file_size=file_size)
    return env
