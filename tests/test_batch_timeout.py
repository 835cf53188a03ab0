"""The per-document time limit of run_batch and parse_many (`newsdoc batch --timeout`).

A test rule stalls on documents that start with a marker: STALL sleeps in small steps and
swallows every ``Exception`` on the way (a rule guarding itself must not defeat the limit),
BACKTRACK runs a catastrophic ``regex`` match that only a signal checked inside the regex
engine can stop. Both give up by themselves after several seconds, so a broken limit makes the
tests fail (the document parses) instead of hanging them.
"""

from __future__ import annotations

import contextlib
import json
import signal
import threading
import time
from pathlib import Path
from types import FrameType

import pytest
import regex

import newsdoc
from newsdoc.batch import check_timeout, parse_document, run_batch
from newsdoc.io import Document, read_results
from newsdoc.pipeline import Rule
from newsdoc.state import DocumentState

LIMIT = 0.3
STORIES = [
    f"Council backs plan number {n}\n\nRIVERTON (AP) — The city council voted {n} to 2 on "
    f'Monday to widen Elm Street. "It is overdue," said council member Rosa Vance.\n'
    for n in range(3, 12)
]
STALLED = {2: "STALL ", 6: "BACKTRACK "}  # input position -> marker


def _stall_on_marker(state: DocumentState) -> None:
    if state.source.startswith("STALL"):
        give_up = time.monotonic() + 20
        while time.monotonic() < give_up:
            with contextlib.suppress(Exception):  # the point: a rule that swallows errors
                time.sleep(0.01)
    elif state.source.startswith("BACKTRACK"):
        # Exponential backtracking: about 5 s uninterrupted, inside one call into C.
        regex.match(r"(?:a|aa)+c", "a" * 38)


CONFIG = newsdoc.ParserConfig(
    pipeline=newsdoc.Pipeline().insert_before("segment", Rule("stall", _stall_on_marker))
)


def _texts() -> list[str]:
    return [STALLED.get(index, "") + story for index, story in enumerate(STORIES)]


@pytest.mark.parametrize("workers", [1, 2])
def test_stalled_documents_become_timeout_records(tmp_path: Path, workers: int) -> None:
    """Only the stalled documents time out; every other one is parsed, all in input order."""
    source = tmp_path / "in.jsonl"
    rows = [{"id": f"doc{i}", "text": text} for i, text in enumerate(_texts())]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([source], out, workers=workers, config=CONFIG, chunksize=2, timeout=LIMIT)
    results = list(read_results(out))
    assert [result.id for result in results] == [row["id"] for row in rows]
    failed = {result.id: result.error for result in results if not result.ok}
    assert failed == {
        f"doc{index}": f"TimeoutError: timed out after {LIMIT:g} s" for index in STALLED
    }
    parser = newsdoc.Parser(CONFIG)
    for result, row in zip(results, rows, strict=True):
        if result.ok:
            assert result.article == parser.parse(str(row["text"]))
    assert (summary.documents, summary.failed, summary.timed_out) == (len(rows), 2, 2)
    assert "2 failed, 2 timed out" in summary.describe()


def test_parse_many_raises_at_the_stalled_text() -> None:
    """parse_many yields the texts before the stalled one, then raises naming the limit."""
    articles = newsdoc.parse_many(_texts()[:3], workers=1, config=CONFIG, timeout=LIMIT)
    assert next(articles).headline == "Council backs plan number 3"
    assert next(articles).headline == "Council backs plan number 4"
    with pytest.raises(ValueError, match=r"text 2 failed: TimeoutError: timed out after 0\.3 s"):
        next(articles)


def test_the_callers_alarm_handler_and_timer_are_restored() -> None:
    """An in-process limit puts back the SIGALRM handler and a timer the caller had running."""
    fired: list[int] = []

    def own_handler(signum: int, _frame: FrameType | None) -> None:
        fired.append(signum)

    previous = signal.signal(signal.SIGALRM, own_handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 100)
        stalled = Document("stalled", "STALL " + STORIES[0])
        result = parse_document(stalled, newsdoc.Parser(CONFIG), timeout=LIMIT)
        assert not result.ok
        assert parse_document(Document("fine", STORIES[1]), timeout=LIMIT).ok
        assert signal.getsignal(signal.SIGALRM) is own_handler
        remaining, _interval = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining < 100
        assert fired == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_without_a_timer_of_the_caller_none_is_left_running() -> None:
    """After a timed-out and a finished parse no timer is left and the handler is the old one."""
    before = signal.getsignal(signal.SIGALRM)
    stalled = Document("stalled", "STALL " + STORIES[0])
    assert not parse_document(stalled, newsdoc.Parser(CONFIG), timeout=LIMIT).ok
    assert parse_document(Document("fine", STORIES[1]), timeout=5).ok
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), "5", True])
def test_impossible_timeouts_fail_before_any_output(tmp_path: Path, value: object) -> None:
    """A limit that is not a positive number of seconds is a ValueError; no file is created."""
    out = tmp_path / "out.jsonl"
    with pytest.raises(ValueError, match="timeout must be"):
        run_batch([tmp_path], out, workers=1, timeout=value)  # type: ignore[arg-type]
    assert not out.exists()
    with pytest.raises(ValueError, match="timeout must be"):
        newsdoc.parse_many([], workers=1, timeout=value)  # type: ignore[arg-type]


def test_in_process_limit_needs_the_main_thread() -> None:
    """workers=1 off the main thread cannot receive SIGALRM: a clear error; workers=2 is fine."""
    errors: list[Exception] = []

    def attempt() -> None:
        check_timeout(1.0, in_process=False)  # worker processes parse in their main thread
        try:
            newsdoc.parse_many(STORIES, workers=1, timeout=1.0)
        except ValueError as error:
            errors.append(error)

    thread = threading.Thread(target=attempt)
    thread.start()
    thread.join()
    assert len(errors) == 1
    assert "main thread" in str(errors[0])
    assert "workers=2" in str(errors[0])


def test_no_sigalrm_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where SIGALRM does not exist (Windows) a limit is refused up front, naming the way out."""
    monkeypatch.delattr(signal, "SIGALRM")
    with pytest.raises(ValueError, match=r"SIGALRM.*timeout=None.*--timeout 0"):
        check_timeout(5.0, in_process=False)
    check_timeout(None, in_process=True)  # no limit needs nothing
