"""Rule ``headline``: the first block, when it reads as a headline.

A headline is one short line at the top that does not read as body copy: it is not a
dateline-led or byline-led sentence, and not a long run-on paragraph. Page furniture above
it ("Share this article", "Advertisement", "Updated 5:31 p.m. ET") is stepped over and left
for the ``boilerplate`` and ``dates`` rules. A headline written twice on one line
("TitleTitle" or "Title Title", as scrapers concatenate it) keeps one copy; the other goes
to ``removed`` as a duplicate.
"""

from __future__ import annotations

import regex

from newsdoc.model import Span
from newsdoc.state import BODY, HEADLINE, DocumentState
from newsdoc.text import comparison_key, normalize_space, time_limit
from newsdoc.vocab import phrase_keys

MAX_HEADLINE_CHARS = 300
MAX_HEADLINE_WORDS = 40
SHORT_TITLE_WORDS = 14
MAX_LEADING_FURNITURE = 6  # share/subscribe lines a page may show above its title

# A time stamp line: "Published 3:02 PM EST, Mon March 3, 2014", "Updated 5:31 p.m. ET".
_STAMP = regex.compile(
    r"\s*(?:last\s+)?(?:updated|published|posted|modified)\b[^\n]{0,60}\d[^\n]{0,40}",
    regex.IGNORECASE,
)

# Body copy that opens the document: a dateline, a CNN-style "(CNN)" lead, a byline.
_BODY_OPENING = regex.compile(
    r"""
    \(?[A-Z][\w .'/,-]{0,60}\)(?:\s*(?:--|-|—|–))?\s*\S   # (CNN)..., Tokyo (CNN) ...
    | [A-Z][A-Z .'/,-]{1,40},?\s*(?:[A-Z][a-z]{1,9}\.?\s+\d{1,2}\s*)?
      (?:\([^)]{1,40}\)\s*)?(?:--|—|–|\s-)\s
    | [Bb][Yy](?:\s*\.)?\s+[A-Z]
    """,
    regex.VERBOSE,
)


def _doubled(text: str) -> int | None:
    """Length of the first copy when ``text`` is one string written twice, else None."""
    length = len(text)
    for separator_width in (0, 1):
        half, odd = divmod(length - separator_width, 2)
        if odd or half < 3:
            continue
        first = text[:half]
        second = text[half + separator_width :]
        if first == second and (separator_width == 0 or text[half].isspace()):
            return half
    return None


def _is_furniture(state: DocumentState, text: str) -> bool:
    """A whole-line boilerplate phrase (the vocabulary or the caller's extra phrases) or stamp."""
    # no time limit: anchored, bounded repeats
    if state.boilerplate_category(text) is not None or _STAMP.fullmatch(text):
        return True
    phrases = state.config.boilerplate_phrases
    if not phrases:
        return False
    return comparison_key(text) in phrase_keys(phrases)


def _first_candidate(state: DocumentState) -> int | None:
    """Index of the first block past leading page furniture, if everything before is body."""
    for index, block in enumerate(state.blocks[: MAX_LEADING_FURNITURE + 1]):
        if block.role != BODY:
            return None
        if not _is_furniture(state, state.text_of(block)):
            return index
    return None


def find_headline(state: DocumentState) -> None:
    """Mark the first block (past page furniture) as the headline when it reads as one."""
    index = _first_candidate(state)
    if index is None:
        return
    block = state.blocks[index]
    text = state.text_of(block)
    if "\n" in text or "\r" in text or len(text) > MAX_HEADLINE_CHARS:
        return
    words = len(text.split())
    if words > MAX_HEADLINE_WORDS:
        return
    # A dateline-led or long full sentence opening the document is body copy, not a title.
    if words > SHORT_TITLE_WORDS and (
        _BODY_OPENING.match(text, timeout=time_limit(text)) or text.rstrip().endswith(".")
    ):
        return
    doubled = _doubled(text)
    if doubled is not None:
        state.split_block(index, block.start + doubled)
        state.remove_block(state.blocks[index + 1], "duplicate", "headline")
    block.role = HEADLINE
    state.headline = normalize_space(state.text_of(block))
    state.headline_span = Span(block.start, block.end)
