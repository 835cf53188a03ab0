"""Who is quoted across a corpus: ``newsdoc speakers parsed.parquet``.

Reads the ``speakers`` table of a Parquet output (``parsed.speakers.parquet/`` beside the
articles, one row per article and speaker, see :mod:`newsdoc.speakers`) and reports the top
speakers with their quotes, articles, kinds, roles and pronouns. Name variants of one person
are merged across articles, and the report says what it merged:

- full names agree when their first and last words do ("Donald J. Trump" is "Donald Trump");
- a lone surname ("Trump") joins the most quoted full name ending with it, when no other
  speaker of its article has that surname (so that "Clinton" in an article quoting both Bill
  and Hillary Clinton is left alone).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from newsdoc.outputs import table_paths
from newsdoc.speakers import SPEAKERS

DEFAULT_TOP = 20
_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))


@attrs.define(slots=True)
class CorpusSpeaker:
    """One speaker across a corpus, its name variants merged."""

    name: str
    kind: str
    quotes: int = 0
    articles: set[str] = attrs.Factory(set)
    roles: Counter[str] = attrs.Factory(Counter)
    pronouns: Counter[str] = attrs.Factory(Counter)
    variants: Counter[str] = attrs.Factory(Counter)  # name as written -> articles

    def add(self, row: Mapping[str, Any]) -> None:
        """Count one article's row for this speaker."""
        self.quotes += row["quote_count"] or 0
        self.articles.add(row["article_id"])
        self.roles.update(row["roles"] or ())
        if row["pronoun"]:
            self.pronouns[row["pronoun"]] += 1
        self.variants[row["name"]] += 1


def _person_key(name: str) -> tuple[str, str] | None:
    """First and last word of a person's full name, case-folded (suffixes kept with the last:
    "Donald Trump Jr." is not "Donald Trump"); None for a lone name."""
    words = name.casefold().split()
    if words and words[-1] in _SUFFIXES and len(words) > 2:
        words = [*words[:-2], f"{words[-2]} {words[-1]}"]
    return (words[0], words[-1]) if len(words) >= 2 else None


def merge_speakers(rows: Iterable[Mapping[str, Any]]) -> list[CorpusSpeaker]:
    """The corpus speakers of ``rows`` (speakers-table rows), name variants merged, most
    quoted first."""
    rows = list(rows)
    groups: dict[tuple[str, ...], CorpusSpeaker] = {}
    lone: list[Mapping[str, Any]] = []
    surnames_by_article: dict[str, Counter[str]] = {}
    for row in rows:
        name = row["name"]
        if row["kind"] == "person":
            surnames_by_article.setdefault(row["article_id"], Counter())[
                name.casefold().split()[-1]
            ] += 1
    for row in rows:
        name, kind = row["name"], row["kind"]
        person = _person_key(name) if kind == "person" else None
        if kind == "person" and person is None:
            lone.append(row)
            continue
        key: tuple[str, ...] = ("person", *person) if person else (kind, name.casefold())
        group = groups.get(key)
        if group is None:
            group = groups[key] = CorpusSpeaker(name, kind)
        group.add(row)
    by_surname: dict[str, CorpusSpeaker] = {}
    for key, group in groups.items():
        if key[0] == "person":
            best = by_surname.get(key[2])
            if best is None or group.quotes > best.quotes:
                by_surname[key[2]] = group
    for row in lone:
        surname = row["name"].casefold()
        target = by_surname.get(surname)
        if target is None or surnames_by_article[row["article_id"]][surname] > 1:
            target = groups.setdefault(("person", surname), CorpusSpeaker(row["name"], "person"))
        target.add(row)
    merged = list(groups.values())
    for group in merged:
        # the full name most articles write ("Barack Obama" over a lone "Obama")
        group.name = max(group.variants, key=lambda name: (" " in name, group.variants[name]))
    merged.sort(key=lambda group: (-group.quotes, group.name))
    return merged


def read_speaker_rows(path: str | Path) -> list[dict[str, Any]]:
    """The rows of the ``speakers`` table of the Parquet output ``path`` (``OUT.parquet``:
    read from ``OUT.speakers.parquet/``), parts in order."""
    from newsdoc.parquet_output import read_tables  # needs pyarrow

    (table,) = read_tables(path, [SPEAKERS])
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def _share(counter: Mapping[str, int]) -> str:
    total = sum(counter.values())
    if not total:
        return "-"
    return ", ".join(f"{key} {count / total:.0%}" for key, count in Counter(counter).most_common())


def render_report(speakers: list[CorpusSpeaker], *, top: int = DEFAULT_TOP) -> str:
    """The corpus report as Markdown: totals, top speakers, kinds, pronouns and merges."""
    quotes = sum(speaker.quotes for speaker in speakers)
    articles = len({article for speaker in speakers for article in speaker.articles})
    lines = [
        f"# Speakers: {len(speakers)} in {articles} articles, {quotes} quotes",
        "",
        f"## Top {min(top, len(speakers))} speakers",
        "",
        "| speaker | kind | quotes | articles | quotes per article | roles | pronoun |",
        "|---|---|---|---|---|---|---|",
    ]
    for speaker in speakers[:top]:
        roles = "; ".join(role for role, _ in speaker.roles.most_common(3)) or "-"
        pronoun = speaker.pronouns.most_common(1)[0][0] if speaker.pronouns else "-"
        lines.append(
            f"| {speaker.name} | {speaker.kind} | {speaker.quotes} | {len(speaker.articles)}"
            f" | {speaker.quotes / len(speaker.articles):.1f} | {roles} | {pronoun} |"
        )
    kinds: Counter[str] = Counter()
    pronouns: Counter[str] = Counter()
    for speaker in speakers:
        kinds[speaker.kind] += speaker.quotes
        if speaker.kind == "person" and speaker.pronouns:
            pronouns[speaker.pronouns.most_common(1)[0][0]] += 1
    lines += [
        "",
        f"Quotes by kind of speaker: {_share(kinds)}",
        f"Pronoun the articles use, over people with one: {_share(pronouns)}",
        "",
        "## Name variants merged",
        "",
    ]
    merges = [speaker for speaker in speakers if len(speaker.variants) > 1]
    for speaker in merges:
        variants = ", ".join(
            f"{name} ({count} article{'s' if count > 1 else ''})"
            for name, count in speaker.variants.most_common()
            if name != speaker.name
        )
        lines.append(f"- {speaker.name} ← {variants}")
    if not merges:
        lines.append("- none")
    return "\n".join(lines) + "\n"


def _as_json(speakers: list[CorpusSpeaker], top: int) -> str:
    return json.dumps(
        [
            {
                "name": speaker.name,
                "kind": speaker.kind,
                "quotes": speaker.quotes,
                "articles": len(speaker.articles),
                "roles": dict(speaker.roles.most_common()),
                "pronouns": dict(speaker.pronouns),
                "variants": dict(speaker.variants),
            }
            for speaker in speakers[:top]
        ],
        ensure_ascii=False,
        indent=2,
    )


SPEAKERS_HELP = """\
Report who is quoted across a Parquet output of newsdoc batch.

Reads the speakers table (OUT.speakers.parquet beside OUT.parquet: one row per article and
speaker) and prints the most quoted speakers with their quotes, articles, kind, roles and
pronoun. Name variants of one person are merged across articles ("Donald J. Trump", a lone
"Trump") and the report lists every merge.
"""
SPEAKERS_EXAMPLES = """\
examples:
  newsdoc batch corpus/ --out parsed.parquet
  newsdoc speakers parsed.parquet
  newsdoc speakers parsed.parquet --top 50 --format json
"""


def add_speaker_options(report: argparse.ArgumentParser) -> None:
    """The arguments of ``newsdoc speakers`` (the subcommand itself is made by the CLI)."""
    report.add_argument(
        "parquet",
        type=Path,
        metavar="OUT.parquet",
        help="the --out of a newsdoc batch run in Parquet (its speakers table is read)",
    )
    report.add_argument(
        "--top",
        type=int,
        default=DEFAULT_TOP,
        metavar="N",
        help="how many speakers to list (default: %(default)s)",
    )
    report.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="a Markdown report, or the top speakers as JSON (default: %(default)s)",
    )


def run_speakers(options: argparse.Namespace) -> int:
    """Print the corpus report of ``options.parquet``; 1 when it has no speakers table."""
    folder = table_paths(options.parquet)[SPEAKERS]
    if not folder.is_dir():
        print(f"newsdoc: no speakers table {folder} for {options.parquet}", file=sys.stderr)
        return 1
    speakers = merge_speakers(read_speaker_rows(options.parquet))
    if options.format == "json":
        print(_as_json(speakers, options.top))
    else:
        print(render_report(speakers, top=options.top), end="")
    return 0
