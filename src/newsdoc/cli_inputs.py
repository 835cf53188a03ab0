"""What ``newsdoc batch`` checks about its inputs before it starts, and how many there are.

:func:`check_inputs` turns mistakes into one clear message instead of a thousand error
records: a path that does not exist, a ``--text-field`` that no record has (the message lists
the fields that do exist), a directory where ``--glob`` matches nothing (a warning: the run
goes on). :func:`count_documents` gives the progress bar its total when counting is cheap.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from newsdoc.io import STDIN

COUNT_BYTES = 256 * 2**20  # count the records of files up to this size (a second or two)
GZIP_RATIO = 8  # news text compresses about this much: count .gz files up to COUNT_BYTES / 8
FIELDS_SHOWN = 12  # field names listed when --text-field is in no record


def _kind(path: Path) -> str:
    """``jsonl``, ``csv`` or ``text``, as newsdoc.io reads the file."""
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    return "csv" if name.endswith(".csv") else "text"


def _open(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace", newline="")
    return path.open(encoding="utf-8", errors="replace", newline="")


def _jsonl_fields(path: Path, text_field: str) -> set[str] | None:
    """None when some record has ``text_field``; else every field name seen."""
    seen: set[str] = set()
    with _open(path) as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # blank or broken lines become their own error records
            if isinstance(record, dict):
                if text_field in record:
                    return None
                seen.update(record)
    return seen


def _csv_fields(path: Path, text_field: str, encoding: str | None) -> set[str] | None:
    with path.open(encoding=encoding or "utf-8", errors="replace", newline="") as handle:
        header = next(csv.reader(handle), [])
    return None if text_field in header else set(header)


def _files(folder: Path, glob: str) -> Iterator[Path]:
    return (path for path in folder.rglob(glob) if path.is_file())


def check_inputs(
    inputs: Iterable[str],
    *,
    glob: str,
    text_field: str,
    encoding: str | None,
    usage: Callable[[str], object],
    warn: Callable[[str], object],
) -> None:
    """Call ``usage`` (it exits) for an input that cannot work, ``warn`` for an empty one."""
    for name in inputs:
        if name == STDIN:
            continue
        path = Path(name)
        if not path.exists():
            usage(f"no such file or directory: {name}")
        elif path.is_dir():
            if next(_files(path, glob), None) is None:
                warn(f"no files match --glob {glob} in {name}")
        elif _kind(path) != "text":
            if _kind(path) == "jsonl":
                fields = _jsonl_fields(path, text_field)
            else:
                fields = _csv_fields(path, text_field, encoding)
            if fields is not None:
                names = ", ".join(sorted(fields)[:FIELDS_SHOWN]) or "none"
                more = " ..." if len(fields) > FIELDS_SHOWN else ""
                usage(
                    f"--text-field {text_field} is in no record of {name}; its fields are: "
                    f"{names}{more} (choose one with --text-field NAME)"
                )


def _records(path: Path) -> int | None:
    limit = COUNT_BYTES // GZIP_RATIO if path.name.lower().endswith(".gz") else COUNT_BYTES
    if path.stat().st_size > limit:
        return None
    with _open(path) as handle:
        if _kind(path) == "jsonl":
            return sum(1 for line in handle if line.strip())
        csv.field_size_limit(sys.maxsize)  # news bodies exceed the 128 KiB default
        return max(sum(1 for row in csv.reader(handle) if row) - 1, 0)  # less the header row


def count_documents(inputs: Iterable[str], glob: str) -> int | None:
    """How many documents ``inputs`` hold, or None when only reading them all would tell."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == STDIN:
            return None
        if path.is_dir():
            total += sum(1 for _path in _files(path, glob))
        elif not path.exists() or _kind(path) == "text":
            total += 1  # a missing path is still one (error) record
        else:
            count = _records(path)
            if count is None:
                return None
            total += count
    return total
