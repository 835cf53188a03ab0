"""Rule ``dek``: the standfirst between the headline and the body.

The first body block is taken as the dek only with evidence: the scrape repeated it (the
``duplicates`` rule removed its copy right after it), or it sits between the headline and a
block that opens with a byline or a dateline. A lone first paragraph stays body copy.
"""

from __future__ import annotations

import regex

from newsdoc.model import Span
from newsdoc.state import BODY, DEK, HEADLINE, REMOVED, DocumentState

MAX_DEK_WORDS = 80

_STORY_OPENING = regex.compile(
    r"""\s*(?:[Bb][Yy]\s+[A-Z]
    | [A-Z][A-Z\ .'/,-]{1,40}(?:,\s*[A-Z][\w.'\ ]{1,25}){0,2}\s*(?:\([^)\n]{1,40}\))?
      \s*(?:—|–|--|\s-\s))""",
    regex.VERBOSE,
)


def find_dek(state: DocumentState) -> None:
    """Mark the standfirst, if the evidence for one is there."""
    blocks = state.blocks
    if not blocks or blocks[0].role != HEADLINE:
        return
    index = next((i for i, block in enumerate(blocks) if block.role == BODY), None)
    if index is None:
        return
    block = blocks[index]
    text = state.clean_text_of(block)
    if len(text.split()) > MAX_DEK_WORDS or _STORY_OPENING.match(text):
        return
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    repeated = (
        following is not None
        and following.role == REMOVED
        and any(
            item.span == following.span and item.reason == "duplicate" for item in state.removed
        )
    )
    next_body = next((b for b in blocks[index + 1 :] if b.role == BODY), None)
    before_story = next_body is not None and bool(_STORY_OPENING.match(state.text_of(next_body)))
    if not (repeated or before_story):
        return
    block.role = DEK
    state.dek = text
    state.dek_span = Span(block.start, block.end)
