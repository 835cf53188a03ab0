"""Score newsdoc against the gold fields of the shared corpora and write ``docs/accuracy.md``.

Run from the repository root: ``python -m benchmarks.accuracy``
(or ``python benchmarks/accuracy.py``).
Gold comes from the corpus markup (see :mod:`benchmarks.corpora`), never from the parser.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[1] / "src"),
    ]

import newsdoc
from benchmarks import corpora, pages
from benchmarks.figures import Figure, Pair, speaker_figure, title_speaker_figure
from benchmarks.score_web import score_bbc, score_cnn_dailymail, score_fakenewsnet
from benchmarks.score_wire import score_isot, score_reuters


@functools.cache
def parsed(name: str) -> tuple[Pair, ...]:
    """Every document of corpus ``name`` with its parse (cached per process)."""
    return tuple(
        (doc, newsdoc.parse(doc.text, published=doc.published)) for doc in corpora.READERS[name]()
    )


SCORERS: dict[str, Callable[[Iterable[Pair]], list[Figure]]] = {
    "reuters21578": score_reuters,
    "isot_fake_real_news": score_isot,
    "cnn_dailymail": score_cnn_dailymail,
    "fakenewsnet": score_fakenewsnet,
    "bbc_fulltext": score_bbc,
}


# how each corpus is named in the table
LABELS = {
    "reuters21578": "Reuters-21578",
    "isot_fake_real_news": "ISOT",
    "cnn_dailymail": "CNN/DailyMail",
    "fakenewsnet": "FakeNewsNet",
    "bbc_fulltext": "BBC",
}


def score(name: str) -> list[Figure]:
    """Every figure of corpus ``name``: its gold fields, then the shape of its speakers."""
    pairs = parsed(name)
    label = LABELS[name]
    return [*SCORERS[name](pairs), speaker_figure(label, pairs), title_speaker_figure(label, pairs)]


def _polnear_figures() -> list[Figure]:
    """PolNeAR dev figures from ``benchmarks.polnear`` when that scorer is present."""
    try:
        from benchmarks import polnear
    except ImportError:
        return []
    default_split = getattr(polnear, "default_split", None)
    split = (
        default_split()
        if callable(default_split)
        else corpora.corpus_root() / "polnear" / "data" / "dev"
    )
    if not Path(split).exists():
        return []
    try:
        results = polnear.score(split)
    except Exception as error:  # another module's scorer: report it, keep the table
        print(f"PolNeAR scoring failed: {error!r}", file=sys.stderr)
        return []
    documents = int(results.get("documents", 0))
    figures = []
    for name, value in results.items():
        unit = "ratio"
        if name in {"documents", "gold_quotes"}:
            unit = "count"
        elif name.endswith("_per_s"):
            unit = "per second"
        figures.append(
            Figure("PolNeAR (dev)", f"{name} (info)", float(value), documents, unit=unit)
        )
    return figures


# what each resolution figure is called in the table, and which count it is over
RESOLUTION_FIELDS = {
    "accuracy": ("pronoun and description speakers resolved right", "matched"),
    "pronoun_acc": ("pronouns resolved right", "pronouns"),
    "description_acc": ("descriptions resolved right", "descriptions"),
    "anonymous_ok": ("unnamed speakers kept anonymous", "anonymous"),
}


def _resolution_figures() -> list[Figure]:
    """Speaker resolution on the hand-labelled PolNeAR referents (``benchmarks.resolution``)."""
    from benchmarks import resolution

    scorer = resolution.reference_scorer()
    figures = []
    for split in resolution.SPLITS:
        results = resolution.score(split, scorer) if scorer is not None else None
        if results is None:
            continue
        for key, (field, count) in RESOLUTION_FIELDS.items():
            figures.append(
                Figure(
                    f"PolNeAR resolution ({split})",
                    field,
                    float(results[key]),
                    int(results[count]),
                    resolution.TARGETS[key],
                )
            )
    return figures


def evaluate(names: Iterable[str] = corpora.CORPUS_NAMES) -> list[Figure]:
    """Every figure for the named corpora that are present."""
    figures: list[Figure] = []
    for name in names:
        if corpora.available(name):
            figures.extend(score(name))
    return figures


def _shown(figure: Figure) -> str:
    if figure.unit == "count":
        return f"{int(figure.value)}"
    if figure.unit == "per second":
        return f"{figure.value:,.0f}/s"
    return f"{100 * figure.value:.2f}%"


def render(figures: list[Figure]) -> str:
    """A Markdown table of the figures."""
    lines = [
        "| corpus | field | measured | n | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        target = ""
        if f.target is not None:
            target = ("< " if f.lower_is_better else "≥ ") + f"{100 * f.target:g}%"
        met = "" if f.target is None else ("yes" if f.meets_target else "**no**")
        lines.append(f"| {f.corpus} | {f.field} | {_shown(f)} | {f.count} | {target} | {met} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Print the table and write ``docs/accuracy.md``; exit 1 when a target is missed."""
    started = time.perf_counter()
    figures = evaluate() + _polnear_figures() + _resolution_figures() + pages.figures()
    if not figures:
        print(f"no corpus found under {corpora.corpus_root()}", file=sys.stderr)
        return 0
    table = render(figures)
    elapsed = time.perf_counter() - started
    print(table)
    print(f"({elapsed:.1f} s)")
    out = corpora.REPO / "docs" / "accuracy.md"
    # The web-page table is written by ``benchmarks.pages``: keep it.
    previous = out.read_text(encoding="utf-8") if out.exists() else ""
    pages_part = ""
    if pages.DOCS_START in previous:
        pages_part = "\n" + pages.DOCS_START + previous.split(pages.DOCS_START, 1)[1]
    out.write_text(
        "# Accuracy on the shared corpora\n\n"
        "Generated by `python -m benchmarks.accuracy` (see `benchmarks/README.md` for how\n"
        "each gold field is defined). Rows marked *info* have no target.\n\n" + table + pages_part,
        encoding="utf-8",
    )
    return 0 if all(f.meets_target for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
