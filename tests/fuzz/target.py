"""The fuzz target and the mutations shared by the atheris fuzzer and the property tests.

``check_text(text)`` is the contract under test: ``newsdoc.parse`` returns an ``Article`` for
any ``str`` and the article accounts for every source character (``newsdoc.audit``).
``mutate(seed, choices)`` turns a realistic article into a damaged one (cut, duplicated or
shuffled paragraphs, stray quote marks, control characters, other line endings) driven by a
stream of small integers, so atheris bytes and hypothesis draws share one implementation.
Seeds are the hand-written fixtures in ``tests/fixtures`` plus the two articles below; never
corpus text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import newsdoc
from newsdoc import audit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# Invented articles in two common shapes, so the fuzzer has seeds even without fixtures.
WIRE_SEED = """Harbor Authority Approves Dredging Plan After Months of Delay

By Marta Oyelaran and Tom Beckworth, Reuters

LISBON, March 4 (Reuters) - The harbor authority on Wednesday approved a long-delayed plan \
to deepen the main shipping channel, clearing the way for larger container vessels.

"We have waited long enough," said Inês Carvalho, the authority's chair. "The ships are \
already here, and they are not getting smaller."

Environmental groups said the dredging would disturb seagrass beds. “This is a short-term \
fix,” said one campaigner, who asked not to be named.

Dredging is due to begin in June.

Reporting by Marta Oyelaran; Editing by Tom Beckworth
"""

WEB_SEED = """Share this article

City Council Votes to Keep Libraries Open on Sundays

Updated 5:31 p.m. ET, Tue March 3, 2020

The council voted 7-2 on Tuesday to fund Sunday hours at all branch libraries.

What happens next

Council member Dana Whitfield, who sponsored the measure, said: "Families use these \
buildings on the one day they are free." She added that 'quiet study' rooms would stay open.

Card 1 of 2

Why it matters. Sunday is the busiest day for children's programmes.

What it costs. About $1.2 million a year, from the general fund.

Featured image via City Press Office

Leave a Reply
"""

STRAY_MARKS = ('"', "“", "”", "‘", "’", "'", "«", "»", "„")
CONTROL_CHARACTERS = ("\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u200b", "\ufeff")
LINE_ENDINGS = ("\n", "\r\n", "\r", "\u2028")


def seeds() -> list[str]:
    """The mutation seeds: every hand-written fixture, then the two invented articles."""
    found = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    return [*found, WIRE_SEED, WEB_SEED]


def _cut(text: str, a: int, b: int) -> str:
    start, end = sorted((a % (len(text) + 1), b % (len(text) + 1)))
    return text[:start] + text[end:]


def _paragraph_op(kind: str) -> Callable[[str, int, int], str]:
    def apply(text: str, a: int, b: int) -> str:
        parts = text.split("\n\n")
        i, j = a % len(parts), b % len(parts)
        if kind == "duplicate":
            parts.insert(j, parts[i])
        elif kind == "swap":
            parts[i], parts[j] = parts[j], parts[i]
        else:  # drop
            del parts[i]
        return "\n\n".join(parts)

    return apply


def _insert(choices: tuple[str, ...]) -> Callable[[str, int, int], str]:
    def apply(text: str, a: int, b: int) -> str:
        at = a % (len(text) + 1)
        return text[:at] + choices[b % len(choices)] + text[at:]

    return apply


def _line_endings(text: str, a: int, _b: int) -> str:
    return text.replace("\n", LINE_ENDINGS[a % len(LINE_ENDINGS)])


def _upper(text: str, a: int, b: int) -> str:
    start, end = sorted((a % (len(text) + 1), b % (len(text) + 1)))
    return text[:start] + text[start:end].upper() + text[end:]


MUTATIONS: tuple[Callable[[str, int, int], str], ...] = (
    _cut,
    _paragraph_op("duplicate"),
    _paragraph_op("swap"),
    _paragraph_op("drop"),
    _insert(STRAY_MARKS),
    _insert(CONTROL_CHARACTERS),
    _line_endings,
    _upper,
)


def mutate(seed: str, choices: Iterator[int]) -> str:
    """Apply mutations to ``seed``; each takes three numbers from ``choices`` (kind, a, b)."""
    text = seed
    for kind in choices:
        try:
            a, b = next(choices), next(choices)
        except StopIteration:
            break
        text = MUTATIONS[kind % len(MUTATIONS)](text, a, b)
    return text


def check_text(text: str) -> newsdoc.Article:
    """Parse ``text`` and fail loudly if the article is not an exact account of it."""
    article = newsdoc.parse(text)
    assert isinstance(article, newsdoc.Article)
    assert article.source == text
    problems = audit.problems(article)
    assert not problems, f"{len(problems)} accounting problems, first: {problems[:3]}"
    return article
