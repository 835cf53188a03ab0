"""Streaming readers, JSONL results and the Arrow/Parquet tables of newsdoc.io/newsdoc.tables."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

import newsdoc
from newsdoc.io import (
    Result,
    iter_documents,
    read_results,
    read_text_file,
)
from newsdoc.model import Article, Quote, Span
from newsdoc.outputs import JsonlWriter
from newsdoc.speakers import speaker_schema

pa = pytest.importorskip("pyarrow")

from newsdoc import parquet_output, tables  # noqa: E402 - needs pyarrow, checked just above

DOCS = Path(__file__).resolve().parent.parent / "docs"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

STORY = (
    "Harbor authority approves night ferry pilot\n\n"
    "PORTSMOUTH (AP) — The harbor authority on Tuesday approved a six-month trial of late-night "
    'ferry service. "Riders asked for this for years," said chair Ana Lopes.\n\n'
    "The trial begins in March.\n"
)


def fixture_texts() -> list[str]:
    """The hand-written fixture articles, or the one story above when none are present."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    return texts or [STORY]


def test_directory_is_read_recursively_in_order_with_glob(tmp_path: Path) -> None:
    """A directory yields each matching file once, sorted, its path in the folder as id."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "skip.md").write_text(STORY, encoding="utf-8")
    documents = list(iter_documents([tmp_path]))
    assert [doc.id for doc in documents] == ["b/two.txt", "one.txt"]
    assert all(doc.text == STORY and doc.error is None for doc in documents)
    assert [doc.id for doc in iter_documents([tmp_path], glob="*.md")] == ["skip.md"]


def test_jsonl_ids_metadata_and_bad_lines(tmp_path: Path) -> None:
    """JSONL: id field or name:line as id, other fields as metadata, bad lines as errors."""
    path = tmp_path / "news.jsonl.gz"
    lines = [
        json.dumps({"id": "a1", "body": STORY, "source": "wire"}),
        "",
        json.dumps({"body": STORY}),
        "{not json",
        json.dumps({"id": "a4", "body": 42}),
        json.dumps(["a list"]),
    ]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    documents = list(iter_documents([path], text_field="body"))
    name = path.name
    assert [doc.id for doc in documents] == ["a1", f"{name}:3", f"{name}:4", "a4", f"{name}:6"]
    assert documents[0].metadata == {"source": "wire"}
    assert documents[0].text == STORY
    assert [doc.error is None for doc in documents] == [True, True, False, False, False]
    assert "invalid JSON" in str(documents[2].error)
    assert "'body'" in str(documents[3].error)


def test_csv_rows_become_documents(tmp_path: Path) -> None:
    """CSV: one document per row, long fields allowed, other columns kept as metadata."""
    path = tmp_path / "export.csv"
    long_story = STORY + "More text. " * 20_000
    path.write_text(
        'story_id,article,section\nx1,"' + long_story.replace('"', '""') + '",metro\n',
        encoding="utf-8",
    )
    (document,) = iter_documents([path], text_field="article", id_field="story_id")
    assert document.id == "x1"
    assert document.text == long_story
    assert document.metadata == {"section": "metro"}


def test_encoding_is_detected_per_file_or_reported(tmp_path: Path) -> None:
    """A Latin-1 file is decoded with a note; a named encoding that fails is that file's error."""
    path = tmp_path / "pounds.txt"
    path.write_bytes("Fares rise to £3\n\nThe board voted.\n".encode("latin-1"))
    detected = read_text_file(path)
    assert detected.text is not None
    assert "£3" in detected.text
    assert detected.notes
    assert "not valid UTF-8" in detected.notes[0]
    strict = read_text_file(path, encoding="utf-8")
    assert strict.text is None
    assert "utf-8" in str(strict.error)
    missing = list(iter_documents([tmp_path / "absent.txt"]))
    assert missing[0].text is None
    assert "no such file" in str(missing[0].error)


def test_resume_skips_known_ids(tmp_path: Path) -> None:
    """skip_ids drops finished text files and finished JSONL records."""
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(STORY, encoding="utf-8")
    done = {"one.txt"}
    assert [doc.id for doc in iter_documents([tmp_path], skip_ids=done)] == ["two.txt"]


def test_jsonl_results_round_trip_and_torn_line(tmp_path: Path) -> None:
    """Results read back equal the parse; resume cuts a torn last line and keeps the rest."""
    out = tmp_path / "out.jsonl"
    articles = [newsdoc.parse(text) for text in fixture_texts()]
    writer = JsonlWriter(out)
    for index, article in enumerate(articles):
        writer.write(Result(f"d{index}", article, {"n": index}))
    writer.write(Result("bad", None, error="ValueError: boom"))
    writer.close()
    back = list(read_results(out))
    assert [result.article for result in back[:-1]] == articles
    assert back[0].metadata == {"n": 0}
    assert back[-1].error == "ValueError: boom"
    assert not back[-1].ok
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "torn", "meta')
    resumed = JsonlWriter(out, resume=True)
    resumed.close()
    assert resumed.done == {f"d{index}" for index in range(len(articles))} | {"bad"}
    assert out.read_bytes().endswith(b"}\n")


def _quoted_article() -> Article:
    source = '"We will open in March," said Ana Lopes.'
    quote = Quote(
        text="We will open in March,",
        spans=(Span(1, 23),),
        kind="direct",
        speaker="Ana Lopes",
        speaker_mention="Ana Lopes",
        speaker_span=Span(30, 39),
        cue="said",
        cue_span=Span(25, 29),
    )
    return Article(source=source, quotes=(quote,))


def test_rows_match_the_schemas() -> None:
    """Article and quote rows of real parses convert to Arrow with exactly the schemas."""
    results = [Result(f"d{i}", newsdoc.parse(text)) for i, text in enumerate(fixture_texts())]
    results.append(Result("q", _quoted_article(), {"desk": "metro"}))
    results.append(Result("failed", None, error="ValueError: boom"))
    articles = tables.articles_table([tables.article_row(result) for result in results])
    quotes = tables.quotes_table([row for result in results for row in tables.quote_rows(result)])
    assert articles.schema == newsdoc.io.ARTICLE_SCHEMA
    assert quotes.schema == newsdoc.io.QUOTE_SCHEMA
    assert articles.num_rows == len(results)
    assert articles.column("error").null_count == len(results) - 1
    assert quotes.num_rows >= 1
    row = quotes.to_pylist()[-1]
    assert row["article_id"] == "q"
    assert row["speaker"] == "Ana Lopes"
    assert row["start"] == 1
    assert json.loads(articles.to_pylist()[-2]["metadata"]) == {"desk": "metro"}


def test_schema_is_documented_column_by_column() -> None:
    """docs/arrow-schema.md names every column of every table (the doc cannot go stale)."""
    doc = (DOCS / "arrow-schema.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", doc, flags=re.MULTILINE))
    assert set(newsdoc.io.ARTICLE_SCHEMA.names) <= documented
    assert set(newsdoc.io.QUOTE_SCHEMA.names) <= documented
    assert set(speaker_schema().names) <= documented


def test_parquet_dataset_round_trip_resume_and_torn_part(tmp_path: Path) -> None:
    """Parquet parts read back in order; resume adds a part; a torn part is dropped on resume."""
    out = tmp_path / "out.parquet"
    results = [
        Result("first", newsdoc.parse(STORY)),
        Result("quoted", _quoted_article()),
        Result("third", newsdoc.parse(STORY)),
    ]
    writer = parquet_output.ParquetWriter(out)
    writer.write(results[0])
    writer.write(results[1])
    writer.close()
    again = parquet_output.ParquetWriter(out, resume=True)
    assert again.done == {"first", "quoted"}
    again.write(results[2])
    again.close()
    articles, quotes = parquet_output.read_tables(out)
    assert articles.column("id").to_pylist() == ["first", "quoted", "third"]
    expected_quotes = [r.id for r in results if r.article for _ in r.article.quotes]
    assert quotes.column("article_id").to_pylist() == expected_quotes
    (out / "part-00002.parquet").write_bytes(b"PAR1 torn")
    assert parquet_output.ParquetWriter(out, resume=True).done == {"first", "quoted", "third"}
    assert not (out / "part-00002.parquet").exists()
