"""The base of every content model: unknown keys are errors, values are immutable."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class Model(BaseModel):
    """A content model: forbids unknown keys and never changes after validation."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty; write the text or remove the line")
    return value


Text = Annotated[str, Field(min_length=1), AfterValidator(_non_blank)]
"""A piece of text shown on a slide: never empty."""

_REF = re.compile(r"^[^\\:*?\"<>|]+\.ya?ml$")


def _content_ref(value: str) -> str:
    if not _REF.match(value):
        raise ValueError(f"`{value}` is not a YAML file name; write a path like `survey-2015.yaml`")
    return value


ContentRef = Annotated[
    str,
    Field(description="A YAML file inside content/, written relative to content/ (e.g. `survey-2015.yaml`)."),
    AfterValidator(_content_ref),
]
