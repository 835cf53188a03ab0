"""HTML inputs for ``newsdoc batch`` and ``newsdoc parse``: pages and WARC/ARC crawl files.

- ``.html``, ``.htm`` (and ``.gz`` of them) and any file whose first bytes are HTML (a
  ``<!doctype html>`` or ``<html``) are one document each, decoded as :func:`parse_html`
  decodes (byte order mark, ``<meta charset>``, detection); the id is the path.
- ``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz`` (read by warcio, the ``html`` extra) give one
  document per HTML ``response`` record: id = the record's ``WARC-Target-URI``, metadata
  ``url``, ``warc_date`` and ``warc_record_id``. The batch sets ``published`` from
  ``warc_date`` when the page gives no date.

Untrusted input: an HTML file or record that expands past :data:`MAX_EXPANDED_BYTES` (a
decompression bomb) becomes an error record, and the batch goes on; nothing is fetched.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

import attrs

from newsdoc.html.metadata import parse_moment
from newsdoc.html.page import INSTALL_HINT, decode_html
from newsdoc.io import Document, clean_id, read_text_file
from newsdoc.model import Article
from newsdoc.parser import Parser

MAX_EXPANDED_BYTES = 64 * 1024 * 1024  # one page, decompressed (real pages: under 5 MB)
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
SNIFF_BYTES = 512
SNIFFED_NOTE = "looks like HTML (its first bytes): parsed as HTML input"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _suffix(path: Path) -> str:
    return "".join(path.suffixes[-2:]).lower()


def is_html_path(path: Path) -> bool:
    """True for a page's file name (``.html``, ``.htm``, ``.html.gz``, ...)."""
    suffix = _suffix(path)
    return suffix.endswith(HTML_SUFFIXES) or path.suffix.lower() in (".html", ".htm", ".xhtml")


def is_warc_path(path: Path) -> bool:
    """True for a crawl file's name (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``)."""
    return _suffix(path).endswith(WARC_SUFFIXES) or path.suffix.lower() in (".warc", ".arc")


def looks_like_html(head: bytes) -> bool:
    """True when ``head`` (a file's first bytes) opens an HTML document."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(_HTML_STARTS) and (not start.startswith(b"<?xml") or b"<html" in start)


def sniff_html(path: Path) -> bool:
    """True when the file at ``path`` starts like an HTML page."""
    try:
        with path.open("rb") as handle:
            return looks_like_html(handle.read(SNIFF_BYTES))
    except OSError:
        return False


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def read_capped(stream: _Readable) -> bytes:
    """Up to :data:`MAX_EXPANDED_BYTES` of ``stream``; ``ValueError`` when there are more."""
    limit = MAX_EXPANDED_BYTES
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValueError(
            f"expands past {limit:,} bytes (newsdoc.html.reader.MAX_EXPANDED_BYTES): "
            "a decompression bomb or not one page"
        )
    return data


def html_document(doc_id: str, data: bytes, metadata: dict[str, Any] | None = None) -> Document:
    """A document of kind ``html`` from a page's bytes."""
    text, notes = decode_html(data)
    return Document(doc_id, text, metadata or {}, notes=notes, kind="html")


def read_html_file(path: Path, *, doc_id: str | None = None) -> Document:
    """Read one HTML page file (``.gz`` decompressed, capped) as one document."""
    doc_id = clean_id(str(path)) if doc_id is None else doc_id
    try:
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as stream:
                data = read_capped(stream)
        else:
            with path.open("rb") as stream:
                data = read_capped(stream)
    except (OSError, EOFError, ValueError) as error:
        return Document(doc_id, None, error=f"cannot read: {error}", kind="html")
    return html_document(doc_id, data)


def read_page_or_text(
    path: Path, *, encoding: str | None = None, doc_id: str | None = None
) -> Document:
    """One file as one document: an HTML page by its name or first bytes, else text.

    A page found by its first bytes alone says so in its notes (a warning in the CLI).
    """
    if is_html_path(path):
        return read_html_file(path, doc_id=doc_id)
    if sniff_html(path):
        document = read_html_file(path, doc_id=doc_id)
        return attrs.evolve(document, notes=(SNIFFED_NOTE, *document.notes))
    return read_text_file(path, encoding=encoding, doc_id=doc_id)


def sniffed_document(doc_id: str, text: str) -> Document:
    """A document from text already read (stdin): of kind ``html`` when it opens like a page."""
    html = looks_like_html(text[:SNIFF_BYTES].encode("utf-8", "replace"))
    return Document(doc_id, text, kind="html" if html else "text")


def read_warc(path: Path) -> Iterator[Document]:
    """One document per HTML response record of a WARC or ARC file."""
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
    except ImportError as error:
        raise ImportError(INSTALL_HINT) from error
    name = clean_id(str(path))
    with path.open("rb") as stream:
        records = ArchiveIterator(stream, arc2warc=True)
        number = 0
        try:
            for record in records:
                number += 1
                document = _record_document(record, f"{name}:{number}")
                if document is not None:
                    yield document
        except Exception as error:  # a torn or corrupt archive: report it, keep what was read
            yield Document(f"{name}:{number + 1}", None, error=f"cannot read the archive: {error}")


def _record_document(record: Any, fallback_id: str) -> Document | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_HTML_TYPES):
        return None
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI")
    doc_id = clean_id(uri) if uri else fallback_id
    metadata = {
        "url": uri,
        "warc_date": headers.get_header("WARC-Date"),
        "warc_record_id": headers.get_header("WARC-Record-ID"),
    }
    try:
        data = read_capped(record.content_stream())
    except Exception as error:  # a bad chunked or gzip body: this record only
        return Document(doc_id, None, metadata, error=f"cannot read the record: {error}")
    missing = getattr(record.raw_stream, "limit", 0)  # bytes the record declared, not there
    if isinstance(missing, int) and missing > 0:
        message = f"cannot read the record: cut short, {missing:,} bytes missing"
        return Document(doc_id, None, metadata, error=message)
    return html_document(doc_id, data, metadata)


def parse_page(
    parser: Parser, html: str, metadata: dict[str, Any], published: date | datetime | None
) -> Article:
    """Parse a page of a batch: ``metadata["url"]`` is its URL; a WARC record's date is
    ``published`` when the page gives none."""
    url = metadata.get("url")
    article = parser.parse_html(
        html, url=url if isinstance(url, str) else None, published=published
    )
    stamp = metadata.get("warc_date")
    moment = parse_moment(stamp) if article.published is None and isinstance(stamp, str) else None
    if moment is None:
        return article
    note = f"published from the WARC record's date {stamp}"
    return attrs.evolve(article, published=moment, notes=(*article.notes, note))
