"""Derive the census part of ``vocab/first_names.txt`` (run by hand when it is rebuilt).

usage: python -m benchmarks.first_names DIST_DIR > first_names.census

``DIST_DIR`` holds the 1990 US Census name files ``dist.female.first``, ``dist.male.first``
and ``dist.all.last`` (public domain; shipped, for one, in the ``names`` 0.3.0 sdist on PyPI).
A name is kept when it is given to at least ``MIN_SHARE`` percent of its sex; when the other
sex is given it at most ``1 / MIN_RATIO`` as often (names given to both tell no gender); when
it is no more often a surname than a first name ("Williams", "Wilson"); when it is no word of
newsdoc's other vocabularies (places, months, titles, openers, ...); and when the shared
corpora write it capitalised mid-sentence at least as often as in lower case ("Will",
"Chance" and "Summer" are words first). The hand-made entries of the file always win.
"""

from __future__ import annotations

import collections
import itertools
import sys
from pathlib import Path

import regex

from benchmarks import corpora
from newsdoc.vocab import default_vocabulary

MIN_SHARE = 0.005  # percent of the sex given the name
MIN_RATIO = 20.0  # how much more often one sex is given it than the other
DOCS_PER_CORPUS = 20_000  # documents read for the common-word test
_WORD = regex.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\b|\b[a-z]+\b")


def _read(path: Path) -> dict[str, float]:
    shares = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share, _cumulative, _rank = line.split()
        shares[name.capitalize()] = float(share)
    return shares


def _usage(names: set[str]) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """How often the corpora write each name capitalised mid-sentence and in lower case."""
    capitalised: collections.Counter[str] = collections.Counter()
    lower: collections.Counter[str] = collections.Counter()
    lowered = {name.lower(): name for name in names}
    for name in corpora.CORPUS_NAMES:
        for document in itertools.islice(corpora.READERS[name](), DOCS_PER_CORPUS):
            for word in _WORD.findall(document.text):
                if word in names:
                    capitalised[word] += 1
                elif word in lowered:
                    lower[lowered[word]] += 1
    return capitalised, lower


def census_names(folder: Path) -> dict[str, str]:
    """Census first names that tell a gender, by the rules of the module's docstring."""
    female, male = _read(folder / "dist.female.first"), _read(folder / "dist.male.first")
    surnames = _read(folder / "dist.all.last")
    vocab = default_vocabulary()
    other_words = {word.lower() for word in vocab.places | vocab.titles | vocab.nationalities}
    other_words |= set(vocab.stop_words | vocab.non_name_words | vocab.sentence_openers)
    other_words |= set(vocab.group_words) | set(vocab.speaker_pronouns) | set(vocab.months)
    found: dict[str, str] = {}
    for shares, others, gender in ((female, male, "female"), (male, female, "male")):
        for name, share in shares.items():
            other = others.get(name, 0.0)
            if (
                share >= MIN_SHARE
                and share >= MIN_RATIO * other
                and share >= surnames.get(name, 0.0)
                and name.lower() not in other_words
            ):
                found[name] = gender
    capitalised, lower = _usage(set(found))
    return {name: gender for name, gender in found.items() if lower[name] <= capitalised[name]}


def main() -> int:
    """Print the census names that the hand-made file lacks, tab separated and sorted."""
    hand = default_vocabulary().first_names
    for name, gender in sorted(census_names(Path(sys.argv[1])).items()):
        if name not in hand:
            print(f"{name}\t{gender}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
