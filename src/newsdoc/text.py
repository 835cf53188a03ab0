"""Small pure text helpers shared by the rules (no state, no I/O)."""

from __future__ import annotations

import regex

# Only runs that change: two or more spaces, or any white space other than " ". Leaving single
# spaces alone keeps regex.sub from building a piece per word (15x the text in memory).
_SPACE_RUN = regex.compile(r"\s{2,}|[^\S ]")
# Above this, split-and-join would hold every word of the block at once; the regex does not.
_MAX_SPLIT_CHARS = 1_000_000

# The regex backstop: a pattern call on a subject longer than LONG_SUBJECT_CHARS gives up after
# PATTERN_TIMEOUT seconds (TimeoutError; the parser then skips the rule with a note). Every
# pattern is written to be linear, so this only fires on a mistake. Shorter subjects pass no
# limit: `regex` charges about 1.3 µs per call for one, more than most of these calls cost.
PATTERN_TIMEOUT = 2.0
LONG_SUBJECT_CHARS = 1_000

OPENING_QUOTES = frozenset("“\"«‘'„")
CLOSING_QUOTES = frozenset("”\"»’'")
DASHES = "—–-"


def time_limit(subject: str) -> float | None:
    """The ``timeout=`` for a `regex` call on ``subject``: a limit on long text only."""
    return PATTERN_TIMEOUT if len(subject) > LONG_SUBJECT_CHARS else None


def normalize_space(text: str) -> str:
    """Fold every run of white space (line breaks included) into one space and strip the ends."""
    # Fast paths give the regex's result: a printable text has no white space but " "
    # (hard-wrapped copy has "\n" besides, and one C-speed replace makes it printable), and
    # without the four separators \x1c-\x1f, str.split splits on exactly the regex's \s
    # (four ``in`` scans cost a tenth of one regex scan for them).
    if text.isprintable():
        return text.strip(" ") if "  " not in text else _fold_spaces(text)
    if "\n" in text:
        flat = text.replace("\n", " ")
        if flat.isprintable():
            return flat.strip(" ") if "  " not in flat else _fold_spaces(flat)
    if (
        len(text) <= _MAX_SPLIT_CHARS
        and "\x1c" not in text
        and "\x1d" not in text
        and "\x1e" not in text
        and "\x1f" not in text
    ):
        return " ".join(text.split())
    return _SPACE_RUN.sub(" ", text).strip()


# What comparison_key strips off the ends of a folded text.
KEY_OUTER_CHARACTERS = " .:;,!?-–—|*•·"


def _fold_spaces(text: str) -> str:
    """``text`` (white space: plain spaces only) with runs of spaces folded, ends stripped."""
    # Each pass halves every run: one or two replaces on news copy, about 20% faster than
    # split and join, which build a list of every word.
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def comparison_key(text: str) -> str:
    """Key for "same line" tests: case-folded, spaces folded, outer punctuation stripped."""
    return normalize_space(text).casefold().strip(KEY_OUTER_CHARACTERS)


def strip_span(source: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither starts nor ends with white space."""
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def word_count(text: str) -> int:
    """Number of white-space separated words."""
    return len(text.split())


PROSE_WORDS = 10  # a line of this many words that ends a sentence is a paragraph of the story
LONG_PROSE_WORDS = 25  # ... and a line this long is one whatever its end
_PROSE_ENDS = frozenset('.!?"”’:;)…')


def is_prose_line(text: str) -> bool:
    """A paragraph of a story, not a header line: a sentence of some length, or a long line.

    On a page it ends the article's header (headline, dek, byline and date lines above it).
    """
    words = len(text.split(maxsplit=LONG_PROSE_WORDS))
    ends = text.rstrip()[-1:] in _PROSE_ENDS
    return words >= LONG_PROSE_WORDS or (words >= PROSE_WORDS and ends)
