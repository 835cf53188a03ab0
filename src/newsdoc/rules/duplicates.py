"""Rule ``duplicates``: a block repeated right after itself, or the headline repeated as body.

Scrapes often repeat the standfirst and the headline. The later copy goes to ``removed``
with reason ``duplicate``. Only adjacent repeats (and the headline at the top of the body)
are removed: the same sentence far apart in an article is left alone. Page furniture between
the copies ("Advertisement", "Supported by") does not hide a repeat. On an HTML page, a
``<p>`` element repeating the one before is a paragraph of its own, and stays; so does a
paragraph (a sentence of some length) in an element of the same kind as its copy's (two
``<div>`` paragraphs): the page prints it twice. A short line repeated element after
element ("Hover over the photo to load notes") is a widget's, and its copies go.
"""

from __future__ import annotations

from newsdoc.state import BODY, HEADLINE, DocumentState
from newsdoc.text import comparison_key, is_prose_line

MIN_DUPLICATE_CHARS = 8  # shorter repeats ("Share", "—") are left to the boilerplate rule
MAX_FURNITURE_CHARS = 120  # "Advertisement", "Supported by": longer blocks are not checked
KEY_PREFIX_CHARS = 200  # keys of this many first characters tell most paragraphs apart


class _Keyed:
    """A text's comparison key, folded from its first characters first and whole on demand.

    The key of a prefix is a prefix of the whole key (folding and case-folding go character
    by character), so two texts whose prefix keys disagree have different keys: most
    paragraphs are never folded whole.
    """

    __slots__ = ("_key", "prefix", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.prefix = comparison_key(text[:KEY_PREFIX_CHARS])
        self._key = self.prefix if len(text) <= KEY_PREFIX_CHARS else None

    def key(self) -> str:
        """``comparison_key(text)``."""
        if self._key is None:
            self._key = comparison_key(self.text)
        return self._key


def _same_key(block: _Keyed, other: _Keyed | None) -> bool:
    if other is None:
        return False
    if not (block.prefix.startswith(other.prefix) or other.prefix.startswith(block.prefix)):
        return False
    return block.key() == other.key()


def _own_element(state: DocumentState, start: int, previous: int, text: str) -> bool:
    """True when an HTML page's own paragraph starts here: a <p>, or a paragraph in an
    element of the same kind as the copy before it (``previous``, its block start)."""
    evidence = state.evidence.get(start)
    if evidence is None:
        return False
    before = state.evidence.get(previous)
    same = before is not None and before.tag == evidence.tag and is_prose_line(text)
    return evidence.tag == "p" or same


def remove_duplicates(state: DocumentState) -> None:
    """Drop adjacent repeated blocks and a headline repeated at the top of the body."""
    previous: _Keyed | None = None
    previous_start = -1
    seen_body = False
    headline = _Keyed(state.headline) if state.headline else None
    # Page furniture above the headline ("Share this article") is not body copy: the repeat
    # check for the headline starts at the headline itself.
    start = next((i for i, b in enumerate(state.blocks) if b.role == HEADLINE), 0)
    for block in state.blocks[start:]:
        if block.role == HEADLINE:
            previous = headline
            continue
        if block.role != BODY:
            continue
        text = state.text_of(block)
        current = _Keyed(text)
        # (A text this short is keyed whole: the vocabulary need not fold it again.)
        if (
            len(text) <= MAX_FURNITURE_CHARS
            and state.boilerplate_category(text, current.key()) is not None
        ):
            continue  # left for the boilerplate rule; the copies around it are still adjacent
        if len(current.prefix) >= MIN_DUPLICATE_CHARS or len(current.key()) >= MIN_DUPLICATE_CHARS:
            # The headline written again above the story is a headline copy, not a repeat.
            if not seen_body and _same_key(current, headline):
                state.remove_block(block, "duplicate", "headline")
                continue
            if _same_key(current, previous) and not _own_element(
                state, block.start, previous_start, text
            ):
                state.remove_block(block, "duplicate", "repeat")
                continue
        previous = current
        previous_start = block.start
        seen_body = True
