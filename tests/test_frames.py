"""DataFrames: one row per article and one per quote, joinable and ready for groupby."""

from __future__ import annotations

import builtins
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest

import newsdoc
from handmade import HOSTILE_SPEAKER, plain_articles
from newsdoc import tables
from newsdoc.io import Result

pandas = pytest.importorskip("pandas")


def test_one_row_per_article_with_counts() -> None:
    """Each article gives one row whose *_count columns match the article; lists are lists."""
    articles = plain_articles()
    frame = newsdoc.to_dataframe(articles)
    assert list(frame.columns) == newsdoc.io.ARTICLE_SCHEMA.names
    assert list(frame["id"]) == ["0", "1"]
    assert list(frame["quote_count"]) == [len(a.quotes) for a in articles]
    assert list(frame["paragraph_count"]) == [len(a.paragraphs) for a in articles]
    assert list(frame.loc[0, "paragraphs"]) == [p.text for p in articles[0].paragraphs]
    assert list(frame.loc[0, "authors"]) == ["Jane Roe", "Sam Poe"]
    assert frame.loc[1, "text"] == articles[1].text
    assert frame["paragraph_count"].dtype == "int32"


def test_one_row_per_quote_grouped_by_speaker() -> None:
    """Quotes from all articles stack into one frame that groups by speaker."""
    articles = plain_articles()
    quotes = newsdoc.quotes_dataframe(articles)
    assert list(quotes.columns) == newsdoc.io.QUOTE_SCHEMA.names
    assert len(quotes) == sum(len(a.quotes) for a in articles)
    counts = quotes.groupby("speaker").size().to_dict()
    assert counts == {"Ana Ruiz": 1, HOSTILE_SPEAKER: 1, "Rosa Diaz": 1}
    split = quotes[quotes["speaker"] == "Ana Ruiz"].iloc[0]
    assert len(split["spans"]) == 2
    source = articles[0].source
    assert source[split["start"] : split["end"]].startswith("We did what")


def test_frames_join_on_article_id_given_by_ids() -> None:
    """ids= names the articles; quotes join back on article_id, dateline without its dash."""
    articles = plain_articles()
    ids = ["council.txt", "oaktown.txt"]
    joined = newsdoc.quotes_dataframe(articles, ids=ids).merge(
        newsdoc.to_dataframe(articles, ids=ids)[["id", "dateline"]],
        left_on="article_id",
        right_on="id",
    )
    assert set(zip(joined["speaker"], joined["dateline"], strict=True)) == {
        ("Ana Ruiz", "SPRINGFIELD"),
        (HOSTILE_SPEAKER, "SPRINGFIELD"),
        ("Rosa Diaz", "OAKTOWN"),
    }
    assert set(joined["article_id"]) == set(ids)
    with pytest.raises(ValueError, match="1 names for 2 articles"):
        newsdoc.to_dataframe(articles, ids=["one"])


def test_empty_input_keeps_columns_and_types() -> None:
    """No articles (or no quotes) still gives frames with every column, published a timestamp."""
    empty = newsdoc.to_dataframe([])
    assert list(empty.columns) == newsdoc.io.ARTICLE_SCHEMA.names
    assert str(empty["published"].dtype) == "datetime64[us, UTC]"
    assert list(newsdoc.quotes_dataframe([]).columns) == newsdoc.io.QUOTE_SCHEMA.names


def test_dates_become_one_utc_timestamp_column() -> None:
    """Dates, naive and aware times share one UTC timestamp column; all missing is no object."""
    first, second = plain_articles()
    mixed = [
        attrs.evolve(first, published=date(2024, 3, 1)),
        attrs.evolve(
            second, published=datetime(2024, 3, 2, 9, 30, tzinfo=timezone(-timedelta(hours=5)))
        ),
    ]
    published = newsdoc.to_dataframe(mixed)["published"]
    assert list(published) == [
        pandas.Timestamp(2024, 3, 1, tz="UTC"),
        pandas.Timestamp(2024, 3, 2, 14, 30, tz="UTC"),
    ]
    missing = newsdoc.to_dataframe([attrs.evolve(first, published=None)])["published"]
    assert str(missing.dtype) == "datetime64[us, UTC]"


def test_frames_have_the_parquet_columns_and_types(tmp_path: Path) -> None:
    """to_dataframe/quotes_dataframe equal what pandas reads back from the Parquet tables."""
    parquet = pytest.importorskip("pyarrow.parquet")
    articles = plain_articles()
    results = [Result(name, article) for name, article in zip("ab", articles, strict=True)]
    written = {
        "articles": tables.articles_table([tables.article_row(r) for r in results]),
        "quotes": tables.quotes_table([row for r in results for row in tables.quote_rows(r)]),
    }
    built = {
        "articles": newsdoc.to_dataframe(articles, ids=["a", "b"]),
        "quotes": newsdoc.quotes_dataframe(articles, ids=["a", "b"]),
    }
    for name, table in written.items():
        parquet.write_table(table, tmp_path / f"{name}.parquet")
        read = pandas.read_parquet(tmp_path / f"{name}.parquet")
        assert dict(read.dtypes) == dict(built[name].dtypes)
        pandas.testing.assert_frame_equal(read, built[name])


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
    with pytest.raises(ImportError, match=r"pip install 'newsdoc\[pandas\]'"):
        newsdoc.to_dataframe([])
