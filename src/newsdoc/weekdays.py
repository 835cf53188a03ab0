"""Resolve weekday names in news copy ("said on Thursday") to calendar dates.

News style names the day of the week for anything within about a week of the issue date, so a
weekday is read against ``published``: a past-tense mention is the latest such day on or before
the issue date, a future one ("will meet on Thursday", "next Thursday") the first on or after
it. A pure module (no newsdoc imports), usable on its own::

    >>> from datetime import date
    >>> resolve_weekday("Thursday", date(2022, 1, 14))
    datetime.date(2022, 1, 13)
    >>> resolve_weekday("Thursday", date(2022, 1, 14), direction="future")
    datetime.date(2022, 1, 20)
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

import attrs
import regex

Direction = Literal["past", "future", "nearest"]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ABBREVIATED = {name[:3]: index for index, name in enumerate(WEEKDAYS)} | {
    "tues": 1,
    "wed": 2,
    "thur": 3,
    "thurs": 3,
}
_INDEX = {name: index for index, name in enumerate(WEEKDAYS)} | _ABBREVIATED

_MENTION = regex.compile(
    r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!(?:\s*,)?\s*"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)
# Words in the few words before a weekday that put it ahead of the issue date.
_FUTURE_CUE = regex.compile(
    r"\b(?:will|won't|shall|'ll|next|is\s+to|are\s+to|is\s+due|are\s+due|scheduled|"
    r"plans?\s+to|planned|expected\s+to|set\s+to|until|by|from)\b",
    regex.IGNORECASE,
)
_SENTENCE_BREAK = regex.compile(r"[.!?]\s")
LOOK_BACK = 60  # characters of the same sentence read for a tense cue


def _issue_day(published: date | datetime) -> date:
    return published.date() if isinstance(published, datetime) else published


def resolve_weekday(
    name: str, published: date | datetime, *, direction: Direction = "past"
) -> date:
    """The date of weekday ``name`` ("Thursday", "thu") for a story issued on ``published``.

    ``direction`` "past" gives the latest such day on or before the issue date, "future" the
    first on or after it, "nearest" whichever is closer (the past one on a tie).
    Raises ``ValueError`` for a name that is not a weekday and ``OverflowError`` when the day
    falls outside the calendar (before ``date.min`` or after ``date.max``).
    """
    key = name.strip().rstrip(".").casefold()
    if key not in _INDEX:
        raise ValueError(f"resolve_weekday: {name!r} is not a weekday name")
    issued = _issue_day(published)
    back = (issued.weekday() - _INDEX[key]) % 7
    ahead = (_INDEX[key] - issued.weekday()) % 7
    if direction == "past":
        return issued - timedelta(days=back)
    if direction == "future":
        return issued + timedelta(days=ahead)
    if direction == "nearest":
        return issued - timedelta(days=back) if back <= ahead else issued + timedelta(days=ahead)
    raise ValueError(
        f"resolve_weekday: direction must be 'past', 'future' or 'nearest', got {direction!r}"
    )


@attrs.frozen(slots=True)
class WeekdayMention:
    """A weekday named in the text, where it is, and the date it resolves to.

    ``date`` is None when that day falls outside the calendar (an issue date at
    ``date.min`` or ``date.max``): it cannot be resolved, and the mention says so.
    """

    text: str
    start: int
    end: int
    date: date | None
    direction: Direction


def _direction(text: str, start: int, floor: int) -> Direction:
    """Future when a cue sits between the sentence start (or the previous weekday) and here."""
    window = text[max(floor, start - LOOK_BACK) : start]
    breaks = list(_SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return "future" if _FUTURE_CUE.search(window) else "past"


def find_weekday_mentions(text: str, published: date | datetime) -> tuple[WeekdayMention, ...]:
    """Every capitalised weekday in ``text`` with its resolved date.

    A weekday followed by a full date ("Thursday, Jan. 13") is left out: the date says it.
    The tense is read from the words just before the weekday in its sentence (after any
    earlier weekday: "will vote on Monday, and said on Tuesday" reads each on its own).
    A day outside the calendar gets ``date=None``; the others are still resolved.
    """
    mentions = []
    floor = 0
    for match in _MENTION.finditer(text):
        direction = _direction(text, match.start(), floor)
        floor = match.end()
        day: date | None
        try:
            day = resolve_weekday(match.group("day"), published, direction=direction)
        except OverflowError:  # the week before date.min or after date.max
            day = None
        mentions.append(
            WeekdayMention(match.group("day"), match.start(), match.end(), day, direction)
        )
    return tuple(mentions)
