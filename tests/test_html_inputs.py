"""HTML inputs everywhere: CLI parse and batch on pages, --html-field, and WARC crawl files."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsdoc.cli import main

pytest.importorskip("selectolax")
warcio = pytest.importorskip("warcio")

FIXTURES = Path(__file__).parent / "fixtures" / "html"
RECORDS = 300

_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry {n} delayed by fog | Harbour Times</title>{date}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Ferry {n} delayed by fog</h1>
<p>The morning ferry number {n} left the harbour two hours late on Tuesday after thick fog
closed the channel, the operator said.</p>
<p>Passengers waited in the terminal until the harbourmaster lifted the warning.</p>
</article><footer><p>Harbour Times, all rights reserved.</p></footer></body></html>"""


def _page(number: int) -> bytes:
    # Every third page declares its date; the others take the record's.
    stamp = (
        '<meta property="article:published_time" content="2021-06-01T07:00:00Z">'
        if number % 3 == 0
        else ""
    )
    return _PAGE.format(n=number, date=stamp).encode()


def write_warc(path: Path, records: int = RECORDS) -> None:
    """A CC-NEWS-style WARC: a warcinfo record, then request/response pairs, some not HTML."""
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for number in range(records):
            uri = f"https://harbour.example/news/ferry-{number}"
            if number % 50 == 7:  # an image response: not a document
                content_type, payload = "image/jpeg", b"\xff\xd8\xff"
            else:
                content_type, payload = "text/html; charset=utf-8", _page(number)
            # The HTTP response written out whole, so that warcio needs no spool file.
            response = (
                f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n"
            ).encode() + payload
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(response),
                length=len(response),
                warc_headers_dict={"WARC-Date": "2021-06-02T10:00:00Z"},
            )
            writer.write_record(record)


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_warc_batch_to_jsonl_with_resume(tmp_path: Path) -> None:
    """One record per HTML response; id = target URI; published from the record when absent."""
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl)
    out = tmp_path / "parsed.jsonl"
    assert main(["batch", str(crawl), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    rows = _lines(out)
    expected = [n for n in range(RECORDS) if n % 50 != 7]
    assert [row["id"] for row in rows] == [
        f"https://harbour.example/news/ferry-{n}" for n in expected
    ]
    first = rows[0]["article"]
    assert isinstance(first, dict)
    assert first["headline"] == "Ferry 0 delayed by fog"
    assert first["published"].startswith("2021-06-01")  # the page's own date
    assert first["url"] == "https://harbour.example/news/ferry-0"
    second = rows[1]["article"]
    assert isinstance(second, dict)
    assert second["published"].startswith("2021-06-02")  # the record's date
    removed = {(item["text"], item["category"]) for item in second["removed"]}
    assert ("Home", "navigation") in removed
    assert ("Harbour Times, all rights reserved.", "footer") in removed
    # resume: nothing new to do, nothing written twice
    assert main(["batch", str(crawl), "--out", str(out), "--resume", "--quiet"]) == 0
    assert len(_lines(out)) == len(rows)


def test_warc_in_a_folder_resumes_by_record(tmp_path: Path) -> None:
    """A crawl file inside a folder gives its records' URIs as ids, so a resume skips them."""
    folder = tmp_path / "crawls"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz", records=20)
    out = tmp_path / "parsed.jsonl"
    command = ["batch", str(folder), "--glob", "*.warc.gz", "--out", str(out), "--quiet"]
    assert main([*command, "--workers", "1"]) == 0
    rows = _lines(out)
    assert rows
    assert all(str(row["id"]).startswith("https://harbour.example/") for row in rows)
    assert main([*command, "--resume"]) == 0  # refused (exit 2) if no id matched
    assert len(_lines(out)) == len(rows)


def test_warc_batch_to_parquet(tmp_path: Path) -> None:
    """The same WARC runs to Parquet like any other input."""
    pq = pytest.importorskip("pyarrow.parquet")
    crawl = tmp_path / "crawl.warc"
    write_warc(crawl, records=40)
    out = tmp_path / "parsed.parquet"
    assert main(["batch", str(crawl), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 39


def test_torn_warc_gives_an_error_record(tmp_path: Path) -> None:
    """A WARC cut off mid-record: the records before it parse, then one error record."""
    whole = tmp_path / "whole.warc"
    write_warc(whole, records=5)
    torn = tmp_path / "torn.warc"
    data = whole.read_bytes()
    torn.write_bytes(data[: len(data) - 300])
    out = tmp_path / "out.jsonl"
    main(["batch", str(torn), "--out", str(out), "--workers", "1", "--quiet"])
    rows = _lines(out)
    assert "article" in rows[0]
    assert "error" in rows[-1]
    assert "cannot read" in str(rows[-1]["error"])


def test_batch_html_files_and_gz(tmp_path: Path) -> None:
    """.html, .html.gz and a sniffed page without a suffix are HTML documents."""
    (tmp_path / "a.html").write_bytes(_page(1))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(_page(2)))
    (tmp_path / "c").write_bytes(_page(3))
    out = tmp_path / "out.jsonl"
    inputs = [str(tmp_path / name) for name in ("a.html", "b.html.gz", "c")]
    assert main(["batch", *inputs, "--out", str(out), "--workers", "1", "--quiet"]) == 0
    headlines = [row["article"]["headline"] for row in _lines(out)]  # type: ignore[index]
    assert headlines == [f"Ferry {n} delayed by fog" for n in (1, 2, 3)]


def test_batch_html_field(tmp_path: Path) -> None:
    """JSONL records with --html-field are parsed as pages; their url field is the URL."""
    source = tmp_path / "pages.jsonl"
    records = [{"id": "x", "url": "https://harbour.example/x", "html": _page(4).decode()}]
    source.write_text("\n".join(json.dumps(record) for record in records) + "\n")
    out = tmp_path / "out.jsonl"
    command = ["batch", str(source), "--html-field", "html", "--out", str(out), "--quiet"]
    assert main([*command, "--workers", "1"]) == 0
    article = _lines(out)[0]["article"]
    assert isinstance(article, dict)
    assert article["headline"] == "Ferry 4 delayed by fog"
    assert article["url"] == "https://harbour.example/x"
    assert article["elements"]


def test_cli_parse_html_file(capsys: pytest.CaptureFixture[str]) -> None:
    """newsdoc parse page.html prints the article parsed from the HTML."""
    assert main(["parse", str(FIXTURES / "jsonld_graph.html")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"] == "Night trains return to the Alps"
    assert data["byline"]["authors"] == ["Lena Hofer", "Jon Brandt"]
