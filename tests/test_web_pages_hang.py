"""Hang guard: every page of the web-page corpus parses within a per-page limit (issue #18).

Each page of ``web_pages/{dragnet,readability}`` is parsed once under a CPU-time limit of
``PAGE_LIMIT`` seconds (a typical page takes a few milliseconds): a page that runs past it
fails the test by name instead of hanging CI (the whole test takes about 7 s of CPU for the
1,481 pages). This is no speed test; it catches a runaway
pattern or a quadratic rule on real pages. Skips when the corpus is absent.

Modes are the inputs a page comes as: its page text, and its HTML bytes (``parse_html``).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest
import regex

import newsdoc
from conftest import CORPUS
from hang_guard import HangError, hang_guard

PAGE_LIMIT = 1.0  # CPU seconds per page
SETS = ("dragnet", "readability")


def _parse_text_file(path: Path) -> None:
    newsdoc.parse(path.read_text(encoding="utf-8", errors="replace"))


def _parse_html_file(path: Path) -> None:
    newsdoc.parse_html(gzip.decompress(path.read_bytes()))


# mode -> (folder under each set, file name pattern, parse one file)
MODES: dict[str, tuple[str, str, Callable[[Path], None]]] = {
    "text": ("text", "*.txt", _parse_text_file),
    "html": ("html", "*.html.gz", _parse_html_file),
}


def _pages(folder: str, pattern: str) -> list[Path]:
    return sorted(
        path for name in SETS for path in (CORPUS / "web_pages" / name / folder).glob(pattern)
    )


@pytest.mark.parametrize("mode", sorted(MODES))
def test_every_web_page_parses_within_its_limit(mode: str) -> None:
    """No page of the web-page corpus takes more than PAGE_LIMIT CPU seconds to parse."""
    folder, pattern, parse_file = MODES[mode]
    pages = _pages(folder, pattern)
    if not pages:
        pytest.skip(f"web-page corpus ({mode}) not found under {CORPUS / 'web_pages'}")
    newsdoc.parse("Warm-up.")  # load the vocabulary outside the first page's limit
    over = []
    for path in pages:
        try:
            with hang_guard(PAGE_LIMIT):
                parse_file(path)
        except HangError:
            over.append(f"{path.parent.parent.name}/{path.name}")
    assert over == [], f"{len(over)} page(s) ran past {PAGE_LIMIT} s: {over}"


def test_the_guard_stops_a_runaway_pattern() -> None:
    """The per-page guard turns a hang into an error (a catastrophic pattern stands in for a
    runaway rule): it interrupts the regex engine's own loop."""
    with pytest.raises(HangError), hang_guard(0.2):
        regex.match(r"(?:a|aa)+c", "a" * 200)
