"""Parse many documents on every core, in input order, with flat memory.

Work is cut into chunks of documents and at most ``window`` chunks are in flight at once, so
reading, parsing and writing all stream: a 1 GB input never sits in memory. (The standard
``Pool.imap`` would read its whole input ahead, which is why it is not used.) Workers encode
their results (JSON line or table rows) so the parent process only reads and writes.

- :func:`parse_many`: texts in, articles out, for Python callers.
- :func:`run_batch`: the engine of ``newsdoc batch``: inputs in, a JSONL file (or standard
  output) or a Parquet dataset out, one error record per failed document, a progress line, a
  summary.

Both take ``timeout``: a limit in seconds per document, enforced with ``SIGALRM`` in the
process that parses (see :func:`parse_document`), so that one pathological page cannot stall
a batch.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date, datetime
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any, Literal, TextIO, TypeVar

import attrs

from newsdoc.io import (
    DEFAULT_GLOB,
    DEFAULT_ID_FIELD,
    DEFAULT_TEXT_FIELD,
    Document,
    JsonlStreamWriter,
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
Status = Literal["ok", "failed", "timed out"]
DEFAULT_CHUNKSIZE = 16
CHUNK_CHARACTERS = 200_000  # about 0.1 s of parsing: chunks of similar cost balance the workers
WINDOW_CHARACTERS = 8_000_000  # text in flight (results are a few times larger)
# `newsdoc batch --timeout` default: the slowest of 11,508 corpus documents parses in 0.04 s and
# the slowest synthetic worst case runs at about 0.17 MB/s, so only a stuck parse (or over
# 10 MB of adversarial text) reaches a minute. The library default stays None (no limit).
DEFAULT_TIMEOUT = 60.0
STDOUT = "-"  # `--out -`: JSON lines on standard output


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
    timeout: float | None = None


class _TimedOut(BaseException):
    """Raised into a parse that ran past its time limit.

    A ``BaseException``, like ``KeyboardInterrupt``, so that no ``except Exception`` on the
    way (a rule guarding itself) can swallow it and let the runaway parse go on.
    """


class _Alarm:
    """The ``SIGALRM`` timer of this process, armed around one parse at a time.

    Signal handlers run in the main thread between bytecodes, and both ``re`` and ``regex``
    check for signals inside long matches, so even a runaway pattern is interrupted. Only a
    single long call into C that checks no signals (``str.split`` of a huge text) delays the
    interruption until it returns.
    """

    def __init__(self) -> None:
        self.armed = False  # the handler raises only while this is set
        self.active = False  # our handler is installed: disarm has something to undo
        self.previous: Any = None
        self.outer: tuple[float, float] = (0.0, 0.0)
        self.started = 0.0

    def arm(self, seconds: float) -> None:
        """Raise :class:`_TimedOut` in this (main) thread after ``seconds`` of wall time."""
        self.outer = (0.0, 0.0)  # never a stale value, even if the alarm cuts this method short
        self.previous = signal.signal(signal.SIGALRM, self.fire)
        self.active = True
        self.started = time.monotonic()
        self.armed = True  # before the timer starts, so that no alarm can come unarmed
        self.outer = signal.setitimer(signal.ITIMER_REAL, seconds)

    def fire(self, _signum: int, _frame: FrameType | None) -> None:
        """The signal handler: raise once, and only while a parse is armed."""
        if self.armed:
            self.armed = False  # a late second delivery is ignored, never raised twice
            raise _TimedOut

    def disarm(self) -> None:
        """Stop the timer and put back the handler and timer found by :meth:`arm` (idempotent).

        Only the first statement can be cut short by our alarm (nothing raises once ``armed``
        is off), so a second call after an interrupted one always finishes the job.
        """
        self.armed = False  # from here on a pending alarm is ignored
        if not self.active:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        # None: the previous handler was not set from Python; the default is the best guess.
        previous = signal.SIG_DFL if self.previous is None else self.previous
        signal.signal(signal.SIGALRM, previous)
        delay, interval = self.outer
        if delay > 0:  # the caller had an alarm of its own running: give it back
            left = delay - (time.monotonic() - self.started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), interval)
        self.previous = None
        self.active = False


_ALARM = _Alarm()


def check_timeout(timeout: float | None, *, in_process: bool) -> None:
    """Raise ``ValueError`` unless ``timeout`` (seconds per document, or None) can be enforced.

    The limit needs ``SIGALRM`` (POSIX; not on Windows), delivered to the main thread of the
    process that parses: a worker process always qualifies, this process (``workers=1``) only
    when called from its main thread.
    """
    if timeout is None:
        return
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise ValueError(f"timeout must be a number of seconds or None, got {timeout!r}")
    if not (math.isfinite(timeout) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds or None, got {timeout}")
    if not hasattr(signal, "SIGALRM") or not hasattr(signal, "setitimer"):
        raise ValueError(
            f"timeout needs SIGALRM, which {sys.platform} does not have; use timeout=None "
            "(newsdoc batch --timeout 0)"
        )
    if in_process and threading.current_thread() is not threading.main_thread():
        raise ValueError(
            "timeout with workers=1 parses in this process, where only the main thread can "
            "receive SIGALRM; call from the main thread or use workers=2 or more"
        )


def parse_document(
    document: Document,
    parser: Parser = DEFAULT_PARSER,
    published: date | datetime | None = None,
    *,
    timeout: float | None = None,
) -> Result:
    """Parse one document; any failure becomes the result's error instead of an exception.

    With ``timeout`` (seconds of wall time, checked by :func:`check_timeout`) a parse that
    runs longer is interrupted by ``SIGALRM`` and becomes the error
    ``TimeoutError: timed out after 5 s``. The handler and any timer of the caller's own are
    restored afterwards. Must run in the main thread.
    """
    return _parse_document(document, parser, published, timeout)[0]


def _parse_document(
    document: Document, parser: Parser, published: date | datetime | None, timeout: float | None
) -> tuple[Result, Status]:
    """:func:`parse_document` and how it went, so that time-outs are counted apart."""
    if document.text is None:
        return Result(document.id, None, document.metadata, error=document.error), "failed"
    try:
        if timeout is None:
            article = _parse_text(parser, document, document.text, published)
        else:
            try:
                _ALARM.arm(timeout)
                article = _parse_text(parser, document, document.text, published)
            finally:
                _ALARM.disarm()
    except _TimedOut:
        _ALARM.disarm()  # again: the alarm may have cut the first disarm short
        message = f"TimeoutError: timed out after {timeout:g} s"
        return Result(document.id, None, document.metadata, error=message), "timed out"
    except Exception as error:  # one bad document must not stop the batch
        message = f"{type(error).__name__}: {error}"
        return Result(document.id, None, document.metadata, error=message), "failed"
    if document.notes:
        article = attrs.evolve(article, notes=(*document.notes, *article.notes))
    return Result(document.id, article, document.metadata), "ok"


def _parse_text(
    parser: Parser, document: Document, text: str, published: date | datetime | None
) -> Article:
    if document.kind == "html":
        from newsdoc.html.reader import parse_page  # the html extra is needed only here

        return parse_page(parser, text, document.metadata, published)
    return parser.parse(text, published=published)


def _work(task: _Task, documents: list[Document]) -> list[tuple[str, int, Status, Any]]:
    """Parse and encode one chunk: ``(id, characters, status, payload)`` per document."""
    encoded: list[tuple[str, int, Status, Any]] = []
    for document in documents:
        result, status = _parse_document(document, task.parser, task.published, task.timeout)
        encoded_result: Any
        if task.payload == "jsonl":
            encoded_result = result_line(result)
        elif task.payload == "rows":
            encoded_result = encode_rows(result)
        else:
            encoded_result = result
        encoded.append((result.id, document.size, status, encoded_result))
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
        self.timed_out = 0

    def update(self, characters: int, *, ok: bool = True, timed_out: bool = False) -> None:
        """Count one finished document and redraw at most every ``interval`` seconds.

        A document that ``timed_out`` counts as failed too.
        """
        self.documents += 1
        self.characters += characters
        self.failed += not ok or timed_out
        self.timed_out += timed_out
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
    timeout: float | None = None,
    html: bool = False,
) -> Iterator[Article]:
    """Parse ``texts`` on ``workers`` processes (default: every core), yielding in input order.

    ``texts`` is consumed lazily, a few chunks ahead. A text that fails to parse raises
    ``ValueError`` (naming its position and the original error) when its turn comes in the
    output. ``workers=1`` parses in this process; ``progress`` shows a line on stderr.
    ``timeout`` limits each text to that many seconds (default: no limit); a text that takes
    longer fails like any other (``ValueError: text 3 failed: TimeoutError: ...``). An
    impossible ``timeout`` raises ``ValueError`` at once, see :func:`check_timeout`.
    With ``html`` each item is a page's HTML (str or bytes), parsed with ``parse_html``.
    """
    count = default_workers() if workers is None else workers
    check_timeout(timeout, in_process=count <= 1)  # now, not at the first next()
    parser = DEFAULT_PARSER if config is None else Parser(config)
    task = _Task(parser, published, "article", timeout)
    return _parse_many(texts, task, count, progress, chunksize, "html" if html else "text")


def _parse_many(
    texts: Iterable[str], task: _Task, workers: int, progress: bool, chunksize: int, kind: str
) -> Iterator[Article]:
    documents = (Document(str(index), text, kind=kind) for index, text in enumerate(texts))
    display = Progress(enabled=progress)
    try:
        for _id, characters, status, result in ordered_map(
            partial(_work, task), documents, workers=workers, chunksize=chunksize, weigh=_size
        ):
            display.update(characters, ok=status == "ok", timed_out=status == "timed out")
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
    timed_out: int = 0  # of the failed documents, those stopped by the time limit

    def describe(self) -> str:
        """One human line, e.g. for the end of ``newsdoc batch``."""
        seconds = max(self.seconds, 1e-9)
        timed_out = f", {self.timed_out:,} timed out" if self.timed_out else ""
        skipped = f", {self.skipped:,} already done" if self.skipped else ""
        target = "stdout" if str(self.out) == STDOUT else self.out
        return (
            f"{self.documents:,} documents ({self.failed:,} failed{timed_out}{skipped}) in "
            f"{seconds:,.1f} s: {self.documents / seconds:,.1f} docs/s, "
            f"{self.characters / seconds / 1e6:.2f} MB/s -> {target}"
        )


def output_kind(out: Path) -> Literal["jsonl", "parquet"]:
    """``jsonl`` or ``parquet`` from the output name (``-``, stdout, is JSONL); else an error."""
    if str(out) == STDOUT:
        return "jsonl"
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
    timeout: float | None = None,
    html_field: str | None = None,
) -> BatchSummary:
    """Parse every document of ``inputs`` into ``out`` (``.jsonl`` file or ``.parquet`` dir).

    ``out="-"`` writes the JSON lines to standard output (the progress line stays on stderr).
    With ``resume`` the documents already in ``out`` are skipped and new results appended.
    ``timeout`` limits each document to that many seconds of wall time (default: no limit);
    one that takes longer becomes an error record ``TimeoutError: timed out after 5 s`` and
    the batch goes on. An impossible ``timeout`` or ``resume`` raises ``ValueError`` before
    any output is touched.
    """
    target = Path(out)
    kind = output_kind(target)
    count = default_workers() if workers is None else workers
    check_timeout(timeout, in_process=count <= 1)
    writer: Any
    if str(target) == STDOUT:
        if resume:
            raise ValueError("resume needs an output file to read back; stdout (-) has none")
        done: set[str] = set()
        writer = JsonlStreamWriter(sys.stdout)
        payload_kind: Payload = "jsonl"
        write = writer.write_line
    elif kind == "parquet":
        done = finished_parquet_ids(target) if resume and target.exists() else set()
        writer = ParquetWriter(target, resume=resume)
        payload_kind = "rows"
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
        html_field=html_field,
    )
    display = progress or Progress(enabled=False)
    try:
        for _id, characters, status, encoded in ordered_map(
            partial(_work, _Task(parser, published, payload_kind, timeout)),
            documents,
            workers=count,
            chunksize=chunksize,
            weigh=_size,
        ):
            write(encoded)
            display.update(characters, ok=status == "ok", timed_out=status == "timed out")
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
        timed_out=display.timed_out,
    )
