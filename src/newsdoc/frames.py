"""pandas DataFrames of parsed articles: one row per article, or one row per quote.

pandas is an optional extra (``pip install 'newsdoc[pandas]'``) and is imported only when a
function here is called. Both frames share the ``article`` column (the position of the
article in the input), so quotes can be joined back to their article::

    quotes = newsdoc.quotes_dataframe(articles)
    quotes.groupby("speaker").size().sort_values(ascending=False)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from newsdoc.model import Article

if TYPE_CHECKING:
    import pandas

ARTICLE_COLUMNS = (
    "article",
    "headline",
    "dek",
    "authors",
    "agency",
    "dateline",
    "dateline_date",
    "published",
    "updated",
    "sections",
    "paragraphs",
    "words",
    "quotes",
    "speakers",
    "explainers",
    "credits",
    "removed",
    "text",
)
QUOTE_COLUMNS = (
    "article",
    "headline",
    "quote",
    "text",
    "kind",
    "speaker",
    "speaker_mention",
    "speaker_role",
    "cue",
    "paragraph",
    "start",
    "end",
    "parts",
)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "newsdoc's DataFrame helpers need pandas: pip install 'newsdoc[pandas]'"
        ) from error
    return pandas


def _articles(articles: Article | Iterable[Article]) -> list[Article]:
    if isinstance(articles, Article):
        return [articles]
    items = list(articles)
    for position, item in enumerate(items):
        if not isinstance(item, Article):
            raise TypeError(
                f"articles[{position}] must be a newsdoc.Article, got {type(item).__name__}"
            )
    return items


def _moment(value: date | datetime | None) -> Any:
    # A bare date becomes midnight so that a column mixing dates and datetimes stays one type.
    if value is None or isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


def _article_row(position: int, article: Article) -> dict[str, Any]:
    byline, dateline = article.byline, article.dateline
    agency = (byline.agency if byline else None) or (dateline.agency if dateline else None)
    text = article.text
    return {
        "article": position,
        "headline": article.headline,
        "dek": article.dek,
        "authors": list(byline.authors) if byline else [],
        "agency": agency,
        "dateline": dateline.location if dateline else None,
        "dateline_date": _moment(dateline.date) if dateline else None,
        "published": _moment(article.published),
        "updated": _moment(article.updated),
        "sections": len(article.sections),
        "paragraphs": len(article.paragraphs),
        "words": len(text.split()),
        "quotes": len(article.quotes),
        "speakers": len(article.speakers),
        "explainers": len(article.explainers),
        "credits": len(article.credits),
        "removed": len(article.removed),
        "text": text,
    }


def to_dataframe(articles: Article | Iterable[Article]) -> pandas.DataFrame:
    """One row per article: metadata, element counts and the clean text.

    ``authors`` holds a list of names; dates are ``datetime`` (a bare date at midnight);
    ``article`` is the position in the input, shared with :func:`quotes_dataframe`.
    """
    pd = _pandas()
    rows = [_article_row(position, article) for position, article in enumerate(_articles(articles))]
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    return frame


def quotes_dataframe(articles: Article | Iterable[Article]) -> pandas.DataFrame:
    """One row per quote: its words, kind, speaker (name, mention, role), cue and offsets.

    ``start``/``end`` are the source offsets of the quote's first and last part; ``parts`` is
    how many spans the quote has (a quote split by its attribution has two).
    """
    pd = _pandas()
    rows: list[dict[str, Any]] = []
    for position, article in enumerate(_articles(articles)):
        for number, quote in enumerate(article.quotes):
            spans = sorted(quote.spans)
            rows.append(
                {
                    "article": position,
                    "headline": article.headline,
                    "quote": number,
                    "text": quote.text,
                    "kind": quote.kind,
                    "speaker": quote.speaker,
                    "speaker_mention": quote.speaker_mention,
                    "speaker_role": quote.speaker_role,
                    "cue": quote.cue,
                    "paragraph": quote.paragraph,
                    "start": spans[0].start if spans else None,
                    "end": spans[-1].end if spans else None,
                    "parts": len(spans),
                }
            )
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    return frame
