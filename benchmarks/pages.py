"""Score newsdoc on whole web pages: does it keep the article and drop the page around it?

    python -m benchmarks.pages                 # text mode on both sets, prints the table
    python -m benchmarks.pages --write-docs    # also writes the pages part of docs/accuracy.md
    python -m benchmarks.pages --peers         # adds jusText and trafilatura where installed

The sets are ``web_pages/dragnet`` and ``web_pages/readability`` of the shared corpus (see its
README): each page as page text (``text/``), as HTML (``html/``) and the article a reader sees
(``gold/``). The metric is the reference scorer's (``../shared/eval/score_pages.py``): what
newsdoc kept is the source with every ``Article.removed`` span cut out; it and the gold become
lower-cased word 4-grams (single words for texts of fewer than four), compared as multisets,
and precision, recall and F1 are averaged over pages. "floor" keeps the whole page text.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[2] / "src"),
    ]

import regex

import newsdoc
from benchmarks import corpora

SETS = ("dragnet", "readability")
# The targets of issue #14 (page text) and #15 (HTML): F1 and recall, mean over pages.
TARGETS = {
    ("dragnet", "text"): (0.90, 0.95),
    ("readability", "text"): (0.93, 0.95),
    ("dragnet", "html"): (0.92, 0.95),
    ("readability", "html"): (0.95, 0.95),
}
_WORD = regex.compile(r"\w+")
N = 4

Scores = tuple[float, float, float]  # precision, recall, F1


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of lower-cased word 4-grams (single words for a text under four words)."""
    words = _WORD.findall(text.casefold())
    n = N if len(words) >= N else 1
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def prf(predicted: str, gold: str) -> Scores:
    """Precision, recall and F1 of ``predicted`` against ``gold`` on word 4-grams."""
    p, g = shingles(predicted), shingles(gold)
    hits = sum((p & g).values())
    precision = hits / sum(p.values()) if p else 1.0
    recall = hits / sum(g.values()) if g else 1.0
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)


def kept_text(article: newsdoc.Article) -> str:
    """The source with every removed span cut out."""
    source, pieces, at = article.source, [], 0
    for item in sorted(article.removed, key=lambda removed: (removed.span.start, removed.span.end)):
        if item.span.start > at:
            pieces.append(source[at : item.span.start])
        at = max(at, item.span.end)
    pieces.append(source[at:])
    return "\n".join(pieces)


def pages(name: str) -> Iterator[tuple[str, Path, str]]:
    """(page name, set folder, gold text) for every page of set ``name``."""
    folder = corpora.corpus_root() / "web_pages" / name
    for gold in sorted((folder / "gold").glob("*.txt")):
        yield gold.stem, folder, gold.read_text(encoding="utf-8")


def available(name: str) -> bool:
    """The set is in the corpus."""
    return (corpora.corpus_root() / "web_pages" / name / "gold").is_dir()


def page_text(folder: Path, page: str) -> str:
    """The page rendered to text."""
    return (folder / "text" / f"{page}.txt").read_text(encoding="utf-8")


def page_html(folder: Path, page: str) -> bytes:
    """The page's HTML bytes."""
    return gzip.decompress((folder / "html" / f"{page}.html.gz").read_bytes())


Extractor = Callable[[Path, str], str]  # (set folder, page name) -> the text it keeps


def newsdoc_text(folder: Path, page: str) -> str:
    """What newsdoc keeps of the page text."""
    return kept_text(newsdoc.parse(page_text(folder, page)))


def newsdoc_html(folder: Path, page: str) -> str:
    """What newsdoc keeps of the page's HTML."""
    parse_html = getattr(newsdoc, "parse_html")  # noqa: B009 (absent before HTML input)
    return kept_text(parse_html(page_html(folder, page)))


def floor(folder: Path, page: str) -> str:
    """The whole page text."""
    return page_text(folder, page)


def _peers() -> dict[str, Extractor]:
    """jusText on page text (each line a paragraph) and trafilatura on HTML, if installed."""
    found: dict[str, Extractor] = {}
    try:
        import justext
    except ImportError:
        pass
    else:
        stoplist = justext.get_stoplist("English")

        def justext_text(folder: Path, page: str) -> str:
            lines = [line for line in page_text(folder, page).splitlines() if line.strip()]
            html = "".join(f"<p>{_escape(line)}</p>" for line in lines)
            paragraphs = justext.justext(f"<html><body>{html}</body></html>", stoplist)
            return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        found["jusText, page text"] = justext_text
    try:
        import trafilatura
    except ImportError:
        pass
    else:

        def trafilatura_html(folder: Path, page: str) -> str:
            return trafilatura.extract(page_html(folder, page)) or ""

        found["trafilatura, HTML"] = trafilatura_html
    return found


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def score(name: str, extract: Extractor) -> tuple[Scores, float, float]:
    """Mean (precision, recall, F1) over the pages, and the median and worst ms per page."""
    rows, times = [], []
    for page, folder, gold in pages(name):
        started = time.perf_counter()
        predicted = extract(folder, page)
        times.append(time.perf_counter() - started)
        rows.append(prf(predicted, gold))
    means = tuple(statistics.fmean(column) for column in zip(*rows, strict=True))
    return (means[0], means[1], means[2]), 1000 * statistics.median(times), 1000 * max(times)


def systems(with_peers: bool) -> dict[str, Extractor]:
    """The rows of the table: newsdoc (text, and HTML when it exists), the floor, the peers."""
    found: dict[str, Extractor] = {"newsdoc, page text": newsdoc_text}
    if hasattr(newsdoc, "parse_html"):
        found["newsdoc, HTML"] = newsdoc_html
    found["floor (page text kept whole)"] = floor
    if with_peers:
        found.update(_peers())
    return found


def _target(system: str, name: str) -> str:
    mode = "html" if "HTML" in system else "text"
    if not system.startswith("newsdoc"):
        return ""
    f1, recall = TARGETS[(name, mode)]
    return f"F1 ≥ {f1:.2f}, R ≥ {recall:.2f}"


def render(results: dict[tuple[str, str], tuple[Scores, float, float]]) -> str:
    """The Markdown table: one row per system and set."""
    lines = [
        "| system | set | F1 | precision | recall | median ms/page | worst ms | target | met |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for (system, name), ((precision, recall, f1), median, worst) in results.items():
        target = _target(system, name)
        met = ""
        if target:
            wanted_f1, wanted_recall = TARGETS[(name, "html" if "HTML" in system else "text")]
            met = "yes" if f1 >= wanted_f1 and recall >= wanted_recall else "**no**"
        lines.append(
            f"| {system} | {name} | {f1:.3f} | {precision:.3f} | {recall:.3f} | "
            f"{median:.1f} | {worst:.0f} | {target} | {met} |"
        )
    return "\n".join(lines) + "\n"


DOCS_START = "<!-- pages:start -->"
DOCS_END = "<!-- pages:end -->"


def write_docs(table: str) -> None:
    """Replace the pages part of ``docs/accuracy.md`` (between its markers) with ``table``."""
    path = corpora.REPO / "docs" / "accuracy.md"
    text = path.read_text(encoding="utf-8")
    section = (
        f"{DOCS_START}\n## Whole web pages\n\n"
        "Generated by `python -m benchmarks.pages --write-docs --peers` (see `benchmarks/pages.py`"
        " for the metric: word 4-grams of what was kept against the reader's article, mean over"
        " pages). Times are per page on a shared 2-core machine.\n\n"
        f"{table}{DOCS_END}"
    )
    if DOCS_START in text:
        head, rest = text.split(DOCS_START, 1)
        text = head + section + rest.split(DOCS_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Score every system on every set present; print (and optionally write) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write-docs", action="store_true", help="update docs/accuracy.md")
    parser.add_argument("--peers", action="store_true", help="add jusText and trafilatura rows")
    args = parser.parse_args(argv)
    results = {}
    for system, extract in systems(args.peers).items():
        for name in SETS:
            if available(name):
                results[(system, name)] = score(name, extract)
    if not results:
        print(f"no web_pages set under {corpora.corpus_root()}", file=sys.stderr)
        return 0
    table = render(results)
    print(table)
    if args.write_docs:
        write_docs(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
