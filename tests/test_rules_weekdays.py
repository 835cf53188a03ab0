"""``newsdoc.weekdays``: weekday names resolved against the issue date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsdoc.weekdays import find_weekday_mentions, resolve_weekday

FRIDAY = date(2022, 1, 14)


@pytest.mark.parametrize(
    ("name", "direction", "expected"),
    [
        ("Thursday", "past", date(2022, 1, 13)),
        ("Thursday", "future", date(2022, 1, 20)),
        ("Thursday", "nearest", date(2022, 1, 13)),
        ("Saturday", "nearest", date(2022, 1, 15)),
        ("Friday", "past", FRIDAY),
        ("Friday", "future", FRIDAY),
        ("thu.", "past", date(2022, 1, 13)),
        ("MONDAY", "past", date(2022, 1, 10)),
    ],
)
def test_resolve_weekday(name: str, direction: str, expected: date) -> None:
    """Past, future and nearest readings of a weekday name."""
    assert resolve_weekday(name, FRIDAY, direction=direction) == expected  # type: ignore[arg-type]


def test_resolve_weekday_accepts_a_datetime() -> None:
    """A datetime issue date is read by its calendar day."""
    assert resolve_weekday("Thursday", datetime(2022, 1, 14, 23, 59)) == date(2022, 1, 13)


def test_resolve_weekday_rejects_other_words() -> None:
    """A word that is no weekday raises ValueError naming it."""
    with pytest.raises(ValueError, match="Someday"):
        resolve_weekday("Someday", FRIDAY)


def test_mentions_read_tense_from_their_sentence() -> None:
    """A future cue before the weekday in the same sentence makes it the coming day."""
    text = (
        "The board met on Tuesday. It will vote on Monday, "
        "and staff said on Wednesday it was ready."
    )
    mentions = find_weekday_mentions(text, FRIDAY)
    assert [(m.text, m.date) for m in mentions] == [
        ("Tuesday", date(2022, 1, 11)),
        ("Monday", date(2022, 1, 17)),
        ("Wednesday", date(2022, 1, 12)),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_weekday_with_a_full_date_is_left_out() -> None:
    """ "Thursday, Jan. 13" already carries its date."""
    assert find_weekday_mentions("The vote is set for Thursday, Jan. 13.", FRIDAY) == ()
