"""cattrs-based (un)structuring of the model into JSON-ready dicts.

Dates become ISO 8601 strings (a ``datetime`` keeps its time zone offset); spans become
``{"start": ..., "end": ...}``; tuples become lists. The mapping is exact in both directions.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import cattrs

from newsdoc.model import Article

SCHEMA_VERSION = 1


def _structure_moment(value: Any, _type: Any) -> date | datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date string, got {type(value).__name__}")
    # A bare date is exactly YYYY-MM-DD; anything longer carries a time.
    if len(value) == 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value)


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook(date, lambda value, _type: date.fromisoformat(value))
    converter.register_structure_hook(datetime, lambda value, _type: datetime.fromisoformat(value))
    converter.register_structure_hook(date | datetime | None, _structure_moment)
    return converter


CONVERTER = _make_converter()


def unstructure_article(article: Article) -> dict[str, Any]:
    """Return ``article`` as plain dicts, lists, strings and numbers."""
    data: dict[str, Any] = CONVERTER.unstructure(article)
    return data


def structure_article(data: dict[str, Any]) -> Article:
    """Build an :class:`Article` from :func:`unstructure_article` output."""
    return CONVERTER.structure(data, Article)
