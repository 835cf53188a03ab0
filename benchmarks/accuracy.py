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
from datetime import date, datetime
from pathlib import Path

import attrs
import regex

if __package__ in {None, ""}:  # run as a script: make ``benchmarks`` and ``newsdoc`` importable
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[1]),
        str(Path(__file__).resolve().parents[2] / "src"),
    ]

import newsdoc
from benchmarks import corpora
from newsdoc.model import Article

Pair = tuple[corpora.Document, Article]
_SPACE = regex.compile(r"\s+")
_SIGNOFF_LINE = regex.compile(r"(?i:reuter)\.{0,3}(?:\^M)?|(?i:more)")
_SENTENCE_END = tuple(".!?:;\"')”’")


@attrs.frozen(slots=True)
class Figure:
    """One measured figure: ``value`` over ``count`` items, against ``target`` (None = info)."""

    corpus: str
    field: str
    value: float
    count: int
    target: float | None = None
    lower_is_better: bool = False

    @property
    def meets_target(self) -> bool:
        """True when there is no target or the value reaches it."""
        if self.target is None:
            return True
        return self.value < self.target if self.lower_is_better else self.value >= self.target


def _norm(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def _covered(article: Article, start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside one of the article's removed spans."""
    return any(r.span.start <= start and end <= r.span.end for r in article.removed)


@functools.cache
def parsed(name: str) -> tuple[Pair, ...]:
    """Every document of corpus ``name`` with its parse (cached per process)."""
    return tuple(
        (doc, newsdoc.parse(doc.text, published=doc.published)) for doc in corpora.READERS[name]()
    )


# -- Reuters-21578 ----------------------------------------------------------------------------
def _gold_paragraph_starts(doc: corpora.Document) -> tuple[int, set[int]]:
    """Offset of BODY in the text and the offsets where the wire starts a paragraph."""
    body = doc.gold["body"].rstrip()
    offset = doc.text.find(body)
    starts = {offset}
    for match in regex.finditer(r"\n[ \t]+(?=\S)", body):
        starts.add(offset + match.end())
    return offset, starts


def _paragraph_checks(doc: corpora.Document, article: Article) -> tuple[bool, bool, bool]:
    """(no mid-sentence break, boundaries exactly as the wire's, tables kept line by line)."""
    offset, starts = _gold_paragraph_starts(doc)
    text = doc.text
    removed_starts = {r.span.start for r in article.removed}
    clean, exact = True, True
    for paragraph in article.paragraphs:
        after = paragraph.span.end
        while after < len(text) and text[after].isspace():
            after += 1
        at_boundary = after >= len(text) or after in starts or after in removed_starts
        if not at_boundary:
            exact = False
            if not paragraph.text.endswith(_SENTENCE_END):
                clean = False
    lines = {_norm(line) for p in article.paragraphs for line in p.text.split("\n")}
    body_lines = [_norm(line) for line in text[offset:].split("\n")]
    indented = [line.startswith((" ", "\t")) for line in text[offset:].split("\n")]
    rows = [
        line
        for index, line in enumerate(body_lines)
        if 0 < len(line) < 50
        and not line.endswith(".")
        and (index == 0 or indented[index])
        and index + 1 < len(body_lines)
        and indented[index + 1]
        and 0 < len(body_lines[index + 1]) < 50
        and not _SIGNOFF_LINE.fullmatch(line)
    ]
    tables = all(row in lines for row in rows[1:])
    return clean, exact, tables


def score_reuters(pairs: Iterable[Pair]) -> list[Figure]:
    """Headline, dateline place and date, byline, sign-off removal and paragraphs."""
    counts: dict[str, list[int]] = {}

    def tally(field: str, ok: bool) -> None:
        hits_total = counts.setdefault(field, [0, 0])
        hits_total[0] += ok
        hits_total[1] += 1

    removed_total = removed_ok = 0
    for doc, article in pairs:
        gold = doc.gold
        if gold["title"]:
            tally("headline = TITLE", _norm(article.headline) == gold["title"])
        if gold["dateline"]:
            location, month_day = corpora.reuters_gold_dateline(gold["dateline"])
            found = article.dateline
            tally("dateline location", found is not None and _norm(found.location) == location)
            if month_day is not None and doc.published is not None:
                expected = date(doc.published.year, *month_day)
                tally("dateline date", found is not None and found.date == expected)
        if gold["author"]:
            names, agency = corpora.reuters_gold_authors(gold["author"])
            byline = article.byline
            ok = (
                byline is not None
                and tuple(n.casefold() for n in byline.authors)
                == tuple(n.casefold() for n in names)
                and (byline.agency or "").casefold() == (agency or "").casefold()
            )
            tally("byline authors + agency", ok)
        text_lines = {_norm(line) for line in article.text.split("\n")}
        tail = [line.strip() for line in doc.text.rstrip().split("\n")[-1:]]
        if gold["type"] == "NORM" and tail and _SIGNOFF_LINE.fullmatch(tail[0].rstrip(".")):
            end = len(doc.text.rstrip())
            tally(
                "sign-off removed",
                _covered(article, end - len(tail[0]), end) and tail[0] not in text_lines,
            )
        if "Blah blah blah." in doc.text:
            start = doc.text.index("Blah blah blah.")
            ok = _covered(article, start, start + 15) and "Blah blah blah." not in article.text
            tally("placeholder removed", ok)
        for item in article.removed:
            removed_total += 1
            removed_ok += bool(
                _SIGNOFF_LINE.fullmatch(item.text.strip().rstrip("."))
                or "Blah blah blah" in item.text
            )
        if gold["type"] == "NORM" and gold["body"]:
            clean, exact, tables = _paragraph_checks(doc, article)
            tally("paragraphs: no mid-sentence break", clean)
            tally("paragraphs: boundaries as the wire's (info)", exact)
            tally("tables kept line by line", tables)
    targets = {
        "headline = TITLE": 0.995,
        "dateline location": 0.995,
        "dateline date": 0.995,
        "byline authors + agency": 0.98,
        "sign-off removed": 0.995,
        "placeholder removed": 0.995,
        "paragraphs: no mid-sentence break": 0.99,
        "tables kept line by line": 0.99,
    }
    figures = [
        Figure("Reuters-21578", field, _ratio(*hits_total), hits_total[1], targets.get(field))
        for field, hits_total in counts.items()
    ]
    figures.append(
        Figure(
            "Reuters-21578",
            "removal precision",
            _ratio(removed_ok, removed_total),
            removed_total,
            0.99,
        )
    )
    return figures


# -- ISOT -------------------------------------------------------------------------------------
def score_isot(pairs: Iterable[Pair]) -> list[Figure]:
    """Reuters datelines on real rows; image-credit tails on fake rows."""
    dateline_hits = dateline_total = 0
    credit_hits = credit_total = false_removals = clean_total = 0
    for doc, article in pairs:
        if doc.gold["label"] == "real":
            gold = corpora.isot_gold_dateline(doc.text)
            if gold is None:
                continue
            dateline_total += 1
            found = article.dateline
            first = article.paragraphs[0].text if article.paragraphs else ""
            dateline_hits += (
                found is not None
                and (found.location, found.agency) == gold
                and not first.startswith(("(Reuters)", "- "))
            )
            continue
        start = corpora.isot_gold_credit_start(doc.text)
        if start is None:
            clean_total += 1
            false_removals += bool(article.removed)
            continue
        credit_total += 1
        end = len(doc.text.rstrip())
        credit = [r for r in article.removed if r.span.start <= start + 1 and r.span.end >= end]
        others = [r for r in article.removed if r not in credit and r.text.strip()]
        credit_hits += bool(credit) and not others
    return [
        Figure(
            "ISOT (Reuters rows)",
            "dateline location + agency",
            _ratio(dateline_hits, dateline_total),
            dateline_total,
            0.995,
        ),
        Figure(
            "ISOT (fake rows)",
            "image credit removed, nothing else",
            _ratio(credit_hits, credit_total),
            credit_total,
            0.98,
        ),
        Figure(
            "ISOT (fake rows)",
            "rows without credit that lost text",
            _ratio(false_removals, clean_total),
            clean_total,
            0.005,
            lower_is_better=True,
        ),
    ]


# -- CNN / Daily Mail -------------------------------------------------------------------------
_GOLD_ZONES = {"EST": -5 * 3600, "EDT": -4 * 3600, "GMT": 0, "BST": 3600}


def _gold_moment(text: str) -> datetime | None:
    from dateutil import parser as date_parser

    cleaned = regex.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text.replace(" on ", " "))
    try:
        return date_parser.parse(cleaned, tzinfos=_GOLD_ZONES)
    except (ValueError, OverflowError):
        return None


def _same_moment(found: date | datetime | None, expected: datetime | None) -> bool:
    if expected is None:
        return True
    if not isinstance(found, datetime):
        return False
    if expected.tzinfo is None or found.tzinfo is None:
        return found.replace(tzinfo=None) == expected.replace(tzinfo=None)
    return found == expected


def score_cnn_dailymail(pairs: Iterable[Pair]) -> list[Figure]:
    """CNN-style datelines and the flattened Daily Mail header (byline, published, updated)."""
    dateline_hits = dateline_total = header_hits = header_total = 0
    for doc, article in pairs:
        gold = corpora.cnn_gold_dateline(doc.text)
        if gold is not None:
            dateline_total += 1
            found = article.dateline
            first = article.paragraphs[0].text if article.paragraphs else ""
            dateline_hits += (
                found is not None
                and (found.location, found.agency) == gold
                and not first.startswith(("(", "--", "-"))
            )
        header = corpora.mail_gold_header(doc.text)
        if header is None:
            continue
        header_total += 1
        ok = True
        if header["authors"]:
            byline = article.byline
            agency_only = header["authors"] == ("Associated Press",)
            ok = byline is not None and (
                (agency_only and byline.agency == "Associated Press" and not byline.authors)
                or tuple(a.casefold() for a in byline.authors)
                == tuple(a.casefold() for a in header["authors"])
            )
        for key, value in (("published", article.published), ("updated", article.updated)):
            if header[key]:
                ok = ok and _same_moment(value, _gold_moment(header[key]))
        body = article.text
        ok = (
            ok
            and "PUBLISHED: ." not in body
            and "UPDATED: ." not in body
            and not body.startswith("By .")
        )
        header_hits += ok
    return [
        Figure(
            "CNN/DailyMail",
            "(CNN)-style dateline",
            _ratio(dateline_hits, dateline_total),
            dateline_total,
            0.99,
        ),
        Figure(
            "CNN/DailyMail",
            "Daily Mail header: byline, published, updated",
            _ratio(header_hits, header_total),
            header_total,
            0.99,
        ),
    ]


# -- FakeNewsNet ------------------------------------------------------------------------------
def score_fakenewsnet(pairs: Iterable[Pair]) -> list[Figure]:
    """Headline = page title, repeated title removed, boilerplate recall per family."""
    headline_hits = headline_total = repeat_hits = repeat_total = 0
    family_counts: dict[str, list[int]] = {}
    other_removed = 0
    for doc, article in pairs:
        title = doc.gold["title"]
        body = doc.gold["body"]
        body_offset = len(doc.text) - len(body)
        if title:
            headline_total += 1
            headline_hits += _norm(article.headline) == _norm(title)
            first = next((line.strip() for line in body.split("\n") if line.strip()), "")
            if _norm(first) == _norm(title):
                repeat_total += 1
                start = body_offset + body.index(first)
                repeat_hits += _covered(article, start, start + len(first))
        gold_spans = []
        for start, end, family in corpora.fakenewsnet_gold_boilerplate(body):
            start, end = start + body_offset, end + body_offset
            gold_spans.append((start, end))
            hits_total = family_counts.setdefault(family, [0, 0])
            hits_total[0] += _covered(article, start, end)
            hits_total[1] += 1
        for item in article.removed:
            if item.reason == "boilerplate" and not any(
                item.span.start <= s and e <= item.span.end for s, e in gold_spans
            ):
                other_removed += 1
    hits = sum(h for h, _ in family_counts.values())
    total = sum(t for _, t in family_counts.values())
    figures = [
        Figure(
            "FakeNewsNet",
            "headline = page title",
            _ratio(headline_hits, headline_total),
            headline_total,
            0.97,
        ),
        Figure(
            "FakeNewsNet",
            "title repeated atop body removed",
            _ratio(repeat_hits, repeat_total),
            repeat_total,
            0.97,
        ),
        Figure(
            "FakeNewsNet", "boilerplate recall (all families)", _ratio(hits, total), total, 0.95
        ),
    ]
    figures.extend(
        Figure("FakeNewsNet", f"boilerplate recall: {family} (info)", _ratio(h, t), t)
        for family, (h, t) in sorted(family_counts.items())
    )
    figures.append(
        Figure(
            "FakeNewsNet",
            "other boilerplate removals (count, info)",
            float(other_removed),
            other_removed,
        )
    )
    return figures


# -- BBC --------------------------------------------------------------------------------------
def score_bbc(pairs: Iterable[Pair]) -> list[Figure]:
    """Headline = line 1; share of body paragraphs that were removed (negative control)."""
    headline_hits = total_docs = removed_paragraphs = total_paragraphs = 0
    for doc, article in pairs:
        total_docs += 1
        headline_hits += _norm(article.headline) == _norm(doc.gold["title"])
        position = doc.text.find("\n")
        for paragraph in doc.gold["paragraphs"]:
            start = doc.text.find(paragraph, position)
            position = start + len(paragraph)
            total_paragraphs += 1
            removed_paragraphs += any(
                r.span.start < position and r.span.end > start for r in article.removed
            )
    return [
        Figure("BBC", "headline = line 1", _ratio(headline_hits, total_docs), total_docs, 1.0),
        Figure(
            "BBC",
            "body paragraphs removed",
            _ratio(removed_paragraphs, total_paragraphs),
            total_paragraphs,
            0.005,
            lower_is_better=True,
        ),
    ]


SCORERS: dict[str, Callable[[Iterable[Pair]], list[Figure]]] = {
    "reuters21578": score_reuters,
    "isot_fake_real_news": score_isot,
    "cnn_dailymail": score_cnn_dailymail,
    "fakenewsnet": score_fakenewsnet,
    "bbc_fulltext": score_bbc,
}


def _polnear_figures() -> list[Figure]:
    try:
        from benchmarks import polnear
    except ImportError:
        return []
    split = corpora.corpus_root() / "polnear" / "dev"
    try:
        results = polnear.score(split)
    except Exception as error:  # another engineer's scorer: report, don't crash the table
        print(f"PolNeAR scoring failed: {error!r}", file=sys.stderr)
        return []
    return [
        Figure("PolNeAR (dev)", str(name), float(value), 0)
        for name, value in results.items()
        if isinstance(value, (int, float))
    ]


def evaluate(names: Iterable[str] = corpora.CORPUS_NAMES) -> list[Figure]:
    """Every figure for the named corpora that are present."""
    figures: list[Figure] = []
    for name in names:
        if corpora.available(name):
            figures.extend(SCORERS[name](parsed(name)))
    return figures


def render(figures: list[Figure]) -> str:
    """A Markdown table of the figures."""
    lines = [
        "| corpus | field | measured | n | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        is_count = f.field.endswith("(count, info)")
        value = (
            f"{int(f.value)}"
            if is_count
            else f"{100 * f.value:.2f}%"
            if f.count
            else f"{f.value:.4g}"
        )
        target = (
            ""
            if f.target is None
            else ("< " if f.lower_is_better else "≥ ") + f"{100 * f.target:g}%"
        )
        met = "" if f.target is None else ("yes" if f.meets_target else "**no**")
        lines.append(f"| {f.corpus} | {f.field} | {value} | {f.count} | {target} | {met} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Print the table and write ``docs/accuracy.md``; exit 1 when a target is missed."""
    started = time.perf_counter()
    figures = evaluate() + _polnear_figures()
    if not figures:
        print(f"no corpus found under {corpora.corpus_root()}", file=sys.stderr)
        return 0
    table = render(figures)
    elapsed = time.perf_counter() - started
    print(table)
    print(f"({elapsed:.1f} s)")
    out = corpora.REPO / "docs" / "accuracy.md"
    out.write_text(
        "# Accuracy on the shared corpora\n\n"
        "Generated by `python -m benchmarks.accuracy` (see `benchmarks/README.md` for how\n"
        "each gold field is defined). Rows marked *info* have no target.\n\n" + table,
        encoding="utf-8",
    )
    return 0 if all(f.meets_target for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
