"""Tokenize only the sentences around a paragraph's quotes.

A story printed as one long paragraph (as in the CNN/DailyMail corpus) has a quote in about one
sentence in five, and the attribution rules read the quote's own sentence and little else, yet
tokenizing the whole paragraph was half of the quote engine's time there. So the paragraph is
cut at *sure* sentence ends (``word. Word``, where the whole-paragraph tokenizer ends a
sentence too) and only the windows of sentences holding quotes are tokenized.

The rules still get one token list with the indices they expect: the windows' tokens in order,
each window after a run of gap tokens standing for the text left out (:func:`is_gap`). Reading
any attribute of a gap token raises :class:`OutsideWindowError`, so a rule that reaches past its
window (the sentence before a quote, a paragraph's last token) stops at once; the caller then
adds the sentences on both sides of the skipped text to the windows (or, after that failed once,
tokenizes the paragraph whole with :func:`~newsdoc.quoting.tokens.tokenize`) and reads the quote
again. The result is always that of the whole paragraph: windows only save work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NoReturn, cast

from newsdoc.quoting.tokens import MAX_CONTEXT, starts_of, tokenize_sentences
from newsdoc.quoting.types import QuotePart, Token

# what follows a sure sentence end: the period, white space, then a capitalised plain word that
# is followed by white space (so it is one token that can never end a sentence itself)
_AFTER_PERIOD = re.compile(r"\.\s+[A-Z][A-Za-z]*(?=\s)")
_PERIOD_SPACE = re.compile(r"\.\s+")  # ... or a quote opening the next sentence
_WORD_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_NON_SPACE = re.compile(r"\S")
# The rules walk from token to token and read at most three tokens past the last one they
# walked to (``tokens[first - 2]``), with one exception: an unattributed quote's speaker is
# looked for from ``MAX_CONTEXT`` tokens before its sentence onwards. A gap longer than that
# jump is always met before the window in front of it.
GAP_LENGTH = MAX_CONTEXT + 8
# Windows closer than this many characters are joined: tokenizing a short stretch costs less
# than a gap, and the gaps' memory stays a small share of the input's.
MIN_SKIPPED = 150


class OutsideWindowError(Exception):
    """A rule read a token that was not tokenized; ``skipped`` is the source range left out."""

    def __init__(self, skipped: tuple[int, int]) -> None:
        super().__init__(skipped)
        self.skipped = skipped


class _Gap:
    """Stands for the tokens of ``source[low:high]``, left out between windows; reading any
    token attribute raises."""

    __slots__ = ("skipped",)

    def __init__(self, low: int, high: int) -> None:
        self.skipped = (low, high)

    def __getattr__(self, name: str) -> NoReturn:
        raise OutsideWindowError(self.skipped)


class Windows:
    """The tokens of a paragraph's quote windows (see the module text), with the sentence
    start of every token and the index of every quote token."""

    __slots__ = ("quotes", "starts", "tokens")

    def __init__(
        self,
        source: str,
        start: int,
        end: int,
        parts: Sequence[QuotePart],
        abbreviations: frozenset[str],
        sentences: Sequence[int] = (),
    ) -> None:
        self.tokens: list[Token] = []
        self.starts: list[int] = []
        self.quotes: list[int] = []
        ranges = windows(source, start, end, parts, abbreviations, sentences)
        first = 0  # the first part not yet in a window (parts and windows are both in order)
        previous = start  # where the last window ended
        for low, high in ranges:
            last = first
            while last < len(parts) and parts[last].end <= high:
                last += 1
            if low != start:
                self._gap(previous, low)
            self._add(source, low, high, start, end, parts[first:last], abbreviations)
            first, previous = last, high
        if ranges and previous != end:
            self._gap(previous, end)

    def _gap(self, low: int, high: int) -> None:
        """Stand for the tokens of ``source[low:high]``, which are left out."""
        self.starts.extend([len(self.tokens)] * GAP_LENGTH)
        self.tokens.extend([cast(Token, _Gap(low, high))] * GAP_LENGTH)

    def _add(
        self,
        source: str,
        low: int,
        high: int,
        start: int,
        end: int,
        parts: Sequence[QuotePart],
        abbreviations: frozenset[str],
    ) -> None:
        """Append the window ``source[low:high]`` holding ``parts``."""
        base = len(self.tokens)
        quotes: list[int] = []
        # unless the window closes the paragraph, its last token is the word opening the next
        # sentence: never a sentence end inside the paragraph
        tokens, ends = tokenize_sentences(
            source, low, high, parts, abbreviations, quotes, open_end=high != end
        )
        starts = starts_of(ends, len(tokens), base)
        if low != start:
            # "word ." before the window's first sentence: whose sentence starts in the gap
            starts[0] = starts[1] = base - 1
        self.tokens.extend(tokens)
        self.starts.extend(starts)
        self.quotes.extend(map(base.__add__, quotes))


def is_gap(token: Token) -> bool:
    """Whether ``token`` stands for text left out between windows."""
    return isinstance(cast(object, token), _Gap)


def windows(
    source: str,
    start: int,
    end: int,
    parts: Sequence[QuotePart],
    abbreviations: frozenset[str],
    sentences: Sequence[int] = (),
) -> list[tuple[int, int]]:
    """Source ranges ``[low, high)`` of ``source[start:end]`` to tokenize, in order.

    Each range holds whole sentences around one or more quote parts, plus the last word and
    period of the sentence before it and the first word of the sentence after it (a window
    opening or closing the paragraph has none); ranges closer than ``MIN_SKIPPED`` characters
    are joined. ``sentences`` are offsets between the parts (never inside one) whose sentences
    are wanted as well: ``start`` asks for the paragraph's first sentence, ``end`` for its last.
    """
    regions = [(part.start, part.end) for part in parts]
    if sentences:
        regions = sorted(regions + [(offset, offset) for offset in sentences])
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(regions):
        lower = found[-1][1] if found else start
        region_start, region_end = regions[index]
        quote_next = region_end > region_start  # a quote part, not a wanted sentence
        low = _cut_before(source, lower, region_start, start, abbreviations, quote_next)
        if low is None or low - lower < MIN_SKIPPED:
            # no sure sentence end, or little to skip: one window with the one before
            low = found.pop()[0] if found else start
        position = region_end
        while True:
            limit = regions[index + 1][0] if index + 1 < len(regions) else end
            high = _cut_after(source, position, limit, start, end, abbreviations)
            index += 1
            if high is not None or index == len(regions):
                break
            position = max(position, regions[index][1])  # the next quote is in this sentence
        found.append((low, end if high is None else high))
    return found


def _word_start(
    source: str, period: int, lower: int, start: int, abbreviations: frozenset[str]
) -> int | None:
    """Where the word of two or more ASCII letters or digits ending at ``period`` starts, when
    it is a token of its own and not an abbreviation; else None."""
    first = period
    while first > lower and source[first - 1] in _WORD_CHARACTERS:
        first -= 1
    if period - first < 2 or source[first:period].lower() in abbreviations:
        return None
    if first != start and not source[first - 1].isspace():
        return None
    return first


def _cut_before(
    source: str,
    lower: int,
    upper: int,
    start: int,
    abbreviations: frozenset[str],
    quote_next: bool,
) -> int | None:
    """The start of the latest sure sentence end in ``source[lower:upper]`` (the word before
    the period), or None; with ``quote_next``, a quote part starts at ``upper`` and may open
    the sentence."""
    period = source.rfind(".", lower, upper)
    while period >= 0:
        spaces = _PERIOD_SPACE.match(source, period, upper) if quote_next else None
        if (spaces is not None and spaces.end() == upper) or _AFTER_PERIOD.match(
            source, period, upper
        ) is not None:
            first = _word_start(source, period, lower, start, abbreviations)
            if first is not None:
                return first
        period = source.rfind(".", lower, period)
    return None


def _cut_after(
    source: str, position: int, limit: int, start: int, end: int, abbreviations: frozenset[str]
) -> int | None:
    """The end of the first sure sentence end in ``source[position:limit]`` (the word after
    the period), or None; a word that closes the paragraph does not count."""
    while True:
        match = _AFTER_PERIOD.search(source, position, limit)
        if match is None:
            return None
        period = match.start()
        if _word_start(source, period, position, start, abbreviations) is not None:
            if _NON_SPACE.search(source, match.end(), end) is None:
                return None  # the paragraph's last word ends its last sentence
            return match.end()
        position = period + 1
