"""Rule ``markup``: drop the blocks that an HTML page's markup clearly marks as furniture.

It does nothing for text input (no ``state.evidence``). For HTML input it removes, as
"boilerplate" with the evidence's category:

- blocks whose element or an ancestor is marked furniture (``BlockEvidence.furniture``: a
  ``nav``/``header``/``footer`` outside the article container, an ``aside`` or ``form``, a
  role, or a class/id/aria-label word of ``vocab/markup_words.txt``; see ``newsdoc.html.render``),
  readers' comment threads included ("comments");
- link-dense list items: a list item outside the article container that is mostly link text
  ("navigation"), and inside it a run of three or more such items ("related");
- story cards: three or more cards in a row, each a linked title with at most a short
  teaser under it in one element, the cards' elements alike but for their place (a list of
  other stories, inside the article container or not: "related");
- pull quotes: a short block of a ``blockquote``, ``aside`` or ``figure`` whose words repeat
  elsewhere on the page ("pullquote").

The ``segment`` rule may cut one rendered block into several (its lines); each piece takes
the evidence of the rendered block it lies in.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsdoc.state import BODY, Block, BlockEvidence, DocumentState

LINK_DENSE = 0.6  # a list item with this share of its characters in links is a link
RELATED_RUN = 3  # link-dense items in a row inside the article that make a related list
CARD_WORDS = 80  # a story card's title and teaser together are at most this long
PULL_QUOTE_WORDS = 40  # a longer block is not a pull quote
MIN_PULL_QUOTE_CHARS = 20  # a shorter repeat ("Photo", "Advertisement") says nothing
_PULL_QUOTE_STEPS = (">blockquote", ">aside", ">figure")
_LIST_ITEMS = frozenset(("li", "dd", "dt"))
_CELLS = frozenset(("td", "th", "caption"))
_NOT_WORD_OR_LINE = regex.compile(r"[^\w\n]+")
_PLACE = regex.compile(r":nth-child\(\d+\)")


def _blocks_with_evidence(state: DocumentState) -> Iterator[tuple[Block, BlockEvidence]]:
    for block in state.blocks:
        if block.role == BODY:
            evidence = state.evidence_at(block.start)
            if evidence is not None:
                yield block, evidence


def apply_markup(state: DocumentState) -> None:
    """Remove the blocks the markup marks as furniture (HTML input only)."""
    if not state.evidence:
        return
    kept: list[tuple[Block, BlockEvidence]] = []
    for block, evidence in _blocks_with_evidence(state):
        # Readers' comments go too: a comment thread is not the article (category "comments").
        if evidence.furniture is not None:
            state.remove_block(block, "boilerplate", evidence.furniture)
        elif (
            evidence.tag in _LIST_ITEMS
            and not evidence.article
            and evidence.link_density >= LINK_DENSE
        ):
            state.remove_block(block, "boilerplate", "navigation")
        else:
            kept.append((block, evidence))
    kept = _remove_related_runs(state, kept)
    kept = _remove_story_cards(state, kept)
    _remove_pull_quotes(state, kept)


def _remove_related_runs(
    state: DocumentState, kept: list[tuple[Block, BlockEvidence]]
) -> list[tuple[Block, BlockEvidence]]:
    """Remove runs of link-dense list items inside the article; the blocks left are returned."""
    run: list[Block] = []
    removed: set[int] = set()
    for block, evidence in [*kept, (None, None)]:
        if (
            block is not None
            and evidence is not None
            and evidence.tag in _LIST_ITEMS
            and evidence.link_density >= LINK_DENSE
        ):
            run.append(block)
            continue
        if len(run) >= RELATED_RUN:
            for item in run:
                state.remove_block(item, "boilerplate", "related")
                removed.add(item.start)
        run = []
    return [(block, evidence) for block, evidence in kept if block.start not in removed]


def _cards(
    state: DocumentState, kept: list[tuple[Block, BlockEvidence]]
) -> Iterator[tuple[str, list[Block], bool]]:
    """The kept blocks grouped by their card element, in order: each group's element path
    without places, its blocks, and whether it is shaped as a story card (a linked first
    block, every other block not a link, all of them short, none a table cell).

    A block's card element is the list item that holds it, else its parent element.
    """
    parent = ""
    blocks: list[Block] = []
    card = False
    words = 0
    for block, evidence in kept:
        item = evidence.path.rfind(">li")
        end = evidence.path.find(">", item + 1) if item >= 0 else -1
        path = evidence.path[:end] if end >= 0 else evidence.path.rpartition(">")[0]
        size = len(state.text_of(block).split())
        cell = evidence.tag in _CELLS
        if blocks and path == parent:
            blocks.append(block)
            words += size
            card = card and not cell and evidence.link_density < LINK_DENSE
            card = card and words <= CARD_WORDS
            continue
        if blocks:
            # no time limit: a fixed text and a digit run, linear in the path
            yield _PLACE.sub("", parent), blocks, card
        parent, blocks, words = path, [block], size
        card = not cell and evidence.link_density >= LINK_DENSE and words <= CARD_WORDS
    if blocks:
        # no time limit: a fixed text and a digit run, linear in the path
        yield _PLACE.sub("", parent), blocks, card


def _remove_story_cards(
    state: DocumentState, kept: list[tuple[Block, BlockEvidence]]
) -> list[tuple[Block, BlockEvidence]]:
    """Remove runs of story cards (a linked title and a teaser, again and again)."""
    run: list[list[Block]] = []
    shape = ""
    removed: set[int] = set()
    for card_shape, blocks, card in [*_cards(state, kept), ("", [], False)]:
        if card and run and card_shape == shape:
            run.append(blocks)
            continue
        if len(run) >= RELATED_RUN:
            for item in run:
                for block in item:
                    state.remove_block(block, "boilerplate", "related")
                    removed.add(block.start)
        run, shape = ([blocks], card_shape) if card else ([], "")
    return [(block, evidence) for block, evidence in kept if block.start not in removed]


def _key(text: str) -> str:
    # no time limit: a single character class, linear in the text
    return _NOT_WORD_OR_LINE.sub(" ", text.replace("\n", " ")).casefold().strip()


def _remove_pull_quotes(state: DocumentState, kept: list[tuple[Block, BlockEvidence]]) -> None:
    candidates = [
        block
        for block, evidence in kept
        if any(step in evidence.path for step in _PULL_QUOTE_STEPS)
        and len(state.text_of(block).split()) <= PULL_QUOTE_WORDS
    ]
    if not candidates:
        return
    # Every kept block's words once, one block a line: a pull quote occurs twice in it.
    lines = "\n".join(state.text_of(block).replace("\n", " ") for block, _ in kept)
    # no time limit: a single character class, linear in the text
    page = _NOT_WORD_OR_LINE.sub(" ", lines).casefold()
    for candidate in candidates:
        key = _key(state.clean_text_of(candidate))
        if len(key) >= MIN_PULL_QUOTE_CHARS and page.count(key) >= 2:
            state.remove_block(candidate, "boilerplate", "pullquote")
