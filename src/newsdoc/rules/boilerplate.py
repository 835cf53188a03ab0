"""Rule ``boilerplate``: lines that are page furniture, not news.

Whole blocks are matched against the categorised phrase lists and line shapes in
``vocab/boilerplate/`` and ``vocab/boilerplate_patterns.txt`` (plus the caller's
``ParserConfig.boilerplate_phrases``, category ``custom``). Image credits and wire sign-offs
glued to the end of the last paragraph are cut off it. A navigation bar ("Home | News |
Sport") among the first or last blocks is dropped as ``navigation``. Each removal keeps its
category.

For a batch from one site, :func:`repeated_lines` lists the lines most of its pages share, to be
reviewed and passed back as ``ParserConfig.boilerplate_phrases``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from newsdoc.state import BODY, DocumentState
from newsdoc.text import comparison_key, time_limit
from newsdoc.vocab import phrase_keys

MAX_BOILERPLATE_WORDS = 60  # longer blocks are prose even when they mention "share" or "image"
EDGE_BLOCKS = 3  # navigation bars sit among the first or last blocks of a page

# Three to 21 short items between bars or dots: "E-mail | Print | Comments", "Like · Share".
# Tested by splitting on the bars (is_navigation_bar), not by a pattern: the pattern this
# replaced, [^|•·\n]{1,30}(?:[ ]?[|•·][ ]?[^|•·\n]{1,30}){2,20}, tried every split of the
# spaces between item and bar, and a failing full match of a 22-item menu ran for minutes.
MIN_NAVIGATION_ITEMS = 3
MAX_NAVIGATION_ITEMS = 21
MAX_NAVIGATION_ITEM_CHARS = 30
# An item is at most 30 characters, plus a space on either side that may go with its bar.
_MAX_NAVIGATION_CHARS = MAX_NAVIGATION_ITEMS * (MAX_NAVIGATION_ITEM_CHARS + 3)

# Credits and sign-offs glued to the last sentence: "...his face.Featured image via X/Getty",
# "...2017Featured Image: Screenshot", "... Reuter". The credit runs to the end of the text.
_GLUED_TAIL = regex.compile(
    r"""(?P<tail>
        (?:[Ff]eatured?[ ](?:[Ii]mage|[Pp]hoto|iamge|imaged)s?|FEATURED[ ]IMAGE)
            (?:[ ](?:via|by|credit|courtesy|from|of|is)\b|[ ]?:|[ ](?=[A-Z]))[^\n]{1,200}
        | (?<![A-Z])(?:(?:Header|Top)[ ]image|Images?|Photos?|Photograph|Picture)
            (?:[ ](?:via|by|credit|courtesy|from)\b|[ ]?:)[^\n]{1,200}
        | (?<=\s)(?:Reuter|REUTER|reuter)\.{0,3}
    )\s*$""",
    regex.VERBOSE,
)
# Every match of _GLUED_TAIL holds one of these words, lower-cased ("Featured", "IMAGE",
# "Photograph", "REUTER"): a window without any has no tail, and the search is not run.
_TAIL_WORDS = ("featur", "image", "photo", "picture", "reuter")
# Prose after the credit ("Photo by X shows the crowd. It was ...") means it is not a credit.
_PROSE_AFTER = regex.compile(r"[.!?]\s+[A-Z][a-z]+\s+[a-z]+\s+[a-z]+")
TAIL_WINDOW = 250


def _category(state: DocumentState, text: str, custom: frozenset[str]) -> str | None:
    # maxsplit: a 10 MB block must not become a list of every word just to be called long.
    # Words and the spaces between take two characters each: a shorter text needs no split.
    too_long = len(text) > 2 * MAX_BOILERPLATE_WORDS
    if too_long and len(text.split(maxsplit=MAX_BOILERPLATE_WORDS)) > MAX_BOILERPLATE_WORDS:
        return None
    if custom and comparison_key(text) in custom:
        return "custom"
    return state.boilerplate_category(text)


def _glued_tail(text: str) -> regex.Match[str] | None:
    """The earliest credit or sign-off in the last characters that runs to the end."""
    position = max(0, len(text) - TAIL_WINDOW)
    window = text[position:].lower()
    if not any(word in window for word in _TAIL_WORDS):
        return None  # most last paragraphs: a few substring tests, not a pattern search
    while True:
        # no time limit: searched only in the last TAIL_WINDOW characters, bounded repeats
        match = _GLUED_TAIL.search(text, position)
        if match is None:
            return None
        tail = match.group("tail")
        if not _PROSE_AFTER.search(tail, timeout=time_limit(tail)):
            return match
        position = match.start("tail") + 1


def is_navigation_bar(text: str) -> bool:
    """Whether ``text`` is 3 to 21 items of 1 to 30 characters between bars or dots.

    One space either side of a bar may belong to the bar; every other character belongs to an
    item (a line break belongs to none). Linear in the text: a split and a test per item.
    """
    if len(text) > _MAX_NAVIGATION_CHARS or "\n" in text:
        return False
    items = text.replace("•", "|").replace("·", "|").split("|")
    if not MIN_NAVIGATION_ITEMS <= len(items) <= MAX_NAVIGATION_ITEMS:
        return False
    last = len(items) - 1
    for index, item in enumerate(items):
        # The spaces that may go with a bar: the one before the item (not for the first)
        # and the one after it (not for the last); a lone space can give only one of them.
        spare = (index > 0 and item.startswith(" ")) + (index < last and item.endswith(" "))
        if not item or len(item) - spare > MAX_NAVIGATION_ITEM_CHARS:
            return False
    return True


def _remove_navigation(state: DocumentState) -> None:
    body = [block for block in state.blocks if block.role == BODY]
    edges = body[:EDGE_BLOCKS] + body[max(EDGE_BLOCKS, len(body) - EDGE_BLOCKS) :]
    for block in edges:
        text = state.text_of(block)
        if "\n" not in text and is_navigation_bar(text.strip()):
            state.remove_block(block, "boilerplate", "navigation")


def repeated_lines(
    texts: Iterable[str], *, min_documents: int = 3, min_share: float = 0.5, max_words: int = 30
) -> frozenset[str]:
    """Lines (stripped) that at least ``min_share`` of the texts, and ``min_documents``, contain.

    Pages of one site share their furniture ("Follow us on Twitter", "Read more"); lines longer
    than ``max_words`` are left out. Review the result before using it as
    ``ParserConfig.boilerplate_phrases``: repeated lines can be content (a wire's table rows).
    """
    counts: Counter[str] = Counter()
    documents = 0
    for text in texts:
        documents += 1
        lines = {line.strip() for line in text.splitlines()}
        counts.update(line for line in lines if line and len(line.split()) <= max_words)
    needed = max(min_documents, min_share * documents)
    return frozenset(line for line, count in counts.items() if count >= needed)


def remove_boilerplate(state: DocumentState) -> None:
    """Drop boilerplate blocks, and credits or sign-offs glued to the last paragraph."""
    custom = phrase_keys(state.config.boilerplate_phrases)
    for block in state.blocks:
        if block.role != BODY:
            continue
        category = _category(state, state.text_of(block), custom)
        if category is not None:
            state.remove_block(block, "boilerplate", category)
    _remove_navigation(state)
    last = next((b for b in reversed(state.blocks) if b.role == BODY), None)
    if last is None:
        return
    text = state.text_of(last)
    match = _glued_tail(text)
    if match is None or match.start("tail") == 0:
        return
    tail_start = last.start + match.start("tail")
    category = "signoff" if match.group("tail").lower().startswith("reuter") else "credits"
    state.remove(tail_start, last.end, "boilerplate", category)
    state.trim_end(last, tail_start)
