"""JSON Schemas of the content file types, written from the models so editors can check while typing."""

from __future__ import annotations

import json
import os
from pathlib import Path

from slidegen.models.catalog import CONTENT_TYPES, ContentType
from slidegen.output.files import write_atomic

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "content/schema"
"""Where the schemas are kept, relative to the project."""


def schema_text(kind: ContentType) -> str:
    """The JSON Schema of a content type: sorted keys, two-space indent, a trailing newline."""
    schema = {"$schema": DIALECT, **kind.model.model_json_schema()}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schemas() -> dict[str, str]:
    """Every content type's schema: {file name: text}."""
    return {kind.schema_file: schema_text(kind) for kind in CONTENT_TYPES}


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema into out_dir (atomically, each); returns the files written."""
    written = []
    for name, text in schemas().items():
        target = Path(out_dir) / name
        write_atomic(target, text.encode("utf-8"))
        written.append(target)
    return written


def schema_line(file: Path, schema_dir: Path, kind: ContentType) -> str:
    """The first line a content file carries so editors find its schema (a path relative to the file)."""
    rel = Path(os.path.relpath(schema_dir / kind.schema_file, file.parent)).as_posix()
    return f"# yaml-language-server: $schema={rel}"
