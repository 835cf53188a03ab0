"""Which of the people named before a pronoun it stands for: the subject of the nearest sentence.

A reporter's "he" after a sentence that names several people is most often its subject, and a
sentence's subject is most often the first person it names ("Mr. Obama dismissed the criticism
as the voice of Mr. Tribe's client", "In an interview with …, Ham made it clear he had misgivings
about President Barack Obama"). So among the candidates that agree with the pronoun, the nearest
sentence holding any of them is taken, and in it the first one that is no modifier (a
possessive, "Trump campaign spokesman …").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdoc.vocab import Vocabulary

# a sentence end: a period, question or exclamation mark (with closing quotes or brackets)
# before white space, or a line break
_BREAK = re.compile(r"[.?!][\"”’')]*\s|\n")
_LAST_WORD = re.compile(r"(\S+)$")


def sentence_break(source: str, start: int, end: int, vocab: Vocabulary) -> bool:
    """Whether a sentence ends in ``source[start:end]``: not at the period of an initial, an
    honorific, a title or an abbreviation ("Mr. Obama", "John F. Kennedy", "Sen. Ruiz")."""
    for match in _BREAK.finditer(source, start, end):
        if source[match.start()] != ".":
            return True
        word = _LAST_WORD.search(source, max(start, match.start() - 20), match.start() + 1)
        if word is None:
            return True
        text = word[1]
        if not (
            len(text) <= 2
            or "." in text[:-1]
            or text in vocab.honorifics
            or text in vocab.titles
            or text[:-1].lower() in vocab.abbreviations
        ):
            return True
    return False


Candidate = tuple[int, str, str | None, bool, bool]  # place, name, modifier, spoke, introduced
# a candidate named so is a sentence opened by that pronoun (see :func:`subject_pronouns`)
SUBJECT_PRONOUNS = frozenset(("he", "she"))


def first_of_nearest_sentence(
    source: str,
    candidates: Iterable[Candidate],
    vocab: Vocabulary,
    prefer_speaker: bool = False,
) -> Candidate | None:
    """The one of ``candidates`` (``(place, name, modifier, spoke, introduced)``, latest
    first) that a mention stands for: in the nearest sentence naming one that is no modifier,
    its first such name (else the first modifier of the nearest sentence); with
    ``prefer_speaker``, the speaker of a quote there before it ("de Blasio said, “…” ¶ But, he
    added, …"), then a person introduced there with a role ("…, which concerns Henry Crespo,
    president of …") unless a pronoun opens that sentence."""
    chosen: Candidate | None = None
    subject: Candidate | None = None
    speaker: Candidate | None = None
    introduced: Candidate | None = None
    possessor: Candidate | None = None
    fallback: Candidate | None = None  # a modifier, when no sentence has more
    for candidate in candidates:
        if chosen is not None and sentence_break(source, candidate[0], chosen[0], vocab):
            if subject is not None or speaker is not None:
                break
            if possessor is not None:
                # only "Trump’s attempt …" or "… with Clinton lambasting it": the topic
                subject = possessor
                break
            fallback = fallback or chosen  # only modifiers there ("the Clinton campaign")
        chosen = candidate
        if not candidate[2]:
            subject = candidate
        elif candidate[2] in ("possessive", "object"):
            possessor = candidate  # the topic of a sentence without a subject
        if prefer_speaker and candidate[3] and speaker is None:
            speaker = candidate  # the latest speaker of the sentence
        if prefer_speaker and candidate[4] and introduced is None:
            introduced = candidate  # "Henry Crespo, president of …": just introduced
    if subject is not None and subject[1] in SUBJECT_PRONOUNS:
        return speaker or subject  # "She has faced calls from Maria Holm, …": still her
    return speaker or introduced or subject or fallback or chosen


_OPENER = re.compile(r"[\"“‘']?([A-Z][a-z]+(?:ed|ing))\b")
# "he said." closing the sentence: the pronoun, a speech verb and at most three more words
_CLOSING_CUE = re.compile(r"[A-Za-z]+ ([a-z]+)(?: [a-z]+){0,3}[.?!]")
MAX_OPENER = 400  # characters back to the start of the sentence a pronoun stands in


def _sentence_start(source: str, position: int, vocab: Vocabulary) -> int | None:
    """Where the sentence holding ``position`` starts, if within ``MAX_OPENER`` characters."""
    start = max(0, position - MAX_OPENER)
    for end in reversed([match.end() for match in _BREAK.finditer(source, start, position)]):
        if sentence_break(source, max(start, end - 4), end, vocab):
            return end
    return 0 if start == 0 else None


def own_clause_start(source: str, position: int, vocab: Vocabulary) -> int | None:
    """Where the sentence of a pronoun at ``position`` starts when what comes before the
    pronoun in it cannot hold whom it stands for: a participle clause the pronoun is the
    subject of ("Asked about her vote if Clinton runs, she replied"), or what the pronoun
    says ("Trump isn't a conservative, he said.")."""
    if not source[max(0, position - 3) : position].rstrip().endswith(","):
        return None
    start = _sentence_start(source, position, vocab)
    if start is None:
        return None
    opener = _OPENER.match(source, start)
    if opener is not None and opener[1] not in vocab.first_names:
        return start
    closing = _CLOSING_CUE.match(source, position)
    return start if closing is not None and closing[1] in vocab.speech_verbs else None


# the capitals of SUBJECT_PRONOUNS as whole words: "\b(?:He|She)\b", with the word start tested
# after the capital, so the engine skips to an H or an S (twice as fast)
_SUBJECT_PRONOUN = re.compile(r"(?:H(?<!\wH)e|S(?<!\wS)he)\b")


def subject_pronouns(source: str, start: int, end: int) -> list[tuple[int, str]]:
    """Every capitalised "He" and "She" of ``source[start:end]`` with its place, latest
    first: the pronoun opening a sentence, its subject ("She has faced calls to …")."""
    found = [
        (match.start(), match[0].lower()) for match in _SUBJECT_PRONOUN.finditer(source, start, end)
    ]
    found.reverse()
    return found
