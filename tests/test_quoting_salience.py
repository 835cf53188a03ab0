"""Sentences opened by "He"/"She" before a pronoun (``newsdoc.quoting.salience``)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsdoc.quoting.salience import subject_pronouns

# the plain form of the pattern, which the package writes so the engine can skip to a capital
WHOLE_PRONOUN = re.compile(r"\b(?:He|She)\b")


def test_subject_pronouns_whole_words_latest_first() -> None:
    """Only "He" and "She" as whole words, latest first: not "Shell", "xHe" or "He_"."""
    text = "He left. Shell said so. She stayed; xHe and He_ and éShe are no pronouns. He"
    assert subject_pronouns(text, 0, len(text)) == [(len(text) - 2, "he"), (24, "she"), (0, "he")]


@given(st.text(alphabet="HShe x_9é.\n", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_subject_pronouns_as_the_plain_pattern(text: str, start: int, end: int) -> None:
    """Any text and window: the places the plain pattern finds (the text before the window
    counts for a word's start, as for the plain pattern)."""
    expected = [
        (match.start(), match[0].lower()) for match in WHOLE_PRONOUN.finditer(text, start, end)
    ]
    assert subject_pronouns(text, start, end) == expected[::-1]
