"""HTML input: the markup's evidence in the article-zone decision (hand-written pages).

Each page in ``tests/fixtures/html`` is written for these tests, in the style of a real news
or blog page, and shows one kind of evidence: a furniture word on the article's own wrapper,
a comment thread inside the article element, a plain-text document in ``<pre>``, a run of
story cards inside the article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdoc

pytest.importorskip("selectolax")

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def _page(name: str) -> newsdoc.Article:
    return newsdoc.parse_html((FIXTURES / f"{name}.html").read_bytes())


def _removed(article: newsdoc.Article, category: str) -> list[str]:
    return [item.text for item in article.removed if item.category == category]


def test_furniture_word_on_the_articles_wrapper_is_no_sidebar() -> None:
    """``<div id="main-content" class="has-sidebar">`` holds the article: its story stays."""
    article = _page("wrapper_with_sidebar_class")
    texts = [paragraph.text for paragraph in article.paragraphs]
    assert texts[0].startswith("Apple growers across the upper valley")
    assert texts[2].startswith("The growers' association said")
    assert not _removed(article, "sidebar")
    assert _removed(article, "navigation") == ["Home", "Farming", "Weather"]


def test_comment_thread_inside_the_article_goes_as_comments() -> None:
    """Readers' comments are not the article, even inside ``<article>``: each block of the
    thread is removed with category ``comments``, and nothing of it is lost."""
    article = _page("comment_thread")
    assert [paragraph.text[:24] for paragraph in article.paragraphs] == [
        "The towpath between the ",
        "Engineers found that an ",
        "The path reopened on Sat",
    ]
    comments = _removed(article, "comments")
    assert comments[0] == "What readers say"
    assert "Wendy Farr" in comments
    assert any(text.startswith("Does anyone know whether the stretch") for text in comments)
    assert len(comments) == 7


def test_preformatted_document_is_kept_whole() -> None:
    """A ``<pre>`` document's numbered headings and short lines stay with its prose."""
    article = _page("plain_text_document")
    kept = article.text
    for line in ("1. Attendance", "2. Moorings", "4. Any other business", "None. The next"):
        assert line in kept, line
    assert "harbour master, who was at sea with the pilot boat." in kept
    assert _removed(article, "navigation") == ["2024", "2023", "2022", "2021"]


def test_story_cards_inside_the_article_go_as_related() -> None:
    """Four cards in a row, each a linked title over a one-line teaser, are a story list."""
    article = _page("story_cards")
    assert len(article.paragraphs) == 3
    related = _removed(article, "related")
    assert related[:3] == [
        "Ferry timetable changes for the summer",
        "The island ferry adds an early sailing on weekdays from May.",
        "Harbour Desk",
    ]
    assert len(related) == 12


def test_one_linked_title_over_a_teaser_is_no_story_list() -> None:
    """Two cards are not a list: a story's own "read next" box of two stays for the page rule."""
    story = (
        "<article><h1>Pier reopens</h1>"
        "<p>The pier reopened on Friday after a winter of repairs to its iron legs, and the "
        "first anglers were back at the far end within an hour of the gates opening.</p>"
        "<p>The council said the work had cost less than planned because the deck boards "
        "could be saved, and that the café at the entrance would open at Easter.</p>"
    )
    cards = "".join(
        f'<div class="card"><h3><a href="/{n}">Title number {n} here</a></h3>'
        f"<p>A teaser line for story {n}.</p></div>"
        for n in range(2)
    )
    article = newsdoc.parse_html(f"{story}{cards}</article>")
    assert not _removed(article, "related")


def test_form_and_aside_inside_the_article_are_furniture() -> None:
    """A sign-up form and a fact box inside ``<article>`` go; its own header stays."""
    story = (
        "<article><header><h1>Tram line opens</h1></header>"
        "<p>The new tram line opened on Monday, and the first cars were full before seven in "
        "the morning as commuters tried the route from the station to the hospital.</p>"
        '<form action="/signup"><label>Get the morning briefing in your inbox every '
        "weekday before breakfast</label></form>"
        "<aside><p>The line is nine kilometres long and has fourteen stops along the way.</p>"
        "</aside>"
        "<p>The city says a second line to the university will be built from next spring, "
        "once the funding for the bridge over the river has been agreed.</p></article>"
    )
    article = newsdoc.parse_html(story)
    assert article.headline == "Tram line opens"
    assert len(article.paragraphs) == 2
    assert _removed(article, "form") == [
        "Get the morning briefing in your inbox every weekday before breakfast"
    ]
    assert _removed(article, "sidebar") == [
        "The line is nine kilometres long and has fourteen stops along the way."
    ]


def test_cards_that_are_one_link_each_are_a_story_list() -> None:
    """Three cards in a row, each a single link holding its title and teaser, go as related."""
    story = (
        "<article><h1>Harbour wall repaired</h1>"
        "<p>Work on the harbour wall finished a week early, the port said on Friday, and "
        "the fishing boats that had moored in the outer basin all winter came back in.</p>"
        "<p>The repair used stone from the old quarry above the town, so the new section "
        "matches the rest of the wall, which is more than two hundred years old.</p></article>"
    )
    cards = "".join(
        f'<div class="tile"><a href="/{n}"><div>Story {n} title and a teaser of a few '
        "words about it</div></a></div>"
        for n in range(3)
    )
    article = newsdoc.parse_html(f'{story}<div class="tiles">{cards}</div>')
    assert len(article.paragraphs) == 2
    assert len(_removed(article, "related")) == 3


def test_topic_classes_of_a_post_name_no_furniture() -> None:
    """WordPress names a post's topics in its classes ("category-social-media"): no share bar."""
    story = (
        '<div class="post type-post category-social-media tag-share-tips">'
        "<h1>Small shops and the new photo app</h1>"
        "<p>Three shop owners on the high street told us how they started posting pictures of "
        "their windows every morning, and what happened to their weekend trade after that.</p>"
        "<p>None of them pays for adverts, and all three say the pictures brought in people "
        "who had walked past the shops for years without ever stepping inside.</p></div>"
        '<div class="share-buttons"><a href="/s">Share</a> <a href="/t">Post</a></div>'
    )
    # The page around it holds more prose than the post: the post's classes are read.
    about = "".join(
        f"<p>Earlier post {n}: a long note about the town market and how its stalls moved "
        "to the square by the river, with the traders' own words on the change.</p>"
        for n in range(3)
    )
    article = newsdoc.parse_html(f'{story}<div class="archive-notes">{about}</div>')
    assert article.paragraphs[0].text.startswith("Three shop owners on the high street")
    assert _removed(article, "share") == ["Share Post"]


def test_a_short_line_that_is_all_link_is_furniture() -> None:
    """Outside an article container, a short line that is one link (a story link dropped
    between paragraphs) goes; a byline whose name is a link stays."""
    paragraphs = [
        "The coast road will close for two nights next week while crews resurface the "
        "stretch between the lighthouse and the harbour car park, the council said.",
        "Buses will take the inland route on both nights, and the last service from the "
        "town centre will leave half an hour earlier than usual, at a quarter to eleven.",
        "The work was planned for the spring but was moved forward after the storms in "
        "January opened several deep holes in the road along the cliff edge.",
    ]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    link = '<div><a href="/widen">Council votes to widen the coast road</a></div>'
    page = (
        "<h1>Coast road to close for resurfacing</h1>"
        '<div>By <a href="/staff/ana">Ana Ruiz Delgado</a></div>'
        f"{body[: body.index('<p>Buses')]}{link}{body[body.index('<p>Buses') :]}"
    )
    article = newsdoc.parse_html(page)
    assert [paragraph.text for paragraph in article.paragraphs] == paragraphs
    assert _removed(article, "navigation") == ["Council votes to widen the coast road"]
    assert article.byline is not None
    assert article.byline.authors == ("Ana Ruiz Delgado",)


def test_lead_paragraph_cut_off_by_a_promo_box_stays_with_its_siblings() -> None:
    """The story's body element holds the lead paragraph too, though a promo box between it
    and the rest would leave it out of the zone as a page-text island."""
    lead = (
        "LISBON - Firefighters brought a forest fire north of the city under control on "
        "Sunday after three days, the civil protection agency said."
    )
    rest = [
        f"Paragraph {n} of the report says that crews from {n + 2} districts worked through "
        "the night along the ridge, and that the wind had dropped by the early morning."
        for n in range(6)
    ]
    promo = (
        "<div><h4>Follow our world desk</h4><p>Breaking news on the app</p>"
        "<p>Alerts every morning</p></div>"
    )
    body = f"<p>{lead}</p>{promo}" + "".join(f"<p>{text}</p>" for text in rest)
    page = (
        '<ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul>'
        f"<h1>Forest fire under control</h1><div>{body}</div>"
    )
    article = newsdoc.parse_html(page)
    texts = [paragraph.text for paragraph in article.paragraphs]
    assert texts[-6:] == rest
    assert any("Firefighters brought a forest fire" in text for text in texts)
