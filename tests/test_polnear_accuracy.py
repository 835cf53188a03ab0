"""Quote extraction stays at its PolNeAR dev figures (skipped when the corpus is absent)."""

from __future__ import annotations

import sys

import pytest

from conftest import CORPUS, REPO

DEV = CORPUS / "polnear" / "data" / "dev"
# issue 4 targets on the dev split; docs/s is checked at half its target for shared machines
E2E_F1 = 0.85
CONTENT_F1 = 0.96
SPEAKER_ACCURACY = 0.92
SPEAKER_ACCURACY_FLOOR = 0.92  # measured 0.923 (0.885 when the engine landed)
DOCS_PER_SECOND_FLOOR = 250.0


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    """The dev split scored once for all the tests of this module."""
    if not (DEV / "text").is_dir():
        pytest.skip(f"PolNeAR dev split not found at {DEV}")
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks import polnear
    finally:
        sys.path.remove(str(REPO))
    return polnear.score(DEV)


def test_dev_split_is_complete(figures: dict[str, float]) -> None:
    """All 84 dev articles and their 624 quote-bearing relations are scored."""
    assert figures["documents"] == 84
    assert figures["gold_quotes"] == 624


def test_content_f1(figures: dict[str, float]) -> None:
    """Quote contents are found with F1 >= 0.96 (containment >= 0.5)."""
    assert figures["content_f1"] >= CONTENT_F1


def test_speaker_accuracy(figures: dict[str, float]) -> None:
    """Matched quotes have their speaker inside the gold source span >= 92% of the time."""
    assert figures["speaker_acc"] >= SPEAKER_ACCURACY


def test_speaker_accuracy_does_not_regress(figures: dict[str, float]) -> None:
    """Speaker accuracy on matched quotes stays at its measured 0.92 or better."""
    assert figures["speaker_acc"] >= SPEAKER_ACCURACY_FLOOR


def test_end_to_end_f1(figures: dict[str, float]) -> None:
    """Content and speaker both right: F1 >= 0.85."""
    assert figures["e2e_f1"] >= E2E_F1


def test_parse_speed(figures: dict[str, float]) -> None:
    """The whole parse runs well above the floor on PolNeAR texts."""
    assert figures["docs_per_s"] >= DOCS_PER_SECOND_FLOOR
