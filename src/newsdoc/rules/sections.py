"""Rule ``sections``: group the body blocks into sections under their sub-headings.

A sub-heading is a short line standing alone between body paragraphs: a few words, no
sentence punctuation at its end, starting with a capital (or a Markdown ``#`` heading). A
question can be a heading ("What happens next?") when it is one plain clause that nobody in
the story asks: interview and transcript questions ("TAPPER: Why?", "How do you respond?")
and rhetorical asides ("So what went wrong?") stay paragraphs.
Paragraph text is the block's text re-flowed; a multi-line table keeps its lines.
"""

from __future__ import annotations

import regex

from newsdoc.model import Paragraph, Section, Span
from newsdoc.state import BODY, HEADING, DocumentState
from newsdoc.text import normalize_space, time_limit

MAX_HEADING_WORDS = 10
MAX_HEADING_CHARS = 200  # ten words with generous spacing, Markdown marks included
MIN_NEIGHBOUR_WORDS = 12  # headings sit between real paragraphs, not among short lines

_MARKDOWN_HEADING = regex.compile(r"#{1,6}\s+\S")
_NO_HEADING_END = frozenset(".,;:!\"”’'-–—)")
_QUOTE_MARKS = frozenset("“”‘’\"'«»")
MIN_QUESTION_HEADING_WORDS = 3
# Words that make a question part of a dialogue ("How do you respond?"), not a sub-heading;
# an aside opens with a conjunction ("So what went wrong?") and is not in the openings below.
_DIALOGUE_WORDS = frozenset({"you", "your", "yours", "i", "me", "my", "we", "us", "our", "that"})

_QUESTION_OPENINGS = frozenset(
    {
        "what", "when", "where", "who", "whom", "whose", "why", "which", "how",
        "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would",
        "should", "has", "have", "had", "may", "might", "must",
    }
)  # fmt: skip


def _is_question_heading(text: str, words: list[str]) -> bool:
    """A question that reads as a sub-heading: one plain clause, nobody asked it aloud."""
    if len(words) < MIN_QUESTION_HEADING_WORDS or text.count("?") > 1:
        return False
    if "," in text or ":" in text or _QUOTE_MARKS & set(text):
        return False
    if words[0].casefold() not in _QUESTION_OPENINGS:
        return False  # "Q. Is it safe?", "Vice President Biden?": a question put to someone
    return not any(word.strip("?").casefold() in _DIALOGUE_WORDS for word in words)


def _table_text(raw: str) -> str:
    """A multi-line block that is not re-flowed (a table) keeps its lines, each folded."""
    return "\n".join(normalize_space(line) for line in raw.splitlines() if line.strip())


def _is_heading(raws: list[str], folded: list[str | None], position: int) -> bool:
    raw = raws[position]
    text = folded[position]
    if text is None or len(raw) > MAX_HEADING_CHARS:
        return False  # most blocks are paragraphs: skip them before any normalising
    if text.startswith("#") and _MARKDOWN_HEADING.match(text, timeout=time_limit(text)):
        return True
    if position == 0 or position == len(raws) - 1 or "\n" in raw:
        return False
    # The character tests come before the text is split: most short lines fail one of them.
    if not text or text[-1] in _NO_HEADING_END or not (text[0].isupper() or text[0].isdigit()):
        return False
    words = text.split()
    if len(words) > MAX_HEADING_WORDS or (text.isupper() and len(words) < 2):
        return False
    if text.endswith("?") and not _is_question_heading(text, words):
        return False
    # maxsplit: counting up to the threshold is enough, long paragraphs are not split whole.
    before = raws[position - 1].split(maxsplit=MIN_NEIGHBOUR_WORDS)
    after = raws[position + 1].split(maxsplit=MIN_NEIGHBOUR_WORDS)
    return len(before) >= MIN_NEIGHBOUR_WORDS and len(after) >= MIN_NEIGHBOUR_WORDS


def build_sections(state: DocumentState) -> None:
    """Fill ``state.sections`` from the body blocks left by the earlier rules."""
    body = [block for block in state.blocks if block.role == BODY]
    raws = [state.text_of(block) for block in body]
    # One line: re-flowed copy, or no line break in it; its paragraph text is the folded text.
    one_line = [
        block.wrapped or ("\n" not in raw and "\r" not in raw)
        for block, raw in zip(body, raws, strict=True)
    ]
    # Each block is folded once: a heading candidate (short) or a one-line paragraph needs it.
    folded = [
        normalize_space(raw) if flat or len(raw) <= MAX_HEADING_CHARS else None
        for raw, flat in zip(raws, one_line, strict=True)
    ]
    heading_flags = [_is_heading(raws, folded, position) for position in range(len(body))]
    sections: list[Section] = []
    heading: str | None = None
    heading_span: Span | None = None
    paragraphs: list[Paragraph] = []

    def close() -> None:
        if heading is None and not paragraphs:
            return
        start = heading_span.start if heading_span else paragraphs[0].span.start
        end = paragraphs[-1].span.end if paragraphs else start
        if heading_span and not paragraphs:
            end = heading_span.end
        sections.append(Section(heading, tuple(paragraphs), Span(start, end), heading_span))

    for block, raw, flat, text, is_heading in zip(
        body, raws, one_line, folded, heading_flags, strict=True
    ):
        span = Span(block.start, block.end)
        if is_heading and text is not None:
            close()
            block.role = HEADING
            heading = text.lstrip("#").strip()
            heading_span = span
            paragraphs = []
            continue
        paragraphs.append(Paragraph(text if flat and text is not None else _table_text(raw), span))
    close()
    state.sections = sections
