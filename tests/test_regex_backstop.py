"""The regex time-limit backstop: pattern calls on long text carry a time limit, each call
without one says why, and a rule that hits the limit is skipped with a note instead of hanging
the parse."""

from __future__ import annotations

import ast
from pathlib import Path

import attrs
import pytest
import regex

import newsdoc
import newsdoc.vocab
from newsdoc.pipeline import Pipeline, Rule
from newsdoc.state import DocumentState
from newsdoc.text import LONG_SUBJECT_CHARS, PATTERN_TIMEOUT, time_limit
from newsdoc.vocab import BoilerplatePattern, default_vocabulary

PACKAGE = Path(newsdoc.__file__).parent
CHECKED = [*sorted((PACKAGE / "rules").glob("*.py")), PACKAGE / "vocab" / "__init__.py"]
# str has none of these methods, so a call of one is a pattern call; "split" is str's too.
PATTERN_ONLY_METHODS = {"match", "search", "fullmatch", "finditer", "findall", "sub", "subn"}
EXEMPTION = "# no time limit:"
ARTICLE = "Harbor Bridge Reopens\n\nThe bridge reopened on Monday after eight months of work.\n"
CATASTROPHIC = r"(?:a|aa)+c"  # backtracks exponentially on a run of "a"


def _is_pattern_call(node: ast.Call) -> bool:
    if not isinstance(node.func, ast.Attribute):
        return False
    if node.func.attr in PATTERN_ONLY_METHODS:
        return True
    owner = node.func.value
    return (
        node.func.attr == "split"
        and isinstance(owner, ast.Name)
        and (owner.id in ("re", "regex") or owner.id.lstrip("_")[:1].isupper())
    )


def _unlimited_calls(path: Path) -> list[int]:
    """Lines of pattern calls with neither ``timeout=`` nor an exemption comment saying why."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    unlimited = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and _is_pattern_call(node)):
            continue
        if any(keyword.arg == "timeout" for keyword in node.keywords):
            continue
        end = node.end_lineno or node.lineno
        nearby = lines[max(0, node.lineno - 2) : end]  # the line before the call, and its own
        if not any(EXEMPTION in line for line in nearby):
            unlimited.append(node.lineno)
    return unlimited


@pytest.mark.parametrize("path", CHECKED, ids=lambda path: path.name)
def test_every_pattern_call_has_a_limit_or_says_why_not(path: Path) -> None:
    """Each regex call in the rules and the vocabulary passes ``timeout=`` or is marked
    ``# no time limit: <reason>`` (hot calls on bounded or anchored patterns)."""
    assert _unlimited_calls(path) == []


def test_the_checker_finds_an_unlimited_call(tmp_path: Path) -> None:
    """The check above is not vacuous: it reports a bare call and accepts the two forms."""
    module = tmp_path / "rule.py"
    module.write_text(
        "_P.search(text)\n"
        "_P.search(text, timeout=time_limit(text))\n"
        "# no time limit: anchored\n"
        "_P.match(text)\n"
        "_SPLIT.split(text)\n"
        "text.split()\n",
        encoding="utf-8",
    )
    assert _unlimited_calls(module) == [1, 5]


def test_only_long_subjects_get_a_time_limit() -> None:
    """Short text passes no limit (a limit costs more than the match); long text does."""
    assert time_limit("x" * LONG_SUBJECT_CHARS) is None
    assert time_limit("x" * (LONG_SUBJECT_CHARS + 1)) == PATTERN_TIMEOUT


def _catastrophic(state: DocumentState) -> None:
    regex.match(CATASTROPHIC, "a" * 80, timeout=0.05)


def test_a_rule_that_times_out_is_skipped_with_a_note() -> None:
    """A timed-out rule leaves a note; the rules after it still run."""
    pipeline = Pipeline().insert_after("headline", Rule("catastrophic", _catastrophic))
    article = newsdoc.parse(ARTICLE, config=newsdoc.ParserConfig(pipeline=pipeline))
    assert any("'catastrophic' gave up" in note for note in article.notes)
    assert article.headline == "Harbor Bridge Reopens"
    assert article.paragraphs[0].text.startswith("The bridge reopened")


def test_a_runaway_boilerplate_pattern_on_a_long_line_times_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The vocabulary's per-line patterns get the limit on long lines, so even a catastrophic
    pattern in a data file cannot hang the parse on one."""
    monkeypatch.setattr(newsdoc.vocab, "PATTERN_TIMEOUT", 0.05)
    runaway = BoilerplatePattern("test", regex.compile(CATASTROPHIC))
    vocabulary = attrs.evolve(default_vocabulary(), boilerplate_patterns=(runaway,))
    with pytest.raises(TimeoutError):
        vocabulary.boilerplate_category("a" * (LONG_SUBJECT_CHARS + 1))
    assert vocabulary.boilerplate_category("a short line") is None
