"""Rule ``segment``: cut the source into blocks (paragraph candidates) with exact spans.

- Blank lines always separate blocks.
- Wire copy (a run whose lines are indented unevenly): an indented line starts a paragraph and
  lines at the margin continue it, whatever their width (Reuters 1987: wrapped at about 65
  columns, four spaces to open a paragraph).
- Flush-left hard-wrapped copy (most lines near one width): lines are re-flowed, a paragraph
  ending after a short line.
- Otherwise each line is its own block.
- One-line pieces that are not sentences (``Shr 10 cts vs 12 cts``, ``Year``) are kept
  together as one multi-line table block. A title at the margin, a dateline alone on its line
  and a sign-off are never rows.
- Text that lost its paragraph breaks stays one block rather than being guessed apart.
- A line holding only zero-width characters (U+200B, U+FEFF, ...) and spaces is a blank line;
  its invisible characters are recorded as removed.
"""

from __future__ import annotations

import itertools

import regex

from newsdoc.state import Block, DocumentState
from newsdoc.text import time_limit

# The line breaks of ``str.splitlines`` ("\r\n" counts as one).
_BREAK_CHARACTERS = "\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"
_SENTENCE_END = frozenset(".!?:\"”’')")
# Zero-width space, non-joiner, joiner, word joiner and byte-order mark: not white space for
# str.isspace(), yet a line of them and spaces shows as blank.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_LINE = regex.compile(rf"[\s{_INVISIBLE}]*")

MAX_WRAP_WIDTH = 100  # wire and e-mail copy wraps well below this
MIN_WRAPPED_LINES = 3
FULL_LINE_RATIO = 0.7  # a line this close to the wrap width was broken by the wrap
SHORT_LINE_RATIO = 0.55  # a line shorter than this ended its paragraph


# A non-blank line: (start, end, indent, width). ``start`` is past the indent (spaces and
# tabs), ``end`` before trailing white space, ``width`` the whole line's length. A plain tuple:
# a wire story has hundreds of lines, and a class instance costs three times as much to build.
_Line = tuple[int, int, int, int]
_START, _END, _INDENT, _WIDTH = range(4)  # the fields of a _Line


def _runs(source: str) -> tuple[list[list[_Line]], list[tuple[int, int]]]:
    """Runs of lines that blank lines separate, and the (start, end) of invisible-only lines."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    invisible = []
    position = 0
    # str.splitlines and str methods: one C call per line instead of a loop per character.
    for piece in source.splitlines(keepends=True):
        text = piece.rstrip()  # the line break and trailing white space go
        unindented = text.lstrip(" \t")
        if unindented:
            indent = len(text) - len(unindented)
            start = position + indent
            # Tested only when the line opens with an invisible or a Unicode space character,
            # so an ordinary line costs one character test.
            first = unindented[0]
            if (first in _INVISIBLE or first.isspace()) and _is_invisible(piece):
                invisible.append((start, start + len(unindented)))
            else:
                width = len(piece.rstrip(_BREAK_CHARACTERS))
                current.append((start, start + len(unindented), indent, width))
                position += len(piece)
                continue
        if current:  # a blank line ends the run
            runs.append(current)
            current = []
        position += len(piece)
    if current:
        runs.append(current)
    return runs, invisible


def _is_invisible(piece: str) -> bool:
    """The line (with its break) holds only white space and zero-width characters."""
    content = piece.rstrip(_BREAK_CHARACTERS)  # a line break ends the piece, never inside it
    content = content.lstrip(" \t")
    return _INVISIBLE_LINE.fullmatch(content, timeout=time_limit(content)) is not None


def _wrap_width(run: list[_Line]) -> int | None:
    """The wrap width if the run looks hard-wrapped, else None."""
    if len(run) < MIN_WRAPPED_LINES:
        return None
    width = max(line[_WIDTH] for line in run)
    if width > MAX_WRAP_WIDTH:
        return None
    full = sum(1 for line in run if line[_WIDTH] >= FULL_LINE_RATIO * width)
    if full * 2 < len(run):
        return None
    return width


def _leads_on(text: str) -> bool:
    """A dateline alone on its line ("MELBOURNE, March 3 -") leads into the next line.

    It ends with a dash and opens with an all-caps word; a table row ending in "--" (no
    figure) does not.
    """
    if not text.endswith(("-", "—", "–")):
        return False
    first = text.split(maxsplit=1)[0].rstrip(",")
    return sum(c.isalpha() for c in first) >= 2 and first.isupper()


def _groups_by_width(run: list[_Line], width: int) -> list[list[_Line]]:
    """Flush-left wrapped copy: a paragraph ends after a short line."""
    groups: list[list[_Line]] = [[run[0]]]
    for previous, line in itertools.pairwise(run):
        if previous[_WIDTH] < SHORT_LINE_RATIO * width:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _groups_by_indent(run: list[_Line], margin: int) -> list[list[_Line]]:
    """Wire copy: an indented line starts a paragraph, lines at the margin continue it."""
    groups: list[list[_Line]] = [[run[0]]]
    for line in itertools.islice(run, 1, None):
        if line[_INDENT] > margin:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _is_table_row(state: DocumentState, line: _Line, short_width: float) -> bool:
    """The line of a one-line group could be a table row: short, and not a sentence."""
    start, end, _, width = line
    if width >= short_width or state.source[end - 1] in _SENTENCE_END:
        return False  # a sentence is no row; checked before the line's text is sliced out
    text = state.source[start:end]
    # A sign-off ("Reuter") or other page furniture is not a row of the table above it.
    return not _leads_on(text) and state.boilerplate_category(text) is None


def _blocks_from_groups(
    state: DocumentState, groups: list[list[_Line]], short_width: float, margin: int
) -> list[Block]:
    """Blocks from line groups; one-line groups shorter than ``short_width`` form tables."""
    blocks: list[Block] = []
    table: list[_Line] = []

    def flush_table() -> None:
        # A lone short line is a heading or a sign-off, not a table.
        blocks.append(Block(table[0][_START], table[-1][_END], wrapped=False))
        table.clear()

    for group in groups:
        # Most groups are paragraphs of several lines: no row, and no call to find it out.
        if len(group) == 1 and _is_table_row(state, group[0], short_width):
            if table and table[-1][_INDENT] == margin != group[0][_INDENT]:
                flush_table()  # a title at the margin is not a row of the indented table below
            table.append(group[0])
            continue
        if table:
            flush_table()
        blocks.append(Block(group[0][_START], group[-1][_END], wrapped=len(group) > 1))
    if table:
        flush_table()
    return blocks


def segment(state: DocumentState) -> None:
    """Fill ``state.blocks`` from the source text."""
    runs, invisible = _runs(state.source)
    for start, end in invisible:
        state.remove(start, end, "boilerplate", "invisible")
    blocks: list[Block] = []
    for run in runs:
        if len(run) == 1 and run[0][_INDENT] == 0:
            # The common paragraph, one line between blank lines: the general case below
            # would make it a block of its own too.
            blocks.append(Block(run[0][_START], run[0][_END]))
            continue
        indents = [line[_INDENT] for line in run]
        margin = min(indents)
        widest = max(line[_WIDTH] for line in run)
        if len(run) > 1 and max(indents[1:]) > margin:
            # Every line of a wrapped paragraph is in its group, so any one-line group that
            # is not a sentence can be a row, however wide.
            groups = _groups_by_indent(run, margin)
            blocks.extend(_blocks_from_groups(state, groups, widest + 1, margin))
            continue
        width = _wrap_width(run)
        if width is None and margin > 0:
            # Indented wire copy after a blank line: each line stands alone, tables stay whole.
            groups = [[line] for line in run]
            blocks.extend(_blocks_from_groups(state, groups, widest + 1, margin))
        elif width is None:
            blocks.extend(Block(start, end) for start, end, _, _ in run)
        else:
            groups = _groups_by_width(run, width)
            blocks.extend(_blocks_from_groups(state, groups, SHORT_LINE_RATIO * width, margin))
    state.blocks = blocks
