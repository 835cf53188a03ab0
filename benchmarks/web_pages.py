"""The shared web-page sets (Dragnet, Readability): where they are and what newsdoc keeps.

Read by :mod:`benchmarks.pages` (kept text against the gold), :mod:`benchmarks.page_fields`
(the header fields) and :mod:`benchmarks.html_parsers`; the pages are read from
``../shared/corpus/web_pages`` (or ``$NEWSDOC_CORPUS``) and never copied.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import newsdoc
from benchmarks import corpora

SETS = ("dragnet", "readability")
MODES = ("text", "html")


def kept_text(article: newsdoc.Article, *, but: frozenset[str] = frozenset()) -> str:
    """The source with every removed span cut out (but those of the categories ``but``)."""
    source, pieces, at = article.source, [], 0
    removed = [item for item in article.removed if item.category not in but]
    for item in sorted(removed, key=lambda removed: (removed.span.start, removed.span.end)):
        if item.span.start > at:
            pieces.append(source[at : item.span.start])
        at = max(at, item.span.end)
    pieces.append(source[at:])
    return "\n".join(pieces)


def folder(name: str) -> Path:
    """The folder of set ``name`` in the shared corpora."""
    return corpora.corpus_root() / "web_pages" / name


def available(name: str) -> bool:
    """The set is in the corpus."""
    return (folder(name) / "gold").is_dir()


def page_names(name: str) -> list[str]:
    """The page names of set ``name`` (empty when the set is absent)."""
    return sorted(path.stem for path in (folder(name) / "gold").glob("*.txt"))


def page_text(name: str, page: str) -> str:
    """The page rendered to text."""
    return (folder(name) / "text" / f"{page}.txt").read_text(encoding="utf-8")


def page_html(name: str, page: str) -> bytes:
    """The page's HTML bytes."""
    return gzip.decompress((folder(name) / "html" / f"{page}.html.gz").read_bytes())


def iter_pages(name: str) -> Iterator[tuple[str, bytes]]:
    """(page name, HTML bytes) of set ``name``, for the speed benchmarks."""
    for page in page_names(name):
        yield page, page_html(name, page)


def iter_texts(name: str) -> Iterator[tuple[str, str]]:
    """(page name, page text) of set ``name``, for the speed benchmarks."""
    for page in page_names(name):
        yield page, page_text(name, page)


def newsdoc_text(name: str, page: str) -> tuple[str, newsdoc.Article | None]:
    """What newsdoc keeps of the page text."""
    article = newsdoc.parse(page_text(name, page))
    return kept_text(article), article


def newsdoc_html(name: str, page: str) -> tuple[str, newsdoc.Article | None]:
    """What newsdoc keeps of the page's HTML."""
    article = newsdoc.parse_html(page_html(name, page))
    return kept_text(article), article
