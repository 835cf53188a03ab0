"""Batches killed at random moments lose nothing; write errors end in one line; workers die.

The kill test runs real batches in a subprocess, SIGKILLs them at several random moments,
resumes each time and finally checks that every input id is in the output exactly once and
that every file reads. The moments are random (seeded) so that, over runs, kills land in
every phase: start-up, parsing, writing a record, closing a part, renaming.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdoc import outputs
from newsdoc.cli import EXIT_CRASHED, main

SRC = Path(__file__).resolve().parent.parent / "src"
STORY = (
    "Council backs plan {n}\n\nRIVERTON (AP) — The city council voted {n} to 2 on Monday to "
    'widen Elm Street. "It is overdue," said council member Rosa Vance. '
    "The work starts in spring, officials said.\n\n"
)
RUN = """
import sys
from newsdoc.batch import run_batch
run_batch([sys.argv[1]], sys.argv[2], workers=2, resume=True, chunksize=4, rows_per_part=40)
"""
posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and /proc are POSIX")


def _corpus(tmp_path: Path, count: int) -> tuple[Path, list[str]]:
    source = tmp_path / "in.jsonl"
    ids = [f"doc-{index:04d}" for index in range(count)]
    with source.open("w", encoding="utf-8") as handle:
        for index, doc_id in enumerate(ids):
            text = STORY.format(n=index) * (1 + index % 7)
            handle.write(json.dumps({"id": doc_id, "text": text}) + "\n")
    return source, ids


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC)}


def _start(source: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", RUN, str(source), str(out)],
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _output_ids(out: Path) -> list[str]:
    if out.suffix == ".jsonl":
        lines = out.read_bytes().split(b"\n")
        assert lines[-1] == b"", "the JSONL output must end with a newline"
        return [json.loads(line)["id"] for line in lines[:-1]]
    pandas = pytest.importorskip("pandas")
    from newsdoc.parquet_output import table_paths

    paths = table_paths(out)
    quotes = pandas.read_parquet(paths["quotes"])
    articles = pandas.read_parquet(out)
    assert set(quotes["article_id"]) <= set(articles["id"])
    assert len(quotes) == articles["quote_count"].sum()
    return list(articles["id"])


@posix_only
@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet"])
def test_sigkill_at_random_moments_then_resume_keeps_every_id_once(
    tmp_path: Path, name: str
) -> None:
    """Five SIGKILLs at random moments, a resume after each: every id once, files readable."""
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    source, ids = _corpus(tmp_path, 3000)
    out = tmp_path / name
    chooser = random.Random(f"kill-{name}")
    kills = 0
    for _attempt in range(5):
        process = _start(source, out)
        try:
            process.wait(timeout=chooser.uniform(0.3, 1.5))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
        else:
            break
    finished = subprocess.run(
        [sys.executable, "-c", RUN, str(source), str(out)],
        env=_environment(),
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr.decode()
    written = _output_ids(out)
    assert kills >= 1
    assert sorted(written) == ids


def _descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in found and pid not in found:
                found.add(pid)
                grew = True
    return found - {root}


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited, it only waits to be reaped


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_batch_process_dies(tmp_path: Path, how: signal.Signals) -> None:
    """After SIGKILL or SIGTERM of the batch, no worker process is left running."""
    source, _ids = _corpus(tmp_path, 4000)
    process = _start(source, tmp_path / "out.jsonl")
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 3 and time.monotonic() < deadline:  # forkserver and two workers
        time.sleep(0.1)
        workers = _descendants(process.pid)
    assert len(workers) >= 3, "the batch never started its workers"
    time.sleep(0.5)  # the workers are busy parsing
    process.send_signal(how)
    process.wait()
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _running(pid)]


@posix_only
def test_stdout_into_dev_full_ends_in_one_line(tmp_path: Path) -> None:
    """--out - into /dev/full: exit 3 and one line on stderr, no traceback."""
    source, _ids = _corpus(tmp_path, 50)
    with open("/dev/full", "wb") as full:
        finished = subprocess.run(
            [sys.executable, "-m", "newsdoc", "batch", str(source), "--out", "-", "--quiet"],
            env=_environment(),
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=300,
            check=False,
        )
    lines = finished.stderr.decode().strip().splitlines()
    assert finished.returncode == EXIT_CRASHED
    assert len(lines) == 1, lines
    assert "No space left on device" in lines[0]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_ends_in_one_line_and_resumes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A write that fails for want of space exits 3 with one line; nothing torn is kept."""
    source, ids = _corpus(tmp_path, 30)
    out = tmp_path / "out.jsonl"
    out.symlink_to("/dev/full")
    command = ["batch", str(source), "--out", str(out), "--workers", "1", "--quiet"]
    assert main(command) == EXIT_CRASHED
    assert "No space left on device" in capsys.readouterr().err
    out.unlink()
    assert main([*command, "--resume"]) == 0
    assert sorted(_output_ids(out)) == ids


def test_a_read_only_folder_ends_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No permission to write the output: exit 3 and one clear line (tests run as root, so
    the refusal is simulated where the output file is opened)."""

    def refuse(path: Path, mode: str = "rb") -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(outputs, "open_binary", refuse)
    source, _ids = _corpus(tmp_path, 3)
    command = ["batch", str(source), "--out", str(tmp_path / "out.jsonl"), "--workers", "1"]
    assert main(command) == EXIT_CRASHED
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"newsdoc: cannot write {tmp_path / 'out.jsonl'}: Permission denied; what was written "
        "is complete: fix the cause and run again with --resume"
    ]


def test_a_parquet_write_error_keeps_finished_parts_resumable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills while a part is finished: earlier parts stay, the resume completes."""
    pytest.importorskip("pyarrow")
    from newsdoc import parquet_output
    from newsdoc.batch import run_batch
    from newsdoc.tables import TABLES

    source, ids = _corpus(tmp_path, 25)
    out = tmp_path / "out.parquet"
    real = parquet_output._PartWriter.finish
    calls = []

    def fill_up(self: parquet_output._PartWriter) -> None:
        calls.append(self.final)
        if len(calls) > len(TABLES):  # the second part's articles
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self)

    monkeypatch.setattr(parquet_output._PartWriter, "finish", fill_up)
    with pytest.raises(OSError, match="No space"):
        run_batch([source], out, workers=1, rows_per_part=10)
    monkeypatch.setattr(parquet_output._PartWriter, "finish", real)
    assert not list(out.glob(".*"))
    assert run_batch([source], out, workers=1, resume=True, rows_per_part=10).skipped == 10
    assert sorted(_output_ids(out)) == ids


def test_cli_refuses_an_existing_output_unless_resume_or_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing --out is a usage error (exit 2) unless --resume or --overwrite."""
    source, _ids = _corpus(tmp_path, 2)
    command = ["batch", str(source), "--out", str(tmp_path / "out.jsonl"), "--workers", "1"]
    assert main([*command, "--quiet"]) == 0
    with pytest.raises(SystemExit) as stopped:
        main(command)
    assert stopped.value.code == 2
    assert "--overwrite" in capsys.readouterr().err
    assert main([*command, "--quiet", "--overwrite"]) == 0
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--retry-failed"])
    assert stopped.value.code == 2


def test_a_crash_and_failed_documents_have_different_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some documents failed: 1; the batch stopped (a worker died): 3."""
    from concurrent.futures.process import BrokenProcessPool

    from newsdoc import cli

    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": 1}\n', encoding="utf-8")  # a failed document
    command = ["batch", str(source), "--out", str(tmp_path / "out.jsonl"), "--quiet"]
    assert main([*command, "--workers", "1"]) == cli.EXIT_FAILED == 1

    def die(*_args: object, **_options: object) -> None:
        raise BrokenProcessPool("a worker died")

    monkeypatch.setattr(cli, "run_batch", die)
    assert main([*command, "--overwrite"]) == EXIT_CRASHED == 3
    assert "worker process died" in capsys.readouterr().err
