"""Lines that belong to the story, or not, beyond what their own shapes say: for ``page``.

- :func:`markup_as_text`: a prose line full of HTML tags (a comment form's note on the tags it
  allows, an embed code) is furniture, not a paragraph.
- :func:`is_dek`: a prose line between the headline and the byline is the story's dek, which
  the zone's header takes in although it stands apart from the story's paragraphs.
- :func:`closing_list`: the densest run of a page ends at its last prose line, so a list the
  story closes with (the ingredients of a recipe, a tour's dates, the deals a post announces,
  footnotes) is left below the zone and removed with the sidebar, although the text
  introduces it: the last paragraph, or a short line right under it, ends with a colon
  ("Ingredients for one pumpkin pie:", "Here's what you'll discover:"). It joins the zone.
"""

from __future__ import annotations

import regex

from newsdoc.state import DocumentState
from newsdoc.zoning.lines import FURNITURE, PROSE, SHORT, Line, byline_shaped, date_shaped

MARKUP_TAGS = 3  # a line with this many HTML tags is markup shown as text
MIN_LIST_ITEMS = 3  # fewer lines under a colon are a widget's labels, not a list
MAX_LIST_ITEMS = 60  # a list the story closes with is at most this long
_TAG_OPENING = regex.compile(r"<[/A-Za-z]")


def markup_as_text(state: DocumentState, lines: list[Line]) -> None:
    """A prose line that holds several HTML tags is markup shown as text, not a paragraph.

    A comment form lists the tags it allows ("You may use these HTML tags and attributes: <a
    href="" title=""> <abbr> ..."), a sidebar prints a badge's embed code: long and full of
    function words, they outweigh a short post's one paragraph. A story that quotes a tag
    or two is still prose.
    """
    for line in lines:
        if line.kind != PROSE:
            continue
        text = state.text_of(line.block)
        # no time limit: two characters, no repetition
        if text.count(">") >= MARKUP_TAGS and len(_TAG_OPENING.findall(text)) >= MARKUP_TAGS:
            line.kind = FURNITURE


def is_dek(state: DocumentState, lines: list[Line], index: int) -> bool:
    """The prose line at ``index``, above the zone, is the story's dek: under its headline.

    A standfirst stands between the headline and the byline or date ("by Lance Whitney"):
    a short line that is not furniture right above it, a byline or date stamp right under
    it. A teaser above the headline has the headline, not a stamp, under it. Text input
    only: on HTML the markup's article container decides.
    """
    if state.evidence or index == 0 or index + 1 >= len(lines):
        return False
    above, below = lines[index - 1], lines[index + 1]
    return (
        above.kind == SHORT
        and not above.bullet
        and (byline_shaped(below) or date_shaped(state, below))
    )


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
