"""``newsdoc parse``: read articles (files or standard input), print them, warn about damage."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import attrs

from newsdoc.card_page import article_page
from newsdoc.decode import decode_bytes, warning_notes
from newsdoc.html.reader import (
    SNIFF_BYTES,
    html_document,
    looks_like_html,
    parse_page,
    read_page_or_text,
)
from newsdoc.io import STDIN, Document, Result
from newsdoc.model import Article
from newsdoc.outputs import batch_line
from newsdoc.parser import DEFAULT_MAX_CHARS, DEFAULT_PARSER, Parser, ParserConfig
from newsdoc.terminal import SEPARATED, document_header, escape_controls, json_text, render

EXIT_FAILED = 1
LONG_DOCUMENT = 1_000_000  # characters: parse says it is working on a document this long


def warn(message: str) -> None:
    """Print ``newsdoc: warning: message`` on stderr, control characters escaped."""
    print(escape_controls(f"newsdoc: warning: {message}"), file=sys.stderr)


def _read_stdin() -> Document:
    if sys.stdin.isatty():  # a user who typed `newsdoc parse` alone is not left wondering
        print(
            "newsdoc: reading one article from standard input (end it with Ctrl-D)", file=sys.stderr
        )
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream without bytes (tests, embedded interpreters)
        return Document("<stdin>", sys.stdin.read())
    data = buffer.read()
    if looks_like_html(data[:SNIFF_BYTES]):
        return html_document("<stdin>", data)
    text, notes = decode_bytes(data)
    return Document("<stdin>", text, notes=() if notes == ("decoded as utf-8",) else notes)


def _documents(files: Sequence[str]) -> list[Document]:
    if not files:
        return [_read_stdin()]
    return [_read_stdin() if name == STDIN else read_page_or_text(Path(name)) for name in files]


def parser_config(options: argparse.Namespace) -> ParserConfig | None:
    """The configuration the options ask for; None (the default parser) unless one changed."""
    if options.max_chars == DEFAULT_MAX_CHARS:
        return None
    return ParserConfig(max_chars=options.max_chars)


def _parse_one(document: Document, parser: Parser, published: date | None) -> Article:
    """Parse one document, or raise ValueError with a message for the user."""
    if document.text is None:
        raise ValueError(document.error)
    limit = parser.config.max_chars
    if len(document.text) > limit:
        raise ValueError(
            f"{len(document.text):,} characters, over the limit of {limit:,} characters; "
            "raise it with --max-chars N"
        )
    if len(document.text) >= LONG_DOCUMENT and sys.stderr.isatty():
        size = f"{len(document.text):,} characters"
        print(escape_controls(f"newsdoc: parsing {document.id} ({size})..."), file=sys.stderr)
    if document.kind == "html":
        article = parse_page(parser, document.text, {}, published)
    else:
        article = parser.parse(document.text, published=published)
    if document.notes:
        article = attrs.evolve(article, notes=(*document.notes, *article.notes))
    return article


def parse_files(options: argparse.Namespace) -> int:
    """Run ``newsdoc parse``: print each article in ``--format``; return the exit code."""
    config = parser_config(options)
    parser = DEFAULT_PARSER if config is None else Parser(config)
    documents = _documents(options.files)
    several = len(documents) > 1 and options.format in SEPARATED
    status = 0
    articles: list[Article] = []
    output = sys.stdout if options.output is None else options.output.open("w", encoding="utf-8")
    try:
        for document in documents:
            name = escape_controls(document.id)
            try:
                article = _parse_one(document, parser, options.published)
            except (ValueError, TypeError) as error:
                print(escape_controls(f"newsdoc: {name}: {error}"), file=sys.stderr)
                status = EXIT_FAILED
                continue
            for note in warning_notes(article.notes):
                warn(f"{name}: {note}")
            articles.append(article)
            if options.format == "jsonl":
                output.write(batch_line(Result(document.id, article)))
            elif options.format in SEPARATED:
                header = document_header(name, options.format) + "\n\n" if several else ""
                gap = "\n" if several and len(articles) > 1 else ""
                output.write(gap + header + escape_controls(render(article, options.format)) + "\n")
        if options.format == "json" and articles:
            data = [article.to_dict() for article in articles]
            output.write(json_text(data[0] if len(data) == 1 else data, indent=2) + "\n")
        elif options.format == "html" and articles:
            output.write(escape_controls(article_page(articles)))
    finally:
        if output is not sys.stdout:
            output.close()
    return status
