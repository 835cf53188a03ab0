"""The HTML walk's shortcuts say what the long way says: digit folding, the scan, the paths."""

from __future__ import annotations

import pytest

from newsdoc.html.evidence import MAX_ATTRIBUTE_CHARS, classify, names_of
from newsdoc.html.render import Rendering, render
from newsdoc.html.scan import scan
from newsdoc.vocab import read_entries

pytest.importorskip("selectolax")


def _render(html: str) -> Rendering:
    from selectolax.lexbor import LexborHTMLParser

    return render(LexborHTMLParser(html).root, scan(html))


def _furniture(html: str) -> list[str | None]:
    rendering = _render(html)
    return [rendering.evidence[start].furniture for start in sorted(rendering.evidence)]


def test_ids_that_differ_by_a_number_share_one_answer() -> None:
    """A run of digits folds to one digit, so "comment-1093" and "comment-77" are one key."""
    assert names_of("div", {"id": "comment-1093"}) == names_of("div", {"id": "comment-77"})
    folded = ("div", None, "post-0 x0y", None, None, None)
    assert names_of("div", {"class": "post-12 x9y"}) == folded


def test_no_markup_word_has_a_digit() -> None:
    """Folding digits is safe only while no vocabulary word of the markup has one."""
    for name in ("markup_words.txt", "markup_containers.txt"):
        assert not [entry for entry in read_entries(name) if any(c.isdigit() for c in entry)]


def test_a_folded_digit_still_keeps_a_word_from_matching() -> None:
    """The digits are folded, never dropped: "ad2" is no "ad" and "ad-2" still is."""
    assert classify(*names_of("div", {"id": "ad"})).category == "ads"
    assert classify(*names_of("div", {"id": "ad-2"})).category == "ads"
    assert classify(*names_of("div", {"id": "ad2"})).category is None
    assert classify(*names_of("div", {"class": "sidebar3"})).category is None


def test_a_long_value_is_not_read() -> None:
    """A value over MAX_ATTRIBUTE_CHARS is read as no value."""
    long_id = "ad-" + "1" * MAX_ATTRIBUTE_CHARS
    assert names_of("div", {"id": long_id, "class": "ad"}) == ("div", None, "ad", None, None, None)


def test_rendered_ids_ending_in_numbers_keep_their_own_answer() -> None:
    """On a page, "ad", "ad-1", "ad-22" are ads and "ad1" is not, whatever came first."""
    html = (
        "<html><body><div id='ad1'>First block</div><div id='ad'>Second block</div>"
        "<div id='ad-1'>Third block</div><div id='ad-22'>Fourth block</div>"
        "<div id='ad7'>Fifth block</div></body></html>"
    )
    assert _furniture(html) == [None, "ads", "ads", "ads", None]


def test_scan_skips_comments_and_raw_text() -> None:
    """Start tags in comments and scripts are not counted; an open comment ends the scan."""
    html = "<p>a<!-- <div> --><div><script>'<b>'</SCRIPT><b>x</b></div><!-- open <i>"
    positions = scan(html).positions
    assert positions == {
        "p": [0],
        "div": [html.index("<div><script")],
        "script": [html.index("<script")],
        "b": [html.index("<b>x")],
    }


def test_every_element_before_a_block_counts_for_its_nth_child() -> None:
    """Every element before a block counts for its :nth-child, empty or not rendered."""
    html = (
        "<html><body><div><span></span><img><b>bold</b><script>x</script>"
        "<p>The paragraph</p></div></body></html>"
    )
    rendering = _render(html)
    paths = [element.path for element in rendering.elements]
    assert paths[-1] == "body>div:nth-child(1)>p:nth-child(5)"
    assert rendering.elements[-1].offset == html.index("<p>")
