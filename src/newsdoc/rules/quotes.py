"""Rule ``quotes``: placeholder until the attribution engine lands (issue 4)."""

from __future__ import annotations

from newsdoc.state import DocumentState


def find_quotes(state: DocumentState) -> None:
    """Find quotes in the body paragraphs."""
