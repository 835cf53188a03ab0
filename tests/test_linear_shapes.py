"""Input shapes that once took super-linear time (issue #18): each is handled, and the
rewritten checks give the same answers as the patterns they replaced."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdoc
from hang_guard import hang_guard
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
