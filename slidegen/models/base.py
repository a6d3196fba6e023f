"""The base of every content model: unknown keys are errors, values are immutable."""

from __future__ import annotations

import re
from typing import Annotated, Any

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


def file_ref(suffix: str, kind: str, example: str) -> Any:
    """A reference to a file inside content/ whose name ends in `suffix` (a pattern): the type of such a field."""
    form = re.compile(rf"^[^\\:*?\"<>|]+\.{suffix}$")

    def check(value: str) -> str:
        if not form.match(value):
            raise ValueError(f"`{value}` is not a {kind} file name; write a path like `{example}`")
        return value

    return Annotated[
        str,
        Field(description=f"A {kind} file inside content/, written relative to content/ (e.g. `{example}`)."),
        AfterValidator(check),
    ]


ContentRef = file_ref("ya?ml", "YAML", "survey-2015.yaml")
