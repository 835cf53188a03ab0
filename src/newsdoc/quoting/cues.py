"""Cue words: speech verbs that report a quote, and words that read as finite verbs.

``vocab/speech_verbs.txt`` lists the cue verbs; a listed verb is not a cue in the passive
("he was called to testify") nor as a noun ("a conference call").
"""

from __future__ import annotations

from collections.abc import Iterator

from newsdoc.quoting.names import is_possessive
from newsdoc.quoting.types import QUOTE, WORD, Token
from newsdoc.vocab import Vocabulary

PASSIVE = frozenset(("am", "are", "be", "been", "being", "is", "was", "were"))
_NOUN_CUES = frozenset(("call", "calls"))  # also nouns: "a conference call"
_CALL_COMPOUNDS = frozenset(("close", "conference", "judgment", "phone", "roll", "wake-up"))
_IRREGULAR_PARTICIPLES = frozenset(("said", "sworn", "told", "written"))
# cues of two words, by their first: the second must follow
_TWO_WORD_CUES = {"according": "to", "found": "that", "put": "it"}


def cue_at(tokens: list[Token], index: int, vocab: Vocabulary) -> int | None:
    """If a cue starts at ``index``, the index of its last token ("according to" has two)."""
    token = tokens[index]
    if token.kind != WORD:
        return None
    lower = token.text.lower()  # (not the property: this runs for every token of a frame)
    if lower in _TWO_WORD_CUES:
        # "according to X", "as a memo put it", "a report found that"
        if index + 1 < len(tokens) and tokens[index + 1].lower == _TWO_WORD_CUES[lower]:
            return index + 1
        return None
    if lower in vocab.speech_verbs:
        if (
            (lower.endswith("ed") or lower in _IRREGULAR_PARTICIPLES)
            and index > 0
            and tokens[index - 1].lower in PASSIVE
        ):
            return None  # "he was called to testify", "he was said to be furious"
        if index > 0 and tokens[index - 1].lower == "self":
            return None  # "a self confessed fan": an adjective
        if lower.startswith("spill") and _followed_by(tokens, index, ("the", "beans")):
            return None  # "a source spilled the beans": whom the beans are no speaker
        if lower == "notes":  # a verb only before what a report verb takes ("Post-it notes")
            return index if _reports_after(tokens, index) else None
        if lower in _NOUN_CUES and (
            _after_determiner(tokens, index, vocab)
            or (index > 0 and tokens[index - 1].lower in _CALL_COMPOUNDS)
        ):
            return None  # "a press call", "Trump’s call for", "summits and phone calls": a noun
        return index
    return None


def cues_in(
    tokens: list[Token], start: int, end: int, vocab: Vocabulary
) -> Iterator[tuple[int, int]]:
    """``(first, last)`` token of every cue starting in ``tokens[start:end]``, in order."""
    speech_verbs = vocab.speech_verbs
    for position in range(start, end):
        token = tokens[position]
        if token.kind != WORD:
            continue
        lower = token.text.lower()
        if lower in speech_verbs or lower in _TWO_WORD_CUES:  # most words start no cue
            last = cue_at(tokens, position, vocab)
            if last is not None:
                yield position, last


def _followed_by(tokens: list[Token], index: int, words: tuple[str, ...]) -> bool:
    """Whether ``words`` (lower case) follow the token at ``index``."""
    following = tokens[index + 1 : index + 1 + len(words)]
    return len(following) == len(words) and all(
        token.lower == word for token, word in zip(following, words, strict=True)
    )


def _reports_after(tokens: list[Token], index: int) -> bool:
    """Whether what follows the word at ``index`` is what a report verb takes: "that", a
    quote, or the punctuation of a frame ("notes that", "notes, “…”", "“…,” she notes.")."""
    if index + 1 >= len(tokens):
        return True
    following = tokens[index + 1]
    return following.kind == QUOTE or following.text in ("that", ",", ":", ".")


def _after_determiner(tokens: list[Token], index: int, vocab: Vocabulary) -> bool:
    """Whether ``index`` heads a noun phrase: right after a determiner or possessive, or after
    one lower-case modifier that follows one ("a conference call", "their phone call")."""
    for back in (1, 2):
        if index - back < 0:
            return False
        token = tokens[index - back]
        if token.lower in vocab.np_determiners or is_possessive(token):
            before = tokens[index - back - 1].lower if index - back > 0 else ""
            return "what" not in (token.lower, before)  # "what her team calls"
        if token.kind != WORD or not token.text.islower() or token.lower in vocab.speaker_pronouns:
            return False
        if token.lower.endswith("s") and not token.lower.endswith(("ss", "news")):
            return False  # "his supporters notes": a plural subject, then the verb
    return False


def is_adverb(token: Token, vocab: Vocabulary) -> bool:
    """A lower-case word ending in -ly (flatly, repeatedly), not a noun such as "family"."""
    return (
        token.kind == WORD
        and token.text.islower()
        and token.lower.endswith("ly")
        and token.lower not in vocab.ly_nouns
    )


def is_verb_like(token: Token, vocab: Vocabulary) -> bool:
    """A lower-case word that reads as a finite verb: said, tells, called, has, was."""
    if token.kind != WORD or not token.text.islower():
        return False
    return is_verb_form(token.lower, vocab)


def is_verb_form(lower: str, vocab: Vocabulary) -> bool:
    """Whether the lower-case word ``lower`` reads as a finite verb (see :func:`is_verb_like`)."""
    if lower in vocab.speech_verbs or lower in vocab.cue_modifiers or lower in vocab.finite_verbs:
        return True
    if lower in vocab.non_name_words or lower in vocab.name_particles:
        return False
    return lower.endswith("ed") or (lower.endswith("s") and not lower.endswith("ss"))
