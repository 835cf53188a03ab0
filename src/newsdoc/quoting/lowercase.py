"""Whether a text writes a word in lower case ("had" for "Had"), asked word by word.

Most articles ask this of a handful of words, and gathering every word of the text into a
set cost more than all the asks: so each word is first looked for with ``str.find``
(memoised), and only once those searches have read ``SEARCH_BUDGET`` times the text is the
set gathered, in one pass, to answer the rest. Either way the answer is the same, and the
cost stays linear in the text's length.
"""

from __future__ import annotations

import re

# a whole lower-case word: no letter, digit, underscore, apostrophe or hyphen either side. (The
# first letter comes before the look-behind, so the engine skips to a letter: a quarter faster.)
_LOWER_WORD = re.compile(r"[a-z](?<![\w’'-][a-z])[a-z]*+(?![\w’'-])")
_JOINERS = "_’'-"  # besides letters and digits (``str.isalnum`` is ``re``'s ``\w`` less "_")
SEARCH_BUDGET = 24  # text lengths searched word by word before the set is gathered (see below)
HIT_COST = 512  # characters a found occurrence is charged (its boundary tests in Python)
# (Gathering the set costs about what searching 35 text lengths does. Searching up to two
# thirds of that first cost least over the web pages' asks, replayed with budgets of 16 to 32:
# most texts ask few words, found early on; long pages ask for 40 to 100.)
# The UTF-8 bytes with every ASCII character but a joiner made a space (the bytes of other
# characters kept): split, they are the runs of joining characters, save where a character
# outside ASCII that joins nothing (a dash, a curly quote) is inside one.
_ASCII_JOINERS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'-")
_SPACED = bytes(byte if byte in _ASCII_JOINERS or byte > 127 else 32 for byte in range(256))


class LowerCaseWords:
    """The lower-case words of one text, as :data:`_LOWER_WORD` finds them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: set[bytes] | None = None  # once gathered: see _gather
        self._answers: dict[str, bool] = {}
        self._budget = SEARCH_BUDGET * len(text)

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` (already in lower case) is written in the text as a whole word."""
        if self._words is not None:
            return _lower_ascii(word) and word.encode() in self._words
        found = self._answers.get(word)
        if found is None:
            found = self._answers[word] = self._search(word)
        return found

    def _search(self, word: str) -> bool:
        if not _lower_ascii(word):
            return False  # (the pattern finds only [a-z]+)
        text = self._text
        found, hits = False, 0
        at = text.find(word)
        while at >= 0:
            hits += 1
            end = at + len(word)
            if (at == 0 or not _joins(text[at - 1])) and (
                end == len(text) or not _joins(text[end])
            ):
                found = True
                break
            # (an occurrence starting inside this one follows one of its letters: no word)
            at = text.find(word, end)
        self._budget -= (end if found else len(text)) + hits * HIT_COST
        if self._budget < 0:
            self._words = _gather(text)  # the rest from one pass
        return found


def _lower_ascii(word: str) -> bool:
    """Whether ``word`` is lower-case ASCII letters alone, as every word of the pattern is."""
    return word.isascii() and word.isalpha() and word.islower()


def _gather(text: str) -> set[bytes]:
    """The UTF-8 runs of joining characters in ``text``, with the words of those that hold a
    character outside ASCII: of them, the lower-case ASCII letters alone are exactly the
    words of :data:`_LOWER_WORD`. (Splitting the bytes costs two thirds of running the pattern
    over the whole text; the runs outside ASCII are few.)"""
    runs = set(text.encode("utf-8", "surrogatepass").translate(_SPACED).split())
    if not text.isascii():
        for run in [run for run in runs if not run.isascii()]:
            words = _LOWER_WORD.findall(run.decode("utf-8", "surrogatepass"))
            runs.update(word.encode() for word in words)  # (no more joins a run's ends)
    return runs


def _joins(character: str) -> bool:
    """Whether ``character`` next to a run of letters makes it part of a longer word."""
    return character.isalnum() or character in _JOINERS
