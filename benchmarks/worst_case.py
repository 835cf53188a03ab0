"""Growth of parse time and memory on pathological input: every case must stay near-linear.

Each case builds an input of about ``n`` characters; the parse is timed at n, 4n and 16n and
the growth exponent is the least-squares slope of log(time) against log(size) (1.0 is linear,
2.0 quadratic). Peak memory (``tracemalloc``) is measured once at the largest size and reported
as a multiple of the input string's own size. The table is written into ``docs/performance.md``
between the worst-case markers; the rest of that file belongs to the throughput benchmark.

Every case must stay within the budget of issue #18: a growth exponent of at most
``MAX_EXPONENT`` and at least ``MIN_MB_PER_S`` at its largest size; the command exits with
status 1 when one does not.

    python benchmarks/worst_case.py            # full sizes (two or three minutes), updates the docs
    python benchmarks/worst_case.py --quick    # sizes / 16, prints the table only
"""

from __future__ import annotations

import argparse
import gc
import math
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import attrs

REPO = Path(__file__).resolve().parent.parent
# The checkout's own code, not an installed copy (as benchmarks/throughput.py does).
sys.path.insert(0, str(REPO / "src"))

import newsdoc  # noqa: E402 - after the path set-up

PERFORMANCE_DOC = REPO / "docs" / "performance.md"
FIXTURES = REPO / "tests" / "fixtures"
BEGIN = "<!-- BEGIN worst-case -->"
END = "<!-- END worst-case -->"
GROWTH = (1, 4, 16)
MAX_EXPONENT = 1.2  # the budget of issue #18 for every shape
MIN_MB_PER_S = 0.1


def repeat(unit: str) -> Callable[[int], str]:
    """A builder that repeats ``unit`` up to about ``size`` characters."""

    def build(size: int) -> str:
        return unit * max(1, size // len(unit))

    return build


def _fixture_articles(size: int) -> str:
    """Realistic input: the hand-written fixtures, one after another, repeated to ``size``."""
    articles = "\n\n".join(path.read_text("utf-8") for path in sorted(FIXTURES.glob("*.txt")))
    return repeat(articles + "\n\n")(size) if articles else repeat("Some news. ")(size)


def _between(head: str, unit: str, tail: str) -> Callable[[int], str]:
    """A builder of one run of ``unit`` between ``head`` and ``tail``, about ``size`` long."""

    def build(size: int) -> str:
        return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail

    return build


def _numbered(line: Callable[[int], str]) -> Callable[[int], str]:
    """A builder of paragraphs ``line(0)``, ``line(1)``, … up to about ``size`` characters."""

    def build(size: int) -> str:
        lines: list[str] = []
        length = 0
        while length < size:
            lines.append(line(len(lines)) + "\n\n")
            length += len(lines[-1])
        return "".join(lines)

    return build


_COUNTER_KINDS = ("Card", "Slide", "Step", "Item")


# 4,000 extra boilerplate phrases: a site's repeated lines passed back by a user.
_MANY_PHRASES = newsdoc.ParserConfig(
    boilerplate_phrases=tuple(f"Follow our desk number {n} today" for n in range(4000))
)


@attrs.frozen
class Case:
    """One input shape: ``build(n)`` gives about ``n`` characters; ``largest`` is 16n."""

    name: str
    build: Callable[[int], str]
    largest: int
    config: newsdoc.ParserConfig | None = None


CASES: tuple[Case, ...] = (
    Case("single line of words (10 MB)", repeat("word "), 10_000_000),
    Case("quote marks only (100,000)", repeat('"'), 100_000),
    Case("curly quote before every word", repeat("“word "), 1_000_000),
    Case("one-character lines (50,000)", repeat("a\n"), 100_000),
    Case("one-character paragraphs", repeat("a\n\n"), 150_000),
    Case("one word repeated, one paragraph (1 MB)", repeat("buffalo "), 1_000_000),
    Case("boilerplate line x 20,000", repeat("Share this article\n\n"), 400_000),
    Case("explainer counters", repeat("Card 1 of 5\n\nCard 2 of 5\n\n"), 400_000),
    Case("dateline-like lines", repeat("WASHINGTON (AP) — A\n\n"), 400_000),
    Case("byline-like lines", repeat("By John Smith\n\n"), 400_000),
    Case("quoted speech paragraphs", repeat('"We will," he said. "Soon."\n\n'), 400_000),
    Case(
        "quotes by lone surnames", repeat('"Not yet," said Okafor. Mr. Webb agreed.\n\n'), 400_000
    ),
    Case("run-on quotes, no sentence end", repeat("')’9“"), 400_000),
    Case(
        "quotes between sentences, one paragraph",
        repeat("“Yes,” he said. The vote was close. "),
        400_000,
    ),
    Case("one unclosed quote per paragraph", repeat("“It was late, she said\n\n"), 400_000),
    Case("all-caps single line", repeat("WASHINGTON, "), 1_000_000),
    Case("headings between paragraphs", repeat("Heading\n\n" + "word " * 15 + "\n\n"), 400_000),
    Case("open parentheses", repeat("("), 400_000),
    Case("dashes between capitals", repeat("A - "), 400_000),
    Case("fixture articles concatenated", _fixture_articles, 2_000_000),
    # The shapes of issue #18.
    Case("menu line, items between bars", repeat("Local News | "), 400_000),
    Case("“Yes,” said he. x 100,000, one paragraph", repeat("“Yes,” said he. "), 1_600_000),
    Case(
        "name particles before 'he said'",
        _between("Jean ", "de ", "Smith, he said, “Yes.”"),
        400_000,
    ),
    Case(
        "name particles, non-ASCII first name",
        _between("Élodie ", "de ", "Smith, he said, “Yes.”"),
        400_000,
    ),
    Case(
        "distinct widget counters",  # "Card 1 of 999", "Slide 1 of 998": a widget each
        _numbered(lambda n: f"{_COUNTER_KINDS[n % 4]} 1 of {999 - n % 999}"),
        400_000,
    ),
    Case("counter paragraphs (25,000)", repeat("Card 1 of 999\n\n"), 375_000),
    Case(
        "zero-width lines between paragraphs",
        repeat("The vote was close.\n\u200b\ufeff\n"),
        400_000,
    ),
    Case(
        "4,000 extra phrases x short lines",
        _numbered(lambda n: f"Short line {n}"),
        64_000,
        _MANY_PHRASES,
    ),
    Case("tabs before a space in a quote", _between("“Yes,” he said", "\t", " and left."), 64_000),
    Case(
        "spaces after a capitalised opening",
        _between("Council backs budget\n\nA short line before the story\n\nWASHINGTON", " ", "x"),
        400_000,
    ),
)


def parse_seconds(
    text: str,
    repeats: int,
    *,
    collector: bool = True,
    config: newsdoc.ParserConfig | None = None,
) -> float:
    """Best CPU time of ``repeats`` parses of ``text``; ``collector=False`` pauses the GC.

    CPU time of this process, not wall time: other jobs on a shared machine barely move it.
    CPython's cyclic collector re-walks every live object at its full collections, so on
    inputs that make millions of objects it adds a slowly growing share: timing with it paused
    too shows the parser's own growth apart from the interpreter's.
    """
    best = math.inf
    for _ in range(repeats):
        gc.collect()
        if not collector:
            gc.disable()
        try:
            start = time.process_time()
            newsdoc.parse(text, config=config)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def growth_exponent(sizes: list[int], seconds: list[float]) -> float:
    """Least-squares slope of log(seconds) against log(size)."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(max(value, 1e-9)) for value in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    numerator = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    denominator = sum((x - mean_x) ** 2 for x in xs)
    return numerator / denominator


def peak_memory_ratio(text: str, config: newsdoc.ParserConfig | None = None) -> float:
    """Peak memory traced during one parse, as a multiple of the input string's size."""
    gc.collect()
    tracemalloc.start()
    try:
        newsdoc.parse(text, config=config)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / sys.getsizeof(text)


@attrs.frozen
class Measurement:
    """Timings of one case at n, 4n and 16n, its exponent and memory multiple."""

    case: Case
    sizes: list[int]
    seconds: list[float]
    exponent: float
    exponent_without_gc: float
    memory_ratio: float

    @property
    def mb_per_s(self) -> float:
        """Throughput at the largest size, in millions of characters per CPU second."""
        return self.sizes[-1] / max(self.seconds[-1], 1e-9) / 1e6

    @property
    def within_budget(self) -> bool:
        """The exponent and the throughput meet the budget of issue #18."""
        return self.exponent <= MAX_EXPONENT and self.mb_per_s >= MIN_MB_PER_S


def measure(case: Case, scale: float = 1.0, repeats: int = 3) -> Measurement:
    """Time ``case`` at the three sizes (largest = ``case.largest * scale``)."""
    base = max(16, int(case.largest * scale) // GROWTH[-1])
    texts = [case.build(base * factor) for factor in GROWTH]
    sizes = [len(text) for text in texts]
    config = case.config
    seconds = [parse_seconds(text, repeats, config=config) for text in texts]
    without_gc = [parse_seconds(text, repeats, collector=False, config=config) for text in texts]
    return Measurement(
        case,
        sizes,
        seconds,
        growth_exponent(sizes, seconds),
        growth_exponent(sizes, without_gc),
        peak_memory_ratio(texts[-1], config),
    )


def table(measurements: list[Measurement]) -> str:
    """The Markdown table for the docs."""
    lines = [
        "| input | size at 16n (chars) | time n / 4n / 16n (ms) | growth exponent "
        "| exponent, GC paused | MB/s at 16n | peak memory ÷ input |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for item in measurements:
        times = " / ".join(f"{value * 1000:.1f}" for value in item.seconds)
        mark = "" if item.within_budget else " **over budget**"
        lines.append(
            f"| {item.case.name}{mark} | {item.sizes[-1]:,} | {times} | {item.exponent:.2f} "
            f"| {item.exponent_without_gc:.2f} | {item.mb_per_s:.2f} | {item.memory_ratio:.1f}× |"
        )
    return "\n".join(lines)


def write_block(body: str, path: Path = PERFORMANCE_DOC) -> None:
    """Replace only the text between the worst-case markers (create the file if needed)."""
    block = f"{BEGIN}\n{body}\n{END}"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Performance\n\n{block}\n", encoding="utf-8")
        return
    current = path.read_text(encoding="utf-8")
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        path.write_text(head + block + tail, encoding="utf-8")
    else:
        path.write_text(current.rstrip("\n") + f"\n\n{block}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Measure every case, print the table, update the docs unless ``--quick``; exit 1 when a
    case is over the budget."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="sizes / 16; print only")
    arguments = options.parse_args(argv)
    scale = 1 / 16 if arguments.quick else 1.0
    measurements = []
    for case in CASES:
        item = measure(case, scale)
        measurements.append(item)
        print(
            f"{case.name:45s} exponent {item.exponent:5.2f} ({item.exponent_without_gc:5.2f}"
            f" GC paused)  {item.mb_per_s:6.2f} MB/s  memory {item.memory_ratio:6.1f}x",
            flush=True,
        )
    body = (
        "## Worst-case input\n\n"
        "Generated by `python benchmarks/worst_case.py` (Python "
        f"{sys.version_info.major}.{sys.version_info.minor}, best of 3 runs per size, CPU time). "
        "Growth exponent: slope of log(time) against log(size) over n, 4n and 16n, where 1.0 "
        "is linear and 2.0 quadratic; the times and the first exponent are with Python's "
        "garbage collector running, as users run it; the second exponent is measured with it "
        "paused (its full collections re-walk every live object, a cost of the interpreter "
        "that grows on inputs making millions of objects). Peak memory: `tracemalloc` peak "
        "during one parse of the 16n input, as a multiple of the input string's own size "
        "(`sys.getsizeof`); for inputs of tiny elements most of it is the result itself (one "
        "paragraph, span and offsets per element, about 180 bytes). MB/s: millions of "
        "characters parsed per CPU second at 16n. Budget (issue #18): a growth exponent of at "
        f"most {MAX_EXPONENT} and at least {MIN_MB_PER_S} MB/s for every shape; a case over it "
        "is marked.\n\n" + table(measurements)
    )
    print(table(measurements))
    if not arguments.quick:
        write_block(body)
    over = [item.case.name for item in measurements if not item.within_budget]
    if over:
        print(f"over budget: {', '.join(over)}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
