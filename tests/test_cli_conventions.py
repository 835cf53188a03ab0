"""The command line's conventions: -, --version, -o, --max-chars, pipes, usage errors, help."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsdoc
from newsdoc.cli import build_parser, main
from newsdoc.io import read_results

STORY = (
    "Ferry service resumes after strike\n\n"
    "RIVERTON, Ore. (AP) — Ferry service across the river resumed on Tuesday after a "
    'three-week strike ended. "We missed it," said Dana Cole, a commuter.\n\n'
    "The city will review the ferry contract next year.\n"
)
SRC = str(Path(__file__).resolve().parents[1] / "src")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``main(argv)``; return the exit code, stdout and stderr."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``main(argv)``, expecting a usage error (exit 2); return stderr."""
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    return capsys.readouterr().err


def shell(command: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``command`` in bash (pipefail on) with this checkout's newsdoc first on the path."""
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """One article on disk."""
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`newsdoc --version` prints the package version and exits 0."""
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsdoc {newsdoc.__version__}"


def test_dash_is_standard_input_for_parse(
    monkeypatch: pytest.MonkeyPatch, story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`parse -` reads the article from stdin, also beside a file."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(STORY))
    code, out, _ = run(["parse", str(story), "-", "--format", "jsonl"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [record["id"] for record in records] == [str(story), "<stdin>"]
    assert records[0]["article"] == records[1]["article"]


def test_dash_is_json_lines_on_standard_input_for_batch(tmp_path: Path) -> None:
    """`batch -` reads JSON lines from stdin, ids from the id field or <stdin>:line."""
    lines = json.dumps({"id": "a", "text": STORY}) + "\n" + json.dumps({"text": STORY}) + "\n"
    out = tmp_path / "out.jsonl"
    done = shell(f"{sys.executable} -m newsdoc batch - --out {out} --workers 1", stdin=lines)
    assert done.returncode == 0, done.stderr
    assert [result.id for result in read_results(out)] == ["a", "<stdin>:2"]


def test_output_file(story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`parse -o FILE` writes the output there and nothing to stdout."""
    target = tmp_path / "story.json"
    code, out, _ = run(["parse", str(story), "-o", str(target)], capsys)
    assert code == 0
    assert out == ""
    assert newsdoc.Article.from_dict(json.loads(target.read_text(encoding="utf-8"))) == (
        newsdoc.parse(STORY)
    )


def test_max_chars_is_named_by_the_size_error(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over --max-chars the error says how to raise it; a higher --max-chars parses."""
    code, out, err = run(["parse", str(story), "--max-chars", "50"], capsys)
    assert code == 1
    assert out == ""
    assert "--max-chars" in err
    assert run(["parse", str(story), "--max-chars", str(len(STORY))], capsys)[0] == 0
    out_file = tmp_path / "out.jsonl"
    argv = ["batch", str(story), "--out", str(out_file), "--max-chars", "50", "--workers", "1"]
    assert run(argv, capsys)[0] == 1
    (result,) = read_results(out_file)
    assert result.error is not None
    assert "--max-chars" in result.error


def test_closed_pipe_exits_quietly_with_zero(tmp_path: Path) -> None:
    """`newsdoc parse ... | head -n 1`: exit 0 and no traceback when the reader goes away."""
    # Far more output than a pipe buffer holds, so the write after head exits must fail.
    files = []
    for number in range(40):
        path = tmp_path / f"{number}.txt"
        path.write_text(STORY * 40, encoding="utf-8")
        files.append(str(path))
    command = f"{sys.executable} -m newsdoc parse --format jsonl {' '.join(files)} | head -n 1"
    done = shell(command)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert json.loads(done.stdout)["id"] == files[0]


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A batch input that does not exist stops before any work, with the batch usage."""
    out = tmp_path / "out.jsonl"
    err = usage_error(["batch", str(tmp_path / "absent"), "--out", str(out)], capsys)
    assert err.startswith("usage: newsdoc batch")
    assert "no such file or directory" in err
    assert not out.exists()


def test_zero_workers_is_a_usage_error_of_batch(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--workers 0` and `--chunksize 0` are refused with the batch usage."""
    for option in ("--workers", "--chunksize", "--max-chars"):
        err = usage_error(["batch", str(story), "--out", "-", option, "0"], capsys)
        assert err.startswith("usage: newsdoc batch")
        assert f"argument {option}" in err


def test_text_field_in_no_record_is_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --text-field that no record has is one usage error listing the fields there are."""
    dump = tmp_path / "dump.jsonl"
    records = [{"uid": str(n), "body": STORY, "site": "x"} for n in range(50)]
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    export = tmp_path / "export.csv"
    export.write_text("uid,body\n1,text\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    err = usage_error(["batch", str(dump), "--out", str(out)], capsys)
    assert err.count("--text-field text is in no record") == 1
    assert "body, site, uid" in err
    assert not out.exists()
    err = usage_error(["batch", str(export), "--out", str(out)], capsys)
    assert "body, uid" in err
    assert run(["batch", str(dump), "--out", str(out), "--text-field", "body"], capsys)[0] == 0


def test_zero_files_matched_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder where --glob matches nothing warns and writes an empty output."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.md").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(["batch", str(tmp_path / "in"), "--out", str(out)], capsys)
    assert code == 0
    assert "warning: no files match --glob *.txt" in err
    assert out.read_text(encoding="utf-8") == ""


def test_dateline_prints_without_its_dash(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary's dateline is the dateline as written, without the trailing dash."""
    out = run(["parse", str(story), "--format", "summary"], capsys)[1]
    assert "dateline:  RIVERTON, Ore. (AP)\n" in out


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


@pytest.mark.parametrize("name", ["parse", "batch", "speakers"])
def test_help_describes_every_option_with_examples(name: str) -> None:
    """Each subcommand's help has a description, help for every option, examples, no reST."""
    command = _subcommands()[name]
    assert command.description
    assert command.epilog
    assert "examples:" in command.epilog
    assert f"newsdoc {name} " in command.epilog
    for action in command._actions:
        assert action.help, f"{name} {action.option_strings or action.dest} has no help"
    text = command.format_help() + build_parser().format_help()
    assert "``" not in text
    assert ":func:" not in text


def test_help_of_text_and_summary_says_what_they_leave_out() -> None:
    """`parse --help` says what the text and summary formats do not print."""
    text = _subcommands()["parse"].format_help()
    assert "text      headline and clean body only: no byline, dateline, quotes" in text
    assert "summary   metadata and counts only" in text
    assert "no body text" in text


def test_missing_extra_is_one_line(
    monkeypatch: pytest.MonkeyPatch, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Parquet output without pyarrow: one line naming the extra to install, exit 1."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` now fails
    argv = ["batch", str(story), "--out", str(tmp_path / "out.parquet"), "--workers", "1"]
    code, out, err = run(argv, capsys)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "pip install 'newsdoc[arrow]'" in err


def test_repr_of_an_article_is_short() -> None:
    """Plain repr() is the one-line summary (headline, counts), not the whole source."""
    article = newsdoc.parse(STORY * 20)
    text = repr(article)
    assert text.startswith("Article('Ferry service resumes after strike'")
    assert "paragraph" in text
    assert len(text) < 200
    assert "source=" not in text


class TerminalInput(io.StringIO):
    """Standard input that is a terminal."""

    def isatty(self) -> bool:
        """Always a terminal."""
        return True


def test_parse_from_a_terminal_says_it_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newsdoc parse` typed alone says it is waiting for an article on standard input."""
    monkeypatch.setattr(sys, "stdin", TerminalInput(STORY))
    code, out, err = run(["parse", "--format", "text"], capsys)
    assert code == 0
    assert "reading one article from standard input" in err
    assert out.startswith("Ferry service resumes after strike")
