"""The tutorial notebook runs top to bottom on the current code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "docs" / "tutorial.ipynb"


def test_tutorial_executes_without_errors(tmp_path: Path) -> None:
    """nbconvert executes the tutorial; it shows an article card and the quote DataFrame."""
    for module in ("nbconvert", "ipykernel", "pandas"):
        pytest.importorskip(module)
    nbformat = pytest.importorskip("nbformat")
    command = [
        *(sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute"),
        *("--ExecutePreprocessor.timeout=300", "--output-dir", str(tmp_path), str(NOTEBOOK)),
    ]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"notebook failed:\n{done.stdout}\n{done.stderr[-4000:]}"
    executed = nbformat.read(tmp_path / NOTEBOOK.name, as_version=4)
    outputs = [output for cell in executed.cells for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.output_type == "error"]
    html = [output.data["text/html"] for output in outputs if "text/html" in output.get("data", {})]
    assert any("newsdoc-article" in item and "nd-quote" in item for item in html)
    assert any("<table" in item and "dataframe" in item for item in html)
