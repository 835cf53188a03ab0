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


def first_of_nearest_sentence(
    source: str,
    candidates: Iterable[tuple[int, str, str | None, bool, bool]],
    vocab: Vocabulary,
    prefer_speaker: bool = False,
) -> str | None:
    """The one of ``candidates`` (``(place, name, modifier, spoke, introduced)``, latest
    first) that a
    mention stands for: in the nearest sentence naming one that is no modifier, its first such
    name (else the first modifier of the nearest sentence); with ``prefer_speaker``, the
    speaker of a quote there before it ("de Blasio said, “…” ¶ But, he added, …"), then a
    person introduced there with a role ("…, which concerns Henry Crespo, president of …")."""
    chosen: tuple[int, str, str | None, bool, bool] | None = None
    subject: tuple[int, str, str | None, bool, bool] | None = None
    speaker: tuple[int, str, str | None, bool, bool] | None = None
    introduced: tuple[int, str, str | None, bool, bool] | None = None
    possessor: tuple[int, str, str | None, bool, bool] | None = None
    fallback: tuple[int, str, str | None, bool, bool] | None = (
        None  # a modifier, when no sentence has more
    )
    for candidate in candidates:
        if chosen is not None and sentence_break(source, candidate[0], chosen[0], vocab):
            if subject is not None or speaker is not None:
                break
            if possessor is not None:
                subject = possessor  # only "Trump’s attempt …": the possessor is the topic
                break
            fallback = fallback or chosen  # only modifiers there ("the Clinton campaign")
        chosen = candidate
        if not candidate[2]:
            subject = candidate
        elif candidate[2] == "possessive":
            possessor = candidate
        if prefer_speaker and candidate[3] and speaker is None:
            speaker = candidate  # the latest speaker of the sentence
        if prefer_speaker and candidate[4] and introduced is None:
            introduced = candidate  # "Henry Crespo, president of …": just introduced
    best = speaker or introduced or subject or fallback or chosen
    return best[1] if best is not None else None
