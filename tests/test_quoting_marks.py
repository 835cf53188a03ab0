"""Pairing of quotation marks in one paragraph (:mod:`newsdoc.quoting.marks`)."""

from __future__ import annotations

import pytest

from newsdoc.quoting.marks import find_quote_parts


def _quoted(text: str) -> list[str]:
    return [text[part.start : part.end] for part in find_quote_parts(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a nested quote in the same marks: the outer quote is the one said
        (
            "“I would rather live in what he calls “chaos” than here,” one reader wrote.",
            ["“I would rather live in what he calls “chaos” than here,”"],
        ),
        (
            'She said "the board called it "a rounding error" and moved on" at the hearing.',
            ['"the board called it "a rounding error" and moved on"'],
        ),
        # the outer mark was a stray one: no closing mark after the nested quote
        (
            "“The ferry, he said, is “not for sale” and the town agrees.",
            ["“not for sale”"],
        ),
        (
            "“Stray mark here and “a quote” then “another one” later.",
            ["“a quote”", "“another one”"],
        ),
        # a second opening mark after a sentence end: a lost paragraph break, not nesting
        (
            '"We voted no. "We will vote no again," she said.',
            ['"We voted no.', '"We will vote no again,"'],
        ),
    ],
)
def test_pairs_marks(text: str, quoted: list[str]) -> None:
    assert _quoted(text) == quoted
