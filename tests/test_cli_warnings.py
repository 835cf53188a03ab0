"""Damaged input reaches the user: warnings on stderr, a batch `warnings` field, no raw controls."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

import newsdoc
from newsdoc import cli_parse
from newsdoc.cli import main
from newsdoc.decode import text_notes, warning_notes
from newsdoc.terminal import escape_controls, json_text

STORY = (
    "Council backs new bike lanes\n\n"
    "MAPLETON — The council voted 6-3 on Monday to add bike lanes on Main Street. "
    '"It is about safety," said council member Ines Ward.\n'
)
# An executable's opening bytes: a header, NULs, escapes, then text-like symbol names.
BINARY = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40 + b"\x1b[2J\x1b]0;owned\x07" + b"\x9b31m" * 5
BINARY += (b"\x00\x03\x00>\x00\x01" + b"symbol_name\x00" + bytes(range(1, 9))) * 200
PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Council backs bike lanes</title></head>\n"
    "<body><div class='story'><h1>Council backs new bike lanes</h1>\n"
    "<p>MAPLETON — The council voted on Monday.</p></div></body></html>\n"
)
# Controls a terminal acts on; none may reach stdout raw.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FORMATS = ("json", "jsonl", "markdown", "text", "summary", "html")


@pytest.fixture
def damaged(tmp_path: Path) -> dict[str, Path]:
    """A binary file, an HTML page, an empty file and a clean story."""
    files = {
        "binary": (tmp_path / "ls.txt", BINARY),
        "html": (tmp_path / "page.txt", PAGE.encode()),
        "empty": (tmp_path / "empty.txt", b"\n  \n"),
        "clean": (tmp_path / "story.txt", STORY.encode()),
    }
    for path, data in files.values():
        path.write_bytes(data)
    return {name: path for name, (path, _data) in files.items()}


def test_parse_warns_on_stderr(
    damaged: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A binary file, HTML and an empty file each give a warning naming the file; exit 0."""
    code = main(["parse", *map(str, damaged.values()), "--format", "summary"])
    err = capsys.readouterr().err
    assert code == 0
    lines = err.splitlines()
    binary = [line for line in lines if str(damaged["binary"]) in line]
    assert any("control characters" in line and "binary file" in line for line in binary)
    assert any(str(damaged["html"]) in line and "looks like HTML" in line for line in lines)
    assert any(str(damaged["empty"]) in line and "text is empty" in line for line in lines)
    assert not any(str(damaged["clean"]) in line for line in lines)
    assert all(line.startswith("newsdoc: warning: ") for line in lines)


@pytest.mark.parametrize("style", FORMATS)
def test_no_raw_control_character_is_printed(
    style: str, damaged: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Every format escapes control characters: nothing reaches the terminal raw."""
    assert main(["parse", str(damaged["binary"]), "--format", style]) == 0
    captured = capsys.readouterr()
    assert RAW_CONTROL.search(captured.out) is None
    assert RAW_CONTROL.search(captured.err) is None
    if style != "summary":  # the summary has no body text
        assert "symbol" in captured.out


def test_escapes_keep_line_breaks_and_json_reads_back() -> None:
    """Tab and line breaks stay; other controls become visible escapes; JSON stays exact."""
    text = "a\tb\nc\x1b[31m\x00\x9b\x7f"
    assert escape_controls(text) == "a\tb\nc\\x1b[31m\\x00\\x9b\\x7f"
    assert json.loads(json_text({"text": text})) == {"text": text}
    assert RAW_CONTROL.search(json_text({"text": text})) is None


def test_batch_records_warnings(
    damaged: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Batch records carry a `warnings` list for damaged documents and none for clean ones."""
    out = tmp_path / "out.jsonl"
    folder = damaged["clean"].parent
    assert main(["batch", str(folder), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    records = {
        Path(record["id"]).name: record
        for record in map(json.loads, out.read_text(encoding="utf-8").splitlines())
    }
    assert "warnings" not in records["story.txt"]
    assert "binary file" in " ".join(records["ls.txt"]["warnings"])
    assert records["page.txt"]["warnings"] == [
        note for note in records["page.txt"]["article"]["notes"] if "looks like HTML" in note
    ]
    assert records["empty.txt"]["warnings"] == ["the text is empty: there is nothing to parse"]
    capsys.readouterr()


def test_warning_notes_are_the_damage_notes_only() -> None:
    """Decoding decisions and weekday notes are not warnings; damage notes are."""
    article = newsdoc.parse_bytes(BINARY)
    assert article.notes[0].startswith("decoded as")
    warnings = warning_notes(article.notes)
    assert warnings
    assert all(not note.startswith("decoded as") for note in warnings)
    assert warning_notes(["weekday Monday 10-16 2024-03-04"]) == []


def test_html_needs_markup_not_a_stray_tag() -> None:
    """A story quoting a tag or two is not HTML; a page is, by its doctype or many tags."""
    assert not any("HTML" in note for note in text_notes(STORY + "Type <b> for bold.\n"))
    assert any(note.startswith("looks like HTML") for note in text_notes(PAGE))
    tags = "".join(f"<p>{n}</p>" for n in range(5))
    assert any(note.startswith("looks like HTML") for note in text_notes(STORY + tags))


def test_a_few_controls_are_not_a_binary_file() -> None:
    """Three stray control characters are counted, without calling the text binary."""
    (note,) = text_notes(STORY.replace("safety", "saf\x00ety\x07\x1b"))
    assert note == "3 control characters in the text, kept as they are"


def test_batch_to_stdout_prints_no_raw_control_character(
    damaged: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`batch --out -` escapes DEL and C1 controls too; the records read back unchanged."""
    code = main(["batch", str(damaged["binary"]), "--out", "-", "--workers", "1", "--quiet"])
    out = capsys.readouterr().out
    assert code == 0
    assert RAW_CONTROL.search(out) is None
    article = newsdoc.Article.from_dict(json.loads(out)["article"])
    assert article.source == newsdoc.parse_bytes(BINARY).source


def test_parse_says_it_is_working_on_a_long_document(
    monkeypatch: pytest.MonkeyPatch, damaged: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """On a terminal, parse says which long document it is working on before parsing it."""
    monkeypatch.setattr(cli_parse, "LONG_DOCUMENT", 100)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["parse", str(damaged["clean"]), "--format", "summary"]) == 0
    err = capsys.readouterr().err
    assert f"newsdoc: parsing {damaged['clean']} ({len(STORY)} characters)..." in err
