"""Rule ``duplicates``: a block repeated right after itself, or the headline repeated as body.

Scrapes often repeat the standfirst and the headline. The later copy goes to ``removed``
with reason ``duplicate``. Only adjacent repeats (and the headline at the top of the body)
are removed: the same sentence far apart in an article is left alone. Page furniture between
the copies ("Advertisement", "Supported by") does not hide a repeat.
"""

from __future__ import annotations

from newsdoc.state import BODY, HEADLINE, DocumentState
from newsdoc.text import comparison_key

MIN_DUPLICATE_CHARS = 8  # shorter repeats ("Share", "—") are left to the boilerplate rule
MAX_FURNITURE_CHARS = 120  # "Advertisement", "Supported by": longer blocks are not checked


def remove_duplicates(state: DocumentState) -> None:
    """Drop adjacent repeated blocks and a headline repeated at the top of the body."""
    previous_key: str | None = None
    seen_body = False
    headline_key = comparison_key(state.headline) if state.headline else None
    # Page furniture above the headline ("Share this article") is not body copy: the repeat
    # check for the headline starts at the headline itself.
    start = next((i for i, b in enumerate(state.blocks) if b.role == HEADLINE), 0)
    for block in state.blocks[start:]:
        if block.role == HEADLINE:
            previous_key = headline_key
            continue
        if block.role != BODY:
            continue
        text = state.text_of(block)
        if len(text) <= MAX_FURNITURE_CHARS and state.boilerplate_category(text) is not None:
            continue  # left for the boilerplate rule; the copies around it are still adjacent
        key = comparison_key(text)
        if len(key) >= MIN_DUPLICATE_CHARS:
            # The headline written again above the story is a headline copy, not a repeat.
            if not seen_body and key == headline_key:
                state.remove_block(block, "duplicate", "headline")
                continue
            if key == previous_key:
                state.remove_block(block, "duplicate", "repeat")
                continue
        previous_key = key
        seen_body = True
