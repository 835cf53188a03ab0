"""Worker processes for batches: ordered chunked mapping, a time limit, death with the parent.

- :func:`ordered_map` runs a function over chunks of items in worker processes, in input
  order, with a bounded number of chunks in flight (see :mod:`newsdoc.batch`).
- Workers exit when the batch process dies, even by ``SIGKILL`` (:func:`watch_parent`).
- :class:`Alarm` (one per process, :data:`ALARM`) interrupts a parse that runs past its time
  limit with ``SIGALRM``; :func:`check_timeout` says when a limit can be enforced.
"""

from __future__ import annotations

import ctypes
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import FrameType
from typing import Any, TypeVar

Item = TypeVar("Item")
Output = TypeVar("Output")
DEFAULT_CHUNKSIZE = 16
CHUNK_CHARACTERS = 200_000  # about 0.1 s of parsing: chunks of similar cost balance the workers
WINDOW_CHARACTERS = 8_000_000  # text in flight (results are a few times larger)
WATCH_INTERVAL = 0.25  # seconds between a worker's checks that its parent is alive
EXIT_ORPHANED = 3  # a worker's exit status when its parent died
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunks(
    items: Iterable[Item], size: int, weigh: Callable[[Item], int], max_weight: int
) -> Iterator[tuple[list[Item], int]]:
    """Chunks of at most ``size`` items and (but for a single heavy item) ``max_weight``."""
    chunk: list[Item] = []
    weight = 0
    for item in items:
        chunk.append(item)
        weight += weigh(item)
        if len(chunk) >= size or weight >= max_weight:
            yield chunk, weight
            chunk, weight = [], 0
    if chunk:
        yield chunk, weight


def _unit(_item: object) -> int:
    return 1


def _start_worker(parent: int) -> None:
    """Initializer of every worker process: leave Ctrl-C to the parent, die with it."""
    # Ctrl-C reaches the whole process group; only the parent should handle it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent(parent)


def watch_parent(parent: int) -> None:
    """Make this process exit soon after process ``parent`` (the batch) dies, however it dies.

    A worker's own parent is the batch process, or (forkserver) a server that exits when the
    batch process does. On Linux ``prctl(PR_SET_PDEATHSIG)`` has the kernel kill this process
    the moment its own parent dies; everywhere a daemon thread also checks every
    :data:`WATCH_INTERVAL` seconds that the parent is still there.
    """
    own_parent = os.getppid()
    if sys.platform.startswith("linux") and own_parent != parent:
        # Only for the forkserver's children: PDEATHSIG follows the parent *thread*, and the
        # server's main thread lives as long as the server; a batch thread may end sooner.
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no usable libc: the thread below still watches
            pass
    watcher = threading.Thread(
        target=_watch, args=(parent, own_parent), name="newsdoc-parent-watch", daemon=True
    )
    watcher.start()


def _watch(parent: int, own_parent: int) -> None:
    while True:
        if os.getppid() != own_parent or not _alive(parent):
            os._exit(EXIT_ORPHANED)  # no clean-up to do: the parent took the results
        time.sleep(WATCH_INTERVAL)


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill(pid, 0) would send Ctrl-C on Windows; the ppid check suffices
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user took the number: ours is gone
        return False
    return True


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where possible: never forks a threaded parent (Jupyter, Dask); cheap starts."""
    methods = multiprocessing.get_all_start_methods()
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file is not None and not os.path.exists(main_file) and "fork" in methods:
        # A script read from stdin cannot be re-imported by forkserver/spawn workers.
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Workers fork from a server that has imported the parser once, not each on its own.
    context.set_forkserver_preload(["__main__", "newsdoc.batch"])
    return context


def ordered_map(
    function: Callable[[list[Item]], list[Output]],
    items: Iterable[Item],
    *,
    workers: int,
    chunksize: int = DEFAULT_CHUNKSIZE,
    weigh: Callable[[Item], int] = _unit,
    chunk_weight: int = CHUNK_CHARACTERS,
    window_weight: int = WINDOW_CHARACTERS,
    window: int | None = None,
) -> Iterator[Output]:
    """Apply ``function`` to chunks of ``items`` in worker processes, yielding in input order.

    A chunk holds at most ``chunksize`` items and about ``chunk_weight`` of their ``weigh``
    (characters, for documents), so that chunks take similar times. At most ``window`` chunks
    (default ``16 * workers``) and ``window_weight`` are in flight: enough for one slow chunk
    at the head not to leave the other workers idle, little enough to keep memory flat.
    With ``workers <= 1`` everything runs in this process (easiest to debug and profile).
    """
    chunks = _chunks(items, chunksize, weigh, chunk_weight)
    if workers <= 1:
        for chunk, _weight in chunks:
            yield from function(chunk)
        return
    limit = window or 16 * workers
    pool = ProcessPoolExecutor(
        workers, mp_context=_context(), initializer=_start_worker, initargs=(os.getpid(),)
    )
    pending: deque[tuple[Future[list[Output]], int]] = deque()
    in_flight = 0
    try:
        for chunk, weight in chunks:
            pending.append((pool.submit(function, chunk), weight))
            in_flight += weight
            while len(pending) >= limit or in_flight >= window_weight:
                head, head_weight = pending.popleft()
                in_flight -= head_weight
                yield from head.result()
        while pending:
            yield from pending.popleft()[0].result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class TimedOut(BaseException):
    """Raised into a parse that ran past its time limit.

    A ``BaseException``, like ``KeyboardInterrupt``, so that no ``except Exception`` on the
    way (a rule guarding itself) can swallow it and let the runaway parse go on.
    """


class Alarm:
    """The ``SIGALRM`` timer of this process, armed around one parse at a time.

    Signal handlers run in the main thread between bytecodes, and both ``re`` and ``regex``
    check for signals inside long matches, so even a runaway pattern is interrupted. Only a
    single long call into C that checks no signals (``str.split`` of a huge text) delays the
    interruption until it returns.
    """

    def __init__(self) -> None:
        self.armed = False  # the handler raises only while this is set
        self.active = False  # our handler is installed: disarm has something to undo
        self.previous: Any = None
        self.outer: tuple[float, float] = (0.0, 0.0)
        self.started = 0.0

    def arm(self, seconds: float) -> None:
        """Raise :class:`TimedOut` in this (main) thread after ``seconds`` of wall time."""
        self.outer = (0.0, 0.0)  # never a stale value, even if the alarm cuts this method short
        self.previous = signal.signal(signal.SIGALRM, self.fire)
        self.active = True
        self.started = time.monotonic()
        self.armed = True  # before the timer starts, so that no alarm can come unarmed
        self.outer = signal.setitimer(signal.ITIMER_REAL, seconds)

    def fire(self, _signum: int, _frame: FrameType | None) -> None:
        """The signal handler: raise once, and only while a parse is armed."""
        if self.armed:
            self.armed = False  # a late second delivery is ignored, never raised twice
            raise TimedOut

    def disarm(self) -> None:
        """Stop the timer and put back the handler and timer found by :meth:`arm` (idempotent).

        Only the first statement can be cut short by our alarm (nothing raises once ``armed``
        is off), so a second call after an interrupted one always finishes the job.
        """
        self.armed = False  # from here on a pending alarm is ignored
        if not self.active:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        # None: the previous handler was not set from Python; the default is the best guess.
        previous = signal.SIG_DFL if self.previous is None else self.previous
        signal.signal(signal.SIGALRM, previous)
        delay, interval = self.outer
        if delay > 0:  # the caller had an alarm of its own running: give it back
            left = delay - (time.monotonic() - self.started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), interval)
        self.previous = None
        self.active = False


ALARM = Alarm()


def check_timeout(timeout: float | None, *, in_process: bool) -> None:
    """Raise ``ValueError`` unless ``timeout`` (seconds per document, or None) can be enforced.

    The limit needs ``SIGALRM`` (POSIX; not on Windows), delivered to the main thread of the
    process that parses: a worker process always qualifies, this process (``workers=1``) only
    when called from its main thread.
    """
    if timeout is None:
        return
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise ValueError(f"timeout must be a number of seconds or None, got {timeout!r}")
    if not (math.isfinite(timeout) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds or None, got {timeout}")
    if not hasattr(signal, "SIGALRM") or not hasattr(signal, "setitimer"):
        raise ValueError(
            f"timeout needs SIGALRM, which {sys.platform} does not have; use timeout=None "
            "(newsdoc batch --timeout 0)"
        )
    if in_process and threading.current_thread() is not threading.main_thread():
        raise ValueError(
            "timeout with workers=1 parses in this process, where only the main thread can "
            "receive SIGALRM; call from the main thread or use workers=2 or more"
        )
