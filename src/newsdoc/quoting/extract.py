"""Turn paragraphs into :class:`Quote` records: pair marks, attribute, merge split quotes.

Reading order, paragraph by paragraph. A direct quote looks for its attribution right after
it, then before it (after a colon or comma), then in a short following sentence, and finally
continues the last speaker of its paragraph. A partial quote (a fragment inside the
reporter's sentence) takes the nearest cue of its sentence. ``“A,” she said, “B.”`` becomes one
quote with two spans; a quote left open at a paragraph's end continues into the next
paragraph when that paragraph opens with a quote mark.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsdoc.model import Paragraph, Quote, QuoteKind, Span
from newsdoc.quoting.attribution import (
    Attribution,
    clause_cue_after,
    clause_cue_before,
    clause_subject,
    cue_at,
    frame_after,
    frame_before,
    outermost_cue,
)
from newsdoc.quoting.marks import find_quote_parts
from newsdoc.quoting.names import is_dash, is_possessive, mention_text
from newsdoc.quoting.resolve import Resolver
from newsdoc.quoting.tokens import quote_inner, tokenize
from newsdoc.quoting.types import PUNCT, QUOTE, Token
from newsdoc.vocab import Vocabulary

CONTINUE_ACROSS_PARAGRAPHS = True
MAX_TITLE_WORDS = 7  # a capitalised quote this short is more likely a title than speech
_SMALL_WORDS = frozenset(
    ("a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with")
)
MAX_LEFT_FRAME = 6  # tokens of "Mr. Barrett said," right before a lower-case quote
MAX_ATTRIBUTION_SENTENCE = 30  # tokens in a "Smith said on Friday." sentence after a quote
MAX_AFTER_CUE = 7  # tokens after its cue in such a sentence ("in an interview on CNN.")
# A "sentence" longer than this is run-on text (a page that lost its punctuation): frames are
# looked for only this far from each quote, so each quote costs the same and parsing stays linear.
MAX_SENTENCE_TOKENS = 400


@attrs.define(slots=True)
class _Draft:
    """A quote under construction (quotes are frozen, drafts are not)."""

    spans: list[Span]
    kind: QuoteKind
    paragraph: int
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_span: Span | None = None
    speaker_role: str | None = None
    cue: str | None = None
    cue_span: Span | None = None
    open_ended: bool = False

    def build(self, source: str) -> Quote:
        texts = [quote_inner(span.slice(source)) for span in self.spans]
        return Quote(
            text=" ".join(" ".join(text.split()) for text in texts if text),
            spans=tuple(self.spans),
            kind=self.kind,
            speaker=self.speaker,
            speaker_mention=self.speaker_mention,
            speaker_span=self.speaker_span,
            speaker_role=self.speaker_role,
            cue=self.cue,
            cue_span=self.cue_span,
            paragraph=self.paragraph,
        )

    def take_speaker(self, other: _Draft) -> None:
        """Continue ``other``'s speaker (an unattributed follow-on quote)."""
        self.speaker = other.speaker
        self.speaker_mention = other.speaker_mention
        self.speaker_span = other.speaker_span
        self.speaker_role = other.speaker_role


class _Extractor:
    def __init__(self, source: str, vocab: Vocabulary) -> None:
        self.source = source
        self.vocab = vocab
        self.resolver = Resolver(source, vocab)
        self.drafts: list[_Draft] = []
        # a paragraph ending "He said:" introduces a quote opening the next paragraph
        self.colon: tuple[int, list[Token], Attribution] | None = None

    def attribute(self, draft: _Draft, tokens: list[Token], found: Attribution) -> None:
        mention = found.mention
        first, last = tokens[mention.first], tokens[mention.last]
        words = [token.text for token in tokens[mention.first : mention.last + 1]]
        draft.speaker_mention = mention_text(tokens, mention)
        draft.speaker_span = Span(first.start, last.end)
        draft.speaker_role = mention.role
        if found.cue_first is not None and found.cue_last is not None:
            cue_first, cue_last = tokens[found.cue_first], tokens[found.cue_last]
            draft.cue_span = Span(cue_first.start, cue_last.end)
            draft.cue = self.source[cue_first.start : cue_last.end]
        if mention.antecedent is not None:
            mention = mention.antecedent
            first = tokens[mention.first]
            words = [token.text for token in tokens[mention.first : mention.last + 1]]
        if mention.kind == "pronoun":
            draft.speaker = self.resolver.resolve_pronoun(words[0], first.start) or words[0]
        elif mention.kind == "name":
            honorific = words[0] if words[0] in self.vocab.honorifics else None
            names = words[1:] if honorific is not None and len(words) > 1 else words
            draft.speaker = self.resolver.resolve_name(names, honorific, first.start)
        else:
            draft.speaker = mention_text(tokens, mention)

    def paragraph(self, index: int, paragraph: Paragraph) -> None:
        start, end = paragraph.span.start, paragraph.span.end
        parts = find_quote_parts(self.source, start, end)
        previous = self.drafts[-1] if self.drafts else None
        continuing = (
            previous is not None
            and previous.open_ended
            and previous.paragraph == index - 1
            and bool(parts)
            and parts[0].start == start
        )
        if previous is not None:
            previous.open_ended = False
        introduced = self.colon if self.colon is not None and self.colon[0] == index - 1 else None
        self.colon = None
        ends_with_colon = self.source[start:end].rstrip().endswith(":")
        if not parts and not ends_with_colon:
            return
        tokens = tokenize(self.source, start, end, parts, self.vocab.abbreviations)
        if ends_with_colon:
            self._note_colon(index, tokens)
        sentence_start = _sentence_starts(tokens)
        quote_indices = [i for i, token in enumerate(tokens) if token.kind == QUOTE]
        paragraph_drafts: list[_Draft] = []
        k = 0
        while k < len(quote_indices):
            position = quote_indices[k]
            token = tokens[position]
            floor = max(sentence_start[position], position - MAX_SENTENCE_TOKENS)
            next_quote = quote_indices[k + 1] if k + 1 < len(quote_indices) else None
            stop = _sentence_stop(tokens, position, next_quote)
            if continuing and k == 0 and previous is not None:
                draft = previous
                draft.spans.append(Span(token.start, token.end))
            else:
                kind = _classify(tokens, position, floor, self.vocab)
                if kind == "partial" and token.part is not None and not token.part.closed:
                    kind = None  # a stray mark inside the reporter's sentence, not a quote
                if kind is None or _looks_like_title(tokens, position, self.vocab):
                    k += 1  # “Fox News Sunday”, “13th”: a title, not a quote
                    continue
                draft = _Draft([Span(token.start, token.end)], kind, index)
            found = self._find(draft, tokens, position, floor, stop)
            if found is None and position == 0 and draft.speaker is None:
                if introduced is not None:
                    self.attribute(draft, introduced[1], introduced[2])
                elif (
                    CONTINUE_ACROSS_PARAGRAPHS
                    and previous is not None
                    and previous.paragraph == index - 1
                ):
                    draft.take_speaker(previous)
            if (
                found is not None
                and draft.kind == "direct"
                and next_quote is not None
                and next_quote == stop
                and tokens[next_quote - 1].text == ","
                and found.cue_first is not None
                and found.cue_first > position
                and found.cue_last is not None
                and not any(
                    cue_at(tokens, between, self.vocab) is not None
                    and (tokens[between - 1].text == "," or tokens[between].lower.endswith("ing"))
                    for between in range(found.cue_last + 1, next_quote)
                )  # "“A,” Trump said, adding, “B.”" reports two things
            ):
                # “A,” she said, “B.”: one quote in two parts
                following = tokens[next_quote]
                draft.spans.append(Span(following.start, following.end))
                position = next_quote
                k += 1
            if found is not None and draft.speaker is None:
                self.attribute(draft, tokens, found)
            elif found is None and draft.speaker is None and draft.kind == "direct":
                earlier = None
                if not paragraph_drafts:
                    earlier = clause_cue_before(tokens, 0, floor - 1, floor, self.vocab)
                if earlier is not None:
                    self.attribute(draft, tokens, earlier)  # "…, Schiff said. “…”"
                elif paragraph_drafts:
                    draft.take_speaker(paragraph_drafts[-1])
            last_part = tokens[position].part
            draft.open_ended = last_part is not None and not last_part.closed
            if draft.kind == "partial" and draft.speaker is None:
                k += 1  # a quoted fragment nobody is said to have said: scare quotes
                continue
            if draft is not previous:
                self.drafts.append(draft)
            paragraph_drafts.append(draft)
            k += 1

    def _note_colon(self, index: int, tokens: list[Token]) -> None:
        """Remember who speaks in a paragraph ending with "He said:" for the next one."""
        end = len(tokens) - 1
        while end >= 0 and tokens[end].text == ":":
            end -= 1
        floor = _sentence_starts(tokens)[end] if end >= 0 else 0
        found = clause_cue_before(tokens, floor, end, end + 1, self.vocab)
        if found is None:
            mention = clause_subject(tokens, floor, end + 1, self.vocab)
            found = Attribution(mention) if mention is not None else None
        if found is not None:
            self.colon = (index, tokens, found)

    def _find(
        self, draft: _Draft, tokens: list[Token], position: int, floor: int, stop: int
    ) -> Attribution | None:
        vocab = self.vocab
        if draft.kind == "direct":
            found = frame_after(tokens, position, stop, vocab)
            if found is None:
                left_floor = max(floor, _previous_quote(tokens, position, floor) + 1)
                found = frame_before(tokens, left_floor, position, vocab)
            if found is None:
                found = _next_sentence(tokens, stop, vocab)
            return found
        found = None
        if stop > position + 1 and (
            tokens[position + 1].text == "," or quote_inner(tokens[position].text).endswith(",")
        ):
            found = frame_after(tokens, position, stop, vocab)
            if found is not None and not _adjacent(tokens, position, found):
                found = None  # "…,” though she noted": a new clause, not this quote's frame
        if found is None and position > floor and tokens[position - 1].text in ",:":
            found = frame_before(tokens, max(floor, position - MAX_LEFT_FRAME), position, vocab)
        if found is None:
            found = outermost_cue(tokens, floor, position - 1, position, vocab)
        if found is None:
            found = clause_cue_after(tokens, position + 1, _sentence_end(tokens, position), vocab)
        if found is None:
            mention = clause_subject(tokens, floor, position, vocab)
            if mention is not None:
                found = Attribution(mention)
        return found


def _adjacent(tokens: list[Token], quote: int, found: Attribution) -> bool:
    """Whether a right frame starts right after the quote (and its comma)."""
    index = quote + 1
    while index < len(tokens) and tokens[index].text == ",":
        index += 1
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


def _sentence_starts(tokens: list[Token]) -> list[int]:
    starts = []
    current = 0
    for index, token in enumerate(tokens):
        starts.append(current)
        if token.ends_sentence:
            current = index + 1
    return starts


def _sentence_end(tokens: list[Token], position: int) -> int:
    """Index just past the sentence holding ``position``."""
    index = position
    limit = min(len(tokens), position + MAX_SENTENCE_TOKENS)
    while index < limit and not tokens[index].ends_sentence:
        index += 1
    return min(index + 1, len(tokens))


def _sentence_stop(tokens: list[Token], position: int, next_quote: int | None) -> int:
    """Where the right frame of the quote at ``position`` ends: next quote or sentence end."""
    if tokens[position].ends_sentence:
        return position + 1
    end = _sentence_end(tokens, position)
    if next_quote is not None and next_quote < end:
        return next_quote
    return end


def _previous_quote(tokens: list[Token], position: int, floor: int) -> int:
    for index in range(position - 1, floor - 1, -1):
        if tokens[index].kind == QUOTE:
            return index
    return floor - 1


def _next_sentence(tokens: list[Token], stop: int, vocab: Vocabulary) -> Attribution | None:
    """“…” Smith said on Monday. — a short attribution sentence after a quote sentence."""
    if stop >= len(tokens) or not tokens[stop - 1].ends_sentence:
        return None
    end = _sentence_end(tokens, stop)
    if end - stop > MAX_ATTRIBUTION_SENTENCE:
        return None
    if any(token.kind == QUOTE for token in tokens[stop:end]):
        return None
    found = frame_after(tokens, stop - 1, end, vocab)
    if found is None or found.cue_first is None or found.cue_last is None:
        return None
    leads = min(found.mention.first, found.cue_first) == stop  # "Trump said, looking on."
    if end - found.cue_last > MAX_AFTER_CUE and not (
        leads and tokens[found.cue_last + 1].text == ","
    ):
        return None  # "Smith said the plan would fail." reports more than the quote
    return found


def _classify(
    tokens: list[Token], position: int, floor: int, vocab: Vocabulary
) -> QuoteKind | None:
    """``direct`` for quoted sentences, ``partial`` for fragments in the reporter's sentence."""
    inner = quote_inner(tokens[position].text)
    letters = [char for char in inner[:3] if char.isalpha()]
    if not any(char.isalnum() for char in inner):
        return None
    upper = (bool(letters) and letters[0].isupper()) or inner[:1] in "…." or inner[:1].isdigit()
    if position == floor:
        return "direct" if upper else "partial"
    before = tokens[position - 1]
    if before.kind == PUNCT and before.text == ":":
        return "direct"
    if upper and (before.kind == QUOTE or before.text == "," or is_dash(before)):
        return "direct"
    if upper and before.lower in vocab.speech_verbs:
        return "direct"
    return "partial"


def _looks_like_title(tokens: list[Token], position: int, vocab: Vocabulary) -> bool:
    """“Fox News Sunday,” “13th”, 'All Bets Are Off.': every word capitalised, short, after a
    possessive or a word that introduces titles; or markup (``author="``)."""
    text = tokens[position].text
    inner = quote_inner(text)
    if "=" in inner or "<" in inner or ">" in inner:
        return True  # an HTML attribute, not speech
    words = inner.rstrip(",.;:!?”\"’'").split()
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    if not all(word[:1].isupper() or word[:1].isdigit() or word in _SMALL_WORDS for word in words):
        return False
    if text[0] in "‘'":
        return True  # a single-quoted heading
    if position == 0:
        return False
    before = tokens[position - 1]
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    if len(words) == 1 and after is not None and after.capitalised and before.capitalised:
        return True  # a nickname inside a name: Rep. Robert C. “Bobby” Scott
    # not after other words: the “War On Drugs,” as “Miss Piggy” are quoted names in a claim
    return is_possessive(before) or before.lower in vocab.title_cues


def extract_quotes(source: str, paragraphs: Sequence[Paragraph], vocab: Vocabulary) -> list[Quote]:
    """Every quote of ``paragraphs`` (indices into this sequence), in reading order."""
    extractor = _Extractor(source, vocab)
    for index, paragraph in enumerate(paragraphs):
        extractor.paragraph(index, paragraph)
    return [draft.build(source) for draft in extractor.drafts]
