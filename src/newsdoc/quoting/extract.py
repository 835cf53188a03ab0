"""Turn paragraphs into :class:`Quote` records: pair marks, attribute, merge split quotes.

Reading order, paragraph by paragraph. Each quoted stretch is classified
(:mod:`~newsdoc.quoting.kinds`) and attributed (:mod:`~newsdoc.quoting.precedence`). What no
rule attributes: a quote opening a paragraph after "He said:" takes that speaker; a quote
opening a paragraph after a quote continues its speaker; a later direct quote of a paragraph
continues the paragraph's last speaker (or the speaker of an earlier "…, Schiff said.").
``“A,” she said, “B.”`` becomes one quote with two spans; a quote left open at a paragraph's
end continues into the next paragraph when that paragraph opens with a quote mark. A partial
quote nobody is said to have said is a scare quote and is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs
import regex

from newsdoc.model import Paragraph, Quote, QuoteKind, Span, SpeakerKind
from newsdoc.quoting.attribution import (
    Attribution,
    clause_cue_before,
    clause_subject,
    frame_after,
    outermost_cue,
)
from newsdoc.quoting.clauses import after_introduction, sentence_subject
from newsdoc.quoting.entity_kinds import description_kind, is_sentence_opener, opens_sentence
from newsdoc.quoting.kinds import classify, looks_like_title
from newsdoc.quoting.marks import find_quote_parts
from newsdoc.quoting.names import mention_text
from newsdoc.quoting.precedence import attribution_sentence, find_attribution, is_split
from newsdoc.quoting.resolve import Resolver
from newsdoc.quoting.run_words import descriptor_end
from newsdoc.quoting.tokens import (
    MAX_CONTEXT,
    frame_stop,
    quote_inner,
    sentence_starts,
    starts_of,
    tokenize,
    tokenize_sentences,
)
from newsdoc.quoting.types import QuotePart, Token
from newsdoc.quoting.windows import OutsideWindowError, Windows
from newsdoc.vocab import Vocabulary

_T = TypeVar("_T")
# a paragraph shorter than this is tokenized whole: windows would skip too little to pay
MIN_WINDOWED = 1000
MAX_GROWN = 1  # windows grown this often are given up for the whole paragraph
_TRANSCRIPT_NAME = regex.compile(r"(\p{Lu}{2,}(?: \p{Lu}{2,})?):")  # "PENCE: Well, …"
_SENTENCE_CLOSERS = frozenset((".", "!", "?", ":", ";", "…", "”", '"', "’"))  # a sentence ends


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
    speaker_kind: SpeakerKind | None = None
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
            speaker_kind=self.speaker_kind,
        )

    def take_speaker(self, other: _Draft) -> None:
        """Continue ``other``'s speaker (an unattributed follow-on quote)."""
        self.speaker = other.speaker
        self.speaker_mention = other.speaker_mention
        self.speaker_span = other.speaker_span
        self.speaker_role = other.speaker_role
        self.speaker_kind = other.speaker_kind


@attrs.define(slots=True)
class _Paragraph:
    """One paragraph being read: its tokens, sentences and what came before it.

    A long paragraph's tokens are those of its quote windows (:mod:`~newsdoc.quoting.windows`);
    a rule that reads outside them makes them :meth:`grow`, and a second such read makes the
    paragraph tokenized whole (:meth:`widen`).
    """

    index: int
    span: tuple[int, int]
    parts: list[QuotePart]
    previous: _Draft | None  # the article's last quote before this paragraph
    continuing: bool  # the previous quote was left open and this paragraph continues it
    introduced: tuple[list[Token], Attribution] | None  # "He said:" ending the last paragraph
    tokens: list[Token] = attrs.Factory(list)
    starts: list[int] = attrs.Factory(list)  # sentence start of every token
    quotes: list[int] = attrs.Factory(list)  # indices of the quote tokens
    drafts: list[_Draft] = attrs.Factory(list)
    sentences: list[int] = attrs.Factory(list)  # offsets whose sentences must be tokenized
    grown: int = 0  # how many times a rule read outside the windows

    def narrow(self, source: str, abbreviations: frozenset[str]) -> None:
        """Tokenize the quote windows only, with the sentences at ``self.sentences``."""
        start, end = self.span
        if end - start < MIN_WINDOWED or self.grown > MAX_GROWN:
            self.widen(source, abbreviations)
            return
        windows = Windows(source, start, end, self.parts, abbreviations, self.sentences)
        self.tokens, self.starts, self.quotes = windows.tokens, windows.starts, windows.quotes

    def grow(self, source: str, abbreviations: frozenset[str], skipped: tuple[int, int]) -> None:
        """Take in the sentences on both sides of the ``skipped`` text, which a rule read (after
        ``MAX_GROWN`` rounds, the whole paragraph). The quote tokens keep their order."""
        self.grown += 1
        self.sentences.extend(skipped)
        self.narrow(source, abbreviations)

    def widen(self, source: str, abbreviations: frozenset[str]) -> None:
        """Tokenize the whole paragraph."""
        quotes: list[int] = []
        self.tokens, ends = tokenize_sentences(
            source, *self.span, self.parts, abbreviations, quotes
        )
        self.starts = starts_of(ends, len(self.tokens))
        self.quotes = quotes


@attrs.frozen(slots=True)
class _Reading:
    """What the tokens say of a quote token, read before anything is changed (so that a read
    outside the windows can start again on grown ones)."""

    tokens: list[Token]
    position: int
    kind: QuoteKind
    continues: bool  # the previous paragraph's open quote goes on here
    found: Attribution | None
    split: int | None  # the second part's index for “A,” she said, “B.”
    earlier: Attribution | None  # for an unattributed quote: the speaker of a sentence before
    transcript: regex.Match[str] | None = None  # "PENCE: …": the name that speaks


class _Extractor:
    def __init__(self, source: str, vocab: Vocabulary, names: str | None = None) -> None:
        self.source = source
        self.vocab = vocab
        self.resolver = Resolver(source, vocab, names)
        self.drafts: list[_Draft] = []
        # a paragraph ending "He said:" introduces a quote opening the next paragraph
        self.colon: tuple[int, list[Token], Attribution] | None = None
        # a paragraph ending with a quote nobody said, which the next paragraph may attribute
        self.unattributed: _Draft | None = None
        # the paragraph before the one being read, whose last sentence may name the speaker
        self.before: tuple[int, Paragraph] | None = None
        self.current: tuple[int, Paragraph] | None = None

    def paragraph(self, index: int, paragraph: Paragraph) -> None:
        """Read one paragraph's quotes into ``self.drafts``."""
        self.before, self.current = self.current, (index, paragraph)
        start, end = paragraph.span.start, paragraph.span.end
        parts = find_quote_parts(self.source, start, end)
        if parts:  # (most paragraphs have none)
            self.resolver.note_quotes((part.start, part.end) for part in parts)
        previous = self.drafts[-1] if self.drafts else None
        continuing = bool(
            previous is not None
            and previous.open_ended
            and previous.paragraph == index - 1
            and parts
            and parts[0].start == start
        )
        if previous is not None:
            previous.open_ended = False
        colon = self.colon
        introduced = colon[1:] if colon is not None and colon[0] == index - 1 else None
        self.colon = None
        ends_with_colon = _ends_with_colon(self.source, start, end)
        waiting = self.unattributed
        self.unattributed = None
        if not parts and not ends_with_colon and waiting is None:
            return
        first_sentence = waiting is not None and waiting.paragraph == index - 1
        reading = _Paragraph(index, (start, end), parts, previous, continuing, introduced)
        if first_sentence:
            reading.sentences.append(start)
        if ends_with_colon:
            reading.sentences.append(end)
        reading.narrow(self.source, self.vocab.abbreviations)
        if waiting is not None and first_sentence and reading.tokens:
            found = self._windowed(
                reading, lambda: attribution_sentence(reading.tokens, 0, self.vocab)
            )
            if found is not None:
                self.attribute(waiting, reading.tokens, found)  # “…” ¶ "That was how Smith put it."
        if ends_with_colon:
            self._windowed(reading, lambda: self._note_colon(index, reading.tokens, reading.starts))
        k = 0
        while k < len(reading.quotes):
            k += self._quote(reading, k)
        last = reading.drafts[-1] if reading.drafts else None
        if last is not None and last.speaker is None and last.spans[-1].end >= end - 1:
            self.unattributed = last

    def _windowed(self, reading: _Paragraph, read: Callable[[], _T]) -> _T:
        """``read()`` on the paragraph's windows, grown until it reads nothing outside them."""
        while True:
            try:
                return read()
            except OutsideWindowError as error:
                reading.grow(self.source, self.vocab.abbreviations, error.skipped)

    def _quote(self, reading: _Paragraph, k: int) -> int:
        """Read the ``k``-th quote token of the paragraph; return how many quote tokens it
        used (two for a split quote)."""
        read = self._windowed(reading, lambda: self._read(reading, k))
        if read is None:
            return 1  # not a quote
        tokens, position = read.tokens, read.position
        token = tokens[position]
        if read.continues and reading.previous is not None:
            draft = reading.previous  # a quote left open goes on here
            draft.spans.append(Span(token.start, token.end))
        else:
            draft = _Draft([Span(token.start, token.end)], read.kind, reading.index)
            if read.transcript is not None:
                self._transcript_speaker(draft, read.transcript)
        used = 1
        if read.split is not None:
            following = tokens[read.split]
            draft.spans.append(Span(following.start, following.end))  # “A,” she said, “B.”
            position = read.split
            used = 2
        if draft.speaker is None:
            if read.found is not None:
                self.attribute(draft, tokens, read.found)
            else:
                self._continue_speaker(reading, draft, position, read)
        last_part = tokens[position].part
        draft.open_ended = last_part is not None and not last_part.closed
        if draft.kind == "partial" and draft.speaker is None:
            return used  # a quoted fragment nobody is said to have said: scare quotes
        if draft is not reading.previous:
            self.drafts.append(draft)
        reading.drafts.append(draft)
        return used

    def _read(self, reading: _Paragraph, k: int) -> _Reading | None:
        """What the tokens say of the ``k``-th quote token, or None when it is no quote."""
        tokens = reading.tokens
        position = reading.quotes[k]
        token = tokens[position]
        floor = max(reading.starts[position], position - MAX_CONTEXT)
        next_quote = reading.quotes[k + 1] if k + 1 < len(reading.quotes) else None
        stop = frame_stop(tokens, position, next_quote)
        previous = reading.previous
        kind: QuoteKind | None
        continues = (
            reading.continuing
            and k == 0
            and previous is not None
            and frame_after(tokens, position, stop, self.vocab) is None
        )
        if continues and previous is not None:
            # a quote left open goes on here, unless this paragraph's quote has its own
            # attribution ("“…,” Sexton said." after an open paragraph starts a new quote)
            kind = previous.kind
            spoken = previous.speaker is not None
            transcript = None
        else:
            kind = classify(tokens, position, floor, self.vocab)
            if kind == "partial" and token.part is not None and not token.part.closed:
                return None  # a stray mark inside the reporter's sentence, not a quote
            if kind is None or looks_like_title(tokens, position, self.vocab):
                return None  # “Fox News Sunday”, “13th”: a title, not a quote
            transcript = _TRANSCRIPT_NAME.match(self.source, token.start + 1, token.end)
            spoken = transcript is not None
        found = find_attribution(kind, tokens, position, floor, stop, self.vocab)
        split = None
        if (
            found is not None
            and kind == "direct"
            and next_quote is not None
            and is_split(tokens, position, next_quote, stop, found, self.vocab)
        ):
            split = next_quote
        if split is None and token.part is not None and token.part.runs_on:
            split, found = self._run_on(reading, k, kind, found)
        earlier = None
        if (
            not spoken
            and found is None
            and position != 0
            and kind == "direct"
            and not reading.drafts
        ):
            earlier = self._earlier_speaker(reading, floor)
        return _Reading(tokens, position, kind, continues, found, split, earlier, transcript)

    def _run_on(
        self, reading: _Paragraph, k: int, kind: QuoteKind, found: Attribution | None
    ) -> tuple[int | None, Attribution | None]:
        """For a quote that runs on into the next part ("… for you. "Somehow …," he said),
        that part's index, and the attribution of either part (the first's first)."""
        if k + 1 >= len(reading.quotes):
            return None, found
        tokens = reading.tokens
        following = reading.quotes[k + 1]
        if following != reading.quotes[k] + 1:
            return None, found  # words between: not one quote going on
        if found is None:
            after = reading.quotes[k + 2] if k + 2 < len(reading.quotes) else None
            floor = max(reading.starts[following], following - MAX_CONTEXT)
            stop = frame_stop(tokens, following, after)
            found = find_attribution(kind, tokens, following, floor, stop, self.vocab)
        return following, found

    def _earlier_speaker(self, reading: _Paragraph, floor: int) -> Attribution | None:
        """For a direct quote nobody in its sentence speaks: "…, Schiff said. “…”", or whom
        the sentence before is about ("Sanders identified voters’ fatigue as a reason. “…”")."""
        earlier = clause_cue_before(
            reading.tokens, max(0, floor - MAX_CONTEXT), floor - 1, floor, self.vocab
        )
        if earlier is None and floor > 0:
            earlier = self._subject_of(reading.tokens, reading.starts[floor - 1], floor - 1)
        return earlier

    def _continue_speaker(
        self, reading: _Paragraph, draft: _Draft, position: int, read: _Reading
    ) -> None:
        """A quote no rule attributes: introduced by "He said:", or a follow-on quote."""
        previous = reading.previous
        if position == 0:
            if reading.introduced is not None:
                self.attribute(draft, *reading.introduced)
            elif previous is not None and previous.paragraph == reading.index - 1:
                draft.take_speaker(previous)
            elif draft.kind == "direct":
                self._speaker_before(reading.index, draft)
            return
        if draft.kind != "direct":
            return
        if reading.drafts:
            draft.take_speaker(reading.drafts[-1])
        elif read.earlier is not None:
            self.attribute(draft, read.tokens, read.earlier)  # "…, Schiff said. “…”"

    def attribute(self, draft: _Draft, tokens: list[Token], found: Attribution) -> None:
        """Set the draft's mention, role, cue and resolved speaker from ``found``; a sentence
        opener taken for a lone name ("Sadly", "Adding: …") leaves the quote unattributed."""
        mention = found.mention
        if mention.kind == "name" and mention.first == mention.last:
            opener = tokens[mention.first]
            if is_sentence_opener(opener.text, self.vocab) and opens_sentence(
                self.source, opener.start
            ):
                return
        first, last = tokens[mention.first], tokens[mention.last]
        draft.speaker_mention = mention_text(tokens, mention)
        draft.speaker_span = Span(first.start, last.end)
        draft.speaker_role = mention.role
        if found.cue_first is not None and found.cue_last is not None:
            cue_first, cue_last = tokens[found.cue_first], tokens[found.cue_last]
            draft.cue_span = Span(cue_first.start, cue_last.end)
            draft.cue = self.source[cue_first.start : cue_last.end]
        if mention.antecedent is not None:
            mention = mention.antecedent  # "which": the speaker is what it stands for
        first = tokens[mention.first]
        words = [token.text for token in tokens[mention.first : mention.last + 1]]
        resolver = self.resolver
        resolved: str | None
        if mention.kind == "pronoun":
            resolved = resolver.resolve_pronoun(words[0], first.start)
            draft.speaker = resolved or words[0]
        elif mention.kind == "name":
            honorific = words[0] if words[0] in self.vocab.honorifics else None
            resolved = draft.speaker = resolver.resolve_name(
                self._person_words(words), honorific, first.start, resolver.names.title_of(words)
            )
        else:
            resolved = resolver.resolve_description(words, first.start)
            draft.speaker = resolved or mention_text(tokens, mention)
        if resolved is None:
            draft.speaker_kind = description_kind(words, self.vocab)
            if mention.kind != "pronoun" and draft.speaker_kind == "anonymous":
                resolver.note_unnamed(first.start, words)
        else:
            draft.speaker_kind = resolver.kind_of(resolved)

    def _person_words(self, words: list[str]) -> list[str]:
        """The name after its titles and descriptors: "Mr. Rau", "Sen. Sanders", "Lufthansa
        CEO Carsten Spohr", "CNN's Fareed Zakaria"; an organisation's name stays whole."""
        if not self.vocab.organisation_words.isdisjoint(words):
            return words  # "Republican National Committee"
        return words[descriptor_end(words, self.vocab)[0] :]

    def _transcript_speaker(self, draft: _Draft, match: regex.Match[str]) -> None:
        """A transcript line quoted whole ("PENCE: Well, …"): the capitalised name before the
        colon (``match``) speaks."""
        name = match.group(1)
        draft.speaker_mention = name
        draft.speaker_span = Span(match.start(1), match.end(1))
        draft.cue = ":"
        draft.cue_span = Span(match.end(1), match.end(1) + 1)
        words = [word.capitalize() for word in name.split()]
        draft.speaker = self.resolver.resolve_name(words, None, match.start(1))
        draft.speaker_kind = self.resolver.kind_of(draft.speaker)

    def _speaker_before(self, index: int, draft: _Draft) -> None:
        """A quote paragraph after a paragraph without quotes: the speaker is who the last
        sentence before it is about ("Carter said that … ¶ “…”", "Diaz praised the plan. ¶ “…”")."""
        if self.before is None or self.before[0] != index - 1:
            return
        span = self.before[1].span
        tokens = tokenize(self.source, span.start, span.end, [], self.vocab.abbreviations)
        end = len(tokens) - 1
        if end < 0:
            return
        floor = sentence_starts(tokens)[end]
        found = outermost_cue(tokens, floor, end, end + 1, self.vocab)
        if found is None and tokens[end].text in _SENTENCE_CLOSERS:
            # (a line without a sentence's end is a heading or a label: "Reality Competition"
            # over a list of quoted titles is nobody speaking)
            found = self._subject_of(tokens, floor, end)
        if found is not None:
            self.attribute(draft, tokens, found)

    def _subject_of(self, tokens: list[Token], floor: int, end: int) -> Attribution | None:
        """The subject opening the sentence ``tokens[floor..end]``, as an attribution."""
        start = after_introduction(tokens, floor, end)  # "On “Face the Nation,” Sanders …"
        mention = sentence_subject(tokens, start, end + 1, self.vocab)
        if mention is None and start > floor:
            mention = sentence_subject(tokens, floor, end + 1, self.vocab)
        return Attribution(mention) if mention is not None else None

    def _note_colon(self, index: int, tokens: list[Token], starts: list[int]) -> None:
        """Remember who speaks in a paragraph ending with "He said:" for the next one."""
        end = len(tokens) - 1
        while end >= 0 and tokens[end].text == ":":
            end -= 1
        floor = starts[end] if end >= 0 else 0
        found = clause_cue_before(tokens, floor, end, end + 1, self.vocab)
        if found is None:
            mention = clause_subject(tokens, floor, end + 1, self.vocab)
            found = Attribution(mention) if mention is not None else None
        if found is not None:
            self.colon = (index, tokens, found)


def _ends_with_colon(source: str, start: int, end: int) -> bool:
    """Whether ``source[start:end]`` ends with a colon, trailing white space aside."""
    last = source[end - 1] if end > start else ""
    if not last.isspace():
        return last == ":"  # the usual paragraph span ends on its last character
    return source[start:end].rstrip().endswith(":")


def extract_quotes(
    source: str, paragraphs: Sequence[Paragraph], vocab: Vocabulary, names: str | None = None
) -> list[Quote]:
    """Every quote of ``paragraphs`` (indices into this sequence), in reading order; the
    people and bodies speakers resolve to are read from ``names`` (``source`` with the parts
    to leave unread blanked, offsets kept), by default ``source`` itself."""
    extractor = _Extractor(source, vocab, names)
    for index, paragraph in enumerate(paragraphs):
        extractor.paragraph(index, paragraph)
    return [draft.build(source) for draft in extractor.drafts]
