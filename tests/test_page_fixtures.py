"""Hand-written whole-page fixtures: the ``page`` rule keeps the article and drops the page.

Each ``tests/fixtures/pages/<name>.txt`` is a whole page as a browser copy or an HTML-to-text
renderer gives it (menus, share bars, comment forms, footers), written for these tests; next
to it, ``<name>.json`` says what a user expects (format in ``tests/fixtures/pages/README.md``).
Every expectation of a fixture is checked and every failure is reported, not only the first.
"""

from __future__ import annotations

import doctest
import functools
import json
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc.model import Article, Removed, Span
from newsdoc.text import normalize_space

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
ZONES_DOC = Path(__file__).resolve().parent.parent / "docs" / "page-zones.md"
NAMES = sorted(path.stem for path in PAGES.glob("*.txt"))
KEYS = frozenset(
    {
        "description",
        "page",
        "headline",
        "dek",
        "site",
        "byline_authors",
        "kept",
        "dropped",
        "first_paragraph",
        "last_paragraph",
        "known_failures",
    }
)


@functools.cache
def _load(name: str) -> tuple[str, Article, dict[str, Any]]:
    """A fixture's text, its parse (once per session) and its expectations."""
    text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    expected: dict[str, Any] = json.loads((PAGES / f"{name}.json").read_text("utf-8"))
    return text, newsdoc.parse(text), expected


def kept_text(article: Article) -> str:
    """The source minus every removed span (each cut leaves a line break, so no words join)."""
    pieces: list[str] = []
    position = 0
    for item in sorted(article.removed, key=lambda removed: removed.span.start):
        if item.span.start > position:
            pieces.append(article.source[position : item.span.start])
        pieces.append("\n")
        position = max(position, item.span.end)
    pieces.append(article.source[position:])
    return "".join(pieces)


def line_span(source: str, line: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Where the ``occurrence``-th whole line equal to ``line`` (stripped) stands, if it does."""
    seen = 0
    position = 0
    for raw in source.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped == line:
            seen += 1
            if seen == occurrence:
                start = position + raw.index(stripped)
                return start, start + len(stripped)
        position += len(raw)
    return None


Failure = tuple[str, str]  # (which expectation: "headline", "kept: <phrase>", ..., message)


def _dropped_failures(article: Article, dropped: list[dict[str, Any]]) -> list[Failure]:
    """One message per expected removal that is missing or has another category."""
    failures: list[Failure] = []
    for item in dropped:
        occurrence = item.get("occurrence", 1)
        where = line_span(article.source, item["text"], occurrence)
        label = f"{item['text']!r}" + (f" (occurrence {occurrence})" if occurrence > 1 else "")
        which = f"dropped: {item['text']}"
        if where is None:
            failures.append((which, f"dropped: {label} is not a line of the fixture"))
            continue
        start, end = where
        covering = [r for r in article.removed if r.span.start <= start and end <= r.span.end]
        if not covering:
            message = f"dropped: {label} was kept (expected category {item['category']!r})"
            failures.append((which, message))
        elif all(r.category != item["category"] for r in covering):
            found = sorted({f"{r.rule}/{r.category}" for r in covering})
            message = f"dropped: {label} removed as {found}, expected category {item['category']!r}"
            failures.append((which, message))
    return failures


def expectation_failures(article: Article, expected: dict[str, Any]) -> list[Failure]:
    """Every expectation of ``expected`` that ``article`` does not meet, with a message."""
    failures: list[Failure] = []
    page_removals = [item for item in article.removed if item.rule == "page"]
    if expected["page"] != bool(page_removals):
        removed = len(page_removals)
        failures.append(("page", f"page: expected {expected['page']}, it removed {removed} lines"))
    for key in ("headline", "dek", "site"):
        got = getattr(article, key)
        if key in expected and got != expected[key]:
            failures.append((key, f"{key}: expected {expected[key]!r}, got {got!r}"))
    if "byline_authors" in expected:
        authors = list(article.byline.authors) if article.byline else None
        if authors != expected["byline_authors"]:
            message = f"byline_authors: expected {expected['byline_authors']}, got {authors}"
            failures.append(("byline_authors", message))
    kept = normalize_space(kept_text(article))
    for phrase in expected["kept"]:
        if normalize_space(phrase) not in kept:
            failures.append((f"kept: {phrase}", f"kept: {phrase!r} is not in the kept text"))
    failures.extend(_dropped_failures(article, expected["dropped"]))
    paragraphs = [paragraph.text for paragraph in article.paragraphs]
    for key, index in (("first_paragraph", 0), ("last_paragraph", -1)):
        if key not in expected:
            continue
        got = paragraphs[index] if paragraphs else None
        if got != normalize_space(expected[key]):
            failures.append((key, f"{key}: expected {expected[key]!r}, got {got!r}"))
    return failures


def test_every_page_fixture_has_expectations() -> None:
    """At least six page fixtures, each .txt with a .json using only the documented keys."""
    assert len(NAMES) >= 6
    assert sorted(path.stem for path in PAGES.glob("*.json")) == NAMES
    for name in NAMES:
        _text, _article, expected = _load(name)
        unknown = sorted(set(expected) - KEYS)
        assert not unknown, f"{name}.json: unknown keys {unknown}; allowed {sorted(KEYS)}"
        assert {"page", "headline", "kept", "dropped"} <= set(expected), name


@pytest.mark.parametrize("name", NAMES)
def test_page_expectations(name: str) -> None:
    """Page or not, headline, byline, kept and dropped lines, first and last paragraph."""
    _text, article, expected = _load(name)
    known = set(expected.get("known_failures", ()))
    failures = expectation_failures(article, expected)
    unexpected = [message for which, message in failures if which not in known]
    assert not unexpected, f"{name}: {len(unexpected)} expectations fail:\n" + "\n".join(unexpected)
    # Known failures are strict: one that passes now is taken off the list.
    mended = sorted(known - {which for which, _message in failures})
    assert not mended, f"{name}: these known failures pass now, remove them: {mended}"


@pytest.mark.parametrize("name", NAMES)
def test_text_that_is_no_page_is_left_alone(name: str) -> None:
    """A fixture that is not a page parses exactly as it does with the page rule turned off."""
    text, article, expected = _load(name)
    if expected["page"]:
        pytest.skip("a page: the page rule is meant to change it")
    assert article == newsdoc.parse(text, config=newsdoc.ParserConfig().disable("page"))


def test_kept_text_and_line_span() -> None:
    """The helpers cut removed spans out of the source and find a line by its occurrence."""
    source = "Menu\nStory line.\nMenu\n"
    article = Article(source=source, removed=(Removed("Menu", Span(0, 4), "boilerplate"),))
    assert kept_text(article) == "\n\nStory line.\nMenu\n"
    assert line_span(source, "Menu", 2) == (17, 21)
    assert line_span(source, "Menu", 3) is None


def _outcome(article: Article, start: int, end: int) -> str:
    """What became of one page line, as the example table of the docs writes it."""
    for item in article.removed:
        if item.span.start <= start and end <= item.span.end:
            return f"removed: {item.category}"
    span = article.headline_span
    if span is not None and span.start <= start < span.end:
        return "headline"
    return "kept"


def test_docs_example_is_what_the_rule_does() -> None:
    """docs/page-zones.md: each line's outcome in the table and the printed results are real."""
    doc = ZONES_DOC.read_text(encoding="utf-8")
    example = doc.split("<!-- page-zones:example -->\n```text\n", 1)[1].split("```", 1)[0]
    article = newsdoc.parse(example)
    table = doc.split("<!-- page-zones:table -->\n", 1)[1].split("\n\n", 1)[0]
    documented = [row.strip("|").split(" | ")[-1].strip() for row in table.splitlines()[2:]]
    observed: list[str] = []
    position = 0
    for raw in example.splitlines(keepends=True):
        if raw.strip():
            start = position + raw.index(raw.strip())
            observed.append(_outcome(article, start, start + len(raw.strip())))
        position += len(raw)
    assert documented == observed
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    shown = doc.split("```python\n", 1)[1].split("```", 1)[0]
    test = doctest.DocTestParser().get_doctest(shown, {"article": article}, "page-zones", None, 0)
    assert test.examples, "docs/page-zones.md shows no results"
    assert runner.run(test).failed == 0
