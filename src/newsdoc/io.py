"""Read news documents from files, directories, JSONL and CSV; write and read parse results.

Inputs are streamed: every reader is a generator that holds one document at a time, so a
corpus of any size can be fed to :func:`newsdoc.batch.run_batch` with flat memory.

- A text file is one document; its id is its path.
- A directory is searched recursively (``glob`` filters the file names, default ``*.txt``).
- A ``.jsonl``/``.jsonl.gz`` file holds one JSON object per line; the ``text_field`` is the
  article, the ``id_field`` (when present) its id, otherwise ``path:line``; every other field
  is kept as metadata.
- A ``.csv`` file is read the same way, one row per document (id ``path:row``).

A document that cannot be read (bad UTF-8, bad JSON, no text field) is still yielded, with
``error`` set, so that the batch reports it and goes on.

Results are written as JSON lines (:class:`JsonlWriter` to a file, :class:`JsonlStreamWriter`
to standard output), one object per document:
``{"id", "metadata", "article": Article.to_dict()}`` or ``{"id", "metadata", "error"}``.
The Arrow/Parquet side lives in :mod:`newsdoc.tables`; ``ARTICLE_SCHEMA`` and
``QUOTE_SCHEMA`` are re-exported here (imported lazily, pyarrow is an optional extra).
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

import attrs

from newsdoc.decode import decode_bytes
from newsdoc.model import Article

DEFAULT_GLOB = "*.txt"
DEFAULT_TEXT_FIELD = "text"
DEFAULT_ID_FIELD = "id"


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
        if path.is_dir():
            for file in sorted(path.rglob(glob)):
                if file.is_file() and clean_id(str(file)) not in skip_ids:
                    yield from _records_of(file, text_field, id_field, encoding)
        elif not path.exists():
            missing = clean_id(str(path))
            yield Document(missing, None, error=f"no such file or directory: {missing}")
        else:
            records = _records_of(path, html_field or text_field, id_field, encoding)
            if html_field is not None:
                records = (attrs.evolve(doc, kind="html") for doc in records)
            yield from (doc for doc in records if doc.id not in skip_ids)


def _records_of(
    path: Path, text_field: str, id_field: str, encoding: str | None
) -> Iterator[Document]:
    suffixes = "".join(path.suffixes[-2:]).lower()
    if suffixes.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return read_jsonl(path, text_field=text_field, id_field=id_field)
    if path.suffix.lower() == ".csv":
        csv_encoding = encoding or "utf-8"
        return read_csv(path, text_field=text_field, id_field=id_field, encoding=csv_encoding)
    from newsdoc.html import reader  # here: newsdoc.html.reader imports this module

    if reader.is_warc_path(path):
        return reader.read_warc(path)
    if reader.is_html_path(path) or reader.sniff_html(path):
        return iter([reader.read_html_file(path)])
    return iter([read_text_file(path, encoding=encoding)])


def read_text_file(path: Path, *, encoding: str | None = None) -> Document:
    """Read one text file as one document.

    With ``encoding=None`` the encoding is detected (:func:`newsdoc.decode.decode_bytes`) and a
    file that is not plain UTF-8 gets a note saying how it was read; a named ``encoding`` is
    strict, and a file it cannot decode becomes an error for that file only.
    """
    doc_id = clean_id(str(path))
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


def read_jsonl(
    path: Path, *, text_field: str = DEFAULT_TEXT_FIELD, id_field: str = DEFAULT_ID_FIELD
) -> Iterator[Document]:
    """Yield one document per line of a ``.jsonl`` or ``.jsonl.gz`` file (blank lines skipped)."""
    name = clean_id(str(path))
    with _open_text(path) as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            fallback_id = f"{name}:{number}"
            try:
                record = json.loads(line)
            except ValueError as error:
                yield Document(fallback_id, None, error=f"invalid JSON: {error}")
                continue
            yield _document_from_record(record, fallback_id, text_field, id_field)


def read_csv(
    path: Path,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    encoding: str = "utf-8",
) -> Iterator[Document]:
    """Yield one document per row of a CSV file with a header row."""
    # News bodies are far longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(sys.maxsize)
    name = clean_id(str(path))
    with _open_text(path, encoding) as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            yield _document_from_record(dict(row), f"{name}:{number}", text_field, id_field)


def result_record(result: Result) -> dict[str, Any]:
    """The JSON object written for one result (see the module docstring)."""
    record: dict[str, Any] = {"id": result.id, "metadata": result.metadata}
    if result.article is not None:
        record["article"] = result.article.to_dict()
    else:
        record["error"] = result.error
    return record


def result_line(result: Result) -> str:
    """One JSON line (with its newline) for ``result``."""
    return json.dumps(result_record(result), ensure_ascii=False) + "\n"


def _escaped_line(line: str) -> str:
    # Lone surrogates (a "\ud800" escape in an input's metadata) cannot be written as UTF-8;
    # \u escapes can, and read back to the same string. Only called after an encoding error.
    return json.dumps(json.loads(line)) + "\n"


class JsonlWriter:
    """Append JSON lines to a file; with ``resume`` the file is kept and a torn last line cut."""

    def __init__(self, path: Path, *, resume: bool = False) -> None:
        self.path = path
        if resume and path.exists():
            _cut_torn_last_line(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = path.open("a" if resume else "w", encoding="utf-8")

    def write_line(self, line: str) -> None:
        """Write one already-encoded line (see :func:`result_line`)."""
        try:
            self._handle.write(line)
        except UnicodeEncodeError:  # nothing was written: the line is encoded before buffering
            self._handle.write(_escaped_line(line))

    def write(self, result: Result) -> None:
        """Write one result."""
        self.write_line(result_line(result))

    def close(self) -> None:
        """Flush and close the file."""
        self._handle.close()


class JsonlStreamWriter:
    """Write JSON lines to an open stream such as ``sys.stdout`` (``newsdoc batch --out -``).

    The lines go out as UTF-8 whatever the stream's locale encoding (JSONL is UTF-8 by
    definition), through its binary buffer when it has one. The stream is flushed, never closed.
    """

    def __init__(self, stream: TextIO) -> None:
        stream.flush()  # anything printed before comes first
        self._text = stream
        self._binary: BinaryIO | None = getattr(stream, "buffer", None)

    def write_line(self, line: str) -> None:
        """Write one already-encoded line (see :func:`result_line`)."""
        try:
            data = line.encode("utf-8")
        except UnicodeEncodeError:
            line = _escaped_line(line)
            data = line.encode("utf-8")
        if self._binary is not None:
            self._binary.write(data)
        else:
            self._text.write(line)

    def write(self, result: Result) -> None:
        """Write one result."""
        self.write_line(result_line(result))

    def close(self) -> None:
        """Flush what was written; the stream stays open."""
        (self._text if self._binary is None else self._binary).flush()


def _cut_torn_last_line(path: Path) -> None:
    # A run killed mid-write leaves a partial line; drop it so the file stays valid JSONL.
    with path.open("rb+") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        position = size
        while position > 0:
            step = min(65536, position)
            handle.seek(position - step)
            chunk = handle.read(step)
            newline = chunk.rfind(b"\n")
            if newline != -1:
                position = position - step + newline + 1
                break
            position -= step
        if position != size:
            handle.truncate(position)


def read_results(path: str | os.PathLike[str]) -> Iterator[Result]:
    """Read back a JSONL file written by :class:`JsonlWriter` (articles rebuilt exactly)."""
    with _open_text(Path(path)) as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            article = record.get("article")
            yield Result(
                id=record["id"],
                article=None if article is None else Article.from_dict(article),
                metadata=record.get("metadata") or {},
                error=record.get("error"),
            )


def finished_ids(path: str | os.PathLike[str]) -> set[str]:
    """Ids already present in a JSONL result file (an absent file has none)."""
    target = Path(path)
    if not target.exists():
        return set()
    ids: set[str] = set()
    with _open_text(target) as lines:
        for line in lines:
            try:
                ids.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                continue  # a torn last line: that document is parsed again
    return ids


def __getattr__(name: str) -> Any:
    # The Arrow schemas need pyarrow (an optional extra): import it only when asked for.
    if name in ("ARTICLE_SCHEMA", "QUOTE_SCHEMA"):
        from newsdoc import tables

        return getattr(tables, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
