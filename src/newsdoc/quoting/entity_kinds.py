"""What a speaker's name names: a person, a body or place, an unnamed group, or no one.

The one decision behind every speaker kind (``Quote.speaker_kind``, ``Speaker.kind``): the
resolver (:mod:`~newsdoc.quoting.resolve`) asks it as it notes names, the quote extractor for
mentions it could not resolve, the speaker index for quotes built without a kind.

- A body or a place (:func:`names_a_body`): a name holding an organisation word ("Corp") or a
  place word ("Ocean") unless a first name opens it ("Ellen Park"); a name that is whole a
  country, city, outlet, company, institution or party of the gazetteers
  (``vocab/places.txt``, ``outlets.txt``, ``companies.txt``, ``institutions.txt``,
  ``parties.txt``); a shape no person's name has ("Ohio Democrat", "Port of Leith").
- An unnamed group or person: "Analysts", "Many", "the German" (``vocab/group_words.txt``,
  ``nationalities.txt``).
- A person: a full name otherwise; a lone word only with person evidence
  (:func:`lone_name_kind`): a first name, or where the article names it, a first name or an
  initial before it ("Maria Vantrexa"), ", who" or an age after it, or "said he" after it.
- No one: a sentence opener ("Sadly", "Adding", "Twelve") is never a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from newsdoc.model import SpeakerKind
from newsdoc.quoting.roles import head_noun
from newsdoc.vocab import Vocabulary

_Kept = TypeVar("_Kept")
_Key = TypeVar("_Key")
_POSSESSIVES = ("’s", "'s")
# after a lone word where the article names it: a person (", who", ", 52,", "said she") or a
# body (", which", "'s shares")
_PERSON_AFTER = re.compile(r", (?:who\b|\d{1,3},)| (?:said|says|told|added) (?:he|she)\b")
_BODY_AFTER = re.compile(r", which\b|[’']s shares\b| shares\b")
# heads of a thing's name that no surname is, so a first name before them does not make a
# person's name ("the Ellen Show" is a programme, unlike "Ellen Park")
_THING_HEADS = frozenset(
    (
        *("Awards", "Championship", "Championships", "Conference", "Cup", "Festival", "Games"),
        *("Marathon", "Olympics", "Prize", "Series", "Show", "Summit", "Tournament"),
    )
)  # heads of the names of events and programmes, no person's
_DESCRIPTOR_COMPOUND = re.compile(r"-[a-z]")  # "Oslo-born", not "Jean-Michel" or "al-Assad"
_CONTRACTION = re.compile(r"[’'](?:m|re|ve|ll|d|t)$")
_COMPASS = frozenset(
    (
        *("Central", "East", "Eastern", "Greater", "North", "Northeast", "Northern"),
        *("Northwest", "South", "Southeast", "Southern", "Southwest", "West", "Western"),
    )
)
_ROMAN = re.compile(r"[IVX]+")  # "Henry VIII": a numeral, not initials
AFTER_CHARS = 20  # how far after a mention its evidence is read
BEFORE_CHARS = 24  # ... and before it, for a first name
EVIDENCE_WINDOW = 10_000  # characters on each side of a mention read for evidence (bounded)
MAX_MENTIONS = 40  # places a lone word is looked at, so that a lookup costs a bounded time
MAX_ANSWERS = 50_000  # answers kept per vocabulary (then forgotten)
MAX_VOCABULARIES = 16  # vocabularies whose answers are kept at once
# id(vocabulary) -> (the vocabulary, run words -> whether they name a body)
_ANSWERS: dict[int, tuple[Vocabulary, dict[tuple[str, ...], bool]]] = {}
OPENING_CHARS = 6  # how far back a sentence's end is looked for before its first word
MIN_ADVERB = 6  # "Sadly": a shorter -ly word may be a name ("Daly", "Kelly")
# -ly endings of names, not of adverbs (Kelly, Connolly, Scully, Lilly, Healy)
_NAME_LY = ("elly", "olly", "ully", "illy", "aly")


def _whole_name(words: list[str]) -> str:
    """The name of ``words`` as a gazetteer writes it: no leading "The", no possessive."""
    if len(words) > 1 and words[0] == "The":
        words = words[1:]
    last = words[-1]
    if last.endswith(_POSSESSIVES):
        last = last[:-2]
    return " ".join([*words[:-1], last]).replace("’", "'")  # the files write "'"


def names_a_body(vocab: Vocabulary, words: list[str]) -> bool:
    """The run names a body, a place or a thing, not a person: it holds an organisation word,
    or a place word unless a first name opens it ("Pacific Ocean", not "Ellen Park"); it is
    whole a place, outlet, company, institution or party of the gazetteers ("Hong Kong",
    "Toronto Star"); or its shape says so: a group word or a thing's head closing it ("Royal
    Family", "the Voss Show"), a body after a possessive, an opener in it, nothing but place,
    party and nationality words ("Ohio Democrat"), a nationality and no first name, a law, "of"
    without a title, initials closing it, a place or a body opening it before no first name.
    Answers are kept per vocabulary: the scan asks for the same runs again and again."""
    return kept_answer(_ANSWERS, vocab, tuple(words), lambda: _names_a_body(vocab, words))


def kept_answer(
    store: dict[int, tuple[Vocabulary, dict[_Key, _Kept]]],
    vocab: Vocabulary,
    key: _Key,
    answer: Callable[[], _Kept],
) -> _Kept:
    """The answer ``store`` keeps for ``vocab`` and ``key``, worked out by ``answer()`` on the
    first ask (``MAX_ANSWERS`` are kept per vocabulary, then forgotten)."""
    answers = per_vocabulary(store, vocab, dict)
    found = answers.get(key)
    if found is None:
        if len(answers) >= MAX_ANSWERS:
            answers.clear()
        found = answers[key] = answer()
    return found


def per_vocabulary(
    store: dict[int, tuple[Vocabulary, _Kept]], vocab: Vocabulary, make: Callable[[], _Kept]
) -> _Kept:
    """What ``store`` keeps for ``vocab``, made by ``make()`` on the first ask (at most
    ``MAX_VOCABULARIES`` are kept at once)."""
    entry = store.get(id(vocab))
    if entry is None or entry[0] is not vocab:  # (an id may be reused by a new vocabulary)
        if len(store) >= MAX_VOCABULARIES:
            store.clear()
        entry = store[id(vocab)] = (vocab, make())
    return entry[1]


def _names_a_body(vocab: Vocabulary, words: list[str]) -> bool:
    if not vocab.organisation_words.isdisjoint(words):
        return True
    if len(words) > 1 and words[0] in vocab.name_adjectives:
        return words[1] not in vocab.first_names  # "New Labour", not "Grand Master Flash"
    if len(words) > 1 and all(word.isupper() for word in words):
        # "REPORT TERSELY", "BREAKING NEWS": a label in capitals, unless a first name opens it
        return words[0].capitalize() not in vocab.first_names
    if len(words) > 1 and words[-1] in _THING_HEADS:
        return True  # "the Ellen Show": a programme, though a first name opens it
    if not vocab.place_words.isdisjoint(words):
        return words[0] not in vocab.first_names
    if not words:
        return False
    name = _whole_name(words)
    for known in (name, "The " + name):  # "The Hill", "Hill" alike
        if known in vocab.places or known in vocab.known_bodies or known in vocab.agencies:
            return True
    if name in vocab.region_abbreviations:
        return True  # "New Jersey"
    if len(words) == 1:
        return False
    if words[-1].lower() in vocab.group_words:
        return True  # "Project Journalists", "Royal Family": a group, no one person
    for index, word in enumerate(words[:-1]):
        if word.endswith(_POSSESSIVES) and _names_a_body(vocab, words[index + 1 :]):
            return True  # "Helen Voss's Twitter": the body after a possessive
    if any(word.lower() in vocab.sentence_openers for word in words):
        return True  # "Twelve Nights", "Thereafter Duly": a title, no one's name
    if all(_describes_place(word, vocab) or word in _COMPASS for word in words):
        return True  # "Ohio Democrat", "East Berlin"
    if words[0] not in vocab.first_names and not vocab.nationalities.isdisjoint(words):
        # "Dutch Growers": a nationality, and no first name
        return not any(word in vocab.first_names for word in words)
    if words[-1] == "Bill" and words[-2] not in vocab.first_names:
        return True  # "the Water Bill": a law, though "Bill" is a first name
    if "of" in words and words[0] not in vocab.titles:
        return True  # "Port of Leith", "Bank of Japan" (but "Prince of Wales")
    last = words[-1]
    if last.isupper() and last.isalpha() and not _ROMAN.fullmatch(last) and not name.isupper():
        return True  # "Boston EMS": initials close a body's name, not a person's
    # a place or a body opening the run, then no first name: "Los Angeles Lakers", "Reuters
    # Breakingviews", not "Chelsea Clinton"
    if words[0] in vocab.first_names:
        return False
    for size in (1, 2):
        opening = " ".join(words[:size])
        if size < len(words) and (opening in vocab.places or opening in vocab.known_bodies):
            return words[size] not in vocab.first_names
    return False


def _describes_place(word: str, vocab: Vocabulary) -> bool:
    return (
        word in vocab.places
        or word in vocab.region_abbreviations
        or word in vocab.known_bodies
        or word in vocab.nationalities
    )


def is_sentence_opener(word: str, vocab: Vocabulary) -> bool:
    """Whether the capitalised ``word``, opening a sentence alone, is no name and no speaker:
    an adverb or interjection ("Sadly", "Oh"), a number word ("Twelve"), a function word
    ("Here"), a speech verb's -ing form ("Adding: …")."""
    if word in vocab.first_names:
        return False
    lower = word.lower()
    if (
        lower in vocab.sentence_openers
        or lower in vocab.stop_words
        or lower in vocab.non_name_words
    ):
        return True
    if lower.endswith("ing") and lower in vocab.speech_verbs:
        return True
    return len(lower) >= MIN_ADVERB and lower.endswith("ly") and not lower.endswith(_NAME_LY)


def opens_sentence(source: str, position: int) -> bool:
    """Whether ``position`` starts a sentence: the text before it, spaces and quote marks
    aside (a quote's closing mark too: “… ever.” Twelve films …), is empty or ends one."""
    before = source[max(0, position - OPENING_CHARS) : position].rstrip(" “”\"‘’'")
    return not before or before[-1] in ".?!:\n"


def lone_word_kind(word: str, vocab: Vocabulary) -> SpeakerKind | None:
    """What a lone capitalised word names by itself, or None when it says nothing (most
    surnames, and company names the gazetteers lack)."""
    if word.lower() in vocab.group_words or word in vocab.nationalities:
        return "anonymous"  # "Analysts said", "said the German"
    if word in vocab.titles or is_sentence_opener(word, vocab):
        return "anonymous"  # "President said": a role, no name
    if word.isupper() and word.isalpha():
        return "organisation"  # "IMF", "CBS": a body's initials
    if names_a_body(vocab, [word]):
        return "organisation"
    if word in vocab.first_names:
        return "person"  # "Lisa said": a first name alone is still a person's
    return None


def trim_name_words(
    words: list[str], vocab: Vocabulary, written_lower: Callable[[str], bool] | None = None
) -> list[str]:
    """``words`` without what the text glued to a name: a pronoun, an opener or a first name
    after it ("Voss I", "Helen Voss John"); before it, an opener or a group word ("Including
    Helen Voss", "Neither Voss", "It's Helen", "Several Republicans"), a descriptor compound
    ("Oslo-born Voss"), a contraction ("I’m President") or a word in capitals ("IMAGES
    Voss"); and in a run of three words or more, the capitalised words before a first name
    that are none ("Trade Affairs Helen Voss"), or a first word that names a place, a body or
    a group, or that the text also writes in lower case (``written_lower``: "Harvest Josune
    Voss")."""
    while len(words) > 1 and (
        words[-1].lower() in vocab.speaker_pronouns
        or words[-1].lower() in vocab.sentence_openers
        or _CONTRACTION.search(words[-1]) is not None  # "Kendall I’m": the next sentence's
    ):
        words = words[:-1]
    if len(words) > 2 and words[-1] in vocab.first_names and words[-2] not in vocab.first_names:
        words = words[:-1]  # "Helen Voss John": the next sentence's first name, run on
    for index in range(1, len(words) - 1):
        if words[index] in vocab.first_names:
            if all(word[:1].isupper() and word not in vocab.first_names for word in words[:index]):
                words = words[index:]
            break
    body = names_a_body(vocab, words)  # "Bank of England" stays whole
    while len(words) > 1 and words[0] not in vocab.first_names and words[0] != "New":
        # (a stop word, but "New" opens names of places and bodies: "New Yorker")
        first = words[0]
        bare = first[:-2] if first.endswith(_POSSESSIVES) else first
        if not (
            is_sentence_opener(bare, vocab)
            or bare.endswith("ing")
            or bare.lower() in vocab.group_words  # "Several Republicans"
            or _DESCRIPTOR_COMPOUND.search(bare) is not None  # "Oscar-winning", "Oslo-born"
            or _CONTRACTION.search(bare) is not None  # "I’m", "We’re"
            or (bare.isupper() and len(bare) > 2 and not words[1].isupper())  # "IMAGES Voss"
        ):
            if body or len(words) < 3:
                break
            if lone_word_kind(bare, vocab) in (None, "person") and not (
                written_lower is not None and written_lower(bare)
            ):
                break
        words = words[1:]
    return words


def name_evidence(name: str, source: str, position: int, vocab: Vocabulary) -> SpeakerKind | None:
    """What the article says ``name`` (mentioned at ``position``) is, where it names it within
    ``EVIDENCE_WINDOW``: a person's when a first name, an initial, an honorific or a title
    comes before it ("Maria Vantrexa", "M. Vantrexa", "Dr Vantrexa"), or ", who", an age or
    "said he" after it; a body's when an organisation word, ", which" or "shares" follows
    it; None when the article says neither."""
    start = max(0, position - EVIDENCE_WINDOW)
    end = min(len(source), position + EVIDENCE_WINDOW)
    count = 0
    at = source.find(name, start, end)
    while at >= 0 and count < MAX_MENTIONS:
        after = at + len(name)
        next_at = source.find(name, after, end)
        if (at and _inside_word(source[at - 1], "’'-")) or (
            after < len(source) and _inside_word(source[after], "-")
        ):
            at = next_at
            continue  # "Lee" of "Leeds": not the name
        count += 1
        before = source[max(0, at - BEFORE_CHARS) : at]
        words_before = before.split()
        if before.endswith(" ") and words_before and _marks_person(words_before[-1], vocab):
            return "person"
        following = source[after : after + AFTER_CHARS]
        if _PERSON_AFTER.match(following):
            return "person"
        next_word = following[1:].split(" ", 1)[0].rstrip(".,;:")
        if following.startswith(" ") and next_word in vocab.organisation_words:
            return "organisation"  # "Vantrexa Corp"
        if _BODY_AFTER.match(following):
            return "organisation"
        at = next_at
    return None


def _inside_word(character: str, joiners: str) -> bool:
    """Whether ``character`` next to a match makes it part of a longer word."""
    return character.isalnum() or character == "_" or character in joiners


def _marks_person(word: str, vocab: Vocabulary) -> bool:
    """Whether ``word``, right before a lone name, makes it a person's: a first name, an
    initial ("J."), an honorific or a role title."""
    if word in vocab.first_names or word in vocab.honorifics or word in vocab.role_titles:
        return True
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def lone_name_kind(word: str, source: str, position: int, vocab: Vocabulary) -> SpeakerKind:
    """What a lone name word that no full name, title or honorific explains is: what the word
    says by itself (:func:`lone_word_kind`), else what the article says of it
    (:func:`name_evidence`), else a body: a person needs person evidence, and most lone words
    that speak unexplained are companies ("Vantrexa said")."""
    found = lone_word_kind(word, vocab) or name_evidence(word, source, position, vocab)
    return found or "organisation"


def kind_of_name(name: str, vocab: Vocabulary, source: str = "", position: int = 0) -> SpeakerKind:
    """A speaker's kind from its name and the article's ``source`` (for a quote built without
    one; ``position``: where the article names it): a pronoun or a lower-case word is someone
    unnamed, a body's or place's name an organisation, a lone word what
    :func:`lone_name_kind` says, else a person."""
    words = name.split()
    if not name[:1].isupper() or name.lower() in vocab.speaker_pronouns:
        return "anonymous"
    if len(words) == 1:
        return lone_name_kind(name, source, position, vocab)
    if names_a_body(vocab, words) or name.isupper():
        return "organisation"
    return "person"


def description_kind(words: list[str], vocab: Vocabulary) -> SpeakerKind:
    """What an unresolved mention that is no name stands for: a document ("the report"), a
    body ("the agency"), or someone unnamed ("a senior official", "he")."""
    head = head_noun(words)
    if head in vocab.document_nouns:
        return "document"
    if head in vocab.organisation_nouns:
        return "organisation"
    return "anonymous"
