"""Rule ``dates``: visible publication and update stamps near the top of the page.

Stamps such as "Jan. 13, 2022", "Updated 5:31 p.m. ET", "Published 3:02 PM EST, Mon March 3,
2014" or the Daily Mail's "PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . ..." are
interpreted by ``dateutil`` with North American time-zone abbreviations kept. They leave the
body as ``removed`` items with reason ``metadata``. A ``published`` given by the caller wins.

Web pages print stamps in more forms, handled when the plain reading fails:

- a clock with a dot and a zone: "Mon 9 Sep 2024 07.00 BST";
- a publication and an update stamp on one line: "Thu 3 Jan 2019 02.00 EST Last modified on
  Wed 16 Jan 2019 06.16 EST" (``published``, then ``updated``);
- a date opening a line of page furniture: "November 13, 2012 in Amazon RDS | Permalink" (the
  whole line goes);
- a date inside a byline line: "Posted on March 10, 2015 by Jane Doe", "by jdoe on January
  31, 2011", "By Jane Doe // November 6th, 2012 // 9:41 am": the date (with its "Posted on",
  its separators and its clock time) goes, the byline stays for the ``byline`` rule;
- a relative stamp: "Published 2 hours ago", "3 days ago". With no reference time it names no
  date: it is removed (reason ``metadata``, its raw text kept in ``removed``) and noted in
  ``Article.notes`` as ``relative-stamp <start>-<end> <text>``; ``published`` is not set.

On a page, when no stamp is left among the first lines, a stamp line that the ``page`` rule
removed just above the article ("April 5, 2018 | 6:00 PM" kept with the header's furniture)
still gives ``published``; the line stays removed.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, tzinfo

import regex
from dateutil import parser as date_parser
from dateutil import tz

from newsdoc.state import BODY, REMOVED, Block, DocumentState
from newsdoc.text import normalize_space, time_limit
from newsdoc.weekdays import find_weekday_mentions

MAX_BLOCKS_TO_SEARCH = 6
MAX_STAMP_CHARS = 90
MAX_WEB_STAMP_CHARS = 160  # a byline line with its date: "By X // November 6th, 2012 // 9:41 am"
MAX_FURNITURE_WORDS = 6  # "in Amazon RDS | Permalink" after a date: a longer rest is text
PAGE_BLOCKS_TO_SEARCH = 12  # on a page, the header above the story holds more lines
REMOVED_LINES_TO_READ = 8  # lines the page rule removed just above the article, read for a stamp

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
# "07.00 BST", "9.41 am": a clock written with a dot (British style) before a zone or am/pm.
_DOTTED_CLOCK = regex.compile(r"(?<![\d.])(\d{1,2})\.(\d\d)(?=\s*(?:[AaPp]\.?[Mm]\b|[A-Z]{2,5}\b))")
# "February 1, 2016: 12:41 PM ET": the colon after the year is no part of the clock.
_YEAR_COLON = regex.compile(r"(?<=\d{4}):(?=\s)")
# An update stamp after a publication stamp on one line.
_SECOND_STAMP = regex.compile(r"(?<!\s)\s+(?=(?:Last\s+)?(?:updated|modified)\b)", regex.IGNORECASE)
_KIND = r"(?:(?:Last\s+)?(?:Updated|Published|Posted|Modified)(?:\s+on)?(?:\s*:)?\s+)"
_RELATIVE = regex.compile(
    rf"\s*(?P<kind>{_KIND})?(?:about\s+|over\s+)?(?:\d{{1,3}}|an?|one)\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\s*",
    regex.IGNORECASE,
)
# A date inside a line: "November 6th, 2012", "Mon 9 Sep 2024", "2015-07-31", with an optional
# clock after a separator ("// 9:41 am", "at 3:57 PM ET", ", 08:05"). Month words are checked
# against the vocabulary; every repeat is bounded and the pieces are set off by spaces.
_CLOCK_TAIL = (
    r"(?:(?:\s*(?:,|//|\||•|·|-|–|—|:)\s*|\s+)(?:at\s+)?\d{1,2}[:.]\d\d"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5}\b)?)?"
)
_DATE_IN_LINE = regex.compile(
    rf"""(?P<kind>{_KIND})?
    (?:\d{{1,2}}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{{2,5}})?,?\s+)?
    (?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{{0,6}}\.?,?\s+)?
    (?:(?P<month>[A-Z][a-z]{{2,8}})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
    | \d{{1,2}}(?:st|nd|rd|th)?\s+(?P<month2>[A-Z][a-z]{{2,8}})\.?,?\s+\d{{4}}
    | \d{{4}}-\d\d-\d\d)(?!\d)
    {_CLOCK_TAIL}""",
    regex.VERBOSE,
)
_SENTENCE_ENDS = '.!?"”)'
# What may stand between a date and the byline next to it: separators and "on" / "at".
_AROUND_DATE = regex.compile(r"[\s/|•·,–—-]*+(?:\b(?:on|at)\s+[\s/|•·,–—-]*+)?")
_BY_WORD = regex.compile(r"(?:^|[\s/|•·])[Bb]y\s")
# What may follow a date opening a furniture line: " in Category", "| Permalink", "— in Code".
_FURNITURE_AFTER_DATE = regex.compile(r"\s*(?:[|•·–—-]|in\s|\d+\s+comments?\b)", regex.IGNORECASE)


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
    cleaned = _DOTTED_CLOCK.sub(r"\1:\2", cleaned, timeout=time_limit(cleaned))
    cleaned = _YEAR_COLON.sub("", cleaned, timeout=time_limit(cleaned))
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
    ) and not _DOTTED_CLOCK.search(text, timeout=time_limit(text)):
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
            resolved = "outside the calendar" if mention.date is None else mention.date.isoformat()
            state.notes.append(f"weekday {mention.text} {start}-{end} {resolved}")


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
    limit = PAGE_BLOCKS_TO_SEARCH if state.page else MAX_BLOCKS_TO_SEARCH
    for index, block in state.leading_body_blocks(limit):
        may_hold_marker = _may_hold_mail_marker(state.source, block.start, block.end)
        if not may_hold_marker and block.end - block.start > MAX_WEB_STAMP_CHARS:
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
        if not _HAS_DIGIT.search(text, timeout=time_limit(text)):
            continue
        if not (len(text) <= MAX_STAMP_CHARS and _take_stamp_line(state, block, text)):
            _take_web_stamp(state, index, text)
    if state.page and state.published is None:
        _stamp_above_article(state)


def _take_stamp_line(state: DocumentState, block: Block, text: str) -> bool:
    """A line that is one stamp, or a publication and an update stamp: taken whole."""
    stamps = _read_stamp_line(state, text)
    if stamps is None:
        return False
    for stamp, kind in stamps:
        _record(state, stamp, kind)
    kind = stamps[0][1]
    state.remove_block(block, "metadata", "updated" if "updated" in kind else "published")
    return True


def _read_stamp_line(state: DocumentState, text: str) -> list[tuple[date | datetime, str]] | None:
    """The stamps (value, kind) of a line that is one stamp or a published/updated pair."""
    match = _STAMP.match(text, timeout=time_limit(text))
    if match is None or not _names_a_day(state, match):
        return None
    moment = parse_moment(match.group("when"), state.published)
    if moment is not None:
        kind = (match.group("kind") or "").lower()
        return [(_as_stamp(moment, match.group("when")), kind)]
    second = _SECOND_STAMP.search(text, timeout=time_limit(text))
    if second is None or second.start() == 0:
        return None
    read: list[tuple[date | datetime, str]] = []
    for part in (text[: second.start()], text[second.end() :]):
        stamp = _STAMP.match(part)  # no time limit: anchored, bounded repeats
        moment = parse_moment(stamp.group("when"), state.published) if stamp else None
        if stamp is None or moment is None:
            return None
        read.append((_as_stamp(moment, stamp.group("when")), (stamp.group("kind") or "").lower()))
    return read


def _stamp_above_article(state: DocumentState) -> None:
    """On a page, a stamp line the ``page`` rule removed just above the article still dates it.

    The line stays removed (with the page rule's category); only its value is read.
    """
    first = state.first_body_index()
    if first is None:
        return
    for block in reversed(state.blocks[max(0, first - REMOVED_LINES_TO_READ) : first]):
        text = state.text_of(block)
        if block.role != REMOVED or len(text) > MAX_STAMP_CHARS:
            continue
        if not _HAS_DIGIT.search(text, timeout=time_limit(text)):
            continue
        stamps = _read_stamp_line(state, text)
        if stamps is not None:
            for stamp, kind in stamps:
                _record(state, stamp, kind)
            return


def _record(state: DocumentState, stamp: date | datetime, kind: str) -> None:
    if "updated" in kind or "modified" in kind:
        state.updated = stamp
    elif state.published is None:
        state.published = stamp


def _take_web_stamp(state: DocumentState, index: int, text: str) -> None:
    """A relative stamp, a date opening a furniture line, or a date inside a byline line."""
    block = state.blocks[index]
    relative = _RELATIVE.fullmatch(text, timeout=time_limit(text))
    if relative is not None and (relative.group("kind") or state.page):
        stamp = normalize_space(text)
        state.notes.append(f"relative-stamp {block.start}-{block.end} {stamp}")
        kind = (relative.group("kind") or "").lower()
        state.remove_block(block, "metadata", "updated" if "updated" in kind else "published")
        return
    found = _DATE_IN_LINE.search(text, timeout=time_limit(text))
    if found is None or not _month_known(state, found.group("month") or found.group("month2")):
        return
    moment = parse_moment(found.group().removeprefix(found.group("kind") or ""), state.published)
    if moment is None:
        return
    before, after = text[: found.start()], text[found.end() :]
    kind = (found.group("kind") or "").lower()
    if (
        not before.strip()
        and _FURNITURE_AFTER_DATE.match(after) is not None  # no time limit: anchored, bounded
        and len(after.split(maxsplit=MAX_FURNITURE_WORDS)) <= MAX_FURNITURE_WORDS
        and after.rstrip()[-1:] not in _SENTENCE_ENDS
        and _BY_WORD.search(after, timeout=time_limit(after)) is None
    ):
        _record(state, _as_stamp(moment, found.group()), kind)
        state.remove_block(block, "metadata", "published")
        return
    by_before = _BY_WORD.search(before, timeout=time_limit(before)) is not None
    # no time limit: anchored, three characters
    by_after = _BY_WORD.match(after.lstrip(" /|•·,–—-")) is not None
    if not (by_before or by_after):
        return
    _record(state, _as_stamp(moment, found.group()), kind)
    # The date and the separators around it go; the byline (and what follows) stays.
    start = found.start()
    while start > 0 and before[start - 1] in " \t/|•·,–—-":
        start -= 1
    if before[:start].endswith((" on", " at")):
        start -= 3
    # no time limit: anchored, all optional (it always matches, so it never backtracks)
    around = _AROUND_DATE.match(text, found.end())
    end = around.end() if around is not None else found.end()
    _cut_out(state, index, block.start + start, block.start + end)


def _cut_out(state: DocumentState, index: int, start: int, end: int) -> None:
    """Remove ``source[start:end]`` from ``blocks[index]``, splitting the block if needed."""
    block = state.blocks[index]
    state.remove(start, end, "metadata", "published")
    if end < block.end and start > block.start:
        state.split_block(index, end)
        state.trim_end(block, start)
    elif start > block.start:
        state.trim_end(block, start)
    else:
        state.trim_start(block, end)


def _month_known(state: DocumentState, month: str | None) -> bool:
    return month is None or month.casefold() in state.vocab.months


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
