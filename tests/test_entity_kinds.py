"""The one decision of what a speaker's name names (``newsdoc.quoting.entity_kinds``)."""

from __future__ import annotations

import attrs
import pytest

from newsdoc import parse
from newsdoc.model import Quote, Span
from newsdoc.quoting.entity_kinds import (
    is_sentence_opener,
    kind_of_name,
    name_evidence,
    names_a_body,
    opens_sentence,
    trim_name_words,
)
from newsdoc.speakers import build_speakers
from newsdoc.vocab import Vocabulary, default_vocabulary

VOCAB = default_vocabulary()


@pytest.mark.parametrize(
    "name",
    [
        "Norway",  # a country
        "Kuala Lumpur",  # a city
        "New Jersey",  # a state (regions.txt)
        "The Washington Examiner",  # an outlet, a leading "The" aside
        "Google’s",  # a company, a possessive aside
        "Tories",  # a party
        "Ohio Democrat",  # nothing but place and party words
        "East Berlin",  # a compass word and a place
        "Dutch Growers",  # a nationality and no first name
        "Boston Harbor Lakers",  # a place opening the run, then no first name
        "Boston EMS",  # initials closing the run
        "Port of Leith",  # "of" without a title
        "Water Bill",  # a law
        "Hurricane Irene",  # an event word
        "Glacier Marathon",  # an event's head closing the run
    ],
)
def test_names_a_body(name: str) -> None:
    """Gazetteer names and the shapes of bodies, places and things are no person's."""
    assert names_a_body(VOCAB, name.split())


@pytest.mark.parametrize(
    "name", ["Maria Kenya", "Helen Voss", "Prince of Wales", "Henry VIII", "Chad Okonjo"]
)
def test_person_names_are_no_body(name: str) -> None:
    """A first name opening it, a title before "of", a regnal numeral keep a name a person's."""
    assert not names_a_body(VOCAB, name.split())


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Reuters", "organisation"),
        ("Google", "organisation"),
        ("IMF", "organisation"),
        ("Critics", "anonymous"),
        ("German", "anonymous"),
        ("President", "anonymous"),
        ("a senior official", "anonymous"),
        ("she", "anonymous"),
        ("Lisa", "person"),
        ("Vantrexa", "organisation"),  # a lone word with nothing to say it is a person's
        ("Helen Voss", "person"),
        ("Toronto Star", "organisation"),
    ],
)
def test_kind_of_name(name: str, kind: str) -> None:
    """The kind a name tells by itself (no article to read)."""
    assert kind_of_name(name, VOCAB) == kind


def test_kind_of_name_reads_the_article_for_a_lone_word() -> None:
    """With the article's text, a lone word that it gives a first name is a person's."""
    source = "Union chief Maria Vantrexa spoke. “No,” Vantrexa said."
    assert kind_of_name("Vantrexa", VOCAB, source, source.rindex("Vantrexa")) == "person"


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("Maria Vantrexa spoke first. Vantrexa said so.", "person"),  # a first name before it
        ("M. Vantrexa spoke first. Vantrexa said so.", "person"),  # an initial
        ("Dr Vantrexa spoke first. Vantrexa said so.", "person"),  # an honorific
        ("Vantrexa, who chairs it, spoke. Vantrexa said so.", "person"),
        ("Vantrexa, 52, spoke first. Vantrexa said so.", "person"),  # an age
        ("Vantrexa said she would go. Vantrexa said so.", "person"),
        ("Vantrexa Corp spoke first. Vantrexa said so.", "organisation"),
        ("Vantrexa, which owns it, spoke. Vantrexa said so.", "organisation"),
        ("Vantrexa's shares fell. Vantrexa said so.", "organisation"),
        ("Vantrexa spoke first. Vantrexa said so.", None),
        ("Vantrexans Corp spoke. Vantrexa said so.", None),  # a longer word is not the name
        ("Maria Vantrexa-Lund spoke. Vantrexa said so.", None),
    ],
)
def test_name_evidence(source: str, kind: str | None) -> None:
    """What the article says of a name where it names it: a person's, a body's, or nothing."""
    assert name_evidence("Vantrexa", source, source.rindex("Vantrexa"), VOCAB) == kind


@pytest.mark.parametrize(
    "word",
    ["Sadly", "Oh", "Twelve", "Here", "Adding", "Reportedly", "Neither", "Every", "Throughout"],
)
def test_sentence_openers(word: str) -> None:
    """Adverbs, interjections, number and function words, a speech verb's -ing form."""
    assert is_sentence_opener(word, VOCAB)


@pytest.mark.parametrize("word", ["Kelly", "Daly", "Connolly", "Voss", "Lisa", "Manning"])
def test_names_are_no_sentence_openers(word: str) -> None:
    """Names ending like adverbs or -ing forms are names."""
    assert not is_sentence_opener(word, VOCAB)


def test_opens_sentence_after_a_closing_quote_mark() -> None:
    """A word after a quote's closing mark and a period opens a sentence; mid-sentence not."""
    source = "“We won.” Twelve films ran, said Twelve."
    assert opens_sentence(source, source.index("Twelve"))
    assert not opens_sentence(source, source.rindex("Twelve"))


@pytest.mark.parametrize(
    ("words", "trimmed"),
    [
        ("Trade Affairs Helen Voss", "Helen Voss"),  # capitalised words before a first name
        ("Including Helen Voss", "Helen Voss"),  # an opener before the name
        ("It's Helen", "Helen"),
        ("Voss I", "Voss"),  # a pronoun after it
        ("Kendra Voss I’m", "Kendra Voss"),  # a contraction after it: the next sentence's
        ("Bank of England", "Bank of England"),  # a body stays whole
        ("Helen Voss", "Helen Voss"),
    ],
)
def test_trim_name_words(words: str, trimmed: str) -> None:
    """Words the text glued to a name are cut from it; a body's name stays whole."""
    assert " ".join(trim_name_words(words.split(), VOCAB)) == trimmed


def test_trim_drops_a_first_word_the_text_writes_in_lower_case() -> None:
    """In a run of three words, a common first word goes ("Harvest" of "harvest")."""
    trimmed = trim_name_words(
        ["Harvest", "Josune", "Voss"], VOCAB, lambda word: word.lower() == "harvest"
    )
    assert trimmed == ["Josune", "Voss"]
    assert trim_name_words(["Harvest", "Josune", "Voss"], VOCAB) == ["Harvest", "Josune", "Voss"]


def test_gazetteers_load_and_hand_built_vocabularies_stay_valid() -> None:
    """The gazetteer files load into the default vocabulary; a vocabulary built by hand without
    them still decides kinds."""
    assert {"Norway", "Kuala Lumpur"} <= VOCAB.places
    assert {"Washington Examiner", "Google", "Tories"} <= VOCAB.known_bodies
    assert "analysts" in VOCAB.group_words
    assert "German" in VOCAB.nationalities
    bare = Vocabulary(
        boilerplate_phrases={},
        boilerplate_patterns=(),
        speech_verbs=frozenset(),
        titles=frozenset(),
        honorifics=frozenset(),
        agencies=frozenset(),
        region_abbreviations=frozenset(),
        months={},
    )
    assert kind_of_name("Helen Voss", bare) == "person"


def test_speaker_index_decides_a_missing_kind_from_the_article() -> None:
    """A quote built without a kind gets the same decision, with the article's evidence."""
    article = parse(
        "Mining news\n\nUnion chief Maria Vantrexa spoke.\n\n“Costs rose,” Vantrexa said."
    )
    source = article.source
    mention = Span(source.rindex("Vantrexa"), source.rindex("Vantrexa") + len("Vantrexa"))
    quote = Quote(
        text="Costs rose,",
        spans=(Span(source.index("“"), source.index("”") + 1),),
        kind="direct",
        speaker="Vantrexa",
        speaker_mention="Vantrexa",
        speaker_span=mention,
        paragraph=2,
    )
    speakers = build_speakers(attrs.evolve(article, quotes=(quote,)))
    assert speakers["Vantrexa"].kind == "person"
