"""The Parquet output of ``newsdoc batch``: one dataset directory per table, parts renamed in.

``--out OUT.parquet`` writes the articles to ``OUT.parquet/``, the quotes to
``OUT.quotes.parquet/`` and the speakers to ``OUT.speakers.parquet/`` beside it
(:func:`newsdoc.outputs.table_paths`), so that ``pandas.read_parquet`` of each path gives
exactly one table. Every table gets a part of the same number per run (and per
``rows_per_part`` articles), empty when it has no rows, so that a part's quotes and speakers
belong to its articles. A Parquet file cannot be appended to; new parts are what makes
``--resume`` work.

A part is written as ``.part-00003.parquet.tmp`` (readers skip hidden files), synced, and
renamed to ``part-00003.parquet`` only when complete, articles first. A kill therefore leaves
complete parts, hidden temporary files, and at worst an articles part whose other tables
were not yet renamed; :meth:`ParquetWriter.repair` deletes the last two, so those documents
are parsed again. Needs pyarrow (``pip install 'newsdoc[arrow]'``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]
import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]

from newsdoc.io import Result
from newsdoc.outputs import PART_FILE, ROWS_PER_PART, OutputError, Payload, table_paths
from newsdoc.tables import ARTICLES, QUOTES, TABLES, encode_rows, table_schemas

__all__ = ["ParquetWriter", "read_tables", "table_paths"]

ROWS_PER_GROUP = 1_000  # articles per row group: ~5 MB, and bounded parent memory


def _parts(folder: Path) -> dict[int, Path]:
    parts: dict[int, Path] = {}
    for path in folder.glob("part-*.parquet"):
        number = path.stem.rpartition("-")[2]
        if number.isdigit():
            parts[int(number)] = path
    return parts


def _readable(path: Path) -> bool:
    try:
        pq.read_metadata(path)
    except (OSError, ValueError):
        return False
    return True


def _sync(path: Path) -> None:
    """Flush ``path`` to the disk before it is renamed into place (a rename is only atomic)."""
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _check_layout(out: Path) -> None:
    if (out / "articles").is_dir() or (out / "quotes").is_dir():
        raise OutputError(
            f"{out} holds articles/ and quotes/ folders, the layout of newsdoc before 0.2; "
            f"write to a new --out (the quotes now go to {table_paths(out)['quotes']})"
        )


class _PartWriter:
    """One table's part file, written under a hidden name in row groups."""

    def __init__(self, folder: Path, schema: pa.Schema, number: int) -> None:
        self.schema = schema
        self.final = folder / PART_FILE.format(number)
        self.temporary = folder / f".{self.final.name}.tmp"
        self.rows: list[dict[str, Any]] = []
        self.writer: Any = None

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= ROWS_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.temporary, self.schema, compression="zstd")
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def finish(self) -> None:
        """Close the temporary file and sync it (an empty part still gets its file)."""
        self.flush()
        self.writer.close()
        self.writer = None
        _sync(self.temporary)

    def discard(self) -> None:
        try:
            if self.writer is not None:
                self.writer.close()
        except OSError:
            pass
        self.temporary.unlink(missing_ok=True)


class ParquetWriter:
    """Write results into the Parquet datasets of ``path`` (see the module docstring)."""

    payload: Payload = "rows"

    def __init__(
        self,
        path: Path,
        *,
        resume: bool = False,
        retry_failed: bool = False,
        rows_per_part: int = ROWS_PER_PART,
    ) -> None:
        self.path = path
        self.folders = table_paths(path)
        self.schemas = table_schemas()
        self.rows_per_part = rows_per_part
        _check_layout(path)
        if resume:
            self._check_tables()
            self.done = self.repair(retry_failed=retry_failed)
        else:
            self.done = set()
            for folder in self.folders.values():
                for old in [*folder.glob("part-*.parquet"), *folder.glob(".part-*.tmp")]:
                    old.unlink()
        for folder in self.folders.values():
            folder.mkdir(parents=True, exist_ok=True)
        numbers = [n for folder in self.folders.values() for n in _parts(folder)]
        self._number = max(numbers, default=-1) + 1
        self._open: dict[str, _PartWriter] = {}
        self._articles = 0

    def _check_tables(self) -> None:
        # An output written before a table existed lacks its folder: repair would delete every
        # part as incomplete and parse the whole corpus again; refuse instead.
        missing = [table for table, folder in self.folders.items() if not folder.is_dir()]
        if missing and _parts(self.folders[ARTICLES]):
            raise OutputError(
                f"{self.path} has no {', '.join(missing)} table (written by an older newsdoc); "
                "write to a new --out, or --overwrite it"
            )

    def repair(self, *, retry_failed: bool = False) -> set[str]:
        """Make the datasets whole again after a kill; return the ids they hold.

        Deletes temporary files, unreadable parts and every part number that some table lacks;
        with ``retry_failed`` rewrites the article parts without their error rows (which have
        no quotes or speakers) and leaves those ids out.
        """
        for folder in self.folders.values():
            for temporary in folder.glob(".part-*.tmp"):
                temporary.unlink()
        parts = {table: _parts(folder) for table, folder in self.folders.items()}
        ids: set[str] = set()
        for number in sorted(set().union(*parts.values())):
            paths = [parts[table].get(number) for table in TABLES]
            if not all(path is not None and _readable(path) for path in paths):
                for path in paths:
                    if path is not None:
                        path.unlink()
                continue
            articles = parts[ARTICLES][number]
            table = pq.read_table(articles, schema=self.schemas[ARTICLES])
            if retry_failed and table.column("error").null_count < table.num_rows:
                table = table.filter(table.column("error").is_null())
                temporary = articles.with_name(f".{articles.name}.tmp")
                pq.write_table(table, temporary, compression="zstd")
                _sync(temporary)
                os.replace(temporary, articles)
            ids.update(table.column("id").to_pylist())
        return ids

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Write one document's rows, by table (see :func:`newsdoc.tables.encode_rows`)."""
        if not self._open:
            self._open = {
                table: _PartWriter(self.folders[table], self.schemas[table], self._number)
                for table in TABLES
            }
        for table, table_rows in rows.items():
            self._open[table].add(table_rows)
        self._articles += 1
        if self._articles >= self.rows_per_part:
            self._finish_part()

    def write(self, result: Result) -> None:
        """Write one result."""
        self.add(encode_rows(result))

    def _finish_part(self) -> None:
        writers = [self._open[table] for table in TABLES]
        for writer in writers:
            writer.finish()
        for writer in writers:  # articles first: a kill in between leaves a part to repair
            os.replace(writer.temporary, writer.final)
        self._open = {}
        self._number += 1
        self._articles = 0

    def close(self) -> None:
        """Finish the open part: every row written so far is in place."""
        if self._open:
            self._finish_part()

    def abort(self) -> None:
        """Drop the part being written (its documents are parsed again by a resume)."""
        for writer in self._open.values():
            writer.discard()
        self._open = {}


def read_tables(
    path: str | os.PathLike[str], tables: Sequence[str] = (ARTICLES, QUOTES)
) -> tuple[pa.Table, ...]:
    """The ``tables`` of a Parquet output (names of :data:`~newsdoc.tables.TABLES`), parts in
    order: ``articles, quotes = read_tables("out.parquet")``,
    ``(speakers,) = read_tables("out.parquet", ["speakers"])``.
    """
    schemas = table_schemas()
    folders = table_paths(path)
    read = []
    for table in tables:
        parts = [part for _number, part in sorted(_parts(folders[table]).items())]
        pieces = [pq.read_table(part, schema=schemas[table]) for part in parts]
        read.append(pa.concat_tables(pieces) if pieces else schemas[table].empty_table())
    return tuple(read)
