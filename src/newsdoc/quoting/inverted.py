"""Speakers named after their cue: "said Mr. Rau", "according to the agency".

An inverted attribution names the speaker right after the cue, often with a role before the
name ("said Ukraine’s representative, Yevhenii Tsymbaliuk") or an apposition after it
("said Viktor Semenov, a deputy foreign minister").
"""

from __future__ import annotations

from newsdoc.quoting.names import (
    MAX_APPOSITION,
    MAX_NOUN_PHRASE,
    is_name_word,
    is_possessive,
    split_name_run,
    words_text,
)
from newsdoc.quoting.types import PUNCT, QUOTE, WORD, Mention, Token
from newsdoc.vocab import Vocabulary


def mention_after(
    tokens: list[Token], first: int, ceiling: int, vocab: Vocabulary
) -> Mention | None:
    """The speaker named after an inverted cue: "said Mr. Rau", "said Ukraine’s representative,
    Yevhenii Tsymbaliuk", "according to the Interfax news agency"."""
    if first >= ceiling:
        return None
    token = tokens[first]
    if token.kind != WORD:
        return None
    if token.lower in vocab.speaker_pronouns:
        return Mention(first, first, "pronoun")
    if token.lower in vocab.non_name_words and token.lower not in vocab.np_determiners:
        return None  # "said in a statement", "adding that": no speaker here
    last = first
    while last + 1 < ceiling and (tokens[last + 1].kind == WORD or _glued(tokens, last + 1)):
        if tokens[last + 1].lower in vocab.non_name_words:
            break
        last += 1
        if last - first >= MAX_APPOSITION:
            return None
    if is_name_word(tokens[last], vocab):
        name_first = last
        while name_first - 1 >= first and is_name_word(tokens[name_first - 1], vocab):
            if is_possessive(tokens[name_first - 1]):
                break
            name_first -= 1
        mention = split_name_run(tokens, name_first, last, vocab)
        role_first = first
        if name_first > first:
            return Mention(
                mention.first,
                mention.last,
                "name",
                words_text(tokens, role_first, mention.first - 1),
                (tokens[role_first].start, tokens[mention.first - 1].end),
            )
        return _with_trailing_apposition(tokens, mention, ceiling, vocab)
    # a role first, then the name after a comma: "said Ukraine’s representative, Y. Tsymbaliuk"
    if (
        last + 2 < ceiling
        and tokens[last + 1].text == ","
        and is_name_word(tokens[last + 2], vocab)
    ):
        name_last = last + 2
        while name_last + 1 < ceiling and is_name_word(tokens[name_last + 1], vocab):
            name_last += 1
        after = tokens[name_last + 1] if name_last + 1 < len(tokens) else None
        if after is None or after.kind != WORD:
            name = split_name_run(tokens, last + 2, name_last, vocab)
            return Mention(
                name.first,
                name.last,
                "name",
                words_text(tokens, first, last),
                (tokens[first].start, tokens[last].end),
            )
    if token.lower in vocab.np_determiners or token.text.islower() or is_possessive(token):
        head = min(last, first + MAX_NOUN_PHRASE - 1)
        return Mention(first, head, "noun")
    return None


def _glued(tokens: list[Token], index: int) -> bool:
    """A slash inside a word, as in "said 9/11 widow Terry Strada"."""
    token = tokens[index]
    return (
        token.text == "/"
        and index + 1 < len(tokens)
        and tokens[index - 1].end == token.start
        and tokens[index + 1].start == token.end
    )


def _with_trailing_apposition(
    tokens: list[Token], mention: Mention, ceiling: int, vocab: Vocabulary
) -> Mention:
    """In "said John Smith, a spokesman for the group" the apposition becomes the role."""
    comma = mention.last + 1
    if comma + 1 >= ceiling or tokens[comma].text != ",":
        return mention
    opener = tokens[comma + 1]
    # "a spokesman for …", "president of …", "Chile’s ambassador": a description, not a clause
    describes = opener.lower in ("a", "an", "the") or is_possessive(opener)
    if opener.kind == WORD and opener.text.islower() and not opener.lower.endswith(("ed", "ing")):
        describes = describes or opener.lower not in vocab.non_name_words
    if not describes:
        return mention
    last = comma + 1
    while (
        last + 1 < min(ceiling, comma + MAX_APPOSITION + 2)
        and tokens[last + 1].kind != QUOTE
        and tokens[last + 1].text
        not in (
            ",",
            ".",
            ";",
        )
    ):
        last += 1
    if tokens[last].kind == PUNCT or last - comma > MAX_APPOSITION:
        return mention
    return Mention(
        mention.first,
        mention.last,
        mention.kind,
        words_text(tokens, comma + 1, last),
        (tokens[comma + 1].start, tokens[last].end),
    )
