"""Rule ``byline``: author names kept apart from agencies, outlets and job titles."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

import newsdoc
from webpage import page

HEADLINE = "Harbor bridge to close for repairs this summer\n\n"
STORY = "The harbor bridge will close for twelve weeks from June while crews replace its deck."

CASES = [
    ("By Jane Doe", ("Jane Doe",), None),
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
    ("By Ann Lee, Bo Kim and Cy Park", ("Ann Lee", "Bo Kim", "Cy Park"), None),
    ("by Dana Whitfield, Reuters", ("Dana Whitfield",), "Reuters"),
    ("BY TED MORROW, REUTERS", ("Ted Morrow",), "REUTERS"),
    ("By Sam Ortiz | Staff Writer", ("Sam Ortiz",), None),
    ("By Ludwig van Berg", ("Ludwig van Berg",), None),
]


@pytest.mark.parametrize(("line", "authors", "agency"), CASES)
def test_byline_line(line: str, authors: tuple[str, ...], agency: str | None) -> None:
    """A byline line gives names only, with the agency apart, and leaves the body."""
    article = newsdoc.parse(HEADLINE + line + "\n\n" + STORY)
    assert article.byline is not None
    assert article.byline.authors == authors
    assert article.byline.agency == agency
    assert article.text == STORY


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    """ "By early 2025 the city ..." is a sentence, not a list of names."""
    sentence = "By early 2025 the city could have two new bridges."
    article = newsdoc.parse(HEADLINE + sentence + "\n\n" + STORY)
    assert article.byline is None
    assert article.paragraphs[0].text == sentence


def test_flattened_mail_header() -> None:
    """ "By . Name . PUBLISHED: . t . | . UPDATED: . t ." gives byline and both stamps."""
    text = (
        "By . Jane Doe . PUBLISHED: . 14:11 EST, 25 October 2013 . | . "
        "UPDATED: . 15:36 EST, 25 October 2013 . " + STORY
    )
    article = newsdoc.parse(text)
    assert article.byline is not None
    assert article.byline.authors == ("Jane Doe",)
    assert isinstance(article.published, datetime)
    assert isinstance(article.updated, datetime)
    assert article.published.utcoffset() == timedelta(hours=-5)
    assert (article.published.hour, article.published.minute) == (14, 11)
    assert (article.updated.hour, article.updated.minute) == (15, 36)
    assert article.text == STORY


@pytest.mark.parametrize(
    ("header", "authors", "agency"),
    [
        ("By . Jane Doe . and John Roe . ", ("Jane Doe", "John Roe"), None),
        ("By . Associated Press . ", (), "Associated Press"),
        ("By . Jane Doe For Mailonline . ", ("Jane Doe",), "Mailonline"),
        ("By . Daily Mail Reporter . ", ("Daily Mail Reporter",), None),
    ],
)
def test_flattened_mail_byline(header: str, authors: tuple[str, ...], agency: str | None) -> None:
    """Co-authors, an agency alone and an outlet after "For" are told apart."""
    article = newsdoc.parse(header + STORY)
    assert article.byline is not None
    assert (article.byline.authors, article.byline.agency) == (authors, agency)
    assert article.text == STORY


def test_credit_line_leaves_the_body() -> None:
    """ "X contributed reporting." becomes a credit, not a paragraph."""
    credit = "Maria Lopez contributed reporting."
    article = newsdoc.parse(HEADLINE + STORY + "\n\n" + credit)
    assert [c.text for c in article.credits] == [credit]
    assert credit not in article.text


@pytest.mark.parametrize(
    "credit",
    [
        "MARIA LOPEZ CONTRIBUTED REPORTING.",
        "(REPORTING BY MARIA LOPEZ; EDITING BY TOM HALE)",
        "ADDITIONAL REPORTING BY MARIA LOPEZ.",
    ],
)
def test_all_caps_credit_line_leaves_the_body(credit: str) -> None:
    """All-caps copy: the credit line is found as in mixed case."""
    article = newsdoc.parse((HEADLINE + STORY).upper() + "\n\n" + credit)
    assert [c.text for c in article.credits] == [credit]
    assert credit not in article.text
    assert article.text == STORY.upper()


def test_credit_after_a_double_dash() -> None:
    """ "-- CNN's Jane Roe contributed to this report." is a credit too."""
    article = newsdoc.parse(HEADLINE + STORY + " -- CNN's Jane Roe contributed to this report.")
    assert [c.text for c in article.credits] == ["CNN's Jane Roe contributed to this report."]
    assert "contributed" not in article.text
    assert article.text == STORY
    assert [(r.text, r.category) for r in article.removed] == [("--", "separator")]


@pytest.mark.parametrize(
    "earlier",
    [
        "Each resident contributed ten dollars to the fund.",  # a credit word, no credit
        "Rewriting by hand took the clerk two days!",  # "riting by" inside a word
        "Who contributed the most?",
    ],
)
def test_credit_after_a_sentence_with_a_credit_word(earlier: str) -> None:
    """A credit word earlier in the paragraph does not hide the credit sentence at its end."""
    credit = "Jane Roe contributed reporting."
    article = newsdoc.parse(HEADLINE + STORY + " " + earlier + " " + credit)
    assert [c.text for c in article.credits] == [credit]
    assert earlier in article.text


WEB_CASES = [
    ("By Jane Doe, Staff Writer", ("Jane Doe",), None, None),
    ("By Jane Doe | Reuters", ("Jane Doe",), "Reuters", None),
    ("Written by Jane Doe - 4 Comments", ("Jane Doe",), None, None),
    ("By Ann Lee (reporting) and Bo Kim (photography)", ("Ann Lee", "Bo Kim"), None, None),
    ("by Jane Doe @janedoe", ("Jane Doe",), None, None),
    ("Posted on March 10, 2015 by Jane Doe", ("Jane Doe",), None, date(2015, 3, 10)),
    (
        "By Jane Doe // November 6th, 2012 // 9:41 am",
        ("Jane Doe",),
        None,
        datetime(2012, 11, 6, 9, 41),
    ),
    ("By Jane Doe | 2:07 pm, August 9, 2017", ("Jane Doe",), None, datetime(2017, 8, 9, 14, 7)),
    (
        "by Jane Doe @janedoe February 1, 2016: 12:41 PM ET",
        ("Jane Doe",),
        None,
        datetime(2016, 2, 1, 12, 41, tzinfo=timezone(timedelta(hours=-5))),
    ),
]


@pytest.mark.parametrize(("line", "authors", "agency", "published"), WEB_CASES)
def test_web_byline_line(
    line: str, authors: tuple[str, ...], agency: str | None, published: date | None
) -> None:
    """Web bylines give names only; their date goes to ``published``; none stays in the body."""
    article = newsdoc.parse(HEADLINE + line + "\n\n" + STORY)
    assert article.byline is not None
    assert article.byline.authors == authors
    assert article.byline.agency == agency
    assert article.published == published
    assert article.text == STORY


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Jane Doe Science correspondent", ("Jane Doe",)),
        ("by jdoe on January 31, 2011", ("jdoe",)),
    ],
)
def test_page_byline_forms(line: str, authors: tuple[str, ...]) -> None:
    """On a page: a name line with its job title, and a one-word handle after "by"."""
    article = newsdoc.parse(page(("Harbor bridge to close for repairs this summer", line)))
    assert article.headline == "Harbor bridge to close for repairs this summer"
    assert article.byline is not None
    assert article.byline.authors == authors
    assert line not in article.text


def test_byline_with_a_date_of_no_year() -> None:
    """ "By X March 18 at 3:57 PM": the names end where the date begins (no year: no stamp)."""
    article = newsdoc.parse(HEADLINE + "By Jane Doe March 18 at 3:57 PM\n\n" + STORY)
    assert article.byline is not None
    assert article.byline.authors == ("Jane Doe",)
    assert article.byline.text == "By Jane Doe March 18 at 3:57 PM"


def test_name_with_job_off_pages_is_body() -> None:
    """Off pages a name line with a job title is left alone (it may open a paragraph)."""
    article = newsdoc.parse(HEADLINE + "Jane Doe Science correspondent\n\n" + STORY)
    assert article.byline is None
