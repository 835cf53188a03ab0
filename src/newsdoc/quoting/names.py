"""Find the speaker mention next to a cue verb: names, pronouns and common noun phrases.

All functions read a paragraph's token list (see :mod:`newsdoc.quoting.tokens`) and return a
:class:`Mention` with token indices, so spans stay on source offsets. The mention is kept
small (the name without its titles or appositions) because a speaker span must lie inside
the noun phrase an annotator would mark; titles and appositions become the ``role``.
"""

from __future__ import annotations

from newsdoc.quoting.tokens import quote_inner
from newsdoc.quoting.types import PUNCT, QUOTE, WORD, Mention, Token
from newsdoc.vocab import Vocabulary

MAX_NOUN_PHRASE = 6  # words in a common noun phrase speaker ("a senior administration official")
MAX_APPOSITION = 40  # tokens between the commas of an apposition ("X, who …, said")
MAX_TITLE_WORDS = 5  # words of a title quoted inside an apposition
_TITLE_SMALL_WORDS = frozenset(("a", "an", "and", "for", "in", "of", "on", "the", "to"))
_WEEKDAYS = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)
_DAYS = frozenset(("today", "tonight", "yesterday"))
_PERIODS = frozenset(("month", "week", "weekend", "year"))
_PARTICIPLE_PREPOSITIONS = frozenset(
    ("across", "along", "around", "at", "in", "inside", "near", "on", "outside", "through")
)
_FAMILY_SIZES = frozenset(("two", "three", "four", "five", "six", "seven", "eight"))
MAX_HEAD_NOUN = 3  # words of "a senior spokesman" in "a senior spokesman for the council"
MAX_DESCRIPTOR = 4  # words before a name that describe it ("Health board chairman")
_RELATIVES = frozenset(("who", "which"))
_HEAD_PREPOSITIONS = frozenset(("at", "for", "from", "of", "to"))
# phrases between a subject and its verb ("Smith in a statement said"); "at" and "for" head a
# noun phrase instead ("a professor at Harvard said")
_SUBJECT_PREPOSITIONS = frozenset(("during", "in", "on", "with"))
_ASIDES = frozenset(("instead", "meanwhile", "though"))  # adverbs set off by commas
_GOING_ON = frozenset(("continued", "continues", "on", "proceeded"))  # "went on to say"
_SOURCE_LINKS = frozenset((("familiar", "with"), ("close", "to")))  # anonymous sources
_AUXILIARIES = frozenset(("are", "had", "has", "have", "is", "was", "were", "will", "would"))
_DASHES = frozenset(("—", "–", "―", "--"))


def is_name_word(token: Token, vocab: Vocabulary) -> bool:
    """A capitalised word that can belong to a name (or a lower-case name particle)."""
    if token.kind != WORD:
        return False
    text = token.text
    if text[0].isupper():
        return text.lower() not in vocab.non_name_words
    return text in vocab.name_particles


def is_party_tag(token: Token) -> bool:
    """A party-and-state tag such as R-Wis. or D-Mo. (never a name)."""
    text = token.text
    return len(text) > 2 and text[1] == "-" and text[0] in "RDI" and text[2:3].isupper()


def is_possessive(token: Token) -> bool:
    """Whether the word ends in ’s or 's (Ukraine’s, officials’)."""
    return token.text.endswith(("’s", "'s", "’", "'"))


def _is_title(token: Token, vocab: Vocabulary) -> bool:
    return token.text in vocab.titles


def _is_skippable(token: Token, vocab: Vocabulary) -> bool:
    """Auxiliaries and adverbs between a subject and its verb (has also, later, flatly)."""
    if token.kind != WORD:
        return False
    lower = token.lower
    return lower in vocab.cue_modifiers or (
        token.text.islower()
        and lower.endswith("ly")
        and len(lower) > 4
        and lower not in vocab.ly_nouns
    )


def split_name_run(tokens: list[Token], first: int, last: int, vocab: Vocabulary) -> Mention:
    """Split a capitalised run into its titles (the role) and the name mention: the name starts
    after the last title word ("Fire Chief Aaron Whitlock")."""
    cut = first
    for index in range(first, last):
        if _is_title(tokens[index], vocab):
            cut = index + 1
    while cut < last and tokens[cut].text in vocab.name_particles:
        cut += 1
    if cut == first:
        return Mention(first, last, "name")
    role = " ".join(token.text for token in tokens[first:cut])
    role_span = (tokens[first].start, tokens[cut - 1].end)
    if cut == last:
        # "Sen. Sanders", "President Obama": with a lone surname the title is part of the
        # local mention, like an honorific
        return Mention(first, last, "name", role, role_span)
    return Mention(cut, last, "name", role, role_span)


def _name_run_ending(tokens: list[Token], last: int, floor: int, vocab: Vocabulary) -> int:
    """First index of the capitalised run that ends at ``last``."""
    first = last
    while first - 1 >= floor and is_name_word(tokens[first - 1], vocab):
        if is_possessive(tokens[first - 1]):
            break  # "Ukraine’s Zelensky": the possessive is not part of the name
        first -= 1
    while first < last and tokens[first].text in vocab.name_particles:
        first += 1
    return first


def _noun_phrase_ending(
    tokens: list[Token], last: int, floor: int, vocab: Vocabulary
) -> Mention | None:
    """A common noun phrase ending at ``last`` ("a senior official", "Clinton’s campaign")."""
    head = tokens[last]
    if head.kind != WORD:
        return None
    lower = head.text.lower()
    if lower in vocab.non_name_words or _is_skippable(head, vocab):
        return None
    if lower in vocab.speech_verbs or lower in vocab.np_determiners:
        return None
    if head.text.replace(",", "").isdigit():
        return None  # "2010 said": a year, not a speaker
    first = last
    while first - 1 >= floor and last - first + 1 < MAX_NOUN_PHRASE:
        token = tokens[first - 1]
        if token.kind != WORD:
            break
        lower = token.lower
        if lower in vocab.np_determiners:
            first -= 1
            break
        if lower in vocab.non_name_words or lower in vocab.speech_verbs:
            break
        if lower in vocab.speaker_pronouns:
            break
        if _is_skippable(token, vocab):
            break
        first -= 1
    return Mention(first, last, "noun")


def mention_ending(tokens: list[Token], last: int, floor: int, vocab: Vocabulary) -> Mention | None:
    """The speaker mention whose last token is ``tokens[last]``."""
    if last < floor:
        return None
    token = tokens[last]
    if token.text == ")":
        # "Rep. Jim Jordan (R-Ohio)": the name stands before the parenthesis
        while last >= floor and tokens[last].text != "(":
            last -= 1
        return mention_ending(tokens, last - 1, floor, vocab)
    if token.kind != WORD:
        return None
    lower = token.text.lower()
    if lower in vocab.speaker_pronouns:
        return Mention(last, last, "pronoun")
    if lower in _RELATIVES:
        # "Russia, which has warned": the local mention is "which", the speaker its antecedent
        before = last - 1
        if before >= floor and tokens[before].text == ",":
            before -= 1
        antecedent = mention_ending(tokens, before, floor, vocab)
        if antecedent is None:
            return None
        return Mention(last, last, "relative", antecedent.role, antecedent.role_span, antecedent)
    if is_name_word(token, vocab) and not is_possessive(token):
        first = _name_run_ending(tokens, last, floor, vocab)
        head_of = _head_before_of(tokens, first, last, floor, vocab)
        if head_of is not None:
            head_of = _with_descriptor(tokens, head_of, floor, vocab)
            return _with_head_noun(tokens, head_of, floor, vocab)
        if all(_is_title(tokens[index], vocab) for index in range(first, last + 1)):
            return _with_head_noun(tokens, Mention(first, last, "noun"), floor, vocab)
        mention = split_name_run(tokens, first, last, vocab)
        return _with_head_noun(
            tokens, _with_descriptor(tokens, mention, floor, vocab), floor, vocab
        )
    if lower in _FAMILY_SIZES and last - 2 >= floor and tokens[last - 1].lower == "of":
        head = mention_ending(tokens, last - 2, floor, vocab)  # "a mother of three"
        return None if head is None else Mention(head.first, last, head.kind)
    noun = _noun_phrase_ending(tokens, last, floor, vocab)
    return None if noun is None else _with_head_noun(tokens, noun, floor, vocab)


def _with_descriptor(
    tokens: list[Token], mention: Mention, floor: int, vocab: Vocabulary
) -> Mention:
    """ "Health board chairman Derek Fallon": the words describing the name join its role."""
    start = mention.first
    if mention.role_span is not None:
        while start > floor and tokens[start - 1].end > mention.role_span[0]:
            start -= 1
    index = start - 1
    while index >= floor and start - index <= MAX_DESCRIPTOR:
        token = tokens[index]
        lower = token.lower
        if token.kind != WORD or lower in vocab.non_name_words or lower in vocab.np_determiners:
            break
        if lower in vocab.speech_verbs or lower in vocab.cue_modifiers:
            break
        if token.text.islower() and lower.endswith(("ed", "ing", "ly")):
            break
        index -= 1
        if is_possessive(token):
            break  # "Ukraine’s president": the possessive closes the descriptor
    if index + 1 == start or not any(t.text.islower() for t in tokens[index + 1 : start]):
        return mention
    role_first = index + 1
    return Mention(
        mention.first,
        mention.last,
        mention.kind,
        words_text(tokens, role_first, mention.first - 1),
        (tokens[role_first].start, tokens[mention.first - 1].end),
    )


def _with_head_noun(
    tokens: list[Token], mention: Mention, floor: int, vocab: Vocabulary
) -> Mention:
    """ "A spokesman for the council": the person is the noun before the preposition."""
    index = mention.first - 1
    while index > floor and _is_title(tokens[index], vocab):
        index -= 1  # "Aides to Senator Bill Ruiz": the title is the name's
    if index >= floor and tokens[index].lower in vocab.np_determiners:
        index -= 1
    if index - 1 < floor:
        return mention
    before = tokens[index - 1]
    if before.kind != WORD:
        return mention
    people = _plural_person(before.lower, vocab)
    preposition = tokens[index].lower
    if preposition not in _HEAD_PREPOSITIONS and not (people and preposition == "with"):
        return mention  # "with" heads a phrase of people only: "officials with the Pentagon"
    if not before.text.islower():
        # "Officials at Homeland Security Investigations said": unnamed people of the body
        if _opens_sentence(tokens, index - 1, floor) and people:
            return Mention(index - 1, mention.last, "noun")  # (the name's title is not theirs)
        return mention
    head = _noun_phrase_ending(tokens, index - 1, floor, vocab)
    if head is None:
        return mention
    if tokens[head.first].lower not in vocab.np_determiners and not (
        people and _opens_sentence(tokens, head.first, floor)
    ):
        return mention  # a bare plural heads the phrase only at the start: "Senior officials at"
    if head.last - head.first >= MAX_HEAD_NOUN:
        return mention  # "The ad uses footage of …" is a clause, not a noun phrase
    return Mention(head.first, mention.last, "noun")  # "a spokesman for Sen. Ruiz": no senator


def _opens_sentence(tokens: list[Token], index: int, floor: int) -> bool:
    return index == floor or tokens[index - 1].ends_sentence


def _plural_person(lower: str, vocab: Vocabulary) -> bool:
    """Whether ``lower`` is the plural of a noun for a person ("officials", "aides")."""
    singular = lower[:-1]
    return lower.endswith("s") and (
        singular in vocab.person_nouns or singular in vocab.unnamed_person_nouns
    )


def _head_before_of(
    tokens: list[Token], first: int, last: int, floor: int, vocab: Vocabulary
) -> Mention | None:
    """A name joined by "of"/"for": the person in "Zbigniew Rau of Poland", the whole name in
    "the Department for Education"."""
    of = first - 1
    if of >= floor and tokens[of].lower == "the":
        of -= 1
    if of - 1 < floor or tokens[of].lower not in ("of", "for"):
        return None
    before = tokens[of - 1]
    if not is_name_word(before, vocab) or is_possessive(before):
        return None
    head_first = _name_run_ending(tokens, of - 1, floor, vocab)
    deeper = _head_before_of(tokens, head_first, of - 1, floor, vocab)
    if deeper is not None and deeper.last < head_first:
        return deeper  # "Archbishop Aris Tanen of the Patriarchate of Jerusalem": the person
    head = split_name_run(tokens, head_first, of - 1, vocab)
    if all(_is_title(tokens[index], vocab) for index in range(head.first, head.last + 1)):
        return None  # "Secretary of State John Kerry": the name is after "of"
    words = [tokens[index].text for index in range(head.first, head.last + 1)]
    organisation = any(word in vocab.organisation_words for word in words)
    honorific = words[0] in vocab.honorifics
    if not organisation and (honorific or len(words) >= 2):
        return head
    return Mention(head_first, last, "name")


def subject_before(tokens: list[Token], verb: int, floor: int, vocab: Vocabulary) -> Mention | None:
    """The subject of the cue verb at ``verb``: "Mr. Rau said", "Sergei A. Ryabkov, a deputy
    foreign minister, said", "Russia, which has warned", "a source said"."""
    index = verb - 1
    while index >= floor:
        token = tokens[index]
        lower = token.text.lower()  # once, not at every test below (this runs for every cue)
        if _is_skippable(token, vocab):
            index -= 1
        elif lower in _WEEKDAYS and index - 1 >= floor and tokens[index - 1].lower == "on":
            index -= 2
        elif lower in _WEEKDAYS or lower in _DAYS:
            index -= 1  # "Smith Tuesday said", "Smith yesterday said"
        elif (
            lower in _PERIODS
            and index - 1 >= floor
            and tokens[index - 1].lower in ("last", "this", "next")
        ):
            index -= 2  # "Smith last week said"
        elif (
            lower == "time"
            and index - 2 >= floor
            and tokens[index - 1].lower == "the"
            and tokens[index - 2].lower == "at"
        ):
            index -= 3  # "Trump at the time said"
        elif lower == "to" and index - 1 >= floor and tokens[index - 1].lower in _GOING_ON:
            index -= 2  # "The source went on to say", "Smith continued to insist"
            if index >= floor and tokens[index].lower in ("go", "goes", "going", "went"):
                index -= 1
        elif token.text == ")":
            while index >= floor and tokens[index].text != "(":
                index -= 1
            index -= 1
        else:
            break
    if index < floor:
        return None
    if tokens[index].text == ",":
        return _apposition_subject(tokens, index, floor, vocab)
    dash = _dash_ending(tokens, index, floor)
    if dash is not None:
        return _dash_apposition_subject(tokens, dash, floor, vocab)
    participle = tokens[index].text
    if participle.islower() and participle.endswith("ed") and index - 1 >= floor:
        # "A report released last year found": the noun before the participle
        head = mention_ending(tokens, index - 1, floor, vocab)
        if head is not None and head.kind in ("name", "noun"):
            return head
    mention = mention_ending(tokens, index, floor, vocab)
    if mention is None:
        return None
    if (
        mention.first - 3 >= floor
        and (
            tokens[mention.first - 2].lower,
            tokens[mention.first - 1].lower,
        )
        in _SOURCE_LINKS
    ):
        # "a person familiar with the matter", "a source close to the family": one phrase
        head = mention_ending(tokens, mention.first - 3, floor, vocab)
        if head is not None and head.kind == "noun":
            return Mention(head.first, mention.last, "noun")
    if mention.first - 2 >= floor and tokens[mention.first - 1].lower in _SUBJECT_PREPOSITIONS:
        subject = _before_phrases(tokens, mention, floor, vocab)
        if subject is not None:
            return subject
    if mention.kind == "noun":
        return _participle_head(tokens, mention, floor, vocab) or mention
    return mention


def _before_phrases(
    tokens: list[Token], mention: Mention, floor: int, vocab: Vocabulary
) -> Mention | None:
    """ "Smith in a statement said", "Obama in an interview with CNN said": the subject stands
    before the prepositional phrases; "who has in the past said": before the auxiliary; "an
    aide who took part in the talks said": before the relative clause. None when nothing that
    reads as a subject stands there."""
    while True:
        before = mention.first - 2
        if tokens[before].lower in _AUXILIARIES:
            return subject_before(tokens, before, floor, vocab)
        earlier = mention_ending(tokens, before, floor, vocab)
        if earlier is None:
            return None
        opener = tokens[earlier.first - 1].lower if earlier.first > floor else ""
        if opener in _SUBJECT_PREPOSITIONS and earlier.first - 2 >= floor:
            mention = earlier  # one more phrase: "in an interview with CNN"
            continue
        if opener in _RELATIVES and earlier.first - 1 > floor:
            return subject_before(tokens, earlier.first - 1, floor, vocab)
        return earlier if _opens_subject(tokens, earlier, floor, vocab) else None


def _opens_subject(tokens: list[Token], mention: Mention, floor: int, vocab: Vocabulary) -> bool:
    """Whether ``mention`` can be a clause's subject: it opens the clause (not "who took part",
    "been living"), is no participle ("Speaking") and does not end with a verb ("a complaint
    unsealed")."""
    if mention.first > floor:
        previous = tokens[mention.first - 1]
        if previous.kind == WORD and previous.lower not in ("and", "but"):
            return False
    first, last = tokens[mention.first].text, tokens[mention.last].text
    if mention.first == mention.last and first[0].isupper() and first.endswith("ing"):
        return False  # "Speaking in Leeds, Smith said"
    return not (last.islower() and (last.endswith(("ed", "ing")) or last in vocab.finite_verbs))


def _participle_head(
    tokens: list[Token], mention: Mention, floor: int, vocab: Vocabulary
) -> Mention | None:
    """ "Protesters marching through the streets chanted": the noun before the participle
    phrase is the subject, not the object of its preposition."""
    preposition = mention.first - 1
    if preposition - 2 < floor or tokens[preposition].lower not in _PARTICIPLE_PREPOSITIONS:
        return None
    participle = tokens[preposition - 1]
    if not (participle.text.islower() and participle.lower.endswith("ing")):
        return None
    return mention_ending(tokens, preposition - 2, floor, vocab)


def _dash_ending(tokens: list[Token], index: int, floor: int) -> int | None:
    """The first token of a dash ending at ``index`` (— or --), or None."""
    if is_dash(tokens[index]):
        return index
    if tokens[index].text == "-" and index - 1 >= floor and tokens[index - 1].text == "-":
        return index - 1
    return None


def _dash_apposition_subject(
    tokens: list[Token], dash: int, floor: int, vocab: Vocabulary
) -> Mention | None:
    """Handle "A former candidate — John Doe, who lost in 2008 — said": the name the dashes
    enclose speaks, else the noun phrase before them."""
    opening = dash - 1
    while opening >= floor and dash - opening < MAX_APPOSITION:
        token = tokens[opening]
        if (token.kind == QUOTE and not _is_title_quote(token)) or token.ends_sentence:
            return None
        if is_dash(token) or (token.text == "-" and tokens[opening + 1].text != "-"):
            break
        opening -= 1
    else:
        return None
    first = opening + 1
    if opening < floor or first >= dash:
        return None
    if tokens[opening].text == "-" and opening - 1 >= floor and tokens[opening - 1].text == "-":
        opening -= 1
    if is_name_word(tokens[first], vocab):
        last = first
        while last + 1 < dash and is_name_word(tokens[last + 1], vocab):
            last += 1
        inner = mention_ending(tokens, last, first, vocab)
        if inner is not None and inner.kind == "name":
            return inner
    return mention_ending(tokens, opening - 1, floor, vocab) if opening > floor else None


def _is_title_quote(token: Token) -> bool:
    """A short quote in title case inside a noun phrase ("the author of “Going Viral,”")."""
    words = quote_inner(token.text).rstrip(",.;:”\"’' ").split(maxsplit=MAX_TITLE_WORDS)
    return 0 < len(words) <= MAX_TITLE_WORDS and all(
        word[:1].isupper() or word[:1].isdigit() or word in _TITLE_SMALL_WORDS for word in words
    )


def _apposition_subject(
    tokens: list[Token], comma: int, floor: int, vocab: Vocabulary
) -> Mention | None:
    """Handle "NAME, ROLE, said" or "ROLE, NAME, said": the name speaks, the rest is its role."""
    opening = comma - 1
    while opening >= floor and comma - opening < MAX_APPOSITION:
        token = tokens[opening]
        if (token.kind == QUOTE and not _is_title_quote(token)) or token.ends_sentence:
            return None
        if token.text == ",":
            break
        opening -= 1
    else:
        return None
    if opening < floor or opening + 1 >= comma:
        return None
    inner_first, inner_last = opening + 1, comma - 1
    while (
        opening - 2 >= floor
        and tokens[opening - 2].text == ","
        and _is_parenthetical(tokens[opening - 1], vocab)
    ):
        opening -= 2  # "Carr, 31, a photographer, said", "Sanders, meanwhile, who …, said"
    inner_head = tokens[inner_first]
    if inner_head.lower in _RELATIVES or (inner_first == inner_last and is_party_tag(inner_head)):
        antecedent = mention_ending(tokens, opening - 1, floor, vocab)
        if antecedent is not None and antecedent.kind == "noun" and opening - 1 > floor:
            # "Lord Condon, head of the council's unit, who …, said": the name the role
            # describes, not the unit
            named = _apposition_subject(tokens, opening, floor, vocab)
            if named is not None and named.kind == "name":
                return named
        return antecedent
    inner = mention_ending(tokens, inner_last, inner_first, vocab)
    if (
        inner is not None
        and inner.kind == "name"
        and inner.first == _name_start(tokens, inner_first, inner_last, vocab)
    ):
        outer = mention_ending(tokens, opening - 1, floor, vocab)
        if outer is not None and outer.kind == "noun":
            role_first = outer.first
            return Mention(
                inner.first,
                inner.last,
                "name",
                words_text(tokens, role_first, opening - 1),
                (tokens[role_first].start, tokens[opening - 1].end),
            )
        return inner
    outer = mention_ending(tokens, opening - 1, floor, vocab)
    if outer is None:
        return None
    if _is_skippable(inner_head, vocab) and inner_first == inner_last:
        return outer  # "Smith, however, said"
    for index in range(inner_first + 1, inner_last):
        if tokens[index].lower in _RELATIVES:
            inner_last = index - 1  # "a party operative who played …": the role is the noun
            break
    return Mention(
        outer.first,
        outer.last,
        outer.kind,
        words_text(tokens, inner_first, inner_last),
        (tokens[inner_first].start, tokens[inner_last].end),
    )


def _is_parenthetical(token: Token, vocab: Vocabulary) -> bool:
    """A word set off by commas after a name: an age (", 31,") or an adverb (", meanwhile,")."""
    return token.text.isdigit() or _is_skippable(token, vocab) or token.lower in _ASIDES


def _name_start(tokens: list[Token], first: int, last: int, vocab: Vocabulary) -> int:
    """Where the name starts in an apposition made only of titles and a name."""
    cut = first
    while cut < last and _is_title(tokens[cut], vocab):
        cut += 1
    return cut


def words_text(tokens: list[Token], first: int, last: int) -> str:
    """The words of ``tokens[first..last]`` as written (one space where the source has any)."""
    parts = [tokens[first].text]
    for index in range(first + 1, last + 1):
        token = tokens[index]
        gap = token.start > tokens[index - 1].end
        parts.append((" " if gap else "") + token.text)
    return "".join(parts)


def mention_text(tokens: list[Token], mention: Mention) -> str:
    """The mention's words as written (one space between words)."""
    return words_text(tokens, mention.first, mention.last)


def is_dash(token: Token) -> bool:
    """An em or en dash (or a double hyphen) introducing a speaker: “…” — Jane Doe."""
    return token.kind == PUNCT and token.text in _DASHES
