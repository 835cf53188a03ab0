"""The batch outputs of robust-data speak the schema and conventions of cli-tables.

Every JSON lines output (plain, gzip, stdout) carries the ``warnings`` field and escapes
DEL/C1 controls; the CSV header is the articles table's columns, with UTC times; standard
input is read once, by the run, also when it resumes.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from datetime import datetime
from pathlib import Path

import pytest

from newsdoc.batch import run_batch
from newsdoc.io import read_results
from newsdoc.outputs import article_columns

STORY = (
    "Harbour bridge reopens\n\n"
    "PORTSMOUTH (AP) — The bridge reopened on Tuesday after repairs, officials said. "
    '"We are glad to have it back," said Mayor Ana Lopes.\n'
)
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
EMPTY_WARNING = "the text is empty: there is nothing to parse"


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _inputs(tmp_path: Path) -> Path:
    return _jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "story", "text": STORY},
            {"id": "empty", "text": ""},
            {"id": "controls", "text": STORY.replace("repairs", "repairs\x85\x9b\x7f")},
        ],
    )


def test_jsonl_gz_records_carry_warnings_and_no_raw_controls(tmp_path: Path) -> None:
    """A .jsonl.gz output is written by batch_line: warnings field, escaped C1 controls."""
    out = tmp_path / "out.jsonl.gz"
    run_batch([_inputs(tmp_path)], out, workers=1)
    text = gzip.decompress(out.read_bytes()).decode("utf-8")
    assert RAW_CONTROL.search(text) is None
    records = {record["id"]: record for record in map(json.loads, text.splitlines())}
    assert "warnings" not in records["story"]
    assert records["empty"]["warnings"] == [EMPTY_WARNING]
    assert "repairs\x85\x9b\x7f" in records["controls"]["article"]["source"]  # read back exactly
    assert [result.id for result in read_results(out)] == ["story", "empty", "controls"]


def test_csv_output_has_the_articles_table_columns(tmp_path: Path) -> None:
    """The CSV header is the articles table's; counts, warnings and UTC times as written."""
    out = tmp_path / "out.csv"
    run_batch([_inputs(tmp_path)], out, workers=1, published=datetime(2024, 3, 5, 9, 30))
    with out.open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    header = list(next(iter(rows.values())))
    assert tuple(header) == article_columns()
    assert {"quote_count", "word_count", "removed_count", "warnings"} <= set(header)
    story = rows["story"]
    assert story["published"] == "2024-03-05T09:30:00+00:00"
    assert story["quote_count"] == "1"
    assert json.loads(story["warnings"]) == []
    assert json.loads(rows["empty"]["warnings"]) == [EMPTY_WARNING]


def test_csv_columns_are_the_arrow_schema() -> None:
    """One schema: the CSV columns are the names of ARTICLE_SCHEMA, in order."""
    pytest.importorskip("pyarrow")
    from newsdoc.tables import ARTICLE_SCHEMA

    assert article_columns() == tuple(ARTICLE_SCHEMA.names)


def test_resume_from_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`batch - --resume` reads stdin once, skips what is done and appends the rest."""
    out = tmp_path / "out.jsonl"
    first = "".join(json.dumps({"id": key, "text": STORY}) + "\n" for key in ("a", "b"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(first))
    run_batch(["-"], out, workers=1)
    again = first + json.dumps({"id": "c", "text": STORY}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(again))
    summary = run_batch(["-"], out, workers=1, resume=True)
    assert summary.skipped == 2
    assert summary.documents == 1
    assert [result.id for result in read_results(out)] == ["a", "b", "c"]


def test_an_existing_output_is_refused_before_the_bar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing --out is a usage error before inputs are counted or a bar is drawn."""
    from newsdoc.cli import main

    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["batch", str(_inputs(tmp_path)), "--out", str(out), "--progress", "--workers", "1"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--overwrite" in err
    assert "doc" not in err.replace("newsdoc", "")  # neither a tqdm bar nor the built-in line
    assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'
