"""Match cue verbs around a quote and read off the speaker mention.

The forms covered, on a paragraph's tokens (``Q`` is a quote token):

- right frames: ``Q, said X`` / ``Q, X said`` / ``Q — X`` / ``Q, according to X``;
- left frames: ``X said: Q`` / ``X said, Q`` / ``According to X, Q``;
- clause cues for partial quotes: ``X said that … Q …``, ``what he called a Q``,
  ``X was quoted as saying Q``, ``Russia, which has warned of a Q response``.
"""

from __future__ import annotations

import attrs

from newsdoc.quoting.clauses import (
    after_introduction,
    clause_start,
    opening_subject,
    sentence_subject,
)
from newsdoc.quoting.cues import PASSIVE, cue_at, cues_in, is_adverb, is_verb_like
from newsdoc.quoting.inverted import mention_after
from newsdoc.quoting.names import (
    is_dash,
    is_name_word,
    is_possessive,
    mention_ending,
    subject_before,
)
from newsdoc.quoting.tokens import sentence_end
from newsdoc.quoting.types import QUOTE, WORD, Mention, Token
from newsdoc.vocab import Vocabulary

# cues that take no listener after them, so "…, said Jane Doe." names the speaker
_INVERTED_CUES = frozenset(("added", "explained", "noted", "said", "says", "wrote"))
MAX_FRAME_TO_CUE = 24  # tokens from the quote to the cue in a right frame
# participles of labelling: "X was criticised as “…”" gives others' words about X
_LABELLED = frozenset(
    (
        *("considered", "criticised", "criticized", "known", "labeled", "labelled"),
        *("named", "regarded", "seen", "viewed"),
    )
)


@attrs.frozen(slots=True)
class Attribution:
    """A speaker mention and the token range of its cue (none for "Q — X")."""

    mention: Mention
    cue_first: int | None = None
    cue_last: int | None = None


def _speaker_of_cue(
    tokens: list[Token], first: int, last: int, floor: int, ceiling: int, vocab: Vocabulary
) -> Mention | None:
    """The mention a cue reports: after "according to", else its subject, else inverted."""
    cue = tokens[first].text.lower()  # once: the tests below read it again and again
    if cue == "according":
        return mention_after(tokens, last + 1, ceiling, vocab)
    participle = cue.endswith("ing")
    if participle and first == floor and tokens[first].text[0].isupper():
        # "Calling the bans “…,” the administration filed": the phrase the participle opens
        # introduces the main clause, whose subject speaks (whom it calls or tells does not)
        end = sentence_end(tokens, first)
        main = after_introduction(tokens, first, end - 1)
        subject = None
        if main > first:
            subject = opening_subject(tokens, main, end, vocab)
            subject = subject or sentence_subject(tokens, main, end, vocab)
        # "Insisting that “…,” you might think": a reader addressed, not a speaker
        return None if subject is None or tokens[subject.first].lower == "you" else subject
    if participle and first > floor and tokens[first - 1].text == ",":
        # "…, saying": the speaker is the main clause's subject ("His aide doubled down,
        # saying she was “…”"), unless an earlier cue of the clause names it first
        if first - 1 == floor:
            return None  # "“…,” telling reporters": whom it tells, not who speaks
        main = after_introduction(tokens, floor, first - 1)  # "In a statement, Smith …"
        return opening_subject(tokens, main, first - 1, vocab)
    if tokens[first - 1].text == "," and cue in _INVERTED_CUES:
        # "“…” for Clinton, forcing her to fight, said Brad Bannon.": a name closing the
        # sentence after the cue is the speaker, not the apposition before it
        inverted = mention_after(tokens, last + 1, ceiling, vocab)
        if (
            inverted is not None
            and inverted.kind == "name"
            and inverted.last > inverted.first  # "said Tuesday" names no one
        ):
            after = inverted.last + 1
            if after >= ceiling or tokens[after].text in ",.;" or tokens[after].kind == QUOTE:
                return inverted
    verb = first
    if (
        cue == "saying"
        and first - 2 >= floor
        and tokens[first - 1].lower == "as"
        and tokens[first - 2].lower == "quoted"
    ):
        verb = first - 2  # "he was quoted as saying": the subject stands before "quoted"
    mention = subject_before(tokens, verb, floor, vocab)
    if mention is not None and mention.kind == "noun" and participle:
        # "Pell, who has spent months insisting": a participle's noun is rarely its subject;
        # "the council issued a statement calling": whoever issued it speaks
        issuer = None
        if mention.first - 1 > floor and is_verb_like(tokens[mention.first - 1], vocab):
            issuer = subject_before(tokens, mention.first - 1, floor, vocab)
        opening = after_introduction(tokens, floor, first - 1)  # "Hours later, Pell …"
        mention = issuer or sentence_subject(tokens, opening, first - 1, vocab) or mention
    if mention is not None:
        return mention
    if first - 1 >= floor and (tokens[first - 1].lower == "and" or participle):
        # "Trump weighed in and said", "Pell, who spent months insisting", "The nominee
        # outlined his plan and vowed": the clause subject
        mention = sentence_subject(tokens, floor, first - 1, vocab)
        if mention is None and tokens[first - 1].lower == "and":
            mention = opening_subject(tokens, floor, first - 1, vocab)
        return mention
    # inverted only when the cue opens the frame: "“…,” said Mr. Rau"
    opens_frame = first == floor or tokens[first - 1].kind == QUOTE
    if not opens_frame and tokens[first - 1].text == ",":
        opens_frame = first - 1 == floor or tokens[first - 2].kind == QUOTE
    if opens_frame and not participle:
        return mention_after(tokens, last + 1, ceiling, vocab)
    if tokens[first - 1].text == ",":
        # "“…” but to take the lead, says Evan Tracey": inverted after the quote's own words
        mention = mention_after(tokens, last + 1, ceiling, vocab)
        if mention is not None and mention.kind == "name":
            return mention
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
    for position, last in cues_in(tokens, index, limit, vocab):
        mention = _speaker_of_cue(tokens, position, last, index, stop, vocab)
        if mention is not None:
            return Attribution(mention, position, last)
        return None
    return _unlisted_verb_frame(tokens, index, limit, vocab)


def _unlisted_verb_frame(
    tokens: list[Token], index: int, limit: int, vocab: Vocabulary
) -> Attribution | None:
    """“…,” Viguerie notes. — a name or pronoun right after the quote, then a verb-like word
    the cue list lacks; “…!” beamed Donald Hartley; “…,” Murphy, the head of the PAC, …"""
    opener = tokens[index]
    if opener.kind == WORD and opener.text.islower() and is_verb_like(opener, vocab):
        mention = mention_after(tokens, index + 1, limit, vocab)
        if mention is not None and mention.kind in ("name", "pronoun"):
            return Attribution(mention, index, index)
    if is_name_word(opener, vocab) and opener.text not in vocab.titles:
        last = index
        while last + 1 < limit and is_name_word(tokens[last + 1], vocab):
            last += 1
        following = tokens[last + 1] if last + 1 < len(tokens) else None
        if not is_possessive(tokens[last]) and (following is None or following.text in ",.("):
            mention = mention_ending(tokens, last, index, vocab)
            if mention is not None and mention.kind == "name":
                return Attribution(mention)  # the name alone after the quote is its byline
    for position in range(index + 1, limit):
        token = tokens[position]
        if token.kind != WORD or not token.text.islower():
            continue
        if not is_verb_like(token, vocab) or token.lower in vocab.cue_modifiers:
            return None
        mention = subject_before(tokens, position, index, vocab)
        if mention is None or mention.kind == "noun":
            return None
        starts = (
            mention.first
            if mention.role_span is None
            else min(mention.first, _token_at(tokens, mention.role_span[0], index))
        )
        return Attribution(mention, position, position) if starts == index else None
    return None


def _token_at(tokens: list[Token], offset: int, floor: int) -> int:
    for position in range(floor, len(tokens)):
        if tokens[position].start >= offset:
            return position
    return floor


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
    found = None
    if introduced and cue_at(tokens, end, vocab) == end and end - 1 > floor:
        # "Clinton noted that … ― Trump boasted, “…”": a name right before the cue that
        # introduces the quote speaks
        mention = mention_ending(tokens, end - 1, floor, vocab)
        if (
            mention is not None
            and mention.kind == "name"
            and mention.first > floor
            and tokens[mention.first - 1].kind != WORD
        ):
            found = Attribution(mention, end, end)
    found = found or outermost_cue(tokens, floor, end, quote, vocab)
    if found is None and tokens[quote - 1].text == ":" and is_name_word(tokens[end], vocab):
        mention = mention_ending(tokens, end, floor, vocab)
        told = mention is not None and any(
            cue_at(tokens, i, vocab) is not None for i in range(floor, mention.first)
        )
        if mention is not None and mention.kind == "name" and not told:
            return Attribution(mention)  # "Pollster Dana Reyes: “…”": the colon is the cue
    passive = end > floor and tokens[end].lower.endswith("ed") and tokens[end - 1].lower in PASSIVE
    if found is None and introduced and not passive:  # "Smith was asked, “…”": not Smith's
        # "When Brown criticized him, Hillary shot back, “…”": the verb introducing the quote
        mention = clause_subject(tokens, floor, end + 1, vocab, nearest=True)
        if mention is None:
            # "Dean, a doctor, poked at Trump, tweeting, “…”", "The piece used it as its
            # headline: “…”": the subject opening the sentence
            mention = opening_subject(tokens, floor, end + 1, vocab)
        if mention is not None:
            found = Attribution(mention)
    return found


def clause_cue_before(
    tokens: list[Token], floor: int, end: int, ceiling: int, vocab: Vocabulary
) -> Attribution | None:
    """The nearest cue at or before ``end`` (down to ``floor``) that has a speaker."""
    for position in range(end, floor - 1, -1):
        last = cue_at(tokens, position, vocab)
        if last is None:
            continue
        mention = _speaker_of_cue(tokens, position, last, floor, ceiling, vocab)
        if mention is not None:
            return Attribution(mention, position, last)
    return None


def outermost_cue(
    tokens: list[Token], floor: int, end: int, ceiling: int, vocab: Vocabulary
) -> Attribution | None:
    """The first cue of the clause with a speaker: in "Bolton said he would advise Trump on
    the “…”", Bolton reports the whole clause, not "he"."""
    start = clause_start(tokens, floor, end)
    naming: Attribution | None = None
    relative: Attribution | None = None
    introduced = False  # the first cue put aside stands in an introduction
    main = after_introduction(tokens, start, end)
    for position, last in cues_in(tokens, start, end + 1, vocab):
        floor_of_cue = main if position >= main else start
        mention = _speaker_of_cue(tokens, position, last, floor_of_cue, ceiling, vocab)
        if mention is None:
            continue
        if naming is None and _is_naming(tokens, position, start):
            naming = Attribution(mention, position, last)
            continue  # "what he called a “…”" names; a reporting cue of the clause wins
        if (mention.kind == "relative" and position < end) or position < main:
            # "Clinton, who called Sanders, told her supporters, “…”", "While he acknowledged
            # it, Ham noted “…”": the main clause's verb reports
            if relative is None:
                relative = Attribution(mention, position, last)
                introduced = position < main and tokens[start].lower != "as"
            continue
        return Attribution(mention, position, last)
    if relative is not None and introduced:
        # "When Trump announced his run, he called migrants “…”": the main clause, which has
        # no cue, is its subject's ("As Reuters reported, …" keeps the reporter)
        subject = opening_subject(tokens, main, end + 1, vocab)
        if (
            subject is not None
            and subject.first != relative.mention.first
            and (
                subject.kind in ("name", "pronoun")
                or tokens[subject.first].lower in vocab.np_determiners
            )
        ):
            return Attribution(subject)
    if relative is not None:
        return relative
    if naming is not None:
        # "It is denouncing what it calls “…”": the clause's subject, whom the pronoun
        # stands for, reports the naming (a named "what Smith called" stays Smith's)
        subject = None
        if naming.mention.kind == "pronoun":
            subject = opening_subject(tokens, start, naming.mention.first, vocab)
        if subject is None:
            subject = clause_subject(tokens, start, naming.mention.first, vocab)
            if subject is not None and subject.kind == "pronoun":
                subject = None
        if subject is not None:
            return Attribution(subject)
    return naming


def _is_naming(tokens: list[Token], position: int, floor: int) -> bool:
    """Whether the cue is "what he called" / "what it calls": naming, not reporting."""
    return (
        tokens[position].lower.startswith("call")
        and position - 2 >= floor
        and tokens[position - 2].lower in ("what", "whom")
    )


def clause_subject(
    tokens: list[Token], floor: int, quote: int, vocab: Vocabulary, *, nearest: bool = False
) -> Mention | None:
    """For a partial quote without a speech cue ("Clinton called his supporters “…”"), the
    first subject-like mention of its clause: a personal pronoun, or a name followed by a
    verb-like word."""
    start = clause_start(tokens, floor, quote - 1)
    if not nearest:
        main = after_introduction(tokens, start, quote - 1)
        if main > start:  # "Although X did not, it referenced “…”": the main clause first
            found = opening_subject(tokens, main, quote, vocab)
            found = found or clause_subject(tokens, main, quote, vocab)
            if found is not None:
                return found
    order = range(quote - 1, start - 1, -1) if nearest else range(start, quote)
    for position in order:
        token = tokens[position]
        if token.kind != WORD:
            continue
        lower = token.text.lower()
        pronoun = lower in vocab.speaker_pronouns and lower not in ("it", "you")
        if not pronoun and (not is_name_word(token, vocab) or is_possessive(token)):
            continue
        following = position + 1
        while following < quote and is_adverb(tokens[following], vocab):
            following += 1
        if _reported_of(tokens, following, quote, vocab):
            return None  # "She was told to “smile”": someone else's words about her
        if pronoun:
            return Mention(position, position, "pronoun")
        if following < quote and is_verb_like(tokens[following], vocab):
            return mention_ending(tokens, position, start, vocab)
    return None


def _reported_of(tokens: list[Token], index: int, quote: int, vocab: Vocabulary) -> bool:
    """Whether a passive speech or labelling verb starts at ``index`` ("was said to be", "is
    called", "has been criticised as", "is seen as")."""
    if index < quote and tokens[index].lower in ("has", "have", "had"):
        index += 1
    if index + 1 >= quote or tokens[index].lower not in PASSIVE:
        return False
    verb = tokens[index + 1].lower
    return verb in vocab.speech_verbs or verb in _LABELLED


def clause_cue_after(
    tokens: list[Token], first: int, stop: int, vocab: Vocabulary
) -> Attribution | None:
    """The first cue after a partial quote in the rest of its sentence ("…, Smith said")."""
    for position, last in cues_in(tokens, first, stop, vocab):
        mention = _speaker_of_cue(tokens, position, last, first, stop, vocab)
        if mention is not None:
            return Attribution(mention, position, last)
    return None
