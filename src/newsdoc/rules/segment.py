"""Rule ``segment``: cut the source into blocks (paragraph candidates) with exact spans.

- Blank lines always separate blocks.
- In a run of lines between blank lines, each line is its own block, unless the run looks
  hard-wrapped (wire copy broken at a fixed width): then lines are re-flowed into paragraphs,
  a new one starting where the wire indents or after a short line, and runs of short lines
  that are not sentences (financial tables) are kept together as one multi-line block.
- Text that lost its paragraph breaks stays one block rather than being guessed apart.
"""

from __future__ import annotations

import itertools

import regex

from newsdoc.state import Block, DocumentState

_LINE_BREAK = regex.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")
_SENTENCE_END = frozenset(".!?:\"”’')")

MAX_WRAP_WIDTH = 100  # wire and e-mail copy wraps well below this
MIN_WRAPPED_LINES = 3
FULL_LINE_RATIO = 0.7  # a line this close to the wrap width was broken by the wrap
SHORT_LINE_RATIO = 0.55  # a line shorter than this ended its paragraph


class _Line:
    __slots__ = ("end", "indent", "start", "width")

    def __init__(self, source: str, start: int, end: int) -> None:
        text_start = start
        while text_start < end and source[text_start] in " \t":
            text_start += 1
        text_end = end
        while text_end > text_start and source[text_end - 1].isspace():
            text_end -= 1
        self.start = text_start
        self.end = text_end
        self.indent = text_start - start
        self.width = end - start if text_end > text_start else 0


def _lines(source: str) -> list[_Line]:
    lines = []
    position = 0
    for match in _LINE_BREAK.finditer(source):
        lines.append(_Line(source, position, match.start()))
        position = match.end()
    lines.append(_Line(source, position, len(source)))
    return lines


def _runs(lines: list[_Line]) -> list[list[_Line]]:
    """Group lines into runs separated by blank (white-space only) lines."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.end <= line.start:
            if current:
                runs.append(current)
                current = []
        else:
            current.append(line)
    if current:
        runs.append(current)
    return runs


def _wrap_width(run: list[_Line]) -> int | None:
    """The wrap width if the run looks hard-wrapped, else None."""
    if len(run) < MIN_WRAPPED_LINES:
        return None
    width = max(line.width for line in run)
    if width > MAX_WRAP_WIDTH:
        return None
    full = sum(1 for line in run if line.width >= FULL_LINE_RATIO * width)
    if full * 2 < len(run):
        return None
    return width


def _is_sentence_end(source: str, line: _Line) -> bool:
    return source[line.end - 1] in _SENTENCE_END


def _wrapped_blocks(source: str, run: list[_Line], width: int) -> list[Block]:
    min_indent = min(line.indent for line in run)
    groups: list[list[_Line]] = [[run[0]]]
    for previous, line in itertools.pairwise(run):
        indented = line.indent > min_indent
        short_before = previous.width < SHORT_LINE_RATIO * width
        if indented or short_before:
            groups.append([line])
        else:
            groups[-1].append(line)
    blocks: list[Block] = []
    table: list[_Line] = []

    def flush_table() -> None:
        if table:
            blocks.append(Block(table[0].start, table[-1].end, wrapped=False))
            table.clear()

    for group in groups:
        is_table_row = (
            len(group) == 1
            and group[0].width < SHORT_LINE_RATIO * width
            and not _is_sentence_end(source, group[0])
        )
        if is_table_row:
            table.append(group[0])
            continue
        if len(table) == 1:
            # A lone short line is a heading or sign-off, not a table.
            blocks.append(Block(table[0].start, table[0].end))
            table.clear()
        flush_table()
        blocks.append(Block(group[0].start, group[-1].end, wrapped=len(group) > 1))
    if len(table) == 1:
        blocks.append(Block(table[0].start, table[0].end))
        table.clear()
    flush_table()
    return blocks


def segment(state: DocumentState) -> None:
    """Fill ``state.blocks`` from the source text."""
    source = state.source
    blocks: list[Block] = []
    for run in _runs(_lines(source)):
        width = _wrap_width(run)
        if width is None:
            blocks.extend(Block(line.start, line.end) for line in run)
        else:
            blocks.extend(_wrapped_blocks(source, run, width))
    state.blocks = blocks
