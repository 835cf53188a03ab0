"""Parse many documents on every core, in input order, with flat memory.

Work is cut into chunks of documents and at most ``window`` chunks are in flight at once, so
reading, parsing and writing all stream: a 1 GB input never sits in memory. (The standard
``Pool.imap`` would read its whole input ahead, which is why it is not used.) Workers encode
their results (JSON line or table rows) so the parent process only reads and writes.

- :func:`parse_many`: texts in, articles out, for Python callers.
- :func:`run_batch`: the engine of ``newsdoc batch``: inputs in, a JSONL, JSONL.gz or CSV
  file (or standard output) or Parquet datasets out (:mod:`newsdoc.outputs`), one error
  record per failed document, progress (:mod:`newsdoc.progress`), a summary. A killed run
  resumes exactly.

The worker processes, the chunking and the time limit live in :mod:`newsdoc.workers`.

Both take ``timeout``: a limit in seconds per document, enforced with ``SIGALRM`` in the
process that parses (see :func:`parse_document`), so that one pathological page cannot stall
a batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sized
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, Literal

import attrs

from newsdoc.io import (
    DEFAULT_GLOB,
    DEFAULT_ID_FIELD,
    DEFAULT_TEXT_FIELD,
    STDIN,
    Document,
    Result,
    input_ids,
    iter_documents,
)
from newsdoc.model import Article
from newsdoc.outputs import (
    ROWS_PER_PART,
    STDOUT,
    OutputError,
    Payload,
    encode,
    open_output,
    output_kind,
    table_paths,
)
from newsdoc.parser import DEFAULT_PARSER, Parser, ParserConfig
from newsdoc.progress import Progress as Progress  # re-exported: the old home of the class
from newsdoc.progress import make_progress
from newsdoc.workers import (
    ALARM,
    DEFAULT_CHUNKSIZE,
    TimedOut,
    check_timeout,
    default_workers,
    ordered_map,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "STDOUT",
    "BatchSummary",
    "Progress",
    "check_timeout",
    "default_workers",
    "ordered_map",
    "output_kind",
    "parse_document",
    "parse_many",
    "run_batch",
]

Status = Literal["ok", "failed", "timed out"]
# `newsdoc batch --timeout` default: the slowest of 11,508 corpus documents parses in 0.04 s and
# the slowest synthetic worst case runs at about 0.17 MB/s, so only a stuck parse (or over
# 10 MB of adversarial text) reaches a minute. The library default stays None (no limit).
DEFAULT_TIMEOUT = 60.0


@attrs.frozen(slots=True)
class _Task:
    """What a worker needs to turn documents into encoded results (picklable)."""

    parser: Parser
    published: date | datetime | None
    payload: Payload | Literal["article"]
    timeout: float | None = None


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
    return _parse_document(document, parser, published, timeout, _unchanged)[0]


def _unchanged(result: Result) -> Result:
    return result


def _parse_document(
    document: Document,
    parser: Parser,
    published: date | datetime | None,
    timeout: float | None,
    encode_result: Callable[[Result], Any],
) -> tuple[Result, Status, Any]:
    """Parse and encode one document: the result, how it went, and its encoding.

    The time limit covers the encoding too (a result can be slow to flatten), and a result
    that cannot be encoded (metadata too deep for the JSON encoder) fails like a parse.
    """
    if document.text is None:
        failed = Result(document.id, None, document.metadata, error=document.error)
        return failed, "failed", _encode_failure(failed, encode_result)
    status: Status = "failed"
    try:
        if timeout is None:
            return _parse_and_encode(document, parser, published, encode_result)
        try:
            ALARM.arm(timeout)
            return _parse_and_encode(document, parser, published, encode_result)
        finally:
            ALARM.disarm()
    except TimedOut:
        ALARM.disarm()  # again: the alarm may have cut the first disarm short
        message = f"TimeoutError: timed out after {timeout:g} s"
        status = "timed out"
    except Exception as error:  # one bad document must not stop the batch (RecursionError too)
        message = f"{type(error).__name__}: {error}"
    failed = Result(document.id, None, document.metadata, error=message)
    return failed, status, _encode_failure(failed, encode_result)


def _parse_and_encode(
    document: Document,
    parser: Parser,
    published: date | datetime | None,
    encode_result: Callable[[Result], Any],
) -> tuple[Result, Status, Any]:
    article = _parse_text(parser, document, document.text or "", published)
    if document.notes:
        article = attrs.evolve(article, notes=(*document.notes, *article.notes))
    result = Result(document.id, article, document.metadata)
    return result, "ok", encode_result(result)


def _parse_text(
    parser: Parser, document: Document, text: str, published: date | datetime | None
) -> Article:
    if document.kind == "html":
        from newsdoc.html.reader import parse_page  # the html extra is needed only here

        return parse_page(parser, text, document.metadata, published)
    return parser.parse(text, published=published)


def _encode_failure(result: Result, encode_result: Callable[[Result], Any]) -> Any:
    try:
        return encode_result(result)
    except Exception as error:  # the metadata itself cannot be written: keep the record
        note = f"{result.error}; metadata dropped ({type(error).__name__}: {error})"
        return encode_result(attrs.evolve(result, metadata={}, error=note))


def _work(task: _Task, documents: list[Document]) -> list[tuple[str, int, Status, Any]]:
    """Parse and encode one chunk: ``(id, characters, status, payload)`` per document."""
    encode_result: Callable[[Result], Any] = (
        _unchanged if task.payload == "article" else partial(encode, task.payload)
    )
    encoded: list[tuple[str, int, Status, Any]] = []
    for document in documents:
        result, status, payload = _parse_document(
            document, task.parser, task.published, task.timeout, encode_result
        )
        encoded.append((result.id, document.size, status, payload))
    return encoded


def _size(document: Document) -> int:
    return document.size


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
    output; one that is not a ``str`` raises ``TypeError`` naming its type and position.
    ``workers=1`` parses in this process; ``progress`` shows a bar on stderr (a widget in
    Jupyter; see :mod:`newsdoc.progress`), with an ETA when ``texts`` has a length.
    ``timeout`` limits each text to that many seconds (default: no limit); a text that takes
    longer fails like any other (``ValueError: text 3 failed: TimeoutError: ...``). Wrong
    arguments raise at once: ``TypeError`` for a wrong type (a single ``str`` instead of an
    iterable of texts), ``ValueError`` for an impossible value, see :func:`check_timeout`.
    With ``html`` each item is a page's HTML (str or bytes), parsed with ``parse_html``.
    """
    if isinstance(texts, (str, bytes, bytearray)) or not isinstance(texts, Iterable):
        hint = "; for one text use newsdoc.parse, or pass [text]" if isinstance(texts, str) else ""
        raise TypeError(f"parse_many() needs an iterable of str, got {type(texts).__name__}{hint}")
    count = worker_count(workers)
    _positive_int("chunksize", chunksize)
    check_timeout(timeout, in_process=count <= 1)  # now, not at the first next()
    task = _Task(_parser(config), published, "article", timeout)
    return _parse_many(texts, task, count, progress, chunksize, "html" if html else "text")


def _positive_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return value


def worker_count(workers: object) -> int:
    """``workers`` checked (a positive int), or every usable core for None."""
    return default_workers() if workers is None else _positive_int("workers", workers)


def _parser(config: object) -> Parser:
    if config is None:
        return DEFAULT_PARSER
    if not isinstance(config, ParserConfig):
        raise TypeError(
            f"config must be a newsdoc.ParserConfig or None, got {type(config).__name__}"
        )
    return Parser(config)


def _texts_as_documents(texts: Iterable[object], kind: str) -> Iterator[Document]:
    for index, text in enumerate(texts):
        if kind == "html" and isinstance(text, (bytes, bytearray)):
            from newsdoc.html.reader import html_document  # decoded as parse_html decodes

            yield html_document(str(index), bytes(text))
            continue
        if not isinstance(text, str):
            raise TypeError(
                f"parse_many() needs every text as str; text {index} is a {type(text).__name__}"
            )
        yield Document(str(index), text, kind=kind)


def _parse_many(
    texts: Iterable[str], task: _Task, workers: int, progress: bool, chunksize: int, kind: str
) -> Iterator[Article]:
    total = len(texts) if isinstance(texts, Sized) else None
    display = make_progress(enabled=progress, total=total)
    try:
        for _id, characters, status, result in ordered_map(
            partial(_work, task),
            _texts_as_documents(texts, kind),
            workers=workers,
            chunksize=chunksize,
            weigh=_size,
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
        target = "stdout" if str(self.out) == STDOUT else str(self.out)
        if output_kind(self.out) == "parquet":
            others = [str(path) for path in table_paths(self.out).values()][1:]
            target = f"{target} (and {', '.join(others)})"
        return (
            f"{self.documents:,} documents ({self.failed:,} failed{timed_out}{skipped}) in "
            f"{seconds:,.1f} s: {self.documents / seconds:,.1f} docs/s, "
            f"{self.characters / seconds / 1e6:.2f} MB/s -> {target}"
        )


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
    overwrite: bool = False,
    retry_failed: bool = False,
    published: date | datetime | None = None,
    config: ParserConfig | None = None,
    progress: Progress | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    timeout: float | None = None,
    rows_per_part: int = ROWS_PER_PART,
    html_field: str | None = None,
) -> BatchSummary:
    """Parse every document of ``inputs`` into ``out`` (see :mod:`newsdoc.outputs`).

    ``out`` is a ``.jsonl``, ``.jsonl.gz`` or ``.csv`` file or a ``.parquet`` dataset;
    ``out="-"`` writes the JSON lines to standard output (progress stays on stderr).
    An existing ``out`` is refused (:class:`~newsdoc.outputs.OutputError`) unless ``resume``
    (skip the documents already in it, append the rest) or ``overwrite``; ``retry_failed``
    with ``resume`` parses the documents of its error records again. A resume whose output
    shares no id with ``inputs`` is refused too: it would append everything again.
    ``timeout`` limits each document to that many seconds of wall time (default: no limit);
    one that takes longer becomes an error record ``TimeoutError: timed out after 5 s`` and
    the batch goes on. Wrong arguments raise before any output is touched. A write error
    (``OSError``: disk full, no permission) stops the batch with what was written complete,
    ready for a resume.
    """
    target = Path(out)
    output_kind(target)  # a bad name fails before anything else
    count = worker_count(workers)
    _positive_int("chunksize", chunksize)
    check_timeout(timeout, in_process=count <= 1)
    if retry_failed and not resume:
        raise ValueError("retry_failed re-parses the error records of a resumed output: add resume")
    parser = _parser(config)
    inputs = list(inputs)  # read twice by a resume
    writer = open_output(
        target,
        resume=resume,
        overwrite=overwrite,
        retry_failed=retry_failed,
        rows_per_part=rows_per_part,
    )
    display = progress or Progress(enabled=False)
    try:
        field = html_field or text_field
        ids = input_ids(inputs, glob=glob, text_field=field, id_field=id_field, encoding=encoding)
        # Standard input is read once, by the run: a resume from it is not checked ahead.
        from_stdin = any(str(name) == STDIN for name in inputs)
        if writer.done and not from_stdin and not any(doc_id in writer.done for doc_id in ids):
            raise OutputError(
                f"--resume: none of the {len(writer.done):,} documents in {target} comes from "
                "these inputs (other inputs, another --id-field, or ids written by newsdoc "
                "before 0.2, which were paths as typed); give a new --out, or --overwrite"
            )
        documents = iter_documents(
            inputs,
            glob=glob,
            text_field=text_field,
            id_field=id_field,
            encoding=encoding,
            skip_ids=writer.done,
            html_field=html_field,
        )
        for _id, characters, status, encoded in ordered_map(
            partial(_work, _Task(parser, published, writer.payload, timeout)),
            documents,
            workers=count,
            chunksize=chunksize,
            weigh=_size,
        ):
            writer.add(encoded)
            display.update(characters, ok=status == "ok", timed_out=status == "timed out")
        writer.close()
    except KeyboardInterrupt:
        writer.close()  # an interruption keeps every finished result, ready for a resume
        raise
    except BaseException:
        writer.abort()  # a write error or a dead worker: keep only what is complete
        raise
    finally:
        display.close()
    return BatchSummary(
        documents=display.documents,
        failed=display.failed,
        skipped=len(writer.done),
        characters=display.characters,
        seconds=display.elapsed,
        out=target,
        timed_out=display.timed_out,
    )
