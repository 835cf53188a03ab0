"""Each attribution form in ``tests/quote_cases.json``, each speaker-resolution case in
``tests/resolution_cases.json`` and each speaker-kind case in ``tests/speaker_kind_cases.json``
yields the expected quotes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsdoc.model import Paragraph, Quote, Span
from newsdoc.quoting import extract_quotes
from newsdoc.vocab import default_vocabulary

CASES_FILE = Path(__file__).resolve().parent / "quote_cases.json"
RESOLUTION_FILE = CASES_FILE.with_name("resolution_cases.json")
KIND_FILE = CASES_FILE.with_name("speaker_kind_cases.json")
CASES: list[dict[str, Any]] = [
    case
    for path in (CASES_FILE, RESOLUTION_FILE, KIND_FILE)
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
]


def _paragraphs(text: str) -> list[Paragraph]:
    """Blank-line separated paragraphs with their spans into ``text``."""
    paragraphs = []
    position = 0
    for chunk in text.split("\n\n"):
        paragraphs.append(Paragraph(chunk, Span(position, position + len(chunk))))
        position += len(chunk) + 2
    return paragraphs


def _quotes(text: str) -> list[Quote]:
    return extract_quotes(text, _paragraphs(text), default_vocabulary())


def _check(quote: Quote, expected: dict[str, Any]) -> None:
    assert quote.text.startswith(expected["text_starts"]), quote.text
    for field in ("kind", "speaker", "speaker_mention", "speaker_role", "speaker_kind", "cue"):
        if field in expected:
            assert getattr(quote, field) == expected[field], (field, quote)
    if "spans" in expected:
        assert len(quote.spans) == expected["spans"], quote.spans


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    """The case's text yields exactly its expected quotes, in order."""
    quotes = _quotes(case["text"])
    assert len(quotes) == len(case["quotes"]), [q.text for q in quotes]
    for quote, expected in zip(quotes, case["quotes"], strict=True):
        _check(quote, expected)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_spans_index_the_source(case: dict[str, Any]) -> None:
    """Every span covers a quote mark at each end (or runs to its paragraph's end, or on into
    the next quote) and the speaker span reads as its mention."""
    text = case["text"]
    paragraph_ends = {paragraph.span.end for paragraph in _paragraphs(text)}
    for quote in _quotes(text):
        for span in quote.spans:
            raw = span.slice(text)
            assert raw[0] in "“\"«‘'”", raw
            # a quote left open runs to its paragraph's end; one that goes on after a lost
            # paragraph break ends with its sentence, right before the next opening mark
            runs_on = raw[-1] in ".!?…" and text[span.end :].lstrip()[:1] in '“"'
            assert raw[-1] in "”\"»’'" or span.end in paragraph_ends or runs_on, raw
        if quote.speaker_span is not None:
            assert quote.speaker_span.slice(text) == quote.speaker_mention


def test_cases_file_has_negative_cases() -> None:
    """The case file keeps negative cases (texts with no quote)."""
    assert sum(1 for case in CASES if not case["quotes"]) >= 2
