"""The speaker index across articles: rows, tables, the Parquet table and the corpus report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc.batch import run_batch
from newsdoc.cli import main
from newsdoc.io import Result
from newsdoc.speaker_report import merge_speakers, render_report
from newsdoc.speakers import SPEAKER_COLUMNS, speaker_rows

# invented stories, in the style of wire copy
FIRST = (
    "Ferry Fares Rise Again\n\n"
    "HALDEN — Mayor Lena Okafor defended the new fares on Monday.\n\n"
    "“Nobody likes paying more,” she said. “But the boats are forty years old.”\n\n"
    "The Harbor Gazette, which first reported the rise, called it steep.\n\n"
    "“Commuters will pay twice what they paid in 2019,” the newspaper said."
)
SECOND = (
    "Council Backs Ferry Plan\n\n"
    "HALDEN — Lena M. Okafor won the council vote on Tuesday.\n\n"
    "“We start in May,” Okafor said.\n\n"
    "“The plan has no money behind it,” a council member said."
)


def _row(article_id: str, name: str, kind: str = "person", quotes: int = 1) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "name": name,
        "kind": kind,
        "roles": [],
        "pronoun": None,
        "quote_count": quotes,
    }


def test_speaker_rows_follow_the_index() -> None:
    """One row per speaker, in order of first quote, with kind, roles, pronoun and quotes."""
    rows = speaker_rows(Result("a1", newsdoc.parse(FIRST)))
    assert [row["name"] for row in rows] == ["Lena Okafor", "Harbor Gazette"]
    okafor, gazette = rows
    assert set(okafor) == set(SPEAKER_COLUMNS)
    assert (okafor["kind"], okafor["pronoun"], okafor["quote_count"]) == ("person", "she", 2)
    assert okafor["roles"] == ["Mayor"]
    assert (gazette["kind"], gazette["roles"], gazette["quote_indices"]) == (
        "organisation",
        ["the newspaper"],
        [2],
    )
    assert speaker_rows(Result("bad", None, error="boom")) == []


def test_speakers_table_as_pandas_and_arrow() -> None:
    """``newsdoc.speakers_table`` gives one row per article and speaker."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    articles = [newsdoc.parse(FIRST), newsdoc.parse(SECOND)]
    frame = newsdoc.speakers_table(articles)
    assert list(frame.columns) == list(SPEAKER_COLUMNS)
    assert frame["article_id"].tolist() == ["0", "0", "1", "1"]
    table = newsdoc.speakers_table(articles, arrow=True)
    assert table.num_rows == 4
    assert table.column("kind").to_pylist() == ["person", "organisation", "person", "anonymous"]


def test_variants_merge_across_articles_and_the_report_says_so() -> None:
    """ "Lena M. Okafor" and a lone "Okafor" join "Lena Okafor"; a lone surname shared by two
    speakers of its article stays apart."""
    rows = [
        _row("1", "Lena Okafor", quotes=2),
        _row("2", "Lena M. Okafor"),
        _row("3", "Okafor"),
        _row("4", "Okafor"),
        _row("4", "Ben Okafor"),
        _row("4", "a council member", kind="anonymous"),
    ]
    speakers = merge_speakers(rows)
    first = speakers[0]
    assert (first.name, first.quotes, len(first.articles)) == ("Lena Okafor", 4, 3)
    assert dict(first.variants) == {"Lena Okafor": 1, "Lena M. Okafor": 1, "Okafor": 1}
    assert sorted(speaker.name for speaker in speakers[1:]) == [
        "Ben Okafor",
        "Okafor",
        "a council member",
    ]
    report = render_report(speakers)
    assert "- Lena Okafor ← Lena M. Okafor (1 article), Okafor (1 article)" in report
    assert "| Lena Okafor | person | 4 | 3 | 1.3 |" in report


def test_batch_parquet_has_a_speakers_table_and_the_cli_reports_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newsdoc batch --out x.parquet` writes x.speakers.parquet/, which `newsdoc speakers`
    reads."""
    pytest.importorskip("pyarrow")
    source = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": name, "text": text}) for name, text in (("a", FIRST), ("b", SECOND))]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_batch([source], tmp_path / "out.parquet", workers=1)
    assert list((tmp_path / "out.speakers.parquet").glob("part-*.parquet"))
    assert main(["speakers", str(tmp_path / "out.parquet")]) == 0
    report = capsys.readouterr().out
    assert report.startswith("# Speakers: 3 in 2 articles, 5 quotes")
    assert "- Lena Okafor ← Lena M. Okafor (1 article)" in report
    assert main(["speakers", str(tmp_path / "out.parquet"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "Lena Okafor"
    assert main(["speakers", str(tmp_path)]) == 1
