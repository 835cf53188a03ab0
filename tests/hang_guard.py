"""A hang guard for tests: a block that runs past its limit raises instead of hanging CI.

Not a speed assertion: the limits are one to three orders of magnitude above the expected
time, and only catch a runaway (exponential or quadratic) case. SIGALRM interrupts both regex
engines too. POSIX main thread only; elsewhere the block runs unguarded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class HangError(Exception):
    """The guarded block ran past its limit."""


def _raise_hang(signum: int, frame: FrameType | None) -> None:
    raise HangError("ran past its hang guard")


@contextmanager
def hang_guard(seconds: float) -> Iterator[None]:
    """Raise :class:`HangError` inside the block once it has run ``seconds`` (wall clock)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_hang)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
