"""Rule ``page``: find the article inside a whole web page and drop the page around it.

Text copied whole from a browser (or rendered from HTML) holds the article among menus, story
lists, share bars, comment forms and footers. The rule works in three steps, all linear:

1. **Is this a page?** Many lines shaped like page furniture (list bullets, one- to four-word
   labels, separator bars) among the lines, or markup evidence (HTML input). Text that is
   not a page (wire copy, corpus dumps, pasted article text) is left exactly as it is.
2. **Each line's shape** gives it a class: ``prose`` (long, sentence punctuation, many
   function words), ``furniture`` (bullets of a few words, Title Case link runs, separator
   bars, known furniture phrases, lines repeated in the page) or ``short`` (headings,
   bylines, dates: neither). Short lines take the side of their neighbours.
3. **The zone** is the run of lines where prose outweighs furniture most (the maximum-sum
   run over line scores). Its start moves up over the headline, dek, byline and date lines
   just above it; a furniture heading ("Related", "Comments", "Leave a Reply") after its
   last prose ends it. Everything outside the zone, and the furniture inside it, is removed
   with a category (``navigation`` above the article, ``related``/``comments``/``share``/
   ``footer``/... by the heading that opens each tail part below it).
"""

from __future__ import annotations

from newsdoc.state import DocumentState
from newsdoc.zoning.lines import (
    FURNITURE,
    LINK_DENSE,
    LINK_LINE,
    PROSE,
    SHORT,
    Line,
    byline_shaped,
    classify_lines,
    date_shaped,
    is_page,
    lines_of,
    without_bullet,
)
from newsdoc.zoning.story import closing_list, is_dek, markup_as_text

MIN_CONTENTS_ENTRIES = 3  # bullet lines naming section headings that make a table of contents
HEADING_REACH = 2  # a section heading stands at most this many lines above prose
INTRO_WORDS = 3  # a line ending with a colon this long introduces the story's own list
ARTICLE_FACTOR = 2  # HTML input: prose inside the article container weighs this much more
BULLET_ITEM_FACTOR = 0.5  # a bulleted prose item weighs half a paragraph of its length
FURNITURE_PENALTY = 2  # what a furniture line weighs against the zone, in words
SHORT_PENALTY = 0.5
MAX_RUN_GROWTH = 3  # the third line in a row of non-prose and later ones cost three times the first
ISLAND_GAP = 3  # this many lines without prose in a row split the zone into parts
ISLAND_SHARE = 0.1  # an end part with less of the heaviest part's prose weight goes
TAIL_PROSE_WORDS = 40  # a furniture heading with less prose than this after it ends the zone
HEADING_WORDS = 6  # a furniture heading is a line of at most this many words
HEADER_LINES = 6  # how far above the zone's first prose the headline may stand
HEADER_FURNITURE_RUN = 3  # furniture lines in a row above the zone end the header
DATE_ANCHOR_WORDS = 30  # what a story's own date stamp adds to the prose just below it
MAX_DATE_ANCHORS = 2  # a page with more date stamps (a comment thread, a story list) has none
ANCHOR_REACH = 3  # the prose line that a date stamp anchors is at most this many lines below
# Tail headings (whole lines) and the category of what follows them.
_HEADER_FURNITURE = frozenset({"share", "ads", "credits", "subscribe"})
_TAIL_CATEGORIES = frozenset(
    {"related", "comments", "share", "subscribe", "ads", "footer", "navigation", "cookie"}
)


def _context(state: DocumentState, lines: list[Line]) -> None:
    """Neighbours decide: a list the text introduces is the story's, a menu's labels are not.

    List lines right after a line ending with a colon ("The rankings were as follows:") are
    the story's list, not links; short lines in a run of furniture are furniture (a menu's
    one-word items).
    """
    introduced = False
    for index, line in enumerate(lines):
        # Two or more headline-shaped lines in a row: a story list without bullets.
        if line.kind == SHORT and line.link_like:
            titled_before = index > 0 and lines[index - 1].link_like
            titled_before = titled_before and _adjacent(state, lines[index - 1], line)
            titled_after = index + 1 < len(lines) and lines[index + 1].link_like
            titled_after = titled_after and _adjacent(state, line, lines[index + 1])
            if titled_before or titled_after:
                line.kind = FURNITURE
    source = state.source
    for line in lines:
        if introduced and line.bullet and line.category is None:
            if line.kind == FURNITURE:
                line.kind = SHORT
            continue
        # A line of words has a last character: it is read from the source, not sliced out.
        introduced = line.kind != FURNITURE and line.words >= INTRO_WORDS
        introduced = introduced and source[line.block.end - 1] == ":"
    for index, line in enumerate(lines):
        if line.kind != SHORT:
            continue
        before = lines[index - 1].kind if index else FURNITURE
        after = lines[index + 1].kind if index + 1 < len(lines) else FURNITURE
        if before == FURNITURE and after == FURNITURE:
            line.kind = FURNITURE


def _contents(state: DocumentState, lines: list[Line]) -> None:
    """A table of contents is the story's: bullet lines that name its own section headings.

    A list of short bullet lines reads as a menu, and a long one ("Table of Contents" over
    twenty sections) cuts the story's introduction off from its body. When at least
    ``MIN_CONTENTS_ENTRIES`` of its items repeat, without the bullet, a short line of the page
    that stands over prose (a section heading), those items are the story's own list.
    """
    headings: set[str] = set()
    for index, line in enumerate(lines):
        if line.kind != SHORT or line.bullet:
            continue
        following = lines[index + 1 : index + 1 + HEADING_REACH]
        if any(other.kind == PROSE for other in following):
            headings.add(state.clean_text_of(line.block).casefold())
    if len(headings) < MIN_CONTENTS_ENTRIES:
        return
    entries = [
        line
        for line in lines
        if line.bullet
        and line.kind == FURNITURE
        and line.category is None
        and without_bullet(state.clean_text_of(line.block)).casefold() in headings
    ]
    if len(entries) >= MIN_CONTENTS_ENTRIES:
        for line in entries:
            line.kind = SHORT


def _weights(state: DocumentState, lines: list[Line]) -> list[float]:
    """Each line's weight for or against the zone.

    Prose counts its words, in full when another prose line stands next to it (a story's
    paragraphs come in runs) and half when it stands alone; a quarter when a furniture line
    touches it with no blank line between (a teaser inside a menu or story list), and
    nothing when it is itself a long item of such a list. Lines that are not prose cost
    more the longer their run goes on: a related box of four links is bridged by the prose
    around it, a menu of forty or a comment form of fifteen labels is not.
    """
    weights: list[float] = []
    run = 0
    for index, line in enumerate(lines):
        if line.kind != PROSE:
            run += 1
            base = FURNITURE_PENALTY if line.kind == FURNITURE else SHORT_PENALTY
            weights.append(-base * min(run, MAX_RUN_GROWTH))
        elif not _touches_furniture(lines, index, state):
            run = 0
            neighbours = _prose_at(lines, index - 1) + _prose_at(lines, index + 1)
            # HTML input: prose in the page's article container counts twice.
            container = ARTICLE_FACTOR if line.article else 1
            item = _item_factor(state, line)
            weights.append(item * container * line.words * (0.5 + 0.25 * neighbours))
        elif not line.bullet:
            weights.append(line.words / 4)
        else:  # a long item of a menu or story list: the list goes on
            weights.append(0)
    return weights


def _anchor_at_dates(state: DocumentState, lines: list[Line], weights: list[float]) -> None:
    """A story's date stamp anchors its start: the prose just below it weighs more.

    A short article ("Weekly Address: ...", a date, three sentences) is easily outweighed by
    a longer blurb or teaser elsewhere on the page; its own date line just above its first
    paragraph says where the story is. Only on a page with at most ``MAX_DATE_ANCHORS`` date
    stamps: a comment thread or a dated story list has many, and none of them says anything.
    """
    stamps = [index for index, line in enumerate(lines) if date_shaped(state, line)]
    if not stamps or len(stamps) > MAX_DATE_ANCHORS:
        return
    for stamp in stamps:
        for index in range(stamp + 1, min(len(lines), stamp + 1 + ANCHOR_REACH)):
            if lines[index].kind == PROSE:
                weights[index] += DATE_ANCHOR_WORDS
                break


def _item_factor(state: DocumentState, line: Line) -> float:
    """What a prose line weighs as an item of a bulleted list, against a paragraph.

    A story is told in paragraphs; a list of long bulleted items is as often a sidebar of
    teasers or of readers' comments as the story's own list, so each item is weaker evidence
    of where the article is. Numbered items ("3. The bailout helped ...") are more often the
    story's (its steps, its ranking, its references) and count in full.
    """
    if line.bullet and not state.source[line.block.start].isdigit():
        return BULLET_ITEM_FACTOR
    return 1.0


def _prose_at(lines: list[Line], index: int) -> int:
    return int(0 <= index < len(lines) and lines[index].kind == PROSE)


def _touches_furniture(lines: list[Line], index: int, state: DocumentState) -> bool:
    """A furniture line stands right before or after this one, no blank line between."""
    line = lines[index]
    if index and lines[index - 1].kind == FURNITURE and _adjacent(state, lines[index - 1], line):
        return True
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        following is not None and following.kind == FURNITURE and _adjacent(state, line, following)
    )


def _adjacent(state: DocumentState, upper: Line, lower: Line) -> bool:
    """No blank line stands between the two lines (one list, one run of the page)."""
    return state.source.count("\n", upper.block.end, lower.block.start) < 2


def _densest_run(weights: list[float]) -> tuple[int, int] | None:
    """The run of lines (first, last index) with the highest total weight (Kadane)."""
    best, best_run = 0.0, None
    total, start = 0.0, 0
    for index, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, index
        total += weight
        if total > best:
            best, best_run = total, (start, index)
    return best_run


def _trim_islands(
    lines: list[Line], weights: list[float], first: int, last: int
) -> tuple[int, int]:
    """Drop small runs of prose at the zone's ends that only a gap of furniture joins.

    The zone splits where ``ISLAND_GAP`` lines without prose stand in a row; a part at either
    end whose prose weighs less than ``ISLAND_SHARE`` of the heaviest part's (an author's
    note, a comment form's messages, a teaser above the headline) is not the article.
    """
    bounds: list[list[int]] = [[first, first]]  # each part's first and last prose line
    masses: list[float] = [0.0]
    gap = 0
    for index in range(first, last + 1):
        if lines[index].kind == PROSE:
            if gap >= ISLAND_GAP:
                bounds.append([index, index])
                masses.append(0.0)
            bounds[-1][1] = index
            masses[-1] += max(0.0, weights[index])
            gap = 0
        else:
            gap += 1
    heaviest = max(masses)
    while len(bounds) > 1 and masses[-1] < ISLAND_SHARE * heaviest:
        bounds.pop()
        masses.pop()
    while len(bounds) > 1 and masses[0] < ISLAND_SHARE * heaviest:
        bounds.pop(0)
        masses.pop(0)
    return bounds[0][0], bounds[-1][1]


def _tail_cut(lines: list[Line], weights: list[float], first: int, last: int) -> int:
    """The zone's last line: a furniture heading with little prose after it ends the zone."""
    prose_after = 0.0
    for index in range(last, first, -1):
        line = lines[index]
        if line.kind == PROSE:
            prose_after += weights[index]
        elif (
            line.category in _TAIL_CATEGORIES and not line.field and prose_after < TAIL_PROSE_WORDS
        ):
            last = index - 1
            prose_after = 0.0
    return last


def _header_start(state: DocumentState, lines: list[Line], first: int) -> int:
    """Move the zone's start up over the headline, dek, byline and dates above its prose.

    At most ``HEADER_LINES`` lines are taken; share bars and advert labels between them
    are stepped over (and removed), and a run of other furniture (a menu) ends the header.
    """
    start = first
    furniture_run = taken = 0
    for index in range(first - 1, -1, -1):
        line = lines[index]
        if line.kind == FURNITURE and line.category in _HEADER_FURNITURE and not line.field:
            continue  # a share bar or an advert label between the headline and the story
        if line.kind == PROSE and not is_dek(state, lines, index):
            break  # prose above the zone's first prose is a teaser the zone left out
        # A headline or byline can look like one of a list of story links: above the
        # prose, a title-shaped line is the article's own unless a run of furniture holds it.
        if line.kind == FURNITURE and not (line.link_like and line.category is None):
            furniture_run += 1
            if furniture_run >= HEADER_FURNITURE_RUN:
                break
            continue
        furniture_run = 0
        start = index
        taken += 1
        if taken >= HEADER_LINES:
            break
    return start


def _tie_to_zone(lines: list[Line], first: int, last: int) -> None:
    """HTML input: keep the lines the markup ties to the zone's prose, wherever they stand.

    - A ``<pre>`` element with prose in the zone is kept whole (a plain-text document or
      code: its numbered headings and short lines are its own, not a menu).
    - The story's body element (the parent element of most of the zone's prose) holds the
      article: its other children that are not links (``LINK_DENSE``) are kept, so a lead
      paragraph cut off by an inline promo, or a subheading in a ``<p>``, stays.
    """
    kept: set[int] = set()
    words: dict[str, int] = {}
    for index in range(first, last + 1):
        evidence = lines[index].evidence
        if lines[index].kind != PROSE or evidence is None:
            continue
        if evidence.tag == "pre":
            kept.add(id(evidence))
        parent = evidence.path.rpartition(">")[0]
        words[parent] = words.get(parent, 0) + lines[index].words
    body = max(words, key=words.__getitem__) if words else None
    if body is None or 2 * words[body] < sum(words.values()):
        body = None  # no one element holds most of the story
    for line in lines:
        evidence = line.evidence
        if evidence is None:
            continue
        if id(evidence) in kept or (
            evidence.path.rpartition(">")[0] == body and evidence.link_density < LINK_DENSE
        ):
            line.article = True  # kept as the markup's article container's lines are


def _remove(state: DocumentState, line: Line, category: str) -> None:
    if line.article:
        return  # the markup's article container holds it: the markup has had its say
    # A form field's label ("Email *") belongs to its form, whatever the word names.
    own = None if line.field else line.category
    state.remove_block(line.block, "boilerplate", own or category)


def find_page_zone(state: DocumentState) -> None:
    """Keep the article zone of a page; remove the rest with its category."""
    if not (state.page or is_page(state)):
        return
    state.page = True
    lines = classify_lines(state, lines_of(state))
    markup_as_text(state, lines)
    if state.evidence:
        _read_markup(state, lines)
    _context(state, lines)
    _contents(state, lines)
    weights = _weights(state, lines)
    _anchor_at_dates(state, lines, weights)
    run = _densest_run(weights)
    if run is None:
        state.notes.append("page: no run of prose found; the page is kept whole")
        return
    first, last = _trim_islands(lines, weights, *run)
    last = _tail_cut(lines, weights, first, last)
    last = closing_list(state, lines, last)  # the list the story closes with, if any
    if last + 1 < len(lines) and byline_shaped(lines[last + 1]):
        last += 1  # the post's own stamp below it: "Posted by Clare Whitlock at 10:42"
    start = _header_start(state, lines, first)
    if state.evidence:
        _tie_to_zone(lines, first, last)
    for line in lines[:start]:
        _remove(state, line, "navigation")
    _clear_zone(state, lines, (start, first, last))
    _clear_below(state, lines, last)


def _read_markup(state: DocumentState, lines: list[Line]) -> None:
    """HTML input: lines take their blocks' evidence; a short all-link line is furniture."""
    for line in lines:
        evidence = line.evidence = state.evidence_at(line.block.start)
        line.article = evidence is not None and evidence.article
        if (
            evidence is not None
            and line.kind == SHORT
            and not evidence.heading
            and not line.article
            and evidence.link_density >= LINK_LINE
            and not byline_shaped(line)
        ):
            line.kind = FURNITURE  # a short line that is all link: a menu item, a story link


def _clear_zone(state: DocumentState, lines: list[Line], zone: tuple[int, int, int]) -> None:
    """Remove the furniture inside the zone (``start``, its first prose ``first``, ``last``)."""
    start, first, last = zone
    section: str | None = None  # the furniture heading whose lines run on, if any
    for index in range(start, last + 1):
        line = lines[index]
        if line.kind == PROSE:
            section = None
            continue
        if line.category in _TAIL_CATEGORIES and not line.field and index > first:
            section = line.category  # (above the prose, a share bar opens no part)
        # A short line printed again elsewhere on the page (a menu item, a section label) is
        # furniture; the headline's copy above the prose stays.
        repeated = index >= first and line.repeated
        header = index < first and line.link_like and line.category is None
        if (line.kind == FURNITURE and not header) or repeated or section is not None:
            _remove(state, line, section or "navigation")


def _clear_below(state: DocumentState, lines: list[Line], last: int) -> None:
    """Remove everything below the zone, each part with the category its heading gives."""
    section: str | None = None
    items = 0  # lines under the current heading so far
    for index in range(last + 1, len(lines)):
        line = lines[index]
        opened = _section_after(state, lines, index, section, items)
        items = 0 if opened != section or line.category == opened else items + 1
        section = opened
        _remove(state, line, section or "navigation")


def _section_after(
    state: DocumentState, lines: list[Line], index: int, section: str | None, items: int
) -> str | None:
    """The category a furniture heading gives the lines below it, after the article.

    A heading ("Most read", "Leave a Reply") names what follows, until a heading of another
    kind: a known one gives its own category, an unknown short line after a blank line
    ("Labels") ends the part. A comment thread goes on to the next known heading.
    """
    line = lines[index]
    if line.category in _TAIL_CATEGORIES and not line.field:
        return line.category
    if section == "comments":
        return section  # commenters' names look like headings
    opens_block = items > 0 and not _adjacent(state, lines[index - 1], line)
    if opens_block and not line.bullet and line.words <= HEADING_WORDS and line.kind != PROSE:
        return None  # a heading of another kind ("Labels", "Blogs I Follow")
    return section
