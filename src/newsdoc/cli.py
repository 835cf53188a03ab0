"""The ``newsdoc`` command line: ``newsdoc parse`` for articles, ``newsdoc batch`` for corpora.

Exit codes: 0 when every document parsed, 1 when at least one failed (its error is reported
and the others are still processed), 2 for a usage error, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import sys
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from datetime import date, datetime
from pathlib import Path

from newsdoc.batch import (
    DEFAULT_TIMEOUT,
    STDOUT,
    Progress,
    check_timeout,
    default_workers,
    output_kind,
    run_batch,
)
from newsdoc.io import (
    DEFAULT_GLOB,
    DEFAULT_ID_FIELD,
    DEFAULT_TEXT_FIELD,
    Document,
    Result,
    read_text_file,
    result_line,
)
from newsdoc.model import Article
from newsdoc.parser import parse
from newsdoc.speaker_report import add_speakers_command, run_speakers

FORMATS = ("json", "jsonl", "markdown", "text", "summary")
BATCH_FORMATS = ("jsonl", "parquet")
# The per-document limit needs SIGALRM: on by default where it exists (POSIX), off elsewhere.
HAS_ALARM = hasattr(signal, "SIGALRM") and hasattr(signal, "setitimer")
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


def _moment(value: str) -> date | datetime:
    """``--published``: an ISO 8601 date (2024-03-05) or date-time (2024-03-05T14:30-05:00)."""
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an ISO 8601 date such as 2024-03-05, got {value!r}"
        ) from None


def _seconds(value: str) -> float:
    """``--timeout``: a number of seconds, 0 for no limit."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds >= 0):
        raise argparse.ArgumentTypeError(
            f"expected a number of seconds (0 for no limit), got {value!r}"
        )
    return seconds


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsdoc`` command."""
    arguments = argparse.ArgumentParser(prog="newsdoc", description=__doc__.splitlines()[0])
    commands = arguments.add_subparsers(dest="command", required=True)

    single = commands.add_parser("parse", help="parse article files, one article per file")
    single.add_argument("files", nargs="*", type=Path, help="text files (stdin when none)")
    single.add_argument("--format", choices=FORMATS, default="json", help="output (json)")
    single.add_argument("--published", type=_moment, metavar="DATE", help="issue date, ISO 8601")

    many = commands.add_parser("batch", help="parse a corpus into JSONL or Parquet")
    many.add_argument("inputs", nargs="+", help="files, directories, .jsonl[.gz], .csv")
    many.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="PATH",
        help="out.jsonl, out.parquet (a directory), or - for JSON lines on stdout",
    )
    many.add_argument(
        "--format",
        choices=BATCH_FORMATS,
        help="output format (default: from the --out name; jsonl for -)",
    )
    many.add_argument(
        "--glob", default=DEFAULT_GLOB, metavar="PATTERN", help="files in directories (%(default)s)"
    )
    many.add_argument(
        "--text-field",
        default=DEFAULT_TEXT_FIELD,
        metavar="NAME",
        help="JSONL/CSV text field (%(default)s)",
    )
    many.add_argument(
        "--id-field", default=DEFAULT_ID_FIELD, metavar="NAME", help="JSONL/CSV id (%(default)s)"
    )
    many.add_argument(
        "--encoding", metavar="NAME", help="text/CSV file encoding (default: detect per file)"
    )
    many.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help=f"worker processes (default: {default_workers()}, the usable cores)",
    )
    many.add_argument(
        "--chunksize", type=int, default=16, metavar="N", help="documents per task (%(default)s)"
    )
    many.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT if HAS_ALARM else 0.0,
        metavar="SECONDS",
        help="seconds per document before it becomes an error record; 0 for no limit "
        + (f"(default: {DEFAULT_TIMEOUT:g})" if HAS_ALARM else "(the only choice here)"),
    )
    many.add_argument("--resume", action="store_true", help="skip documents already in --out")
    many.add_argument("--quiet", action="store_true", help="no progress line, no summary")
    many.add_argument(
        "--published", type=_moment, metavar="DATE", help="issue date for every document"
    )
    add_speakers_command(commands)
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    options = build_parser().parse_args(argv)
    try:
        if options.command == "parse":
            return _parse_files(options)
        if options.command == "speakers":
            return run_speakers(options)
        return _batch(options)
    except KeyboardInterrupt:
        print("newsdoc: interrupted (run again with --resume to continue)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenProcessPool:
        # A worker was killed (out of memory, a crash in an extension): results so far are kept.
        print("newsdoc: a worker process died; run again with --resume", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (`newsdoc parse ... | head`): silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


def _parse_files(options: argparse.Namespace) -> int:
    documents = (
        [read_text_file(path) for path in options.files]
        if options.files
        else [Document("<stdin>", sys.stdin.read())]
    )
    status = 0
    articles: list[Article] = []
    for document in documents:
        try:
            if document.text is None:
                raise ValueError(document.error)
            article = parse(document.text, published=options.published)
        except (ValueError, TypeError) as error:
            print(f"newsdoc: {document.id}: {error}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        articles.append(article)
        if options.format == "jsonl":
            sys.stdout.write(result_line(Result(document.id, article)))
        elif options.format != "json":
            print(render(article, options.format))
    if options.format == "json" and articles:
        data = [article.to_dict() for article in articles]
        print(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2))
    return status


def render(article: Article, style: str) -> str:
    """Render one article as ``markdown``, ``text`` or ``summary``."""
    if style == "markdown":
        # Article.to_markdown belongs to the display module; fall back until it exists.
        to_markdown = getattr(article, "to_markdown", None)
        return str(to_markdown()) if callable(to_markdown) else _markdown(article)
    if style == "text":
        return "\n\n".join(part for part in (article.headline, article.text) if part)
    return _summary(article)


def _markdown(article: Article) -> str:
    lines: list[str] = []
    if article.headline:
        lines += [f"# {article.headline}", ""]
    if article.dek:
        lines += [f"*{article.dek}*", ""]
    if article.byline:
        lines += [f"By {', '.join(article.byline.authors) or article.byline.text}", ""]
    for section in article.sections:
        if section.heading:
            lines += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph.text, ""]
    return "\n".join(lines).rstrip() + "\n"


def _summary(article: Article) -> str:
    byline = article.byline
    dateline = article.dateline
    speakers = ", ".join(f"{s.name} ({s.quote_count})" for s in article.speakers.ranked()) or "-"
    fields = [
        ("headline", article.headline or "-"),
        ("byline", ", ".join(byline.authors) or byline.text if byline else "-"),
        ("dateline", dateline.text if dateline else "-"),
        ("published", article.published.isoformat() if article.published else "-"),
        (
            "counts",
            f"{len(article.sections)} sections, {len(article.paragraphs)} paragraphs, "
            f"{len(article.quotes)} quotes, {len(article.explainers)} explainers, "
            f"{len(article.removed)} removed",
        ),
        ("speakers", speakers),
    ]
    return "\n".join(f"{name + ':':<11}{value}" for name, value in fields)


def _batch(options: argparse.Namespace) -> int:
    _check_batch_options(options)
    progress = Progress(enabled=False if options.quiet else None)
    summary = run_batch(
        options.inputs,
        options.out,
        workers=options.workers,
        glob=options.glob,
        text_field=options.text_field,
        id_field=options.id_field,
        encoding=options.encoding,
        resume=options.resume,
        published=options.published,
        progress=progress,
        chunksize=options.chunksize,
        timeout=options.timeout or None,
    )
    if not options.quiet:
        print(f"newsdoc batch: {summary.describe()}", file=sys.stderr)
    return EXIT_FAILED if summary.failed else 0


def _check_batch_options(options: argparse.Namespace) -> None:
    """Usage errors (exit 2) before any input is read or output touched."""
    usage = build_parser().error
    to_stdout = str(options.out) == STDOUT
    if to_stdout and options.format == "parquet":
        usage(
            "--out - writes JSON lines: Parquet cannot go to stdout (a Parquet output is a "
            "directory of parts); give --out NAME.parquet"
        )
    if to_stdout and options.resume:
        usage("--resume reads back the output file; with --out - there is none, give a file")
    try:
        kind = output_kind(options.out)
    except ValueError as error:
        usage(str(error))
    if options.format is not None and options.format != kind:
        usage(f"--format {options.format} does not match --out {options.out} ({kind})")
    if options.workers is not None and options.workers < 1:
        usage("--workers must be at least 1")
    if options.chunksize < 1:
        usage("--chunksize must be at least 1")
    workers = default_workers() if options.workers is None else options.workers
    try:
        check_timeout(options.timeout or None, in_process=workers <= 1)
    except ValueError as error:
        usage(f"--timeout: {error}")
