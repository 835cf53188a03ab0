"""Quote extraction time grows near-linearly on quote-heavy pathological input."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from newsdoc.model import Paragraph, Span
from newsdoc.quoting import extract_quotes
from newsdoc.vocab import default_vocabulary

GROWTH = 8
MAX_RATIO = 30  # linear = 8, quadratic = 64


def _run_on_quotes(count: int) -> str:
    return "He said “a plan” and " * count + "left."


def _many_speakers(count: int) -> str:
    return "\n\n".join(
        f"Jo Smith{i} met Al Jones{i}. “Yes,” he said. “No,” Mr. Smith{i} said."
        for i in range(count)
    )


def _quote_windows(count: int) -> str:
    # one paragraph, a quote in every other sentence: thousands of quote windows
    return "“Yes,” he said. The vote was close. " * count


def _apostrophes_and_single_quotes(count: int) -> str:
    return "don’t ‘go there' " * count


def _seconds(text: str) -> float:
    paragraphs = []
    position = 0
    for chunk in text.split("\n\n"):
        paragraphs.append(Paragraph(chunk, Span(position, position + len(chunk))))
        position += len(chunk) + 2
    vocab = default_vocabulary()
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        extract_quotes(text, paragraphs, vocab)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize(
    "build",
    [_run_on_quotes, _many_speakers, _quote_windows, _apostrophes_and_single_quotes],
    ids=["run-on quotes", "many speakers", "quote windows", "apostrophes"],
)
def test_growth_is_near_linear(build: Callable[[int], str]) -> None:
    """Eight times the input takes far less than 64 times the time."""
    small, large = build(250), build(250 * GROWTH)
    ratio = _seconds(large) / max(_seconds(small), 1e-6)
    assert ratio < MAX_RATIO, f"{GROWTH}x input took {ratio:.0f}x time"
