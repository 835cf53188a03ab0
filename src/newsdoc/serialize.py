"""cattrs-based (un)structuring of the model into JSON-ready dicts.

Dates become ISO 8601 strings (a ``datetime`` keeps its time zone offset); spans become
``{"start": ..., "end": ...}``; tuples become lists. The mapping is exact in both directions.
"""

from __future__ import annotations

import json
import math
import re
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


# JSON text: strict (no bare NaN) and exact for every str, lone surrogates included.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# An escaped backslash, or an upper-case escaped surrogate pair as ``dumps`` writes lone ones.
_ESCAPED_PAIR = re.compile(r"(\\\\)|\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})")


def _finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None (strict JSON has neither)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def _escape_surrogate(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04X}"


def dumps(data: Any, *, indent: int | None = None) -> str:
    """Strict JSON text for ``data`` that encodes as UTF-8 and :func:`loads` reads back exactly.

    Non-ASCII text is written as is; NaN and infinities (which strict JSON readers reject)
    become ``null``; a lone surrogate, which UTF-8 cannot hold, becomes an upper-case
    ``\\uD83D`` escape. Upper case marks it: two adjacent lone surrogates would otherwise read
    back as one astral character (every JSON reader joins an escaped pair), while a real
    astral character is always written as itself.
    """
    try:
        text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:  # NaN or an infinity somewhere (a circular value fails again below)
        text = json.dumps(_finite(data), ensure_ascii=False, indent=indent, allow_nan=False)
    if _LONE_SURROGATE.search(text) is None:
        return text
    return _LONE_SURROGATE.sub(_escape_surrogate, text)


def _split_pair(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1)
    # The low half as the character itself: the decoder then cannot join it to the high one.
    return f"\\u{match.group(2)}{chr(int(match.group(3), 16))}"


def loads(text: str) -> Any:
    """Read JSON text; upper-case escaped surrogate pairs (see :func:`dumps`) stay two halves."""
    if "\\uD" in text:
        text = _ESCAPED_PAIR.sub(_split_pair, text)
    return json.loads(text)
