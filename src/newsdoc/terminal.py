"""What ``newsdoc parse`` prints: the text formats, and escapes that keep a terminal safe.

Every piece of text the command line writes goes through :func:`escape_controls` (or, for
JSON, :func:`json_text`): a binary file read as text is full of control characters, and
printed raw they would move the cursor, change colours or hide output. Tab, line feed and
carriage return stay as they are; every other C0 and C1 control and DEL is written as a
visible ``\\x1b``-style escape (``\\u001b`` in JSON).
"""

from __future__ import annotations

import json
from typing import Any

from newsdoc.model import Article
from newsdoc.tables import dateline_text

_KEPT = {0x09, 0x0A, 0x0D}
_CONTROLS = [code for code in (*range(0x20), *range(0x7F, 0xA0)) if code not in _KEPT]
_TEXT_ESCAPES = {code: f"\\x{code:02x}" for code in _CONTROLS}
# json.dumps already escapes C0 controls; DEL and the C1 controls it writes raw.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in _CONTROLS if code >= 0x7F}
SEPARATED = ("markdown", "text", "summary")  # formats that name each of several documents


def escape_controls(text: str) -> str:
    """``text`` with control characters (but tab and line breaks) as visible escapes."""
    return text.translate(_TEXT_ESCAPES)


def escape_json(text: str) -> str:
    """JSON ``text`` with DEL and C1 controls as ``\\u`` escapes (only strings can hold them)."""
    return text.translate(_JSON_ESCAPES)


def json_text(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON with no raw control character."""
    return escape_json(json.dumps(data, ensure_ascii=False, indent=indent))


def document_header(name: str, style: str) -> str:
    """The line that names a document when several are printed (``==> a.txt <==``, as head)."""
    if style == "markdown":
        return f"<!-- {name} -->"
    return f"==> {name} <=="


def render(article: Article, style: str) -> str:
    """One article as ``markdown``, ``text`` (headline and body) or ``summary``."""
    if style == "markdown":
        return article.to_markdown().rstrip("\n")
    if style == "text":
        return "\n\n".join(part for part in (article.headline, article.text) if part)
    return summary(article)


def summary(article: Article) -> str:
    """Metadata and counts in aligned ``name: value`` lines, no body text."""
    byline = article.byline
    dateline = article.dateline
    speakers = ", ".join(f"{s.name} ({s.quote_count})" for s in article.speakers.ranked()) or "-"
    fields = [
        ("headline", article.headline or "-"),
        ("byline", ", ".join(byline.authors) or byline.text if byline else "-"),
        ("dateline", dateline_text(dateline) if dateline else "-"),
        ("published", article.published.isoformat() if article.published else "-"),
        (
            "counts",
            f"{len(article.sections)} sections, {len(article.paragraphs)} paragraphs, "
            f"{len(article.quotes)} quotes, {len(article.explainers)} explainers, "
            f"{len(article.removed)} removed",
        ),
        ("speakers", speakers),
    ]
    return "\n".join(f"{name + ':':<11}{value}" for name, value in fields)
