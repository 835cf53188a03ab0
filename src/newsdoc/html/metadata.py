"""Read a page's metadata: JSON-LD, OpenGraph, ``<meta>``, ``<time>``, canonical link, lang.

Each field takes the first source that has it, in this order: JSON-LD (a ``NewsArticle``,
``Article``, ``BlogPosting``, ``ReportageNewsArticle``, ... object, at the top level, in a
list or in ``@graph``), OpenGraph and ``article:*`` properties, ``<meta name=...>``, then
``<time datetime>`` (``itemprop=datePublished`` or ``pubdate`` first). Nothing is fetched: a
URL in the metadata is only read as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from newsdoc.html.scan import names
from newsdoc.state import PageMetadata

MAX_JSON_LD_CHARS = 1_000_000  # a longer JSON-LD script is skipped
MAX_META_CHARS = 2_000  # a longer meta value is skipped
MAX_TIME_ELEMENTS = 50  # <time> elements read for a date
MAX_AUTHOR_ELEMENTS = 20  # itemprop=author elements read
_CLASS_WORD = re.compile(r"[^A-Za-z0-9]+")
_BYLINE_WORDS = frozenset(("author", "authors", "byline", "writer"))
# An author's photo, biography, job title or follow button is no byline.
_NOT_BYLINE_WORDS = frozenset(("avatar", "bio", "follow", "image", "img", "photo", "title"))
MAX_CREDENTIAL_CHARS = 3  # "MA", "PhD": a shorter part of an author list is a credential
MAX_AUTHOR_WORDS = 6  # a longer "author" text is a bio, not a name

ARTICLE_TYPES = names(
    "APIReference AdvertiserContentArticle AnalysisNewsArticle Article AskPublicNewsArticle "
    "BackgroundNewsArticle BlogPosting DiscussionForumPosting LiveBlogPosting "
    "MedicalScholarlyArticle NewsArticle OpinionNewsArticle Report ReportageNewsArticle "
    "ReviewNewsArticle SatiricalArticle ScholarlyArticle SocialMediaPosting TechArticle"
)
# <meta> keys (property or name, lower-cased) for each field, best first.
META_KEYS = {
    "headline": (
        "dc.title",
        "dc:title",
        "dcterm:title",
        "og:title",
        "title",
        "twitter:title",
        "parsely-title",
    ),
    "published": (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "citation_publication_date",
    ),
    "updated": ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"),
    "authors": (
        "article:author",
        "dc:creator",
        "dc.creator",
        "dcterm:creator",
        "author",
        "byl",
        "parsely-author",
    ),
    "site": ("og:site_name", "application-name"),
    "url": ("og:url",),
    "lang": ("og:locale", "content-language"),
}


def read_metadata(tree: Any) -> PageMetadata:
    """The metadata of a selectolax tree (no network access, no script run)."""
    found: dict[str, Any] = {}
    sources: dict[str, str] = {}

    def offer(field: str, value: Any, source: str) -> None:
        if value and field not in found:
            found[field] = value
            sources[field] = source

    title = tree.css_first("title")
    title_text = " ".join(title.text().split()) if title is not None else ""
    for item in _json_ld_articles(tree):
        _offer_json_ld(item, offer, title_text)
    meta = _meta_values(tree)
    for field, keys in META_KEYS.items():
        for key in keys:
            text = meta.get(key)
            if text is None:
                continue
            value: Any = text
            if field in ("published", "updated"):
                value = parse_moment(text)
            elif field == "authors":
                value = _authors_of_text(text)
            offer(field, value, f"<meta {key}>")
    offer("authors", _microdata_authors(tree), "itemprop=author")
    offer("authors", _byline_class_authors(tree), "class=byline")
    for element in _time_elements(tree):
        offer("published", parse_moment(element.attributes.get("datetime") or ""), "<time>")
    for link in tree.css("link[rel]"):
        if "canonical" in (link.attributes.get("rel") or "").lower().split():
            offer("url", (link.attributes.get("href") or "").strip(), "<link rel=canonical>")
    html = tree.css_first("html")
    if html is not None:
        offer("lang", (html.attributes.get("lang") or "").strip(), "<html lang>")
    offer("headline", title_text, "<title>")
    return PageMetadata(
        headline=found.get("headline"),
        title=title_text or None,
        authors=tuple(found.get("authors", ())),
        published=found.get("published"),
        updated=found.get("updated"),
        site=found.get("site"),
        url=found.get("url"),
        lang=found.get("lang"),
        sources=tuple(sorted(sources.items())),
    )


def parse_moment(text: str) -> date | datetime | None:
    """An ISO 8601 date or date-time (``2024-03-05T10:00:00Z``), or None."""
    text = text.strip()
    if not 10 <= len(text) <= 40:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    if len(text) == 10:
        return moment.date()
    return moment


def _json_ld_articles(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.css("script"):
        kind = (script.attributes.get("type") or "").strip().lower()
        if kind != "application/ld+json":
            continue
        text = script.text(deep=True).strip()
        if len(text) > MAX_JSON_LD_CHARS:
            continue
        if text.startswith("<![CDATA["):  # XHTML habit: the JSON inside a CDATA section
            text = text.removeprefix("<![CDATA[").removesuffix("]]>")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        items = _json_ld_items(data)
        by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
        for item in items:
            types = item.get("@type")
            names = {types} if isinstance(types, str) else set(types or ())
            if names & ARTICLE_TYPES:
                yield {**item, "@ids": by_id}


def _json_ld_items(data: Any) -> list[dict[str, Any]]:
    """The objects at the top level, in a top-level list, and in ``@graph`` (no recursion)."""
    pending = data if isinstance(data, list) else [data]
    items = []
    for item in pending[:1000]:
        if not isinstance(item, dict):
            continue
        items.append(item)
        graph = item.get("@graph")
        if isinstance(graph, list):
            items.extend(entry for entry in graph[:1000] if isinstance(entry, dict))
    return items


def _offer_json_ld(item: dict[str, Any], offer: Any, title: str) -> None:
    kind = item.get("@type")
    source = f"JSON-LD {kind if isinstance(kind, str) else 'article'}"
    headline, name = _text(item.get("headline")), _text(item.get("name"))
    if name and headline and name != headline and name in title:
        headline = name  # Wikipedia: "name" is the page's title, "headline" a description
    offer("headline", headline or name, source)
    offer("published", parse_moment(_text(item.get("datePublished"))), source)
    offer("updated", parse_moment(_text(item.get("dateModified"))), source)
    offer("authors", _json_ld_names(item.get("author"), item["@ids"]), source)
    publishers = _json_ld_names(item.get("publisher"), item["@ids"])
    offer("site", publishers[0] if publishers else None, source)
    page = item.get("mainEntityOfPage")
    url = _text(item.get("url")) or (_text(page.get("@id")) if isinstance(page, dict) else "")
    offer("url", url, source)
    offer("lang", _text(item.get("inLanguage")), source)


def _json_ld_names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    entries = value if isinstance(value, list) else [value]
    names = []
    for entry in entries[:50]:
        if isinstance(entry, dict) and "name" not in entry and entry.get("@id") in by_id:
            entry = by_id[entry["@id"]]
        name = _text(entry.get("name")) if isinstance(entry, dict) else _text(entry)
        if name and not name.startswith(("http://", "https://")):
            names.extend(_authors_of_text(name))
    return names


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) and len(value) < MAX_META_CHARS else ""


def _authors_of_text(text: str) -> list[str]:
    """Names in an author value: "By Jane Doe and John Roe" gives two; a URL gives none."""
    text = " ".join(text.split())
    if not text or text.startswith(("http://", "https://", "@")):
        return []
    if text[:3].lower() == "by ":
        text = text[3:]
    parts = [text]
    for separator in (" and ", ", ", " & "):
        parts = [piece for part in parts for piece in part.split(separator)]
    # "Brenda Goodman, MA": a credential is no name
    return [part.strip() for part in parts if len(part.strip()) > MAX_CREDENTIAL_CHARS]


def _meta_values(tree: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.css("meta"):
        attributes = meta.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        key = key or attributes.get("http-equiv")
        content = attributes.get("content")
        if key and content and len(content) <= MAX_META_CHARS:
            for name in key.lower().split()[:10]:  # property="dc:creator og:author"
                values.setdefault(name, " ".join(content.split()))
    return values


def _microdata_authors(tree: Any) -> list[str]:
    """The first ``itemprop=author`` element's name (or ``rel=author`` link's text)."""
    for element in tree.css('[itemprop~="author"], a[rel~="author"]')[:MAX_AUTHOR_ELEMENTS]:
        named = element.css_first('[itemprop~="name"]')
        source = named if named is not None else element
        text = source.attributes.get("content") or source.text(deep=True)
        text = " ".join((text or "").split())
        if text and len(text.split()) <= MAX_AUTHOR_WORDS:
            return _authors_of_text(text)  # the first: later ones credit related stories
    return []


def _byline_class_authors(tree: Any) -> list[str]:
    """The names in the first short element whose class names a byline or an author ("By
    X"); an element holding the next one gives way to it (a name inside a byline box)."""
    found = [
        " ".join(element.text(deep=True).split())
        for element in tree.css('[class*="byline"], [class*="author"]')[:MAX_AUTHOR_ELEMENTS]
        if _is_byline_class(element.attributes.get("class") or "")
    ]
    for index, text in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else ""
        if following and following != text and following in text:
            continue
        if text[:3].lower() == "by ":
            text = text[3:]
        if (
            text
            and len(text.split()) <= MAX_AUTHOR_WORDS
            and not any(character.isdigit() for character in text)
        ):
            return _authors_of_text(text)
    return []


def _is_byline_class(value: str) -> bool:
    words = {word.lower() for word in _CLASS_WORD.split(value[:MAX_META_CHARS]) if word}
    return bool(words & _BYLINE_WORDS) and not words & _NOT_BYLINE_WORDS


def _time_elements(tree: Any) -> Iterator[Any]:
    elements = tree.css("time[datetime]")[:MAX_TIME_ELEMENTS]
    marked = [
        element
        for element in elements
        if "pubdate" in element.attributes
        or (element.attributes.get("itemprop") or "").lower() == "datepublished"
    ]
    yield from marked or elements[:1]
