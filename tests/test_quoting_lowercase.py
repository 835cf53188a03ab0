"""The lower-case words of a text, asked word by word (``newsdoc.quoting.lowercase``)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc.quoting import lowercase
from newsdoc.quoting.lowercase import LowerCaseWords

TEXT = (
    "Had the vote gone ahead, Had Sanders said, the well-known council’s plan (earlier) "
    "would stand; o'neil_x and x9had stay whole words, as does naïve."
)
# (the pattern that answered every ask before the words were searched one by one)
ALL_LOWER = re.compile(r"(?<![\w’'-])[a-z]++(?![\w’'-])")


@pytest.mark.parametrize(
    ("word", "written"),
    [
        ("had", False),  # "Had" twice, and "had" only after a digit
        ("the", True),
        ("earlier", True),  # inside brackets
        ("council", False),  # only as "council’s"
        ("well", False),  # only inside "well-known"
        ("known", False),
        ("sanders", False),
        ("na", False),  # "naïve": a letter outside ASCII joins it
        ("neil", False),
        ("", False),
        ("Had", False),  # asked in lower case only
    ],
)
def test_answers_as_the_whole_set(word: str, written: bool) -> None:
    """A word counts only where it is written whole in lower case, as the pattern finds it."""
    assert (word in LowerCaseWords(TEXT)) is (word in set(ALL_LOWER.findall(TEXT)))
    assert (word in LowerCaseWords(TEXT)) is written


def test_many_asks_gather_the_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the searches have read the budget, the rest is answered from one pass's set."""
    monkeypatch.setattr(lowercase, "SEARCH_BUDGET", 2)
    words = LowerCaseWords(TEXT)
    answers = [word in words for word in ("zebra", "yak", "the", "council", "ahead")]
    assert answers == [False, False, True, False, True]
    assert words._words is not None  # gathered: every later ask is a set lookup
    asks = {word.lower() for word in re.findall(r"\w+", TEXT)} | {"Had", "", "na", "well-known"}
    assert {ask for ask in asks if ask in words} == set(ALL_LOWER.findall(TEXT))


@given(st.text(alphabet="ab A-’'_9ï—“é\u00a0\udcff.,\n", max_size=40))
def test_gathered_words_are_the_patterns(text: str) -> None:
    """The gathered runs hold, of lower-case ASCII words, exactly those the pattern finds,
    whatever characters outside ASCII join or cut them."""
    gathered = {run.decode() for run in lowercase._gather(text) if run.isalpha() and run.islower()}
    assert gathered == set(ALL_LOWER.findall(text))


@given(
    st.text(alphabet="ab A-’'_9ï.,\n", max_size=40),
    st.lists(st.text(alphabet="abA", max_size=3), max_size=6),
)
def test_same_answers_as_the_pattern(text: str, asks: list[str]) -> None:
    """Any text, any asks: the answers of the pattern's set, searched or gathered."""
    expected = set(ALL_LOWER.findall(text))
    words = LowerCaseWords(text)
    assert [ask in words for ask in asks] == [ask in expected for ask in asks]
