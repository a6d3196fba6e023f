"""The slide kinds: each declared once, with a planner, references and layouts that agree with the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from slidegen.build import load, plan
from slidegen.models.template import NEEDS, USES
from slidegen.models.deck import Deck
from slidegen.models.slides import SLIDE_KINDS
from slidegen.models.theme import TemplateLayouts
from slidegen.plan.kinds import PLANNERS
from slidegen.project import Project

ROOT = Path(__file__).resolve().parents[2]


def _kind(cls: type) -> str:
    return cls.model_fields["kind"].annotation.__args__[0]


def test_every_kind_has_one_planner_and_every_planner_a_kind():
    kinds = [_kind(cls) for cls in SLIDE_KINDS]
    assert len(kinds) == len(set(kinds))
    assert set(kinds) == set(PLANNERS)


def test_the_deck_accepts_exactly_the_declared_kinds():
    mapping = Deck.model_json_schema()["properties"]["slides"]["items"]["discriminator"]["mapping"]
    assert set(mapping) == {_kind(cls) for cls in SLIDE_KINDS}


def test_layouts_are_declared_once_with_their_placeholders():
    roles = set(TemplateLayouts.model_fields)
    assert set(NEEDS) == roles == set(USES)
    for cls in SLIDE_KINDS:
        assert cls.layouts, f"{_kind(cls)} names no layout"
        assert cls.layouts <= roles, f"{_kind(cls)} uses a layout the theme cannot name: {cls.layouts - roles}"


@pytest.fixture(scope="module")
def shipped_plans(tmp_path_factory):
    work = tmp_path_factory.mktemp("project")
    for folder in ("content", "themes"):
        shutil.copytree(ROOT / folder, work / folder)
    project = Project.at(work)
    bundles = load(project)
    return list(zip(bundles, plan(bundles)))


def test_planned_slides_use_only_the_layouts_their_kind_declares(shipped_plans):
    checked = 0
    for bundle, deck_plan in shipped_plans:
        slides = bundle.deck.model.slides
        for slide_plan in deck_plan.slides:
            path = slide_plan.source.path  # `slides[3]` or deeper, when the slide is in the deck file
            if slide_plan.source.file != bundle.deck.doc.display or not path.startswith("slides["):
                continue
            index = int(path[len("slides["):path.index("]")])
            assert slide_plan.layout in type(slides[index]).layouts, (slides[index].kind, slide_plan.layout)
            checked += 1
    assert checked >= 20


def test_references_name_the_files_the_slides_use(shipped_plans):
    bundle, _ = next((b, p) for b, p in shipped_plans if b.name.startswith("skype"))
    deck = bundle.deck.model
    found = {(ref, model.__name__) for i, s in enumerate(deck.slides) for _, ref, model in s.references(deck, ("slides", i))}
    assert ("assignment-51.yaml", "Assignment") in found
    assert ("guidance-rus.yaml", "Guidance") in found
    assert ("survey-2015.yaml", "Survey") in found
    assert {key for key, _ in ((r, m.__name__) for r, m in bundle.refs)} == {r for r, _ in found}
