"""newsdoc.dask on a real two-process LocalCluster: results equal the single-process parse."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsdoc

distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

import dask.bag as db  # noqa: E402 - optional dependencies, checked just above
import dask.dataframe as dd  # noqa: E402

from newsdoc import tables  # noqa: E402
from newsdoc.dask import compute, parse_bag, parse_frame, read_files, to_parquet  # noqa: E402
from newsdoc.io import Result  # noqa: E402
from newsdoc.speaker_report import merge_speakers, read_speaker_rows  # noqa: E402
from newsdoc.speakers import speaker_rows, speaker_schema  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STORIES = [
    f"Port traffic report {n}\n\nHALIFAX (AP) — Container traffic rose {n} percent in the "
    f'quarter, the port authority said on Thursday. "Volumes are back," said director Omar Reyes.\n'
    for n in range(1, 9)
]


def texts() -> list[str]:
    """Fixture articles plus short invented stories."""
    return [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))] + STORIES


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of two single-threaded worker processes, shared by this module."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_cluster_runs_worker_processes(client: Any) -> None:
    """The cluster really has two worker processes other than this one."""
    pids = set(client.run(os.getpid).values())
    assert len(pids) == 2
    assert os.getpid() not in pids


def test_bag_of_texts_equals_single_process(client: Any) -> None:
    """parse_bag on the cluster returns exactly newsdoc.parse of each text, in order."""
    inputs = texts()
    bag = db.from_sequence(inputs, npartitions=4)
    assert parse_bag(bag).compute() == [newsdoc.parse(text) for text in inputs]


def test_frame_tables_equal_single_process_rows(client: Any) -> None:
    """parse_frame gives the rows (and schemas) that the single-process table functions give,
    for each of the three tables."""
    inputs = texts()
    frame = pd.DataFrame({"key": [f"k{i}" for i in range(len(inputs))], "body": inputs})
    frame["desk"] = "world"
    lazy = parse_frame(dd.from_pandas(frame, npartitions=3), text_column="body", id_column="key")
    articles, quotes, speakers = compute(lazy)
    results = [
        Result(f"k{i}", newsdoc.parse(text), {"desk": "world"}) for i, text in enumerate(inputs)
    ]
    expected = tables.articles_table([tables.article_row(result) for result in results])
    expected_quotes = tables.quotes_table([r for res in results for r in tables.quote_rows(res)])
    got = tables.articles_table(articles.to_dict("records"))
    assert got.to_pylist() == expected.to_pylist()
    assert tables.quotes_table(quotes.to_dict("records")).equals(expected_quotes)
    expected_speakers = [row for result in results for row in speaker_rows(result)]
    assert len(expected_speakers) >= len(STORIES)  # every invented story has a speaker
    got_speakers = pa.Table.from_pylist(speakers.to_dict("records"), schema=speaker_schema())
    assert got_speakers.to_pylist() == expected_speakers


def test_files_to_parquet_have_the_batch_schema(client: Any, tmp_path: Path) -> None:
    """Files read with from_map and written with to_parquet carry exactly the batch schemas."""
    paths = []
    for index, story in enumerate(STORIES):
        path = tmp_path / f"{index}.txt"
        path.write_text(story, encoding="utf-8")
        paths.append(path)
    lazy = parse_frame(read_files(paths, files_per_partition=3), id_column="id")
    to_parquet(lazy, tmp_path / "out.parquet")
    articles = pq.read_table(tmp_path / "out.parquet")
    assert pq.read_table(tmp_path / "out.quotes.parquet").schema.equals(newsdoc.io.QUOTE_SCHEMA)
    speakers = pq.read_table(tmp_path / "out.speakers.parquet")
    assert speakers.schema.equals(speaker_schema())
    assert {row["name"] for row in speakers.to_pylist()} == {"Omar Reyes"}
    # the corpus report reads a Dask output as it reads a batch one
    (reyes,) = merge_speakers(read_speaker_rows(tmp_path / "out.parquet"))
    assert (reyes.name, reyes.quotes) == ("Omar Reyes", len(STORIES))
    assert articles.schema.equals(newsdoc.io.ARTICLE_SCHEMA)
    assert sorted(articles.column("id").to_pylist()) == sorted(str(path) for path in paths)
    headlines = {row["id"]: row["headline"] for row in articles.to_pylist()}
    assert headlines == {
        str(p): newsdoc.parse(s).headline for p, s in zip(paths, STORIES, strict=True)
    }
