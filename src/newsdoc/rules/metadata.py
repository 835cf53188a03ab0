"""Rule ``metadata``: merge an HTML page's metadata into what the rules read on the page.

It does nothing without ``state.metadata`` (text input). The visible page wins when it
agrees with the metadata; the metadata fills what the page lacks (headline, authors,
published and updated, site, url, lang); a disagreement keeps the page's value and goes to
``notes`` with the metadata's value and where it came from. One exception: the headline the
publisher declares (JSON-LD, OpenGraph, ``<meta>``, the ``<title>`` without its site name)
wins over the line the rules took, which goes to ``notes``: on a page the first line is
often a menu, a "Skip to content" link or a section name. A filled headline or byline
points at the metadata's text where the page shows it, and is an empty span at 0 otherwise.
"""

from __future__ import annotations

from datetime import date, datetime

import regex

from newsdoc.model import Byline, Span
from newsdoc.state import DocumentState, PageMetadata

_NOT_WORD = regex.compile(r"\W+")
# "Headline | Site", "Headline - Site", "Headline — Site": a <title> with the site's name.
_TITLE_SEPARATORS = (" | ", " - ", " – ", " » ", " / ")
MIN_TITLE_WORDS = 5


def _key(text: str) -> str:
    # no time limit: a single character class on a headline, name or site
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def merge_metadata(state: DocumentState) -> None:
    """Fill and check the article's fields against the page's metadata (HTML input only)."""
    metadata = state.metadata
    if metadata is None:
        return
    state.published = _merged_moment(state, "published", state.published, metadata)
    state.updated = _merged_moment(state, "updated", state.updated, metadata)
    for field in ("site", "url", "lang"):
        ours, theirs = getattr(state, field), getattr(metadata, field)
        if ours is None:
            setattr(state, field, theirs)
        elif theirs is not None and field == "site" and _key(ours) != _key(theirs):
            _note(state, field, ours, theirs, metadata)
    _merge_headline(state, metadata)
    _merge_authors(state, metadata)


def _note(
    state: DocumentState, field: str, ours: object, theirs: object, meta: PageMetadata
) -> None:
    state.notes.append(
        f"page metadata disagrees on {field}: {meta.source_of(field)} gives {theirs!s:.80}, "
        f"the page shows {ours!s:.80} (kept)"
    )


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _merged_moment(
    state: DocumentState, field: str, ours: date | datetime | None, meta: PageMetadata
) -> date | datetime | None:
    theirs: date | datetime | None = getattr(meta, field)
    if ours is None or theirs is None:
        return theirs if ours is None else ours
    if _day(ours) != _day(theirs):
        _note(state, field, ours.isoformat(), theirs.isoformat(), meta)
    return ours


def clean_title(title: str) -> str:
    """A <title> without the site's name: "Storm floods the coast road | Courier" gives the
    headline; a head of four words or fewer is too short to be sure unless the site's name is
    one word ("New Zealand - Wikipedia"), and the title stays."""
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and (len(head.split()) >= MIN_TITLE_WORDS or " " not in tail):
            return head.strip()
    return title


def _span_of(state: DocumentState, text: str) -> Span:
    start = state.source.find(text)
    return Span(start, start + len(text)) if start >= 0 else Span(0, 0)


def _merge_headline(state: DocumentState, meta: PageMetadata) -> None:
    headline = meta.headline
    if headline is None:
        return
    if meta.source_of("headline") == "<title>":
        headline = clean_title(headline)
    if state.headline is not None:
        if _key(state.headline) == _key(headline):
            return
        state.notes.append(
            f"headline from {meta.source_of('headline')}: {headline!r:.80}; the rules read "
            f"{state.headline!r:.80} on the page"
        )
    state.headline = headline
    state.headline_span = _span_of(state, headline)


def _merge_authors(state: DocumentState, meta: PageMetadata) -> None:
    if not meta.authors:
        return
    if state.byline is None:
        span = _span_of(state, meta.authors[0])
        state.byline = Byline(meta.authors, span.slice(state.source), span)
        return
    ours = {_key(name) for name in state.byline.authors}
    if not ours & {_key(name) for name in meta.authors}:
        _note(state, "authors", ", ".join(state.byline.authors), ", ".join(meta.authors), meta)
