"""Rule ``quotes``: find quotes in the body paragraphs and attribute their speakers.

The machinery lives in :mod:`newsdoc.quoting`; this rule feeds it the paragraphs of
``state.sections`` (so ``Quote.paragraph`` indexes ``Article.paragraphs``) and stores the
result. Every span indexes ``state.source``.
"""

from __future__ import annotations

from newsdoc.quoting import extract_quotes
from newsdoc.state import DocumentState


def find_quotes(state: DocumentState) -> None:
    """Find quotes in the body paragraphs and attribute them (writes ``state.quotes``)."""
    paragraphs = [paragraph for section in state.sections for paragraph in section.paragraphs]
    state.quotes = extract_quotes(state.source, paragraphs, state.vocab)
