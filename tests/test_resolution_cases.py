"""Each speaker-resolution case in ``tests/resolution_cases.json`` resolves as expected."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from test_quotes_cases import _check, _quotes

CASES_FILE = Path(__file__).resolve().parent / "resolution_cases.json"
CASES: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    """The case's text yields exactly its expected quotes, with speaker and kind."""
    quotes = _quotes(case["text"])
    assert len(quotes) == len(case["quotes"]), [q.text for q in quotes]
    for quote, expected in zip(quotes, case["quotes"], strict=True):
        _check(quote, expected)
