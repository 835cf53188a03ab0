"""Parse many documents on every core, in input order, with flat memory.

Work is cut into chunks of documents and at most ``window`` chunks are in flight at once, so
reading, parsing and writing all stream: a 1 GB input never sits in memory. (The standard
``Pool.imap`` would read its whole input ahead, which is why it is not used.) Workers encode
their results (JSON line or table rows) so the parent process only reads and writes.

- :func:`parse_many`: texts in, articles out, for Python callers.
- :func:`run_batch`: the engine of ``newsdoc batch``: inputs in, a JSONL file or a Parquet
  dataset out, one error record per failed document, a progress line, a summary.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, Literal, TextIO, TypeVar

import attrs

from newsdoc.io import (
    DEFAULT_GLOB,
    DEFAULT_ID_FIELD,
    DEFAULT_TEXT_FIELD,
    Document,
    JsonlWriter,
    Result,
    finished_ids,
    iter_documents,
    result_line,
)
from newsdoc.model import Article
from newsdoc.parser import DEFAULT_PARSER, Parser, ParserConfig
from newsdoc.tables import ParquetWriter, encode_rows, finished_parquet_ids

Item = TypeVar("Item")
Output = TypeVar("Output")
Payload = Literal["article", "jsonl", "rows"]
DEFAULT_CHUNKSIZE = 16
CHUNK_CHARACTERS = 200_000  # about 0.1 s of parsing: chunks of similar cost balance the workers
WINDOW_CHARACTERS = 8_000_000  # text in flight (results are a few times larger)


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunks(
    items: Iterable[Item], size: int, weigh: Callable[[Item], int], max_weight: int
) -> Iterator[tuple[list[Item], int]]:
    """Chunks of at most ``size`` items and (but for a single heavy item) ``max_weight``."""
    chunk: list[Item] = []
    weight = 0
    for item in items:
        chunk.append(item)
        weight += weigh(item)
        if len(chunk) >= size or weight >= max_weight:
            yield chunk, weight
            chunk, weight = [], 0
    if chunk:
        yield chunk, weight


def _unit(_item: object) -> int:
    return 1


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; only the parent should handle it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where possible: never forks a threaded parent (Jupyter, Dask); cheap starts."""
    methods = multiprocessing.get_all_start_methods()
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file is not None and not os.path.exists(main_file) and "fork" in methods:
        # A script read from stdin cannot be re-imported by forkserver/spawn workers.
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Workers fork from a server that has imported the parser once, not each on its own.
    context.set_forkserver_preload(["__main__", "newsdoc.batch"])
    return context


def ordered_map(
    function: Callable[[list[Item]], list[Output]],
    items: Iterable[Item],
    *,
    workers: int,
    chunksize: int = DEFAULT_CHUNKSIZE,
    weigh: Callable[[Item], int] = _unit,
    chunk_weight: int = CHUNK_CHARACTERS,
    window_weight: int = WINDOW_CHARACTERS,
    window: int | None = None,
) -> Iterator[Output]:
    """Apply ``function`` to chunks of ``items`` in worker processes, yielding in input order.

    A chunk holds at most ``chunksize`` items and about ``chunk_weight`` of their ``weigh``
    (characters, for documents), so that chunks take similar times. At most ``window`` chunks
    (default ``16 * workers``) and ``window_weight`` are in flight: enough for one slow chunk
    at the head not to leave the other workers idle, little enough to keep memory flat.
    With ``workers <= 1`` everything runs in this process (easiest to debug and profile).
    """
    chunks = _chunks(items, chunksize, weigh, chunk_weight)
    if workers <= 1:
        for chunk, _weight in chunks:
            yield from function(chunk)
        return
    limit = window or 16 * workers
    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_ignore_interrupts)
    pending: deque[tuple[Future[list[Output]], int]] = deque()
    in_flight = 0
    try:
        for chunk, weight in chunks:
            pending.append((pool.submit(function, chunk), weight))
            in_flight += weight
            while len(pending) >= limit or in_flight >= window_weight:
                head, head_weight = pending.popleft()
                in_flight -= head_weight
                yield from head.result()
        while pending:
            yield from pending.popleft()[0].result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@attrs.frozen(slots=True)
class _Task:
    """What a worker needs to turn documents into encoded results (picklable)."""

    parser: Parser
    published: date | datetime | None
    payload: Payload


def parse_document(
    document: Document,
    parser: Parser = DEFAULT_PARSER,
    published: date | datetime | None = None,
) -> Result:
    """Parse one document; any failure becomes the result's error instead of an exception."""
    if document.text is None:
        return Result(document.id, None, document.metadata, error=document.error)
    try:
        article = parser.parse(document.text, published=published)
    except Exception as error:  # one bad document must not stop the batch
        message = f"{type(error).__name__}: {error}"
        return Result(document.id, None, document.metadata, error=message)
    if document.notes:
        article = attrs.evolve(article, notes=(*document.notes, *article.notes))
    return Result(document.id, article, document.metadata)


def _work(task: _Task, documents: list[Document]) -> list[tuple[str, int, bool, Any]]:
    """Parse and encode one chunk: ``(id, characters, ok, payload)`` per document."""
    encoded: list[tuple[str, int, bool, Any]] = []
    for document in documents:
        result = parse_document(document, task.parser, task.published)
        encoded_result: Any
        if task.payload == "jsonl":
            encoded_result = result_line(result)
        elif task.payload == "rows":
            encoded_result = encode_rows(result)
        else:
            encoded_result = result
        encoded.append((result.id, document.size, result.ok, encoded_result))
    return encoded


def _size(document: Document) -> int:
    return document.size


class Progress:
    """A one-line progress display on stderr: documents, documents/s, MB/s, failures.

    No dependency: the total is unknown while streaming, so a bar could show no percentage.
    Silent unless ``enabled`` (default: when the stream is a terminal).
    """

    def __init__(
        self, stream: TextIO | None = None, *, enabled: bool | None = None, interval: float = 0.25
    ) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.interval = interval
        self.started = time.perf_counter()
        self.shown_at = 0.0
        self.documents = 0
        self.characters = 0
        self.failed = 0

    def update(self, characters: int, *, ok: bool = True) -> None:
        """Count one finished document and redraw at most every ``interval`` seconds."""
        self.documents += 1
        self.characters += characters
        self.failed += not ok
        now = time.perf_counter()
        if self.enabled and now - self.shown_at >= self.interval:
            self.shown_at = now
            self.stream.write("\r" + self.line())
            self.stream.flush()

    @property
    def elapsed(self) -> float:
        """Seconds since the start."""
        return time.perf_counter() - self.started

    def line(self) -> str:
        """The current status text."""
        seconds = max(self.elapsed, 1e-9)
        return (
            f"{self.documents:,} docs | {self.documents / seconds:,.1f} docs/s | "
            f"{self.characters / seconds / 1e6:.2f} MB/s | {self.failed:,} failed | "
            f"{seconds:,.1f} s"
        )

    def close(self) -> None:
        """Finish the line so that later output starts on a fresh one."""
        if self.enabled:
            self.stream.write("\r" + self.line() + "\n")
            self.stream.flush()


def parse_many(
    texts: Iterable[str],
    *,
    workers: int | None = None,
    progress: bool = False,
    published: date | datetime | None = None,
    config: ParserConfig | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Iterator[Article]:
    """Parse ``texts`` on ``workers`` processes (default: every core), yielding in input order.

    ``texts`` is consumed lazily, a few chunks ahead. A text that fails to parse raises
    ``ValueError`` (naming its position and the original error) when its turn comes in the
    output. ``workers=1`` parses in this process; ``progress`` shows a line on stderr.
    """
    parser = DEFAULT_PARSER if config is None else Parser(config)
    task = _Task(parser, published, "article")
    documents = (Document(str(index), text) for index, text in enumerate(texts))
    display = Progress(enabled=progress)
    count = default_workers() if workers is None else workers
    try:
        for _id, characters, ok, result in ordered_map(
            partial(_work, task), documents, workers=count, chunksize=chunksize, weigh=_size
        ):
            display.update(characters, ok=ok)
            if result.article is None:
                raise ValueError(f"text {result.id} failed: {result.error}")
            yield result.article
    finally:
        display.close()


@attrs.frozen(slots=True)
class BatchSummary:
    """What a batch run did: documents written, failures, documents skipped by ``resume``."""

    documents: int
    failed: int
    skipped: int
    characters: int
    seconds: float
    out: Path

    def describe(self) -> str:
        """One human line, e.g. for the end of ``newsdoc batch``."""
        seconds = max(self.seconds, 1e-9)
        skipped = f", {self.skipped:,} already done" if self.skipped else ""
        return (
            f"{self.documents:,} documents ({self.failed:,} failed{skipped}) in {seconds:,.1f} s: "
            f"{self.documents / seconds:,.1f} docs/s, {self.characters / seconds / 1e6:.2f} MB/s"
            f" -> {self.out}"
        )


def output_kind(out: Path) -> Literal["jsonl", "parquet"]:
    """``jsonl`` or ``parquet`` from the output name; anything else is an error."""
    name = out.name.lower()
    if name.endswith(".jsonl"):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    raise ValueError(f"--out must end with .jsonl or .parquet, got {out}")


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    workers: int | None = None,
    glob: str = DEFAULT_GLOB,
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    encoding: str | None = None,
    resume: bool = False,
    published: date | datetime | None = None,
    config: ParserConfig | None = None,
    progress: Progress | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> BatchSummary:
    """Parse every document of ``inputs`` into ``out`` (``.jsonl`` file or ``.parquet`` dir).

    With ``resume`` the documents already in ``out`` are skipped and new results appended.
    """
    target = Path(out)
    kind = output_kind(target)
    writer: Any
    if kind == "parquet":
        done = finished_parquet_ids(target) if resume and target.exists() else set()
        writer = ParquetWriter(target, resume=resume)
        payload_kind: Payload = "rows"
        write = writer.write_rows
    else:
        done = finished_ids(target) if resume else set()
        writer = JsonlWriter(target, resume=resume)
        payload_kind = "jsonl"
        write = writer.write_line
    parser = DEFAULT_PARSER if config is None else Parser(config)
    documents = iter_documents(
        inputs,
        glob=glob,
        text_field=text_field,
        id_field=id_field,
        encoding=encoding,
        skip_ids=done,
    )
    display = progress or Progress(enabled=False)
    count = default_workers() if workers is None else workers
    try:
        for _id, characters, ok, encoded in ordered_map(
            partial(_work, _Task(parser, published, payload_kind)),
            documents,
            workers=count,
            chunksize=chunksize,
            weigh=_size,
        ):
            write(encoded)
            display.update(characters, ok=ok)
    finally:
        writer.close()
        display.close()
    return BatchSummary(
        documents=display.documents,
        failed=display.failed,
        skipped=len(done),
        characters=display.characters,
        seconds=display.elapsed,
        out=target,
    )
