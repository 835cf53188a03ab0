"""HTML input: ``newsdoc.parse_html`` renders a page to text blocks with markup evidence.

The page is decoded (byte order mark, ``<meta charset>``, detection), checked against the
limits of :mod:`newsdoc.html.scan`, parsed by Lexbor (selectolax, the ``html`` extra),
rendered by :mod:`newsdoc.html.render` and its metadata read by :mod:`newsdoc.html.metadata`;
the text then runs through the same rules as text input. See ``docs/html.md``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from newsdoc.html.page import INSTALL_HINT, decode_html
from newsdoc.html.scan import MAX_DEPTH, MAX_TAGS, MarkupLimitError

if TYPE_CHECKING:
    from newsdoc.model import Article
    from newsdoc.parser import ParserConfig

__all__ = [
    "INSTALL_HINT",
    "MAX_DEPTH",
    "MAX_TAGS",
    "MarkupLimitError",
    "decode_html",
    "parse_html",
]


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    published: date | datetime | None = None,
    config: ParserConfig | None = None,
) -> Article:
    """Parse one HTML page into an :class:`~newsdoc.Article` (see ``Parser.parse_html``)."""
    from newsdoc.parser import DEFAULT_PARSER, Parser

    parser = DEFAULT_PARSER if config is None else Parser(config)
    return parser.parse_html(html, url=url, published=published)
