"""HTML input: rendering, markup evidence, tracing, metadata, charsets and limits."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdoc
from newsdoc.html import MAX_DEPTH, MAX_TAGS, MarkupLimitError, decode_html
from newsdoc.html.page import read_page
from newsdoc.html.reader import read_html_file

pytest.importorskip("selectolax")

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def _page(name: str) -> newsdoc.Article:
    return newsdoc.parse_html((FIXTURES / f"{name}.html").read_bytes())


def _kept(article: newsdoc.Article) -> str:
    pieces, at = [], 0
    for item in article.removed:
        pieces.append(article.source[at : item.span.start])
        at = max(at, item.span.end)
    pieces.append(article.source[at:])
    return "".join(pieces)


def test_furniture_removed_with_categories() -> None:
    """Navigation, share bar, related list, sidebar, cookie banner and footer go, by category."""
    article = _page("wordpress_page")
    categories = {item.category for item in article.removed}
    assert {"header", "share", "related", "sidebar", "popup", "footer"} <= categories
    assert "Skip to content" not in article.source  # a screen-reader-only link
    kept = _kept(article)
    for furniture in ("Most read", "Share this:", "All rights reserved", "We use cookies"):
        assert furniture not in kept
    assert "Work to rebuild the eastern harbour wall" in article.text
    assert article.headline == "Harbour wall repairs begin after winter storms"


def test_article_header_kept_inside_the_article() -> None:
    """The article's own <header> (headline, byline) is not furniture; the site's is."""
    article = _page("wordpress_page")
    kept = _kept(article)
    assert "Posted on August 14, 2024" in kept or article.published is not None
    assert "Harbour wall repairs begin after winter storms" in kept
    site_header = [item.text for item in article.removed if item.category == "header"]
    assert site_header == ["The Valley Courier"]
    menu = [item.text for item in article.removed if item.category == "navigation"]
    assert menu == ["News", "Sport", "Weather"]


def test_pull_quote_repeated_from_the_body_is_removed() -> None:
    """A blockquote whose words repeat in a paragraph is furniture ("pullquote")."""
    article = _page("wordpress_page")
    pulled = [item for item in article.removed if item.category == "pullquote"]
    assert [item.text for item in pulled] == ["We nearly lost the whole front that night."]
    assert any("Nobody here has forgotten it" in quote.text for quote in article.quotes)


def test_q_element_rendered_with_quote_marks() -> None:
    """<q> becomes “…” in the source, so the quote rules see it."""
    assert "“the right kind of granite”" in _page("wordpress_page").source


def test_hidden_and_script_never_rendered() -> None:
    """hidden, aria-hidden, display:none, visibility:hidden, noscript, template, script, style."""
    article = _page("hidden_elements")
    assert "must never be rendered" not in article.source
    assert "build a new library" in article.text
    assert "40,000 books, the council said.\nReaders can follow" in article.source  # <br>


def test_broken_markup_keeps_every_paragraph() -> None:
    """Unclosed and misnested tags, stray end tags: every paragraph still comes out."""
    article = _page("broken_markup")
    for text in (
        "A planned rail strike was called off",
        "Trains will run as normal on Monday morning",
        "Talks had lasted for eleven hours.",
        "Unclosed paragraph at the end of the page with a link",
    ):
        assert text in article.source
    assert "Second item of the deal" in article.source


def test_every_paragraph_and_removal_traces_to_its_element() -> None:
    """Article.elements: each paragraph and removed item maps to an element found by its path
    in the parsed page, whose start tag sits at its offset in the HTML."""
    from selectolax.lexbor import LexborHTMLParser

    html = (FIXTURES / "wordpress_page.html").read_text(encoding="utf-8")
    article = newsdoc.parse_html(html)
    tree = LexborHTMLParser(html)
    spans = [p.span for p in article.paragraphs] + [item.span for item in article.removed]
    assert spans
    for span in spans:
        element = article.element_at(span.start)
        assert element is not None, span
        node = tree.css_first(element.path)
        assert node is not None
        assert node.tag == element.tag
        text = " ".join(node.text(deep=True).split())
        assert " ".join(span.slice(article.source).split())[:30] in text
        assert html.startswith(f"<{element.tag}", element.offset)


def test_elements_round_trip_and_text_input_has_none() -> None:
    """to_dict/from_dict keep the element map exactly; text input has an empty one."""
    article = _page("wordpress_page")
    assert article.elements
    assert newsdoc.Article.from_dict(article.to_dict()) == article
    assert newsdoc.parse("Headline\n\nA paragraph of text.").elements == ()
    assert newsdoc.parse("Headline\n\nA paragraph.").element_at(0) is None


def test_markup_rule_does_nothing_for_text() -> None:
    """Text input has no evidence: the markup and metadata rules leave it exactly as before."""
    text = "Storm hits coast\n\nHome | News | Sport\n\nThe storm hit the coast on Monday."
    with_rules = newsdoc.parse(text)
    config = newsdoc.ParserConfig().disable("markup", "metadata")
    assert with_rules == newsdoc.parse(text, config=config)


def test_json_ld_graph_metadata() -> None:
    """JSON-LD in @graph: headline, authors by @id, both dates, publisher, page URL, lang."""
    article = _page("jsonld_graph")
    assert article.byline is not None
    assert article.byline.authors == ("Lena Hofer", "Jon Brandt")
    assert article.published is not None
    assert article.published.isoformat().startswith("2023-12-10T06:00")
    assert article.updated is not None
    assert article.updated.isoformat().startswith("2023-12-11")
    assert article.site == "Alpine Post"
    assert article.url == "https://alpine.example/night-trains/"
    assert article.lang == "de"


def test_lying_metadata_loses_to_the_page_and_is_noted() -> None:
    """The visible byline and date win over metadata that disagrees; the notes say so."""
    article = _page("lying_metadata")
    assert article.byline is not None
    assert article.byline.authors == ("Tomas Reyes",)
    assert article.published == date(2024, 3, 5)
    notes = " ".join(article.notes)
    assert "disagrees on published" in notes
    assert "2019-01-01" in notes
    assert "disagrees on authors" in notes
    assert "Somebody Else" in notes


def test_opengraph_and_canonical() -> None:
    """og:site_name, article:published_time, canonical link and <html lang>."""
    article = _page("wordpress_page")
    assert article.site == "The Valley Courier"
    assert article.url == "https://courier.example/2024/08/harbour-wall-repairs"
    assert article.lang == "en-GB"
    assert article.published is not None
    assert article.published.isoformat().startswith("2024-08-14")


def test_caller_url_wins() -> None:
    """url= given by the caller is kept over the page's canonical link."""
    html = (FIXTURES / "wordpress_page.html").read_bytes()
    assert newsdoc.parse_html(html, url="https://mirror.example/x").url == (
        "https://mirror.example/x"
    )


def test_meta_charset_that_lies_gives_way_to_detection() -> None:
    """A page declaring utf-8 whose bytes are cp1252 is read as cp1252, with a note."""
    article = _page("wrong_charset")
    assert article.headline == "Café owners fight new rules"
    assert "€2,000" in article.text
    assert any("does not fit" in note for note in article.notes)


def test_single_byte_label_on_utf8_bytes() -> None:
    """A latin-1 label on valid UTF-8 bytes: UTF-8 wins, with a note."""
    page = '<meta charset="iso-8859-1"><p>Zürich’s trams</p>'.encode()
    text, notes = decode_html(page)
    assert "Zürich’s trams" in text
    assert "declares iso-8859-1" in notes[0]


def test_declared_charset_is_used() -> None:
    """A meta charset that fits the bytes decides."""
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Новости</p>'
    )
    text, notes = decode_html(page.encode("cp1251"))
    assert "Новости" in text
    assert "cp1251" in notes[0]


def test_deep_nesting_is_refused() -> None:
    """Markup nested 100,000 deep raises a clear error before the parser builds a tree."""
    with pytest.raises(MarkupLimitError, match="nests elements more than"):
        newsdoc.parse_html("<div>" * 100_000 + "text")
    deep_but_allowed = "<div>" * (MAX_DEPTH - 10) + "<p>Deep text here.</p>"
    assert "Deep text here." in newsdoc.parse_html(deep_but_allowed).source


def test_a_million_tiny_elements_is_refused() -> None:
    """More start tags than MAX_TAGS raise a clear error."""
    with pytest.raises(MarkupLimitError, match="start tags"):
        newsdoc.parse_html("<b>x</b>" * (MAX_TAGS + 1))


def test_megabyte_attribute_values_are_not_read() -> None:
    """A megabyte class value is skipped for evidence; the text still renders."""
    html = f'<div class="{"share " * 200_000}"><p>The river rose overnight.</p></div>'
    page = read_page(html, max_chars=10_000_000)
    assert page.rendering.text == "The river rose overnight."
    assert [item.furniture for item in page.rendering.evidence.values()] == [None]


def test_decompression_bomb_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An .html.gz that expands past the cap becomes an error document, not a crash."""
    import newsdoc.html.reader as reader

    monkeypatch.setattr(reader, "MAX_EXPANDED_BYTES", 1_000_000)
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b" " * 5_000_000))
    document = read_html_file(path)
    assert document.text is None
    assert document.error is not None
    assert "expands past" in document.error


def test_parse_html_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without selectolax the error names the extra to install."""
    import sys

    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    with pytest.raises(ImportError, match=r"pip install 'newsdoc\[html\]'"):
        newsdoc.parse_html("<p>x</p>")


def test_parse_html_type_errors() -> None:
    """Only str and bytes are HTML; published must be a date."""
    with pytest.raises(TypeError, match="str or bytes"):
        newsdoc.parse_html(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="published"):
        newsdoc.parse_html("<p>x</p>", published="2024-01-01")  # type: ignore[arg-type]


def test_parse_many_html() -> None:
    """parse_many(html=True) parses pages in order."""
    pages = [(FIXTURES / f"{name}.html").read_bytes() for name in ("jsonld_graph", "broken_markup")]
    articles = list(newsdoc.parse_many(pages, workers=1, html=True))
    assert [article.headline for article in articles] == [
        "Night trains return to the Alps",
        "Rail strike called off at the last minute",
    ]


_TAGS = ["p", "div", "a href=x", "b", "li", "ul", "table", "td", "tr", "br", "q", "nav", "script"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [f"<{tag}>" for tag in _TAGS] + [f"</{tag.split()[0]}>" for tag in _TAGS]
            ),
            st.text(alphabet="ab .,“”\n<>&;", max_size=12),
        ),
        max_size=40,
    )
)
def test_any_markup_parses_with_valid_spans(pieces: list[str]) -> None:
    """Random tag soup never crashes; every element and removed span lies in the source."""
    article = newsdoc.parse_html("".join(pieces))
    for element in article.elements:
        assert 0 <= element.span.start < element.span.end <= len(article.source)
        assert element.span.slice(article.source).strip()
    for item in article.removed:
        assert item.span.slice(article.source) == item.text


def test_dask_bag_of_pages() -> None:
    """newsdoc.dask.parse_bag(bag, html=True) parses pages."""
    bag_module = pytest.importorskip("dask.bag")
    from newsdoc.dask import parse_bag

    pages = [(FIXTURES / "jsonld_graph.html").read_bytes()]
    bag = parse_bag(bag_module.from_sequence(pages, npartitions=1), html=True)
    (article,) = bag.compute(scheduler="synchronous")
    assert article.headline == "Night trains return to the Alps"


def test_repeated_paragraph_elements_both_stay() -> None:
    """Two <p> elements with the same words are two paragraphs, not a scrape's repeat."""
    line = "The ferry left on time and the harbour reopened by noon, the port said."
    article = newsdoc.parse_html(f"<article><h1>Port news</h1><p>{line}</p><p>{line}</p></article>")
    assert [p.text for p in article.paragraphs] == [line, line]
    as_text = newsdoc.parse(f"Port news\n\nA first line of the story.\n\n{line}\n\n{line}")
    assert [item.reason for item in as_text.removed] == ["duplicate"]  # text input: a repeat


def test_repeated_paragraph_in_div_elements_stays_but_a_repeated_widget_line_goes() -> None:
    """Two <div> paragraphs with the same sentences are the page's own text printed twice;
    a short widget line repeated in one <div> after another ("Mouseover to load notes") is
    not a paragraph, and its copies go as repeats."""
    line = "The ferry left on time and the harbour reopened by noon, the port said on Monday."
    widget = "Hover over the photo to load notes"
    page = (
        f"<article><h1>Port news</h1><div>{line}</div><div>{line}</div>"
        f"<div>{widget}</div><div>{widget}</div><div>{widget}</div></article>"
    )
    article = newsdoc.parse_html(page)
    assert [p.text for p in article.paragraphs].count(line) == 2
    repeats = [item.text for item in article.removed if item.category == "repeat"]
    assert repeats == [widget, widget]


def test_byline_class_and_dublin_core_authors() -> None:
    """A byline box's innermost name, and dc:creator before a plain author meta."""
    page = (
        '<div class="story-byline">By <a class="author-link" href="/jo">Jo Park</a>'
        '<span class="author-title">Staff Photographer</span></div>'
        "<p>The lake froze over on Sunday for the first time in a decade.</p>"
    )
    assert newsdoc.parse_html(page).byline.authors == ("Jo Park",)  # type: ignore[union-attr]
    meta = (
        '<meta name="author" content="Web Desk"><meta property="dc:creator og:x" '
        'content="Lee Moss"><p>The lake froze over on Sunday for the first time.</p>'
    )
    assert newsdoc.parse_html(meta).byline.authors == ("Lee Moss",)  # type: ignore[union-attr]
