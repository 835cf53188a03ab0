"""Accuracy on the shared corpora stays at or above its targets (skipped when absent).

Each corpus is parsed once per session (``benchmarks.accuracy.parsed`` caches it) and scored
against gold read from the corpus markup; see ``benchmarks/README.md``.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

import pytest

from conftest import REPO

CORPORA = ("reuters21578", "isot_fake_real_news", "cnn_dailymail", "fakenewsnet", "bbc_fulltext")
SPEAKER_FIELD = "resolved speakers that are run-on or cut names (no gold: their shape)"
TITLE_FIELD = "resolved speakers that are a title, heading or explainer title (no gold)"
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
    *((corpus, SPEAKER_FIELD, 0.001) for corpus in CORPORA),
    *((corpus, TITLE_FIELD, 0.0001) for corpus in CORPORA),
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


_FIGURES: dict[str, dict[str, Any] | BaseException] = {}


def _figures(accuracy: ModuleType, corpus: str) -> dict[str, Any]:
    """The figures of one corpus by name, scored once per session.

    A corpus that fails to parse fails only its own tests, and is not parsed again.
    """
    if not accuracy.corpora.available(corpus):
        pytest.skip(f"corpus {corpus} not found under {accuracy.corpora.corpus_root()}")
    if corpus not in _FIGURES:
        try:
            scored = accuracy.score(corpus)
        except Exception as error:  # keep the error: later tests report it without re-parsing
            _FIGURES[corpus] = error
            raise
        _FIGURES[corpus] = {figure.field: figure for figure in scored}
    found = _FIGURES[corpus]
    if isinstance(found, BaseException):
        pytest.fail(f"parsing {corpus} failed earlier in this session: {found!r}")
    return found


@pytest.mark.parametrize(("corpus", "field", "target"), TARGETS)
def test_figure_meets_target(accuracy: ModuleType, corpus: str, field: str, target: float) -> None:
    """The figure is measured on a non-empty gold set and reaches its target."""
    figure = _figures(accuracy, corpus)[field]
    assert figure.count > 0, f"{corpus}: no gold items for {field!r}"
    assert figure.target == target, f"scorer target {figure.target} differs from {target}"
    if figure.lower_is_better:
        assert figure.value < target, f"{corpus} {field}: {figure.value:.4f} not < {target}"
    else:
        assert figure.value >= target, f"{corpus} {field}: {figure.value:.4f} < {target}"


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_character_accounted_for(accuracy: ModuleType, corpus: str) -> None:
    """On real documents, every source character is kept or removed exactly once."""
    if not accuracy.corpora.available(corpus):
        pytest.skip(f"corpus {corpus} not found under {accuracy.corpora.corpus_root()}")
    from newsdoc import audit

    failing = [
        doc.identifier for doc, article in accuracy.parsed(corpus) if audit.problems(article)
    ]
    assert not failing, f"{len(failing)} {corpus} documents lose or repeat text: {failing[:5]}"
