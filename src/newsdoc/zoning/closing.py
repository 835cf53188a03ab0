"""The story's own list under its last paragraph, for the ``page`` rule's zone.

The densest run of a page ends at its last prose line, so a list the story closes with (the
ingredients of a recipe, a tour's dates, the deals a post announces, footnotes) is left below
the zone and removed with the sidebar, although the text introduces it: the last paragraph,
or a short line right under it, ends with a colon ("Ingredients for one pumpkin pie:",
"Here's what you'll discover:"). :func:`closing_list` takes such a list into the zone.
"""

from __future__ import annotations

from newsdoc.state import DocumentState
from newsdoc.zoning.lines import FURNITURE, PROSE, SHORT, Line, byline_shaped

MIN_LIST_ITEMS = 3  # fewer lines under a colon are a widget's labels, not a list
MAX_LIST_ITEMS = 60  # a list the story closes with is at most this long


def closing_list(state: DocumentState, lines: list[Line], last: int) -> int:
    """The zone's last line once the list its last paragraph introduces is taken in.

    ``last`` is the zone's last line, a prose line. The list is introduced when that line
    ends with a colon, or when the line right under it is a short line of its own (no
    bullet, no category, not in capitals: "POPULAR STORIES TODAY:" is a box's label) that
    does. Its items are the lines that follow, all bullet lines or all short lines without a
    colon at their end (a new label ends the list), without a category and no byline; bullet
    items are the story's, not links, so they become short lines.
    """
    source = state.source
    index = last + 1
    if index >= len(lines) or lines[last].kind != PROSE:
        return last
    intro = lines[index]
    if source[lines[last].block.end - 1] != ":":
        if not (
            intro.kind == SHORT
            and intro.category is None
            and not intro.bullet
            and source[intro.block.end - 1] == ":"
            and not state.text_of(intro.block).isupper()
        ):
            return last
        index += 1
    items = lines[index : index + MAX_LIST_ITEMS]
    if not items:
        return last
    bullets = items[0].bullet
    taken: list[Line] = []
    for item in items:
        if item.category is not None or item.bullet != bullets or byline_shaped(item):
            break
        if not bullets and (item.kind != SHORT or source[item.block.end - 1] == ":"):
            break
        taken.append(item)
    if len(taken) < MIN_LIST_ITEMS:
        return last
    for item in taken:
        if item.kind == FURNITURE:
            item.kind = SHORT  # a bullet line of the story's list, not a link
    return index + len(taken) - 1
