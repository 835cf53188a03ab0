"""Score newsdoc on whole web pages (``web_pages/``): kept text, metadata and speed.

    python -m benchmarks.score_pages                    # both sets, HTML and text input
    python -m benchmarks.score_pages --mode html --peers --worst 10

A page's prediction is what newsdoc kept (the source with every ``Article.removed`` span cut
out), compared with ``gold/NAME.txt`` as multisets of lower-cased word 4-grams, as the shared
``eval/score_pages.py`` does; figures are means over pages. On the Readability set the
metadata is scored too (``meta/NAME.json``): headline = ``title``, byline authors against a
personal ``byline``, published date = ``publishedTime``'s date. ``--peers`` adds trafilatura
(the ``bench`` extra) measured in the same run. :func:`figures` gives the rows that
``benchmarks.accuracy`` puts in ``docs/accuracy.md``. The pages are read by path, never copied.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import regex

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[1] / "src"),
    ]

import newsdoc
from benchmarks import corpora
from benchmarks.figures import Figure

SETS = ("dragnet", "readability")
TARGETS = {"dragnet": 0.92, "readability": 0.95}  # kept-text F1 (#15), recall ≥ 0.95 both
RECALL_TARGET = 0.95
SPEED_INTRO = (
    "`python -m benchmarks.score_pages --speed --peers --write-docs`: every page of the "
    "Dragnet and Readability sets (1,481), `newsdoc.parse_html(bytes)` (decoding, the HTML "
    "parse, rendering, metadata and every rule) and `trafilatura.extract(bytes)` page by page "
    "in the same run, timed in CPU seconds of this process (`time.process_time`). Targets "
    "(#15): median ≤ 10 ms, no page over 100 ms, ≥ 3× trafilatura's pages per second.\n"
)
_WORD = regex.compile(r"\w+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
# A byline that names a person: not an organisation or a bare "Staff", and not what
# Readability took for one on three pages ("... Updated April 29", "Follow Author").
_NOT_PERSONAL = regex.compile(
    r"(?i)\b(staff|team|editor|editors|news|agency|press|reuters|follow|updated)\b"
)


def pages_root() -> Path:
    """The ``web_pages`` folder of the shared corpora."""
    return corpora.corpus_root() / "web_pages"


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of lower-cased word 4-grams (single words for a shorter text)."""
    words = _WORD.findall(text.casefold())
    n = 4 if len(words) >= 4 else 1
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``predicted`` against ``gold`` (4-gram multisets)."""
    p, g = shingles(predicted), shingles(gold)
    hits = sum((p & g).values())
    precision = hits / sum(p.values()) if p else 1.0
    recall = hits / sum(g.values()) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def kept_text(article: newsdoc.Article) -> str:
    """The source with every removed span cut out."""
    pieces, at = [], 0
    for item in sorted(article.removed, key=lambda removed: removed.span):
        if item.span.start > at:
            pieces.append(article.source[at : item.span.start])
        at = max(at, item.span.end)
    pieces.append(article.source[at:])
    return "\n".join(pieces)


def page_names(name: str) -> list[str]:
    """The page names of set ``name`` (empty when the set is absent)."""
    folder = pages_root() / name / "gold"
    return sorted(path.stem for path in folder.glob("*.txt")) if folder.is_dir() else []


def read_html(name: str, page: str) -> bytes:
    """A page's HTML bytes."""
    return gzip.decompress((pages_root() / name / "html" / f"{page}.html.gz").read_bytes())


def _text_of_page(name: str, page: str) -> str:
    return (pages_root() / name / "text" / f"{page}.txt").read_text(encoding="utf-8")


def _parsers(mode: str) -> Callable[[str, str], tuple[str, newsdoc.Article | None]]:
    def parse(name: str, page: str) -> tuple[str, newsdoc.Article | None]:
        if mode == "html":
            article = newsdoc.parse_html(read_html(name, page))
        else:
            article = newsdoc.parse(_text_of_page(name, page))
        return kept_text(article), article

    return parse


def _has_trafilatura() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def _trafilatura(name: str, page: str) -> tuple[str, newsdoc.Article | None]:
    import trafilatura

    return trafilatura.extract(read_html(name, page)) or "", None


def run(
    name: str, system: Callable[[str, str], tuple[str, newsdoc.Article | None]]
) -> dict[str, object]:
    """Score ``system`` on set ``name``: mean P/R/F1, times, per-page F1 and articles."""
    rows, times, per_page, articles = [], [], [], {}
    for page in page_names(name):
        gold = (pages_root() / name / "gold" / f"{page}.txt").read_text(encoding="utf-8")
        started = time.perf_counter()
        kept, article = system(name, page)
        times.append(time.perf_counter() - started)
        rows.append(prf(kept, gold))
        per_page.append((rows[-1][2], page))
        if article is not None:
            articles[page] = article
    precision, recall, f1 = (statistics.fmean(values) for values in zip(*rows, strict=True))
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "median_ms": 1000 * statistics.median(times),
        "max_ms": 1000 * max(times),
        "pages_per_s": len(times) / sum(times),
        "pages": len(rows),
        "per_page": sorted(per_page),
        "articles": articles,
    }


def _same_text(left: str | None, right: str | None) -> bool:
    fold = lambda text: " ".join((text or "").translate(_QUOTES).split()).casefold()  # noqa: E731
    return fold(left) == fold(right)


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def metadata_scores(articles: dict[str, newsdoc.Article]) -> dict[str, tuple[float, int]]:
    """Readability metadata: headline = title, authors vs a personal byline, published date."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for page, article in articles.items():
        path = pages_root() / "readability" / "meta" / f"{page}.json"
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta.get("title"):
            totals["headline"] += 1
            hits["headline"] += _same_text(article.headline, meta["title"])
        byline = meta.get("byline") or ""
        if byline and not _NOT_PERSONAL.search(byline):
            totals["authors"] += 1
            found = article.byline.authors if article.byline else ()
            folded = " ".join(byline.split()).casefold()
            hits["authors"] += bool(found) and all(name.casefold() in folded for name in found)
        if meta.get("publishedTime"):
            totals["published"] += 1
            expected = newsdoc.html.metadata.parse_moment(meta["publishedTime"])
            hits["published"] += _day(expected) is not None and _day(article.published) == _day(
                expected
            )
    return {key: (hits[key] / totals[key], totals[key]) for key in totals}


def figures() -> list[Figure]:
    """The web-page rows of ``docs/accuracy.md`` (HTML input; nothing when the sets are absent)."""
    rows: list[Figure] = []
    for name in SETS:
        if not page_names(name):
            continue
        result = run(name, _parsers("html"))
        count = int(result["pages"])  # type: ignore[call-overload]
        label = f"web pages: {name} (HTML)"
        rows.append(Figure(label, "kept text F1 (mean)", result["f1"], count, TARGETS[name]))  # type: ignore[arg-type]
        rows.append(Figure(label, "kept text recall", result["recall"], count, RECALL_TARGET))  # type: ignore[arg-type]
        rows.append(Figure(label, "kept text precision (info)", result["precision"], count))  # type: ignore[arg-type]
        if _has_trafilatura():  # the peer, in the same run (the bench extra)
            peer = run(name, _trafilatura)
            rows.append(Figure(label, "trafilatura 2 kept text F1 (info)", peer["f1"], count))  # type: ignore[arg-type]
        if name == "readability":
            scores = metadata_scores(result["articles"])  # type: ignore[arg-type]
            targets = {"headline": 0.95, "authors": 0.85, "published": 0.95}
            labels = {
                "headline": "headline = title",
                "authors": "byline authors in a personal byline",
                "published": "published date = publishedTime's date",
            }
            for key, (value, total) in scores.items():
                rows.append(Figure(label, labels[key], value, total, targets[key]))
    return rows


def _print_row(label: str, result: dict[str, object]) -> None:
    print(
        f"{label:32} P {result['precision']:.3f}  R {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}  median {result['median_ms']:.1f} ms  "
        f"max {result['max_ms']:.0f} ms  {result['pages_per_s']:.0f} pages/s"
    )


def main(argv: list[str] | None = None) -> int:
    """Print the figures for each set (and the peers' with ``--peers``)."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--mode", choices=("html", "text", "both"), default="both")
    options.add_argument("--peers", action="store_true", help="add trafilatura (bench extra)")
    options.add_argument("--worst", type=int, default=0)
    options.add_argument("--speed", action="store_true", help="CPU time per page only")
    options.add_argument(
        "--write-docs", action="store_true", help="with --speed: rewrite docs/performance.md"
    )
    args = options.parse_args(argv)
    if args.speed:
        table = speed(args.peers)
        print(table)
        if args.write_docs:
            from benchmarks.throughput import write_section

            load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
            write_section("pages", f"{SPEED_INTRO}\n{table}\nLoad average at the end: {load}.")
        return 0
    modes = ("html", "text") if args.mode == "both" else (args.mode,)
    for name in SETS:
        if not page_names(name):
            print(f"{name}: absent under {pages_root()}")
            continue
        for mode in modes:
            result = run(name, _parsers(mode))
            _print_row(f"{name} newsdoc {mode}", result)
            for f1, page in result["per_page"][: args.worst]:  # type: ignore[index]
                print(f"    worst {f1:.3f} {page}")
            if name == "readability" and mode == "html":
                for key, (value, total) in metadata_scores(result["articles"]).items():  # type: ignore[arg-type]
                    print(f"    metadata {key}: {value:.1%} of {total}")
        if args.peers:
            _print_row(f"{name} trafilatura html", run(name, _trafilatura))
    return 0


def iter_pages(name: str) -> Iterator[tuple[str, bytes]]:
    """(page name, HTML bytes) of set ``name``, for the speed benchmark."""
    for page in page_names(name):
        yield page, read_html(name, page)


def speed(peers: bool) -> str:
    """CPU time per page, newsdoc HTML (and trafilatura, page by page in the same run)."""
    systems: dict[str, Callable[[bytes], object]] = {"newsdoc": newsdoc.parse_html}
    if peers:
        import trafilatura

        systems["trafilatura"] = trafilatura.extract
    times: dict[str, list[float]] = {name: [] for name in systems}
    for name in SETS:
        for _page, html in iter_pages(name):
            for system, parse in systems.items():
                started = time.process_time()
                parse(html)
                times[system].append(time.process_time() - started)
    lines = [
        "| system | pages | median ms | 95th pct ms | max ms | over 100 ms | pages/s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for system, values in times.items():
        ordered = sorted(values)
        lines.append(
            f"| {system} | {len(values):,} | {1000 * statistics.median(values):.1f} | "
            f"{1000 * ordered[int(0.95 * len(ordered))]:.1f} | {1000 * ordered[-1]:.0f} | "
            f"{sum(value > 0.1 for value in values)} | {len(values) / sum(values):,.0f} |"
        )
    if peers:
        ratio = statistics.fmean(times["trafilatura"]) / statistics.fmean(times["newsdoc"])
        lines.append(f"\nnewsdoc parses {ratio:.1f}× as many pages per CPU second as trafilatura.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
