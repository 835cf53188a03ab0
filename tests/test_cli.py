"""The newsdoc command line end to end: parse formats, batch inputs, failures, --resume."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import newsdoc
from newsdoc.cli import main
from newsdoc.io import read_results

STORY = (
    "Library extends weekend hours\n\n"
    "By Jonah Pierce\n\n"
    "LAKEVIEW (AP) — The public library will stay open until 9 p.m. on Saturdays starting next "
    'month, its director said on Wednesday. "People told us evenings matter," said director '
    "Mina Osei.\n\n"
    "The change costs about $40,000 a year.\n"
)
OTHER = (
    "Storm closes mountain pass\n\n"
    "DENVER (AP) — Heavy snow closed a mountain pass on Friday, stranding dozens of drivers.\n\n"
    "Crews expected to reopen the road by Sunday.\n"
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``main(argv)``; return the exit code, stdout and stderr."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    """One article on disk."""
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_parse_json_equals_the_library(
    story_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`parse --format json` prints Article.to_dict() of the file."""
    code, out, _ = run(["parse", str(story_file), "--published", "2024-03-06"], capsys)
    assert code == 0
    expected = newsdoc.parse(STORY, published=date(2024, 3, 6))
    assert newsdoc.Article.from_dict(json.loads(out)) == expected


@pytest.mark.parametrize("style", ["jsonl", "markdown", "text", "summary"])
def test_parse_other_formats(
    style: str, story_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every format prints something built from the parsed headline, for each file given."""
    second = tmp_path / "second.txt"
    second.write_text(OTHER, encoding="utf-8")
    code, out, _ = run(["parse", "--format", style, str(story_file), str(second)], capsys)
    assert code == 0
    for text in (STORY, OTHER):
        headline = newsdoc.parse(text).headline
        assert headline
        assert headline in out
    if style == "jsonl":
        assert len(out.splitlines()) == 2
        return
    # Several documents are each named before their output, in order, as `head` does.
    opening = "<!-- {} -->" if style == "markdown" else "==> {} <=="
    first, second_header = opening.format(story_file), opening.format(second)
    assert out.startswith(first + "\n\n")
    assert out.index(newsdoc.parse(STORY).headline or "") < out.index(second_header)
    assert f"\n\n{second_header}\n\n" in out
    if style == "markdown":
        assert f"{first}\n\n# " in out
    if style == "summary":
        assert "speakers:" in out


def test_parse_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no file, parse reads one article from stdin."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(OTHER))
    code, out, _ = run(["parse", "--format", "text"], capsys)
    assert code == 0
    assert "mountain pass" in out


def test_parse_reports_an_unreadable_file(
    story_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file is reported on stderr with exit 1; the other file is still printed."""
    code, out, err = run(["parse", str(tmp_path / "absent.txt"), str(story_file)], capsys)
    assert code == 1
    assert "absent.txt" in err
    assert json.loads(out)["headline"] == newsdoc.parse(STORY).headline


def _corpus(tmp_path: Path) -> list[str]:
    folder = tmp_path / "texts" / "nested"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    records = [{"uid": "j1", "body": STORY, "site": "x"}, {"uid": "j2", "body": OTHER}]
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    export = tmp_path / "export.csv"
    export.write_text('uid,body\nc1,"' + STORY.replace('"', '""') + '"\n', encoding="utf-8")
    return [str(tmp_path / "texts"), str(dump), str(export)]


def test_batch_over_directory_jsonl_and_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One record per document from every kind of input, parsed as the library parses it."""
    out = tmp_path / "out.jsonl"
    argv = ["batch", *_corpus(tmp_path), "--out", str(out), "--text-field", "body"]
    code, _, err = run([*argv, "--id-field", "uid", "--workers", "1"], capsys)
    assert code == 0
    results = list(read_results(out))
    assert [Path(r.id).name for r in results] == ["a.txt", "b.txt", "j1", "j2", "c1"]
    assert [r.article for r in results] == [
        newsdoc.parse(text) for text in (STORY, OTHER, STORY, OTHER, STORY)
    ]
    assert results[2].metadata == {"site": "x"}
    assert "5 documents (0 failed)" in err


def test_batch_failure_gives_error_record_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad record is written as an error with its id; the batch finishes and exits 1."""
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps({"id": "ok", "text": STORY})
        + "\n"
        + json.dumps({"id": "bad", "text": 7})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    code, _, err = run(["batch", str(dump), "--out", str(out), "--workers", "1"], capsys)
    assert code == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == ["ok", "bad"]
    assert "article" in records[0]
    assert "'text'" in records[1]["error"]
    assert "1 failed" in err


def test_resume_skips_finished_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--resume parses only what is not yet in the output, after a torn (interrupted) write."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    # Simulate a run killed while writing c: its line is torn, a and b are complete.
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + lines[1] + lines[2][:40], encoding="utf-8")
    # A finished input edited afterwards proves it is not parsed again.
    (folder / "a.txt").write_text(OTHER, encoding="utf-8")
    (folder / "d.txt").write_text(OTHER, encoding="utf-8")
    code, _, err = run(
        ["batch", str(folder), "--out", str(out), "--resume", "--workers", "1"], capsys
    )
    assert code == 0
    results = list(read_results(out))
    assert [Path(r.id).name for r in results] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert results[0].article == newsdoc.parse(STORY)
    assert "2 documents" in err
    assert "2 already done" in err


def test_batch_parquet_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Parquet output resumes into a new part without duplicating finished articles."""
    pytest.importorskip("pyarrow")
    from newsdoc.tables import read_tables

    inputs = _corpus(tmp_path)
    out = tmp_path / "out.parquet"
    common = ["--out", str(out), "--text-field", "body", "--id-field", "uid", "--quiet"]
    assert main(["batch", inputs[0], *common]) == 0
    assert main(["batch", *inputs, *common, "--resume"]) == 0
    articles, _ = read_tables(out)
    assert sorted(Path(i).name for i in articles.column("id").to_pylist()) == [
        "a.txt",
        "b.txt",
        "c1",
        "j1",
        "j2",
    ]
    assert len(list(out.glob("part-*.parquet"))) == 2
    assert len(list((tmp_path / "out.quotes.parquet").glob("part-*.parquet"))) == 2
    capsys.readouterr()


def test_bad_output_name_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An --out that is neither .jsonl nor .parquet exits 2 before any work."""
    with pytest.raises(SystemExit) as stopped:
        main(["batch", str(tmp_path), "--out", str(tmp_path / "out.txt")])
    assert stopped.value.code == 2
    assert ".jsonl, .jsonl.gz, .csv or .parquet" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli_with_worker_processes(tmp_path: Path) -> None:
    """`python -m newsdoc batch --workers 2` works from a real shell, quiet off a terminal."""
    inputs = _corpus(tmp_path)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsdoc", "batch", *inputs, "--out", str(out)]
    command += ["--text-field", "body", "--workers", "2"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert finished.returncode == 0, finished.stderr
    assert "\r" not in finished.stderr  # no progress line when stderr is not a terminal
    assert "5 documents" in finished.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
