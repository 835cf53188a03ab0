"""Rule ``dek``: the standfirst between the headline and the body.

The first body block is taken as the dek only with evidence: the scrape repeated it (the
``duplicates`` rule removed its copy right after it), or it sits between the headline and a
block that opens with a byline or a dateline. A lone first paragraph stays body copy.
Page furniture ("Supported by", "Share") and time stamps ("Updated 5:31 p.m. ET") between
the headline, the dek and the story are stepped over: they are never the dek, and they do
not hide the byline that follows it.
"""

from __future__ import annotations

import regex

from newsdoc.model import Span
from newsdoc.state import BODY, DEK, HEADLINE, REMOVED, Block, DocumentState
from newsdoc.text import comparison_key, time_limit
from newsdoc.vocab import phrase_keys

MAX_DEK_WORDS = 80
MIN_DEK_WORDS = 5  # a standfirst is a sentence or a clause, not a label
MAX_STAMP_WORDS = 8

_STORY_OPENING = regex.compile(
    r"""\s*(?:[Bb][Yy]\s+[A-Z]
    | [A-Z][A-Z\ .'/,-]{1,40}(?:,\s*[A-Z][\w.'\ ]{1,25}){0,2}(?:\s*\([^)\n]{1,40}\))?
      \s*(?:—|–|--|\s-\s))""",
    regex.VERBOSE,
)
_STAMP_OPENING = regex.compile(
    r"\s*(?:last\s+)?(?:updated|published|posted|modified)\b", regex.IGNORECASE
)
_DIGIT = regex.compile(r"\d")


def _is_furniture(state: DocumentState, block: Block) -> bool:
    """A boilerplate phrase or a publication stamp: stepped over, never a dek."""
    text = state.clean_text_of(block)
    # no time limit: anchored white space then fixed words
    if state.boilerplate_category(text) is not None or _STAMP_OPENING.match(text):
        return True
    phrases = state.config.boilerplate_phrases
    if phrases and comparison_key(text) in phrase_keys(phrases):
        return True
    # A short line with a number and no sentence end: "Jan. 13, 2022", "5:31 p.m. ET".
    # maxsplit: counting up to the limit is enough, a long block is not split word by word.
    return (
        len(text.split(maxsplit=MAX_STAMP_WORDS)) <= MAX_STAMP_WORDS
        and not text.endswith(".")
        and bool(_DIGIT.search(text, timeout=time_limit(text)))
    )


def _next_content(state: DocumentState, start: int) -> int | None:
    """Index of the first body block from ``start`` on that is not furniture."""
    for index in range(start, len(state.blocks)):
        block = state.blocks[index]
        if block.role == BODY and not _is_furniture(state, block):
            return index
    return None


def _was_repeated(state: DocumentState, index: int) -> bool:
    """True when the next block (past furniture) was removed as the duplicate of ``index``."""
    for following in state.blocks[index + 1 :]:
        if following.role == BODY and _is_furniture(state, following):
            continue
        return following.role == REMOVED and any(
            item.span == following.span and item.reason == "duplicate" for item in state.removed
        )
    return False


def find_dek(state: DocumentState) -> None:
    """Mark the standfirst, if the evidence for one is there."""
    blocks = state.blocks
    headline = next((i for i, block in enumerate(blocks) if block.role == HEADLINE), None)
    if headline is None:
        return
    index = _next_content(state, headline + 1)
    if index is None:
        return
    block = blocks[index]
    text = state.clean_text_of(block)
    # maxsplit: counting one word past the limit is enough, a long paragraph is not split whole.
    words = len(text.split(maxsplit=MAX_DEK_WORDS))
    # no time limit: anchored, bounded repeats
    if not MIN_DEK_WORDS <= words <= MAX_DEK_WORDS or _STORY_OPENING.match(text):
        return
    next_index = _next_content(state, index + 1)
    following = state.text_of(blocks[next_index]) if next_index is not None else ""
    before_story = bool(_STORY_OPENING.match(following, timeout=time_limit(following)))
    if not (_was_repeated(state, index) or before_story):
        return
    block.role = DEK
    state.dek = text
    state.dek_span = Span(block.start, block.end)
