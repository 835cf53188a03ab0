"""Where ``newsdoc batch`` writes: JSONL (plain or gzip), CSV, standard output, Parquet.

:func:`open_output` opens one of these writers for a new run or, with ``resume``, after a
run that was interrupted or killed. Every writer survives a hard kill at any moment:

- a JSONL or CSV file holds whole records, one per line; a resume cuts a record torn by the
  kill (an unterminated last line counts as torn, even when its JSON is whole), so that the
  next record starts a line of its own, and that document is parsed again;
- a JSONL.gz file is appended as a new gzip member per run; a stream cut short is rewritten
  up to its last whole line;
- a Parquet part is written under a hidden temporary name (``.part-00003.parquet.tmp``, which
  Parquet readers skip) and renamed into place only when complete, the articles part first;
  a resume deletes temporary files and any part whose partner in the other tables is missing.

With ``retry_failed`` the error records of the old output are dropped (rewritten away), so
that those documents are parsed again and every id stays in the output exactly once.

Parquet layout: one dataset per table, as sibling directories, so that the natural read of
each path is exactly one table: ``OUT.parquet/`` holds the articles, ``OUT.quotes.parquet/``
the quotes and ``OUT.speakers.parquet/`` the speakers (:func:`table_paths`; the writer, which
needs pyarrow, is in :mod:`newsdoc.parquet_output`).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, Protocol, cast

from newsdoc.decode import warning_notes
from newsdoc.io import Result, open_binary, result_record
from newsdoc.serialize import dumps
from newsdoc.tables import ARTICLES, TABLES, article_row, encode_rows
from newsdoc.terminal import escape_json

Kind = Literal["jsonl", "jsonl.gz", "csv", "parquet"]
Payload = Literal["jsonl", "csv", "rows"]
STDOUT = "-"  # `--out -`: JSON lines on standard output
ROWS_PER_PART = 50_000  # a kill loses at most the Parquet part being written
PART_FILE = "part-{:05d}.parquet"  # part N of a table's dataset directory (batch and Dask)
_SUFFIXES: dict[str, Kind] = {
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl.gz",
    ".csv": "csv",
    ".parquet": "parquet",
}


class OutputError(ValueError):
    """The output cannot be used as asked (exists without ``resume``, was written otherwise)."""


def output_kind(out: Path) -> Kind:
    """The output format from its name (``-``, standard output, is JSONL); else ValueError."""
    if str(out) == STDOUT:
        return "jsonl"
    name = out.name.lower()
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return _SUFFIXES[suffix]
    raise ValueError(f"--out must end with .jsonl, .jsonl.gz, .csv or .parquet, got {out}")


class Writer(Protocol):
    """What :func:`newsdoc.batch.run_batch` needs of an output."""

    payload: Payload  # what the workers encode for it
    done: set[str]  # ids already in the output (resume)

    def add(self, encoded: Any) -> None:
        """Write one encoded result."""

    def close(self) -> None:
        """Finish the output: everything written is complete on disk."""

    def abort(self) -> None:
        """Stop after an error: keep what is complete, release files, raise nothing."""


def open_output(
    out: Path,
    *,
    resume: bool = False,
    overwrite: bool = False,
    retry_failed: bool = False,
    rows_per_part: int = ROWS_PER_PART,
) -> Writer:
    """A writer for ``out``; an existing output is refused unless ``resume`` or ``overwrite``.

    With ``resume`` the output is checked and repaired first (see the module docstring) and
    the writer's ``done`` holds the ids found in it; ``retry_failed`` leaves the ids of error
    records out, after deleting those records.
    """
    if str(out) == STDOUT:
        if resume:
            raise OutputError("resume needs an output file to read back; stdout (-) has none")
        return JsonlStreamWriter(sys.stdout)
    check_new(out, resume=resume, overwrite=overwrite)
    kind = output_kind(out)
    if kind == "parquet":
        try:
            from newsdoc.parquet_output import ParquetWriter
        except ImportError as error:  # pyarrow is an optional extra
            raise ImportError(
                f"{out}: Parquet output needs pyarrow: pip install 'newsdoc[arrow]'"
            ) from error
        return ParquetWriter(
            out, resume=resume, retry_failed=retry_failed, rows_per_part=rows_per_part
        )
    if kind == "csv":
        return CsvWriter(out, resume=resume, retry_failed=retry_failed)
    return JsonlWriter(out, resume=resume, retry_failed=retry_failed)


def check_new(out: Path, *, resume: bool = False, overwrite: bool = False) -> None:
    """Raise :class:`OutputError` when ``out`` exists and neither ``resume`` nor ``overwrite``."""
    if str(out) != STDOUT and not resume and not overwrite and _exists(out, output_kind(out)):
        raise OutputError(f"{out} exists: add --resume to continue it or --overwrite to replace it")


def _exists(out: Path, kind: Kind) -> bool:
    if kind != "parquet":
        return out.is_file() and out.stat().st_size > 0
    return any(path.is_dir() and any(path.iterdir()) for path in table_paths(out).values())


def table_paths(out: str | os.PathLike[str]) -> dict[str, Path]:
    """The dataset directory of each table of a Parquet output (see ``docs/arrow-schema.md``).

    ``OUT.parquet`` holds the articles, ``OUT.quotes.parquet`` beside it the quotes, and so
    on for every table of :data:`newsdoc.tables.TABLES`.
    """
    path = Path(out)
    stem = path.name[: -len(".parquet")] if path.name.lower().endswith(".parquet") else path.name
    return {
        table: path if table == ARTICLES else path.with_name(f"{stem}.{table}.parquet")
        for table in TABLES
    }


def _replace_with(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write a new version of ``path`` under a temporary name, then rename it into place."""
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


# --- JSON lines ---------------------------------------------------------------------------


def _is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz"  # as open_binary decides


class _WholeLines:
    """The newline-terminated lines of a JSONL output, plain or gzip, up to where it is torn."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.torn = False  # set once iterated: something after the last whole line
        self.size = 0  # bytes (uncompressed) of the whole lines

    def __iter__(self) -> Iterator[bytes]:
        with open_binary(self.path) as handle:
            try:
                for line in handle:
                    if not line.endswith(b"\n"):
                        self.torn = True  # whole JSON or not, its newline never came
                        return
                    self.size += len(line)
                    yield line
            except (EOFError, OSError, zlib.error):  # a gzip member cut short
                self.torn = True


def batch_line(result: Result) -> str:
    """The JSON line of ``result``, with a ``warnings`` list when its text looked damaged.

    The line is :func:`newsdoc.io.result_line`'s strict, exact JSON. The warnings are the
    notes of :func:`newsdoc.decode.warning_notes` (a binary file, HTML, mojibake, an empty
    text); the field is absent when there are none. DEL and C1 control characters are written
    as ``\\u`` escapes, so that ``--out -`` is safe on a terminal.
    """
    record = result_record(result)
    warnings = warning_notes(result.article.notes) if result.article is not None else []
    if warnings:
        record["warnings"] = warnings
    return escape_json(dumps(record)) + "\n"


def _jsonl_record(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) and isinstance(record.get("id"), str) else None


class JsonlWriter:
    """Append JSON lines to a ``.jsonl`` or (a new gzip member per run) ``.jsonl.gz`` file."""

    payload: Payload = "jsonl"

    def __init__(self, path: Path, *, resume: bool = False, retry_failed: bool = False) -> None:
        self.path = path
        self.done: set[str] = set()
        if resume and path.exists():
            self.done = self._repair(retry_failed)
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "ab" if resume else "wb"
        self._handle = open_binary(path, mode)  # closed by close() or abort()

    def _repair(self, retry_failed: bool) -> set[str]:
        """Ids of the whole records; torn records (and with ``retry_failed`` errors) removed."""
        lines = _WholeLines(self.path)
        ids: set[str] = set()
        failed: set[str] = set()
        for line in lines:
            record = _jsonl_record(line)
            if record is not None:
                (failed if "error" in record else ids).add(record["id"])
        if (retry_failed and failed) or (lines.torn and _is_gzip(self.path)):
            drop = failed if retry_failed else set()
            _replace_with(self.path, lambda handle: self._copy(handle, drop))
        elif lines.torn:
            os.truncate(self.path, lines.size)
        return ids if retry_failed else ids | failed

    def _copy(self, handle: BinaryIO, drop: set[str]) -> None:
        gzipped = _is_gzip(self.path)
        target = cast(BinaryIO, gzip.GzipFile(fileobj=handle, mode="wb")) if gzipped else handle
        for line in _WholeLines(self.path):
            record = _jsonl_record(line)
            if record is None or "error" not in record or record["id"] not in drop:
                target.write(line)
        if target is not handle:
            target.close()

    def add(self, line: str) -> None:
        """Write one encoded line (see :func:`batch_line`)."""
        self._handle.write(line.encode("utf-8"))

    def write(self, result: Result) -> None:
        """Write one result."""
        self.add(batch_line(result))

    def close(self) -> None:
        """Flush and close the file."""
        self._handle.close()

    def abort(self) -> None:
        """Close quietly after a write error (a resume repairs the tail)."""
        with contextlib.suppress(OSError):
            self._handle.close()


class JsonlStreamWriter:
    """Write JSON lines to an open stream such as ``sys.stdout`` (``newsdoc batch --out -``).

    The lines go out as UTF-8 whatever the stream's locale encoding (JSONL is UTF-8 by
    definition), through its binary buffer when it has one. The stream is flushed, never closed.
    """

    payload: Payload = "jsonl"

    def __init__(self, stream: IO[str]) -> None:
        stream.flush()  # anything printed before comes first
        self.done: set[str] = set()
        self._text = stream
        self._binary: BinaryIO | None = getattr(stream, "buffer", None)

    def add(self, line: str) -> None:
        """Write one encoded line (see :func:`batch_line`)."""
        if self._binary is not None:
            self._binary.write(line.encode("utf-8"))
        else:
            self._text.write(line)

    def write(self, result: Result) -> None:
        """Write one result."""
        self.add(batch_line(result))

    def close(self) -> None:
        """Flush what was written; the stream stays open."""
        (self._text if self._binary is None else self._binary).flush()

    def abort(self) -> None:
        """Nothing to release: the stream belongs to the caller."""


# --- CSV ----------------------------------------------------------------------------------


@functools.cache
def article_columns() -> tuple[str, ...]:
    """The columns of the articles table, in order (the CSV header); no pyarrow needed."""
    from newsdoc.parser import DEFAULT_PARSER

    return tuple(article_row(Result("", DEFAULT_PARSER.parse(""))))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return dumps(value)  # lists and structs as JSON text, as pandas users expect
    if isinstance(value, str):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def csv_line(result: Result, columns: tuple[str, ...] | None = None) -> str:
    """One CSV row (with its newline) of the article table for ``result``."""
    row = article_row(result)
    buffer = io.StringIO()
    # CRLF, the csv default (RFC 4180): a field holding a CR or LF is then always quoted.
    csv.writer(buffer).writerow([_cell(row.get(name)) for name in columns or article_columns()])
    return buffer.getvalue()


def _csv_rows(path: Path) -> Iterator[tuple[list[str], int]]:
    """Each whole row of a CSV output with the byte offset where it ends."""
    end = 0

    def lines() -> Iterator[str]:
        nonlocal end
        with path.open("rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    return  # unterminated: torn
                end += len(raw)
                yield raw.decode("utf-8", "surrogateescape")

    csv.field_size_limit(sys.maxsize)  # article texts exceed the default field limit
    try:
        for row in csv.reader(lines(), strict=True):
            yield row, end
    except csv.Error:  # a quoted field cut short by the kill
        return


class CsvWriter:
    """Append rows of the article table to a CSV file, a header row first."""

    payload: Payload = "csv"

    def __init__(self, path: Path, *, resume: bool = False, retry_failed: bool = False) -> None:
        self.path = path
        self.columns = article_columns()
        self.done: set[str] = set()
        fresh = not (resume and path.exists() and path.stat().st_size > 0)
        if not fresh:
            self.done = self._repair(retry_failed)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = path.open("wb" if fresh else "ab")
        if fresh:
            self._handle.write((",".join(self.columns) + "\r\n").encode("utf-8"))

    def _repair(self, retry_failed: bool) -> set[str]:
        ids: set[str] = set()
        failed: set[str] = set()
        size = 0
        identifier, error = self.columns.index("id"), self.columns.index("error")
        for number, (row, end) in enumerate(_csv_rows(self.path)):
            if number == 0:
                if tuple(row) != self.columns:
                    raise OutputError(f"{self.path} has other columns than this newsdoc writes")
            elif len(row) != len(self.columns):
                break  # torn
            else:
                (failed if row[error] else ids).add(row[identifier])
            size = end
        if retry_failed and failed:
            _replace_with(self.path, lambda handle: self._copy(handle, size, error))
        elif size != self.path.stat().st_size:
            os.truncate(self.path, size)
        return ids if retry_failed else ids | failed

    def _copy(self, handle: BinaryIO, size: int, error: int) -> None:
        text = io.TextIOWrapper(handle, encoding="utf-8", errors="surrogateescape", newline="")
        writer = csv.writer(text)
        for number, (row, end) in enumerate(_csv_rows(self.path)):
            if end > size:
                break
            if number == 0 or not row[error]:
                writer.writerow(row)
        text.flush()
        text.detach()

    def add(self, line: str) -> None:
        """Write one encoded row (see :func:`csv_line`)."""
        self._handle.write(line.encode("utf-8"))

    def write(self, result: Result) -> None:
        """Write one result."""
        self.add(csv_line(result, self.columns))

    def close(self) -> None:
        """Flush and close the file."""
        self._handle.close()

    def abort(self) -> None:
        """Close quietly after a write error (a resume repairs the tail)."""
        with contextlib.suppress(OSError):
            self._handle.close()


def encode(payload: Payload, result: Result) -> Any:
    """What a worker sends back for ``result`` for a writer of this ``payload``."""
    if payload == "jsonl":
        return batch_line(result)
    if payload == "csv":
        return csv_line(result)
    return encode_rows(result)
