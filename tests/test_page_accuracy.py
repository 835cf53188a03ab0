"""Whole web pages, as text and as HTML: newsdoc keeps the article and drops the page
(skipped when the sets are absent).

The sets and the metric are those of ``benchmarks/pages.py`` (word 4-grams of what was kept
against the reader's article, mean over pages). The floors below guard what the ``page`` rule
reaches today, so that no change loses it; the issue's targets are in ``docs/accuracy.md``.
"""

from __future__ import annotations

import pytest
from benchmarks import pages, web_pages

# (set, F1 floor, recall floor): today's figures, less a little room for noise-free drift.
FLOORS = [("dragnet", 0.845, 0.885), ("readability", 0.894, 0.903)]
# HTML input (#15). Dragnet's gold keeps readers' comments, which newsdoc removes (category
# "comments"): its recall floor is far under the target for that reason.
HTML_FLOORS = [("dragnet", 0.80, 0.803), ("readability", 0.957, 0.973)]


@pytest.mark.parametrize(("name", "f1_floor", "recall_floor"), FLOORS)
def test_page_text_scores_stay_above_their_floor(
    name: str, f1_floor: float, recall_floor: float
) -> None:
    """Mean F1 and recall over the set's pages reach the floor; far above keeping the page."""
    if not web_pages.available(name):
        pytest.skip(f"web_pages/{name} is not in the corpus")
    precision, recall, f1 = pages.score(name, web_pages.newsdoc_text).scores
    floor_f1 = pages.score(name, pages.floor).scores[2]
    assert f1 >= f1_floor, f"{name}: F1 {f1:.3f} under {f1_floor} (P {precision:.3f})"
    assert recall >= recall_floor, f"{name}: recall {recall:.3f} under {recall_floor}"
    assert f1 > floor_f1 + 0.05, f"{name}: F1 {f1:.3f} barely above the whole page's {floor_f1}"


@pytest.mark.parametrize(("name", "f1_floor", "recall_floor"), HTML_FLOORS)
def test_html_scores_stay_above_their_floor(
    name: str, f1_floor: float, recall_floor: float
) -> None:
    """Mean F1 and recall of the HTML parse over the set's pages reach the floor."""
    pytest.importorskip("selectolax")
    if not web_pages.available(name):
        pytest.skip(f"web_pages/{name} is not in the corpus")
    precision, recall, f1 = pages.score(name, web_pages.newsdoc_html).scores
    assert f1 >= f1_floor, f"{name}: F1 {f1:.3f} under {f1_floor} (P {precision:.3f})"
    assert recall >= recall_floor, f"{name}: recall {recall:.3f} under {recall_floor}"


def test_text_that_is_no_page_is_never_taken_for_one() -> None:
    """Wire copy and corpus articles are not pages: the page rule removes nothing from them.

    (FakeNewsNet is left out: some of its records are scraped pages, menus and all.)
    """
    from benchmarks import corpora
    from benchmarks.accuracy import parsed  # cached: the corpus accuracy tests parse them too

    checked = 0
    for name in ("reuters21578", "bbc_fulltext", "cnn_dailymail", "isot_fake_real_news"):
        if not corpora.available(name):
            continue
        for document, article in parsed(name):
            assert not any(item.rule == "page" for item in article.removed), document.identifier
            checked += 1
    if not checked:
        pytest.skip("no text corpus present")
