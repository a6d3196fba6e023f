"""A data file (CSV) named by a slide's `source:`: the model its rows validate as, and how the reference is written."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, RootModel

_DATA_REF = re.compile(r"^[^\\:*?\"<>|]+\.[Cc][Ss][Vv]$")


def _data_ref(value: str) -> str:
    if not _DATA_REF.match(value):
        raise ValueError(f"`{value}` is not a CSV file name; write a path like `data/kommuner.csv`")
    return value


DataRef = Annotated[
    str,
    Field(description="A CSV file inside content/, written relative to content/ (e.g. `data/kommuner.csv`)."),
    AfterValidator(_data_ref),
]


class DataFile(RootModel[list[list[str]]]):
    """A CSV file's rows of cell texts, the first row the header; load/cells.table_of types the cells."""

    model_config = {"frozen": True}
