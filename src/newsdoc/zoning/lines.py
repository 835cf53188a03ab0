"""The lines of a whole web page and what their shapes say, for the ``page`` rule.

A page rendering or a browser copy is split into lines (:func:`lines_of`); each line gets a
class from its own shape (:func:`classify_lines`: ``prose``, ``furniture`` or ``short``, with the
furniture category its text names), and the page as a whole is told from text that is no
page (:func:`is_page`). The zone decision over these lines is :mod:`newsdoc.rules.page`.
"""

from __future__ import annotations

import attrs
import regex

from newsdoc.state import BODY, Block, BlockEvidence, DocumentState
from newsdoc.text import KEY_OUTER_CHARACTERS, normalize_space
from newsdoc.zoning.furniture import LINK_MAX_WORDS, furniture_category

# Lines of a page, how many look like furniture before the text counts as a page.
MIN_FURNITURE_LINES = 12
MIN_FURNITURE_SHARE = 0.25

LONG_LINE_CHARS = 150  # a page holds a paragraph on one line longer than this
PAGE_BULLETS = 8  # ... and this many bullet lines,
PAGE_BARS = 2  # ... or this many separator bars ("Home | News | Sport"),
PAGE_CATEGORIES = 2  # ... or furniture phrases of this many kinds,
PAGE_MENU_LINES = 8  # ... or this many labels above its first prose

PROSE_WORDS = 10  # a prose line has at least this many words ...
LONG_PROSE_WORDS = 25  # ... and one this long is prose without a sentence end
MIN_STOP_SHARE = 0.2  # ... and this share of function words (English pages)
LABEL_WORDS = 4  # a line of at most this many words without sentence punctuation is a label
BULLET_LINK_WORDS = 25  # a bullet line this short is a link (a story list, a menu item)
BYLINE_WORDS = 15  # a byline or a post's stamp is at most this long
LINK_MIN_WORDS = 3
TITLE_CASE_SHARE = 0.6
LINK_LINE = 0.8  # HTML input: a short line with this share of its characters in links is one
LINK_DENSE = 0.6  # HTML input: a block with this share of its characters in links is a link

_WORD = regex.compile(r"\w+")
_WORD_CHARACTER = regex.compile(r"\w")
_ASCII_BYTES = bytes(range(128))
# Each byte a space but those of ASCII word characters ([A-Za-z0-9_]: \w within ASCII).
_SPACE_BUT_WORD_BYTES = bytes(
    byte if chr(byte).isascii() and (chr(byte).isalnum() or byte == ord("_")) else ord(" ")
    for byte in range(256)
)
# List bullets as page renderings and browser copies give them: "* ", "+ ", "• ", "- ", "1. ".
_BULLET = regex.compile(r"(?:[*+•·▪◦‣»›→-]|\d{1,3}[.)])[ \t]")
_SYMBOL_BULLETS = frozenset("*+•·▪◦‣»›→-")
_SYMBOL_BULLET = regex.compile(r"[*+•·▪◦‣»›→-][ \t]")
_SEPARATORS = frozenset("|•›»·")
_SENTENCE_END = frozenset('.!?"”’:;)…')
_BYLINE_OPENINGS = frozenset({"by", "posted", "written", "published", "updated"})
PROSE = "prose"
FURNITURE = "furniture"
SHORT = "short"


@attrs.define(slots=True)
class Line:
    """One line-level block of the page with what its shape says."""

    block: Block
    words: int
    kind: str
    category: str | None  # the furniture category its own text names, if any
    link_like: bool = False  # shaped like a story title: Title Case, no sentence end
    bullet: bool = False  # opens with a list bullet
    field: bool = False  # a form field's label ("Email *", "Name (required)")
    opening: str = ""  # the first word, case-folded
    article: bool = False  # HTML input: inside the page's article container (or tied to it)
    evidence: BlockEvidence | None = None  # HTML input: its rendered block's markup evidence
    repeated: bool = False  # its text (white space and case aside) is on other lines of the page


def lines_of(state: DocumentState) -> list[Block]:
    """Split every body block at its line breaks: a page line is a block of its own.

    Preformatted text (an HTML ``<pre>``: code, a plain-text document) keeps its lines
    together: they are wrapped by hand, and one of them says nothing alone.
    """
    index = 0
    while index < len(state.blocks):
        block = state.blocks[index]
        evidence = state.evidence_at(block.start) if state.evidence else None
        if block.role == BODY and (evidence is None or evidence.tag != "pre"):
            break_at = state.source.find("\n", block.start, block.end)
            if break_at != -1:
                state.split_block(index, break_at)
                block.wrapped = False
        index += 1
    return [block for block in state.blocks if block.role == BODY]


def _separators(text: str) -> int:
    """How many separator characters the line holds (one C-level count per character kind)."""
    if text.isascii():
        return text.count("|")  # the only separator in ASCII
    return sum(map(text.count, _SEPARATORS))


def _opens_with_bullet(text: str) -> bool:
    """The (non-empty) line opens with a list bullet."""
    first = text[0]  # a symbol or a digit (\d is within isdigit): the pattern is tried on few
    # no time limit: anchored, a few characters
    return (first in _SYMBOL_BULLETS or first.isdigit()) and _BULLET.match(text) is not None


def _furniture_shaped(text: str, separators: int) -> bool:
    """A line (of ``separators`` separators) that looks like page furniture by shape alone."""
    if len(text) < 80 and _opens_with_bullet(text):
        return True
    if separators >= 2:
        return True
    words = text.split(maxsplit=LABEL_WORDS)
    return len(words) <= LABEL_WORDS and text[-1] not in _SENTENCE_END


def is_page(state: DocumentState) -> bool:
    """The source is a whole page around an article (markup says so, or its lines' shapes).

    Many furniture-shaped lines are not enough: a listicle or a wire table has them too. A
    page also has a paragraph on one long line (hard-wrapped wire copy has none), and one
    mark that only pages make: list bullets, separator bars, furniture phrases of two kinds
    ("Share this", "Related"), or a run of labels above the first prose (a menu).
    """
    if state.evidence:
        return True
    if state.source.count("\n") < MIN_FURNITURE_LINES:
        return False  # too few lines to hold a page's furniture (most wire and corpus copy)
    source_lines = state.source.splitlines()
    if max(map(len, source_lines)) <= LONG_LINE_CHARS:
        return False  # hard-wrapped copy: no paragraph on one line
    # Once the furniture is its share of the most lines there can be, and a page's mark is
    # seen, no later line can change the answer (most pages are told in their first half).
    enough = max(MIN_FURNITURE_LINES, MIN_FURNITURE_SHARE * _most_lines(state, source_lines))
    lines = furniture = bullets = bars = above = 0
    prose_seen = False
    categories: set[str] = set()
    for block in state.blocks:
        if block.role != BODY:
            continue
        # Counted per line, as a page's lines will be, whatever ``segment`` grouped.
        for line in state.source[block.start : block.end].splitlines():
            text = line.strip()
            if not text:
                continue
            lines += 1
            separators = _separators(text)
            if _furniture_shaped(text, separators):
                furniture += 1
                above += not prose_seen
                # no time limit: anchored, two characters
                bullets += text[0] in _SYMBOL_BULLETS and _SYMBOL_BULLET.match(text) is not None
                bars += separators >= 2
                category = state.boilerplate_category(text)
                if category is not None:
                    categories.add(category)
                if furniture >= enough and _page_marks(bullets, bars, categories, above):
                    return True
            elif not prose_seen:
                prose_seen = len(text.split(maxsplit=PROSE_WORDS)) > PROSE_WORDS
    if furniture < MIN_FURNITURE_LINES or furniture < MIN_FURNITURE_SHARE * lines:
        return False
    return _page_marks(bullets, bars, categories, above)


def _page_marks(bullets: int, bars: int, categories: set[str], above: int) -> bool:
    """One mark only pages make: bullets, separator bars, two kinds of phrase, or a menu."""
    return (
        bullets >= PAGE_BULLETS
        or bars >= PAGE_BARS
        or len(categories) >= PAGE_CATEGORIES
        or above >= PAGE_MENU_LINES
    )


# The characters str.splitlines breaks lines at ("\r\n" is one break).
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _most_lines(state: DocumentState, source_lines: list[str]) -> int:
    """At most how many non-empty lines :func:`is_page` counts in the body blocks.

    Each one starts where a non-empty line of the source (``source_lines``) starts, or where
    a body block starts inside a line.
    """
    source = state.source
    inside = sum(
        block.role == BODY and block.start > 0 and source[block.start - 1] not in _LINE_BREAKS
        for block in state.blocks
    )
    return len(source_lines) - source_lines.count("") + inside


def _words(text: str) -> list[str]:
    """The line's words: its ``\\w+`` runs."""
    if text.isascii():
        encoded = text.encode("ascii")
    else:
        encoded = text.encode("utf-8", "surrogatepass")
        # Only the characters outside ASCII are searched here: the UTF-8 form without its
        # ASCII bytes (never part of another character's bytes) is theirs.
        rest = encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        # no time limit: one character
        if _WORD_CHARACTER.search(rest) is not None:
            # no time limit: a plain \w+ run
            return _WORD.findall(text)
    # No character outside ASCII is a word character: the words are the runs of ASCII ones,
    # and with every other byte made a space, str.split finds them in half a regex's time.
    return encoded.translate(_SPACE_BUT_WORD_BYTES).decode("ascii").split()


def _enough_stop_words(words: list[str], stop: frozenset[str]) -> bool:
    """At least ``MIN_STOP_SHARE`` of the (case-folded) words are function words (of ``stop``).

    Prose reaches the share in its first half: the second is read only when it does not.
    """
    count = len(words)
    half = count // 2
    found = sum(map(stop.__contains__, words[:half]))
    if found / count < MIN_STOP_SHARE:
        found += sum(map(stop.__contains__, words[half:]))
    return found / count >= MIN_STOP_SHARE


def classify_lines(state: DocumentState, blocks: list[Block]) -> list[Line]:
    """Each block's :class:`Line`; a text the page repeats (a menu item) is classified once."""
    source = state.source
    # Each distinct text: its folded form (white space runs folded, case-folded; its comparison
    # key less the outer punctuation) and its shape.
    shapes: dict[str, tuple[str, _Shape]] = {}
    copies: dict[str, int] = {}  # lines by folded text
    known_shapes = []
    for block in blocks:
        text = source[block.start : block.end]
        known = shapes.get(text)
        if known is None:
            folded = normalize_space(text).casefold()
            known = shapes[text] = folded, _shape(state, text, folded.strip(KEY_OUTER_CHARACTERS))
        copies[known[0]] = copies.get(known[0], 0) + 1
        known_shapes.append(known)
    return [
        Line(block, *shape, repeated=copies[folded] > 1)
        for block, (folded, shape) in zip(blocks, known_shapes, strict=True)
    ]


# Line's fields after ``block``, up to ``opening``, in their order.
_Shape = tuple[int, str, str | None, bool, bool, bool, str]


def _shape(state: DocumentState, text: str, key: str) -> _Shape:
    """What a line's text (of comparison key ``key``) says: ``Line``'s fields, in their order."""
    # The key's words are the text's, case-folded: case folding keeps word characters word
    # characters and the others not (checked over all of Unicode, in the tests), and the key
    # differs from the folded text in white space and outer punctuation only.
    words = _words(key)
    count = len(words)
    category = furniture_category(state, text, key, words)
    bullet = _opens_with_bullet(text)
    separators = _separators(text)
    # A byline or date line can hold bars ("By Ana Ruiz | March 5, 2024 | 3 Comments").
    opening = words[0] if words else ""
    bar = separators >= 2 and count < 3 * separators + 3 and opening not in _BYLINE_OPENINGS
    if category is not None or bar:
        field = count <= LABEL_WORDS and text.casefold().endswith(("*", "(required)"))
        return count, FURNITURE, category, False, bullet, field, opening
    last = text[-1]
    if bullet and count <= BULLET_LINK_WORDS and last not in ".!?":
        return count, FURNITURE, None, False, bullet, False, opening
    if count >= PROSE_WORDS and (last in _SENTENCE_END or count >= LONG_PROSE_WORDS):
        stop = state.vocab.stop_words
        if not stop or _enough_stop_words(words, stop):
            return count, PROSE, None, False, bullet, False, opening
    title = LINK_MIN_WORDS <= count <= LINK_MAX_WORDS and _title_shaped(text)
    return count, SHORT, None, title, bullet, False, opening


def byline_shaped(line: Line) -> bool:
    """The line opens as a byline or a post's stamp does: "By ...", "Posted ...", "Written ..."."""
    return line.opening in _BYLINE_OPENINGS and line.words <= BYLINE_WORDS


def _title_shaped(text: str) -> bool:
    """Three to twenty words (checked by the caller), most of the longer ones capitalised, no
    closing full stop."""
    if text[-1] in ".:;,":
        return False
    initials = [word[0] for word in _words(text) if len(word) > 3]  # of the longer words
    return bool(initials) and sum(map(str.isupper, initials)) >= TITLE_CASE_SHARE * len(initials)


# A year of a date stamp ("July 21, 2012", "24 July 2012 Last updated at 05:40 ET", "09/06/2012").
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMERIC_DATE = regex.compile(r"(?<!\d)\d{1,2}[/.]\d{1,2}[/.](?:\d\d){1,2}(?!\d)")
DATE_LINE_WORDS = 12  # a date stamp, with its time and zone, is at most this long


def date_shaped(state: DocumentState, line: Line) -> bool:
    """The line is a date stamp: short, not prose, a year with a month name or a numeric date."""
    if line.words > DATE_LINE_WORDS or line.kind == PROSE:
        return False
    text = state.text_of(line.block)
    # A year opens "19" or "20": two substring tests rule out most lines for less than a search.
    # no time limit: a fixed-width year between digit look-arounds
    if ("20" not in text and "19" not in text) or _YEAR.search(text) is None:
        return False
    months = state.vocab.months
    if any(word.casefold() in months for word in _WORD.findall(text)):
        return True
    # no time limit: bounded digit runs, no nesting
    return _NUMERIC_DATE.search(text) is not None


def without_bullet(text: str) -> str:
    """The line's text after its list bullet, if it opens with one ("* Preparing the Data")."""
    # no time limit: anchored, a few characters
    bullet = _BULLET.match(text)
    return text if bullet is None else text[bullet.end() :].lstrip()
