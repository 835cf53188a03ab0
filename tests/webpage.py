"""A hand-written whole web page (menu, header, story, related list, footer) for rule tests.

``page(header, story)`` wraps the given header lines and story paragraphs in the furniture a
browser copy of a news site shows, so that the ``page`` rule treats the text as a page.
"""

from __future__ import annotations

MENU = (
    "* Home",
    "* Local",
    "* Business",
    "* Sports",
    "* Opinion",
    "* Weather",
    "* Obituaries",
    "* Contact us",
)
STORY = (
    "The county board voted on Tuesday to close the old harbor bridge for twelve weeks from "
    "June, while crews replace its deck and repaint the steel that holds it up.",
    "Engineers told the board that the deck had worn faster than expected, and that the "
    "repairs could not wait for another winter of heavy trucks and salt on the roads.",
    "Drivers will be sent over the north crossing, which adds about ten minutes to the trip "
    "into town, and the ferry will run extra sailings on weekday mornings all summer.",
    "Shop owners near the bridge said they were worried about losing customers, but most "
    "agreed that the work had to be done before the deck became a danger to anyone.",
)
RELATED = (
    "Related stories",
    "* School Board Names New Superintendent",
    "* Storm Knocks Out Power To Thousands",
    "* Farmers Market Opens For The Season",
    "* Library Extends Its Weekend Hours",
)
FOOTER = ("© 2024 The Valley Courier", "* Privacy policy", "* Terms of use")


def page(header: tuple[str, ...], story: tuple[str, ...] = STORY) -> str:
    """A page: menu, the header lines, the story, a related list and a footer."""
    lines = [*MENU, "", *header, "", "\n\n".join(story), "", *RELATED, "", *FOOTER]
    return "\n".join(lines) + "\n"
