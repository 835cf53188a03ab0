"""Rule ``headline`` on whole web pages: the header's best line, its site name cut off."""

from __future__ import annotations

from datetime import date

import pytest

import newsdoc
from webpage import STORY, page

TITLE = "Bridge to close for repairs this summer"

SITE_CASES = [
    (f"{TITLE} | The Valley Courier", "The Valley Courier"),
    (f"{TITLE} — The Valley Courier", "The Valley Courier"),
    (f"{TITLE} - The Valley Courier", "The Valley Courier"),  # the footer names it
    (f"{TITLE} | valleycourier.com", "valleycourier.com"),
    (f"The Valley Courier: {TITLE}", "The Valley Courier"),
]


@pytest.mark.parametrize(("line", "site"), SITE_CASES)
def test_page_title_gives_headline_and_site(line: str, site: str) -> None:
    """ "Headline | Site", "Headline — Site", "Site: Headline" give the headline and the site."""
    article = newsdoc.parse(page((line,)))
    assert article.headline == TITLE
    assert article.site == site
    cut = [item for item in article.removed if item.category == "site"]
    assert len(cut) == 1
    assert site in cut[0].text
    assert site not in article.text


NOT_SITE_CASES = [
    "Analysis: Why the bridge has to close this summer",  # a label, not a site
    "Watch: Crews lift the old deck off the harbor bridge",
    "Bridge to close - and the ferry will run more often",  # a dash inside the headline
    "Bridge to close for repairs - Engineers Sound Alarm",  # Title Case, but named nowhere else
    "Harbor Notes: Bridge to close for repairs this summer",  # a prefix no footer vouches for
]


@pytest.mark.parametrize("line", NOT_SITE_CASES)
def test_headline_parts_are_not_site_names(line: str) -> None:
    """A label before a colon or a dash inside the headline is kept: no evidence of a site."""
    article = newsdoc.parse(page((line,)))
    assert article.headline == line
    assert article.site is None


def test_section_label_above_headline_is_stepped_over() -> None:
    """A one-word section label above the headline is not the headline."""
    article = newsdoc.parse(page(("Local", TITLE, "By Jane Doe", "March 3, 2024")))
    assert article.headline == TITLE
    assert article.byline is not None
    assert article.byline.authors == ("Jane Doe",)


def test_breadcrumb_and_date_above_headline() -> None:
    """A breadcrumb above the headline is navigation; the date line above it still dates it."""
    article = newsdoc.parse(page(("Home / Local / County", "March 3, 2024", TITLE)))
    assert article.headline == TITLE
    assert article.published == date(2024, 3, 3)
    crumb = [item for item in article.removed if item.text == "Home / Local / County"]
    assert [(item.rule, item.category) for item in crumb] == [("headline", "navigation")]
    assert article.paragraphs[0].text.startswith("The county board")


def test_headline_printed_twice_wins_over_a_teaser() -> None:
    """The line the page prints twice (title bar and article) is the headline."""
    teaser = "Ferry Adds Weekday Sailings For Summer"
    header = (teaser, TITLE, "Photo", "Crews inspect the deck of the harbor bridge.")
    article = newsdoc.parse(page(header) + TITLE + "\n")
    assert article.headline == TITLE


def test_site_suffix_off_pages_is_kept() -> None:
    """Text that is no page keeps its title whole: nothing changes outside pages."""
    text = f"{TITLE} | The Valley Courier\n\nThe county board voted on Tuesday to close it.\n"
    article = newsdoc.parse(text)
    assert article.headline == f"{TITLE} | The Valley Courier"
    assert article.site is None


def test_wrapped_line_of_the_lead_is_no_headline() -> None:
    """A line that goes on with a sentence ("for twelve weeks from June ...") is no headline,
    even printed twice on the page, nor is the line it goes on from; the lead stays whole."""
    lead = "\n".join(
        (
            "Crews will close the old harbor bridge",
            "for twelve weeks from June while they replace",
            "its deck and repaint the steel that holds it up,",
            "the county board decided on Tuesday night.",
        )
    )
    teaser = "for twelve weeks from June while they replace"  # printed again below the story
    text = page((), (lead, *STORY[1:], teaser))
    article = newsdoc.parse(text)
    assert article.headline is None
    start = text.index(lead)
    assert not [
        item
        for item in article.removed
        if item.span.start < start + len(lead) and item.span.end > start
    ]
