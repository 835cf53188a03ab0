"""`newsdoc batch --out -` (JSON lines on stdout) and `--timeout`, through the CLI entry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc import batch, cli
from newsdoc.cli import build_parser, main
from newsdoc.io import read_results
from newsdoc.pipeline import Rule
from newsdoc.state import DocumentState

STORY = (
    "Library extends weekend hours\n\n"
    "LAKEVIEW (AP) — The public library will stay open until 9 p.m. on Saturdays starting next "
    'month, its director said on Wednesday. "People told us evenings matter," said director '
    "Mina Osei.\n"
)
OTHER = (
    "Storm closes mountain pass\n\n"
    "DENVER (AP) — Heavy snow closed a mountain pass on Friday, stranding dozens of drivers.\n"
)


def _dump(tmp_path: Path, *records: dict[str, Any]) -> Path:
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _stall_on_marker(state: DocumentState) -> None:
    if state.source.startswith("STALL"):
        give_up = time.monotonic() + 20  # a broken limit fails the test instead of hanging it
        while time.monotonic() < give_up:
            time.sleep(0.01)


def test_out_dash_writes_the_file_records_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--out -` prints the same JSON lines a file would get; the summary stays on stderr."""
    dump = _dump(tmp_path, {"id": "a", "text": STORY}, {"id": "b", "text": 7}, {"id": "c"})
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(dump), "--out", str(out), "--workers", "1", "--quiet"]) == 1
    code = main(["batch", str(dump), "--out", "-", "--workers", "1"])
    captured = capsys.readouterr()
    assert code == 1  # failures are reported as with a file
    assert captured.out == out.read_text(encoding="utf-8")
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["a", "b", "c"]
    assert "3 documents (2 failed)" in captured.err
    assert captured.err.rstrip().endswith("-> stdout")
    assert not (Path.cwd() / "-").exists()


def test_out_dash_from_a_shell_is_utf8_with_worker_processes(tmp_path: Path) -> None:
    """From a real shell, with two workers and an ASCII locale, stdout is UTF-8 JSON lines."""
    dump = _dump(tmp_path, {"id": "a", "text": STORY}, {"id": "b", "text": OTHER})
    command = [sys.executable, "-m", "newsdoc", "batch", str(dump), "--out", "-"]
    # cwd is the scratch folder (to see that no file named "-" appears), so the code under
    # test is named by absolute path.
    source = str(Path(newsdoc.__file__).resolve().parent.parent)
    environment = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": source}
    finished = subprocess.run(
        [*command, "--workers", "2"],
        capture_output=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env=environment,
    )
    assert finished.returncode == 0, finished.stderr
    lines = finished.stdout.decode("utf-8").splitlines()
    articles = [newsdoc.Article.from_dict(json.loads(line)["article"]) for line in lines]
    assert articles == [newsdoc.parse(STORY), newsdoc.parse(OTHER)]
    assert "—".encode() in finished.stdout  # written as UTF-8, not escaped or refused
    assert b"2 documents (0 failed)" in finished.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["dump.jsonl"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--out", "-", "--resume"], "--resume reads back the output file"),
        (["--out", "-", "--format", "parquet"], "Parquet cannot go to stdout"),
        (["--out", "out.jsonl", "--format", "parquet"], "--format parquet does not match"),
        (["--out", "out.parquet", "--format", "jsonl"], "--format jsonl does not match"),
        (["--out", "out.jsonl", "--timeout", "-1"], "0 for no limit"),
        (["--out", "out.jsonl", "--timeout", "soon"], "0 for no limit"),
    ],
)
def test_impossible_outputs_and_limits_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    """Each impossible combination exits 2 with its reason, before any output is written."""
    dump = _dump(tmp_path, {"id": "a", "text": STORY})
    with pytest.raises(SystemExit) as stopped:
        main(["batch", str(dump), *extra])
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""


def test_timeout_defaults_to_a_minute_and_zero_means_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI passes 60 s per document unless told otherwise; --timeout 0 passes no limit."""
    assert batch.DEFAULT_TIMEOUT == 60
    seen: list[float | None] = []

    def fake_run_batch(*_args: object, timeout: float | None, **_kwargs: object) -> Any:
        seen.append(timeout)
        return batch.BatchSummary(0, 0, 0, 0, 0.1, tmp_path / "out.jsonl")

    monkeypatch.setattr(cli, "run_batch", fake_run_batch)
    common = ["batch", str(tmp_path), "--out", str(tmp_path / "out.jsonl"), "--workers", "1"]
    assert main(common) == 0
    assert main([*common, "--timeout", "0"]) == 0
    assert main([*common, "--timeout", "2.5"]) == 0
    assert seen == [60.0, None, 2.5]
    assert build_parser().parse_args(common).timeout == 60.0
    capsys.readouterr()


def test_timeout_from_the_cli_marks_the_stalled_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--timeout 0.3`: the stalled record times out, the others parse, exit code 1."""
    config = newsdoc.ParserConfig(
        pipeline=newsdoc.Pipeline().insert_before("segment", Rule("stall", _stall_on_marker))
    )
    # workers=1 parses in this process, so the default parser can be swapped for a stalling one.
    monkeypatch.setattr(batch, "DEFAULT_PARSER", newsdoc.Parser(config))
    dump = _dump(
        tmp_path,
        {"id": "a", "text": STORY},
        {"id": "stuck", "text": "STALL " + STORY},
        {"id": "b", "text": OTHER},
    )
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(dump), "--out", str(out), "--workers", "1", "--timeout", "0.3"])
    err = capsys.readouterr().err
    assert code == 1
    results = list(read_results(out))
    assert [(r.id, r.error) for r in results] == [
        ("a", None),
        ("stuck", "TimeoutError: timed out after 0.3 s"),
        ("b", None),
    ]
    assert "3 documents (1 failed, 1 timed out)" in err
