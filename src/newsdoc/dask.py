"""Parse corpora on Dask: bags of texts into articles, DataFrames into flat article/quote tables.

Needs ``pip install 'newsdoc[dask]'``. Everything sent to workers is picklable (a frozen
:class:`~newsdoc.Parser` and module-level functions), so any scheduler works; parsing is
pure Python and holds the GIL, so use worker *processes*: a
``distributed.LocalCluster(processes=True, threads_per_worker=1)`` or, without a
distributed client, :func:`compute` and :func:`to_parquet` here pick the ``processes``
scheduler. The tables have :data:`newsdoc.tables.ARTICLE_SCHEMA` and ``QUOTE_SCHEMA``
columns (Arrow-backed pandas dtypes), exactly as ``newsdoc batch --out x.parquet`` writes.

>>> import dask.bag as db
>>> articles = parse_bag(db.from_sequence(texts, npartitions=8))  # doctest: +SKIP
>>> tables = parse_frame(dd.read_parquet("news.parquet"), text_column="body")  # doctest: +SKIP
>>> to_parquet(tables, "parsed/")  # doctest: +SKIP
"""

# dask's public functions carry no annotations; calling them is what this module is for.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from dask.base import compute as dask_compute
    from dask.delayed import delayed
except ImportError as error:  # one line naming the extra, not a bare ModuleNotFoundError
    raise ImportError(f"newsdoc.dask needs dask: pip install 'newsdoc[dask]' ({error})") from error

from newsdoc.batch import parse_document
from newsdoc.io import Document, read_text_file
from newsdoc.parser import DEFAULT_PARSER, Parser, ParserConfig
from newsdoc.tables import ARTICLES, QUOTES, article_row, articles_table, quote_rows, quotes_table


def _parser(config: ParserConfig | None) -> Parser:
    return DEFAULT_PARSER if config is None else Parser(config)


def parse_bag(
    texts: db.Bag,
    *,
    published: date | datetime | None = None,
    config: ParserConfig | None = None,
    html: bool = False,
) -> db.Bag:
    """A bag of :class:`~newsdoc.Article` from a bag of texts (same order and partitions).

    With ``html`` the items are pages' HTML (str or bytes), parsed with ``parse_html``.
    """
    parser = _parser(config)
    parse = parser.parse_html if html else parser.parse
    articles: db.Bag = texts.map(parse, published=published)
    return articles


@attrs.frozen(slots=True)
class ArticleTables:
    """The two lazy tables of a parse: one row per article, one row per quote."""

    articles: dd.DataFrame
    quotes: dd.DataFrame


def _empty(table: Any) -> pd.DataFrame:
    frame: pd.DataFrame = table.to_pandas(types_mapper=pd.ArrowDtype)
    return frame


def _tables_of_partition(
    partition: pd.DataFrame,
    text_column: str,
    id_column: str | None,
    parser: Parser,
    published: date | datetime | None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Parse every row of one pandas partition into (articles, quotes) frames."""
    metadata_columns = [c for c in partition.columns if c not in (text_column, id_column)]
    ids = partition.index if id_column is None else partition[id_column]
    article_rows: list[dict[str, Any]] = []
    quote_rows_: list[dict[str, Any]] = []
    records = partition[metadata_columns].to_dict("records") if metadata_columns else None
    for position, (doc_id, text) in enumerate(zip(ids, partition[text_column], strict=True)):
        metadata = {str(k): v for k, v in records[position].items()} if records else {}
        if isinstance(text, str):
            document = Document(str(doc_id), text, metadata)
        else:
            document = Document(str(doc_id), None, metadata, error="no text in this row")
        result = parse_document(document, parser, published)
        article_rows.append(article_row(result))
        quote_rows_.extend(quote_rows(result))
    return _empty(articles_table(article_rows)), _empty(quotes_table(quote_rows_))


def parse_frame(
    frame: dd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    published: date | datetime | None = None,
    config: ParserConfig | None = None,
) -> ArticleTables:
    """Parse the ``text_column`` of a Dask DataFrame into article and quote tables.

    The article id is ``id_column`` (default: the index); other columns become the JSON
    ``metadata`` column. Each partition is parsed once even when both tables are computed
    together (:func:`compute`, :func:`to_parquet`).
    """
    for column in (text_column, id_column):
        if column is not None and column not in frame.columns:
            raise KeyError(f"column {column!r} not in the frame (has {list(frame.columns)})")
    parser = _parser(config)
    parse_partition = delayed(_tables_of_partition, nout=2, pure=True)
    pairs = [
        parse_partition(part, text_column, id_column, parser, published)
        for part in frame.to_delayed()
    ]
    articles, quotes = _schema_frames()
    return ArticleTables(
        articles=dd.from_delayed([pair[0] for pair in pairs], meta=articles, verify_meta=False),
        quotes=dd.from_delayed([pair[1] for pair in pairs], meta=quotes, verify_meta=False),
    )


def _schema_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    from newsdoc.tables import ARTICLE_SCHEMA, QUOTE_SCHEMA

    return _empty(ARTICLE_SCHEMA.empty_table()), _empty(QUOTE_SCHEMA.empty_table())


def _read_files(paths: Sequence[str]) -> pd.DataFrame:
    documents = [read_text_file(Path(path)) for path in paths]
    return pd.DataFrame(
        {"id": [doc.id for doc in documents], "text": [doc.text for doc in documents]}
    )


def read_files(
    paths: Sequence[str | os.PathLike[str]], *, files_per_partition: int = 256
) -> dd.DataFrame:
    """A lazy ``id``/``text`` DataFrame of text files (via ``dask.dataframe.from_map``).

    Encodings are detected per file as in ``newsdoc batch``; an unreadable file has no text
    and becomes an error row when parsed. Feed the result to :func:`parse_frame` with
    ``id_column="id"``.
    """
    names = [str(path) for path in paths]
    groups = [
        names[start : start + files_per_partition]
        for start in range(0, len(names), files_per_partition)
    ]
    meta = pd.DataFrame({"id": pd.Series([], dtype=object), "text": pd.Series([], dtype=object)})
    files: dd.DataFrame = dd.from_map(_read_files, groups, meta=meta, enforce_metadata=False)
    return files


def _scheduler() -> str | None:
    # A distributed client, when there is one, is used by default; otherwise use processes,
    # because the default threaded scheduler would run the pure-Python parser on one core.
    try:
        from distributed import default_client

        default_client()
    except (ImportError, ValueError):
        return "processes"
    return None


def compute(tables: ArticleTables) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Compute both tables in one pass (each partition parsed once)."""
    articles, quotes = dask_compute(tables.articles, tables.quotes, scheduler=_scheduler())
    return articles, quotes


def to_parquet(tables: ArticleTables, path: str | os.PathLike[str], **options: Any) -> None:
    """Write the articles to ``PATH`` and the quotes beside it, in one pass.

    ``to_parquet(tables, "parsed.parquet")`` writes ``parsed.parquet/`` and
    ``parsed.quotes.parquet/`` (see :func:`newsdoc.outputs.table_paths`), the layout
    and exactly the ``ARTICLE_SCHEMA``/``QUOTE_SCHEMA`` that ``newsdoc batch`` writes;
    read them with ``pyarrow.parquet.read_table`` or ``pandas.read_parquet(path,
    dtype_backend="pyarrow")``.
    """
    from newsdoc.outputs import table_paths
    from newsdoc.tables import ARTICLE_SCHEMA, QUOTE_SCHEMA

    paths = table_paths(path)
    writes = [
        table.to_parquet(
            str(paths[name]), compute=False, write_index=False, schema=schema, **options
        )
        for name, table, schema in (
            (ARTICLES, tables.articles, ARTICLE_SCHEMA),
            (QUOTES, tables.quotes, QUOTE_SCHEMA),
        )
    ]
    dask_compute(*writes, scheduler=_scheduler())
