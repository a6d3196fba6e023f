"""Fuzzing the loader: random YAML, YAML-like text and bytes give a model or slidegen's own error, nothing else."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slidegen.check.crossrefs import check_survey
from slidegen.commands.schema import schemas
from slidegen.errors import ContentError
from slidegen.load.messages import validate
from slidegen.load.yaml_file import parse_document
from slidegen.models.bundle import Loaded
from slidegen.models.catalog import CONTENT_TYPES
from slidegen.models.survey import Survey


def fuzz(examples: int) -> settings:
    """Fixed cases (derandomized, no example database) so CI is stable; no per-case deadline."""
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


SHOWN = "content/fuzz.yaml"


def _property_names(node: Any) -> set[str]:
    """Every key the schemas know, so random documents reach deep into the models."""
    names: set[str] = set()
    if isinstance(node, dict):
        names.update(node.get("properties", {}) if isinstance(node.get("properties"), dict) else {})
        for value in node.values():
            names |= _property_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= _property_names(value)
    return names


KEYS = sorted(set().union(*(_property_names(json.loads(text)) for text in schemas().values())))
WORDS = ["title", "bullets", "chart", "method_table", "agenda", "1-20", "1-x", "13.00", "13:00", "no", "on", "1.10",
         "2016-10-28", "survey-2015.yaml", "../x.yaml", "/etc/x.yaml", "#FFFFFF", "48 %", "", " ", "Skåne"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=200),
    st.integers(),
    st.floats(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(WORDS),
    st.text(max_size=20),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=8))
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=30,
)
top_levels = st.one_of(st.dictionaries(st.sampled_from(KEYS), documents, min_size=1, max_size=8), documents)

TOKENS = ["key: ", "title: ", "- ", "  ", "    ", "\n", "\n", "[", "]", "{", "}", ", ", ": ", "&a ", "*a", "&b ", "*b",
          "!!binary ", "!!str ", "!x ", "'", '"', "\\", "\t", "# c", "---", "...", "<<: ", "? ", "| ", "> ", "%YAML 1.1",
          "no", "13:00", "1.10", "2016-10-28", "~", "\u2028", "\x07", "\ufeff", "å", "💡"]
yaml_like = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


def check(raw: bytes) -> int:
    """Parse and validate against every content type; returns how many models came out."""
    try:
        doc = parse_document(raw, Path(SHOWN), SHOWN)
    except ContentError as exc:
        assert_reportable(exc)
        return 0
    made = 0
    for kind in CONTENT_TYPES:
        try:
            model = validate(doc, kind.model)
        except ContentError as exc:
            assert_reportable(exc)
            continue
        assert isinstance(model, kind.model)
        made += 1
        if isinstance(model, Survey):
            for problem in check_survey(Loaded(doc, model)):
                assert "\n" not in str(problem)
    return made


def assert_reportable(exc: ContentError) -> None:
    """The error can be printed as the CLI prints it: one line per problem, located in our file, UTF-8."""
    assert exc.problems
    for problem in exc.sorted():
        line = str(problem)
        assert problem.location.file == SHOWN
        assert "\n" not in line and "\r" not in line, line
        line.encode("utf-8")
    assert str(exc).endswith("nothing was written.")


def dump(data: Any, flow: bool, unicode: bool) -> bytes:
    return yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode, sort_keys=False).encode("utf-8")


@fuzz(200)
@given(top_levels, st.booleans(), st.booleans())
def test_random_documents(data: Any, flow: bool, unicode: bool):
    check(dump(data, flow, unicode))


@fuzz(150)
@given(yaml_like)
def test_random_yaml_like_text(text: str):
    check(text.encode("utf-8"))


@fuzz(100)
@given(st.binary(max_size=300))
def test_random_bytes(raw: bytes):
    check(raw)


def test_check_returns_models_for_the_shipped_files():
    """check() really validates: real files come out as models, not only as errors."""
    from conftest import ROOT

    for name in ("content/survey-2015.yaml", "content/guidance-rus.yaml", "themes/default/theme.yaml"):
        assert check((ROOT / name).read_bytes()) >= 1
