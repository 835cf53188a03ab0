"""Many speakers, readable badges, and `newsdoc parse x --format html` as a standalone page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest

import newsdoc
from handmade import span_of
from newsdoc.card_page import article_page
from newsdoc.cli import main
from newsdoc.display import _LABEL, _ROOT, SPEAKER_HUES, article_html
from newsdoc.model import Quote
from test_display import BROWSERS, distinct_scanlines, parse_html

SPEAKERS = [f"Speaker {letter}" for letter in "ABCDEFGHIJKL"]
PANEL = "Town hall hears from residents\n\nBRIDGETON — Twelve residents spoke on Monday.\n\n" + (
    "\n\n".join(f'"Point number {n} matters," said {name}.' for n, name in enumerate(SPEAKERS))
)


def panel() -> newsdoc.Article:
    """An article with twelve quoted speakers, quotes placed by hand."""
    article = newsdoc.parse(PANEL)
    quotes = tuple(
        Quote(
            text=f"Point number {n} matters,",
            spans=(span_of(PANEL, f"Point number {n} matters,"),),
            kind="direct",
            speaker=name,
            speaker_mention=name,
            speaker_span=span_of(PANEL, name),
            cue="said",
            paragraph=n + 1,
        )
        for n, name in enumerate(SPEAKERS)
    )
    return attrs.evolve(article, quotes=quotes)


def test_more_than_eight_speakers_get_distinct_colours_and_a_legend() -> None:
    """Twelve speakers get twelve different colours, and a legend names each one."""
    root = parse_html(article_html(panel()))
    marks = root.find_all("nd-quote")
    colours = {mark.attrs["data-speaker"]: mark.attrs["style"] for mark in marks}
    assert len(colours) == len(SPEAKERS) > len(SPEAKER_HUES)
    assert len(set(colours.values())) == len(SPEAKERS)
    (legend,) = root.find_all("nd-legend")
    assert [item.text() for item in legend.find_all("nd-legend-item")] == SPEAKERS


def test_few_speakers_need_no_legend() -> None:
    """Up to eight speakers the colours are the hand-picked ones and there is no legend."""
    article = panel()
    few = attrs.evolve(article, quotes=article.quotes[:3])
    assert parse_html(article_html(few)).find_all("nd-legend") == []


def test_badges_are_readable_at_the_notebook_default() -> None:
    """Speaker badges are at least 12px at the card's base size."""
    base = float(re.search(r"font-size: ([0-9.]+)px", _ROOT).group(1))  # type: ignore[union-attr]
    scale = float(re.search(r"font-size: ([0-9.]+)em", _LABEL).group(1))  # type: ignore[union-attr]
    assert base * scale >= 12


def test_parse_format_html_writes_a_standalone_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`parse x --format html -o page.html` writes a whole page holding the article card."""
    story = tmp_path / "panel.txt"
    story.write_text(PANEL, encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["parse", str(story), "--format", "html", "-o", str(page)]) == 0
    markup = page.read_text(encoding="utf-8")
    assert markup.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in markup
    assert "<title>Town hall hears from residents</title>" in markup
    assert "<script" not in markup
    body = markup[markup.index("<body") : markup.index("</body>")]
    root = parse_html(body[body.index(">") + 1 :])
    assert len(root.find_all("newsdoc-article")) == 1
    assert markup == article_page(newsdoc.parse(PANEL))
    capsys.readouterr()


def test_page_renders_in_headless_chromium(tmp_path: Path) -> None:
    """A real browser draws the standalone page into a non-blank screenshot."""
    browser = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if browser is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    page = tmp_path / "page.html"
    page.write_text(article_page([panel(), panel()]), encoding="utf-8")
    shot = tmp_path / "page.png"
    command = [
        *(browser, "--headless", "--no-sandbox", "--disable-gpu"),
        *("--disable-background-networking", "--disable-component-update"),
        *("--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"),
        *(f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri()),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert shot.exists(), "no screenshot"
    png = shot.read_bytes()
    assert len(png) > 10_000
    assert distinct_scanlines(png) > 50, "the page looks blank"
