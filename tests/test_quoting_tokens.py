"""Tokens of a paragraph: words, punctuation and whole quotes, and where sentences end.

The cases pin the tokenizer's edge cases (contractions, initialisms, abbreviations, glued
periods, stray closing marks), so that a faster tokenizer keeps every token and sentence end.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdoc.quoting.marks import find_quote_parts
from newsdoc.quoting.tokens import (
    _pattern_tokens,
    _word_tokens,
    sentence_starts,
    starts_of,
    tokenize,
    tokenize_sentences,
)
from newsdoc.quoting.types import QUOTE, Token
from newsdoc.vocab import default_vocabulary

# (paragraph, token texts, indices of the tokens ending a sentence, indices of quote tokens)
CASES = [
    (
        "He’s here, and I'm not. Who'd know?",
        ["He", "’s", "here", ",", "and", "I", "'m", "not", ".", "Who", "'d", "know", "?"],
        [8, 12],
        [],
    ),
    (
        "The U.S. Senate met in Washington, D.C. He left. The U.S. “We won,” she said.",
        [
            "The",
            "U.S.",
            "Senate",
            "met",
            "in",
            "Washington",
            ",",
            "D.C.",
            "He",
            "left",
            ".",
            "The",
            "U.S.",
            "“We won,”",
            "she",
            "said",
            ".",
        ],
        [7, 10, 12, 16],
        [13],
    ),
    (
        "Rep. Jane Doe (D-Wis.) and Sen. Roe (R-Ky.) spoke to Sergei A. Ryabkov.",
        [
            "Rep.",
            "Jane",
            "Doe",
            "(",
            "D-Wis.",
            ")",
            "and",
            "Sen.",
            "Roe",
            "(",
            "R-Ky.",
            ")",
            "spoke",
            "to",
            "Sergei",
            "A.",
            "Ryabkov",
            ".",
        ],
        [17],
        [],
    ),
    (
        "rock-n'roll, R&D and O’Brien’s voters’ rights; abc.def (D-N.Y) well- known snake_case.",
        [
            "rock-n'roll",
            ",",
            "R&D",
            "and",
            "O’Brien’s",
            "voters",
            "’",
            "rights",
            ";",
            "abc",
            ".",
            "def",
            "(",
            "D-N",
            ".",
            "Y",
            ")",
            "well",
            "-",
            "known",
            "snake",
            "_",
            "case",
            ".",
        ],
        [23],
        [],
    ),
    (
        "It ended. ) Then “Stop.” He left. “Why?” asked Smith. 'Fine' — she's gone!",
        [
            "It",
            "ended",
            ".",
            ")",
            "Then",
            "“Stop.”",
            "He",
            "left",
            ".",
            "“Why?”",
            "asked",
            "Smith",
            ".",
            "'",
            "Fine",
            "'",
            "—",
            "she",
            "'s",
            "gone",
            "!",
        ],
        [3, 5, 8, 13, 20],
        [5, 9],
    ),
    (
        "Mr. Smith said: “We will wait,” and “the plan” failed. Dr. No",
        [
            "Mr.",
            "Smith",
            "said",
            ":",
            "“We will wait,”",
            "and",
            "“the plan”",
            "failed",
            ".",
            "Dr.",
            "No",
        ],
        [8, 10],
        [4, 6],
    ),
]


@pytest.mark.parametrize(("text", "words", "ends", "quotes"), CASES)
def test_tokens_and_sentence_ends(
    text: str, words: list[str], ends: list[int], quotes: list[int]
) -> None:
    found: list[int] = []
    parts = find_quote_parts(text, 0, len(text))
    tokens = tokenize(text, 0, len(text), parts, default_vocabulary().abbreviations, found)
    assert [token.text for token in tokens] == words
    assert [index for index, token in enumerate(tokens) if token.ends_sentence] == ends
    assert found == quotes
    assert [index for index, token in enumerate(tokens) if token.kind == QUOTE] == quotes
    assert all(text[token.start : token.end] == token.text for token in tokens)


@pytest.mark.parametrize(("text", "ends"), [(case[0], case[2]) for case in CASES])
def test_sentence_starts_follow_the_ends(text: str, ends: list[int]) -> None:
    parts = find_quote_parts(text, 0, len(text))
    tokens = tokenize(text, 0, len(text), parts, default_vocabulary().abbreviations)
    expected: list[int] = []
    start = 0
    for index in range(len(tokens)):
        expected.append(start)
        if index in ends:
            start = index + 1
    assert sentence_starts(tokens) == expected
    same, ends = tokenize_sentences(text, 0, len(text), parts, default_vocabulary().abbreviations)
    assert ends == [index for index, token in enumerate(same) if token.ends_sentence]
    assert starts_of(ends, len(same)) == expected
    assert starts_of(ends, len(same), 10) == [start + 10 for start in expected]


@pytest.mark.parametrize(("text", "ends"), [(case[0], case[2]) for case in CASES])
def test_an_open_end_ends_no_sentence(text: str, ends: list[int]) -> None:
    """A window that stops before the paragraph does: its last token ends no sentence."""
    parts = find_quote_parts(text, 0, len(text))
    tokens, found = tokenize_sentences(
        text, 0, len(text), parts, default_vocabulary().abbreviations, open_end=True
    )
    assert found == ends[:-1]
    assert not tokens[-1].ends_sentence


# Pieces that the chunk shortcuts of ``_word_tokens`` must tell apart: plain words, words with a
# mark or a period after them, abbreviations, initialisms, contractions, hyphens, runs of
# punctuation and white space other than one plain space.
_PIECES = st.sampled_from(
    [
        "word",
        "He",
        "it",
        "Mr",
        "Sen",
        "A",
        "U",
        "S",
        "2015",
        "café",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\u00a0",
        ".",
        ",",
        ";",
        ":",
        "?",
        "'",
        "’",
        "-",
        "&",
        "_",
        "(",
        ")",
        "”",
        "$",
        "1.2",
        "!",
        '"',
        "“",
        "don",
        "t",
        "s",
        "don't",
        "it’s",
        "He's",
        "well-known",
    ]
)


def _assert_shortcuts_give_the_patterns_tokens(text: str) -> None:
    abbreviations = default_vocabulary().abbreviations
    fast: list[Token] = []
    fast_candidates: list[int] = []
    _word_tokens(text, 0, len(text), abbreviations, fast, fast_candidates)
    slow: list[Token] = []
    slow_candidates: list[int] = []
    _pattern_tokens(text, 0, len(text), abbreviations, slow, slow_candidates)
    assert [attrs.astuple(token, recurse=False) for token in fast] == [
        attrs.astuple(token, recurse=False) for token in slow
    ]
    assert fast_candidates == slow_candidates


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_chunk_shortcuts_give_the_patterns_tokens(pieces: list[str]) -> None:
    _assert_shortcuts_give_the_patterns_tokens("".join(pieces))


_MARKED = "(Mr. (word). -word word), “Sen.” (A. 'word' ... (2015): word.; _word_ (U.S.)"


@pytest.mark.parametrize("chunk", [*_MARKED.split(), "(well-known)", "—word—", "(he’s)", "«A»"])
def test_a_word_between_marks_gets_the_patterns_tokens(chunk: str) -> None:
    """A chunk of marks around one plain word (or marks alone) skips the pattern: same tokens,
    an abbreviation's period kept on it ("(Mr." is "(" and "Mr.")."""
    _assert_shortcuts_give_the_patterns_tokens(chunk)
