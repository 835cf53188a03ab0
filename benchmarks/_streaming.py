"""Process-tree measurements for throughput.py: CPU per worker process, peak streaming memory.

:class:`TreeCPU` samples the CPU seconds of every descendant process (the forkserver's workers
are grandchildren, so ``RUSAGE_CHILDREN`` cannot see them). :func:`memory_section` runs
``newsdoc batch`` over a large synthetic JSONL file, generated in a temporary folder from one
invented article (each copy made distinct by a counter) and deleted afterwards, never
committed; the resident memory of the whole process tree (parent, forkserver, workers) is
sampled every 0.2 s with psutil.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SECONDS = 0.2


def descendant_cpu() -> dict[int, float]:
    """CPU seconds so far of every live descendant process, by process id."""
    import psutil

    seconds = {}
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # a process that just ended
            continue
        seconds[child.pid] = times.user + times.system
    return seconds


class TreeCPU:
    """Context manager: CPU seconds of this process and of each descendant, sampled in a thread."""

    def __init__(self) -> None:
        self.by_process: dict[int, float] = {}
        self.own = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            # A worker that has ended keeps its last sample.
            self.by_process.update(descendant_cpu())
            self._stop.wait(SAMPLE_SECONDS / 2)

    def __enter__(self) -> TreeCPU:
        self._start = time.process_time()
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.own = time.process_time() - self._start
        self._stop.set()
        self._thread.join()


def generate_jsonl(article: str, path: Path, gigabytes: float) -> tuple[int, int]:
    """Write about ``gigabytes`` of JSONL made of numbered copies of ``article``."""
    target = int(gigabytes * 1e9)
    written = count = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            # A different figure per copy so that no two documents are identical.
            text = article.replace("19 days", f"{count % 1000} days", 1)
            line = json.dumps({"id": f"doc-{count}", "text": text, "batch": count // 1000}) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count, written


def _tree_rss(process: object) -> tuple[int, int]:
    """Total and largest single resident set size of ``process`` and its descendants."""
    import psutil

    assert isinstance(process, psutil.Process)
    sizes = []
    for member in [process, *process.children(recursive=True)]:
        try:
            sizes.append(member.memory_info().rss)
        except psutil.Error:  # a process that just ended
            continue
    return sum(sizes), max(sizes, default=0)


def _watch_batch(source: Path, out: Path) -> tuple[int, int, float, int]:
    """Run ``newsdoc batch --workers 2``; return peak RSS (tree, largest), seconds, exit code."""
    import psutil

    command = [sys.executable, "-m", "newsdoc", "batch", str(source), "--out", str(out)]
    command += ["--workers", "2", "--quiet"]
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    started = time.perf_counter()
    child = subprocess.Popen(command, env=environment)
    watched = psutil.Process(child.pid)
    peak_total = peak_single = 0
    while child.poll() is None:
        try:
            total, single = _tree_rss(watched)
        except psutil.Error:
            break
        peak_total, peak_single = max(peak_total, total), max(peak_single, single)
        time.sleep(SAMPLE_SECONDS)
    child.wait()
    return peak_total, peak_single, time.perf_counter() - started, child.returncode


def memory_section(article: str, work: Path, gigabytes: float) -> str:
    """Run ``newsdoc batch --workers 2`` over generated JSONL; return the markdown section."""
    from newsdoc.outputs import table_paths  # importable: throughput.py put src on the path

    source = work / "memory.jsonl"
    count, size = generate_jsonl(article, source, gigabytes)
    rows, worst = [], 0
    for out in (work / "memory-out.jsonl", work / "memory-out.parquet"):
        peak_total, peak_single, seconds, code = _watch_batch(source, out)
        worst = max(worst, peak_total)
        if out.suffix == ".parquet":
            for folder in table_paths(out).values():  # one dataset directory per table
                shutil.rmtree(folder)
        else:
            out.unlink()
        rows.append(
            f"| `{out.suffix}` | {peak_total / 1e6:.0f} MB | {peak_single / 1e6:.0f} MB |"
            f" {seconds:.0f} | {count / seconds:,.0f} | {size / seconds / 1e6:.2f} | {code} |"
        )
    source.unlink()
    return "\n".join(
        [
            "`newsdoc batch memory.jsonl --out OUT --workers 2` over"
            f" {size / 1e9:.2f} GB of generated JSONL ({count:,} documents;"
            f" `--only memory --memory-gb {gigabytes:g}`)."
            " RSS sampled every 0.2 s over the whole process tree (parent, forkserver, workers).",
            "",
            "| output | peak RSS, all processes | peak RSS, largest process | seconds | docs/s |"
            " MB/s | exit |",
            "|---|---:|---:|---:|---:|---:|---:|",
            *rows,
            "",
            "Both outputs stay under the 300 MB target for the whole tree."
            if worst < 300e6
            else "At least one output misses the 300 MB target for the whole tree.",
        ]
    )
