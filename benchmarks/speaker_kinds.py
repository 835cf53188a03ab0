"""Draw the hand-check sample of ``person`` speakers (issue 16), 50 per corpus.

Run from the repository root: ``python -m benchmarks.speaker_kinds [--corpus NAME] [--size N]
[--seed N]``.
For each shared corpus present, every document is parsed (with its issue date, as the accuracy
harness does), the distinct names of the speakers of kind ``person`` are gathered from
``Article.speakers`` and sorted, and ``random.sample`` draws 50 of them after
``random.seed(16)``. The sample is printed to the terminal, one name a line, for a reader to
judge each as a person's name or not (the method of the "Hand check of speaker kinds" in
``benchmarks/README.md``); ``--seed`` draws another sample, to see how much one draw says.
The names come from the corpus texts: print them, never commit them.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[1] / "src"),
    ]

import newsdoc
from benchmarks import corpora

SEED = 16  # the number: the documented seed of the sample
SAMPLE_SIZE = 50


def person_speakers(name: str) -> list[str]:
    """The distinct names of ``person`` speakers over every parse of corpus ``name``, sorted."""
    found: set[str] = set()
    for document in corpora.READERS[name]():
        article = newsdoc.parse(document.text, published=document.published)
        found.update(
            speaker.name for speaker in article.speakers.values() if speaker.kind == "person"
        )
    return sorted(found)


def sample(names: list[str], size: int = SAMPLE_SIZE, seed: int = SEED) -> list[str]:
    """``size`` names drawn from ``names`` as documented: ``random.seed(seed)`` (16), then
    ``random.sample`` (every name when there are fewer)."""
    random.seed(seed)
    return random.sample(names, min(size, len(names)))


def main(argv: list[str] | None = None) -> int:
    """Print each corpus's sample, numbered, under a line with the count it was drawn from."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--corpus", choices=corpora.CORPUS_NAMES, action="append")
    arguments.add_argument("--size", type=int, default=SAMPLE_SIZE, metavar="N")
    arguments.add_argument("--seed", type=int, default=SEED, metavar="N")
    options = arguments.parse_args(argv)
    for name in options.corpus or corpora.CORPUS_NAMES:
        if not corpora.available(name):
            continue
        names = person_speakers(name)
        print(f"## {name}: {len(names)} distinct person speakers")
        for number, speaker in enumerate(sample(names, options.size, options.seed), start=1):
            print(f"{number:3d}  {speaker}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
