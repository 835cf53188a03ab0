"""What a page's markup says about an element: furniture words, containers, hidden.

The words are data: ``vocab/markup_words.txt`` (class, id and aria-label words and their
furniture category) and ``vocab/markup_containers.txt`` (class and id values of an
article's body). Answers are cached: a site's pages repeat their class names.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from newsdoc.vocab import read_entries

# Tags that mark furniture by themselves (nav, header, footer: outside the article container).
STRUCTURAL_FURNITURE = {
    "nav": "navigation",
    "header": "header",
    "footer": "footer",
    "aside": "sidebar",
    "form": "form",
}
_ROLE_FURNITURE = {
    "navigation": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "navigation",
    "dialog": "popup",
    "alertdialog": "popup",
}
MAX_ATTRIBUTE_CHARS = 1_000  # a longer class, id, role or style value is not read for evidence
MAX_NAME_WORDS = 3  # class names are short: a longer one is a slug, not a role
# Class names that name a post's topic or tag (WordPress's post_class: "category-news",
# "tag-social-media"): the words after the prefix are the topic's, not the element's role.
_TERM_PREFIXES = frozenset(("category", "tag"))
_WORD_BREAK = regex.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")


@functools.cache
def _furniture_words() -> dict[str, str]:
    return dict(entry.split("\t", 1) for entry in read_entries("markup_words.txt"))


@functools.cache
def _container_words() -> frozenset[str]:
    return frozenset(read_entries("markup_containers.txt"))


@functools.lru_cache(maxsize=8192)  # a site's pages repeat their class names
def furniture_of_names(value: str) -> str | None:
    """The category a class, id or aria-label value gives (whole values before their words)."""
    if len(value) > MAX_ATTRIBUTE_CHARS:
        return None
    words = _furniture_words()
    for name in value.split():
        category = words.get(name.lower())
        if category is not None:
            return category
    for name in value.split():
        parts = _WORD_BREAK.split(name)
        if len(parts) > MAX_NAME_WORDS:  # a slug of a heading ("sharing-with-a-developer")
            continue
        if parts[0].lower() in _TERM_PREFIXES:  # "category-social-media": a topic, not a role
            continue
        for word in parts:
            category = words.get(word.lower())
            if category is not None:
                return category
    return None


@functools.lru_cache(maxsize=8192)
def names_container(value: str | None) -> bool:
    """True when a class or id value names an article's body (``entry-content``)."""
    if not value or len(value) > MAX_ATTRIBUTE_CHARS:
        return False
    words = _container_words()
    return any(word.lower() in words for word in value.split())


def is_hidden(attributes: dict[str, str | None]) -> bool:
    """True when an element's attributes hide it from readers."""
    if "hidden" in attributes:
        return True
    if (attributes.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attributes.get("style")
    if not style:
        return False
    folded = style[:MAX_ATTRIBUTE_CHARS].lower().replace(" ", "")
    return "display:none" in folded or "visibility:hidden" in folded


class Marks(NamedTuple):
    """What an element's tag and names say: ``hidden`` (a screen-reader-only class), the
    ``structural`` category of its tag, the ``category`` of its role or class, id or
    aria-label words, and whether it is an article ``container`` or an ``<article>``."""

    hidden: bool
    structural: str | None
    category: str | None
    container: bool
    article: bool


def classify(
    tag: str,
    role: str | None,
    class_value: str | None,
    id_value: str | None,
    label: str | None,
    itemprop: str | None,
) -> Marks:
    """The :class:`Marks` of an element with this tag and these attribute values (a value
    over ``MAX_ATTRIBUTE_CHARS`` is not read, nor kept in the cache)."""
    values = (role, class_value, id_value, label, itemprop)
    if any(value is not None and len(value) > MAX_ATTRIBUTE_CHARS for value in values):
        short = [
            None if value is None or len(value) > MAX_ATTRIBUTE_CHARS else value for value in values
        ]
        return _classify(tag, *short)
    return _classify(tag, *values)


@functools.lru_cache(maxsize=16384)  # a page repeats a few hundred combinations
def _classify(
    tag: str,
    role: str | None,
    class_value: str | None,
    id_value: str | None,
    label: str | None,
    itemprop: str | None,
) -> Marks:
    by_class = furniture_of_names(class_value) if class_value else None
    if tag in ("html", "body"):  # a page-wide class ("has-sidebar") says nothing of a block
        return Marks(by_class == "hidden", None, None, False, False)
    role = (role or "").strip().lower()
    category = _ROLE_FURNITURE.get(role)
    if category is None:
        category = by_class
    if category is None and id_value:
        category = furniture_of_names(id_value)
    if category is None and label:
        category = furniture_of_names(label)
    article = tag == "article" or role == "article"
    container = (
        article
        or tag == "main"
        or role == "main"
        or (itemprop or "").lower() == "articlebody"
        or names_container(class_value)
        or names_container(id_value)
    )
    return Marks(by_class == "hidden", STRUCTURAL_FURNITURE.get(tag), category, container, article)
