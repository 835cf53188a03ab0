"""Every compiled pattern of the package is linear by construction (issue #18).

The test walks every module of ``newsdoc``, takes each module-level ``re``/``regex`` pattern
(and the vocabulary's boilerplate patterns), and runs the static check of
``tests/regex_safety.py`` on it: a search (every start tried) unless the package only ever
matches it at one place. A flagged pattern must be rewritten, run under the time-limit
helper and listed below with the reason it is safe all the same.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections import defaultdict
from pathlib import Path

import pytest
import regex

import newsdoc
import regex_safety
from newsdoc.vocab import default_vocabulary

PACKAGE = Path(newsdoc.__file__).parent
ANCHORED_METHODS = frozenset({"match", "fullmatch"})

# Patterns the check flags that are safe for a reason it cannot see, each with that reason.
# (The search-start findings: the check counts a search's every start as an attempt that may
# read the loop and fail; these attempts cannot fail there, or the text cannot hold the run.)
_NAME_RUN_REASON = (
    "search: an attempt starts only at a capital letter and cannot fail once that letter is "
    "read (everything after it is an optional repeat and nothing follows the repeat), so a "
    "round it reads is kept; a round that fails read only spaces and particles (lower case), "
    "where no attempt starts: every character is read by at most two attempts"
)
_RUN_START_REASON = (
    "a search whose leading white-space loop follows a look-behind for no white space: an "
    "attempt starts only where a run starts, so each character is read by one attempt (the "
    "check does not read look-behinds)"
)
ALLOWED: dict[str, str] = {
    "newsdoc.quoting.scan._NAME_RUN": _NAME_RUN_REASON,
    "newsdoc.quoting.scan._ASCII_NAME_RUN": _NAME_RUN_REASON,
    "newsdoc.quoting.tokens._TOKEN": (
        "findall over a chunk whose trailing white space _pattern_tokens cuts off first: after "
        "the leading white space every character opens a token (the last alternative takes "
        "any character but a word character or white space), so no attempt fails"
    ),
    "newsdoc.rules.byline._NAME_SPLIT": (
        "splits only the byline names after normalize_space, where every white-space run is "
        "one space: the runs that could be read two ways are one character long"
    ),
    "newsdoc.rules.byline._FOR_OUTLET": (
        "searched only in one name of the byline after normalize_space (runs of one space)"
    ),
    "newsdoc.rules.dateline._WIRE": (
        "an anchored match whose repeats are all bounded ({1,8} names, {0,4} words of a place, "
        "{0,3} places, {0,2} regions) except the word loops, which are possessive: a word is "
        "read whole, never split again, so the ways to split a line are bounded by a constant "
        "whatever its length (the check reads possessive loops as plain ones and bounded "
        "repeats as unbounded)"
    ),
    "newsdoc.html.render._SPACE_AT_BREAK": _RUN_START_REASON,
    "newsdoc.rules.byline._ROLE": _RUN_START_REASON,
    "newsdoc.rules.dates._SECOND_STAMP": _RUN_START_REASON,
    "newsdoc.rules.dates._AROUND_DATE": (
        "an anchored match whose two separator loops are possessive: the first takes the whole "
        "run and never gives it back, the second starts only after 'on'/'at' and a space (the "
        "check reads possessive loops as plain ones)"
    ),
    "newsdoc.quoting.resolve._PRECEDING_WORD": (
        "searched only in the PRECEDING_CHARS (20) characters before a name: its square is bounded"
    ),
    "newsdoc.quoting.salience._LAST_WORD": (
        "searched only in the 21 characters before a match: its square is bounded"
    ),
    "newsdoc.quoting.lowercase._LOWER_WORD": (
        "an attempt at a letter reads on only where a word starts (the look-behind, two "
        "characters, fails at once inside a word), and the possessive run reads the word once: "
        "each character is read by at most two attempts"
    ),
    "newsdoc.rules.dates._STAMP": (
        "matched only on blocks of at most MAX_STAMP_CHARS (90) characters: find_dates skips "
        "longer ones before it is called, so its square is bounded"
    ),
}


def _modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(newsdoc.__path__, prefix="newsdoc."))


def _methods_called() -> dict[str, set[str]]:
    """For each name, the methods the package calls on it (``_NAME.search(...)``)."""
    called: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", None)
                if name is not None:
                    called[name].add(node.func.attr)
    return called


def _patterns() -> list[tuple[str, re.Pattern[str] | regex.Pattern[str], bool]]:
    """(name, pattern, searched) for every module-level pattern and vocabulary pattern."""
    called = _methods_called()
    found = []
    for module_name in _modules():
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                methods = called.get(name, set())
                found.append((f"{module_name}.{name}", value, not methods <= ANCHORED_METHODS))
    vocabulary = default_vocabulary()
    for number, item in enumerate(vocabulary.boilerplate_patterns, start=1):
        found.append((f"vocab/boilerplate_patterns.txt:{number}", item.pattern, False))
    found.append(("Vocabulary._beyond_phrase_keys", vocabulary._beyond_phrase_keys, False))
    return found


PATTERNS = _patterns()


@pytest.mark.parametrize(("name", "pattern", "searched"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_pattern_is_linear_by_construction(
    name: str, pattern: re.Pattern[str] | regex.Pattern[str], searched: bool
) -> None:
    """No pattern of the package can backtrack without bound (or it is allowed, with why)."""
    found = regex_safety.problems(pattern, search=searched)
    if name in ALLOWED:
        assert found, f"{name} is allowed but no longer flagged: drop it from ALLOWED"
        return
    assert found == [], f"{name} ({'search' if searched else 'match'}): {found}"


@pytest.mark.parametrize(
    ("pattern", "searched", "kind"),
    [
        (r"(?:a|aa)+c", False, "exponential"),
        (r"(?:\w+\s?)+$", False, "exponential"),
        # the navigation pattern of issue #18: bounded repeats, exponential all the same
        (r"[^|•·\n]{1,30}(?:[ ]?[|•·][ ]?[^|•·\n]{1,30}){2,20}", False, "exponential"),
        (r"\s*[:.]?\s+x", False, "polynomial"),  # the old byline opening
        (r"\w+\d+", False, "polynomial"),
        (r"\s+x", True, "polynomial"),  # a search retries the run from each of its characters
        (r"^(\s*)#", True, "polynomial"),  # without MULTILINE, only one start: see below
        (r"J(?:[ ]+(?:Q|de(?=(?:[ ]+de)*[ ]+Q)))*", True, "look-around"),  # the old name run
    ],
)
def test_the_check_flags_each_known_shape(pattern: str, searched: bool, kind: str) -> None:
    """The check is not vacuous: each shape that backtracks without bound is flagged."""
    flags = regex.MULTILINE if pattern.startswith("^") else 0
    found = regex_safety.problems(regex.compile(pattern, flags), search=searched)
    assert any(kind in problem for problem in found), found


@pytest.mark.parametrize(
    ("pattern", "searched"),
    [
        (r"[A-Z][a-z]*(?: [A-Z][a-z]*)*", True),
        (r"\s+", True),  # an attempt that has read the run cannot fail
        (r"^(\s*)#", False),
        (r"^([^\S\n]*)#", True),
        (r"(?:\s*[:.])?\s+x", False),
        (r"\d{1,3}\s+(?:of|/)\s+\d{1,3}", False),
        (r"[^|]{1,30}\|[^|]{1,30}", False),
    ],
)
def test_the_check_passes_linear_shapes(pattern: str, searched: bool) -> None:
    """Shapes that read each character a bounded number of times pass."""
    flags = regex.MULTILINE if pattern.startswith("^") else 0
    assert regex_safety.problems(regex.compile(pattern, flags), search=searched) == []


def test_every_module_of_the_package_was_walked() -> None:
    """The walk found the patterns of the rules, the quoting package and the vocabulary."""
    names = {name for name, _, _ in PATTERNS}
    assert "newsdoc.rules.explainers._COUNTER" in names
    assert "newsdoc.quoting.tokens._TOKEN" in names
    assert "vocab/boilerplate_patterns.txt:1" in names
    assert set(ALLOWED) <= names
