"""Rule ``quotes``: find quotes in the body paragraphs and attribute their speakers.

Direct quotes (“We will wait,” Mr. Lavrov said), partial quotes (a “dead-end” approach)
and quotes split by their attribution (“A,” she said, “B.” is one quote with two spans) are
found in the paragraphs of ``state.sections``, so ``Quote.paragraph`` indexes
``Article.paragraphs``. Each quote keeps its local speaker mention ("Mr. Rau", "she") and
span, the full name it resolves to, a role from titles and appositions, and the cue verb.
A quoted fragment with no speaker anywhere in its sentence is taken for scare quotes and left
out, as are quoted titles ("NBC’s “Meet the Press”") and nicknames. Cue verbs, titles,
honorifics and the other word lists are data files in :mod:`newsdoc.vocab`. The machinery
lives in :mod:`newsdoc.quoting`; every span indexes ``state.source``.
"""

from __future__ import annotations

from newsdoc.quoting import extract_quotes
from newsdoc.state import DocumentState


def find_quotes(state: DocumentState) -> None:
    """Find quotes in the body paragraphs and attribute them (writes ``state.quotes``)."""
    paragraphs = [paragraph for section in state.sections for paragraph in section.paragraphs]
    names = _without_removed(state) if state.page else state.source
    state.quotes = extract_quotes(state.source, paragraphs, state.vocab, names)


def _without_removed(state: DocumentState) -> str:
    """The source with every removed span made line breaks (offsets kept, and no name runs
    across one): on a page, the names of its menus, story lists and footers are nobody a
    speaker's "he" stands for, and reading them for names would cost most of the parse."""
    source, pieces, at = state.source, [], 0
    for item in sorted(state.removed, key=lambda removed: removed.span.start):
        start, end = max(at, item.span.start), item.span.end
        if end > start:
            pieces.append(source[at:start])
            pieces.append("\n" * (end - start))
            at = end
    pieces.append(source[at:])
    return "".join(pieces)
