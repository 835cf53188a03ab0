"""What a page line's own text names it: a known phrase, a page heading, or its opening.

:func:`furniture_category` is the furniture category of one line for
:func:`newsdoc.zoning.lines.classify_lines`; quick tests rule out most lines before the
heading lookups and the line-opening patterns run on them.
"""

from __future__ import annotations

import regex

from newsdoc.state import DocumentState
from newsdoc.text import KEY_OUTER_CHARACTERS

SHAPE_WORDS = 15  # a footer or furniture heading named by its opening is at most this long
LINK_MAX_WORDS = 20  # a longer line names no footer, comments heading or line-opening shape

_FOOTER_LINKS = ("about us", "contact", "privacy", "terms", "advertise", "careers", "sitemap")
# The heading of a comment thread: "12 Comments", "3 thoughts on “…”", "Comments (4)".
_COMMENTS_HEADING = regex.compile(
    r"\d{1,6}[ ](?:comments?|responses?|replies|thoughts)(?:[ ](?:on|to)[ ][^\n]{1,200})?"
    r"|comments?[ ]?\(\d{1,6}\)"
)
# Shapes of line openings that name what the line is, each a named group of one anchored
# pattern, tried in this order (the first alternative that matches wins, as one pattern after
# another would): a copyright line opens the page's footer ("© 2024 The Valley Courier",
# "Copyright 2012"), then post navigation and sign-up prompts.
_FOOTER_MARK = r"©|\(c\)[ ]|copyright(?!\w)"
_FOOTER = rf"(?P<footer>{_FOOTER_MARK}|[^\n]{{0,60}}powered[ ]by[ ])"
_OPENINGS = (
    r"(?P<navigation>(?:[←«‹<][ ]?)?(?:previous|next|older|newer)[ ]"
    r"(?:post|article|story|entry|entries|posts))"
    # A sign-up pitch names what it sends: "Sign up for our free newsletter and ...".
    r"|(?P<subscribe>(?:subscribe|sign[ ]up)(?!\w)[^\n]{0,60}?(?:newsletter|inbox|e-?mail|updates)"
    r"|subscribe(?:[ ]now|[ ]to:)?(?:[ ]|$)|enter[ ]your[ ]email)"
    r"|(?P<filed>(?:posted[ ]in|filed[ ]under|tagged)(?!\w))"
)
_OPENING = regex.compile(_OPENINGS, regex.IGNORECASE)
# The footer's shape is tried on lines of at most SHAPE_WORDS words only.
_FOOTER_OR_OPENING = regex.compile(f"{_FOOTER}|{_OPENINGS}", regex.IGNORECASE)
# Both less the "powered by" run: what a line's first character may open.
_SHAPE_START = regex.compile(f"{_FOOTER_MARK}|{_OPENINGS}", regex.IGNORECASE)
_SHAPE_CATEGORIES = {
    "footer": "footer",
    "navigation": "navigation",
    "subscribe": "subscribe",
    "filed": "navigation",
}


def furniture_category(state: DocumentState, text: str, key: str, words: list[str]) -> str | None:
    """The category a furniture line names: a known phrase, a page heading, or its shape.

    ``key`` is the line's :func:`~newsdoc.text.comparison_key`, ``words`` its case-folded words.
    """
    category = state.boilerplate_category(text, key)
    if category is not None:
        return category
    vocab = state.vocab
    headings = vocab.page_headings
    category = headings.get(key)
    if category is not None:
        return category
    count = len(words)
    if 2 < count <= SHAPE_WORDS and _may_open_heading(key, vocab.heading_openers):
        opening = key.split(maxsplit=3)  # "Most popular in Sport", "Read more: How one ..."
        for size in (3, 2):
            # The comparison key of the key's first words: they are folded and single-spaced,
            # and the key opens without outer punctuation, so only its end can hold some.
            category = headings.get(" ".join(opening[:size]).rstrip(KEY_OUTER_CHARACTERS))
            if category is not None:
                return category
    share = vocab.share_words
    if count >= 2 and words[0] in share and all(map(share.__contains__, words)):
        return "share"  # "Facebook Twitter Email Print": a share bar on one line
    if count > LINK_MAX_WORDS:
        return None  # a paragraph that opens "Copyright lawyers said" is no footer
    # A comments heading opens with its number or with "comment" (\d is within isdigit).
    if (key[:1] == "c" or key[:1].isdigit()) and _COMMENTS_HEADING.fullmatch(key) is not None:
        # no time limit: anchored, bounded repeats, tried on lines of a few words only
        return "comments"
    if _may_open_shape(text, key, count):
        # no time limit: anchored, a fixed word or a bounded run before one
        shaped = (_FOOTER_OR_OPENING if count <= SHAPE_WORDS else _OPENING).match(text)
        if shaped is not None:
            return _SHAPE_CATEGORIES[shaped.lastgroup or ""]
    # Two footer links take ten characters at least ("terms" twice).
    if len(key) >= 10 and sum(map(key.count, _FOOTER_LINKS)) >= 2:
        return "footer"  # "About Us | Contact Us | Privacy Policy": the footer's links
    return None


def _may_open_heading(key: str, openers: frozenset[str]) -> bool:
    """False only when no page heading can be the key's first two or three words."""
    # Such a heading opens with the key's first word, or is that word less outer punctuation
    # (when the words after it are all punctuation, stripped with the heading's end).
    first = key.partition(" ")[0]
    return first in openers or first.rstrip(KEY_OUTER_CHARACTERS) in openers


# Whether a line opening with a character may match a line-opening shape (the footer's
# "powered by" run aside), by character: filled as characters are seen, up to this many.
_SHAPE_STARTS: dict[str, bool] = {}
MAX_SHAPE_STARTS = 4096


def _may_open_shape(text: str, key: str, count: int) -> bool:
    """False only when the line can match no line-opening shape (footer, sign-up, ...)."""
    first = text[0]
    known = _SHAPE_STARTS.get(first)
    if known is None:
        # no time limit: one character (a partial match: some line opening with it may match)
        known = _SHAPE_START.fullmatch(first, partial=True) is not None
        if len(_SHAPE_STARTS) < MAX_SHAPE_STARTS:
            _SHAPE_STARTS[first] = known
    # The footer's "powered by" may come after anything: its letters fold only from their
    # ASCII cases, so the folded key holds them when the line does.
    return known or (count <= SHAPE_WORDS and "powered by" in key)
