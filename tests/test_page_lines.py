"""The page rule's line helpers: their shortcuts give exactly what the plain tests give."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from newsdoc.parser import ParserConfig
from newsdoc.state import BODY, REMOVED, Block, DocumentState
from newsdoc.vocab import default_vocabulary
from newsdoc.zoning.lines import (
    MIN_STOP_SHARE,
    _enough_stop_words,
    _most_lines,
    _separators,
    _words,
    classify_lines,
)

_PLAIN_WORD = regex.compile(r"\w+")

# Letters, digits, marks and punctuation where the engines' \w could differ, line breaks.
_TRICKY = "aZ09_ é ß İ ſ K ½ ² ٣ ‿ \u200d \u0301 ’‘“”—–… © ® ™ • · | \t\x1c\xa0\u2009\ud800"


@given(st.text(alphabet=st.sampled_from(_TRICKY + "abc XYZ.,;:!?-'\"()")))
def test_words_are_the_word_runs(text: str) -> None:
    """``_words`` finds the ``\\w+`` runs of any text, by whichever engine it takes."""
    assert _words(text) == _PLAIN_WORD.findall(text)


def test_words_of_page_lines() -> None:
    """Lines as pages print them, ASCII or not, keep their words."""
    for text in (
        "Home | News | Sport",
        "“We won’t stop,” she said — and the crowd cheered…",
        "Café owners in São Paulo said the straße was closed.",
        "© 2024 The Valley Courier™",
        "x²+½ = ٣",
    ):
        assert _words(text) == _PLAIN_WORD.findall(text)


@given(st.text(alphabet=st.sampled_from("|•›»· a’é")))
def test_separators_counts_every_kind(text: str) -> None:
    """ASCII text or not, every separator character of the line is counted."""
    assert _separators(text) == sum(text.count(mark) for mark in "|•›»·")


@given(st.lists(st.sampled_from(["the", "The", "OF", "cat", "ran", "Council", "and"]), min_size=1))
def test_enough_stop_words_is_the_share_test(words: list[str]) -> None:
    """Reading half the words first answers as the share over all of them does."""
    stop = default_vocabulary().stop_words
    share = sum(word.casefold() in stop for word in words) / len(words)
    assert _enough_stop_words(words, stop) == (share >= MIN_STOP_SHARE)


def _state(source: str, blocks: list[Block]) -> DocumentState:
    return DocumentState(source, ParserConfig(), default_vocabulary(), blocks=blocks)


def _counted_lines(state: DocumentState) -> int:
    """The lines ``is_page`` counts: the non-empty lines of the body blocks."""
    return sum(
        bool(line.strip())
        for block in state.blocks
        if block.role == BODY
        for line in state.source[block.start : block.end].splitlines()
    )


def test_most_lines_bounds_the_lines_counted() -> None:
    """No body holds more lines than the bound, blocks cut inside lines included."""
    source = "Home | News\r\nSport\x0cWeather\n\n  \nA long line of text\u2028Next\x85Last line"
    cases = [
        [Block(0, len(source))],
        [Block(0, 3), Block(3, 9), Block(9, 25), Block(25, len(source))],
        [Block(2, 5), Block(5, 6), Block(6, 7, REMOVED), Block(7, len(source))],
        [Block(start, start + 1) for start in range(len(source))],
    ]
    for blocks in cases:
        state = _state(source, blocks)
        assert _counted_lines(state) <= _most_lines(state, source.splitlines())


def test_classify_lines_marks_repeated_texts() -> None:
    """A line printed again elsewhere (case and spaces aside) is marked repeated, others not."""
    source = "Sport\nThe council met on Monday to vote on the plan.\nSPORT\nWeather"
    blocks = []
    start = 0
    for line in source.split("\n"):
        blocks.append(Block(start, start + len(line)))
        start += len(line) + 1
    lines = classify_lines(_state(source, blocks), blocks)
    assert [line.repeated for line in lines] == [True, False, True, False]
    assert [line.words for line in lines] == [1, 10, 1, 1]
