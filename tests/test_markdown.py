"""Markdown export: structure, optional quotes and removed lists, and escaping."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import newsdoc
from handmade import HOSTILE_REMOVED, hostile_article
from newsdoc.markdown import escape_markdown


class TextAndTags(HTMLParser):
    """Collects tag names and the text of each top-level heading."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(markdown_text: str) -> TextAndTags:
    """Render with Python-Markdown (what MkDocs uses) and collect tags and text."""
    markdown = pytest.importorskip("markdown")
    collector = TextAndTags()
    collector.feed(markdown.markdown(markdown_text))
    return collector


def test_seed_headline_dek_body_and_explainer(seed_text: str) -> None:
    """The seed exports its headline, dek, every paragraph and its explainer cards in order."""
    article = newsdoc.parse(seed_text)
    text = article.to_markdown()
    assert text.startswith(f"# {escape_markdown(article.headline or '')}\n")
    assert f"*{escape_markdown(article.dek or '')}*" in text
    positions = [text.index(escape_markdown(p.text)) for p in article.paragraphs]
    assert positions == sorted(positions)
    for card in article.explainers[0].cards:
        assert f"{card.number}. **{escape_markdown(card.heading)}.**" in text
    assert "## Removed" not in text


def test_quotes_and_removed_are_optional_sections() -> None:
    """include_quotes lists each quote with its speaker; include_removed lists reasons."""
    article = hostile_article()
    plain = article.to_markdown()
    full = article.to_markdown(include_quotes=True, include_removed=True)
    assert "## Quotes" not in plain
    assert "## Removed" not in plain
    assert "- **Ana Ruiz** (Mayor): “We did what we had to do, This is a fair plan.”" in full
    assert "- *boilerplate/share*: Share this article" in full


def test_markup_in_article_text_stays_text() -> None:
    """Tags, entities and emphasis characters in the news text render literally."""
    article = hostile_article()
    page = rendered(article.to_markdown(include_quotes=True, include_removed=True))
    assert "script" not in page.tags
    assert "b" not in page.tags
    text = "".join(page.text)
    assert article.headline in text
    assert HOSTILE_REMOVED in text
    assert "It is <b>reckless</b> & short-sighted," in text


@pytest.mark.parametrize(
    "raw",
    [
        "# not a heading",
        "- not a list",
        "12. not a list either",
        "*not emphasis* and _not_ either",
        "[not](a link)",
        "AT&amp;T <i>x</i> `code`",
    ],
)
def test_escape_markdown_round_trips_through_a_renderer(raw: str) -> None:
    """Escaped text renders as one paragraph holding exactly the original characters."""
    page = rendered(escape_markdown(raw))
    assert page.tags == ["p"]
    assert "".join(page.text) == raw
