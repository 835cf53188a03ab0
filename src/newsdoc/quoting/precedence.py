"""Which attribution rule speaks for a quote, in order of precedence.

A direct quote looks right after itself (“…,” said X / X said), then before itself after a
colon or comma (X said: “…”), then at a short next sentence ("“…” Smith said on Friday.").
A partial quote takes an adjacent frame first, then the first reporting cue of its clause
("Bolton said he would advise Trump on the “…”" is Bolton's), then a cue after it, then the
clause's subject. The caller handles what remains: continuations and colon introductions.
"""

from __future__ import annotations

from newsdoc.model import QuoteKind
from newsdoc.quoting.attribution import (
    Attribution,
    clause_cue_after,
    clause_subject,
    frame_after,
    frame_before,
    outermost_cue,
)
from newsdoc.quoting.cues import cue_at
from newsdoc.quoting.tokens import previous_quote, quote_inner, sentence_end
from newsdoc.quoting.types import QUOTE, Token
from newsdoc.vocab import Vocabulary

MAX_NAME_WORDS = 5  # words in a quoted name such as a show or forum title
_SMALL_WORDS = frozenset(("a", "and", "for", "in", "of", "on", "the", "to"))
MAX_LEFT_FRAME = 6  # tokens of "Mr. Barrett said," right before a lower-case quote
MAX_ATTRIBUTION_SENTENCE = 30  # tokens in a "Smith said on Friday." sentence after a quote
MAX_AFTER_CUE = 7  # tokens after its cue in such a sentence ("in an interview on CNN.")
_CLAUSE_STARTS = frozenset(("a", "an", "he", "it", "she", "that", "the", "they", "we"))


def find_attribution(
    kind: QuoteKind, tokens: list[Token], position: int, floor: int, stop: int, vocab: Vocabulary
) -> Attribution | None:
    """The attribution of the quote token at ``position`` (sentence from ``floor``, right
    frame up to ``stop``), or None."""
    if kind == "direct":
        found = frame_after(tokens, position, stop, vocab)
        if found is None:
            earlier = previous_quote(tokens, position, floor)
            while earlier >= floor and not _is_speech(tokens[earlier]):
                # a quoted name ("a “Commander-in-Chief Forum” sponsored by …") is not speech
                # ending the frame
                earlier = previous_quote(tokens, earlier, floor)
            left_floor = max(floor, earlier + 1)
            found = frame_before(tokens, left_floor, position, vocab)
        return found if found is not None else _next_sentence(tokens, stop, vocab)
    found = None
    if stop > position + 1 and (
        tokens[position + 1].text == "," or quote_inner(tokens[position].text).endswith(",")
    ):
        found = frame_after(tokens, position, stop, vocab)
        if found is not None and not _adjacent(tokens, position, found):
            found = None  # "…,” though she noted": a new clause, not this quote's frame
    introducer = None
    if found is None and position > floor and tokens[position - 1].text in ",:":
        found = frame_before(tokens, max(floor, position - MAX_LEFT_FRAME), position, vocab)
        if found is not None and found.cue_first is None:
            # "Ryan said that if the U.S. pulls back, “…”": a cue of the clause comes first
            introducer, found = found, None
    if found is None:
        found = outermost_cue(tokens, floor, position - 1, position, vocab)
    if found is None:
        found = introducer
    if found is None:
        found = clause_cue_after(tokens, position + 1, sentence_end(tokens, position), vocab)
    if found is None:
        mention = clause_subject(tokens, floor, position, vocab)
        found = Attribution(mention) if mention is not None else None
    return found


def _is_speech(token: Token) -> bool:
    """Whether a quote token reads as speech; a short name in title case (“Meet the Press”,
    a “Commander-in-Chief Forum”) does not."""
    inner = quote_inner(token.text).rstrip("”\"’' ")
    words = inner.split(maxsplit=MAX_NAME_WORDS)  # (enough to tell a long quote)
    if not words or len(words) > MAX_NAME_WORDS or inner[-1:] in ",.;:!?…":
        return True
    return not all(word[:1].isupper() or word in _SMALL_WORDS for word in words)


def is_split(
    tokens: list[Token],
    position: int,
    next_quote: int | None,
    stop: int,
    found: Attribution,
    vocab: Vocabulary,
) -> bool:
    """Whether “A,” she said, “B.” continues at ``next_quote``: the frame after the first part
    is only an attribution ending in a comma ("“A,” Trump said, adding, “B.”" reports two
    things)."""
    if next_quote != stop or tokens[next_quote - 1].text != ",":
        return False
    if found.cue_first is None or found.cue_last is None or found.cue_first <= position:
        return False
    return not any(
        cue_at(tokens, between, vocab) is not None
        and (tokens[between - 1].text == "," or tokens[between].lower.endswith("ing"))
        for between in range(found.cue_last + 1, next_quote)
    )


def _adjacent(tokens: list[Token], quote: int, found: Attribution) -> bool:
    """Whether a right frame starts right after the quote (and its comma)."""
    index = quote + 1
    while index < len(tokens) and tokens[index].lower in (",", "as"):
        index += 1  # "“…,” as a memo put it"
    starts = [found.mention.first]
    if found.cue_first is not None:
        starts.append(found.cue_first)
    if found.mention.role_span is not None:
        starts.extend(
            i
            for i in range(index, found.mention.first + 1)
            if tokens[i].start == found.mention.role_span[0]
        )
    return min(starts) <= index


def _next_sentence(tokens: list[Token], stop: int, vocab: Vocabulary) -> Attribution | None:
    """“…” Smith said on Monday. — a short attribution sentence after a quote sentence."""
    if stop >= len(tokens) or not tokens[stop - 1].ends_sentence:
        return None
    return attribution_sentence(tokens, stop, vocab)


def attribution_sentence(tokens: list[Token], stop: int, vocab: Vocabulary) -> Attribution | None:
    """The attribution made by the sentence starting at ``stop`` when that sentence only
    attributes ("Smith said on Monday.", "said Smith, a spokesman.")."""
    end = sentence_end(tokens, stop)
    if end - stop > MAX_ATTRIBUTION_SENTENCE:
        return None
    if any(token.kind == QUOTE for token in tokens[stop:end]):
        return None
    found = frame_after(tokens, stop - 1, end, vocab)
    if found is None or found.cue_first is None or found.cue_last is None:
        return None
    # "Trump said of Apple in February, …" only attributes; "Smith said the plan would fail"
    # (a clause after the cue) reports something else
    leads = min(found.mention.first, found.cue_first) == stop
    after = tokens[found.cue_last + 1].lower if found.cue_last + 1 < len(tokens) else ""
    if end - found.cue_last > MAX_AFTER_CUE and not (leads and after not in _CLAUSE_STARTS):
        return None
    return found
