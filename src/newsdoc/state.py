"""The mutable per-parse document state that the rules fold over.

Ownership of fields (which rule writes what):

- ``blocks``: ``segment`` creates them; later rules set ``role`` or trim/split them via the
  methods below, never by re-finding text, so spans never drift.
- ``headline``/``headline_span``: ``headline``; ``dek``/``dek_span``: ``dek``.
- ``dateline``: ``dateline``; ``byline`` and ``credits``: ``byline``; ``published``/``updated``:
  ``dates`` (``published`` starts as the caller's value).
- ``explainers``: ``explainers``; ``sections``: ``sections``; ``quotes``: ``quotes``.
- ``removed``: every rule, only through :meth:`DocumentState.remove` / :meth:`remove_block`.
- ``evidence``: the caller (HTML input) before the rules run; ``page``: ``page`` decides
  whether the text is a whole page around an article; ``site``: ``headline`` (page title) or
  HTML metadata; ``url``/``lang``: HTML metadata; ``metadata``: the caller (HTML input), merged
  into the fields above by the ``metadata`` rule.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs

from newsdoc.model import (
    Byline,
    Credit,
    Dateline,
    Explainer,
    Quote,
    Removed,
    Section,
    Span,
)
from newsdoc.text import normalize_space

if TYPE_CHECKING:
    from newsdoc.parser import ParserConfig
    from newsdoc.vocab import Vocabulary

BODY = "body"
HEADLINE = "headline"
DEK = "dek"
BYLINE = "byline"
DATELINE = "dateline"
HEADING = "heading"
EXPLAINER = "explainer"
CREDIT = "credit"
REMOVED = "removed"
EMPTY = "empty"  # a block whose text other elements took entirely


@attrs.define(slots=True)
class Block:
    """A run of source text (usually a paragraph or a line) with the role a rule gave it."""

    start: int
    end: int
    role: str = BODY
    wrapped: bool = False  # True when the block spans hard-wrapped lines to be re-flowed

    @property
    def span(self) -> Span:
        """The block's span."""
        return Span(self.start, self.end)


@attrs.frozen(slots=True)
class BlockEvidence:
    """What a page's markup says about one rendered block (HTML input only).

    ``tag`` is the block element's name ("p", "li", "h2", "td", ...); ``path`` a short element
    path and ``offset`` the element's character offset in the decoded HTML, so a block can be
    traced back to its element; ``furniture`` a category ("navigation", "comments", "share",
    ...) that the element or an ancestor's tag, class, id or role gives; ``article`` whether an
    article container (``<article>``, ``itemprop=articleBody``, ``<main>``) holds it;
    ``link_density`` the share of its characters inside links; ``heading`` 1–6 for h1–h6.
    """

    tag: str
    path: str
    offset: int
    furniture: str | None = None
    article: bool = False
    link_density: float = 0.0
    heading: int = 0


@attrs.frozen(slots=True)
class PageMetadata:
    """What an HTML page's metadata says, before the ``metadata`` rule merges it.

    Read from JSON-LD, OpenGraph, ``<meta>``, ``<time datetime>``, ``<link rel=canonical>``
    and ``<html lang>`` by ``newsdoc.html.metadata``; ``sources`` names where each field came
    from ("published": "JSON-LD datePublished"), for the notes on disagreements.
    """

    headline: str | None = None
    title: str | None = None  # the <title> text, site name and all
    authors: tuple[str, ...] = ()
    published: date | datetime | None = None
    updated: date | datetime | None = None
    site: str | None = None
    url: str | None = None
    lang: str | None = None
    sources: tuple[tuple[str, str], ...] = ()

    def source_of(self, field: str) -> str:
        """Where ``field`` came from ("page metadata" when not recorded)."""
        return dict(self.sources).get(field, "page metadata")


@attrs.define(slots=True)
class DocumentState:
    """Everything known about one document while the rules run."""

    source: str
    config: ParserConfig
    vocab: Vocabulary
    published: date | datetime | None = None
    blocks: list[Block] = attrs.Factory(list)
    headline: str | None = None
    headline_span: Span | None = None
    dek: str | None = None
    dek_span: Span | None = None
    byline: Byline | None = None
    dateline: Dateline | None = None
    updated: date | datetime | None = None
    credits: list[Credit] = attrs.Factory(list)
    explainers: list[Explainer] = attrs.Factory(list)
    sections: list[Section] = attrs.Factory(list)
    quotes: list[Quote] = attrs.Factory(list)
    removed: list[Removed] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    # Markup evidence by block start offset in ``source`` (empty for text input).
    evidence: dict[int, BlockEvidence] = attrs.Factory(dict)
    page: bool = False  # the source is a whole page (menus, lists, footers) around an article
    site: str | None = None
    url: str | None = None
    lang: str | None = None
    metadata: PageMetadata | None = None  # HTML input: the page's metadata (rule ``metadata``)
    current_rule: str = ""
    # Several rules ask whether the same line is boilerplate (headline, dek, duplicates, ...).
    _boilerplate_answers: dict[str, str | None] = attrs.field(factory=dict, init=False, repr=False)
    # The sorted starts of ``evidence``, made on the first lookup (evidence is set before).
    _evidence_keys: list[int] | None = attrs.field(default=None, init=False, repr=False)
    # Folded texts by span: a span's text never changes, however blocks are later cut.
    _clean_texts: dict[tuple[int, int], str] = attrs.field(factory=dict, init=False, repr=False)

    # -- reading -------------------------------------------------------------------------
    def text_of(self, block: Block) -> str:
        """The block's raw text."""
        return self.source[block.start : block.end]

    def clean_text_of(self, block: Block) -> str:
        """The block's text with line wraps and runs of white space folded to one space."""
        span = (block.start, block.end)
        text = self._clean_texts.get(span)
        if text is None:  # the dek rule asks again about the blocks it steps over
            text = self._clean_texts[span] = normalize_space(self.source[block.start : block.end])
        return text

    def boilerplate_category(self, text: str, key: str | None = None) -> str | None:
        """``vocab.boilerplate_category(text, key)``, worked out once per text in this parse."""
        answers = self._boilerplate_answers
        if text in answers:  # most lines are asked about once: no KeyError to raise and catch
            return answers[text]
        category = answers[text] = self.vocab.boilerplate_category(text, key)
        return category

    def evidence_at(self, offset: int) -> BlockEvidence | None:
        """The markup evidence of the rendered block that holds ``offset`` (None for text).

        Rules may split a rendered block (into lines, say): each piece keeps its block's.
        """
        if not self.evidence:
            return None
        if self._evidence_keys is None:
            self._evidence_keys = sorted(self.evidence)
        index = bisect.bisect_right(self._evidence_keys, offset) - 1
        return self.evidence[self._evidence_keys[index]] if index >= 0 else None

    def blocks_with_role(self, role: str) -> Iterator[Block]:
        """Blocks that currently have ``role``, in reading order."""
        return (block for block in self.blocks if block.role == role)

    def leading_body_blocks(self, limit: int) -> Iterator[tuple[int, Block]]:
        """The first ``limit`` blocks still counted as body, with their indices.

        Rules that look for page-top elements (stamps, datelines, bylines) search only here.
        """
        found = 0
        for index, block in enumerate(self.blocks):
            if block.role != BODY:
                continue
            found += 1
            if found > limit:
                return
            yield index, block

    def first_body_index(self) -> int | None:
        """Index of the first block still counted as body, or None."""
        for index, block in enumerate(self.blocks):
            if block.role == BODY:
                return index
        return None

    # -- changing ------------------------------------------------------------------------
    def remove(self, start: int, end: int, reason: str, category: str | None = None) -> None:
        """Record ``source[start:end]`` as dropped; the caller takes it out of the blocks."""
        if end <= start:
            return
        self.removed.append(
            Removed(self.source[start:end], Span(start, end), reason, self.current_rule, category)
        )

    def remove_block(self, block: Block, reason: str, category: str | None = None) -> None:
        """Drop a whole block, keeping it in ``removed`` with the reason."""
        self.remove(block.start, block.end, reason, category)
        block.role = REMOVED

    def split_block(self, index: int, at: int) -> Block:
        """Split ``blocks[index]`` at source offset ``at``; return the new right-hand block.

        White space at the cut stays outside both blocks.
        """
        block = self.blocks[index]
        left_end = at
        while left_end > block.start and self.source[left_end - 1].isspace():
            left_end -= 1
        right_start = at
        while right_start < block.end and self.source[right_start].isspace():
            right_start += 1
        right = Block(right_start, block.end, block.role, block.wrapped)
        block.end = left_end
        self.blocks.insert(index + 1, right)
        return right

    def trim_start(self, block: Block, new_start: int) -> None:
        """Move a block's start forward (past text another element took), skipping white space."""
        while new_start < block.end and self.source[new_start].isspace():
            new_start += 1
        block.start = new_start
        if block.start >= block.end:
            block.start = block.end
            block.role = EMPTY

    def trim_end(self, block: Block, new_end: int) -> None:
        """Move a block's end back, skipping white space."""
        while new_end > block.start and self.source[new_end - 1].isspace():
            new_end -= 1
        block.end = new_end
        if block.end <= block.start:
            block.end = block.start
            block.role = EMPTY
