"""The Parquet output: one table per path, parts renamed into place, repaired on resume."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

import pyarrow.parquet as pq  # noqa: E402 - needs pyarrow, checked just above

from newsdoc.batch import run_batch  # noqa: E402
from newsdoc.outputs import OutputError  # noqa: E402
from newsdoc.parquet_output import read_tables, table_paths  # noqa: E402

STORY = (
    "Harbour bridge reopens\n\n"
    "PORTSMOUTH (AP) — The bridge reopened after repairs, officials said. "
    '"We are glad to have it back," said Mayor Ana Lopes. "It took long," she said.\n'
)


def _inputs(tmp_path: Path, count: int) -> Path:
    source = tmp_path / "in.jsonl"
    rows = [{"id": f"d{index:03d}", "text": STORY} for index in range(count)]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return source


def test_each_path_reads_as_exactly_one_table(tmp_path: Path) -> None:
    """pandas.read_parquet of OUT.parquet gives the articles, of OUT.quotes.parquet the quotes."""
    out = tmp_path / "out.parquet"
    run_batch([_inputs(tmp_path, 5)], out, workers=1, rows_per_part=2)
    assert table_paths(out) == {
        "articles": out,
        "quotes": tmp_path / "out.quotes.parquet",
        "speakers": tmp_path / "out.speakers.parquet",
    }
    articles = pd.read_parquet(out)
    quotes = pd.read_parquet(tmp_path / "out.quotes.parquet")
    assert len(articles) == 5
    assert list(articles["id"]) == [f"d{index:03d}" for index in range(5)]
    assert str(articles["quote_count"].dtype) == "int32"
    assert len(quotes) == articles["quote_count"].sum()
    assert set(quotes["article_id"]) == set(articles["id"])


def test_a_kill_mid_part_leaves_only_hidden_temporary_files(tmp_path: Path) -> None:
    """An unfinished part is a hidden .tmp that readers skip; resume deletes and redoes it."""
    out = tmp_path / "out.parquet"
    source = _inputs(tmp_path, 5)
    run_batch([source], out, workers=1, rows_per_part=3)
    # The state a kill leaves mid-part: the temporary files of the next part, half written.
    for folder in table_paths(out).values():
        (folder / ".part-00002.parquet.tmp").write_bytes(b"PAR1 half")
    assert len(pd.read_parquet(out)) == 5
    summary = run_batch([source], out, workers=1, resume=True)
    assert summary.skipped == 5
    assert not list(out.glob(".*.tmp"))


def test_articles_part_without_its_quotes_part_is_redone(tmp_path: Path) -> None:
    """A kill between the two renames (articles first) leaves articles to delete and redo."""
    out = tmp_path / "out.parquet"
    source = _inputs(tmp_path, 5)
    run_batch([source], out, workers=1, rows_per_part=3)
    (tmp_path / "out.quotes.parquet" / "part-00001.parquet").unlink()
    (out / "part-00000.parquet").write_bytes(b"not parquet")  # and one torn by an old version
    run_batch([source], out, workers=1, resume=True, rows_per_part=3)
    articles, quotes = read_tables(out)
    assert sorted(articles.column("id").to_pylist()) == [f"d{index:03d}" for index in range(5)]
    assert quotes.num_rows == 2 * 5
    for folder in table_paths(out).values():
        for part in folder.glob("*.parquet"):
            pq.read_metadata(part)


def test_retry_failed_rewrites_error_rows_away(tmp_path: Path) -> None:
    """Error rows are dropped from their part, then parsed again: each id once."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": STORY}) + "\n" + json.dumps({"id": "b", "body": 1}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.parquet"
    assert run_batch([source], out, workers=1).failed == 1
    source.write_text(
        json.dumps({"id": "a", "text": STORY}) + "\n" + json.dumps({"id": "b", "text": STORY}),
        encoding="utf-8",
    )
    again = run_batch([source], out, workers=1, resume=True, retry_failed=True)
    assert (again.documents, again.failed, again.skipped) == (1, 0, 1)
    articles, _ = read_tables(out)
    assert sorted(articles.column("id").to_pylist()) == ["a", "b"]
    assert articles.column("error").null_count == 2


def test_an_output_without_the_speakers_table_is_not_resumed(tmp_path: Path) -> None:
    """An output written before the speakers table is refused, not parsed again in full."""
    out = tmp_path / "out.parquet"
    source = _inputs(tmp_path, 2)
    run_batch([source], out, workers=1)
    shutil.rmtree(tmp_path / "out.speakers.parquet")
    with pytest.raises(OutputError, match="no speakers table"):
        run_batch([source], out, workers=1, resume=True)
    assert len(pd.read_parquet(out)) == 2


def test_the_old_layout_is_refused(tmp_path: Path) -> None:
    """An output with articles/ and quotes/ inside (newsdoc before 0.2) is not resumed into."""
    out = tmp_path / "out.parquet"
    (out / "articles").mkdir(parents=True)
    with pytest.raises(OutputError, match="layout"):
        run_batch([_inputs(tmp_path, 1)], out, workers=1, resume=True)
