"""pydantic's errors as located messages a coordinator can act on, with did-you-mean hints."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from slidegen.errors import ContentError, Problem, closest, suggest_from
from slidegen.load.document import Document, Loc, dotted
from slidegen.load.yaml_file import YAML_KINDS, shown


def validate(doc: Document, model: type[BaseModel], context: dict[str, Any] | None = None) -> Any:
    """Validate a document against a model, raising every problem at once, located."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise ContentError(problems_from(doc, model, exc.errors(include_url=False))) from None


def problems_from(doc: Document, model: type[BaseModel], errors: list[Any]) -> list[Problem]:
    """pydantic's errors as located problems, each mistake said by its cause rather than by what it causes.

    A suspect the model refuses (text with `: ` read as a key) is reported instead of the errors inside it;
    a misspelt key is reported without the messages it causes at its mapping (`title` is missing).
    """
    errors, problems = _suspected(doc, model, errors)
    problems += [_problem_from(doc, model, err) for err in errors]
    meant = _meant_keys(doc, model, errors)
    return [p for p in problems if not any(p.location.path == at and f"`{key}`" in p.message for at, key in meant)]


def _suspected(doc: Document, model: type[BaseModel], errors: list[Any]) -> tuple[list[Any], list[Problem]]:
    """The errors outside refused suspects, and one problem per refused suspect (its own message).

    A suspect is refused when its key is unknown (and no misspelling of a known one), or where the
    model wants something other than a mapping.
    """
    refused: dict[Loc, str] = {}
    for err in errors:
        real = doc.resolve(err["loc"])
        for loc, suspect in doc.suspects.items():
            unknown = (err["type"] == "extra_forbidden" and real == (*loc, suspect.key)
                       and closest(suspect.key, _known_keys(model, tuple(err["loc"][:-1]))) is None)
            not_a_mapping = err["type"].endswith("_type") and real == loc and isinstance(err.get("input"), dict)
            if unknown or not_a_mapping:
                refused[loc] = suspect.message
    if not refused:
        return errors, []
    kept = [e for e in errors if not any(doc.resolve(e["loc"])[: len(loc)] == loc for loc in refused)]
    return kept, [doc.problem(loc, message) for loc, message in refused.items()]


def _meant_keys(doc: Document, model: type[BaseModel], errors: list[Any]) -> set[tuple[str, str]]:
    """(mapping, key) for every unknown key that is a misspelling of a known one: `titel` meant `title`."""
    meant = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            key = str(err["loc"][-1])
            close = closest(key, _known_keys(model, tuple(err["loc"][:-1])))
            if close and close != key:
                meant.add((dotted(doc.resolve(err["loc"][:-1])), close))
    return meant


def _untagged(doc: Document, loc: Loc) -> Loc:
    """A pydantic location without the slide kinds' tags (`slides.2.picture.fit` → `slides.2.fit`), so that a kind
    named like one of its keys (`picture`, `columns`) is not taken for that key."""
    out: list[str | int] = []
    node = doc.data
    after_index = False
    for part in loc:
        if after_index and isinstance(node, dict) and node.get("kind") == part:
            after_index = False
            continue  # the tag pydantic adds after the index of a member of the tagged union of slide kinds
        after_index = isinstance(part, int)
        out.append(part)
        node = node.get(part) if isinstance(node, dict) else node[part] if (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)) else None
    return tuple(out)


def _problem_from(doc: Document, model: type[BaseModel], err: Any) -> Problem:
    loc = tuple(err["loc"])
    where = _untagged(doc, loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        key = loc[-1]
        known = _known_keys(model, loc[:-1])
        return doc.problem(where, f"unknown key `{key}`" + suggest_from(str(key), known, "; the keys here are: "), key=True)
    if kind == "missing":
        parent = doc.resolve(where[:-1])
        return doc.problem(parent, f"`{loc[-1]}` is missing; add a line `{loc[-1]}: …`")
    real = doc.resolve(where)
    info = doc.info(real)
    if kind == "union_tag_invalid":
        ctx = err.get("ctx", {})
        tags = [t.strip().strip("'") for t in str(ctx.get("expected_tags", "")).split(",")]
        tag_loc = (*real, ctx.get("discriminator", "kind").strip("'"))
        return doc.problem(
            tag_loc if doc.info(tag_loc) else real,
            f"unknown {ctx.get('discriminator', 'kind').strip(chr(39))} `{ctx.get('tag')}`"
            + suggest_from(str(ctx.get("tag")), tags, "; use one of: "),
        )
    if kind == "union_tag_not_found":
        return doc.problem(real, "`kind` is missing; every slide starts with a line like `- kind: bullets`")
    if kind == "literal_error":
        expected = [e.strip().strip("'") for e in str(err.get("ctx", {}).get("expected", "")).replace(" or ", ",").split(",")]
        expected = [e for e in expected if e]
        return doc.problem(real, f"`{err['input']}` is not allowed here" + suggest_from(str(err["input"]), expected, "; use one of: "))
    if kind in ("string_type", "string_sub_type") and info is not None and info.plain and info.raw is not None:
        if err["input"] is None and not info.raw:
            return doc.problem(real, "there is no value here; write it after the colon "
                               "(text after a `#` is a comment: put a value starting with `#` in quotes)")
        what = YAML_KINDS.get(type(err["input"]), "something that is not text")
        example = _example(_field_at(model, loc))
        if example:
            return doc.problem(real, f'{shown(info.raw)} is read by YAML as {what}; write it in quotes, like "{example}"')
        return doc.problem(real, f'{shown(info.raw)} is read by YAML as {what}; write it in quotes to keep it as text: "{info.raw}"')
    if kind == "string_pattern_mismatch":
        field = _field_at(model, loc)
        example = _example(field)
        hint = f"; write it like `{example}`" if example else ""
        if not example and field is not None and field.description:
            hint = f"; expected: {field.description[0].lower()}{field.description[1:].rstrip('.')}"
        return doc.problem(real, f"{shown(err['input'])} does not have the expected form{hint}")
    if kind in _NUMBER_ERRORS and isinstance(err["input"], str) and _NUMERIC.fullmatch(err["input"]):
        return doc.problem(real, f"{shown(err['input'])} is in quotes, so YAML reads it as text; "
                           "remove the quotes to make it a number")
    message = err["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    elif message.startswith("Assertion failed, "):
        message = message[len("Assertion failed, ") :]
    else:
        message = _plain(kind, err, message)
    return doc.problem(real, message)


_NUMBER_ERRORS = {"int_type", "int_parsing", "float_type", "float_parsing"}
_NUMERIC = re.compile(r"\s*-?\d+(\.\d+)?\s*")
"""Text that YAML would read as a number unless it is in quotes."""


def _plain(kind: str, err: Any, message: str) -> str:
    value = shown(err.get("input"))
    table = {
        "dict_type": f"expected a mapping (lines of `key: value`) here, got {value}",
        "model_type": f"expected a mapping (lines of `key: value`) here, got {value}",
        "model_attributes_type": f"expected a mapping (lines of `key: value`) here, got {value}",
        "list_type": f"expected a list (lines starting with `- `) here, got {value}",
        "tuple_type": f"expected a list (lines starting with `- `) here, got {value}",
        "int_type": f"expected a whole number, got {value}",
        "int_parsing": f"expected a whole number, got {value}",
        "int_from_float": f"expected a whole number, got {value}",
        "float_type": f"expected a number, got {value}",
        "float_parsing": f"expected a number, got {value}",
        "finite_number": f"expected a number, got {value} (not a number one can draw)",
        "bool_type": f"expected true or false, got {value}",
        "bool_parsing": f"expected true or false, got {value}",
        "date_type": f"expected a date like 2016-10-28, got {value}",
        "date_parsing": f"expected a date like 2016-10-28, got {value}",
        "date_from_datetime_parsing": f"expected a date like 2016-10-28, got {value}",
        "string_type": f"expected text, got {value}",
        "string_too_short": "must not be empty",
        "too_short": f"needs at least {err.get('ctx', {}).get('min_length')} entries",
        "too_long": f"has too many entries (at most {err.get('ctx', {}).get('max_length')})",
        "string_too_long": f"is too long: at most {err.get('ctx', {}).get('max_length')} characters",
        "greater_than_equal": f"{value} is too small; it must be at least {err.get('ctx', {}).get('ge')}",
        "greater_than": f"{value} is too small; it must be more than {err.get('ctx', {}).get('gt')}",
        "less_than_equal": f"{value} is too large; it must be at most {err.get('ctx', {}).get('le')}",
        "less_than": f"{value} is too large; it must be less than {err.get('ctx', {}).get('lt')}",
        "enum": f"{value} is not allowed; use one of: {err.get('ctx', {}).get('expected')}",
    }
    return table.get(kind, message)


def _type_at(model: Any, loc: Loc) -> Any:
    """The type found at a pydantic location, walking fields, lists and slide kinds (None if lost)."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return None
            tp = field.annotation
            continue
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (list, tuple) and isinstance(part, int):
            tp = args[0]
        elif origin is dict:
            tp = args[-1]
        elif origin in (typing.Union, types.UnionType):
            tp = _union_member(args, part)
            if tp is None:
                return None
        else:
            return None
    return tp


def _field_at(model: Any, loc: Loc) -> FieldInfo | None:
    """The pydantic field at a location ending in a field name, if there is one."""
    if not loc or not isinstance(loc[-1], str):
        return None
    parent = _unwrap(_type_at(model, loc[:-1]))
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        return parent.model_fields.get(loc[-1])
    return None


def _example(field: FieldInfo | None) -> str | None:
    """The first example of a field whose value must have a certain form (a pattern), if it has both."""
    if field is None or not field.examples:
        return None
    if not any(isinstance(getattr(m, "pattern", None), str) for m in field.metadata):
        return None
    return str(field.examples[0])


def _known_keys(model: Any, loc: Loc) -> list[str]:
    """The field names of the model found at a pydantic location (for did-you-mean)."""
    tp = _unwrap(_type_at(model, loc))
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        models = [a for a in typing.get_args(tp) if isinstance(a, type) and issubclass(a, BaseModel)]
        return sorted({f for m in models for f in m.model_fields})
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
    return tp


def _union_member(args: tuple[Any, ...], part: str | int) -> Any:
    for arg in args:
        arg = _unwrap(arg)
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            kind = arg.model_fields.get("kind")
            if kind is not None and part in typing.get_args(kind.annotation):
                return arg
            if arg.__name__ == part:
                return arg
    return None
