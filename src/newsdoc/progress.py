"""Progress of long runs: a tqdm bar when tqdm is installed, a one-line counter otherwise.

:class:`Progress` needs nothing: a line on stderr with documents, documents/s, MB/s and
failures. :class:`TqdmProgress` (``pip install 'newsdoc[progress]'``) is what tqdm users
expect: with a known ``total`` a bar with percentage and ETA, otherwise a counter, and a
widget in Jupyter (``tqdm.auto``). :func:`make_progress` picks the best available.

Both are silent unless enabled (default: when the stream is a terminal), and both say that
they are still working when no document has finished for a while (one huge document):
a daemon thread calls :meth:`Progress.beat` every ``HEARTBEAT`` seconds.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any, TextIO

HEARTBEAT = 1.0  # seconds between checks that the display is still moving
IDLE = 2.0  # seconds without a finished document before the display says it is working


class Progress:
    """A one-line progress display on stderr: documents, documents/s, MB/s, failures.

    No dependency. Silent unless ``enabled`` (default: when the stream is a terminal).
    ``total`` is accepted for the same signature as :class:`TqdmProgress` and shown as
    ``12 / 500 docs``.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        interval: float = 0.25,
        total: int | None = None,
    ) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.interval = interval
        self.total = total
        self.started = time.perf_counter()
        self.shown_at = 0.0
        self.finished_at = self.started
        self.documents = 0
        self.characters = 0
        self.failed = 0
        self.timed_out = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.setup()
        if self.enabled:
            threading.Thread(target=self._heartbeat, daemon=True, name="newsdoc-progress").start()

    def setup(self) -> None:
        """Prepare the display, before the heartbeat starts (nothing to do for a line)."""

    def update(self, characters: int, *, ok: bool = True, timed_out: bool = False) -> None:
        """Count one finished document and redraw at most every ``interval`` seconds.

        A document that ``timed_out`` counts as failed too.
        """
        with self._lock:
            self.documents += 1
            self.characters += characters
            self.failed += not ok or timed_out
            self.timed_out += timed_out
            now = time.perf_counter()
            self.finished_at = now
            if self.enabled and now - self.shown_at >= self.interval:
                self.shown_at = now
                self.draw()

    @property
    def elapsed(self) -> float:
        """Seconds since the start."""
        return time.perf_counter() - self.started

    def working(self, now: float | None = None) -> str:
        """``""``, or a note that no document has finished for a while (one long document)."""
        idle = (time.perf_counter() if now is None else now) - self.finished_at
        return f"working: {idle:,.0f} s on the current document" if idle >= IDLE else ""

    def line(self) -> str:
        """The current status text."""
        seconds = max(self.elapsed, 1e-9)
        count = f"{self.documents:,}" + (f" / {self.total:,}" if self.total is not None else "")
        working = self.working()
        return (
            f"{count} docs | {self.documents / seconds:,.1f} docs/s | "
            f"{self.characters / seconds / 1e6:.2f} MB/s | {self.failed:,} failed | "
            f"{seconds:,.1f} s" + (f" | {working}" if working else "")
        )

    def draw(self) -> None:
        """Redraw the display (called with the lock held)."""
        self.stream.write("\r" + self.line())
        self.stream.flush()

    def beat(self) -> None:
        """Redraw if no document finished lately, so that a long document shows it is working."""
        with self._lock:
            if self.enabled and not self._stop.is_set() and self.working():
                self.draw()

    def _heartbeat(self) -> None:
        while not self._stop.wait(HEARTBEAT):
            self.beat()

    def close(self) -> None:
        """Stop the heartbeat; finish the line so that later output starts on a fresh one."""
        self._stop.set()
        with self._lock:
            if self.enabled:
                self.stream.write("\r" + self.line() + "\n")
                self.stream.flush()
                self.enabled = False  # closing twice writes nothing more


class TqdmProgress(Progress):
    """The same counts drawn by ``tqdm.auto``: a bar with ETA when ``total`` is known.

    Needs tqdm (``pip install 'newsdoc[progress]'``); in Jupyter the bar is a widget when
    ipywidgets is installed.
    """

    def setup(self) -> None:
        """Open the bar (``tqdm.auto``: a widget in Jupyter, text elsewhere)."""
        from tqdm.auto import tqdm  # type: ignore[import-untyped,unused-ignore]

        self.bar: Any = tqdm(
            total=self.total,
            unit="doc",
            file=self.stream,
            disable=not self.enabled,
            mininterval=self.interval,
            dynamic_ncols=True,
            smoothing=0.1,
        )

    def update(self, characters: int, *, ok: bool = True, timed_out: bool = False) -> None:
        """Count one finished document and advance the bar."""
        failed = self.failed
        super().update(characters, ok=ok, timed_out=timed_out)
        with self._lock:
            if self.failed != failed:
                self.bar.set_postfix_str(f"{self.failed:,} failed", refresh=False)
            self.bar.update(1)

    def draw(self) -> None:
        """Nothing between updates: tqdm draws on its own schedule (see :meth:`beat`)."""

    def beat(self) -> None:
        """Say on the bar that the current document is taking long."""
        with self._lock:
            working = self.working()
            if self.enabled and not self._stop.is_set() and working:
                failed = f"{self.failed:,} failed, " if self.failed else ""
                self.bar.set_postfix_str(failed + working)  # also redraws the elapsed time

    def close(self) -> None:
        """Stop the heartbeat and close the bar."""
        self._stop.set()
        with self._lock:
            self.bar.set_postfix_str(f"{self.failed:,} failed", refresh=False)
            self.bar.close()
            self.enabled = False


def make_progress(
    stream: TextIO | None = None, *, enabled: bool | None = None, total: int | None = None
) -> Progress:
    """A :class:`TqdmProgress` when tqdm is installed, else the built-in :class:`Progress`."""
    try:
        import tqdm  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
    except ImportError:
        return Progress(stream, enabled=enabled, total=total)
    return TqdmProgress(stream, enabled=enabled, total=total)
