"""Rule ``explainers``: embedded explainer widgets ("Card 1 of 5" and its cards).

The widget shows a title, a "Card 1 of N" counter, then N cards whose first sentence is a
short heading ("A brewing conflict. Antagonism between ..."). The counter is widget chrome
(removed, reason ``widget``); the title and cards become an :class:`Explainer` and leave the
body.
"""

from __future__ import annotations

import regex

from newsdoc.model import Explainer, ExplainerCard, Span
from newsdoc.state import BODY, EMPTY, EXPLAINER, REMOVED, Block, DocumentState
from newsdoc.text import normalize_space, time_limit

_COUNTER = regex.compile(r"(?:Card|Slide|Step|Item)\s+(\d{1,3})\s+(?:of|/)\s+(\d{1,3})", regex.I)
_CARD_HEADING = regex.compile(r"(?P<heading>[^.!?\n]{2,80}?[.!?:])\s+(?P<body>\S)")
MAX_TITLE_WORDS = 16
_NO_TITLE_END = (".", ",", ";", ":", "”", '"', "’", "'")
_OPENING_QUOTES = ("“", '"', "‘", "'", "«")
MAX_CARD_HEADING_WORDS = 10
_SKIPPABLE = frozenset({REMOVED, EMPTY})  # blocks with no kept text may sit inside a widget


def _card(state: DocumentState, block: Block, number: int) -> ExplainerCard | None:
    text = state.text_of(block)
    match = _CARD_HEADING.match(text, timeout=time_limit(text))
    if match is None:
        return None
    heading = normalize_space(match.group("heading")).rstrip(".:")
    if len(heading.split()) > MAX_CARD_HEADING_WORDS:
        return None
    body = normalize_space(text[match.start("body") :])
    return ExplainerCard(number, heading, body, Span(block.start, block.end))


def _counters(state: DocumentState) -> tuple[list[regex.Match[str] | None], list[int], list[int]]:
    """Each block's counter match (body blocks only); how many counters precede each block;
    and for each block, the first block from it on that is neither a counter nor skippable.

    Worked out once per document: a counter's widget is then found without re-reading the
    counters after it, which made a page of counters ("Card 1 of 999", "Slide 1 of 998", …)
    quadratic.
    """
    blocks = state.blocks
    matches: list[regex.Match[str] | None] = []
    before = [0]
    for block in blocks:
        # no time limit: run on every block; linear, \s+ runs between fixed words
        match = _COUNTER.fullmatch(state.text_of(block).strip()) if block.role == BODY else None
        matches.append(match)
        before.append(before[-1] + (match is not None))
    run_end = [len(blocks)] * (len(blocks) + 1)
    for index in range(len(blocks) - 1, -1, -1):
        passable = matches[index] is not None or blocks[index].role in _SKIPPABLE
        run_end[index] = run_end[index + 1] if passable else index
    return matches, before, run_end


def find_explainers(state: DocumentState) -> None:
    """Turn each counter-led run of cards into an :class:`Explainer`."""
    blocks = state.blocks
    counters, before, run_end = _counters(state)  # valid for the blocks not yet passed
    index = 0
    while index < len(blocks):
        block = blocks[index]
        counter = counters[index]
        if counter is None or int(counter.group(1)) != 1:
            index += 1
            continue
        total = int(counter.group(2))
        # The counters and skippable blocks right after this one: taken as a whole. More
        # counters than cards is not one widget.
        cursor = run_end[index + 1]
        chrome_count = 1 + before[cursor] - before[index + 1]
        if chrome_count > total:
            index += 1
            continue
        cards: list[tuple[Block, ExplainerCard]] = []
        later_chrome: list[Block] = []  # counters between cards ("Card 2 of 5")
        while cursor < len(blocks) and len(cards) < total:
            candidate = blocks[cursor]
            cursor += 1
            if candidate.role != BODY:
                if candidate.role in _SKIPPABLE:
                    continue
                break  # a kept element (byline, heading, ...) ends the widget
            if counters[cursor - 1] is not None:
                if chrome_count >= total:
                    break  # more counters than cards: not one widget (and keeps this linear)
                chrome_count += 1
                later_chrome.append(candidate)
                continue
            card = _card(state, candidate, len(cards) + 1)
            if card is None:
                break
            cards.append((candidate, card))
        if not cards:
            index += 1
            continue
        title_block = _title_before(state, index)
        start = cards[0][0].start if title_block is None else title_block.start
        span = Span(min(start, block.start), cards[-1][0].end)
        if _holds_kept_text(state, span):
            index += 1
            continue
        first_run = range(index, run_end[index + 1])
        chrome = [blocks[i] for i in first_run if counters[i] is not None] + later_chrome
        for item in chrome:
            state.remove_block(item, "widget", "explainer")
        for card_block, _card_value in cards:
            card_block.role = EXPLAINER
        title = None
        if title_block is not None:
            title_block.role = EXPLAINER
            title = state.clean_text_of(title_block)
        state.explainers.append(Explainer(title, tuple(card for _, card in cards), span))
        index = cursor


def _holds_kept_text(state: DocumentState, span: Span) -> bool:
    """True when a dateline or byline cut from a block lies inside ``span``.

    The explainer's span must hold only its own text and removed chrome, or that text
    would be accounted for twice.
    """
    for element in (state.dateline, state.byline):
        if element is not None and element.span.start < span.end and span.start < element.span.end:
            return True
    return False


def _title_before(state: DocumentState, index: int) -> Block | None:
    for cursor in range(index - 1, -1, -1):
        block = state.blocks[cursor]
        if block.role in _SKIPPABLE:
            continue
        if block.role != BODY:
            return None
        text = state.clean_text_of(block)
        # A title is a label: a short quote paragraph or a clause is story text.
        if len(text.split()) <= MAX_TITLE_WORDS and not (
            text.endswith(_NO_TITLE_END) or text.startswith(_OPENING_QUOTES)
        ):
            return block
        return None
    return None
