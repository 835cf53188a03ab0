"""Rule ``dateline``: where (and when) the story was filed, cut off the first paragraph.

Shapes handled (location, optional date, optional agency, then a dash):

- AP and NYT: ``VIENNA —``, ``WASHINGTON (AP) —``
- Reuters: ``LONDON, March 3 -`` (1987 wire), ``LONDON, March 3 (Reuters) -``,
  ``SEATTLE/WASHINGTON (Reuters) -``, bare ``(Reuters) -``
- qualifiers: ``PORTLAND, Ore., Feb 26 -``, ``CALGARY, Alberta, March 3 -``
- CNN: ``(CNN)`` glued to the text, ``Tokyo (CNN)``, ``Canberra, Australia (CNN) --``

The date (month and day) is resolved to a full date with the year of ``published``.
"""

from __future__ import annotations

from datetime import date

import regex

from newsdoc.model import Dateline, Span
from newsdoc.state import BODY, DocumentState

MAX_BLOCKS_TO_SEARCH = 3

# An all-caps place (with "/" between cities), optional qualifiers, then date and agency.
_WIRE = regex.compile(
    r"""
    (?P<location>
        [A-Z][A-Z.'’-]*(?:[ ][A-Z][A-Z.'’-]*){0,4}
        (?:/[A-Z][A-Z.'’-]*(?:[ ][A-Z][A-Z.'’-]*){0,4}
            (?:,[ ][A-Z][\w.]{1,14}\.?)?){0,3}
        (?:,[ ](?!(?P<m>[A-Za-z]{3,9}\.?[ ]\d))[A-Z][\w.'’]*(?:[ ][A-Z][\w.'’]*){0,2}){0,2}
    )?
    (?:,?[ ](?P<month>[A-Za-z]{3,9}\.?)[ ](?P<day>\d{1,2}))?
    [ ]?(?:\((?P<agency>[^()\n]{1,40})\))?
    [ ]?(?P<dash>—|–|--|-)[ ]?
    """,
    regex.VERBOSE,
)

# CNN-style: "(CNN)", "Tokyo (CNN)", "Canberra, Australia (CNN) --", "(The Hollywood Reporter)".
_PARENTHESISED_AGENCY = regex.compile(
    r"""
    (?P<location>[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}
        (?:,[ ][A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3})?[ ])?
    \((?P<agency>[A-Z][\w.&'’ ]{1,40})\)
    (?:[ ]?(?:--|—|–|-))?[ ]?
    """,
    regex.VERBOSE,
)


def _resolve_date(state: DocumentState, month_name: str | None, day: str | None) -> date | None:
    if month_name is None or day is None:
        return None
    month = state.vocab.months.get(month_name.lower())
    if month is None or state.published is None:
        return None
    try:
        return date(state.published.year, month, int(day))
    except ValueError:
        return None


def _match(state: DocumentState, text: str) -> tuple[int, Dateline] | None:
    """Return (length, dateline with a placeholder span) when ``text`` opens with a dateline."""
    offset = len(text) - len(text.lstrip())
    body = text[offset:]
    wire = _WIRE.match(body)
    if wire is not None and (wire.group("location") or wire.group("agency")):
        month = wire.group("month")
        if month is not None and month.lower() not in state.vocab.months:
            wire = None
    if wire is not None and (wire.group("location") or wire.group("agency")):
        location = wire.group("location")
        if location is not None and not _plausible_place(location):
            return None
        agency = wire.group("agency")
        if agency is not None and not _plausible_agency(state, agency):
            return None
        if wire.group("dash") == "-" and location and not (wire.group("month") or agency):
            # "WORD - " alone is too weak: a headline fragment, not a dateline.
            return None
        dateline = Dateline(
            location=location,
            agency=agency.strip() if agency else None,
            date=_resolve_date(state, wire.group("month"), wire.group("day")),
            span=Span(0, 0),
            text=body[: wire.end()].strip(),
        )
        return offset + wire.end(), dateline
    cnn = _PARENTHESISED_AGENCY.match(body)
    if cnn is not None and _plausible_agency(state, cnn.group("agency")):
        location = cnn.group("location")
        dateline = Dateline(
            location=location.strip() if location else None,
            agency=cnn.group("agency").strip(),
            date=None,
            span=Span(0, 0),
            text=body[: cnn.end()].strip(),
        )
        return offset + cnn.end(), dateline
    return None


def _plausible_place(location: str) -> bool:
    letters = [c for c in location if c.isalpha()]
    return len(letters) >= 2


def _plausible_agency(state: DocumentState, agency: str) -> bool:
    name = agency.strip()
    if name in state.vocab.agencies or name.upper() == name:
        return True
    words = name.split()
    # Partner outlets in CNN copy: "(The Hollywood Reporter)", "(EW.com)"; Title Case, short.
    return 1 <= len(words) <= 5 and all(w[0].isupper() or w in {"of", "the", "and"} for w in words)


def find_dateline(state: DocumentState) -> None:
    """Cut a dateline off the start of one of the first body blocks."""
    searched = 0
    for block in state.blocks:
        if block.role != BODY:
            continue
        searched += 1
        if searched > MAX_BLOCKS_TO_SEARCH:
            return
        text = state.text_of(block)
        found = _match(state, text)
        if found is None:
            continue
        length, dateline = found
        # The dateline must lead into the story, not be the whole block.
        if not text[length:].strip():
            continue
        start = block.start + len(text) - len(text.lstrip())
        end = block.start + len(text[:length].rstrip())
        state.dateline = Dateline(
            dateline.location, dateline.agency, dateline.date, Span(start, end), dateline.text
        )
        state.trim_start(block, block.start + length)
        return
