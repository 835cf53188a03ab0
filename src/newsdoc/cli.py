"""The newsdoc command line: newsdoc parse for articles, batch for corpora, speakers for quotes.

Exit codes: 0 when every document parsed (also when the reader of the output went away, as
with ``| head``), 1 when at least one failed (its error is reported and the others are still
processed), 2 for a usage error, 3 when a batch stopped before its end (a write error such as
a full disk, a worker that died, an internal error: what was written is complete, continue
with --resume), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from datetime import date, datetime
from pathlib import Path

from newsdoc import __version__
from newsdoc.batch import (
    DEFAULT_TIMEOUT,
    STDOUT,
    check_timeout,
    default_workers,
    output_kind,
    run_batch,
)
from newsdoc.cli_inputs import check_inputs, count_documents
from newsdoc.cli_parse import EXIT_FAILED, parse_files, parser_config, warn
from newsdoc.io import DEFAULT_GLOB, DEFAULT_ID_FIELD, DEFAULT_TEXT_FIELD, STDIN
from newsdoc.outputs import OutputError, check_new
from newsdoc.parser import DEFAULT_MAX_CHARS
from newsdoc.progress import make_progress
from newsdoc.speaker_report import (
    SPEAKERS_EXAMPLES,
    SPEAKERS_HELP,
    add_speaker_options,
    run_speakers,
)
from newsdoc.terminal import escape_controls

FORMATS = ("json", "jsonl", "markdown", "text", "summary", "html")
BATCH_FORMATS = ("jsonl", "jsonl.gz", "csv", "parquet")
# The per-document limit needs SIGALRM: on by default where it exists (POSIX), off elsewhere.
HAS_ALARM = hasattr(signal, "SIGALRM") and hasattr(signal, "setitimer")
EXIT_CRASHED = 3  # the batch stopped before its end; distinct from "some documents failed"
EXIT_INTERRUPTED = 130
# A missing optional dependency names the extra that brings it.
EXTRAS = {"pyarrow": "arrow", "pandas": "pandas", "dask": "dask", "tqdm": "progress"}

PARSE_HELP = """\
Parse news articles, one article per file, and print them.

Each file (or standard input, given as - or no file at all) is one article. Damage found in
the text (a binary file, HTML, mojibake, control characters, an empty text) is reported on
stderr as a warning; control characters are never printed raw.

formats:
  json      the whole Article as JSON (a list for several files)
  jsonl     one {"id", "metadata", "article"} record per file, as newsdoc batch writes
  markdown  headline, dek, byline, sections and paragraphs as Markdown
  text      headline and clean body only: no byline, dateline, quotes or removed text
  summary   metadata and counts only (headline, byline, dateline, speakers): no body text
  html      a standalone HTML page of the article cards, quotes highlighted by speaker
"""
PARSE_EXAMPLES = """\
examples:
  newsdoc parse story.txt
  newsdoc parse story.txt --format summary
  newsdoc parse a.txt b.txt --format text
  cat story.txt | newsdoc parse - --format markdown
  newsdoc parse story.txt --format html -o story.html
"""
BATCH_HELP = """\
Parse a corpus on every core into JSON lines (plain or gzip), CSV or Parquet.

Inputs are text files, folders (searched recursively with --glob), JSONL or CSV files (one
record per line or row, the article in --text-field), or - for JSON lines on standard input.
A document that fails becomes an error record and the run goes on (exit 1 at the end).
An existing --out is refused unless --resume (continue it) or --overwrite (replace it); a run
that stops early (a full disk, a dead worker) exits 3 with what it wrote complete.
"""
BATCH_EXAMPLES = """\
examples:
  newsdoc batch corpus/ --out articles.jsonl
  newsdoc batch dump.jsonl.gz --text-field body --id-field uid --out articles.parquet
  newsdoc batch corpus/ --out articles.jsonl --resume
  newsdoc batch corpus/ --out articles.csv --resume --retry-failed
  zcat dump.jsonl.gz | newsdoc batch - --out - | jq .article.headline
"""


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


def _positive(value: str) -> int:
    """``--workers``, ``--chunksize``, ``--max-chars``: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def _subcommand(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str, end: str
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name,
        help=text.splitlines()[0].rstrip("."),
        description=text,
        epilog=end,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(usage=command.error)  # usage errors show this subcommand's usage
    return command


def _common(command: argparse.ArgumentParser, published: str) -> None:
    command.add_argument("--published", type=_moment, metavar="DATE", help=published)
    command.add_argument(
        "--max-chars",
        type=_positive,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help="refuse (as an error) a document longer than N characters (default: %(default)s)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsdoc`` command."""
    arguments = argparse.ArgumentParser(
        prog="newsdoc",
        description=__doc__.splitlines()[0],
        epilog="Run newsdoc COMMAND --help (parse, batch, speakers) for each command.",
    )
    arguments.add_argument("--version", action="version", version=f"newsdoc {__version__}")
    commands = arguments.add_subparsers(dest="command", required=True, metavar="COMMAND")

    single = _subcommand(commands, "parse", PARSE_HELP, PARSE_EXAMPLES)
    single.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="article files, text or HTML (.html, .htm, .html.gz or sniffed); - or none for stdin",
    )
    single.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="what to print, see formats (default: json)",
    )
    single.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout"
    )
    _common(single, "issue date, ISO 8601 (2024-03-05): resolves 'on Thursday' and the like")

    many = _subcommand(commands, "batch", BATCH_HELP, BATCH_EXAMPLES)
    many.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders, .jsonl[.gz], .csv, .html[.gz], .warc[.gz] crawl files, or -",
    )
    many.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="PATH",
        help="out.jsonl, out.jsonl.gz, out.csv (one row per article), out.parquet (a folder "
        "of articles, with out.quotes.parquet and out.speakers.parquet beside it), or - for "
        "JSON lines on stdout",
    )
    many.add_argument(
        "--format",
        choices=BATCH_FORMATS,
        help="output format (default: from the --out name; jsonl for -)",
    )
    many.add_argument(
        "--glob",
        default=DEFAULT_GLOB,
        metavar="PATTERN",
        help="which files to read in folders (default: %(default)s)",
    )
    many.add_argument(
        "--text-field",
        default=DEFAULT_TEXT_FIELD,
        metavar="NAME",
        help="JSONL/CSV field holding the article text (default: %(default)s)",
    )
    many.add_argument(
        "--html-field",
        metavar="NAME",
        help="JSONL/CSV field holding a page's HTML, parsed as HTML (instead of --text-field)",
    )
    many.add_argument(
        "--id-field",
        default=DEFAULT_ID_FIELD,
        metavar="NAME",
        help="JSONL/CSV field holding the document id (default: %(default)s; else name:line)",
    )
    many.add_argument(
        "--encoding", metavar="NAME", help="text/CSV file encoding (default: detect per file)"
    )
    many.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help=f"worker processes (default: {default_workers()}, the usable cores; 1 parses here)",
    )
    many.add_argument(
        "--chunksize",
        type=_positive,
        default=16,
        metavar="N",
        help="documents sent to a worker at a time (default: %(default)s)",
    )
    many.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT if HAS_ALARM else 0.0,
        metavar="SECONDS",
        help="seconds per document before it becomes an error record; 0 for no limit "
        + (f"(default: {DEFAULT_TIMEOUT:g})" if HAS_ALARM else "(the only choice here)"),
    )
    many.add_argument(
        "--resume", action="store_true", help="skip documents already in --out and append"
    )
    many.add_argument(
        "--retry-failed",
        action="store_true",
        help="with --resume: parse the documents of the output's error records again",
    )
    many.add_argument(
        "--overwrite", action="store_true", help="replace an existing --out (else refused)"
    )
    shown = many.add_mutually_exclusive_group()
    shown.add_argument(
        "--progress",
        action="store_true",
        help="show progress even when stderr is not a terminal (default: only on a terminal)",
    )
    shown.add_argument("--quiet", action="store_true", help="no progress, no summary line")
    _common(many, "issue date for every document, ISO 8601 (2024-03-05)")
    add_speaker_options(_subcommand(commands, "speakers", SPEAKERS_HELP, SPEAKERS_EXAMPLES))
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    options = build_parser().parse_args(argv)
    try:
        if options.command == "parse":
            return parse_files(options)
        if options.command == "speakers":
            return run_speakers(options)
        return _batch(options)
    except KeyboardInterrupt:
        print("newsdoc: interrupted (run again with --resume to continue)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenProcessPool:
        # A worker was killed (out of memory, a crash in an extension): results so far are kept.
        print("newsdoc: a worker process died; run again with --resume", file=sys.stderr)
        return EXIT_CRASHED
    except BrokenPipeError:
        # The reader went away (`newsdoc parse ... | head`): what it read was written in full,
        # so this is no failure. Silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ImportError as error:  # an optional extra is missing: one line, no traceback
        print(f"newsdoc: {_missing_extra(error)}", file=sys.stderr)
        return EXIT_FAILED


def _missing_extra(error: ImportError) -> str:
    message = str(error)
    if "pip install" in message:
        return message
    root = (error.name or "").split(".")[0]
    extra = EXTRAS.get(root)
    return f"{message}: pip install 'newsdoc[{extra}]'" if extra else message


def _batch(options: argparse.Namespace) -> int:
    _check_batch_options(options)
    shown = options.progress or (not options.quiet and sys.stderr.isatty())
    # Counting reads the inputs once more: only for a bar, and not when --resume skips some.
    counted = shown and not options.resume
    total = count_documents(options.inputs, options.glob) if counted else None
    progress = make_progress(enabled=shown, total=total)
    # A plain `kill` ends the batch as Ctrl-C does: finished results closed, resumable.
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler) if in_main_thread else None
    try:
        summary = run_batch(
            options.inputs,
            options.out,
            workers=options.workers,
            glob=options.glob,
            text_field=options.text_field,
            id_field=options.id_field,
            encoding=options.encoding,
            resume=options.resume,
            overwrite=options.overwrite,
            retry_failed=options.retry_failed,
            published=options.published,
            config=parser_config(options),
            progress=progress,
            chunksize=options.chunksize,
            timeout=options.timeout or None,
            html_field=options.html_field,
        )
    except OutputError as error:
        options.usage(str(error))
    except BrokenPipeError:
        raise
    except OSError as error:  # a full disk, a read-only folder, --out - into /dev/full
        if str(options.out) == STDOUT:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error
        target = "stdout" if str(options.out) == STDOUT else options.out
        print(
            f"newsdoc: cannot write {target}: {error.strerror or error}; what was written is "
            "complete: fix the cause and run again with --resume",
            file=sys.stderr,
        )
        return EXIT_CRASHED
    except (KeyboardInterrupt, BrokenProcessPool, ImportError):
        raise  # reported by main (a missing extra names its pip install)
    except Exception:  # a bug: the traceback for a report, and a code apart from "failed"
        traceback.print_exc()
        message = "newsdoc: internal error (please report it); run again with --resume"
        print(message, file=sys.stderr)
        return EXIT_CRASHED
    finally:
        progress.close()  # also when run_batch fails before it starts (closing twice is fine)
        if in_main_thread:  # signal handlers can only be set from the main thread
            signal.signal(signal.SIGTERM, previous)
    if not options.quiet:
        print(escape_controls(f"newsdoc batch: {summary.describe()}"), file=sys.stderr)
    return EXIT_FAILED if summary.failed else 0


def _check_batch_options(options: argparse.Namespace) -> None:
    """Usage errors (exit 2, with the batch usage) before any output is touched."""
    usage: Callable[[str], object] = options.usage
    to_stdout = str(options.out) == STDOUT
    if to_stdout and options.format == "parquet":
        usage(
            "--out - writes JSON lines: Parquet cannot go to stdout (a Parquet output is a "
            "folder of parts); give --out NAME.parquet"
        )
    if to_stdout and options.resume:
        usage("--resume reads back the output file; with --out - there is none, give a file")
    if options.retry_failed and not options.resume:
        usage("--retry-failed goes with --resume (it re-parses an output's error records)")
    try:
        kind = output_kind(options.out)
    except ValueError as error:
        usage(str(error))
    if options.format is not None and options.format != kind:
        usage(f"--format {options.format} does not match --out {options.out} ({kind})")
    try:  # now, before the inputs are counted for the progress bar
        check_new(options.out, resume=options.resume, overwrite=options.overwrite)
    except OutputError as error:
        usage(str(error))
    if options.inputs.count(STDIN) > 1:
        usage("- (standard input) can be given only once")
    workers = default_workers() if options.workers is None else options.workers
    try:
        check_timeout(options.timeout or None, in_process=workers <= 1)
    except ValueError as error:
        usage(f"--timeout: {error}")
    check_inputs(
        options.inputs,
        glob=options.glob,
        text_field=options.html_field or options.text_field,
        encoding=options.encoding,
        usage=usage,
        warn=warn,
    )
