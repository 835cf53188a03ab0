"""Coverage-guided fuzzing of ``newsdoc.parse`` with atheris (see README.md in this folder).

Each input is either raw Unicode or a mutated seed article, chosen by its first byte, so the
fuzzer explores both arbitrary text and damaged-but-realistic news. A crash, a failed
accounting check (``newsdoc.audit``) or a hang (libFuzzer's ``-timeout``) is a finding.

    python tests/fuzz/fuzz_parse.py -max_total_time=3600 -timeout=10 fuzz-corpus/
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["newsdoc"]):
    from target import check_text, mutate, seeds

    import newsdoc  # noqa: F401  (imported for instrumentation; target.py uses it)

SEEDS = seeds()
MAX_TEXT = 20_000  # characters: long enough for every rule, short enough for many runs/s


def test_one_input(data: bytes) -> None:
    """libFuzzer entry point: build one text from ``data`` and check the parse."""
    provider = atheris.FuzzedDataProvider(data)
    if provider.ConsumeBool():
        text = provider.ConsumeUnicodeNoSurrogates(MAX_TEXT)
    else:
        seed = SEEDS[provider.ConsumeIntInRange(0, len(SEEDS) - 1)]
        count = provider.ConsumeIntInRange(0, 30)
        choices = iter(provider.ConsumeIntListInRange(count, 0, 1 << 20))
        text = mutate(seed, choices)
    check_text(text)


def main() -> None:
    """Run libFuzzer with the command-line options it understands (``-help=1`` lists them)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
