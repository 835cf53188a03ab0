"""Flat Arrow tables of articles and quotes, and the Parquet dataset that holds them.

:func:`article_row` and :func:`quote_rows` turn one parse result into plain dicts that match
:data:`ARTICLE_SCHEMA` and :data:`QUOTE_SCHEMA` (documented column by column in
``docs/arrow-schema.md``). The row functions need nothing but the standard library, so
workers can build rows without pyarrow; the schemas and :class:`ParquetWriter` need pyarrow
(``pip install 'newsdoc[arrow]'``).

A Parquet output is a directory: ``OUT/articles/part-NNNNN.parquet``,
``OUT/quotes/part-NNNNN.parquet`` and ``OUT/speakers/part-NNNNN.parquet`` (rows of
:func:`newsdoc.speakers.speaker_rows`). Each run appends new part files, which is what makes
``--resume`` possible (a Parquet file cannot be appended to).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdoc.io import Result, _has_surrogates
from newsdoc.model import Span
from newsdoc.speakers import SPEAKERS, speaker_rows, speaker_schema

if TYPE_CHECKING:
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

SCHEMA_VERSION = 1
ARTICLES = "articles"
QUOTES = "quotes"
ROWS_PER_GROUP = 1_000  # articles per row group: ~5 MB, and bounded parent memory
ROWS_PER_PART = 50_000


def _span(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def _iso(moment: date | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _day(moment: date | None) -> date | None:
    # A datetime is a date subclass; Arrow's date32 wants the calendar day only.
    return moment.date() if isinstance(moment, datetime) else moment


def article_row(result: Result) -> dict[str, Any]:
    """One row of the articles table for ``result`` (an error row when it failed)."""
    article = result.article
    metadata = json.dumps(result.metadata, ensure_ascii=False, default=str)
    if _has_surrogates(metadata):  # from "\ud800" escapes in the input; Arrow needs UTF-8
        metadata = json.dumps(result.metadata, default=str)
    if article is None:
        return {"id": result.id, "error": result.error, "metadata": metadata}
    byline, dateline = article.byline, article.dateline
    paragraphs = article.paragraphs
    return {
        "id": result.id,
        "error": None,
        "headline": article.headline,
        "dek": article.dek,
        "byline": None if byline is None else byline.text,
        "authors": [] if byline is None else list(byline.authors),
        "agency": (byline and byline.agency) or (dateline and dateline.agency) or None,
        "dateline": None if dateline is None else dateline.text,
        "dateline_location": None if dateline is None else dateline.location,
        "dateline_date": None if dateline is None else _day(dateline.date),
        "published": _iso(article.published),
        "updated": _iso(article.updated),
        "text": article.text,
        "paragraphs": [paragraph.text for paragraph in paragraphs],
        "section_headings": [s.heading for s in article.sections if s.heading is not None],
        "paragraph_count": len(paragraphs),
        "quote_count": len(article.quotes),
        "speakers": [speaker.name for speaker in article.speakers.ranked()],
        "explainer_count": len(article.explainers),
        "credits": [credit.text for credit in article.credits],
        "removed": [
            {
                "text": item.text,
                "reason": item.reason,
                "rule": item.rule,
                "category": item.category,
                "start": item.span.start,
                "end": item.span.end,
            }
            for item in article.removed
        ],
        "notes": list(article.notes),
        "headline_span": _span(article.headline_span),
        "dateline_span": _span(None if dateline is None else dateline.span),
        "byline_span": _span(None if byline is None else byline.span),
        "source": article.source,
        "source_chars": len(article.source),
        "metadata": metadata,
        "schema_version": SCHEMA_VERSION,
    }


def quote_rows(result: Result) -> list[dict[str, Any]]:
    """Rows of the quotes table for ``result``: one per quote, in reading order."""
    if result.article is None:
        return []
    return [
        {
            "article_id": result.id,
            "quote_index": index,
            "text": quote.text,
            "kind": quote.kind,
            "speaker": quote.speaker,
            "speaker_mention": quote.speaker_mention,
            "speaker_role": quote.speaker_role,
            "cue": quote.cue,
            "paragraph": quote.paragraph,
            "start": quote.spans[0].start if quote.spans else None,
            "end": quote.spans[-1].end if quote.spans else None,
            "spans": [_span(span) for span in quote.spans],
            "speaker_span": _span(quote.speaker_span),
            "cue_span": _span(quote.cue_span),
        }
        for index, quote in enumerate(result.article.quotes)
    ]


def _schemas() -> tuple[pa.Schema, pa.Schema]:
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    removed = pa.struct(
        [
            ("text", pa.string()),
            ("reason", pa.string()),
            ("rule", pa.string()),
            ("category", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
        ]
    )
    strings = pa.list_(pa.string())
    articles = pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            ("error", pa.string()),
            ("headline", pa.string()),
            ("dek", pa.string()),
            ("byline", pa.string()),
            ("authors", strings),
            ("agency", pa.string()),
            ("dateline", pa.string()),
            ("dateline_location", pa.string()),
            ("dateline_date", pa.date32()),
            ("published", pa.string()),
            ("updated", pa.string()),
            ("text", pa.string()),
            ("paragraphs", strings),
            ("section_headings", strings),
            ("paragraph_count", pa.int32()),
            ("quote_count", pa.int32()),
            ("speakers", strings),
            ("explainer_count", pa.int32()),
            ("credits", strings),
            ("removed", pa.list_(removed)),
            ("notes", strings),
            ("headline_span", span),
            ("dateline_span", span),
            ("byline_span", span),
            ("source", pa.string()),
            ("source_chars", pa.int64()),
            ("metadata", pa.string()),
            ("schema_version", pa.int16()),
        ],
        metadata={"newsdoc.schema_version": str(SCHEMA_VERSION)},
    )
    quotes = pa.schema(
        [
            pa.field("article_id", pa.string(), nullable=False),
            pa.field("quote_index", pa.int32(), nullable=False),
            ("text", pa.string()),
            ("kind", pa.string()),
            ("speaker", pa.string()),
            ("speaker_mention", pa.string()),
            ("speaker_role", pa.string()),
            ("cue", pa.string()),
            ("paragraph", pa.int32()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("spans", pa.list_(span)),
            ("speaker_span", span),
            ("cue_span", span),
        ],
        metadata={"newsdoc.schema_version": str(SCHEMA_VERSION)},
    )
    return articles, quotes


def __getattr__(name: str) -> Any:
    # Built on first use so that importing this module never needs pyarrow.
    if name in ("ARTICLE_SCHEMA", "QUOTE_SCHEMA"):
        articles, quotes = _schemas()
        globals().update(ARTICLE_SCHEMA=articles, QUOTE_SCHEMA=quotes)
        return articles if name == "ARTICLE_SCHEMA" else quotes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def articles_table(rows: list[dict[str, Any]]) -> pa.Table:
    """An Arrow table with :data:`ARTICLE_SCHEMA` from :func:`article_row` rows."""
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    schema: pa.Schema = __getattr__("ARTICLE_SCHEMA")
    return pa.Table.from_pylist(rows, schema=schema)


def quotes_table(rows: list[dict[str, Any]]) -> pa.Table:
    """An Arrow table with :data:`QUOTE_SCHEMA` from :func:`quote_rows` rows."""
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    schema: pa.Schema = __getattr__("QUOTE_SCHEMA")
    return pa.Table.from_pylist(rows, schema=schema)


class _PartWriter:
    """Row-group buffered writer of one table into numbered part files."""

    def __init__(self, folder: Path, schema: pa.Schema) -> None:
        self.folder = folder
        self.schema = schema
        self.rows: list[dict[str, Any]] = []
        self.writer: Any = None
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, rows: list[dict[str, Any]], part: int) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= ROWS_PER_GROUP:
            self.flush(part)

    def flush(self, part: int) -> None:
        import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if not self.rows:
            return
        if self.writer is None:
            path = self.folder / f"part-{part:05d}.parquet"
            self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        self.rows = []

    def close(self, part: int) -> None:
        self.flush(part)
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def _next_part(folder: Path) -> int:
    numbers = [int(path.stem.split("-")[-1]) for path in folder.glob("part-*.parquet")]
    return max(numbers, default=-1) + 1


class ParquetWriter:
    """Write results into a Parquet dataset directory (``articles/`` and ``quotes/``)."""

    def __init__(self, path: Path, *, resume: bool = False) -> None:
        self.path = path
        if not resume and path.exists():
            for old in path.glob("*/part-*.parquet"):
                old.unlink()
        articles, quotes = _schemas()
        # The tables share the part number so that a part's quotes belong to its articles.
        folders = (ARTICLES, QUOTES, SPEAKERS)
        self._part = max(_next_part(path / folder) for folder in folders)
        self._articles = _PartWriter(path / ARTICLES, articles)
        self._quotes = _PartWriter(path / QUOTES, quotes)
        self._speakers = _PartWriter(path / SPEAKERS, speaker_schema())
        self._rows_in_part = 0

    def write_rows(self, rows: tuple[dict[str, Any], list[dict[str, Any]], list[Any]]) -> None:
        """Write one article row, its quote rows and its speaker rows (see :func:`encode_rows`)."""
        article, quotes, speakers = rows
        self._articles.add([article], self._part)
        if quotes:
            self._quotes.add(quotes, self._part)
        if speakers:
            self._speakers.add(speakers, self._part)
        self._rows_in_part += 1
        if self._rows_in_part >= ROWS_PER_PART:
            # Rolling to a new part bounds what a hard kill can lose to one part.
            self.close()
            self._part += 1
            self._rows_in_part = 0

    def write(self, result: Result) -> None:
        """Write one result."""
        self.write_rows(encode_rows(result))

    def close(self) -> None:
        """Flush the buffered rows and finish every open file."""
        self._articles.close(self._part)
        self._quotes.close(self._part)
        self._speakers.close(self._part)


def encode_rows(
    result: Result,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The article row, quote rows and speaker rows of one result (built in workers)."""
    return article_row(result), quote_rows(result), speaker_rows(result)


def finished_parquet_ids(path: Path) -> set[str]:
    """Ids in the articles of a Parquet output; unreadable (torn) part files are removed."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]

    ids: set[str] = set()
    for part in sorted((path / ARTICLES).glob("part-*.parquet")):
        quotes = path / QUOTES / part.name
        try:
            column = pq.read_table(part, columns=["id"]).column("id")
            if quotes.exists():
                pq.read_metadata(quotes)
        except (OSError, ValueError):
            # A run killed before closing this part left no footer: parse its documents again.
            part.unlink()
            quotes.unlink(missing_ok=True)
            (path / SPEAKERS / part.name).unlink(missing_ok=True)
            continue
        ids.update(column.to_pylist())
    return ids


def read_tables(path: str | Path) -> tuple[pa.Table, pa.Table]:
    """Read the articles and quotes tables of a Parquet output directory."""
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]

    folder = Path(path)
    articles, quotes = _schemas()

    def read(name: str, schema: pa.Schema) -> pa.Table:
        parts = sorted((folder / name).glob("part-*.parquet"))
        tables = [pq.read_table(part, schema=schema) for part in parts]
        return pa.concat_tables(tables) if tables else schema.empty_table()

    return read(ARTICLES, articles), read(QUOTES, quotes)
