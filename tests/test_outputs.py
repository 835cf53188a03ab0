"""The batch outputs survive a kill at any moment, resume exactly, and refuse to clobber.

Each test builds the state a kill at one particular moment leaves behind and checks that
``--resume`` (``open_output(..., resume=True)``) repairs it: no id lost, none twice, every
file readable.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

import newsdoc
from newsdoc.batch import run_batch
from newsdoc.io import Result, read_results
from newsdoc.outputs import CsvWriter, JsonlWriter, OutputError, article_columns, open_output

STORY = (
    "Harbour bridge reopens\n\n"
    "PORTSMOUTH (AP) — The bridge reopened on Tuesday after repairs, officials said. "
    '"We are glad to have it back," said Mayor Ana Lopes.\n'
)


def _inputs(tmp_path: Path, count: int = 6) -> Path:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": f"d{index}", "text": STORY.replace("Tuesday", f"day {index}")}
        for index in range(count)
    ]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return source


def test_jsonl_unterminated_whole_last_line_is_redone(tmp_path: Path) -> None:
    """A last record whose newline was lost is torn: resume redoes it, never joins two lines."""
    source = _inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    run_batch([source], out, workers=1)
    data = out.read_bytes()
    out.write_bytes(data[:-1])  # the kill came between the record and its newline
    summary = run_batch([source], out, workers=1, resume=True)
    assert summary.skipped == 5
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b""
    ids = [json.loads(line)["id"] for line in lines[:-1]]
    assert ids == [f"d{index}" for index in range(6)]


def test_jsonl_gz_torn_stream_is_cut_to_its_whole_lines(tmp_path: Path) -> None:
    """A gzip output cut mid-stream is rewritten to its whole lines; resume completes it."""
    source = _inputs(tmp_path)
    out = tmp_path / "out.jsonl.gz"
    run_batch([source], out, workers=1)
    out.write_bytes(out.read_bytes()[:-30])  # no end-of-stream marker, last line incomplete
    run_batch([source], out, workers=1, resume=True)
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        ids = [json.loads(line)["id"] for line in handle]
    assert sorted(ids) == sorted(f"d{index}" for index in range(6))


def test_csv_output_one_row_per_article_with_the_article_columns(tmp_path: Path) -> None:
    """--out x.csv writes the article table's columns; lists as JSON; a CR inside stays one cell."""
    pytest.importorskip("pyarrow")
    from newsdoc.tables import ARTICLE_SCHEMA

    source = _inputs(tmp_path, 3)
    out = tmp_path / "out.csv"
    run_batch([source], out, workers=1)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ARTICLE_SCHEMA.names == list(article_columns())
    assert [row["id"] for row in rows] == ["d0", "d1", "d2"]
    assert json.loads(rows[0]["authors"]) == []
    assert "\n" in rows[0]["source"]


def test_csv_resume_cuts_a_torn_row_and_retries_failures(tmp_path: Path) -> None:
    """A CSV row torn inside a quoted field is cut; --retry-failed redoes error rows."""
    out = tmp_path / "out.csv"
    writer = CsvWriter(out)
    writer.write(Result("ok", newsdoc.parse(STORY)))
    writer.write(Result("bad", None, error="ValueError: boom"))
    writer.close()
    whole = out.read_bytes()
    out.write_bytes(whole + b'"torn","","x\nstill in the quoted field')
    resumed = CsvWriter(out, resume=True)
    resumed.close()
    assert resumed.done == {"ok", "bad"}
    assert out.read_bytes() == whole
    retried = CsvWriter(out, resume=True, retry_failed=True)
    retried.close()
    assert retried.done == {"ok"}
    with out.open(encoding="utf-8", newline="") as handle:
        assert [row["id"] for row in csv.DictReader(handle)] == ["ok"]


def test_retry_failed_redoes_error_records_once(tmp_path: Path) -> None:
    """--resume --retry-failed parses error records again and leaves each id once."""
    out = tmp_path / "out.jsonl"
    writer = JsonlWriter(out)
    writer.write(Result("d0", None, error="TimeoutError: timed out after 1 s"))
    writer.close()
    source = _inputs(tmp_path, 2)
    assert run_batch([source], out, workers=1, resume=True).skipped == 1
    assert [r.ok for r in read_results(out)] == [False, True]
    run_batch([source], out, workers=1, resume=True, retry_failed=True)
    results = list(read_results(out))
    assert sorted(r.id for r in results) == ["d0", "d1"]
    assert all(r.ok for r in results)


def test_existing_output_is_refused_without_resume_or_overwrite(tmp_path: Path) -> None:
    """An existing output is never silently replaced; --overwrite replaces it."""
    source = _inputs(tmp_path, 2)
    out = tmp_path / "out.jsonl"
    run_batch([source], out, workers=1)
    with pytest.raises(OutputError, match="--overwrite"):
        run_batch([source], out, workers=1)
    assert run_batch([source], out, workers=1, overwrite=True).documents == 2
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_resume_onto_an_unrelated_output_is_refused(tmp_path: Path) -> None:
    """A resume whose output shares no id with the inputs stops instead of appending all."""
    out = tmp_path / "out.jsonl"
    writer = JsonlWriter(out)
    writer.write(Result("/elsewhere/a.txt", newsdoc.parse(STORY)))
    writer.close()
    with pytest.raises(OutputError, match="none of the 1 documents"):
        run_batch([_inputs(tmp_path, 2)], out, workers=1, resume=True)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_ids_do_not_depend_on_how_the_input_path_is_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dir, /abs/dir and . from inside give the same ids: the resume skips everything."""
    folder = tmp_path / "corpus"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    monkeypatch.chdir(tmp_path)
    run_batch(["corpus"], out, workers=1)
    assert [r.id for r in read_results(out)] == ["2024/a.txt", "b.txt"]
    assert run_batch([folder.resolve()], out, workers=1, resume=True).documents == 0
    monkeypatch.chdir(folder)
    assert run_batch(["."], out, workers=1, resume=True).documents == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_stdout_refuses_resume() -> None:
    """--out - has nothing to read back."""
    with pytest.raises(OutputError):
        open_output(Path("-"), resume=True)
