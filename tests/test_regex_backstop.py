"""The regex time-limit backstop: every rule pattern call has a timeout, and a rule that hits it
is skipped with a note instead of hanging the parse."""

from __future__ import annotations

import ast
from pathlib import Path

import regex

import newsdoc
from newsdoc.pipeline import Pipeline, Rule
from newsdoc.state import DocumentState

RULES = Path(newsdoc.__file__).parent / "rules"
PATTERN_METHODS = {"match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
ARTICLE = "Harbor Bridge Reopens\n\nThe bridge reopened on Monday after eight months of work.\n"


def _pattern_calls_without_timeout(path: Path) -> list[int]:
    """Lines calling a regex pattern method (or the regex module) with no timeout keyword."""
    missing = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        is_pattern = isinstance(owner, ast.Name) and (
            owner.id == "regex" or owner.id.lstrip("_")[:1].isupper()
        )
        if not is_pattern or node.func.attr not in PATTERN_METHODS:
            continue
        if not any(keyword.arg == "timeout" for keyword in node.keywords):
            missing.append(node.lineno)
    return missing


def test_every_rule_pattern_call_has_a_timeout() -> None:
    """Each regex call in the rules passes timeout=PATTERN_TIMEOUT (the hang backstop)."""
    checked = sorted(RULES.glob("*.py"))
    assert checked
    for path in checked:
        assert _pattern_calls_without_timeout(path) == [], path.name


def _catastrophic(state: DocumentState) -> None:
    # (a|aa)+c on a run of "a" backtracks exponentially: only the timeout ends it.
    regex.match(r"(?:a|aa)+c", "a" * 80, timeout=0.05)


def test_a_rule_that_times_out_is_skipped_with_a_note() -> None:
    """A timed-out rule leaves a note; the rules after it still run."""
    pipeline = Pipeline().insert_after("headline", Rule("catastrophic", _catastrophic))
    article = newsdoc.parse(ARTICLE, config=newsdoc.ParserConfig(pipeline=pipeline))
    assert any("'catastrophic' gave up" in note for note in article.notes)
    assert article.headline == "Harbor Bridge Reopens"
    assert article.paragraphs[0].text.startswith("The bridge reopened")
