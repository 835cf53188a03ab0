"""Rule ``boilerplate``: lines that are page furniture, not news.

Whole blocks are matched against the categorised phrase lists and line shapes in
``vocab/boilerplate/`` and ``vocab/boilerplate_patterns.txt`` (plus the caller's
``ParserConfig.boilerplate_phrases``, category ``custom``). Image credits and wire sign-offs
glued to the end of the last paragraph are cut off it. Each removal keeps its category.
"""

from __future__ import annotations

import regex

from newsdoc.state import BODY, DocumentState
from newsdoc.text import comparison_key

MAX_BOILERPLATE_WORDS = 60  # longer blocks are prose even when they mention "share" or "image"

# Credits and sign-offs glued to the last sentence: "...his face.Featured image via X/Getty".
_GLUED_TAIL = regex.compile(
    r"""(?:(?<=[.!?"”’)\]])|\s)\s*(?P<tail>
        (?:Featured\ image|Featured\ Image|FEATURED\ IMAGE|Image|Photo|Picture)s?
            (?:\ via|\ by|\ credit|:|\ courtesy)\b[^\n]{0,200}
        | (?:Reuter|REUTER|reuter)\.{0,3}
    )\s*$""",
    regex.VERBOSE,
)


def _category(state: DocumentState, text: str, custom: frozenset[str]) -> str | None:
    if len(text.split()) > MAX_BOILERPLATE_WORDS:
        return None
    if custom and comparison_key(text) in custom:
        return "custom"
    return state.vocab.boilerplate_category(text)


def remove_boilerplate(state: DocumentState) -> None:
    """Drop boilerplate blocks, and credits or sign-offs glued to the last paragraph."""
    custom = frozenset(comparison_key(phrase) for phrase in state.config.boilerplate_phrases)
    for block in state.blocks:
        if block.role != BODY:
            continue
        category = _category(state, state.text_of(block), custom)
        if category is not None:
            state.remove_block(block, "boilerplate", category)
    last = next((b for b in reversed(state.blocks) if b.role == BODY), None)
    if last is None:
        return
    text = state.text_of(last)
    match = _GLUED_TAIL.search(text, max(0, len(text) - 300))
    if match is None or match.start("tail") == 0:
        return
    tail_start = last.start + match.start("tail")
    category = "signoff" if match.group("tail").lower().startswith("reuter") else "credits"
    state.remove(tail_start, last.end, "boilerplate", category)
    state.trim_end(last, tail_start)
