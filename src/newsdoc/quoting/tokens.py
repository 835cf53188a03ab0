"""Split a paragraph into word, punctuation and whole-quote tokens and find sentence ends.

Quoted stretches become single ``QUOTE`` tokens so that the attribution rules only ever read
the reporter's words around them. Offsets always index the original source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, count
from operator import attrgetter

from newsdoc.quoting.types import PUNCT, QUOTE, WORD, QuotePart, Token

# Plain words first (no apostrophe, no final period: most tokens, kept whole), then
# initialisms (U.S., D.C.), then other words with inner apostrophes/hyphens and an optional
# period, else one punctuation mark. A plain word is taken atomically and only when the full
# word pattern would end at the same place, so the tokens are those of the full pattern. The
# white space before each token is captured too, so that ``findall`` (no match objects) gives
# every offset: the groups tile the text without gaps. The standard library's engine is three
# times faster than ``regex`` on this simple shape.
_TOKEN = re.compile(
    r"(\s*)(?:((?>[^\W_]+(?:[\-&][^\W_]+)*+))(?![’'][^\W_]|\.)"
    r"|((?:[^\W\d_]\.){2,}|[^\W_]+(?:[’'\-&][^\W_]+)*\.?)|([^\w\s]|_))"
)
# the rules read at most this many tokens around a quote, so a run-on "sentence" of a
# thousand quotes costs the same per quote as a real one (the parse stays linear)
MAX_CONTEXT = 120
_SENTENCE_END = frozenset(".!?")
_CLOSERS = "”\")’'"  # a closing mark or bracket
_ENDS_SENTENCE = attrgetter("ends_sentence")
_MAY_END = _SENTENCE_END | frozenset(_CLOSERS)  # punctuation that can end a sentence
# marks that may follow a plain word in the same chunk, and are one token each ("said,")
_AFTER_WORD = frozenset(",;:?!)”\"’'")
_SENTENCE_OPENERS = frozenset(("He", "I", "It", "She", "The", "They", "This", "We"))
_CONTRACTED_PRONOUNS = frozenset(("he", "i", "it", "she", "they", "we", "who", "you"))


def _word_tokens(
    source: str,
    start: int,
    end: int,
    abbreviations: frozenset[str],
    tokens: list[Token],
    candidates: list[int],
) -> None:
    """Append the tokens of ``source[start:end]`` (no quote parts) to ``tokens``, and the
    index of every token that may end a sentence to ``candidates``."""
    # No token holds white space and the pattern's look-aheads fail alike before a space and
    # at the end of the text, so every space-separated chunk has the tokens it would have in
    # the whole text. Most chunks are one plain word (``str.isalnum`` is exactly ``[^\W_]+``),
    # one with a mark or a period after it, a contraction or a hyphenated word: those skip the
    # pattern, which took half of the tokenizer's time; any other chunk goes through it.
    append = tokens.append
    position = start
    for chunk in source[start:end].split(" "):
        following = position + len(chunk)
        if chunk.isalnum():
            append(Token(chunk, position, following))
        elif chunk:
            core = chunk[:-1]
            last = chunk[-1]
            if last in _AFTER_WORD and core.isalnum():
                append(Token(core, position, following - 1))
                if last in _MAY_END:
                    candidates.append(len(tokens))
                append(Token(last, following - 1, following, PUNCT))
            elif last == "." and core.isalnum():
                if _is_abbreviation(chunk, abbreviations):
                    candidates.append(len(tokens))
                    append(Token(chunk, position, following, WORD))
                else:  # a sentence-final period is a token of its own
                    append(Token(core, position, following - 1, WORD))
                    candidates.append(len(tokens))
                    append(Token(".", following - 1, following, PUNCT))
            elif "-" in chunk and all(map(str.isalnum, chunk.split("-"))):
                append(Token(chunk, position, following))  # one plain word: well-known
            else:
                head, mark, tail = chunk.partition("’" if "’" in chunk else "'")
                if mark and head.isalnum() and tail.isalnum():
                    _contraction(head, chunk, position, following, tokens, candidates)
                elif not _marked_word(chunk, position, abbreviations, tokens, candidates):
                    _pattern_tokens(source, position, following, abbreviations, tokens, candidates)
        position = following + 1


def _is_mark(character: str) -> bool:
    """Whether ``character`` is always a punctuation token of its own: the token pattern's
    ``[^\\w\\s]|_``."""
    return not character.isalnum() and not character.isspace()


def _marked_word(
    chunk: str,
    position: int,
    abbreviations: frozenset[str],
    tokens: list[Token],
    candidates: list[int],
) -> bool:
    """Append the tokens of a chunk that is one plain word between marks ("(word).", "-word",
    "word),") or marks alone, and say so; else append nothing and return False.

    The pattern reads each leading mark as one punctuation token (no word alternative starts
    with one, and none looks behind), then the word, whole since no apostrophe, hyphen or
    ampersand after it joins it to more letters; a period right after it may end it (as for a
    chunk "word."), and every mark after that is a punctuation token again.
    """
    first, last = 0, len(chunk)
    while first < last and _is_mark(chunk[first]):
        first += 1
    while last > first and _is_mark(chunk[last - 1]):
        last -= 1
    word = chunk[first:last]
    if word and not word.isalnum():
        return False  # marks or spaces inside: the pattern
    append = tokens.append
    for index in range(first):
        _append_mark(chunk[index], position + index, tokens, candidates)
    if word:
        begin, end = position + first, position + last
        if chunk[last : last + 1] == ".":
            last += 1
            if _is_abbreviation(word + ".", abbreviations):
                candidates.append(len(tokens))
                append(Token(word + ".", begin, end + 1, WORD))
            else:  # a sentence-final period is a token of its own
                append(Token(word, begin, end, WORD))
                candidates.append(len(tokens))
                append(Token(".", end, end + 1, PUNCT))
        else:
            append(Token(word, begin, end))
    for index in range(last, len(chunk)):
        _append_mark(chunk[index], position + index, tokens, candidates)
    return True


def _append_mark(mark: str, start: int, tokens: list[Token], candidates: list[int]) -> None:
    """Append the punctuation token ``mark`` at ``start`` (a candidate sentence end or not)."""
    if mark in _MAY_END:
        candidates.append(len(tokens))
    tokens.append(Token(mark, start, start + 1, PUNCT))


def _contraction(
    head: str, word: str, start: int, end: int, tokens: list[Token], candidates: list[int]
) -> None:
    """Append the tokens of ``word``, ``head`` and an apostrophe and letters (He’s, don't)."""
    if head.lower() in _CONTRACTED_PRONOUNS:
        # "He’s", "I’m": the pronoun is a token of its own, so a speaker span is "He"
        middle = start + len(head)
        tokens.append(Token(head, start, middle, WORD))
        tokens.append(Token(word[len(head) :], middle, end, WORD))
    else:
        candidates.append(len(tokens))
        tokens.append(Token(word, start, end, WORD))


def _pattern_tokens(
    source: str,
    start: int,
    end: int,
    abbreviations: frozenset[str],
    tokens: list[Token],
    candidates: list[int],
) -> None:
    """:func:`_word_tokens` by the token pattern, for any text."""
    append = tokens.append
    position = start
    # White space at the end holds no token, and it is cut off first: there, and only there,
    # an attempt fails after reading the run, and the search then retried it from each of
    # its characters (quadratic in a run of tabs or line breaks before a space).
    while end > start and source[end - 1].isspace():
        end -= 1
    for space, plain, word, punct in _TOKEN.findall(source, start, end):
        begin = position + len(space)
        if plain:  # most tokens: nothing to split, never a sentence end
            position = begin + len(plain)
            append(Token(plain, begin, position))
            continue
        if punct:  # always one character
            position = begin + 1
            if punct in _MAY_END:
                candidates.append(len(tokens))
            append(Token(punct, begin, position, PUNCT))
            continue
        position = begin + len(word)
        if "’" in word or "'" in word:
            apostrophe = word.find("’") if "’" in word else word.find("'")
            if word[:apostrophe].lower() in _CONTRACTED_PRONOUNS:
                # "He’s", "I’m": the pronoun is a token of its own, so a speaker span is "He"
                append(Token(word[:apostrophe], begin, begin + apostrophe, WORD))
                append(Token(word[apostrophe:], begin + apostrophe, position, WORD))
                continue
        if word[-1] == "." and not _is_abbreviation(word, abbreviations):
            # a sentence-final period is a token of its own
            append(Token(word[:-1], begin, position - 1, WORD))
            candidates.append(len(tokens))
            append(Token(".", position - 1, position, PUNCT))
            continue
        candidates.append(len(tokens))  # U.S. may end a sentence
        append(Token(word, begin, position, WORD))


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
    source: str,
    start: int,
    end: int,
    parts: Sequence[QuotePart],
    abbreviations: frozenset[str],
    quotes: list[int] | None = None,
) -> list[Token]:
    """Tokens of ``source[start:end]`` with each quote part as one ``QUOTE`` token; the index
    of every quote token is appended to ``quotes`` when it is given."""
    return tokenize_sentences(source, start, end, parts, abbreviations, quotes)[0]


def tokenize_sentences(
    source: str,
    start: int,
    end: int,
    parts: Sequence[QuotePart],
    abbreviations: frozenset[str],
    quotes: list[int] | None = None,
    *,
    open_end: bool = False,
) -> tuple[list[Token], list[int]]:
    """:func:`tokenize`, and the indices of the tokens that end a sentence, in order (pass
    them to :func:`starts_of`); with ``open_end`` the text goes on after ``end``, so its last
    token ends no sentence unless the rules say so."""
    tokens: list[Token] = []
    candidates: list[int] = []  # the tokens that may end a sentence, in order
    position = start
    for part in parts:
        _word_tokens(source, position, part.start, abbreviations, tokens, candidates)
        if quotes is not None:
            quotes.append(len(tokens))
        candidates.append(len(tokens))
        tokens.append(Token(source[part.start : part.end], part.start, part.end, QUOTE, part))
        position = part.end
    _word_tokens(source, position, end, abbreviations, tokens, candidates)
    return tokens, _mark_sentence_ends(tokens, candidates, open_end)


def quote_inner(text: str) -> str:
    """A quote token's words without its marks and outer white space."""
    inner = text[1:]
    if inner and inner[-1] in "”\"»’'":
        inner = inner[:-1]
    return inner.strip()


def _mark_sentence_ends(tokens: list[Token], candidates: list[int], open_end: bool) -> list[int]:
    """Set ``ends_sentence`` on the last token of every sentence and return their indices;
    only the tokens at ``candidates`` (periods, closing marks, initialisms and quotes) can end
    one before the paragraph's last token, which ends one unless ``open_end``."""
    ends: list[int] = []
    if not tokens:
        return ends
    last = len(tokens) - 1
    for index in candidates:
        if index == last:
            continue
        token = tokens[index]
        kind = token.kind
        text = token.text
        if kind == WORD:
            if text[-1] == "." and "." in text[:-1]:
                # U.S. at the end of a sentence: a quote or a sentence-opening pronoun after it
                # starts a new one ("U.S. Senate" goes on)
                following = tokens[index + 1]
                if (
                    following.kind == QUOTE and quote_inner(following.text)[:1].isupper()
                ) or following.text in _SENTENCE_OPENERS:
                    token.ends_sentence = True
                    ends.append(index)
        elif kind == PUNCT:
            if text in _SENTENCE_END:
                following = tokens[index + 1]
                # a period followed by a closing stray mark or bracket: the sentence ends there
                if following.kind == PUNCT and following.text in _CLOSERS:
                    continue
                if following.kind == WORD and following.start == token.end:
                    continue  # "(D-N.Y)": a period inside a word ends nothing
                token.ends_sentence = True
                ends.append(index)
            elif text in _CLOSERS and index > 0 and tokens[index - 1].text in _SENTENCE_END:
                token.ends_sentence = True
                ends.append(index)
        elif kind == QUOTE:
            inner = quote_inner(text).rstrip("”\"’' ")
            following = tokens[index + 1]
            # “Stop.” He left. ends a sentence; “Why?” asked Smith. does not
            if (
                inner
                and inner[-1] in _SENTENCE_END
                and (following.kind == QUOTE or following.text[:1].isupper())
            ):
                token.ends_sentence = True
                ends.append(index)
    if not open_end:
        tokens[last].ends_sentence = True
        ends.append(last)
    return ends


def starts_of(ends: list[int], count: int, base: int = 0) -> list[int]:
    """For each of ``count`` tokens, ``base`` plus the index of the first token of its
    sentence, given the indices of the tokens that end a sentence (in order)."""
    starts: list[int] = []
    current = 0
    for last in ends:
        starts.extend([base + current] * (last + 1 - current))
        current = last + 1
    starts.extend([base + current] * (count - current))
    return starts


def sentence_starts(tokens: list[Token]) -> list[int]:
    """For every token, the index of the first token of its sentence."""
    starts: list[int] = []
    current = 0
    # one list repetition per sentence rather than one append per token; the sentence ends
    # are picked out without a Python step per token
    for end in compress(count(1), map(_ENDS_SENTENCE, tokens)):
        starts.extend([current] * (end - current))
        current = end
    starts.extend([current] * (len(tokens) - current))
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
