"""Every parse accounts for each source character exactly once (``newsdoc.audit``).

Checked on the seed, every fixture, and a sample of each shared corpus read by path (skipped
when ``../shared/corpus`` is absent). Corpus checks assert aggregate figures only.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import newsdoc
from conftest import CORPUS, REPO
from newsdoc import audit
from newsdoc.model import Removed, Span

FIXTURES = REPO / "tests" / "fixtures"
# Documents taken from each corpus, spread evenly over it; raise locally for a wider sweep.
SAMPLE = int(os.environ.get("NEWSDOC_INVARIANT_SAMPLE", "40"))
STORY = (
    "Ferry Strike Ends After Two Weeks\n\n"
    "By Lena Marsh\n\n"
    "PIRAEUS, Greece — Ferry crews returned to work on Friday, union leaders said.\n\n"
    "Share this article\n\n"
    "“We got most of what we asked for,” said Nikos Pappas, the union's secretary.\n"
)


def _every_nth(paths: list[Path], count: int) -> list[Path]:
    step = max(1, len(paths) // count)
    return paths[::step][:count]


def _text_files(folder: Path) -> Iterator[bytes]:
    for path in _every_nth(sorted(folder.rglob("*.txt")), SAMPLE):
        yield path.read_bytes()


def _csv_column(path: Path, column: str) -> Iterator[bytes]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row[column] for row in csv.DictReader(handle)]
    step = max(1, len(rows) // SAMPLE)
    for text in rows[::step][:SAMPLE]:
        yield text.encode("utf-8")


def _fakenewsnet(folder: Path) -> Iterator[bytes]:
    for path in _every_nth(sorted(folder.rglob("news content.json")), SAMPLE):
        record = json.loads(path.read_text(encoding="utf-8"))
        yield "\n\n".join([record.get("title") or "", record.get("text") or ""]).encode("utf-8")


def _reuters(folder: Path) -> Iterator[bytes]:
    # Each <TEXT> element as the wire delivered it (title, dateline, body, SGML entities kept).
    text = (folder / "reut2-000.sgm").read_bytes().decode("latin-1")
    stories = [part.split("</TEXT>")[0] for part in text.split("<TEXT")[1:]]
    step = max(1, len(stories) // SAMPLE)
    for story in stories[::step][:SAMPLE]:
        body = story.split(">", 1)[1] if ">" in story else story
        for tag in ("TITLE", "DATELINE", "BODY", "AUTHOR"):
            body = body.replace(f"<{tag}>", "").replace(f"</{tag}>", "\n\n")
        yield body.encode("latin-1")


CORPORA = {
    "bbc_fulltext": lambda root: _text_files(root / "bbc_fulltext" / "data"),
    "polnear": lambda root: _text_files(root / "polnear" / "data" / "dev" / "text"),
    "cnn_dailymail": lambda root: _csv_column(
        root / "cnn_dailymail" / "data" / "cnn_dailymail_validation_subset.csv", "article"
    ),
    "isot_true": lambda root: _csv_column(
        root / "isot_fake_real_news" / "data" / "True.csv", "text"
    ),
    "isot_fake": lambda root: _csv_column(
        root / "isot_fake_real_news" / "data" / "Fake.csv", "text"
    ),
    "fakenewsnet": lambda root: _fakenewsnet(root / "fakenewsnet" / "data"),
    "reuters21578": lambda root: _reuters(root / "reuters21578" / "data"),
}


def test_seed_article_is_fully_accounted_for(seed_text: str) -> None:
    """The seed article has no unaccounted text, no wrong overlap, no span out of bounds."""
    assert audit.problems(newsdoc.parse(seed_text)) == []


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda path: path.stem)
def test_fixture_is_fully_accounted_for(path: Path) -> None:
    """Each hand-written fixture article is split into elements without loss."""
    article = newsdoc.parse(path.read_text(encoding="utf-8"))
    assert audit.problems(article) == []


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_corpus_sample_is_fully_accounted_for(name: str) -> None:
    """Across a sample of the corpus, no document has an accounting problem."""
    folder = CORPUS / ("isot_fake_real_news" if name.startswith("isot") else name)
    if not folder.exists():
        pytest.skip(f"corpus {name} not found under {CORPUS}")
    failures: dict[int, list[str]] = {}
    count = 0
    for count, data in enumerate(CORPORA[name](CORPUS), start=1):
        found = audit.problems(newsdoc.parse_bytes(data))
        if found:
            failures[count] = found[:2]
    assert count >= min(SAMPLE, 20), f"only {count} documents read from {name}"
    assert not failures, (
        f"{len(failures)} of {count} documents fail: {dict(list(failures.items())[:3])}"
    )


# The checker itself must catch each kind of problem, or the tests above could not fail.


def test_audit_accepts_a_clean_parse() -> None:
    """A normal parse has no problems and every element is listed once."""
    article = newsdoc.parse(STORY)
    assert audit.unaccounted(article) == []
    assert audit.overlaps(article) == []
    assert audit.out_of_bounds(article) == []
    kinds = {element.kind for element in audit.elements(article)}
    assert {"headline", "byline", "dateline", "paragraph", "removed"} <= kinds


def test_audit_reports_text_that_nothing_claims() -> None:
    """Dropping a paragraph without recording it shows up as unaccounted text."""
    article = newsdoc.parse(STORY)
    last = article.sections[-1]
    lost = last.paragraphs[-1]
    broken = attrs.evolve(
        article,
        sections=(*article.sections[:-1], attrs.evolve(last, paragraphs=last.paragraphs[:-1])),
    )
    gaps = audit.unaccounted(broken)
    assert gaps
    assert gaps[0].start == lost.span.start
    assert gaps[-1].end == lost.span.end


def test_audit_reports_text_claimed_twice() -> None:
    """Recording a kept paragraph as removed too is an overlap."""
    article = newsdoc.parse(STORY)
    paragraph = article.paragraphs[0]
    twice = Removed(paragraph.span.slice(STORY), paragraph.span, "test")
    broken = attrs.evolve(article, removed=(*article.removed, twice))
    assert [(a.kind, b.kind) for a, b in audit.overlaps(broken)] == [("paragraph", "removed")]


def test_audit_reports_spans_past_the_end() -> None:
    """A span beyond the source is out of bounds."""
    article = newsdoc.parse(STORY)
    past = Removed("", Span(len(STORY), len(STORY) + 5), "test")
    broken = attrs.evolve(article, removed=(*article.removed, past))
    assert audit.out_of_bounds(broken) == [("removed", past.span)]
    assert any("past the end" in line for line in audit.problems(broken))


def test_audit_allows_chrome_inside_an_explainer_but_not_kept_text() -> None:
    """A removed counter may sit inside an explainer's span; a paragraph may not."""
    article = newsdoc.parse(STORY)
    paragraph = article.paragraphs[0]
    widget = newsdoc.Explainer("title", (), Span(paragraph.span.start - 1, paragraph.span.end))
    inner = Removed("x", Span(paragraph.span.start, paragraph.span.start + 1), "widget")
    without_paragraph = attrs.evolve(
        article,
        sections=tuple(
            attrs.evolve(s, paragraphs=tuple(p for p in s.paragraphs if p != paragraph))
            for s in article.sections
        ),
        explainers=(widget,),
        removed=(*article.removed, inner),
    )
    assert audit.overlaps(without_paragraph) == []
    assert audit.overlaps(attrs.evolve(article, explainers=(widget,)))
