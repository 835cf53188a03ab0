"""Notebook display: the article card's structure, quote highlights, escaping and reprs."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from datetime import datetime, timedelta, tzinfo
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import newsdoc
from handmade import HOSTILE_REMOVED, HOSTILE_SPEAKER, hostile_article, plain_articles
from newsdoc.display import ArticleList, show, summary
from newsdoc.highlight import MarkIndex, highlight_paragraph
from newsdoc.model import Paragraph
from newsdoc.text import normalize_space

FIXTURES = Path(__file__).parent / "fixtures"
# Every tag the display may emit: anything else in the output came from article text.
ALLOWED_TAGS = {
    *("div", "header", "p", "span", "mark", "aside", "ol", "ul", "li", "strong"),
    *("details", "summary", "table", "thead", "tbody", "tr", "th", "td"),
}


@attrs.define
class Node:
    """One element of parsed HTML."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = attrs.Factory(list)

    @property
    def classes(self) -> set[str]:
        """The element's CSS classes."""
        return set(self.attrs.get("class", "").split())

    def text(self, skip_class: str | None = None) -> str:
        """Concatenated text content, optionally leaving out elements of one class."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif skip_class is None or skip_class not in child.classes:
                parts.append(child.text(skip_class))
        return "".join(parts)

    def find_all(self, css_class: str) -> list[Node]:
        """Descendants having ``css_class``, in document order."""
        found: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                if css_class in child.classes:
                    found.append(child)
                found.extend(child.find_all(css_class))
        return found

    def tags(self) -> set[str]:
        """Every tag name in this subtree."""
        names = {self.tag}
        for child in self.children:
            if isinstance(child, Node):
                names |= child.tags()
        return names


class TreeBuilder(HTMLParser):
    """Builds a :class:`Node` tree and fails on any mismatched end tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attributes})
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(markup: str) -> Node:
    """Parse an HTML fragment, asserting it is well formed."""
    builder = TreeBuilder()
    builder.feed(markup)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def test_seed_card_body_explainer_and_removed(seed_text: str) -> None:
    """The seed renders its headline, every paragraph, the explainer box and removed items."""
    article = newsdoc.parse(seed_text)
    root = parse_html(article._repr_html_())
    (headline,) = root.find_all("nd-headline")
    assert headline.text() == article.headline
    assert root.find_all("nd-dek")[0].text() == article.dek
    paragraphs = root.find_all("nd-paragraph")
    assert [p.text("nd-speaker") for p in paragraphs] == [p.text for p in article.paragraphs]
    (box,) = root.find_all("nd-explainer")
    assert len(box.find_all("nd-card")) == len(article.explainers[0].cards)
    (details,) = root.find_all("nd-removed")
    assert details.tag == "details"
    assert "open" not in details.attrs
    assert len(details.find_all("nd-removed-item")) == len(article.removed)


def test_seed_every_quote_is_shown(seed_text: str) -> None:
    """Each quote the parser finds is highlighted in the body or listed under it."""
    article = newsdoc.parse(seed_text)
    root = parse_html(article._repr_html_())
    highlighted = {mark.attrs["data-quote"] for mark in root.find_all("nd-quote")}
    others = root.find_all("nd-other-quotes")
    listed = len(others[0].find_all("newsdoc-quote")) if others else 0
    assert len(highlighted) + listed == len(article.quotes)


def test_one_highlight_per_quote_with_speaker_label() -> None:
    """Each quote is marked (one mark per part) and followed by one speaker label."""
    article = hostile_article()
    root = parse_html(article._repr_html_())
    marks = root.find_all("nd-quote")
    assert [mark.attrs["data-quote"] for mark in marks] == ["0", "0", "1"]
    labels = [label.text() for label in root.find_all("nd-speaker")]
    assert labels == ["Ana Ruiz", HOSTILE_SPEAKER]
    assert marks[0].attrs["title"].startswith("Ana Ruiz, Mayor")
    assert marks[2].attrs["data-speaker"] == HOSTILE_SPEAKER


def test_highlights_cover_exactly_the_quote_spans() -> None:
    """The marked text of every part is its source span with white space folded."""
    article = hostile_article()
    root = parse_html(article._repr_html_())
    expected = [
        normalize_space(span.slice(article.source))
        for quote in article.quotes
        for span in sorted(quote.spans)
    ]
    assert [mark.text() for mark in root.find_all("nd-quote")] == expected
    mentions = [mention.text() for mention in root.find_all("nd-mention")]
    assert mentions == ["Mayor Ana Ruiz", "council member Tom Oak"]


def test_paragraph_text_survives_highlighting() -> None:
    """Highlighting never changes a paragraph's text (labels aside)."""
    article = hostile_article()
    root = parse_html(article._repr_html_())
    shown = [p.text("nd-speaker") for p in root.find_all("nd-paragraph")]
    assert shown == [p.text for p in article.paragraphs]


def test_speaker_label_follows_the_closing_quote_mark() -> None:
    """The label sits after the closing quote mark, not inside the quotation."""
    markup = hostile_article()._repr_html_()
    assert '&quot;<span class="nd-speaker"' in markup


def test_hostile_text_is_escaped_everywhere() -> None:
    """Markup, quotes and ampersands in article text come out as text, never as HTML."""
    article = hostile_article()
    markup = article._repr_html_()
    root = parse_html(markup)
    assert root.tags() - {"root"} <= ALLOWED_TAGS
    assert "<script" not in markup
    assert "<b>" not in markup
    assert root.find_all("nd-headline")[0].text() == article.headline
    assert "&lt;b&gt;reckless&lt;/b&gt; &amp; short-sighted" in markup
    items = [item.text() for item in root.find_all("nd-removed-item")]
    assert any(HOSTILE_REMOVED in item and 'odd "reason" <x>' in item for item in items)
    (box,) = root.find_all("nd-explainer")
    assert box.find_all("nd-explainer-title")[0].text() == article.explainers[0].title


class OddZone(tzinfo):
    """A time zone whose name is markup, as a hostile ``tzinfo`` could have."""

    def utcoffset(self, moment: datetime | None) -> timedelta:
        return timedelta(hours=1)

    def tzname(self, moment: datetime | None) -> str:
        return "<img src=x>"

    def dst(self, moment: datetime | None) -> timedelta:
        return timedelta(0)


def test_dates_are_escaped_too() -> None:
    """Even a time-zone name is escaped in the card and the list."""
    article = attrs.evolve(
        hostile_article(),
        published=datetime(2024, 3, 5, 9, 30, tzinfo=OddZone()),
        updated=datetime(2024, 3, 5, 11, 0, tzinfo=OddZone()),
    )
    for markup in (article._repr_html_(), show([article])._repr_html_()):
        assert parse_html(markup).tags() - {"root"} <= ALLOWED_TAGS
        assert "2024-03-05 09:30 &lt;img src=x&gt;" in markup


def test_removed_items_show_their_reasons() -> None:
    """The collapsed removed section lists each removed text with its reason and category."""
    article = hostile_article()
    (details,) = parse_html(article._repr_html_()).find_all("nd-removed")
    reasons = [reason.text() for reason in details.find_all("nd-reason")]
    assert reasons == [
        item.reason + (f"/{item.category}" if item.category else "") for item in article.removed
    ]
    first = details.children[0]
    assert isinstance(first, Node)
    assert first.tag == "summary"


def test_quote_and_explainer_render_alone() -> None:
    """Quote and Explainer have their own escaped HTML."""
    article = hostile_article()
    quote_root = parse_html(article.quotes[1]._repr_html_())
    assert quote_root.find_all("nd-quote")[0].text() == f"“{article.quotes[1].text}”"
    assert quote_root.find_all("nd-speaker")[0].text() == HOSTILE_SPEAKER
    box_root = parse_html(article.explainers[0]._repr_html_())
    cards = box_root.find_all("nd-card")
    assert [card.attrs["value"] for card in cards] == ["1", "2"]
    assert cards[0].text() == 'Taxes <up>. Property taxes rise & fees "fall".'


def test_fixture_articles_render_well_formed() -> None:
    """Every hand-written fixture renders to well-formed HTML with all its paragraphs."""
    paths = sorted(FIXTURES.glob("*.txt"))
    if not paths:
        pytest.skip("no fixtures in tests/fixtures yet")
    for path in paths:
        article = newsdoc.parse(path.read_text(encoding="utf-8"))
        root = parse_html(article._repr_html_())
        assert len(root.find_all("nd-paragraph")) == len(article.paragraphs), path.name
        assert root.tags() - {"root"} <= ALLOWED_TAGS, path.name


def test_highlight_falls_back_to_search_when_text_differs() -> None:
    """A paragraph whose text is not its folded span still gets its quotes found."""
    article = hostile_article()
    original = article.paragraphs[1]
    edited = Paragraph("Edited. " + original.text, original.span)
    pieces = highlight_paragraph(article, edited)
    assert "".join(piece.text for piece in pieces) == edited.text
    quoted = [piece.text for piece in pieces if piece.quote == 1 and not piece.is_mention]
    assert quoted == [article.quotes[1].text]


def test_quote_running_over_two_paragraphs_is_marked_in_both() -> None:
    """A quote span crossing a paragraph break is marked in each; its label comes once, last."""
    article = hostile_article()
    first, second = article.paragraphs
    start = article.source.index("We did what")
    end = article.source.index("It is <b>")
    long_quote = attrs.evolve(article.quotes[0], spans=(newsdoc.Span(start, end),))
    article = attrs.evolve(article, quotes=(long_quote,))
    index = MarkIndex.of(article)
    pieces = [highlight_paragraph(article, p, index) for p in (first, second)]
    quoted = [[piece for piece in group if piece.quote == 0] for group in pieces]
    assert quoted[0][0].text.startswith("We did what")
    assert quoted[1][0].text == 'Critics were unconvinced. "'
    assert [piece.is_last_part for group in quoted for piece in group] == [False, True]


def test_article_list_table_and_sequence() -> None:
    """show() gives a sequence that renders one table row per article, up to its limit."""
    articles = plain_articles()
    listing = show(articles)
    assert isinstance(listing, ArticleList)
    assert len(listing) == 2
    assert listing[1] is articles[1]
    assert list(listing[:1]) == articles[:1]
    root = parse_html(listing._repr_html_())
    rows = root.find_all("nd-list-row")
    assert len(rows) == 2
    assert all(article.headline in row.text() for article, row in zip(articles, rows, strict=True))
    assert [len(card.find_all("newsdoc-article")) for card in root.find_all("nd-list-card")] == [
        1,
        1,
    ]
    limited = parse_html(show(articles, limit=1)._repr_html_())
    assert len(limited.find_all("nd-list-row")) == 1
    assert "… and 1 more" in limited.text()


def _walk(node: Node) -> list[Node]:
    nodes = [node]
    for child in node.children:
        if isinstance(child, Node):
            nodes.extend(_walk(child))
    return nodes


def test_pretty_reprs_are_short() -> None:
    """IPython shows one short line per article, quote and explainer, not every field."""
    pretty = pytest.importorskip("IPython.lib.pretty")
    article = hostile_article()
    text = pretty.pretty(article)
    assert text == summary(article)
    assert "\n" not in text
    assert len(text) < 200
    assert "source=" not in text
    assert "Ana Ruiz" in pretty.pretty(article.quotes[0])
    assert "2 cards" in pretty.pretty(article.explainers[0])
    listing = pretty.pretty(show(plain_articles()))
    assert listing.startswith("ArticleList(2 articles)")
    assert listing.count("\n") == 2


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PAGE = """<!doctype html><html><head><meta charset="utf-8"></head>
<body style="font-family: sans-serif; {colours}">{body}</body></html>"""


def distinct_scanlines(png: bytes) -> int:
    """How many different (filtered) pixel rows a PNG has: 1 or 2 for a blank page."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, compressed = 8, b""
    width = height = bits = colour = 0
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        body = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, bits, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            compressed += body
        position += 12 + length
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    stride = 1 + (width * channels * bits + 7) // 8
    raw = zlib.decompress(compressed)
    assert len(raw) == stride * height
    return len({raw[start : start + stride] for start in range(0, len(raw), stride)})


def test_renders_in_headless_chromium_light_and_dark(tmp_path: Path) -> None:
    """A real browser draws the article (light and dark page) into a non-blank screenshot."""
    browser = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if browser is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    body = hostile_article()._repr_html_() + show(plain_articles())._repr_html_()
    themes = {"light": "", "dark": "background: #1e1e1e; color: #d4d4d4"}
    for theme, colours in themes.items():
        page = tmp_path / f"{theme}.html"
        page.write_text(PAGE.format(colours=colours, body=body), encoding="utf-8")
        shot = tmp_path / f"{theme}.png"
        command = [
            *(browser, "--headless", "--no-sandbox", "--disable-gpu"),
            *("--disable-background-networking", "--disable-component-update"),
            *("--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"),
            *(f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri()),
        ]
        subprocess.run(command, capture_output=True, timeout=120, check=False)
        assert shot.exists(), f"no {theme} screenshot"
        png = shot.read_bytes()
        assert len(png) > 10_000
        assert distinct_scanlines(png) > 50, f"{theme} screenshot looks blank"
