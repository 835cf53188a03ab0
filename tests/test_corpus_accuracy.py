"""Accuracy on the shared corpora stays at or above its targets (skipped when absent).

Each corpus is parsed once per session (``benchmarks.accuracy.parsed`` caches it) and scored
against gold read from the corpus markup; see ``benchmarks/README.md``.
"""

from __future__ import annotations

import sys
from types import ModuleType

import pytest

from conftest import REPO

# (corpus folder, figure name, target); lower-is-better figures are marked by the scorer.
TARGETS = [
    ("reuters21578", "headline = TITLE", 0.995),
    ("reuters21578", "dateline location", 0.995),
    ("reuters21578", "dateline date", 0.995),
    ("reuters21578", "byline authors + agency", 0.98),
    ("reuters21578", "sign-off removed", 0.995),
    ("reuters21578", "placeholder removed", 0.995),
    ("reuters21578", "removal precision", 0.99),
    ("reuters21578", "paragraphs: no mid-sentence break", 0.99),
    ("reuters21578", "tables kept whole, one row per line", 0.99),
    ("isot_fake_real_news", "dateline location + agency", 0.995),
    ("isot_fake_real_news", "image credit removed, nothing else", 0.98),
    ("isot_fake_real_news", "rows without credit that lost text", 0.005),
    ("cnn_dailymail", "(CNN)-style dateline", 0.99),
    ("cnn_dailymail", "Daily Mail header: byline, published, updated", 0.99),
    ("fakenewsnet", "headline = page title", 0.97),
    ("fakenewsnet", "title repeated atop body removed", 0.97),
    ("fakenewsnet", "boilerplate recall (all lines)", 0.95),
    ("fakenewsnet", "boilerplate recall (mean over families)", 0.95),
    ("bbc_fulltext", "headline = line 1", 1.0),
    ("bbc_fulltext", "body paragraphs removed", 0.005),
    ("bbc_fulltext", "articles given a dateline or byline (none exist)", 0.005),
]


@pytest.fixture(scope="session")
def accuracy() -> ModuleType:
    """The ``benchmarks.accuracy`` module (it lives beside ``src``, not inside the package)."""
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks import accuracy as module
    finally:
        sys.path.remove(str(REPO))
    return module


@pytest.fixture(scope="session")
def figures(accuracy: ModuleType) -> dict[tuple[str, str], object]:
    """Every figure of every corpus present, keyed by (corpus folder, figure name)."""
    found = {}
    for name in accuracy.corpora.CORPUS_NAMES:
        if accuracy.corpora.available(name):
            for figure in accuracy.SCORERS[name](accuracy.parsed(name)):
                found[(name, figure.field)] = figure
    return found


@pytest.mark.parametrize(("corpus", "field", "target"), TARGETS)
def test_figure_meets_target(
    accuracy: ModuleType,
    figures: dict[tuple[str, str], object],
    corpus: str,
    field: str,
    target: float,
) -> None:
    """The figure is measured on a non-empty gold set and reaches its target."""
    if not accuracy.corpora.available(corpus):
        pytest.skip(f"corpus {corpus} not found under {accuracy.corpora.corpus_root()}")
    figure = figures[(corpus, field)]
    assert figure.count > 0, f"{corpus}: no gold items for {field!r}"
    assert figure.target == target, f"scorer target {figure.target} differs from {target}"
    if figure.lower_is_better:
        assert figure.value < target, f"{corpus} {field}: {figure.value:.4f} not < {target}"
    else:
        assert figure.value >= target, f"{corpus} {field}: {figure.value:.4f} < {target}"
