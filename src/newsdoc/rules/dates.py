"""Rule ``dates``: visible publication and update stamps near the top of the page.

Stamps such as "Jan. 13, 2022", "Updated 5:31 p.m. ET", "Published 3:02 PM EST, Mon March 3,
2014" or the Daily Mail's "PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . ..." are
interpreted by ``dateutil`` with North American time-zone abbreviations kept. They leave the
body as ``removed`` items with reason ``metadata``. A ``published`` given by the caller wins.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, tzinfo

import regex
from dateutil import parser as date_parser
from dateutil import tz

from newsdoc.state import BODY, DocumentState
from newsdoc.text import time_limit
from newsdoc.weekdays import find_weekday_mentions

MAX_BLOCKS_TO_SEARCH = 6
MAX_STAMP_CHARS = 90

_EASTERN = tz.gettz("America/New_York")
_CENTRAL = tz.gettz("America/Chicago")
_MOUNTAIN = tz.gettz("America/Denver")
_PACIFIC = tz.gettz("America/Los_Angeles")


def _fixed(name: str, hours: float) -> tzinfo:
    return tz.tzoffset(name, int(hours * 3600))


# "ET" names a zone (its offset follows daylight saving); "EST" and "EDT" name one offset
# each, so "14:11 EST" in October is still UTC-5 as printed.
TIMEZONES: dict[str, tzinfo | None] = {
    "ET": _EASTERN,
    "EST": _fixed("EST", -5),
    "EDT": _fixed("EDT", -4),
    "CT": _CENTRAL,
    "CST": _fixed("CST", -6),
    "CDT": _fixed("CDT", -5),
    "MT": _MOUNTAIN,
    "MST": _fixed("MST", -7),
    "MDT": _fixed("MDT", -6),
    "PT": _PACIFIC,
    "PST": _fixed("PST", -8),
    "PDT": _fixed("PDT", -7),
    "AKST": _fixed("AKST", -9),
    "AKDT": _fixed("AKDT", -8),
    "HST": _fixed("HST", -10),
    "GMT": tz.UTC,
    "UTC": tz.UTC,
    "BST": _fixed("BST", 1),
    "CET": _fixed("CET", 1),
    "CEST": _fixed("CEST", 2),
    "JST": _fixed("JST", 9),
    "KST": _fixed("KST", 9),
    "AEST": _fixed("AEST", 10),
    "AEDT": _fixed("AEDT", 11),
}

_STAMP = regex.compile(
    r"\s*(?P<kind>(?:Last\s+)?(?:Updated|Published|Posted|Modified)(?:\s+on)?(?:\s*:)?\s*)?"
    r"(?P<when>[\w.,:/| -]{4,80}?)\s*$",
    regex.IGNORECASE,
)
_HAS_DIGIT = regex.compile(r"\d")
_NUMERIC_DATE = regex.compile(r"(?<!\d)\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?!\d)")
_CLOCK = regex.compile(r"\d:\d\d|\d\s*(?:[ap]\.?m\.?)", regex.IGNORECASE)
_WORD = regex.compile(r"[A-Za-z]+\.?")
# The Daily Mail header, on its own line ("PUBLISHED: 14:11 EST, 25 October 2013 | UPDATED:
# 15:36 EST, 25 October 2013") or flattened with " . " where its lines broke
# ("PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . ..."), or "Last updated at 1:25 AM
# on 3rd August 2011 . ". A stamp ends at " . ", at "|" or at the end of the line.
_STAMP_END = r"(?=[ ]\.(?:[ ]|$)|[ ]?\||[ ]*(?:\n|$))"
_MAIL_HEADER = regex.compile(
    rf"""(?:PUBLISHED:[ ](?:\.[ ])?(?P<published>[^|\n]{{4,60}}?){_STAMP_END}(?:[ ]\.)?[ ]?)?
    (?:\|[ ](?:\.[ ])?)?
    (?:(?:UPDATED:[ ](?:\.[ ])?|Last[ ]updated[ ]at[ ])
        (?P<updated>[^|\n]{{4,60}}?){_STAMP_END}(?:[ ]\.)?[ ]?)?""",
    regex.VERBOSE,
)
_MAIL_MARKER = regex.compile(r"(?:PUBLISHED|UPDATED): (?:\. |\d)|Last updated at \d")
MAIL_MARKER_WINDOW = 300  # the header sits at the top of its block

# What may come before the header in the same block: nothing, or the "By . Name ." byline.
_MAIL_LEAD = regex.compile(r"\s*(?:By \. [^\n]{1,150}? \. )?")
_ORDINAL = regex.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_FILLER = regex.compile(r"\s(?:on|at)\s")


def _timezone(name: str | None, offset: int | None) -> tzinfo | None:
    """Zone for a parsed stamp: a known abbreviation, a numeric offset, else none.

    A callable keeps ``dateutil`` from warning on unknown names ("ETL") and from
    using the machine's local zone, so results do not depend on where they run.
    """
    if name is not None and name in TIMEZONES:
        return TIMEZONES[name]
    if offset is not None:
        return tz.tzoffset(name, offset)
    return None


def parse_moment(text: str, default: date | datetime | None = None) -> datetime | None:
    """Interpret a date or time stamp with ``dateutil``; None when it is not one."""
    cleaned = text.replace("p.m.", "PM").replace("a.m.", "AM").replace(" |", " ").strip(" .,|")
    # "1:25 AM on 3rd August 2011": dateutil reads neither the ordinal nor the filler word.
    cleaned = _ORDINAL.sub("", cleaned, timeout=time_limit(cleaned))
    cleaned = _FILLER.sub(" ", cleaned, timeout=time_limit(cleaned))
    if default is not None:
        return _parse_with(cleaned, datetime(default.year, default.month, default.day))
    # Without a default, dateutil fills gaps from today's date: the output would depend on
    # the day it runs. Parse against two bases; a stamp that is not a full date differs.
    first = _parse_with(cleaned, _FIRST_BASE)
    if first is None or first != _parse_with(cleaned, _SECOND_BASE):
        return None
    return first


_FIRST_BASE = datetime(2000, 1, 1)
_SECOND_BASE = datetime(2001, 2, 2)


# dateutil takes tens of microseconds a call, and wire pages repeat their stamps and
# datelines ("NEW YORK, Feb 26 -") under one issue date; the answer depends only on the
# arguments, and a datetime is immutable, so it is shared.
@functools.lru_cache(maxsize=4096)
def _parse_with(cleaned: str, base: datetime) -> datetime | None:
    try:
        return date_parser.parse(cleaned, default=base, tzinfos=_timezone, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None


def _as_stamp(value: datetime, text: str) -> date | datetime:
    """A stamp without a clock time is a date, not midnight."""
    if not regex.search(
        r"\d:\d|\d\s*(?:am|pm)\b", text, regex.IGNORECASE, timeout=time_limit(text)
    ):
        return value.date()
    return value


def find_dates(state: DocumentState) -> None:
    """Take publication and update stamps out of the first body blocks.

    With ``ParserConfig.resolve_weekdays`` on and an issue date known, every weekday named in
    the body ("on Thursday") is resolved and noted in ``Article.notes`` as
    ``weekday <name> <start>-<end> <ISO date>`` (see :mod:`newsdoc.weekdays`).
    """
    _take_stamps(state)
    if state.config.resolve_weekdays and state.published is not None:
        _note_weekdays(state, state.published)


def _note_weekdays(state: DocumentState, published: date | datetime) -> None:
    for block in state.blocks_with_role(BODY):
        for mention in find_weekday_mentions(state.text_of(block), published):
            start = block.start + mention.start
            end = block.start + mention.end
            state.notes.append(f"weekday {mention.text} {start}-{end} {mention.date.isoformat()}")


def _names_a_day(state: DocumentState, match: regex.Match[str]) -> bool:
    """A stamp names a month ("Oct 5, 2017"), is a numeric date ("2015-07-31T08:52"), or is a
    clock time after "Updated"/"Published"; "1 of 5" and a bare "1994" are not stamps."""
    when = match.group("when")
    if _NUMERIC_DATE.search(when, timeout=time_limit(when)):
        return True
    if match.group("kind") and _CLOCK.search(when, timeout=time_limit(when)):
        return True
    return any(
        word.casefold() in state.vocab.months
        for word in _WORD.findall(when, timeout=time_limit(when))
    )


def _may_hold_mail_marker(source: str, start: int, end: int) -> bool:
    """One of the marker's words is in the window that opens the block ``source[start:end]``:
    three ``str.find`` scans cost a quarter of the regex search, which then runs only on the
    few blocks that pass."""
    window_end = min(end, start + MAIL_MARKER_WINDOW)
    return (
        source.find("UPDATED: ", start, window_end) >= 0
        or source.find("PUBLISHED: ", start, window_end) >= 0
        or source.find("Last updated at ", start, window_end) >= 0
    )


def _take_stamps(state: DocumentState) -> None:
    for index, block in state.leading_body_blocks(MAX_BLOCKS_TO_SEARCH):
        may_hold_marker = _may_hold_mail_marker(state.source, block.start, block.end)
        if not may_hold_marker and block.end - block.start > MAX_STAMP_CHARS:
            continue  # a paragraph, too long for a stamp: ruled out before it is sliced out
        text = state.text_of(block)
        marker = (
            _MAIL_MARKER.search(text, 0, MAIL_MARKER_WINDOW, timeout=time_limit(text))
            if may_hold_marker
            else None
        )
        if marker is not None and _MAIL_LEAD.fullmatch(
            text, 0, marker.start(), timeout=time_limit(text)
        ):
            _take_mail_header(state, index, text, marker.start())
            return
        if len(text) > MAX_STAMP_CHARS or not _HAS_DIGIT.search(text, timeout=time_limit(text)):
            continue
        match = _STAMP.match(text, timeout=time_limit(text))
        if match is None or not _names_a_day(state, match):
            continue
        moment = parse_moment(match.group("when"), state.published)
        if moment is None:
            continue
        stamp = _as_stamp(moment, match.group("when"))
        kind = (match.group("kind") or "").lower()
        if "updated" in kind or "modified" in kind:
            state.updated = stamp
        elif state.published is None:
            state.published = stamp
        state.remove_block(block, "metadata", "updated" if "updated" in kind else "published")


def _take_mail_header(state: DocumentState, index: int, text: str, position: int) -> None:
    block_start = state.blocks[index].start
    match = _MAIL_HEADER.match(text, position, timeout=time_limit(text))
    if match is None or match.end() <= position:
        return
    published = match.group("published")
    updated = match.group("updated")
    if published:
        moment = parse_moment(published)
        if moment is not None and state.published is None:
            state.published = moment
    if updated:
        moment = parse_moment(updated)
        if moment is not None:
            state.updated = moment
    start = block_start + position
    end = block_start + len(text[: match.end()].rstrip())
    state.remove(start, end, "metadata", "published" if published else "updated")
    header = state.split_block(index, start) if start > block_start else state.blocks[index]
    state.trim_start(header, end)
