"""A hang guard for tests: a block that runs past its limit raises instead of hanging CI.

Not a speed assertion: the limits are one to three orders of magnitude above the expected
time, and only catch a runaway (exponential or quadratic) case. The limit is CPU time of this
process (``ITIMER_VIRTUAL``), so other jobs on a shared machine do not trip it; its signal
interrupts both regex engines too. POSIX main thread only; elsewhere the block runs unguarded.
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
    """Raise :class:`HangError` inside the block once it has used ``seconds`` of CPU time."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _raise_hang)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
