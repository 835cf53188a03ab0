"""The JSON Schema of ``Article.to_dict()`` / ``to_json()`` output, generated from the model.

The schema is built by walking the attrs classes of :mod:`newsdoc.model` and their type
hints, so it follows the model without a hand-written copy to drift. ``docs/schema.json``
is this function's output; regenerate it with::

    python -m newsdoc.schema > docs/schema.json
"""

from __future__ import annotations

import json
import sys
import types
import typing
from datetime import date, datetime
from typing import Any

import attrs
import regex

from newsdoc import model

SCHEMA_ID = "https://newsdoc.invalid/schema/article.json"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
# datetime.isoformat(): a time after "T", with the UTC offset when the time zone is known.
_DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2})?$"
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
    type(None): {"type": "null"},
    date: {"type": "string", "format": "date", "pattern": _DATE_PATTERN},
    datetime: {
        "type": "string",
        "pattern": _DATETIME_PATTERN,
        "description": "ISO 8601 date and time (datetime.isoformat()).",
    },
}


_ROLE = regex.compile(r":\w+:`~?([^`]+)`")


def _first_line(text: str | None) -> str:
    """The first docstring line, with Sphinx roles (:func:`x.y`) reduced to ``x.y``."""
    line = text.strip().splitlines()[0] if text and text.strip() else ""
    return _ROLE.sub(r"\1", line).replace("``", "")


class _Builder:
    """Collects one ``$defs`` entry per attrs class reached from the root."""

    def __init__(self) -> None:
        self.definitions: dict[str, dict[str, Any]] = {}

    def reference(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # placeholder first: classes may refer to each other
            self.definitions[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        # The module namespace as locals too: a field named `date` must not shadow the type.
        hints = typing.get_type_hints(cls, vars(model), vars(model))
        # a field left out of __init__ (a cache such as Article.speakers') is not serialised
        fields = [field for field in attrs.fields(cls) if field.init]
        return {
            "type": "object",
            "description": _first_line(cls.__doc__),
            "properties": {field.name: self.type_schema(hints[field.name]) for field in fields},
            "required": [field.name for field in fields],
            "additionalProperties": False,
        }

    def type_schema(self, hint: Any) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            return {"anyOf": [self.type_schema(arg) for arg in typing.get_args(hint)]}
        if origin is typing.Literal:
            return {"enum": list(typing.get_args(hint))}
        if origin is tuple:
            item, *rest = typing.get_args(hint)
            if rest != [Ellipsis]:
                raise TypeError(f"only variable-length tuples map to arrays, got {hint!r}")
            return {"type": "array", "items": self.type_schema(item)}
        if hint in _SCALARS:
            return dict(_SCALARS[hint])
        if isinstance(hint, type) and attrs.has(hint):
            return self.reference(hint)
        raise TypeError(f"no JSON Schema mapping for {hint!r}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that ``Article.to_dict()`` output satisfies."""
    builder = _Builder()
    root = builder.object_schema(model.Article)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "newsdoc Article",
        **root,
        "$defs": dict(sorted(builder.definitions.items())),
    }


def schema_json() -> str:
    """:func:`json_schema` as indented JSON text, as stored in ``docs/schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_json())
