"""Cut a paragraph's clean text into pieces at quote and speaker-mention boundaries.

Quotes and speaker mentions carry spans into ``Article.source``, while a paragraph's
``text`` is its source span re-flowed (white space folded; a table keeps its line breaks).
:func:`highlight_paragraph` folds ``source[paragraph.span]`` the same way while keeping a map
from source offsets to text offsets, so every highlight lands exactly where its span is.
Used by the HTML display and the Markdown export; nothing here knows about either format.
"""

from __future__ import annotations

import bisect

import attrs
import regex

from newsdoc.model import Article, Paragraph
from newsdoc.text import normalize_space

_SPACE_RUN = regex.compile(r"\s+")


@attrs.frozen(slots=True)
class Highlight:
    """A piece of paragraph text; ``quote`` is the index in ``Article.quotes`` it belongs to.

    ``is_mention`` marks the speaker's mention rather than the quoted words, and
    ``is_last_part`` the final quoted piece of a quote (where its speaker label goes).
    """

    text: str
    quote: int | None = None
    is_mention: bool = False
    is_last_part: bool = False


@attrs.frozen(slots=True)
class _Mark:
    start: int
    end: int
    quote: int
    is_mention: bool
    is_last_part: bool


@attrs.frozen(slots=True)
class MarkIndex:
    """Every quote part and speaker mention of an article, sorted, for fast paragraph lookups.

    Build it once per article (:meth:`of`) when highlighting many paragraphs: looking marks
    up by paragraph is then a binary search instead of a scan over every quote.
    """

    marks: tuple[_Mark, ...]
    starts: tuple[int, ...]
    longest: int

    @classmethod
    def of(cls, article: Article) -> MarkIndex:
        """Index the quotes of ``article``."""
        marks: list[_Mark] = []
        for index, quote in enumerate(article.quotes):
            parts = sorted(quote.spans)
            for number, span in enumerate(parts):
                last = number == len(parts) - 1
                marks.append(_Mark(span.start, span.end, index, False, last))
            if quote.speaker_span is not None:
                mention = quote.speaker_span
                marks.append(_Mark(mention.start, mention.end, index, True, False))
        # Quoted words win over a mention at the same place; a shared mention is kept once.
        marks.sort(key=lambda mark: (mark.start, mark.is_mention, mark.quote))
        longest = max((mark.end - mark.start for mark in marks), default=0)
        return cls(tuple(marks), tuple(mark.start for mark in marks), longest)

    def within(self, low: int, high: int) -> list[_Mark]:
        """Marks overlapping ``[low, high)``, clipped to it, without overlaps."""
        # A mark that overlaps starts at most ``longest`` characters before ``low``.
        first = bisect.bisect_left(self.starts, low - self.longest)
        kept: list[_Mark] = []
        for mark in self.marks[first:]:
            if mark.start >= high:
                break
            start, end = max(mark.start, low), min(mark.end, high)
            if start < end and (not kept or start >= kept[-1].end):
                # A part cut by a paragraph break ends (and gets its label) in the last one.
                last = mark.is_last_part and end == mark.end
                kept.append(_Mark(start, end, mark.quote, mark.is_mention, last))
        return kept


def _fold(raw: str, keep_line_breaks: bool) -> tuple[str, list[int]]:
    """Fold white space like the ``sections`` rule; return the text and a raw→text offset map."""
    offsets = [0] * (len(raw) + 1)
    pieces: list[str] = []
    length = cursor = 0
    for match in _SPACE_RUN.finditer(raw):
        start, end = match.span()
        offsets[cursor:start] = range(length, length + start - cursor)
        pieces.append(raw[cursor:start])
        length += start - cursor
        if start == 0 or end == len(raw):
            replacement = ""
        elif keep_line_breaks and ("\n" in match.group() or "\r" in match.group()):
            replacement = "\n"
        else:
            replacement = " "
        offsets[start:end] = [length] * (end - start)
        pieces.append(replacement)
        length += len(replacement)
        cursor = end
    offsets[cursor : len(raw)] = range(length, length + len(raw) - cursor)
    pieces.append(raw[cursor:])
    length += len(raw) - cursor
    offsets[len(raw)] = length
    return "".join(pieces), offsets


def _cut(text: str, ranges: list[tuple[int, int, _Mark]]) -> list[Highlight]:
    pieces: list[Highlight] = []
    cursor = 0
    for start, end, mark in ranges:
        if start < cursor or end <= start:
            continue
        if start > cursor:
            pieces.append(Highlight(text[cursor:start]))
        pieces.append(Highlight(text[start:end], mark.quote, mark.is_mention, mark.is_last_part))
        cursor = end
    if cursor < len(text):
        pieces.append(Highlight(text[cursor:]))
    return pieces


def _search_ranges(article: Article, text: str, marks: list[_Mark]) -> list[tuple[int, int, _Mark]]:
    """Fallback when the span does not fold to ``text``: find each piece in order."""
    ranges: list[tuple[int, int, _Mark]] = []
    cursor = 0
    for mark in marks:
        needle = normalize_space(article.source[mark.start : mark.end])
        found = text.find(needle, cursor) if needle else -1
        if found >= 0:
            ranges.append((found, found + len(needle), mark))
            cursor = found + len(needle)
    return ranges


def highlight_paragraph(
    article: Article, paragraph: Paragraph, index: MarkIndex | None = None
) -> list[Highlight]:
    """``paragraph.text`` cut into plain, quoted and speaker-mention pieces, in order.

    Pass a :class:`MarkIndex` of the article when highlighting several of its paragraphs.
    """
    index = MarkIndex.of(article) if index is None else index
    marks = index.within(paragraph.span.start, paragraph.span.end)
    if not marks:
        return [Highlight(paragraph.text)] if paragraph.text else []
    low = paragraph.span.start
    raw = article.source[low : paragraph.span.end]
    folded, offsets = _fold(raw, keep_line_breaks="\n" in paragraph.text)
    if folded == paragraph.text:
        ranges = [(offsets[mark.start - low], offsets[mark.end - low], mark) for mark in marks]
    else:
        ranges = _search_ranges(article, paragraph.text, marks)
    return _cut(paragraph.text, ranges)
