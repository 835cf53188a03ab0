"""DataFrames: one row per article and one per quote, joinable and ready for groupby."""

from __future__ import annotations

import builtins
from datetime import date, datetime
from typing import Any

import attrs
import pytest

import newsdoc
from handmade import HOSTILE_SPEAKER, plain_articles
from newsdoc.frames import ARTICLE_COLUMNS, QUOTE_COLUMNS

pandas = pytest.importorskip("pandas")


def test_one_row_per_article_with_counts() -> None:
    """Each article gives one row whose counts match the article."""
    articles = plain_articles()
    frame = newsdoc.to_dataframe(articles)
    assert list(frame.columns) == list(ARTICLE_COLUMNS)
    assert list(frame["article"]) == [0, 1]
    assert list(frame["quotes"]) == [len(a.quotes) for a in articles]
    assert list(frame["paragraphs"]) == [len(a.paragraphs) for a in articles]
    assert frame.loc[0, "authors"] == ["Jane Roe", "Sam Poe"]
    assert frame.loc[1, "text"] == articles[1].text


def test_one_row_per_quote_grouped_by_speaker() -> None:
    """Quotes from all articles stack into one frame that groups by speaker."""
    articles = plain_articles()
    quotes = newsdoc.quotes_dataframe(articles)
    assert list(quotes.columns) == list(QUOTE_COLUMNS)
    assert len(quotes) == sum(len(a.quotes) for a in articles)
    counts = quotes.groupby("speaker").size().to_dict()
    assert counts == {"Ana Ruiz": 1, HOSTILE_SPEAKER: 1, "Rosa Diaz": 1}
    split = quotes[quotes["speaker"] == "Ana Ruiz"].iloc[0]
    assert split["parts"] == 2
    source = articles[0].source
    assert source[split["start"] : split["end"]].startswith("We did what")


def test_frames_join_on_article() -> None:
    """The article column joins quotes back to their article's metadata."""
    articles = plain_articles()
    joined = newsdoc.quotes_dataframe(articles).merge(
        newsdoc.to_dataframe(articles)[["article", "dateline"]], on="article"
    )
    assert set(zip(joined["speaker"], joined["dateline"], strict=True)) == {
        ("Ana Ruiz", "SPRINGFIELD"),
        (HOSTILE_SPEAKER, "SPRINGFIELD"),
        ("Rosa Diaz", "OAKTOWN"),
    }


def test_empty_input_keeps_columns() -> None:
    """No articles (or no quotes) still gives frames with every column."""
    assert list(newsdoc.to_dataframe([]).columns) == list(ARTICLE_COLUMNS)
    assert list(newsdoc.quotes_dataframe([]).columns) == list(QUOTE_COLUMNS)


def test_dates_become_one_datetime_column() -> None:
    """A date and a datetime in one column both come out as timestamps."""
    first, second = plain_articles()
    mixed = [
        attrs.evolve(first, published=date(2024, 3, 1)),
        attrs.evolve(second, published=datetime(2024, 3, 2, 9, 30)),
    ]
    published = newsdoc.to_dataframe(mixed)["published"]
    assert list(published) == [pandas.Timestamp(2024, 3, 1), pandas.Timestamp(2024, 3, 2, 9, 30)]


def test_single_article_and_wrong_type() -> None:
    """A single Article is accepted; anything else is a TypeError naming its position."""
    first = plain_articles()[0]
    assert len(newsdoc.to_dataframe(first)) == 1
    with pytest.raises(TypeError, match=r"articles\[1\] must be a newsdoc.Article, got str"):
        newsdoc.quotes_dataframe([first, "text"])  # type: ignore[list-item]


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas the error says which extra to install."""
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"newsdoc\[pandas\]"):
        newsdoc.to_dataframe([])
