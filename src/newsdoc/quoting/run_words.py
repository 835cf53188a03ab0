"""What the words of one capitalised run say by themselves: the body it names, the role
title in it, and the person's name in it (titles, honorifics and descriptors dropped).

The name scan (:mod:`~newsdoc.quoting.scan`) asks this of every run of several words, and
the answer depends on the run's text and the vocabulary alone: so :func:`read_run` keeps it
per vocabulary, and a run met again, later in the article ("Donald Trump") or in the next one
("White House"), is not read again.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsdoc.quoting.entity_kinds import kept_answer, names_a_body, per_vocabulary
from newsdoc.vocab import Vocabulary

_POSSESSIVES = ("’s", "'s")  # both two characters long
_DESCRIPTOR_ENDINGS = (*_POSSESSIVES, "-based")  # "CNN's Fareed Zakaria", "London-based"
_DESCRIPTOR_MARKS = re.compile(r"[’']s\b|-based\b")
MAX_NAME_WORDS = 4  # a longer run without "of" is a title or a list, not one person's name
# id(vocabulary) -> (the vocabulary, run text -> its reading)
_READINGS: dict[int, tuple[Vocabulary, dict[str, RunWords]]] = {}
# id(vocabulary) -> (the vocabulary, the words that mark a body's name: "Corp", "newspaper")
_MARKS: dict[int, tuple[Vocabulary, frozenset[str]]] = {}


class RunWords(NamedTuple):
    """What a run of several capitalised words says by itself."""

    organisation: tuple[int, str] | None  # the body it names: its offset in the run, its name
    title: tuple[str, str | None] | None  # the role and gender of its last role title
    name: tuple[str, ...]  # the person's name words (none for a body or a title)
    honorific: str | None  # its last honorific ("Mr."), which may give a gender


def read_run(text: str, vocab: Vocabulary) -> RunWords:
    """What the run ``text`` (words split at single spaces) says by itself; kept."""
    return kept_answer(_READINGS, vocab, text, lambda: _read_run(text, vocab))


def _read_run(text: str, vocab: Vocabulary) -> RunWords:
    split = text.split()
    marks = per_vocabulary(
        _MARKS, vocab, lambda: vocab.organisation_words.union(*vocab.organisation_nouns.values())
    )
    organisation = None
    if not marks.isdisjoint(split) or strip_possessive(split[-1].rstrip(".")) in marks:
        organisation = _organisation(split, vocab)
    title = title_of(split, vocab)
    # a descriptor ("CNN's", "London-based") has an apostrophe or a hyphen: most runs none
    marked = "’" in text or "'" in text or "-" in text
    words, honorific = name_words(split, vocab, marked)  # (changes ``split``)
    return RunWords(organisation, title, tuple(words), honorific)


def _organisation(words: list[str], vocab: Vocabulary) -> tuple[int, str] | None:
    """The body a run names, and where in the run it starts ("The New York Daily News’" ->
    "New York Daily News"), if it names one."""
    non_names = vocab.non_name_words
    offset = 0
    while len(words) > 1 and words[0].lower() in non_names:
        offset += len(words[0]) + 1  # (one space: a run's words are split at single spaces)
        words = words[1:]
    if any(word[0].isupper() and word.lower() in non_names for word in words[1:]):
        return None  # "Home Leading The News": a menu or a title in capitals, no body's name
    last = strip_possessive(words[-1].rstrip("."))
    return offset, " ".join([*words[:-1], last])


def title_of(words: list[str], vocab: Vocabulary) -> tuple[str, str | None] | None:
    """The role and gender of the last role title ("Mayor", "Sen.") before the name's last
    word, if any."""
    titles = vocab.role_titles
    if titles.keys().isdisjoint(words):
        return None  # most runs
    for word in reversed(words[:-1]):
        found = titles.get(word)
        if found is not None:
            return found
    return None


def descriptor_end(words: list[str], vocab: Vocabulary) -> tuple[int, str | None]:
    """Where the name starts in ``words`` after the titles, honorifics and descriptors that
    open it ("Lufthansa CEO", "Mr.", "CNN's", "London-based"), with the last honorific; the
    last word always stays."""
    cut, honorific = 0, None
    for index, word in enumerate(words[:-1]):
        if word in vocab.honorifics:
            cut, honorific = index + 1, word
        elif word in vocab.titles or word.endswith(_DESCRIPTOR_ENDINGS):
            cut = index + 1
    return cut, honorific


def strip_possessive(word: str) -> str:
    """Ukraine’s → Ukraine."""
    return word[:-2] if word.endswith(_POSSESSIVES) else word


def name_words(
    words: list[str], vocab: Vocabulary, marked: bool = True
) -> tuple[list[str], str | None]:
    """The person's name words in a capitalised run (titles, honorifics, descriptors and
    any "of …" part dropped), with its honorific; no words for an organisation. ``marked``
    is False when the run has no apostrophe or hyphen (so no descriptor). ``words`` may be
    changed."""
    titled = not vocab.titles.isdisjoint(words)
    if not titled and names_a_body(vocab, words):
        return [], None  # most bodies and places: no title before them to cut first
    if all(word.isupper() for word in words):
        return [], None  # "CANADA WHEAT BOARD ADVISES CUT": a headline or an acronym
    if "of" in words or "for" in words:
        for index, word in enumerate(words):
            if word in ("of", "for"):
                words = words[:index]
                break
        if not words:
            return [], None  # a piece of a run cut at a period: "Inc. | of Newspaper …"
    honorific = None
    # most runs hold no title, honorific or descriptor: set tests and one string search
    # instead of a loop
    if (
        titled
        or not vocab.honorifics.isdisjoint(words)
        or (marked and _DESCRIPTOR_MARKS.search(" ".join(words[:-1])) is not None)
    ):
        cut, honorific = descriptor_end(words, vocab)
        if cut < len(words) - 1 or honorific is not None or words[cut - 1] in vocab.titles:
            words = words[cut:]  # (a descriptor alone before a surname stays: "Japan’s Abe")
    if not words:
        return [], None
    # an organisation or place after the titles ("House Speaker Paul Ryan" is a person;
    # "the Oval Office." is not)
    last = words[-1]
    if last.endswith((".", "’s", "'s")):
        words[-1] = strip_possessive(last.rstrip("."))
    if names_a_body(vocab, words):
        return [], None
    words[-1] = last
    while words and (
        words[0].lower() in vocab.non_name_words
        or (words[0].endswith("ing") and words[0].lower() in vocab.speech_verbs)
    ):
        words = words[1:]  # "The", "Telling" (GQ …) opening a sentence
    if len(words) > MAX_NAME_WORDS or any(
        word.lower() in vocab.non_name_words for word in words[1:]
    ):
        return [], None  # "Biden Aims Insult At Trump": a title in capitals, not a name
    if words:
        last = words[-1]
        if last.endswith(_POSSESSIVES):
            last = last[:-2]
        words[-1] = last[:-1] if last.endswith(".") and len(last) > 2 else last
    return words, honorific
