"""Scorers for the wire corpora: Reuters-21578 and ISOT."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import regex

from benchmarks import corpora
from benchmarks.figures import (
    SENTENCE_END,
    SIGNOFF_LINE,
    Figure,
    Pair,
    covered,
    dateline_matches,
    norm,
    ratio,
)
from newsdoc.model import Article


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
            if not paragraph.text.endswith(SENTENCE_END):
                clean = False
    return clean, exact, _tables_kept(doc, article, offset)


def _table_runs(text: str, offset: int) -> list[list[int]]:
    """Start offsets of gold table rows, one list per table.

    A row is an indented body line under 50 characters that does not end in "." and is not
    continued at the margin, after the first line (which carries the dateline); two or more
    rows in a row make a table.
    """
    runs: list[list[int]] = [[]]
    position = offset
    lines = text[offset:].split("\n")
    for index, line in enumerate(lines):
        stripped = norm(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        is_row = (
            index > 0
            and line.startswith((" ", "\t"))
            # a line the next one continues at the margin is a wrapped paragraph, not a row
            and (not following.strip() or following.startswith((" ", "\t")))
            and 0 < len(stripped) < 50
            and not stripped.endswith(".")
            and not SIGNOFF_LINE.fullmatch(stripped)
        )
        if is_row:
            runs[-1].append(position + len(line) - len(line.lstrip()))
        elif runs[-1]:
            runs.append([])
        position += len(line) + 1
    return [run for run in runs if len(run) >= 2]


def _tables_kept(doc: corpora.Document, article: Article, offset: int) -> bool:
    """Every table's rows sit in one paragraph, one row per line."""
    spans = [(p.span.start, p.span.end, p) for p in article.paragraphs]
    for run in _table_runs(doc.text, offset):
        holders = {next((id(p) for s, e, p in spans if s <= row < e), None) for row in run}
        if len(holders) != 1 or None in holders:
            return False
        paragraph = next(p for s, e, p in spans if s <= run[0] < e)
        if len(paragraph.text.split("\n")) < len(run):
            return False
    return True


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
            tally("headline = TITLE", norm(article.headline) == gold["title"])
        if gold["dateline"]:
            location, month_day = corpora.reuters_gold_dateline(gold["dateline"])
            found = article.dateline
            tally("dateline location", found is not None and norm(found.location) == location)
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
        text_lines = {norm(line) for line in article.text.split("\n")}
        tail = [line.strip() for line in doc.text.rstrip().split("\n")[-1:]]
        if gold["type"] == "NORM" and tail and SIGNOFF_LINE.fullmatch(tail[0].rstrip(".")):
            end = len(doc.text.rstrip())
            tally(
                "sign-off removed",
                covered(article, end - len(tail[0]), end) and tail[0] not in text_lines,
            )
        if "Blah blah blah." in doc.text:
            start = doc.text.index("Blah blah blah.")
            ok = covered(article, start, start + 15) and "Blah blah blah." not in article.text
            tally("placeholder removed", ok)
        for item in article.removed:
            removed_total += 1
            removed_ok += bool(
                SIGNOFF_LINE.fullmatch(item.text.strip().rstrip("."))
                or "Blah blah blah" in item.text
            )
        if gold["type"] == "NORM" and gold["body"]:
            clean, exact, tables = _paragraph_checks(doc, article)
            tally("paragraphs: no mid-sentence break", clean)
            tally("paragraphs: boundaries as the wire's (info)", exact)
            tally("tables kept whole, one row per line", tables)
    targets = {
        "headline = TITLE": 0.995,
        "dateline location": 0.995,
        "dateline date": 0.995,
        "byline authors + agency": 0.98,
        "sign-off removed": 0.995,
        "placeholder removed": 0.995,
        "paragraphs: no mid-sentence break": 0.99,
        "tables kept whole, one row per line": 0.99,
    }
    figures = [
        Figure("Reuters-21578", field, ratio(*hits_total), hits_total[1], targets.get(field))
        for field, hits_total in counts.items()
    ]
    figures.append(
        Figure(
            "Reuters-21578",
            "removal precision",
            ratio(removed_ok, removed_total),
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
            dateline_hits += dateline_matches(article, gold, ("(Reuters)", "- "))
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
            ratio(dateline_hits, dateline_total),
            dateline_total,
            0.995,
        ),
        Figure(
            "ISOT (fake rows)",
            "image credit removed, nothing else",
            ratio(credit_hits, credit_total),
            credit_total,
            0.98,
        ),
        Figure(
            "ISOT (fake rows)",
            "rows without credit that lost text",
            ratio(false_removals, clean_total),
            clean_total,
            0.005,
            lower_is_better=True,
        ),
    ]
