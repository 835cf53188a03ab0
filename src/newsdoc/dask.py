"""Parse corpora on Dask: bags of texts into articles, DataFrames into flat article/quote tables.

Needs ``pip install 'newsdoc[dask]'``. Everything sent to workers is picklable (a frozen
:class:`~newsdoc.Parser` and module-level functions), so any scheduler works; parsing is
pure Python and holds the GIL, so use worker *processes*: a
``distributed.LocalCluster(processes=True, threads_per_worker=1)`` or, without a
distributed client, :func:`compute` and :func:`to_parquet` here pick the ``processes``
scheduler. The tables are those of :data:`newsdoc.tables.TABLES` (articles, quotes, speakers)
with their batch schemas (Arrow-backed pandas dtypes), exactly as ``newsdoc batch --out
x.parquet`` writes them.

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
from newsdoc.outputs import PART_FILE, table_paths
from newsdoc.parser import DEFAULT_PARSER, Parser, ParserConfig
from newsdoc.speakers import SPEAKERS
from newsdoc.tables import ARTICLES, QUOTES, TABLES, encode_rows, table_schemas


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
    """The lazy tables of a parse: one row per article, per quote, and per article and speaker.

    ``speakers`` has the columns of ``newsdoc.speakers.speaker_schema()`` (``article_id``
    joins it to ``articles.id``), as in ``newsdoc batch`` output.
    """

    articles: dd.DataFrame
    quotes: dd.DataFrame
    speakers: dd.DataFrame

    def frames(self) -> tuple[dd.DataFrame, ...]:
        """The tables in the order of :data:`newsdoc.tables.TABLES`."""
        return self.articles, self.quotes, self.speakers


def _empty(table: Any) -> pd.DataFrame:
    frame: pd.DataFrame = table.to_pandas(types_mapper=pd.ArrowDtype)
    return frame


def _frames(rows: dict[str, list[dict[str, Any]]]) -> tuple[pd.DataFrame, ...]:
    """Pandas frames (Arrow dtypes) of each table's rows, in the order of ``TABLES``."""
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    schemas = table_schemas()
    return tuple(_empty(pa.Table.from_pylist(rows[name], schema=schemas[name])) for name in TABLES)


def _tables_of_partition(
    partition: pd.DataFrame,
    text_column: str,
    id_column: str | None,
    parser: Parser,
    published: date | datetime | None,
) -> tuple[pd.DataFrame, ...]:
    """Parse every row of one pandas partition into a frame per table of ``TABLES``."""
    metadata_columns = [c for c in partition.columns if c not in (text_column, id_column)]
    ids = partition.index if id_column is None else partition[id_column]
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    records = partition[metadata_columns].to_dict("records") if metadata_columns else None
    for position, (doc_id, text) in enumerate(zip(ids, partition[text_column], strict=True)):
        metadata = {str(k): v for k, v in records[position].items()} if records else {}
        if isinstance(text, str):
            document = Document(str(doc_id), text, metadata)
        else:
            document = Document(str(doc_id), None, metadata, error="no text in this row")
        for name, table_rows in encode_rows(parse_document(document, parser, published)).items():
            rows[name].extend(table_rows)
    return _frames(rows)


def parse_frame(
    frame: dd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    published: date | datetime | None = None,
    config: ParserConfig | None = None,
) -> ArticleTables:
    """Parse the ``text_column`` of a Dask DataFrame into article, quote and speaker tables.

    The article id is ``id_column`` (default: the index); other columns become the JSON
    ``metadata`` column. Each partition is parsed once even when the tables are computed
    together (:func:`compute`, :func:`to_parquet`).
    """
    for column in (text_column, id_column):
        if column is not None and column not in frame.columns:
            raise KeyError(f"column {column!r} not in the frame (has {list(frame.columns)})")
    parser = _parser(config)
    parse_partition = delayed(_tables_of_partition, nout=len(TABLES), pure=True)
    parts = [
        parse_partition(part, text_column, id_column, parser, published)
        for part in frame.to_delayed()
    ]
    metas = _frames({name: [] for name in TABLES})
    lazy = {
        name: dd.from_delayed([part[index] for part in parts], meta=meta, verify_meta=False)
        for index, (name, meta) in enumerate(zip(TABLES, metas, strict=True))
    }
    return ArticleTables(lazy[ARTICLES], lazy[QUOTES], lazy[SPEAKERS])


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


def compute(tables: ArticleTables) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Compute the articles, quotes and speakers tables in one pass (each partition parsed
    once): ``articles, quotes, speakers = compute(tables)``."""
    articles, quotes, speakers = dask_compute(*tables.frames(), scheduler=_scheduler())
    return articles, quotes, speakers


def part_name(index: int) -> str:
    """The file name of partition ``index`` (``part-00003.parquet``), as ``newsdoc batch``
    names its parts: ``read_tables`` and ``newsdoc speakers`` read both outputs alike."""
    return PART_FILE.format(index)


def to_parquet(tables: ArticleTables, path: str | os.PathLike[str], **options: Any) -> None:
    """Write the articles to ``PATH`` and the quotes and speakers beside it, in one pass.

    ``to_parquet(tables, "parsed.parquet")`` writes ``parsed.parquet/``,
    ``parsed.quotes.parquet/`` and ``parsed.speakers.parquet/`` (see
    :func:`newsdoc.outputs.table_paths`), the layout and exactly the schemas that ``newsdoc
    batch`` writes; read them with ``pyarrow.parquet.read_table`` or
    ``pandas.read_parquet(path, dtype_backend="pyarrow")``.
    """
    paths = table_paths(path)
    schemas = table_schemas()
    options.setdefault("name_function", part_name)
    writes = [
        table.to_parquet(
            str(paths[name]), compute=False, write_index=False, schema=schemas[name], **options
        )
        for name, table in zip(TABLES, tables.frames(), strict=True)
    ]
    dask_compute(*writes, scheduler=_scheduler())
