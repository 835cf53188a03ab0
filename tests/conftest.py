"""Shared test helpers: where the shared corpus and seed live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = Path(os.environ.get("NEWSDOC_CORPUS", SHARED / "corpus"))
SEED = SHARED / "seeds" / "000_0939c7297312eb9e.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, read from ../shared (skips when the shared folder is absent)."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")
