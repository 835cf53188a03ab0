"""The public object model: immutable, typed records with spans into the source text.

Every element that comes from the text carries a :class:`Span` so that
``article.source[span.start:span.end]`` is the raw text it was read from.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, Literal

import attrs

QuoteKind = Literal["direct", "partial"]
# what speaks: a named person or body, a document ("the report said"), or someone unnamed
SpeakerKind = Literal["person", "organisation", "document", "anonymous"]


@attrs.frozen(slots=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Article.source``."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(
                f"Span needs 0 <= start <= end, got start={self.start}, end={self.end}"
            )

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, source: str) -> str:
        """Return the raw text this span covers in ``source``."""
        return source[self.start : self.end]


@attrs.frozen(slots=True)
class Paragraph:
    """One body paragraph; ``text`` is the raw text with line wraps re-flowed."""

    text: str
    span: Span


@attrs.frozen(slots=True)
class Section:
    """A run of paragraphs under one sub-heading (``heading`` is None before the first one)."""

    heading: str | None
    paragraphs: tuple[Paragraph, ...]
    span: Span
    heading_span: Span | None = None


@attrs.frozen(slots=True)
class Byline:
    """Who wrote the article: ``authors`` are names only; the agency, if any, is kept apart."""

    authors: tuple[str, ...]
    text: str
    span: Span
    agency: str | None = None


@attrs.frozen(slots=True)
class Dateline:
    """Where (and when) the story was filed, e.g. ``WASHINGTON, March 3 (Reuters) -``."""

    location: str | None
    agency: str | None
    date: date | None
    span: Span
    text: str = ""


@attrs.frozen(slots=True)
class Credit:
    """A reporting credit such as "Jane Doe contributed reporting." kept apart from the body."""

    text: str
    span: Span
    names: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Quote:
    """Something said, with the local mention of its speaker and the speaker it resolves to.

    ``text`` is the quoted words without the quote marks; a quote split by its attribution
    (“A,” she said, “B.”) has one span per part and its parts joined by one space, and so has
    one that reopens after a sentence without closing it (“A. “B.”: a paragraph break lost),
    whose first span ends with its sentence.
    """

    text: str
    spans: tuple[Span, ...]
    kind: QuoteKind
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_span: Span | None = None
    speaker_role: str | None = None
    cue: str | None = None
    cue_span: Span | None = None
    paragraph: int = 0
    speaker_kind: SpeakerKind | None = None

    def _repr_html_(self) -> str:
        from newsdoc.display import quote_html

        return quote_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from newsdoc.display import pretty

        pretty(self, printer, cycle)


@attrs.frozen(slots=True)
class ExplainerCard:
    """One card of an explainer widget: "A brewing conflict. Antagonism between ..."."""

    number: int
    heading: str
    body: str
    span: Span


@attrs.frozen(slots=True)
class Explainer:
    """An embedded explainer widget ("Card 1 of 5") made of numbered cards."""

    title: str | None
    cards: tuple[ExplainerCard, ...]
    span: Span

    def _repr_html_(self) -> str:
        from newsdoc.display import explainer_html

        return explainer_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from newsdoc.display import pretty

        pretty(self, printer, cycle)


@attrs.frozen(slots=True)
class Removed:
    """Text the parser dropped, why (``reason``), which rule dropped it, and its category."""

    text: str
    span: Span
    reason: str
    rule: str = ""
    category: str | None = None


@attrs.frozen(slots=True)
class Element:
    """The HTML element a rendered block of an HTML page came from (see ``docs/html.md``).

    ``span`` is the block's text in ``Article.source``; ``tag`` the block element's name;
    ``path`` a CSS selector from ``body`` (``body>div:nth-child(2)>p:nth-child(3)``) that
    finds the element in the parsed page; ``offset`` its start tag's character offset in the
    decoded HTML, or -1 when the HTML parser made the element up (an implied ``<tbody>``).
    """

    span: Span
    tag: str
    path: str
    offset: int = -1


@attrs.frozen(slots=True)
class Speaker:
    """One distinct speaker of an article: its resolved ``name`` and ``kind``, every role the
    article gives it ("Foreign Minister", "Russia’s foreign minister"), the pronoun the article
    uses for it (``"she"``, when it uses one), its local mentions and its quotes."""

    name: str
    kind: SpeakerKind
    roles: tuple[str, ...]
    pronoun: str | None
    mentions: tuple[Span, ...]
    quotes: tuple[Quote, ...]

    @property
    def quote_count(self) -> int:
        """How many quotes the speaker has."""
        return len(self.quotes)


class Speakers(Mapping[str, Speaker]):
    """An article's speakers by name (``article.speakers["Zbigniew Rau"]``), read-only;
    iteration gives the names in the order of each speaker's first quote."""

    __slots__ = ("_by_name",)

    def __init__(self, speakers: Iterable[Speaker] = ()) -> None:
        self._by_name = {speaker.name: speaker for speaker in speakers}

    def __getitem__(self, name: str) -> Speaker:
        return self._by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def __repr__(self) -> str:
        return f"Speakers({list(self._by_name.values())!r})"

    def __reduce__(self) -> tuple[type[Speakers], tuple[tuple[Speaker, ...]]]:
        return Speakers, (tuple(self._by_name.values()),)

    def ranked(self) -> tuple[Speaker, ...]:
        """The speakers most quoted first (ties in the order of their first quote)."""
        return tuple(sorted(self._by_name.values(), key=lambda speaker: -speaker.quote_count))


def _element_start(element: Element) -> int:
    return element.span.start


@attrs.frozen(slots=True, repr=False)  # the generated repr would print the whole source
class Article:
    """A parsed news article. Build one with :func:`newsdoc.parse`.

    ``site`` is the publication's name when the page gives it (a page title's "| Site", or an
    HTML page's metadata); ``url`` and ``lang`` come from HTML input (canonical link, ``<html
    lang>``) or the caller. ``elements`` (HTML input only) maps every rendered block back to
    its HTML element, in source order: see :meth:`element_at`.
    """

    source: str
    headline: str | None = None
    headline_span: Span | None = None
    dek: str | None = None
    dek_span: Span | None = None
    byline: Byline | None = None
    dateline: Dateline | None = None
    published: date | datetime | None = None
    updated: date | datetime | None = None
    sections: tuple[Section, ...] = ()
    quotes: tuple[Quote, ...] = ()
    explainers: tuple[Explainer, ...] = ()
    credits: tuple[Credit, ...] = ()
    removed: tuple[Removed, ...] = ()
    notes: tuple[str, ...] = ()
    site: str | None = None
    url: str | None = None
    lang: str | None = None
    elements: tuple[Element, ...] = ()

    def element_at(self, offset: int) -> Element | None:
        """The HTML element whose rendered block holds ``source[offset]`` (a paragraph's or a
        removed item's ``span.start``), or None for text input and the blank lines between."""
        index = bisect.bisect_right(self.elements, offset, key=_element_start) - 1
        if index >= 0 and offset < self.elements[index].span.end:
            return self.elements[index]
        return None

    # Article.speakers, built on first use (not part of the article's data)
    _speakers: Speakers | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All body paragraphs in reading order, across sections."""
        return tuple(p for section in self.sections for p in section.paragraphs)

    @property
    def text(self) -> str:
        """The clean body: paragraph texts joined by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def speakers(self) -> Speakers:
        """The quoted speakers by name, in the order of their first quote (see
        :class:`Speakers`); built once, in one pass over the quotes."""
        if self._speakers is None:
            from newsdoc.speakers import build_speakers

            object.__setattr__(self, "_speakers", build_speakers(self))
        assert self._speakers is not None
        return self._speakers

    def to_dict(self) -> dict[str, Any]:
        """Unstructure into plain JSON-ready types (see ``docs/schema``)."""
        from newsdoc.serialize import unstructure_article

        return unstructure_article(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output; ``from_dict(a.to_dict()) == a``."""
        from newsdoc.serialize import structure_article

        return structure_article(data)

    def to_json(self, *, indent: int | None = None) -> str:
        """Serialise to JSON with stable key order (see :func:`newsdoc.serialize.dumps`).

        Non-ASCII text is written as is; a lone surrogate in the source, which UTF-8 cannot
        hold, becomes a ``\\u`` escape, so that the JSON always encodes as UTF-8 and
        :meth:`from_json` gives back exactly this article.
        """
        from newsdoc.serialize import dumps

        return dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an article from :meth:`to_json` output: ``from_json(a.to_json()) == a``."""
        from newsdoc.serialize import loads

        return cls.from_dict(loads(text))

    def to_markdown(self, *, include_quotes: bool = False, include_removed: bool = False) -> str:
        """The article as Markdown for reading or export (see ``newsdoc.markdown``)."""
        from newsdoc.markdown import to_markdown

        return to_markdown(self, include_quotes=include_quotes, include_removed=include_removed)

    def __repr__(self) -> str:
        """Short, like the IPython one: ``Article('Headline'; 3 paragraphs, 1 quote, ...)``."""
        from newsdoc.display import summary

        return summary(self)

    def _repr_html_(self) -> str:
        from newsdoc.display import article_html

        return article_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from newsdoc.display import pretty

        pretty(self, printer, cycle)
