"""Pairing single quote marks (``newsdoc.quoting.marks``): the opener check that skips it."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from newsdoc.quoting.marks import _pair_single, _single_opener, find_quote_parts


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
