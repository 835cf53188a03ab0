"""Check that a parse lost nothing: every source character is accounted for exactly once.

The parser's promise is that ``Article.source`` is split, without loss, into kept elements
(headline, dek, byline, dateline, section headings, paragraphs, explainers, credits) and
``removed`` items, with only white space between them. These checks make that promise
testable, and users can run them on their own documents::

    >>> import newsdoc
    >>> from newsdoc import audit
    >>> article = newsdoc.parse("Title\\n\\nBody text.\\n\\nShare this article")
    >>> audit.unaccounted(article), audit.overlaps(article), audit.problems(article)
    ([], [], [])

An explainer is a container: the widget chrome inside it ("Card 1 of 5") is a ``Removed``
item nested in the explainer's span, which is allowed; any other overlap is a bug.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator

import attrs

from newsdoc.model import Article, Span

HEADLINE = "headline"
DEK = "dek"
BYLINE = "byline"
DATELINE = "dateline"
HEADING = "heading"
PARAGRAPH = "paragraph"
EXPLAINER = "explainer"
CREDIT = "credit"
REMOVED = "removed"


@attrs.frozen(slots=True, order=True)
class Element:
    """One piece of the article that claims source text: its ``span`` and what ``kind`` it is."""

    span: Span
    kind: str


def elements(article: Article) -> list[Element]:
    """Every element that claims source text (kept or removed), sorted by span."""
    found: list[Element] = []
    if article.headline_span is not None:
        found.append(Element(article.headline_span, HEADLINE))
    if article.dek_span is not None:
        found.append(Element(article.dek_span, DEK))
    if article.byline is not None:
        found.append(Element(article.byline.span, BYLINE))
    if article.dateline is not None:
        found.append(Element(article.dateline.span, DATELINE))
    for section in article.sections:
        if section.heading_span is not None:
            found.append(Element(section.heading_span, HEADING))
        found.extend(Element(paragraph.span, PARAGRAPH) for paragraph in section.paragraphs)
    found.extend(Element(explainer.span, EXPLAINER) for explainer in article.explainers)
    found.extend(Element(credit.span, CREDIT) for credit in article.credits)
    found.extend(Element(item.span, REMOVED) for item in article.removed)
    found.sort()
    return found


def _all_spans(article: Article) -> Iterator[tuple[str, Span]]:
    """Every span anywhere in the article, including quotes, sections and explainer cards."""
    for element in elements(article):
        yield element.kind, element.span
    for section in article.sections:
        yield "section", section.span
    for explainer in article.explainers:
        for card in explainer.cards:
            yield "explainer card", card.span
    for quote in article.quotes:
        for span in quote.spans:
            yield "quote", span
        for kind, maybe in (("speaker", quote.speaker_span), ("cue", quote.cue_span)):
            if maybe is not None:
                yield kind, maybe


def out_of_bounds(article: Article) -> list[tuple[str, Span]]:
    """Spans (with what holds them) that reach past the end of ``source``."""
    size = len(article.source)
    return [(kind, span) for kind, span in _all_spans(article) if span.end > size]


def unaccounted(article: Article) -> list[Span]:
    """Runs of non-white-space source text that no element (kept or removed) claims."""
    source = article.source
    gaps: list[Span] = []
    position = 0
    for element in elements(article):
        if element.span.start > position:
            gaps.extend(_visible_runs(source, position, element.span.start))
        position = max(position, element.span.end)
    if position < len(source):
        gaps.extend(_visible_runs(source, position, len(source)))
    return gaps


def _visible_runs(source: str, start: int, end: int) -> list[Span]:
    """Maximal runs of non-white-space characters in ``source[start:end]``."""
    runs: list[Span] = []
    run_start: int | None = None
    for index in range(start, end):
        if source[index].isspace():
            if run_start is not None:
                runs.append(Span(run_start, index))
                run_start = None
        elif run_start is None:
            run_start = index
    if run_start is not None:
        runs.append(Span(run_start, end))
    return runs


def overlaps(article: Article) -> list[tuple[Element, Element]]:
    """Pairs of elements that claim the same characters, other than chrome inside an explainer.

    Zero-width spans claim nothing and never overlap.
    """
    claiming = [element for element in elements(article) if element.span.end > element.span.start]
    explainers = [element for element in claiming if element.kind == EXPLAINER]
    others = [element for element in claiming if element.kind != EXPLAINER]
    found: list[tuple[Element, Element]] = []
    # Sweep in start order: an element starting before the furthest end seen overlaps it.
    furthest: Element | None = None
    for element in others:
        if furthest is not None and element.span.start < furthest.span.end:
            found.append((furthest, element))
        if furthest is None or element.span.end > furthest.span.end:
            furthest = element
    starts = [element.span.start for element in others]
    for explainer in explainers:
        found.extend(_explainer_overlaps(explainer, others, starts))
    for first, second in itertools.pairwise(explainers):
        if second.span.start < first.span.end:
            found.append((first, second))
    return found


def _explainer_overlaps(
    explainer: Element, others: list[Element], starts: list[int]
) -> list[tuple[Element, Element]]:
    """Elements that cut into an explainer: any kept element, or removed text crossing its edge."""
    span = explainer.span
    # ``others`` is sorted by start and does not overlap itself (else the sweep reported it),
    # so only elements near the explainer's span need a look.
    index = max(0, bisect.bisect_left(starts, span.start) - 1)
    found = []
    while index < len(others) and others[index].span.start < span.end:
        other = others[index]
        index += 1
        if other.span.end <= span.start:
            continue
        inside = span.start <= other.span.start and other.span.end <= span.end
        if not (inside and other.kind == REMOVED):
            found.append((explainer, other))
    return found


def problems(article: Article) -> list[str]:
    """Every accounting problem as a readable line; empty when the parse lost nothing."""
    source = article.source
    lines = [
        f"{kind} span {span} is past the end ({len(source)})"
        for kind, span in out_of_bounds(article)
    ]
    for span in unaccounted(article):
        lines.append(f"unaccounted text at {span.start}-{span.end}: {span.slice(source)[:60]!r}")
    for first, second in overlaps(article):
        lines.append(
            f"{first.kind} {first.span.start}-{first.span.end} overlaps "
            f"{second.kind} {second.span.start}-{second.span.end}"
        )
    for item in article.removed:
        if item.text != item.span.slice(source):
            lines.append(f"removed text differs from its span {item.span}: {item.text[:60]!r}")
    for section in article.sections:
        inner = [p.span for p in section.paragraphs]
        if section.heading_span is not None:
            inner.append(section.heading_span)
        if any(s.start < section.span.start or s.end > section.span.end for s in inner):
            lines.append(f"section {section.span} does not contain its heading and paragraphs")
    return lines
