"""Read news documents from files, directories, JSONL and CSV; write and read parse results.

Inputs are streamed: every reader is a generator that holds one document at a time, so a
corpus of any size can be fed to :func:`newsdoc.batch.run_batch` with flat memory.

Ids never depend on how an input was spelled (``dir``, ``./dir``, ``/abs/dir``, ``.`` from
inside it), so that ``--resume`` finds its documents again: they are relative to each input.

- A text file is one document; its id is its file name.
- A directory is searched recursively (``glob`` filters the file names, default ``*.txt``);
  a file's id is its path relative to the directory, with ``/`` separators (``2024/a.txt``).
- A ``.jsonl``/``.jsonl.gz`` file holds one JSON object per line (lines end at ``\n`` only);
  the ``text_field`` is the article, the ``id_field`` (when present) its id, otherwise
  ``name:line``; every other field is kept as metadata.
- A ``.csv`` file is read the same way, one row per document (id ``name:row``).
- ``-`` is standard input, read as JSON lines (ids ``<stdin>:line`` without an id field).

A document that cannot be read (bad UTF-8, bad JSON, JSON nested too deep, no text field) is
still yielded, with ``error`` set, so that the batch reports it and goes on; so is a file that
breaks off (a truncated ``.gz``, a malformed CSV), after the documents read before the break.

Results are written as JSON lines by :mod:`newsdoc.outputs`, one object per document:
``{"id", "metadata", "article": Article.to_dict()}`` or ``{"id", "metadata", "error"}``.
The Arrow/Parquet side lives in :mod:`newsdoc.tables`; ``ARTICLE_SCHEMA`` and
``QUOTE_SCHEMA`` are re-exported here (imported lazily, pyarrow is an optional extra).
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

import attrs

from newsdoc.decode import decode_bytes
from newsdoc.model import Article
from newsdoc.serialize import dumps, loads

DEFAULT_GLOB = "*.txt"
DEFAULT_TEXT_FIELD = "text"
DEFAULT_ID_FIELD = "id"
STDIN = "-"
MAX_JSON_DEPTH = 100  # nesting of one JSONL record; deeper ones would overflow a writer's stack


@attrs.frozen(slots=True)
class Document:
    """One input document: its id, its text (None when unreadable) and pass-through metadata."""

    id: str
    text: str | None
    metadata: dict[str, Any] = attrs.field(factory=dict)
    error: str | None = None
    notes: tuple[str, ...] = ()  # how the bytes were decoded, when it was not plain UTF-8
    kind: str = "text"  # "html": ``text`` is a page's HTML, parsed with ``Parser.parse_html``

    @property
    def size(self) -> int:
        """Characters of text (0 when unreadable), for throughput figures."""
        return 0 if self.text is None else len(self.text)


@attrs.frozen(slots=True)
class Result:
    """The outcome for one document: an article, or the error that stopped it."""

    id: str
    article: Article | None
    metadata: dict[str, Any] = attrs.field(factory=dict)
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the document parsed."""
        return self.error is None


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    glob: str = DEFAULT_GLOB,
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    encoding: str | None = None,
    skip_ids: frozenset[str] | set[str] = frozenset(),
    html_field: str | None = None,
) -> Iterator[Document]:
    """Yield every document of ``inputs`` (files, directories, JSONL, CSV, HTML, WARC) in order.

    ``encoding`` applies to text and CSV files (default: detect, see :func:`read_text_file`;
    CSV defaults to UTF-8); JSONL is UTF-8 by definition. ``skip_ids`` are ids already done
    (``--resume``): text files with those ids are not even read; records of JSONL/CSV files
    are read but not yielded. ``html_field`` names the JSONL/CSV field that holds a page's
    HTML (instead of ``text_field``); HTML files and WARC records: :mod:`newsdoc.html.reader`.
    """
    for name in inputs:
        path = Path(name)
        if str(name) == STDIN:
            records = _jsonl_documents(_stdin_lines(), "<stdin>", text_field, id_field)
            yield from (doc for doc in records if doc.id not in skip_ids)
        elif path.is_dir():
            for doc_id, file in _files_of(path, glob):
                if _is_crawl(file):  # a crawl file's records have ids of their own (URIs)
                    records = _file_documents(file, doc_id, encoding)
                    yield from (doc for doc in records if doc.id not in skip_ids)
                elif doc_id not in skip_ids:
                    yield from _file_documents(file, doc_id, encoding)
        elif not path.exists():
            missing = clean_id(str(path))
            yield Document(missing, None, error=f"no such file or directory: {missing}")
        else:
            records = _records_of(path, html_field or text_field, id_field, encoding)
            if html_field is not None:
                records = (attrs.evolve(doc, kind="html") for doc in records)
            yield from (doc for doc in records if doc.id not in skip_ids)


def _is_crawl(path: Path) -> bool:
    """A WARC or ARC file: one document per HTML record, not one per file."""
    from newsdoc.html import reader  # here: newsdoc.html.reader imports this module

    return reader.is_warc_path(path)


def _file_documents(path: Path, doc_id: str, encoding: str | None) -> Iterator[Document]:
    """A file that is not JSONL or CSV: a WARC's records, an HTML page, or one text."""
    from newsdoc.html import reader  # here: newsdoc.html.reader imports this module

    if _is_crawl(path):
        return reader.read_warc(path)
    return iter([reader.read_page_or_text(path, encoding=encoding, doc_id=doc_id)])


def _files_of(folder: Path, glob: str) -> Iterator[tuple[str, Path]]:
    """``(id, path)`` of the files of ``folder``: ids relative to it, whatever its spelling."""
    for file in sorted(folder.rglob(glob)):
        if file.is_file():
            yield clean_id(file.relative_to(folder).as_posix()), file


def input_ids(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    glob: str = DEFAULT_GLOB,
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    encoding: str | None = None,
) -> Iterator[str]:
    """The ids :func:`iter_documents` would give (text files in folders are not read; crawl
    files are, for their records' ids).

    Standard input (``-``) is skipped: it can be read only once, by the run itself.
    """
    for name in inputs:
        path = Path(name)
        if str(name) == STDIN:
            continue
        if path.is_dir():
            for doc_id, file in _files_of(path, glob):
                if _is_crawl(file):  # ids are the records' URIs: the file must be read
                    yield from (doc.id for doc in _file_documents(file, doc_id, encoding))
                else:
                    yield doc_id
        elif path.exists():
            for document in _records_of(path, text_field, id_field, encoding):
                yield document.id


def _records_of(
    path: Path, text_field: str, id_field: str, encoding: str | None
) -> Iterator[Document]:
    suffixes = "".join(path.suffixes[-2:]).lower()
    if suffixes.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return read_jsonl(path, text_field=text_field, id_field=id_field)
    if path.suffix.lower() == ".csv":
        csv_encoding = encoding or "utf-8"
        return read_csv(path, text_field=text_field, id_field=id_field, encoding=csv_encoding)
    return _file_documents(path, clean_id(path.name), encoding)


def read_text_file(
    path: Path, *, encoding: str | None = None, doc_id: str | None = None
) -> Document:
    """Read one text file as one document (its id ``doc_id``, default the path as given).

    With ``encoding=None`` the encoding is detected (:func:`newsdoc.decode.decode_bytes`) and a
    file that is not plain UTF-8 gets a note saying how it was read; a named ``encoding`` is
    strict, and a file it cannot decode becomes an error for that file only.
    """
    doc_id = clean_id(str(path)) if doc_id is None else doc_id
    try:
        data = path.read_bytes()
    except OSError as error:
        return Document(doc_id, None, error=f"cannot read: {error}")
    try:
        text, notes = decode_bytes(data, encoding)
    except (UnicodeDecodeError, LookupError) as error:
        return Document(doc_id, None, error=f"cannot decode as {encoding}: {error}")
    plain = encoding is not None or notes == ("decoded as utf-8",)
    return Document(doc_id, text, notes=() if plain else notes)


def _open_text(path: Path, encoding: str = "utf-8") -> IO[str]:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rt", encoding=encoding, errors="surrogateescape", newline="")
    return path.open(encoding=encoding, errors="surrogateescape", newline="")


def open_binary(path: Path, mode: str = "rb") -> BinaryIO:
    """``path`` opened in binary ``mode``, through gzip when its name ends with ``.gz``."""
    if path.suffix.lower() == ".gz":
        return cast(BinaryIO, gzip.open(path, mode))
    return cast(BinaryIO, path.open(mode))


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines of a UTF-8 (or gzip) file, ended by ``\n`` only.

    A CR is JSON white space, so it must not end a record; the text layer would split there.
    """
    with open_binary(path) as handle:
        for number, line in enumerate(handle, start=1):
            yield number, line.decode("utf-8", "surrogateescape")


def _file_error(name: str, number: int, error: Exception) -> Document:
    """The document that stands for the rest of a file that broke off after ``number`` lines."""
    message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return Document(f"{name}:after-{number}", None, error=f"cannot read on: {message}")


def _has_surrogates(text: str) -> bool:
    # surrogateescape turns undecodable bytes into lone surrogates; we report them per record.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def clean_id(name: str) -> str:
    """``name`` as valid UTF-8: lone surrogates become backslash escapes (``\\udcff``).

    They come from file names that are not UTF-8 and from ``\\ud800`` escapes in JSON ids;
    no output can store them, and one must not stop a batch. The escapes keep distinct ids
    distinct and are the same on every run, so ``--resume`` finds the document again.
    """
    if not _has_surrogates(name):
        return name
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _document_from_record(
    record: object, fallback_id: str, text_field: str, id_field: str
) -> Document:
    if not isinstance(record, dict):
        return Document(fallback_id, None, error=f"expected a JSON object, got {record!r:.60}")
    raw_id = record.get(id_field)
    doc_id = fallback_id if raw_id is None or raw_id == "" else clean_id(str(raw_id))
    metadata = {key: value for key, value in record.items() if key not in (text_field, id_field)}
    text = record.get(text_field)
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}"
        error = f"field {text_field!r} must be the article text, found {found}"
        return Document(doc_id, None, metadata, error=error)
    if _has_surrogates(text):
        return Document(doc_id, None, metadata, error="text is not valid UTF-8")
    return Document(doc_id, text, metadata)


def _finite_number(text: str) -> float | None:
    value = float(text)
    return value if math.isfinite(value) else None  # 1e999 reads as infinity


def _null_constant(_name: str) -> None:
    # NaN, Infinity and -Infinity are not JSON; strict readers of our output would reject them.
    return None


def _depth_over(value: object, limit: int) -> bool:
    """True when ``value`` nests lists/objects deeper than ``limit`` (checked without recursion)."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def read_jsonl(
    path: Path,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
) -> Iterator[Document]:
    """Yield one document per line of a ``.jsonl`` or ``.jsonl.gz`` file (blank lines skipped).

    Fallback ids are ``name:line``, with the file's name. ``NaN`` and infinities in a record
    read as None. A record nested deeper than :data:`MAX_JSON_DEPTH`, or a file that breaks
    off (a truncated gzip stream), becomes an error document and reading goes on with the
    next record or file.
    """
    yield from _jsonl_documents(_lines(path), clean_id(path.name), text_field, id_field)


def _stdin_lines() -> Iterator[tuple[int, str]]:
    """Numbered lines of standard input, read as UTF-8 whatever the locale says."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a stream that is text only (a test's or a notebook's stand-in)
        yield from enumerate(sys.stdin, start=1)
        return
    for number, line in enumerate(buffer, start=1):
        yield number, line.decode("utf-8", "surrogateescape")


def _jsonl_documents(
    lines: Iterable[tuple[int, str]], name: str, text_field: str, id_field: str
) -> Iterator[Document]:
    number = 0
    try:
        for number, line in lines:
            if not line.strip():
                continue
            fallback_id = f"{name}:{number}"
            try:
                record = json.loads(line, parse_float=_finite_number, parse_constant=_null_constant)
            except ValueError as error:
                yield Document(fallback_id, None, error=f"invalid JSON: {error}")
                continue
            except RecursionError:
                yield Document(fallback_id, None, error="invalid JSON: nested too deep to read")
                continue
            if _depth_over(record, MAX_JSON_DEPTH):
                message = f"the record nests deeper than {MAX_JSON_DEPTH} levels"
                yield Document(fallback_id, None, error=message)
                continue
            yield _document_from_record(record, fallback_id, text_field, id_field)
    except (EOFError, OSError, zlib.error) as error:  # gzip stream cut short or corrupt
        yield _file_error(name, number, error)


def read_csv(
    path: Path,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    encoding: str = "utf-8",
) -> Iterator[Document]:
    """Yield one document per row of a CSV file with a header row (a broken file: an error)."""
    # News bodies are far longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(sys.maxsize)
    name = clean_id(path.name)
    number = 0
    with _open_text(path, encoding) as handle:
        try:
            for number, row in enumerate(csv.DictReader(handle), start=1):
                yield _document_from_record(dict(row), f"{name}:{number}", text_field, id_field)
        except (csv.Error, EOFError, OSError, zlib.error) as error:
            yield _file_error(name, number, error)


def result_record(result: Result) -> dict[str, Any]:
    """The JSON object written for one result (see the module docstring)."""
    record: dict[str, Any] = {"id": result.id, "metadata": result.metadata}
    if result.article is not None:
        record["article"] = result.article.to_dict()
    else:
        record["error"] = result.error
    return record


def result_line(result: Result) -> str:
    """One strict JSON line, with its newline, for ``result`` (:func:`newsdoc.serialize.dumps`)."""
    return dumps(result_record(result)) + "\n"


def read_results(path: str | os.PathLike[str]) -> Iterator[Result]:
    """Read back a JSONL output of ``newsdoc batch`` (articles rebuilt exactly)."""
    for _number, line in _lines(Path(path)):
        if not line.strip():
            continue
        record = loads(line)
        article = record.get("article")
        yield Result(
            id=record["id"],
            article=None if article is None else Article.from_dict(article),
            metadata=record.get("metadata") or {},
            error=record.get("error"),
        )


def __getattr__(name: str) -> Any:
    # The Arrow schemas need pyarrow (an optional extra): import it only when asked for.
    if name in ("ARTICLE_SCHEMA", "QUOTE_SCHEMA"):
        from newsdoc import tables

        return getattr(tables, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
