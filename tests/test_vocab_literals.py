"""``required_literal`` and ``longest_match``: what every match of a boilerplate pattern holds,
and how long it can be."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdoc.vocab import BoilerplatePattern, default_vocabulary
from newsdoc.vocab.literals import longest_match, required_literal

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


def _matching_line(item: BoilerplatePattern, data: st.DataObject) -> str:
    """A line the shipped pattern matches whole, drawn by hypothesis (the shipped patterns are
    also valid for the standard library, which hypothesis reads)."""
    flags = re.IGNORECASE if item.pattern.flags & regex.IGNORECASE else 0
    return data.draw(st.from_regex(re.compile(item.pattern.pattern, flags), fullmatch=True))


@pytest.mark.parametrize("item", PATTERNS, ids=lambda item: item.pattern.pattern[:40])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_match_contains_the_literal(item: BoilerplatePattern, data: st.DataObject) -> None:
    """A line the pattern matches holds its literal, and the vocabulary still finds it."""
    line = _matching_line(item, data)
    if item.pattern.fullmatch(line.strip()) is None:
        return  # stripping white space made it another line
    assert item.literal in line.strip().casefold()
    assert default_vocabulary().boilerplate_category(line) is not None


@pytest.mark.parametrize(
    ("pattern", "width"),
    [
        ("play now", 8),
        (r"a\.b", 3),
        (r"colou?r", 6),
        (r"[^\n]{1,60}x", 61),
        (r"a{,3}b{2}", 5),
        (r"(?:this|our) site", 9),  # the wider branch
        (r"(?P<name>ab|c){2}", 4),
        (r"(?<word>ab)", 2),
        (r"(?>ab)c", 3),
        (r"(?![a-z]{5})\bone(?<=e)$", 3),  # assertions match no characters
        (r"(?:x*){0}ab", 2),  # an unbounded item repeated no times
        (r"a*+b", None),  # possessive, still unbounded
        (r"a{2,}", None),
        (r"a{,}", None),
        (r"ab+", None),
        (r"(?:a|b*)c", None),
        (r"\s*", None),
    ],
)
def test_longest_match_of_pattern(pattern: str, width: int | None) -> None:
    """The most characters a match spans, None when there is no limit."""
    assert longest_match(regex.compile(pattern, regex.IGNORECASE)) == width


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"\x41b", 0),  # an escape standing for a character
        (r"\p{Lu}", 0),
        (r"(a)\1", 0),  # a back reference
        (r"(?i)ab", 0),  # inline flags
        (r"ab{e<=1}", 0),  # a fuzzy constraint
        (r"a{}", 0),  # literal braces
        (r"ss", regex.IGNORECASE | regex.FULLCASE),  # "ß" could be one of many characters
        (r"ab", regex.VERSION1),
        (r"a b", regex.VERBOSE),
    ],
)
def test_no_longest_match_when_pattern_is_not_understood(pattern: str, flags: int) -> None:
    """Constructs the width reader does not handle give None: the pattern is always tried."""
    assert longest_match(regex.compile(pattern, flags)) is None


@pytest.mark.parametrize("item", PATTERNS, ids=lambda item: item.pattern.pattern[:40])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_match_is_longer_than_the_longest(item: BoilerplatePattern, data: st.DataObject) -> None:
    """A line the pattern matches is no longer than its ``max_chars``."""
    line = _matching_line(item, data)
    if item.max_chars is not None and item.pattern.fullmatch(line) is not None:
        assert len(line) <= item.max_chars


def test_long_line_still_matches_an_unbounded_pattern() -> None:
    """A page-long line is tried against the patterns that have no length limit."""
    line = "Photo by" + " " * 1200 + "Jane Roe"
    assert default_vocabulary().boilerplate_category(line) == "credits"
    assert default_vocabulary().boilerplate_category("Photo by Jane Roe" + " x" * 600) is None
