"""Header fields of whole web pages, and a snapshot of the header fields on the text corpora.

``python -m benchmarks.page_fields`` scores the Readability test pages
(``web_pages/readability``) against their ``meta/*.json``: the share of pages whose
``headline`` equals the expected ``title`` (white space and quotes folded), whose byline
authors match ``byline`` (pages whose expected byline names a person), and whose ``published``
date equals ``publishedTime``'s date.

``python -m benchmarks.page_fields --snapshot FILE`` writes one JSON line per document of the
text corpora (and the web pages) with its headline, byline, dateline, dates and site, so two
versions of the rules can be compared with ``diff`` (header fields must not change on the text
corpora except as deliberate fixes).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[2] / "src"),
    ]

import regex

import newsdoc
from benchmarks import corpora

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
# An expected byline names a person when it holds a first and a last name ("Jane Doe"); the
# others ("BBC News", "Follow Author", a date) are left out of the byline figure.
_PERSON = regex.compile(r"[A-Z][a-z]+\.?\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+")


def _folded(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).split()).casefold()


def _title_variants(title: str) -> set[str]:
    """The title, and the title without a site name at its end or start (harness rule)."""
    suffix_cut = regex.sub(r"\s+(?:\||-|—|–|·|::)\s+[^|—–·-]{1,40}$", "", title)
    prefix_cut = regex.sub(r"^[^:|]{1,40}(?::|\s\|)\s+", "", title)
    return {_folded(title), _folded(suffix_cut), _folded(prefix_cut)}


def _pages(folder: str) -> Iterator[tuple[str, str, dict[str, object]]]:
    root = corpora.corpus_root() / "web_pages" / folder
    for path in sorted((root / "text").glob("*.txt")):
        meta_path = root / "meta" / f"{path.stem}.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        yield path.stem, path.read_text(encoding="utf-8"), meta


def _author_words(text: str) -> set[str]:
    return {word for word in regex.findall(r"[\w'’-]+", _folded(text)) if word not in {"by"}}


def _authors_match(expected: str, article: newsdoc.Article) -> bool:
    """Every expected name word is among the byline's authors, and every author is expected."""
    if article.byline is None or not article.byline.authors:
        return False
    found = _author_words(" ".join(article.byline.authors))
    wanted = _author_words(expected)
    return bool(found) and found <= wanted | {"and"} and bool(found & wanted)


def _expected_date(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def score_readability(verbose: bool = False) -> dict[str, tuple[int, int]]:
    """Hits and totals per field on the Readability pages."""
    counts = {"headline": [0, 0], "headline, site cut": [0, 0], "byline": [0, 0]}
    counts["published"] = [0, 0]
    for name, text, meta in _pages("readability"):
        article = newsdoc.parse(text)
        title = meta.get("title")
        if isinstance(title, str) and title.strip():
            hit = _folded(article.headline) == _folded(title)
            counts["headline"][0] += hit
            counts["headline"][1] += 1
            loose = _folded(article.headline) in _title_variants(title)
            counts["headline, site cut"][0] += loose
            counts["headline, site cut"][1] += 1
            if verbose and not loose:
                print(f"headline {name}: {article.headline!r} != {title!r}")
        byline = meta.get("byline")
        if isinstance(byline, str) and _PERSON.search(byline):
            hit = _authors_match(byline, article)
            counts["byline"][0] += hit
            counts["byline"][1] += 1
            if verbose and not hit:
                found = article.byline.authors if article.byline else None
                print(f"byline {name}: {found!r} != {byline!r}")
        expected = _expected_date(meta.get("publishedTime"))
        if expected is not None:
            hit = _day(article.published) == expected
            counts["published"][0] += hit
            counts["published"][1] += 1
            if verbose and not hit:
                print(f"published {name}: {article.published!r} != {expected}")
    return {field: (hits, total) for field, (hits, total) in counts.items()}


def _fields(article: newsdoc.Article) -> dict[str, object]:
    byline = article.byline
    dateline = article.dateline
    return {
        "headline": article.headline,
        "byline": [byline.text, list(byline.authors), byline.agency] if byline else None,
        "dateline": (
            [dateline.text, dateline.location, dateline.agency, str(dateline.date)]
            if dateline
            else None
        ),
        "published": str(article.published) if article.published else None,
        "updated": str(article.updated) if article.updated else None,
        "site": article.site,
        "notes": list(article.notes),
    }


def snapshot(path: Path) -> None:
    """One JSON line per document of every available corpus, with its header fields."""
    with path.open("w", encoding="utf-8") as out:
        for corpus in corpora.CORPUS_NAMES:
            for doc in corpora.READERS[corpus]():
                article = newsdoc.parse(doc.text, published=doc.published)
                row = {"doc": f"{corpus}/{doc.identifier}", **_fields(article)}
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        for folder in ("dragnet", "readability"):
            for name, text, _meta in _pages(folder):
                row = {"doc": f"web_pages/{folder}/{name}", **_fields(newsdoc.parse(text))}
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def main() -> int:
    """Print the Readability figures, or write a snapshot."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--snapshot", type=Path, help="write header fields, one JSON a line")
    arguments.add_argument("--verbose", action="store_true", help="list every miss")
    options = arguments.parse_args()
    if options.snapshot is not None:
        snapshot(options.snapshot)
        return 0
    for field, (hits, total) in score_readability(options.verbose).items():
        print(f"{field}: {hits}/{total} = {hits / total:.1%}" if total else f"{field}: -")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
