"""Notebook display: HTML cards for articles, quotes and explainers, and short pretty reprs.

Everything here is presentation only. The HTML uses inline styles (they survive notebook
viewers that strip ``<style>`` blocks), inherited text colours and semi-transparent
backgrounds so it reads in light and dark themes alike, and every piece of article text goes
through :func:`html.escape`: an article can never inject markup into the page.

Quotes are highlighted from their source spans, not by searching their text: each
paragraph is rebuilt from ``source[paragraph.span]`` with white space folded the way the
``sections`` rule folds it, cut where quote parts and speaker mentions begin and end.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Protocol, overload

import attrs

from newsdoc.highlight import Highlight, MarkIndex, highlight_paragraph
from newsdoc.model import Article, Dateline, Explainer, Paragraph, Quote, Removed

# Semi-transparent hues: readable on white and on near-black notebook backgrounds.
SPEAKER_HUES = (
    "rgba(255, 193, 7, 0.30)",
    "rgba(33, 150, 243, 0.25)",
    "rgba(76, 175, 80, 0.25)",
    "rgba(233, 30, 99, 0.22)",
    "rgba(156, 39, 176, 0.22)",
    "rgba(0, 188, 212, 0.25)",
    "rgba(255, 87, 34, 0.25)",
    "rgba(121, 85, 72, 0.28)",
)
UNATTRIBUTED_HUE = "rgba(127, 127, 127, 0.25)"
GOLDEN_ANGLE = 137.508  # degrees: each new hue lands far from all earlier ones
REMOVED_PREVIEW_CHARS = 300
SUMMARY_CHARS = 60
LIST_LIMIT = 20
_LIST_COLUMNS = (
    *("#", "headline", "byline", "dateline", "published"),
    *("paragraphs", "quotes", "top speakers", "removed"),
)
CLOSING_MARKS = "”’»\"'"

_BORDER = "1px solid rgba(127, 127, 127, 0.35)"
# overflow-x: sub-pixel rounding in some notebook themes would add a 1px scroll bar.
_ROOT = (
    "color: inherit; line-height: 1.5; max-width: 52em; font-size: 14px;"
    " overflow-x: hidden; overflow-wrap: break-word"
)
_BOX = "box-sizing: border-box; max-width: 100%"
_CARD = f"{_BOX}; border: {_BORDER}; border-radius: 6px; padding: 0.7em 1em; margin: 0 0 0.8em 0"
_HEADLINE = "font-size: 1.45em; font-weight: 700; line-height: 1.25; margin: 0 0 0.3em 0"
_DEK = "font-style: italic; opacity: 0.85; margin: 0 0 0.4em 0"
_META = "font-size: 0.85em; opacity: 0.75"
_SECTION_HEADING = "font-size: 1.1em; font-weight: 700; margin: 1em 0 0.4em 0"
_PARAGRAPH = "margin: 0 0 0.7em 0"
_TABLE_PARAGRAPH = f"{_PARAGRAPH}; white-space: pre-line; font-family: monospace"
_MARK = "color: inherit; border-radius: 2px; padding: 0 1px; background: {hue}"
_MENTION = "border-bottom: 1px dotted currentColor"
# 0.875em of the 14px root is 12.25px: still readable at the notebook default size.
_LABEL = (
    "font-size: 0.875em; font-weight: 600; border-radius: 3px; padding: 0 0.35em;"
    " margin-left: 0.2em; vertical-align: 0.15em; white-space: nowrap; background: {hue}"
)
_EXPLAINER = (
    f"{_BOX}; border: {_BORDER}; border-left: 4px solid rgba(33, 150, 243, 0.6);"
    " border-radius: 4px; padding: 0.6em 1em; margin: 0.4em 0 1em 0;"
    " background: rgba(33, 150, 243, 0.07)"
)
_BOX_TITLE = "font-weight: 700; margin: 0 0 0.4em 0"
_SMALL = "font-size: 0.85em; opacity: 0.8; margin: 0.6em 0"
_REMOVED = (
    f"{_BOX}; border: {_BORDER}; border-radius: 4px; padding: 0.4em 0.8em; margin: 0.8em 0 0 0;"
    " opacity: 0.65; background: rgba(127, 127, 127, 0.08)"
)
_REASON = (
    "font-size: 0.8em; font-weight: 600; border: 1px solid currentColor; border-radius: 3px;"
    " padding: 0 0.3em; margin-right: 0.4em"
)
_TABLE = "border-collapse: collapse; table-layout: auto; color: inherit; font-size: 13px"
_CELL = f"border-bottom: {_BORDER}; padding: 0.3em 0.6em; text-align: left; vertical-align: top"


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _moment(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M %Z").strip()
    return value.isoformat()


def dateline_label(dateline: Dateline) -> str:
    """``VIENNA, 2022-01-13 (AP)``: the dateline's parts without its trailing dash."""
    if dateline.location is None and dateline.agency is None:
        return dateline.text.rstrip(" —–-")
    parts = [dateline.location or ""]
    if dateline.date is not None:
        parts.append(f", {dateline.date.isoformat()}")
    if dateline.agency:
        parts.append(f" ({dateline.agency})")
    return "".join(parts).strip()


def speaker_hue(index: int) -> str:
    """The colour of the ``index``-th speaker: eight hand-picked ones, then golden-angle hues."""
    if index < len(SPEAKER_HUES):
        return SPEAKER_HUES[index]
    hue = (index - len(SPEAKER_HUES)) * GOLDEN_ANGLE % 360
    return f"hsla({hue:.0f}, 75%, 50%, 0.28)"


def speaker_hues(quotes: Iterable[Quote]) -> dict[str, str]:
    """One distinct background colour per speaker, in order of first quote."""
    hues: dict[str, str] = {}
    for quote in quotes:
        if quote.speaker is not None and quote.speaker not in hues:
            hues[quote.speaker] = speaker_hue(len(hues))
    return hues


def _legend_html(hues: dict[str, str]) -> str:
    # Past eight speakers colours alone are hard to tell apart: name each one once.
    if len(hues) <= len(SPEAKER_HUES):
        return ""
    items = " ".join(
        f'<span class="nd-legend-item" style="{_LABEL.format(hue=hue)}">{_escape(name)}</span>'
        for name, hue in hues.items()
    )
    return f'<div class="nd-legend" style="{_META}; margin-top: 0.3em">Speakers: {items}</div>'


def quote_title(quote: Quote) -> str:
    """Tooltip text for a quote: speaker, role, kind and cue."""
    who = quote.speaker or "unattributed"
    if quote.speaker_role:
        who += f", {quote.speaker_role}"
    if quote.speaker_mention and quote.speaker_mention != quote.speaker:
        who += f" (as “{quote.speaker_mention}”)"
    cue = f"; cue: {quote.cue}" if quote.cue else ""
    return f"{who} — {quote.kind} quote{cue}"


def _speaker_label(quote: Quote, hue: str) -> str:
    name = _escape(quote.speaker or "?")
    return f'<span class="nd-speaker" style="{_LABEL.format(hue=hue)}">{name}</span>'


def _render_highlights(pieces: Sequence[Highlight], article: Article, hues: dict[str, str]) -> str:
    out: list[str] = []
    label = ""  # a speaker label waits until the closing quote mark after its quote
    for piece in pieces:
        text = _escape(piece.text)
        if piece.quote is None:
            closing = len(piece.text) - len(piece.text.lstrip(CLOSING_MARKS))
            out.append(_escape(piece.text[:closing]) + label + _escape(piece.text[closing:]))
            label = ""
            continue
        quote = article.quotes[piece.quote]
        hue = hues.get(quote.speaker or "", UNATTRIBUTED_HUE)
        if piece.is_mention:
            out.append(f'<span class="nd-mention" style="{_MENTION}">{text}</span>')
            continue
        out.append(
            f'<mark class="nd-quote" data-quote="{piece.quote}" data-speaker="'
            f'{_escape(quote.speaker or "")}" title="{_escape(quote_title(quote))}" '
            f'style="{_MARK.format(hue=hue)}">{text}</mark>'
        )
        if piece.is_last_part:
            out.append(label)
            label = _speaker_label(quote, hue)
    out.append(label)
    return "".join(out)


def _paragraph_html(
    article: Article, paragraph: Paragraph, hues: dict[str, str], placed: set[int], index: MarkIndex
) -> str:
    pieces = highlight_paragraph(article, paragraph, index)
    placed.update(piece.quote for piece in pieces if piece.quote is not None)
    style = _TABLE_PARAGRAPH if "\n" in paragraph.text else _PARAGRAPH
    body = _render_highlights(pieces, article, hues)
    return f'<p class="nd-paragraph" style="{style}">{body}</p>'


def explainer_html(explainer: Explainer) -> str:
    """An explainer as a box of numbered cards."""
    title = _escape(explainer.title or "Explainer")
    cards = "".join(
        f'<li class="nd-card" value="{card.number}" style="margin: 0 0 0.4em 0">'
        f"<strong>{_escape(card.heading)}.</strong> {_escape(card.body)}</li>"
        for card in explainer.cards
    )
    return (
        f'<aside class="nd-explainer" style="{_EXPLAINER}">'
        f'<div class="nd-explainer-title" style="{_BOX_TITLE}">{title}</div>'
        f'<ol style="margin: 0; padding-left: 1.6em">{cards}</ol></aside>'
    )


def _card_html(article: Article, hues: dict[str, str]) -> str:
    parts = [f'<div class="nd-headline" role="heading" aria-level="2" style="{_HEADLINE}">']
    parts.append(_escape(article.headline or "(no headline)") + "</div>")
    if article.dek:
        parts.append(f'<p class="nd-dek" style="{_DEK}">{_escape(article.dek)}</p>')
    meta: list[str] = []
    if article.byline is not None:
        authors = ", ".join(article.byline.authors) or article.byline.text
        agency = f" ({article.byline.agency})" if article.byline.agency else ""
        meta.append(f'<span class="nd-byline">By {_escape(authors + agency)}</span>')
    if article.dateline is not None:
        place = dateline_label(article.dateline)
        meta.append(f'<span class="nd-dateline">{_escape(place)}</span>')
    if article.published is not None:
        published = _escape(_moment(article.published))
        meta.append(f'<span class="nd-published">Published {published}</span>')
    if article.updated is not None:
        updated = _escape(_moment(article.updated))
        meta.append(f'<span class="nd-updated">Updated {updated}</span>')
    counts = (
        f"{_count(len(article.paragraphs), 'paragraph')} · {_count(len(article.quotes), 'quote')}"
        f" · {_count(len(article.speakers), 'speaker')} · {len(article.removed)} removed"
    )
    meta.append(f'<span class="nd-counts">{counts}</span>')
    parts.append(f'<div class="nd-meta" style="{_META}">{" · ".join(meta)}</div>')
    parts.append(_legend_html(hues))
    return f'<header class="nd-card" style="{_CARD}">{"".join(parts)}</header>'


def _body_html(article: Article, hues: dict[str, str], placed: set[int]) -> str:
    index = MarkIndex.of(article)
    # Headings, paragraphs and explainers go in source order, so a box sits where it was.
    items: list[tuple[int, str]] = []
    for section in article.sections:
        if section.heading is not None:
            start = section.heading_span.start if section.heading_span else section.span.start
            heading = _escape(section.heading)
            items.append(
                (start, f'<div class="nd-section" style="{_SECTION_HEADING}">{heading}</div>')
            )
        for paragraph in section.paragraphs:
            html_text = _paragraph_html(article, paragraph, hues, placed, index)
            items.append((paragraph.span.start, html_text))
    items.extend(
        (explainer.span.start, explainer_html(explainer)) for explainer in article.explainers
    )
    items.sort(key=lambda item: item[0])
    return f'<div class="nd-body">{"".join(html_text for _, html_text in items)}</div>'


def _unplaced_quotes_html(article: Article, placed: set[int]) -> str:
    unplaced = [quote for index, quote in enumerate(article.quotes) if index not in placed]
    if not unplaced:
        return ""
    items = "".join(f"<li>{quote_html(quote)}</li>" for quote in unplaced)
    return (
        f'<div class="nd-other-quotes" style="{_SMALL}">Quotes outside the body:'
        f'<ul style="margin: 0.2em 0">{items}</ul></div>'
    )


def _removed_item(item: Removed) -> str:
    text = _escape(_shorten(item.text, REMOVED_PREVIEW_CHARS))
    reason = _escape(item.reason + (f"/{item.category}" if item.category else ""))
    rule = f' title="rule: {_escape(item.rule)}"' if item.rule else ""
    return (
        f'<li class="nd-removed-item" style="margin: 0.2em 0">'
        f'<span class="nd-reason" style="{_REASON}"{rule}>{reason}</span>{text}</li>'
    )


def _removed_html(article: Article) -> str:
    if not article.removed and not article.notes:
        return ""
    items = "".join(_removed_item(item) for item in article.removed)
    notes = "".join(f'<li class="nd-note">note: {_escape(note)}</li>' for note in article.notes)
    return (
        f'<details class="nd-removed" style="{_REMOVED}">'
        f'<summary style="cursor: pointer">Removed ({len(article.removed)})</summary>'
        f'<ul style="margin: 0.3em 0; padding-left: 1.2em; list-style: none">{items}{notes}'
        "</ul></details>"
    )


def article_html(article: Article) -> str:
    """The whole article as one self-contained, escaped HTML fragment."""
    hues = speaker_hues(article.quotes)
    placed: set[int] = set()
    body = _body_html(article, hues, placed)
    credits = "".join(
        f'<div class="nd-credit" style="{_SMALL}">{_escape(credit.text)}</div>'
        for credit in article.credits
    )
    return (
        f'<div class="newsdoc-article" style="{_ROOT}">{_card_html(article, hues)}{body}'
        f"{_unplaced_quotes_html(article, placed)}{credits}{_removed_html(article)}</div>"
    )


def quote_html(quote: Quote) -> str:
    """One quote on its own: the words highlighted, then its speaker and role."""
    hue = UNATTRIBUTED_HUE if quote.speaker is None else SPEAKER_HUES[0]
    role = f", {_escape(quote.speaker_role)}" if quote.speaker_role else ""
    return (
        f'<span class="newsdoc-quote" style="color: inherit">'
        f'<mark class="nd-quote" title="{_escape(quote_title(quote))}" '
        f'style="{_MARK.format(hue=hue)}">“{_escape(quote.text)}”</mark>'
        f" — {_speaker_label(quote, hue)}{role}</span>"
    )


def _list_rows(index: int, article: Article) -> str:
    """One summary row, then a full-width row holding the collapsed article card."""
    authors = ", ".join(article.byline.authors) if article.byline else ""
    place = article.dateline.location or "" if article.dateline else ""
    when = _moment(article.published) if article.published else ""
    speakers = ", ".join(speaker.name for speaker in article.speakers.ranked()[:3])
    counts = (len(article.paragraphs), len(article.quotes))
    cells = [str(index), f"<strong>{_escape(article.headline or '(no headline)')}</strong>"]
    cells += [_escape(authors), _escape(place), _escape(when), *map(str, counts)]
    cells += [_escape(speakers), str(len(article.removed))]
    summary_cells = "".join(f'<td style="{_CELL}; border-bottom: none">{c}</td>' for c in cells)
    card = (
        f'<details><summary style="cursor: pointer; opacity: 0.7">show article {index}</summary>'
        f"{article_html(article)}</details>"
    )
    return (
        f'<tr class="nd-list-row">{summary_cells}</tr>'
        f'<tr class="nd-list-card"><td></td>'
        f'<td colspan="{len(cells) - 1}" style="{_CELL}; padding-top: 0">{card}</td></tr>'
    )


@attrs.frozen(slots=True)
class ArticleList(Sequence[Article]):
    """A sequence of articles that shows as a table in Jupyter, each card one click away."""

    articles: tuple[Article, ...]
    limit: int = LIST_LIMIT

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> ArticleList: ...
    def __getitem__(self, index: int | slice) -> Article | ArticleList:
        """One article, or a slice as a new list."""
        if isinstance(index, slice):
            return ArticleList(self.articles[index], self.limit)
        return self.articles[index]

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def _repr_html_(self) -> str:
        header = "".join(f'<th style="{_CELL}">{name}</th>' for name in _LIST_COLUMNS)
        rows = "".join(
            _list_rows(index, article) for index, article in enumerate(self.articles[: self.limit])
        )
        more = len(self.articles) - self.limit
        tail = f'<div style="{_SMALL}">… and {more} more</div>' if more > 0 else ""
        return (
            f'<div class="newsdoc-list" style="color: inherit"><table style="{_TABLE}">'
            f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>{tail}</div>"
        )

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:
        printer.text(f"ArticleList({len(self.articles)} articles)")
        if cycle:
            return
        for index, article in enumerate(self.articles[: self.limit]):
            printer.text(f"\n  [{index}] {summary(article)}")
        if len(self.articles) > self.limit:
            printer.text(f"\n  … and {len(self.articles) - self.limit} more")


def show(articles: Article | Iterable[Article], *, limit: int = LIST_LIMIT) -> ArticleList:
    """Wrap articles for display: the result renders as a table in Jupyter."""
    if isinstance(articles, Article):
        return ArticleList((articles,), limit)
    return ArticleList(tuple(articles), limit)


class PrettyPrinter(Protocol):
    """The part of IPython's ``RepresentationPrinter`` that ``_repr_pretty_`` uses."""

    def text(self, obj: str) -> None:
        """Write ``obj`` to the output."""


def summary(item: Article | Quote | Explainer) -> str:
    """A one-line, human-readable description of an article, quote or explainer."""
    if isinstance(item, Quote):
        who = item.speaker or "unattributed"
        role = f", {item.speaker_role}" if item.speaker_role else ""
        return f"Quote({item.kind}, “{_shorten(item.text, SUMMARY_CHARS)}” — {who}{role})"
    if isinstance(item, Explainer):
        headings = "; ".join(card.heading for card in item.cards)
        return f"Explainer({item.title!r}, {len(item.cards)} cards: {_shorten(headings, 80)})"
    fields = [repr(_shorten(item.headline or "(no headline)", SUMMARY_CHARS))]
    if item.byline is not None and item.byline.authors:
        fields.append("by " + ", ".join(item.byline.authors))
    if item.dateline is not None and item.dateline.location:
        fields.append(item.dateline.location)
    if item.published is not None:
        fields.append(_moment(item.published))
    fields.append(
        f"{_count(len(item.paragraphs), 'paragraph')}, {_count(len(item.quotes), 'quote')}, "
        f"{_count(len(item.explainers), 'explainer')}, {len(item.removed)} removed"
    )
    return f"Article({'; '.join(fields)})"


def pretty(item: Article | Quote | Explainer, printer: PrettyPrinter, cycle: bool) -> None:
    """IPython ``_repr_pretty_`` for the model: the one-line :func:`summary`."""
    printer.text(summary(item))
