"""``required_literal``: the text every match of a boilerplate pattern must contain."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdoc.vocab import BoilerplatePattern, default_vocabulary
from newsdoc.vocab.literals import required_literal

PATTERNS = default_vocabulary().boilerplate_patterns


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        ("play now", "play now"),
        ("Play Now", "play now"),  # case-folded, like the line it is looked for in
        (r"[^\n]{1,60}\b\d\.\d rating\b[^\n]{1,150}\bplay now", "play now"),
        (r"a\.b", "a.b"),  # an escaped mark is the mark itself
        (r"colou?r", "colo"),  # an optional letter ends the run before it
        (r"ab*c", "a"),
        (r"xa+b", "xa"),  # "xa" and "ab" are both always there, "xab" is not
        (r"xyza{2,5}b", "xyza"),
        (r"xyza{0,5}b", "xyz"),
        (r"xyza{1}b", "xyzab"),
        (r"(?:this|our) site uses", " site uses"),  # a group is never read
        (r"[]ab]{2} tail", " tail"),  # "]" first in a class is a literal of the class
        (r"\[(?:music|applause)[^\]\n]{0,40}\]", "["),
        (r"one(?=two)three", "three"),  # a look-around ends the run
        (r"one\btwo", "one"),
        (r"café society", " society"),  # only ASCII characters count
    ],
)
def test_literal_of_pattern(pattern: str, literal: str) -> None:
    """The longest mandatory run of plain characters outside groups and classes, folded."""
    assert required_literal(regex.compile(pattern, regex.IGNORECASE)) == literal


@pytest.mark.parametrize(
    "pattern",
    [
        "play now|listen now",  # top-level alternation: no text common to every match
        r"\x41dvertisement",  # an escape standing for a character
        r"\p{Lu}+ said",
        r"(?x) play \ now",  # verbose: spaces mean nothing
        r"ab{e<=1}",  # a fuzzy constraint
    ],
)
def test_no_literal_when_pattern_is_not_understood(pattern: str) -> None:
    """Constructs the reader does not handle give no literal, so the pattern is always tried."""
    assert required_literal(regex.compile(pattern)) == ""


def test_every_shipped_pattern_has_a_literal() -> None:
    """The patterns of the package's data file are all pre-tested (a speed regression check)."""
    assert all(item.literal for item in PATTERNS)


@pytest.mark.parametrize("item", PATTERNS, ids=lambda item: item.pattern.pattern[:40])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_match_contains_the_literal(item: BoilerplatePattern, data: st.DataObject) -> None:
    """A line the pattern matches holds its literal, and the vocabulary still finds it."""
    # the shipped patterns are also valid for the standard library, which hypothesis reads
    flags = re.IGNORECASE if item.pattern.flags & regex.IGNORECASE else 0
    line = data.draw(st.from_regex(re.compile(item.pattern.pattern, flags), fullmatch=True))
    if item.pattern.fullmatch(line.strip()) is None:
        return  # stripping white space made it another line
    assert item.literal in line.strip().casefold()
    assert default_vocabulary().boilerplate_category(line) is not None
