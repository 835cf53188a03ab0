"""Progress as tqdm users expect: totals and ETA when known, a counter otherwise, a heartbeat."""

from __future__ import annotations

import builtins
import io
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc import progress as progress_module
from newsdoc.cli_inputs import count_documents
from newsdoc.progress import IDLE, Progress, TqdmProgress, make_progress

STORY = (
    "Bridge reopens after repairs\n\n"
    "HARBORVIEW — The Elm Street bridge reopened on Thursday after six weeks of repairs, "
    "the city said.\n"
)
SRC = str(Path(__file__).resolve().parents[1] / "src")


def test_documents_are_counted_when_cheap(tmp_path: Path) -> None:
    """Folders, file lists, CSV and JSONL are counted; standard input is not."""
    folder = tmp_path / "in"
    (folder / "deep").mkdir(parents=True)
    for name in ("a.txt", "deep/b.txt", "c.md"):
        (folder / name).write_text(STORY, encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"text": STORY}) + "\n\n" + json.dumps({"text": "x"}) + "\n")
    export = tmp_path / "export.csv"
    quoted = STORY.replace('"', '""')
    export.write_text(f'id,text\n1,"{quoted}"\n2,"{quoted}"\n\n3,x\n', encoding="utf-8")
    assert count_documents([str(folder)], "*.txt") == 2
    assert count_documents([str(folder / "a.txt"), str(folder / "c.md")], "*.txt") == 2
    assert count_documents([str(dump)], "*.txt") == 2
    assert count_documents([str(export)], "*.txt") == 3
    assert count_documents([str(folder), str(dump), str(export)], "*.txt") == 7
    assert count_documents(["-"], "*.txt") is None


def test_bar_has_total_percentage_and_failures() -> None:
    """With a total the bar shows n/total and a percentage; failures are on it."""
    pytest.importorskip("tqdm")
    stream = io.StringIO()
    bar = TqdmProgress(stream, enabled=True, total=4, interval=0)
    for number in range(4):
        bar.update(100, ok=number != 2)
    bar.close()
    shown = stream.getvalue()
    assert "4/4" in shown
    assert "100%" in shown
    assert "1 failed" in shown
    assert (bar.documents, bar.failed, bar.characters) == (4, 1, 400)


def test_counter_without_a_total() -> None:
    """Without a total tqdm shows a counter and a rate, no percentage."""
    pytest.importorskip("tqdm")
    stream = io.StringIO()
    bar = TqdmProgress(stream, enabled=True, interval=0)
    for _ in range(3):
        bar.update(10)
    bar.close()
    assert "3doc" in stream.getvalue().replace(" ", "")
    assert "%" not in stream.getvalue()


def test_tqdm_auto_is_used_for_notebooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bar comes from tqdm.auto (a widget in Jupyter), given the total and the stream."""
    auto = pytest.importorskip("tqdm.auto")
    made: list[dict[str, Any]] = []

    class FakeBar:
        def __init__(self, **options: Any) -> None:
            made.append(options)

        def __getattr__(self, name: str) -> Any:
            return lambda *args, **kwargs: None

    monkeypatch.setattr(auto, "tqdm", FakeBar)
    stream = io.StringIO()
    TqdmProgress(stream, enabled=True, total=9).close()
    assert made[0]["total"] == 9
    assert made[0]["file"] is stream
    assert made[0]["disable"] is False


def test_off_when_not_a_terminal_and_fallback_without_tqdm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Off a terminal nothing is drawn; without tqdm the built-in counter is used."""
    stream = io.StringIO()
    quiet = make_progress(stream, total=2)
    quiet.update(5)
    quiet.close()
    assert stream.getvalue() == ""
    real_import = builtins.__import__

    def no_tqdm(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("tqdm"):
            raise ImportError("No module named 'tqdm'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tqdm)
    counter = make_progress(stream, enabled=True, total=2)
    assert type(counter) is Progress
    counter.update(5)
    counter.close()
    assert "1 / 2 docs" in stream.getvalue()


@pytest.mark.parametrize("kind", [Progress, TqdmProgress])
def test_a_long_document_says_it_is_working(kind: type[Progress]) -> None:
    """When no document has finished for a while the display says it is still working."""
    if kind is TqdmProgress:
        pytest.importorskip("tqdm")
    stream = io.StringIO()
    display = kind(stream, enabled=True, total=1, interval=0)
    display.beat()
    assert "working" not in stream.getvalue()  # just started: nothing to say
    display.finished_at = time.perf_counter() - IDLE - 5
    display.beat()
    display.close()
    assert "working: 7 s on the current document" in stream.getvalue()


def test_heartbeat_thread_stops_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """The heartbeat thread ends with the display (no thread left behind)."""
    monkeypatch.setattr(progress_module, "HEARTBEAT", 0.01)
    display = Progress(io.StringIO(), enabled=True)
    display.close()
    display._stop.wait(1)
    assert display._stop.is_set()
    display.beat()  # after close: nothing more is written
    assert display.stream.getvalue().count("\n") == 1  # type: ignore[attr-defined]


def test_parse_many_shows_the_total(capsys: pytest.CaptureFixture[str]) -> None:
    """parse_many(progress=True) over a list knows the total (bar n/total)."""
    pytest.importorskip("tqdm")
    articles = list(newsdoc.parse_many([STORY, STORY, STORY], workers=1, progress=True))
    assert len(articles) == 3
    assert "3/3" in capsys.readouterr().err


def test_batch_progress_flag_forces_the_bar(tmp_path: Path) -> None:
    """`--progress` draws the bar with its total even when stderr is not a terminal."""
    pytest.importorskip("tqdm")
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsdoc", "batch", str(folder), "--out", str(out)]
    env = {"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"}
    for extra, shown in (([], False), (["--progress"], True)):
        done = subprocess.run(
            [*command, "--workers", "1", "--overwrite", *extra],  # the same --out twice
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        assert ("3/3" in done.stderr) is shown
        assert "100%" in done.stderr if shown else "\r" not in done.stderr
