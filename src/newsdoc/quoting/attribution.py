"""Match cue verbs around a quote and read off the speaker mention.

The forms covered, on a paragraph's tokens (``Q`` is a quote token):

- right frames: ``Q, said X`` / ``Q, X said`` / ``Q — X`` / ``Q, according to X``;
- left frames: ``X said: Q`` / ``X said, Q`` / ``According to X, Q``;
- clause cues for partial quotes: ``X said that … Q …``, ``what he called a Q``,
  ``X was quoted as saying Q``, ``Russia, which has warned of a Q response``.
"""

from __future__ import annotations

import attrs

from newsdoc.quoting.names import (
    is_dash,
    is_name_word,
    is_possessive,
    mention_after,
    mention_ending,
    subject_before,
)
from newsdoc.quoting.types import QUOTE, WORD, Mention, Token
from newsdoc.vocab import Vocabulary

_PASSIVE = frozenset(("am", "are", "be", "been", "being", "is", "was", "were"))
MAX_FRAME_TO_CUE = 24  # tokens from the quote to the cue in a right frame


@attrs.frozen(slots=True)
class Attribution:
    """A speaker mention and the token range of its cue (none for "Q — X")."""

    mention: Mention
    cue_first: int | None = None
    cue_last: int | None = None


def cue_at(tokens: list[Token], index: int, vocab: Vocabulary) -> int | None:
    """If a cue starts at ``index``, the index of its last token ("according to" has two)."""
    token = tokens[index]
    if token.kind != WORD:
        return None
    lower = token.lower
    if lower == "according":
        if index + 1 < len(tokens) and tokens[index + 1].lower == "to":
            return index + 1
        return None
    if lower in vocab.speech_verbs:
        if lower.endswith("ed") and index > 0 and tokens[index - 1].lower in _PASSIVE:
            return None  # "he was called to testify"
        return index
    return None


def _speaker_of_cue(
    tokens: list[Token], first: int, last: int, floor: int, ceiling: int, vocab: Vocabulary
) -> Mention | None:
    """The mention a cue reports: after "according to", else its subject, else inverted."""
    if tokens[first].lower == "according":
        return mention_after(tokens, last + 1, ceiling, vocab)
    if tokens[first].lower.endswith("ing") and first > floor and tokens[first - 1].text == ",":
        # "…, saying": the speaker is the main clause's, found from an earlier cue or subject
        return mention_after(tokens, last + 1, ceiling, vocab) if first - 1 == floor else None
    subject_floor = floor
    verb = first
    if tokens[first].lower == "saying" and first - 2 >= floor:
        # "he was quoted as saying": the subject stands before "quoted"
        if tokens[first - 1].lower == "as" and tokens[first - 2].lower == "quoted":
            verb = first - 2
    mention = subject_before(tokens, verb, subject_floor, vocab)
    if mention is not None:
        return mention
    # inverted only when the cue opens the frame: "“…,” said Mr. Rau"
    opens_frame = first == floor or tokens[first - 1].kind == QUOTE
    if not opens_frame and tokens[first - 1].text == ",":
        opens_frame = first - 1 == floor or tokens[first - 2].kind == QUOTE
    if opens_frame:
        return mention_after(tokens, last + 1, ceiling, vocab)
    return None


def frame_after(
    tokens: list[Token], quote: int, stop: int, vocab: Vocabulary
) -> Attribution | None:
    """Attribution in the reporter's words right after a quote, up to ``stop`` (exclusive)."""
    index = quote + 1
    while index < stop and tokens[index].text == ",":
        index += 1
    if index >= stop:
        return None
    if is_dash(tokens[index]):
        mention = mention_after(tokens, index + 1, stop, vocab)
        if mention is not None and mention.kind == "name":
            return Attribution(mention)
        return None
    limit = min(stop, index + MAX_FRAME_TO_CUE)
    for position in range(index, limit):
        if tokens[position].kind != WORD:
            if tokens[position].text in ",;:":
                # "“A,” he said, pausing, …" still attributes; a new clause before a cue does not
                if position == index:
                    continue
            continue
        last = cue_at(tokens, position, vocab)
        if last is None:
            continue
        mention = _speaker_of_cue(tokens, position, last, index, stop, vocab)
        if mention is not None:
            return Attribution(mention, position, last)
        return None
    return None


def frame_before(
    tokens: list[Token], floor: int, quote: int, vocab: Vocabulary
) -> Attribution | None:
    """Attribution before a quote that opens after a colon or comma: ``X said: Q``."""
    end = quote - 1
    if end < floor:
        return None
    introduced = tokens[end].text in ":,"
    if introduced:
        end -= 1
    found = clause_cue_before(tokens, floor, end, quote, vocab)
    if found is None and introduced:
        mention = clause_subject(tokens, floor, end + 1, vocab)
        if mention is not None:
            found = Attribution(mention)
    return found


def clause_cue_before(
    tokens: list[Token], floor: int, end: int, ceiling: int, vocab: Vocabulary
) -> Attribution | None:
    """The nearest cue at or before ``end`` (down to ``floor``) that has a speaker."""
    for position in range(end, floor - 1, -1):
        token = tokens[position]
        if token.kind != WORD:
            continue
        last = cue_at(tokens, position, vocab)
        if last is None and token.lower == "to" and position > floor:
            if tokens[position - 1].lower == "according":
                continue  # found from "according" on the next step
        if last is None:
            continue
        mention = _speaker_of_cue(tokens, position, last, floor, ceiling, vocab)
        if mention is not None:
            return Attribution(mention, position, last)
    return None


def clause_subject(
    tokens: list[Token], floor: int, quote: int, vocab: Vocabulary
) -> Mention | None:
    """For a partial quote without a speech cue ("Clinton called his supporters “…”"), the
    nearest subject-like mention before it: a personal pronoun, or a name followed by a
    lower-case word (its verb)."""
    for position in range(quote - 1, floor - 1, -1):
        token = tokens[position]
        if token.kind != WORD:
            continue
        lower = token.lower
        if lower in vocab.speaker_pronouns and lower not in ("it", "you"):
            return Mention(position, position, "pronoun")
        following = tokens[position + 1]
        if (
            is_name_word(token, vocab)
            and not is_possessive(token)
            and following.kind == WORD
            and following.text.islower()
            and following.lower not in vocab.non_name_words
            and following.lower not in vocab.name_particles
        ):
            return mention_ending(tokens, position, floor, vocab)
    return None


def clause_cue_after(
    tokens: list[Token], first: int, stop: int, vocab: Vocabulary
) -> Attribution | None:
    """The first cue after a partial quote in the rest of its sentence ("…, Smith said")."""
    for position in range(first, stop):
        last = cue_at(tokens, position, vocab)
        if last is None:
            continue
        mention = _speaker_of_cue(tokens, position, last, first, stop, vocab)
        if mention is not None:
            return Attribution(mention, position, last)
    return None
