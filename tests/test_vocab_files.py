"""Every vocabulary data file is sorted, free of repeats and of stray white space."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import newsdoc.vocab

VOCAB = Path(newsdoc.vocab.__file__).parent
FILES = sorted(VOCAB.rglob("*.txt"))


def _entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_vocabulary_files_exist() -> None:
    """The package ships its word lists and boilerplate phrase lists."""
    names = {path.relative_to(VOCAB).as_posix() for path in FILES}
    assert {"agencies.txt", "regions.txt", "months.txt", "boilerplate_patterns.txt"} <= names
    assert any(name.startswith("boilerplate/") for name in names)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.relative_to(VOCAB).as_posix())
def test_entries_sorted_unique_stripped(path: Path) -> None:
    """Entries are in sorted order, each once, without leading or trailing white space."""
    entries = _entries(path)
    assert entries, f"{path.name} has no entries"
    unstripped = [entry for entry in entries if entry != entry.strip()]
    assert not unstripped, f"{path.name}: entries with outer white space: {unstripped[:3]}"
    repeated = sorted({entry for entry in entries if entries.count(entry) > 1})
    assert not repeated, f"{path.name}: repeated entries: {repeated[:3]}"
    out_of_order = [
        (before, after) for before, after in itertools.pairwise(entries) if before > after
    ]
    assert not out_of_order, f"{path.name}: out of order: {out_of_order[:3]}"


@pytest.mark.parametrize(
    "path", sorted((VOCAB / "boilerplate").glob("*.txt")), ids=lambda path: path.name
)
def test_boilerplate_phrases_are_lower_case(path: Path) -> None:
    """Boilerplate phrases are matched case-folded, so they are written in lower case."""
    upper = [entry for entry in _entries(path) if entry != entry.casefold()]
    assert not upper, f"{path.name}: entries not in lower case: {upper[:3]}"
