"""The documentation builds with ``mkdocs build --strict`` and its examples print what they say."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdoc.pipeline import DEFAULT_RULES

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
# Pages whose ``>>>`` examples run as doctests (the pages other parts of the project own
# are tested by their owners).
DOCTEST_PAGES = [
    "getting-started.md",
    *(f"how-to/{p.name}" for p in sorted((DOCS / "how-to").glob("*.md"))),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from mkdocs.yml into a temporary folder (skips without the docs tools)."""
    for module in ("mkdocs", "material", "mkdocstrings_handlers.python", "mkdocs_jupyter"):
        pytest.importorskip(module)
    out = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=600, env=environment
    )
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return out


def page(site: Path, name: str) -> str:
    """The built HTML of one page."""
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_rule_reference_lists_every_default_rule(site: Path) -> None:
    """The generated rule reference has a section and an example for each default rule."""
    html = page(site, "rules")
    for position, rule in enumerate(DEFAULT_RULES, start=1):
        assert f'id="{position}-{rule.name}"' in html, rule.name
    assert html.count("parsed when these docs were built") == len(DEFAULT_RULES)


def test_api_reference_and_schema_pages(site: Path) -> None:
    """The API reference documents the public names without raw Sphinx roles; the schema shows."""
    html = page(site, "api")
    for name in ("parse_many", "ParserConfig", "to_dataframe", "highlight_paragraph", "Article"):
        assert f'id="newsdoc.{name}"' in html or f".{name}" in html, name
    assert ":class:" not in html
    assert ":func:" not in html
    assert "&#34;$defs&#34;" in page(site, "schema") or '"$defs"' in page(site, "schema")
    assert (site / "schema.json").exists()


def test_tutorial_notebook_is_executed_into_the_site(site: Path) -> None:
    """The tutorial page holds the executed notebook: the article card with its quotes."""
    html = page(site, "tutorial")
    assert "newsdoc-article" in html
    assert "nd-quote" in html
    assert "Traceback" not in html


@pytest.mark.parametrize("name", DOCTEST_PAGES)
def test_page_examples_print_what_they_say(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``>>>`` example on the page gives the output written under it."""
    monkeypatch.chdir(REPO)
    results = doctest.testfile(str(DOCS / name), module_relative=False, verbose=False)
    assert results.failed == 0, f"docs/{name}: update the printed output of its examples"
