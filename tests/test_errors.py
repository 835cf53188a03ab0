"""Wrong input fails early with an error that names the fix; bytes decode with a recorded note."""

from __future__ import annotations

import codecs
from typing import Any

import pytest

import newsdoc
from newsdoc.decode import decode_bytes

STORY = "Storm Closes Schools\n\nCLEVELAND (AP) — Schools closed on Monday, officials said.\n"


@pytest.mark.parametrize("value", [b"text", bytearray(b"text"), memoryview(b"text")])
def test_parse_of_bytes_names_parse_bytes(value: Any) -> None:
    """parse() of bytes raises TypeError pointing at decoding or newsdoc.parse_bytes."""
    with pytest.raises(TypeError, match=r"parse_bytes"):
        newsdoc.parse(value)


def test_parse_of_none_says_what_to_pass() -> None:
    """parse(None) raises TypeError that says to pass the text (or the empty string)."""
    with pytest.raises(TypeError, match=r"NoneType.*empty string"):
        newsdoc.parse(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [42, ["a list"], {"text": "x"}])
def test_parse_of_other_types_names_the_type(value: Any) -> None:
    """Any other non-str raises TypeError naming the type that came."""
    with pytest.raises(TypeError, match=type(value).__name__):
        newsdoc.parse(value)


def test_published_must_be_a_date() -> None:
    """A published value that is not a date or datetime raises TypeError."""
    with pytest.raises(TypeError, match="published must be a date"):
        newsdoc.parse(STORY, published="2020-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("max_chars", 0, "max_chars must be a positive int"),
        ("max_chars", -5, "max_chars must be a positive int"),
        ("max_chars", 1.5, "max_chars must be a positive int"),
        ("max_chars", True, "max_chars must be a positive int"),
        ("boilerplate_phrases", "Share this", "got a single str"),
        ("boilerplate_phrases", 7, "sequence of str, got int"),
        ("boilerplate_phrases", ["ok", ""], "non-empty str"),
        ("boilerplate_phrases", ["ok", 3], "non-empty str"),
        ("pipeline", ["segment"], "must be a newsdoc.Pipeline"),
        ("resolve_weekdays", "yes", "must be True or False"),
        ("resolve_weekdays", 1, "must be True or False"),
    ],
)
def test_invalid_config_raises_value_error_naming_the_field(
    field: str, value: object, message: str
) -> None:
    """Each invalid ParserConfig value raises ValueError naming the field and the problem."""
    with pytest.raises(ValueError, match=message) as info:
        newsdoc.ParserConfig(**{field: value})
    assert f"ParserConfig.{field}" in str(info.value)


def test_max_chars_limit_gives_clear_error() -> None:
    """Input longer than max_chars raises ValueError saying how to lift the limit."""
    config = newsdoc.ParserConfig(max_chars=20)
    with pytest.raises(ValueError, match=r"over ParserConfig.max_chars=20; raise the limit"):
        newsdoc.parse("x" * 21, config=config)
    assert newsdoc.parse("x" * 20, config=config).source == "x" * 20


def test_parse_bytes_checks_the_limit_before_decoding() -> None:
    """Bytes that cannot fit in max_chars characters are refused without decoding them."""
    config = newsdoc.ParserConfig(max_chars=10)
    with pytest.raises(ValueError, match="max_chars"):
        newsdoc.parse_bytes(b"x" * 41, config=config)
    with pytest.raises(ValueError, match="max_chars"):
        newsdoc.parse_bytes(b"x" * 11, config=config)


def test_parse_bytes_of_str_points_to_parse() -> None:
    """parse_bytes() of a str raises TypeError pointing at newsdoc.parse."""
    with pytest.raises(TypeError, match=r"newsdoc\.parse for str"):
        newsdoc.parse_bytes(STORY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (STORY.encode("utf-8"), "decoded as utf-8"),
        (codecs.BOM_UTF8 + STORY.encode("utf-8"), "decoded as utf-8 (byte order mark"),
        (STORY.encode("utf-16"), "decoded as utf-16 (byte order mark"),
        (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), "decoded as utf-16"),
        (STORY.encode("utf-32"), "decoded as utf-32 (byte order mark"),
    ],
)
def test_parse_bytes_unicode_encodings(data: bytes, note: str) -> None:
    """UTF-8 with or without BOM and BOM-marked UTF-16/32 decode to the same article."""
    article = newsdoc.parse_bytes(data)
    assert article.source == STORY
    assert article.notes[0].startswith(note)
    assert article.paragraphs == newsdoc.parse(STORY).paragraphs


def test_parse_bytes_falls_back_to_cp1252_and_says_so() -> None:
    """Invalid UTF-8 that is valid cp1252 decodes as cp1252 with a note saying why."""
    story = "Café Reopens\n\nThe café “reopened” on Monday — owners said.\n"
    article = newsdoc.parse_bytes(story.encode("cp1252"))
    assert article.source == story
    assert article.notes[0] == "decoded as cp1252 (not valid UTF-8)"


def test_parse_bytes_falls_back_to_latin1_for_bytes_cp1252_lacks() -> None:
    """Bytes undefined in cp1252 (0x81) still decode, as latin-1, with a note."""
    article = newsdoc.parse_bytes(b"Caf\xe9 news \x81 here.")
    assert article.source == "Café news \x81 here."
    assert article.notes[0] == "decoded as latin-1 (not valid UTF-8 or cp1252)"


def test_parse_bytes_with_given_encoding() -> None:
    """A given encoding is used strictly and recorded; a wrong one raises UnicodeDecodeError."""
    article = newsdoc.parse_bytes("Zürich".encode("iso-8859-15"), "iso-8859-15")
    assert article.source == "Zürich"
    assert article.notes[0] == "decoded as iso-8859-15 (given by the caller)"
    with pytest.raises(UnicodeDecodeError):
        newsdoc.parse_bytes(b"\xff\xfe\xfa", "utf-8")


def test_parse_bytes_passes_published_and_config() -> None:
    """published= and config= reach the parser."""
    config = newsdoc.ParserConfig().disable("headline")
    article = newsdoc.parse_bytes(STORY.encode(), config=config)
    assert article.headline is None
    assert newsdoc.parse_bytes(STORY.encode()).headline == "Storm Closes Schools"


def test_decode_bytes_prefers_the_utf32_mark_over_utf16() -> None:
    """The UTF-32 LE mark starts like the UTF-16 LE one; the longer mark wins."""
    text, notes = decode_bytes(codecs.BOM_UTF32_LE + "abc".encode("utf-32-le"))
    assert text == "abc"
    assert "utf-32" in notes[0]
