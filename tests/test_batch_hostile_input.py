"""Hostile input to a batch becomes error records; the batch always goes on to the next one."""

from __future__ import annotations

import gzip
import json
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdoc
from newsdoc import batch
from newsdoc.batch import run_batch
from newsdoc.io import Result, iter_documents, read_results
from newsdoc.model import Article
from newsdoc.serialize import dumps, loads

STORY = "Bridge reopens\n\nThe bridge reopened after repairs, officials said.\n"


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record) + "\n"


@pytest.mark.parametrize("depth", [985, 100_000])
def test_deeply_nested_metadata_is_an_error_record(tmp_path: Path, depth: int) -> None:
    """Metadata nested 985 or 100,000 deep is one error record; the next record is parsed.

    Two workers: 985 levels read, but then overflowed pickling the document for a worker.
    """
    source = tmp_path / "in.jsonl"
    nested = '{"id": "deep", "text": "x", "meta": ' + "[" * depth + "]" * depth + "}\n"
    source.write_text(nested + _line({"id": "next", "text": STORY}), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([source], out, workers=2)
    results = list(read_results(out))
    assert [r.id for r in results] == ["in.jsonl:1", "next"]
    assert "nest" in str(results[0].error)
    assert results[1].ok
    assert summary.failed == 1


def test_truncated_gzip_input_is_a_file_error_and_later_inputs_are_read(tmp_path: Path) -> None:
    """A .jsonl.gz cut short gives its whole records, one error, then the next input."""
    broken = tmp_path / "broken.jsonl.gz"
    data = gzip.compress(
        "".join(_line({"id": f"g{index}", "text": STORY * 5}) for index in range(20)).encode()
    )
    broken.write_bytes(data[: len(data) // 2])
    after = tmp_path / "after.jsonl"
    after.write_text(_line({"id": "after", "text": STORY}), encoding="utf-8")
    documents = list(iter_documents([broken, after]))
    assert documents[-1].id == "after"
    assert documents[-2].text is None
    assert "cannot read on" in str(documents[-2].error)
    assert all(doc.text is not None for doc in documents[:-2])


def test_a_carriage_return_is_json_white_space(tmp_path: Path) -> None:
    """A CR between JSON tokens does not split the record (lines end at LF only)."""
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "cr",\r"text": "Bridge reopens\\n\\nIt did."}\n')
    documents = list(iter_documents([source]))
    assert [(doc.id, doc.error) for doc in documents] == [("cr", None)]


def test_nan_and_infinity_are_never_written_as_bare_nan(tmp_path: Path) -> None:
    """NaN, Infinity and 1e999 in input metadata come out as null: strict JSON."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "n", "text": "Bridge", "score": NaN, "hi": Infinity, "big": 1e999}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    run_batch([source], out, workers=1)
    text = out.read_text(encoding="utf-8")
    assert "NaN" not in text
    assert "Infinity" not in text

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    record = json.loads(text, parse_constant=refuse)
    assert record["metadata"] == {"score": None, "hi": None, "big": None}


def test_nan_in_python_metadata_is_written_as_null() -> None:
    """result_line is strict JSON even for metadata a Python caller passes."""
    from newsdoc.io import result_line

    line = result_line(Result("x", None, {"score": float("nan")}, error="E"))
    assert json.loads(line)["metadata"] == {"score": None}


def test_the_time_limit_covers_encoding_the_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A result that takes too long to encode times out like a slow parse."""
    real = batch.encode

    def slow(payload: Any, result: Result) -> Any:
        if result.article is not None:
            time.sleep(30)
        return real(payload, result)

    monkeypatch.setattr(batch, "encode", slow)
    source = tmp_path / "in.jsonl"
    source.write_text(_line({"id": "slow", "text": STORY}), encoding="utf-8")
    summary = run_batch([source], tmp_path / "out.jsonl", workers=1, timeout=0.2)
    assert (summary.failed, summary.timed_out) == (1, 1)


def test_wrong_arguments_raise_type_errors_naming_the_type() -> None:
    """config, Parser(None), parse_many's texts and workers: TypeError naming what was wanted."""
    with pytest.raises(TypeError, match="ParserConfig or None, got str"):
        newsdoc.parse("Text", config="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="ParserConfig, got NoneType"):
        newsdoc.Parser(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text 1 is a NoneType"):
        list(newsdoc.parse_many(["Text", None], workers=1))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="iterable of str, got str"):
        newsdoc.parse_many("abc")
    with pytest.raises(TypeError, match="workers must be an int, got str"):
        newsdoc.parse_many([], workers="2")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="workers must be at least 1"):
        newsdoc.parse_many([], workers=0)


@pytest.mark.parametrize("published", [date.min, date.max, datetime.max, datetime.min])
def test_weekdays_at_the_ends_of_the_calendar(published: date) -> None:
    """At date.min/date.max a weekday outside the calendar is noted, the others resolved."""
    config = newsdoc.ParserConfig(resolve_weekdays=True)
    text = "Vote set\n\nThe board met on Sunday and will meet again on Monday, it said."
    article = newsdoc.parse(text, published=published, config=config)
    notes = [note for note in article.notes if note.startswith("weekday")]
    assert len(notes) == 2
    assert sum("outside the calendar" in note for note in notes) == 1


def test_json_round_trip_is_exact_for_every_str() -> None:
    """Lone surrogates (adjacent ones too), NULs, BOMs, ZWJ, RTL and emoji come back exactly."""
    text = (
        "Headline \ud83d\ude00 \U0001f600\n\n\x00\x0c\u200d\ufeff \u05e9\u05dc\u05d5\u05dd"
        " \\uD83D\\uDE00 literal \udfff\ud800 end"
    ) * 50
    article = newsdoc.parse(text)
    encoded = article.to_json()
    encoded.encode("utf-8")
    back = Article.from_json(encoded)
    assert back == article
    assert back.source == text
    # Standard JSON from elsewhere keeps its meaning: an escaped pair is one character.
    assert json.loads(json.dumps("\U0001f600")) == "\U0001f600"


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(exclude_categories=()),  # surrogates included
            st.sampled_from(["\\", "u", "D", "8", "3", "E", "0", '"', "\ud83d", "\ude00"]),
        )
    )
)
def test_serialize_round_trip_is_exact_for_any_str(text: str) -> None:
    """dumps/loads give back every str exactly, as strict UTF-8-encodable JSON."""
    encoded = dumps({"source": text, "list": [text]})
    encoded.encode("utf-8")
    assert loads(encoded) == {"source": text, "list": [text]}


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(
        st.one_of(
            st.binary(max_size=40),
            st.sampled_from([b'{"id": "a", "text": "T"}', b"[[[[", b"NaN", b'{"text": 1}']),
        ),
        max_size=8,
    ),
    cut=st.integers(min_value=0, max_value=400),
)
def test_any_bytes_in_a_jsonl_or_gzip_input_never_stop_the_reader(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes], cut: int
) -> None:
    """Whatever the bytes (and wherever a .gz is cut), reading yields documents, never raises."""
    folder = tmp_path_factory.mktemp("hostile")
    data = b"\n".join(lines)
    plain = folder / "a.jsonl"
    plain.write_bytes(data)
    gzipped = folder / "b.jsonl.gz"
    gzipped.write_bytes(gzip.compress(data)[:cut])
    after = folder / "c.jsonl"
    after.write_text(_line({"id": "after", "text": STORY}), encoding="utf-8")
    documents = list(iter_documents([plain, gzipped, after]))
    assert documents[-1].id == "after"
