"""Pairing of quotation marks in one paragraph (:mod:`newsdoc.quoting.marks`): nested quotes,
stray marks, lost paragraph breaks, and the opener check that skips single marks."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsdoc.quoting.marks import _pair_single, _single_opener, find_quote_parts


def _quoted(text: str) -> list[str]:
    return [text[part.start : part.end] for part in find_quote_parts(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a nested quote in the same marks: the outer quote is the one said
        (
            "“I would rather live in what he calls “chaos” than here,” one reader wrote.",
            ["“I would rather live in what he calls “chaos” than here,”"],
        ),
        (
            'She said "the board called it "a rounding error" and moved on" at the hearing.',
            ['"the board called it "a rounding error" and moved on"'],
        ),
        # the outer mark was a stray one: no closing mark after the nested quote
        (
            "“The ferry, he said, is “not for sale” and the town agrees.",
            ["“not for sale”"],
        ),
        (
            "“Stray mark here and “a quote” then “another one” later.",
            ["“a quote”", "“another one”"],
        ),
        # a second opening mark after a sentence end: a lost paragraph break, not nesting
        (
            '"We voted no. "We will vote no again," she said.',
            ['"We voted no.', '"We will vote no again,"'],
        ),
    ],
)
def test_pairs_marks(text: str, quoted: list[str]) -> None:
    assert _quoted(text) == quoted


@given(st.text(alphabet="ab9_ ‘’'(-—.\n", min_size=1, max_size=30))
@example("'Tis the season")
@example("’9'")
@example("don't (‘quote’) it")
def test_no_opener_means_no_single_quote(text: str) -> None:
    """Where the check finds no mark that may open a quote, pairing finds none either."""
    if not _single_opener(text, 0, len(text)):
        assert _pair_single(text, 0) == []


def test_apostrophes_alone_pair_nothing_and_a_quote_still_pairs() -> None:
    """ "don't" and "voters'" open nothing; a ‘quoted phrase’ among them is still found."""
    text = "Voters' hopes don't fade, she said of the ‘long game’ ahead."
    assert find_quote_parts(text, 0, text.index(", she")) == []
    parts = find_quote_parts(text, 0, len(text))
    assert [text[part.start : part.end] for part in parts] == ["‘long game’"]
