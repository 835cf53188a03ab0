"""Hand-written fixture articles parse to the structure recorded next to them.

Each ``tests/fixtures/<name>.txt`` has a ``<name>.json`` with its expected structure; the
format is described in ``tests/fixtures/README.md``.
"""

from __future__ import annotations

import functools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc import audit
from newsdoc.model import Article, Span
from newsdoc.text import normalize_space

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))
QUOTE_MARKS = "“”‘’\"'«»„"
ARTICLES = ("a ", "an ", "the ")


@functools.cache
def _load(name: str) -> tuple[Article, dict[str, Any]]:
    """Parse one fixture (once per session) and read its expectations."""
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    published = expected.get("published")
    issued = date.fromisoformat(published) if published else None
    return newsdoc.parse(text, published=issued), expected


def _fold(text: str) -> str:
    """Compare text modulo white space, case and quote marks."""
    return normalize_space(text.translate({ord(mark): None for mark in QUOTE_MARKS})).casefold()


def _fold_role(role: str | None) -> str | None:
    """Roles compare without a leading article: "a deputy minister" == "deputy minister"."""
    if role is None:
        return None
    folded = normalize_space(role).casefold()
    for article in ARTICLES:
        folded = folded.removeprefix(article)
    return folded


def _slice(article: Article, span: Span) -> str:
    assert 0 <= span.start <= span.end <= len(article.source), f"{span} out of bounds"
    return article.source[span.start : span.end]


def test_every_fixture_has_expectations() -> None:
    """There are at least 16 fixtures and every .txt has a .json (and the reverse)."""
    assert len(NAMES) >= 16
    expectations = sorted(path.stem for path in FIXTURES.glob("*.json"))
    assert expectations == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_structure(name: str) -> None:
    """Headline, dek, byline, dateline, paragraphs, sections, explainers, credits and removals."""
    article, expected = _load(name)
    assert article.headline == expected["headline"]
    assert article.dek == expected["dek"]
    byline = article.byline and {"authors": list(article.byline.authors)}
    if byline is not None and article.byline is not None:
        byline["agency"] = article.byline.agency
    assert byline == expected["byline"]
    dateline = article.dateline and {
        "location": article.dateline.location,
        "agency": article.dateline.agency,
        "date": article.dateline.date.isoformat() if article.dateline.date else None,
    }
    assert dateline == expected["dateline"]
    for field in ("published_found", "updated_found"):
        if field in expected:
            value = getattr(article, field.removesuffix("_found"))
            assert value is not None, f"{field}: expected {expected[field]}, got None"
            assert value.isoformat().startswith(expected[field]), value.isoformat()
    paragraphs = article.paragraphs
    assert len(paragraphs) == expected["paragraph_count"], [p.text[:40] for p in paragraphs]
    assert paragraphs[0].text.startswith(expected["first_paragraph_starts"])
    assert paragraphs[-1].text.endswith(expected["last_paragraph_ends"])
    headings = [section.heading for section in article.sections if section.heading is not None]
    assert headings == expected["section_headings"]
    explainers = [
        {"title": item.title, "card_headings": [card.heading for card in item.cards]}
        for item in article.explainers
    ]
    assert explainers == expected["explainers"]
    assert [credit.text for credit in article.credits] == expected["credits"]
    removed = [
        {"reason": r.reason, "category": r.category, "text": normalize_space(r.text)}
        for r in article.removed
    ]
    for item in expected["removed"]:
        wanted = {"category": None, **item, "text": normalize_space(item["text"])}
        assert wanted in removed, f"not removed: {item}; removed: {removed}"
    if "removed_count" in expected:
        assert len(article.removed) == expected["removed_count"], removed
    for text in expected["not_in_text"]:
        assert text not in article.text


def _observed_quote(quote: newsdoc.Quote, wanted: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``quote`` that ``wanted`` states, shaped like ``wanted``."""
    observed: dict[str, Any] = {
        "text_starts": quote.text[: len(wanted["text_starts"])],
        "kind": quote.kind,
        "speaker": quote.speaker,
    }
    for field in ("speaker_mention", "cue"):
        if field in wanted:
            observed[field] = getattr(quote, field)
    if "speaker_role" in wanted:
        observed["speaker_role"] = _fold_role(quote.speaker_role)
    return observed


@pytest.mark.parametrize("name", NAMES)
def test_quotes(name: str) -> None:
    """Quotes come out in reading order with their kind, speaker, mention, role and cue."""
    article, expected = _load(name)
    wanted = [
        {**item, "speaker_role": _fold_role(item["speaker_role"])}
        if "speaker_role" in item
        else item
        for item in expected["quotes"]
    ]
    assert len(article.quotes) == len(wanted), [q.text[:30] for q in article.quotes]
    observed = [_observed_quote(q, w) for q, w in zip(article.quotes, wanted, strict=True)]
    assert observed == wanted


@pytest.mark.parametrize("name", NAMES)
def test_spans_point_into_source(name: str) -> None:
    """Every element's span covers the source text it was read from."""
    article, _expected = _load(name)
    if article.headline_span is not None:
        assert normalize_space(_slice(article, article.headline_span)) == article.headline
    if article.dek_span is not None:
        assert normalize_space(_slice(article, article.dek_span)) == article.dek
    if article.byline is not None:
        assert normalize_space(_slice(article, article.byline.span)) == article.byline.text
    if article.dateline is not None:
        assert normalize_space(_slice(article, article.dateline.span)) == article.dateline.text
    for section in article.sections:
        if section.heading_span is not None and section.heading is not None:
            assert section.heading in normalize_space(_slice(article, section.heading_span))
        for paragraph in section.paragraphs:
            assert _fold(_slice(article, paragraph.span)) == _fold(paragraph.text)
    for explainer in article.explainers:
        outer = explainer.span
        for card in explainer.cards:
            raw = normalize_space(_slice(article, card.span))
            assert outer.start <= card.span.start <= card.span.end <= outer.end
            assert raw.startswith(card.heading)
            assert raw.endswith(card.body)
    for credit in article.credits:
        assert normalize_space(_slice(article, credit.span)) == credit.text
    for item in article.removed:
        assert _slice(article, item.span) == item.text
    for quote in article.quotes:
        parts = " ".join(_slice(article, span) for span in quote.spans)
        assert _fold(parts) == _fold(quote.text)
        if quote.speaker_span is not None:
            assert normalize_space(_slice(article, quote.speaker_span)) == quote.speaker_mention
        if quote.cue_span is not None:
            assert normalize_space(_slice(article, quote.cue_span)) == quote.cue
    assert audit.problems(article) == []


@pytest.mark.parametrize("name", NAMES)
def test_round_trip(name: str) -> None:
    """to_dict/from_dict and to_json/from_json give back an equal article."""
    article, _expected = _load(name)
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json()) == article


CASES_FILE = FIXTURES / "cases" / "structure_rules.json"
CASES: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_structure_rule_case(case: dict[str, Any]) -> None:
    """Short cases for the headline, dek, duplicates, sections and explainers rules."""
    article = newsdoc.parse(case["text"])
    expect = case["expect"]
    observed: dict[str, Any] = {
        "headline": article.headline,
        "dek": article.dek,
        "paragraph_count": len(article.paragraphs),
        "section_headings": [s.heading for s in article.sections if s.heading is not None],
        "explainers": [
            {"title": item.title, "card_headings": [card.heading for card in item.cards]}
            for item in article.explainers
        ],
    }
    for field, wanted in expect.items():
        if field == "removed":
            removed = [[r.reason, r.category, r.text] for r in article.removed]
            for item in wanted:
                assert item in removed, f"not removed: {item}; removed: {removed}"
        else:
            assert observed[field] == wanted, field
    assert audit.problems(article) == []
