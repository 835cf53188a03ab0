"""Parse time grows near-linearly on pathological input (a regression test for the order).

Each case from ``benchmarks/worst_case.py`` is parsed at n and 16n characters with small n.
Linear growth gives a time ratio near 16 and quadratic near 256; the bound of 60 catches a
change of order while leaving room for noise on a shared machine. No absolute timings.
"""

from __future__ import annotations

import gc
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import newsdoc
from conftest import REPO

MAX_RATIO = 60  # linear = 16, n log n ~ 20, quadratic = 256
SMALL_LARGEST = 96_000  # characters at 16n: every case runs in well under a second


def _load_benchmark() -> ModuleType:
    # benchmarks/ is not on sys.path under plain ``pytest``; load the module by its path.
    path = REPO / "benchmarks" / "worst_case.py"
    spec = importlib.util.spec_from_file_location("newsdoc_worst_case", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


WORST_CASE = _load_benchmark()


def _time_ratio(small: str, large: str, config: newsdoc.ParserConfig | None) -> float:
    # The cyclic GC walks every live object of the test session (cached corpus parses among
    # them) each time it runs, which grows with the number of objects a parse allocates:
    # measured here, that is the session's cost, not the parser's, so it is paused.
    gc.collect()
    gc.disable()
    try:
        small_seconds = WORST_CASE.parse_seconds(small, 3, config=config)
        large_seconds = WORST_CASE.parse_seconds(large, 2, config=config)
    finally:
        gc.enable()
    return float(large_seconds / max(small_seconds, 1e-6))


@pytest.mark.parametrize("case", WORST_CASE.CASES, ids=lambda case: case.name)
def test_parse_time_grows_near_linearly(case: Any) -> None:
    """time(16n) / time(n) stays far below the quadratic 256 for every worst-case input."""
    large = case.build(SMALL_LARGEST)
    small = case.build(SMALL_LARGEST // 16)
    newsdoc.parse(small, config=case.config)  # warm caches (vocabulary, patterns, phrase keys)
    ratio = _time_ratio(small, large, case.config)
    if ratio >= MAX_RATIO:
        ratio = min(ratio, _time_ratio(small, large, case.config))  # one more try when busy
    # Tiny inputs are dominated by fixed costs, which only lowers the ratio: it cannot mask
    # a quadratic term at 96,000 characters, where that term alone would take seconds.
    assert ratio < MAX_RATIO, f"{case.name}: 16x input took {ratio:.0f}x time"


def test_growth_exponent_fit() -> None:
    """The benchmark's log-log fit gives 1 for linear and 2 for quadratic timings."""
    sizes = [1000, 4000, 16000]
    assert WORST_CASE.growth_exponent(sizes, [1.0, 4.0, 16.0]) == pytest.approx(1.0)
    assert WORST_CASE.growth_exponent(sizes, [1.0, 16.0, 256.0]) == pytest.approx(2.0)


def test_write_block_replaces_only_its_own_block(tmp_path: Path) -> None:
    """Rewriting the worst-case block keeps the other engineer's sections intact."""
    path = tmp_path / "performance.md"
    block = f"{WORST_CASE.BEGIN}\nold\n{WORST_CASE.END}"
    path.write_text(f"# Performance\n\nThroughput text.\n\n{block}\n\nTail.\n", encoding="utf-8")
    WORST_CASE.write_block("new table", path)
    text = path.read_text(encoding="utf-8")
    assert "Throughput text." in text
    assert "Tail." in text
    assert "new table" in text
    assert "old" not in text
