"""Shared pieces of the scorers: the :class:`Figure` record and span helpers."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import regex

from benchmarks import corpora
from newsdoc.model import Article

Pair = tuple[corpora.Document, Article]
SPACE = regex.compile(r"\s+")
SIGNOFF_LINE = regex.compile(r"(?i:reuter)\.{0,3}(?:\^M)?|(?i:more)")
SENTENCE_END = tuple(".!?:;\"')”’")


# A resolved speaker that runs on past a sentence end ("Canada. Trump", "Washington. But") or
# ends with a name particle ("Douglas al" from "Douglas also") is a malformed name.
MALFORMED_SPEAKER = regex.compile(
    r"\. (?:The|He|She|It|I|They|We|But|And|In|A|An|This|That)\b"
    r"| (?:de|van|von|der|la|le|da|bin|al|of|for)$"
)
SPEAKER_FIELD = "resolved speakers that are run-on or cut names (no gold: their shape)"
TITLE_FIELD = "resolved speakers that are a title, heading or explainer title (no gold)"
# a capitalised function word inside a run reads as a title in title case ("Escalating Tensions
# Over Ukraine", "Biden Aims Insult At Trump"), never as a name
NAME_SHAPE = regex.compile(r"\p{Lu}[\p{L}.’'\-]*(?: \p{Lu}[\p{L}.’'\-]*){0,3}")
TITLE_CASE_WORD = regex.compile(r" (?:At|Over|In|On|To|For|And|The|With|From|After|Into|As) ")


@attrs.frozen(slots=True)
class Figure:
    """One measured figure: ``value`` over ``count`` items, against ``target`` (None = info)."""

    corpus: str
    field: str
    value: float
    count: int
    target: float | None = None
    lower_is_better: bool = False
    unit: str = "ratio"  # "ratio" (shown as a percentage), "count" or "per second"

    @property
    def meets_target(self) -> bool:
        """True when there is no target or the value reaches it."""
        if self.target is None:
            return True
        return self.value < self.target if self.lower_is_better else self.value >= self.target


def norm(text: str | None) -> str:
    """White space folded to single spaces, ends stripped (None gives "")."""
    return SPACE.sub(" ", text or "").strip()


def ratio(hits: int, total: int) -> float:
    """hits / total, 1.0 when there is nothing to score."""
    return hits / total if total else 1.0


def dateline_matches(
    article: Article, gold: tuple[str | None, str | None], leftovers: tuple[str, ...]
) -> bool:
    """The dateline's (location, agency) is the gold one and no piece of it stays in the body."""
    found = article.dateline
    first = article.paragraphs[0].text if article.paragraphs else ""
    return (
        found is not None
        and (found.location, found.agency) == gold
        and not first.startswith(leftovers)
    )


def covered(article: Article, start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside one of the article's removed spans."""
    return any(r.span.start <= start and end <= r.span.end for r in article.removed)


def speaker_figure(corpus: str, pairs: Iterable[Pair]) -> Figure:
    """The share of attributed quotes whose resolved speaker is a malformed name."""
    speakers = [quote.speaker for _, article in pairs for quote in article.quotes if quote.speaker]
    malformed = sum(1 for speaker in speakers if MALFORMED_SPEAKER.search(speaker))
    return Figure(
        corpus, SPEAKER_FIELD, ratio(malformed, len(speakers)), len(speakers), 0.001, True
    )


def _titles(article: Article) -> set[str]:
    """The article's headline, section headings and explainer titles, case-folded; a heading
    that is only a name ("Billy Bush", a page's tag) is left out: a speaker may bear it."""
    titles = {article.headline, *(section.heading for section in article.sections)}
    for explainer in article.explainers:
        titles.add(explainer.title)
        titles.update(card.heading for card in explainer.cards)
    return {
        norm(title).casefold()
        for title in titles
        if title and not NAME_SHAPE.fullmatch(norm(title))
    }


def title_speaker_figure(corpus: str, pairs: Iterable[Pair]) -> Figure:
    """The share of attributed quotes whose resolved speaker is one of the article's titles
    (headline, section heading, explainer title or card heading) or reads as a title."""
    bad = total = 0
    for _, article in pairs:
        titles: set[str] | None = None
        for quote in article.quotes:
            if not quote.speaker:
                continue
            total += 1
            if titles is None:
                titles = _titles(article)
            speaker = norm(quote.speaker)
            bad += speaker.casefold() in titles or (
                speaker[:1].isupper() and TITLE_CASE_WORD.search(speaker) is not None
            )
    return Figure(corpus, TITLE_FIELD, ratio(bad, total), total, 0.0001, True)
