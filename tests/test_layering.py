"""Rules stay independent: each imports only state, model, vocab, text and helper packages."""

from __future__ import annotations

import ast
from pathlib import Path

import newsdoc

RULES = Path(newsdoc.__file__).parent / "rules"
ALLOWED_PREFIXES = (
    "newsdoc.state",
    "newsdoc.model",
    "newsdoc.vocab",
    "newsdoc.text",
    "newsdoc.quoting",
    "newsdoc.weekdays",
    "newsdoc.zoning",
)


def _newsdoc_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.split(".")[0] == "newsdoc"}


def test_rules_import_only_allowed_layers() -> None:
    """No rule imports another rule, the parser, I/O or display code."""
    rule_files = sorted(RULES.glob("*.py"))
    assert len(rule_files) > 5
    for path in rule_files:
        bad = {name for name in _newsdoc_imports(path) if not name.startswith(ALLOWED_PREFIXES)}
        assert not bad, f"{path.name} imports {sorted(bad)}"
