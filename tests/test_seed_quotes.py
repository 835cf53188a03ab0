"""The seed article yields exactly the 14 quotes issue 4 specifies, in reading order."""

from __future__ import annotations

import pytest

import newsdoc
from newsdoc.model import Article

# (text start, kind, speaker, role or None when not checked)
EXPECTED = [
    ("verified withdrawal", "partial", "Ukraine", None),
    ("take all necessary measures", "partial", "Moscow", None),
    ("dead-end", "partial", "Sergei A. Ryabkov", None),
    ("for an open dialogue", "partial", "United States", None),
    ("reject blackmail", "partial", "United States", None),
    ("security guarantees", "partial", "Russia", None),
    ("The Russian leadership proves", "direct", "Yevhenii Tsymbaliuk", "Ukraine’s representative"),
    ("It seems that the risk of war", "direct", "Zbigniew Rau", "Foreign Minister"),
    ("We are not indifferent", "direct", "Zbigniew Rau", None),
    ("I believe that the O.S.C.E.", "direct", "Zbigniew Rau", None),
    ("military-technical", "partial", "Russia", None),
    ("The hard reality", "direct", "Sergey V. Lavrov", None),
    ("We will wait for it.", "direct", "Sergey V. Lavrov", None),
    ("If we do not hear", "direct", "Aleksandr Lukashevich", None),
]


@pytest.fixture(scope="module")
def article(seed_text: str) -> Article:
    """The parsed seed article."""
    return newsdoc.parse(seed_text)


def test_fourteen_quotes_in_reading_order(article: Article) -> None:
    """Exactly the expected quotes, in order, with kind and speaker."""
    found = [(q.text, q.kind, q.speaker) for q in article.quotes]
    assert len(found) == len(EXPECTED), found
    for (text, kind, speaker), (start, want_kind, want_speaker, _) in zip(
        found, EXPECTED, strict=True
    ):
        assert text.startswith(start), (text, start)
        assert (kind, speaker) == (want_kind, want_speaker), text


def test_roles_from_pre_modifier_and_apposition(article: Article) -> None:
    """Titles and appositions become the speaker's role."""
    for quote, (_, _, _, role) in zip(article.quotes, EXPECTED, strict=True):
        if role is not None:
            assert quote.speaker_role == role, quote.text


def test_honorific_mention_kept_local(article: Article) -> None:
    """“We are not indifferent …” keeps the local mention Mr. Rau but resolves to the full name."""
    quote = article.quotes[8]
    assert quote.speaker_mention == "Mr. Rau"
    assert quote.speaker_span is not None
    assert quote.speaker_span.slice(article.source) == "Mr. Rau"
    assert quote.cue == "said"


def test_partial_quote_takes_the_reporting_clause_speaker(article: Article) -> None:
    """“dead-end” inside "Ryabkov, a deputy foreign minister, said … what he called a “dead-end”"
    goes to the speaker of the reporting clause, with the apposition as role."""
    quote = article.quotes[2]
    assert quote.speaker == "Sergei A. Ryabkov"
    assert quote.speaker_role == "a deputy foreign minister"


def test_split_quote_has_two_spans(article: Article) -> None:
    """The Lukashevich quote around its attribution is one quote with two spans."""
    quote = article.quotes[13]
    assert len(quote.spans) == 2
    first, second = (span.slice(article.source) for span in quote.spans)
    assert first.startswith("“If we do not hear")
    assert first.endswith("time frame,”")
    assert second.startswith("“we will be forced")
    assert second.endswith("national security.”")
    assert quote.text.endswith("to our national security.")
    assert " time frame, we will be forced " in quote.text
    assert quote.speaker_mention == "Mr. Lukashevich"


def test_spans_include_marks_and_text_excludes_them(article: Article) -> None:
    """Each span covers its quote marks; the text has none at either end."""
    for quote in article.quotes:
        for span in quote.spans:
            raw = span.slice(article.source)
            assert raw[0] == "“", raw
            assert raw[-1] == "”", raw
        assert quote.text[0] not in "“”"
        assert quote.text[-1] not in "“”"


def test_paragraph_indexes_article_paragraphs(article: Article) -> None:
    """``Quote.paragraph`` points at the paragraph holding the quote's first span."""
    for quote in article.quotes:
        paragraph = article.paragraphs[quote.paragraph]
        assert paragraph.span.start <= quote.spans[0].start < paragraph.span.end


def test_speakers_aggregate_quotes(article: Article) -> None:
    """``Article.speakers`` counts quotes per resolved speaker, in order of first quote."""
    speakers = article.speakers
    assert list(speakers) == [
        "Ukraine",
        "Moscow",
        "Sergei A. Ryabkov",
        "United States",
        "Russia",
        "Yevhenii Tsymbaliuk",
        "Zbigniew Rau",
        "Sergey V. Lavrov",
        "Aleksandr Lukashevich",
    ]
    assert speakers["Zbigniew Rau"].quote_count == 3
    assert speakers.ranked()[0].name == "Zbigniew Rau"
    assert "Foreign Minister" in speakers["Zbigniew Rau"].roles
    assert speakers["Sergey V. Lavrov"].quote_count == 2
    assert sum(speaker.quote_count for speaker in speakers.values()) == 14


def test_speaker_kinds_and_roles_from_appositions(article: Article) -> None:
    """People and bodies are told apart, and the apposition where the article first names a
    speaker in full becomes a role ("Russia’s foreign minister, Sergey V. Lavrov")."""
    speakers = article.speakers
    kinds = {name: speaker.kind for name, speaker in speakers.items()}
    assert kinds["Russia"] == kinds["Moscow"] == kinds["United States"] == "organisation"
    assert kinds["Zbigniew Rau"] == kinds["Sergey V. Lavrov"] == "person"
    assert speakers["Sergey V. Lavrov"].roles == ("Russia’s foreign minister",)
    assert speakers["Aleksandr Lukashevich"].roles == ("Russia’s representative",)
