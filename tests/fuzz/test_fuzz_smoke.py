"""A short fuzzing run in CI: the atheris target, or the same check over a random corpus."""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from target import CONTROL_CHARACTERS, STRAY_MARKS, check_text, mutate, seeds

FUZZER = Path(__file__).resolve().parent / "fuzz_parse.py"
RUNS = 2000
RANDOM_ALPHABET = "aZ .,;:!?\n\n\r\t—-()|#0123456789\u00a0\u200bé中" + "".join(STRAY_MARKS)


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed")
def test_atheris_smoke_run_finds_nothing(tmp_path: Path) -> None:
    """2,000 coverage-guided runs (at most 20 s) end without a crash, accounting bug or hang."""
    repo_src = Path(__file__).resolve().parents[2] / "src"
    path = os.pathsep.join([str(repo_src), os.environ.get("PYTHONPATH", "")])
    result = subprocess.run(
        [
            sys.executable,
            str(FUZZER),
            f"-runs={RUNS}",
            "-max_total_time=20",
            "-timeout=10",
            "-max_len=4096",
            f"-artifact_prefix={tmp_path}/",
            "-seed=1",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done" in result.stderr


def _random_text(generator: random.Random) -> str:
    if generator.random() < 0.5:
        length = generator.randrange(0, 300)
        return "".join(generator.choice(RANDOM_ALPHABET) for _ in range(length))
    seed = generator.choice(seeds())
    choices = [generator.randrange(1 << 20) for _ in range(generator.randrange(0, 30))]
    return mutate(seed, iter(choices))


def test_fuzz_target_over_a_random_corpus() -> None:
    """The fuzz target's check holds over 300 random and mutated inputs (runs without atheris)."""
    generator = random.Random(20240601)
    inputs = [_random_text(generator) for _ in range(300)]
    inputs += ["".join(CONTROL_CHARACTERS), "".join(STRAY_MARKS) * 50]
    for text in inputs:
        check_text(text)
