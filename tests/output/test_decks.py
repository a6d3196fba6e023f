"""The deck cache: a deck is rendered once while nothing that decides its bytes changes, and again when anything does."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from slidegen.build import load, plan
from slidegen.output.decks import DeckCache, deck_key
from slidegen.project import Project

WHEN = dt.datetime(2016, 10, 28)


def test_the_key_follows_the_plan_the_theme_the_time_and_the_pictures_bytes(project: Project):
    (nobel,) = load(project, [project.content / "decks" / "nobel-2016.yaml"])
    (deck_plan,) = plan([nobel])
    theme = nobel.theme.model
    key = deck_key(deck_plan, theme, WHEN)
    assert deck_key(deck_plan, theme, WHEN) == key
    retitled = dataclasses.replace(deck_plan, properties=dataclasses.replace(deck_plan.properties, title="Ny titel"))
    assert deck_key(retitled, theme, WHEN) != key
    assert deck_key(deck_plan, theme.model_copy(update={"name": "annat"}), WHEN) != key
    assert deck_key(deck_plan, theme, dt.datetime(2017, 1, 1)) != key
    picture = project.content / "bilder" / "exempelbild.png"
    picture.write_bytes(picture.read_bytes() + b"\0")  # the same name, other bytes
    assert deck_key(deck_plan, theme, WHEN) != key


def test_a_cached_deck_is_not_rendered_again(tmp_path: Path):
    cache = DeckCache(tmp_path / "decks")
    made = []

    def render() -> bytes:
        made.append(1)
        return b"PK pptx"

    assert cache.pptx("abc", render) == b"PK pptx" and cache.pptx("abc", render) == b"PK pptx"
    assert len(made) == 1 and (tmp_path / "decks" / "abc.pptx").read_bytes() == b"PK pptx"
    assert DeckCache(None).pptx("abc", render) == b"PK pptx" and len(made) == 2
