"""Header fields of whole web pages, and a snapshot of the header fields on the text corpora.

``python -m benchmarks.page_fields [--mode text|html|both] [--verbose]`` scores the
Readability test pages (``web_pages/readability``) against their ``meta/*.json``.
``python -m benchmarks.pages`` prints (and with ``--write-docs`` writes) the same figures on the
parses it scores, and :func:`figures` gives them to ``benchmarks.accuracy``. Each field is
matched so:

- **headline = title**: ``headline`` equals ``title`` once both have white space folded to
  single spaces, curly quotes made straight, no-break spaces made spaces and case folded.
  Pages without a ``title`` are left out.
- **headline = title, site name cut**: the same, against the title itself or the title with
  a site name cut off its end (``Headline | Site``, ``Headline - Site``, ``—``, ``–``, ``·``,
  ``::``, the cut part under 41 characters) or its start (``Site: Headline``, ``Site |
  Headline``, under 41 characters). The cut is this harness's own pattern, not the parser's.
- **byline authors**: scored on pages whose ``byline`` names a person: it holds a capitalised
  first and last name (``Jane Doe``, ``J. Doe``, ``Jane Q. Doe``) and no word of an
  organisation or of what Readability took for a byline on three pages (staff, team, editor(s),
  news, agency, press, reuters, follow, updated). A page passes when newsdoc found authors and
  every word of them (folded as above) is a word of the expected byline (``by`` and ``and``
  aside), so a cut, run-on or wrong name fails; finding one of two expected authors passes.
- **published date**: scored on pages whose ``publishedTime`` starts with an ISO date
  (``YYYY-MM-DD``); the date is read from those ten characters (the publisher's local date,
  by the harness, not by newsdoc's date reader) and the page passes when ``published``'s date
  equals it.

``python -m benchmarks.page_fields --snapshot FILE`` writes one JSON line per document of the
text corpora (and the web pages' text) with its headline, byline, dateline, dates and site, so
two versions of the rules can be compared with ``diff`` (header fields must not change on the
text corpora except as deliberate fixes).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[1] / "src"),
    ]

import regex

import newsdoc
from benchmarks import corpora, web_pages
from benchmarks.figures import Figure

FIELDS = {  # key -> (label in the tables, target of the HTML figure in benchmarks.accuracy)
    "headline": ("headline = title", 0.95),
    "headline, site cut": ("headline = title, or title with its site name cut (info)", None),
    "authors": ("byline authors in a personal byline", 0.85),
    "published": ("published date = publishedTime's date", 0.95),
}
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
# A byline naming a person holds a first and a last name ("Jane Doe")...
_PERSON = regex.compile(r"[A-Z][a-z]+\.?\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+")
# ...and is not an organisation, a bare "Staff", or what Readability took for a byline on three
# pages ("... Updated April 29", "Follow Author").
_NOT_PERSONAL = regex.compile(
    r"(?i)\b(staff|team|editor|editors|news|agency|press|reuters|follow|updated)\b"
)
_NAME_WORD = regex.compile(r"[\w'’-]+")
_SITE_AT_END = regex.compile(r"\s+(?:\||-|—|–|·|::)\s+[^|—–·-]{1,40}$")
_SITE_AT_START = regex.compile(r"^[^:|]{1,40}(?::|\s\|)\s+")


def _folded(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).split()).casefold()


def _title_variants(title: str) -> set[str]:
    """The title, and the title without a site name at its end or start (harness rule)."""
    return {
        _folded(title),
        _folded(_SITE_AT_END.sub("", title)),
        _folded(_SITE_AT_START.sub("", title)),
    }


def _author_words(text: str) -> set[str]:
    return set(_NAME_WORD.findall(_folded(text))) - {"by", "and"}


def _authors_match(expected: str, article: newsdoc.Article) -> bool:
    """Every word of the authors found is a word of the expected byline (and there is one)."""
    if article.byline is None or not article.byline.authors:
        return False
    found = _author_words(" ".join(article.byline.authors))
    return bool(found) and found <= _author_words(expected)


def _expected_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _meta(page: str) -> dict[str, object]:
    path = web_pages.folder("readability") / "meta" / f"{page}.json"
    found: dict[str, object] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return found


def score(
    articles: dict[str, newsdoc.Article], verbose: bool = False
) -> dict[str, tuple[int, int]]:
    """Hits and totals per field (the keys of ``FIELDS``) over Readability pages' articles."""
    hits = dict.fromkeys(FIELDS, 0)
    totals = dict.fromkeys(FIELDS, 0)

    def count(field: str, hit: bool, page: str, found: object, wanted: object) -> None:
        hits[field] += hit
        totals[field] += 1
        if verbose and not hit:
            print(f"{field} {page}: {found!r} != {wanted!r}")

    for page, article in articles.items():
        meta = _meta(page)
        title = meta.get("title")
        if isinstance(title, str) and title.strip():
            headline = _folded(article.headline)
            count("headline", headline == _folded(title), page, article.headline, title)
            loose = headline in _title_variants(title)
            count("headline, site cut", loose, page, article.headline, title)
        byline = meta.get("byline")
        if isinstance(byline, str) and _PERSON.search(byline) and not _NOT_PERSONAL.search(byline):
            found = article.byline.authors if article.byline else None
            count("authors", _authors_match(byline, article), page, found, byline)
        expected = _expected_date(meta.get("publishedTime"))
        if expected is not None:
            published = _day(article.published)
            count("published", published == expected, page, published, expected)
    return {field: (hits[field], totals[field]) for field in FIELDS if totals[field]}


def figures(label: str, articles: dict[str, newsdoc.Article]) -> list[Figure]:
    """The header-field rows of ``benchmarks.accuracy`` for the articles of one input mode."""
    return [
        Figure(label, FIELDS[field][0], hits / total, total, FIELDS[field][1])
        for field, (hits, total) in score(articles).items()
    ]


def render(by_mode: dict[str, dict[str, newsdoc.Article]]) -> str:
    """A Markdown table of the header fields, one column per input mode."""
    scored = {mode: score(articles) for mode, articles in by_mode.items()}
    names = {"text": "page text", "html": "HTML"}
    lines = [
        "| Readability header field | " + " | ".join(names[mode] for mode in scored) + " |",
        "|---|" + "---|" * len(scored),
    ]
    for field, (label, _target) in FIELDS.items():
        cells = []
        for counts in scored.values():
            hits, total = counts.get(field, (0, 0))
            cells.append(f"{hits / total:.1%} of {total}" if total else "-")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


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
        for name in web_pages.SETS:
            for page in web_pages.page_names(name):
                fields = _fields(newsdoc.parse(web_pages.page_text(name, page)))
                row = {"doc": f"web_pages/{name}/{page}", **fields}
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Print the Readability figures, or write a snapshot."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    arguments.add_argument("--snapshot", type=Path, help="write header fields, one JSON a line")
    arguments.add_argument("--mode", choices=(*web_pages.MODES, "both"), default="both")
    arguments.add_argument("--verbose", action="store_true", help="list every miss")
    options = arguments.parse_args(argv)
    if options.snapshot is not None:
        snapshot(options.snapshot)
        return 0
    if not web_pages.available("readability"):
        print(f"web_pages/readability is absent under {corpora.corpus_root()}", file=sys.stderr)
        return 0
    parse = {"text": web_pages.newsdoc_text, "html": web_pages.newsdoc_html}
    for mode in web_pages.MODES if options.mode == "both" else (options.mode,):
        articles = {}
        for page in web_pages.page_names("readability"):
            _kept, article = parse[mode]("readability", page)
            if article is not None:
                articles[page] = article
        for field, (hits, total) in score(articles, options.verbose).items():
            print(f"{mode} {field}: {hits}/{total} = {hits / total:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
