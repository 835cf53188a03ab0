"""An HTML page in: decode it, check the limits, parse it, render it, read its metadata."""

from __future__ import annotations

import codecs
import re
from typing import Any

import attrs

from newsdoc.decode import MAX_BYTES_PER_CHAR, decode_bytes
from newsdoc.html.metadata import read_metadata
from newsdoc.html.render import Rendering, render
from newsdoc.html.scan import scan
from newsdoc.state import PageMetadata

INSTALL_HINT = "HTML input needs the html extra: pip install 'newsdoc[html]'"
SNIFF_BYTES = 4096  # a <meta charset> must sit in the first 1,024 bytes; allow for sloppy pages

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,500}?charset\s*=\s*(?:["']\s*)?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
# WHATWG: pages labelled latin-1 or ASCII are read as windows-1252.
_SINGLE_BYTE_LABELS = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


@attrs.frozen(slots=True)
class Page:
    """A rendered page: its text, evidence, elements, metadata and decoding notes."""

    rendering: Rendering
    metadata: PageMetadata
    notes: tuple[str, ...]


def lexbor_parser() -> Any:
    """selectolax's Lexbor parser class, or an ImportError that names the extra."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError as error:  # pragma: no cover - exercised with the extra missing
        raise ImportError(INSTALL_HINT) from error
    return LexborHTMLParser


def decode_html(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode an HTML page: byte order mark, then ``<meta charset>``, then detection.

    A declared charset that does not fit the bytes (or a single-byte label on bytes that are
    valid UTF-8 with non-ASCII characters, a common server mistake) gives way to detection,
    with a note.
    """
    for mark in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(mark):
            return decode_bytes(data)
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if match is None:
        return decode_bytes(data)
    label = match[1].decode("ascii").lower()
    try:
        name = codecs.lookup(_SINGLE_BYTE_LABELS.get(label, label)).name
    except LookupError:
        text, notes = decode_bytes(data)
        return text, (f"page declares an unknown charset {label!r}", *notes)
    if name not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be") and not data.isascii():
        try:
            return data.decode("utf-8"), (
                f"decoded as utf-8 (valid UTF-8, though the page declares {label})",
            )
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(name), (f"decoded as {name} (the page's meta charset)",)
    except UnicodeDecodeError:
        text, notes = decode_bytes(data)
        return text, (f"the page's meta charset {label} does not fit its bytes", *notes)


def read_page(html: str | bytes, *, max_chars: int) -> Page:
    """Decode (bytes), check the limits, parse and render ``html``; read its metadata."""
    notes: tuple[str, ...] = ()
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if len(data) > MAX_BYTES_PER_CHAR * max_chars:
            raise ValueError(
                f"HTML has {len(data):,} bytes, surely over ParserConfig.max_chars="
                f"{max_chars:,} characters; raise the limit or split the input"
            )
        html, notes = decode_html(data)
    elif not isinstance(html, str):
        raise TypeError(f"parse_html() needs str or bytes, got {type(html).__name__}")
    if len(html) > max_chars:
        raise ValueError(
            f"HTML has {len(html):,} characters, over ParserConfig.max_chars={max_chars:,}; "
            "raise the limit or split the input"
        )
    start_tags = scan(html)  # raises before the parser sees a page built to be slow
    parser = lexbor_parser()
    try:
        tree = parser(html)
    except UnicodeEncodeError:  # a lone surrogate: the parser reads UTF-8
        tree = parser(html.encode("utf-8", "replace"))
    root = tree.root
    rendering = render(root, start_tags) if root is not None else Rendering("", {}, ())
    return Page(rendering, read_metadata(tree), notes)
