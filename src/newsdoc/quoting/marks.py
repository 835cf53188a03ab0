"""Pair quotation marks inside one paragraph, on source offsets.

Each mark is classified as opening or closing from its shape and its neighbours, so straight
``"`` marks, curly marks and guillemets mix freely, and an apostrophe (``don’t``, ``voters’``)
is never a quote mark: single quotes only count at the top level of a paragraph that has no
double marks. Pairing restarts at every paragraph, so one stray mark spoils at most its own
paragraph.
"""

from __future__ import annotations

import re

import regex

from newsdoc.quoting.types import QuotePart

# plain character sets: the standard library's engine runs them faster than ``regex``
_DOUBLE_MARK = re.compile(r"[“”\"«»„]")
_SINGLE_MARK = re.compile(r"[‘’']")
_OPENING_MARK = re.compile(r"[“”\"«»„‘']")  # a paragraph without any has no quote
_TRANSCRIPT = regex.compile(r'"\p{Lu}{2,}(?: \p{Lu}{2,})?:')  # "PENCE: …"
# a single mark (’ too) after white space or one of _OPEN_BEFORE, before a letter or digit
_SINGLE_OPENER = re.compile(r"(?<=[\s(\[{—–\-/])[‘’'](?=[^\W_])")
_ALWAYS_OPEN = frozenset("«„")
_ALWAYS_CLOSE = frozenset("»")
_OPEN_BEFORE = frozenset("([{—–-/")  # a mark right after these opens a quote
_CLOSE_AFTER = frozenset(",.;:!?)]}—–-…")  # a mark right before these closes one


def _opens(text: str, index: int) -> bool:
    """Whether the mark at ``index`` opens a quote, judged by shape and neighbours."""
    mark = text[index]
    if mark in _ALWAYS_OPEN:
        return True
    if mark in _ALWAYS_CLOSE:
        return False
    if index == 0:
        return True  # a paragraph opening with ” is a mis-typed opening mark
    before = text[index - 1]
    after = text[index + 1] if index + 1 < len(text) else " "
    space_before = before.isspace() or before in _OPEN_BEFORE
    space_after = after.isspace() or after in _CLOSE_AFTER
    if mark == "“":
        # a curly opening mark glued to the end of a word is a mis-typed closing one
        return not (not space_before and space_after)
    if mark == "”":
        return space_before and not space_after
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    return space_before  # ambiguous straight mark: decided by the pairing state


def _pair(text: str, offset: int, positions: list[int]) -> list[QuotePart]:
    parts: list[QuotePart] = []
    open_at: int | None = None
    outer: int | None = None  # “A “b” c”: the opening mark of the quote around a nested one
    nested: QuotePart | None = None  # the nested quote, once closed, until the outer closes
    for index in positions:
        if nested is not None:
            assert outer is not None
            outer_start, nested_part = outer, nested
            outer, nested = None, None
            if _closes(text, index):
                parts.append(QuotePart(offset + outer_start, offset + index + 1, closed=True))
                open_at = None
                continue
            # no closing mark after the nested quote: the outer mark was a stray one, and
            # the nested quote stands alone
            parts.append(nested_part)
            open_at = None
        if _opens(text, index) if open_at is None else not _closes(text, index):
            if open_at is not None:
                # a second opening mark: after a sentence end, the quote goes on in a new
                # paragraph whose break was lost ("… for you. "Somehow …"), else it opens a
                # nested quote (or the first mark was a stray one)
                last = _sentence_end_before(text, open_at, index)
                if last is not None:
                    parts.append(QuotePart(offset + open_at, offset + last + 1, runs_on=True))
                    outer = None
                elif outer is None:
                    outer = open_at
            open_at = index
            continue
        if open_at is None:
            continue  # stray closing mark
        if outer is not None and index > open_at + 1:
            nested = QuotePart(offset + open_at, offset + index + 1, closed=True)
        elif index > open_at + 1:
            parts.append(QuotePart(offset + open_at, offset + index + 1, closed=True))
        open_at = None
        if nested is None:
            outer = None
    if nested is not None:
        parts.append(nested)  # the outer quote never closed: its mark was a stray one
    elif open_at is not None and open_at + 1 < len(text) and text[open_at + 1].isalnum():
        parts.append(QuotePart(offset + open_at, offset + len(text), closed=False))
    return parts


def _sentence_end_before(text: str, open_at: int, index: int) -> int | None:
    """The index of the sentence-ending mark that the text opened at ``open_at`` ends with
    right before the mark at ``index`` (white space between), or None."""
    last = index - 1
    while last > open_at and text[last].isspace():
        last -= 1
    if last == index - 1 or last <= open_at + 1 or text[last] not in ".!?…":
        return None  # no space before the new mark, no words, or no sentence end
    return last


def _closes(text: str, index: int) -> bool:
    """Whether a mark met while a quote is open closes it (ambiguous straight marks do)."""
    mark = text[index]
    if mark in _ALWAYS_OPEN:
        return False
    if mark in _ALWAYS_CLOSE or mark == "”":
        return True
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    # “ after a space and before a word opens a new quote; anything else closes
    return not ((before.isspace() or before in _OPEN_BEFORE) and after.isalnum())


def _after_colon(source: str, start: int) -> bool:
    """Whether the paragraph at ``start`` follows one ending with a colon."""
    index = start - 1
    while index >= 0 and start - index < 8 and source[index].isspace():
        index -= 1
    return index >= 0 and source[index] == ":"


def find_quote_parts(source: str, start: int, end: int) -> list[QuotePart]:
    """Quoted stretches of ``source[start:end]`` (one paragraph), marks included.

    A quote left open at the paragraph end is returned with ``closed=False`` and runs to the
    end; the caller decides whether the next paragraph continues it.
    """
    first = _OPENING_MARK.search(source, start, end)
    if first is None:
        return []  # most paragraphs: no double mark, and no single mark that can open
    # every double mark can open, so the first mark found tells whether there are any
    # before it; one after a single mark is looked for from there
    if first.group() in "‘'" and _DOUBLE_MARK.search(source, first.end(), end) is None:
        # single marks only, and one of them ‘ or ' (a paragraph with ’ alone has none)
        if not _single_opener(source, start, end):
            return []  # (most: apostrophes inside words, "don't")
        parts = _pair_single(source[start:end], start)
        return [part for part in parts if " " in source[part.start : part.end]]
    text = source[start:end]
    positions = [match.start() for match in _DOUBLE_MARK.finditer(text)]
    if text[0] == '"' and (_after_colon(source, start) or _TRANSCRIPT.match(text)):
        # "Smith said: ¶ "… “a nested quote” …": curly marks nest inside the straight
        # quote that opens an introduced paragraph or a transcript line ("PENCE: …")
        positions = [index for index in positions if text[index] == '"']
    return _pair(text, start, positions)


def _single_opener(source: str, start: int, end: int) -> bool:
    """Whether ``source[start:end]`` has a single mark that :func:`_pair_single` may open a
    quote at: before a letter or digit, at the start or after a space or an opening bracket
    or dash. Without one it pairs nothing."""
    if source[start] in "‘’'" and source[start + 1 : start + 2].isalnum():
        return True
    # (searched from the second character, so the look-behind reads inside the paragraph)
    return _SINGLE_OPENER.search(source, start + 1, end) is not None


def _pair_single(text: str, offset: int) -> list[QuotePart]:
    """Closed quotes between single marks that can delimit a top-level quote: not the
    apostrophes between two letters (don’t, O’Brien)."""
    parts: list[QuotePart] = []
    open_at: int | None = None
    last = len(text) - 1
    for match in _SINGLE_MARK.finditer(text):
        index = match.start()
        before = text[index - 1] if index > 0 else " "
        after = text[index + 1] if index < last else " "
        if after.isalnum():
            if before.isalnum():
                continue  # an apostrophe inside a word
            if before.isspace() or before in _OPEN_BEFORE:
                open_at = index
        elif open_at is not None:
            parts.append(QuotePart(offset + open_at, offset + index + 1, closed=True))
            open_at = None
    if open_at == 0 and text[0] in "‘'" and text[1:2].isupper():
        # ‘But the family … ¶ ‘They were …’: a quote opening its paragraph goes on in the next
        parts.append(QuotePart(offset, offset + len(text), closed=False))
    return parts
