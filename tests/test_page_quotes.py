"""On a whole page, the names in the furniture the page rule drops (menus, "Most read" lists,
footers) are nobody a speaker's pronoun stands for."""

from __future__ import annotations

import newsdoc

_MOST_READ = [
    "Rita Quell says the harbour board misled her",
    "Storm closes the coast road for a second day",
    "Five things to do in Dunmore this weekend",
    "Ferry fares to rise in the spring",
    "School run traffic plan dropped",
    "Council tax: what the new bands mean",
    "Library opening hours cut again",
    "Market square to go car-free",
]
_MENU = ["Home", "News", "Sport", "Business", "Opinion", "Culture", "Weather", "Video"]
PAGE = "\n".join(
    [
        "Skip to content",
        "Subscribe | Sign in | Newsletters",
        *_MENU,
        "Most read",
        *(f"• {line}" for line in _MOST_READ),
        "",
        "Town pool to close after council vote",
        "",
        "The council voted on Tuesday to close the town pool at the end of the summer, after a"
        " report found the roof unsafe and the cost of repairs far above what the town can"
        " afford this year or next.",
        "",
        "“It is a sad day for every family here,” she said, standing by the locked gates with"
        " her two children.",
        "",
        "Share this: Facebook | Twitter | Email",
        "Leave a Reply",
        "Your email address will not be published.",
        "© 2024 Dunmore Gazette. All rights reserved.",
    ]
)


def test_a_name_in_a_dropped_story_list_is_no_antecedent() -> None:
    """The article names nobody: "she" stays unnamed, not the woman of a "Most read" link."""
    article = newsdoc.parse(PAGE)
    assert any("Rita Quell" in item.text for item in article.removed)  # the list was dropped
    (quote,) = article.quotes
    assert quote.speaker_mention == "she"
    assert quote.speaker == "she"
    assert quote.speaker_kind == "anonymous"
