"""Bytes to text, and notes on text that arrived damaged.

:func:`parse_bytes` decodes a document whose encoding is unknown: a byte order mark wins
(UTF-8, UTF-16, UTF-32), then strict UTF-8, then cp1252, then latin-1 (which never fails).
The decision is recorded in ``Article.notes`` ("decoded as cp1252 (not valid UTF-8)").

:func:`text_notes` looks at text that is already a ``str`` for damage the parser does not
repair, because repairing would rewrite ``source`` and move every span: mojibake
(``â€œ``, UTF-8 read as cp1252), HTML character references left in the text (``&amp;``),
control characters (many of them: a binary file), HTML markup and an empty text. The parser
adds these notes to every article; :func:`warning_notes` picks them out of ``Article.notes``
(the command line prints them on stderr, ``newsdoc batch`` records them as ``warnings``).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs
import regex

from newsdoc.model import Article

if TYPE_CHECKING:
    from newsdoc.parser import ParserConfig

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAX_BYTES_PER_CHAR = 4  # no encoding tried here needs more, so longer input is surely too long

# UTF-8 lead bytes read as cp1252/latin-1 (Â Ã â) followed by a continuation byte read the
# same way: "â€œ" for “, "Ã©" for é, "Â " for a no-break space. Real text almost never has these.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc" + (
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE_LEADS = "âÃÂ"  # every mojibake match holds one: test with `in` before the regex
_MOJIBAKE = regex.compile(f"â€[{_CONTINUATION}]|Ã[{_CONTINUATION}]|Â[\u00a0-\u00bf]")
_CHARACTER_REFERENCE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# C0 and C1 controls other than the usual white space (tab, line feed, carriage return).
# The standard library's engine scans a plain character class over the whole text 3x faster.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# The same controls in ASCII text. Deleting every other ASCII byte from the encoded text
# leaves one byte per control: C speed, 3x faster than the scan above.
_ASCII_CONTROLS = bytes([*range(0x09), *range(0x0E, 0x1C), 0x7F])
_NOT_ASCII_CONTROLS = bytes(sorted(set(range(0x80)) - set(_ASCII_CONTROLS)))
BINARY_SHARE = 20  # one control character in 20 (5%): no text file has that many
# Common HTML elements, opening or closing; the attribute part is bounded, so no backtracking.
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|meta|link|script|style|div|span|p|a|br|img|ul|ol|li|table|tr|td"
    r"|h[1-6]|article|section|header|footer|nav)\b[^<>]{0,300}>",
    re.IGNORECASE,
)
HTML_TAGS = 5  # tags before a text "looks like HTML": an article may quote one or two
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html\b)", re.IGNORECASE)
# The notes made by text_notes, which are warnings (not decisions like "decoded as utf-8").
_WARNING = re.compile(
    r"looks like |the text is empty|[0-9]+ (?:HTML character reference|control character)"
)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode ``data``; return the text and a note saying which encoding was used and why.

    With ``encoding`` given it is used strictly (``UnicodeDecodeError`` if it does not fit).
    """
    if encoding is not None:
        return data.decode(encoding), (f"decoded as {encoding} (given by the caller)",)
    for mark, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            # "utf-16"/"utf-32" read the mark to pick the byte order and drop it.
            text = data.decode(name)
            label = "utf-8" if name == "utf-8-sig" else name
            return text, (f"decoded as {label} (byte order mark, removed from the text)",)
    try:
        return data.decode("utf-8"), ("decoded as utf-8",)
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ("decoded as cp1252 (not valid UTF-8)",)
    except UnicodeDecodeError:
        return data.decode("latin-1"), ("decoded as latin-1 (not valid UTF-8 or cp1252)",)


def text_notes(text: str) -> list[str]:
    """Notes on damage in ``text`` that the parser leaves as it is (spans stay valid)."""
    notes = []
    # Each scan runs only when its pattern's required character occurs (a C-speed `in`).
    has_lead = any(lead in text for lead in _MOJIBAKE_LEADS)
    mojibake = _MOJIBAKE.findall(text) if has_lead else []
    if mojibake:
        examples = ", ".join(repr(sample) for sample in dict.fromkeys(mojibake[:50]))
        notes.append(
            f"looks like mojibake (UTF-8 read as cp1252 or latin-1): {len(mojibake)} "
            f"sequences such as {examples[:80]}; decode the original bytes as UTF-8"
        )
    references = _CHARACTER_REFERENCE.findall(text) if "&" in text else []
    if references:
        examples = ", ".join(dict.fromkeys(references[:50]))
        notes.append(
            f"{len(references)} HTML character references left in the text "
            f"(such as {examples[:80]}); unescape them before parsing to get plain text"
        )
    if text.isascii():  # a flag of the str object: no scan
        controls = len(text.encode("ascii").translate(None, _NOT_ASCII_CONTROLS))
    else:
        controls = len(_CONTROL.findall(text))
    if controls:
        plural = "" if controls == 1 else "s"
        binary = "; it looks like a binary file, not text" if _binary(controls, text) else ""
        notes.append(f"{controls} control character{plural} in the text, kept as they are{binary}")
    if "<" in text and _looks_like_html(text):
        notes.append(
            "looks like HTML: parsed as plain text, so the markup stays in the text; give it as "
            "HTML input or extract the text first"
        )
    if not text.strip():
        notes.append("the text is empty: there is nothing to parse")
    return notes


def _binary(controls: int, text: str) -> bool:
    return controls * BINARY_SHARE >= len(text)


def _looks_like_html(text: str) -> bool:
    if _HTML_START.match(text, 0, 1000) is not None:
        return True
    tags = _HTML_TAG.finditer(text)
    return sum(1 for _tag, _ in zip(tags, range(HTML_TAGS), strict=False)) >= HTML_TAGS


def warning_notes(notes: Iterable[str]) -> list[str]:
    """The notes of :func:`text_notes` among ``notes``: damage a user should be warned about."""
    return [note for note in notes if _WARNING.match(note) is not None]


def parse_bytes(
    data: bytes | bytearray | memoryview,
    encoding: str | None = None,
    *,
    published: date | datetime | None = None,
    config: ParserConfig | None = None,
) -> Article:
    """Decode ``data`` (see :func:`decode_bytes`) and parse it; the decision is in ``notes``."""
    # Imported here: the parser imports this module for text_notes.
    from newsdoc.parser import DEFAULT_PARSER, Parser

    if not isinstance(data, (bytes, bytearray, memoryview)):
        hint = " (use newsdoc.parse for str)" if isinstance(data, str) else ""
        raise TypeError(f"parse_bytes() needs bytes, got {type(data).__name__}{hint}")
    parser = DEFAULT_PARSER if config is None else Parser(config)
    limit = parser.config.max_chars
    if len(data) > MAX_BYTES_PER_CHAR * limit:
        raise ValueError(
            f"input has {len(data):,} bytes, surely over ParserConfig.max_chars={limit:,} "
            "characters; raise the limit (newsdoc --max-chars) or split the input"
        )
    text, notes = decode_bytes(bytes(data), encoding)
    article = parser.parse(text, published=published)
    return attrs.evolve(article, notes=(*notes, *article.notes))
