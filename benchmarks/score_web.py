"""Scorers for the web corpora: CNN/Daily Mail, FakeNewsNet and BBC."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import regex

from benchmarks import corpora
from benchmarks.figures import Figure, Pair, covered, dateline_matches, norm, ratio

# -- CNN / Daily Mail -------------------------------------------------------------------------
_CREDIT_SENTENCE = regex.compile(r"contributed to this report\.")
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
    credit_hits = credit_total = 0
    for doc, article in pairs:
        # "CNN's Jane Doe contributed to this report." ends the story: a credit, not body.
        if _CREDIT_SENTENCE.search(doc.text):
            credit_total += 1
            credit_hits += any(
                _CREDIT_SENTENCE.search(credit.text) for credit in article.credits
            ) and not _CREDIT_SENTENCE.search(article.text)
        gold = corpora.cnn_gold_dateline(doc.text)
        if gold is not None:
            dateline_total += 1
            dateline_hits += dateline_matches(article, gold, ("(", "--", "-"))
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
            ratio(dateline_hits, dateline_total),
            dateline_total,
            0.99,
        ),
        Figure(
            "CNN/DailyMail",
            "Daily Mail header: byline, published, updated",
            ratio(header_hits, header_total),
            header_total,
            0.99,
        ),
        Figure(
            "CNN/DailyMail",
            "'… contributed to this report.' kept as a credit (info)",
            ratio(credit_hits, credit_total),
            credit_total,
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
            headline_hits += norm(article.headline) == norm(title)
            first = next((line.strip() for line in body.split("\n") if line.strip()), "")
            if norm(first) == norm(title):
                repeat_total += 1
                start = body_offset + body.index(first)
                repeat_hits += covered(article, start, start + len(first))
        gold_spans = []
        for start, end, family in corpora.fakenewsnet_gold_boilerplate(body):
            start, end = start + body_offset, end + body_offset
            gold_spans.append((start, end))
            hits_total = family_counts.setdefault(family, [0, 0])
            hits_total[0] += covered(article, start, end)
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
            ratio(headline_hits, headline_total),
            headline_total,
            0.97,
        ),
        Figure(
            "FakeNewsNet",
            "title repeated atop body removed",
            ratio(repeat_hits, repeat_total),
            repeat_total,
            0.97,
        ),
        Figure("FakeNewsNet", "boilerplate recall (all lines)", ratio(hits, total), total, 0.95),
        # Transcript markup outnumbers the rest: the mean over families weighs each one equally.
        Figure(
            "FakeNewsNet",
            "boilerplate recall (mean over families)",
            sum(ratio(h, t) for h, t in family_counts.values()) / max(1, len(family_counts)),
            total,
            0.95,
        ),
    ]
    figures.extend(
        Figure("FakeNewsNet", f"boilerplate recall: {family} (info)", ratio(h, t), t)
        for family, (h, t) in sorted(family_counts.items())
    )
    figures.append(
        Figure(
            "FakeNewsNet",
            "other boilerplate removals (info)",
            float(other_removed),
            other_removed,
            unit="count",
        )
    )
    return figures


# -- BBC --------------------------------------------------------------------------------------
def score_bbc(pairs: Iterable[Pair]) -> list[Figure]:
    """Headline = line 1; share of body paragraphs that were removed (negative control)."""
    headline_hits = total_docs = removed_paragraphs = total_paragraphs = taken = 0
    for doc, article in pairs:
        total_docs += 1
        # BBC copy has no datelines or bylines: any found was cut from a paragraph.
        taken += article.dateline is not None or article.byline is not None
        headline_hits += norm(article.headline) == norm(doc.gold["title"])
        position = doc.text.find("\n")
        for paragraph in doc.gold["paragraphs"]:
            start = doc.text.find(paragraph, position)
            position = start + len(paragraph)
            total_paragraphs += 1
            removed_paragraphs += any(
                r.span.start < position and r.span.end > start for r in article.removed
            )
    return [
        Figure("BBC", "headline = line 1", ratio(headline_hits, total_docs), total_docs, 1.0),
        Figure(
            "BBC",
            "body paragraphs removed",
            ratio(removed_paragraphs, total_paragraphs),
            total_paragraphs,
            0.005,
            lower_is_better=True,
        ),
        Figure(
            "BBC",
            "articles given a dateline or byline (none exist)",
            ratio(taken, total_docs),
            total_docs,
            0.005,
            lower_is_better=True,
        ),
    ]
