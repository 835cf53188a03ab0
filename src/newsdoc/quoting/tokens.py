"""Split a paragraph into word, punctuation and whole-quote tokens and find sentence ends.

Quoted stretches become single ``QUOTE`` tokens so that the attribution rules only ever read
the reporter's words around them. Offsets always index the original source.
"""

from __future__ import annotations

import re

from newsdoc.quoting.types import PUNCT, QUOTE, WORD, QuotePart, Token

# initialisms (U.S., D.C.), then words with inner apostrophes/hyphens and an optional period;
# the standard library's engine is three times faster than ``regex`` on this simple shape
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[’'\-&][^\W_]+)*\.?|[^\w\s]|_")
# the rules read at most this many tokens around a quote, so a run-on "sentence" of a
# thousand quotes costs the same per quote as a real one (the parse stays linear)
MAX_CONTEXT = 120
_SENTENCE_END = frozenset(".!?")
_SENTENCE_OPENERS = frozenset(("He", "I", "It", "She", "The", "They", "This", "We"))
_CONTRACTED_PRONOUNS = frozenset(("he", "i", "it", "she", "they", "we", "who", "you"))


def _word_tokens(source: str, start: int, end: int, abbreviations: frozenset[str]) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(source, start, end):
        text = match.group()
        begin, finish = match.span()
        if not text[0].isalnum():
            append(Token(text, begin, finish, PUNCT))
            continue
        if "’" in text or "'" in text:
            apostrophe = text.find("’") if "’" in text else text.find("'")
            if text[:apostrophe].lower() in _CONTRACTED_PRONOUNS:
                # "He’s", "I’m": the pronoun is a token of its own, so a speaker span is "He"
                append(Token(text[:apostrophe], begin, begin + apostrophe, WORD))
                append(Token(text[apostrophe:], begin + apostrophe, finish, WORD))
                continue
        if text[-1] == "." and not _is_abbreviation(text, abbreviations):
            # a sentence-final period is a token of its own
            append(Token(text[:-1], begin, finish - 1, WORD))
            append(Token(".", finish - 1, finish, PUNCT))
            continue
        append(Token(text, begin, finish, WORD))
    return tokens


def _is_abbreviation(text: str, abbreviations: frozenset[str]) -> bool:
    core = text[:-1]
    if "." in core:
        return True  # U.S., D.C.
    if len(core) == 1 and core.isupper():
        return True  # a middle initial: Sergei A. Ryabkov
    if "-" in core and core.rsplit("-", 1)[1].lower() in abbreviations:
        return True  # a party tag: (D-Wis.), R-Ky.
    return core.lower() in abbreviations


def tokenize(
    source: str, start: int, end: int, parts: list[QuotePart], abbreviations: frozenset[str]
) -> list[Token]:
    """Tokens of ``source[start:end]`` with each quote part as one ``QUOTE`` token."""
    tokens: list[Token] = []
    position = start
    for part in parts:
        tokens.extend(_word_tokens(source, position, part.start, abbreviations))
        tokens.append(Token(source[part.start : part.end], part.start, part.end, QUOTE, part))
        position = part.end
    tokens.extend(_word_tokens(source, position, end, abbreviations))
    _mark_sentence_ends(tokens)
    return tokens


def quote_inner(text: str) -> str:
    """A quote token's words without its marks and outer white space."""
    inner = text[1:]
    if inner and inner[-1] in "”\"»’'":
        inner = inner[:-1]
    return inner.strip()


def _mark_sentence_ends(tokens: list[Token]) -> None:
    """Set ``ends_sentence`` on the last token of every sentence."""
    last = len(tokens) - 1
    for index, token in enumerate(tokens):
        if index == last:
            token.ends_sentence = True
        elif token.kind == PUNCT and token.text in _SENTENCE_END:
            following = tokens[index + 1]
            # a period followed by a closing stray mark or bracket: the sentence ends there
            if following.kind == PUNCT and following.text in "”\")’'":
                continue
            if following.kind == WORD and following.start == token.end:
                continue  # "(D-N.Y)": a period inside a word ends nothing
            token.ends_sentence = True
        elif token.kind == PUNCT and token.text in "”\")’'" and index > 0:
            token.ends_sentence = tokens[index - 1].text in _SENTENCE_END
        elif token.kind == QUOTE:
            inner = quote_inner(token.text).rstrip("”\"’' ")
            following = tokens[index + 1]
            # “Stop.” He left. ends a sentence; “Why?” asked Smith. does not
            token.ends_sentence = (
                bool(inner)
                and inner[-1] in _SENTENCE_END
                and (following.kind == QUOTE or following.text[:1].isupper())
            )
        elif token.kind == WORD and token.text.endswith(".") and "." in token.text[:-1]:
            # U.S. at the end of a sentence: a quote or a sentence-opening pronoun after it
            # starts a new one ("U.S. Senate" goes on)
            following = tokens[index + 1]
            token.ends_sentence = following.kind == QUOTE or following.text in _SENTENCE_OPENERS


def sentence_starts(tokens: list[Token]) -> list[int]:
    """For every token, the index of the first token of its sentence."""
    starts = []
    current = 0
    for index, token in enumerate(tokens):
        starts.append(current)
        if token.ends_sentence:
            current = index + 1
    return starts


def sentence_end(tokens: list[Token], position: int) -> int:
    """Index just past the sentence holding ``position`` (at most ``MAX_CONTEXT`` ahead)."""
    index = position
    limit = min(len(tokens), position + MAX_CONTEXT)
    while index < limit and not tokens[index].ends_sentence:
        index += 1
    return min(index + 1, len(tokens))


def frame_stop(tokens: list[Token], position: int, next_quote: int | None) -> int:
    """Where the right frame of the quote at ``position`` ends: next quote or sentence end."""
    if tokens[position].ends_sentence:
        return position + 1
    end = sentence_end(tokens, position)
    if next_quote is not None and next_quote < end:
        return next_quote
    return end


def previous_quote(tokens: list[Token], position: int, floor: int) -> int:
    """Index of the last quote token before ``position`` in the sentence, or ``floor - 1``."""
    for index in range(position - 1, floor - 1, -1):
        if tokens[index].kind == QUOTE:
            return index
    return floor - 1
