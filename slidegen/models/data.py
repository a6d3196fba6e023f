"""A data file (CSV) named by a slide's `source:`: the model its rows validate as, and how the reference is written."""

from __future__ import annotations

from pydantic import RootModel

from slidegen.models.base import file_ref

DataRef = file_ref("[Cc][Ss][Vv]", "CSV", "data/kommuner.csv")


class DataFile(RootModel[list[list[str]]]):
    """A CSV file's rows of cell texts, the first row the header; load/cells.table_of types the cells."""

    model_config = {"frozen": True}
