"""pandas DataFrames of parsed articles: one row per article, or one row per quote.

The frames have exactly the columns and types of the Parquet tables that ``newsdoc batch``
writes (``ARTICLE_SCHEMA`` and ``QUOTE_SCHEMA``, see ``docs/arrow-schema.md``): they are built
from the same rows, through Arrow. So ``to_dataframe(articles)`` and
``pandas.read_parquet("out.parquet/articles")`` can be concatenated and compared column for
column. Quotes join back to their article on ``article_id``::

    quotes = newsdoc.quotes_dataframe(articles)
    quotes.groupby("speaker").size().sort_values(ascending=False)
    quotes.merge(newsdoc.to_dataframe(articles), left_on="article_id", right_on="id")

pandas and pyarrow are the optional extra ``pip install 'newsdoc[pandas]'``, imported only
when a function here is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newsdoc.io import Result
from newsdoc.model import Article
from newsdoc.tables import article_row, quote_rows

if TYPE_CHECKING:
    import pandas

EXTRA = "pip install 'newsdoc[pandas]'"


def _check_extra() -> None:
    try:
        import pandas  # noqa: F401
        import pyarrow  # type: ignore[import-untyped,import-not-found,unused-ignore] # noqa: F401
    except ImportError as error:
        raise ImportError(
            f"newsdoc's DataFrame helpers need pandas and pyarrow: {EXTRA}"
        ) from error


def _results(articles: Article | Iterable[Article], ids: Sequence[str] | None) -> list[Result]:
    items = [articles] if isinstance(articles, Article) else list(articles)
    for position, item in enumerate(items):
        if not isinstance(item, Article):
            raise TypeError(
                f"articles[{position}] must be a newsdoc.Article, got {type(item).__name__}"
            )
    if ids is None:
        names = [str(position) for position in range(len(items))]
    else:
        names = [str(name) for name in ids]
        if len(names) != len(items):
            raise ValueError(f"ids has {len(names)} names for {len(items)} articles")
        if len(set(names)) != len(names):
            raise ValueError("ids must be unique: quotes join to their article on it")
    return [Result(name, article) for name, article in zip(names, items, strict=True)]


def _frame(table: Any) -> pandas.DataFrame:
    frame: pandas.DataFrame = table.to_pandas()
    return frame


def to_dataframe(
    articles: Article | Iterable[Article], *, ids: Sequence[str] | None = None
) -> pandas.DataFrame:
    """One row per article, with the columns of the Parquet ``articles`` table.

    ``id`` is ``ids[i]`` (default: the position, ``"0"``, ``"1"``, ...) and is what the
    quotes' ``article_id`` refers to. Counts are ``*_count`` integers, lists are lists
    (``authors``, ``paragraphs``, ``speakers``, ``removed``), ``published``/``updated`` are
    UTC timestamps even when every value is missing (a bare date is midnight UTC).
    """
    _check_extra()
    from newsdoc.tables import articles_table

    return _frame(articles_table([article_row(result) for result in _results(articles, ids)]))


def quotes_dataframe(
    articles: Article | Iterable[Article], *, ids: Sequence[str] | None = None
) -> pandas.DataFrame:
    """One row per quote, with the columns of the Parquet ``quotes`` table.

    ``article_id`` is the article's id (as in :func:`to_dataframe` with the same ``ids``) and
    ``quote_index`` its position in ``Article.quotes``; ``start``/``end`` are the source
    offsets of the first and last part, ``spans`` every part.
    """
    _check_extra()
    from newsdoc.tables import quotes_table

    rows = [row for result in _results(articles, ids) for row in quote_rows(result)]
    return _frame(quotes_table(rows))
