"""What the speaker index (``Article.speakers``) costs next to the parse, on every corpus.

Run from the repository root: ``python -m benchmarks.speaker_index [--limit N]``. For each
shared corpus present, the documents are parsed, then the index of each parse is built
(:func:`newsdoc.speakers.build_speakers`, once per article as ``Article.speakers`` does); both
are timed in CPU time of this process, so a busy machine moves the share little. The target
(issue 16) is an index under 5% of the parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[1] / "src"),
    ]

import newsdoc
from benchmarks import corpora
from newsdoc.speakers import build_speakers

TARGET = 0.05  # the index's share of the parse time


def measure(name: str, limit: int | None = None) -> tuple[int, int, float, float]:
    """Documents, quotes, parse seconds and index seconds (CPU) for corpus ``name``."""
    texts = [document.text for document in corpora.READERS[name]()][:limit]
    started = time.process_time()
    articles = [newsdoc.parse(text) for text in texts]
    parsed = time.process_time()
    for article in articles:
        build_speakers(article)
    indexed = time.process_time()
    quotes = sum(len(article.quotes) for article in articles)
    return len(texts), quotes, parsed - started, indexed - parsed


def main(argv: list[str] | None = None) -> int:
    """Print one line per corpus; exit 1 when the index costs more than its target."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--limit", type=int, metavar="N", help="documents per corpus")
    options = arguments.parse_args(argv)
    worst = 0.0
    print("| corpus | documents | quotes | parse (CPU s) | index (CPU s) | index / parse |")
    print("|---|---|---|---|---|---|")
    for name in corpora.CORPUS_NAMES:
        if not corpora.available(name):
            continue
        documents, quotes, parse_seconds, index_seconds = measure(name, options.limit)
        share = index_seconds / parse_seconds if parse_seconds else 0.0
        worst = max(worst, share)
        print(
            f"| {name} | {documents} | {quotes} | {parse_seconds:.2f} | {index_seconds:.3f}"
            f" | {share:.1%} |"
        )
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
