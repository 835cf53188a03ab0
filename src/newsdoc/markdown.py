"""Markdown export: an article as readable Markdown (``Article.to_markdown()``).

Headline as ``#``, dek in italics, a metadata line, sections as ``##``, explainers as block
quotes, reporting credits in italics; optionally every quote grouped by speaker and every
removed item with its reason. Article text is escaped so that it reads as written: a ``*``,
``<tag>`` or leading ``#`` in the news text never turns into formatting or HTML.
"""

from __future__ import annotations

from datetime import date, datetime

import regex

from newsdoc.display import dateline_label
from newsdoc.model import Article, Explainer, Paragraph

# Escapes that CommonMark (Jupyter, GitHub) and Python-Markdown (MkDocs) both honour.
_INLINE_SPECIAL = regex.compile(r"([\\`*_\[\]])")
_ENTITY_LIKE = regex.compile(r"&(?=#?\w+;)")
_ANGLE = {"<": "&lt;", ">": "&gt;"}
# Line starts that would open a heading, list item or thematic break.
# White space other than a line break before the mark: a line start is tried on every line
# anyway, and "\s*" read every blank line after each one (quadratic on blank lines).
_BLOCK_START = regex.compile(r"^([^\S\n]*)(#|[-+])(?=\s|$)", regex.MULTILINE)
_ORDERED_START = regex.compile(r"^([^\S\n]*\d+)([.)])(?=\s|$)", regex.MULTILINE)
_BACKTICK_RUN = regex.compile(r"`+")


def escape_markdown(text: str) -> str:
    """Escape ``text`` so Markdown renders it literally: no emphasis, links, HTML or lists."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = "".join(_ANGLE.get(character, character) for character in text)
    text = _BLOCK_START.sub(r"\1\\\2", text)
    return _ORDERED_START.sub(r"\1\\\2", text)


def _moment(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M %Z").strip()
    return value.isoformat()


def _meta_line(article: Article) -> str:
    parts: list[str] = []
    if article.byline is not None:
        authors = " and ".join(article.byline.authors) or article.byline.text
        agency = f" ({article.byline.agency})" if article.byline.agency else ""
        parts.append(f"By {authors}{agency}")
    if article.dateline is not None:
        parts.append(dateline_label(article.dateline))
    if article.published is not None:
        parts.append(f"Published {_moment(article.published)}")
    if article.updated is not None:
        parts.append(f"Updated {_moment(article.updated)}")
    return escape_markdown(" · ".join(part for part in parts if part))


def _paragraph(paragraph: Paragraph) -> str:
    if "\n" not in paragraph.text:
        return escape_markdown(paragraph.text)
    # A table keeps its lines: a fenced block longer than any backtick run inside it.
    longest = max((len(run) for run in _BACKTICK_RUN.findall(paragraph.text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{paragraph.text}\n{fence}"


def explainer_markdown(explainer: Explainer) -> str:
    """An explainer as a block quote with its numbered cards."""
    lines = [f"**{escape_markdown(explainer.title or 'Explainer')}**", ""]
    for card in explainer.cards:
        heading = escape_markdown(card.heading)
        lines.append(f"{card.number}. **{heading}.** {escape_markdown(card.body)}")
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _body(article: Article) -> list[str]:
    # Sections and explainers in source order, as in the HTML display.
    items: list[tuple[int, str]] = []
    for section in article.sections:
        if section.heading is not None:
            start = section.heading_span.start if section.heading_span else section.span.start
            items.append((start, f"## {escape_markdown(section.heading)}"))
        items.extend(
            (paragraph.span.start, _paragraph(paragraph)) for paragraph in section.paragraphs
        )
    items.extend((box.span.start, explainer_markdown(box)) for box in article.explainers)
    items.sort(key=lambda item: item[0])
    return [text for _, text in items]


def _quotes(article: Article) -> list[str]:
    if not article.quotes:
        return []
    lines = ["## Quotes", ""]
    for quote in article.quotes:
        who = escape_markdown(quote.speaker or "unattributed")
        role = f" ({escape_markdown(quote.speaker_role)})" if quote.speaker_role else ""
        lines.append(f"- **{who}**{role}: “{escape_markdown(quote.text)}”")
    return ["\n".join(lines)]


def _removed(article: Article) -> list[str]:
    if not article.removed:
        return []
    lines = ["## Removed", ""]
    for item in article.removed:
        reason = item.reason + (f"/{item.category}" if item.category else "")
        text = escape_markdown(" ".join(item.text.split()))
        lines.append(f"- *{escape_markdown(reason)}*: {text}")
    return ["\n".join(lines)]


def to_markdown(
    article: Article, *, include_quotes: bool = False, include_removed: bool = False
) -> str:
    """Render ``article`` as Markdown; optionally list its quotes and its removed text."""
    blocks: list[str] = []
    if article.headline:
        blocks.append(f"# {escape_markdown(article.headline)}")
    if article.dek:
        blocks.append(f"*{escape_markdown(article.dek)}*")
    meta = _meta_line(article)
    if meta:
        blocks.append(meta)
    blocks.extend(_body(article))
    blocks.extend(f"*{escape_markdown(credit.text)}*" for credit in article.credits)
    if include_quotes:
        blocks.extend(_quotes(article))
    if include_removed:
        blocks.extend(_removed(article))
    return "\n\n".join(blocks) + "\n"
