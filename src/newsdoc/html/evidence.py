"""What a page's markup says about an element: furniture words, containers, hidden.

The words are data: ``vocab/markup_words.txt`` (class, id and aria-label words and their
furniture category) and ``vocab/markup_containers.txt`` (class and id values of an
article's body). Answers are cached: a site's pages repeat their class names.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

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
_DIGITS = re.compile(r"[0-9]+")
_WORD_BREAK = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")


@functools.cache
def _furniture_words() -> dict[str, str]:
    return dict(entry.split("\t", 1) for entry in read_entries("markup_words.txt"))


@functools.cache
def _container_words() -> frozenset[str]:
    return frozenset(read_entries("markup_containers.txt"))


@functools.lru_cache(maxsize=16384)  # a site's pages repeat their class names
def read_names(value: str) -> tuple[str | None, bool]:
    """What a class, id or aria-label value says: the furniture category its names give
    (whole names before their words) and whether it names an article's body
    (``entry-content``)."""
    if len(value) > MAX_ATTRIBUTE_CHARS:
        return None, False
    names = value.split()
    lowered = [name.lower() for name in names]
    containers = _container_words()
    return _furniture_of(names, lowered), any(name in containers for name in lowered)


def _furniture_of(names: list[str], lowered: list[str]) -> str | None:
    words = _furniture_words()
    for name in lowered:
        category = words.get(name)
        if category is not None:
            return category
    for name in names:
        if name.isascii() and name.isalnum() and (name.islower() or name.isupper()):
            continue  # one word, looked up whole above ("clearfix", "NAV", "x1")
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


# An element's tag, role, class, id, aria-label and itemprop, as classify reads them.
Names = tuple[str, str | None, str | None, str | None, str | None, str | None]


def names_of(tag: str, attributes: dict[str, str | None]) -> Names:
    """What :func:`classify` reads of an element: its tag and its ``role``, ``class``, ``id``,
    ``aria-label`` and ``itemprop`` values (a value over ``MAX_ATTRIBUTE_CHARS`` is not read).

    No word of the vocabularies has a digit, and a run of digits is a part of a name as one
    digit is: so the runs are folded to "0", and ids that differ by a number
    ("comment-1093", "comment-1094") share one cached answer.
    """
    if not attributes:
        return (tag, None, None, None, None, None)
    get = attributes.get
    role, class_value, id_value, label, itemprop = values = (
        get("role"),
        get("class"),
        get("id"),
        get("aria-label"),
        get("itemprop"),
    )
    if len("".join(filter(None, values))) > MAX_ATTRIBUTE_CHARS:  # then see which is too long
        role, class_value, id_value, label, itemprop = (
            None if value is None or len(value) > MAX_ATTRIBUTE_CHARS else value for value in values
        )
    return (
        tag,
        role,
        _DIGITS.sub("0", class_value) if class_value else class_value,
        _DIGITS.sub("0", id_value) if id_value else id_value,
        _DIGITS.sub("0", label) if label else label,
        itemprop,
    )


@functools.lru_cache(maxsize=16384)  # a page repeats a few hundred combinations
def classify(
    tag: str,
    role: str | None,
    class_value: str | None,
    id_value: str | None,
    label: str | None,
    itemprop: str | None,
) -> Marks:
    """The :class:`Marks` of an element with these :func:`names_of` (:data:`NO_MARKS` when
    they say nothing)."""
    by_class, class_container = read_names(class_value) if class_value else (None, False)
    if tag in ("html", "body"):  # a page-wide class ("has-sidebar") says nothing of a block
        return Marks(True, None, None, False, False) if by_class == "hidden" else NO_MARKS
    by_id, id_container = read_names(id_value) if id_value else (None, False)
    role = (role or "").strip().lower()
    category = _ROLE_FURNITURE.get(role)
    if category is None:
        category = by_class
    if category is None:
        category = by_id
    if category is None and label:
        category = read_names(label)[0]
    article = tag == "article" or role == "article"
    container = (
        article
        or tag == "main"
        or role == "main"
        or (itemprop or "").lower() == "articlebody"
        or class_container
        or id_container
    )
    marks = Marks(by_class == "hidden", STRUCTURAL_FURNITURE.get(tag), category, container, article)
    return NO_MARKS if marks == NO_MARKS else marks


NO_MARKS = Marks(False, None, None, False, False)  # an element that says nothing
