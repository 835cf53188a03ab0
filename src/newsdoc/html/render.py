"""Render a parsed HTML page to text blocks, with each block's markup evidence.

Every block-level element's own text (its inline content between child blocks) becomes one
block; blocks are separated by a blank line, so the ``segment`` rule makes each its own
block. Inside a block white space folds to one space, ``<br>`` is a line break and two or more
``<br>`` in a row a blank line (old pages separate paragraphs that way); ``<pre>`` keeps its
white space; ``<q>`` gets quote marks. Table cells, list items and figure captions are blocks
of their own. ``script``, ``style``, ``noscript``, ``template``, form controls, embedded
media and hidden elements (``hidden``, ``aria-hidden="true"``, inline ``display:none`` or
``visibility:hidden``, a screen-reader-only class such as ``sr-only``) are never rendered.
The walk is iterative (no recursion) and linear in the number of nodes; ``docs/html.md`` has
the whole story.
"""

from __future__ import annotations

import itertools
from typing import Any

import attrs
import regex

from newsdoc.html.evidence import (
    MAX_ATTRIBUTE_CHARS,
    NO_MARKS,
    Marks,
    classify,
    is_hidden,
    names_of,
)
from newsdoc.html.scan import StartTags, names
from newsdoc.model import Element, Span
from newsdoc.state import BlockEvidence

BLOCK_TAGS = names(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html "
    "legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul"
)
SKIPPED_TAGS = names(
    "applet audio button canvas datalist embed head iframe input map math meta noscript "
    "object option select script style svg template textarea title video"
)
MAX_CONTAINERS = 500  # article-container candidates tracked per page
PROSE_WORDS = 12  # a block this long (or any <p>) counts as prose when containers are weighed
WRAPPER_SHARE = 0.25  # a container with this share of the best one's prose marks its wrappers
TIGHT_CONTAINER = 0.8  # the tightest container holding this share of the best one's prose wins

_SPACES = regex.compile(r"[ ]{2,}")
# The look-behind starts a match where a run of spaces starts: a search then reads each space once.
_SPACE_AT_BREAK = regex.compile(r"(?<![ ])[ ]*\n[ ]*")
_BREAKS = regex.compile(r"\n{3,}")
_QUOTE_MARKS = (("“", "”"), ("‘", "’"))


@attrs.define(slots=True)
class _Open:
    """An element open on the walk's stack."""

    tag: str
    number: int  # the element's number in document order
    position: int  # its place among its parent's element children (for :nth-child)
    offset: int
    block: bool  # a block element (in BLOCK_TAGS)
    depth: int  # its place on the stack: the elements below it are its ancestors
    children: int = 0  # element children seen so far (for :nth-child)
    path: str | None = None  # its CSS path, once a block in or under it asked for it
    prose_before: int = -1  # the page's prose when a marked element opened (-1: unmarked)
    link: bool = False
    quote: bool = False


@attrs.define(slots=True)
class _Pending:
    """A rendered block before the article container is known."""

    start: int
    end: int
    tag: str
    path: str
    offset: int
    marks: tuple[tuple[int, str, bool], ...]  # (element number, category, structural)
    containers: tuple[int, ...]
    link_density: float
    heading: int


@attrs.frozen(slots=True)
class Rendering:
    """A page rendered to text: the blocks' evidence by start offset and their elements."""

    text: str
    evidence: dict[int, BlockEvidence]
    elements: tuple[Element, ...]


class _Renderer:
    """One page's walk: collects block text, offsets and the evidence of each block."""

    def __init__(self, start_tags: StartTags) -> None:
        self.start_tags = start_tags
        self.marks_by_names: dict[tuple[str | None, ...], Marks] = {}
        self.pieces: list[str] = []  # the source so far
        self.length = 0
        self.buffer: list[str] = []  # inline text of the block being collected
        self.link_chars = 0
        self.pre = 0
        self.blocks: list[_Pending] = []
        self.stack: list[_Open] = []
        self.block_stack: list[_Open] = []
        self.marks: list[tuple[int, str, bool]] = []
        self.containers: list[int] = []
        # Both as tuples, for the blocks (None once either changes: most blocks share them).
        self.open_marks: tuple[tuple[tuple[int, str, bool], ...], tuple[int, ...]] | None = None
        self.container_ancestors: dict[int, frozenset[int]] = {}
        self.article_elements: set[int] = set()  # <article> and role=article elements
        self.prose: dict[int, int] = {}  # prose characters under each container or mark (> 0)
        self.size: dict[int, int] = {}  # all characters under each container (> 0)
        self.block_chars = 0  # the characters of the blocks so far
        self.chars_before: dict[int, int] = {}  # block_chars when each container opened
        self.total_prose = 0
        self.numbered = 0
        self.links = 0  # open <a href> elements
        self.quotes = 0  # open <q> elements

    # -- the walk ----------------------------------------------------------------------
    def walk(self, root: Any) -> None:
        """Visit every node under ``root`` in document order without recursion."""
        parents: list[Any] = []  # the entered nodes whose children are being walked
        enter, leave, text = self.enter, self.leave, self.text
        node = root
        while True:
            tag = node.tag
            if tag == "-text":
                text(node.text_content)
            elif tag and tag[0] != "-" and enter(node, tag):  # not a comment or doctype
                child = node.child
                if child is not None:
                    parents.append(node)
                    node = child
                    continue
                leave()
            while True:  # on to the next sibling, closing the parents that have none left
                if not parents:
                    return
                following = node.next
                if following is not None:
                    node = following
                    break
                node = parents.pop()
                leave()

    def enter(self, node: Any, tag: str) -> bool:
        """Open the element ``node``; True when its children are to be walked (and ``leave``
        called)."""
        # Every element counts, rendered or not: for :nth-child and for the start tags' order.
        stack = self.stack
        parent = stack[-1] if stack else None
        if parent is not None:
            parent.children += 1
        offset = self.start_tags.offset_of(tag)
        if tag == "br":
            self.line_break()
            return False
        if tag in SKIPPED_TAGS:
            self.skip(node)
            return False
        attributes = node.attributes  # a new dict on every read: read once
        get = attributes.get
        id_value = get("id")
        if id_value and id_value[-1] in _ASCII_DIGITS and len(id_value) <= MAX_ATTRIBUTE_CHARS:
            # Ids that end in a number ("comment-1093") say the same (see names_of): one key.
            id_value = id_value.rstrip(_ASCII_DIGITS) + "0"
        key = (tag, get("class"), id_value, get("role"), get("aria-label"), get("itemprop"))
        marks = self.marks_by_names.get(key)
        if marks is None:  # a page repeats its combinations
            marks = self.marks_by_names[key] = classify(*names_of(tag, attributes))
        if marks.hidden or (
            ("style" in attributes or "hidden" in attributes or "aria-hidden" in attributes)
            and is_hidden(attributes)
        ):
            self.skip(node)
            return False
        self.numbered += 1
        block = tag in BLOCK_TAGS
        position = parent.children if parent is not None else 0
        opened = _Open(tag, self.numbered, position, offset, block, len(stack))
        if block and self.buffer:
            self.flush()  # the text so far belongs to the blocks around this one
        stack.append(opened)
        if marks is not NO_MARKS:
            self._note_marks(opened, marks)
        if block:
            self.block_stack.append(opened)
            if tag == "pre":
                self.pre += 1
        elif tag == "a" and attributes.get("href") is not None:
            opened.link = True
            self.links += 1
        elif tag == "q":
            opened.quote = True
            self.buffer.append(_QUOTE_MARKS[self.quotes % 2][0])
            self.quotes += 1
        return True

    def skip(self, node: Any) -> None:
        """Pass over an element that is not rendered, and everything inside it."""
        if node.child is not None:  # the elements inside are in the scan's start tags
            self.start_tags.pass_over(
                inner.tag for inner in itertools.islice(node.traverse(), 1, None)
            )

    def leave(self) -> None:
        """Close the element on top of the stack."""
        opened = self.stack[-1]
        if opened.block:
            if self.buffer:
                self.flush()  # while the element is still on the stack, for its path
            self.block_stack.pop()
            if opened.tag == "pre":
                self.pre -= 1
        elif opened.link:
            self.links -= 1
        elif opened.quote:
            self.quotes -= 1
            self.buffer.append(_QUOTE_MARKS[self.quotes % 2][1])
        self.stack.pop()
        if opened.prose_before >= 0:
            number = opened.number
            prose = self.total_prose - opened.prose_before  # what was flushed while open
            if prose:
                self.prose[number] = prose
            while self.marks and self.marks[-1][0] == number:
                self.marks.pop()
            if self.containers and self.containers[-1] == number:
                self.containers.pop()
                size = self.block_chars - self.chars_before[number]  # flushed while open
                if size:
                    self.size[number] = size
            self.open_marks = None

    def _note_marks(self, opened: _Open, marks: Marks) -> None:
        tracked = False  # its prose is counted: a container's, a mark's
        if marks.structural is not None:
            self.marks.append((opened.number, marks.structural, True))
            tracked = True
        if marks.category is not None:
            self.marks.append((opened.number, marks.category, False))
            tracked = True
        if marks.article:
            self.article_elements.add(opened.number)
        if marks.container and len(self.container_ancestors) < MAX_CONTAINERS:
            self.containers.append(opened.number)
            # The container and the elements around it: their marks never apply to it.
            self.container_ancestors[opened.number] = frozenset(item.number for item in self.stack)
            self.chars_before[opened.number] = self.block_chars
            tracked = True
        if tracked:
            opened.prose_before = self.total_prose
            self.open_marks = None

    # -- text --------------------------------------------------------------------------
    def text(self, text: str | None) -> None:
        """Add a text node's text to the block being collected."""
        if not text:
            return
        if self.pre:
            piece = text
        elif text.isspace():  # the white space between tags (what split() splits on)
            if self.buffer:  # a block's text is stripped: none is needed before it starts
                self.buffer.append(" ")
            return
        elif "  " not in text and text.isprintable():
            piece = text  # no white space but single " ": folding would change nothing
        else:
            core = " ".join(text.split())
            piece = (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() else "")
        self.buffer.append(piece)
        if self.links:
            self.link_chars += len(piece.strip())

    def line_break(self) -> None:
        """``<br>``: a line break; a second in a row makes it a blank line."""
        self.buffer.append("\n")

    def flush(self) -> None:
        """End the block being collected and record it with its evidence."""
        if not self.buffer:
            return
        raw = "".join(self.buffer)
        self.buffer = []
        link_chars, self.link_chars = self.link_chars, 0
        if raw.isspace():  # the white space between two tags: stripped to nothing below
            return
        if self.pre:
            text = raw.strip("\n").rstrip()
        else:  # each substitution only where its pattern can match
            text = _SPACES.sub(" ", raw) if "  " in raw else raw
            if "\n" in text:
                text = _BREAKS.sub("\n\n", _SPACE_AT_BREAK.sub("\n", text))
            text = text.strip()
        if not text or not self.block_stack:
            return
        owner = self.block_stack[-1]
        if self.pieces:
            self.pieces.append("\n\n")
            self.length += 2
        start = self.length
        self.pieces.append(text)
        self.length += len(text)
        visible = len(text) - text.count(" ") - text.count("\n")
        prose = len(text) if owner.tag == "p" or text.count(" ") + 1 >= PROSE_WORDS else 0
        self.total_prose += prose
        self.block_chars += len(text)
        open_marks = self.open_marks
        if open_marks is None:
            open_marks = self.open_marks = tuple(self.marks), tuple(self.containers)
        heading = int(owner.tag[1]) if owner.tag in _HEADINGS else 0
        self.blocks.append(
            _Pending(
                start,
                self.length,
                owner.tag,
                self.path_of(owner),
                owner.offset,
                *open_marks,
                min(1.0, link_chars / visible) if visible else 0.0,
                heading,
            )
        )

    def path_of(self, owner: _Open) -> str:
        """The CSS path from ``body`` to ``owner`` (an open element).

        Each element's path is made once, from its parent's: the blocks of one parent share
        the whole path above them.
        """
        stack = self.stack
        known = owner.depth
        while known >= 0 and stack[known].path is None:
            known -= 1
        path = stack[known].path or "" if known >= 0 else ""
        for opened in stack[known + 1 : owner.depth + 1]:
            if opened.tag != "html":
                position = opened.position
                step = (
                    opened.tag
                    if not position or opened.tag == "body"
                    else f"{opened.tag}:nth-child({position})"
                )
                path = f"{path}>{step}" if path else step
            opened.path = path
        return path

    # -- the article container and the evidence -----------------------------------------
    def article_container(self) -> tuple[int | None, frozenset[int], frozenset[int]]:
        """The tightest container holding most of the page's prose (or None), the elements
        around it, and the elements around any container with a good part of that prose.

        An ``<article>`` is preferred to a body ``<div>`` inside it (so the article's header
        with its headline and byline is in) and to a ``<main>`` around it (sidebars, comments).
        """
        none: frozenset[int] = frozenset()
        if not self.prose or not self.container_ancestors:
            return None, none, none
        best = max(self.prose.get(number, 0) for number in self.container_ancestors)
        if best == 0:
            return None, none, none
        candidates = [
            number
            for number in self.container_ancestors
            if self.prose.get(number, 0) >= TIGHT_CONTAINER * best
        ]
        articles = [number for number in candidates if number in self.article_elements]
        chosen = min(articles or candidates, key=lambda number: (self.size.get(number, 0), -number))
        holders = none.union(
            *(
                ancestors
                for number, ancestors in self.container_ancestors.items()
                if self.prose.get(number, 0) >= WRAPPER_SHARE * best
            )
        )
        return chosen, self.container_ancestors[chosen], holders

    def rendering(self) -> Rendering:
        """The text, the evidence by block start and the elements, once the walk is done."""
        self.flush()
        container, wrapping, holders = self.article_container()
        evidence: dict[int, BlockEvidence] = {}
        elements = []
        for block in self.blocks:
            in_article = container is not None and container in block.containers
            evidence[block.start] = BlockEvidence(
                block.tag,
                block.path,
                block.offset,
                self._furniture(block, container, (wrapping, holders), in_article),
                in_article,
                block.link_density,
                block.heading,
            )
            elements.append(
                Element(Span(block.start, block.end), block.tag, block.path, block.offset)
            )
        return Rendering("".join(self.pieces), evidence, tuple(elements))

    def _furniture(
        self,
        block: _Pending,
        container: int | None,
        around: tuple[frozenset[int], frozenset[int]],
        in_article: bool,
    ) -> str | None:
        wrapping, holders = around
        for number, category, structural in reversed(block.marks):  # innermost first
            if number in wrapping:
                continue  # the mark is on an element that holds the article
            if not structural and number in holders:
                # A class word on an element that is or holds a container with a good part
                # of the prose (``<div id="main-content" class="has-sidebar">``): a wrapper.
                continue
            if container is None and 2 * self.prose.get(number, 0) > self.total_prose:
                continue  # no page is mostly furniture: this mark is on a wrapper
            if structural and in_article and category not in _FURNITURE_ANYWHERE:
                continue  # the article's own <header> and <footer>
            return category
        return None


_ASCII_DIGITS = "0123456789"
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# A <form> (a sign-up, a comment form) and an <aside> (a fact box, a related box) are no
# part of the story's text, inside the article too.
_FURNITURE_ANYWHERE = frozenset(("form", "sidebar"))


def render(root: Any, start_tags: StartTags) -> Rendering:
    """Render the element ``root`` (a selectolax node, usually ``<html>``) to text blocks."""
    renderer = _Renderer(start_tags)
    renderer.walk(root)
    return renderer.rendering()
