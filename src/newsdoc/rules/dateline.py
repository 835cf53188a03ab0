"""Rule ``dateline``: where (and when) the story was filed, cut off the first paragraph.

Shapes handled (place, optional qualifiers, optional date, optional agency, then a dash):

- AP and NYT: ``VIENNA —``, ``WASHINGTON (AP) —``
- Reuters: ``LONDON, March 3 -`` (1987 wire), ``LONDON, March 3 (Reuters) -``,
  ``SEATTLE/WASHINGTON (Reuters) -``, ``WEST PALM BEACH, Fla./WASHINGTON (Reuters) -``,
  bare ``(Reuters) -``; an editor's note in parentheses before it stays in the body
- qualifiers: ``PORTLAND, Ore., Feb 26 -``, ``CALGARY, Alberta, March 3 -``
- CNN: ``(CNN)`` glued to the text, ``Tokyo (CNN)``, ``Canberra, Australia (CNN) --``
- a dateline alone on its line (1987 wire tables), the story starting on the next one
- web copy: an all-caps place and a plain hyphen, ``WASHINGTON - The ...`` (the story must
  open with a capital or a quote, or start on the next line: ``ZURICH -`` at the end of a
  line); a country with a lower-case article, ``GRONINGEN, the Netherlands, March 31 -``; a
  wire prefix, ``RPT -- WASHINGTON ...`` (kept in the dateline's text); an agency before the
  place, ``(AP) HONOLULU -`` (the agency, not an editor's note)

The date (month and day) is resolved to a full date against ``published``: the year of the
issue date, or the year before when the day would fall after the issue date.
"""

from __future__ import annotations

from datetime import date, datetime

import regex

from newsdoc.model import Dateline, Span
from newsdoc.state import BODY, DocumentState
from newsdoc.text import OPENING_QUOTES, is_prose_line, time_limit

MAX_BLOCKS_TO_SEARCH = 3
PAGE_BLOCKS_TO_SEARCH = 12  # on a page, the header lines above the story come first
PAGE_PROSE_TO_SEARCH = 2  # ... up to its second paragraph (a photo caption may come first)
MIN_PLACE_LETTERS = 4  # "ROME - " is a dateline, "US - " or "UK - " a headline's pair
MAX_DAYS_AHEAD = 2  # a dateline may run a day or two ahead of the issue date (time zones)

# Horizontal spaces: a plain space or a Unicode one (no-break U+00A0, thin, narrow no-break,
# ideographic...) as pasted from web pages; never a tab or a line break.
_UNICODE_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_SPACES = r"\x20\u00a0\u2000-\u200a\u202f\u205f\u3000"  # the same, as a character-class body
_SP = rf"[{_SPACES}]"
# The dateline's location, agency and text hold plain spaces only.
_PLAIN_SPACES = str.maketrans(dict.fromkeys(_UNICODE_SPACES, " "))

# The rest of a word of a place (letters, digits, ``.'’&-``). Whatever follows a word (a space,
# ",", "/", "(" or a dash) cannot match inside one, so only a hyphen is worth giving back (to
# the dash: "N.J.- "); the possessive runs spare the match the other give-backs, which always
# fail (the Reuters datelines match in half the time).
_WORD_TAIL = r"[\w.'’&]*+(?:-[\w.'’&]*+)*"
_QUALIFIER_TAIL = r"[\w.'’]*+(?:-[\w.'’]*+)*"
# Words of a place: capitalised (``Toronto``, ``NEW YORK``, ``St. Louis``) with the lower-case
# particles of place names. Words are space-separated, so the repetitions cannot overlap.
_PLACE = rf"""
    [A-Z]{_WORD_TAIL}(?:{_SP}(?:(?:de|da|do|del|di|la|le|el|es|of|upon|on){_SP})?[A-Za-z]{_WORD_TAIL}){{0,4}}
"""
# A qualifier is never followed by a space and a day ("LONDON, March 3 -": "March" is the
# date's month) unless a month follows that day ("Texas 5 March"): nothing after a qualifier
# can match there otherwise, and the lookahead spares the match trying it all.
_QUALIFIER = (
    rf"(?:the{_SP})?[A-Z]{_QUALIFIER_TAIL}(?:{_SP}[A-Z]{_QUALIFIER_TAIL}){{0,2}}"
    rf"(?!{_SP}\d(?!\d?{_SP}[A-Za-z]{{3}}))"
)
_COMMA = rf"{_SP}?,{_SP}{{1,2}}"
# A byline run into the dateline by a scraper: "By Jane Doe and John Roe NEW YORK (Reuters) -".
# Name words are Title Case or initials, so the all-caps place after them is left whole.
_NAME_WORD = r"[A-Z](?:[a-z][\w'’-]*|\.)"
_BYLINE_PREFIX = rf"By{_SP}{_NAME_WORD}(?:{_SP}(?:and{_SP})?{_NAME_WORD}){{1,8}}{_SP}(?=[A-Z]{{2}})"
# A wire service's repeat or correction flag before the dateline: "RPT -- ", "CORRECTED - ".
_WIRE_PREFIX = (
    rf"(?:RPT|REPEAT|CORRECTED|CORRECTION|UPDATE{_SP}\d{{1,2}}|URGENT|FLASH|BULLETIN)"
    rf"{_SP}{{0,2}}(?:--|-|—|–){_SP}{{1,2}}"
)
_WIRE = regex.compile(
    rf"""
    (?P<note>\([^()\n]{{1,300}}\){_SP}+(?=[A-Z(]))?
    (?P<wire>{_WIRE_PREFIX})?
    (?P<byline>{_BYLINE_PREFIX})?
    \**
    (?P<location>
        {_PLACE}(?:{_COMMA}{_QUALIFIER})?
        (?:/{_PLACE}(?:{_COMMA}{_QUALIFIER})?){{0,3}}
        (?:{_COMMA}{_QUALIFIER}){{0,2}}
    )?
    (?P<when>(?:{_COMMA}(?:-{_SP})?|{_SP}{{1,2}})
        (?:(?P<month>[A-Za-z]{{3,9}})\.?{_SP}{{0,2}}(?P<day>\d{{1,2}})
        | (?P<day2>\d{{1,2}}){_SP}(?P<month2>[A-Za-z]{{3,9}}))
        ,?(?:{_SP}Reuters?)?
    )?
    ,?{_SP}{{0,2}}(?:\((?P<agency>[^()\n]{{0,40}})\))?
    {_SP}{{0,2}}(?P<dash>—|–|--|-)(?P<glued>(?=[A-Z]))?(?(glued)|(?=\s|$)){_SP}?
    """,
    regex.VERBOSE,
)
# The order of the groups, as ``_wire_dateline`` unpacks them.
assert tuple(_WIRE.groupindex) == (
    "note", "wire", "byline", "location", "when", "month", "day", "day2", "month2", "agency",
    "dash", "glued",
)  # fmt: skip

# CNN-style: "(CNN)", "Tokyo (CNN)", "Canberra, Australia (CNN) --", "(The Hollywood Reporter)".
_PARENTHESISED_AGENCY = regex.compile(
    rf"""
    (?P<location>[A-Z][\w.'’-]*(?:{_SP}[A-Z][\w.'’-]*){{0,3}}
        (?:,{_SP}[A-Z][\w.'’-]*(?:{_SP}[A-Z][\w.'’-]*){{0,3}}){{0,2}}{_SP}{{1,2}})?
    \((?P<agency>[A-Z][\w.&'’{_SPACES}]{{1,40}})\)
    (?:{_SP}{{0,2}}(?P<dash>--|—|–|-))?{_SP}?
    """,
    regex.VERBOSE,
)
_LOWER_WORD = regex.compile(r"\b[a-z]")


def _plain(text: str) -> str:
    """``text`` stripped, its Unicode spaces folded to plain ones."""
    if text.isascii():  # nothing to fold: skip the per-character table look-ups
        return text.strip()
    return text.translate(_PLAIN_SPACES).strip()


def resolve_month_day(month: int, day: int, published: date) -> date | None:
    """The full date of "month day" printed in a story issued on ``published``."""
    issued = published.date() if isinstance(published, datetime) else published
    try:
        candidate = date(issued.year, month, day)
    except ValueError:
        return None
    if (candidate - issued).days > MAX_DAYS_AHEAD:  # a date difference is whole days
        try:
            return date(issued.year - 1, month, day)
        except ValueError:
            return None
    return candidate


def _resolve_date(state: DocumentState, month_name: str | None, day: str | None) -> date | None:
    if month_name is None or day is None or state.published is None:
        return None
    # A misspelt month ("Marc 3") is read by its first three letters.
    month = state.vocab.months.get(month_name.lower()) or state.vocab.months.get(
        month_name[:3].lower()
    )
    if month is None:
        return None
    return resolve_month_day(month, int(day), state.published)


# A dateline found but not yet placed: its location, agency, date and text. The Dateline is
# built once its span is known, not twice.
_Fields = tuple[str | None, str | None, date | None, str]


def _wire_dateline(state: DocumentState, text: str) -> tuple[list[int], int, _Fields] | None:
    """(cut points, end, dateline fields) for a wire dateline at the start of ``text``, else None.

    The cut points are where an editor's note or a run-in byline before the dateline ends.
    """
    # The pattern ends with a dash (``--`` holds ``-``): spare it the backtracking on dashless
    # text. Three ``in`` scans, not a generator over them.
    if "-" not in text and "—" not in text and "–" not in text:
        return None
    wire = _WIRE.match(text)  # no time limit: anchored, bounded repeats
    if wire is None:
        return None
    # Every group in one call: looking one up by name costs twice as much as all of them.
    note, _wire, byline, location, when, month, day, day2, month2, agency, dash, glued = (
        wire.groups()
    )
    if note is not None and agency is None and _leading_agency(state, note):
        # "(AP) HONOLULU -": the agency before the place, not an editor's note.
        agency, note = note.strip()[1:-1], None
    month = month or month2
    has_date = when is not None
    if agency is not None and not agency.strip():
        agency = None  # "WASHINGTON () -": the wire lost its agency name
    if not (location or agency):
        return None
    if location is not None and not _plausible_place(location):
        return None
    if agency is not None and not _plausible_agency(state, agency):
        return None
    misspelt = has_date and month is not None and month.lower() not in state.vocab.months
    if misspelt and not _plausible_misspelt_month(location, month):
        # A misspelt month ("Narch 4") still fills the date slot, but only after a place.
        return None
    story_opens = text[wire.end() : wire.end() + 1]
    if (
        not has_date
        and agency is None
        and not _strong_without_date(state, location, dash, story_opens)
    ):
        return None
    if glued is not None and not has_date:
        return None  # "WORD -Word" is a hyphenated phrase unless a date vouches for it
    starts = [wire.end(name) for name, value in (("note", note), ("byline", byline)) if value]
    start = starts[-1] if starts else 0
    fields = (
        _plain(location) if location else None,
        _plain(agency) if agency else None,
        _resolve_date(state, month, day or day2),
        _plain(text[start : wire.end()]),
    )
    return starts, wire.end(), fields


def _plausible_misspelt_month(location: str | None, month: str | None) -> bool:
    return bool(location) and month is not None and len(month) >= 4 and month[0].isupper()


def _leading_agency(state: DocumentState, note: str) -> bool:
    """ "(AP) ": a known agency in parentheses before the place."""
    name = note.strip()[1:-1].strip()
    return name in state.vocab.agencies


def _strong_without_date(
    state: DocumentState, location: str | None, dash: str, story_opens: str
) -> bool:
    """A place and a dash alone: an all-caps place, then a long dash ("VIENNA —") or, with a
    plain hyphen, a known state or province ("WOODBRIDGE, N.J. -"), or a place of letters
    only with the story opening on a capital or a quote, or on the next line ("ZURICH - The
    bank", web copy)."""
    if location is None:
        return False
    place, *qualifiers = (part.strip() for part in location.split(","))
    if _LOWER_WORD.search(place, timeout=time_limit(place)) or not place.isupper():
        return False
    if dash != "-":
        return True
    if qualifiers:
        return all(q in state.vocab.region_abbreviations for q in qualifiers)
    letters_only = place.replace(" ", "").isalpha() and len(place) >= MIN_PLACE_LETTERS
    if place.split()[0].casefold() in state.vocab.dateline_non_places:
        return False  # "FILE - In this photo", "CORRECTED - ": a flag, not a place
    return letters_only and (
        story_opens in ("", "\n", "\r") or story_opens.isupper() or story_opens in OPENING_QUOTES
    )


def _match(state: DocumentState, text: str) -> tuple[list[int], int, _Fields] | None:
    """(cut points, end, dateline fields) when ``text`` opens with a dateline."""
    offset = len(text) - len(text.lstrip())
    body = text[offset:]
    found = _wire_dateline(state, body)
    if found is not None:
        starts, end, fields = found
        return [offset + start for start in starts], offset + end, fields
    cnn = _PARENTHESISED_AGENCY.match(body)  # no time limit: anchored, bounded repeats
    if cnn is not None and _outlet_leads_story(state, body, cnn):
        location = cnn.group("location")
        fields = (
            _plain(location) if location else None,
            _plain(cnn.group("agency")),
            None,
            _plain(body[: cnn.end()]),
        )
        return [], offset + cnn.end(), fields
    return None


def _outlet_leads_story(state: DocumentState, body: str, match: regex.Match[str]) -> bool:
    """ "(CNN)The ...", "Tokyo (CNN) ...", "(Rolling Stone) -- ...": not "The Agency (IEA) said".

    The outlet is glued to the story, followed by a dash, or a known agency.
    """
    agency = match.group("agency").strip()
    if not _plausible_agency(state, agency):
        return False
    following = body[match.end() : match.end() + 1]
    glued = (following.isalnum() or following in OPENING_QUOTES) and not body[
        match.end() - 1
    ].isspace()
    if glued or match.group("dash") is not None:
        return True  # most CNN leads: the agency list need not be folded
    return agency.casefold() in {name.casefold() for name in state.vocab.agencies}


def _plausible_place(location: str) -> bool:
    """Two letters or more; the count stops at the second."""
    letters = 0
    for character in location:
        if character.isalpha():
            letters += 1
            if letters == 2:
                return True
    return False


def _plausible_agency(state: DocumentState, agency: str) -> bool:
    name = agency.strip()
    if name in state.vocab.agencies or (name.upper() == name and any(c.isalpha() for c in name)):
        return True
    words = name.split()
    # Partner outlets in CNN copy: "(The Hollywood Reporter)", "(EW.com)"; Title Case, short.
    return 1 <= len(words) <= 5 and all(w[0].isupper() or w in {"of", "the", "and"} for w in words)


def _next_body_follows(state: DocumentState, index: int) -> bool:
    return any(block.role == BODY for block in state.blocks[index + 1 :])


def find_dateline(state: DocumentState) -> None:
    """Cut a dateline off the start of one of the first body blocks.

    On a page the header lines above the story are stepped over, up to its second paragraph
    (the first may be a photo caption).
    """
    limit = PAGE_BLOCKS_TO_SEARCH if state.page else MAX_BLOCKS_TO_SEARCH
    prose_tried = 0
    for index, block in state.leading_body_blocks(limit):
        text = state.text_of(block)
        found = _match(state, text)
        if found is None:
            if state.page and is_prose_line(text):
                prose_tried += 1
                if prose_tried >= PAGE_PROSE_TO_SEARCH:
                    return  # the story's first paragraphs (past a caption) have no dateline
            continue
        cuts, length, (location, agency, when, dateline_text) = found
        # The dateline leads into the story: text after it, or a story block next.
        if not text[length:].strip() and not _next_body_follows(state, index):
            continue
        block_start = block.start
        start = block_start + (cuts[-1] if cuts else len(text) - len(text.lstrip()))
        end = block_start + len(text[:length].rstrip())
        state.dateline = Dateline(location, agency, when, Span(start, end), dateline_text)
        # An editor's note or a run-in byline before the dateline stays a block of its own.
        for cut in cuts:
            block = state.split_block(state.blocks.index(block), block_start + cut)
        state.trim_start(block, block_start + length)
        return
