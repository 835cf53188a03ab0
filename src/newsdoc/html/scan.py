"""A linear pre-scan of the HTML's start tags: limits before parsing, offsets for tracing.

The scan runs before the HTML parser. It counts tags and estimates how deep the markup is
nested, so a page built to be slow (a million tiny elements, 100,000 nested ``<div>``, on
which the parser's tree building is quadratic) is refused with a clear error before any tree
is built; and it records where each start tag is, so the renderer can give every block its
element's offset in the HTML: the n-th element of a tag name is taken to be the n-th start
tag of that name outside comments, scripts and styles (-1 when the parser made elements up).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs


def names(text: str) -> frozenset[str]:
    """The white-space separated names of ``text`` (tag lists read best as words)."""
    return frozenset(text.split())


MAX_TAGS = 250_000  # start tags in one page (the largest real news pages have ~30,000)
MAX_DEPTH = 5_000  # open elements at once, by the scan's estimate (real pages: under 100)

_TAG = re.compile(r"<(?:(!--)|/([A-Za-z][A-Za-z0-9-]*)|([A-Za-z][A-Za-z0-9-]*))")
_RAW_TEXT_END = {
    name: re.compile(f"</{name}", re.IGNORECASE)
    # raw text, and a template's content, which the parser keeps out of the tree
    for name in ("script", "style", "textarea", "title", "xmp", "plaintext", "template")
}
_VOID = names("area base br col embed hr img input keygen link meta param source track wbr")
# End tags that HTML lets a page leave out: not counted as nesting.
_OPTIONAL_END = names(
    "body caption colgroup dd dt head html li optgroup option p rb rp rt rtc tbody td "
    "tfoot th thead tr"
)
_NOT_NESTING = _VOID | _OPTIONAL_END


class MarkupLimitError(ValueError):
    """The HTML exceeds one of the limits that keep parsing linear (see ``docs/html.md``)."""


@attrs.define(slots=True)
class StartTags:
    """Offsets of the start tags of each tag name, handed out in document order."""

    positions: dict[str, list[int]]
    _unused: dict[str, Iterator[int]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._unused = {tag: iter(offsets) for tag, offsets in self.positions.items()}

    def offset_of(self, tag: str) -> int:
        """The offset of the next element named ``tag`` (-1 when the scan saw none left)."""
        unused = self._unused.get(tag)
        return -1 if unused is None else next(unused, -1)

    def pass_over(self, tags: Iterable[str]) -> None:
        """Take the next offsets of ``tags`` (elements that need none) without reading them."""
        unused = self._unused
        for tag in tags:
            if tag in unused:
                next(unused[tag], None)


def scan(html: str) -> StartTags:
    """Scan ``html`` once; raise :class:`MarkupLimitError` past a limit."""
    positions: dict[str, list[int]] = {}
    tags = depth = 0
    position = 0
    while True:  # the matches from ``position``, again after each comment and script
        for match in _TAG.finditer(html, position):
            if match[1]:  # a comment runs to "-->", or to the end when it never closes
                close = html.find("-->", match.end())
                if close < 0:
                    return StartTags(positions)
                position = close + 3
                break
            closed = match[2]
            if closed is not None:  # an end tag
                if depth and closed.lower() not in _NOT_NESTING:
                    depth -= 1
                continue
            name = match[3].lower()
            tags += 1
            if tags > MAX_TAGS:
                raise MarkupLimitError(
                    f"HTML has more than {MAX_TAGS:,} start tags (newsdoc.html.MAX_TAGS); "
                    "split the page or raise the limit"
                )
            found = positions.get(name)
            if found is None:
                positions[name] = [match.start()]
            else:
                found.append(match.start())
            if name not in _NOT_NESTING:
                depth += 1
                if depth > MAX_DEPTH:
                    raise MarkupLimitError(
                        f"HTML nests elements more than {MAX_DEPTH:,} deep "
                        "(newsdoc.html.MAX_DEPTH); such markup makes HTML parsing quadratic"
                    )
            end = _RAW_TEXT_END.get(name)
            if end is not None:  # a script's text is not markup: go on after its end tag
                closing = end.search(html, match.end())
                if closing is None:
                    return StartTags(positions)
                position = closing.end()
                break
        else:
            return StartTags(positions)
