"""The public model: spans, immutability, serialisation and the speakers summary."""

from __future__ import annotations

import json
import pickle
from datetime import date, datetime, timedelta, timezone

import attrs
import pytest

from newsdoc.model import Article, Dateline, Paragraph, Quote, Section, Span


def _article() -> Article:
    source = "Title\n\n“Yes,” said Ann Lee. “No,” she said.\n"
    quotes = (
        Quote("Yes,", (Span(7, 13),), "direct", "Ann Lee", "Ann Lee", Span(19, 26), None, "said"),
        Quote("No,", (Span(28, 33),), "direct", "Ann Lee", "she", Span(34, 37), "mayor", "said"),
    )
    paragraph = Paragraph("“Yes,” said Ann Lee. “No,” she said.", Span(7, 43))
    return Article(
        source=source,
        headline="Title",
        headline_span=Span(0, 5),
        dateline=Dateline("OSLO", "AP", date(2024, 5, 1), Span(0, 0)),
        published=datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=-4))),
        sections=(Section(None, (paragraph,), paragraph.span),),
        quotes=quotes,
    )


def test_span_rejects_backwards_ranges() -> None:
    """A span must have 0 <= start <= end."""
    with pytest.raises(ValueError, match="start=5, end=2"):
        Span(5, 2)


def test_models_are_frozen_and_slotted() -> None:
    """Model instances cannot be changed and carry no __dict__."""
    article = _article()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.headline = "Other"  # type: ignore[misc]
    assert not hasattr(article, "__dict__")


def test_round_trip_through_dict_and_json() -> None:
    """to_dict/from_dict and to_json/from_json are exact, time zones included."""
    article = _article()
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json()) == article
    restored = Article.from_json(article.to_json())
    assert restored.published is not None
    assert restored.published.utcoffset() == timedelta(hours=-4)


def test_json_is_plain_and_stable() -> None:
    """JSON output uses ISO dates, span objects and a fixed key order."""
    data = json.loads(_article().to_json())
    assert data["published"] == "2024-05-01T09:30:00-04:00"
    assert data["dateline"]["date"] == "2024-05-01"
    assert data["quotes"][0]["spans"] == [{"start": 7, "end": 13}]
    assert list(data)[:3] == ["source", "headline", "headline_span"]
    assert _article().to_json() == _article().to_json()


def test_date_only_published_stays_a_date() -> None:
    """A date without a time round-trips as a date, not a datetime."""
    article = Article(source="x", published=date(2020, 2, 29))
    restored = Article.from_dict(article.to_dict())
    assert type(restored.published) is date


def test_speakers_summary() -> None:
    """Article.speakers maps each resolved speaker's name to its kind, roles, pronoun,
    mentions and quotes."""
    article = _article()
    assert list(article.speakers) == ["Ann Lee"]
    speaker = article.speakers["Ann Lee"]
    assert speaker.name == "Ann Lee"
    assert speaker.kind == "person"
    assert speaker.quote_count == 2
    assert speaker.quotes == article.quotes
    assert speaker.roles == ("mayor",)
    assert speaker.pronoun == "she"
    assert speaker.mentions == (Span(19, 26), Span(34, 37))


def test_speakers_are_built_once_and_left_out_of_the_data() -> None:
    """The index is computed on first use, kept, and is no part of equality or to_dict."""
    article = _article()
    assert article.speakers is article.speakers
    assert "_speakers" not in article.to_dict()
    assert "speakers" not in article.to_dict()
    assert Article.from_dict(article.to_dict()) == article
    assert pickle.loads(pickle.dumps(article)).speakers == article.speakers


def test_speakers_iterate_in_order_of_first_quote_and_rank_by_quotes() -> None:
    """Iteration follows the first quotes; ranked() puts the most quoted first."""
    one = Quote("A", (Span(0, 1),), "direct", "Bo Ek", "Bo Ek", speaker_kind="person")
    two = Quote("B", (Span(2, 3),), "direct", "Cy Ray", "Cy Ray", speaker_kind="person")
    article = Article(source="A B C", quotes=(one, two, attrs.evolve(two, text="C")))
    assert list(article.speakers) == ["Bo Ek", "Cy Ray"]
    assert [speaker.name for speaker in article.speakers.ranked()] == ["Cy Ray", "Bo Ek"]
    with pytest.raises(KeyError):
        article.speakers["Nobody"]


def test_paragraphs_and_text_derive_from_sections() -> None:
    """paragraphs flattens sections; text joins paragraph texts with blank lines."""
    article = _article()
    assert article.paragraphs == article.sections[0].paragraphs
    assert article.text == "“Yes,” said Ann Lee. “No,” she said."


def test_article_pickles() -> None:
    """Articles cross process boundaries (batch workers, Dask)."""
    article = _article()
    assert pickle.loads(pickle.dumps(article)) == article
