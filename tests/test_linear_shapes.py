"""Input shapes that once took super-linear time (issue #18): each is handled, and the
rewritten checks give the same answers as the patterns they replaced."""

from __future__ import annotations

from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdoc
import newsdoc.text as text_module
from hang_guard import hang_guard
from newsdoc import vocab
from newsdoc.quoting.scan import _ASCII_NAME_RUN, _NAME_RUN
from newsdoc.rules import boilerplate, dek, explainers, headline
from newsdoc.rules.boilerplate import is_navigation_bar

# The pattern is_navigation_bar replaced (exponential on a long failing line): the reference
# for its behaviour, run here on short lines only.
OLD_NAVIGATION = regex.compile(r"[^|•·\n]{1,30}(?:[ ]?[|•·][ ]?[^|•·\n]{1,30}){2,20}")
STORY = "The council met on Tuesday to vote on the new budget for the town's two libraries."
GUARD_SECONDS = 20  # a hang guard, not a timing: each parse here takes milliseconds


def test_a_long_menu_line_is_parsed_and_kept() -> None:
    """A 22-item menu (one more than a navigation bar has) no longer hangs the parse."""
    menu = " | ".join(["Local News"] * 22)
    with hang_guard(GUARD_SECONDS):
        article = newsdoc.parse(f"Council backs budget\n\n{menu}\n\n{STORY}")
    assert not any(removed.category == "navigation" for removed in article.removed)


def test_a_menu_line_of_21_items_is_a_navigation_bar() -> None:
    """The longest navigation bar still goes, with its category."""
    menu = " | ".join(["Local News"] * 21)
    article = newsdoc.parse(f"Council backs budget\n\n{menu}\n\n{STORY}")
    assert [(r.text, r.category) for r in article.removed] == [(menu, "navigation")]


_ITEM = st.text(alphabet=" ab|•·\n", max_size=34)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ITEM, min_size=1, max_size=7), st.sampled_from(["|", " | ", "• ", " ·"]))
def test_navigation_bar_test_matches_the_pattern_it_replaced(items: list[str], bar: str) -> None:
    """On short lines of spaces, letters and bars, the split test and the old pattern agree."""
    text = bar.join(items)
    assert is_navigation_bar(text) == (OLD_NAVIGATION.fullmatch(text) is not None)


def test_navigation_bar_edges() -> None:
    """Item lengths, spaces that go with a bar, and item counts at their limits."""
    assert is_navigation_bar("a|b|c")
    assert is_navigation_bar("a | | c")  # a lone space is an item
    assert is_navigation_bar(" | ".join(["x" * 30] * 3))
    assert not is_navigation_bar(" | ".join(["x" * 31] * 3))
    assert is_navigation_bar("|".join([" " + "x" * 30 + " "] * 3).strip())
    assert not is_navigation_bar("a||c")  # an empty item
    assert not is_navigation_bar("a | b")
    assert not is_navigation_bar("|".join("x" * 22))


# The name-run patterns before the particle run was read once (quadratic on a long run of
# particles): the reference for the runs they find.
_PARTICLE = "(?:de|van|von|der|la|le|da|bin|al|of|for)"
OLD_NAME_RUN = regex.compile(
    r"\p{Lu}(?<!\p{L}\.\p{Lu})[\p{L}’'\-]*\.?(?:[ ]+(?:\p{Lu}[\p{L}’'\-]*\.?"
    rf"|{_PARTICLE}-\p{{Lu}}[\p{{L}}’'\-]*\.?|{_PARTICLE}(?=(?:[ ]+{_PARTICLE})*[ ]+\p{{Lu}})))*"
)
_NAME_PIECES = ["de", "der", "den", "al", "al-", "von", "of", "la", "Smith", "S.", "U.S.", "É"]
_NAME_PIECES += ["é", "’s", "-", ".", " ", "  ", "x", "Bank"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=14))
def test_name_runs_match_the_patterns_they_replaced(pieces: list[str]) -> None:
    """Both name-run patterns find exactly the runs the look-ahead form found."""
    text = " ".join(pieces)
    expected = [match.span() for match in OLD_NAME_RUN.finditer(text)]
    assert [match.span() for match in _NAME_RUN.finditer(text)] == expected
    if text.isascii():
        assert [match.span() for match in _ASCII_NAME_RUN.finditer(text)] == expected


def test_a_long_run_of_particles_is_one_name() -> None:
    """Thousands of particles between a first name and a surname make one run (its growth in
    time is measured in benchmarks/worst_case.py and tests/test_worst_case.py)."""
    for first in ("Jean", "Élodie"):
        text = f"{first} {'de ' * 5000}Smith said so."
        assert [match[0] for match in _NAME_RUN.finditer(text)] == [text[: -len(" said so.")]]


class _CountingPattern:
    """A stand-in for a module's compiled pattern that counts its full matches."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0

    def fullmatch(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        self.calls += 1
        return self.pattern.fullmatch(text, *args, **kwargs)


def test_each_widget_counter_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of distinct counters ("Card 1 of 999", "Slide 1 of 998", …) reads each counter
    once, not once per counter before it; none of them is a widget without cards."""
    counting = _CountingPattern(explainers._COUNTER)
    monkeypatch.setattr(explainers, "_COUNTER", counting)
    kinds = ("Card", "Slide", "Step", "Item")
    lines = [f"{kinds[n % 4]} 1 of {999 - n % 500}" for n in range(2000)]
    article = newsdoc.parse("Explainers on the budget\n\n" + "\n\n".join(lines))
    assert counting.calls <= len(lines) + 1
    assert article.explainers == ()
    assert len(article.paragraphs) == len(lines)


def test_a_widget_after_a_run_of_counters_keeps_every_counter_as_chrome() -> None:
    """Counters in a row before the cards are all chrome, and so are those between cards."""
    text = (
        "Card 1 of 3\n\nSlide 1 of 3\n\n"
        "The vote. The council voted seven to two for the plan.\n\nCard 2 of 3\n\n"
        "What comes next. The mayor signs it within ten days.\n\n"
        "Who pays. Homeowners pay most of the new levy.\n\n" + STORY
    )
    article = newsdoc.parse("Council backs budget\n\nWhat to know\n\n" + text)
    [explainer] = article.explainers
    assert explainer.title == "What to know"
    assert [card.heading for card in explainer.cards] == ["The vote", "What comes next", "Who pays"]
    chrome = [r.text for r in article.removed if r.category == "explainer"]
    assert chrome == ["Card 1 of 3", "Slide 1 of 3", "Card 2 of 3"]
    assert article.text == STORY


def test_extra_phrases_are_one_set_lookup_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of ``boilerplate_phrases`` cost one key per phrase and per line, not one
    comparison per phrase and line; matching lines still go as ``custom``."""
    calls = 0
    original = text_module.comparison_key

    def counting_key(text: str) -> str:
        nonlocal calls
        calls += 1
        return original(text)

    for module in (boilerplate, dek, headline, vocab):
        monkeypatch.setattr(module, "comparison_key", counting_key)
    phrases = tuple(f"Follow desk number {n} on social media" for n in range(500))
    lines = [f"Short line {n}" for n in range(500)]
    text = "\n\n".join(["Follow desk number 7 on social media", *lines, STORY])
    config = newsdoc.ParserConfig(boilerplate_phrases=phrases)
    article = newsdoc.parse(text, config=config)
    assert calls <= 10 * (len(phrases) + len(lines))
    assert [r.category for r in article.removed] == ["custom"]
