"""Rule ``dateline``: wire, AP, Reuters and CNN datelines, with negative cases."""

from __future__ import annotations

from datetime import date

import pytest

import newsdoc

HEADLINE = "Council approves new budget after long debate\n\n"
STORY = "The council approved the budget on Tuesday after a debate that ran past midnight."

CASES = [
    ("VIENNA — ", "VIENNA", None, None),
    ("WASHINGTON (AP) — ", "WASHINGTON", "AP", None),
    ("LONDON, March 3 (Reuters) - ", "LONDON", "Reuters", date(2023, 3, 3)),
    ("LONDON, March 3 - ", "LONDON", None, date(2023, 3, 3)),
    ("PORTLAND, Ore., Feb 26 - ", "PORTLAND, Ore.", None, date(2023, 2, 26)),
    ("CALGARY, Alberta, March 2 -\n", "CALGARY, Alberta", None, date(2023, 3, 2)),
    ("SEATTLE/WASHINGTON (Reuters) - ", "SEATTLE/WASHINGTON", "Reuters", None),
    (
        "WEST PALM BEACH, Fla./WASHINGTON (Reuters) - ",
        "WEST PALM BEACH, Fla./WASHINGTON",
        "Reuters",
        None,
    ),
    ("(Reuters) - ", None, "Reuters", None),
    ("Toronto, March 2 - ", "Toronto", None, date(2023, 3, 2)),
    ("BERLIN, 2 March - ", "BERLIN", None, date(2023, 3, 2)),
    ("NEW YORK, March  2 - ", "NEW YORK", None, date(2023, 3, 2)),
    ("(CNN)", None, "CNN", None),
    ("Tokyo (CNN) ", "Tokyo", "CNN", None),
    ("Canberra, Australia (CNN) -- ", "Canberra, Australia", "CNN", None),
    ("(The Hollywood Reporter)", None, "The Hollywood Reporter", None),
    ("WOODBRIDGE, N.J. - ", "WOODBRIDGE, N.J.", None, None),
    ("PARIS (AFP) - ", "PARIS", "AFP", None),
    ("(Bloomberg) -- ", None, "Bloomberg", None),
]


@pytest.mark.parametrize(("opening", "location", "agency", "when"), CASES)
def test_dateline_is_cut_from_the_first_paragraph(
    opening: str, location: str | None, agency: str | None, when: date | None
) -> None:
    """The dateline's place, agency and date are read and the story starts after it."""
    article = newsdoc.parse(HEADLINE + opening + STORY, published=date(2023, 3, 3))
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == (location, agency)
    assert article.dateline.date == when
    assert article.paragraphs[0].text == STORY


def test_dateline_date_before_new_year_takes_the_previous_year() -> None:
    """A December dateline on a story issued on Jan. 2 belongs to the year before."""
    article = newsdoc.parse(HEADLINE + "PARIS, Dec 30 - " + STORY, published=date(2023, 1, 2))
    assert article.dateline is not None
    assert article.dateline.date == date(2022, 12, 30)


def test_editor_note_before_dateline_stays_in_the_body() -> None:
    """A correction note in parentheses before the dateline is kept as its own paragraph."""
    note = "(Corrects spelling of the mayor's name in paragraph two)"
    article = newsdoc.parse(HEADLINE + note + " BOSTON (Reuters) - " + STORY)
    assert article.dateline is not None
    assert article.dateline.location == "BOSTON"
    assert [p.text for p in article.paragraphs] == [note, STORY]


def test_run_in_byline_before_dateline_becomes_the_byline() -> None:
    """ "By A and B CITY (Reuters) -" gives a byline and the all-caps place."""
    article = newsdoc.parse(HEADLINE + "By Ann Lee and Bo Kim NEW YORK (Reuters) - " + STORY)
    assert article.dateline is not None
    assert article.dateline.location == "NEW YORK"
    assert article.byline is not None
    assert article.byline.authors == ("Ann Lee", "Bo Kim")
    assert article.paragraphs[0].text == STORY


def test_dateline_alone_on_its_line_before_a_table() -> None:
    """A wire dateline on its own line still leads the story on the next lines."""
    text = (
        "ACME WIDGETS <ACW> 4TH QTR NET\n"
        "    SPRINGFIELD, Ill., March 3 -\n"
        "    Shr 12 cts vs nine cts\n"
        "    Net 1,204,000 vs 905,000\n"
        "    Revs 20.1 mln vs 18.7 mln\n"
        " Reuter\n"
    )
    article = newsdoc.parse(text, published=date(1987, 3, 3))
    assert article.headline == "ACME WIDGETS <ACW> 4TH QTR NET"
    assert article.dateline is not None
    assert article.dateline.location == "SPRINGFIELD, Ill."
    assert "SPRINGFIELD" not in article.text


@pytest.mark.parametrize(
    "opening",
    [
        "The International Energy Agency (IEA) said demand would rise. ",
        "Shares fell sharply - and then recovered. ",
        "Washington - ",
        "Republican Rep. Jane Doe (CA) did not answer. ",
        "ACME, INC - ",
    ],
)
def test_prose_is_not_a_dateline(opening: str) -> None:
    """Sentences with a parenthesised acronym or a dash are left alone."""
    article = newsdoc.parse(HEADLINE + opening + STORY)
    assert article.dateline is None
    assert article.paragraphs[0].text.startswith(opening.strip())


WEB_CASES = [
    ("WASHINGTON - ", "WASHINGTON", None, None),
    ("ZURICH - ", "ZURICH", None, None),
    ("ZURICH -\n", "ZURICH", None, None),  # the story starts on the next line
    (
        "GRONINGEN, the Netherlands, March 31 - ",
        "GRONINGEN, the Netherlands",
        None,
        date(2023, 3, 31),
    ),
    ("RPT -- WASHINGTON, March 3 (Reuters) - ", "WASHINGTON", "Reuters", date(2023, 3, 3)),
    ("(AP) HONOLULU - ", "HONOLULU", "AP", None),
]


@pytest.mark.parametrize(("opening", "location", "agency", "when"), WEB_CASES)
def test_web_copy_dateline(
    opening: str, location: str | None, agency: str | None, when: date | None
) -> None:
    """Web copy's plain hyphen, a country with "the", a wire flag, an agency before the place."""
    article = newsdoc.parse(HEADLINE + opening + STORY, published=date(2023, 4, 3))
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == (location, agency)
    assert article.dateline.date == when
    assert article.paragraphs[0].text == STORY


def test_dash_at_end_of_line_with_story_in_next_block() -> None:
    """ "WASHINGTON -" alone on its line, the story in the next paragraph."""
    article = newsdoc.parse(HEADLINE + "WASHINGTON -\n\n" + STORY)
    assert article.dateline is not None
    assert article.dateline.location == "WASHINGTON"
    assert article.paragraphs[0].text == STORY


@pytest.mark.parametrize(
    "opening",
    [
        "US - Japan trade talks resumed on Monday. ",  # a pair of short names, not a place
        "WASHINGTON - based groups said on Monday. ",  # a hyphenated phrase, lower case after it
        "ACME, INC - ",
    ],
)
def test_plain_hyphen_needs_a_place_and_a_story(opening: str) -> None:
    """A plain hyphen after capitals is a dateline only before a story's capital."""
    article = newsdoc.parse(HEADLINE + opening + STORY)
    assert article.dateline is None
    assert article.paragraphs[0].text.startswith(opening.strip())
