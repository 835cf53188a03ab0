"""A standalone HTML page of article cards: what ``newsdoc parse x --format html`` writes."""

from __future__ import annotations

import html
from collections.abc import Iterable

from newsdoc.display import article_html
from newsdoc.model import Article

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsdoc">
<title>{title}</title>
</head>
<body style="font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 1em;
 max-width: 54em; color: #1f1f1f; background: #ffffff">
{body}
</body>
</html>
"""


def article_page(articles: Article | Iterable[Article]) -> str:
    """A standalone HTML page of article cards (``newsdoc parse x --format html``).

    Like displaCy's ``render(page=True)``: inline styles, no scripts, nothing to fetch, so
    the page opens in any browser or can be served as it is.
    """
    items = [articles] if isinstance(articles, Article) else list(articles)
    headline = items[0].headline if len(items) == 1 else None
    body = "\n<hr>\n".join(article_html(article) for article in items)
    return PAGE.format(title=html.escape(headline or "newsdoc"), body=body)
