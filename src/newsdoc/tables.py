"""Flat Arrow tables of articles, quotes and speakers: their rows and schemas.

:func:`article_row` and :func:`quote_rows` turn one parse result into plain dicts that match
:data:`ARTICLE_SCHEMA` and :data:`QUOTE_SCHEMA` (documented column by column in
``docs/arrow-schema.md``); the speakers table's rows and schema come from
:mod:`newsdoc.speakers`. The row functions need nothing but the standard library, so workers
can build rows without pyarrow; the schemas need pyarrow (``pip install 'newsdoc[arrow]'``).

The writers of the batch outputs live in :mod:`newsdoc.outputs` (JSONL, CSV) and
:mod:`newsdoc.parquet_output` (the Parquet datasets, one per table of :data:`TABLES`).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from newsdoc.decode import warning_notes
from newsdoc.io import Result, _has_surrogates
from newsdoc.model import Dateline, Span
from newsdoc.speakers import SPEAKERS, speaker_rows, speaker_schema

if TYPE_CHECKING:
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

SCHEMA_VERSION = 2  # 2: one schema with the DataFrames (counts named *_count, UTC times)
ARTICLES = "articles"
QUOTES = "quotes"
ARROW_EXTRA = "pip install 'newsdoc[arrow]'"
# The tables of a Parquet output: a new table adds its name here, its rows to encode_rows and
# its schema to table_schemas; the writers (newsdoc.parquet_output) follow.
TABLES = (ARTICLES, QUOTES, SPEAKERS)


def _span(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def _instant(moment: date | None) -> datetime | None:
    """``published``/``updated`` as one UTC timestamp type (a date or naive time read as UTC)."""
    if moment is None:
        return None
    if not isinstance(moment, datetime):
        return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _day(moment: date | None) -> date | None:
    # A datetime is a date subclass; Arrow's date32 wants the calendar day only.
    return moment.date() if isinstance(moment, datetime) else moment


def dateline_text(dateline: Dateline) -> str:
    """The dateline as written, without its trailing dash: ``WASHINGTON, March 3 (Reuters)``."""
    return dateline.text.rstrip(" —–-") or (dateline.location or "")


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
    text = article.text
    return {
        "id": result.id,
        "error": None,
        "headline": article.headline,
        "dek": article.dek,
        "byline": None if byline is None else byline.text,
        "authors": [] if byline is None else list(byline.authors),
        "agency": (byline and byline.agency) or (dateline and dateline.agency) or None,
        "dateline": None if dateline is None else dateline_text(dateline),
        "dateline_location": None if dateline is None else dateline.location,
        "dateline_date": None if dateline is None else _day(dateline.date),
        "published": _instant(article.published),
        "updated": _instant(article.updated),
        "text": text,
        "paragraphs": [paragraph.text for paragraph in paragraphs],
        "section_headings": [s.heading for s in article.sections if s.heading is not None],
        "section_count": len(article.sections),
        "paragraph_count": len(paragraphs),
        "word_count": len(text.split()),
        "quote_count": len(article.quotes),
        "speakers": [speaker.name for speaker in article.speakers.ranked()],
        "speaker_count": len(article.speakers),
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
        "removed_count": len(article.removed),
        "notes": list(article.notes),
        "warnings": warning_notes(article.notes),
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
            "speaker_kind": quote.speaker_kind,
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
    try:
        import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as error:
        raise ImportError(f"Parquet and Arrow tables need pyarrow: {ARROW_EXTRA}") from error

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
    instant = pa.timestamp("us", tz="UTC")
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
            ("published", instant),
            ("updated", instant),
            ("text", pa.string()),
            ("paragraphs", strings),
            ("section_headings", strings),
            ("section_count", pa.int32()),
            ("paragraph_count", pa.int32()),
            ("word_count", pa.int32()),
            ("quote_count", pa.int32()),
            ("speakers", strings),
            ("speaker_count", pa.int32()),
            ("explainer_count", pa.int32()),
            ("credits", strings),
            ("removed", pa.list_(removed)),
            ("removed_count", pa.int32()),
            ("notes", strings),
            ("warnings", strings),
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
            ("speaker_kind", pa.string()),
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
    if name in ("ParquetWriter", "read_tables"):  # moved to newsdoc.parquet_output
        from newsdoc import parquet_output

        return getattr(parquet_output, name)
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


def encode_rows(result: Result) -> dict[str, list[dict[str, Any]]]:
    """The rows of one result for each table of :data:`TABLES` (built in worker processes)."""
    return {
        ARTICLES: [article_row(result)],
        QUOTES: quote_rows(result),
        SPEAKERS: speaker_rows(result),
    }


def table_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each table of :data:`TABLES`."""
    return dict(zip(TABLES, (*_schemas(), speaker_schema()), strict=True))
