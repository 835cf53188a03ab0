"""Whether a text writes a word in lower case ("had" for "Had"), asked word by word.

Most articles ask this of a handful of words, and gathering every lower-case word of the
text into a set cost more than all the asks: so each word is first looked for with
``str.find`` (memoised), and only once those searches have read ``SEARCH_BUDGET`` times the
text is the set gathered, in one pass, to answer the rest. Either way the answer is the
same, and the cost stays linear in the text's length.
"""

from __future__ import annotations

import re

# a whole lower-case word: no letter, digit, underscore, apostrophe or hyphen either side. (The
# first letter comes before the look-behind, so the engine skips to a letter: a quarter faster.)
_LOWER_WORD = re.compile(r"[a-z](?<![\w’'-][a-z])[a-z]*+(?![\w’'-])")
_JOINERS = "_’'-"  # besides letters and digits (``str.isalnum`` is ``re``'s ``\w`` less "_")
SEARCH_BUDGET = 24  # text lengths searched word by word before the set is gathered (see below)
HIT_COST = 512  # characters a found occurrence is charged (its boundary tests in Python)
# (Gathering the set costs about what searching 50 text lengths does, so searching at most
# half that before gathering it costs at most 1.5 times the cheaper way, whatever the asks.
# Long pages ask for 40 to 100 words, of which half are found early on.)


class LowerCaseWords:
    """The lower-case words of one text, as :data:`_LOWER_WORD` finds them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None  # every lower-case word, once gathered
        self._answers: dict[str, bool] = {}
        self._budget = SEARCH_BUDGET * len(text)

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` (already in lower case) is written in the text as a whole word."""
        if self._words is not None:
            return word in self._words
        found = self._answers.get(word)
        if found is None:
            found = self._answers[word] = self._search(word)
        return found

    def _search(self, word: str) -> bool:
        if not (word.isascii() and word.isalpha() and word.islower()):
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
            self._words = frozenset(_LOWER_WORD.findall(text))  # the rest from one pass
        return found


def _joins(character: str) -> bool:
    """Whether ``character`` next to a run of letters makes it part of a longer word."""
    return character.isalnum() or character in _JOINERS
