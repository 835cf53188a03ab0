"""Ids and metadata that are not valid UTF-8 are written, not fatal, in every output.

A JSON ``"\\ud800"`` escape in an id or metadata field, or a file name with a byte that is not
UTF-8, gives a Python string with a lone surrogate, which no UTF-8 output can hold. Before,
one such record stopped the whole batch with ``UnicodeEncodeError``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsdoc.batch import run_batch
from newsdoc.cli import main
from newsdoc.io import clean_id, iter_documents, read_results

STORY = (
    "Ferry service resumes\n\n"
    "PORTSMOUTH (AP) — Ferries ran again on Tuesday after a week of storms, the harbor "
    "authority said.\n"
)
BAD_NAME = os.fsdecode(b"bad\xff.txt")  # "bad\udcff.txt" on a UTF-8 file system


def _inputs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / BAD_NAME).write_text(STORY, encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    # json.dumps escapes the surrogates: the file itself is plain ASCII.
    records = [{"id": "x\ud800", "text": STORY, "title": "\udc00 ok"}, {"id": "y", "text": STORY}]
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [folder, dump]


def test_ids_become_backslash_escapes_that_are_stable() -> None:
    """clean_id keeps valid ids as they are and escapes lone surrogates, distinctly."""
    assert clean_id("plain — id") == "plain — id"
    assert clean_id("x\ud800") == "x\\ud800"
    assert clean_id("x\ud801") != clean_id("x\ud800")


def test_jsonl_output_keeps_going_and_resumes(tmp_path: Path) -> None:
    """Every record is written; metadata reads back unchanged; --resume skips them all."""
    inputs = _inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    summary = run_batch(inputs, out, workers=1)
    assert (summary.documents, summary.failed) == (3, 0)
    results = list(read_results(out))
    assert [r.id for r in results] == [
        "bad\\udcff.txt",
        "x\\ud800",
        "y",
    ]
    assert results[1].metadata == {"title": "\udc00 ok"}
    again = run_batch(inputs, out, workers=1, resume=True)
    assert (again.documents, again.skipped) == (0, 3)
    assert [doc.id for doc in iter_documents(inputs)] == [r.id for r in results]


def test_stdout_output_keeps_going(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--out -` writes the same records as valid UTF-8 JSON lines."""
    inputs = _inputs(tmp_path)
    assert main(["batch", *map(str, inputs), "--out", "-", "--workers", "1", "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines][1:] == ["x\\ud800", "y"]
    assert json.loads(lines[1])["metadata"] == {"title": "\udc00 ok"}


def test_parquet_output_keeps_going(tmp_path: Path) -> None:
    """The Parquet tables hold the escaped id and the metadata as ASCII-escaped JSON."""
    pytest.importorskip("pyarrow")
    from newsdoc.tables import read_tables

    summary = run_batch(_inputs(tmp_path), tmp_path / "out.parquet", workers=1)
    assert (summary.documents, summary.failed) == (3, 0)
    articles, _ = read_tables(tmp_path / "out.parquet")
    assert articles.column("id").to_pylist()[1:] == ["x\\ud800", "y"]
    assert json.loads(articles.column("metadata")[1].as_py()) == {"title": "\udc00 ok"}
