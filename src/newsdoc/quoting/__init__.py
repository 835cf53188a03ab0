"""Quote finding and speaker attribution: pure functions over source offsets.

``marks`` pairs quotation marks, ``tokens`` splits paragraphs into words and whole quotes,
``names`` reads speaker mentions, ``attribution`` matches cues, ``resolve`` links mentions to
full names, and ``extract`` puts them together into :class:`newsdoc.model.Quote` records.
"""

from __future__ import annotations

from newsdoc.quoting.extract import extract_quotes

__all__ = ["extract_quotes"]
