"""The page rule's line helpers: their shortcuts give exactly what the plain tests give."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newsdoc.parser import ParserConfig
from newsdoc.state import BODY, REMOVED, Block, DocumentState
from newsdoc.text import KEY_OUTER_CHARACTERS, comparison_key
from newsdoc.vocab import default_vocabulary
from newsdoc.zoning.furniture import (
    _COMMENTS_HEADING,
    _FOOTER_OR_OPENING,
    _OPENING,
    SHAPE_WORDS,
    _may_open_heading,
    _may_open_shape,
)
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


@given(st.text(alphabet=st.sampled_from(_TRICKY + "abc XYZ.,;:!?-'\"()")))
def test_key_words_are_the_folded_words(text: str) -> None:
    """The comparison key's words are the line's words, case-folded, one for one."""
    assert _words(comparison_key(text)) == [word.casefold() for word in _words(text)]


def test_case_folding_keeps_word_characters_apart() -> None:
    """Over all of Unicode, case folding makes word characters of word characters only, and
    of any other character none (what lets a line's words be read off its key)."""
    for code in range(0x110000):
        character = chr(code)
        folded = character.casefold()
        if folded != character:
            is_word = _PLAIN_WORD.fullmatch(character) is not None
            assert all((_PLAIN_WORD.fullmatch(part) is not None) == is_word for part in folded)


@given(st.lists(st.sampled_from(["the", "of", "cat", "ran", "council", "and"]), min_size=1))
def test_enough_stop_words_is_the_share_test(words: list[str]) -> None:
    """Reading half the words first answers as the share over all of them does."""
    stop = default_vocabulary().stop_words
    share = sum(word in stop for word in words) / len(words)
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


# Pieces of lines that do and do not open with a furniture shape, in any case.
_SHAPE_PIECES = st.sampled_from(
    [
        "©",
        "(c) ",
        "(C)",
        "Copyright",
        "powered by us",
        "POWERED BY ",
        "Next post",
        "« Older",
        "← previous article",
        "Subscribe",
        "subscribe to:",
        "Sign up for our newsletter",
        "Enter your email",
        "Posted in",
        "Filed under",
        "Tagged",
        "12 Comments",
        "comments (3)",
        "3 thoughts on",
        "the",
        "News",
        "ſ",
        "K",
        " ",
        ":",
        "-",
        "2024",
        "Home",
    ]
)


@given(st.lists(_SHAPE_PIECES, min_size=1, max_size=8).map("".join))
@example("Home - Powered by WordPress")
def test_shape_prefilters_rule_out_no_match(text: str) -> None:
    """A line the quick tests rule out matches no comments heading nor line-opening shape."""
    text = text.strip() or "x"
    key = comparison_key(text)
    count = len(_words(key))
    if not _may_open_shape(text, key, count):
        assert (_FOOTER_OR_OPENING if count <= SHAPE_WORDS else _OPENING).match(text) is None
    if not (key[:1] == "c" or key[:1].isdigit()):
        assert _COMMENTS_HEADING.fullmatch(key) is None


def test_heading_prefilter_rules_out_no_heading() -> None:
    """Every page heading, alone or followed by more words or punctuation, passes the test."""
    vocab = default_vocabulary()
    for heading in vocab.page_headings:
        for line in (heading, f"{heading} from the week", f"{heading}: -", f"{heading} - -"):
            key = comparison_key(line)
            opening = key.split(maxsplit=3)
            if any(
                " ".join(opening[:size]).rstrip(KEY_OUTER_CHARACTERS) in vocab.page_headings
                for size in (2, 3)
            ):
                assert _may_open_heading(key, vocab.heading_openers)
    assert not _may_open_heading("the council met", vocab.heading_openers)
