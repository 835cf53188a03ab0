"""Rule ``dates``: visible publication and update stamps, time zones as printed."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import newsdoc
from newsdoc.rules.dates import parse_moment
from webpage import page

STORY = "The museum reopened its east wing on Saturday after two years of repairs."


def test_published_and_updated_lines() -> None:
    """ "Published Jan. 13, 2022" and "Updated 5:31 p.m. ET" leave the body as metadata."""
    text = "Museum reopens east wing\n\nPublished Jan. 13, 2022\n\nUpdated 5:31 p.m. ET\n\n" + STORY
    article = newsdoc.parse(text)
    assert article.published == date(2022, 1, 13)
    assert isinstance(article.updated, datetime)
    assert (article.updated.hour, article.updated.minute) == (17, 31)
    assert article.text == STORY
    assert {r.reason for r in article.removed} == {"metadata"}


def test_abbreviated_zone_keeps_its_printed_offset() -> None:
    """ "EST" is UTC-5 even in summer; "EDT" is UTC-4."""
    winter = parse_moment("14:11 EST, 25 July 2013")
    summer = parse_moment("14:11 EDT, 25 July 2013")
    assert winter is not None
    assert summer is not None
    assert winter.utcoffset() == timedelta(hours=-5)
    assert summer.utcoffset() == timedelta(hours=-4)


def test_ordinal_day_and_filler_words() -> None:
    """ "Last updated at 1:25 AM on 3rd August 2011 ." sets the update time."""
    article = newsdoc.parse("By . Jane Doe . Last updated at 1:25 AM on 3rd August 2011 . " + STORY)
    assert article.updated == datetime(2011, 8, 3, 1, 25)
    assert article.text == STORY


def test_caller_published_wins_over_a_stamp() -> None:
    """A published date given by the caller is kept."""
    text = "Museum reopens east wing\n\nPublished Jan. 13, 2022\n\n" + STORY
    article = newsdoc.parse(text, published=date(2022, 1, 14))
    assert article.published == date(2022, 1, 14)


def test_weekdays_resolved_on_request() -> None:
    """With resolve_weekdays on, "on Saturday" is noted with its date; off, nothing is."""
    text = "Museum reopens east wing\n\n" + STORY + " It will close again on Monday."
    config = newsdoc.ParserConfig(resolve_weekdays=True)
    article = newsdoc.parse(text, published=date(2022, 1, 17), config=config)
    notes = [note for note in article.notes if note.startswith("weekday ")]
    assert [note.split()[1] for note in notes] == ["Saturday", "Monday"]
    assert notes[0].endswith("2022-01-15")
    assert notes[1].endswith("2022-01-17")
    plain = newsdoc.parse(text, published=date(2022, 1, 17))
    assert not any(note.startswith("weekday ") for note in plain.notes)


def test_mail_header_on_its_own_line() -> None:
    """ "PUBLISHED: t | UPDATED: t" on a line of its own sets both stamps and leaves."""
    header = "PUBLISHED: 14:11 EST, 25 October 2013 | UPDATED: 15:36 EST, 25 October 2013"
    article = newsdoc.parse("Museum reopens east wing\n\n" + header + "\n\n" + STORY)
    assert article.published == datetime(2013, 10, 25, 14, 11, tzinfo=timezone(timedelta(hours=-5)))
    assert article.updated == datetime(2013, 10, 25, 15, 36, tzinfo=timezone(timedelta(hours=-5)))
    assert [r.text for r in article.removed] == [header]
    assert article.text == STORY


def test_counters_and_bare_years_are_not_stamps() -> None:
    """ "1 of 5" and "1994" near the top stay in the body; an ISO stamp is read."""
    text = "Museum reopens east wing\n\n1 of 5\n\n1994\n\n2015-07-31T08:52:07-04:00\n\n" + STORY
    article = newsdoc.parse(text)
    assert [r.text for r in article.removed] == ["2015-07-31T08:52:07-04:00"]
    assert article.published == datetime(
        2015, 7, 31, 8, 52, 7, tzinfo=timezone(timedelta(hours=-4))
    )


HEADLINE = "Museum reopens east wing\n\n"


def test_dotted_clock_with_british_zone() -> None:
    """ "Mon 9 Sep 2024 07.00 BST": a dotted clock time in UTC+1."""
    article = newsdoc.parse(HEADLINE + "Mon 9 Sep 2024 07.00 BST\n\n" + STORY)
    assert article.published == datetime(2024, 9, 9, 7, 0, tzinfo=timezone(timedelta(hours=1)))
    assert article.text == STORY


def test_published_and_modified_on_one_line() -> None:
    """ "... 02.00 EST Last modified on ... 06.16 EST": both stamps from one line."""
    line = "Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST"
    article = newsdoc.parse(HEADLINE + line + "\n\n" + STORY)
    eastern = timezone(timedelta(hours=-5))
    assert article.published == datetime(2019, 1, 3, 2, 0, tzinfo=eastern)
    assert article.updated == datetime(2019, 1, 16, 6, 16, tzinfo=eastern)
    assert article.text == STORY


def test_updated_clock_before_date() -> None:
    """ "Updated 3:45 PM ET, Tue March 5, 2024" is an update time in New York."""
    article = newsdoc.parse(HEADLINE + "Updated 3:45 PM ET, Tue March 5, 2024\n\n" + STORY)
    assert isinstance(article.updated, datetime)
    assert (article.updated.date(), article.updated.hour, article.updated.minute) == (
        date(2024, 3, 5),
        15,
        45,
    )
    assert article.updated.utcoffset() == timedelta(hours=-5)


def test_relative_stamp_is_kept_raw_in_notes() -> None:
    """ "Published 2 hours ago" names no date: removed, noted raw, no ``published``."""
    text = HEADLINE + "Published 2 hours ago\n\n" + STORY
    article = newsdoc.parse(text)
    assert article.published is None
    assert article.text == STORY
    start = text.index("Published")
    assert article.notes == (f"relative-stamp {start}-{start + 21} Published 2 hours ago",)
    assert [item.text for item in article.removed] == ["Published 2 hours ago"]


def test_date_opening_a_furniture_line() -> None:
    """ "November 13, 2012 in Amazon RDS | Permalink": the date, and the line goes."""
    article = newsdoc.parse(HEADLINE + "November 13, 2012 in Amazon RDS | Permalink\n\n" + STORY)
    assert article.published == date(2012, 11, 13)
    assert article.text == STORY


def test_date_before_prose_is_not_furniture() -> None:
    """A date opening a line of real text takes nothing: the text stays whole."""
    line = "March 13, 2011 - The council met again tonight and argued about the museum's roof."
    article = newsdoc.parse(HEADLINE + line + "\n\n" + STORY)
    assert article.published is None
    assert article.paragraphs[0].text == line


def test_clock_then_date() -> None:
    """ "July 24, 2012 12:11 AM" is a publication time."""
    article = newsdoc.parse(HEADLINE + "July 24, 2012 12:11 AM\n\n" + STORY)
    assert article.published == datetime(2012, 7, 24, 0, 11)


def test_stamp_removed_with_page_furniture_still_dates_the_page() -> None:
    """On a page, a stamp among the share bar the page rule removed still gives ``published``."""
    header = ("April 5, 2018 | 6:00 PM", "* Share", "* Tweet", "* Email", "* Print")
    article = newsdoc.parse(page((*header, "Bridge to close for repairs this summer")))
    assert article.published == datetime(2018, 4, 5, 18, 0)
    stamp = [item for item in article.removed if "2018" in item.text]
    assert [item.rule for item in stamp] == ["page"]  # removed once, by the page rule


def test_stamp_in_a_menu_far_above_the_article_is_not_read() -> None:
    """A date line at the top of the page, a whole menu above the article, is not its date."""
    text = "Wednesday, March 3, 2021\n" + page(("Bridge to close for repairs this summer",))
    assert newsdoc.parse(text).published is None
