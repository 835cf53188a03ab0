"""parse_many and run_batch: input order, worker processes, bounded read-ahead, error records."""

from __future__ import annotations

import io
import json
import os
import pickle
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import newsdoc
from newsdoc.batch import Progress, ordered_map, run_batch
from newsdoc.io import read_results
from newsdoc.pipeline import Rule
from newsdoc.state import DocumentState

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STORIES = [
    f"Council backs plan number {n}\n\nRIVERTON (AP) — The city council voted {n} to 2 on "
    f'Monday to widen Elm Street. "It is overdue," said council member Rosa Vance.\n'
    for n in range(3, 12)
]


def texts() -> list[str]:
    """Fixture articles plus short invented stories (varied lengths and layouts)."""
    fixtures = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    return fixtures + STORIES


def _double(chunk: list[int]) -> list[int]:
    return [2 * item for item in chunk]


def test_parse_many_keeps_order_and_equals_parse() -> None:
    """Two worker processes give exactly the single-process articles, in input order."""
    inputs = texts()
    expected = [newsdoc.parse(text) for text in inputs]
    assert list(newsdoc.parse_many(inputs, workers=2, chunksize=2)) == expected
    assert list(newsdoc.parse_many(iter(inputs), workers=1)) == expected


def test_parse_many_raises_at_the_failing_text() -> None:
    """A text that cannot be parsed raises when its turn comes, after the earlier articles."""
    config = newsdoc.ParserConfig(max_chars=500)
    results = newsdoc.parse_many(["Short piece\n\nIt rained.", "x" * 600], workers=1, config=config)
    assert next(results).headline is not None
    with pytest.raises(ValueError, match="max_chars"):
        next(results)


def test_read_ahead_is_bounded() -> None:
    """The input is consumed lazily: at most window x chunksize items ahead of the output."""
    consumed = 0

    def numbers() -> Iterator[int]:
        nonlocal consumed
        for number in range(10_000):
            consumed += 1
            yield number

    output = ordered_map(_double, numbers(), workers=2, chunksize=5, window=3)
    assert [next(output) for _ in range(4)] == [0, 2, 4, 6]
    assert consumed <= 5 * 4
    output.close()
    assert list(ordered_map(_double, range(7), workers=1, chunksize=3)) == [2 * n for n in range(7)]


def test_batch_records_failures_and_goes_on(tmp_path: Path) -> None:
    """A failing document becomes an error record; the others are all written, in order."""
    folder = tmp_path / "in"
    folder.mkdir()
    for index, story in enumerate(STORIES):
        (folder / f"{index:02d}.txt").write_text(story, encoding="utf-8")
    (folder / "05.txt").write_text("x" * 2000, encoding="utf-8")
    config = newsdoc.ParserConfig(max_chars=1000)
    summary = run_batch([folder], tmp_path / "out.jsonl", workers=2, config=config, chunksize=2)
    results = list(read_results(tmp_path / "out.jsonl"))
    assert [Path(result.id).name for result in results] == sorted(
        path.name for path in folder.iterdir()
    )
    failed = [result for result in results if not result.ok]
    assert [Path(result.id).name for result in failed] == ["05.txt"]
    assert "ValueError" in str(failed[0].error)
    assert (summary.documents, summary.failed) == (len(STORIES), 1)


def test_batch_to_parquet_matches_jsonl(tmp_path: Path) -> None:
    """The Parquet tables hold the same articles, errors and metadata as the JSONL output."""
    tables = pytest.importorskip("newsdoc.tables")
    pytest.importorskip("pyarrow")
    source = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"s{i}", "text": t, "desk": "metro"}) for i, t in enumerate(texts())]
    source.write_text("\n".join([*lines, '{"id": "broken"}']) + "\n", encoding="utf-8")
    run_batch([source], tmp_path / "out.jsonl", workers=1)
    summary = run_batch([source], tmp_path / "out.parquet", workers=2)
    articles, quotes = tables.read_tables(tmp_path / "out.parquet")
    from_jsonl = list(read_results(tmp_path / "out.jsonl"))
    assert articles.column("id").to_pylist() == [result.id for result in from_jsonl]
    assert articles.column("headline").to_pylist() == [
        result.article.headline if result.article else None for result in from_jsonl
    ]
    assert quotes.num_rows == sum(len(r.article.quotes) for r in from_jsonl if r.article)
    assert json.loads(articles.column("metadata")[0].as_py()) == {"desk": "metro"}
    assert summary.failed == 1


def test_dead_worker_stops_with_the_output_so_far_intact(tmp_path: Path) -> None:
    """A killed worker process ends the batch with BrokenProcessPool; written lines stay valid."""
    source = tmp_path / "in.jsonl"
    rows = [{"id": str(i), "text": story} for i, story in enumerate(STORIES)]
    rows[6]["text"] = "CRASH " + rows[6]["text"]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    config = newsdoc.ParserConfig(
        pipeline=newsdoc.Pipeline().insert_before("segment", Rule("crash", _crash_on_marker))
    )
    out = tmp_path / "out.jsonl"
    with pytest.raises(BrokenProcessPool):
        run_batch([source], out, workers=2, config=config, chunksize=1)
    written = list(read_results(out))
    assert [result.id for result in written] == [str(i) for i in range(len(written))]
    assert len(written) < len(rows)


def _crash_on_marker(state: DocumentState) -> None:
    if state.source.startswith("CRASH"):
        os._exit(3)  # a worker killed mid-document, as by the out-of-memory killer


def test_progress_line_only_when_enabled() -> None:
    """The progress line shows documents/s on request and stays silent off a terminal."""
    shown, hidden = io.StringIO(), io.StringIO()
    visible = Progress(shown, enabled=True, interval=0)
    silent = Progress(hidden)  # a StringIO is not a terminal
    for progress in (visible, silent):
        progress.update(1_000)
        progress.update(500, ok=False)
        progress.close()
    assert "2 docs" in shown.getvalue()
    assert "docs/s" in shown.getvalue()
    assert "1 failed" in shown.getvalue()
    assert hidden.getvalue() == ""


def test_parser_round_trips_through_pickle() -> None:
    """What workers receive (a configured Parser) survives pickling and parses the same."""
    parser = newsdoc.Parser(newsdoc.ParserConfig().disable("quotes"))
    clone = pickle.loads(pickle.dumps(parser))
    assert clone.parse(STORIES[0]) == parser.parse(STORIES[0])
